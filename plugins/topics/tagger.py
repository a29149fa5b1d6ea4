"""Article text -> ranked topics, by name, kind and (for relations) the two parties."""
import re
from dataclasses import dataclass
from types import MappingProxyType

from . import relations, salience, taxonomy
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

    def tag(self, title, content, hints=(), add=(), remove=(), own=()):
        """Ranked topics for one article. `hints` (the source page's own tags) only help a
        topic the text mentions; `add`/`remove` (editor overrides) and `own` (a Markdown
        post's Tags:) are kept as the editor wrote them, canonicalised."""
        opts = self.options
        blocks = split_blocks(title, content)
        occs, sentence_texts = salience.occurrences(blocks, self.matcher, self.taxonomy.origins)
        occs = salience.resolve(occs, sentence_texts, self.taxonomy.cues)
        score, named = salience.scores(occs)
        pairs = relations.pair_scores(occs, blocks)

        hinted = [self.canonical(h) for h in hints]
        hinted_names = {h.name for h in hinted if h}
        found = {}
        for entity, s in score.items():
            if entity in named and (s >= opts["min_score"] or entity.name in hinted_names):
                found[entity.name] = Detected(entity.name, entity.kind, (), s)
        for pair, evidence in pairs.items():
            a, b = sorted(pair, key=lambda e: e.name)
            weaker = min(score[a], score[b])
            evident = weaker >= opts["party_min"] and evidence >= opts["relation_min"]
            if evident or hinted_names:  # else no need to name the relation
                rel = self._relation(a, b, evidence + weaker)
                if evident or rel.name in hinted_names:
                    found[rel.name] = rel
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
