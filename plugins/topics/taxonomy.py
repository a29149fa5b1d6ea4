"""Load and validate the topic data in data/*.yaml (the editor-owned source of truth)."""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from .text import WordSet, fold

DATA = Path(__file__).parent / "data"
# libyaml's loader when PyYAML has it (its wheels do): the data loads 8x faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KINDS = ("country", "relation", "organisation", "system", "group", "agreement", "person", "other")
FILES = {
    "countries.yaml": "country",
    "organisations.yaml": "organisation",
    "systems.yaml": "system",
    "groups.yaml": "group",
    "agreements.yaml": "agreement",
}
# How much one mention counts, by what named the entity: a demonym ("Turkish troops")
# says less about the country than its name; a capital or leader stands in for it.
WEIGHTS = {"name": 1.0, "aliases": 1.0, "capitals": 0.9, "leaders": 0.8, "demonyms": 0.6}


@dataclass(frozen=True, eq=False)
class Entity:
    """A topic the taxonomy knows: its name, kind and whether it can be a party to relations."""

    name: str
    kind: str
    party: bool
    negative: re.Pattern | None = None


@dataclass(frozen=True)
class Form:
    """One way of writing an entity, and how much a mention of it counts."""

    text: str
    entity: Entity
    weight: float
    ambiguous: bool


@dataclass
class Taxonomy:
    entities: dict = field(default_factory=dict)  # name -> Entity
    forms: list = field(default_factory=list)
    origins: dict = field(default_factory=dict)  # system or group Entity -> its country Entity
    shadows: list = field(default_factory=list)
    signals: dict = field(default_factory=dict)  # folded word or phrase -> its Signals
    words: dict = field(default_factory=dict)  # "cue", "relation", "state", "evidence:KIND" -> WordSet
    referable: frozenset = frozenset()  # kinds that "the agreement", "the group"... refer back to
    _index: dict = field(default_factory=dict)  # folded spelling -> Entity

    def lookup(self, name):
        """The entity an editor's or a source page's spelling means, or None."""
        key = " ".join(fold(name).replace("-", " ").split())
        return self._index.get(key)


def words_pattern(words):
    """One case-insensitive whole-word regex for a list of words and phrases."""
    if not words:
        return None
    alternatives = "|".join(sorted((re.escape(fold(w)) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


class Signals(NamedTuple):
    """What a word or phrase found in the pass over the text signals: a sport term, or a
    reference back ("the agreement") to the last-named topic of some kinds."""

    sport: bool
    refers: tuple  # the kinds it refers back to


def context_words(context):
    """(signals, word sets) from context.yaml. Signals ({folded phrase: Signals}) are found
    in the same pass as the names: sport terms (sport.terms) and references back (refers).
    Word sets are looked up only in the sentences that need them: "cue" (politics),
    "relation" (two parties dealing), "state" (sport.state) and "evidence:KIND" (supports
    an ambiguous name of that kind; a kind without words of its own takes the cues)."""
    cues = context.get("cues") or []
    sport = context.get("sport") or {}
    groups = {"cue": cues, "relation": context.get("relations") or [], "state": sport.get("state") or []}
    groups.update({f"evidence:{kind}": cues for kind in KINDS})
    refers = {}
    for key, target in (("evidence", groups), ("refers", refers)):
        for kind, words in (context.get(key) or {}).items():
            if kind not in KINDS:
                raise ValueError(f"context.yaml: {key}: unknown kind {kind!r}")
            target[f"evidence:{kind}" if key == "evidence" else kind] = words or []
    out = {}
    for word in sport.get("terms") or []:
        out[fold(word)] = (True, set())
    for kind, words in refers.items():
        for word in words:
            out.setdefault(fold(word), (False, set()))[1].add(kind)
    signals = {word: Signals(is_sport, tuple(sorted(kinds))) for word, (is_sport, kinds) in out.items()}
    return signals, {name: WordSet(words) for name, words in groups.items()}


def _entries(path, default_kind):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a list of entries")
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError(f"{path.name}: entry without a name: {entry!r}")
        kind = entry.get("kind", default_kind)
        if kind not in KINDS:
            raise ValueError(f"{path.name}: {entry['name']}: unknown kind {kind!r}")
        for key, words in entry.items():  # YAML reads a bare NO (Norway's code) or ON as false or true
            for word in words if isinstance(words, list) else ():
                if not isinstance(word, str):
                    raise ValueError(f"{path.name}: {entry['name']}: {key}: {word!r} is not text; put it in quotes")
        yield entry, kind


def load(data_dir=DATA, aliases=None, block=()):
    """Build the taxonomy; `aliases` ({alias: canonical}) and `block` come from settings."""
    tax = Taxonomy()
    blocked = {fold(b) for b in block}
    origins = {}
    for filename, default_kind in FILES.items():
        for entry, kind in _entries(Path(data_dir) / filename, default_kind):
            name = entry["name"]
            if name in tax.entities:
                raise ValueError(f"{filename}: {name} is defined twice")
            if fold(name) in blocked:
                continue
            entity = Entity(name, kind, bool(entry.get("party", kind == "country")),
                            words_pattern(entry.get("negative", [])))
            tax.entities[name] = entity
            if entry.get("origin"):
                origins[entity] = entry["origin"]
            ambiguous = set(entry.get("ambiguous", []))
            for key, weight in WEIGHTS.items():
                spellings = [name] if key == "name" else entry.get(key, []) or []
                for text in spellings:
                    tax.forms.append(Form(text, entity, weight, text in ambiguous))
    for entity, origin in origins.items():
        if fold(origin) in blocked:
            continue
        if origin not in tax.entities:
            raise ValueError(f"{entity.name}: origin {origin!r} is not a country in the taxonomy")
        tax.origins[entity] = tax.entities[origin]
    for alias, canonical in (aliases or {}).items():
        if fold(canonical) in blocked:
            continue
        entity = tax.entities.get(canonical)
        if entity is None:
            raise ValueError(f"TOPICS['aliases']: {alias!r} points to unknown topic {canonical!r}")
        tax.forms.append(Form(alias, entity, 1.0, False))
    context = yaml.load((Path(data_dir) / "context.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    tax.shadows = list(context.get("shadows", []))
    tax.signals, tax.words = context_words(context)
    tax.referable = frozenset(context.get("refers") or {})
    for form in tax.forms:
        tax._index.setdefault(" ".join(fold(form.text).replace("-", " ").split()), form.entity)
    return tax
