"""Memory a finished stage freed goes back to the system."""

from __future__ import annotations

import sys

import pytest

from diffdata.collector import _malloc_trim, release_free_memory


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux") or _malloc_trim() is None, reason="glibc only")
def test_freed_blocks_go_back_to_the_system() -> None:
    """300 MB in blocks of 4 KB (the C allocator's, not Python's small-object arenas), every 64th kept so that
    the heap cannot simply shrink from its top: freed, they stay in the process until released."""
    blocks = [bytes(4096) for _ in range(75_000)]
    kept = blocks[::64]
    del blocks
    before = _rss_mb()
    release_free_memory()
    after = _rss_mb()
    assert before - after > 150, (before, after)
    assert len(kept) == 1172


def test_it_is_harmless_where_there_is_nothing_to_release() -> None:
    release_free_memory()
    release_free_memory()
