"""Which mentions count, and how much: position, frequency and evidence for ambiguous names."""
import re
from dataclasses import dataclass

from .text import fold, sentences, spaced

# Where a mention stands says how central it is: the title and the lede state the subject,
# subheadings structure it, a quotation is someone else's words.
ROLE_WEIGHTS = {"title": 4.0, "heading": 2.0, "lede": 2.0, "body": 1.0, "item": 1.0, "quote": 0.5}
ORIGIN_WEIGHT = 0.5  # a system or group stands weakly for its country ("Hwasong-17" -> North Korea)
_STATED = frozenset(("title", "lede"))  # where a writer states what the piece is about
_PARAGRAPHS = frozenset(("body", "item", "quote"))  # where a topic the title and lede do not name must recur
_PREV_WORD = re.compile(r"([A-Z][\w'.-]*) $")
_NEXT_WORD = re.compile(r" ([A-Z][\w'-]*)")


@dataclass(slots=True)
class Occurrence:
    entity: object
    weight: float
    role: str
    block: int
    sentence: int  # index over the whole article, so pairs can be counted per sentence
    start: int
    end: int
    ambiguous: bool
    derived: bool = False  # stands for a system's or group's country, not a mention of it
    why: str = ""  # why the mention does not count (empty: it counts)


class SentenceTexts:
    """The folded text of each sentence, cut when first asked for: only the sentences
    where a name needs support, a negative word may stand, or two parties meet are read.
    `spaced` gives it spaced out, as word sets read it."""

    def __init__(self, spans, folded_blocks):
        self.spans = spans  # (block index, start, end) per sentence that has a mention
        self.blocks = folded_blocks  # fold() of each block's text: a sentence is a slice of it
        self.folded, self.spaced_out = {}, {}

    def spaced(self, index):
        text = self.spaced_out.get(index)
        if text is None:
            text = self.spaced_out[index] = spaced(self[index])
        return text

    def __getitem__(self, index):
        folded = self.folded.get(index)
        if folded is None:
            block, start, end = self.spans[index]
            folded = self.folded[index] = self.blocks[block][start:end]
        return folded

    def article(self):
        """The whole folded text, block by block."""
        return "\n".join(self.blocks)

    def article_spaced(self):
        return spaced(self.article())


@dataclass
class Reference:
    """"the agreement": a signal that refers back to the last-named topic of `kind`."""

    kind: str
    role: str
    block: int
    start: int


@dataclass
class Reading:
    """What one pass over an article found: every mention (with why it does not count,
    if it does not), references back, and the count of sport words and score lines; then
    (resolve) the count of politics words and whether it is a sports story."""

    occs: list
    texts: SentenceTexts
    refs: list
    sport: int = 0
    politics: int = 0
    sporty: bool = False


# A score line ("won 4-1", "16.5-11.5"): one side's points, a dash, the other's. Years
# ("2012-13") have four digits on the left, so they are not taken for one.
_SCORE = re.compile(r"(?<![\w.,/-])\d{1,3}(?:\.5)?[-\u2013]\d{1,3}(?:\.5)?(?![\w/-]|[.,]\d)")


def occurrences(blocks, matcher, origins):
    """Every mention in the article with its block, sentence and name-likeness resolved,
    plus a weak mention of a system's or group's country (`origins`), the references back
    and the count of sport words and score lines. Sentences are numbered across the
    article, counting only those up to the last mention of their block."""
    out, spans, refs, folded, sid = [], [], [], [], 0
    sport = 0
    for bi, block in enumerate(blocks):
        text, role = block.text, block.role
        folded.append(fold(text))
        mentions, found = matcher.find(text, folded[-1])
        for start, signal in found:
            if signal.sport:
                sport += 1
            for kind in signal.refers:
                refs.append(Reference(kind, role, bi, start))
        if not mentions:  # its sentences are never asked for: only mentions have one
            continue
        j = 0
        for s_start, s_end in sentences(text):
            spans.append((bi, s_start, s_end))
            while j < len(mentions) and mentions[j].start < s_end + 1:
                m = mentions[j]
                form = m.form
                j += 1
                o = Occurrence(form.entity, form.weight, role, bi, sid, m.start, m.end, form.ambiguous)
                if form.ambiguous and role not in ("title", "heading") and _name_like(text, m, s_start, mentions):
                    o.why = "part of a longer name"
                out.append(o)
                origin = origins.get(form.entity)
                if origin is not None and not o.why:
                    out.append(Occurrence(origin, ORIGIN_WEIGHT, role, bi, sid, m.start, m.end, False, True))
            sid += 1
            if j == len(mentions):
                break
    if sport > 1:  # score lines only say "sport" beside sport words ("2-3 weeks" is no score)
        sport += len(_SCORE.findall("\n".join(b.text for b in blocks)))
    return Reading(out, SentenceTexts(spans, folded), refs, sport)


