"""Pelican plugin: a rebuild renders only the pages whose inputs changed, in parallel (see writer.py)."""

import gc

from pelican import signals

from .fingerprint import site_digest
from .parallel import MIN_PAGES
from .prehash import Prehash
from .templates import cache_templates, site_key
from .writer import IncrementalWriter, workers

__all__ = ["register"]

_writers: list[IncrementalWriter] = []  # this build's writer, finished when the build ends
_build: dict = {}  # this build's site digest, its generators, and its Prehash once started
_collector: dict = {}  # the garbage collector's thresholds from before the first build

# A build allocates millions of objects that live until it ends (articles, cached
# cleanings, topics). At CPython's default of one young collection per 700 allocations,
# the collector walks them over and over, in Pelican's process and in every forked one,
# where walking an object also copies its memory page. During a build it runs every
# BUILD_GC_THRESHOLD allocations instead: a one-dump rebuild of 1,000 dumps takes a tenth
# less time. Cyclic garbage still goes, a little later.
BUILD_GC_THRESHOLD = 100_000


class _Writer(IncrementalWriter):
    def __init__(self, *args, **kwargs):
        # The site digest the generators' template caches were given: worked out once.
        super().__init__(*args, site=_build.get("site"), **kwargs)
        _writers.append(self)


def keep_generators(generators):
    _build["generators"] = generators


def generator_init(generator):
    """Each generator's Jinja environment keeps compiled templates (templates.py)."""
    if "site" not in _build:
        _build["site"] = site_digest(generator.settings)
    cache_templates(generator, site_key(_build["site"]))


def get_writer(pelican):
    """Every context is final: start hashing articles and topics (prehash.py) when pages
    will be fingerprinted in worker processes, deferred (not with RELATIVE_URLS)."""
    _writers.clear()
    objects = []
    for generator in _build.pop("generators", ()):
        for name in ("articles", "hidden_articles", "drafts"):
            objects += getattr(generator, name, None) or []
        objects += list(getattr(generator, "tags", None) or ())
    settings = pelican.settings
    if workers(settings) > 1 and len(objects) >= MIN_PAGES and not settings.get("RELATIVE_URLS"):
        _build["prehash"] = Prehash(objects)
    return _Writer


def finish(pelican):
    prehash = _build.pop("prehash", None)
    for writer in _writers:
        if prehash is not None:
            prehash.install(writer.fingerprints)
        writer.finish()
    _writers.clear()
    # What the build made lives until the process ends: frozen, the garbage collector no
    # longer walks it, which at exit took 0.45 s of a 10,000-article rebuild. The next
    # build in the same process (autoreload, tests) unfreezes it first, so nothing leaks.
    gc.freeze()
    if _collector:
        gc.set_threshold(*_collector.pop("threshold"))


def start(pelican):
    """At the start of every build: get_generators is sent by each Pelican.run(), also by
    autoreload's, which reuses one Pelican instance (so `initialized` comes only once)."""
    gc.unfreeze()
    threshold = _collector.setdefault("threshold", gc.get_threshold())
    gc.set_threshold(max(threshold[0], BUILD_GC_THRESHOLD), *threshold[1:])
    stale = _build.pop("prehash", None)  # from a build that failed before it finished
    if stale is not None:
        stale.close()
    _build.clear()


def register():
    signals.all_generators_finalized.connect(keep_generators)
    signals.get_generators.connect(start)
    signals.generator_init.connect(generator_init)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finish)
