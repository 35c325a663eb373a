"""One bounded HTTP request: a total deadline and a size cap, whatever the server does.

``httpx`` (like ``requests``) only bounds each socket read, so a server that sends one byte a second, or
streams without end, holds a request for ever. :func:`bounded_request` adds:

* a total deadline: a watchdog timer shuts the request's socket down when it expires, which wakes a read
  blocked in the middle of the headers or the body; the request then fails with :class:`DeadlineExceeded`;
* a size cap on the (decoded) body: a declared ``Content-Length`` over it is refused before reading, and
  reading stops as soon as the cap is passed (:class:`AnswerTooLarge`), so a gzip bomb or an endless stream
  costs at most the cap in memory.

The client given must not keep connections alive (``httpx.Limits(max_keepalive_connections=0)``): every
request then opens its own connection, whose socket the watchdog can reach.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

NO_KEEPALIVE = httpx.Limits(max_keepalive_connections=0)
"""The connection limits to build a client for :func:`bounded_request` with."""


def without_password(url: str) -> str:
    """``url`` with the password of its ``user:password@`` part, if any, replaced by ``***`` (for messages)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def host_of(url: str) -> str:
    """The host (and port) of ``url``, without any ``user:password@`` part, for messages."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        netloc = ""
    return netloc.rpartition("@")[2] or without_password(url)


class DeadlineExceeded(Exception):
    """No complete answer came within the total deadline."""


class AnswerTooLarge(Exception):
    """The answer is (or declares to be) larger than the size cap."""


@dataclass(frozen=True)
class Answer:
    """A complete HTTP answer: status, reason phrase, headers and the whole (decoded) body."""

    status: int
    reason: str
    headers: httpx.Headers
    content: bytes

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (invalid bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")


def bounded_request(client: httpx.Client, method: str, url: str, *, deadline: float, max_bytes: int,
                    **kwargs: Any) -> Answer:
    """Send one request with ``client`` and read the whole answer within ``deadline`` seconds and
    ``max_bytes`` bytes of body; raise :class:`DeadlineExceeded` or :class:`AnswerTooLarge` otherwise.

    Other failures are ``httpx`` exceptions, as from ``client.request`` (the client's own timeouts still
    bound the connection and each read).
    """
    if deadline <= 0:
        raise DeadlineExceeded(f"no time left for the request (deadline {deadline:g}s)")
    sockets: list[socket.socket] = []
    lock = threading.Lock()
    fired = threading.Event()

    def shut(sock: socket.socket) -> None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def trace(event: str, info: dict[str, Any]) -> None:
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with lock:
                sockets.append(sock)
                if fired.is_set():
                    shut(sock)

    def expire() -> None:
        with lock:
            fired.set()
            for sock in sockets:
                shut(sock)

    timer = threading.Timer(deadline, expire)
    timer.daemon = True
    timer.start()
    late = DeadlineExceeded(f"no complete answer within the {deadline:g}s deadline")
    try:
        extensions = {**kwargs.pop("extensions", {}), "trace": trace}
        with client.stream(method, url, extensions=extensions, **kwargs) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise AnswerTooLarge(f"answer declares {declared} bytes, over the {max_bytes}-byte limit")
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > max_bytes:
                    raise AnswerTooLarge(f"answer over the {max_bytes}-byte limit")
                chunks.append(chunk)
                if fired.is_set():
                    raise late
            if fired.is_set():
                raise late
            return Answer(response.status_code, response.reason_phrase, response.headers, b"".join(chunks))
    except httpx.TransportError:
        if fired.is_set():
            raise late from None
        raise
    finally:
        timer.cancel()
