"""Title, byline, date and reading-time lines: recognising them and reading their values."""

import re
from datetime import datetime, timezone

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_PREFIX = r"^(?:(?:published|posted|updated|last updated|date|dated|on)\s*(?:on)?\s*[:\-]?\s*)?" + _WEEKDAY
_DATE_FORMS = [
    re.compile(_PREFIX + rf"(?P<m>{_MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(_PREFIX + rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTHS})\.?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(_PREFIX + r"(?P<y>\d{4})-(?P<mn>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<t>\d{1,2}:\d{2}(?::\d{2})?)(?P<tz>Z|[+-]\d{2}:?\d{2})?)?", re.I),
]
# A date line may carry a little more ("| 5 min read", "at 10:30 IST"), but not a sentence.
_DATE_LINE_MAX_WORDS = 12
_READING_TIME = re.compile(r"^(?:reading time\s*:?\s*)?(\d{1,3})\s*(?:-\s*)?(?:min(?:ute)?s?)\.?(?:\s+read(?:ing)?)?$", re.I)
_BYLINE = re.compile(r"^(?:by|written by|posted by|author|words by)\s*:?\s+(?P<name>.+)$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|del|der|van|von|bin|ibn|al|el|la|le|di|du|dos|ul)(?:-\w+)?)$")
# Words a cut title should not end on.
_DANGLING = {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "its"}
_MONTH_NUM = {m[:3]: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_date(line: str) -> datetime | None:
    """A date line's date ("February 23, 2022", "11 September 2023", "2022-02-23")."""
    text = line.strip().strip("|•·∙-–— ")
    if len(text.split()) > _DATE_LINE_MAX_WORDS:
        return None
    for form in _DATE_FORMS:
        m = form.match(text)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mn"]) if parts.get("mn") else _MONTH_NUM[parts["m"][:3].lower()]
        try:
            return datetime(int(parts["y"]), month, int(parts["d"]), tzinfo=timezone.utc)
        except ValueError:
            return None
    return None


def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 timestamp from metadata; the calendar date is kept as written."""
    if not value:
        return None
    m = _DATE_FORMS[2].match(value.strip())
    if not m:
        return None
    try:
        return datetime(int(m["y"]), int(m["mn"]), int(m["d"]), tzinfo=timezone.utc)
    except ValueError:
        return None


def reading_time(line: str) -> int | None:
    m = _READING_TIME.match(line.strip().strip("|•·∙ "))
    return int(m.group(1)) if m else None


def looks_like_name(line: str) -> bool:
    """A bare byline: two to five capitalised words, no digits, no sentence punctuation."""
    words = line.strip().split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in line) or line.rstrip()[-1:] in ".!?:;,":
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 and all(_NAME_WORD.match(w) for w in words)


def byline(line: str) -> str | None:
    """The author named by a byline line ("by Jonas Albrecht", "By: A and B")."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    name = re.split(r"\s+[|•·∙]\s+|\s+[-–—]\s+|,\s*(?=\d)|\s+on\s+(?=\w+ \d)", m["name"].strip())[0].strip()
    return name if name and len(name.split()) <= 8 and not any(c.isdigit() for c in name) else None


# A sentence ends at . ! or ? before a capital, digit, quote or the end; not after a lone
# capital ("U.S. officials", "J. Smith").
_SENTENCE = re.compile(r"(.+?(?<!\b[A-Z])[.!?])(?=\s+[A-Z0-9\"“‘'(]|\s*$)")
# Where a clause can end: the mark is kept out of the title.
_CLAUSE_ENDS = re.compile(r"[;:,](?=\s)|\s[—–-]\s")
# Words that open a dependent clause: a title that is only such a clause ("Since the
# junta seized power") leaves the reader waiting for the main one.
_SUBORDINATE = {"after", "although", "as", "because", "before", "if", "once", "since", "though", "unless",
                "until", "when", "whenever", "where", "whereas", "whether", "while"}

# Words that open a phrase a sentence can do without ("left Niamey on a plane | for the
# capital"): a cut right before one leaves a whole clause. Not "and", "or" or "of": before
# those, what is kept may be half a name ("between Turkey | and the United States").
_PHRASE_STARTS = re.compile(r"\s(?=(?:after|against|at|before|despite|during|for|from|in|near|on|since|until|where|"
                            r"which|while|who|with|without)\s)")


def _hangs(head: str) -> bool:
    """True for a cut that keeps only a dependent clause."""
    return "," not in head and head.split(maxsplit=1)[0].lower() in _SUBORDINATE


def derive_title(lede: str, limit: int) -> str:
    """A title from the first paragraph: its whole first sentence up to `limit` characters.
    A longer one is cut, in this order of preference, where a clause ends (from 40% of the
    limit) or before a phrase it can do without (from 60%), never past the limit: feeds,
    listings and browser tabs cut what is longer. Only without such a place is it cut
    between words, with "…", and never after a word that leaves a phrase hanging."""
    text = " ".join(lede.split())
    found = _SENTENCE.match(text)
    sentence = found.group(1) if found else text
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    clauses = [m.start() for m in _CLAUSE_ENDS.finditer(sentence, 0, limit + 1)]
    clauses = [cut for cut in clauses if cut >= limit * 0.4 and not _hangs(sentence[:cut])]
    phrases = [m.start() for m in _PHRASE_STARTS.finditer(sentence, int(limit * 0.6), limit + 1)]
    phrases = [cut for cut in phrases if not _hangs(sentence[:cut])]
    for cuts in (clauses, phrases):
        if cuts:
            return sentence[: max(cuts)].rstrip(" ,;:—–-")
    cut = text.rfind(" ", 0, limit)
    words = (text[:cut] if cut > 0 else text[:limit]).split()
    while len(words) > 3 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:") + "…"