def _name_like(text, mention, sentence_start, mentions):
    """"Michael Jordan", "Chad Johnson": a capitalised word glued to the name mid-sentence
    makes it part of a person's or place's name rather than the country."""
    before = text[sentence_start:mention.start]
    prev = _PREV_WORD.search(before)
    if prev and prev.start() > 0:
        return True
    nxt = _NEXT_WORD.match(text, mention.end)
    return bool(nxt) and nxt.start(1) not in {m.start for m in mentions}


def resolve(reading, words, sport_min):
    """Mark the mentions that do not count, with why: in a sports story (`sport_min` sport
    words or score lines, more than politics words) a country is a team unless its
    sentence speaks of states; any entity's negative words ("roast", "porcelain") in the
    sentence; and an ambiguous name needs support: another unambiguous name of the same
    entity in the article, or, in its sentence, evidence for its kind (a political cue for
    a country) and no negative word of it anywhere in the article. `words` are the
    taxonomy's word sets."""
    occs, texts = reading.occs, reading.texts
    states = False  # in a sports story, whether any sentence speaks of states
    if reading.sport >= sport_min:
        whole = texts.article_spaced()
        reading.politics = words["cue"].count(whole, reading.sport)  # enough to compare
        reading.sporty = reading.sport > reading.politics
        states = reading.sporty and words["state"].found_in(whole)
    sporty = reading.sporty
    sure = article = None  # worked out for the first ambiguous name that needs them
    kept = []
    for o in occs:
        if o.why:
            continue
        entity = o.entity
        if sporty and (entity.party or o.ambiguous) and not (
                states and words["state"].found_in(texts.spaced(o.sentence))):
            o.why = "sports story: a team, not the state" if entity.party else "sports story: a namesake"
            continue
        negative = entity.negative
        if negative is not None and negative.search(texts[o.sentence]):
            o.why = "negative word in the sentence"
            continue
        if o.ambiguous and sure is None:
            sure = {o.entity for o in occs if not o.ambiguous and not o.why}
        if o.ambiguous and entity not in sure:
            if negative is not None:
                article = article if article is not None else texts.article()
                if negative.search(article):
                    o.why = "ambiguous, and negative words in the article"
                    continue
            if not words["evidence:" + entity.kind].found_in(texts.spaced(o.sentence)):
                o.why = f"ambiguous, no {entity.kind} evidence in the sentence"
                continue
        kept.append(o)
    return kept


def scores(occs, refs, refer_weight):
    """Salience per entity (position-weighted mention count, plus `refer_weight` per
    reference back to it); the entities the text names itself (a country only implied by
    its weapon is no topic of its own); those it names where it states its subject (the
    title or the lede) or refers back to; and the (entity, paragraph) pairs of its other
    mentions (body, list item or quote), from which `paragraphs` counts."""
    out, named, stated, placed = {}, set(), set(), set()
    for o in occs:
        entity, role = o.entity, o.role
        out[entity] = out.get(entity, 0.0) + ROLE_WEIGHTS[role] * o.weight
        if not o.derived:
            named.add(entity)
            if role in _STATED:
                stated.add(entity)
            elif role in _PARAGRAPHS:
                placed.add((entity, o.block))
    if refs:
        # Mentions and references are both in text order: walk them side by side.
        last, i, n = {}, 0, len(occs)  # kind -> the last-named entity of that kind
        for ref in refs:
            while i < n and (occs[i].block, occs[i].start) < (ref.block, ref.start):
                if not occs[i].derived:
                    last[occs[i].entity.kind] = occs[i].entity
                i += 1
            entity = last.get(ref.kind)
            if entity is not None:
                out[entity] += ROLE_WEIGHTS[ref.role] * refer_weight
                stated.add(entity)
    return out, named, stated, placed


def paragraphs(placed, entity):
    """In how many paragraphs the text names `entity` (`placed`: from scores)."""
    return sum(1 for e, _ in placed if e is entity)
