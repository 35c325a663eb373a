"""The Semantic Scholar Graph API client: one logical call with bounded retries, a rate limit and a budget."""

from __future__ import annotations

import email.utils
import json
import random
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, quote_plus

import httpx

from diffdata.net import NO_KEEPALIVE, AnswerTooLarge, DeadlineExceeded, bounded_request
from diffdata.s2.answers import FIELDS
from diffdata.s2.settings import CONNECT_TIMEOUT, GRAPH, S2Settings, check_api_key

BATCH_LIMIT = 500
"""Most ids the batch endpoint takes in one call."""

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
NO_VALID_IDS = "No valid paper ids given"
HYPHENS = re.compile(r"[-\u2010\u2011]")
"""Hyphens: the API's query "yields no matches" for a hyphenated term ("replace it with space", OpenAPI)."""
TITLE_NOT_FOUND = "Title match not found"
"""The error text of the 404 that is a miss of the title match; any other 404 (a wrong ``S2_API_URL`` path
answers one too) is an error, never an answer."""


class S2Error(Exception):
    """A request to Semantic Scholar failed for good (retry budget spent, or a non-retryable answer)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class S2Unreachable(S2Error):
    """The host could not be reached at all (connection refused, DNS failure) on the first request."""


class S2BudgetSpent(S2Error):
    """The time budget of the client (one build's enrichment) is spent: no more requests are sent."""


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

    Bounds on time and memory: each wait for the server's bytes is cut after ``timeout`` seconds
    (``settings.read_timeout`` unless given: 35 s, a little over the gateway's own 30 s), the connection
    after 5 s; each attempt has a total deadline (``settings.request_deadline``, the
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
        timeout: float | None = None,
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
        self.timeout = settings.read_timeout if timeout is None else timeout
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
            base_url=settings.api_url + GRAPH,  # api_url is normalised (settings.api_root)
            headers=headers,
            timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, CONNECT_TIMEOUT)),
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
                raise S2Error(f"batch of {len(ids)} ids: HTTP {status} {_error_text(body)}{self._wrong_path(status)}")
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
        """``GET /paper/search/match``: the best title match (with ``matchScore``), None on a miss (404
        ``{"error": "Title match not found"}``; any other 404 is an :class:`S2Error`).

        A title with hyphens that misses is asked a second time with each hyphen replaced by a space (the
        API finds nothing for a hyphenated term, "Score-Based" included). The match is not verified here (see
        :func:`diffdata.enrich.verify_title_match`).
        """
        hit = self._match_title(title, fields)
        plain = " ".join(HYPHENS.sub(" ", title).split())
        if hit is None and plain != " ".join(title.split()):
            hit = self._match_title(plain, fields)
        return hit

    def _match_title(self, title: str, fields: Sequence[str]) -> dict | None:

        def handle(status: int, body: Any) -> dict | None:
            if status == 404 and isinstance(body, dict) and body.get("error") == TITLE_NOT_FOUND:
                return None
            if status != 200:
                raise S2Error(f"title match: HTTP {status} {_error_text(body)}{self._wrong_path(status)}")
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

    def _wrong_path(self, status: int) -> str:
        """For a 404 that is not an answer of the API: a hint at ``S2_API_URL`` (host only, never a password)."""
        if status != 404:
            return ""
        return (f" (not an answer of the Semantic Scholar API: is S2_API_URL right? requests go to "
                f"{self.settings.host}{self._http.base_url.path.rstrip('/')}/paper/...)")

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
