"""Furniture by kind: the patterns of data/boilerplate.yaml (plus the site's own)."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("data") / "boilerplate.yaml"
_STRIP = re.compile(r"^[\s>*•·\-–—|#]+|[\s|]+$")


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    short_only: bool
    starts_zone: bool

    @property
    def name(self) -> str:
        return f"{self.kind}: /{self.pattern.pattern}/"


class Boilerplate:
    """Classify one line of text as a kind of furniture, or not."""

    def __init__(self, extra: dict | None = None):
        data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
        self.short_words = int(data.get("short_words", 15))
        kinds = {k: dict(v) for k, v in data["kinds"].items()}
        for kind, spec in (extra or {}).items():
            target = kinds.setdefault(kind, {})
            for scope in ("short", "any"):
                target[scope] = list(target.get(scope, [])) + list(spec.get(scope, []))
            target.setdefault("starts_zone", spec.get("starts_zone", False))
        self.rules = [
            Rule(kind, re.compile(p, re.IGNORECASE), scope == "short", bool(spec.get("starts_zone")))
            for kind, spec in kinds.items()
            for scope in ("short", "any")
            for p in spec.get(scope, [])
        ]

    @lru_cache(maxsize=65536)  # noqa: B019 - instances live for the process (boilerplate_for)
    def match(self, text: str) -> Rule | None:
        """The first rule that matches this line, tried on the line without its markers.

        Cached: text dumps ask once while rejoining wrapped lines and again while cleaning.
        """
        line = _STRIP.sub("", text.replace("**", "")).strip()
        if not line:
            return None
        short = len(line.split()) <= self.short_words
        for rule in self.rules:
            if (short or not rule.short_only) and rule.pattern.search(line):
                return rule
        return None


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
