"""``diffdata add-list`` against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from diffdata.addlist import AddListError, add_list, list_name

LIST = b"# A list\n\n- [DDPM](https://arxiv.org/abs/2006.11239)\n"
ROUTES: dict[str, tuple[int, dict[str, str], bytes, float]] = {
    "/o/r/main/README.md": (200, {"Content-Type": "text/plain"}, LIST, 0),
    "/page.md": (200, {"Content-Type": "text/html"}, b"<!DOCTYPE html><html><body>hi</body></html>", 0),
    "/big.md": (200, {}, b"x" * 3000, 0),
    "/missing.md": (404, {}, b"not found", 0),
    "/slow.md": (200, {}, LIST, 2.0),
    "/binary.md": (200, {}, b"\x89PNG\x00\x00", 0),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body, delay = ROUTES.get(self.path, (404, {}, b"", 0))
        time.sleep(delay)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_download_readme_named_after_the_repository(server: str, tmp_path: Path) -> None:
    path = add_list(f"{server}/o/r/main/README.md", tmp_path)
    assert path.name == "r-main.md"
    assert path.read_bytes() == LIST


@pytest.mark.parametrize(
    ("route", "kwargs", "message"),
    [
        ("/page.md", {}, "an HTML page, not markdown"),
        ("/big.md", {"max_bytes": 1000}, "over the 1000-byte limit"),
        ("/missing.md", {}, "HTTP 404"),
        ("/slow.md", {"timeout": (1.0, 0.3)}, "timed out"),
        ("/binary.md", {}, "binary content"),
    ],
    ids=["html", "too-large", "404", "timeout", "binary"],
)
def test_download_errors_are_clear_and_write_nothing(server: str, tmp_path: Path, route: str, kwargs: dict,
                                                      message: str) -> None:
    with pytest.raises(AddListError, match=message) as info:
        add_list(f"{server}{route}", tmp_path, name="x.md", **kwargs)
    assert route in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_unreachable_host(tmp_path: Path) -> None:
    with pytest.raises(AddListError, match="cannot connect"):
        add_list("http://127.0.0.1:9/list.md", tmp_path, name="x.md")


def test_local_copy_and_refuse_to_overwrite(tmp_path: Path) -> None:
    src = tmp_path / "mine.md"
    src.write_bytes(LIST)
    lists = tmp_path / "lists"
    assert add_list(str(src), lists).read_bytes() == LIST
    digest = hashlib.sha256(LIST).hexdigest()
    assert (tmp_path / "lists.sha256").read_text() == f"{digest}  mine.md\n"  # the manifest follows
    with pytest.raises(AddListError, match="exists; pass --force"):
        add_list(str(src), lists)
    assert add_list(str(src), lists, force=True).name == "mine.md"


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("https://raw.githubusercontent.com/diff-usion/Awesome-Diffusion-Models/main/README.md",
         "diff-usion-Awesome-Diffusion-Models.md"),
        ("https://example.org/lists/my list.md", "my-list.md"),
        ("notes/reading", "reading.md"),
    ],
    ids=["github-readme", "spaces", "no-suffix"],
)
def test_list_name(source: str, name: str) -> None:
    assert list_name(source) == name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../Makefile", "without a folder or path separator"),
        ("../evil.md", "without a folder or path separator"),
        ("/tmp/absolute.md", "without a folder or path separator"),
        ("sub/x.md", "without a folder or path separator"),
        ("sub\\x.md", "without a folder or path separator"),
        (".hidden.md", "must not start with '.'"),
        ("..md", "must not start with '.'"),
        ("a..md", "must not contain '..'"),
        ("my list.md", "no space, colon"),
        ("c:list.md", "no space, colon"),
        ("new\nline.md", "no space, colon"),
        ("-rf.md", "starting with a letter or digit"),
        ("notes.txt", "must end in .md"),
        ("Makefile", "must end in .md"),
        ("", "empty"),
        ("x" * 300 + ".md", "longer than 200"),
    ],
)
def test_a_bad_name_is_refused_and_nothing_is_written(tmp_path: Path, name: str, message: str) -> None:
    src = tmp_path / "src.md"
    src.write_bytes(LIST)
    lists = tmp_path / "project" / "raw" / "lists"
    lists.mkdir(parents=True)
    before = sorted(p for p in tmp_path.rglob("*"))
    with pytest.raises(AddListError, match=message):
        add_list(str(src), lists, name=name, force=True)
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_plain_names_are_accepted(tmp_path: Path) -> None:
    src = tmp_path / "src.md"
    src.write_bytes(LIST)
    for name in ("my-list_2.md", "Ünïcode-list.md", "notes.markdown"):
        assert add_list(str(src), tmp_path / "lists", name=name).name == name


def test_cli_refuses_to_overwrite_the_makefile(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = tmp_path / "project"
    (root / "raw" / "lists").mkdir(parents=True)
    makefile = root / "Makefile"
    makefile.write_text("all:\n\ttrue\n")
    evil = tmp_path / "evil.md"
    evil.write_text("all:\n\techo pwned https://x.example\n")
    result = subprocess.run([sys.executable, "-m", "diffdata", "add-list", str(evil), "--name", "../../Makefile",
                             "--force", "--root", str(root)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "list name '../../Makefile'" in result.stderr and "Traceback" not in result.stderr
    assert makefile.read_text() == "all:\n\ttrue\n"
    assert list((root / "raw" / "lists").iterdir()) == []


@pytest.mark.parametrize("mode", ["drip-body", "drip-headers"])
def test_a_dripping_server_is_cut_at_the_total_deadline(tmp_path: Path, mode: str) -> None:
    from tests.hostile_http import hostile_server

    with hostile_server(mode, interval=0.3) as server:
        start = time.monotonic()
        with pytest.raises(AddListError, match=r"timed out: no complete answer within the 1\.5s deadline"):
            add_list(f"{server.url}/list.md", tmp_path, name="x.md", deadline=1.5)
        assert time.monotonic() - start < 10  # each byte comes well within the 30 s read timeout
    assert list(tmp_path.iterdir()) == []


def test_an_endless_stream_is_cut_at_the_size_limit(tmp_path: Path) -> None:
    from tests.hostile_http import hostile_server

    with hostile_server("flood") as server, pytest.raises(AddListError, match="over the 1000000-byte limit"):
        add_list(f"{server.url}/list.md", tmp_path, name="x.md", max_bytes=1_000_000)
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_is_followed_without_reading_its_body(tmp_path: Path) -> None:
    """The server's 302 streams an endless body before its target, ``/final``, answers the list."""
    from tests.hostile_http import LIST as FINAL
    from tests.hostile_http import hostile_server

    with hostile_server("redirect-flood") as server:
        path = add_list(f"{server.url}/moved.md", tmp_path, name="x.md", deadline=10)
        assert server.paths == ["/moved.md", "/final"]
    assert path.read_bytes() == FINAL


@pytest.mark.parametrize("route", ["/missing.md", "/page.md", "/slow.md"])
def test_a_url_password_is_never_echoed(server: str, tmp_path: Path, route: str) -> None:
    url = server.replace("http://", "http://alice:hunter2-SECRET@") + route
    with pytest.raises(AddListError) as info:
        add_list(url, tmp_path, name="x.md", timeout=(1.0, 0.3))
    assert "hunter2" not in str(info.value) and "alice:***@127.0.0.1" in str(info.value)
    with pytest.raises(AddListError) as info:
        add_list("ftp://bob:hunter2-SECRET@example.org/x.md", tmp_path, name="x.md")
    assert "hunter2" not in str(info.value)
