"""Where a text dump's article runs, as the line model (lines.py) sees it.

The article is the run of blocks whose words are most likely the article's: each block
weighs its words by how much its probability exceeds the model's threshold, and the run
is trimmed to its prose. Then the article's structure and the page's furniture move its
end: later prose the model does not rule out, a closing form or a run of teasers, a
recipe card and a listicle's numbered sections. Readers' comments never join it.
"""

import re

from . import lines, metadata, recipes
from .blocks import Block
from .prose import PROSE_MIN_WORDS, carries_item, is_prose, sentence

# Words of prose an article has before a comments zone can end it.
SAID_WORDS = 100
# Comments are dated to the minute, each a few paragraphs below the last: two timestamps
# this close start a thread (or the next post of a listing).
_STAMP_GAP = 8
# A sentence that is not prose by its shape ends the article's span when the line model
# is this sure it is the article's.
_SURE = 0.5
# At most this many words of prose below a furniture block at the span's end are the site's.
_TAIL_WORDS = 80
# The article's span ends at this many short, unlikely lines in a row.
_UNLIKELY_RUN = 3
# A page without prose is published from a run of at least this many lines and characters.
DENSE_MIN_LINES = 20
DENSE_MIN_CHARS = 2000
# A line of code: an assignment, a call or a statement ending in brackets, a block opener.
_CODE = re.compile(r"\w\s*(=|\+=|==|!=)\s*\S|\w\([^)]*\)\s*[:;{]?$|[;{}]\s*$|^\s*(def|class|for|while|if|elif|else|try|except|with)\b.*:$|^\s*(return|import)\s+\S+$")
# A recipe card this many blocks below the span's end is still the article's (a blog post
# above its card); one above the span must touch it, or it is the article on its own.
_CARD_GAP = 30
_CARD_TOUCH = 2
# A numbered section's heading or item ("5. Kristi Dosh", "37) What did ...").
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s*\S")
# Blocks a numbered list's item may run to before the next number.
_ITEM_BLOCKS = 8


def prose_in(blocks: list[Block], start: int, end: int) -> tuple[int, int] | None:
    """The first and last paragraphs of prose from start to end, or None."""
    prose = [i for i in range(start, end + 1) if blocks[i].role == "body" and is_prose(blocks[i])]
    return (prose[0], prose[-1]) if prose else None


