"""Reading lists at the edge: every bad input becomes a clear problem naming the file (and line)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diffdata import storage


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
    f = storage.read_list_file(tmp_path / name)
    assert (f.severity, f.line) == (severity, line)
    assert f.problem is not None and f.problem.startswith(reason)


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(b"\xef\xbb\xbf# T\r\nline\r\n")
    assert storage.read_list_file(tmp_path / "x.md").text == "# T\nline\n"


def test_broken_symlink_and_hidden_files(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing.md", tmp_path / "link.md")
    (tmp_path / ".hidden.md").write_text("x")
    files = storage.read_lists(tmp_path)
    assert [(f.source, f.severity, f.problem) for f in files] == [
        ("link.md", "error", "broken symbolic link; skipped")]


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.txt"
    storage.atomic_write_text(target, "one")
    storage.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~storage._UMASK)


def test_files_written_together_are_all_replaced_or_none(tmp_path: Path) -> None:
    """write_all_atomically reads each file's pieces one at a time into a temporary file and puts them all in
    place at the end: a failure while the second file is made leaves the first as it was, and no temporary
    file; then a whole run replaces both."""
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(b"old a")

    def failing():
        yield b"new "
        raise RuntimeError("the writer failed half way")

    with pytest.raises(RuntimeError):
        storage.write_all_atomically([(a, iter([b"new ", b"a"])), (b, failing())])
    assert a.read_bytes() == b"old a" and sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    made = []

    def pieces(name: str):
        made.append(name)  # made when the writer reaches it, not before
        yield from (name.encode(), b"!")

    written = storage.write_all_atomically((p, pieces(p.name)) for p in (a, b))
    assert written == [a, b] and made == ["a.csv", "b.csv"]
    assert (a.read_bytes(), b.read_bytes()) == (b"a.csv!", b"b.csv!")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


SECRET = "https://bot:ghp_SECRETTOKEN1234567890@github.example/r.git"
LIST = "# L\n\n- [DDPM](https://arxiv.org/abs/2006.11239)\n"


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "project"
    lists = root / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "good.md").write_text(LIST)
    return root, lists


def _all_output_text(root: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in (root / "processed").iterdir()
                   if p.is_file()) + (root / "raw" / "citation_keys.csv").read_text()


@pytest.mark.parametrize("where", ["outside", "dot-git", "subfolder", "hidden"])
def test_symlinked_list_leading_out_of_the_lists_is_refused_and_publishes_nothing(tmp_path: Path,
                                                                                   where: str) -> None:
    from diffdata.pipeline import EnrichOptions, build
    from diffdata.s2 import S2Settings

    root, lists = _tree(tmp_path)
    body = f"[credentials]({SECRET})\n{SECRET}\n"
    if where == "outside":
        target = tmp_path / "home" / ".git-credentials"
    elif where == "dot-git":
        target = root / ".git" / "config"  # inside the project tree, but not a list
    elif where == "subfolder":
        target = lists / "sub" / "x.md"
    else:
        target = lists / ".hidden.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body)
    os.symlink(os.path.relpath(target, lists), lists / "creds.md")
    logs: list[str] = []
    result = build(root, log=logs.append, enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    assert any(line.startswith("error: creds.md: symbolic link to a file outside raw/lists/; refused")
               for line in logs), logs
    assert "ghp_SECRETTOKEN" not in _all_output_text(root)
    assert not [m for m in logs if "ghp_SECRETTOKEN" in m]
    assert "creds.md" not in result.inputs
    assert set(result.occurrences.source) == {"good.md"}


def test_symlink_to_another_list_is_read(tmp_path: Path) -> None:
    _root, lists = _tree(tmp_path)
    os.symlink("good.md", lists / "alias.md")
    files = {f.source: f for f in storage.read_lists(lists)}
    assert files["alias.md"].text == LIST and files["alias.md"].problem is None


def test_fifo_and_folder_in_the_lists_are_refused_without_blocking(tmp_path: Path) -> None:
    _root, lists = _tree(tmp_path)
    os.mkfifo(lists / "pipe.md")
    (lists / "folder.md").mkdir()
    os.symlink("pipe.md", lists / "to-pipe.md")
    files = {f.source: (f.severity, f.problem) for f in storage.read_lists(lists)}
    assert files["pipe.md"] == ("error", "not a regular file; skipped")
    assert files["folder.md"] == ("error", "not a regular file; skipped")
    assert files["to-pipe.md"] == ("error", "symbolic link to something that is not a regular file; refused")


def test_a_lists_folder_that_is_a_link_elsewhere_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "raw").mkdir(parents=True)
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    (elsewhere / "secrets.md").write_text(SECRET)
    os.symlink(elsewhere, root / "raw" / "lists")
    with pytest.raises(ValueError, match="folder of lists is a symbolic link"):
        storage.read_lists(root / "raw" / "lists", root=root)


def test_a_full_disk_names_the_file_being_written_and_leaves_it_whole(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", full)
    with pytest.raises(OSError, match="No space left on device") as info:
        storage.atomic_write_text(target, "new\n")
    assert info.value.filename == str(target) and info.value.errno == errno.ENOSPC
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_typed_columns_are_converted_whole_to_the_same_parquet_bytes() -> None:
    """A typed column (Int64 with NA, float years with NaN into int64, strings with NaN, booleans) goes to
    Arrow in one call; the bytes are those of the value-by-value path that object columns take."""
    import pandas as pd
    import pyarrow as pa

    from diffdata.schemas import to_arrow

    schema = pa.schema([pa.field("n", pa.int64()), pa.field("year", pa.int64()), pa.field("s", pa.string()),
                        pa.field("b", pa.bool_()), pa.field("tags", pa.list_(pa.string()))])
    df = pd.DataFrame({"n": pd.array([1, None, 3], dtype="Int64"), "year": [2020.0, float("nan"), 1999.0],
                       "s": pd.array(["a", None, "=c"], dtype="str"), "b": [True, False, True],
                       "tags": [["x"], [], ["y", "z"]]})
    assert df["n"].dtype != object and df["s"].dtype != object
    assert to_arrow(df, schema).equals(to_arrow(df.astype(object), schema))
    assert to_arrow(df, schema).column("year").to_pylist() == [2020, None, 1999]
    assert storage.parquet_bytes(df, schema, {"k": "v"}) == storage.parquet_bytes(df.astype(object), schema, {"k": "v"})
