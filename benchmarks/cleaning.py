"""Cleaning quality and speed: the kit's cleaner against trafilatura and jusText.

    .venv/bin/python benchmarks/cleaning.py [--dumps content/dumps] [--gold tests/data/gold]

Per extractor and split (text dumps, HTML dumps): body kept is the share of gold body
blocks whose normalised text is in the output; furniture leaked counts the gold
`boilerplate` strings that survived (probes of 4+ words as a substring of the whole
output, shorter ones only as a whole line); seconds per dump is wall time. Measured like
../shared/eval/score.py. The kit's time includes its corpus pre-pass, spread over the
dumps. Text dumps go to trafilatura and jusText as minimal HTML, one <p> per line.
"""
import argparse
import html
import json
import os
import re
import sys
import time
import unicodedata
from importlib.metadata import version
from pathlib import Path

import justext
import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.dumps.corpus import recurring_lines  # noqa: E402
from plugins.dumps.pipeline import clean_dump  # noqa: E402
from plugins.dumps.prepare import make_cleaner  # noqa: E402
from plugins.dumps.settings import DEFAULTS  # noqa: E402


def norm(text):
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def as_html(data: bytes, name: str) -> str:
    """The dump as a user would hand it to a web-page extractor."""
    text = data.decode("utf-8", errors="replace")
    if name.endswith((".html", ".htm")):
        return text
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{paragraphs}</body></html>"


def kit(cleaner):
    def run(data, name):
        result = clean_dump(data, name, cleaner)
        if result.skip_reason or result.cleaned is None:
            return []
        return [result.cleaned.title] + [b.plain for b in result.cleaned.body]
    return run


def run_trafilatura(data, name):
    return (trafilatura.extract(as_html(data, name), output_format="txt") or "").splitlines()


STOPLIST = justext.get_stoplist("English")


def run_justext(data, name):
    return [p.text for p in justext.justext(as_html(data, name).encode("utf-8"), STOPLIST) if not p.is_boilerplate]


def score(gold, lines):
    """(body blocks found, body blocks, probes leaked, probes) for one output."""
    units = [item for b in gold["body"] for item in (b["items"] if b["type"] == "list" else [b["text"]])]
    blocks = {norm(line) for line in lines} - {""}
    full = f" {' '.join(norm(line) for line in lines)} "
    found = sum(1 for u in units if f" {norm(u)} " in full)
    leaked = 0
    for probe in gold["boilerplate"]:
        p = norm(probe)
        if p and (f" {p} " in full if len(p.split()) >= 4 else p in blocks):
            leaked += 1
    return found, len(units), leaked, len(gold["boilerplate"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dumps", default=str(ROOT / "content" / "dumps"))
    parser.add_argument("--gold", default=str(ROOT / "tests" / "data" / "gold"))
    args = parser.parse_args()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.gold).glob("*.json"))]
    dumps = {g["dump"]: (Path(args.dumps) / g["dump"]).read_bytes() for g in golds}

    started = time.perf_counter()
    recurring = recurring_lines(args.dumps, DEFAULTS["recurring_min_dumps"])
    prepass = (time.perf_counter() - started) / len(golds)
    extractors = [("kit (plugins/dumps)", kit(make_cleaner(DEFAULTS, recurring)), prepass),
                  ("trafilatura " + trafilatura.__version__, run_trafilatura, 0.0),
                  ("jusText " + version("jusText"), run_justext, 0.0)]

    print(f"Reproduce (from the project root): .venv/bin/python benchmarks/cleaning.py "
          f"--dumps {os.path.relpath(args.dumps, ROOT)} --gold {os.path.relpath(args.gold, ROOT)}")
    print()
    print("| extractor | dumps | n | body kept | furniture leaked | s/dump |")
    print("|---|---|---|---|---|---|")
    for label, extract, overhead in extractors:
        for split, is_html in (("text", False), ("HTML", True)):
            chosen = [g for g in golds if g["dump"].endswith((".html", ".htm")) == is_html]
            totals, seconds = [0, 0, 0, 0], 0.0
            for gold in chosen:
                started = time.perf_counter()
                lines = extract(dumps[gold["dump"]], gold["dump"])
                seconds += time.perf_counter() - started + overhead
                totals = [a + b for a, b in zip(totals, score(gold, lines))]
            found, units, leaked, probes = totals
            print(f"| {label} | {split} | {len(chosen)} | {found / max(units, 1):.3f} | {leaked} of {probes} | "
                  f"{seconds / max(len(chosen), 1):.4f} |")


if __name__ == "__main__":
    main()
