"""Builds of a small real site into tmp_path, as `pelican` would make them, and what must
hold for the build as a whole: reproducible bytes, absolute URLs under publishconf.py,
sitemap and robots. test_feeds.py and test_theme.py read the same site back."""

import os
import sys
import types
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest
from pelican import Pelican, signals
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
PAGE_SIZE = 10  # pelicanconf DEFAULT_PAGINATION
POSTS = 25
COUNTRIES = {"Turkey", "US"}
RELATION = "Turkey-US relations"


def post_tags(i):
    """S-400 on every post (3 pages of topic listing), NATO on even ones, the relation and
    its two countries on every third; post 23 alone also has India."""
    tags = ["S-400"]
    if i % 2 == 0:
        tags.append("NATO")
    if i % 3 == 0:
        tags += [RELATION, "Turkey", "US"]
    if i == 23:
        tags.append("India")
    return tags


def post_date(i):
    return date(2021, 1, 5) + timedelta(days=17 * i)


def write_posts(content: Path) -> None:
    """Markdown posts covering what the theme and feeds must handle: an author note, raw
    script, XML-illegal control characters, an authorless post and an undated one."""
    posts = content / "posts"
    posts.mkdir(parents=True)
    for i in range(POSTS):
        meta = {
            "Title": f"Post {i:02d}: Ankara & Washington",
            "Date": f"{post_date(i)} 09:30",
            "Tags": ", ".join(post_tags(i)),
            "Summary": f"Summary {i} of the post.",
        }
        body = f"Paragraph one of post {i} about the S-400 and [the about page](/about/).\n\n"
        body += "Paragraph two. " + "word " * 40 + "\n"
        if i != 1:
            meta["Author"] = "Jane Doe"
        if i == 0:
            meta["Author_note"] = "The author is a research fellow at an institute."
            meta["Reading_time"] = "7"
            body += "\nBad\x0bchars\x1f here.\n\n<script>alert('x')</script>\n"
        if i == 2:
            meta["Undated"] = "true"
        head = "".join(f"{key}: {value}\n" for key, value in meta.items())
        (posts / f"post-{i:02d}.md").write_text(f"{head}\n{body}", encoding="utf-8")
    pages = content / "pages"
    pages.mkdir()
    for page in ("about.md", "subscribe.md"):
        (pages / page).write_text((ROOT / "content/pages" / page).read_text("utf-8"), "utf-8")


def _fake_topics(generator):
    """What plugins/topics provides, for the posts above: kinds, a relation's countries and
    a country's relations (only in builds that ask for it, as signals outlive a build)."""
    if not generator.settings.get("TEST_FAKE_TOPICS"):
        return
    by_name = {tag.name: tag for tag in generator.tags}
    for tag in by_name.values():
        tag.kind = ("country" if tag.name in COUNTRIES else "relation" if tag.name == RELATION
                    else "system" if tag.name == "S-400" else "other")
        tag.countries = ()
        tag.relations = []
    by_name[RELATION].countries = tuple(by_name[c] for c in sorted(COUNTRIES))
    for country in COUNTRIES:
        by_name[country].relations = [by_name[RELATION]]
    for article in generator.articles:
        article.tags = [by_name[t.name] for t in article.tags]


fake_topics = types.ModuleType("fake_topics")
fake_topics.register = lambda: signals.article_generator_finalized.connect(_fake_topics)


