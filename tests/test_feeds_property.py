"""Feeds built from arbitrary text are still XML a feed reader accepts (issue 8)."""

import sys
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree

import feedparser
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from feeds.build import Entry, render  # noqa: E402
from feeds.clean import feed_html, plain_text  # noqa: E402
from feeds.urls import site_feeds  # noqa: E402

BASE = "https://example.org"
# Any unicode text, control characters, surrogates and markup included.
TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
SCRIPT = "<script>alert(1)</script>"
# An article body: any text, or any text around a script a feed reader must never run.
BODY = TEXT | st.builds(lambda before, after: before + SCRIPT + after, TEXT, TEXT)


def _entry(title, body, author, category, n):
    url = f"{BASE}/2024/01/post-{n}/"
    return Entry(
        url=url,
        title=plain_text(title),
        published=datetime(2024, 1, 1 + n, tzinfo=timezone.utc),
        updated=datetime(2024, 1, 1 + n, tzinfo=timezone.utc),
        author=plain_text(author),
        categories=(plain_text(category),) if plain_text(category).strip() else (),
        summary=feed_html(body[:80], url),
        content=feed_html(body, url),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, body=BODY, author=TEXT, category=TEXT, sitename=TEXT)
@example(title="Talks resume", body=f"<p>The ministers met.</p>{SCRIPT}", author="A", category="NATO", sitename="S")
def test_feeds_from_arbitrary_text_parse_as_xml(title, body, author, category, sitename):
    entries = [_entry(title, body, author, category, 0), _entry(body, title, category, author, 1)]
    out = render(
        entries,
        title=sitename,
        description=title,
        page_url=f"{BASE}/",
        feeds=site_feeds(BASE, plain_text(sitename)),
        language="en",
        topics_url=f"{BASE}/topics/",
    )
    for fmt in ("rss", "atom"):
        ElementTree.fromstring(out[fmt])  # well-formed XML, or this raises
        parsed = feedparser.parse(out[fmt])
        assert parsed.bozo == 0, (fmt, parsed.get("bozo_exception"))
        assert [e.link for e in parsed.entries] == [e.url for e in entries]
        # The entries' HTML as a reader gets it, unescaped and not cleaned again by feedparser.
        unsanitised = feedparser.parse(out[fmt], sanitize_html=False)
        for entry in unsanitised.entries:
            for html in [entry.get("summary", ""), *(c.value for c in entry.get("content", []))]:
                assert "<script" not in html.lower(), (fmt, html)
