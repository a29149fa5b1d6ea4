"""A real Pelican build of a folder mixing good dumps with every kind of bad input."""

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import mf2py
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent

PROSE = [
    "The coastguards of the two countries exchanged warnings near the shoal again on Monday, the third incident this month.",
    "Diplomats in both capitals expect a hotline to be set up before the regional summit, if the incidents stop in time.",
    "Fishermen from the nearby islands say they have not been able to reach their usual grounds since the spring.",
]
OTHER = [
    "The parliament voted on Thursday to extend the mandate of the peacekeeping mission for another twelve months.",
    "Opposition deputies argued that the mission had failed to protect civilians in the eastern provinces last year.",
    "The government replied that a withdrawal now would leave the border towns to the armed groups within weeks.",
]
THIRD = [
    "Grain exports through the southern ports resumed this week under a deal brokered by two neutral governments.",
    "Insurers had refused to cover the ships for months, and freight rates only now begin to fall towards normal.",
]
HOSTILE = """<!DOCTYPE html><html><head><title>Ceasefire talks stall</title>
<meta property="og:title" content="Ceasefire talks stall">
<meta property="article:published_time" content="2023-02-01T08:00:00Z">
<script>alert('head')</script><style>body{display:none}</style></head>
<body onload="alert('body')"><article>
<h1>Ceasefire talks stall</h1>
<p style="color:red" onclick="alert('p')">Mediators left the capital on Wednesday without an agreement, after the
delegations refused to sit in the same room for a third consecutive day of talks.</p>
<script>alert('inline')</script>
<p>Each side accused the other of shelling <a href="javascript:alert('link')">villages</a> near the front,
and <img src="x.png" onerror="alert('img')"> the mediators said they would return only when invited.</p>
<iframe src="https://example.invalid/embed"></iframe>
<form action="https://example.invalid/collect"><input name="email"><button>Go</button></form>
<p>Diplomats expect the next round to take place in a neutral capital, possibly before the end of the month.</p>
</article></body></html>
"""
GOOD_HTML = """<!DOCTYPE html><html><head><title>Sahel juntas form an alliance | Example Review</title>
<meta property="og:title" content="Sahel juntas form an alliance">
<meta name="author" content="Idrissa Kane">
<meta property="article:published_time" content="2023-09-17T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/africa/">Africa</a></nav><article><h1>Sahel juntas form an alliance</h1>
<p>Three military governments in the Sahel signed a mutual defence pact on Saturday, promising to help each other
against armed rebellion or outside aggression within their borders.</p>
<h2>A break with the regional bloc</h2>
<p>The pact deepens the rift with the regional economic community, which had threatened to intervene after the
most recent coup and imposed sanctions that closed borders and froze assets.</p>
<table><tr><th>Country</th><th>Coup</th></tr><tr><td>Mali</td><td>2021</td></tr><tr><td>Niger</td><td>2023</td></tr></table>
<p>Analysts say the new alliance has more symbolic weight than military capacity, as all three armies are
stretched by insurgencies that control large parts of their rural territory.</p>
</article><footer>© 2023 Example Review. All rights reserved.</footer></body></html>
"""

# A text dump with a vertical tab, an ANSI colour escape and a NUL inside its prose.
CONTROLS = ("Talks resume in Geneva\n\n"
            "Negotiators from both\x0b sides returned to the table on Tuesday after a \x1b[31mthree-week\x1b[0m pause "
            "in the talks.\n\nThe mediators\x00 said a draft text on prisoner exchanges was ready for both delegations.\n"
            ).encode()


def text_dump(title, paragraphs, *, header="", furniture_top=(), furniture_end=()):
    return "\n\n".join([*furniture_top, title, *([header] if header else []), *paragraphs, *furniture_end])


