"""A map over items spread over forked processes gives the serial map's list, or runs serially where it must."""

from __future__ import annotations

import os
import threading

import pytest

import diffdata.cores as cores
from diffdata.cores import forked_map, usable_cores

FORKS = pytest.mark.skipif(usable_cores() < 2, reason="needs Linux and two cores")


def _square_and_pid(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


@FORKS
def test_the_result_is_the_serial_map_in_order_and_the_work_is_shared() -> None:
    items = list(range(1001))
    got = forked_map(_square_and_pid, items, min_items=2)
    assert [v for v, _ in got] == [i * i for i in items]
    pids = {pid for _, pid in got}
    assert os.getpid() in pids and len(pids) == usable_cores()  # every core took a share, the build's too
    # every n-th item to each core: neighbours are computed apart
    assert got[0][1] == os.getpid() != got[1][1]


@FORKS
def test_closures_and_unpicklable_items_reach_the_workers() -> None:
    seen = {"offset": 7}
    items = [lambda i=i: i for i in range(50)]  # a lambda cannot be pickled: the workers inherit it
    assert forked_map(lambda f: f() + seen["offset"], items, min_items=2) == [i + 7 for i in range(50)]


@FORKS
def test_a_workers_exception_is_raised_here_and_the_map_can_run_again() -> None:
    def fail_on_odd(i: int) -> int:
        if i % 2:
            raise ValueError(f"item {i}")
        return i

    with pytest.raises(ValueError, match="item"):
        forked_map(fail_on_odd, list(range(10)), min_items=2)
    assert cores._job is None
    assert forked_map(abs, [-1, -2, 3], min_items=2) == [1, 2, 3]


def test_few_items_stay_in_this_process() -> None:
    got = forked_map(_square_and_pid, [1, 2, 3])
    assert got == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert usable_cores() == 1
        got = forked_map(_square_and_pid, list(range(20)), min_items=2)
        assert {pid for _, pid in got} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


@FORKS
def test_it_is_not_reentrant() -> None:
    def inner(i: int) -> list:
        return forked_map(abs, [-i, i], min_items=2)

    with pytest.raises(RuntimeError, match="reentrant"):
        forked_map(inner, [1, 2, 3, 4], min_items=2)
    assert cores._job is None
