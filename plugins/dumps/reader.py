"""The Pelican reader for dumps: Pelican metadata and a report row from one dump."""

import hashlib
import logging
import os

from pelican.readers import BaseReader, HTMLReader
from pelican.urlwrappers import Author
from pelican.utils import get_date, slugify

from . import overrides
from .boilerplate import boilerplate_for
from .clean import Cleaner
from .pipeline import clean_dump
from .settings import dumps_settings

logger = logging.getLogger(__name__)


def make_cleaner(settings, recurring=frozenset()) -> Cleaner:
    options = dumps_settings(settings)
    return Cleaner(boilerplate_for(options["boilerplate"]), recurring, options["title_max_chars"])


class DumpReader(BaseReader):
    """Reads .txt and .html files under PATH/<folder>/ as dumps; other .html as Pelican does."""

    enabled = True
    file_extensions = ["txt", "html", "htm"]
    # Set per build by the plugin (corpus signal included); a default for standalone use.
    cleaner: Cleaner | None = None

    def __init__(self, settings):
        super().__init__(settings)
        self.options = dumps_settings(settings)
        self.root = os.path.join(settings["PATH"], self.options["folder"])

    def source_of(self, filename: str) -> str | None:
        rel = os.path.relpath(os.path.abspath(filename), os.path.abspath(self.root))
        return None if rel.startswith(os.pardir) else rel.replace(os.sep, "/")

    def read(self, filename):
        source = self.source_of(filename)
        if source is None:
            if filename.lower().endswith((".html", ".htm")):
                return HTMLReader(self.settings).read(filename)
            return "", {"status": "skip"}
        cleaner = DumpReader.cleaner or make_cleaner(self.settings)
        with open(filename, "rb") as handle:
            data = handle.read()
        override, problem = overrides.load(filename, self.options["override_suffix"])
        if problem:
            logger.warning("%s (the dump is built with what cleaning found)", problem)
        try:
            result = clean_dump(data, source, cleaner, self.options["summary_max_chars"])
        except Exception as error:  # a cleaner bug must not cost the build; report it
            logger.warning("%s: skipped, the cleaner failed: %r", source, error)
            return "", self._skip(source, f"cleaner error: {error!r}")
        if result.skip_reason:
            logger.warning("%s: skipped, %s", source, result.skip_reason)
            return "", self._skip(source, result.skip_reason)
        return result.html, self._metadata(source, data, result, override, problem)

    def _skip(self, source, reason):
        return {"status": "skip", "dump_source": source, "dump_report": {"reason": reason}}

    def _metadata(self, source, data, result, override, problem) -> dict:
        cleaned = result.cleaned
        flags = []
        title = override.get("title") or cleaned.title
        if cleaned.title_derived and "title" not in override:
            flags.append("title derived from the lede")
        date = override.get("date") or cleaned.date
        undated = date is None
        if undated:
            date = get_date(self.options["undated_date"])
            flags.append("undated: date set to DUMPS['undated_date']")
        slug = slugify(override.get("slug") or title, regex_subs=self.settings["SLUG_REGEX_SUBSTITUTIONS"])[:80].strip("-")
        if not slug:
            slug = "article-" + hashlib.sha1(data).hexdigest()[:10]
        if problem:
            flags.append(f"override ignored: {problem}")
        metadata = {
            "title": title,
            "date": date,
            "slug": slug,
            "summary": override.get("summary") or result.summary,
            "status": override.get("status", "published"),
            "undated": undated,
            "dump_source": source,
            "tag_hints": cleaned.tag_hints,
            "topics_add": override.get("tags", []),
            "topics_remove": override.get("remove_tags", []),
            "dump_report": {
                "flags": flags,
                "removed": [
                    {"line": b.line, "kind": b.furniture or b.role, "rule": b.rule, "text": b.plain[:200]}
                    for b in result.removed
                ],
            },
        }
        author = override.get("author") or cleaned.author
        if author:
            metadata["author"] = Author(author, self.settings)
        if cleaned.reading_time:
            metadata["reading_time"] = cleaned.reading_time
        if cleaned.author_note:
            metadata["author_note"] = cleaned.author_note
        return metadata
