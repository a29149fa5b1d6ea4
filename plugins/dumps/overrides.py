"""Editor overrides: a small YAML file beside a dump that corrects what cleaning found.

    # dumps/2019-s400.txt.yaml
    title: Turkey tests the S-400 despite US warnings
    date: 2019-11-25
    author: Jane Doe
    slug: turkey-tests-s400
    tags: [NATO]            # topics added to what the tagger finds
    remove_tags: [Syria]    # topics the tagger must not give this dump
    status: draft           # or published / hidden / skip
"""

import logging
import os

import yaml
from pelican.utils import get_date

from . import datafile

logger = logging.getLogger(__name__)

KEYS = {"title", "date", "author", "slug", "tags", "remove_tags", "status", "summary"}
STATUSES = {"published", "draft", "hidden", "skip"}


class OverrideError(ValueError):
    """A broken override file; the message names the file and, when known, the line."""


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    raise ValueError("must be a list of names or a comma-separated string")


def parse(text: str, path: str) -> dict:
    """The override's fields, validated; raises OverrideError naming path and line."""
    try:
        data = datafile.load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise OverrideError(f"{where}: not valid YAML ({problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise OverrideError(f"{path}:1: expected 'key: value' lines, found {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - KEYS)
    if unknown:
        raise OverrideError(f"{path}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(KEYS))}")
    out = {}
    for key, value in data.items():
        if key in ("tags", "remove_tags"):
            try:
                out[key] = _as_list(value)
            except ValueError as error:
                raise OverrideError(f"{path}: {key} {error}") from None
        elif key == "status":
            if str(value) not in STATUSES:
                raise OverrideError(f"{path}: status must be one of {', '.join(sorted(STATUSES))}")
            out[key] = str(value)
        elif key == "date":
            try:
                out[key] = get_date(str(value))
            except ValueError:
                raise OverrideError(f"{path}: date {value!r} is not a date (use YYYY-MM-DD)") from None
        elif value is not None:
            out[key] = str(value).strip()
    return out


def load(dump_path: str, suffix: str) -> tuple[dict, str | None]:
    """(fields, error message) for the override beside dump_path; ({}, None) if none."""
    path = dump_path + suffix
    if not os.path.exists(path):
        return {}, None
    try:
        with open(path, encoding="utf-8") as handle:
            return parse(handle.read(), path), None
    except (OverrideError, OSError, UnicodeDecodeError) as error:
        return {}, str(error)
