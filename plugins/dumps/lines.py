"""A learned reading of a text dump: how likely each block is the article's, and which
line is its headline.

A flattened page keeps no markup, so what tells the article from the page around it is
the shape of its lines and of their neighbourhood: running prose is long, punctuated and
full of stop words; navigation, teasers and buttons come in runs of short lines; the
headline sits just above the prose, shaped like a headline and sharing its words. A
logistic regression over such features turns them into each block's probability of being
the article's, and a linear ranking over the lines above the article into each one's share
of being its headline (data/lines.json); `data/train_lines.py` learns both from real pages
whose HTML labels their text dump's lines. Every feature is a general signal: no site, phrase or language is named.
"""

import json
import math
import operator
import re
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .blocks import Block, word_count
from .metadata import looks_like_name

DATA = Path(__file__).with_name("data") / "lines.json"

_TERMINAL = re.compile(r"[.!?…。][\"'”’»)\]]*$")
_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]?\w")
_SEPARATOR = re.compile(r"[|•·»›/>]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s+\S")
_LABEL = re.compile(r"^\S+(?:\s\S+)?:\s")
# Words of a line, lower-cased, punctuation as spaces (for the headline's overlap).
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»„…–—·•"})
# The headline shares its words with the article's first blocks, and is this short.
_HEADLINE_CHARS = 300
_BODY_BLOCKS = 20
# Capitals, digits and initials are counted in a block's first characters and words;
# stop words and sentences in its first _LONG_HEAD characters, closing punctuation in its
# last few: enough to tell, and a long paragraph costs no more than a short one.
_HEAD = 120
_HEAD_WORDS = 20
_LONG_HEAD = 400
_TAIL = 8
# A line of prose for the neighbourhood features: some words, closed as a sentence.
_PROSE_WORDS = 8
# The main run of prose: each block adds its words less this much (short lines cost).
_RUN_COST = 7

BLOCK_FEATURES = (
    "log_words", "log_chars", "terminal", "colon", "lower", "stop", "caps", "digits",
    "separators", "sentences", "commas", "item", "quote", "rule", "repeated", "prose",
)
CONTEXT_FEATURES = (
    "position", "mass_before", "mass_after", "mass_min", "in_main_run", "main_run_distance",
    "near_words", "near_prose", "near_terminal", "near_rule", "wide_prose", "short_run",
    "prose_distance", "prev_prose", "next_prose",
)
FEATURES = BLOCK_FEATURES + CONTEXT_FEATURES + (
    "main_run_words", "mass_min_prose", "prev_words", "next_words", "prev_stop", "next_stop",
    "run_short", "run_terminal", "far_prose", "run_stop",
    # A text dump of a page's innerText sets a paragraph (<p>) between blank lines and
    # a menu's or a list's lines one under the other: centred on the page's own share,
    # so a dump spaced all through, or not at all, reads neutral.
    "spaced_before", "spaced_after", "spaced", "near_spaced", "wide_spaced", "log_tight_run",
)
TITLE_FEATURES = (
    "above_start", "log_above", "below_start", "log_words", "terminal", "colon", "caps",
    "digits", "separators", "stop", "titlecase", "rule", "repeated", "overlap",
    "meta_below", "short_above", "content", "position", "first_long", "question",
    "overlap_best", "overlap_share", "meta_above", "next_content", "log_later", "headline_length",
    "nearest_headline", "lede_overlap", "self_meta", "sentences", "log_repeats", "contained",
    "label_colon", "meta_between", "log_prose_between", "name", "name_below",
)


class Model:
    """The line and headline models' weights, the thresholds chosen with them, and the
    stop words they were trained with."""

    def __init__(self, data: dict):
        self.stopwords = frozenset(data["stopwords"])
        self.line = _Regression(data["line"], FEATURES)
        self.title = _Regression(data["title"], TITLE_FEATURES)
        self.threshold = data.get("threshold", 0.5)
        self.title_threshold = data.get("title_threshold", 0.2)
        self.extend_threshold = data.get("extend_threshold", 1.0)


class _Regression:
    """A logistic regression over standardised features, folded at load into one weight
    per raw feature, so scoring a row is one dot product."""

    def __init__(self, data: dict, names: tuple):
        if tuple(data["features"]) != names:
            raise ValueError(f"{DATA.name} was trained with other features; run data/train_lines.py")
        self.weights = [w / s for w, s in zip(data["weights"], data["scale"])]
        self.bias = data["bias"] - sum(w * m for w, m in zip(self.weights, data["mean"]))

    def linear(self, row: list[float]) -> float:
        return self.bias + sum(map(operator.mul, row, self.weights))

    def score(self, row: list[float]) -> float:
        """The probability the regression gives the row."""
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.linear(row)))))

    def shares(self, rows: list[list[float]]) -> list[float]:
        """A ranking's scores as shares of one (softmax): how sure it is of each candidate."""
        scores = [self.linear(row) for row in rows]
        top = max(scores, default=0.0)
        weights = [math.exp(z - top) for z in scores]
        total = sum(weights)
        return [w / total for w in weights]


