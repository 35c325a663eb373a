"""The Semantic Scholar Graph API's two endpoints the pipeline asks: the paper batch and the title match."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from diffdata.s2.answers import FIELDS
from diffdata.s2.retries import Retryable, S2Error
from diffdata.s2.settings import S2Settings
from diffdata.s2.transport import S2Transport, error_text

BATCH_LIMIT = 500
"""Most ids the batch endpoint takes in one call."""

NO_VALID_IDS = "No valid paper ids given"
HYPHENS = re.compile(r"[-\u2010\u2011]")
"""Hyphens: the API's query "yields no matches" for a hyphenated term ("replace it with space", OpenAPI)."""
TITLE_NOT_FOUND = "Title match not found"
"""The error text of the 404 that is a miss of the title match; any other 404 (a wrong ``S2_API_URL`` path
answers one too) is an error, never an answer."""


class S2Client(S2Transport):
    """Semantic Scholar Graph API client: :meth:`batch` and :meth:`match_title`, each one logical call with
    the retry policy, rate limit and budget of :class:`diffdata.s2.transport.S2Transport`.

    Why HTTP is not done through the ``semanticscholar`` package (v0.12.0), checked in its source
    (``ApiRequester.py``, ``AsyncSemanticScholar.py``, ``PaginatedResults.py``):

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
    this class speaks the same wire protocol itself, with ``requests``:
    ``POST /graph/v1/paper/batch?fields=...`` with ``{"ids": [...]}`` and
    ``GET /graph/v1/paper/search/match?query=...&fields=...``, key in the ``x-api-key`` header. The answers
    are read through the package's ``Paper`` model all the same (:func:`diffdata.s2.as_paper`).
    """

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
                raise S2Error(f"batch of {len(ids)} ids: HTTP {status} {error_text(body)}{self._wrong_path(status)}")
            if not isinstance(body, list):
                raise Retryable(f"batch answer is a {type(body).__name__}, not a list")
            if len(body) != len(ids):
                raise Retryable(f"batch answer has {len(body)} items for {len(ids)} ids")
            if not all(item is None or isinstance(item, dict) for item in body):
                raise Retryable("batch answer has items that are neither objects nor null")
            return body

        return self.call(
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
                raise S2Error(f"title match: HTTP {status} {error_text(body)}{self._wrong_path(status)}")
            data = body.get("data") if isinstance(body, dict) else None
            if not isinstance(data, list):
                raise Retryable("title match answer has no data list")
            if not data:
                return None
            if not isinstance(data[0], dict):
                raise Retryable("title match answer item is not an object")
            return data[0]

        return self.call(
            "GET", "/paper/search/match", params={"query": title, "fields": ",".join(fields)},
            json_body=None, handle=handle, what="title match",
        )

    def _wrong_path(self, status: int) -> str:
        """For a 404 that is not an answer of the API: a hint at ``S2_API_URL`` (host only, never a password)."""
        if status != 404:
            return ""
        return (f" (not an answer of the Semantic Scholar API: is S2_API_URL right? requests go to "
                f"{self.settings.host}{urlsplit(self.base_url).path.rstrip('/')}/paper/...)")


def make_client(settings: S2Settings, **kwargs: Any) -> S2Client | None:
    """An :class:`S2Client` for ``settings``, or None when offline (``DIFFDATA_OFFLINE=1``)."""
    return None if settings.offline else S2Client(settings, **kwargs)
