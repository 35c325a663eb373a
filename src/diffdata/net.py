"""One bounded HTTP request with ``requests``: a total deadline and a size cap, whatever the server does.

``requests`` (through urllib3) only bounds the connection and each socket read, so a server that sends one
byte a second, or streams without end, holds a request for ever. :func:`bounded_request` adds:

* a total deadline: a watchdog timer shuts down every socket of the request when it expires, which wakes a
  send or read blocked anywhere (TLS handshake, request, headers, body); the request then fails with
  :class:`DeadlineExceeded`. The sockets reach the watchdog through the connection classes of the sessions
  :func:`open_session` makes: a new connection hands over its TCP socket as soon as it is open, a kept-alive
  one at each request. Only name resolution (``getaddrinfo``) cannot be cut: it comes before any socket;
* a size cap on the decoded body: a declared ``Content-Length`` over it is refused before reading, and
  reading stops as soon as the cap is passed (:class:`AnswerTooLarge`); urllib3 (>= 2.7) decompresses a
  chunk at a time, so a gzip bomb or an endless stream costs about the cap in memory.

Failures are this module's exceptions (:class:`RequestFailed` and its kinds), whose messages never hold a
URL's password: callers need not know ``requests``'s own.
"""

from __future__ import annotations

import contextvars
import http.client
import socket
import threading
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3 import ProxyManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import MaxRetryError, NewConnectionError

CHUNK_BYTES = 64 * 1024
"""Decoded bytes read at a time."""


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


class RequestFailed(Exception):
    """The request got no usable answer; the message says why (never with a URL's password)."""


class CannotConnect(RequestFailed):
    """The connection could not be opened (refused, unknown host, TLS failure, connect timeout)."""


class TimedOut(RequestFailed):
    """The server sent nothing for longer than the connect or read timeout."""


class ConnectTimedOut(CannotConnect, TimedOut):
    """The connection was not open within the connect timeout."""


class ConnectionBroken(RequestFailed):
    """The connection broke (or the answer was garbled) before the answer was complete."""


class DeadlineExceeded(RequestFailed):
    """No complete answer came within the total deadline."""


class AnswerTooLarge(RequestFailed):
    """The answer is (or declares to be) larger than the size cap."""


