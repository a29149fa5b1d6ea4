"""A saved HTML page into blocks and metadata.

trafilatura finds the main content and keeps its structure (headings, lists, quotes,
bold); every piece of text of its document becomes a block, whatever its shape. Its
recall mode is read first; where that took only a short part of the page, its default
mode, which then keeps paragraphs the recall mode missed, is read too and merged; a thin
result gives way to its baseline. The page's own metadata (Open Graph, JSON-LD, <meta>,
the visible byline) comes from trafilatura's metadata reader, with htmldate told not to
guess from the text; the title is the headline the page confirms, and the page's
description opens the article when the page shows it (the standfirst trafilatura leaves
out with the headline). Furniture inside the article container (sign-up cards, "Also
read" boxes) is left for the block rules in clean.py: a saved page has no header or
trailer cut by position.
"""

import difflib
import functools
import itertools
import re

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.utils import load_html, repair_faulty_html

from . import metadata as meta
from .blocks import TABLE_MIN_ROWS, Block, fills_row, run_on, squash, text_key, unbold, word_count
from .prose import HEADING_MAX_WORDS, closes_sentence, reads_as_sentences

_TAG_LINK = re.compile(
    r"""<a\b[^>]*?(?:rel=["'][^"']*\btag\b[^"']*["'][^>]*>|href=["'][^"']*/tags?/[^"']*["'][^>]*>)(?P<text>[^<]{1,80})</a>""",
    re.I,
)
_META_TAG = re.compile(r"""<meta\b[^>]*property=["']article:tag["'][^>]*content=["'](?P<tag>[^"']{1,80})["']""", re.I)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# A site's name around a page's title: "Headline | Site", "Site - Headline".
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·•»]+\s+")
_WORD = re.compile(r"\w+")
_HEADLINE_MAX_CHARS = 300
# trafilatura's parser, reading up to about 2,048 nested elements: by default libxml2 stops
# at 256 (an old template's unclosed <div>s or <font>s), and the text below them is lost
# where a browser shows it.
_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                               remove_comments=True, remove_pis=True, huge_tree=True)
# An extraction with less text than this is thin: trafilatura's fallbacks are tried, and
# one holds more only past twice as much.
THIN_CHARS = 500
# trafilatura's default mode finds text its recall mode missed only where the recall mode
# took a narrow part of the page: on the 825 pages of the training pool, 32 of the 34 pages
# it added to held less than this. Past it the second pass (half of extraction's time) is
# skipped.
SECOND_PASS_CHARS = 5000
# A block of trafilatura's other mode with this many words is not new where the first
# mode's blocks hold its words in a row: shorter ones (a heading, a name) may recur by chance.
HELD_MIN_WORDS = 8
# A page's description is its standfirst when it has this many words and the page shows
# its first characters (a description cut short by a site's template still counts).
STANDFIRST_MIN_WORDS = 8
_STANDFIRST_PROBE = 60
# A description that ends so was cut short by the site (so was one the page shows going on
# in the middle of its last word).
_CUT = ("...", "…", "[…]", "[...]", "(…)", "(...)")
# Tables are told apart across trafilatura's documents of one page (their blocks merge),
# then numbered in page order (_number).
_TABLES = itertools.count()
_VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
# A page whose article holds this much text (headings aside) is published, in any language
# and shape (a recipe's lists, a script without capitals), prose or not.
ARTICLE_MIN_CHARS = 200


