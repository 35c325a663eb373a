"""A map of a pure function over items, spread over the machine's cores by forking (:func:`forked_map`).

The parser spreads whole lists over worker processes; the later stages compute one result per work or per
entry (a work's fields, a BibTeX entry's text) from tables the build holds in memory. Sending those tables to
fresh processes would cost more than the work, so here the workers are *forked*: each starts as a copy of the
build, reads its share of the items where they are, and sends back only results. The build computes the first
share itself meanwhile. Where forking is not the safe, usual way to start a process (macOS, Windows), where
another thread runs (forking copies none of them and none of their locks' owners), or for few items, the map
runs in the build's process alone: the result is the same list either way.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

__all__ = ["MIN_ITEMS", "forked_map", "usable_cores"]

T = TypeVar("T")
R = TypeVar("R")

#: Fewer items than this are mapped in the build's process (forking and sending results back cost more).
MIN_ITEMS = 4000
MAX_WORKERS = 8

_job: tuple[Callable, Sequence] | None = None  # (function, items) of the map under way, read by forked workers


def usable_cores() -> int:
    """How many processes :func:`forked_map` would run at once here: 1 where it cannot fork safely."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def forked_map(fn: Callable[[T], R], items: Sequence[T], *, min_items: int | None = None) -> list[R]:
    """``[fn(item) for item in items]``, in order; with ``min_items`` items or more on a machine of several
    cores (default :data:`MIN_ITEMS`), each core takes every n-th item (so that a run of costly items is shared
    out) and every share but the first is mapped in a forked process.

    ``fn`` and the items need not be picklable (the workers inherit them); each result is pickled back, so it
    must be picklable and its pickled copy must stand for it (plain values, tables). A worker's exception is
    raised here. Not reentrant: ``fn`` must not call :func:`forked_map` itself.
    """
    cores = usable_cores()
    if cores < 2 or len(items) < max(MIN_ITEMS if min_items is None else min_items, 2):
        return [fn(item) for item in items]
    global _job
    if _job is not None:
        raise RuntimeError("forked_map is not reentrant")
    _job = (fn, items)
    out: list = [None] * len(items)
    try:
        with ProcessPoolExecutor(max_workers=cores - 1, mp_context=get_context("fork")) as pool:
            futures = [pool.submit(_run, k, cores) for k in range(1, cores)]
            out[::cores] = [fn(item) for item in items[::cores]]  # the build's own share, meanwhile
            for k, future in enumerate(futures, 1):
                out[k::cores] = future.result()
    finally:
        _job = None
    return out


def _run(first: int, step: int) -> list:
    """In a forked worker: the results of items ``first``, ``first + step`` ... of the map under way."""
    assert _job is not None, "a forked worker inherits the map under way"
    fn, items = _job
    return [fn(item) for item in items[first::step]]
