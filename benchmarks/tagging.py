"""Tagging quality and speed on a gold corpus, without the dumps reader.

    .venv/bin/python benchmarks/tagging.py [CORPUS ...] [--repeat N] [-v] [--explain]

CORPUS is a corpus folder with a gold/ folder in it, or a folder of gold files
(default: tests/data/gold). Each gold file's body blocks become the clean HTML the reader
will produce; the tagger runs on that and the title, and the required/forbidden tags are
compared as slugs (like ../shared/eval/score.py). Speed is the best of `--repeat` passes
over the corpus in CPU time (the least disturbed by other work on the machine), in
articles per second.
"""
import argparse
import html
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from topics import settings as topic_settings  # noqa: E402
from topics.tagger import Tagger  # noqa: E402

WRAP = {"p": "<p>{}</p>", "h": "<h2>{}</h2>", "quote": "<blockquote><p>{}</p></blockquote>"}


def slug(s):
    return "-".join(re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()))


def article(gold):
    """(title, html) as the reader would hand them to the tagger."""
    title = gold.get("title") or gold.get("headline_hint") or ""
    parts = []
    for block in gold["body"]:
        if block["type"] == "list":
            items = "".join(f"<li>{html.escape(i.replace('**', ''))}</li>" for i in block["items"])
            parts.append(f"<ul>{items}</ul>")
            continue
        text = html.escape(block["text"])
        for term in block.get("bold", []):
            text = text.replace(html.escape(term), f"<strong>{html.escape(term)}</strong>", 1)
        parts.append(WRAP.get(block["type"], "<p>{}</p>").format(text))
    return title, "\n".join(parts)


def load(corpus):
    """The gold dicts of a corpus folder (its gold/ folder) or of a folder of gold files."""
    folder = Path(corpus)
    if (folder / "gold").is_dir():
        folder = folder / "gold"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def measure(tagger, corpus, repeat, verbose=False, explain=False):
    """(report lines, articles per second) for one corpus."""
    golds = load(corpus)
    docs = [article(g) for g in golds]
    need = hits = total = 0
    forbidden = []
    max_tags = 0
    for gold, (title, body) in zip(golds, docs):
        tags = tagger.tag(title, body)
        slugs = {slug(t.name) for t in tags}
        missing = [alts[0] for alts in gold["tags_required"] if not any(slug(a) in slugs for a in alts)]
        bad = [t for t in gold["tags_forbidden"] if slug(t) in slugs]
        need += len(gold["tags_required"])
        hits += len(gold["tags_required"]) - len(missing)
        forbidden += bad
        total += len(tags)
        max_tags = max(max_tags, len(tags))
        if verbose and (missing or bad):
            print(f"{gold['dump']}: missing={missing} forbidden={bad}")
            print("   ", [f"{t.name}:{t.score:.1f}" for t in tags])
            if explain:
                print("\n".join("      " + line for line in tagger.explain(title, body)))
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for title, body in docs:
            tagger.tag(title, body)
        best = min(best, time.process_time() - start)
    rate = len(docs) / best
    return [
        f"corpus         {corpus}",
        f"articles       {len(docs)}",
        f"tag_recall     {hits / max(1, need):.4f} ({hits}/{need})",
        f"forbidden      {len(forbidden)} {forbidden if forbidden else ''}",
        f"tags/article   {total / max(1, len(docs)):.2f} (max {max_tags})",
        f"articles/s     {rate:.0f}",
    ], rate


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*", default=[str(ROOT / "tests" / "data" / "gold")],
                    help="corpus folders (with gold/) or folders of gold files")
    ap.add_argument("--repeat", type=int, default=20, help="timed passes over each corpus; the best counts")
    ap.add_argument("-v", action="store_true", help="print every article's tags and misses")
    ap.add_argument("--explain", action="store_true", help="with -v: why each topic was given or refused")
    args = ap.parse_args()
    tagger = Tagger(topic_settings.read({}))
    for corpus in args.corpus:
        lines, _ = measure(tagger, corpus, args.repeat, args.v, args.explain)
        print("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
