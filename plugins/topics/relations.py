"""Bilateral relations: which pairs of parties the text shows dealing with each other."""
from itertools import combinations

from .salience import ROLE_WEIGHTS

COMPOUND_BONUS = 3.0  # "US-Turkish", "India-China border": the writer names the pair as one thing
BETWEEN_BONUS = 2.0  # "between Turkey and the United States"


def relation_name(a, b):
    """Contract 6: "<A>-<B> relations", short names in alphabetical order."""
    first, second = sorted((a, b), key=str.casefold)
    return f"{first}-{second} relations"


def pair_scores(occs, blocks, texts, words, parties=None):
    """Evidence per unordered pair of parties that the text shows dealing with each other:
    a title naming both, a sentence naming both with a relation word ("talks", "sanctions",
    "accused": the `words` set, looked up in the folded sentence `texts`), compounds "X-Y"
    and "between X and Y". Two states that merely share a sentence are not related.
    `parties`, if given, are the only entities that could be a side (the others are
    passing mentions): pairs with another are not scored, though it shares the weight."""
    out = {}

    def add(a, b, amount):
        if a is not b:
            key = frozenset((a, b))
            out[key] = out.get(key, 0.0) + amount

    by_sentence = {}
    for o in occs:
        if o.entity.party:
            by_sentence.setdefault(o.sentence, []).append(o)
    for group in by_sentence.values():
        if len(group) < 2:  # one mention pairs with nothing
            continue
        present = {o.entity for o in group}
        sides = present if parties is None else present & parties
        if len(sides) < 2:  # "Turkey ... Ankara": one party, or one that could be a side
            continue
        if group[0].role == "title" or words.found_in(texts.spaced(group[0].sentence)):
            # A sentence listing six states ties none of them to another: share its weight.
            weight = ROLE_WEIGHTS[group[0].role] / max(1, len(present) - 1)
            for a, b in combinations(sides, 2):
                add(a, b, weight)
        text = blocks[group[0].block].text  # a sentence lies within one block
        for x, y in zip(group, group[1:]):
            if x.entity is y.entity:
                continue
            gap = text[x.end:y.start].lower()
            if gap in ("-", "\u2013", "\u2014", "/") or gap.startswith(("'s-", "-")) and len(gap) <= 3:
                add(x.entity, y.entity, COMPOUND_BONUS)
            elif gap in (" and ", " and the ") and text[:x.start].lower().rstrip().endswith(
                    ("between", "between the")):
                add(x.entity, y.entity, BETWEEN_BONUS)
    return out
