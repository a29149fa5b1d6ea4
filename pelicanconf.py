"""Settings for local builds (`invoke build`, `pelican content -s pelicanconf.py`)."""

# No AUTHOR: an article shows an author only when its dump names one.
SITENAME = "IR Newsletter"
SITESUBTITLE = "International relations, explained"
SITEURL = ""
RELATIVE_URLS = False

PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
# Pelican runs a signal's receivers in this order: search indexes the pages that
# incremental writes when the build finishes, so it comes after it.
PLUGINS = ["dumps", "topics", "maps", "feeds", "seo", "archives", "incremental", "search"]
THEME = "theme"

PAGE_PATHS = ["pages"]
ARTICLE_EXCLUDES = ["pages"]
STATIC_PATHS = ["images"]

# Directory-style URLs everywhere: no .html in links, and no pagination collisions
# between a topic's page 2 and another topic whose slug ends in a digit.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAGS_URL = "topics/"
TAGS_SAVE_AS = "topics/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
# One language, no translations: Pelican's search for them (articles sharing a slug) is
# quadratic in the archive's size, and same-slug dumps are told apart by plugins/dumps.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Categories and author pages are not part of this site: topics replace them.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives", "search", "404"]
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
# 404.html: the 404 template is rendered by DIRECT_TEMPLATES into 404.html.

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Pelican's own feed writer is off: plugins/feeds writes every feed with feedgen.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# plugins/dumps: see plugins/dumps/settings.py for every key and its default.
DUMPS = {}
# plugins/topics: see plugins/topics/settings.py.
TOPICS = {}
# plugins/feeds: see plugins/feeds/settings.py.
FEEDS = {}
# plugins/incremental: {"workers": N} processes render pages (0: one per CPU, 1: none).
INCREMENTAL = {}
# plugins/search: the Pagefind index; see plugins/search/settings.py.
SEARCH = {}
