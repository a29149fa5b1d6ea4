"""The maps as inline SVG, drawn from the build's geometry and the topics' counts.

A map is plain text put together from path data prepared once (world.py): per page it
only picks shapes and joins strings. Countries are links shaded by their number of
articles, relations are lines between the two countries' centres, thicker with more
articles; every link is named ("Turkey: 12 articles") and sits in the document's tab
order: countries busiest first (small states, drawn as dots, after the shapes so they
paint on top), then relations busiest first.
"""
import math
from dataclasses import dataclass

from markupsafe import Markup, escape

LEVELS = 5  # shades of a country, widths of a relation line
BEND = 0.15  # a relation's curve: how far its middle leaves the straight line, per unit of length
DOT_RADIUS = 3


@dataclass(frozen=True)
class Drawn:
    """A map for the theme: its SVG, its legend [(css class, label)], what it shows."""

    svg: Markup
    legend: tuple = ()
    countries: int = 0
    relations: int = 0

    def __bool__(self):
        return bool(self.svg)


NOTHING = Drawn(Markup(""))


def level(count: int, least: int, most: int) -> int:
    """1 to LEVELS on a log scale from the least to the most articles: coverage is skewed
    (a few countries in hundreds of articles, most in a handful), so a linear scale would
    leave all but the busiest in the palest shade; counts all alike get the middle one."""
    if most <= least:
        return (LEVELS + 1) // 2
    return 1 + round((LEVELS - 1) * math.log(count / least) / math.log(most / least))


def _rank(topic):
    return -topic.count, topic.name.casefold()


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


def _levels(counts: list):
    """level() with the least and most of `counts`: a count's shade or width among them."""
    least, most = min(counts, default=1), max(counts, default=1)
    return lambda count: level(count, least, most)


def _legend(counts: list) -> tuple:
    """[(class, "2–3")] for the levels in use, each with the counts it covers."""
    shade, spans = _levels(counts), {}
    for count in counts:
        low, high = spans.get(shade(count), (count, count))
        spans[shade(count)] = (min(low, count), max(high, count))
    return tuple((f"c{n}", str(low) if low == high else f"{low}–{high}") for n, (low, high) in sorted(spans.items()))


class Maps:
    """The theme's map helpers for one build: the geometry and the taxonomy's codes."""

    def __init__(self, world, codes: dict):
        self.world = world
        self.codes = codes

    def place(self, topic):
        """A country topic's ISO code when the map can show it, else None."""
        code = self.codes.get(getattr(topic, "name", None))
        return code if code in self.world.centres else None

    def _svg(self, label: str, parts: list) -> Markup:
        w = self.world
        return Markup(f'<svg class="map" viewBox="0 0 {w.width} {w.height}" aria-label="{escape(label)}">'
                      + "".join(parts) + "</svg>")

    def _shape(self, code: str, cls: str) -> str:
        if code in self.world.dots:
            x, y = self.world.centres[code]
            return f'<circle class="{cls} dot" cx="{x:.0f}" cy="{y:.0f}" r="{DOT_RADIUS}"/>'
        return f'<path class="{cls}" d="{self.world.shapes[code]}"/>'

    def _line(self, a: str, b: str, cls: str) -> str:
        """A gentle curve from one centre to the other, bowed north, so lines that share a
        country fan out instead of lying on one another."""
        (x1, y1), (x2, y2) = self.world.centres[a], self.world.centres[b]
        dx, dy = x2 - x1, y2 - y1
        nx, ny = -dy, dx
        if ny > 0 or (ny == 0 and nx > 0):
            nx, ny = -nx, -ny
        cx, cy = (x1 + x2) / 2 + BEND * nx, (y1 + y2) / 2 + BEND * ny
        return f'<path class="{cls}" d="M{x1:.0f} {y1:.0f}Q{cx:.0f} {cy:.0f} {x2:.0f} {y2:.0f}"/>'

    @staticmethod
    def _link(siteurl: str, topic, body: str) -> str:
        # The title names the link (SVG-AAM) and is the tooltip, so the name is written once.
        name = escape(f"{topic.name}: {_articles(topic.count)}")
        return f'<a href="{escape(siteurl)}/{escape(topic.url)}"><title>{name}</title>{body}</a>'

    def _countries(self, siteurl, placed, cls) -> list:
        """Linked country shapes, then dots: `placed` is [(topic, code)] in tab order."""
        shapes = [self._link(siteurl, t, self._shape(code, cls(t))) for t, code in placed if code not in self.world.dots]
        dots = [self._link(siteurl, t, self._shape(code, cls(t))) for t, code in placed if code in self.world.dots]
        return shapes + dots

    def _relations(self, topics) -> list:
        """[(relation, code, code)] for relations whose two countries the map shows, busiest first."""
        found = []
        for topic in sorted(topics, key=_rank):
            parties = getattr(topic, "countries", ())
            codes = [self.place(c) for c in parties]
            if getattr(topic, "kind", None) == "relation" and len(codes) == 2 and all(codes) and codes[0] != codes[1]:
                found.append((topic, *codes))
        return found

    def coverage(self, groups, siteurl: str = "") -> Drawn:
        """/topics/'s map: every country with articles, shaded, and every relation.

        `groups` is the topics plugin's topics_by_kind: [(label, [topics])]."""
        topics = [t for _, members in groups for t in members]
        placed = [(t, code) for t in sorted(topics, key=_rank)
                  if getattr(t, "kind", None) == "country" and (code := self.place(t))]
        if not placed:
            return NOTHING
        counts = [t.count for t, _ in placed]
        shade = _levels(counts)
        relations = self._relations(topics)
        width = _levels([t.count for t, _, _ in relations])
        parts = [f'<path class="land" d="{self.world.land({code for _, code in placed})}"/>',
                 *self._countries(siteurl, placed, lambda t: f"c{shade(t.count)}")]
        parts += [self._link(siteurl, t, self._line(a, b, f"rel w{width(t.count)}")) for t, a, b in relations]
        return Drawn(self._svg("Map of the countries and relations we cover", parts),
                     _legend(counts), len(placed), len(relations))

    def relations(self, topic, siteurl: str = "") -> Drawn:
        """A country page's map: the country, its relations as lines, its partners linked."""
        if getattr(topic, "kind", None) != "country" or (own := self.place(topic)) is None:
            return NOTHING
        relations = self._relations(getattr(topic, "relations", ()))
        if not relations:
            return NOTHING
        partners = {}
        for relation, a, b in relations:
            other = relation.countries[1] if a == own else relation.countries[0]
            partners.setdefault(other, b if a == own else a)
        width = _levels([t.count for t, _, _ in relations])
        parts = [f'<path class="land" d="{self.world.land({own, *partners.values()})}"/>',
                 self._shape(own, "self"),
                 *self._countries(siteurl, list(partners.items()), lambda t: "partner")]
        parts += [self._link(siteurl, t, self._line(a, b, f"rel w{width(t.count)}")) for t, a, b in relations]
        return Drawn(self._svg(f"Map of the relations of {topic.name}", parts), (), 1 + len(partners), len(relations))
