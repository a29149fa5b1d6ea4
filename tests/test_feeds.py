"""plugins/feeds: what feed readers see. Feeds are read back with feedparser (and newsboat,
a real reader), from the small site of test_site_build.py and from the sample site."""

import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from test_site_build import POSTS, ROOT, post_date, post_tags, site  # noqa: F401 (fixture)

sys.path.insert(0, str(ROOT / "plugins"))
from feeds import build as feed_build  # noqa: E402
from feeds import settings as feed_settings  # noqa: E402
from feeds.clean import feed_html  # noqa: E402
from feeds.templating import once  # noqa: E402
from feeds.urls import site_feeds  # noqa: E402

LOCAL = "http://localhost:8000"


def parse(out: Path, href: str):
    """feedparser on the file behind an href as the theme writes it ("/feeds/…" locally)."""
    path = out / href.removeprefix(LOCAL).lstrip("/")
    result = feedparser.parse(path.read_bytes())
    assert result.bozo == 0, (href, result.get("bozo_exception"))
    return result


def advertised(out: Path) -> set[str]:
    """Every feed href any page offers: <link rel=alternate> in <head>, and links typed as
    feeds in the body (subscribe block, subscribe page, topic pages, footer)."""
    kinds = {"application/rss+xml", "application/atom+xml"}
    found = set()
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for link in soup.select("head link[rel=alternate]"):
            assert link["type"] in kinds and link.get("title"), (page, link)
            found.add(link["href"])
        found.update(a["href"] for a in soup.find_all("a", type=lambda t: t in kinds))
        found.update(a["href"] for a in soup.find_all("a", href=re.compile(r"\.(rss|atom)\.xml$")))
    return found


def post_number(entry) -> int:
    return int(re.match(r"Post (\d+)", entry.title).group(1))


# -- settings, cleaning, rendering -------------------------------------------------------

def test_settings_defaults_and_validation():
    assert feed_settings.read({}).max_items == 20
    assert feed_settings.read({"FEEDS": {"max_items": 3}}).max_items == 3
    for bad in ({"max_itmes": 3}, {"max_items": "3"}, {"max_items": -1}, {"site_url": True}):
        with pytest.raises(ValueError):
            feed_settings.read({"FEEDS": bad})


def test_settings_dict_is_not_mutated():
    given = {"FEEDS": {"max_items": 3}}
    feed_settings.read(given)
    assert given == {"FEEDS": {"max_items": 3}}


def test_feed_html_sanitises_absolutises_and_drops_illegal_characters():
    html = feed_html('<p onclick="x()">a\x00b\x1f<a href="/about/">c</a><img src="i.png">'
                     "<script>alert(1)</script></p>", "https://ex.org/site/2020/01/post/")
    assert "onclick" not in html and "script" not in html and "alert" not in html
    assert "\x00" not in html and "\x1f" not in html and "ab" in html
    assert 'href="https://ex.org/about/"' in html
    assert 'src="https://ex.org/site/2020/01/post/i.png"' in html


def test_render_once_renders_a_block_once_per_key():
    from jinja2 import Environment

    calls = []
    env = Environment()
    env.globals.update(render_once=once(), count=lambda name: calls.append(name) or "")
    page = env.from_string('{% for a in items %}{% call render_once(a, url) %}'
                           '{{ count(a.name) }}[{{ a.name }}@{{ url }}]{% endcall %}{% endfor %}')
    first, twin = type("A", (), {"name": "x"})(), type("A", (), {"name": "x"})()
    assert page.render(items=[first, first], url="/") == "[x@/][x@/]"
    assert calls == ["x"]
    assert page.render(items=[first], url="../") == "[x@../]"  # another key: rendered again
    assert page.render(items=[twin], url="/") == "[x@/]"  # equal, but another object
    assert calls == ["x", "x", "x"]


