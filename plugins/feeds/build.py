"""Serialise a list of articles as RSS 2.0 and Atom with feedgen, byte-for-byte reproducibly.

feedgen stamps `datetime.now()` on feeds and entries unless told otherwise, so every
date here is set explicitly: an entry's `updated` is its modified (else published)
date and a feed's `updated`/`lastBuildDate` is its newest entry's. An undated article
(plugins/dumps flags it) has no published date: no RSS `pubDate`, no Atom `published`;
Atom requires `updated`, which is then its modified date, else the Unix epoch
(1970-01-01T00:00:00Z): fixed, so builds stay byte-reproducible, and older than any
real date, so it never passes for a recent one.
"""

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from .clean import feed_html, plain_text, xml_text

__all__ = ["Entry", "entry_for", "feed_entry", "render"]

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)  # `updated` of an empty feed, of an undated entry
GENERATOR = "IR Newsletter kit (python-feedgen)"  # no version: upgrades must not churn feeds


@dataclass(frozen=True)
class Entry:
    """What a feed says about one article; built once, shared by every feed it is in."""

    url: str  # absolute permalink, also the GUID/id
    title: str
    published: datetime | None  # None: undated
    updated: datetime
    author: str
    categories: tuple[str, ...]
    summary: str
    content: str


def _aware(date: datetime, tz: str) -> datetime:
    return date if date.tzinfo else date.replace(tzinfo=ZoneInfo(tz))


def entry_for(article, base: str, tz: str) -> Entry:
    url = f"{base}/{article.url}"
    published = None if getattr(article, "undated", False) else _aware(article.date, tz)
    modified = getattr(article, "modified", None)
    author = getattr(article, "author", None)
    return Entry(
        url=url,
        title=plain_text(article.title),
        published=published,
        updated=_aware(modified, tz) if modified else published or EPOCH,
        author=plain_text(author.name) if author else "",
        categories=tuple(plain_text(tag.name) for tag in getattr(article, "tags", ())),
        summary=feed_html(article.get_summary(base), url),
        content=feed_html(article.get_content(base), url),
    )


def feed_entry(e: Entry, topics_url: str) -> FeedEntry:
    """feedgen's entry for one article: built once, it serves every feed the article is in."""
    fe = FeedEntry()
    fe.load_extension("dc")
    fe.id(e.url)
    fe.guid(e.url, permalink=True)
    fe.link(href=e.url, rel="alternate")
    fe.title(e.title.strip() or e.url)
    if e.published:
        fe.published(e.published)  # also RSS's pubDate
    fe.updated(e.updated)
    if e.author:
        fe.author(name=e.author)
        fe.dc.dc_creator(e.author)
    for name in e.categories:
        fe.category(term=name, scheme=topics_url)
    fe.summary(e.summary, type="html")
    fe.content(e.content, type="html")
    return fe


def render(entries, *, title, description, page_url, feeds, language, topics_url, made=None) -> dict:
    """Return {"rss": bytes, "atom": bytes}; `feeds` are this feed's urls.Feed pair.
    `made` keeps each entry's feed_entry for the next feeds of the same build."""
    made = {} if made is None else made
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.id(page_url)
    # feedgen refuses an empty title or description; a page URL is better than no feed.
    fg.title(xml_text(title).strip() or page_url)
    fg.description(xml_text(description).strip() or xml_text(title).strip() or page_url)
    fg.language(language)
    fg.generator(GENERATOR)
    fg.updated(max((e.updated for e in entries), default=EPOCH))
    for e in entries:
        fe = made.get((e, topics_url))
        if fe is None:
            fe = made[(e, topics_url)] = feed_entry(e, topics_url)
        fg.add_entry(fe, order="append")  # its extension (dc) is loaded already
    out = {}
    for feed in feeds:
        # RSS takes its <link> from the last link given, so the page link goes last.
        fg.link(
            [{"href": feed.absolute_url, "rel": "self", "type": feed.mime},
             {"href": page_url, "rel": "alternate"}],
            replace=True,
        )
        if feed.format == "rss":
            out["rss"] = fg.rss_str(pretty=True)
        else:
            out["atom"] = fg.atom_str(pretty=True)
    return out
