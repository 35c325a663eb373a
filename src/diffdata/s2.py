"""The network edge: Semantic Scholar Graph API client, its JSON file cache, and the fetch loop.

Nothing else in the package talks to Semantic Scholar. Three layers:

* :class:`S2Client` sends one logical request (a batch of up to 500 ids, or one title match) with bounded,
  testable retries (exponential backoff with full jitter, ``Retry-After`` honoured, caps on attempts and on
  total waiting) and a request-rate limit. ``sleep``, ``clock`` and ``rng`` are injected so tests are fast.
* :class:`S2Cache` keeps one readable JSON file per asked id under ``raw/semanticscholar/``, written
  atomically, so an interrupted run resumes and a rerun sends nothing.
* :func:`fetch_all` combines both: cache hits first, then ``ceil(n/500)`` batch calls and one title match per
  title, writing each answer as soon as it arrives; offline or unreachable means cache only, in one log line.

The API key is only ever put in the ``x-api-key`` request header: it never appears in a repr, a log line, an
exception message or a cache file (every message passes through :meth:`S2Client.redact`).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import math
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
from semanticscholar.Paper import Paper

from diffdata import text
from diffdata.net import NO_KEEPALIVE, AnswerTooLarge, DeadlineExceeded, bounded_request, host_of, without_password

DEFAULT_API_URL = "https://api.semanticscholar.org"
GRAPH = "/graph/v1"
BATCH_LIMIT = 500
"""Most ids the batch endpoint takes in one call."""

FIELDS: tuple[str, ...] = (
    "paperId",
    "corpusId",
    "externalIds",
    "url",
    "title",
    "abstract",
    "venue",
    "publicationVenue",
    "year",
    "referenceCount",
    "citationCount",
    "influentialCitationCount",
    "isOpenAccess",
    "openAccessPdf",
    "fieldsOfStudy",
    "publicationTypes",
    "publicationDate",
    "journal",
    "authors",
    "tldr",
    # Nested references are accepted by /paper/batch, /paper/{id} and /paper/search/match (OpenAPI: "Use a
    # period for subfields of citations and references"). Only the paperId is needed to build the citation
    # edges between works of the dataset, and it keeps the 10 MB answer limit far away.
    "references.paperId",
)
"""Paper fields requested from Semantic Scholar (the ``fields`` query parameter)."""

DEFAULT_REQUEST_DEADLINE = 60.0
"""Seconds one request may take in all (connection, headers and body), whatever the server does."""
DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024
"""Largest answer read (the API's own limit is 10 MB); a larger one fails without being read whole."""
DEFAULT_BUDGET = 900.0
"""Seconds all the Semantic Scholar calls of one build may take, waits included; the rest is not fetched."""

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
NO_VALID_IDS = "No valid paper ids given"


class S2Error(Exception):
    """A request to Semantic Scholar failed for good (retry budget spent, or a non-retryable answer)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class S2Unreachable(S2Error):
    """The host could not be reached at all (connection refused, DNS failure) on the first request."""


class S2BudgetSpent(S2Error):
    """The time budget of the client (one build's enrichment) is spent: no more requests are sent."""


# --------------------------------------------------------------------------------------------- settings


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


_HEADER_VALUE = re.compile(r"[\x21-\x7e]+")
"""What an API key may be: visible ASCII, no space or control character (a valid header value as is)."""
BAD_KEY = ("S2_API_KEY is not a valid HTTP header value (it has a space, a control character or a non-ASCII "
           "character): refused before any request; check how the key was pasted")


def check_api_key(key: str | None) -> None:
    """Raise ValueError (with a message that does not contain the key) when ``key`` cannot be sent as is."""
    if key is not None and not _HEADER_VALUE.fullmatch(key):
        raise ValueError(BAD_KEY)


def _positive(environ: Mapping[str, str], name: str, default: float) -> float:
    raw = (environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name}={raw!r}: a positive number of seconds or bytes is needed")
    return value


@dataclass(frozen=True)
class S2Settings:
    """Where and how to reach Semantic Scholar, read from the environment by :meth:`from_env`.

    ``api_key`` is excluded from the repr (which only says whether a key is set). ``request_deadline``
    bounds one request in all, ``max_answer_bytes`` its answer, ``budget`` all the calls of one client (one
    build), waits included.
    """

    api_url: str = DEFAULT_API_URL
    api_key: str | None = field(default=None, repr=False)
    offline: bool = False
    request_deadline: float = DEFAULT_REQUEST_DEADLINE
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    budget: float = DEFAULT_BUDGET

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> S2Settings:
        """Build settings from ``S2_API_URL``, ``S2_API_KEY`` (empty = none), ``DIFFDATA_OFFLINE=1``, and the
        limits ``DIFFDATA_S2_DEADLINE`` (seconds per request), ``DIFFDATA_S2_MAX_BYTES`` (per answer) and
        ``DIFFDATA_S2_BUDGET`` (seconds per build); a limit that is not a positive number, or a key that is not
        a valid header value (:func:`check_api_key`), is a ValueError."""
        api_url = (environ.get("S2_API_URL") or "").strip() or DEFAULT_API_URL
        api_key = (environ.get("S2_API_KEY") or "").strip() or None
        check_api_key(api_key)
        offline = _truthy(environ.get("DIFFDATA_OFFLINE"))
        return cls(api_url=api_url.rstrip("/"), api_key=api_key, offline=offline,
                   request_deadline=_positive(environ, "DIFFDATA_S2_DEADLINE", DEFAULT_REQUEST_DEADLINE),
                   max_answer_bytes=int(_positive(environ, "DIFFDATA_S2_MAX_BYTES", DEFAULT_MAX_ANSWER_BYTES)),
                   budget=_positive(environ, "DIFFDATA_S2_BUDGET", DEFAULT_BUDGET))

    @property
    def host(self) -> str:
        """The host (and port) of ``api_url``, for messages (never a ``user:password@`` part)."""
        return host_of(self.api_url)

    def __repr__(self) -> str:
        key = "<set>" if self.api_key else None
        return (f"S2Settings(api_url={without_password(self.api_url)!r}, api_key={key!r}, offline={self.offline!r}, "
                f"request_deadline={self.request_deadline!r}, max_answer_bytes={self.max_answer_bytes!r}, "
                f"budget={self.budget!r})")

    __str__ = __repr__


# ----------------------------------------------------------------------------------------------- client


class _Retryable(Exception):
    """Internal: this attempt failed in a way worth retrying."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date); None when absent or invalid."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


class S2Client:
    """Semantic Scholar Graph API client with bounded retries and a rate limit.

    Why HTTP is done with ``httpx`` directly rather than through the ``semanticscholar`` package (v0.12.0),
    checked in its source (``ApiRequester.py``, ``AsyncSemanticScholar.py``, ``PaginatedResults.py``):

    * it hides status codes and headers: a 429 becomes ``ConnectionRefusedError`` with a fixed message, so
      ``Retry-After`` cannot be honoured, and 502/503 (and a 200 ``{"error": ...}``) silently become ``{}``;
    * ``get_papers`` drops the ``null`` entries of the batch answer and guesses the not-found ids by matching
      ``externalIds`` case-insensitively, so the answer cannot be put back in the order of the asked ids
      faithfully, nor can a wrong-length answer be detected;
    * ``search_paper`` pastes the title into the query string unencoded (``f'query={query}'``), so a title
      with ``&``, ``#`` or ``+`` is sent corrupted;
    * at DEBUG level it logs the request headers and a curl command, i.e. the ``x-api-key`` value;
    * it opens a new HTTP client (and event loop) for every request.

    Every one of those matters for a bounded, faithful, key-safe client, and a wrapper cannot repair them, so
    this class speaks the same wire protocol itself, with the same transport the package uses (``httpx``):
    ``POST /graph/v1/paper/batch?fields=...`` with ``{"ids": [...]}`` and
    ``GET /graph/v1/paper/search/match?query=...&fields=...``, key in the ``x-api-key`` header.

    Retry policy of one logical call: up to ``max_attempts`` attempts. Retryable: HTTP 429, 500, 502, 503,
    504, timeouts, connection errors after the host was once reached, malformed JSON and answers of the wrong
    shape. Before attempt *k+1* the client waits ``Retry-After`` when the answer carried one, else a
    full-jitter backoff ``rng.uniform(0, min(max_backoff, base_backoff * 2**(k-1)))``. The sum of these waits
    never exceeds ``max_total_wait``: a backoff is cut to what is left, and a ``Retry-After`` longer than what
    is left gives up at once. A connection error or connect timeout before the host ever answered raises
    :class:`S2Unreachable` immediately. Requests are spaced by ``min_interval`` seconds (default 1.0 with a
    key, the rate of a new key; 0 without), measured with ``clock``; that spacing is not retry waiting.

    Bounds on time and memory: each attempt has a total deadline (``settings.request_deadline``, the
    connection, headers and body together, enforced by :func:`diffdata.net.bounded_request`) and reads at
    most ``settings.max_answer_bytes`` (a larger answer fails at once, without retry). All the calls of one
    client share ``settings.budget`` seconds from its first request, measured with ``clock``: an attempt gets
    at most what is left, a wait never goes past it, and once it is spent every call raises
    :class:`S2BudgetSpent` without sending anything.
    """

    def __init__(
        self,
        settings: S2Settings,
        *,
        timeout: float = 10.0,
        max_attempts: int = 5,
        max_total_wait: float = 60.0,
        min_interval: float | None = None,
        base_backoff: float = 1.0,
        max_backoff: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        check_api_key(settings.api_key)
        self.settings = settings
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.max_total_wait = max_total_wait
        self.min_interval = (1.0 if settings.api_key else 0.0) if min_interval is None else min_interval
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._last_request: float | None = None
        self._reached = False
        headers = {"accept": "application/json", "user-agent": "diffdata (+semantic scholar enrichment)"}
        if settings.api_key:
            headers["x-api-key"] = settings.api_key
        self._http = httpx.Client(
            base_url=settings.api_url.rstrip("/") + GRAPH,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            limits=NO_KEEPALIVE,
        )
        self._budget_end: float | None = None
        self.requests_sent = 0
        self.retries = 0
        self.failures = 0
        self.waited = 0.0

    def __repr__(self) -> str:
        return (
            f"S2Client({self.settings!r}, requests_sent={self.requests_sent}, retries={self.retries}, "
            f"failures={self.failures})"
        )

    def __enter__(self) -> S2Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying HTTP connection pool."""
        self._http.close()

    @property
    def counters(self) -> dict[str, int]:
        """Requests sent, retries and failed calls so far."""
        return {"requests": self.requests_sent, "retries": self.retries, "failures": self.failures}

    def redact(self, text: str) -> str:
        """``text`` with every written form of the API key, if any, replaced by ``***``: as is, as in the repr
        of a str or of bytes (escaped), and URL-encoded."""
        key = self.settings.api_key
        if not key:
            return text
        forms = {key, repr(key)[1:-1], repr(key.encode("utf-8", "backslashreplace"))[2:-1], quote(key, safe=""),
                 quote_plus(key)}
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "***")
        return text

    # -- public calls ---------------------------------------------------------------------------------

    def batch(self, ids: list[str], fields: Sequence[str] = FIELDS) -> list[dict | None]:
        """``POST /paper/batch``: one paper dict (or None when unknown) per id, in the order asked.

        At most 500 ids (ValueError above). The API's 400 ``No valid paper ids given`` (when no id
        resolves) means all None. Raises :class:`S2Error` once the retry budget is spent,
        :class:`S2Unreachable` when the host cannot be reached at all.
        """
        ids = list(ids)
        if len(ids) > BATCH_LIMIT:
            raise ValueError(f"at most {BATCH_LIMIT} ids per batch call, got {len(ids)}")
        if not ids:
            return []

        def handle(status: int, body: Any) -> list[dict | None]:
            if status == 400 and isinstance(body, dict) and body.get("error") == NO_VALID_IDS:
                return [None] * len(ids)
            if status != 200:
                raise S2Error(f"batch of {len(ids)} ids: HTTP {status} {_error_text(body)}")
            if not isinstance(body, list):
                raise _Retryable(f"batch answer is a {type(body).__name__}, not a list")
            if len(body) != len(ids):
                raise _Retryable(f"batch answer has {len(body)} items for {len(ids)} ids")
            if not all(item is None or isinstance(item, dict) for item in body):
                raise _Retryable("batch answer has items that are neither objects nor null")
            return body

        return self._call(
            "POST", "/paper/batch", params={"fields": ",".join(fields)}, json_body={"ids": ids},
            handle=handle, what=f"batch of {len(ids)} ids",
        )

    def match_title(self, title: str, fields: Sequence[str] = FIELDS) -> dict | None:
        """``GET /paper/search/match``: the best title match (with ``matchScore``), None on a miss (404).

        The match is not verified here (see :func:`diffdata.enrich.verify_title_match`).
        """

        def handle(status: int, body: Any) -> dict | None:
            if status == 404:
                return None
            if status != 200:
                raise S2Error(f"title match: HTTP {status} {_error_text(body)}")
            data = body.get("data") if isinstance(body, dict) else None
            if not isinstance(data, list):
                raise _Retryable("title match answer has no data list")
            if not data:
                return None
            if not isinstance(data[0], dict):
                raise _Retryable("title match answer item is not an object")
            return data[0]

        return self._call(
            "GET", "/paper/search/match", params={"query": title, "fields": ",".join(fields)},
            json_body=None, handle=handle, what="title match",
        )

    # -- machinery ------------------------------------------------------------------------------------

    def _throttle(self) -> None:
        if self.min_interval > 0 and self._last_request is not None:
            wait = self._last_request + self.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request = self._clock()

    def budget_left(self) -> float:
        """Seconds left of ``settings.budget`` (all of it before the first request)."""
        if self._budget_end is None:
            return self.settings.budget
        return self._budget_end - self._clock()

    def _check_budget(self) -> float:
        if self._budget_end is None:
            self._budget_end = self._clock() + self.settings.budget
        left = self.budget_left()
        if left <= 0:
            raise S2BudgetSpent(f"the enrichment budget of {self.settings.budget:g}s is spent")
        return left

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.max_backoff, self.base_backoff * 2 ** (attempt - 1))
        return self._rng.uniform(0, ceiling)

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str],
        json_body: Any,
        handle: Callable[[int, Any], Any],
        what: str,
    ) -> Any:
        waited = 0.0
        reason = "no attempt made"
        attempt = 0
        for attempt in range(1, self.max_attempts + 1):
            self._check_budget()
            self._throttle()
            left = self._check_budget()
            self.requests_sent += 1
            try:
                return self._attempt(method, path, params, json_body, handle,
                                     min(self.settings.request_deadline, left))
            except _Retryable as exc:
                reason = exc.reason
                retry_after = exc.retry_after
            except S2Unreachable:
                self.failures += 1
                raise
            except S2Error as exc:
                self.failures += 1
                raise S2Error(self.redact(exc.reason)) from None
            if attempt == self.max_attempts:
                break
            left = min(self.max_total_wait - waited, self.budget_left())
            if retry_after is not None:
                if retry_after > left:
                    reason += f" (Retry-After {retry_after:g}s exceeds the {left:g}s of wait budget left)"
                    break
                delay = retry_after
            else:
                delay = min(self._backoff(attempt), left)
                if left <= 0:
                    break
            self.retries += 1
            if delay > 0:
                self._sleep(delay)
            waited += delay
            self.waited += delay
        self.failures += 1
        message = f"{what}: gave up after {attempt} attempt(s), {waited:.1f}s waited: {reason}"
        raise S2Error(self.redact(message))

    def _attempt(
        self,
        method: str,
        path: str,
        params: dict[str, str],
        json_body: Any,
        handle: Callable[[int, Any], Any],
        deadline: float,
    ) -> Any:
        try:
            response = bounded_request(self._http, method, path, params=params, json=json_body,
                                       deadline=deadline, max_bytes=self.settings.max_answer_bytes)
        except DeadlineExceeded as exc:
            self._reached = True
            raise _Retryable(str(exc)) from None
        except AnswerTooLarge as exc:
            self._reached = True
            raise S2Error(str(exc)) from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            if not self._reached:
                raise S2Unreachable(
                    self.redact(f"Semantic Scholar not reachable at {self.settings.host}: {_exc_text(exc)}")
                ) from None
            raise _Retryable(f"connection failed: {_exc_text(exc)}") from None
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.timeout:g}s ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection broken: {_exc_text(exc)}") from None
        self._reached = True
        status = response.status
        text = response.text
        try:
            body: Any = json.loads(text) if text.strip() else None
        except ValueError:
            body = _MALFORMED
        if status in RETRYABLE_STATUSES:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            raise _Retryable(f"HTTP {status} {_error_text(body)}".rstrip(), retry_after)
        if body is _MALFORMED:
            if status == 200:
                raise _Retryable(f"malformed JSON in a {len(text)}-byte answer")
            body = None
        if status in (401, 403):
            raise S2Error(f"HTTP {status} {_error_text(body)}: the API key was refused or is required")
        return handle(status, body)


