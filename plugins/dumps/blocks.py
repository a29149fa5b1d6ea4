"""The unit every stage speaks: a block of a dump, and what cleaning decided about it."""

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Inline bold travels through the pipeline as **text**, whatever the source format.
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
# Scripts written without spaces between words, and about how many of their characters
# make a word: Chinese and Japanese (kana, ideographs) two; Thai, Lao, Burmese and Khmer,
# whose vowels and tones are characters of their own and whose spaces part phrases, four.
_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SOUTHEAST_ASIAN = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_UNSPACED = re.compile(_IDEOGRAPHIC.pattern[:-1] + _SOUTHEAST_ASIAN.pattern[1:])


@dataclass
class Block:
    """One line or paragraph of a dump.

    kind: what it is structurally ("p", "h", "li", "quote", or "row": a row of a saved
    page's table); role: what cleaning made of it ("body", "furniture", "title", "author",
    "date", "reading_time", "tags", "kicker", "author_note"); rule: why, for the build
    report and `invoke inspect`. A table's rows (a text dump's are lines to cleaning, of
    kind "p") carry extra["table"], its number in the dump, and extra["cells"].
    """

    text: str
    kind: str = "p"
    line: int = 0
    role: str = "body"
    furniture: str = ""
    rule: str = ""
    ordered: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def plain(self) -> str:
        return unbold(self.text)

    @property
    def words(self) -> int:
        return word_count(self.text)

    def drop(self, role: str, rule: str, furniture: str = "") -> None:
        self.role, self.rule, self.furniture = role, rule, furniture

    def body_or_recurring(self) -> bool:
        """In the article, or out of it only by the corpus signal, which the article's
        structure and header may overrule."""
        return self.role == "body" or self.furniture == "recurring"

    def restore(self) -> None:
        """Back into the article: a later stage overrules the rule that dropped it."""
        self.role, self.rule, self.furniture = "body", "", ""


# A table, in either kind of dump: TABLE_MIN_ROWS rows or more that fill two cells or more
# (fills_row). A table of one row, or of one cell a row, lays a page out.
TABLE_MIN_ROWS = 2


def fills_row(cells: list[str]) -> bool:
    """Whether a row's cells make it a table's row: two or more of them hold text."""
    return sum(map(bool, cells)) >= 2


def squash(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (str.split's whitespace is \\s)."""
    return " ".join(text.split())


def run_on(line: str, after: str) -> str:
    """A line and the next one, where its sentence goes on: a word broken at its hyphen
    ("Tabellen-" and "buch") goes on without a space."""
    return line + ("" if line.endswith("-") and after[:1].isalpha() else " ") + after


def all_bold(text: str) -> bool:
    """Whether every word of the text is bold ("**A subheading**"): how a page sets a
    subheading as a paragraph."""
    return "**" in text and not BOLD.sub("", text).strip()


def unbold(text: str) -> str:
    """Text without its **bold** markers (most lines have none: no regex for them)."""
    return BOLD.sub(r"\1", text) if "**" in text else text


@lru_cache(maxsize=1 << 13)  # every stage of cleaning asks again about the same blocks
def word_count(text: str) -> int:
    """Words in a block's text, its bold markers aside, in any script: a run of a script
    without spaces counts as the words its length makes there."""
    plain = unbold(text)
    tokens = plain.split()
    if plain.isascii() or not _UNSPACED.search(plain):
        return len(tokens)
    return sum(
        max(1, math.ceil(len(_IDEOGRAPHIC.findall(token)) / 2 + len(_SOUTHEAST_ASIAN.findall(token)) / 4))
        for token in tokens)


def text_key(text: str) -> str:
    """Text as compared across dumps: case, digits and punctuation do not matter."""
    return _DIGITS.sub("0", " ".join(_WORD.findall(unbold(text).lower())))


@lru_cache(maxsize=1 << 16)  # furniture lines recur from dump to dump: most lookups are repeats
def line_key(text: str) -> str:
    """The corpus-signal key of a line (text_key, cached: for lines, not whole pages)."""
    return text_key(text)
