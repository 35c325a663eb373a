"""The build's caches on disk: the parse cache (one file per parsed list, so that a rebuild parses only the
lists that changed) and the memo of the later stages (:class:`FileMemo`, see :mod:`diffdata.memo`).

Both are build artefacts under ``build/`` (never committed), written atomically as a magic line, the SHA-256 of
the rest and the rest (:mod:`marshal`, which keeps plain Python values and their types exactly; a parsed list
is read about twice as fast as from JSON); a file that does not check is ignored (and replaced). Each
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
MEMO_MAGIC = b"diffdata-memo-1\n"
MAX_ENTRY_BYTES = 512 * 1024 * 1024  # a parse-cache entry larger than this is not read (no real list's is)
MAX_MEMO_BYTES = 1024 * 1024 * 1024  # a memo larger than this is neither read nor written


def _read(path: Path, magic: bytes, limit: int) -> object | None:
    """The value sealed in ``path`` by :func:`_write`, or None when the file is missing, too large, or does not
    check (magic line, SHA-256)."""
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
    """A :class:`diffdata.memo.Memo` in one file: read whole when opened, written by :meth:`save` with the entries
    this build used or made (so it holds one build's results, no more)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old = self._load()
        self.new: dict[str, bytes] = {}

    def _load(self) -> dict[str, bytes]:
        entries = _read(self.path, MEMO_MAGIC, MAX_MEMO_BYTES)
        if not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}

    def get(self, key: str) -> bytes | None:
        """The bytes kept for ``key`` by the previous build, or None."""
        value = self.old.get(key)
        if value is not None:
            self.new[key] = value
        return value

    def put(self, key: str, value: bytes) -> None:
        """Keep ``value`` for ``key`` (written by :meth:`save`)."""
        self.new[key] = value

    def save(self) -> None:
        """Write the entries this build used or made (skipped silently when they cannot be written)."""
        _write(self.path, MEMO_MAGIC, self.new, MAX_MEMO_BYTES)
