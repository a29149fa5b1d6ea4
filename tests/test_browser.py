"""Issue 6 in a real browser: Debian's chromium, driven by npm's playwright-core, checked with
axe-core, over the sample site as `pelican content -s pelicanconf.py` makes it (its search
index from plugins/search).

The site is served on 127.0.0.1 by a Python thread; tests/browser/check.mjs visits every page
once and writes what it saw as JSON; the tests here assert on that, one acceptance point each:
no serious or critical axe violation (light and dark mode), no horizontal scrolling at 390 and
320 px, no request to another host, searching "S-400" finds articles, and on /topics/ the
keyboard reaches a country on the world map (issue 18) and Enter opens its page. It also takes
the README's screenshots: `UPDATE_SCREENSHOT=1 pytest tests/test_browser.py` rewrites
docs/screenshot-article.png and docs/screenshot-map.png.

chromium, node and `npm ci --prefix .ci/node` are installed by .ci/run. Where one is missing
these tests fail (not skip) and say what to install: they are the theme's acceptance tests.
"""

import functools
import json
import os
import re
import shutil
import subprocess
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from conftest import ROOT

CHECK = ROOT / "tests" / "browser" / "check.mjs"
NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
SCREENSHOT = ROOT / "docs" / "screenshot-article.png"
SCREENSHOT_SIZE = (1000, 1100)
MAP_SCREENSHOT = ROOT / "docs" / "screenshot-map.png"
MAP_SELECTOR = "figure.world-map"  # the map and its caption (plugins/maps, theme/templates/tags.html)
MAP_COLOURS = 64  # the README's map is a palette PNG: a map has few colours, and this keeps it small
# The newsletter's own sample dump: its article is the one the acceptance checks and shows.
SAMPLE_DUMP = "000_4a07e67777452828.txt"
QUERY = "S-400"
WIDTHS = (390, 320)
SERIOUS = {"serious", "critical"}

# The pages issue 6's acceptance names, then the theme's other reader pages. The article's
# URL comes from the build report (contract 5); the others are fixed by the theme's settings.
ACCEPTANCE = ("home", "article", "topics", "topic", "search")
PAGES = {
    "home": "/",
    "article": None,
    "topics": "/topics/",
    "topic": "/topics/nato/",
    "country": "/topics/turkey/",  # a country page: the map of its relations
    "search": "/search/",
    "archives": "/archives/",
    "about": "/about/",
    "subscribe": "/subscribe/",
    "404": "/404.html",
}
# Served by the test server only: one fault of each kind the checks look for, so a checker
# that silently stopped working (axe not injected, requests not recorded) fails a test.
GUARD_PATH = "/__guard__/"
GUARD_HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>guard</title></head>
<body><main><h1>guard</h1><img src="/guard.png">
<div style="width: 2000px">too wide</div>
<img alt="" src="http://leak.invalid/pixel.png"></main></body></html>"""


def sample_article_path(site: Path) -> str:
    """The URL path of the sample dump's article, read from the build report."""
    rows = json.loads((site / "_report" / "dumps.json").read_text("utf-8"))
    (row,) = [r for r in rows if r["source"].endswith(SAMPLE_DUMP)]
    assert row["status"] == "published", row
    return "/" + row["url"].lstrip("/")


def page_paths(site: Path) -> dict[str, str]:
    return {name: path or sample_article_path(site) for name, path in PAGES.items()}


def page_file(site: Path, path: str) -> Path:
    """The built file a URL path is served from."""
    file = site / path.lstrip("/")
    return file / "index.html" if path.endswith("/") else file


