"""Why each topic was given or refused, in words: what `invoke inspect` prints per article.

Each verdict is (given, score, line), so the caller can rank them; the lines name the
mentions that counted and where they stand, those that did not and why, and the score
against the threshold it had to reach.
"""
from collections import Counter

ROLES = ("title", "heading", "lede", "body", "item", "quote")


def story(reading):
    """What kind of story the tagger took the article for, and on what counts."""
    kind = "a sports story: countries are teams" if reading.sporty else "not a sports story"
    politics = f", politics words {reading.politics}{'+' if reading.politics == reading.sport else ''}"
    return f"story: {kind} (sport words and score lines {reading.sport}{politics if reading.politics else ''})"


def _where(occs):
    count = Counter(o.role for o in occs)
    return ", ".join(f"{role} {count[role]}" for role in ROLES if count[role]) or "none"


def _mentions(entity, reading):
    mine = [o for o in reading.occs if o.entity is entity]
    counted = [o for o in mine if not o.why]
    lost = Counter(o.why for o in mine if o.why)
    text = f"mentions: {_where([o for o in counted if not o.derived])}"
    derived = [o for o in counted if o.derived]
    if derived:
        text += f"; through its systems or groups: {_where(derived)}"
    if lost:
        text += "; not counted: " + ", ".join(f"{n} {why}" for why, n in lost.most_common())
    return text


def topic(entity, score, need, given, reading, named, paragraphs=None):
    """The verdict on one entity that has a score; `paragraphs`, for one the title and
    lede do not name, in how many paragraphs it is named."""
    if given:
        why = f"score {score:.1f} >= {need:.1f}"
    elif entity not in named:
        why = "only implied by its systems or groups"
    elif paragraphs is not None and score >= need:
        why = f"score {score:.1f}, but a passing mention: not in the title or lede, named in {paragraphs} paragraph(s)"
    else:
        why = f"score {score:.1f} < {need:.1f}: a passing mention"
    mark = "GIVEN" if given else "refused"
    return given, score, f"{mark:<8} {entity.name} ({entity.kind}): {why}; {_mentions(entity, reading)}"


def unscored(reading, scored):
    """Verdicts on the entities the text names but none of whose mentions counted."""
    seen = set(scored)
    out = []
    for o in reading.occs:
        if o.entity not in seen:
            seen.add(o.entity)
            out.append((False, 0.0, f"refused  {o.entity.name} ({o.entity.kind}): no mention counts; "
                                    f"{_mentions(o.entity, reading)}"))
    return out


def relation(name, evidence, weaker, opts, given):
    """The verdict on one pair of parties the text relates."""
    if given:
        why = "the pair deals with each other and both sides are topics"
    elif evidence < opts["relation_min"]:
        why = "too little evidence of the two dealing with each other"
    else:
        why = "one side is only a passing mention"
    mark = "GIVEN" if given else "refused"
    return given, evidence + weaker, (
        f"{mark:<8} {name} (relation): {why}; pair evidence {evidence:.1f} (needs {opts['relation_min']:.1f}), "
        f"weaker side's score {weaker:.1f} (needs {opts['party_min']:.1f})")
