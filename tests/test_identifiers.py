"""identifiers.py owns the one list of tracking parameters: url_identity leaves them out of a page's address,
and the link check (rule DD203) reports each of them."""

from __future__ import annotations

import pytest

from diffdata.check.links import _tracking
from diffdata.identifiers import TRACKING_PARAMETERS, TRACKING_PREFIXES, is_tracking_parameter, url_identity

NAMES = sorted(TRACKING_PARAMETERS) + [f"{prefix}campaign" for prefix in TRACKING_PREFIXES]


@pytest.mark.parametrize("name", NAMES)
def test_a_tracking_parameter_is_dropped_from_the_address_and_reported(name: str) -> None:
    url = f"https://example.org/page?{name}=x1"
    assert url_identity(url) == url_identity("https://example.org/page") == "example.org/page"
    assert url_identity(f"https://example.org/page?id=2&{name.upper()}=x1") == "example.org/page?id=2"
    assert _tracking(url) == [name]


def test_real_parameters_stay_and_si_is_a_tracker_only_where_it_shares() -> None:
    assert url_identity("https://example.org/page?id=2") == "example.org/page?id=2"
    assert _tracking("https://example.org/page?id=2&style=flat") == []
    assert url_identity("https://example.org/page?si=3") == "example.org/page?si=3"
    assert url_identity("https://open.spotify.com/episode/abc?si=3") == "open.spotify.com/episode/abc"
    assert _tracking("https://m.youtube.com/watch?v=abcdefgh&si=3") == ["si"]
    assert not is_tracking_parameter("si") and is_tracking_parameter("si", "www.youtube.com")
    assert not is_tracking_parameter("id") and not is_tracking_parameter("references")
