"""One bounded request: a total deadline and a size cap against a server that drips or floods (127.0.0.1)."""

from __future__ import annotations

import time
import tracemalloc

import pytest
import requests

from diffdata.net import (
    AnswerTooLarge,
    CannotConnect,
    DeadlineExceeded,
    RequestFailed,
    TimedOut,
    bounded_request,
    open_session,
)
from tests.fake_s2 import closed_port
from tests.hostile_http import BOMB_BYTES, LIST, hostile_server

SLOW = (30.0, 30.0)  # connect and read timeouts that never fire in these tests: only the deadline can


@pytest.mark.parametrize(("mode", "scheme"), [("drip-body", "http"), ("drip-headers", "http"),
                                              ("drip-tls", "https")])
def test_a_dripping_server_is_cut_at_the_deadline(mode: str, scheme: str) -> None:
    """Each byte comes well within the 30 s timeouts: only the deadline can end it (the server gives up after
    20 s). The TLS handshake too: the socket is watched from the moment it is connected."""
    with hostile_server(mode, interval=0.3) as server, open_session() as http:
        start = time.monotonic()
        with pytest.raises(DeadlineExceeded, match=r"within the 1\.5s deadline"):
            bounded_request(http, "GET", server.url.replace("http", scheme) + "/x", deadline=1.5,
                            max_bytes=1 << 20, timeout=SLOW)
        assert time.monotonic() - start < 10


def test_a_kept_alive_connection_is_cut_at_the_deadline_too() -> None:
    """The second request goes on the first one's connection (no new socket): it is watched all the same."""
    with hostile_server("keepalive-drip", interval=0.3) as server, open_session() as http:
        assert bounded_request(http, "GET", server.url + "/a", deadline=5, max_bytes=100, timeout=SLOW).content == b"{}"
        start = time.monotonic()
        with pytest.raises(DeadlineExceeded):
            bounded_request(http, "GET", server.url + "/b", deadline=1.5, max_bytes=1 << 20, timeout=SLOW)
        assert time.monotonic() - start < 10
        assert server.connections == 1 and server.paths == ["/a", "/b"]


def test_the_same_session_serves_the_next_request_after_a_cut() -> None:
    with hostile_server("drip-body", interval=0.3) as server, open_session() as http:
        for _ in range(2):
            with pytest.raises(DeadlineExceeded):
                bounded_request(http, "GET", server.url + "/x", deadline=0.8, max_bytes=1 << 20, timeout=SLOW)
        assert server.connections == 2


def test_a_flooding_server_is_cut_at_the_size_cap() -> None:
    with hostile_server("flood") as server, open_session() as http, \
            pytest.raises(AnswerTooLarge, match="over the 1048576-byte limit"):
        bounded_request(http, "GET", server.url + "/x", deadline=30, max_bytes=1 << 20, timeout=SLOW)


def test_a_declared_huge_answer_is_refused_before_reading() -> None:
    """The server sends 4 of its 10 GB and closes: reading would fail otherwise than on the declared size."""
    with hostile_server("huge-declared") as server, open_session() as http, \
            pytest.raises(AnswerTooLarge, match="declares 10000000000 bytes"):
        bounded_request(http, "GET", server.url + "/x", deadline=30, max_bytes=1 << 20, timeout=SLOW)


def test_a_gzip_bomb_costs_at_most_about_the_cap() -> None:
    """200 KB on the wire (under the cap) that decode to 200 MB: the cap counts decoded bytes, and they are
    decoded a chunk at a time, never all at once."""
    cap = 1 << 20
    with hostile_server("gzip-bomb") as server, open_session() as http:
        tracemalloc.start()
        try:
            with pytest.raises(AnswerTooLarge, match="over the 1048576-byte limit"):
                bounded_request(http, "GET", server.url + "/x", deadline=30, max_bytes=cap, timeout=SLOW)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 8 * cap < BOMB_BYTES / 20


def test_redirects_are_followed_only_when_asked_and_their_bodies_are_not_read() -> None:
    """The 302 streams an endless body: following it means leaving that body unread."""
    with hostile_server("redirect-flood") as server, open_session() as http:
        answer = bounded_request(http, "GET", server.url + "/start", deadline=10, max_bytes=1 << 20,
                                 timeout=SLOW, max_redirects=5)
        assert (answer.status, answer.content, answer.url) == (200, LIST, server.url + "/final")
        assert server.paths == ["/start", "/final"]
        with pytest.raises(AnswerTooLarge):  # not followed: the redirect is the answer, capped like any
            bounded_request(http, "GET", server.url + "/start", deadline=10, max_bytes=1 << 20, timeout=SLOW)
        assert server.paths[2:] == ["/start"]
        with pytest.raises(RequestFailed, match="more than 3 redirects"):
            bounded_request(http, "GET", server.url + "/loop", deadline=10, max_bytes=1 << 20, timeout=SLOW,
                            max_redirects=3)
        assert server.paths[3:] == ["/loop"] * 4


def test_failures_are_the_modules_own_and_never_show_a_password() -> None:
    port = closed_port()
    with open_session() as http:
        with pytest.raises(CannotConnect, match=r"cannot connect .*Connection refused") as info:
            bounded_request(http, "GET", f"http://bob:hunter2@127.0.0.1:{port}/x", deadline=5, max_bytes=10,
                            timeout=(1.0, 1.0))
        assert "hunter2" not in str(info.value)
        with pytest.raises(RequestFailed, match="not a request that can be sent") as info:
            bounded_request(http, "GET", "ftp://bob:hunter2@example.org/x", deadline=5, max_bytes=10,
                            timeout=(1.0, 1.0))
        assert "hunter2" not in str(info.value)
    with hostile_server("drip-headers", interval=1.0) as server, open_session() as http, \
            pytest.raises(TimedOut, match=r"no bytes within the 0\.3s read timeout"):
        bounded_request(http, "GET", server.url + "/x", deadline=30, max_bytes=10, timeout=(1.0, 0.3))


def test_a_session_whose_connections_are_not_watched_is_refused() -> None:
    with requests.Session() as plain, pytest.raises(TypeError, match=r"net\.open_session"):
        bounded_request(plain, "GET", "http://127.0.0.1:9/x", deadline=5, max_bytes=10, timeout=(1.0, 1.0))