def build(content: Path, output: Path, conf="pelicanconf.py", **override) -> dict:
    """Run Pelican with the project's settings file on `content`; return the settings."""
    settings = read_settings(str(ROOT / conf), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "PLUGINS": ["feeds", "seo", fake_topics], "TEST_FAKE_TOPICS": True,
        "FEEDS": {"max_items": 5, "topic_max_items": 50}, **override,
    })
    Pelican(settings).run()
    return settings


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The small site, built once per test module."""
    root = tmp_path_factory.mktemp("small")
    write_posts(root / "content")
    build(root / "content", root / "out")
    return root / "out"


def tree(path: Path) -> dict:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    write_posts(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "a")
    build(tmp_path / "content", tmp_path / "b")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert "feeds/all.atom.xml" in first and "sitemap.xml" in first
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_feeds_rendered_in_worker_processes_equal_feeds_rendered_in_one(tmp_path, monkeypatch):
    write_posts(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "one", FEEDS={"max_items": 5, "topic_max_items": 50, "workers": 1})
    feeds_plugin = sys.modules["feeds.plugin"]  # as Pelican loaded it from PLUGIN_PATHS
    monkeypatch.setattr(feeds_plugin, "PARALLEL_MIN", 1)  # the small site has a dozen feeds
    forks = []
    real = feeds_plugin.ProcessPoolExecutor
    monkeypatch.setattr(feeds_plugin, "ProcessPoolExecutor", lambda *a, **k: forks.append(a) or real(*a, **k))
    build(tmp_path / "content", tmp_path / "two", FEEDS={"max_items": 5, "topic_max_items": 50, "workers": 2})
    assert len(forks) == 1
    one, two = tree(tmp_path / "one" / "feeds"), tree(tmp_path / "two" / "feeds")
    assert len(one) > 10 and one == two


def test_rebuild_leaves_unchanged_feeds_alone(tmp_path):
    write_posts(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "out")
    feeds = sorted((tmp_path / "out/feeds").rglob("*.xml"))
    assert feeds
    for feed in feeds:
        os.utime(feed, ns=(1, 1))
    build(tmp_path / "content", tmp_path / "out")
    assert [f.name for f in feeds if f.stat().st_mtime_ns != 1] == []


def test_a_deleted_feed_comes_back_although_nothing_changed(tmp_path):
    write_posts(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "out")
    feed = tmp_path / "out/feeds/all.atom.xml"
    first = feed.read_bytes()
    feed.unlink()
    build(tmp_path / "content", tmp_path / "out")
    assert feed.read_bytes() == first


def test_a_changed_article_rewrites_its_feeds_only(tmp_path):
    write_posts(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "out")
    for feed in (tmp_path / "out/feeds").rglob("*.xml"):
        os.utime(feed, ns=(1, 1))
    post = tmp_path / "content/posts/post-23.md"  # the only India post: S-400 and India
    post.write_text(post.read_text("utf-8").replace("Paragraph one", "Changed"), "utf-8")
    build(tmp_path / "content", tmp_path / "out")
    changed = {f.name for f in (tmp_path / "out/feeds").rglob("*.xml") if f.stat().st_mtime_ns != 1}
    assert changed == {"all.rss.xml", "all.atom.xml", "india.rss.xml", "india.atom.xml",
                       "s-400.rss.xml", "s-400.atom.xml"}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A publishconf.py build (absolute SITEURL), as CI makes it."""
    root = tmp_path_factory.mktemp("published")
    write_posts(root / "content")
    cwd = os.getcwd()
    os.chdir(ROOT)  # publishconf.py imports pelicanconf from the current directory
    try:
        settings = build(root / "content", root / "out", conf="publishconf.py")
    finally:
        os.chdir(cwd)
    assert settings["SITEURL"].startswith("https://")
    return root / "out", settings["SITEURL"]


URL_ATTRIBUTES = ("href", "src", "xmlUrl", "htmlUrl", "domain", "scheme")


def urls_in_xml(path: Path):
    """(where, url) for every URL an XML file carries: "site" for link-ish attributes and
    <link>/<guid>/<id>/<loc> texts, "content" for href/src inside escaped entry HTML."""
    from lxml import html

    for element in ET.parse(path).iter():
        for attribute in URL_ATTRIBUTES:
            if element.get(attribute):
                yield "site", element.get(attribute)
        local = element.tag.rsplit("}", 1)[-1]
        if local in ("link", "guid", "id", "loc") and element.text and element.text.strip():
            yield "site", element.text.strip()
        if local in ("description", "encoded", "content", "summary") and element.text:
            fragment = html.fragment_fromstring(element.text, create_parent="div")
            for node in fragment.iter():
                for attribute in ("href", "src"):
                    if node.get(attribute):
                        yield "content", node.get(attribute)


def test_publish_build_has_only_absolute_urls_in_feeds_opml_and_sitemap(published):
    out, siteurl = published
    files = [*sorted((out / "feeds").rglob("*.xml")), out / "feeds/topics.opml", out / "sitemap.xml"]
    assert len(files) > 10
    seen = {"site": 0, "content": 0}
    for path in files:
        for where, url in urls_in_xml(path):
            seen[where] += 1
            parts = urlsplit(url)
            assert parts.scheme == "https" and parts.netloc, (path.name, url)
            if where == "site":
                assert url.startswith(siteurl + "/"), (path.name, url)
    assert seen["site"] > 100 and seen["content"] > 10
    assert f"Sitemap: {siteurl}/sitemap.xml" in (out / "robots.txt").read_text()


def test_publish_build_pages_link_feeds_absolutely(published):
    out, siteurl = published
    page = (out / "index.html").read_text("utf-8")
    assert f'href="{siteurl}/feeds/all.rss.xml"' in page
    assert f'<link rel="canonical" href="{siteurl}/">' in page


def test_sitemap_lists_every_article_topic_and_page_once(site):
    locs = [e.text for e in ET.parse(site / "sitemap.xml").iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == len(set(locs))
    paths = {loc.removeprefix("http://localhost:8000/") for loc in locs}
    articles = {p.parent.relative_to(site).as_posix() + "/" for p in site.glob("20*/*/*/index.html")}
    assert len(articles) == POSTS and articles <= paths
    assert {"", "topics/", "topics/s-400/", "topics/india/", "about/", "subscribe/"} <= paths
    assert not any(p.startswith("_report") or p.endswith("404.html") for p in paths)


def test_robots_points_at_the_sitemap_and_hides_the_report(site):
    robots = (site / "robots.txt").read_text()
    assert "Disallow: /_report/" in robots
    assert "Sitemap: http://localhost:8000/sitemap.xml" in robots
