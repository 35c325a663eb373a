"""Reading lists at the edge: every bad input becomes a clear problem naming the file (and line)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diffdata import io as dio


@pytest.mark.parametrize(
    ("name", "data", "severity", "reason", "line"),
    [
        ("bin.md", b"# ok\n\nline two\x00\x01\x02", "error", "binary file (NUL byte); skipped", 3),
        ("latin1.md", b"# Title\n\ncaf\xe9 au lait\n", "error", "not valid UTF-8", 3),
        ("bom.md", b"\xef\xbb\xbf# Title\n", "info", "UTF-8 byte order mark removed", 0),
        ("crlf.md", b"# Title\r\n\r\n- [A](https://arxiv.org/abs/2001.00001)\r\n", "info", "CRLF line ends", 0),
        ("notes.txt", b"- [A](https://arxiv.org/abs/2001.00001)\n", "warning", "not a markdown file", 0),
    ],
    ids=["binary", "not-utf8", "bom", "crlf", "not-markdown"],
)
def test_problems(tmp_path: Path, name: str, data: bytes, severity: str, reason: str, line: int) -> None:
    (tmp_path / name).write_bytes(data)
    f = dio.read_list_file(tmp_path / name)
    assert (f.severity, f.line) == (severity, line)
    assert f.problem is not None and f.problem.startswith(reason)


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(b"\xef\xbb\xbf# T\r\nline\r\n")
    assert dio.read_list_file(tmp_path / "x.md").text == "# T\nline\n"


def test_broken_symlink_and_hidden_files(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing.md", tmp_path / "link.md")
    (tmp_path / ".hidden.md").write_text("x")
    files = dio.read_lists(tmp_path)
    assert [(f.source, f.severity, f.problem) for f in files] == [
        ("link.md", "error", "broken symbolic link; skipped")]


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.txt"
    dio.atomic_write_text(target, "one")
    dio.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~dio._UMASK)
