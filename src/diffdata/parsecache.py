"""The parse cache on disk: one JSON file per parsed list, so that a rebuild parses only the lists that changed.

A build artefact under ``build/parse-cache/`` (never committed): each file is named by
:func:`diffdata.parse.cache_key` (the list's name and text and the parser's version), so a stale entry is never
looked up again, and an unreadable or malformed one is ignored and overwritten.
"""

from __future__ import annotations

import contextlib
import json
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