@pytest.mark.parametrize("value", ["Turkey &amp; <b>NATO</b>", "a  <br/>\n b", "", 42, "Fish &lt;3 chips"])
def test_striptags_filter_is_jinjas_own(value):
    from jinja2 import Environment
    from markupsafe import Markup

    from feeds.templating import _striptags, striptags

    jinja = Environment().filters["striptags"]
    for given in (value, Markup(value) if isinstance(value, str) else value):
        assert striptags(given) == jinja(given)
        hits = _striptags.cache_info().hits
        assert striptags(given) == jinja(given)
        assert _striptags.cache_info().hits == hits + 1  # memoised: the same answer, from the cache


def _entry(n, day):
    when = datetime(2022, 1, day, tzinfo=timezone.utc)
    return feed_build.Entry(url=f"https://ex.org/{n}/", title=f"T{n}", published=when,
                            updated=when, author="A", categories=("NATO",), summary="s",
                            content="<p>c</p>")


def _render(entries):
    return feed_build.render(entries, title="Site", description="", page_url="https://ex.org/",
                             feeds=site_feeds("https://ex.org", "Site"), language="en",
                             topics_url="https://ex.org/topics/")


def test_render_dates_come_from_entries_not_the_clock():
    rendered = _render([_entry(1, 3), _entry(2, 9), _entry(3, 5)])
    assert rendered == _render([_entry(1, 3), _entry(2, 9), _entry(3, 5)])
    rss, atom = feedparser.parse(rendered["rss"]), feedparser.parse(rendered["atom"])
    assert rss.feed.updated_parsed[:3] == (2022, 1, 9)  # lastBuildDate: the newest entry
    assert atom.feed.updated_parsed[:3] == (2022, 1, 9)
    assert b"<generator>" in rendered["rss"] and feed_build.GENERATOR.encode() in rendered["rss"]
    assert [e.id for e in rss.entries] == ["https://ex.org/1/", "https://ex.org/2/",
                                           "https://ex.org/3/"]  # order as given


def test_render_of_no_entries_is_still_a_valid_reproducible_feed():
    rendered = _render([])
    for data in rendered.values():
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0 and parsed.entries == []
        assert parsed.feed.updated_parsed[0] == 1970


class _Job:
    """Stands in for a feed job: writes, under its number, the process it ran in; or fails."""

    def __init__(self, n, fail=False):
        self.n, self.fail = n, fail

    def run(self, output_path, entries, made):
        if self.fail:
            raise ValueError(f"job {self.n} failed")
        (output_path / f"{self.n}.xml").write_text(str(os.getpid()))


@pytest.mark.parametrize("workers", [1, 2])
def test_feed_rendering_runs_in_the_background_until_waited_for(tmp_path, monkeypatch, workers):
    """With one process every feed is written here and now; with two, a forked worker
    starts on them at once, while this process goes on, and wait() finishes the rest."""
    from feeds import plugin as feeds_plugin

    monkeypatch.setattr(feeds_plugin, "PARALLEL_MIN", 1)
    wait = feeds_plugin._start_rendering([_Job(n) for n in range(20)], tmp_path, workers)
    if workers > 1:  # a worker writes a feed before anyone waits (wait() would take what none started)
        deadline = time.monotonic() + 30
        while not any(tmp_path.glob("*.xml")) and time.monotonic() < deadline:
            time.sleep(0.01)
    wait()
    assert sorted(int(p.stem) for p in tmp_path.glob("*.xml")) == list(range(20))
    writers = {int(p.read_text()) for p in tmp_path.glob("*.xml")}
    assert (writers == {os.getpid()}) == (workers == 1), writers  # in a worker process only with two
    assert not feeds_plugin._pending  # nothing of this build is left for the next


def test_a_feed_that_fails_in_a_worker_fails_the_wait(tmp_path, monkeypatch):
    from feeds import plugin as feeds_plugin

    monkeypatch.setattr(feeds_plugin, "PARALLEL_MIN", 1)
    wait = feeds_plugin._start_rendering([_Job(1), _Job(2, fail=True)], tmp_path, 2)
    with pytest.raises(ValueError, match="job 2 failed"):
        wait()
    assert not feeds_plugin._pending