# trafilatura's document is a small XML vocabulary. These elements are blocks of their
# own (with the kind their text takes); these hold blocks; the rest (hi, ref, lb, del, and
# whatever else a page leaves behind) is inline, unless blocks sit inside it.
_BLOCK_KIND = {"p": "p", "head": "h", "item": "li", "quote": "quote", "code": "p"}
_CONTAINERS = {"body", "div", "list", "table", "row", "cell"}
_INLINE = {"hi", "ref", "lb", "del", "span", "graphic"}
# Inside these a paragraph takes their kind: a quote's paragraphs are the quote.
_PASSES_KIND = ("quote", "li")
# A line's first word, letters only: one in lower case goes on with the sentence above it
# (a web address, "wein-rust.at", is no word).
_FIRST_WORD = re.compile(r"[\s*]*([^\W\d_]+)(?=[\s,;:!?)*]|$)")
# The word before a joint, as the source's spacing is checked (_WORD: the one after it).
_LAST_WORD = re.compile(r"\w+$")
# trafilatura's inline elements that hold text of their own.
_TEXT_INLINE = _INLINE - {"lb", "graphic"}
# A line break (<lb/>) inside inline text: a block ends there. Not a newline: trafilatura
# keeps the source's newlines inside a paragraph's text, and a browser shows those as
# spaces (XML text never holds this character). Only a code block's newlines are breaks.
_BREAK = "\0"


def _page_words(tree):
    """The words of the page's visible text, read once when first asked for (text nodes
    joined as they stand, so "CO<sub>2</sub>" is one word)."""
    return functools.cache(lambda: set(_words("".join(tree.xpath(_VISIBLE_TEXT)))))


def _respaced(document, page_words):
    """Spaces trafilatura dropped around inline text put back. Where it wraps a page's loose
    text in paragraphs, or after a line break, it trims the text next to a bold, italic or
    underlined run ("<u>Literatur</u> gibt" comes as "<hi>Literatur</hi>gibt"). A run's edge
    that meets a word with no space is spaced when the page's own text never shows the two
    as one word ("CO<sub>2</sub>" and "<b>Word</b>s" do)."""
    def apart(one: str, other: str) -> bool:
        if not (one[-1:].isalnum() and other[:1].isalnum()):
            return False
        return (_LAST_WORD.search(one)[0] + _WORD.match(other)[0]).lower() not in page_words()

    for element in document.iter(*_TEXT_INLINE):
        inner = "".join(element.itertext())
        before, parent = element.getprevious(), element.getparent()
        left = (before.tail if before is not None else parent.text) or ""
        if apart(left, inner):
            if before is not None:
                before.tail = left + " "
            else:
                parent.text = left + " "
        if apart(inner, element.tail or ""):
            element.tail = " " + element.tail
    return document


def _inline(element) -> str:
    """Text of an element with its bold runs as **text** and its line breaks as newlines."""
    return (element.text or "") + "".join(_piece(child) + (child.tail or "") for child in element)


def _piece(child) -> str:
    """The text an inline element adds to its block."""
    if child.tag == "lb":
        return _BREAK
    inner = _inline(child)
    if child.tag == "hi" and "#b" in (child.get("rend") or ""):  # bold inside it is already bold
        return _BREAK.join(_bold(line) for line in inner.replace("**", "").split(_BREAK))
    return inner


def _bold(text: str) -> str:
    """**text**, with the spaces around it kept outside the markers: they part it from its
    neighbours ("<hi>Follow us</hi><hi> to stay</hi>" is two words, not "usto")."""
    if not text.strip():
        return text
    return (" " if text[:1].isspace() else "") + f"**{text.strip()}**" + (" " if text[-1:].isspace() else "")


def _holds_blocks(element) -> bool:
    return any(child.tag in _BLOCK_KIND or child.tag in _CONTAINERS or _holds_blocks(child)
               for child in element if child.tag != "lb")


def _is_block(child, parent) -> bool:
    if child.tag == "code" and parent.tag in ("p", "head", "item"):
        return False  # code inside a sentence
    if child.tag in _BLOCK_KIND or child.tag in _CONTAINERS:
        return True
    return child.tag not in _INLINE and _holds_blocks(child)


def _cells(row) -> list[str] | None:
    """A table row's cells as text; None when a cell holds blocks."""
    cells = list(row)
    if any(cell.tag != "cell" or _holds_blocks(cell) for cell in cells):
        return None
    return [squash(_inline(cell).replace(_BREAK, " ")) for cell in cells]


def _row_text(cells: list[str]) -> str:
    """A row as one line, its cells apart: the rules judge it as they judge a line."""
    return " | ".join(cell for cell in cells if cell)


