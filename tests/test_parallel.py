"""pure_map: the plain loop's result, computed in forked processes when there are many items."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from diffdata import parallel, pipeline
from diffdata.memo import memo_map
from diffdata.s2 import S2Settings
from tests.deadline import finishes


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes whatever this machine has (forking works on one core too), from two items on, the forked
    one's answers in pieces of seven items."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here: pure_map is the plain loop")
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "_PIECE", 7)


def test_the_results_are_the_loops_in_order_and_computed_in_two_processes(two_workers: None) -> None:
    items = list(range(101))
    out = parallel.pure_map(_square_and_pid, items)
    assert [v for v, _ in out] == [x * x for x in items]
    pids = [p for _, p in out]
    assert pids[0] == os.getpid()  # the first slice here
    assert len(set(pids)) == 2 and pids[-1] != os.getpid()  # the last in a forked process
    assert pids == sorted(pids, key=lambda p: p != os.getpid())  # contiguous slices
    assert parallel._job is None  # nothing of the job is kept


def test_few_items_or_one_worker_run_the_plain_loop(two_workers: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert {p for _, p in parallel.pure_map(_square_and_pid, [1, 2, 3], min_items=10)} == {os.getpid()}
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    assert {p for _, p in parallel.pure_map(_square_and_pid, list(range(50)))} == {os.getpid()}


def _fails_on_97(x: int) -> int:
    if x == 97:
        raise ValueError(f"bad item {x}")
    return x


def test_an_exception_in_a_forked_process_is_raised_here(two_workers: None) -> None:
    with pytest.raises(ValueError, match="bad item 97"):
        parallel.pure_map(_fails_on_97, list(range(100)))
    assert parallel._job is None


class TwoArgumentError(Exception):
    def __init__(self, a: int, b: int) -> None:  # pickled by its message only: cannot be made again from it
        super().__init__(f"{a}:{b}")


def _fails_unreadably(x: int) -> int:
    if x == 97:
        raise TwoArgumentError(1, 2)
    return x


def _dies_in_a_forked_process(x: int) -> int:
    if x == 97 and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)  # as the system's out-of-memory killer would
    return x


PARENT = os.getpid()


@pytest.mark.parametrize("fn", [_fails_unreadably, _dies_in_a_forked_process])
def test_a_forked_process_that_cannot_answer_raises_instead_of_hanging(two_workers: None, fn) -> None:
    with finishes(60), pytest.raises(BrokenProcessPool):
        parallel.pure_map(fn, list(range(100)))
    assert parallel._job is None


def test_workers_is_one_where_fork_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.sys, "platform", "darwin")
    assert parallel.workers() == 1


class DictMemo(dict):
    def get(self, key: str) -> bytes | None:  # type: ignore[override]
        return super().get(key)

    def put(self, key: str, value: bytes) -> None:
        self[key] = value


def test_memo_map_computes_its_misses_in_parallel_and_keeps_them(two_workers: None) -> None:
    memo = DictMemo()
    items = list(range(40))
    first = memo_map(memo, "square", _square_and_pid, items)
    assert [v for v, _ in first] == [x * x for x in items] and len({p for _, p in first}) == 2
    assert len(memo) == 40
    memo_map(memo, "square", _square_and_pid, items[:10])  # all hits: nothing to compute
    mixed = memo_map(memo, "square", _square_and_pid, [5, 1000, 6])  # one miss between two hits
    assert [v for v, _ in mixed] == [25, 1_000_000, 36] and len(memo) == 41


def test_a_build_in_parallel_writes_what_the_plain_loop_writes(tmp_path: Path, root: Path,
                                                                two_workers: None,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    offline = pipeline.EnrichOptions(S2Settings(offline=True), progress=False)
    outputs, forked = [], []
    real_context = parallel.multiprocessing.get_context
    monkeypatch.setattr(parallel.multiprocessing, "get_context",
                        lambda method: forked.append(method) or real_context(method))
    for name, n in (("forked", 2), ("loop", 1)):
        monkeypatch.setattr(parallel, "workers", lambda n=n: n)
        target = tmp_path / name
        shutil.copytree(root / "raw", target / "raw")
        pipeline.build(target, log=lambda _m: None, enrich_options=offline)
        outputs.append({p.name: p.read_bytes() for p in sorted((target / "processed").iterdir()) if p.is_file()})
    assert forked  # the first build's memoised steps ran in two processes
    assert len(outputs[0]) > 10 and outputs[0] == outputs[1]
