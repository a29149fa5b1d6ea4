"""Clean every dump of a build before Pelican reads any: from the cache when nothing it
depends on has changed, otherwise in worker processes, one per CPU.

Pass 1, the corpus signal: each dump's line keys (cached by content) are counted across
the folder; keys found in `recurring_min_dumps` dumps or more are furniture.
Pass 2, cleaning: a cached result is reused when the dump's bytes, its name, the
cleaning code, data and settings are unchanged, and every corpus-signal lookup the
cleaning made still gets the same answer. So editing one dump re-cleans another only
when the edit changes whether one of that other dump's lines recurs.
"""

import functools
import hashlib
import importlib
import logging
import multiprocessing
import os
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version

from . import lines
from .boilerplate import boilerplate_for
from .cache import Store
from .clean import Cleaner
from .corpus import dump_files, is_html_name, lines_of, recurring as recurring_keys
from .decode import ftfy_with_options
from .pipeline import Record, clean_dump

logger = logging.getLogger(__name__)

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
# Libraries whose upgrade can change a cleaning result.
_LIBRARIES = ("trafilatura", "htmldate", "ftfy", "charset-normalizer", "nh3", "lxml")
# Settings that change a cleaning result (the corpus signal is checked lookup by lookup).
_CLEANING_OPTIONS = ("boilerplate", "title_max_chars", "summary_max_chars", "line_model")
# Fewer dumps than this to compute: starting worker processes costs more than it saves.
POOL_MIN = 64
_CHUNK = 16


@dataclass(frozen=True)
class Prepared:
    """One dump ready for the reader: its content hash and its cleaning."""

    digest: str
    record: Record


def make_cleaner(options, recurring=frozenset()) -> Cleaner:
    """The cleaner for DUMPS options (already merged over the defaults)."""
    model = lines.model() if options["line_model"] else None
    return Cleaner(boilerplate_for(options["boilerplate"]), recurring, options["title_max_chars"], model)


def code_version(options) -> str:
    """A hash of this plugin's code and data, the libraries it cleans with and the
    cleaning settings: change any and every cached result is recomputed."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".yml", ".json", ".txt")):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, _PACKAGE).encode())
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    for library in _LIBRARIES:
        digest.update(f"{library}=={version(library)}".encode())
    digest.update(repr([(key, options[key]) for key in _CLEANING_OPTIONS]).encode())
    return digest.hexdigest()


class Progress:
    """`Dumps: 2,000/10,000 …, 3.1 s` every few seconds, and a closing line; silent under -q."""

    EVERY = 2.0

    def __init__(self, total: int, show: bool):
        self.total, self.show = total, show
        self.start = self.last = time.perf_counter()
        self.done = self.cached = 0

    def step(self, cached: bool = False) -> None:
        self.done += 1
        self.cached += cached
        now = time.perf_counter()
        if self.show and now - self.last >= self.EVERY and self.done < self.total:
            self.last = now
            self._say(f"Dumps: {self.done:,}/{self.total:,} read, {now - self.start:.1f} s")

    def close(self) -> None:
        if self.show:
            elapsed = time.perf_counter() - self.start
            self._say(f"Dumps: {self.done:,}/{self.total:,} read in {elapsed:.1f} s "
                      f"({self.cached:,} from the cache, {self.done - self.cached:,} cleaned)")

    @staticmethod
    def _say(text: str) -> None:
        from pelican.log import console  # Pelican's own console: lines print above its spinner

        console.print(text, highlight=False)


# -- worker processes -------------------------------------------------------------------
_worker: dict = {}


def _start_worker(options: dict | None, recurring: frozenset) -> None:
    # A forked worker must not reach the parent's log handlers (their locks may have been
    # held at fork time); what goes wrong comes back as data and the parent logs it.
    logging.disable(logging.CRITICAL)
    if options is not None:  # the cleaning pass (the line keys need no cleaner)
        _worker.update(options=options, cleaner=make_cleaner(options, recurring))


def source_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _line_keys(job: tuple[str, str]) -> frozenset:
    path, source = job
    return frozenset(lines_of(_read(path), is_html_name(source)))


def clean_record(data: bytes, source: str, cleaner: Cleaner, options) -> Record:
    """One dump's Record; a cleaner bug becomes a skip reason, so it never costs the build."""
    try:
        return clean_dump(data, source, cleaner, options["summary_max_chars"]).record()
    except Exception as error:  # the build report says why
        return Record(skip_reason=f"the cleaner failed: {error!r}")


