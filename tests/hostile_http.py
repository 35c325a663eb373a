"""A hostile HTTP server on 127.0.0.1 for the network-limit tests: it drips, floods or lies about sizes.

Modes (``HostileServer.mode``, the same for every path):

* ``drip-body``: valid headers (a Content-Length of 10,000), then one body byte every ``interval`` seconds;
* ``drip-headers``: the status line, then the headers one byte every ``interval`` seconds;
* ``flood``: valid headers without a length, then 64 KiB chunks as fast as the client reads;
* ``huge-declared``: a Content-Length of 10 GB, then a few bytes;
* ``gzip-bomb``: a gzip body of :data:`BOMB_BYTES` zero bytes (about 200 KB on the wire, its true
  Content-Length);
* ``drip-tls``: for a client that speaks TLS: after its ClientHello, the header of a 16 KB handshake
  record, then the record one byte every ``interval`` seconds (the handshake never ends);
* ``keepalive-drip``: a complete small answer that keeps the connection open, then, to the next request on
  the same connection, valid headers and a body dripped one byte every ``interval`` seconds;
* ``redirect-flood``: ``/final`` answers a small list, ``/loop`` a 302 to itself; any other path a 302 to
  ``/final`` whose body streams without end (a client that reads a redirect's body never gets to ``/final``).

Every connection stops by itself after ``max_seconds`` or when the client goes away, and the server sends
at most ``max_bytes`` per connection: the tests stay bounded in time and traffic whatever the client does.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from socketserver import BaseRequestHandler, ThreadingTCPServer

LIST = b"# L\n\n- [DDPM](https://arxiv.org/abs/2006.11239)\n"
"""The ``redirect-flood`` server's list at ``/final``."""
BOMB_BYTES = 200 * 1024 * 1024
"""Decoded size of the ``gzip-bomb`` body."""
_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """:data:`BOMB_BYTES` zero bytes, gzip-compressed (built once)."""
    if not _BOMB:
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(1024 * 1024)
        _BOMB.append(b"".join(packer.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))) + packer.flush())
    return _BOMB[0]


class _Server(ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    mode = "drip-body"
    interval = 0.5
    max_seconds = 20.0
    max_bytes = 64 * 1024 * 1024
    connections = 0
    paths: list[str]


class _Handler(BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        srv = self.server
        srv.connections += 1
        sock: socket.socket = self.request
        sock.settimeout(2.0)

        def receive() -> str:
            """The path of the next request (small: ours are), "" when none comes."""
            with suppress(OSError):
                line = sock.recv(65536).split(b"\r\n", 1)[0].split(b" ")
                path = line[1].decode("latin-1") if len(line) > 1 else ""
                srv.paths.append(path)
                return path
            return ""

        path = "" if srv.mode == "drip-tls" else receive()
        end = time.monotonic() + srv.max_seconds
        sent = 0

        def send(data: bytes) -> bool:
            nonlocal sent
            if time.monotonic() > end or sent + len(data) > srv.max_bytes:
                return False
            try:
                sock.sendall(data)
            except OSError:
                return False
            sent += len(data)
            return True

        mode = srv.mode
        if mode == "drip-body":
            if send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n"):
                while send(b" "):
                    time.sleep(srv.interval)
        elif mode == "drip-headers":
            if send(b"HTTP/1.1 200 OK\r\n"):
                for byte in b"Content-Type: application/json\r\n" * 400:
                    if not send(bytes([byte])):
                        break
                    time.sleep(srv.interval)
        elif mode == "flood":
            if send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"):
                chunk = b"x" * 65536
                while send(chunk):
                    pass
        elif mode == "gzip-bomb":
            bomb = gzip_bomb()
            send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
                 b"Content-Length: %d\r\n\r\n" % len(bomb) + bomb)
        elif mode == "drip-tls":
            with suppress(OSError):
                sock.recv(65536)  # the ClientHello
            if send(b"\x16\x03\x03\x40\x00"):  # a handshake record of 16 KB, never complete
                while send(b"\x00"):
                    time.sleep(srv.interval)
        elif mode == "keepalive-drip":
            if send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}") \
                    and receive() and send(b"HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n"):
                while send(b" "):
                    time.sleep(srv.interval)
        elif mode == "redirect-flood":
            if path == "/final":
                send(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(LIST) + LIST)
            elif path == "/loop":
                send(b"HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            elif send(b"HTTP/1.1 302 Found\r\nLocation: /final\r\nConnection: close\r\n\r\n"):
                while send(b"x" * 65536):
                    pass
        elif mode == "huge-declared":
            send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10000000000\r\n\r\nxxxx")
            time.sleep(0.2)
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def hostile_server(mode: str, *, interval: float = 0.5, max_seconds: float = 20.0) -> Iterator[_Server]:
    """Run a hostile server in ``mode`` on 127.0.0.1; ``server.url`` is its base URL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.mode, server.interval, server.max_seconds, server.paths = mode, interval, max_seconds, []
    server.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