@lru_cache(maxsize=1)
def model() -> Model:
    with open(DATA, encoding="utf-8") as handle:
        return Model(json.load(handle))


def _norm(text: str) -> str:
    return " ".join(text.lower().translate(_PUNCTUATION).split())


@lru_cache(maxsize=1 << 14)  # a site's menus and footers recur from dump to dump
def block_row(plain: str, n: int, kind: str, rule: bool, repeated: bool, stopwords: frozenset) -> tuple[float, ...]:
    """BLOCK_FEATURES of one block of n words. Shares of capitals and digits are read from
    its first characters: they tell a menu or a date line from prose, and keep long
    paragraphs cheap."""
    words = plain.split()
    head = plain[:_HEAD]
    letters = sum(map(str.isalpha, head)) or 1
    tokens = plain[:_LONG_HEAD].lower().split()
    initials = [w[0] for w in words[:_HEAD_WORDS] if w[0].isalpha()]
    terminal = bool(_TERMINAL.search(plain[-_TAIL:]))
    return (
        math.log1p(n),
        math.log1p(len(plain)),
        float(terminal),
        float(plain.endswith(":")),
        sum(map(str.islower, initials)) / len(initials) if initials else 0.0,
        sum(map(stopwords.__contains__, tokens)) / len(tokens) if tokens else 0.0,
        sum(map(str.isupper, head)) / letters,
        sum(map(str.isdigit, head)) / (len(head) - head.count(" ") or 1),
        float(_SEPARATOR.search(plain) is not None),
        math.log1p(len(_SENTENCE.findall(plain, 0, _LONG_HEAD))),
        plain.count(",") / n if n else 0.0,
        float(kind == "li"),
        float(kind == "quote"),
        float(rule),
        float(repeated),
        float(n >= _PROSE_WORDS and terminal),
    )


class _Windows:
    """Means of a sequence over windows around each position, from prefix sums."""

    def __init__(self, values: list[float]):
        self.values = values
        self.prefix = [0.0]
        for v in values:
            self.prefix.append(self.prefix[-1] + v)

    def mean(self, i: int, radius: int) -> float:
        """The mean of the values within `radius` of position i, i itself left out."""
        lo, hi = max(0, i - radius), min(len(self.values), i + radius + 1)
        count = hi - lo - 1
        return (self.prefix[hi] - self.prefix[lo] - self.values[i]) / count if count else 0.0


def _main_run(words: list[int]) -> tuple[int, int]:
    """The stretch of blocks with the most words net of a cost per block (the densest
    run of text, as body-text extraction finds it): (first, last), or (0, -1)."""
    best, best_span, total, start = 0.0, (0, -1), 0.0, 0
    for i, n in enumerate(words):
        if total <= 0:
            total, start = 0.0, i
        total += n - _RUN_COST
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _distances(flags: list[bool]) -> list[int]:
    """For each position, how many blocks away the nearest flagged one is."""
    n = len(flags)
    far = n + 1
    out = [far] * n
    last = -far
    for i, flag in enumerate(flags):
        if flag:
            last = i
        out[i] = i - last
    last = 2 * n + 2
    for i in range(n - 1, -1, -1):
        if flags[i]:
            last = i
        out[i] = min(out[i], last - i)
    return out


