"""The map's geometry (data/world.json) and the taxonomy's country codes, loaded once a build.

world.json is written by data/prepare_world.py from Natural Earth; the build only reads it.
Countries are matched to shapes by ISO 3166-1 alpha-2 code, which the taxonomy's
countries.yaml gives for every country topic name.
"""
import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import yaml

logger = logging.getLogger(__name__)

GEOMETRY = Path(__file__).parent / "data" / "world.json"
TAXONOMY = Path(__file__).parent.parent / "topics" / "data"  # the topics plugin's default data_dir
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class World:
    """Shapes (SVG path data) and centres in map units, by ISO code; small states are dots."""

    width: int
    height: int
    shapes: dict  # code -> path data
    centres: dict  # code -> (x, y), for shapes and dots
    dots: frozenset  # codes drawn as a dot: the scale has no shape for them
    unnamed: str  # path data of land with no ISO code (drawn, never linked)

    def land(self, leave_out=frozenset()) -> str:
        """Path data of every shape but those in `leave_out`: the plain background."""
        return "".join([self.unnamed, *(d for code, d in self.shapes.items() if code not in leave_out)])


@functools.cache
def _world(path: Path, stamp: int) -> World:
    data = json.loads(path.read_text("utf-8"))
    centres = {code: (x, y) for code, (_, x, y) in data["shapes"].items()}
    centres.update({code: tuple(xy) for code, xy in data["dots"].items()})
    return World(data["width"], data["height"], {code: d for code, (d, _, _) in data["shapes"].items()},
                 centres, frozenset(data["dots"]), "".join(data["unnamed"]))


def world(path: Path = GEOMETRY) -> World:
    """The geometry, parsed once per process (again only when the file changed)."""
    return _world(path, path.stat().st_mtime_ns)


@functools.cache
def _codes(path: Path, stamp: int) -> dict:
    entries = yaml.load(path.read_text("utf-8"), Loader=_LOADER) or []
    return {e["name"]: e["iso"] for e in entries if isinstance(e, dict) and e.get("iso") and e.get("name")}


def codes(settings) -> dict:
    """{country topic name: ISO code} from the taxonomy the topics plugin reads (TOPICS data_dir)."""
    path = Path((settings.get("TOPICS") or {}).get("data_dir") or TAXONOMY) / "countries.yaml"
    if not path.is_file():
        logger.warning("maps: no %s, so no country can be placed on the map", path)
        return {}
    return _codes(path, path.stat().st_mtime_ns)
