"""A hostile HTTP server on 127.0.0.1 for the network-limit tests: it drips, floods or lies about sizes.

Modes (``HostileServer.mode``, the same for every path):

* ``drip-body``: valid headers (a Content-Length of 10,000), then one body byte every ``interval`` seconds;
* ``drip-headers``: the status line, then the headers one byte every ``interval`` seconds;
* ``flood``: valid headers without a length, then 64 KiB chunks as fast as the client reads;
* ``huge-declared``: a Content-Length of 10 GB, then a few bytes.

Every connection stops by itself after ``max_seconds`` or when the client goes away, and the server sends
at most ``max_bytes`` per connection: the tests stay bounded in time and traffic whatever the client does.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from socketserver import BaseRequestHandler, ThreadingTCPServer


class _Server(ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    mode = "drip-body"
    interval = 0.5
    max_seconds = 20.0
    max_bytes = 64 * 1024 * 1024
    connections = 0


class _Handler(BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        srv = self.server
        srv.connections += 1
        sock: socket.socket = self.request
        sock.settimeout(2.0)
        with suppress(OSError):
            sock.recv(65536)  # the request (small: ours are)
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
        elif mode == "huge-declared":
            send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10000000000\r\n\r\nxxxx")
            time.sleep(0.2)
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def hostile_server(mode: str, *, interval: float = 0.5, max_seconds: float = 20.0) -> Iterator[_Server]:
    """Run a hostile server in ``mode`` on 127.0.0.1; ``server.url`` is its base URL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.mode, server.interval, server.max_seconds = mode, interval, max_seconds
    server.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