def line_rows(blocks: list[Block], stopwords, wanted: list[bool] | None = None) -> list[list[float] | None]:
    """One feature row per block (FEATURES), from the block and its neighbourhood; None
    for a block not `wanted`. A block's `role` other than "body" counts as a furniture
    rule's match."""
    plains = [b.plain.strip() for b in blocks]
    keys = [p.lower() for p in plains]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    words = [word_count(p) for p in plains]
    base = [
        block_row(p, w, b.kind, b.role != "body", bool(k) and counts[k] > 1, stopwords)
        for p, w, b, k in zip(plains, words, blocks, keys)
    ]
    n = len(blocks)
    prose = [row[15] > 0 for row in base]
    mass = [w if p else 0 for w, p in zip(words, prose)]
    total = sum(mass) or 1
    first, last = _main_run(words)
    run_words = sum(words[first : last + 1])
    log_words = [row[0] for row in base]
    prose_f = [float(p) for p in prose]
    terminal = [row[2] for row in base]
    rule = [row[13] for row in base]
    near_words, near_prose, near_terminal, near_rule = (
        _Windows(v) for v in (log_words, prose_f, terminal, rule))
    stop = [row[5] for row in base]
    short = [w <= 5 for w in words]
    runs = [0] * n
    i = 0
    while i < n:
        if short[i]:
            j = i
            while j < n and short[j]:
                j += 1
            for k in range(i, j):
                runs[k] = j - i
            i = j
        else:
            i += 1
    prose_distance = _distances(prose)
    before_gap = [float(b.extra.get("spaced", False)) for b in blocks]
    after_gap = before_gap[1:] + [1.0]
    spaced = [a * b for a, b in zip(before_gap, after_gap)]
    share = sum(spaced) / n if n else 0.0
    share_before = sum(before_gap) / n if n else 0.0
    near_spaced = _Windows(spaced)
    tight = [0] * n  # blocks in the run of lines with no blank line between them
    i = 0
    while i < n:
        j = i + 1
        while j < n and not before_gap[j]:
            j += 1
        for k in range(i, j):
            tight[k] = j - i
        i = j
    rows = []
    before = 0
    for i in range(n):
        mass_before = before / total
        mass_after = (total - before - mass[i]) / total
        before += mass[i]
        if wanted is not None and not wanted[i]:
            rows.append(None)
            continue
        inside = first <= i <= last
        outside = 0 if inside else (first - i if i < first else i - last)
        mass_min = min(mass_before, mass_after)
        rows.append([
            *base[i],
            i / (n - 1) if n > 1 else 0.0,
            mass_before,
            mass_after,
            mass_min,
            float(inside),
            math.log1p(outside),
            near_words.mean(i, 2),
            near_prose.mean(i, 3),
            near_terminal.mean(i, 2),
            near_rule.mean(i, 2),
            near_prose.mean(i, 8),
            math.log1p(runs[i]),
            math.log1p(min(prose_distance[i], 50)),
            prose_f[i - 1] if i > 0 else 0.0,
            prose_f[i + 1] if i + 1 < n else 0.0,
            math.log1p(run_words) * inside,
            mass_min * prose_f[i],
            log_words[i - 1] if i > 0 else 0.0,
            log_words[i + 1] if i + 1 < n else 0.0,
            stop[i - 1] if i > 0 else 0.0,
            stop[i + 1] if i + 1 < n else 0.0,
            inside * short[i],
            inside * terminal[i],
            near_prose.mean(i, 20),
            inside * stop[i],
            before_gap[i] - share_before,
            after_gap[i] - share_before,
            spaced[i] - share,
            near_spaced.mean(i, 3) - share,
            near_spaced.mean(i, 10) - share,
            math.log1p(tight[i]) - math.log1p(n / (share_before * n or 1)),
        ])
    return rows


def content_probabilities(blocks: list[Block], the_model: Model) -> list[float]:
    """P(block belongs to the article) for every block, in order; 0 for a block the
    furniture rules or the corpus signal already removed (no need to ask the model)."""
    rows = line_rows(blocks, the_model.stopwords, [b.role == "body" for b in blocks])
    return [0.0 if row is None else the_model.line.score(row) for row in rows]


def _occurrences(keys: set, lines: list) -> dict:
    """How often each key occurs in the lines, as str.count counts (without overlaps), in
    one pass over them for all keys: a key at a time grows with the square of a page whose
    header runs to thousands of lines."""
    text = "\n".join(lines)
    found = dict.fromkeys(keys, 0)
    if "" in found:  # a line of punctuation alone: held everywhere, as str.count has it
        found[""] = len(text) + 1
    automaton = ahocorasick.Automaton()
    for key in keys:
        if key:
            automaton.add_word(key, key)
    if not len(automaton):
        return found
    automaton.make_automaton()
    last_end = {}
    for end, key in automaton.iter(text):
        if end - len(key) >= last_end.get(key, -1):
            found[key] += 1
            last_end[key] = end
    return found


def _article_words(plains: list[str], content: list[float], begin: int) -> tuple[set, set]:
    """The words of the likely article lines from `begin` on, and those of its lede."""
    words, lede = set(), None
    for k in range(begin, len(plains)):
        if content[k] >= 0.5:
            tokens = plains[k].lower().translate(_PUNCTUATION).split()
            words.update(tokens)
            if lede is None and len(tokens) >= 8:
                lede = set(tokens)
    return words, lede or set()