def _clean(job: tuple[str, str]) -> Record:
    path, source = job
    return clean_record(_read(path), source, _worker["cleaner"], _worker["options"])


def _load_cleaning(options: dict, jobs: list) -> None:
    """Load the furniture rules and the line model (a fifth of a second) and, when some job
    needs it, import the HTML reader (trafilatura: as much again), here: cleaning workers
    forked from this process then start with them instead of each loading its own."""
    make_cleaner(options)
    if any(is_html_name(source) for _, source in jobs):
        importlib.import_module(".htmldump", __package__)


def _run(function, jobs: list, options: dict | None, recurring: frozenset, workers: int, meanwhile=lambda: None):
    """function over jobs, in order: in worker processes when it pays, else here; with
    `options`, each worker has its cleaner. `meanwhile()` runs here while the workers start
    on their jobs."""
    if workers > 1 and len(jobs) >= POOL_MIN and "fork" in multiprocessing.get_all_start_methods():
        ftfy_with_options()  # imported once here, not in every worker
        # fork: workers start in milliseconds with every module already imported. Python
        # 3.12+ warns about forking a process with threads (Pelican's spinner is one);
        # the workers never touch what those threads hold (see _start_worker).
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            with ProcessPoolExecutor(workers, multiprocessing.get_context("fork"),
                                     initializer=_start_worker, initargs=(options, recurring)) as pool:
                results = pool.map(function, jobs, chunksize=_CHUNK)
                meanwhile()
                yield from results
        return
    meanwhile()
    if options is not None:
        _worker.update(options=options, cleaner=make_cleaner(options, recurring))
    try:
        yield from map(function, jobs)
    finally:
        _worker.clear()


def prepare_dumps(root: str, options, cache_folder: str | None, show_progress: bool = False) -> dict[str, Prepared]:
    """{source: Prepared} for every readable dump under root (sources are /-separated)."""
    options = dict(options)
    workers = options["workers"] or getattr(os, "process_cpu_count", os.cpu_count)() or 1
    store = Store(cache_folder)
    version_key = code_version(options)
    digests = {}
    for rel in dump_files(root):
        try:
            digests[rel.replace(os.sep, "/")] = source_digest(_read(os.path.join(root, rel)))
        except OSError as error:  # the reader meets it again and reports it
            logger.warning("%s: cannot read: %s", rel, error)
    jobs = {source: (os.path.join(root, *source.split("/")), source) for source in digests}
    progress = Progress(len(digests), show_progress)

    # Pass 1: the corpus signal.
    def keys_key(source):
        return f"keys:{version_key}:{digests[source]}:{is_html_name(source)}"

    keys = {source: store.get(keys_key(source)) for source in digests}
    missing = [source for source, found in keys.items() if found is None]
    # The dumps whose line keys are new are those to clean: what cleaning them takes is
    # loaded while the workers compute the keys, ready for the cleaning workers to inherit.
    todo = [jobs[s] for s in missing]
    for source, found in zip(missing, _run(_line_keys, todo, None, frozenset(), workers,
                                           meanwhile=functools.partial(_load_cleaning, options, todo))):
        keys[source] = found
        store.put(keys_key(source), found)
    recurring = recurring_keys(keys.values(), options["recurring_min_dumps"])
    del keys

    # Pass 2: cleaning.
    def clean_key(source):
        return f"clean:{version_key}:{digests[source]}:{source}"

    prepared, missing = {}, []
    for source, digest in digests.items():
        record = store.get(clean_key(source))
        if record is not None and all((key in recurring) == seen for key, seen in record.signal.items()):
            prepared[source] = Prepared(digest, record)
            progress.step(cached=True)
        else:
            missing.append(source)
    todo = [jobs[s] for s in missing]
    _load_cleaning(options, todo)  # before the workers start, so that they inherit it
    for source, record in zip(missing, _run(_clean, todo, options, recurring, workers)):
        prepared[source] = Prepared(digests[source], record)
        store.put(clean_key(source), record)
        progress.step()
    progress.close()
    store.save()
    return prepared
