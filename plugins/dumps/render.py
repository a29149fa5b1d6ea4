"""Clean blocks to the article's HTML and summary: a small, allow-listed vocabulary."""

import html

import nh3

from .blocks import BOLD, Block

ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "blockquote", "strong", "em", "br",
                "table", "thead", "tbody", "tr", "th", "td"}


def _inline(text: str) -> str:
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def _table(rows: list[Block]) -> str:
    """A table's rows that the article kept: its head rows (in <thead> while they lead it)
    and the rest."""
    lead = next((n for n, row in enumerate(rows) if not row.extra.get("head")), len(rows))
    out = ["<table>"]
    for part, tag, members in (("thead", "th", rows[:lead]), ("tbody", "td", rows[lead:])):
        if members:
            out.append(f"<{part}>")
            out += ["<tr>" + "".join(f"<{tag}>{_inline(cell)}</{tag}>" for cell in row.extra["cells"]) + "</tr>"
                    for row in members]
            out.append(f"</{part}>")
    out.append("</table>")
    return "\n".join(out)


def render(blocks: list[Block]) -> str:
    """HTML for the body blocks; markup found literally in a dump stays text."""
    out: list[str] = []
    open_list = None
    table: list[Block] = []
    for block in blocks:
        place = block.extra.get("table")
        if table and place != table[0].extra["table"]:
            out.append(_table(table))
            table = []
        if open_list and (block.kind != "li" or place is not None):
            out.append(f"</{open_list}>")
            open_list = None
        if place is not None:
            table.append(block)
            continue
        tag = "ol" if block.ordered else "ul"
        if block.kind == "li":
            if open_list != tag:
                if open_list:
                    out.append(f"</{open_list}>")
                start = block.extra.get("start", 1)
                out.append(f'<ol start="{start}">' if tag == "ol" and start != 1 else f"<{tag}>")
                open_list = tag
            out.append(f"<li>{_inline(block.text)}</li>")
            continue
        if block.kind == "h":
            out.append(f"<h2>{_inline(block.text)}</h2>")
        elif block.kind == "quote":
            opening, closing = block.extra.get("marks", ("", ""))
            out.append(f"<blockquote><p>{html.escape(opening)}{_inline(block.text)}{html.escape(closing)}</p></blockquote>")
        else:
            out.append(f"<p>{_inline(block.text)}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    if table:
        out.append(_table(table))
    return nh3.clean("\n".join(out), tags=ALLOWED_TAGS, attributes={"ol": {"start"}}, url_schemes=set())


def summary(blocks: list[Block], limit: int) -> str:
    """The first paragraphs as plain text (a table's rows aside), cut at a word boundary
    within limit."""
    text = ""
    for block in blocks:
        if block.kind == "p" and "table" not in block.extra:
            text = f"{text} {block.plain}".strip()
            if len(text) >= limit:
                break
    if len(text) > limit:
        text = text[: text.rfind(" ", 0, limit)].rstrip(" ,;:") + "…"
    return html.escape(text, quote=False)
