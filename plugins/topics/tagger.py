"""Article text -> ranked topics, by name, kind and (for relations) the two parties."""
import re
from dataclasses import dataclass
from types import MappingProxyType

from . import explain, relations, salience, taxonomy
from .matcher import Matcher
from .text import blocks as split_blocks


@dataclass(frozen=True)
class Detected:
    name: str
    kind: str
    parties: tuple = ()  # the two party names of a relation
    score: float = 0.0


_RELATION = re.compile(r"^(.+)\s+(relations|ties)$", re.I)


class Tagger:
    def __init__(self, options):
        self.options = options
        self.taxonomy = taxonomy.load(options["data_dir"] or taxonomy.DATA,
                                      options["aliases"], options["block"])
        self.matcher = Matcher(self.taxonomy)
        self.blocked = {b.casefold() for b in options["block"]}

    def __getstate__(self):  # kept between builds (memo.py); the options are read-only
        return {**self.__dict__, "options": dict(self.options)}

    def __setstate__(self, state):
        self.__dict__.update(state, options=MappingProxyType(state["options"]))

    def canonical(self, name):
        """An editor's or source page's tag as a Detected topic (not scored), or None if
        the taxonomy does not know it. "US-Turkish relations" -> "Turkey-US relations"."""
        name = " ".join(str(name).split())
        entity = self.taxonomy.lookup(name)
        if entity:
            return Detected(entity.name, entity.kind)
        m = _RELATION.match(name)
        if m:
            pair = m.group(1)
            for i, ch in enumerate(pair):
                if ch in "-\u2013\u2014/":
                    a, b = self.taxonomy.lookup(pair[:i]), self.taxonomy.lookup(pair[i + 1:])
                    if a and b and a is not b and a.party and b.party:
                        return self._relation(a, b)
        return None

    @staticmethod
    def _relation(a, b, score=0.0):
        first, second = sorted((a.name, b.name), key=str.casefold)
        return Detected(relations.relation_name(a.name, b.name), "relation", (first, second), score)

    def _found(self, title, content, hinted_names, verdicts=None):
        """{name: Detected} of the topics the text is about; with a `verdicts` list, one
        line of evidence per topic considered, given or refused, is added to it."""
        opts = self.options
        blocks = split_blocks(title, content)
        reading = salience.occurrences(blocks, self.matcher, self.taxonomy.origins)
        occs = salience.resolve(reading, self.taxonomy.words, opts["sport_min"])
        score, named, stated, placed = salience.scores(occs, reading.refs, opts["refer_weight"])
        # Only a party salient enough (or hinted) can be a side: the pairs of the others need no evidence.
        parties = None if hinted_names or verdicts is not None else {e for e, s in score.items()
                                                                     if s >= opts["party_min"]}
        pairs = relations.pair_scores(occs, blocks, reading.texts, self.taxonomy.words["relation"], parties)
        found = {}
        for entity, s in score.items():
            single = entity.kind in self.taxonomy.referable and entity in stated
            need = opts["single_min"] if single else opts["min_score"]
            # A topic the title and lede do not name must recur in paragraphs of its own.
            spread = salience.paragraphs(placed, entity) if s >= need and entity not in stated else None
            passing = spread is not None and spread < opts["spread_min"]
            given = entity in named and (s >= need and not passing or entity.name in hinted_names)
            if given:
                found[entity.name] = Detected(entity.name, entity.kind, (), s)
            if verdicts is not None:
                verdicts.append(explain.topic(entity, s, need, given, reading, named, spread if passing else None))
        for pair, evidence in pairs.items():
            a, b = sorted(pair, key=lambda e: e.name)
            weaker = min(score[a], score[b])
            evident = weaker >= opts["party_min"] and evidence >= opts["relation_min"]
            if evident or hinted_names or verdicts is not None:  # else no need to name the relation
                rel = self._relation(a, b, evidence + weaker)
                if evident or rel.name in hinted_names:
                    found[rel.name] = rel
                if verdicts is not None:
                    verdicts.append(explain.relation(rel.name, evidence, weaker, opts, rel.name in found))
        if verdicts is not None:
            verdicts += explain.unscored(reading, score)
            verdicts.append(explain.story(reading))
        return found

    def explain(self, title, content):
        """Why each topic the text names was given or refused, as lines for a terminal:
        the kind of story first, then the topics given and refused, best scores first."""
        verdicts = []
        self._found(title, content, set(), verdicts)
        story = verdicts.pop()
        return [story] + [line for _, _, line in sorted(verdicts, key=lambda v: (not v[0], -v[1]))]

    def tag(self, title, content, hints=(), add=(), remove=(), own=()):
        """Ranked topics for one article. `hints` (the source page's own tags) only help a
        topic the text mentions; `add`/`remove` (editor overrides) and `own` (a Markdown
        post's Tags:) are kept as the editor wrote them, canonicalised."""
        opts = self.options
        hinted = [self.canonical(h) for h in hints]
        hinted_names = {h.name for h in hinted if h}
        found = self._found(title, content, hinted_names)
        ranked = sorted(found.values(), key=lambda d: (-d.score, d.name))

        forced = [d for d in (self.canonical(t) or Detected(" ".join(str(t).split()), "other")
                              for t in [*own, *add]) if d.name]
        dropped = {(self.canonical(t) or Detected(str(t), "other")).name.casefold() for t in remove}
        dropped |= self.blocked
        forced_names = {d.name for d in forced}
        room = max(0, opts["max_tags"] - len(forced_names))
        keep = [d for d in ranked if d.name not in forced_names][:room]
        scored = {d.name: d for d in ranked}
        out, seen = [], set()
        for d in sorted(keep + [scored.get(f.name, f) for f in forced], key=lambda d: -d.score):
            if d.name not in seen and d.name.casefold() not in dropped:
                seen.add(d.name)
                out.append(d)
        return out[:max(opts["max_tags"], len(forced_names))]