def _grid(table) -> list | None:
    """A table's rows and their cells when it is a grid: cells of text only, in rows that
    make a table (blocks.fills_row, TABLE_MIN_ROWS); a grid's rows of one cell are its
    section heads. A table of one row, or of one cell a row, lays a page out (a menu, a
    quote box); a table whose cells hold paragraphs or lists is read block by block."""
    rows = [(row, _cells(row)) for row in table if row.tag == "row"]
    if any(cells is None for _, cells in rows):
        return None
    return rows if sum(1 for _, cells in rows if fills_row(cells)) >= TABLE_MIN_ROWS else None


def _texts(element, kind: str = "p", ordered: bool = False, grids: dict | None = None):
    """(text, kind, ordered, extra) for every run of text of the document, in order: text in
    nested containers, in a body of one element and in the tails after elements included.
    A run ends where a block element starts and at a line break (not a heading's). A grid's rows are
    rows of their table (extra: its cells, whether they are its head, which table)."""
    grids = {} if grids is None else grids
    tag = element.tag
    if tag == "table" and (grid := _grid(element)) is not None:
        table = next(_TABLES)
        grids.update((row, (cells, table)) for row, cells in grid)
    if tag == "row" and element in grids:
        cells, table = grids[element]
        head = all(cell.get("role") == "head" for cell in element)
        yield _row_text(cells), "row", False, {"cells": cells, "head": head, "table": table}
        return
    if tag == "row" and (cells := _cells(element)) is not None:
        yield _row_text(cells), "p", False, None
        return
    if tag == "list":
        ordered = (element.get("rend") or "").startswith("ol")
    elif tag in _BLOCK_KIND and not (tag == "p" and kind in _PASSES_KIND):
        kind = _BLOCK_KIND[tag]
    elif tag not in _BLOCK_KIND and kind not in _PASSES_KIND:
        kind = "p"
    def lines(run: list[str]):
        text = "".join(run)
        if kind == "h":  # a subheading broken over two lines ("Quarry plan will<br>undermine road")
            return [text.replace(_BREAK, " ")]
        if tag == "code":
            return text.replace("\n", _BREAK).split(_BREAK)
        return _sentences_rejoined(text.split(_BREAK))

    run = [element.text or ""]
    for child in element:
        if _is_block(child, element):
            yield from ((line, kind, ordered, None) for line in lines(run))
            yield from _texts(child, kind, ordered, grids)
            run = [child.tail or ""]
        else:
            run += [_piece(child), child.tail or ""]
    yield from ((line, kind, ordered, None) for line in lines(run))


def _sentences_rejoined(lines: list[str]) -> list[str]:
    """Lines parted by line breaks, with a sentence that a break cut rejoined: a line that
    does not close a sentence, followed by one that starts with a word in lower case ("the
    only condition<br>is a line of 16 Mbit/s"; a word broken at its hyphen goes on without
    a space). A byline, a date, an address's lines (a web address) stay apart."""
    joined: list[str] = []
    for line in lines:
        first = _FIRST_WORD.match(line)
        if joined and first and first[1][0].islower() and joined[-1].strip(" *") and not closes_sentence(joined[-1]):
            joined[-1] = run_on(joined[-1], line.lstrip())
        else:
            joined.append(line)
    return joined


def _blocks(main) -> list[Block]:
    blocks: list[Block] = []
    for text, kind, ordered, extra in _texts(main):
        text = squash(text)
        # A standfirst, or an interview's question, set as a heading: longer than a
        # subheading, in sentences ("Long gone? Not so fast." and "1. Can I plant it?" stay).
        if kind == "h" and word_count(text) > HEADING_MAX_WORDS and reads_as_sentences(unbold(text)):
            kind = "p"
        if text.strip("*"):
            blocks.append(Block(text=text, kind=kind, ordered=ordered, line=len(blocks) + 1, extra=extra or {}))
    return blocks


