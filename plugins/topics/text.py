"""Article HTML -> positioned text blocks, and length-preserving case/accent folding.

Folding keeps every character at its index, so a match found in the folded text can be
checked for case against the original at the same offsets.
"""
import html
import re
import unicodedata
from dataclasses import dataclass

import ahocorasick

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTES = "\u2018\u2019\u02bc\u2032`"


class _FoldTable(dict):
    """str.translate table filled lazily: dashes and quotes unified, accents dropped."""

    def __missing__(self, code):
        char = chr(code)
        if char in _DASHES:
            folded = "-"
        elif char in _QUOTES:
            folded = "'"
        elif char.isspace():
            folded = " "
        else:
            folded = unicodedata.normalize("NFKD", char)[0]
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text):
    """Lowercase, accent-free, dash- and quote-normalised text of the same length."""
    folded = (text if text.isascii() else text.translate(_TABLE)).lower()
    if len(folded) != len(text):  # a character whose lowercase is longer (rare)
        folded = "".join(c if len(c) == 1 else o for c, o in zip((ch.lower() for ch in text.translate(_TABLE)), text))
    return folded


@dataclass
class Block:
    """A block of article text and where it stands: title, heading, lede, body, item or quote."""

    role: str
    text: str


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_BLOCK = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
          "figcaption", "pre", "dd", "dt", "ul", "ol", "table", "section", "br"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})  # the _BLOCK tags that head a section
# The gap between two sentences (after the stop). Matching from the stop itself rather
# than behind a lookbehind lets the regex engine skip ahead to the next [.!?].
_SENTENCE = re.compile(r"[.!?](?P<gap>[\"'\u201d\u2019)]?\s+)(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def _role(stack):
    # The stack holds only _BLOCK tags, so its headings are those of _HEADINGS.
    if not _HEADINGS.isdisjoint(stack):
        return "heading"
    if "blockquote" in stack:
        return "quote"
    if "li" in stack:
        return "item"
    return "body"


def _squeeze(text):
    """Stripped text with each run of whitespace as one space. A paragraph rarely has any
    other: a whitespace character other than the space is never printable, so two C
    scans usually spare splitting it into words."""
    if "  " not in text and text.isprintable():
        return text
    return " ".join(text.split())


def blocks(title, content, lede_words=60):
    """Split a title and clean HTML into blocks; the first paragraphs (up to
    `lede_words` words) are the lede, where a writer states what the piece is about."""
    out = [Block("title", title)] if title else []
    stack, buf, pos = [], [], 0
    for m in _TAG.finditer(content or ""):
        buf.append(content[pos:m.start()])
        pos = m.end()
        closing, tag = m.group(1), m.group(2).lower()
        if tag not in _BLOCK:
            continue
        text = html.unescape("".join(buf)).strip()
        if text:
            out.append(Block(_role(stack), _squeeze(text)))
        buf = []
        if tag == "br":
            continue
        if closing:
            if tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(tag):]
        else:
            stack.append(tag)
    tail = html.unescape("".join(buf) + (content or "")[pos:]).strip()
    if tail:
        out.append(Block(_role(stack), _squeeze(tail)))
    words = 0
    for block in out:
        if block.role == "body" and words < lede_words:
            block.role = "lede"
            words += len(block.text.split())
    return out


def sentences(text):
    """Sentence spans (start, end) of a block: co-occurrence is counted per sentence."""
    start = 0
    for m in _SENTENCE.finditer(text):
        yield start, m.start("gap")
        start = m.end()
    yield start, len(text)


# Every character but a-z and 0-9 to a space, byte for byte: spaced-out text keeps its length.
_SPACES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def spaced(folded):
    """Folded text with punctuation as spaces and a space at each end, so that a key
    " russia " only matches whole words: a hit never needs a boundary check, and the
    words inside other words ("us" in "thus") are never hits. Index i of the text is
    index i + 1 here."""
    return " " + folded.encode("ascii", "replace").translate(_SPACES).decode("ascii") + " "


class WordSet:
    """Whole words and phrases (plurals in "s" too) looked up in folded text by one C pass."""

    def __init__(self, words):
        self.automaton = ahocorasick.Automaton()
        for word in words:
            key = spaced(fold(word))
            self.automaton.add_word(key, key)
            self.automaton.add_word(key[:-1] + "s ", key)
        self.empty = not words
        if not self.empty:
            self.automaton.make_automaton()

    def count(self, text, limit=None):
        """How many of the words `text` (folded and spaced out) holds, counting no further
        than `limit`."""
        if self.empty:
            return 0
        found = 0
        for _ in self.automaton.iter(text):
            found += 1
            if found == limit:
                break
        return found

    def found_in(self, text):
        return self.count(text, 1) > 0
