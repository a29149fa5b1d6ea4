"""Write sitemap.xml (every article, page and topic page, plus the site's index pages)
and robots.txt (pointing at the sitemap, keeping crawlers out of the build report).

Sitemaps need absolute URLs: SITEURL when absolute (publishconf.py), else the address
`pelican --listen` serves, so local builds still produce a valid file.
"""

import logging
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

from pelican import signals

__all__ = ["register"]

logger = logging.getLogger(__name__)

LOCAL_SITEURL = "http://localhost:8000"
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PRIVATE = ("_report/",)  # build output meant for editors, not for search engines


def _base(siteurl: str) -> str:
    return (siteurl if siteurl.startswith(("http://", "https://")) else LOCAL_SITEURL).rstrip("/")


def _write(path: Path, data: bytes) -> None:
    """Rewrite only on change, so identical builds leave the file alone."""
    if not (path.is_file() and path.read_bytes() == data):
        path.write_bytes(data)
        logger.info("Writing %s", path)


def _known_date(article):
    """The article's modified, else published date; None for an undated one (plugins/dumps
    flags it), whose date is only a sort key."""
    return getattr(article, "modified", None) or (None if getattr(article, "undated", False) else article.date)


def sitemap(base: str, context) -> bytes:
    """URL -> lastmod for everything worth indexing, sorted so output is stable. An entry
    with no known date has no lastmod (it is optional)."""
    lastmod = {}
    articles = context.get("articles", [])
    newest = max(filter(None, map(_known_date, articles)), default=None)
    for key in ("", context.get("TAGS_URL", ""), context.get("ARCHIVES_URL", "")):
        lastmod.setdefault(key, newest)
    for article in articles:
        lastmod[article.url] = _known_date(article)
    for page in context.get("pages", []):
        lastmod[page.url] = getattr(page, "modified", None)
    for tag, tagged in context.get("tags", []):
        lastmod[tag.url] = max(filter(None, map(_known_date, tagged)), default=None)

    urlset = ET.Element("urlset", xmlns=NS)
    for url in sorted(lastmod):
        entry = ET.SubElement(urlset, "url")
        ET.SubElement(entry, "loc").text = f"{base}/{url}"
        if lastmod[url]:
            ET.SubElement(entry, "lastmod").text = lastmod[url].isoformat()
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots(base: str) -> bytes:
    root = urlparse(base).path.rstrip("/")
    lines = ["User-agent: *", *(f"Disallow: {root}/{p}" for p in PRIVATE),
             f"Sitemap: {base}/sitemap.xml", ""]
    return "\n".join(lines).encode()


class SeoGenerator:
    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.context = context
        self.base = _base(settings.get("SITEURL", ""))
        self.output_path = Path(output_path)

    def generate_output(self, writer):
        _write(self.output_path / "sitemap.xml", sitemap(self.base, self.context))
        _write(self.output_path / "robots.txt", robots(self.base))


def get_generators(pelican):
    return SeoGenerator


def register():
    signals.get_generators.connect(get_generators)