def title_rows(blocks: list[Block], start: int, content: list[float], is_meta, stopwords) -> list[tuple[int, list[float]]]:
    """(index, TITLE_FEATURES row) for every headline candidate above the article, which
    starts at `start`, and for its first line (a headline can read like prose): lines of
    2 to 30 words."""
    plains = [b.plain.strip() for b in blocks[: start + _BODY_BLOCKS]]
    counts: dict[str, int] = {}
    for block in blocks:
        if len(block.text) <= _HEADLINE_CHARS:  # a headline's repeats are short lines too
            key = _norm(block.text)
            counts[key] = counts.get(key, 0) + 1
    # What the article says, and, for its first line as a candidate, what the lines after it say.
    below = _article_words(plains, content, start + 1)
    article = below
    if start < len(plains) and content[start] >= 0.5:
        tokens = plains[start].lower().translate(_PUNCTUATION).split()
        article = (below[0] | set(tokens), set(tokens) if len(tokens) >= 8 else below[1])
    meta = [bool(is_meta(b)) for b in blocks[: start + 3]]
    found = []
    for i in range(min(start + 1, len(blocks) - 1)):
        words = word_count(plains[i])
        if 2 <= words <= 30 and blocks[i].kind in ("p", "h"):
            tokens = [t for t in plains[i].lower().translate(_PUNCTUATION).split() if len(t) > 3]
            context = below if i == start else article
            found.append((i, words, sum(t in context[0] for t in tokens) / len(tokens) if tokens else 0.0, context[1]))
    best = max((overlap for _, _, overlap, _ in found), default=0.0) or 1.0
    shaped = [i for i, words, _, _ in found if 3 <= words <= 20 and not _TERMINAL.search(plains[i])]
    nearest = shaped[-1] if shaped else None
    # A line that another short line holds ("Headline | Site") occurs in the page's short
    # lines more often than as itself.
    held = _occurrences({_norm(blocks[i].text) for i, *_ in found}, [key for key in counts if len(key) > 12])
    # Counted from each line down to the start: prose lines, meta lines, longer candidates.
    prose_before, meta_before, later = [0] * (start + 2), [0] * (start + 2), [0] * (len(found) + 1)
    for k in range(min(start, len(plains)) - 1, -1, -1):
        prose_before[k] = prose_before[k + 1] + (word_count(plains[k]) >= 8)
        meta_before[k] = meta_before[k + 1] + meta[k]
    for number in range(len(found) - 1, -1, -1):
        later[number] = later[number + 1] + (found[number][1] >= 3)
    names = [looks_like_name(plain) for plain in plains[: start + 3]]

    n = len(blocks)
    rows = []
    first_long = True
    for number, (i, words, overlap, lede) in enumerate(found):
        plain = plains[i]
        letters = sum(map(str.isalpha, plain)) or 1
        initials = [w[0] for w in plain.split() if w[0].isalpha()]
        tokens = plain.lower().translate(_PUNCTUATION).split()
        above = start - i
        key = _norm(blocks[i].text)
        rows.append((i, [
            float(above > 0),
            math.log1p(max(above, 0)),
            float(above <= 0),
            math.log1p(words),
            float(bool(_TERMINAL.search(plain)) and not plain.endswith(("?", "!"))),
            float(plain.endswith(":")),
            sum(map(str.isupper, plain)) / letters,
            sum(map(str.isdigit, plain)) / max(1, len(plain)),
            float(_SEPARATOR.search(plain) is not None),
            sum(map(stopwords.__contains__, tokens)) / max(1, words),
            sum(map(str.isupper, initials)) / len(initials) if initials else 0.0,
            float(blocks[i].role not in ("body", "title")),
            float(counts.get(key, 0) > 1),
            overlap,
            float(any(meta[i + 1 : i + 4])),
            float(i > 0 and word_count(plains[i - 1]) <= 3),
            content[i],
            i / (n - 1) if n > 1 else 0.0,
            float(first_long and words >= 4),
            float(plain.endswith("?")),
            float(overlap == best),
            overlap / best,
            float(any(meta[max(0, i - 2) : i])),
            content[i + 1] if i + 1 < n else 0.0,
            math.log1p(later[number + 1]),
            float(4 <= words <= 15),
            float(i == nearest),
            sum(t in lede for t in tokens) / max(1, len(tokens)),
            float(meta[i]),
            float(len(_SENTENCE_END.findall(plain))),
            math.log1p(counts.get(key, 0)),
            float(held[key] > (len(key) > 12 and key in counts)),
            float(_LABEL.match(plain) is not None),
            float(meta_before[i + 1] > 0),
            math.log1p(prose_before[i + 1]),
            float(names[i]),
            float(any(names[i + 1 : i + 3])),
        ]))
        if words >= 4:
            first_long = False
    return rows
