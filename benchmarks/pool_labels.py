"""Cleaning the training pool's text dumps, scored line by line against the labels its saved
pages give: the figures the README quotes for the pool.

    .venv/bin/python benchmarks/pool_labels.py POOL [--held-out]

POOL holds saved pages as html/<id>.html and the same pages as text dumps, txt/<id>.txt (a
folder, or a .tar.gz of one, such as ../shared/corpus/real-train/pool.tar.gz; it stays where
it is). The saved page labels its text dump's lines for free, as for training the line model
(plugins/dumps/data/train_lines.py): a line is the article's when trafilatura extracts it
from the HTML, and the page's headline is its <h1>, og:title or <title>. Each text dump is
cleaned as the build cleans it (pelicanconf.py's DUMPS settings, the corpus signal of the
pool's folder), and the figures are:

- article kept: characters of article lines the cleaned post shows (as its body or its
  title: trafilatura's extraction holds the headline), of all article lines';
- furniture kept: characters of the other lines it shows, of theirs;
- headlines right: posts whose title is one of the page's headlines, of the published
  pages that have one (the real-pages scorer's test, `same_title`).

--held-out scores only the pages the line model was not trained on (one in five).
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_pages import kit_cleaner, pool_folder  # noqa: E402


def score(pool: Path, held_out_only: bool = False) -> dict:
    """The pool's figures, as a dict (see the module's docstring)."""
    from plugins.dumps.data import train_lines
    from plugins.dumps.pipeline import clean_dump
    from plugins.dumps.prepare import make_cleaner

    texts = {path.stem: path.read_bytes() for path in sorted((pool / "txt").glob("*.txt"))}
    options, cleaner = kit_cleaner(list(texts.values()), "txt")
    # Labelling applies the furniture rules to the same blocks; it needs no line model.
    labeller = make_cleaner({**options, "line_model": False})
    totals = dict.fromkeys(("pages", "published", "article", "article_kept", "furniture", "furniture_kept",
                            "titled", "titles_right"), 0)
    for page, data in texts.items():
        if held_out_only and not train_lines.held_out(page):
            continue
        if not (pool / "html" / f"{page}.html").exists():
            continue
        found = train_lines.page_data(str(pool), page, labeller)
        if found is None:
            continue
        blocks, labels, titles, _ = found
        totals["pages"] += 1
        result = clean_dump(data, f"{page}.txt", cleaner, options["summary_max_chars"])
        cleaned = result.cleaned if result.cleaned is not None and not result.skip_reason else None
        # What the post shows: its body, and the line it took for its title.
        kept = {block.line for block in cleaned.blocks if block.role in ("body", "title")} if cleaned else set()
        for block, article in zip(blocks, labels):
            size = len(block.plain)
            name = "article" if article else "furniture"
            totals[name] += size
            totals[f"{name}_kept"] += size if block.line in kept else 0
        if cleaned is None:
            continue
        totals["published"] += 1
        if titles:
            totals["titled"] += 1
            totals["titles_right"] += any(train_lines.same_title(cleaned.title or "", t) for t in titles)
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pool", type=Path)
    ap.add_argument("--held-out", action="store_true", help="only the pages the line model was not trained on")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = score(pool_folder(args.pool, Path(tmp)), args.held_out)
    print("| pages | published | article kept | furniture kept | headlines right |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {t['pages']} | {t['published']} | {t['article_kept'] / max(1, t['article']):.4f} "
          f"| {t['furniture_kept'] / max(1, t['furniture']):.4f} | {t['titles_right']} of {t['titled']} |")


if __name__ == "__main__":
    main()
