"""Helpers the theme calls: feed URLs, reading time and the NewsArticle JSON-LD.

They live here, not in templates, because the feed URLs must match what the writer
writes and the JSON-LD is data (built as a dict, serialised with Jinja's `tojson`).
"""

import functools
import math
import re

from markupsafe import Markup

from . import urls

__all__ = ["helpers"]

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+")


def reading_minutes(article) -> int:
    """The reader's `reading_time` when it gave one, else from the body's word count."""
    given = getattr(article, "reading_time", None)
    if given:
        return int(given)
    # The stored body: `content` rewrites intra-site links on every read, which words ignore.
    body = getattr(article, "_content", None)
    words = len(_WORD.findall(Markup(article.content if body is None else body).striptags()))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


@functools.lru_cache(maxsize=4096)
def _striptags(text: str) -> str:
    return Markup(text).striptags()


def striptags(value) -> str:
    """Jinja's `striptags` filter, memoised: a page strips its title and summary several
    times (title, Open Graph, Twitter card) and every page strips the site name."""
    if hasattr(value, "__html__"):
        value = value.__html__()
    return _striptags(str(value))


def author_known(article) -> bool:
    """Pelican gives authorless articles the site's AUTHOR; only a named one is shown."""
    return "author" in article.metadata or "authors" in article.metadata


def once() -> "callable":
    """A fresh `render_once` for one Jinja environment (one build).

    `{% call render_once(article, "h3", SITEURL) %}…{% endcall %}` renders its block the
    first time it meets that key and gives back the same text afterwards: an article's
    listing card appears on its topic pages, the index and other articles' related lists,
    up to twenty times a build. Objects in the key count by identity, strings and numbers
    by value; keys are kept with the text, so an identity is never reused while cached.
    """
    rendered = {}

    def render_once(*key, caller):
        found = rendered.get(ident := tuple(k if isinstance(k, (str, int)) else id(k) for k in key))
        if found is None:
            found = rendered[ident] = (caller(), key)
        return found[0]

    return render_once


def helpers(config) -> dict:
    """Jinja globals; `config` is the plugin's per-run Config."""
    site = urls.site_feeds(config.base, config.sitename)

    def news_article(article) -> dict:
        """schema.org NewsArticle for an article page (absolute URLs, like the feeds)."""
        url = f"{config.base}/{article.url}"
        undated = getattr(article, "undated", False)
        modified = getattr(article, "modified", None) or article.date
        author = ({"@type": "Person", "name": article.author.name} if author_known(article)
                  else {"@type": "Organization", "name": config.sitename})
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": Markup(article.title).striptags(),
            "description": Markup(article.summary).striptags()[:300],
            "url": url,
            "mainEntityOfPage": url,
            "author": author,
            "publisher": {"@type": "Organization", "name": config.sitename,
                          "url": f"{config.base}/"},
            "keywords": [Markup(t.name).striptags() for t in getattr(article, "tags", ())],
            "inLanguage": getattr(article, "lang", config.language),
        }
        if not undated:
            data["datePublished"] = article.date.isoformat()
            data["dateModified"] = modified.isoformat()
        return data

    return {
        "site_feeds": site,
        "topic_feeds": config.topic_feeds,
        "feeds_opml": urls.OPML_PATH,
        "reading_minutes": reading_minutes,
        "author_known": author_known,
        "news_article": news_article,
        "render_once": once(),
    }
