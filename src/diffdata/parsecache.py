"""The build's caches on disk: the parse cache (one JSON file per parsed list, so that a rebuild parses only
the lists that changed) and the memo of the later stages (:class:`FileMemo`, see :mod:`diffdata.memo`).

Both are build artefacts under ``build/`` (never committed). Each parse-cache file is named by
:func:`diffdata.parse.cache_key` (the list's name and text and the parser's version), so a stale entry is never
looked up again, and an unreadable or malformed one is ignored and overwritten. The memo's keys hold the
content and the code (:func:`diffdata.memo.content_key`); a memo file that does not check is ignored whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import tempfile
from pathlib import Path

from diffdata.parse import Parsed

MAX_ENTRY_BYTES = 512 * 1024 * 1024  # an entry larger than this is not read (it cannot be a real list's)


class DirectoryCache:
    """A :class:`diffdata.parse.ParseCache` in a folder of JSON files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Parsed | None:
        """The cached result for ``key``, or None when it is missing, unreadable or malformed."""
        path = self.folder / f"{key}.json"
        try:
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (not isinstance(data, dict) or not isinstance(data.get("rows"), list)
                or not isinstance(data.get("report"), list)
                or not all(isinstance(r, dict) for r in data["rows"] + data["report"])):
            return None
        return data["rows"], data["report"]

    def put(self, key: str, value: Parsed) -> None:
        """Keep ``value`` for ``key``, atomically; a cache that cannot be written is skipped silently (it is
        only a speed-up: the build's result does not depend on it)."""
        rows, report = value
        tmp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"rows": rows, "report": report}, out, ensure_ascii=False)
            os.replace(tmp, self.folder / f"{key}.json")
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


MEMO_MAGIC = b"diffdata-memo-1\n"
MAX_MEMO_BYTES = 1024 * 1024 * 1024  # a memo larger than this is neither read nor written


class FileMemo:
    """A :class:`diffdata.memo.Memo` in one file: read whole when opened, written by :meth:`save` with the entries
    this build used or made (so it holds one build's results, no more). The file is a magic line, the SHA-256
    of the rest and the entries (:mod:`marshal`); a file that does not check is ignored (and replaced)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old = self._load()
        self.new: dict[str, bytes] = {}

    def _load(self) -> dict[str, bytes]:
        try:
            if self.path.stat().st_size > MAX_MEMO_BYTES:
                return {}
            data = self.path.read_bytes()
        except OSError:
            return {}
        head = len(MEMO_MAGIC)
        digest, payload = data[head:head + 32], data[head + 32:]
        if data[:head] != MEMO_MAGIC or hashlib.sha256(payload).digest() != digest:
            return {}
        try:
            entries = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return {}
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
        """Write the entries this build used or made, atomically; skipped silently when they cannot be written
        or are too large (the memo is only a speed-up)."""
        payload = marshal.dumps(self.new)
        if len(payload) > MAX_MEMO_BYTES:
            return
        tmp: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".memo")
            with os.fdopen(fd, "wb") as out:
                out.write(MEMO_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, self.path)
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
