"""One pass of an Aho-Corasick automaton over folded text, then word-boundary and case rules."""
import functools
import re
from dataclasses import dataclass

import ahocorasick

from .text import fold

_SHADOW = ()  # automaton payload of a phrase that hides the names inside it


@dataclass
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


def case_ok(form_text, span):
    """Case rules: short acronyms exactly ("US", never "us"); longer ones may be
    title-cased ("Nato"); a capitalised name must be capitalised in the text
    ("China", not the porcelain "china")."""
    rule = _case_rule(form_text)
    if rule == _EXACT:
        return all(c.isupper() for c in span if c.isalpha())
    return rule == _ANY or span[:1].isupper()


class Matcher:
    def __init__(self, taxonomy):
        table = {}
        for form in taxonomy.forms:
            for key in variants(form.text):
                forms = table.setdefault(key, [])
                if all(f.entity is not form.entity for f in forms):
                    forms.append(form)
        for phrase in taxonomy.shadows:
            table.setdefault(fold(phrase), _SHADOW)
        self.automaton = ahocorasick.Automaton()
        for key, forms in table.items():
            self.automaton.add_word(key, (len(key), tuple(forms)))
        self.automaton.make_automaton()

    def find(self, text):
        """Mentions in `text`, leftmost-longest, one per span; possessives ("Russia's")
        and plurals ("S-400s") count as the name itself."""
        folded = fold(text)
        n = len(folded)
        candidates = []
        for end, (length, forms) in self.automaton.iter(folded):
            start, stop = end - length + 1, end + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if stop < n and folded[stop].isalnum():
                if not (folded[stop] == "s" and (stop + 1 == n or not folded[stop + 1].isalnum())):
                    continue
            span = text[start:stop]
            if forms is not _SHADOW:
                forms = [f for f in forms if case_ok(f.text, span)]
                if not forms:
                    continue
            candidates.append((start, -stop, forms))
        candidates.sort(key=lambda c: (c[0], c[1]))
        found, last = [], -1
        for start, neg_stop, forms in candidates:
            if start < last:
                continue
            last = -neg_stop
            if forms is not _SHADOW:
                # A spelling shared by several entities ("Congolese") is ambiguous for each.
                shared = len({f.entity for f in forms}) > 1
                for form in forms:
                    if shared and not form.ambiguous:
                        form = type(form)(form.text, form.entity, form.weight, True)
                    found.append(Mention(start, last, form))
        return found
