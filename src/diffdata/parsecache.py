"""The build's caches on disk: the parse cache (one file per parsed list, so that a rebuild parses only the
lists that changed) and the memo of the later stages (:class:`FileMemo`, see :mod:`diffdata.memo`).

Both are build artefacts under ``build/`` (never committed), written atomically as a magic line, the SHA-256 of
the rest and the rest (:mod:`marshal`, which keeps plain Python values and their types exactly; a parsed list
is read about twice as fast as from JSON; the memo in chunks, see :class:`FileMemo`); a file that does not check
is ignored (and replaced). Each
parse-cache file is named by :func:`diffdata.parse.cache_key` (the list's name and text and the parser's
version), so a stale entry is never looked up again; the memo's keys hold the content and the code
(:func:`diffdata.memo.content_key`).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from pathlib import Path

from diffdata.parse import Parsed

PARSE_MAGIC = b"diffdata-parse-1\n"
MEMO_MAGIC = b"diffdata-memo-2\n"
MEMO_CHUNK = 1024  # memo entries written at a time
MAX_ENTRY_BYTES = 512 * 1024 * 1024  # a parse-cache entry larger than this is not read (no real list's is)
MAX_MEMO_BYTES = 1024 * 1024 * 1024  # a memo larger than this is neither read nor written


def _read_bytes(path: Path, magic: bytes, limit: int) -> bytes | None:
    """What follows the magic line and the SHA-256 in ``path``, or None when the file is missing, too large, or
    does not check (magic line, SHA-256)."""
    try:
        if path.stat().st_size > limit:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    head = len(magic)
    digest, payload = data[head:head + 32], data[head + 32:]
    if data[:head] != magic or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def _read(path: Path, magic: bytes, limit: int) -> object | None:
    """The value sealed in ``path`` by :func:`_write`, or None when the file is missing, too large, or does not
    check (magic line, SHA-256)."""
    payload = _read_bytes(path, magic, limit)
    if payload is None:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, magic: bytes, value: object, limit: int) -> None:
    """Seal ``value`` in ``path`` atomically; skipped silently when it is not plain Python values, too large, or
    cannot be written (a cache is only a speed-up: the build's result does not depend on it)."""
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    if len(payload) > limit:
        return
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(fd, "wb") as out:  # three writes: joined, the payload (64 MB at 100k) would be copied
            out.write(magic)
            out.write(hashlib.sha256(payload).digest())
            out.write(payload)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class DirectoryCache:
    """A :class:`diffdata.parse.ParseCache` in a folder, one file per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Parsed | None:
        """The cached result for ``key``, or None when it is missing, unreadable or malformed."""
        data = _read(self.folder / f"{key}.bin", PARSE_MAGIC, MAX_ENTRY_BYTES)
        if (not isinstance(data, tuple) or len(data) != 2 or not all(isinstance(part, list) for part in data)
                or not all(isinstance(r, dict) for r in data[0] + data[1])):
            return None
        return data[0], data[1]

    def put(self, key: str, value: Parsed) -> None:
        """Keep ``value`` for ``key`` (skipped silently when it cannot be written)."""
        rows, report = value
        _write(self.folder / f"{key}.bin", PARSE_MAGIC, (rows, report), MAX_ENTRY_BYTES)


class FileMemo:
    """A :class:`diffdata.memo.Memo` in one file: read whole when opened; the entries this build uses or makes
    are written as they come (a chunk of :data:`MEMO_CHUNK` at a time, to a temporary file beside it), and
    :meth:`save` seals that file and puts it in place, so it holds one build's results, no more, and a build
    never holds more than a chunk of them in memory. A build that stops before :meth:`save` leaves the previous
    file as it was (:meth:`discard` removes the temporary one).

    The file: :data:`MEMO_MAGIC`, the SHA-256 of the rest, then chunks, each its length (8 bytes, little endian)
    and a :mod:`marshal` dict of keys to bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old = self._load()
        self._pending: dict[str, bytes] = {}
        self._kept: set[int] = set()  # hash() of every key kept
        self._out: tuple | None = None  # (file, temporary path, SHA-256 so far) once the first chunk is written
        self._size = 0
        self._failed = False  # the file could not be written, or grew past MAX_MEMO_BYTES: nothing is saved

    def _load(self) -> dict[str, bytes]:
        data = _read_bytes(self.path, MEMO_MAGIC, MAX_MEMO_BYTES)
        entries: dict[str, bytes] = {}
        at = 0
        while data is not None and at < len(data):
            size = int.from_bytes(data[at:at + 8], "little")
            if size < 1 or at + 8 + size > len(data):
                return {}
            try:
                chunk = marshal.loads(data[at + 8:at + 8 + size])
            except (EOFError, ValueError, TypeError):
                return {}
            if not isinstance(chunk, dict):
                return {}
            entries.update((k, v) for k, v in chunk.items() if isinstance(k, str) and isinstance(v, bytes))
            at += 8 + size
        return entries

    def get(self, key: str) -> bytes | None:
        """The bytes kept for ``key`` by the previous build, or None; kept again for the next build."""
        value = self.old.get(key)
        if value is not None and hash(key) not in self._kept:
            self._keep(key, value)
        return value

    def put(self, key: str, value: bytes) -> None:
        """Keep ``value`` for ``key`` (written by the next chunk, sealed by :meth:`save`); the last value put
        wins (the file is read in order), so a computed value replaces a corrupt one :meth:`get` gave."""
        self._keep(key, value)

    def _keep(self, key: str, value: bytes) -> None:
        if self._failed:
            return
        self._kept.add(hash(key))  # a key got again is not written again (most keys are asked once)
        self._pending[key] = value
        if len(self._pending) >= MEMO_CHUNK:
            self._flush()

    def _flush(self) -> None:
        chunk, self._pending = marshal.dumps(self._pending), {}
        self._size += 8 + len(chunk)
        if self._failed or self._size > MAX_MEMO_BYTES:
            self.discard()
            return
        try:
            out, _tmp, digest = self._out or self._open()
            head = len(chunk).to_bytes(8, "little")
            out.write(head)
            out.write(chunk)
            digest.update(head)
            digest.update(chunk)
        except OSError:
            self.discard()

    def _open(self) -> tuple:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=self.path.suffix)
        out = os.fdopen(fd, "wb")
        self._out = (out, tmp, hashlib.sha256())
        out.write(MEMO_MAGIC + bytes(32))  # the SHA-256 of the rest, written by save()
        return self._out

    def save(self) -> None:
        """Seal the entries this build used or made and put the file in place (skipped silently when it cannot
        be written)."""
        if self._pending:
            self._flush()
        if self._failed:
            return
        try:
            out, tmp, digest = self._out or self._open()
            out.seek(len(MEMO_MAGIC))
            out.write(digest.digest())
            out.close()
            os.replace(tmp, self.path)
            self._out = None
        except OSError:
            self.discard()

    def __enter__(self) -> FileMemo:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()

    def discard(self) -> None:
        """Write nothing more, and remove the temporary file."""
        self._failed = True
        self._pending = {}
        if self._out is not None:
            out, tmp, _digest = self._out
            self._out = None
            with contextlib.suppress(OSError):
                out.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
