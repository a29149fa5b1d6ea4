"""Pelican plugin: raw dumps (scraped text, saved HTML pages) in, clean articles out."""

import logging
import os

from pelican import signals
from pelican.utils import order_content

from .duplicates import find_duplicates, fingerprint
from .prepare import prepare_dumps
from .reader import DumpReader
from .report import complete, write
from .settings import dumps_settings

logger = logging.getLogger(__name__)

# Rows of this build's report, keyed by source; reset when a build starts.
_rows: dict = {}


def add_reader(readers):
    for extension in DumpReader.file_extensions:
        readers.reader_classes[extension] = DumpReader


def start_build(generator):
    """Before Pelican reads any dump: clean them all (cache, workers), and a fresh report."""
    _rows.clear()
    settings = generator.settings
    options = dumps_settings(settings)
    root = os.path.join(generator.path, options["folder"])
    cache = settings["CACHE_PATH"] if options["cache"] else None
    # Shown by default, like Pelican's own "Done:" line; silent under -q.
    show = logging.getLogger(__name__).isEnabledFor(logging.WARNING)
    DumpReader.prepared = prepare_dumps(root, options, cache, show) if os.path.isdir(root) else {}
    DumpReader.reports = {}


def note_skipped(generator, metadata):
    source = metadata.get("dump_source")
    if source and metadata.get("status") == "skip":
        row = {"source": source, "status": "skipped", "removed": []}
        row["reason"] = DumpReader.reports.get(source, {}).get("reason") or "status: skip (override)"
        _rows[source] = row


def _row(article, status, reason=""):
    report = DumpReader.reports.get(article.dump_source, {})
    row = {
        "source": article.dump_source,
        "status": status,
        "title": article.title,
        "flags": report.get("flags", []),
        "removed": report.get("removed", []),
    }
    if status == "published":
        row["url"] = article.url
    if reason:
        row["reason"] = reason
    return row


def _paths(article, options):
    """(url, save_as) of an article with its current slug: undated ones by DUMPS["undated_url"]."""
    if getattr(article, "undated", False):
        fields = article.url_format
        return options["undated_url"].format(**fields), options["undated_save_as"].format(**fields)
    return article.url, article.save_as


def _unique_urls(articles, options):
    """Two articles with the same title get distinct, stable URLs (ordered by source).

    URLs are final from here on, so each is fixed on its article: Pelican would format it
    anew on every read of `article.url` (a listing page reads dozens)."""
    taken = set()
    for article in sorted(articles, key=lambda a: a.source_path):
        base, n = article.slug, 1
        url, save_as = _paths(article, options)
        while save_as in taken:
            n += 1
            article.slug = f"{base}-{n}"
            url, save_as = _paths(article, options)
        taken.add(save_as)
        article.override_url, article.override_save_as = url, save_as


def dedupe(generator):
    """Drop duplicate dumps before tagging, and make every URL unique."""
    dumps = [a for a in generator.articles if getattr(a, "dump_source", None)]
    ranked = sorted(dumps, key=lambda a: (bool(getattr(a, "undated", False)), -len(a.content), a.dump_source))
    # Paragraph keys come from the (parallel, cached) cleaning; from the content if absent.
    duplicates = find_duplicates(ranked, lambda a: DumpReader.reports.get(a.dump_source, {}).get("paragraphs")
                                 or fingerprint(a.content))
    if duplicates:
        generator.articles = [a for a in generator.articles if a not in duplicates]
    _unique_urls(generator.articles + generator.hidden_articles + generator.drafts, dumps_settings(generator.settings))
    for name in ("articles", "hidden_articles", "drafts"):
        # Pelican breaks ties (same date, same slug) in file-reading order, which comes from
        # a set and changes from run to run; by now slugs are unique, so ties go by slug.
        articles = sorted(getattr(generator, name), key=lambda a: a.slug)
        setattr(generator, name, order_content(articles, generator.settings["ARTICLE_ORDER_BY"]))
    for article in generator.articles + generator.hidden_articles + generator.drafts:
        # Same-slug dumps are not translations of each other, whatever Pelican concluded.
        article.translations = [t for t in getattr(article, "translations", []) if t.lang != article.lang]
    for article, kept in duplicates.items():
        logger.warning("%s: duplicate of %s, not published", article.dump_source, kept.dump_source)
        _rows[article.dump_source] = _row(article, "duplicate", f"duplicate of {kept.dump_source}")
    for article in generator.articles + generator.hidden_articles:
        if getattr(article, "dump_source", None):
            _rows[article.dump_source] = _row(article, "published")
    for article in generator.drafts:
        if getattr(article, "dump_source", None):
            _rows[article.dump_source] = _row(article, "skipped", "status: draft (override)")


def write_report(pelican):
    options = dumps_settings(pelican.settings)
    rows = complete(_rows, os.path.join(pelican.settings["PATH"], options["folder"]))
    write(rows, pelican.settings["OUTPUT_PATH"], options["report_dir"], pelican.settings.get("SITENAME", ""),
          pelican.settings["CACHE_PATH"] if options["cache"] else None)


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(start_build)
    signals.article_generator_context.connect(note_skipped)
    signals.article_generator_pretaxonomy.connect(dedupe)
    signals.finalized.connect(write_report)
