"""Where every feed lives, so the writer and the templates agree on one URL scheme.

Paths are relative to the site root (templates prefix `SITEURL/`); `absolute_url` is
what a feed reader needs and is used inside feeds, the OPML file and the subscribe page.
"""

from dataclasses import dataclass

__all__ = ["Feed", "OPML_PATH", "absolute_base", "site_feeds", "topic_feeds"]

OPML_PATH = "feeds/topics.opml"
FORMATS = (("rss", "RSS", "application/rss+xml"), ("atom", "Atom", "application/atom+xml"))


@dataclass(frozen=True)
class Feed:
    format: str  # "rss" or "atom"
    label: str  # "RSS" or "Atom"
    title: str  # shown to readers and in <link rel=alternate title=…>
    url: str  # path under the site root, e.g. feeds/all.rss.xml
    absolute_url: str
    mime: str


def absolute_base(siteurl: str, fallback: str) -> str:
    """SITEURL when it is absolute (publishconf.py), else the FEEDS site_url fallback."""
    base = siteurl if siteurl.startswith(("http://", "https://")) else fallback
    return base.rstrip("/")


def _feeds(base: str, stem: str, title: str) -> tuple[Feed, ...]:
    return tuple(
        Feed(fmt, label, f"{title} ({label})", f"{stem}.{fmt}.xml", f"{base}/{stem}.{fmt}.xml", mime)
        for fmt, label, mime in FORMATS
    )


def site_feeds(base: str, sitename: str) -> tuple[Feed, ...]:
    return _feeds(base, "feeds/all", sitename)


def topic_feeds(base: str, sitename: str, tag) -> tuple[Feed, ...]:
    return _feeds(base, f"feeds/topics/{tag.slug}", f"{sitename}: {tag.name}")
