"""theme/: pages read back as outside tools read them: mf2py for the microformats, JSON-LD,
html5lib for well-formedness, and the structure accessibility checkers look for."""

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import html5lib
import mf2py
import pytest
from bs4 import BeautifulSoup

from test_site_build import POSTS, RELATION, ROOT, post_date, post_tags, site  # noqa: F401

SITE_FEEDS = {("application/rss+xml", "/feeds/all.rss.xml"),
              ("application/atom+xml", "/feeds/all.atom.xml")}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def article_path(site: Path, i: int) -> Path:
    (path,) = site.glob(f"{post_date(i):%Y/%m}/post-{i:02d}-*/index.html")
    return path


def mf2_entry(path: Path) -> dict:
    """The page's top-level h-entry that has content (related articles are a separate h-feed)."""
    items = mf2py.parse(doc=path.read_text("utf-8"), url="http://localhost:8000/")["items"]
    (entry,) = [i for i in items if "h-entry" in i["type"] and "content" in i["properties"]]
    return entry["properties"]


def pages(site: Path):
    return sorted(site.rglob("*.html"))


# -- article pages: contract 2 ------------------------------------------------------------

def test_article_is_an_h_entry_with_name_content_date_author_url_and_categories(site):
    props = mf2_entry(article_path(site, 3))
    assert props["name"] == ["Post 03: Ankara & Washington"]
    (published,) = props["published"]
    assert datetime.strptime(published, "%Y-%m-%dT%H:%M:%S%z") == datetime(
        *post_date(3).timetuple()[:3], 9, 30, tzinfo=timezone.utc)
    assert props["author"][0]["type"] == ["h-card"]
    assert props["author"][0]["properties"]["name"] == ["Jane Doe"]
    assert props["url"] == [f"http://localhost:8000/{post_date(3):%Y/%m}/post-03-ankara-washington/"]
    assert props["category"] == post_tags(3)
    body = props["content"][0]["value"]
    assert body.startswith("Paragraph one of post 3") and body.rstrip().endswith("word")


def test_topic_chips_link_each_topic_page(site):
    page = soup(article_path(site, 3))
    chips = page.select("article.h-entry > header a.p-category")
    assert [a.get_text() for a in chips] == post_tags(3)
    for a in chips:
        assert a["rel"] == ["tag"]
        assert (site / a["href"].lstrip("/") / "index.html").is_file()


def test_author_note_is_shown_outside_e_content(site):
    path = article_path(site, 0)
    note = "The author is a research fellow at an institute."
    assert note not in mf2_entry(path)["content"][0]["value"]
    assert soup(path).select_one(".author-note").get_text(strip=True) == note


def test_unknown_author_gets_no_h_card_and_undated_shows_date_unknown(site):
    assert "author" not in mf2_entry(article_path(site, 1))
    undated = article_path(site, 2)
    assert "published" not in mf2_entry(undated)
    assert "Date unknown" in soup(undated).select_one(".article-header").get_text()
    assert "datePublished" not in json_ld(undated)


def test_reading_time_from_metadata_else_from_word_count(site):
    def minutes(i):
        return soup(article_path(site, i)).select_one(".reading-time").get_text()

    assert minutes(0) == "7 min read"  # Reading_time: 7
    assert minutes(3) == "1 min read"  # ~55 words


def json_ld(path: Path) -> dict:
    (script,) = soup(path).select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_article_carries_news_article_json_ld_open_graph_and_canonical(site):
    path = article_path(site, 3)
    data = json_ld(path)
    url = f"http://localhost:8000/{post_date(3):%Y/%m}/post-03-ankara-washington/"
    assert data["@type"] == "NewsArticle" and data["headline"] == "Post 03: Ankara & Washington"
    assert data["url"] == url and data["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert data["datePublished"].startswith(str(post_date(3)))
    assert data["keywords"] == post_tags(3)
    page = soup(path)
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("meta[content]")}
    assert meta["og:type"] == "article" and meta["og:title"] == "Post 03: Ankara & Washington"
    assert meta["twitter:card"] == "summary" and meta["og:description"]
    assert page.select_one("link[rel=canonical]")["href"] == url.removeprefix("http://localhost:8000")


def test_subscribe_block_offers_site_feed_topic_feeds_and_subscribe_page(site):
    block = soup(article_path(site, 3)).select_one("section.subscribe")
    hrefs = [a["href"] for a in block.find_all("a")]
    assert {"/feeds/all.rss.xml", "/feeds/all.atom.xml", "/subscribe/"} <= set(hrefs)
    for slug in ("s-400", "turkey-us-relations", "turkey", "us"):
        assert {f"/feeds/topics/{slug}.rss.xml", f"/feeds/topics/{slug}.atom.xml"} <= set(hrefs)
    assert "/feeds/topics/nato.rss.xml" not in hrefs  # post 3 is not about NATO


