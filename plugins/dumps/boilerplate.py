"""Furniture by kind: the patterns of data/boilerplate.yaml (plus the site's own)."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from . import datafile

try:  # the standard library's regex parser; without it every rule is simply tried
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - other layouts of the re package
    _sre = _sre_parse = None

DATA = Path(__file__).with_name("data") / "boilerplate.yaml"
# The only characters outside ASCII that Python's case-insensitive matching takes for ASCII
# letters (all of Unicode checked: tests/test_dumps_furniture.py): folded before the needle
# search, so it finds what the regexes would.
ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# The characters str.isspace() takes for whitespace, as the regex \s does (all of Unicode
# checked: tests/test_dumps_furniture.py): for str.strip with other characters besides.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Markers a line is tried without: bullets, quote marks and rules before it, pipes after it.
_LEADING_MARKS = WHITESPACE + ">*•·-–—|#"
_TRAILING_MARKS = WHITESPACE + "|"


def _needles(items) -> set[str] | None:
    """Strings of which every match of this parsed sequence contains at least one, or
    None when that cannot be told. Takes the most selective mandatory element: a run of
    literal characters, or a group whose every branch has needles of its own."""
    best, run = None, ""

    def consider(candidate):
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        consider({run} if run else None)
        run = ""
        if op is _sre.SUBPATTERN:
            consider(_needles(av[-1]))
        elif op is _sre.BRANCH:
            parts = [_needles(branch) for branch in av[1]]
            consider(None if any(p is None for p in parts) else set().union(*parts))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] > 0:
            consider(_needles(av[2]))
        elif op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):  # [←◀]: one of them
            consider({chr(code) for _, code in av})
    consider({run} if run else None)
    return best


def needles(pattern: str) -> frozenset | None:
    """Lower-case strings one of which any line the (case-insensitive) pattern matches
    contains, so lines without any skip the regex; None: the pattern is always tried."""
    if _sre is None:
        return None
    try:
        found = _needles(_sre_parse.parse(pattern, re.IGNORECASE))
    except Exception:  # an unusual construct: no shortcut
        return None
    # Only characters a lower-cased `in` finds as the regex does: ASCII (ASCII_FOLDS takes
    # care of the rest) and characters without case (arrows, marks, CJK). Other letters have
    # folds ("ſ" matches "s"): a needle keeps its longest run without them ("über" -> "ber").
    found = {_findable(n) for n in found} if found else None
    if not found or not all(found):
        return None
    return frozenset(n.lower() for n in found)


def _findable(needle: str) -> str:
    """The needle's longest run of characters that are ASCII or have no case."""
    runs = "".join(c if c.isascii() or c.lower() == c == c.upper() else "\0" for c in needle)
    return max(runs.split("\0"), key=len)


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    short_only: bool
    starts_zone: bool
    # Lower-case strings a matching line must contain one of; None: always tried.
    needles: frozenset | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return f"{self.kind}: /{self.pattern.pattern}/"


def _compiled(pattern, flags: int, where: str) -> re.Pattern:
    """A rule's regex. A pattern that is no text (YAML reads a bare on or no as true or
    false) or no regular expression stops the build, saying where it is written."""
    if not isinstance(pattern, str):
        raise ValueError(f"{where}: {pattern!r} is not a pattern; put it in quotes")
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise ValueError(f"{where}: /{pattern}/ is not a regular expression: {error}") from None