class ArticleSpan:
    """The line model's reading of a dump: where its article runs."""

    def __init__(self, model: "lines.Model"):
        self.model = model

    def find(self, blocks: list[Block], first: int, last: int) -> tuple[int, int]:
        """The article's prose span as the line model sees it: the run of blocks whose
        words are most likely the article's (each block weighs its words by how much its
        probability exceeds the model's threshold), trimmed to its prose.

        Readers' comments follow the article: once the page has said something the model
        takes for the article's, the first reply button or comment form ("Leave a reply",
        "Antworten") starts a thread the article does not run into, however much prose it
        holds; so does the first of two timestamps close together ("Ben 19. Juni 2018 um
        15:28 Uhr", a few paragraphs, "Ann, March 3, 2020 at 4:15 pm"), where a page shows
        no reply button the rules know. (Above that, "12 comments" is a link in the
        article's header.)

        Then the article's structure and the page's furniture move its end: later prose
        the model does not rule out (extend), a closing form or a run of teasers
        (_before_closing_zone, _before_teasers), a recipe card (_with_recipe) and a
        listicle's numbered sections (_numbered_on)."""
        probabilities = self._probabilities(blocks)
        threshold = self.model.threshold
        said, thread = 0, len(blocks)
        stamps = [i for i, block in enumerate(blocks) if metadata.timestamp(block.plain)]
        heads = {i for i, j in zip(stamps, stamps[1:]) if j - i <= _STAMP_GAP}
        for i, (block, p) in enumerate(zip(blocks, probabilities)):
            replies = block.furniture == "comments" and block.extra.get("starts_zone")
            if thread == len(blocks) and said >= SAID_WORDS and (replies or i in heads):
                thread = i
            if block.role == "body" and p >= threshold and is_prose(block):
                said += block.words
        span = self._best_run(blocks[:thread], probabilities, threshold)
        if span is None:
            span, thread = self._best_run(blocks, probabilities, threshold), len(blocks)
        elif thread in heads and blocks[thread].role == "body":  # shown in inspect and the report
            blocks[thread].drop("furniture", "a comment's timestamp, where the thread starts", "comments")
        if span is None:
            return first, last
        found = prose_in(blocks, *span)
        if found is None:
            return first, last
        end = self.extend(blocks[:thread], span[1])
        end = max(i for i in range(found[1], end + 1) if i == found[1] or self._says(blocks[i]))
        end = self._before_closing_zone(blocks, found[0], end)
        end = self._before_teasers(blocks, found[0], end)
        start, end = self._with_recipe(blocks, found[0], end)
        return start, self._numbered_on(blocks, start, end)

    @staticmethod
    def _with_recipe(blocks: list[Block], start: int, end: int) -> tuple[int, int]:
        """A recipe card (recipes.py) is the article's, from its ingredients to its last
        step: with the span when the span runs into it or it closely follows the span, on
        its own when the span lies elsewhere (a site's notice the model liked better). Its
        lines that recur in other dumps' cards ("Ingredients", "1") are the card's too."""
        found = recipes.card(blocks)
        if found is None:
            return start, end
        first, last = found
        for block in blocks[first : last + 1]:
            if block.furniture == "recurring":
                block.restore()
                block.rule = "a recipe card's line, though other dumps' cards have it too"
        if first <= end + _CARD_GAP and last >= start - _CARD_TOUCH:
            return min(start, first), max(end, last)
        return first, last  # the span the model found elsewhere is the page's

    def _before_teasers(self, blocks: list[Block], start: int, end: int) -> int:
        """Other articles' teasers, each an excerpt and its own "Read more", read like
        prose. Two bare related-posts headings with no more than an excerpt's prose
        between them are such a listing, and the span ends above the first, when less
        prose follows it than comes before it. (An article holds a related-posts box
        inline, and goes on at length after it.)"""
        bare = [i for i in range(start + 1, end + 1) if blocks[i].furniture == "related" and blocks[i].extra.get("starts_zone")
                and not carries_item(blocks[i])]
        if len(bare) < 2:
            return end
        said = {i: blocks[i].words if self._says(blocks[i]) else 0 for i in range(start, end + 1)}

        def words(a: int, b: int) -> int:  # of prose, from block a to before b, in the span
            return sum(said[i] for i in range(a, b))

        first = next((a for a, b in zip(bare, bare[1:]) if words(a, b) <= _TAIL_WORDS), None)
        if first is None or words(first, end + 1) >= words(start, first):
            return end
        above = [i for i in range(start, first) if said[i] or blocks[i].role == "body" and blocks[i].kind in ("li", "quote")]
        return above[-1] if above else end

    def _before_closing_zone(self, blocks: list[Block], start: int, end: int) -> int:
        """A block of furniture near the end of the span (a sign-up form, share buttons, a
        comment form) closes the article: the little prose below it is the site's (an app
        pitch, a note on comments), not a last paragraph. A related-posts box is left out:
        articles hold one inline ("Related: ...") and go on."""
        zone = next((i for i in range(end, start, -1) if blocks[i].role == "furniture"
                     and blocks[i].extra.get("starts_zone") and blocks[i].furniture != "related"), None)
        if zone is None or sum(b.words for b in blocks[zone + 1 : end + 1] if self._says(b)) > _TAIL_WORDS:
            return end
        above = prose_in(blocks, start, zone - 1)
        return above[1] if above else end

    def _numbered_on(self, blocks: list[Block], start: int, end: int) -> int:
        """A listicle's items ("4. ...", "5. ...") are short and shaped unlike prose, so the
        span can stop inside the list: the sections that go on numbering the article's own
        are the article's, each up to the next number, and the last as long as the shortest
        of the others, or as far as its prose goes."""
        items = [(i, int(m[1])) for i in range(start, end + 1)
                 if blocks[i].role == "body" and (m := _NUMBERED.match(blocks[i].plain))]
        if len(items) < 2 or items[-1][1] - items[-2][1] not in (1, -1):
            return end
        step = items[-1][1] - items[-2][1]
        found = len(items)
        for i in range(end + 1, len(blocks)):
            block = blocks[i]
            if block.role == "furniture" and block.extra.get("starts_zone") or i - max(items[-1][0], end) > _ITEM_BLOCKS:
                break
            number = _NUMBERED.match(block.plain)
            if block.role == "body" and number and int(number[1]) == items[-1][1] + step:
                items.append((i, int(number[1])))
        if len(items) == found:
            return end
        last = items[-1][0]
        length = min(b[0] - a[0] for a, b in zip(items, items[1:]))
        for i in range(last + 1, min(last + length, len(blocks))):
            if blocks[i].role == "furniture" and blocks[i].extra.get("starts_zone"):
                break
            last = i
        return max(last, self.extend(blocks, items[-1][0]))

    def _probabilities(self, blocks: list[Block]) -> list[float]:
        """The line model's probability for each block, kept on the blocks the rules left
        in the article (the others' were never asked for) for inspect and the report."""
        probabilities = lines.content_probabilities(blocks, self.model)
        for block, p in zip(blocks, probabilities):
            if block.role == "body":
                block.extra["p"] = p
        return probabilities

    @staticmethod
    def _densest(blocks: list[Block], probabilities: list[float], threshold: float) -> tuple[int, int] | None:
        """The run of blocks with the most words over the threshold."""
        best, span, total, start = 0.0, None, 0.0, 0
        for i, (block, p) in enumerate(zip(blocks, probabilities)):
            if total <= 0:
                total, start = 0.0, i
            total += (p - threshold) * max(1, block.words)
            if total > best:
                best, span = total, (start, i)
        return span

    @classmethod
    def _best_run(cls, blocks: list[Block], probabilities: list[float], threshold: float) -> tuple[int, int] | None:
        """The densest run, if it holds prose."""
        span = cls._densest(blocks, probabilities, threshold)
        return span if span and prose_in(blocks, *span) else None

    def without_prose(self, blocks: list[Block]) -> tuple[int, int] | None:
        """A page with no sentence of prose can still hold its content: a table of results,
        a catalogue, verse. The run of lines the model takes for the page's is that content
        when it is long, DENSE_MIN_LINES lines and DENSE_MIN_CHARS characters at least (a tag
        cloud, a menu or a stub are not)."""
        probabilities = self._probabilities(blocks)
        span = self._densest(blocks, probabilities, self.model.threshold)
        kept = [b for b in blocks[span[0] : span[1] + 1] if b.role == "body"] if span else []
        if len(kept) >= DENSE_MIN_LINES and sum(len(b.plain) for b in kept) >= DENSE_MIN_CHARS:
            return span
        return None

    def extend(self, blocks: list[Block], end: int) -> int:
        """An article's last sections are often short paragraphs the model is less sure of:
        the span goes on through prose it does not rule out, until a block of furniture
        starts or several short lines in a row are unlikely the article's."""
        unlikely = 0
        for i in range(end + 1, len(blocks)):
            block = blocks[i]
            if block.role == "furniture" and block.extra.get("starts_zone"):
                break
            p = block.extra.get("p", 0.0)
            if block.role == "body" and _CODE.search(block.plain):
                continue  # a code sample's lines say nothing of where the article ends
            unlikely = unlikely + 1 if block.words < PROSE_MIN_WORDS and p < self.model.threshold else 0
            if unlikely >= _UNLIKELY_RUN:
                break
            if block.role == "body" and p >= self.model.extend_threshold and self._says(block):
                end = i
        return end

    def _says(self, block: Block) -> bool:
        """Whether a block can end the article's span: prose, or a sentence the line model
        takes for the article's whatever its capitals (a list of names, an update note) or
        its list marker (an item that is a paragraph)."""
        return block.role == "body" and (
            is_prose(block) or sentence(block) and block.extra.get("p", 0.0) >= _SURE)
