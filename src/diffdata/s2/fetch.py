"""The fetch loop: every lookup answered from the cache, else by batch calls and title matches."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from diffdata import text
from diffdata.s2.answers import FIELDS, check_paper
from diffdata.s2.cache import CacheEntry, S2Cache, is_fresh, utc_now
from diffdata.s2.client import BATCH_LIMIT, S2Client
from diffdata.s2.retries import S2BudgetSpent, S2Error, S2Unreachable
from diffdata.s2.settings import DEFAULT_NOT_FOUND_MAX_AGE


def title_key(title: str) -> str:
    """The asked-id of a title lookup: ``TITLE:<normalised title>``."""
    return f"TITLE:{text.title_key(title)}"


@dataclass(frozen=True)
class LookupRequest:
    """One thing to ask Semantic Scholar for one work.

    ``key`` is the asked id: ``ARXIV:<id>`` or ``DOI:<doi>`` (batch endpoint), or ``TITLE:<normalised
    title>`` (title match, sending ``title``). ``year`` and ``authors`` are carried to verify a title match.
    """

    work_id: str
    key: str
    title: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()

    @property
    def is_title(self) -> bool:
        """True for a title match, False for an identifier in the batch endpoint."""
        return self.key.startswith("TITLE:")


@dataclass(frozen=True)
class FetchResult:
    """What is known for one asked id.

    ``status``: ``ok`` (``paper`` set), ``not_found``, ``error`` (the request failed; ``reason`` says why) or
    ``not_fetched`` (offline, unreachable or skipped; ``reason`` says why). ``fetched_at`` is the time of the
    answer used (ISO 8601 UTC), None for error/not_fetched. ``from_cache`` tells whether no request was sent.
    """

    status: str
    paper: dict | None = None
    fetched_at: str | None = None
    reason: str | None = None
    from_cache: bool = False


class FetchResults(dict[str, FetchResult]):
    """``asked id -> FetchResult``, plus ``stats`` (counts for the run report)."""

    stats: dict[str, int]


def _from_entry(entry: CacheEntry, *, from_cache: bool, reason: str | None = None) -> FetchResult:
    return FetchResult(entry.status, entry.paper, entry.fetched_at, reason, from_cache)


class _Progress:
    """A tqdm bar on a terminal, plain log lines otherwise."""

    def __init__(self, total: int, enabled: bool, log: Callable[[str], None]) -> None:
        self.log = log
        self.counts = {"batches": 0, "titles": 0, "cache_hits": 0, "failures": 0}
        self.bar = None
        self.total = total
        if enabled and total and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="Semantic Scholar", unit="call", file=sys.stderr, leave=True)

    def step(self, message: str, *, plain: bool = True) -> None:
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(self.counts, refresh=False)
        elif plain:
            self.log(message)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# The reason stored on the data when no request could be made: the same offline and unreachable, so that a
# build without network gives the same dataset whichever way it was cut off (the log line says which).
NOT_REACHED = "not fetched: Semantic Scholar was not reached (offline or unreachable); cached answers used"


def fetch_all(
    requests: Iterable[LookupRequest | str],
    client: S2Client | None,
    cache: S2Cache,
    *,
    refresh: bool = False,
    max_age: timedelta | None = None,
    not_found_max_age: timedelta | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
    fields: Sequence[str] = FIELDS,
    now: Callable[[], datetime] = utc_now,
    max_consecutive_failures: int = 3,
) -> FetchResults:
    """Answer every request, from the cache when possible, else from Semantic Scholar; never raises S2Error.

    Requests are deduplicated by key (a plain string is an identifier key). Cache entries younger than
    ``max_age`` (any age when None) are used unless ``refresh``; a ``not_found`` answer also expires after
    ``not_found_max_age`` (by default the client's ``settings.not_found_max_age``, 30 days). The rest go out
    as ``ceil(n/500)`` batch calls for identifiers and one title match per title; each answer is cached as
    soon as its call returns,
    so an interrupted run resumes where it stopped. A failed call marks its ids ``error`` (not cached, so the
    next run asks again), and so does an answer of the wrong shape (:func:`check_paper`); after
    ``max_consecutive_failures`` failed calls in a row the rest is ``not_fetched``.

    Once the client's time budget is spent (:class:`S2BudgetSpent`), the rest is ``not_fetched`` (a stale
    cached answer is kept), in one log line. With ``client`` None (offline) or an unreachable host, nothing
    more is sent: ids with a cached answer (even a stale one) use it, the others are ``not_fetched``, and one
    line is logged. A stale or refreshed entry whose refetch failed is also kept rather than lost.
    """
    ordered = _by_key(requests)
    if not_found_max_age is None:
        not_found_max_age = client.settings.not_found_max_age if client is not None else DEFAULT_NOT_FOUND_MAX_AGE
    run = _Run.from_cache(ordered, cache, refresh=refresh, max_age=max_age, not_found_max_age=not_found_max_age,
                          now=now())
    calls = _calls(run.todo)
    prog = _Progress(len(calls), progress, log)
    prog.counts["cache_hits"] = len(run.results)
    unreachable = False
    try:
        if not run.todo:
            if ordered:
                log(f"Semantic Scholar: {len(ordered)} asked, all from cache")
        elif client is None:
            run.fall_back(run.todo, "not_fetched", NOT_REACHED)
            log(run.summary("Semantic Scholar lookups disabled (offline)"))
        else:
            unreachable = _send(calls, client, cache, run, prog, log=log, fields=fields, now=now,
                                max_consecutive_failures=max_consecutive_failures)
    finally:
        prog.close()
    run.stats["not_fetched"] = sum(1 for r in run.results.values() if r.status == "not_fetched")
    if client is not None:
        run.stats.update({f"client_{k}": v for k, v in client.counters.items()})
    if client is not None and run.todo and not unreachable:
        log(f"Semantic Scholar: {run.stats['asked']} asked, {run.stats['cache_hits']} from cache, "
            f"{run.stats['batch_calls']} batch calls, {run.stats['title_calls']} title matches, "
            f"{run.stats['errors']} errors, {client.retries} retries")
    out = FetchResults((key, run.results[key]) for key in ordered)
    out.stats = run.stats
    return out


def _by_key(requests: Iterable[LookupRequest | str]) -> dict[str, LookupRequest]:
    """The requests deduplicated by key, in first-seen order (a plain string is an identifier key)."""
    ordered: dict[str, LookupRequest] = {}
    for req in requests:
        if isinstance(req, str):
            req = LookupRequest(work_id=req, key=req)
        ordered.setdefault(req.key, req)
    return ordered


@dataclass
class _Run:
    """The answers of one :func:`fetch_all` as they accumulate: ``results`` by key, the ``stale`` cache entries
    kept in case a refetch fails, what is left ``todo`` and the counts in ``stats``."""

    results: dict[str, FetchResult]
    stale: dict[str, CacheEntry]
    todo: list[LookupRequest]
    stats: dict[str, int]

    @classmethod
    def from_cache(cls, ordered: Mapping[str, LookupRequest], cache: S2Cache, *, refresh: bool,
                   max_age: timedelta | None, not_found_max_age: timedelta | None, now: datetime) -> _Run:
        """Answer from ``cache`` what it holds fresh enough; the rest is ``todo``."""
        results: dict[str, FetchResult] = {}
        stale: dict[str, CacheEntry] = {}
        todo: list[LookupRequest] = []
        names = cache.names() if ordered else None  # listed once: no file is opened for an id without one
        for key, req in ordered.items():
            entry = cache.read(key, names)  # read once, fresh or not
            if entry is not None and not refresh and is_fresh(entry, max_age, now, not_found_max_age):
                results[key] = _from_entry(entry, from_cache=True)
                continue
            if entry is not None:
                stale[key] = entry
            todo.append(req)
        stats = {"asked": len(ordered), "cache_hits": len(results), "batch_calls": 0, "title_calls": 0,
                 "fetched": 0, "errors": 0, "not_fetched": 0}
        return cls(results, stale, todo, stats)

    def fall_back(self, reqs: Iterable[LookupRequest], status: str, reason: str) -> None:
        """No answer for ``reqs``: their stale cached answer when there is one, else ``status`` with ``reason``."""
        for r in reqs:
            if r.key in self.stale:
                self.results[r.key] = _from_entry(self.stale[r.key], from_cache=True, reason=reason)
            else:
                self.results[r.key] = FetchResult(status, reason=reason)

    def store(self, reqs: Sequence[LookupRequest], answers: Sequence[dict | None], cache: S2Cache,
              stamp: datetime) -> None:
        """Cache and keep the answers of one call; one of the wrong shape is an ``error``, never cached (one odd
        answer must not break every later build)."""
        for r, paper in zip(reqs, answers, strict=True):
            bad = None if paper is None else check_paper(paper)
            if bad is not None:
                self.fall_back([r], "error", f"malformed Semantic Scholar answer for {r.key}: {bad}")
                self.stats["errors"] += 1
                continue
            self.results[r.key] = _from_entry(cache.put(r.key, paper, stamp), from_cache=False)
            self.stats["fetched"] += 1

    def summary(self, what: str) -> str:
        """The one log line of a run that used the cache only."""
        cached = sum(1 for r in self.results.values() if r.from_cache)
        missing = sum(1 for r in self.results.values() if r.status == "not_fetched")
        return f"{what}: using cache only ({cached} cached, {missing} not fetched)"


def _calls(todo: Sequence[LookupRequest]) -> list[tuple[str, list[LookupRequest]]]:
    """The calls to send for ``todo``: batches of at most :data:`BATCH_LIMIT` identifiers, then one call per
    title, as ``(kind, requests)``."""
    id_reqs = [r for r in todo if not r.is_title]
    calls = [("batch", id_reqs[i : i + BATCH_LIMIT]) for i in range(0, len(id_reqs), BATCH_LIMIT)]
    return calls + [("title", [r]) for r in todo if r.is_title]


def _ask(client: S2Client, kind: str, reqs: Sequence[LookupRequest], fields: Sequence[str]) -> list[dict | None]:
    """One call: a batch of identifiers, or one title match."""
    if kind == "batch":
        return client.batch([r.key for r in reqs], fields)
    title = reqs[0].title or reqs[0].key[len("TITLE:") :]
    return [client.match_title(title, fields)]


def _rest(calls: Sequence[tuple[str, list[LookupRequest]]], index: int) -> list[LookupRequest]:
    """The requests of ``calls[index:]``."""
    return [r for _, group in calls[index:] for r in group]


def _send(calls: Sequence[tuple[str, list[LookupRequest]]], client: S2Client, cache: S2Cache, run: _Run,
          prog: _Progress, *, log: Callable[[str], None], fields: Sequence[str], now: Callable[[], datetime],
          max_consecutive_failures: int) -> bool:
    """Send ``calls`` in order, recording every answer in ``run``; True when the host was not reachable.

    Stops early, the rest ``not_fetched``, after ``max_consecutive_failures`` failed calls in a row, when the
    client's budget is spent or when the host cannot be reached.
    """
    n_batches = sum(1 for kind, _ in calls if kind == "batch")
    n_titles = len(calls) - n_batches
    consecutive = 0
    for index, (kind, reqs) in enumerate(calls):
        if consecutive >= max_consecutive_failures:
            rest = _rest(calls, index)
            run.fall_back(rest, "not_fetched", f"skipped after {consecutive} failed calls in a row")
            log(f"Semantic Scholar: {consecutive} failed calls in a row, {len(rest)} lookups skipped")
            return False
        try:
            answers = _ask(client, kind, reqs, fields)
        except S2BudgetSpent as exc:
            rest = _rest(calls, index)
            run.fall_back(rest, "not_fetched", f"not fetched: {exc.reason}")
            log(f"Semantic Scholar: {exc.reason}; {len(rest)} lookups not fetched (cached answers used)")
            return False
        except S2Unreachable:
            run.fall_back(_rest(calls, index), "not_fetched", NOT_REACHED)
            log(run.summary(f"Semantic Scholar not reachable at {client.settings.host}"))
            return True
        except S2Error as exc:
            consecutive += 1
            run.stats["errors"] += len(reqs)
            prog.counts["failures"] += 1
            run.fall_back(reqs, "error", exc.reason)
            prog.step(f"Semantic Scholar {kind} call failed: {exc.reason}")
            continue
        consecutive = 0
        run.stats[f"{kind}_calls"] += 1
        prog.counts["batches" if kind == "batch" else "titles"] += 1
        run.store(reqs, answers, cache, now())
        if kind == "batch":
            found = sum(1 for a in answers if a is not None)
            prog.step(f"Semantic Scholar batch {prog.counts['batches']}/{n_batches}: {len(reqs)} ids, {found} found")
        else:
            done = prog.counts["titles"]
            prog.step(f"Semantic Scholar title matches: {done}/{n_titles}", plain=done == n_titles or done % 25 == 0)
    return False


def batches_needed(n_ids: int) -> int:
    """Batch calls needed for ``n_ids`` identifiers: ``ceil(n/500)``."""
    return math.ceil(n_ids / BATCH_LIMIT)
