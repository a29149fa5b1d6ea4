"""What a block's shape says it is: running prose, a sentence, a heading, a headline.

Every stage of cleaning asks these questions (the rules' zones, the article's span, the
header, the structure), of text and HTML dumps alike.
"""

import re
from functools import lru_cache

from .blocks import Block, word_count

_TERMINAL = tuple('.!?:;…"”’“‘«)»。！？।؟')  # German and Swiss quotes close on “ ‘ «
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]*\s+[\"“‘(]?[A-Z]")
_CARRIES_ITEM = re.compile(r"[:|–—-]\s+\S")
# A body paragraph: a sentence or more in running prose.
PROSE_MIN_WORDS = 8
HEADING_MAX_WORDS = 15
# A headline is one sentence of at most this many words.
TITLE_MAX_WORDS = 25


def is_prose(block: Block) -> bool:
    """Running text: long enough, sentence-final punctuation, mostly lower-case words (or
    words of a script without capitals)."""
    return block.kind in ("p", "quote") and _reads_as_prose(block.plain)


@lru_cache(maxsize=1 << 13)  # every stage of cleaning asks again about the same blocks
def _reads_as_prose(plain: str) -> bool:
    """is_prose for the text of a paragraph or quote."""
    plain = plain.rstrip()
    if word_count(plain) < PROSE_MIN_WORDS or not plain.endswith(_TERMINAL):
        return False
    return running_words(plain)


def running_words(plain: str) -> bool:
    """Words as running text has them, not capitalised each (a label, a name, a date line):
    a third of them or more not capitalised, or of a script without case."""
    firsts = [word[0] for word in plain.split()]
    uncapitalised = sum(map(str.isalpha, firsts)) - sum(map(str.isupper, firsts))
    return uncapitalised >= 0.35 * len(firsts)


def sentence(block: Block) -> bool:
    """A paragraph or list item closed as a sentence, whatever its capitals (a list of
    names, a credit line)."""
    return block.kind in ("p", "li") and block.words >= PROSE_MIN_WORDS and block.plain.rstrip().endswith(_TERMINAL)


def closes_sentence(text: str) -> bool:
    """Whether the text ends as a sentence does (its bold markers aside)."""
    return text.rstrip(" *").endswith(_TERMINAL)


def reads_as_sentences(plain: str) -> bool:
    """Two sentences or more, closed as a sentence: a paragraph, whatever markup set it as
    a heading (a standfirst or an interview's question in an <h2>)."""
    return closes_sentence(plain) and _SENTENCE_BREAK.search(plain) is not None


def looks_like_heading(block: Block) -> bool:
    plain = block.plain.strip()
    return (
        block.kind == "p"
        and 1 <= block.words <= HEADING_MAX_WORDS
        and len(plain) <= 120
        and plain[:1].isupper()
        and not plain.endswith((".", ",", ";", ":"))
    )


def headline_shaped(block: Block) -> bool:
    """One sentence short enough for a headline, not closed as a statement (a question,
    an exclamation or no punctuation at all)."""
    plain = block.plain.strip()
    return (
        block.kind == "p"
        and 3 <= block.words <= TITLE_MAX_WORDS
        and not plain.endswith((".", ",", ";", ":"))
        and not _SENTENCE_BREAK.search(plain)
    )


def introduces_list(block: Block) -> bool:
    """A short line that announces what follows ("Three points stand out:")."""
    return block.kind == "p" and block.words <= HEADING_MAX_WORDS and block.plain.rstrip().endswith(":")


def carries_item(block: Block) -> bool:
    """A label followed by what it labels, after a colon or a dash: a related-posts line
    that carries its item ("Read more: ..."), unlike a bare heading over a list."""
    return bool(_CARRIES_ITEM.search(block.plain))
