"""Results kept between builds, so a rebuild only does the work its changes need.

One SQLite file in Pelican's CACHE_PATH: keys are hashes of everything a result depends
on, values are pickles. A build loads the file, reads what it can, adds what it computed
and drops what it no longer used, so the file holds one archive's worth of results, not
the history of every edit. A cache that cannot be read is rebuilt, never trusted.
"""

import logging
import os
import pickle
import sqlite3

logger = logging.getLogger(__name__)

FILENAME = "dumps.sqlite3"


class Store:
    """A dict-like view of the cache for one build; `save()` writes back what changed."""

    def __init__(self, folder: str | None):
        self.path = os.path.join(folder, FILENAME) if folder else None
        self.entries: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.added: dict[str, bytes] = {}
        if self.path and os.path.exists(self.path):
            try:
                with sqlite3.connect(self.path) as db:
                    self.entries = dict(db.execute("SELECT key, value FROM entries"))
            except sqlite3.Error as error:
                logger.warning("%s: unreadable build cache, starting afresh: %s", self.path, error)
                os.remove(self.path)

    def get(self, key: str):
        """The value stored under key, or None."""
        raw = self.added.get(key) or self.entries.get(key)
        if raw is None:
            return None
        try:
            value = pickle.loads(raw)
        except Exception:  # a stale pickle from older code is a miss, not an error
            return None
        self.used.add(key)
        return value

    def put(self, key: str, value) -> None:
        self.added[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.used.add(key)

    def save(self) -> None:
        """Write new entries and drop the ones this build did not use."""
        stale = [(key,) for key in self.entries.keys() - self.used]
        if not self.path or not (self.added or stale):
            return
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with sqlite3.connect(self.path, timeout=30) as db:
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                db.executemany("DELETE FROM entries WHERE key = ?", stale)
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", self.added.items())
        except (OSError, sqlite3.Error) as error:
            logger.warning("%s: cannot write the build cache (the next build starts cold): %s", self.path, error)
            return
        self.entries.update(self.added)
        for (key,) in stale:
            del self.entries[key]
        self.added = {}
