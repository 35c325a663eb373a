"""The Semantic Scholar cache: one readable JSON file per asked id (``raw/semanticscholar/``), written
atomically."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from diffdata.s2.answers import check_paper

_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def cache_file_name(asked_id: str) -> str:
    """A file name for ``asked_id``: readable for identifiers, hashed for titles.

    ``ARXIV:2006.11239`` -> ``ARXIV_2006.11239.json``; characters outside ``[A-Za-z0-9._-]`` become ``_`` and
    a short hash of the id is appended whenever that was lossy (``DOI:10.1/x`` -> ``DOI_10.1_x-<hash>.json``),
    so two ids never share a file. ``TITLE:...`` -> ``TITLE_<sha256[:20]>.json``.
    """
    digest = hashlib.sha256(asked_id.encode("utf-8")).hexdigest()
    prefix, sep, rest = asked_id.partition(":")
    if prefix == "TITLE" and sep:
        return f"TITLE_{digest[:20]}.json"
    stem = f"{prefix}_{rest}" if sep and not _SAFE.search(prefix) else asked_id
    safe = _SAFE.sub("_", stem)
    if safe != stem or len(safe) > 120 or safe.startswith("."):
        safe = f"{safe[:100]}-{digest[:10]}"
    return f"{safe}.json"


def utc_now() -> datetime:
    """The current time, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def iso(dt: datetime) -> str:
    """ISO 8601 UTC with a ``Z``: ``2024-12-08T02:26:24Z``."""
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def parse_iso(text: str) -> datetime:
    """Inverse of :func:`iso` (also accepts ``+00:00`` offsets)."""
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CacheEntry:
    """One stored answer: ``status`` is ``ok`` (``paper`` set) or ``not_found`` (``paper`` None)."""

    id: str
    fetched_at: str
    status: str
    paper: dict | None


def is_fresh(entry: CacheEntry, max_age: timedelta | None = None, now: datetime | None = None,
             not_found_max_age: timedelta | None = None) -> bool:
    """Whether ``entry`` is at most ``max_age`` old (a ``not_found`` also at most ``not_found_max_age``; None =
    any age) at ``now``; an entry whose time cannot be read is not."""
    limits = [max_age] + ([not_found_max_age] if entry.status == "not_found" else [])
    limit = min((a for a in limits if a is not None), default=None)
    if limit is None:
        return True
    try:
        age = (now or utc_now()) - parse_iso(entry.fetched_at)
    except ValueError:
        return False
    return age <= limit


class S2Cache:
    """One JSON file per asked id in ``directory`` (e.g. ``raw/semanticscholar/``).

    Content: ``{"fetched_at", "id", "paper", "status"}``, keys sorted, indent 2, trailing newline, written to
    a temporary file in the same directory then ``os.replace``d, so a killed run never leaves half a file
    and the same answer always gives the same bytes. Only answers are stored (``ok``, ``not_found``), never
    errors.
    """

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    def path(self, asked_id: str) -> Path:
        """The file that holds (or would hold) the answer for ``asked_id``."""
        return self.directory / cache_file_name(asked_id)

    def get(
        self, asked_id: str, max_age: timedelta | None = None, now: datetime | None = None,
        not_found_max_age: timedelta | None = None,
    ) -> CacheEntry | None:
        """The stored answer, or None when missing, unreadable, for another id, or older than ``max_age``
        (a ``not_found`` also when older than ``not_found_max_age``; None = any age)."""
        entry = self.read(asked_id)
        return entry if entry is not None and is_fresh(entry, max_age, now, not_found_max_age) else None

    def names(self) -> frozenset[str] | None:
        """The names of the files in the directory (none when it does not exist), or None when it cannot be
        listed: given to :meth:`read`, an id without a file is answered without trying to open it."""
        try:
            return frozenset(os.listdir(self.directory))
        except FileNotFoundError:
            return frozenset()
        except OSError:
            return None

    def read(self, asked_id: str, names: frozenset[str] | None = None) -> CacheEntry | None:
        """The stored answer whatever its age, or None (also for an answer of the wrong shape, see
        :func:`check_paper`: it is asked again rather than trusted). ``names``: the directory's files as
        :meth:`names` listed them, to skip the ids that have none (every file is written under the name
        :func:`cache_file_name` gives)."""
        name = cache_file_name(asked_id)
        if names is not None and name not in names:
            return None
        try:
            data = json.loads((self.directory / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("id") != asked_id:
            return None
        status, paper = data.get("status"), data.get("paper")
        if status == "ok" and isinstance(paper, dict):
            if check_paper(paper) is not None:  # written by hand or by an older version: ask again
                return None
            return CacheEntry(asked_id, str(data.get("fetched_at")), "ok", paper)
        if status == "not_found" and paper is None:
            return CacheEntry(asked_id, str(data.get("fetched_at")), "not_found", None)
        return None

    def put(self, asked_id: str, paper: dict | None, fetched_at: datetime | str | None = None) -> CacheEntry:
        """Store the answer for ``asked_id`` (``paper`` None = not found) atomically and return it."""
        if fetched_at is None:
            fetched_at = utc_now()
        stamp = fetched_at if isinstance(fetched_at, str) else iso(fetched_at)
        entry = CacheEntry(asked_id, stamp, "ok" if paper is not None else "not_found", paper)
        content = {"fetched_at": stamp, "id": asked_id, "paper": paper, "status": entry.status}
        text = json.dumps(content, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path(asked_id)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return entry
