"""One logical call to the Semantic Scholar API: bounded attempts over ``requests``, a rate limit, a time
budget, and the API key kept out of every message."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, quote_plus

from diffdata.net import (
    AnswerTooLarge,
    CannotConnect,
    DeadlineExceeded,
    RequestFailed,
    TimedOut,
    bounded_request,
    open_session,
)
from diffdata.s2.retries import (
    RETRYABLE_STATUSES,
    Retryable,
    S2BudgetSpent,
    S2Error,
    S2Unreachable,
    full_jitter,
    parse_retry_after,
)
from diffdata.s2.settings import CONNECT_TIMEOUT, GRAPH, S2Settings, check_api_key

Handler = Callable[[int, Any], Any]
"""Reads one answer (status, JSON body or None): returns the call's result or raises :class:`Retryable` or
:class:`S2Error`."""


class S2Transport:
    """Sends the calls of one build to ``settings.api_url`` + ``/graph/v1`` through one ``requests.Session``
    (key in the ``x-api-key`` header), each with bounded retries.

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
    after 5 s; each attempt has a total deadline (``settings.request_deadline``, the connection, headers and
    body together, enforced by :func:`diffdata.net.bounded_request`) and reads at most
    ``settings.max_answer_bytes`` (a larger answer fails at once, without retry). All the calls share
    ``settings.budget`` seconds from the first request, measured with ``clock``: an attempt gets at most what
    is left, a wait never goes past it, and once it is spent every call raises :class:`S2BudgetSpent`
    without sending anything.
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
        self.base_url = settings.api_url + GRAPH  # api_url is normalised (settings.api_root)
        self.timeout = settings.read_timeout if timeout is None else timeout
        self.connect_timeout = min(self.timeout, CONNECT_TIMEOUT)
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
        self._http = open_session(headers)
        self._budget_end: float | None = None
        self.requests_sent = 0
        self.retries = 0
        self.failures = 0
        self.waited = 0.0

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.settings!r}, requests_sent={self.requests_sent}, retries={self.retries}, "
            f"failures={self.failures})"
        )

    def __enter__(self) -> S2Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections kept open."""
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

    def budget_left(self) -> float:
        """Seconds left of ``settings.budget`` (all of it before the first request)."""
        if self._budget_end is None:
            return self.settings.budget
        return self._budget_end - self._clock()

    def call(self, method: str, path: str, *, params: dict[str, str], json_body: Any, handle: Handler,
             what: str) -> Any:
        """Send ``method path`` (under ``/graph/v1``) until ``handle`` accepts an answer, within the retry policy;
        raise :class:`S2Error` (or its kinds) naming ``what`` otherwise."""
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
            except Retryable as exc:
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
                if left <= 0:
                    break
                delay = min(full_jitter(attempt, self.base_backoff, self.max_backoff, self._rng), left)
            self.retries += 1
            if delay > 0:
                self._sleep(delay)
            waited += delay
            self.waited += delay
        self.failures += 1
        message = f"{what}: gave up after {attempt} attempt(s), {waited:.1f}s waited: {reason}"
        raise S2Error(self.redact(message))

    def _throttle(self) -> None:
        if self.min_interval > 0 and self._last_request is not None:
            wait = self._last_request + self.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request = self._clock()

    def _check_budget(self) -> float:
        if self._budget_end is None:
            self._budget_end = self._clock() + self.settings.budget
        left = self.budget_left()
        if left <= 0:
            raise S2BudgetSpent(f"the enrichment budget of {self.settings.budget:g}s is spent")
        return left

    def _attempt(self, method: str, path: str, params: dict[str, str], json_body: Any, handle: Handler,
                 deadline: float) -> Any:
        try:
            response = bounded_request(self._http, method, self.base_url + path, params=params, json=json_body,
                                       timeout=(self.connect_timeout, self.timeout), deadline=deadline,
                                       max_bytes=self.settings.max_answer_bytes)
        except DeadlineExceeded as exc:
            self._reached = True
            raise Retryable(str(exc)) from None
        except AnswerTooLarge as exc:
            self._reached = True
            raise S2Error(str(exc)) from None
        except CannotConnect as exc:
            if not self._reached:
                raise S2Unreachable(
                    self.redact(f"Semantic Scholar not reachable at {self.settings.host}: {exc}")) from None
            raise Retryable(f"connection failed: {exc}") from None
        except TimedOut as exc:
            raise Retryable(str(exc)) from None
        except RequestFailed as exc:
            raise Retryable(f"no answer: {exc}") from None
        self._reached = True
        status = response.status
        text = response.text
        try:
            body: Any = json.loads(text) if text.strip() else None
        except ValueError:
            body = _MALFORMED
        if status in RETRYABLE_STATUSES:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            raise Retryable(f"HTTP {status} {error_text(body)}".rstrip(), retry_after)
        if body is _MALFORMED:
            if status == 200:
                raise Retryable(f"malformed JSON in a {len(text)}-byte answer")
            body = None
        if status in (401, 403):
            raise S2Error(f"HTTP {status} {error_text(body)}: the API key was refused or is required")
        return handle(status, body)


_MALFORMED = object()


def error_text(body: Any) -> str:
    """The ``error`` (or ``message``) text of an API answer's JSON body, "" when it has none."""
    if isinstance(body, dict):
        for key in ("error", "message"):
            if isinstance(body.get(key), str):
                return body[key]
    return ""