_MALFORMED = object()


def _error_text(body: Any) -> str:
    if isinstance(body, dict):
        for key in ("error", "message"):
            if isinstance(body.get(key), str):
                return body[key]
    return ""


def _exc_text(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def make_client(settings: S2Settings, **kwargs: Any) -> S2Client | None:
    """An :class:`S2Client` for ``settings``, or None when offline (``DIFFDATA_OFFLINE=1``)."""
    return None if settings.offline else S2Client(settings, **kwargs)


# ------------------------------------------------------------------------------------------ answer shape

MAX_COUNT = 2**53
"""Largest count or id accepted from an answer (what a JSON number holds exactly; Int64 holds it too)."""

_TEXT_FIELDS = ("paperId", "url", "title", "abstract", "venue", "publicationDate")
_COUNT_FIELDS = ("corpusId", "referenceCount", "citationCount", "influentialCitationCount")
_OBJECT_FIELDS = {"publicationVenue": "name", "openAccessPdf": "url", "journal": "name", "tldr": "text"}
_STRING_LIST_FIELDS = ("fieldsOfStudy", "publicationTypes")


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < high


def _is_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")  # what semanticscholar.Paper does with it
    except ValueError:
        return False
    return True


def as_paper(answer: Mapping[str, Any]) -> Paper:
    """An answer that :func:`check_paper` accepted, read into the ``semanticscholar`` package's ``Paper`` model.

    Two quirks of the model (v0.12.0) are covered: ``url`` raises AttributeError when the answer has no
    ``url`` (None here), and ``publicationDate`` is parsed with ``strptime``, which
    :func:`check_paper` has checked first.
    """
    return Paper({"url": None, **answer})  # without the key, the model leaves ``url`` unset


def check_paper(paper: Any) -> str | None:
    """Why ``paper`` (one answer of the API) does not have the shape the pipeline reads, or None when it does.

    Every field may be missing or null; when present: text fields are strings, counts and ids whole numbers
    in ``0..2**53``, ``year`` a whole number in ``1000..2999``, ``externalIds`` an object of strings or
    numbers, ``authors`` and ``references`` lists of objects (``name`` and ``paperId`` strings), the other
    objects objects, ``fieldsOfStudy`` and ``publicationTypes`` lists of strings, ``isOpenAccess`` a boolean,
    ``publicationDate`` a date ``YYYY-MM-DD``. An accepted answer can be read by :func:`as_paper`.
    """
    if not isinstance(paper, dict):
        return f"answer is a {type(paper).__name__}, not an object"

    def kind(value: Any) -> str:
        text = json.dumps(value, default=str)
        return f"{type(value).__name__} {text[:40]}{'...' if len(text) > 40 else ''}"

    for name in _TEXT_FIELDS:
        value = paper.get(name)
        if value is not None and not isinstance(value, str):
            return f"{name} is a {kind(value)}, not a string"
    for name in _COUNT_FIELDS:
        value = paper.get(name)
        if value is not None and not _whole(value, 0, MAX_COUNT):
            return f"{name} is {kind(value)}, not a whole number in 0..2**53"
    date = paper.get("publicationDate")
    if date is not None and not _is_date(date):
        return f"publicationDate is {kind(date)}, not a date YYYY-MM-DD"
    year = paper.get("year")
    if year is not None and not _whole(year, 1000, 3000):
        return f"year is {kind(year)}, not a whole number in 1000..2999"
    flag = paper.get("isOpenAccess")
    if flag is not None and not isinstance(flag, bool):
        return f"isOpenAccess is a {kind(flag)}, not a boolean"
    external = paper.get("externalIds")
    if external is not None:
        if not isinstance(external, dict):
            return f"externalIds is a {kind(external)}, not an object"
        for name, value in external.items():
            if value is not None and not (isinstance(value, str) or _whole(value, 0, MAX_COUNT)):
                return f"externalIds.{name} is a {kind(value)}, not a string or a whole number"
    for name, inner in _OBJECT_FIELDS.items():
        value = paper.get(name)
        if value is None:
            continue
        if not isinstance(value, dict):
            return f"{name} is a {kind(value)}, not an object"
        if value.get(inner) is not None and not isinstance(value.get(inner), str):
            return f"{name}.{inner} is a {kind(value.get(inner))}, not a string"
    for name in _STRING_LIST_FIELDS:
        value = paper.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"{name} is a {kind(value)}, not a list of strings"
    for name, inner in (("authors", "name"), ("references", "paperId")):
        value = paper.get(name)
        if value is None:
            continue
        if not isinstance(value, list):
            return f"{name} is a {kind(value)}, not a list"
        for item in value:
            if not isinstance(item, dict):
                return f"{name} has an item that is a {kind(item)}, not an object"
            if item.get(inner) is not None and not isinstance(item.get(inner), str):
                return f"{name} has an item whose {inner} is a {kind(item.get(inner))}, not a string"
    score = paper.get("matchScore")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)
                              or not math.isfinite(score)):
        return f"matchScore is a {kind(score)}, not a number"
    return None


