"""The Semantic Scholar edge: settings, the client (its two endpoints) on a transport with bounded retries,
a rate limit and a budget, the answers' shape and model, the JSON cache and the fetch loop. Nothing else in
the package talks to Semantic Scholar, and the API key is only ever sent as the ``x-api-key`` header (never
in a repr, log line, message or cache file)."""

from diffdata.s2.answers import FIELDS, MAX_COUNT, as_paper, check_paper
from diffdata.s2.cache import CacheEntry, S2Cache, cache_file_name, iso, parse_iso, utc_now
from diffdata.s2.client import BATCH_LIMIT, S2Client, make_client
from diffdata.s2.fetch import (
    NOT_REACHED,
    FetchResult,
    FetchResults,
    LookupRequest,
    batches_needed,
    fetch_all,
    title_key,
)
from diffdata.s2.retries import S2BudgetSpent, S2Error, S2Unreachable, parse_retry_after
from diffdata.s2.settings import (
    BAD_KEY,
    DEFAULT_API_URL,
    DEFAULT_BUDGET,
    DEFAULT_MAX_ANSWER_BYTES,
    DEFAULT_NOT_FOUND_MAX_AGE,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_REQUEST_DEADLINE,
    S2Settings,
    api_root,
    check_api_key,
)

__all__ = [
    "BAD_KEY", "BATCH_LIMIT", "DEFAULT_API_URL", "DEFAULT_BUDGET", "DEFAULT_MAX_ANSWER_BYTES",
    "DEFAULT_NOT_FOUND_MAX_AGE", "DEFAULT_READ_TIMEOUT", "DEFAULT_REQUEST_DEADLINE", "FIELDS", "MAX_COUNT",
    "NOT_REACHED", "CacheEntry", "FetchResult", "FetchResults", "LookupRequest", "S2BudgetSpent", "S2Cache",
    "S2Client", "S2Error", "S2Settings", "S2Unreachable", "api_root", "as_paper", "batches_needed",
    "cache_file_name", "check_api_key", "check_paper", "fetch_all", "iso", "make_client", "parse_iso",
    "parse_retry_after", "title_key", "utc_now",
]
