"""Which mentions count, and how much: position, frequency and evidence for ambiguous names."""
import re
from dataclasses import dataclass

from .text import fold, sentences

# Where a mention stands says how central it is: the title and the lede state the subject,
# subheadings structure it, a quotation is someone else's words.
ROLE_WEIGHTS = {"title": 4.0, "heading": 2.0, "lede": 2.0, "body": 1.0, "item": 1.0, "quote": 0.5}
ORIGIN_WEIGHT = 0.5  # a system or group stands weakly for its country ("Hwasong-17" -> North Korea)
_PREV_WORD = re.compile(r"([A-Z][\w'.-]*) $")
_NEXT_WORD = re.compile(r" ([A-Z][\w'-]*)")


@dataclass
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


class SentenceTexts:
    """The folded text of each sentence, folded when first asked for: only a sentence
    holding an ambiguous name or an entity with negative words is ever read."""

    def __init__(self, spans):
        self.spans = spans  # (block text, start, end) per sentence
        self.folded = {}

    def __getitem__(self, index):
        folded = self.folded.get(index)
        if folded is None:
            text, start, end = self.spans[index]
            folded = self.folded[index] = fold(text[start:end])
        return folded


def occurrences(blocks, matcher, origins):
    """Every mention in the article with its block, sentence and name-likeness resolved,
    plus a weak mention of a system's or group's country (`origins`)."""
    out, spans, sid = [], [], 0
    for bi, block in enumerate(blocks):
        text, role = block.text, block.role
        mentions = matcher.find(text)
        j = 0
        for s_start, s_end in sentences(text):
            spans.append((text, s_start, s_end))
            while j < len(mentions) and mentions[j].start < s_end + 1:
                m = mentions[j]
                form = m.form
                j += 1
                if form.ambiguous and role not in ("title", "heading") and _name_like(text, m, s_start, mentions):
                    continue
                out.append(Occurrence(form.entity, form.weight, role, bi, sid, m.start, m.end, form.ambiguous))
                origin = origins.get(form.entity)
                if origin is not None:
                    out.append(Occurrence(origin, ORIGIN_WEIGHT, role, bi, sid, m.start, m.end, False, True))
            sid += 1
    return out, SentenceTexts(spans)


def _name_like(text, mention, sentence_start, mentions):
    """"Michael Jordan", "Chad Johnson": a capitalised word glued to the name mid-sentence
    makes it part of a person's or place's name rather than the country."""
    before = text[sentence_start:mention.start]
    prev = _PREV_WORD.search(before)
    if prev and prev.start() > 0:
        return True
    nxt = _NEXT_WORD.match(text, mention.end)
    return bool(nxt) and nxt.start(1) not in {m.start for m in mentions}


def resolve(occs, sentence_texts, cues):
    """Drop ambiguous mentions without support: another unambiguous name of the same entity
    in the article, or, in the same sentence, another topic or a political cue word, and
    none of the entity's negative words ("roast", "porcelain")."""
    sure, by_sentence = set(), {}
    for o in occs:
        if not o.ambiguous:
            sure.add(o.entity)
            by_sentence.setdefault(o.sentence, set()).add(o.entity)
    kept = []
    for o in occs:
        if o.entity.negative and o.entity.negative.search(sentence_texts[o.sentence]):
            continue
        if o.ambiguous:
            others = by_sentence.get(o.sentence, set()) - {o.entity}
            if o.entity not in sure and not others and not (cues and cues.search(sentence_texts[o.sentence])):
                continue
        kept.append(o)
    return kept


def scores(occs):
    """Salience per entity (position-weighted mention count), and the entities the text
    names itself: a country only implied by its weapon is no topic of its own."""
    out, named = {}, set()
    for o in occs:
        out[o.entity] = out.get(o.entity, 0.0) + ROLE_WEIGHTS[o.role] * o.weight
        if not o.derived:
            named.add(o.entity)
    return out, named