def test_related_articles_share_a_topic_and_neighbours_are_by_date(site):
    order = sorted(range(POSTS), key=post_date)  # oldest first
    for i in (0, 3, 12, 23):
        page = soup(article_path(site, i))
        related = page.select(".related .h-entry a.u-url")
        assert 0 < len(related) <= 4
        for a in related:
            j = int(re.search(r"/post-(\d+)-", a["href"]).group(1))
            assert j != i and set(post_tags(j)) & set(post_tags(i))
        at = order.index(i)
        older, newer = page.select_one(".neighbours a[rel=prev]"), page.select_one(".neighbours a[rel=next]")
        assert (older is None) == (at == 0) and (newer is None) == (at == POSTS - 1)
        if older:
            assert f"/post-{order[at - 1]:02d}-" in older["href"]
        if newer:
            assert f"/post-{order[at + 1]:02d}-" in newer["href"]


# -- listings and topic pages: contract 3 ---------------------------------------------------

def listed(path: Path) -> list[int]:
    """Post numbers of the h-entries in a listing's h-feed, in order."""
    feed = soup(path).select_one(".h-feed")
    return [int(re.search(r"/post-(\d+)-", a["href"]).group(1))
            for a in feed.select(".h-entry a.u-url")]


def test_listing_pages_are_h_feeds_of_entries_without_content(site):
    for path in (site / "index.html", site / "topics/nato/index.html", site / "archives/index.html"):
        items = mf2py.parse(doc=path.read_text("utf-8"))["items"]
        feeds = [i for i in items if "h-feed" in i["type"]]
        assert len(feeds) == 1 and feeds[0]["children"], path
        for child in feeds[0]["children"]:
            assert "h-entry" in child["type"] and "content" not in child["properties"]
            assert child["properties"]["name"] and child["properties"]["url"]


def test_topic_page_lists_exactly_its_articles_newest_first_over_pages(site):
    expected = sorted(range(POSTS), key=post_date, reverse=True)  # S-400 is on every post
    base = site / "topics/s-400"
    pages_ = [base / "index.html", base / "page/2/index.html", base / "page/3/index.html"]
    assert not (base / "page/4").exists()
    chunks = [listed(p) for p in pages_]
    assert [len(c) for c in chunks] == [10, 10, 5]
    assert sum(chunks, []) == expected
    nav = soup(pages_[1]).select_one("nav.pagination")
    assert nav.select_one("a[rel=prev]")["href"] == "/topics/s-400/"
    assert nav.select_one("a[rel=next]")["href"] == "/topics/s-400/page/3/"


def test_topic_page_shows_name_kind_count_range_and_its_feeds(site):
    page = soup(site / "topics/s-400/index.html")
    assert page.h1.get_text() == "S-400"
    header = page.select_one(".topic-header").get_text(" ", strip=True)
    assert "System" in header and f"{POSTS} articles" in header
    first, last = min(map(post_date, range(POSTS))), max(map(post_date, range(POSTS)))
    assert f"{first:%B %Y} to {last:%B %Y}" in header
    alternates = {(link["type"], link["href"]) for link in page.select("head link[rel=alternate]")}
    assert alternates == SITE_FEEDS | {("application/rss+xml", "/feeds/topics/s-400.rss.xml"),
                                       ("application/atom+xml", "/feeds/topics/s-400.atom.xml")}


def test_relation_page_links_both_countries_and_country_page_lists_relations(site):
    relation = soup(site / "topics/turkey-us-relations/index.html").select_one(".topic-header")
    assert {a["href"] for a in relation.find_all("a", href=re.compile("^/topics/"))} == {
        "/topics/turkey/", "/topics/us/"}
    country = soup(site / "topics/turkey/index.html").select_one(".topic-aside")
    assert [a.get_text() for a in country.find_all("a")] == [RELATION]


def test_topics_index_lists_every_topic_busiest_first_with_counts(site):
    page = soup(site / "topics/index.html")
    rows = [(li.a.get_text(), int(li.select_one(".count").get_text(" ", strip=True).split()[0]))
            for li in page.select(".topic-group li")]
    counts = {}
    for i in range(POSTS):
        for tag in post_tags(i):
            counts[tag] = counts.get(tag, 0) + 1
    assert sorted(rows) == sorted(counts.items())
    assert rows == sorted(rows, key=lambda r: (-r[1], r[0].lower()))


