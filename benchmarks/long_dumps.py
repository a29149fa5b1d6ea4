"""Cleaning time as a dump grows: each shape of page at 1x, 4x and 16x its smallest size.

    .venv/bin/python benchmarks/long_dumps.py [--base 1000] [--runs 3]

An archive holds a few huge pages (a forum thread, a site map, a page whose menus run to
thousands of lines). Their cleaning time must grow with their length, not with its square:
for each shape the table gives milliseconds per 1,000 lines at each size and their ratio
to the smallest size, cleaned in the same process (about 1 when cleaning is linear; 4 at
4x and 16 at 16x when it is quadratic). The dumps are synthetic and seeded; nothing is
asserted.
"""

import argparse
import gc
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.dumps.pipeline import clean_dump  # noqa: E402
from plugins.dumps.prepare import make_cleaner  # noqa: E402
from plugins.dumps.settings import dumps_settings  # noqa: E402
from plugins.incremental import BUILD_GC_THRESHOLD  # noqa: E402

WORDS = ("the ministers met in geneva on tuesday to discuss a treaty on the border and the talks "
         "went on late into the night without agreement").split()
MENU = "summit treaty border market policy news world opinion sport culture video podcast".split()
HEADER = "Talks on the treaty stall in Geneva\n\nBy Ann Lee\n\n"


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))).capitalize() + "."


def menu_lines(rng: random.Random, n: int) -> str:
    return "\n".join(" ".join(rng.choice(MENU).title() for _ in range(rng.randint(2, 5))) for _ in range(n))


def long_header(rng, n):
    """A page whose menus above and below the article run to n lines each."""
    article = "\n\n".join(paragraph(rng) for _ in range(30))
    return menu_lines(rng, n) + "\n\n" + HEADER + article + "\n\n" + menu_lines(rng, n), "txt"


def long_article(rng, n):
    return HEADER + "\n\n".join(paragraph(rng) for _ in range(n)), "txt"


def long_thread(rng, n):
    """An article and n readers' comments, each a name, a timestamp, a paragraph, a button."""
    article = "\n\n".join(paragraph(rng) for _ in range(20))
    comments = "\n\n".join(f"Ben\n{1 + i % 28}. März 2021 um 15:{i % 60:02d} Uhr\n{paragraph(rng)}\nAntworten"
                           for i in range(n // 4))
    return HEADER + article + "\n\n" + comments, "txt"


def long_navigation(rng, n):
    """A saved page whose navigation holds n links."""
    links = "".join(f"<li><a href='/s/{i}'>{rng.choice(MENU).title()} {i}</a></li>" for i in range(n))
    body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(30))
    headline = HEADER.split("\n")[0]
    page = (f"<html><head><title>{headline} | The Harbour Times</title></head><body><nav><ul>{links}</ul></nav>"
            f"<article><h1>{headline}</h1>{body}</article></body></html>")
    return page, "html"


SHAPES = {"long header (txt)": long_header, "long article (txt)": long_article,
          "long comment thread (txt)": long_thread, "long navigation (html)": long_navigation}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=int, default=1000, help="the smallest size, in lines or links")
    ap.add_argument("--runs", type=int, default=3, help="timings per dump; the fastest counts")
    args = ap.parse_args()
    gc.set_threshold(BUILD_GC_THRESHOLD, *gc.get_threshold()[1:])  # as during a build
    cleaner = make_cleaner(dumps_settings({}))
    for make in SHAPES.values():  # imports and caches warm before any timing
        text, kind = make(random.Random(0), 20)
        clean_dump(text.encode(), "warm." + kind, cleaner)
    print("| shape | size | lines (tags) | ms per 1,000 lines (tags) | ratio to 1x |")
    print("|---|---:|---:|---:|---:|")
    for name, make in SHAPES.items():
        first = None
        for factor in (1, 4, 16):
            text, kind = make(random.Random(1), args.base * factor)
            data = text.encode()
            lines = text.count("\n") + 1 if kind == "txt" else text.count("<")
            best = min(_timed(data, kind, cleaner) for _ in range(args.runs))
            per = 1000 * best / lines * 1000
            first = first or per
            print(f"| {name} | {factor}x | {lines:,} | {per:.1f} | {per / first:.2f} |", flush=True)


def _timed(data: bytes, kind: str, cleaner) -> float:
    start = time.perf_counter()
    clean_dump(data, "long." + kind, cleaner)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
