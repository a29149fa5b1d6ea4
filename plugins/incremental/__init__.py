"""Pelican plugin: a rebuild renders only the pages whose inputs changed, in parallel (see writer.py)."""

from pelican import signals

from .writer import IncrementalWriter

__all__ = ["register"]

_writers: list[IncrementalWriter] = []  # this build's writer, finished when the build ends


class _Writer(IncrementalWriter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _writers.append(self)


def get_writer(pelican):
    _writers.clear()
    return _Writer


def finish(pelican):
    for writer in _writers:
        writer.finish()
    _writers.clear()


def register():
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finish)