def write_content(content):
    """The content folder: good dumps and every kind of bad input."""
    dumps = content / "dumps"
    (dumps / "sub").mkdir(parents=True)
    files = {
        "good.txt": text_dump("Shoal standoff enters its third week", PROSE, header="By Ana Reyes\nMarch 3, 2023",
                              furniture_top=["Home » Asia » Maritime"], furniture_end=["Share this story", "Leave a response"]),
        "sub/copy.txt": text_dump("Shoal standoff enters its third week", PROSE,
                                  furniture_top=["Skip to content"], furniture_end=["Related stories", "Why ports matter"]),
        "mandate-a.txt": text_dump("Mandate extended", OTHER, header="June 2, 2022"),
        "mandate-b.txt": text_dump("Mandate extended", THIRD, header="June 2, 2022"),
        "override.txt": text_dump("Grain corridor reopens", [PROSE[0].replace("shoal", "strait"), THIRD[1] + " Again."]),
        "literal.txt": text_dump("Markup in a dump", [OTHER[0].replace("peacekeeping", "peace-keeping"),
                                 "The scraped page showed <script>alert(1)</script> in the middle of a sentence about it."]),
        "furniture-only.txt": "Subscribe now\n\nShare this story\n\nLeave a response\n\nSponsored content\n",
    }
    for name, text in files.items():
        (dumps / name).write_text(text, encoding="utf-8")
    (dumps / "override.txt.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (dumps / "dated.txt").write_text(text_dump("Border crossings reopen", [OTHER[1], THIRD[0]]), encoding="utf-8")
    (dumps / "dated.txt.yaml").write_text("date: 2021-05-04\n", encoding="utf-8")
    (dumps / "empty.txt").write_bytes(b"")
    (dumps / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (dumps / "controls.txt").write_bytes(CONTROLS)
    (dumps / "hostile.html").write_text(HOSTILE, encoding="utf-8")
    (dumps / "good.html").write_text(GOOD_HTML, encoding="utf-8")


# In a child process: Pelican keeps plugin signal receivers for the life of the process,
# and the plugins of this build must not run in other tests' builds.
BUILD = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
Pelican(read_settings(path=sys.argv[1], override=json.loads(sys.argv[2]))).run()
"""


def build(base, **override):
    """Build the content folder into base/out; (out, report rows by source, build log)."""
    content, out = base / "content", base / "out"
    write_content(content)
    override = {"PATH": str(content), "OUTPUT_PATH": str(out), "PLUGIN_PATHS": [str(ROOT / "plugins")],
                "LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False, "CACHE_PATH": str(base / "cache"),
                **override}
    run = subprocess.run([sys.executable, "-c", BUILD, str(ROOT / "pelicanconf.py"), json.dumps(override)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads((out / "_report" / "dumps.json").read_text(encoding="utf-8"))
    return out, {row["source"]: row for row in report}, run.stdout + run.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The dumps plugin alone, with Pelican's simple theme."""
    return build(tmp_path_factory.mktemp("build"), PLUGINS=["dumps"], THEME="simple",
                 DIRECT_TEMPLATES=["index", "tags", "archives"])


@pytest.fixture(scope="module")
def full_site(tmp_path_factory):
    """The project's own plugins and theme (h-entry pages, feeds)."""
    return build(tmp_path_factory.mktemp("full"), THEME=str(ROOT / "theme"))


def test_every_dump_has_exactly_one_row(site):
    _, rows, _ = site
    assert sorted(rows) == sorted([
        "binary.txt", "controls.txt", "dated.txt", "empty.txt", "furniture-only.txt", "good.html", "good.txt", "hostile.html",
        "literal.txt", "mandate-a.txt", "mandate-b.txt", "override.txt", "sub/copy.txt",
    ])
    for row in rows.values():
        assert row["status"] in ("published", "duplicate", "skipped")
        assert (row["status"] == "published") == ("reason" not in row), row
        assert row["status"] != "published" or row["url"]


def test_not_articles_are_skipped_with_a_reason_and_a_warning(site):
    _, rows, log = site
    for name in ("empty.txt", "binary.txt", "furniture-only.txt"):
        assert re.search(rf"{re.escape(name)}: skipped", log), name
    assert rows["empty.txt"]["status"] == "skipped" and "empty" in rows["empty.txt"]["reason"]
    assert rows["binary.txt"]["status"] == "skipped" and "binary" in rows["binary.txt"]["reason"]
    assert rows["furniture-only.txt"]["status"] == "skipped" and rows["furniture-only.txt"]["reason"]


def test_control_characters_in_prose_are_stripped_and_the_article_published(site):
    out, rows, _ = site
    row = rows["controls.txt"]
    assert row["status"] == "published"
    page = article_page(out, row)
    assert "Negotiators from both sides returned to the table on Tuesday after a three-week pause" in page
    assert "The mediators said a draft text on prisoner exchanges" in page
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]|\\[31m|\\[0m", page)
    assert "stripped 2 terminal escape sequences and 2 control characters (U+0000, U+000B)" in row["flags"]


def test_the_same_article_twice_is_one_post(site):
    _, rows, _ = site
    statuses = sorted((rows["good.txt"]["status"], rows["sub/copy.txt"]["status"]))
    assert statuses == ["duplicate", "published"]
    dup, kept = ("good.txt", "sub/copy.txt") if rows["good.txt"]["status"] == "duplicate" else ("sub/copy.txt", "good.txt")
    assert rows[dup]["reason"] == f"duplicate of {kept}"


def test_same_titles_get_distinct_urls(site):
    out, rows, _ = site
    a, b = rows["mandate-a.txt"], rows["mandate-b.txt"]
    assert a["status"] == b["status"] == "published"
    assert a["url"] != b["url"]
    assert (out / a["url"] / "index.html").exists() and (out / b["url"] / "index.html").exists()


def test_a_broken_override_still_builds_the_dump(site):
    _, rows, _ = site
    row = rows["override.txt"]
    assert row["status"] == "published" and row["title"] == "Grain corridor reopens"
    assert any("override.txt.yaml:" in flag for flag in row["flags"])


def article_page(out, row):
    return (out / row["url"] / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["site", "full_site"])
def test_nothing_hostile_reaches_any_page_or_feed(which, request):
    out, rows, _ = request.getfixturevalue(which)
    assert rows["hostile.html"]["status"] == "published"
    written = [p for p in out.rglob("*") if p.suffix in (".html", ".xml", ".rss", ".atom") and "_report" not in p.parts]
    assert len(written) > 5
    for path in written:
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".html":  # a feed carries the article's HTML escaped once
            text = html.unescape(text)
        assert "alert('" not in text, path
        assert not re.search(r"<script>alert|\bonerror\b|\bonclick\b|\bonload\b|javascript:|<iframe", text, re.I), path
        assert "example.invalid" not in text and "color:red" not in text, path
    page = article_page(out, rows["hostile.html"])
    assert "Mediators left the capital" in page and "neutral capital" in page
    if which == "site":  # Pelican's simple theme has no form or style of its own
        assert not re.search(r"<form|<input|<button|style=", page)


def test_literal_markup_in_a_text_dump_is_shown_as_text(site):
    out, rows, _ = site
    page = article_page(out, rows["literal.txt"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_article_pages_are_h_entries(full_site):
    out, rows, _ = full_site
    row = rows["good.html"]
    parsed = mf2py.parse(doc=article_page(out, row), url="https://example.invalid" + "/" + row["url"])
    entry = next(item for item in parsed["items"] if "h-entry" in item["type"])
    props = entry["properties"]
    assert props["name"][0] == "Sahel juntas form an alliance"
    assert props["published"][0].startswith("2023-09-17")
    author = props["author"][0]
    assert (author["properties"]["name"][0] if isinstance(author, dict) else author) == "Idrissa Kane"
    content = props["content"][0]["html"]
    assert "<h2>A break with the regional bloc</h2>" in content
    table = BeautifulSoup(content, "html.parser").table
    assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")] == [
        ["Country", "Coup"], ["Mali", "2021"], ["Niger", "2023"]]
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Country", "Coup"]
    assert "Home" not in content and "All rights reserved" not in content


def test_an_unchanged_report_is_not_rendered_again(tmp_path, monkeypatch):
    from plugins.dumps import report

    rows = [{"source": "a.txt", "status": "published", "url": "a/", "title": "A", "removed": []}]
    out, cache = tmp_path / "out", tmp_path / "cache"
    report.write(rows, str(out), "_report", "Site", str(cache))
    page = out / "_report" / "index.html"
    assert page.is_file() and json.loads((out / "_report" / "dumps.json").read_text()) == rows
    rendered = []
    real = report.render_html
    monkeypatch.setattr(report, "render_html", lambda *a: rendered.append(a) or real(*a))
    report.write(rows, str(out), "_report", "Site", str(cache))
    assert rendered == []  # same rows, same site name, files in place
    # Equal rows, one with a string object in two fields, the other with two equal
    # strings (rows read from the cache share fewer objects than rows cleaned afresh).
    text = "".join(["A", "/"])
    report.write([{**rows[0], "url": text, "title": text}], str(out), "_report", "Site", str(cache))
    assert len(rendered) == 1
    report.write([{**rows[0], "url": "".join(["A", "/"]), "title": "".join(["A", "/"])}],
                 str(out), "_report", "Site", str(cache))
    assert len(rendered) == 1  # the same rows: not rendered again
    report.write(rows, str(out), "_report", "Site", str(cache))
    assert len(rendered) == 2
    report.write(rows, str(out), "_report", "Another site", str(cache))
    assert len(rendered) == 3 and "Another site" in page.read_text()
    page.unlink()
    report.write(rows, str(out), "_report", "Another site", str(cache))
    assert len(rendered) == 4 and page.is_file()
    report.write(rows + [{"source": "b.txt", "status": "skipped", "reason": "empty file", "removed": []}],
                 str(out), "_report", "Another site", str(cache))
    assert len(rendered) == 5 and "b.txt" in page.read_text()
    report.write(rows, str(out), "_report", "Another site", None)  # no cache: always rendered
    assert len(rendered) == 6


def test_undated_dumps_carry_no_invented_date(full_site):
    """No date in the dump or its override: no date in the URL, "Date unknown" on pages, its
    own heading in the archives, no lastmod, no RSS pubDate; Atom's required `updated` is the
    epoch. An override's date puts a dump in the dated archive."""
    out, rows, _ = full_site
    undated = rows["literal.txt"]
    assert undated["url"] == "articles/markup-in-a-dump/"
    assert "undated: no date in the dump or its override" in undated["flags"]
    page = article_page(out, undated)
    assert "Date unknown" in page and "dt-published" not in page and "datePublished" not in page
    archives = BeautifulSoup((out / "archives" / "index.html").read_text("utf-8"), "html.parser")
    unknown = archives.find(id="date-unknown").find_parent("section")
    assert "/" + undated["url"] in [a["href"] for a in unknown.select("a.u-url")]
    assert "/" + rows["dated.txt"]["url"] not in [a["href"] for a in unknown.select("a.u-url")]
    assert rows["dated.txt"]["url"].startswith("2021/05/")
    assert (out / "archives" / "2021" / "05" / "index.html").is_file()
    assert sorted(p.name for p in (out / "archives").iterdir() if p.is_dir()) == ["2021", "2022", "2023"]
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entry = next(u for u in sitemap.findall("s:url", ns) if u.findtext("s:loc", namespaces=ns).endswith(undated["url"]))
    assert entry.find("s:lastmod", ns) is None
    seen = 0
    for path in (out / "feeds").rglob("*.xml"):
        for item in feedparser.parse(path.read_bytes()).entries:
            if item.link.endswith(undated["url"]):
                seen += 1
                assert "published_parsed" not in item
                assert path.name.endswith(".rss.xml") or item.updated_parsed[:3] == (1970, 1, 1)
    assert seen
    for path in out.rglob("*"):
        if path.suffix in (".html", ".xml") and "feeds" not in path.parts:
            assert not re.search(r"19(70|69)", path.read_text("utf-8")), path
