"""Reading inputs and writing outputs: the only module (with ``pipeline``) that touches files.

Every write is atomic: the content goes to a temporary file in the same folder, is flushed and fsynced, then
``os.replace``-d over the target, so a reader (or a run killed midway) sees either the old or the new file.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from diffdata.schemas import to_arrow

LIST_SUFFIXES = (".md", ".markdown")
_UMASK = os.umask(0o022)
os.umask(_UMASK)
MAX_LIST_BYTES = 50 * 1024 * 1024


@dataclass
class ListFile:
    """One file of raw/lists/: its name, its decoded text (None when unreadable) and the problem found."""

    source: str
    text: str | None
    sha256: str | None
    severity: str | None = None
    problem: str | None = None
    line: int = 0


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def _symlink_problem(path: Path, inside: Path) -> str | None:
    """Why the symbolic link ``path`` may not be read as a list (None when it may).

    A link is allowed only when it resolves to a visible regular file directly in ``inside`` (another list):
    a link anywhere else (the home folder, ``.git/config``) could publish a secret in the outputs.
    """
    try:
        target = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        return "broken symbolic link; skipped"
    folder = Path(os.path.realpath(inside))
    if target.parent != folder or target.name.startswith("."):
        return "symbolic link to a file outside raw/lists/; refused (lists must be regular files there)"
    if not stat.S_ISREG(os.lstat(target).st_mode):
        return "symbolic link to something that is not a regular file; refused"
    return None


def _read_regular(path: Path, limit: int) -> bytes | str:
    """The bytes of the regular file ``path``, opened without following a final symbolic link and without
    blocking on a FIFO; a string giving the reason when it is not a regular file or is over ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return f"cannot be opened ({exc.strerror or type(exc).__name__}); skipped"
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "not a regular file; skipped"
        if info.st_size > limit:
            return f"file is {info.st_size} bytes, over the {limit}-byte limit"
        data = fh.read(limit + 1)
    if len(data) > limit:
        return f"file is over the {limit}-byte limit"
    return data


def read_list_file(path: Path, inside: Path | None = None) -> ListFile:
    """Read and decode one list, turning every problem into a :class:`ListFile` with a clear reason.

    Problems: broken symlink, a symlink leading out of ``inside`` (when given: the lists folder), not a
    regular file, not a markdown file, too large, binary (NUL bytes), not UTF-8 (with the line of the first
    bad byte), empty or white space only. A UTF-8 BOM is removed and CRLF/CR line ends become LF. A refused
    file is never read: no byte of it reaches the result.
    """
    name = path.name
    real = path
    if path.is_symlink():
        if inside is not None:
            problem = _symlink_problem(path, inside)
            if problem:
                return ListFile(name, None, None, "error", problem)
            real = Path(os.path.realpath(path))
        elif not path.exists():
            return ListFile(name, None, None, "error", "broken symbolic link; skipped")
    if not path.is_file():
        return ListFile(name, None, None, "error", "not a regular file; skipped")
    if path.suffix.lower() not in LIST_SUFFIXES:
        return ListFile(name, None, None, "warning", "not a markdown file (.md); skipped")
    if inside is None:
        real = Path(os.path.realpath(path))  # a path named on the command line may be a link: the user's choice
    data = _read_regular(real, MAX_LIST_BYTES)
    if isinstance(data, str):
        return ListFile(name, None, None, "error", data)
    digest = sha256_bytes(data)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return ListFile(name, None, digest, "error", "binary file (NUL byte); skipped", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return ListFile(name, None, digest, "error",
                        f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); skipped", line)
    problem = None
    if text.startswith("\ufeff"):
        text = text[1:]
        problem = "UTF-8 byte order mark removed"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        problem = (problem + "; " if problem else "") + "CRLF line ends read as LF"
    return ListFile(name, text, digest, "info" if problem else None, problem)


def read_lists(directory: Path, root: Path | None = None) -> list[ListFile]:
    """Every file in ``directory`` (sorted by name; hidden files ignored).

    Symbolic links are read only when they lead to another list of ``directory``. With ``root`` (the project
    root), ``directory`` must be ``root/raw/lists`` itself, not a link to another folder.
    """
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such folder of lists")
    if root is not None:
        expected = Path(os.path.realpath(root)) / "raw" / "lists"
        if Path(os.path.realpath(directory)) != expected:
            raise ValueError(f"{directory}: the folder of lists is a symbolic link to another folder; refused "
                             "(raw/lists/ must be a real folder of the project)")
    return [read_list_file(p, inside=directory) for p in sorted(directory.iterdir()) if not p.name.startswith(".")]


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically.

    An operating-system error (full disk, read-only folder) is raised naming ``path`` when it names no file
    itself, and leaves ``path`` as it was.
    """
    write_all_atomically([(path, [data])])


def write_all_atomically(files: Iterable[tuple[Path, Iterable[bytes]]]) -> list[Path]:
    """Write every file (its path and the pieces of its bytes, read one at a time) to a temporary file beside it,
    then put them in place one after another, in order, each dated when put in place (so that ``make`` sees a
    later file newer than an earlier one and its folder): an error before the last piece leaves every path as it
    was, and no temporary file (a process killed meanwhile leaves its ``.tmp-`` files, which
    :func:`remove_stale_temp_files` clears). Returns the paths, in order. An operating-system error is raised
    naming the path it concerns."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, pieces in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
            staged.append((tmp, path))
            try:
                with os.fdopen(fd, "wb") as fh:
                    for piece in pieces:
                        fh.write(piece)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o666 & ~_UMASK)
            except OSError as exc:
                if exc.filename is None and exc.errno is not None:
                    raise OSError(exc.errno, exc.strerror, str(path)) from exc
                raise
        for tmp, path in staged:
            os.utime(tmp)  # its time: when put in place, after the files before it (and their folders) changed
            os.replace(tmp, path)
    except BaseException:
        for tmp, _path in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [path for _tmp, path in staged]


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (LF line ends as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def parquet_bytes(df: pd.DataFrame, schema: pa.Schema, metadata: Mapping[str, str] | None = None) -> bytes:
    """The table as Parquet bytes: exactly ``schema``, zstd, with ``metadata`` added to the schema metadata."""
    table = to_arrow(df, schema)
    meta = dict(table.schema.metadata or {})
    for k, v in (metadata or {}).items():
        meta[k.encode()] = v.encode()
    table = table.replace_schema_metadata(meta)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", write_statistics=False, store_schema=True)
    return buf.getvalue()


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) for the block: concurrent builds of one tree
    run one after the other. The lock is the kernel's (flock): a killed process releases it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def remove_stale_temp_files(directory: Path) -> list[Path]:
    """Delete the ``.tmp-*`` files a killed run left in ``directory`` (call it while holding the build lock)."""
    if not directory.is_dir():
        return []
    stale = sorted(p for p in directory.glob(".tmp-*") if p.is_file())
    for p in stale:
        p.unlink(missing_ok=True)
    return stale


def json_text(obj: object) -> str:
    """Deterministic, readable JSON with a trailing newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