@dataclass(frozen=True)
class Answer:
    """A complete HTTP answer: status, reason phrase, headers, the whole (decoded) body and the final URL."""

    status: int
    reason: str
    headers: Mapping[str, str]
    content: bytes
    url: str = ""

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (invalid bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")


# -- the watchdog and the connections that report to it -------------------------------------------------


class Watchdog:
    """Shuts down every socket given to :meth:`watch` once ``deadline`` seconds have passed.

    It keeps a duplicate of each socket (``socket.fromfd``): shutting the duplicate down shuts the
    connection down, even after TLS took the original over, and the duplicates are closed on exit.
    """

    def __init__(self, deadline: float) -> None:
        self.fired = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(deadline, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (at once when it has passed)."""
        try:
            dup = socket.fromfd(sock.fileno(), sock.family, sock.type)
        except OSError:  # already closed: nothing left to cut
            return
        with self._lock:
            self._sockets.append(dup)
            if self.fired.is_set():
                _shut(dup)

    def _expire(self) -> None:
        with self._lock:
            self.fired.set()
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


_CURRENT: contextvars.ContextVar[Watchdog | None] = contextvars.ContextVar("diffdata_net_watchdog", default=None)
"""The watchdog of the request being sent in this thread, if any."""


def _watch(sock: socket.socket | None) -> None:
    watchdog = _CURRENT.get()
    if watchdog is not None and sock is not None:
        watchdog.watch(sock)


class _Watched(HTTPConnection):
    """A urllib3 connection that hands its socket to the current request's watchdog."""

    def _new_conn(self) -> socket.socket:
        # urllib3's one place that opens the TCP socket: watched before any TLS handshake or proxy tunnel
        sock = super()._new_conn()
        _watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        _watch(self.sock)  # a kept-alive connection: its socket is watched by this request too
        super().request(*args, **kwargs)


class _WatchedHTTPS(_Watched, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _Watched


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPS


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class WatchedAdapter(HTTPAdapter):
    """A ``requests`` transport adapter whose connections (direct or through an HTTP proxy) are watched."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not isinstance(manager, ProxyManager):  # SOCKS: its connections could not be watched
            raise requests.exceptions.InvalidSchema("a SOCKS proxy is not supported (the deadline needs HTTP ones)")
        manager.pool_classes_by_scheme = _POOLS
        return manager


def open_session(headers: Mapping[str, str] | None = None) -> requests.Session:
    """A ``requests.Session`` for :func:`bounded_request` (watched connections, no retry of its own), with
    ``headers`` sent on every request."""
    session = requests.Session()
    for scheme in ("http://", "https://"):
        session.mount(scheme, WatchedAdapter(max_retries=0))
    session.headers.update(headers or {})
    return session


# -- the request --------------------------------------------------------------------------------------


def bounded_request(session: requests.Session, method: str, url: str, *, deadline: float, max_bytes: int,
                    timeout: tuple[float, float], max_redirects: int = 0, **kwargs: Any) -> Answer:
    """Send one request with ``session`` (from :func:`open_session`) and read the whole answer within
    ``deadline`` seconds in all and ``max_bytes`` bytes of decoded body.

    ``timeout`` is ``(connect, read)``: the longest wait to connect and for each of the server's bytes.
    Up to ``max_redirects`` redirects are followed within the same deadline (their bodies unread); with 0, a
    redirect is the answer. Other keyword arguments (``params``, ``json``, ``headers``) go to
    ``session.request``: follow redirects only for a request that carries no secret. Raises
    :class:`DeadlineExceeded`, :class:`AnswerTooLarge` or another :class:`RequestFailed`.
    """
    if deadline <= 0:
        raise DeadlineExceeded(f"no time left for the request (deadline {deadline:g}s)")
    late = DeadlineExceeded(f"no complete answer within the {deadline:g}s deadline")
    with Watchdog(deadline) as watchdog:
        token = _CURRENT.set(watchdog)
        try:
            return _follow(session, method, url, watchdog, timeout=timeout, max_bytes=max_bytes,
                           max_redirects=max_redirects, **kwargs)
        except (requests.RequestException, urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
            if watchdog.fired.is_set():
                raise late from None
            raise _failure(exc, timeout) from None
        except RequestFailed:
            if watchdog.fired.is_set():
                raise late from None
            raise
        finally:
            _CURRENT.reset(token)


def _follow(session: requests.Session, method: str, url: str, watchdog: Watchdog, *, timeout: tuple[float, float],
            max_bytes: int, max_redirects: int, **kwargs: Any) -> Answer:
    for hop in range(max_redirects + 1):
        if not isinstance(session.get_adapter(url), WatchedAdapter):
            raise TypeError("bounded_request needs a session from net.open_session (its connections are watched)")
        with session.request(method, url, stream=True, allow_redirects=False, timeout=timeout, **kwargs) as r:
            target = session.get_redirect_target(r) if max_redirects else None
            if target is None:
                return _read(r, max_bytes, watchdog)
            if hop == max_redirects:
                raise RequestFailed(f"more than {max_redirects} redirects")
            url = urljoin(r.url, target)
            if (r.status_code == 303 and method != "HEAD") or (r.status_code in (301, 302) and method == "POST"):
                method = "GET"
                kwargs.pop("json", None)
                kwargs.pop("data", None)
    raise AssertionError("unreachable")  # pragma: no cover


def _read(response: requests.Response, max_bytes: int, watchdog: Watchdog) -> Answer:
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise AnswerTooLarge(f"answer declares {declared} bytes, over the {max_bytes}-byte limit")
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_content(CHUNK_BYTES):
        total += len(chunk)
        if total > max_bytes:
            raise AnswerTooLarge(f"answer over the {max_bytes}-byte limit")
        chunks.append(chunk)
        if watchdog.fired.is_set():
            raise DeadlineExceeded("the deadline passed while reading")  # replaced by the caller's message
    if watchdog.fired.is_set():
        raise DeadlineExceeded("the deadline passed while reading")
    return Answer(response.status_code, response.reason or "", response.headers, b"".join(chunks), response.url)


def _failure(exc: BaseException, timeout: tuple[float, float]) -> RequestFailed:
    """The :class:`RequestFailed` for a ``requests`` (or socket) exception, with a message free of URLs."""
    connect, read = timeout
    cause = _root_cause(exc)
    if isinstance(exc, requests.ConnectTimeout):
        return ConnectTimedOut(f"timed out: not connected within the {connect:g}s connect timeout")
    if isinstance(exc, requests.ReadTimeout):
        return TimedOut(f"timed out: no bytes within the {read:g}s read timeout")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema |
                  requests.exceptions.MissingSchema | requests.exceptions.InvalidHeader):
        return RequestFailed(f"not a request that can be sent ({type(exc).__name__})")
    if isinstance(exc, requests.exceptions.SSLError | requests.exceptions.ProxyError) or (
            isinstance(exc, requests.ConnectionError) and exc.args and isinstance(exc.args[0], MaxRetryError)
            and isinstance(exc.args[0].reason, NewConnectionError)):
        return CannotConnect(f"cannot connect ({cause})")
    if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError |
                  requests.exceptions.ContentDecodingError) or not isinstance(exc, requests.RequestException):
        return ConnectionBroken(f"connection broken ({cause})")
    return RequestFailed(type(exc).__name__)


def _root_cause(exc: BaseException) -> str:
    """``Type: text`` of the innermost operating-system error under ``exc`` (whose text holds no URL), else
    the type of ``exc``."""
    found: OSError | None = None
    current: BaseException | None = exc
    for _ in range(20):  # the chain of causes, wrapped by urllib3 and requests
        if current is None:
            break
        if isinstance(current, OSError) and not isinstance(current, requests.RequestException) and \
                type(current).__module__ in ("builtins", "socket", "ssl"):
            found = current
        inner = [e for e in (current.__cause__, getattr(current, "reason", None), *current.args)
                 if isinstance(e, BaseException)]
        current = inner[0] if inner else current.__context__
    if found is None:
        return type(exc).__name__
    return f"{type(found).__name__}: {found}"