class Boilerplate:
    """Classify one line of text as a kind of furniture, or not."""

    def __init__(self, extra: dict | None = None):
        data = datafile.load(DATA.read_text(encoding="utf-8"))
        self.short_words = int(data.get("short_words", 15))
        zones = {kind: bool(spec.get("starts_zone")) for kind, spec in data["kinds"].items()}
        patterns = [(kind, scope, p, f"{DATA}: kinds: {kind}: {scope}")
                    for kind, spec in data["kinds"].items() for scope in ("short", "any") for p in spec.get(scope, [])]
        for kind, spec in (extra or {}).items():
            if "starts_zone" not in data["kinds"].get(kind, {}):  # the file's word stands
                zones[kind] = bool(spec.get("starts_zone", False))
            patterns += [(kind, scope, p, f"DUMPS['boilerplate']['{kind}']['{scope}']")
                         for scope in ("short", "any") for p in spec.get(scope, [])]
        notes = data.get("author_notes", {})
        self._notes = [_compiled(p, 0, f"{DATA}: author_notes: any") for p in notes.get("any", [])]
        self._closing_notes = [_compiled(p, 0, f"{DATA}: author_notes: closing") for p in notes.get("closing", [])]
        # Kind by kind, in the file's order (a site's kinds last), short patterns first.
        order = {kind: n for n, kind in enumerate(zones)}
        self.rules = [
            Rule(kind, _compiled(p, re.IGNORECASE, where), scope == "short", zones[kind], needles(p))
            for kind, scope, p, where in sorted(patterns, key=lambda rule: (order[rule[0]], rule[1] != "short"))
        ]
        # One pass of an Aho-Corasick automaton over a line finds every rule whose needles
        # it contains; only those (and the rules without needles) run their regex. A long
        # line has a prefilter of its own, without the short-only rules it never runs.
        self._short_line = _Prefilter(self.rules, range(len(self.rules)))
        self._long_line = _Prefilter(self.rules, [i for i, rule in enumerate(self.rules) if not rule.short_only])

    def author_note(self, line: str, closing: bool = False) -> bool:
        """Whether the line is about the article's author (shown apart, not dropped);
        closing: it is the article's last paragraph, where an author box stands."""
        patterns = self._notes + self._closing_notes if closing else self._notes
        return any(p.match(line) for p in patterns)

    @lru_cache(maxsize=65536)  # noqa: B019 - instances live for the process (boilerplate_for)
    def match(self, text: str) -> Rule | None:
        """The first rule that matches this line, tried on the line without its markers.

        Cached: text dumps ask once while rejoining wrapped lines and again while cleaning.
        """
        line = text.replace("**", "").lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS)
        if not line:
            return None
        prefilter = self._short_line if len(line.split()) <= self.short_words else self._long_line
        for i in prefilter.candidates(line):
            rule = self.rules[i]
            if rule.pattern.search(line):
                return rule
        return None


class _Prefilter:
    """Which of some rules (indices into the rule list) a line can match: those whose
    needles it contains, and those without needles, in rule order."""

    def __init__(self, rules: list[Rule], ids):
        self.always = tuple(i for i in ids if rules[i].needles is None)
        by_needle: dict = {}
        for i in ids:
            for needle in rules[i].needles or ():
                by_needle.setdefault(needle, set()).add(i)
        self.needles = ahocorasick.Automaton()
        for needle, found in by_needle.items():
            self.needles.add_word(needle, frozenset(found))
        if by_needle:
            self.needles.make_automaton()

    def candidates(self, line: str):
        if not len(self.needles):
            return self.always
        found = set()
        # Only non-ASCII text has letters to fold (str.isascii() takes no scan).
        for _, rules in self.needles.iter((line if line.isascii() else line.translate(ASCII_FOLDS)).lower()):
            found |= rules
        return sorted(found.union(self.always)) if found else self.always


@lru_cache(maxsize=8)
def _cached(extra_key):
    return Boilerplate(dict((k, dict(v)) for k, v in extra_key))


def boilerplate_for(extra: dict) -> Boilerplate:
    """One compiled rule set per distinct settings value (compiling is the slow part)."""
    key = tuple(
        sorted(
            (kind, tuple(sorted((scope, tuple(v) if isinstance(v, list) else v) for scope, v in spec.items())))
            for kind, spec in (extra or {}).items()
        )
    )
    return _cached(key)
