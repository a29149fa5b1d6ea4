"""The Pelican reader for dumps: Pelican metadata and a report row from one dump."""

import logging
import os
from datetime import datetime, timezone

from pelican.readers import BaseReader, HTMLReader
from pelican.urlwrappers import Author
from pelican.utils import slugify

from . import overrides
from .pipeline import Record
from .prepare import Prepared, clean_record, make_cleaner, source_digest
from .settings import dumps_settings

logger = logging.getLogger(__name__)

# The date of an undated article, for Pelican alone: it drops articles without one, and
# sorts by it (this one puts them after every dated article). The theme, feeds, sitemap
# and archives read the article's `undated` flag and never show it; its URL is
# DUMPS["undated_url"].
UNDATED_SORT_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)

SLUG_MAX_CHARS = 80


def short_slug(slug: str) -> str:
    """At most SLUG_MAX_CHARS, cut between words ("…-between-t/" reads as a typo)."""
    if len(slug) > SLUG_MAX_CHARS:
        head = slug[:SLUG_MAX_CHARS + 1]  # one more: a cut right before a "-" keeps the word
        words = head.rsplit("-", 1)[0] if "-" in head else ""
        slug = words if len(words) > SLUG_MAX_CHARS // 2 else slug[:SLUG_MAX_CHARS]
    return slug.strip("-")


class DumpReader(BaseReader):
    """Reads .txt and .html files under PATH/<folder>/ as dumps; other .html as Pelican does."""

    enabled = True
    file_extensions = ["txt", "html", "htm"]
    # Set per build by the plugin: every dump cleaned up front (prepare.py). A dump
    # missing from it (standalone use, a file added mid-build) is cleaned here.
    prepared: dict[str, Prepared] = {}
    # What the build report says of each dump read (flags, removed lines, skip reason)
    # and its paragraph keys for duplicate detection, by source: kept here, not in the
    # article, since no page shows them.
    reports: dict[str, dict] = {}

    def __init__(self, settings):
        super().__init__(settings)
        self.options = dumps_settings(settings)
        self.root = os.path.join(settings["PATH"], self.options["folder"])
        self._prefix = os.path.join(os.path.abspath(self.root), "")  # the root and a separator

    def source_of(self, filename: str) -> str | None:
        """The dump's path under the dumps folder, /-separated; None outside it."""
        path = os.path.abspath(filename)  # normalised, as the prefix is: no relpath needed
        return path[len(self._prefix):].replace(os.sep, "/") if path.startswith(self._prefix) else None

    def read(self, filename):
        source = self.source_of(filename)
        if source is None:
            if filename.lower().endswith((".html", ".htm")):
                return HTMLReader(self.settings).read(filename)
            return "", {"status": "skip"}
        # Taken out, not looked up: each is read once, and the memory goes with the reading.
        prepared = DumpReader.prepared.pop(source, None) or self._clean(filename, source)
        record = prepared.record
        override, problem = overrides.load(filename, self.options["override_suffix"])
        if problem:
            logger.warning("%s (the dump is built with what cleaning found)", problem)
        if record.skip_reason:
            logger.warning("%s: skipped, %s", source, record.skip_reason)
            DumpReader.reports[source] = {"reason": record.skip_reason}
            return "", {"status": "skip", "dump_source": source}
        return record.html, self._metadata(source, prepared.digest, record, override, problem)

    def _clean(self, filename, source) -> Prepared:
        with open(filename, "rb") as handle:
            data = handle.read()
        return Prepared(source_digest(data), clean_record(data, source, make_cleaner(self.options), self.options))

    def _metadata(self, source, digest, record: Record, override, problem) -> dict:
        flags = []
        title = override.get("title") or record.title
        if record.title_derived and "title" not in override:
            flags.append("title derived from the lede")
        date = override.get("date") or record.date
        undated = date is None
        if undated:
            date = UNDATED_SORT_DATE
            flags.append("undated: no date in the dump or its override")
        slug = short_slug(slugify(override.get("slug") or title, regex_subs=self.settings["SLUG_REGEX_SUBSTITUTIONS"]))
        if not slug:
            slug = "article-" + digest[:10]
        if record.notes:
            flags.append(record.notes)
        if problem:
            flags.append(f"override ignored: {problem}")
        metadata = {
            "title": title,
            "date": date,
            "slug": slug,
            "summary": override.get("summary") or record.summary,
            "status": override.get("status", "published"),
            "undated": undated,
            "dump_source": source,
            "tag_hints": list(record.tag_hints),
            "topics_add": override.get("tags", []),
            "topics_remove": override.get("remove_tags", []),
        }
        DumpReader.reports[source] = {"flags": flags, "removed": [dict(row) for row in record.removed],
                                      "paragraphs": record.paragraphs}
        author = override.get("author") or record.author
        if author:
            metadata["author"] = Author(author, self.settings)
        if record.reading_time:
            metadata["reading_time"] = record.reading_time
        if record.author_note:
            metadata["author_note"] = record.author_note
        return metadata
