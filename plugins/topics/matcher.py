"""One pass of an Aho-Corasick automaton over folded text, then word-boundary and case rules."""
import functools
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

import ahocorasick

from .text import fold, spaced


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    form: object  # taxonomy.Form


def variants(text):
    """Folded spellings of one form: "S-400" is also written "S400" and "S 400"."""
    key = fold(text)
    out = {key}
    if "-" in key:
        out.add(key.replace("-", " "))
        out.add(re.sub(r"(?<=[a-z])-(?=[0-9])|(?<=[0-9])-(?=[a-z])", "", key))
    return out


_ANY, _EXACT, _CAPITALISED = range(3)


@functools.lru_cache(maxsize=None)
def _case_rule(form_text):
    """What case_ok asks of a span, decided once per form."""
    letters = [c for c in form_text if c.isalpha()]
    if not letters:
        return _ANY
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return _EXACT if len(letters) <= 3 else _CAPITALISED
    return _CAPITALISED if form_text[0].isupper() else _ANY


def case_ok(rule, span):
    """Case rules: short acronyms exactly ("US", never "us"); longer ones may be
    title-cased ("Nato"); a capitalised name must be capitalised in the text
    ("China", not the porcelain "china")."""
    if rule == _EXACT:
        return all(c.isupper() for c in span if c.isalpha())
    return rule == _ANY or span[:1].isupper()


class _Key(NamedTuple):
    """What find needs of one automaton key (a spaced-out spelling), worked out once."""

    length: int  # of the key, both spaces included
    word: int  # of the word itself, without a plural "s"
    case_rule: int | None  # the case rule all its forms share, None if they differ
    forms: tuple  # its forms (a shadow or a signal has none); if several, of different entities
    mentioned: tuple  # the forms a mention stands for: ambiguous if several
    signals: object  # the taxonomy.Signals it gives (a sport term, a reference back), or None


def _as_mentioned(forms):
    """A spelling shared by several entities ("Congolese") is ambiguous for each."""
    if len(forms) < 2:
        return tuple(forms)
    return tuple(f if f.ambiguous else replace(f, ambiguous=True) for f in forms)


class Matcher:
    def __init__(self, taxonomy):
        table = {}  # spaced key -> (forms, signals); a plural "s" key beside each

        def add(key, form=None, signals=None, shadow=False):
            word = spaced(key)[1:-1]
            for suffix in ("", "s") if word[-1:] != " " else ("",):
                forms, old, length = table.get(f" {word}{suffix} ", ([], None, 0))
                if shadow:  # "Americas" is no plural of "America"
                    forms = []
                elif form is not None and all(f.entity is not form.entity for f in forms):
                    forms.append(form)
                # "Turks" is a name of its own and the plural of "Turk": the whole word counts.
                table[f" {word}{suffix} "] = (forms, old or signals, max(length, len(word)))

        for form in taxonomy.forms:
            for key in variants(form.text):
                add(key, form)
        for phrase in taxonomy.shadows:  # a phrase that hides the names inside it: no forms
            add(fold(phrase), shadow=True)
        for phrase, signals in taxonomy.signals.items():
            add(phrase, signals=signals)
        self.automaton = ahocorasick.Automaton()
        for key, (forms, signals, word) in table.items():
            rules = {_case_rule(f.text) for f in forms} or {_ANY}  # a shadow or signal: any case
            rule = rules.pop() if len(rules) == 1 else None
            self.automaton.add_word(key, _Key(len(key), word, rule, tuple(forms), _as_mentioned(forms), signals))
        self.automaton.make_automaton()

    def find(self, text, folded=None):
        """Mentions in `text` (whose fold() is `folded`, if the caller has it), leftmost-
        longest, one per span, and the signals found between them; possessives
        ("Russia's") and plurals ("S-400s", "goals") count as the word itself. A signal
        is (its start, its taxonomy.Signals)."""
        candidates, hints = [], []
        keys = self.automaton.iter(spaced(fold(text) if folded is None else folded))
        for end, (length, word, rule, forms, mentioned, signals) in keys:
            start = end - length + 1  # the key's first space is the character before the word
            stop = start + word
            if rule is None:  # forms with different case rules: keep those the span meets
                span = text[start:stop]
                kept = [f for f in forms if case_ok(_case_rule(f.text), span)]
                if not kept and not signals:
                    continue
                mentioned = _as_mentioned(kept)
            elif rule != _ANY and not case_ok(rule, text[start:stop]):
                if not signals:
                    continue
                mentioned = ()
            if mentioned or not signals:  # a name or a shadow
                candidates.append((start, -stop, mentioned))
            if signals:
                hints.append((start, stop, signals))
        # A span is one automaton key, so no two candidates share both start and stop:
        # the plain tuple sort never compares their forms.
        candidates.sort()
        found, spans, last = [], [], -1
        for start, neg_stop, mentioned in candidates:
            if start < last:
                continue
            last = -neg_stop
            spans.append((start, last))
            for form in mentioned:
                found.append(Mention(start, last, form))
        if not hints:
            return found, []
        # A signal inside a name ("the group" in "the Group of Seven") is part of the name.
        hints.sort()
        signals, j, n = [], 0, len(spans)
        for start, stop, info in hints:
            while j < n and spans[j][1] <= start:  # names that end before it: passed
                j += 1
            if j == n or spans[j][0] >= stop or spans[j] == (start, stop):
                signals.append((start, info))
        return found, signals
