"""Where and how to reach Semantic Scholar: the settings, read from the environment."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from diffdata.net import host_of, without_password

DEFAULT_API_URL = "https://api.semanticscholar.org"
GRAPH = "/graph/v1"

DEFAULT_READ_TIMEOUT = 35.0
"""Seconds a request may wait for the server's next bytes: a little over the API gateway's 30 s, after which
the gateway itself answers 504 ``{"message": "Endpoint request timed out"}`` (retried); a shorter timeout
would cut, and send again, a slow batch the API was about to answer."""
CONNECT_TIMEOUT = 5.0
"""Seconds to open the connection (a host that does not answer within it is unreachable)."""
DEFAULT_REQUEST_DEADLINE = 60.0
"""Seconds one request may take in all (connection, headers and body), whatever the server does."""
DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024
"""Largest answer read (the API's own limit is 10 MB); a larger one fails without being read whole."""
DEFAULT_NOT_FOUND_MAX_AGE = timedelta(days=30)
"""Age after which a cached ``not_found`` answer is asked again (Semantic Scholar adds papers every week);
found answers are kept until ``--max-age`` or ``--refresh`` says otherwise."""
DEFAULT_BUDGET = 900.0
"""Seconds all the Semantic Scholar calls of one build may take, waits included; the rest is not fetched."""


def api_root(url: str) -> str:
    """``url`` without trailing slashes nor a trailing ``/graph/v1`` (which the client adds itself):
    ``https://api.semanticscholar.org/graph/v1/`` -> ``https://api.semanticscholar.org``."""
    url = url.strip().rstrip("/")
    if url.endswith(GRAPH):
        url = url[: -len(GRAPH)].rstrip("/")
    return url


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

    ``api_key`` is excluded from the repr (which only says whether a key is set). ``read_timeout`` bounds
    each wait for the server's bytes, ``request_deadline`` one request in all, ``max_answer_bytes`` its
    answer, ``budget`` all the calls of one client (one build), waits included. ``not_found_max_age`` is
    the age after which a cached ``not_found`` is asked again.
    """

    api_url: str = DEFAULT_API_URL
    api_key: str | None = field(default=None, repr=False)
    offline: bool = False
    request_deadline: float = DEFAULT_REQUEST_DEADLINE
    read_timeout: float = DEFAULT_READ_TIMEOUT
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    budget: float = DEFAULT_BUDGET
    not_found_max_age: timedelta = DEFAULT_NOT_FOUND_MAX_AGE

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_url", api_root(self.api_url))  # frozen: normalised once, here

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> S2Settings:
        """Build settings from ``S2_API_URL`` (the host, ``/graph/v1`` at its end accepted and dropped, see
        :func:`api_root`), ``S2_API_KEY`` (empty = none), ``DIFFDATA_OFFLINE=1``, and the
        limits ``DIFFDATA_S2_DEADLINE`` (seconds per request), ``DIFFDATA_S2_READ_TIMEOUT`` (seconds of
        waiting for the server's bytes), ``DIFFDATA_S2_MAX_BYTES`` (per answer) and
        ``DIFFDATA_S2_BUDGET`` (seconds per build), and ``DIFFDATA_S2_NOT_FOUND_DAYS`` (days a cached
        ``not_found`` is trusted); a limit that is not a positive number, or a key that is not
        a valid header value (:func:`check_api_key`), is a ValueError."""
        api_url = (environ.get("S2_API_URL") or "").strip() or DEFAULT_API_URL
        api_key = (environ.get("S2_API_KEY") or "").strip() or None
        check_api_key(api_key)
        offline = _truthy(environ.get("DIFFDATA_OFFLINE"))
        return cls(api_url=api_url, api_key=api_key, offline=offline,
                   request_deadline=_positive(environ, "DIFFDATA_S2_DEADLINE", DEFAULT_REQUEST_DEADLINE),
                   read_timeout=_positive(environ, "DIFFDATA_S2_READ_TIMEOUT", DEFAULT_READ_TIMEOUT),
                   max_answer_bytes=int(_positive(environ, "DIFFDATA_S2_MAX_BYTES", DEFAULT_MAX_ANSWER_BYTES)),
                   budget=_positive(environ, "DIFFDATA_S2_BUDGET", DEFAULT_BUDGET),
                   not_found_max_age=timedelta(days=_positive(environ, "DIFFDATA_S2_NOT_FOUND_DAYS",
                                                              DEFAULT_NOT_FOUND_MAX_AGE.days)))

    @property
    def host(self) -> str:
        """The host (and port) of ``api_url``, for messages (never a ``user:password@`` part)."""
        return host_of(self.api_url)

    def __repr__(self) -> str:
        key = "<set>" if self.api_key else None
        return (f"S2Settings(api_url={without_password(self.api_url)!r}, api_key={key!r}, offline={self.offline!r}, "
                f"request_deadline={self.request_deadline!r}, read_timeout={self.read_timeout!r}, "
                f"max_answer_bytes={self.max_answer_bytes!r}, "
                f"budget={self.budget!r}, not_found_max_age={self.not_found_max_age!r})")

    __str__ = __repr__
