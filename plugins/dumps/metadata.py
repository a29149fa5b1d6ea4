"""Title, byline, date and reading-time lines: recognising them and reading their values."""

import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from . import datafile
from .blocks import word_count

DATA = Path(__file__).with_name("data") / "dates.yaml"


def _words(names, whole: bool = True) -> str:
    """A regex alternation of the names (spaces as any space), longest first; as whole
    words, or (a label run into what follows: "Updated21:22") not."""
    escaped = (re.escape(str(n)).replace(r"\ ", r"\s+") for n in sorted(set(map(str, names)), key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")" + (r"(?!\w)" if whole else "")


def _words_only(value, where: str = "") -> None:
    """Every word of the file is text: YAML reads a bare on, no or yes as true or false."""
    if isinstance(value, dict):
        for key, item in value.items():
            _words_only(item, f"{where}/{key}")
    elif isinstance(value, list):
        for item in value:
            _words_only(item, where)
    elif not isinstance(value, str):
        raise ValueError(f"{DATA}: {where}: {value!r} is not a word; put it in quotes")


with open(DATA, encoding="utf-8") as _handle:
    _DATA = datafile.load(_handle)
_words_only(_DATA)  # (the months' numbers are keys)
_MONTH_NUM = {str(name).casefold(): int(number) for number, names in _DATA["months"].items() for name in names}
_MONTHS = _words(_MONTH_NUM)
_JOIN = r"(?:" + _words(_DATA["joins"]) + r"\s+)?"
# What may come before a date on its line: a label ("Published:", "Veröffentlicht am"), a
# time ("10:08 am", "21:22,") and a weekday ("Monday,", "Mon", "Wed |").
_LABEL = r"(?:" + _words(_DATA["labels"], whole=False) + r"\s*[:|\-]?\s*)?"
_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s*)?"
_WEEKDAY = r"(?:" + _words(_DATA["weekdays"]) + r"\.?,?\s+(?:[|•·]\s+)?)?"
_PREFIX = "^" + _LABEL + _TIME + _WEEKDAY
# The date itself. Numbers alone are read month first with slashes ("10/18/2020", as
# American sites write them) and day first with dots ("20.01.2020"), unless only the
# other order is a date.
_DATES = [
    rf"(?P<m>{_MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[,،]?\s+(?P<y>\d{{4}})",
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+{_JOIN}(?P<m>{_MONTHS})\.?[,،]?\s+{_JOIN}(?P<y>\d{{4}})",
    r"(?P<y>\d{4})-(?P<mn>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<t>\d{1,2}:\d{2}(?::\d{2})?)(?P<tz>Z|[+-]\d{2}:?\d{2})?)?",
    r"(?P<y>\d{4})(?P<sep>[/.])(?P<mn>\d{1,2})(?P=sep)(?P<d>\d{1,2})\b",
    r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b",
    # Chinese, Japanese, Korean: "2020年1月2日", "2020년 1월 2일".
    r"(?P<y>\d{4})\s*[年년]\s*(?P<mn>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})",
]
_DATE_FORMS = [re.compile(_PREFIX + form, re.I) for form in _DATES]
_ISO = _DATE_FORMS[2]
_YEAR = re.compile(r"\d{4}")
# A date after a byline ("By Ann Lee 11 February 2020", "by Ann Lee on Jan 3, 2020").
_DATE_INSIDE = [re.compile(r"\b" + form, re.I) for form in _DATES]
# What stands between a name and the date after it ("Ann Lee | Mon, 4 May 2020").
# Articles, which open a headline or a name of a thing but not a person's name.
_ARTICLES = frozenset(_DATA["articles"])
# Where a byline's name ends: a separator, a date, a date or time in numbers that the date
# reader does not know ("By Ann Lee 10/ 5/11 09:19 PM ET"), the person's handle ("Jon
# Porter@jporter", "Ann Lee @annlee").
_AFTER_NAME = re.compile(r"\s+[|•·∙]\s+|\s+[-–—]\s+|,\s*(?=\d)|\s+on\s+(?=\w+ \d)|\s+(?=\d{1,4}\s?[/.:-]\s?\d)|\s*@\w")
# The label of the next field after a full name ("Ann Lee Foto: Bo Park", "Kategorien: Mode").
_NEXT_FIELD = re.compile(r"\s+[^\W\d_]+:(?=\s|$)")
# What joins the names of a byline ("Ann Lee, Bo Park and Cy Diaz", "Anna Berg und Bo Park").
_NAME_JOINS = re.compile(r"(\s*[,;/&+]\s*|\s+(?:" + _words(_DATA["name_joins"]) + r")\s+)", re.I)
# A word in lower case (not "at" before a time), as a sentence goes on after a date.
_LOWER_WORD = re.compile(r"\b[a-zß-ÿ][^\W\d_]{2,}\b")
# A label the page's text runs into the name before it ("johnVeröffentlicht am 2. April 2014").
_GLUED_LABEL = re.compile(r"(?<=\w)" + _words(label.capitalize() for label in _DATA["labels"]) + r"$")
_BEFORE_DATE = re.compile(r"(?:[\s|•·∙,/–—-]|(?<!\w)" + _words(_DATA["weekdays"]) + r"\.?|(?<!\w)" + _words(_DATA["labels"]) + r":?)*$", re.I)
# A date line may carry a little more ("| 5 min read", "at 10:30 IST"), but not a sentence.
DATE_LINE_MAX_WORDS = 12
_READING = _DATA["reading_time"]
_READING_TIME = re.compile(
    r"^(?:" + _words(_READING["labels"]) + r"\s*:?\s*)?(?:ca\.?\s*|~\s*)?(\d{1,3})\s*(?:-\s*)?" + _words(_READING["units"])
    + r"\.?(?:\s+" + _words(_READING["after"]) + r")?$", re.I)
_CREDITS = _DATA["credits"]
_CREDIT = re.compile(r"^" + _words(_CREDITS["opening"], whole=False) + r"\s+(?-i:[A-ZÀ-ÖØ-Þ])|"
                     + _words(_CREDITS["closing"]) + r"\.?$", re.I)
# A credit line names a few people, it is not a paragraph.
_CREDIT_MAX_WORDS = 40
_BYLINE = re.compile("^" + _words(_DATA["bylines"]) + r"\s*:?\s+(?P<name>.+)$", re.I)
# A byline's label opens the line, whole or run into the name ("ByJonas Albrecht").
_BYLINE_OPENING = re.compile(_words(_DATA["bylines"], whole=False), re.I)
_SPACE_BEFORE_COMMA = re.compile(r"\s+([,;])")
_SAYS = re.compile(r"\s(says|said|sagt|schreibt|dit|dice|wrote)\s*:?$", re.I)
_GLUED_BY = re.compile(r"^By(?=[A-Z])")
# A date in numbers run into the name before it ("By Ann Lee2014-01-26 21:32:46 UTC").
_GLUED_DATE = re.compile(r"(?<=[^\W\d_])(?=\d{4}-\d\d-\d\d)")
_BYLINE_LABEL = re.compile("^" + _words(_DATA["bylines"]) + r"\s*:?$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|del|der|van|von|bin|ibn|al|el|la|le|di|du|dos|ul)(?:-\w+)?)$")
# Words a cut title should not end on.
_DANGLING = {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "its"}


@lru_cache(maxsize=1 << 12)  # cleaning asks about the same header lines at each stage
def parse_date(line: str) -> datetime | None:
    """A date line's date ("February 23, 2022", "Mon 20 Jan 2020 06.05 GMT", "2022-02-23",
    "By Ann Lee | 12/10/2020")."""
    stripped = line.strip().strip("|•·∙-–— ")
    # Every form has a year, in a short line: most lines are ruled out before they are
    # read (a date glued to a word, set apart below, only adds a word).
    if word_count(stripped) > DATE_LINE_MAX_WORDS or not _YEAR.search(stripped):
        return None
    text = _GLUED_DATE.sub(" ", stripped, count=1)
    if word_count(text) > DATE_LINE_MAX_WORDS:
        return None
    for form in _DATE_FORMS:
        m = form.match(text)
        if m:
            return _date(m)
    found = _date_inside(text)
    if found and (byline(text) or looks_like_name(_BEFORE_DATE.sub("", text[: found.start()]))):
        return _date(found)  # "By Ann Lee on 3 May 2020", "Ann Lee | lundi 4 mai 2020"
    return None


def _date_inside(text: str) -> re.Match | None:
    """The first date written somewhere in the text."""
    if not _YEAR.search(text):  # every form has a year: a name alone is not searched
        return None
    found = [m for m in (form.search(text) for form in _DATE_INSIDE) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _date(m: re.Match) -> datetime | None:
    parts = m.groupdict()
    if parts.get("a"):  # numbers alone: the order the separator suggests, else the other
        a, b = int(parts["a"]), int(parts["b"])
        month, day = (a, b) if parts["sep"] == "/" else (b, a)
        if month > 12:
            month, day = day, month
    else:
        month = int(parts["mn"]) if parts.get("mn") else _MONTH_NUM[parts["m"].casefold()]
        day = int(parts["d"])
    try:
        return datetime(int(parts["y"]), month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 timestamp from metadata; the calendar date is kept as written."""
    m = _ISO.match(value.strip()) if value else None
    return _date(m) if m else None


def reading_time(line: str) -> int | None:
    m = _READING_TIME.match(line.strip().strip("|•·∙ "))
    return int(m.group(1)) if m else None


# A clock time: "15:28", "7:30am", "10.30 Uhr", "12h08".
_CLOCK = re.compile(
    r"(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d.])"  # 15:28, 9:52:07 (not 28.01.2022)
    r"|\b\d{1,2}h\d{2}\b|\b\d{1,2}\.\d{2}\s*uhr\b"  # 12h38, 10.30 Uhr
    r"|\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b",  # 7:30am, 4 p.m.
    re.I,
)
# A sentence ending inside a line ("Price may be higher now. Price of 02.01.2023 12:53").
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{3,}[.!?]\s+[^\W\d_]")


def timestamp(line: str) -> bool:
    """A short line that dates something to the minute ("Ben 19. Juni 2018 um 15:28 Uhr -
    Reply", "March 3, 2020 at 4:15 pm"): the head of a reader's comment or a post in a
    listing, not a sentence."""
    return (len(line.split()) <= DATE_LINE_MAX_WORDS and _YEAR.search(line) is not None
            and _CLOCK.search(line) is not None and _date_inside(line) is not None
            and not _SENTENCE_INSIDE.search(line))


def closing_credit(line: str) -> bool:
    """A wire story's closing credit line ("Reporting by Ann Lee; Editing by Bo Park", "Ann
    Lee contributed to this report."), in brackets or not."""
    text = line.strip().strip("()[]").strip()
    return word_count(text) <= _CREDIT_MAX_WORDS and _CREDIT.search(text) is not None


def looks_like_name(line: str) -> bool:
    """A bare byline: two to five capitalised words, no digits, no sentence punctuation."""
    words = line.strip().split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in line) or line.rstrip()[-1:] in ".!?:;,":
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 and all(_NAME_WORD.match(w) for w in words)


def bare_byline(line: str) -> bool:
    """A line that can be a byline on its own: a name, and not one that opens with an
    article, as a headline or a thing's name does ("Das Imperialismus-Phantom", "The Daily
    Brief"; before a date, "The Guardian | 10 Feb 2020", the source can be)."""
    return looks_like_name(line) and line.split()[0].lower() not in _ARTICLES


def byline(line: str) -> str | None:
    """The author named by a byline line ("by Jonas Albrecht", "By: A and B"; a page's
    text can run the label into a linked name: "ByJonas Albrecht")."""
    line = line.strip()
    if not _BYLINE_OPENING.match(line):  # most lines: ruled out before they are read
        return None
    m = _BYLINE.match(_GLUED_DATE.sub(" ", _GLUED_BY.sub("By ", line, count=1), count=1))
    if not m:
        return None
    name = _SPACE_BEFORE_COMMA.sub(r"\1", m["name"].strip())  # linked names: "Ann Lee , Bo Park"
    date = _date_inside(name)
    if date:  # "Ann Lee on January 20, 2020", "Ann Lee published 9 August 2012", "Ann Lee on Mon, 3/5/2018"
        words = _BEFORE_DATE.sub("", name[: date.start()]).split()
        if any(not w.islower() for w in words):  # "Ann Lee, staff writer, on ...": the name's words
            words = [w for w in words if not w.islower() or _NAME_WORD.match(w)]
        elif _LOWER_WORD.search(_CLOCK.sub(" ", name[date.end():])):  # "By contrast, on 1 May 2020 it fell"
            return None
        name = " ".join(words)  # or a user's name ("by oz on December 4, 2006")
        glued = _GLUED_LABEL.search(name)
        if glued and name[glued.start() - 1].islower():
            name = name[: glued.start()]
    name = _name_alone(name)
    # a name has letters, no digits, and is no label ("By: Course/Meal:")
    named = any(map(str.isalpha, name)) and not any(map(str.isdigit, name)) and not name.endswith(":")
    name = _names(name)
    return name if named and name and len(name.split()) <= 8 else None


def _name_alone(text: str) -> str:
    """A byline's name without what the page's text runs on after it: a separator, a
    handle, the next field's label, the same name again (a linked name and its text)."""
    name = _AFTER_NAME.split(text, maxsplit=1)[0]
    field = _NEXT_FIELD.search(name)
    if field and len(name[: field.start()].split()) >= 2:  # not "Von Ast getroffen: ..."
        name = name[: field.start()]
    words = name.strip(" |•·∙-–—,").split()
    half = len(words) // 2
    return " ".join(words[:half] if len(words) % 2 == 0 and words[:half] == words[half:] else words)


def _no_name_word(word: str) -> bool:
    """A word in lower case that is no particle of a name ("von", "de"): a phrase's word."""
    return word[:1].islower() and not _NAME_WORD.match(word)


def _names(text: str) -> str:
    """The names a byline's text opens with, each a user's name of one word or words in
    capitals but for particles ("Ursula von der Leyen"), without a role after them ("Ann
    Lee, staff writer"); "" when they are the words of a phrase, not names ("Von Tunis nach
    Teheran", "von der Fahrbahn abgekommen", "Von Regeln, Politik und «ganz normalem Deutsch»")."""
    pieces = _NAME_JOINS.split(text)  # name, join, name, ...
    for n in range(0, len(pieces), 2):
        words = pieces[n].split()
        if len(words) == 1 and words[0][-1] in "?!" or len(words) > 1 and any(map(_no_name_word, words)):
            # a role after a comma ends the names; a phrase joined by "and" was never names
            return "".join(pieces[: n - 1]) if n and pieces[n - 1].strip() in ",;/" else ""
    return text


def page_author(raw: str) -> str:
    """A saved page's author metadata without what is no name: a sentence of a bio run
    into it, a byline's bare label ("Article by") or the label before a name ("Par Ann
    Roy"), a commenter's "says"."""
    names = []
    for part in (p.strip() for p in raw.split(";")):
        name = byline(part)
        if name and (len(name.split()) >= 2 or name.islower()):  # not "Di Maria", "Von Trier"
            part = name
        words = part.split()
        if part and len(words) <= 6 and sum(map(_no_name_word, words)) <= 1 and not byline_label(part) and not _SAYS.search(part):
            names.append(part)
    return "; ".join(names)


def byline_label(line: str) -> bool:
    """A byline's label on a line of its own ("By", "Von:"), the name on the next."""
    return _BYLINE_LABEL.match(line.strip()) is not None


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
