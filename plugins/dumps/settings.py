"""The plugin's settings: one `DUMPS` dict in pelicanconf.py, merged over these defaults."""

from types import MappingProxyType

DEFAULTS = MappingProxyType(
    {
        # Folder under PATH whose .txt/.html files are dumps; other .html files are left
        # to Pelican's own HTML reader.
        "folder": "dumps",
        # Where an article with no date anywhere (dump or override) goes: no date in its URL
        # (Pelican's URL fields, e.g. {slug}, can be used). It is flagged `undated`; its date
        # is reader.UNDATED_SORT_DATE, a sort key that no page or feed shows.
        "undated_url": "articles/{slug}/",
        "undated_save_as": "articles/{slug}/index.html",
        # Corpus signal: a normalised line found in at least this many distinct dumps
        # is furniture (see corpus.py).
        "recurring_min_dumps": 3,
        # Extra furniture patterns, same shape as data/boilerplate.yaml "kinds".
        "boilerplate": {},
        # Derived titles: the lede's whole first sentence up to this many characters; a
        # longer one is cut where a clause ends (see metadata.derive_title).
        "title_max_chars": 110,
        # Text dumps: let the learned line model (lines.py, data/lines.json) find where
        # the article runs and which line is its headline; False: the rules alone.
        "line_model": True,
        # Summaries: this many characters of the first paragraphs.
        "summary_max_chars": 280,
        # Override files beside a dump: "<dump file name>" + this suffix.
        "override_suffix": ".yaml",
        # Processes that clean dumps in parallel; 0: one per CPU, 1: none.
        "workers": 0,
        # Keep cleaning results in CACHE_PATH between builds, so a rebuild only cleans
        # what changed (see prepare.py for when a result is reused).
        "cache": True,
        # Where the build report goes, under OUTPUT_PATH.
        "report_dir": "_report",
    }
)


def dumps_settings(settings):
    """Return the effective DUMPS settings (defaults overlaid by the user's dict)."""
    merged = dict(DEFAULTS)
    merged.update(settings.get("DUMPS") or {})
    return MappingProxyType(merged)