# ----------------------------------------------------------------------------------------------- cache


def title_key(title: str) -> str:
    """The asked-id of a title lookup: ``TITLE:<normalised title>``."""
    return f"TITLE:{text.title_key(title)}"


_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def cache_file_name(asked_id: str) -> str:
    """A file name for ``asked_id``: readable for identifiers, hashed for titles.

    ``ARXIV:2006.11239`` -> ``ARXIV_2006.11239.json``; characters outside ``[A-Za-z0-9._-]`` become ``_`` and
    a short hash of the id is appended whenever that was lossy (``DOI:10.1/x`` -> ``DOI_10.1_x-<hash>.json``),
    so two ids never share a file. ``TITLE:...`` -> ``TITLE_<sha256[:20]>.json``.
    """
    digest = hashlib.sha256(asked_id.encode("utf-8")).hexdigest()
    prefix, sep, rest = asked_id.partition(":")
    if prefix == "TITLE" and sep:
        return f"TITLE_{digest[:20]}.json"
    stem = f"{prefix}_{rest}" if sep and not _SAFE.search(prefix) else asked_id
    safe = _SAFE.sub("_", stem)
    if safe != stem or len(safe) > 120 or safe.startswith("."):
        safe = f"{safe[:100]}-{digest[:10]}"
    return f"{safe}.json"