def tag_hints(html: str) -> list[str]:
    """Tags the page itself carries (article:tag, rel=tag links): hints for the tagger."""
    found = [m["tag"] for m in _META_TAG.finditer(html)] + [m["text"] for m in _TAG_LINK.finditer(html)]
    return list(dict.fromkeys(squash(t) for t in found if squash(t)))


def _extract(tree, **mode):
    """trafilatura's document for one of its modes (None when it finds no body)."""
    document = trafilatura.bare_extraction(
        tree,
        output_format="python",
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
        as_dict=False,
        **mode,
    )
    return document if document is not None and document.body is not None else None


def _number(blocks: list[Block]) -> None:
    """Blocks and tables numbered in page order (for inspect and the report; a page's
    cleaning is the same whatever pages were read before it)."""
    tables: dict[int, int] = {}
    for number, block in enumerate(blocks, start=1):
        block.line = number
        if "table" in block.extra:
            block.extra["table"] = tables.setdefault(block.extra["table"], len(tables))


def _merged(base: list[Block], other: list[Block]) -> list[Block]:
    """base with the blocks only `other` has put in at their place in the page: trafilatura's
    modes each miss some paragraphs the other keeps. A block of other whose words base
    holds in a row (a paragraph that base reads as a heading and its text) is not new."""
    keys_base, keys_other = [text_key(b.text) for b in base], [text_key(b.text) for b in other]
    have = set(keys_base)
    held = f" {' '.join(keys_base)} "
    merged: list[Block] = []
    matcher = difflib.SequenceMatcher(None, keys_base, keys_other, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        merged += base[i1:i2]
        if op in ("insert", "replace"):
            merged += [other[j] for j in range(j1, j2) if keys_other[j] not in have
                       and not (keys_other[j].count(" ") + 1 >= HELD_MIN_WORDS and f" {keys_other[j]} " in held)]
    return merged


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _agree(one: str, other: str) -> bool:
    """The same title, give or take a site's name or a word around it ("Headline | Site"
    agrees with "Headline"; a site's name does not agree with "Headline | Site")."""
    shorter, longer = sorted((set(_words(one)), set(_words(other))), key=len)
    return bool(shorter) and shorter <= longer and len(shorter) >= 0.6 * len(longer)


def _without_site(title: str) -> str:
    """A title without the site's name beside it: its longest part ("Headline | Site")."""
    return max(_TITLE_PARTS.split(title), key=lambda part: len(_words(part)))


def _untailed(title: str, headlines: list[str]) -> str:
    """title without a site's name that follows or leads one of the page's own headlines
    ("Headline - Site" with <h1>Headline</h1>); the headline is the longer part. Parts are
    compared word by word: a page's <title> and <h1> often differ in their quotation marks
    and dashes ('Being friendly' in one, ‘Being friendly’ in the other)."""
    # The words before and after each separator, read once for every headline.
    halves = [(_words(title[: m.start()]), _words(title[m.end() :])) for m in _TITLE_PARTS.finditer(title)]
    for headline in headlines:
        words = _words(headline)
        if not words or headline == title:
            continue
        for before, after in halves:
            if (before == words and len(after) < len(words)) or (after == words and len(before) < len(words)):
                return headline
    return title


def page_title(tree, extracted: str) -> str:
    """The page's headline. trafilatura's title when the page's og:title or <title>
    confirms it (it takes a site's name in the first <h1> for the headline); else an <h1>
    they confirm; else og:title or <title> without the site's name. A site's name beside
    the headline goes when the page shows the headline without it."""
    named = [squash(v) for v in tree.xpath(
        '//meta[@property="og:title" or @name="twitter:title"]/@content | //head/title/text()')]
    named = [t for t in named if t]
    h1s = [h for h in (squash(" ".join(h1.itertext())) for h1 in tree.iter("h1")) if len(h) <= _HEADLINE_MAX_CHARS]
    if not named or extracted and any(_agree(extracted, t) for t in named):
        return _untailed(extracted, h1s + named)
    for headline in h1s:
        if any(_agree(headline, t) for t in named):
            return headline
    return _without_site(named[0])


def text_chars(blocks: list[Block]) -> int:
    """Characters of text in blocks, headings aside."""
    return sum(len(b.plain) for b in blocks if b.kind != "h")


def holds_article(blocks: list[Block]) -> bool:
    return text_chars(blocks) >= ARTICLE_MIN_CHARS


def _shown_standfirst(tree, description: str, title: str, blocks: list[Block]) -> str:
    """The page's description (og:description, <meta name="description">) when it is the
    standfirst the page shows under its headline and trafilatura left out: a sentence or
    more, not cut short, not the headline again, in the page's visible text above the
    article, not already in it. A description the page does not show is a search engine's
    blurb; one it shows only below the article's start, a footer's tagline or a teaser."""
    key = text_key(description)  # one page's text, not a line that recurs: no cache
    if (word_count(description) < STANDFIRST_MIN_WORDS or description.endswith(_CUT)
            or _agree(description, title) or title and key.startswith(text_key(title))
            or key[:_STANDFIRST_PROBE] in text_key(" ".join(b.text for b in blocks))):
        return ""
    shown = text_key(" ".join(tree.xpath(_VISIBLE_TEXT)))
    at = shown.find(key[:_STANDFIRST_PROBE])
    whole = shown.find(key)
    if whole >= 0 and shown[whole + len(key) : whole + len(key) + 1].isalnum():  # "… drone prohibiti"
        return ""
    # Where the article starts in the page: its first sentence, at its last place in the
    # page (a teaser of it may come earlier, in a header).
    lede = next((b for b in blocks if b.kind != "h" and word_count(b.text) >= STANDFIRST_MIN_WORDS), None)
    start = shown.rfind(text_key(lede.text)[:_STANDFIRST_PROBE]) if lede else -1
    return description if at >= 0 and (start < 0 or at < start) else ""


def _parsed(html: str):
    """The page's tree as trafilatura's load_html makes it (its repairs of a broken
    opening included), read to libxml2's greater depth (_PARSER). An inline quotation
    (<q>) is plain text of its sentence: trafilatura would make it a block quote."""
    try:
        tree = lxml.html.fromstring(repair_faulty_html(html, html[:50].lower()).encode("utf-8"), parser=_PARSER)
    except lxml.etree.ParserError:  # nothing but space and comments
        return None
    for quotation in list(tree.iter("q")):
        quotation.tag = "span"
    return load_html(tree)


def html_blocks(html: str) -> tuple[list[Block], dict]:
    """Blocks of the page's main content, and what its metadata says.

    trafilatura's recall mode first, with what its default mode finds besides when the
    recall mode's text is short; when that is thin, its baseline (the article text a page
    embeds as JSON-LD, its <article>, its paragraphs) if that holds more; the furniture
    rules of clean.py judge the rest.
    """
    tree = _parsed(html)
    if tree is None:
        return [], {}
    page_words = _page_words(tree)
    document = _extract(tree, favor_recall=True, with_metadata=True)
    blocks = _blocks(_respaced(document.body, page_words)) if document else []
    if text_chars(blocks) < SECOND_PASS_CHARS and (balanced := _extract(tree)) is not None:
        blocks = _merged(blocks, _blocks(_respaced(balanced.body, page_words)))
    if text_chars(blocks) < THIN_CHARS:
        fallback = _blocks(trafilatura.baseline(tree)[0])
        if text_chars(fallback) > 2 * text_chars(blocks):
            blocks = fallback
    if document is None:
        document = trafilatura.extract_metadata(tree, date_config=_DATE_PARAMS)
    title = page_title(tree, squash(document.title or "") if document else "")
    if document and (standfirst := _shown_standfirst(tree, squash(document.description or ""), title, blocks)):
        blocks.insert(0, Block(text=standfirst, kind="p", rule="the page's description, shown as its standfirst",
                               extra={"standfirst": True}))
    _number(blocks)
    found = {
        "title": title,
        "author": meta.page_author(squash(document.author or "")) if document else "",
        "date": meta.parse_iso(document.date or "") if document else None,
        "tag_hints": tag_hints(html),
    }
    return blocks, found
