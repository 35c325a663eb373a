"""Python's cyclic garbage collector paused around a stage's work, as it was afterwards.

The parser, the merge and the BibTeX writer each make hundreds of thousands of small objects that reference
counting frees (next to no cycles), and every full collection meanwhile would walk them and every object the
build holds: a fifth to a quarter of those stages' time at 100k mentions (``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
