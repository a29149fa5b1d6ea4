"""Decide, block by block, what is the article and what is furniture.

The same decisions apply to text and HTML dumps once both are blocks:
1. rules: each block is tried against the furniture patterns (boilerplate.py) and the
   corpus signal (a line found in many dumps, corpus.py); the article's structure
   overrules the signal for a list the article introduces and a subheading;
2. zones: the article runs from its first to its last real paragraph of prose. Above it
   is the header (title, byline, date: read into metadata by header.py, never published
   as body; a "paragraph" that byline or date lines follow is the headline, or a standfirst);
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
from .blocks import Block, all_bold, line_key
from .header import ENTRY_BLOCKS, Header, dated_entries, drop_as_fields, metadata_fields
from .prose import HEADING_MAX_WORDS, carries_item, introduces_list, is_prose, looks_like_heading, running_words
from .span import SAID_WORDS, ArticleSpan, prose_in

# A text dump parts its paragraphs with blank lines when this share of its lines has one above.
SPACED_SHARE = 0.2
_SEPARATOR = re.compile(r"^[\s\-_=*~#.•·]{3,}$")
_TAGS_LINE = re.compile(r"^(?:tags?|topics?|filed under|categories)\s*:\s*(?P<tags>.+)$", re.I)
AUTHOR_NOTE_MAX_WORDS = 60
# Furniture clusters end where a real paragraph starts again.
ZONE_END_WORDS = 15
# In a saved page, a paragraph this long is the article's whatever furniture words it holds
# ("... and subscribe to our channel for updates."): a notice, a form's text or a contact
# line is shorter, and the page's own furniture is what trafilatura has cut.
PAGE_PARAGRAPH_WORDS = 60
_RECURRING_RULE = "recurs across many dumps (corpus signal)"
# A saved page's article shows its own date, byline or reading-time line (of at most
# metadata's DATE_LINE_MAX_WORDS) among its first LEADING_BLOCKS blocks.
LEADING_BLOCKS = 6


@dataclass
class Cleaned:
    blocks: list[Block]
    title: str = ""
    title_derived: bool = False
    author: str = ""
    date: datetime | None = None
    reading_time: int | None = None
    tag_hints: list[str] = field(default_factory=list)
    # The article is a long run of lines without prose (span.ArticleSpan.without_prose).
    without_prose: bool = False
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


def list_items(blocks: list[Block], i: int) -> list[int]:
    """Indices of the items of the list that blocks[i] introduces: its bulleted items, or,
    where the dump lost its bullets, the short lines below it. An inline insert may stand
    between the introduction and the list, not inside the list."""
    start = next((k for k in range(i + 1, len(blocks)) if not _inline_furniture(blocks[k])), len(blocks))
    bulleted = start < len(blocks) and blocks[start].kind == "li"
    items = []
    for k in range(start, len(blocks)):
        block = blocks[k]
        if not block.body_or_recurring():
            break
        if bulleted and block.kind != "li":
            break
        if not bulleted and (block.kind != "p" or block.words >= ZONE_END_WORDS or introduces_list(block)):
            break
        items.append(k)
    return items


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


def _closing_table(blocks: list[Block], last: int) -> int:
    """The last row of a table right under blocks[last] (a heading between them aside), or
    last: the table closes the article as a list would. Two rows of it at least must be
    left by the rules (not a head row over rows of contact lines)."""
    k = last + 1
    if (k + 1 < len(blocks) and blocks[k].role == "body" and "table" not in blocks[k].extra
            and looks_like_heading(blocks[k])):
        k += 1
    table = blocks[k].extra.get("table") if k < len(blocks) else None
    end = k
    while end < len(blocks) and table is not None and blocks[end].extra.get("table") == table and blocks[end].role == "body":
        end += 1
    return end - 1 if end - k >= 2 else last


class Cleaner:
    """One configured cleaner: furniture rules and the corpus signal for this build."""

    def __init__(self, boilerplate, recurring: frozenset = frozenset(), title_max_chars: int = 110,
                 model: "lines.Model | None" = None):
        self.boilerplate = boilerplate
        self.recurring = recurring
        self.title_max_chars = title_max_chars
        self.model = model
        self.span = ArticleSpan(model) if model is not None else None
        self.header = Header(model)

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
                    block.drop("furniture", _RECURRING_RULE, "recurring")

    # -- stage 2: zones (the line model's, span.py; the header's, header.py) ------------
    def _closing_bios(self, blocks: list[Block], first: int, last: int) -> int:
        """An author box that closes the article ("Jane Doe is a reporter who covers ...")
        is the author's note, not the article's last paragraph: the new last paragraph."""
        while (last > first and blocks[last].words <= AUTHOR_NOTE_MAX_WORDS
               and self.boilerplate.author_note(blocks[last].plain.strip(), closing=True)):
            blocks[last].drop("author_note", "an author bio closing the article")
            above = prose_in(blocks, first, last - 1)
            last = above[1] if above else first
        return last

    @staticmethod
    def drop_recurring_fields(blocks: list[Block]) -> None:
        """The date and byline lines the corpus signal flagged (locate) that neither the
        header read nor the trailer took: inside the article, a teaser's date or byline."""
        for block in blocks:
            if block.role == "body" and block.extra.get("recurring_field"):
                block.drop("furniture", _RECURRING_RULE, "recurring")

    @staticmethod
    def drop_leading_fields(cleaned: Cleaned) -> None:
        """A saved page's date, byline or reading-time line above the article's first
        paragraph ("Written by: Ann Lee", "May 6, 2022 | News") when the page's metadata
        gives the same fields (its reading time is read from the line): the post's header
        shows them. Not a timeline's first date, with more dates and paragraphs below it."""
        blocks = cleaned.blocks
        body = [i for i, block in enumerate(blocks) if block.role == "body"]
        for n, i in enumerate(body[:LEADING_BLOCKS]):
            block = blocks[i]
            if is_prose(block):
                return
            fields = metadata_fields(block) if block.words <= meta.DATE_LINE_MAX_WORDS else []
            for name, value, _ in fields:  # a page's metadata has no reading time: the line's is read
                if name == "reading_time" and not cleaned.reading_time:
                    cleaned.reading_time = value
            if (fields and all(getattr(cleaned, name) for name, _, _ in fields)
                    and not dated_entries(blocks, body[n + 1 : n + 1 + ENTRY_BLOCKS])):
                drop_as_fields(block, fields, ", which the page's metadata gives")

    @staticmethod
    def mark_thread(blocks: list[Block]) -> None:
        """Readers' comments on a saved page whose markup does not mark them as such
        (trafilatura leaves marked ones out): once the article has said SAID_WORDS words of
        prose, a link to or heading of the comments ("Kommentare", "Comentar", "12
        comments") starts the thread, and the rest of the page is the thread's. Not a reply
        button ("Antworten" heads a list of answers as often) nor a form's field."""
        said = 0
        for i, block in enumerate(blocks):
            if said >= SAID_WORDS and block.furniture == "comment_links" and block.extra.get("starts_zone"):
                for later in blocks[i + 1 :]:
                    if later.role == "body":
                        later.drop("furniture", "readers' comments, below a link to them", "comments")
                return
            if block.role == "body" and is_prose(block):
                said += block.words

    def mark_trailer(self, blocks: list[Block], last: int) -> None:
        """Below the last paragraph only a list or quote the paragraph introduces survives:
        its bulleted items, or the short lines of a list that lost its bullets. A short
        sentence of its own may introduce a bulleted list there too ("The deal has three
        parts:" and its items). A wire story's credit line right under it ("Reporting by
        Ann Lee; Editing by Bo Park") is its last line, and so is a table right under it,
        with a heading of its own or none."""
        if last + 1 < len(blocks) and blocks[last + 1].role == "body" and meta.closing_credit(blocks[last + 1].plain):
            last += 1
        last = _closing_table(blocks, last)
        intro = last
        open_intro = blocks[last].plain.rstrip().endswith(":")
        items = list_items(blocks, last) if open_intro else []
        below = last + 1
        if (not open_intro and below < len(blocks) and blocks[below].role == "body"
                and introduces_list(blocks[below]) and running_words(blocks[below].plain)):
            listed = list_items(blocks, below)
            if sum(blocks[k].kind == "li" for k in listed) >= 2:
                intro, open_intro, items = below, True, listed
        # the page's byline or date under the article ends the list
        items = set(items[: next((n for n, k in enumerate(items) if metadata_fields(blocks[k])), len(items))])
        for k in range(last + 1, len(blocks)):
            block = blocks[k]
            if block.role != "body":
                open_intro = False
                continue
            if open_intro and (k == intro or block.kind in ("li", "quote") or k in items):
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
    def mark_headings(blocks: list[Block], saved_page: bool = False) -> None:
        """Short lines before a paragraph or a table are subheadings; a standfirst, however
        short and unpunctuated, opens the article as a paragraph, and a table's rows are
        its own. A saved page marks its subheadings (trafilatura keeps them): of its other
        short paragraphs only those set in bold are (a byline, a joke's punchline, a
        commenter's name stay paragraphs). In a text dump that parts its paragraphs with
        blank lines, a line right under a short line of the article is a copied list's
        item, not a subheading (on the pool's text dumps, 425 lines that the saved page
        shows as no heading stopped being one, and 73 that it shows as one)."""
        body = [b for b in blocks if b.role == "body"]
        listed = set()  # a copied list's items: right under a short line of the article
        if sum(b.extra.get("spaced", False) for b in blocks) >= SPACED_SHARE * len(blocks):
            listed = {id(b) for above, b in zip(blocks, blocks[1:]) if not b.extra.get("spaced", True)
                      and above.role == "body" and above.words <= HEADING_MAX_WORDS}
        for i, block in enumerate(body[:-1]):
            nxt = body[i + 1]
            if (looks_like_heading(block) and not is_prose(block) and not block.extra.get("standfirst")
                    and (not saved_page or all_bold(block.text)) and id(block) not in listed
                    and "table" not in block.extra
                    and ("table" in nxt.extra or nxt.kind in ("p", "li", "quote") and not looks_like_heading(nxt))):
                block.kind, block.text = "h", block.plain  # bold by being a heading

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
            if not block.body_or_recurring() or not introduces_list(block):
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

    @staticmethod
    def keep_tables(blocks: list[Block]) -> None:
        """A table of rows (a saved page's grid) is judged as a whole. A row of short labels
        reads as a menu ("Name | Price | Link", a vocabulary's "顔 | kao | face"), but in a
        grid it is the table's head or one of its entries: it stays with the table when
        the table's other rows are mostly the article's, or when every row reads that way.
        A grid whose other rows are furniture (a calendar, a footer's columns) loses it too."""
        tables: dict[int, list[Block]] = {}
        for block in blocks:
            if block.kind == "row":
                tables.setdefault(block.extra["table"], []).append(block)
        for rows in tables.values():
            menus = [row for row in rows if row.furniture == "navigation"]
            others = [row for row in rows if row.furniture != "navigation"]
            if menus and 2 * sum(row.role == "body" for row in others) >= len(others):
                for row in menus:
                    row.restore()

    def locate(self, blocks: list[Block], cleaned: Cleaned, has_header: bool = True) -> tuple[int, int] | None:
        """Rules, then where the article's prose runs: (first, last) block, or None."""
        for block in blocks:
            block.extra["recurring"] = bool(block.plain) and self._recurs(block, cleaned.signal)
            # A text dump's date and byline lines are the header's to read, and the line and
            # headline models learned without the corpus signal: one it flags (a month's
            # dates share a key, an author's byline recurs) stays until the header is read.
            if has_header and block.extra["recurring"] and metadata_fields(block):
                block.extra["recurring"], block.extra["recurring_field"] = False, True
        self.apply_rules(blocks, cleaned.tag_hints, saved_page=not has_header)
        self.protect_recurring(blocks)
        self.keep_tables(blocks)
        span = prose_in(blocks, 0, len(blocks) - 1)
        if span is not None and has_header and self.span is not None:
            span = self.span.find(blocks, *span)
        elif span is None and has_header and self.span is not None:
            span = self.span.without_prose(blocks)
            cleaned.without_prose = span is not None
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
            first = self.header.start(blocks, self.header.below_notice(blocks, first, last))
            ranked = self.header.ranked(blocks, first) if self.model is not None else []
            headline = ranked[:1] == [first]  # the first line the span took is the headline
            first += headline
            self.header.read(blocks[:first], cleaned, ranked, headline)
            self.mark_trailer(blocks, last)
            self.drop_recurring_fields(blocks)
        else:
            self.mark_thread(blocks)
        self.smooth(blocks, saved_page=not has_header)
        self.mark_headings(blocks, saved_page=not has_header)
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