def utc_now() -> datetime:
    """The current time, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def iso(dt: datetime) -> str:
    """ISO 8601 UTC with a ``Z``: ``2024-12-08T02:26:24Z``."""
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def parse_iso(text: str) -> datetime:
    """Inverse of :func:`iso` (also accepts ``+00:00`` offsets)."""
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CacheEntry:
    """One stored answer: ``status`` is ``ok`` (``paper`` set) or ``not_found`` (``paper`` None)."""

    id: str
    fetched_at: str
    status: str
    paper: dict | None


class S2Cache:
    """One JSON file per asked id in ``directory`` (e.g. ``raw/semanticscholar/``).

    Content: ``{"fetched_at", "id", "paper", "status"}``, keys sorted, indent 2, trailing newline, written to
    a temporary file in the same directory then ``os.replace``d, so a killed run never leaves half a file
    and the same answer always gives the same bytes. Only answers are stored (``ok``, ``not_found``), never
    errors.
    """

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    def path(self, asked_id: str) -> Path:
        """The file that holds (or would hold) the answer for ``asked_id``."""
        return self.directory / cache_file_name(asked_id)

    def get(
        self, asked_id: str, max_age: timedelta | None = None, now: datetime | None = None
    ) -> CacheEntry | None:
        """The stored answer, or None when missing, unreadable, for another id, or older than ``max_age``."""
        entry = self.read(asked_id)
        if entry is None or max_age is None:
            return entry
        try:
            age = (now or utc_now()) - parse_iso(entry.fetched_at)
        except ValueError:
            return None
        return entry if age <= max_age else None

    def read(self, asked_id: str) -> CacheEntry | None:
        """The stored answer whatever its age, or None (also for an answer of the wrong shape, see
        :func:`check_paper`: it is asked again rather than trusted)."""
        try:
            data = json.loads(self.path(asked_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("id") != asked_id:
            return None
        status, paper = data.get("status"), data.get("paper")
        if status == "ok" and isinstance(paper, dict):
            if check_paper(paper) is not None:  # written by hand or by an older version: ask again
                return None
            return CacheEntry(asked_id, str(data.get("fetched_at")), "ok", paper)
        if status == "not_found" and paper is None:
            return CacheEntry(asked_id, str(data.get("fetched_at")), "not_found", None)
        return None

    def put(self, asked_id: str, paper: dict | None, fetched_at: datetime | str | None = None) -> CacheEntry:
        """Store the answer for ``asked_id`` (``paper`` None = not found) atomically and return it."""
        if fetched_at is None:
            fetched_at = utc_now()
        stamp = fetched_at if isinstance(fetched_at, str) else iso(fetched_at)
        entry = CacheEntry(asked_id, stamp, "ok" if paper is not None else "not_found", paper)
        content = {"fetched_at": stamp, "id": asked_id, "paper": paper, "status": entry.status}
        text = json.dumps(content, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path(asked_id)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return entry


# ------------------------------------------------------------------------------------------- fetch loop


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
    progress: bool = True,
    log: Callable[[str], None] = print,
    fields: Sequence[str] = FIELDS,
    now: Callable[[], datetime] = utc_now,
    max_consecutive_failures: int = 3,
) -> FetchResults:
    """Answer every request, from the cache when possible, else from Semantic Scholar; never raises S2Error.

    Requests are deduplicated by key (a plain string is an identifier key). Cache entries younger than
    ``max_age`` (any age when None) are used unless ``refresh``. The rest go out as ``ceil(n/500)`` batch
    calls for identifiers and one title match per title; each answer is cached as soon as its call returns,
    so an interrupted run resumes where it stopped. A failed call marks its ids ``error`` (not cached, so the
    next run asks again), and so does an answer of the wrong shape (:func:`check_paper`); after
    ``max_consecutive_failures`` failed calls in a row the rest is ``not_fetched``.

    Once the client's time budget is spent (:class:`S2BudgetSpent`), the rest is ``not_fetched`` (a stale
    cached answer is kept), in one log line. With ``client`` None (offline) or an unreachable host, nothing
    more is sent: ids with a cached answer (even a stale one) use it, the others are ``not_fetched``, and one
    line is logged. A stale or refreshed entry whose refetch failed is also kept rather than lost.
    """
    ordered = _by_key(requests)
    run = _Run.from_cache(ordered, cache, refresh=refresh, max_age=max_age, now=now())
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
                   max_age: timedelta | None, now: datetime) -> _Run:
        """Answer from ``cache`` what it holds fresh enough; the rest is ``todo``."""
        results: dict[str, FetchResult] = {}
        stale: dict[str, CacheEntry] = {}
        todo: list[LookupRequest] = []
        for key, req in ordered.items():
            entry = None if refresh else cache.get(key, max_age=max_age, now=now)
            if entry is not None:
                results[key] = _from_entry(entry, from_cache=True)
                continue
            old = cache.read(key)
            if old is not None:
                stale[key] = old
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
