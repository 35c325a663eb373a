"""A pure function mapped over many items on every core, with the result of the plain loop.

After parse, a build runs on one core; its per-item steps (each work's fields, each BibTeX entry) are pure
functions of items already in memory. :func:`pure_map` hands contiguous slices of the items to processes
forked from this one (which see the items without copying or pickling them) and computes the first slice
itself; only the results travel back, pickled. Where forking is not safe or not worth it (not Linux, one core,
few items) it is the plain loop.

>>> pure_map(len, ["a", "bb", "ccc"])
[1, 2, 3]
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["MIN_ITEMS", "pure_map", "workers"]

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items the plain loop is used: starting a process costs more than it saves.
MIN_ITEMS = 4000
_MAX_WORKERS = 4
_PIECE = 500  # items a forked process computes and sends back at a time

# The job the forked processes read: set just before they are forked, cleared when they are done.
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def workers() -> int:
    """How many processes :func:`pure_map` uses, this one included: the cores this process may use (at most
    four), and one (no forked process) on a system other than Linux."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1  # macOS and Windows start processes afresh (no shared memory): the loop is cheaper
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(available, _MAX_WORKERS))


def pure_map(fn: Callable[[T], R], items: Sequence[T], *, min_items: int | None = None) -> list[R]:
    """``[fn(item) for item in items]``, in order, on :func:`workers` processes when there are at least
    ``min_items`` (default :data:`MIN_ITEMS`). ``fn`` must be pure: what it changes in memory, a forked process
    changes in its own copy. An exception raised by ``fn`` is raised here; a forked process that dies (the
    system out of memory) raises ``concurrent.futures.process.BrokenProcessPool``."""
    n = workers()
    if n == 1 or len(items) < max(MIN_ITEMS if min_items is None else min_items, 2):
        return [fn(item) for item in items]
    global _job
    first = len(items) // n  # this process's share; the rest in pieces, so that no answer is large
    bounds = [(lo, min(lo + _PIECE, len(items))) for lo in range(first, len(items), _PIECE)]
    _job = (fn, items)
    try:  # an executor, not a Pool: a forked process that dies, or an answer that cannot be read back,
        # raises BrokenProcessPool here instead of waiting for ever
        with ProcessPoolExecutor(n - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            theirs = [pool.submit(_slice, b) for b in bounds]
            mine = _slice((0, first))
            rest = [t.result() for t in theirs]
    finally:
        _job = None
    out = mine
    for part in rest:
        out.extend(part)
    return out


def _slice(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None, "pure_map's job is set before its processes are forked"
    fn, items = _job
    return [fn(items[i]) for i in range(*bounds)]
