"""Tagging quality and speed on the gold corpus, without the dumps reader.

    .venv/bin/python benchmarks/tagging.py [--gold tests/data/gold] [-v]

Each gold file's body blocks become the clean HTML the reader will produce; the tagger
runs on that and the title, and the required/forbidden tags are compared as slugs
(like ../shared/eval/score.py).
"""
import argparse
import glob
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "gold"))
    ap.add_argument("--repeat", type=int, default=20, help="passes over the corpus for the timing")
    ap.add_argument("-v", action="store_true", help="print every article's tags and misses")
    args = ap.parse_args()
    golds = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(f"{args.gold}/*.json"))]
    docs = [article(g) for g in golds]
    tagger = Tagger(topic_settings.read({}))

    need = hits = 0
    forbidden, max_tags = [], 0
    for gold, (title, body) in zip(golds, docs):
        tags = tagger.tag(title, body)
        slugs = {slug(t.name) for t in tags}
        missing = [alts[0] for alts in gold["tags_required"] if not any(slug(a) in slugs for a in alts)]
        bad = [t for t in gold["tags_forbidden"] if slug(t) in slugs]
        need += len(gold["tags_required"])
        hits += len(gold["tags_required"]) - len(missing)
        forbidden += bad
        max_tags = max(max_tags, len(tags))
        if args.v and (missing or bad):
            print(f"{gold['dump']}: missing={missing} forbidden={bad}")
            print("   ", [f"{t.name}:{t.score:.1f}" for t in tags])

    start = time.perf_counter()
    for _ in range(args.repeat):
        for title, body in docs:
            tagger.tag(title, body)
    rate = args.repeat * len(docs) / (time.perf_counter() - start)
    print(f"articles       {len(docs)}")
    print(f"tag_recall     {hits / max(1, need):.4f} ({hits}/{need})")
    print(f"forbidden      {len(forbidden)} {forbidden if forbidden else ''}")
    print(f"max_tags       {max_tags}")
    print(f"articles/s     {rate:.0f}")


if __name__ == "__main__":
    main()
