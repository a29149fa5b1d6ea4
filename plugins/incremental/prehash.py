"""Digests of the site's articles and topics, worked out in a forked process while Pelican
queues its pages, so that the processes that fingerprint pages start with them.

Every page's fingerprint hashes the articles and topics it shows (fingerprint.py), and
each process that fingerprints pages would otherwise hash them all again. The work
starts once Pelican asks for its writer: every generator's context is final by then,
intra-site links in summaries included. While Pelican queues its pages (in its one
process, a second of a rebuild at 5,000 articles), another CPU hashes the objects; the
page workers, forked later, inherit the digests. If the process fails, the pages are
fingerprinted as they would be without it: nothing is lost but the time.
"""

import logging
import os
import pickle

from .fingerprint import MAX_DEPTH, Fingerprints
from .parallel import fork

logger = logging.getLogger(__name__)

DEPTHS = range(MAX_DEPTH + 1)


class Prehash:
    def __init__(self, objects: list):
        self.objects = objects
        self.pid = self.fd = None
        if hasattr(os, "fork"):
            self.pid, self.fd = fork(self._child)

    def _child(self, write_fd: int) -> None:
        # The parent's log handlers may hold locks its other threads took (Pelican's
        # spinner): this process logs nothing, and a failure just sends nothing back.
        logging.disable(logging.CRITICAL)
        fingerprints = Fingerprints(b"")
        digests = [[fingerprints.value(o, depth) for depth in DEPTHS] for o in self.objects]
        with os.fdopen(write_fd, "wb") as out:
            pickle.dump(digests, out, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> bytes:
        """Wait for the process; what it sent back (b"" once closed)."""
        if self.pid is None:
            return b""
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        self.pid = None
        return data

    def install(self, fingerprints: Fingerprints) -> None:
        """Wait for the digests and give them to `fingerprints` (nothing, if they failed)."""
        data = self.close()
        if not data:
            return
        try:
            digests = pickle.loads(data)
        except Exception:  # noqa: BLE001 - the pages are fingerprinted without them
            logger.debug("page digests worked out ahead were lost; fingerprinting without them")
            return
        if len(digests) != len(self.objects):
            return
        for value, found in zip(self.objects, digests):
            for depth, digest in zip(DEPTHS, found):
                fingerprints.known(value, depth, digest)
