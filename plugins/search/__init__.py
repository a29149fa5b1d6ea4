"""Pelican plugin: the Pagefind search index, built when Pelican finishes (the `finalized`
signal), so every way of running Pelican (`pelican content`, `--autoreload`, `--listen`,
`invoke build`, a rebuild from the cache) leaves OUTPUT/pagefind/ behind.

Pelican calls a signal's receivers in plugin order, and plugins/incremental writes its
pages in its own `finalized` receiver: this plugin comes after it in PLUGINS.
"""

from pelican import signals

from .index import build_index, note_articles

__all__ = ["register"]


def register():
    signals.all_generators_finalized.connect(note_articles)
    signals.finalized.connect(build_index)
