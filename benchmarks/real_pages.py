"""Cleaning real pages: the kit against plain extractors, on pages nobody here wrote.

    .venv/bin/python benchmarks/real_pages.py CORPUS [--pool POOL] [--baselines]

CORPUS is a folder like ../shared/corpus/real: saved pages in html/, the same pages as text
dumps in txt/, and truth.json (per page: article snippets `with`/`with_in_text`, furniture
snippets `without`/`without_in_text`, and the page's own `title` candidates). Each kind is
built into a temporary site with this project's pelicanconf.py, as an editor would, and
scored the way the workplace's score_real.py does: article snippets kept, furniture
snippets leaked, title right. POOL (a folder with html/ and txt/, or a .tar.gz of one)
adds the share of its pages published. The corpora stay where they are: nothing is copied
into the project.

With --quick the kit's rows come in seconds, for trying a change to cleaning: each dump is
cleaned as the build cleans it (pelicanconf.py's DUMPS settings, the corpus signal of its
folder) and its rendered article is scored, with no site built. The figures are the full
run's (duplicates aside: a page that duplicates another counts as published); the full run
stays the measure, reading the built site as outside tools do.
"""

import argparse
import html as html_lib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.dumps.data.train_lines import norm, same_title  # noqa: E402

KINDS = ("txt", "html")


def build(dumps: Path, work: Path) -> Path:
    """Build a site from a folder of dumps (linked as CONTENT/dumps) with the project's settings."""
    content, out = work / "content", work / "site"
    content.mkdir(parents=True)
    (content / "dumps").symlink_to(dumps.resolve(), target_is_directory=True)
    subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", "pelicanconf.py",
         "--cache-path", str(work / "cache"), "-q"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return out


def site_pages(site: Path) -> tuple[dict, dict]:
    """({page id: (title, article text)}, {page id: status}) from a built site's report."""
    from bs4 import BeautifulSoup

    pages, status = {}, {}
    for row in json.loads((site / "_report" / "dumps.json").read_text(encoding="utf-8")):
        stem = os.path.basename(row["source"]).rsplit(".", 1)[0]
        status[stem] = row["status"]
        if row["status"] != "published" or not row.get("url"):
            continue
        path = site / row["url"].lstrip("/")
        path = path / "index.html" if not path.suffix else path
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name, body = soup.select_one(".h-entry .p-name"), soup.select_one(".h-entry .e-content")
        pages[stem] = (name.get_text(" ") if name else "", body.get_text("\n") if body else "")
    return pages, status


def kit_cleaner(data: list[bytes], kind: str):
    """(DUMPS options, cleaner) as the build makes them for a folder of these dumps: this
    project's pelicanconf.py and the folder's corpus signal."""
    from pelican.settings import read_settings

    from plugins.dumps.corpus import lines_of, recurring
    from plugins.dumps.prepare import make_cleaner
    from plugins.dumps.settings import dumps_settings

    options = dumps_settings(read_settings(str(ROOT / "pelicanconf.py")))
    signal = recurring([lines_of(raw, kind == "html") for raw in data], options["recurring_min_dumps"])
    return options, make_cleaner(options, signal)


def cleaned_pages(dumps: Path, kind: str) -> tuple[dict, dict]:
    """site_pages without a site: ({page id: (title, article text)}, {page id: status})
    from cleaning each dump the way the build does."""
    from bs4 import BeautifulSoup

    from plugins.dumps.pipeline import clean_dump

    paths = sorted(dumps.glob(f"*.{kind}"))
    data = {path.stem: path.read_bytes() for path in paths}
    options, cleaner = kit_cleaner(list(data.values()), kind)
    pages, status = {}, {}
    for path in paths:
        result = clean_dump(data[path.stem], path.name, cleaner, options["summary_max_chars"])
        if result.cleaned is None or result.skip_reason:
            status[path.stem] = "skipped"
            continue
        status[path.stem] = "published"
        text = BeautifulSoup(result.html, "html.parser").get_text("\n")
        pages[path.stem] = (result.cleaned.title, text)
    return pages, status


