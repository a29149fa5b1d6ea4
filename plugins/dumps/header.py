"""The lines above a text dump's article: its headline, byline, date and reading time, and
a standfirst.

The byline and date next to the article are read first (a masthead's date at the top of
the page is the day the page was saved); the headline is the line the headline model
(lines.py) ranks first among the lines left; a bare name is the byline only where a byline
stands; a sentence below the headline that the line model takes for the article's is the
standfirst, which opens the article. Everything else up there is the site's header, and
so is a little prose the line model liked above the article's own headline and byline.
"""

from functools import lru_cache
from typing import TYPE_CHECKING

from . import lines
from . import metadata as meta
from .blocks import Block
from .prose import PROSE_MIN_WORDS, headline_shaped, is_prose, running_words

if TYPE_CHECKING:
    from .clean import Cleaned

# The lines of the header next to the article, read first for its byline and date.
_NEAR_HEADER = 12
# Prose the line model took for the article's, above a headline and its byline or date
# line, is a notice or a teaser when there is at most this much of it, and the article
# below says at least twice as much.
_NOTICE_WORDS = 150
# A date line again this few blocks below, after a paragraph, makes a dated list.
ENTRY_BLOCKS = 5
# The line right above the one the headline model chose is the headline, and the chosen
# line its standfirst, when the chosen line has at least _STANDFIRST_WORDS and the one
# above is shaped as a headline of at most _HEADLINE_MAX_WORDS that the model gives at
# least _HEADLINE_MIN_SHARE of its ranking. The model learned on German pages, where a
# short line above the headline is a kicker, and English headlines over a standfirst in
# sentence case lose to it. The standfirst's words are counted by spaces: a Chinese or
# Japanese headline runs to as many by blocks.word_count's estimate.
_STANDFIRST_WORDS = 12
_HEADLINE_MAX_WORDS = 12
_HEADLINE_MIN_SHARE = 0.1
# Metadata lines of a text dump's header: (Cleaned field, parser, report rule).
_HEADER_FIELDS = (
    ("date", meta.parse_date, "a date line"),
    ("reading_time", meta.reading_time, "a reading-time line"),
    ("author", meta.byline, "a byline"),
)


def metadata_fields(block: Block, cleaned: "Cleaned | None" = None) -> list[tuple]:
    """The header fields (name, value read, rule) this line gives, as a date, byline or
    reading-time line ("By Ann Lee | 12/10/2020" gives two); with `cleaned`, only those it
    has not got yet."""
    return [f for f in _fields(block.plain.strip()) if not (cleaned and getattr(cleaned, f[0]))]


# Cached: the headline model and the header ask of every line above the article, and a
# site's header lines recur from dump to dump.
@lru_cache(maxsize=1 << 13)
def _fields(plain: str) -> tuple[tuple, ...]:
    read = ((name, parse(plain), rule) for name, parse, rule in _HEADER_FIELDS)
    return tuple(field for field in read if field[1])


def drop_as_fields(block: Block, fields: list[tuple], why: str = "") -> None:
    """Drop a line as the header fields it gives (metadata_fields): its role is the first
    field's, its rule names them all."""
    block.drop(fields[0][0], " and ".join(rule for _, _, rule in fields) + why)


def dated_entries(blocks: list[Block], below: list[int]) -> bool:
    """Whether a paragraph and then another date or byline line follow: the entries of a
    timeline ("Key dates", "March 18, 2014", a paragraph, "February 24, 2022"), a section
    of the article, not its header."""
    told = False
    for k in below:
        if is_prose(blocks[k]):
            told = True
        elif told and metadata_fields(blocks[k]):
            return True
    return False


