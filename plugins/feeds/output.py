"""Write generated files only when their bytes change, so unchanged feeds keep their
mtime (rsync, CI caches and HTTP Last-Modified stay quiet between identical builds)."""

import logging
from pathlib import Path

__all__ = ["write_if_changed"]

logger = logging.getLogger(__name__)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Return True when the file was (re)written."""
    if path.is_file() and path.read_bytes() == data:
        logger.debug("Unchanged %s", path)
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    logger.info("Writing %s", path)
    return True