# -- the small site ----------------------------------------------------------------------

def test_every_advertised_feed_parses(site):
    hrefs = advertised(site)
    assert {"/feeds/all.rss.xml", "/feeds/all.atom.xml", "/feeds/topics/india.rss.xml",
            "/feeds/topics/india.atom.xml"} <= hrefs
    for href in hrefs:
        assert parse(site, href).entries


def test_every_written_feed_is_advertised(site):
    written = {"/" + p.relative_to(site).as_posix() for p in (site / "feeds").rglob("*.xml")}
    assert written == advertised(site)


@pytest.mark.parametrize("name", ["all.rss.xml", "all.atom.xml"])
def test_site_feed_has_the_newest_n_articles_newest_first(site, name):
    feed = parse(site, f"/feeds/{name}")
    newest = sorted(range(POSTS), key=post_date, reverse=True)[:5]  # FEEDS max_items = 5
    assert [post_number(e) for e in feed.entries] == newest
    assert feed.feed.updated_parsed == feed.entries[0].published_parsed  # none modified


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_entries_carry_permalink_guids_dates_author_categories_and_content(site, fmt):
    feed = parse(site, f"/feeds/topics/s-400.{fmt}.xml")
    assert len(feed.entries) == POSTS
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        i = post_number(entry)
        assert entry.id == entry.link and entry.link.startswith(f"{LOCAL}/{post_date(i):%Y/%m}/")
        assert (site / entry.link.removeprefix(LOCAL + "/") / "index.html").is_file()
        if i == 2:  # undated: no publication date (RSS pubDate, Atom published); Atom's required
            assert "published_parsed" not in entry  # `updated` is then the epoch, as the README says
            assert fmt == "rss" or entry.updated_parsed[:6] == (1970, 1, 1, 0, 0, 0)
        else:
            assert entry.published_parsed[:3] == post_date(i).timetuple()[:3]
        assert entry.get("author") == (None if i == 1 else "Jane Doe")
        assert sorted(t.term for t in entry.tags) == sorted(post_tags(i))
        assert f"Paragraph one of post {i} " in entry.content[0].value
    if fmt == "rss":  # RSS says the GUIDs are permalinks
        raw = (site / "feeds/topics/s-400.rss.xml").read_text("utf-8")
        assert raw.count('<guid isPermaLink="true">') == POSTS


def test_feeds_link_to_themselves_and_to_their_page(site):
    for path in sorted((site / "feeds").rglob("*.xml")):
        href = "/" + path.relative_to(site).as_posix()
        feed = parse(site, href)
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == LOCAL + href
        page = links["alternate"].removeprefix(LOCAL + "/")
        assert (site / page / "index.html").is_file(), page


def test_entry_content_is_sanitised_and_free_of_control_characters(site):
    raw = (site / "feeds/topics/nato.atom.xml").read_bytes()  # post 00, the oldest, is in it
    assert b"\x0b" not in raw and b"\x1f" not in raw
    post0 = next(e for e in parse(site, "/feeds/topics/nato.atom.xml").entries if post_number(e) == 0)
    content = post0.content[0].value
    assert "Badchars" in content and "<script" not in content and "alert" not in content
    assert f'href="{LOCAL}/about/"' in content


def test_each_topic_feed_lists_exactly_the_topics_articles(site):
    topics = {tag for i in range(POSTS) for tag in post_tags(i)}
    slugs = {"S-400": "s-400", "NATO": "nato", "Turkey-US relations": "turkey-us-relations",
             "Turkey": "turkey", "US": "us", "India": "india"}
    assert set(slugs) == topics
    for name, slug in slugs.items():
        expected = sorted((i for i in range(POSTS) if name in post_tags(i)), key=post_date,
                          reverse=True)
        for fmt in ("rss", "atom"):
            feed = parse(site, f"/feeds/topics/{slug}.{fmt}.xml")
            assert [post_number(e) for e in feed.entries] == expected, (slug, fmt)
            assert name in feed.feed.title