class Handler(SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path != GUARD_PATH:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(GUARD_HTML)))
        self.end_headers()
        self.wfile.write(GUARD_HTML)

    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path):
    """The site on http://127.0.0.1:<free port>, as a static host serves it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def browser_tools():
    """node and chromium, or a failure saying how to install what is missing.

    $CHROMIUM names another Chromium-based browser (GitHub's runners ship google-chrome)."""
    node, chromium = shutil.which("node"), shutil.which(os.environ.get("CHROMIUM") or "chromium")
    missing = [what for what, ok in (
        ("node (Debian: apt-get install nodejs npm)", node),
        ("chromium (Debian: apt-get install --no-install-recommends chromium)", chromium),
        ("playwright-core and axe-core (npm ci --prefix .ci/node)",
         (NODE_MODULES / "playwright-core").is_dir() and (NODE_MODULES / "axe-core").is_dir()),
    ) if not ok]
    if missing:
        pytest.fail("the browser tests need " + "; ".join(missing) + ". `bash .ci/run` installs them all.",
                    pytrace=False)
    return node, chromium


@pytest.fixture(scope="session")
def browser(built_site, tmp_path_factory):
    """What chromium saw on each page, by page name (plus "guard"), the search and the screenshot."""
    node, chromium = browser_tools()
    work = tmp_path_factory.mktemp("browser")
    paths = page_paths(built_site)
    with serve(built_site) as base:
        config = {
            "base": base, "chromium": chromium, "widths": list(WIDTHS),
            "pages": [*paths.values(), GUARD_PATH],
            "search": {"path": PAGES["search"], "query": QUERY},
            "keyboard": {"path": PAGES["topics"], "within": "svg.map", "maxTabs": 80},
            "screenshots": {
                "article": {"path": paths["article"], "file": str(work / "article.png"),
                            "width": SCREENSHOT_SIZE[0], "height": SCREENSHOT_SIZE[1]},
                "map": {"path": PAGES["topics"], "file": str(work / "map.png"), "selector": MAP_SELECTOR,
                        "width": SCREENSHOT_SIZE[0], "height": 900},
            },
        }
        (work / "config.json").write_text(json.dumps(config), "utf-8")
        result = subprocess.run([node, str(CHECK), str(work / "config.json"), str(work / "out.json")],
                                capture_output=True, text=True, timeout=300)
    if result.returncode:
        pytest.fail(f"{CHECK.name} failed:\n{result.stdout}{result.stderr}", pytrace=False)
    report = json.loads((work / "out.json").read_text("utf-8"))
    by_path = {page["path"]: page for page in report["pages"]}
    report["page"] = {name: by_path[path] for name, path in paths.items()}
    report["page"]["guard"] = by_path[GUARD_PATH]
    report["base"] = base
    return report


def serious_violations(page: dict) -> list[str]:
    return [f"{scheme}: {v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
            for scheme, violations in page["axe"].items() for v in violations if v["impact"] in SERIOUS]


def foreign_requests(page: dict, base: str) -> list[str]:
    host = urlsplit(base).netloc
    return [url for url in page["requests"]
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != host]


def assert_not_blank(path: Path):
    """A page screenshot, not an empty or one-colour image: many colours (anti-aliased text)
    and a fair share of pixels that differ from the background."""
    image = Image.open(path).convert("RGB")
    colours = image.getcolors(maxcolors=image.width * image.height)
    background = max(colours)[0]
    ink = 1 - background / (image.width * image.height)
    assert len(colours) >= 50 and 0.03 <= ink <= 0.9, \
        f"{path} looks blank: {len(colours)} colours, {ink:.1%} of pixels off the background"


# -- the acceptance points, one page at a time ------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_script_errors(browser, name):
    page = browser["page"][name]
    assert page["status"] == 200, f"{page['path']}: HTTP {page['status']}"
    assert page["errors"] == [], f"{page['path']}: uncaught script errors {page['errors']}"


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_axe_violation(browser, name):
    page = browser["page"][name]
    assert serious_violations(page) == [], page["path"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling(browser, name, width):
    page = browser["page"][name]
    seen = page["overflow"][str(width)]
    assert seen["scrollWidth"] <= seen["clientWidth"], (
        f"{page['path']} at {width} px scrolls sideways ({seen['scrollWidth']} > {seen['clientWidth']}); "
        f"sticking out: {seen['offenders']}")


@pytest.mark.parametrize("name", PAGES)
def test_no_request_leaves_the_site(browser, name):
    page = browser["page"][name]
    assert any(url.endswith("/theme/css/site.css") for url in page["requests"]), page["requests"]
    assert foreign_requests(page, browser["base"]) == [], page["path"]


def test_searching_s400_finds_the_articles_about_it(browser, built_site):
    search = browser["search"]
    assert search["errors"] == [] and foreign_requests(search, browser["base"]) == []
    assert any("/pagefind/" in url for url in search["requests"]), "Pagefind was never loaded"
    assert re.fullmatch(r"\d+ results? for “S-400”", search["status"]), search["status"]
    hrefs = [result["href"] for result in search["results"]]
    assert hrefs, search["status"]
    assert sample_article_path(built_site) in hrefs
    for href in hrefs:
        assert page_file(built_site, href).is_file(), f"result {href} is not a page of the site"
    # The form keeps the query in the address, so a search can be shared or reloaded.
    assert search["url"].endswith("?q=S-400")


def test_search_results_have_no_serious_axe_violation(browser):
    assert serious_violations(browser["search"]) == []


# -- the world map (issue 18) -----------------------------------------------------------------

def test_keyboard_reaches_a_country_on_the_map_and_enter_opens_its_page(browser, built_site):
    """Tab from the top of /topics/ lands on a country of the map, named "<country>: N
    article(s)", visibly focused; Enter opens that country's topic page."""
    keyboard = browser["keyboard"]
    focused = keyboard["focused"]
    assert focused, f"{keyboard['tabs']} presses of Tab never reached a link on the map"
    name, count = re.fullmatch(r"(.+): (\d+) articles?", focused["title"]).groups()
    assert keyboard["nameMatches"], f"the link's accessible name is not {focused['title']!r}"
    # Busiest country first: the first stop is the country with most articles.
    topics = (built_site / "topics" / "index.html").read_text("utf-8")
    counts = [int(c) for c in re.findall(r"<title>[^<]+: (\d+) articles?</title><(?:path|circle) class=\"c\d", topics)]
    assert int(count) == max(counts)
    assert focused["focused"] and not keyboard["unfocused"]["focused"] and keyboard["refocused"]
    assert (focused["fill"], focused["outline"]) != (keyboard["unfocused"]["fill"], keyboard["unfocused"]["outline"]), \
        "focus does not show on the map"
    assert focused["outline"] != "none"
    assert keyboard["after"]["path"] == focused["href"] and keyboard["after"]["h1"] == name
    assert keyboard["errors"] == [] and foreign_requests(keyboard, browser["base"]) == []


def test_map_screenshot_is_a_real_map(browser):
    """The browser's picture of /topics/'s map; UPDATE_SCREENSHOT=1 commits it to docs/ (as a
    palette PNG)."""
    shot = Path(browser["screenshots"]["map"]["file"])
    assert Image.open(shot).width >= 600
    assert_not_blank(shot)
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        Image.open(shot).convert("RGB").quantize(MAP_COLOURS).save(MAP_SCREENSHOT, optimize=True)


def test_readme_shows_the_map_screenshot():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"]({MAP_SCREENSHOT.relative_to(ROOT).as_posix()})" in readme
    assert_not_blank(MAP_SCREENSHOT)


# -- the checks themselves ------------------------------------------------------------------

def test_the_checks_catch_a_faulty_page(browser):
    """Guards the guards: a page with a missing alt, a too-wide box and a request to another
    host fails each check (so none of them passes because it silently stopped looking)."""
    guard = browser["page"]["guard"]
    assert any("image-alt" in v for v in serious_violations(guard))
    assert guard["overflow"]["390"]["scrollWidth"] > 390
    assert foreign_requests(guard, browser["base"]) == ["http://leak.invalid/pixel.png"]


# -- the README's screenshot ------------------------------------------------------------------

def test_article_screenshot_is_a_real_page(browser):
    """The browser's screenshot of the sample article; UPDATE_SCREENSHOT=1 commits it to docs/."""
    shot = Path(browser["screenshots"]["article"]["file"])
    assert Image.open(shot).size == SCREENSHOT_SIZE
    assert_not_blank(shot)
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


def test_readme_shows_the_article_screenshot():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"]({SCREENSHOT.relative_to(ROOT).as_posix()})" in readme
    assert Image.open(SCREENSHOT).size == SCREENSHOT_SIZE
    assert_not_blank(SCREENSHOT)
