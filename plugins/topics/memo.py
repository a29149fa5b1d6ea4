"""Tagging results kept between builds: an article whose title, text, hints and overrides
are unchanged is not tagged again, and a build that tags nothing does not even load the
taxonomy.

One pickle in CACHE_PATH maps a hash of the tagger's inputs to its result. The file is
named after a hash of the plugin's code, its taxonomy data and the TOPICS settings, so a
change to any of them starts afresh; entries a build did not use are dropped when it saves.
The Tagger itself is kept beside it, since unpickling it is five times faster than
building it from the taxonomy (2% of a one-dump rebuild of 1,000 dumps).
"""

import contextlib
import hashlib
import logging
import os
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

_CODE = Path(__file__).parent


def version(options, data_dir) -> str:
    digest = hashlib.blake2b(repr(sorted((k, repr(v)) for k, v in options.items())).encode(), digest_size=12)
    for folder in (_CODE, Path(data_dir)):
        for path in sorted(folder.glob("*.py")) + sorted(folder.glob("*.yaml")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


class Memo:
    def __init__(self, folder: str | None, version: str):
        self.version = version
        base = os.path.join(folder, f"topics-{version}") if folder else None
        self.path, self.tagger_path = (base + ".pickle", base + ".tagger") if base else (None, None)
        self.old, self.new = {}, {}
        if self.path and os.path.exists(self.path):
            try:
                with open(self.path, "rb") as handle:
                    self.old = pickle.load(handle)
            except Exception as error:  # a damaged cache is a cold cache
                logger.warning("%s: unreadable tagging cache, tagging afresh: %s", self.path, error)

    @staticmethod
    def key(*inputs) -> bytes:
        return hashlib.blake2b(pickle.dumps(inputs, protocol=5), digest_size=16).digest()

    def get(self, key: bytes):
        value = self.new.get(key, self.old.get(key))
        if value is not None:
            self.new[key] = value
        return value

    def put(self, key: bytes, value) -> None:
        self.new[key] = value

    def tagger(self, build):
        """The Tagger of this version: the one a build kept, else `build()`, then kept."""
        path = self.tagger_path
        if path and os.path.exists(path):
            try:
                with open(path, "rb") as handle:
                    return pickle.load(handle)
            except Exception as error:  # a damaged cache is a cold cache
                logger.warning("%s: unreadable tagger cache, building the tagger: %s", path, error)
        made = build()
        if path:
            self._write(path, made)
        return made

    def save(self) -> None:
        if not self.path or self.new.keys() == self.old.keys():
            return
        for stale in Path(self.path).parent.glob("topics-*"):
            if not stale.name.startswith(f"topics-{self.version}."):
                with contextlib.suppress(OSError):  # another version's: its code or settings are gone
                    stale.unlink()
        self._write(self.path, self.new)

    @staticmethod
    def _write(path: str, value) -> None:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path + ".tmp", "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(path + ".tmp", path)
        except OSError as error:
            logger.warning("%s: cannot save the tagging cache: %s", path, error)