def test_opml_lists_every_topic_feed(site):
    outlines = ET.parse(site / "feeds/topics.opml").findall("body/outline")
    topic_pages = {p.parent.name for p in (site / "topics").glob("*/index.html")}
    assert sorted(o.get("htmlUrl") for o in outlines) == sorted(
        f"{LOCAL}/topics/{slug}/" for slug in topic_pages)
    for outline in outlines:
        assert outline.get("type") == "rss" and outline.get("text")
        assert parse(site, outline.get("xmlUrl")).entries


# -- a real feed reader ------------------------------------------------------------------

NEWSBOAT = shutil.which("newsboat")
needs_newsboat = pytest.mark.skipif(
    not NEWSBOAT, reason="newsboat is not installed (.ci/run installs it: apt-get install newsboat)")


def newsboat_count(tmp: Path, url: str) -> int:
    """Entries newsboat finds in one feed (its own cache: newsboat merges items by GUID)."""
    name = re.sub(r"\W", "_", url)
    (tmp / f"{name}.urls").write_text(url + "\n")
    result = subprocess.run(
        [NEWSBOAT, "-C", str(tmp / "config"), "-u", str(tmp / f"{name}.urls"),
         "-c", str(tmp / f"{name}.db"), "-x", "reload", "print-unread"],
        capture_output=True, text=True, timeout=60, env={"HOME": str(tmp)}, check=True)
    return int(re.search(r"(\d+) unread", result.stdout).group(1))


def check_with_newsboat(out: Path, tmp: Path) -> None:
    (tmp / "config").write_text("")
    feeds = sorted((out / "feeds").rglob("*.xml"))
    assert feeds
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda p: newsboat_count(tmp, p.as_uri()), feeds))
    expected = [len(feedparser.parse(p.read_bytes()).entries) for p in feeds]
    assert counts == expected and min(counts) > 0

    imported = tmp / "imported.urls"
    subprocess.run([NEWSBOAT, "-C", str(tmp / "config"), "-u", str(imported), "-c",
                    str(tmp / "import.db"), "-i", str(out / "feeds/topics.opml")],
                   capture_output=True, timeout=60, env={"HOME": str(tmp)}, check=True)
    urls = imported.read_text().split()
    assert len(urls) == len(list((out / "feeds/topics").glob("*.rss.xml")))
    assert all(url.endswith(".rss.xml") for url in urls)


@needs_newsboat
def test_newsboat_reads_every_feed_and_imports_the_opml(site, tmp_path):
    check_with_newsboat(site, tmp_path)


# -- the sample site (content/, every plugin) --------------------------------------------

def test_sample_site_feeds_parse_and_match_topic_pages(built_site):
    hrefs = advertised(built_site)
    assert "/feeds/all.atom.xml" in hrefs and any("/feeds/topics/" in h for h in hrefs)
    for href in hrefs:
        assert parse(built_site, href).entries
    for page in sorted((built_site / "topics").glob("*/index.html")):
        slug = page.parent.name
        listed = set()
        for listing in [page, *sorted(page.parent.glob("page/*/index.html"))]:
            soup = BeautifulSoup(listing.read_text("utf-8"), "html.parser")
            listed |= {a["href"] for a in soup.select("section.h-feed .h-entry a.u-url")}
        feed = parse(built_site, f"/feeds/topics/{slug}.atom.xml")
        in_feed = {e.link.removeprefix(LOCAL) for e in feed.entries}
        assert in_feed == listed, slug


@needs_newsboat
def test_newsboat_reads_the_sample_sites_feeds(built_site, tmp_path):
    check_with_newsboat(built_site, tmp_path)
