"""What a failed attempt at Semantic Scholar means: the errors, which failures are retried, ``Retry-After``
and the full-jitter backoff between attempts."""

from __future__ import annotations

import email.utils
import random
from datetime import UTC, datetime

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
"""HTTP statuses tried again: rate limited, or the API (or its gateway) failed for now."""


class S2Error(Exception):
    """A request to Semantic Scholar failed for good (retry budget spent, or a non-retryable answer)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class S2Unreachable(S2Error):
    """The host could not be reached at all (connection refused, DNS failure) on the first request."""


class S2BudgetSpent(S2Error):
    """The time budget of the client (one build's enrichment) is spent: no more requests are sent."""


class Retryable(Exception):
    """This attempt failed in a way worth another one (after ``retry_after`` seconds when the server said)."""

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


def full_jitter(attempt: int, base: float, ceiling: float, rng: random.Random) -> float:
    """The wait after failed attempt number ``attempt``: uniform in ``[0, min(ceiling, base * 2**(attempt-1))]``."""
    return rng.uniform(0, min(ceiling, base * 2 ** (attempt - 1)))