def test_home_lists_latest_articles_and_busiest_topics(site):
    page = site / "index.html"
    assert listed(page) == sorted(range(POSTS), key=post_date, reverse=True)[:10]
    assert soup(page).select_one(".busiest li a").get_text() == "S-400"
    assert listed(site / "page/2/index.html")[0] == sorted(range(POSTS), key=post_date,
                                                          reverse=True)[10]


def test_archives_group_by_year_and_month(site):
    page = soup(site / "archives/index.html")
    years = sorted({post_date(i).year for i in range(POSTS)}, reverse=True)
    assert [int(h.a.get_text()) for h in page.select("h2[id^=year-]")] == years
    months = sorted({post_date(i).replace(day=1) for i in range(POSTS)}, reverse=True)
    assert [h.get_text() for h in page.select("h3")] == [f"{m:%B %Y}" for m in months]
    assert sorted(listed(site / "archives/index.html")) == list(range(POSTS))
    year = months[0].year
    assert sorted(listed(site / f"archives/{year}/index.html")) == sorted(
        i for i in range(POSTS) if post_date(i).year == year)


def test_subscribe_page_lists_every_feed_ready_to_copy_and_the_opml(site):
    page = soup(site / "subscribe/index.html")
    text = page.get_text()
    for path in (site / "feeds").rglob("*.rss.xml"):
        assert f"http://localhost:8000/{path.relative_to(site).as_posix()}" in text
    assert "http://localhost:8000/feeds/all.atom.xml" in text
    assert page.select_one('a[href="/feeds/topics.opml"]')
    assert "What is a feed?" in text


# -- every page ------------------------------------------------------------------------------

def test_every_page_advertises_the_site_feeds(site):
    for path in pages(site):
        links = {(link["type"], link["href"]) for link in soup(path).select("head link[rel=alternate]")}
        assert SITE_FEEDS <= links, path


def test_every_page_is_well_formed_html5(site):
    parser = html5lib.HTMLParser(strict=True)
    for path in pages(site):
        if path != article_path(site, 0):  # its body has control characters, on purpose
            parser.parse(path.read_bytes())


def test_pages_have_lang_landmarks_skip_link_and_ordered_headings(site):
    for path in pages(site):
        page = soup(path)
        assert page.html["lang"] == "en"
        assert len(page.find_all("main")) == 1 and page.main["id"] == "main"
        assert page.select_one("a.skip-link")["href"] == "#main"
        assert page.find("header", class_="site-header") and page.find("footer")
        assert not page.main.find("aside"), path  # complementary landmarks stay top-level
        labels = [nav.get("aria-label") for nav in page.find_all("nav")]
        assert all(labels) and len(labels) == len(set(labels)), (path, labels)
        levels = [int(h.name[1]) for h in page.find_all(re.compile("^h[1-6]$"))]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)


def test_nothing_is_fetched_from_another_host(site):
    for path in pages(site):
        page = soup(path)
        for tag in page.find_all(["link", "script", "img", "iframe", "source", "audio", "video"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if url and not (tag.name == "link" and "canonical" in tag.get("rel", [])):
                assert not re.match(r"^(https?:)?//", url), (path, url)
    for asset in (site / "theme").rglob("*.*"):
        assert not re.search(rb"(@import|url\()\s*['\"]?(https?:)?//", asset.read_bytes()), asset


def test_stylesheet_is_small_with_dark_mode_print_and_focus_styles():
    css = (ROOT / "theme/static/css/site.css").read_text()
    assert len(css.encode()) < 30_000
    for needle in ("prefers-color-scheme: dark", "@media print", ":focus-visible", "max-width: var(--measure)"):
        assert needle in css


def test_search_page_has_a_labelled_form_over_the_local_pagefind_index(site):
    page = soup(site / "search/index.html")
    field = page.select_one("form[role=search] input[name=q]")
    assert page.select_one(f'label[for="{field["id"]}"]')
    assert page.select_one("form")["data-pagefind"] == "/pagefind/pagefind.js"
    assert page.find("noscript")
    article = soup(article_path(site, 3))
    assert article.select_one("article.h-entry").has_attr("data-pagefind-body")


def test_sample_site_search_index_covers_the_articles(built_site):
    assert (built_site / "pagefind/pagefind.js").is_file()
    pages_ = list(built_site.glob("20*/*/*/index.html"))
    assert pages_ and all("data-pagefind-body" in p.read_text("utf-8") for p in pages_)


def test_404_is_not_indexed(site):
    assert soup(site / "404.html").select_one('meta[name=robots]')["content"] == "noindex"


@pytest.mark.parametrize("name", ["about", "subscribe"])
def test_pages_render(site, name):
    page = soup(site / name / "index.html")
    assert page.h1.get_text() == name.capitalize()
