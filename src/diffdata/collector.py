"""Python's cyclic garbage collector paused around a stage's work, as it was afterwards; the memory a finished
stage freed given back to the system (:func:`release_free_memory`).

The parser, the merge and the BibTeX writer each make hundreds of thousands of small objects that reference
counting frees (next to no cycles), and every full collection meanwhile would walk them and every object the
build holds: a fifth to a quarter of those stages' time at 100k mentions (``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache


@contextmanager
def collector_paused() -> Iterator[None]:
    """The block with the cyclic collector off; turned back on at the end (or on failure) if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def release_free_memory() -> None:
    """Give the memory freed by a finished stage back to the system (glibc's ``malloc_trim``). Freed blocks
    otherwise stay in the process, where neither Arrow's allocator nor Python's small-object arenas take them
    again: at 300k mentions the parse leaves about 300 MB so (``benchmarks/RESULTS.md``). Nothing happens where
    the C library is not glibc."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # another C library (musl has no malloc_trim)
        return None
