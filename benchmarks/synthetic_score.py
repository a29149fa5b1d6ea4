"""Cleaning quality on synthetic dumps whose truth is known, per layout.

    .venv/bin/python benchmarks/synthetic_score.py [--n 2000] [--seed 1] [--examples 3]

synthetic.py makes N distinct articles and the dumps their old sites would have left
(blank-line paragraphs, one paragraph per line, hard-wrapped, ~10% saved HTML pages).
All are cleaned in memory as a build would: the corpus signal (lines recurring in
`recurring_min_dumps` dumps) is counted over the generated set, the cleaner is built
from the plugin's default settings. Per layout:

- published: share of dumps that give an article (not "no article found");
- title / author / date: share of dumps whose value equals the truth exactly (title and
  author compared as written, spaces squashed; date as a calendar day);
- body kept: share of the truth's paragraphs, subheadings and list items found in the
  published body (normalised text, anywhere in it), over published dumps;
- rejoined: share of the truth's paragraphs that are exactly one block of the body, over
  published dumps (a paragraph split in two, or glued to another, is not);
- leaked: lines of the dump's known furniture (synthetic.furniture_lines: nav, share
  row, sign-up form, comments, disclaimer, "Also Read", byline, date line, copyright)
  found in the published body, in total, and the share of dumps with at least one.

`--examples K` prints up to K failing dumps per layout and measure, to see why.
"""

import argparse
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import synthetic  # noqa: E402
from plugins.dumps.corpus import lines_of, recurring  # noqa: E402
from plugins.dumps.pipeline import clean_dump  # noqa: E402
from plugins.dumps.prepare import make_cleaner  # noqa: E402
from plugins.dumps.settings import DEFAULTS  # noqa: E402

LAYOUTS = ("blank", "line", "wrap", "html")
MEASURES = ("published", "title", "author", "date", "body kept", "rejoined", "leaked dumps")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def squash(text: str) -> str:
    return " ".join((text or "").split())


def layout_of(article) -> str:
    return "html" if article.extras["html"] else article.site.layout


def dump_of(article, i: int) -> tuple[str, bytes]:
    if article.extras["html"]:
        return f"{i:05d}.html", synthetic.to_html(article).encode("utf-8")
    return f"{i:05d}.txt", synthetic.to_text(article).encode("utf-8")


def truth_units(article) -> tuple[list[str], list[str]]:
    """(every paragraph, subheading and list item; the paragraphs alone) of the truth."""
    units, paragraphs = [], []
    for kind, value in article.blocks:
        if kind == "ul":
            units.extend(value)
        else:
            units.append(value)
            if kind == "p":
                paragraphs.append(value)
    return units, paragraphs


def leaked_lines(article, blocks: list[str]) -> list[str]:
    """Known furniture found in the body: lines of 4+ words anywhere in it, shorter ones
    only as a whole block (a one-word "Subscribe" may be a word of prose)."""
    whole = {norm(b) for b in blocks}
    full = f" {' '.join(norm(b) for b in blocks)} "
    found = []
    for line in synthetic.furniture_lines(article):
        probe = norm(line)
        if probe and (f" {probe} " in full if len(probe.split()) >= 4 else probe in whole):
            found.append(line)
    return found


def score_one(article, result) -> tuple[dict, dict]:
    """({measure: (hits, out of)}, {measure: why it failed}) for one dump."""
    cleaned = result.cleaned
    published = not result.skip_reason and cleaned is not None
    hits, why = {}, {}
    hits["published"] = (int(published), 1)
    if not published:
        why["published"] = result.skip_reason
    title = squash(cleaned.title) if cleaned else ""
    author = squash(cleaned.author) if cleaned else ""
    day = cleaned.date.date() if cleaned and cleaned.date else None
    for measure, got, want in (("title", title, article.title), ("author", author, article.author),
                               ("date", day, article.date)):
        hits[measure] = (int(got == want), 1)
        if got != want:
            why[measure] = f"got {got!r}, want {want!r}"
    if not published:
        return hits, why
    blocks = [b.plain for b in cleaned.body]
    units, paragraphs = truth_units(article)
    full = f" {' '.join(norm(b) for b in blocks)} "
    missing = [u for u in units if f" {norm(u)} " not in full]
    hits["body kept"] = (len(units) - len(missing), len(units))
    if missing:
        why["body kept"] = f"missing {missing[0][:90]!r}"
    whole = {norm(b) for b in blocks}
    split = [p for p in paragraphs if norm(p) not in whole]
    hits["rejoined"] = (len(paragraphs) - len(split), len(paragraphs))
    if split:
        why["rejoined"] = f"not one block: {split[0][:90]!r}"
    leaks = leaked_lines(article, blocks)
    hits["leaked dumps"] = (int(bool(leaks)), 1)
    hits["leaked lines"] = (len(leaks), 1)
    if leaks:
        why["leaked dumps"] = f"leaked {leaks}"
    return hits, why


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", type=int, default=0, help="print up to K failures per layout and measure")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    articles = synthetic.articles(args.n, args.seed)
    dumps = [dump_of(article, i) for i, article in enumerate(articles)]
    options = dict(DEFAULTS)
    signal = recurring((lines_of(data, name.endswith(".html")) for name, data in dumps), options["recurring_min_dumps"])
    cleaner = make_cleaner(options, signal)

    totals = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    shown = defaultdict(int)
    for article, (name, data) in zip(articles, dumps):
        layout = layout_of(article)
        hits, why = score_one(article, clean_dump(data, name, cleaner, options["summary_max_chars"]))
        for measure, (hit, out_of) in hits.items():
            for group in (layout, "all"):
                totals[group][measure][0] += hit
                totals[group][measure][1] += out_of
        for measure, reason in why.items():
            if shown[layout, measure] < args.examples:
                shown[layout, measure] += 1
                print(f"[{layout}] {measure} {name} ({article.site.name}): {reason}")
    if args.examples:
        print()

    seconds = time.perf_counter() - started
    print(f"Reproduce (from the project root): .venv/bin/python benchmarks/synthetic_score.py --n {args.n} --seed {args.seed}")
    print(f"{args.n} dumps in {seconds:.1f} s")
    print()
    print("| layout | dumps | published | title | author | date | body kept | rejoined | leaked lines | dumps with leaks |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for group in (*LAYOUTS, "all"):
        row = totals[group]
        if not row:
            continue

        def rate(measure):
            hit, out_of = row[measure]
            return f"{hit / out_of:.3f}" if out_of else "-"

        print(f"| {group} | {row['published'][1]} | {rate('published')} | {rate('title')} | {rate('author')} | "
              f"{rate('date')} | {rate('body kept')} | {rate('rejoined')} | {row['leaked lines'][0]} | "
              f"{rate('leaked dumps')} |")


if __name__ == "__main__":
    main()
