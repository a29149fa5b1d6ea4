"""Handle a build's pages in forked processes, one per CPU.

Fingerprinting and rendering are work on objects the build already holds, so a forked
child takes its share of the pages straight from the parent's memory; only the jobs'
results, its log records and errors come back, pickled through a pipe. Without fork, or
for a few pages, the jobs run here, in order.
"""

import functools
import gc
import logging
import os
import pickle
import traceback
import warnings

logger = logging.getLogger(__name__)

# Below this many pages a fork costs more than it saves.
MIN_PAGES = 200


class _Collect(logging.Handler):
    """Keeps a child's log records as (logger name, level, message) for the parent."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _child(jobs, run, out_fd) -> None:
    # The parent's log handlers may hold locks taken by its other threads (Pelican's
    # spinner); the child logs into a list instead and never touches them.
    collect = _Collect()
    logging.getLogger().handlers = [collect]
    results = []
    try:
        for job in jobs:
            results.append(run(job))
        payload = (None, results, collect.records)
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        payload = (f"{error!r}\n{traceback.format_exc()}", results, collect.records)
    with os.fdopen(out_fd, "wb") as out:
        pickle.dump(payload, out)


def fork(work) -> tuple[int, int]:
    """A forked process that runs work(the write end of a pipe) and exits: (its pid, the
    pipe's read end). The child must not log through the parent's handlers (see _child)."""
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():  # Python 3.12+ warns of fork beside threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            work(write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def render_all(jobs: list, run, workers: int) -> list:
    """[run(job) for job in jobs], in `workers` processes when it pays (results unordered)."""
    if workers < 2 or len(jobs) < MIN_PAGES or not hasattr(os, "fork"):
        return [run(job) for job in jobs]
    children = []
    # Objects the garbage collector does not visit stay shared with the children instead
    # of being copied into them (or back into this process) by its first collection.
    gc.freeze()
    for k in range(1, workers):
        children.append(fork(functools.partial(_child, jobs[k::workers], run)))
    error, results = None, []
    try:
        results = [run(job) for job in jobs[0::workers]]
    except BaseException as failure:
        error = failure
    for pid, read_fd in children:
        with os.fdopen(read_fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        problem, theirs, records = pickle.loads(data) if data else ("a worker process died", [], [])
        results += theirs
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if problem and error is None:
            error = RuntimeError(f"handling pages failed in a worker process: {problem}")
    gc.unfreeze()
    if error is not None:
        raise error
    return results
