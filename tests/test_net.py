"""One bounded request: a total deadline and a size cap against a server that drips or floods (127.0.0.1)."""

from __future__ import annotations

import time

import httpx
import pytest

from diffdata.net import NO_KEEPALIVE, AnswerTooLarge, DeadlineExceeded, bounded_request
from tests.hostile_http import hostile_server


def client() -> httpx.Client:
    return httpx.Client(timeout=httpx.Timeout(30.0, connect=5.0), limits=NO_KEEPALIVE)


@pytest.mark.parametrize("mode", ["drip-body", "drip-headers"])
def test_a_dripping_server_is_cut_at_the_deadline(mode: str) -> None:
    with hostile_server(mode, interval=0.3) as server, client() as http:
        start = time.monotonic()
        with pytest.raises(DeadlineExceeded, match=r"within the 1\.5s deadline"):
            bounded_request(http, "GET", server.url + "/x", deadline=1.5, max_bytes=1 << 20)
        assert time.monotonic() - start < 10  # the read timeout (30 s) alone would never fire


def test_a_flooding_server_is_cut_at_the_size_cap() -> None:
    with hostile_server("flood") as server, client() as http, \
            pytest.raises(AnswerTooLarge, match="over the 1048576-byte limit"):
        bounded_request(http, "GET", server.url + "/x", deadline=30, max_bytes=1 << 20)


def test_a_declared_huge_answer_is_refused_before_reading() -> None:
    with hostile_server("huge-declared") as server, client() as http, \
            pytest.raises(AnswerTooLarge, match="declares 10000000000 bytes"):
        bounded_request(http, "GET", server.url + "/x", deadline=30, max_bytes=1 << 20)


def test_the_same_client_serves_the_next_request_after_a_cut() -> None:
    with hostile_server("drip-body", interval=0.3) as server, client() as http:
        for _ in range(2):
            with pytest.raises(DeadlineExceeded):
                bounded_request(http, "GET", server.url + "/x", deadline=0.8, max_bytes=1 << 20)
        assert server.connections == 2
