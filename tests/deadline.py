"""A watchdog for tests of hostile input (no timing claim: timings live in benchmarks/).

:func:`finishes` fails the test when its block has not returned after ``seconds``, a bound hundreds of times
above what reading the input in linear time takes, so that a regex that backtracks or a loop over a quadratic
number of steps fails the suite instead of hanging it.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def finishes(seconds: int = 60) -> Iterator[None]:
    """Run the block; raise AssertionError if it is still running after ``seconds`` (main thread, POSIX)."""

    def expired(_signum: int, _frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: the work grows faster than the input")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
