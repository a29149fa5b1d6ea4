"""The corpus signal: how many distinct dumps each normalised line appears in.

One cheap pass over the dumps folder (no parsing: lines of text, tags stripped from
HTML) before any dump is cleaned. A line that recurs across many dumps is the site's
furniture, whatever words it uses.
"""

import logging
import os
import re
from collections import Counter
from collections.abc import Iterable

from .blocks import line_key
from .decode import decode, looks_binary

logger = logging.getLogger(__name__)

DUMP_EXTENSIONS = (".txt", ".html", ".htm")
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
# Reading past this many bytes of one dump adds nothing: furniture sits at both ends.
_HEAD, _TAIL = 64_000, 64_000


def dump_files(root: str) -> list[str]:
    """Every dump under root, as paths relative to root, in a stable order."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        prefix = os.path.relpath(folder, root)  # once per folder: relpath is slow
        prefix = "" if prefix == os.curdir else prefix + os.sep
        found += [prefix + name for name in sorted(files) if name.lower().endswith(DUMP_EXTENSIONS)]
    return found


def is_html_name(source: str) -> bool:
    return source.lower().endswith((".html", ".htm"))


def lines_of(data: bytes, is_html: bool) -> set[str]:
    """The distinct line keys of one dump."""
    if looks_binary(data):
        return set()
    if len(data) > _HEAD + _TAIL:
        data = data[:_HEAD] + b"\n" + data[-_TAIL:]
    text = decode(data)
    if is_html:
        text = _TAGS.sub("\n", text)
    return {key for key in (line_key(line) for line in text.split("\n")) if key}


def recurring(key_sets: Iterable[set], min_dumps: int) -> frozenset:
    """Keys found in at least min_dumps of the sets (one set per dump)."""
    counts = Counter(key for keys in key_sets for key in keys)
    return frozenset(key for key, n in counts.items() if n >= min_dumps)


def recurring_lines(root: str, min_dumps: int) -> frozenset:
    """Line keys found in at least min_dumps distinct dumps under root."""
    def key_sets():
        for rel in dump_files(root):
            try:
                with open(os.path.join(root, rel), "rb") as handle:
                    yield lines_of(handle.read(), is_html_name(rel))
            except OSError as error:
                logger.warning("%s: cannot read for line statistics: %s", rel, error)

    return recurring(key_sets(), min_dumps)
