"""A Pelican writer that renders only the pages whose inputs changed since the last build.

Each page's fingerprint (fingerprint.py) is kept in CACHE_PATH, one file per output
folder. A page whose fingerprint is unchanged and whose file is still there is neither
rendered nor rewritten; everything else is written as Pelican's own writer does.
"""

import json
import logging
import os

from pelican.writers import FileOverwriteFailedError, Writer

from .fingerprint import Fingerprints, site_digest

logger = logging.getLogger(__name__)


def store_path(settings, output_path: str) -> str:
    """The fingerprint file of one output folder (builds into two folders keep two)."""
    tag = os.path.abspath(output_path).encode().hex()[-32:]
    return os.path.join(settings["CACHE_PATH"], f"pages-{tag}.json")


class _Template:
    """Stands in for a Jinja template: renders only when the page's inputs changed."""

    def __init__(self, template, writer: "IncrementalWriter"):
        self.template, self.writer = template, writer

    def render(self, localcontext) -> str:
        writer, name = self.writer, localcontext["output_file"]
        fingerprint = writer.fingerprints.page(self.template, localcontext)
        writer.current[name] = fingerprint
        if writer.previous.get(name) == fingerprint and os.path.isfile(os.path.join(writer.output_path, name)):
            writer.unchanged = os.path.join(writer.output_path, name)
            writer.kept += 1
            return ""
        writer.rendered += 1
        return self.template.render(localcontext)


class IncrementalWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.fingerprints = Fingerprints(site_digest(self.settings))
        self.path = store_path(self.settings, output_path)
        self.previous, self.current = self._load(), {}
        self.unchanged = None  # the output file _open_w must leave alone
        self.kept = self.rendered = 0

    def _load(self) -> dict:
        try:
            with open(self.path, encoding="utf-8") as handle:
                found = json.load(handle)
            return found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            return {}

    def save(self) -> None:
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(self.path, "w", encoding="utf-8") as handle:
                json.dump(self.current, handle, sort_keys=True)
        except OSError as error:
            logger.warning("%s: cannot save page fingerprints (the next build renders every page): %s",
                           self.path, error)
        logger.info("Pages: %d rendered, %d unchanged", self.rendered, self.kept)

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Template(template, self), context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        if filename != self.unchanged:
            return super()._open_w(filename, encoding, override)
        self.unchanged = None
        # Pelican's rules for a file written twice in one build (Writer._open_w), for a
        # file this build keeps as it is: nothing is opened but os.devnull.
        if filename in self._overridden_files and override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
        if filename in self._written_files and not override and filename not in self._overridden_files:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already written to it')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(os.devnull, "w", encoding=encoding)
