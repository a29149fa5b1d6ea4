"""The map's geometry (data/world.json) and the taxonomy's country codes, loaded once a build.

world.json is written by data/prepare_world.py from Natural Earth; the build only reads it.
Countries are matched to shapes by ISO 3166-1 alpha-2 code, which the taxonomy's
countries.yaml gives for every country topic name.
"""
import functools
import json
import logging
import re
from pathlib import Path

import yaml

logger = logging.getLogger(__name__)

GEOMETRY = Path(__file__).parent / "data" / "world.json"
TAXONOMY = Path(__file__).parent.parent / "topics" / "data"  # the topics plugin's default data_dir
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class World:
    """Shapes (SVG path data) and centres in map units, by ISO code; small states are dots."""

    def __init__(self, width: int, height: int, shapes: dict, dots: dict, unnamed: str):
        self.width, self.height = width, height
        self.shapes = {code: d for code, (d, _, _) in shapes.items()}  # code -> path data
        self.centres = {code: (x, y) for code, (_, x, y) in shapes.items()}  # shapes' and dots'
        self.centres.update({code: tuple(xy) for code, xy in dots.items()})
        self.dots = frozenset(dots)  # codes drawn as a dot: the scale has no shape for them
        self.unnamed = unnamed  # path data of land with no ISO code (drawn, never linked)
        # Every shape in one string, and where each lies in it: a page's background is
        # that string with its own shapes cut out, a few slices instead of 170 joins.
        self._all = "".join(self.shapes.values())
        self._spans, start = {}, 0
        for code, d in self.shapes.items():
            self._spans[code] = (start, start + len(d))
            start += len(d)

    def land(self, leave_out=frozenset()) -> str:
        """Path data of every shape but those in `leave_out`: the plain background."""
        pieces, position = [self.unnamed], 0
        for start, end in sorted(self._spans[code] for code in leave_out if code in self._spans):
            pieces.append(self._all[position:start])
            position = end
        pieces.append(self._all[position:])
        return "".join(pieces)


@functools.cache
def _world(path: Path, stamp: int) -> World:
    data = json.loads(path.read_text("utf-8"))
    return World(data["width"], data["height"], data["shapes"], data["dots"], "".join(data["unnamed"]))


def world(path: Path = GEOMETRY) -> World:
    """The geometry, parsed once per process (again only when the file changed)."""
    return _world(path, path.stat().st_mtime_ns)


# An entry as build_countries.py writes it: "- iso: TR" then "  name: Turkey", plain scalars
# ('NO' quoted: YAML 1.1 reads a bare NO or ON as a boolean).
_ENTRY = re.compile(r"^- iso: (?:'([A-Z]{2})'|(?!NO|ON)([A-Z]{2}))\n  name: ([^\W\d_][^\n#:'\"]*?) *$", re.M)
_ENTRIES = re.compile(r"^- ", re.M)


@functools.cache
def _codes(path: Path, stamp: int) -> dict:
    """Read with a regex when every entry is laid out as the generator writes it (0.5 ms);
    parsing the whole YAML (45 ms, the taxonomy's aliases and leaders too) otherwise."""
    text = path.read_text("utf-8")
    found = _ENTRY.findall(text)
    if len(found) == len(_ENTRIES.findall(text)):
        return {name: quoted or bare for quoted, bare, name in found}
    entries = yaml.load(text, Loader=_LOADER) or []
    return {e["name"]: e["iso"] for e in entries if isinstance(e, dict) and e.get("iso") and e.get("name")}


def codes(settings) -> dict:
    """{country topic name: ISO code} from the taxonomy the topics plugin reads (TOPICS data_dir)."""
    path = Path((settings.get("TOPICS") or {}).get("data_dir") or TAXONOMY) / "countries.yaml"
    if not path.is_file():
        logger.warning("maps: no %s, so no country can be placed on the map", path)
        return {}
    return _codes(path, path.stat().st_mtime_ns)
