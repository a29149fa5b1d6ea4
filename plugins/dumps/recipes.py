"""Recipe cards in a text dump: where a card's ingredients start and its method's steps end.

A recipe plugin prints its card as a title, an "Ingredients" heading over short lines of
quantities, and a "Method" heading over the steps. Flattened to text, the quantities read
like a menu and the steps like captions, so the line model leaves the card out, or starts
the article in its middle. The headings (data/recipes.yaml) say where the card is.
"""

import re
from functools import lru_cache
from pathlib import Path

from . import datafile
from .blocks import Block

DATA = Path(__file__).with_name("data") / "recipes.yaml"
# A heading is this short ("Ingredients for 4 people").
_HEADING_WORDS = 8
# The card's method heading stands this many blocks at most below its ingredients'.
_MAX_INGREDIENTS = 60
# Its steps end at this many lines in a row that are no step (short, unpunctuated).
_NOT_STEPS = 2
_STEP_WORDS = 5
_TERMINAL = (".", "!", "?", ")", "…")


@lru_cache(maxsize=1)
def _headings() -> tuple[re.Pattern, re.Pattern]:
    with open(DATA, encoding="utf-8") as handle:
        data = datafile.load(handle)

    def heading(words, tail=""):
        names = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        return re.compile(rf"^\s*(?:{names}){tail}\s*:?\s*$", re.IGNORECASE)

    # "Ingredients for 4 people", "Zutaten für 12 Stück"
    return heading(data["ingredients"], r"(?:\s+\w+\s+.{1,30})?"), heading(data["method"])


def card(blocks: list[Block]) -> tuple[int, int] | None:
    """(index of the ingredients' heading, index of the method's last step) of the first
    recipe card in the blocks, or None."""
    ingredients, method = _headings()
    for i, block in enumerate(blocks):
        if block.words > _HEADING_WORDS or not block.body_or_recurring() or not ingredients.match(block.plain):
            continue
        steps = next((k for k in range(i + 1, min(len(blocks), i + _MAX_INGREDIENTS)) if method.match(blocks[k].plain)), None)
        if steps is not None:
            return i, _last_step(blocks, steps)
    return None


def _last_step(blocks: list[Block], heading: int) -> int:
    """The method's last step: steps are sentences or numbered; the card ends where a few
    lines in a row are neither, or a block of furniture starts."""
    last, misses = heading, 0
    for k in range(heading + 1, len(blocks)):
        block = blocks[k]
        if block.role == "furniture" and block.extra.get("starts_zone"):
            break
        plain = block.plain.strip()
        if block.words >= _STEP_WORDS or plain.endswith(_TERMINAL) or plain[:1].isdigit():
            last, misses = k, 0
        else:
            misses += 1
            if misses >= _NOT_STEPS:
                break
    return last
