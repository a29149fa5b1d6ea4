"""A Pelican writer that renders only the pages whose inputs changed since the last build,
in parallel.

Pages are queued as Pelican writes them (each page's context kept as its differences from
the site context, so the queue stays small) and handled when the build ends, in forked
processes (parallel.py): each page's fingerprint (fingerprint.py) is compared with the
last build's, kept in CACHE_PATH, one file per output folder; a page whose fingerprint is
unchanged and whose file is still there is neither rendered nor rewritten.
"""

import hashlib
import io
import json
import logging
import os
from itertools import compress, repeat
from operator import is_not

from pelican.writers import FileOverwriteFailedError, Writer

from .fingerprint import Fingerprints, site_digest
from .parallel import render_all
from .templates import site_key

logger = logging.getLogger(__name__)


def workers(settings) -> int:
    """INCREMENTAL["workers"]: processes that handle pages; 0 (default) is one per CPU, 1 none."""
    given = int((settings.get("INCREMENTAL") or {}).get("workers", 0))
    return given or getattr(os, "process_cpu_count", os.cpu_count)() or 1


def store_path(settings, output_path: str) -> str:
    """The fingerprint file of one output folder (builds into two folders keep two)."""
    tag = hashlib.blake2b(os.path.abspath(output_path).encode(), digest_size=8).hexdigest()
    return os.path.join(settings["CACHE_PATH"], f"pages-{tag}.json")


_MISSING = object()


def _differing(old: dict, new: dict):
    """The keys of `new` whose value is not the very object `old` holds under that key.

    Asked for every page against the whole site context (hundreds of keys): built from
    C iterators, so no Python code runs per key.
    """
    return compress(new, map(is_not, map(old.get, new, repeat(_MISSING)), new.values()))


class _Template:
    """Stands in for a Jinja template: the page goes to the writer's queue."""

    def __init__(self, template, writer: "IncrementalWriter"):
        self.template, self.writer = template, writer

    def render(self, localcontext) -> str:
        writer, name = self.writer, localcontext["output_file"]
        if not writer.defer:
            unchanged, output = writer.page(self.template, localcontext, name)
            if not unchanged:
                return output
        else:
            writer.queue(self.template, localcontext, name)
        writer.untouched = os.path.join(writer.output_path, name)  # _open_w must not truncate it
        return ""


class IncrementalWriter(Writer):
    def __init__(self, output_path, settings=None, site: bytes | None = None):
        """`site`: the settings' site_digest, when the caller has it already."""
        super().__init__(output_path, settings=settings)
        site = site_digest(self.settings) if site is None else site
        # Which context names each template reads depends on the theme (in the site
        # digest) and on how Jinja parses it: kept for the next build with both.
        self.key = site_key(site)
        self.path = store_path(self.settings, output_path)
        stored = self._load()
        self.fingerprints = Fingerprints(site, stored.get("names") if stored.get("key") == self.key else None)
        self.previous, self.current = stored.get("pages") or {}, {}
        self.untouched = None  # the output file _open_w must leave alone
        self.kept = self.rendered = 0
        # With relative URLs Pelican changes the shared context before each page: render in order.
        self.defer = not self.settings.get("RELATIVE_URLS")
        self.jobs, self._base, self._context = [], {}, None

    def _load(self) -> dict:
        try:
            with open(self.path, encoding="utf-8") as handle:
                found = json.load(handle)
            return found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            return {}

    def queue(self, template, localcontext, name) -> None:
        context, base = self._context, self._base
        if len(context) != len(base) or next(_differing(context, base), _MISSING) is not _MISSING:
            base = self._base = dict(context)  # the site context changed since the last snapshot
        changes = {key: localcontext[key] for key in _differing(base, localcontext)}
        self.jobs.append((template, base, changes, name))

    def page(self, template, localcontext, name, changes=None) -> tuple[bool, str]:
        """(unchanged, rendered output or ""): one page, fingerprinted, rendered if it changed.
        With `changes`, the page's context is `localcontext` (the shared site context) with
        them on top."""
        fingerprint = self.fingerprints.page(template, localcontext, changes)
        self.current[name] = fingerprint
        if self.previous.get(name) == fingerprint and os.path.isfile(os.path.join(self.output_path, name)):
            self.kept += 1
            return True, ""
        self.rendered += 1
        return False, template.render({**localcontext, **changes} if changes else localcontext)

    def _job(self, job) -> tuple:
        """A queued page, in whichever process: written if it changed; what the parent keeps."""
        template, base, changes, name = job
        unchanged, output = self.page(template, base, name, changes)
        if not unchanged:
            path = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(output)
        return name, self.current[name], unchanged

    def finish(self) -> None:
        """Handle the queued pages, then keep this build's fingerprints for the next."""
        for template in {job[0] for job in self.jobs}:
            self.fingerprints.sorted_names(template)  # here, not again in every worker
        results = render_all(self.jobs, self._job, workers(self.settings))
        for name, fingerprint, _ in results:
            self.current[name] = fingerprint
        if results:  # counted here: pages handled in other processes counted only there
            self.kept = sum(unchanged for _, _, unchanged in results)
            self.rendered = len(results) - self.kept
        logger.info("Pages: %d rendered, %d unchanged", self.rendered, self.kept)
        self.jobs = []
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(self.path, "w", encoding="utf-8") as handle:
                json.dump({"key": self.key, "names": self.fingerprints.known_names(), "pages": self.current},
                          handle, sort_keys=True)
        except OSError as error:
            logger.warning("%s: cannot save page fingerprints (the next build renders every page): %s",
                           self.path, error)

    def write_file(self, name, template, context, *args, **kwargs):
        self._context = context
        return super().write_file(name, _Template(template, self), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        if filename != self.untouched:
            return super()._open_w(filename, encoding, override)
        self.untouched = None
        # Pelican's rules for a file written twice in one build (Writer._open_w), for a
        # file this writer handles itself: Pelican writes "" into a string buffer, no file.
        if filename in self._overridden_files and override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
        if filename in self._written_files and not override and filename not in self._overridden_files:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already written to it')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return io.StringIO()
