"""Decide, block by block, what is the article and what is furniture.

The same decisions apply to text and HTML dumps once both are blocks:
1. rules: each block is tried against the furniture patterns (boilerplate.py) and the
   corpus signal (a line found in many dumps, corpus.py); the article's structure
   overrules the signal for a list the article introduces and a subheading;
2. zones: the article runs from its first to its last real paragraph of prose. Above it
   is the header (title, byline, date: read into metadata, never published as body; a
   "paragraph" that byline or date lines follow is the headline, or a standfirst);
   below it the trailer, which is furniture by position. In a text dump the line model
   (lines.py) places the zones (span.py) and picks the headline; a saved page has no zones:
   trafilatura has already cut the page to its article, and text is dropped only by rule;
3. smoothing: furniture comes in clusters (a form is a heading, labels and a button), so
   short lines that follow a form or a related-posts heading go with it, and short lines
   squeezed between furniture are furniture too;
4. structure: short lines between paragraphs become subheadings.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from . import lines
from . import metadata as meta
from .blocks import Block, line_key
from .prose import (PROSE_MIN_WORDS, carries_item, headline_shaped, introduces_list, is_prose, looks_like_heading,
                    running_words)
from .span import ArticleSpan

_SEPARATOR = re.compile(r"^[\s\-_=*~#.•·]{3,}$")
_TAGS_LINE = re.compile(r"^(?:tags?|topics?|filed under|categories)\s*:\s*(?P<tags>.+)$", re.I)
AUTHOR_NOTE_MAX_WORDS = 60
# Furniture clusters end where a real paragraph starts again.
ZONE_END_WORDS = 15
# In a saved page, a paragraph this long is the article's whatever furniture words it holds
# ("... and subscribe to our channel for updates."): a notice, a form's text or a contact
# line is shorter, and the page's own furniture is what trafilatura has cut.
PAGE_PARAGRAPH_WORDS = 60
# The lines of the header next to the article, read first for its byline and date.
_NEAR_HEADER = 12
# Metadata lines of a text dump's header: (Cleaned field, parser, report rule).
_HEADER_FIELDS = (
    ("date", meta.parse_date, "a date line"),
    ("reading_time", meta.reading_time, "a reading-time line"),
    ("author", meta.byline, "a byline"),
)


@dataclass
class Cleaned:
    blocks: list[Block]
    title: str = ""
    title_derived: bool = False
    author: str = ""
    date: datetime | None = None
    reading_time: int | None = None
    tag_hints: list[str] = field(default_factory=list)
    # Every corpus-signal lookup this cleaning made, and its answer: a cached cleaning
    # stays valid while the same lookups give the same answers (prepare.py).
    signal: dict[str, bool] = field(default_factory=dict)

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.role == "body"]

    @property
    def removed(self) -> list[Block]:
        return [b for b in self.blocks if b.role != "body"]

    @property
    def author_note(self) -> str:
        return " ".join(b.plain for b in self.blocks if b.role == "author_note")


def metadata_fields(block: Block, cleaned: "Cleaned | None" = None) -> list[tuple]:
    """The header fields (name, parser, rule) this line gives, as a date, byline or
    reading-time line ("By Ann Lee | 12/10/2020" gives two); with `cleaned`, only those it
    has not got yet."""
    plain = block.plain.strip()
    return [f for f in _HEADER_FIELDS if not (cleaned and getattr(cleaned, f[0])) and f[1](plain)]


def list_items(blocks: list[Block], i: int) -> list[int]:
    """Indices of the items of the list that blocks[i] introduces: its bulleted items, or,
    where the dump lost its bullets, the short lines below it. An inline insert may stand
    between the introduction and the list, not inside the list."""
    start = next((k for k in range(i + 1, len(blocks)) if not _inline_furniture(blocks[k])), len(blocks))
    bulleted = start < len(blocks) and blocks[start].kind == "li"
    items = []
    for k in range(start, len(blocks)):
        block = blocks[k]
        if not _recurring_or_body(block):
            break
        if bulleted and block.kind != "li":
            break
        if not bulleted and (block.kind != "p" or block.words >= ZONE_END_WORDS or introduces_list(block)):
            break
        items.append(k)
    return items


def _recurring_or_body(block: Block) -> bool:
    return block.role == "body" or block.furniture == "recurring"


def _inline_furniture(block: Block) -> bool:
    """A furniture line dropped into the article on its own ("Also read: ..."), not the
    start of a block of furniture."""
    return block.role == "furniture" and block.furniture != "recurring" and not block.extra.get("starts_zone")


def _neighbour(blocks: list[Block], i: int, step: int) -> Block | None:
    """The nearest article block on one side of blocks[i], past recurring lines and
    inline furniture; None when other furniture (or nothing) comes first."""
    k = i + step
    while 0 <= k < len(blocks):
        block = blocks[k]
        if block.role == "body":
            return block
        if block.furniture != "recurring" and not _inline_furniture(block):
            return None
        k += step
    return None


class Cleaner:
    """One configured cleaner: furniture rules and the corpus signal for this build."""

    def __init__(self, boilerplate, recurring: frozenset = frozenset(), title_max_chars: int = 110,
                 model: "lines.Model | None" = None):
        self.boilerplate = boilerplate
        self.recurring = recurring
        self.title_max_chars = title_max_chars
        self.model = model
        self.span = ArticleSpan(model) if model is not None else None

    def stands_alone(self, line: str) -> bool:
        """Lines never joined to a wrapped paragraph: furniture and separators."""
        return bool(_SEPARATOR.match(line)) or self.boilerplate.match(line) is not None

    # -- stage 1: rules -------------------------------------------------------------
    def apply_rules(self, blocks: list[Block], hints: list[str], saved_page: bool = False) -> None:
        for block in blocks:
            plain = block.plain.strip()
            tags = _TAGS_LINE.match(plain)
            if tags and block.words <= 30:
                hints.extend(t.strip() for t in re.split(r"[,;|]", tags["tags"]) if t.strip())
                block.drop("tags", "a Tags: line (kept as tag hints)", "tags")
            elif _SEPARATOR.match(plain):
                block.drop("furniture", "a separator line", "separator")
            elif block.words <= AUTHOR_NOTE_MAX_WORDS and self.boilerplate.author_note(plain):
                block.drop("author_note", "an author bio line, shown apart from the body")
            else:
                rule = self.boilerplate.match(block.text)
                if rule and not (saved_page and block.words >= PAGE_PARAGRAPH_WORDS):
                    block.drop("furniture", rule.name, rule.kind)
                    block.extra["starts_zone"] = rule.starts_zone and rule.short_only
                elif block.extra.get("recurring"):
                    block.drop("furniture", "recurs across many dumps (corpus signal)", "recurring")

    # -- stage 2: zones ---------------------------------------------------------------
    @staticmethod
    def prose_span(blocks: list[Block]) -> tuple[int, int] | None:
        prose = [i for i, b in enumerate(blocks) if b.role == "body" and is_prose(b)]
        return (prose[0], prose[-1]) if prose else None

    def model_titles(self, blocks: list[Block], first: int) -> list[int]:
        """The lines above the article, and its first line, that the headline model likes,
        best first: the header may turn its first choice into a byline or date, and then
        the next one is taken."""
        probabilities = [b.extra.get("p", 0.0) for b in blocks]
        rows = lines.title_rows(blocks, first, probabilities, metadata_fields, self.model.stopwords)
        scored = list(zip(self.model.title.shares([row for _, row in rows]), (i for i, _ in rows)))
        for score, i in scored:
            blocks[i].extra["title_p"] = score
        return [i for score, i in sorted(scored, reverse=True) if score >= self.model.title_threshold]

    def read_header(self, header: list[Block], cleaned: Cleaned, ranked: list[int] = (), headline: bool = False) -> None:
        """Title, author, date and reading time from the lines above the article; with
        `headline`, its last line is the headline the model took from the article's top."""
        # The byline and date next to the article are read first: a masthead's date at the
        # top of the page is the day the page was saved.
        for block in header[-_NEAR_HEADER:]:
            if _recurring_or_body(block):
                self._read_fields(block, cleaned)
        candidates = []
        for i, block in enumerate(header):
            if not _recurring_or_body(block) or self._read_fields(block, cleaned):
                continue
            if metadata_fields(block):  # the date or byline again ("Updated ...")
                block.drop("furniture", "a date or byline line read already", "header")
                continue
            candidates.append(i)
        # The title is the first line of some length; other articles' related-post lists
        # repeat titles, so a recurring line is a title only when nothing else can be.
        # A paragraph of prose is a standfirst, not a title, unless shaped as a headline.
        prose = [i for i in candidates if not headline_shaped(header[i]) and is_prose(header[i])
                 and not (headline and i == len(header) - 1)]
        candidates = [i for i in candidates if i not in prose]
        fresh = [i for i in candidates if header[i].furniture != "recurring"]
        title_at = next((i for i in ranked if i in candidates), None)
        if title_at is None:
            title_at = next((i for i in fresh + candidates if header[i].words >= 4), None)
        if title_at is None and fresh:
            title_at = max(fresh, key=lambda i: header[i].words)
        for i in candidates:
            block = header[i]
            if block.furniture == "recurring" and i != title_at:
                continue
            if i == title_at and not cleaned.title:
                cleaned.title = block.plain.strip()
                block.drop("title", "the title line")
            elif not cleaned.author and meta.looks_like_name(block.plain) and self._in_byline_place(header, i, title_at):
                cleaned.author = block.plain.strip()
                block.drop("author", "a bare byline next to the date")
            elif self._standfirst(block, title_at is not None and i > title_at):
                block.extra["standfirst"] = True
            else:
                block.drop("furniture", "above the article (header)", "header")
        # Without the model a paragraph of prose above the article is its standfirst; the
        # model tells a standfirst from a cookie notice or a teaser above the headline.
        for i in prose:
            if self.model is None or self._standfirst(header[i], title_at is None or i > title_at):
                header[i].extra["standfirst"] = True
            else:
                header[i].drop("furniture", "above the article (header)", "header")

    @staticmethod
    def _read_fields(block: Block, cleaned: Cleaned) -> bool:
        """Read the header fields this line gives that `cleaned` has not got yet."""
        fields = metadata_fields(block, cleaned)
        for name, parse, _ in fields:
            setattr(cleaned, name, parse(block.plain.strip()))
        if fields:
            block.drop(fields[0][0], " and ".join(rule for _, _, rule in fields))
        return bool(fields)

    def _standfirst(self, block: Block, below_title: bool) -> bool:
        """A sentence below the headline that the line model reads as the article's: the
        standfirst, which opens the article."""
        return (
            below_title
            and self.model is not None
            and block.words >= PROSE_MIN_WORDS
            and block.extra.get("p", 0.0) >= self.model.threshold
            and running_words(block.plain)
        )

    @staticmethod
    def article_start(blocks: list[Block], first: int) -> int:
        """Where the article starts: at its first paragraph of prose, unless byline or date
        lines follow that paragraph, which makes it the headline (a headline can read like
        prose: a question of a dozen words) or a standfirst above the byline; or unless it
        is shaped as a headline and opens the dump with nothing above that could be one."""
        end = None
        for i in range(first + 1, len(blocks)):
            block = blocks[i]
            if not _recurring_or_body(block):
                continue
            if is_prose(block) or not metadata_fields(block):  # "By contrast, ..." is no byline
                break
            end = i + 1
        if end is None:
            if not headline_shaped(blocks[first]) or any(_recurring_or_body(b) for b in blocks[:first]):
                return first
            end = first + 1
        after = (i for i in range(end, len(blocks)) if blocks[i].role == "body" and is_prose(blocks[i]))
        return next(after, first)

    @staticmethod
    def _in_byline_place(header: list[Block], i: int, title_at: int | None) -> bool:
        """A bare name is a byline: right under the headline or a byline's label ("By"),
        or two lines at most from the date, with neither the headline nor a paragraph
        between them (a section name or a button is no byline)."""
        if i > 0 and (i - 1 == title_at or meta.byline_label(header[i - 1].plain)):
            return True
        for side in (range(i - 1, max(-1, i - 3), -1), range(i + 1, min(len(header), i + 3))):
            for k in side:
                if header[k].role == "date":
                    return True
                if k == title_at or is_prose(header[k]):
                    break
        return False

    def _closing_bios(self, blocks: list[Block], first: int, last: int) -> int:
        """An author box that closes the article ("Jane Doe is a reporter who covers ...")
        is the author's note, not the article's last paragraph: the new last paragraph."""
        while (last > first and blocks[last].words <= AUTHOR_NOTE_MAX_WORDS
               and self.boilerplate.author_note(blocks[last].plain.strip(), closing=True)):
            blocks[last].drop("author_note", "an author bio closing the article")
            last = max((i for i in range(first, last) if blocks[i].role == "body" and is_prose(blocks[i])), default=first)
        return last

    def mark_trailer(self, blocks: list[Block], last: int) -> None:
        """Below the last paragraph only a list or quote the paragraph introduces survives:
        its bulleted items, or the short lines of a list that lost its bullets."""
        open_intro = blocks[last].plain.rstrip().endswith(":")
        items = list_items(blocks, last) if open_intro else []
        # the page's byline or date under the article ends the list
        items = set(items[: next((n for n, k in enumerate(items) if metadata_fields(blocks[k])), len(items))])
        for k in range(last + 1, len(blocks)):
            block = blocks[k]
            if block.role != "body":
                open_intro = False
                continue
            if open_intro and (block.kind in ("li", "quote") or k in items):
                continue
            open_intro = False
            block.drop("furniture", "below the article (trailer)", "trailer")

    # -- stage 3: smoothing -----------------------------------------------------------
    @staticmethod
    def smooth(blocks: list[Block], saved_page: bool = False) -> None:
        """saved_page: the dump is trafilatura's document of a page. It marks its headings,
        and a heading the rules let pass starts a section of the article, a recipe's
        "Ingredients" say. Its menus are already gone, so lines the corpus signal alone
        took (a recipe's quantities, "1", recur on many pages) make no cluster around
        the line between them."""

        def introduces_prose(i: int) -> bool:
            """A subheading above a paragraph (furniture aside) is article, even among furniture."""
            if not (blocks[i].kind == "h" or looks_like_heading(blocks[i])):
                return False
            nxt = next((b for b in blocks[i + 1 :] if b.role != "furniture"), None)
            return nxt is not None and nxt.role == "body" and is_prose(nxt)

        zone = None
        for i, block in enumerate(blocks):
            if block.role == "furniture" and block.extra.get("starts_zone"):
                zone = block.furniture
            elif block.role == "body" and zone:
                # A related-posts heading has at least one item: the line under it is one,
                # however much it looks like a subheading (unless the heading carried its
                # item: "Read more: ...").
                starter = blocks[i - 1]
                first_item = (zone == "related" and starter.extra.get("starts_zone")
                              and not carries_item(starter))
                if not first_item and (introduces_prose(i) or saved_page and block.kind == "h"):
                    zone = None
                elif block.words < ZONE_END_WORDS or block.kind == "li":
                    block.drop("furniture", f"inside a {zone} block", zone)
                else:
                    zone = None
            else:  # an article block, or the title, byline or date: the cluster is over
                zone = None
        for i, block in enumerate(blocks):
            if block.role != "body" or block.words >= ZONE_END_WORDS or 0 == i or i == len(blocks) - 1:
                continue
            before, after = blocks[i - 1], blocks[i + 1]
            if saved_page and before.furniture == after.furniture == "recurring":
                continue
            if before.role == "furniture" and after.role == "furniture" and not is_prose(block) and not introduces_prose(i):
                block.drop("furniture", "a short line between furniture", before.furniture)

    # -- stage 4: structure -----------------------------------------------------------
    @staticmethod
    def mark_headings(blocks: list[Block]) -> None:
        """Short lines before a paragraph are subheadings; a standfirst, however short and
        unpunctuated, opens the article as a paragraph."""
        body = [b for b in blocks if b.role == "body"]
        for i, block in enumerate(body[:-1]):
            nxt = body[i + 1]
            if (looks_like_heading(block) and not is_prose(block) and not block.extra.get("standfirst")
                    and nxt.kind in ("p", "li", "quote") and not looks_like_heading(nxt)):
                block.kind = "h"

    def protect_recurring(self, blocks: list[Block]) -> None:
        """The corpus signal judges lines one by one; the article's structure judges them
        as parts of a whole. A line that recurs in other dumps is still this article's when
        - a list is introduced by the article: a line ending with ":" right below a
          paragraph, list item or subheading, with its items, unless every line of that
          list recurs (then it is the site's own box, a related-posts list say);
        - it is a subheading: shaped as one (or marked as one by the page), with article
          text above it and a paragraph (or a list's introduction) below it.
        Furniture dropped in between on its own ("Also read: ...") does not part them."""
        for i, block in enumerate(blocks):
            if not _recurring_or_body(block) or not introduces_list(block):
                continue
            above = _neighbour(blocks, i, -1)
            items = list_items(blocks, i)
            unit = [blocks[i]] + [blocks[k] for k in items]
            if (
                above is not None
                and (is_prose(above) or above.kind in ("li", "h") or looks_like_heading(above))
                and len(items) >= 2
                and not all(b.furniture == "recurring" for b in unit)
            ):
                for member in unit:
                    member.restore()
        for i, block in enumerate(blocks):
            if block.furniture == "recurring" and (block.kind == "h" or looks_like_heading(block)):
                above, below = _neighbour(blocks, i, -1), _neighbour(blocks, i, 1)
                if (
                    above is not None
                    and (is_prose(above) or above.kind == "li")
                    and below is not None
                    and (is_prose(below) or introduces_list(below))
                ):
                    block.restore()

    def locate(self, blocks: list[Block], cleaned: Cleaned, has_header: bool = True) -> tuple[int, int] | None:
        """Rules, then where the article's prose runs: (first, last) block, or None."""
        for block in blocks:
            block.extra["recurring"] = bool(block.plain) and self._recurs(block, cleaned.signal)
        self.apply_rules(blocks, cleaned.tag_hints, saved_page=not has_header)
        self.protect_recurring(blocks)
        span = self.prose_span(blocks)
        if span is not None and has_header and self.span is not None:
            span = self.span.find(blocks, *span)
        return span

    def clean(self, blocks: list[Block], has_header: bool = True) -> Cleaned:
        """Run the stages over blocks from either kind of dump."""
        cleaned = Cleaned(blocks)
        span = self.locate(blocks, cleaned, has_header)
        if span is None:
            return cleaned
        first, last = span
        last = self._closing_bios(blocks, first, last)
        if has_header:
            first = self.article_start(blocks, first)
            ranked = self.model_titles(blocks, first) if self.model is not None else []
            headline = ranked[:1] == [first]  # the first line the span took is the headline
            first += headline
            self.read_header(blocks[:first], cleaned, ranked, headline)
            self.mark_trailer(blocks, last)
        self.smooth(blocks, saved_page=not has_header)
        self.mark_headings(blocks)
        return cleaned

    def _recurs(self, block: Block, signal: dict[str, bool]) -> bool:
        if is_prose(block) and block.words >= 20:
            return False
        key = line_key(block.text)
        signal[key] = key in self.recurring
        return signal[key]

    def finish(self, cleaned: Cleaned) -> Cleaned:
        """Derive a title from the lede when the dump has none."""
        if not cleaned.title:
            lede = next((b for b in cleaned.body if b.kind == "p"), None)
            if lede is not None:
                cleaned.title = meta.derive_title(lede.plain, self.title_max_chars)
                cleaned.title_derived = True
        return cleaned