def baseline_pages(dumps: Path, how: str, kind: str) -> dict:
    """{page id: ("", text)} from a plain extractor; text dumps go in one <p> per line."""
    pages = {}
    for path in sorted(dumps.glob(f"*.{kind}")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        doc = raw if kind == "html" else "<html><body>" + "".join(
            f"<p>{html_lib.escape(line)}</p>" for line in raw.splitlines() if line.strip()) + "</body></html>"
        if how == "whole":
            text = raw
        elif how == "trafilatura":
            import trafilatura

            text = trafilatura.extract(doc) or ""
        else:
            import justext

            paragraphs = justext.justext(doc.encode("utf-8"), justext.get_stoplist("English"))
            text = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        pages[path.stem] = ("", text)
    return pages


def score(pages: dict, truth: dict, kind: str, titled: bool) -> dict:
    kept = wanted = leaked = avoided = right = titles = 0
    for stem, page in truth.items():
        want = page["with_in_text"] if kind == "txt" else page["with"]
        avoid = page["without_in_text"] if kind == "txt" else page["without"]
        title, text = pages.get(stem, ("", ""))
        body = norm(text)
        kept += sum(1 for s in want if norm(s) in body)
        leaked += sum(1 for s in avoid if norm(s) and re.search(r"(?<!\w)" + re.escape(norm(s)) + r"(?!\w)", body))
        wanted, avoided = wanted + len(want), avoided + len(avoid)
        if titled and page.get("title"):
            titles += 1
            right += any(same_title(title, t) for t in page["title"])
    return {
        "published": f"{sum(1 for s in truth if s in pages)}/{len(truth)}",
        "kept": f"{kept / wanted:.3f}" if wanted else "-",
        "leaked": f"{leaked / avoided:.3f}" if avoided else "-",
        "title": f"{right / titles:.3f}" if titles else "-",
    }


def pool_folder(pool: Path, work: Path) -> Path:
    if pool.is_dir():
        return pool
    with tarfile.open(pool) as archive:
        archive.extractall(work / "pool", filter="data")
    found = next(p.parent for p in (work / "pool").rglob("html") if p.is_dir())
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--pool", type=Path, help="more pages (html/ and txt/, or a .tar.gz): publish rate only")
    ap.add_argument("--baselines", action="store_true", help="also score trafilatura, jusText and the whole page")
    ap.add_argument("--quick", action="store_true", help="the kit's rows without building sites (see above)")
    args = ap.parse_args()

    def kit_pages(kind: str, dumps: Path, work: Path) -> tuple[dict, dict]:
        return cleaned_pages(dumps, kind) if args.quick else site_pages(build(dumps, work))

    truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for kind in KINDS:
            pages, _ = kit_pages(kind, args.corpus / kind, work / kind)
            rows.append((kind, "the kit", score(pages, truth, kind, titled=True)))
            if args.baselines:
                for how in ("whole", "trafilatura", "justext"):
                    rows.append((kind, how, score(baseline_pages(args.corpus / kind, how, kind), truth, kind, False)))
        print("| dumps | extractor | published | article kept | furniture leaked | title right |")
        print("|---|---|---:|---:|---:|---:|")
        for kind, name, r in rows:
            print(f"| {kind} | {name} | {r['published']} | {r['kept']} | {r['leaked']} | {r['title']} |")
        if args.pool:
            folder = pool_folder(args.pool, work)
            print("\n| pool | pages | published | duplicate | skipped |")
            print("|---|---:|---:|---:|---:|")
            for kind in KINDS:
                _, status = kit_pages(kind, folder / kind, work / f"pool-{kind}")
                counts = {s: sum(1 for v in status.values() if v == s) for s in ("published", "duplicate", "skipped")}
                total = len(status)
                print(f"| {kind} | {total} | {counts['published']} ({counts['published'] / total:.1%}) "
                      f"| {counts['duplicate']} | {counts['skipped']} |")


if __name__ == "__main__":
    main()
