"""A flattened text dump back into blocks: paragraphs, list items, quotes.

Scrapers flatten pages three ways: paragraphs separated by blank lines, one paragraph per
line, or paragraphs hard-wrapped at a fixed width. Wrapped lines are rejoined only when
the dump as a whole is wrapped (most long lines stop near one width), so a heading or a
button on its own line is never glued to the paragraph under it.
"""

import re

from .blocks import TABLE_MIN_ROWS, Block, fills_row, run_on, squash

_BULLET = re.compile(r"^\s*(?:[*•▪◦‣●·]|[-–—](?!-))\s+(?=\S)")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")
# An e-mail's quotation mark ("> words"), not a link's arrows (">> Read more").
_QUOTE_MARK = re.compile(r"^\s*>(?!>)\s?")
# A line that is one quotation and nothing else: a quote set apart. The rules judge its
# words; the post shows its marks too, so a line of a story's dialogue still reads as speech.
_QUOTED = re.compile(r'^\s*(?P<open>[“"«„]\s*)(?P<q>[^“”"«»„]{20,}?)(?P<close>\s*[”"»“])\s*$')


def _filled_to(lengths: list[int]) -> int | None:
    """The width most of these line lengths stop just short of, if there is one."""
    lengths = sorted(lengths)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 110 or width < 40:
        return None
    near = sum(1 for n in lengths if width * 0.75 <= n <= width)
    return width if near >= len(lengths) * 0.5 else None


def _wrap_width(lines: list[str]) -> int | None:
    """The width a wrapped dump was filled to, or None when lines are not wrapped.

    Every line of a filled paragraph but its last stops near the width. Lines that another
    line follows are measured first: a paragraph's last line, and headings or furniture
    standing between blank lines, say nothing about the width, and in a short article they
    can outnumber the full lines. A dump without blank lines is measured on all its lines.
    """
    followed = [len(line.rstrip()) for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()]
    return _filled_to(followed) or _filled_to([len(line.rstrip()) for line in lines if line.strip()])


def _item(line: str) -> tuple[str, str, str]:
    """(kind, text without its marker, the number of a numbered item) for one physical line;
    a quoted line stays whole here, and _quotations parts its marks from its words."""
    if _QUOTE_MARK.match(line):
        return "quote", _QUOTE_MARK.sub("", line), ""
    if _BULLET.match(line):
        return "li", _BULLET.sub("", line), ""
    if numbered := _NUMBERED.match(line):
        return "li", line[numbered.end():], numbered[0].strip()
    if _QUOTED.match(line):
        return "quote", line, ""
    return "p", line, ""


def _number_sections(blocks: list[Block]) -> None:
    """A numbered line with no numbered neighbour is a numbered section of the article
    ("3. Water it well" between paragraphs), not a list of one: it keeps its number. A
    list's first number is kept for the list to start from."""
    for i, block in enumerate(blocks):
        number = block.extra.pop("number", "")
        if not number:
            continue
        if not (i and blocks[i - 1].ordered or i + 1 < len(blocks) and blocks[i + 1].extra.get("number")):
            block.kind, block.ordered, block.text = "p", False, f"{number} {block.text}"
        elif not (i and blocks[i - 1].ordered):
            block.extra["start"] = int(number.rstrip(".)"))


def _tables(blocks: list[Block]) -> None:
    """A browser's text of a table parts its cells with tabs, one row a line: a run of
    lines one under the other that make a table (blocks.fills_row, TABLE_MIN_ROWS) is
    shown as one. The rows are lines like the others to cleaning: only their
    rendering changes. Tabs elsewhere (a lone line, a cell of a layout) are spaces."""
    run: list[Block] = []
    tables = 0
    for block in [*blocks, None]:
        row = block is not None and fills_row(block.extra.get("cells", ()))
        if run and not (row and block.line == run[-1].line + 1):
            if len(run) >= TABLE_MIN_ROWS:
                for member in run:
                    member.extra["table"] = tables
                tables += 1
            run = []
        if row:
            run.append(block)
    for block in blocks:
        if "table" not in block.extra:
            block.extra.pop("cells", None)


def text_blocks(text: str, stands_alone=lambda line: False) -> list[Block]:
    """Split a text dump into blocks, rejoining hard-wrapped paragraphs.

    `stands_alone(line)` names lines never to be joined to their neighbours (furniture
    that happens to follow a full-width line).
    """
    lines = text.split("\n")
    width = _wrap_width(lines)
    blocks: list[Block] = []
    current: Block | None = None
    prev_line = ""  # the physical line before this one, when `current` runs on
    blank = True  # the dump's start counts as a blank line
    for line_number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            current, blank = None, True
            continue
        kind, body, number = _item(line)
        body = squash(body)
        alone = stands_alone(body)
        if (
            current is not None
            and not alone
            and not current.extra.get("alone")
            and width
            and kind == "p"
            and len(prev_line) >= width * 0.7
            and current.kind in ("p", "li", "quote")
        ):
            # Both are squashed: joined as they are, they stay so (an empty "> " quote aside).
            current.text = run_on(current.text, body) if current.text else body
            current.extra.pop("cells", None)
        else:
            current = Block(text=body, kind=kind, line=line_number, ordered=bool(number))
            current.extra["number"] = number
            current.extra["alone"] = alone
            current.extra["spaced"] = blank
            if kind == "p" and "\t" in line:
                current.extra["cells"] = [squash(cell) for cell in raw.split("\t")]
            blocks.append(current)
        prev_line, blank = line, False
    blocks = [block for block in blocks if block.text]  # a quotation mark alone (">") quotes nothing
    _number_sections(blocks)
    _tables(blocks)
    _quotations(blocks)
    return blocks


def _quotations(blocks: list[Block]) -> None:
    """A block that is one quotation is a quote of its words, its marks kept aside (extra
    "marks") for the post."""
    for block in blocks:
        if block.kind in ("p", "quote") and (quoted := _QUOTED.match(block.text)):
            block.kind, block.text = "quote", quoted["q"]
            block.extra["marks"] = (quoted["open"], quoted["close"])
