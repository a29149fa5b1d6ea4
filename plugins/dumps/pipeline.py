"""One dump, bytes in, a clean article (or the reason there is none) out. No Pelican here."""

from dataclasses import dataclass, field
from datetime import datetime

from .blocks import Block
from .clean import Cleaned, Cleaner
from .corpus import is_html_name
from .decode import decode, looks_binary
from .duplicates import fingerprint
from .prose import is_prose
from .render import render, summary
from .textdump import text_blocks

# Past this size a dump is cut before parsing: no article is longer, and it keeps
# cleaning linear and bounded on multi-megabyte scraper accidents.
MAX_CHARS = 2_000_000
MAX_LINE = 20_000
# How an HTML document opens, whatever the file's name.
_PAGE_START = ("<!doctype html", "<html")


@dataclass
class Result:
    source: str
    html: str = ""
    cleaned: Cleaned | None = None
    summary: str = ""
    skip_reason: str = ""
    found: dict = field(default_factory=dict)
    notes: str = ""  # for the report: what decoding stripped, a saved page under a text dump's name

    @property
    def removed(self) -> list[Block]:
        return self.cleaned.removed if self.cleaned else []

    def record(self) -> "Record":
        cleaned = self.cleaned
        if cleaned is None:
            return Record(skip_reason=self.skip_reason)
        return Record(
            html=self.html,
            summary=self.summary,
            skip_reason=self.skip_reason,
            title=cleaned.title,
            title_derived=cleaned.title_derived,
            author=cleaned.author,
            date=cleaned.date,
            reading_time=cleaned.reading_time,
            tag_hints=tuple(cleaned.tag_hints),
            author_note=cleaned.author_note,
            notes=self.notes,
            removed=tuple(_removed_row(b) for b in cleaned.removed),
            signal=cleaned.signal,
            paragraphs=frozenset(fingerprint(self.html)),
        )


def _removed_row(block: Block) -> dict:
    """A removed line for the build report, with what the text models said of it: the line
    model's probability that it is the article's (`p`), the headline model's share."""
    row = {"line": block.line, "kind": block.furniture or block.role, "rule": block.rule, "text": block.plain[:200]}
    for key, name in (("p", "p"), ("title_p", "headline")):
        if key in block.extra:
            row[name] = round(block.extra[key], 2)
    return row


@dataclass(frozen=True)
class Record:
    """What the site needs of one cleaned dump: small, picklable, cached between builds."""

    html: str = ""
    summary: str = ""
    skip_reason: str = ""
    title: str = ""
    title_derived: bool = False
    author: str = ""
    date: datetime | None = None
    reading_time: int | None = None
    tag_hints: tuple[str, ...] = ()
    author_note: str = ""
    notes: str = ""
    removed: tuple[dict, ...] = ()
    signal: dict = field(default_factory=dict)
    paragraphs: frozenset = frozenset()  # duplicates.fingerprint of html, made in the workers


def _bounded(text: str, html: bool) -> str:
    """The text cut to size; a text dump's lines too (a saved page is often minified into
    a few long lines, which the HTML parser reads in linear time)."""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    if not html and len(text) > MAX_LINE and any(len(line) > MAX_LINE for line in text.split("\n")):
        text = "\n".join(line[:MAX_LINE] for line in text.split("\n"))
    return text


def is_html(source: str, text: str) -> bool:
    """A saved page: named .html or .htm and opening with markup, or under any name when it
    opens as an HTML document does (a scraper that saved the page's source as .txt)."""
    head = text[:2000].lstrip().lower()
    if head.startswith(_PAGE_START):
        return True
    return is_html_name(source) and (head.startswith("<") or "<html" in head or "<body" in head)


def clean_dump(data: bytes, source: str, cleaner: Cleaner, summary_chars: int = 280) -> Result:
    """Clean one dump; a Result with skip_reason set when it holds no article."""
    result = Result(source)
    if not data.strip():
        result.skip_reason = "empty file"
        return result
    if looks_binary(data):
        result.skip_reason = "binary file, not text"
        return result
    notes = []
    text = decode(data, notes)
    html = is_html(source, text)
    if html and not is_html_name(source):
        notes.append("a saved page (HTML) under a text dump's name: read as HTML")
    text = _bounded(text, html)
    result.notes = "; ".join(notes)
    if not text.strip():
        result.skip_reason = "whitespace only"
        return result
    holds_article = None  # for a saved page, what makes it an article besides prose
    if html:
        from .htmldump import holds_article, html_blocks  # trafilatura loads in 60 ms: only for HTML dumps

        blocks, found = html_blocks(text)
        for block in blocks:  # what a text dump's lines are cut to, a page's blocks are
            block.text = block.text[:MAX_LINE]
        result.found = found
        cleaned = cleaner.clean(blocks, has_header=False)
        cleaned.title = found.get("title") or ""
        cleaned.author = found.get("author") or ""
        cleaned.date = found.get("date")
        cleaned.tag_hints = list(dict.fromkeys(found.get("tag_hints", []) + cleaned.tag_hints))
        cleaner.drop_leading_fields(cleaned)
        for block in cleaned.body:
            if cleaned.title and block.plain.strip().lower() == cleaned.title.lower():
                block.drop("title", "the title repeated in the page")
    else:
        cleaned = cleaner.clean(text_blocks(text, cleaner.stands_alone))
    cleaner.finish(cleaned)
    result.cleaned = cleaned
    body = cleaned.body
    if cleaned.without_prose:
        result.notes = "; ".join(filter(None, [result.notes, "no prose: the article is the long run of lines "
                                               "the line model takes for the page's (a table, a list, verse)"]))
    if not (any(is_prose(b) for b in body) or cleaned.without_prose or holds_article and holds_article(body)):
        result.skip_reason = "no article found (only furniture or fragments)" if cleaned.blocks else "no text found"
        return result
    result.html = render(body)
    result.summary = summary(body, summary_chars)
    return result