class Header:
    """Reads a dump's header, with the line and headline models when the build has them."""

    def __init__(self, model: "lines.Model | None"):
        self.model = model

    def ranked(self, blocks: list[Block], first: int) -> list[int]:
        """The lines above the article, and its first line, that the headline model likes,
        best first: the header may turn its first choice into a byline or date, and then
        the next one is taken."""
        probabilities = [b.extra.get("p", 0.0) for b in blocks]
        rows = lines.title_rows(blocks, first, probabilities, metadata_fields, self.model.stopwords)
        scored = list(zip(self.model.title.shares([row for _, row in rows]), (i for i, _ in rows)))
        for score, i in scored:
            blocks[i].extra["title_p"] = score
        return [i for score, i in sorted(scored, reverse=True) if score >= self.model.title_threshold]

    def read(self, header: list[Block], cleaned: "Cleaned", ranked: list[int] = (), headline: bool = False) -> None:
        """Title, author, date and reading time from the lines above the article; with
        `headline`, its last line is the headline the model took from the article's top."""
        # The byline and date next to the article are read first: a masthead's date at the
        # top of the page is the day the page was saved.
        for block in header[-_NEAR_HEADER:]:
            if block.body_or_recurring():
                self._read_fields(block, cleaned)
        candidates = []
        for i, block in enumerate(header):
            if not block.body_or_recurring() or self._read_fields(block, cleaned):
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
        title_rule = "the title line"
        if title_at is not None and title_at - 1 in candidates and self._headline_over(header, title_at - 1, title_at):
            title_at -= 1
            title_rule = "the title line, over the standfirst the headline model ranked first"
        for i in candidates:
            block = header[i]
            if block.furniture == "recurring" and i != title_at:
                continue
            if i == title_at and not cleaned.title:
                cleaned.title = block.plain.strip()
                block.drop("title", title_rule)
            elif not cleaned.author and meta.bare_byline(block.plain) and self._in_byline_place(header, i, title_at):
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
    def _headline_over(header: list[Block], above: int, chosen: int) -> bool:
        """Whether header[above] is the headline over a standfirst chosen as the title: a
        line shaped as a headline, shorter than the chosen line, with lower-case letters (a
        line in capitals is a kicker: "OLYMPICS 2022 IN BEIJING"), that the headline model
        ranks at all."""
        if above < 0 or len(header[chosen].plain.split()) < _STANDFIRST_WORDS:
            return False
        block = header[above]
        plain = block.plain.strip()
        return (
            headline_shaped(block)
            and block.words <= _HEADLINE_MAX_WORDS
            and block.words < header[chosen].words
            and any(map(str.islower, plain))
            and block.extra.get("title_p", 0.0) >= _HEADLINE_MIN_SHARE
        )

    @staticmethod
    def _read_fields(block: Block, cleaned: "Cleaned") -> bool:
        """Read the header fields this line gives that `cleaned` has not got yet."""
        fields = metadata_fields(block, cleaned)
        for name, value, _ in fields:
            setattr(cleaned, name, value)
        if fields:
            drop_as_fields(block, fields)
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
    def below_notice(blocks: list[Block], first: int, last: int) -> int:
        """The article's own header inside the span: a line shaped as a headline with a
        byline or date line right under it, below a little prose and above much more. The
        prose above it is a consent notice, a sidebar's bio or another article's teaser
        that the line model liked; the article starts at the headline. Not a timeline's
        heading, whose dates go on below it (dated_entries)."""
        if any(metadata_fields(b) for b in blocks[max(0, first - _NEAR_HEADER) : first] if b.role == "body"):
            return first  # the article's byline or date stands above the span already
        body = [i for i in range(first, last + 1) if blocks[i].role == "body"]
        total = sum(blocks[i].words for i in body if is_prose(blocks[i]))
        said = 0
        for n, i in enumerate(body[:-1]):
            block = blocks[i]
            if said > _NOTICE_WORDS:
                break
            if (said and total - said > 2 * said and headline_shaped(block)
                    and not metadata_fields(block) and metadata_fields(blocks[body[n + 1]])
                    and not dated_entries(blocks, body[n + 2 : n + 2 + ENTRY_BLOCKS])):
                return i
            if is_prose(block):
                said += block.words
        return first

    @staticmethod
    def start(blocks: list[Block], first: int) -> int:
        """Where the article starts: at its first paragraph of prose, unless byline or date
        lines follow that paragraph, which makes it the headline (a headline can read like
        prose: a question of a dozen words) or a standfirst above the byline; or unless it
        is shaped as a headline and opens the dump with nothing above that could be one."""
        end = None
        for i in range(first + 1, len(blocks)):
            block = blocks[i]
            if not block.body_or_recurring():
                continue
            if is_prose(block) or not metadata_fields(block):  # "By contrast, ..." is no byline
                break
            end = i + 1
        if end is None:
            if not headline_shaped(blocks[first]) or any(b.body_or_recurring() for b in blocks[:first]):
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
