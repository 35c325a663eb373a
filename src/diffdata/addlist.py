"""``diffdata add-list``: copy a local list or download one into raw/lists/, checked before it lands."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from diffdata.net import DeadlineExceeded, RequestFailed, bounded_request, open_session, without_password
from diffdata.storage import MAX_LIST_BYTES, atomic_write_bytes, sha256_bytes

DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read (seconds)
DEFAULT_DEADLINE = 120.0  # the whole download, redirects included (seconds)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 20
_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")
_NAME_RE = re.compile(r"[\w][\w.-]*")
MAX_NAME_CHARS = 200


class AddListError(Exception):
    """A list could not be added; the message says why and names the source."""


def list_name(source: str) -> str:
    """A file name for a list from its URL or path: ``.../o/r/main/README.md`` -> ``o-r.md``."""
    parts = [p for p in urlsplit(source).path.split("/") if p] if "://" in source else list(Path(source).parts)
    if not parts:
        raise AddListError(f"{without_password(source)}: cannot derive a file name; pass --name")
    name = parts[-1]
    if name.lower() in ("readme.md", "readme.markdown", "readme") and "://" in source and len(parts) >= 3:
        host = urlsplit(source).hostname or ""
        owner_repo = parts[:2] if host == "raw.githubusercontent.com" else parts[-3:-1]
        name = "-".join(owner_repo) + ".md"
    name = _SAFE_NAME_RE.sub("-", name).strip("-.")
    if not name.lower().endswith((".md", ".markdown")):
        name += ".md"
    return name


def check_name(name: str) -> str:
    """``name`` if it is one plain file name for a list, else raise :class:`AddListError` saying why.

    Plain: letters, digits, ``.``, ``_`` and ``-`` only (so no path separator, space, colon or control
    character), not starting with ``.`` or ``-`` (hidden files are never read), no ``..``, at most
    :data:`MAX_NAME_CHARS` characters, ending in ``.md`` or ``.markdown``.
    """
    shown = repr(name)
    if not name:
        raise AddListError("the list name is empty")
    if "/" in name or "\\" in name or Path(name).is_absolute():
        raise AddListError(f"list name {shown}: a plain file name is needed, without a folder or path separator")
    if name.startswith("."):
        raise AddListError(f"list name {shown}: must not start with '.' (hidden files are not read as lists)")
    if ".." in name:
        raise AddListError(f"list name {shown}: must not contain '..'")
    if len(name) > MAX_NAME_CHARS:
        raise AddListError(f"list name {shown}: longer than {MAX_NAME_CHARS} characters")
    if not _NAME_RE.fullmatch(name):
        raise AddListError(f"list name {shown}: use only letters, digits, '.', '_' and '-' (no space, colon or "
                           "other punctuation), starting with a letter or digit")
    if not name.lower().endswith((".md", ".markdown")):
        raise AddListError(f"list name {shown}: must end in .md")
    return name


def check_content(data: bytes, source: str) -> str:
    """Decode and check a downloaded or copied list; return its text or raise :class:`AddListError`."""
    if not data.strip():
        raise AddListError(f"{source}: empty")
    if b"\x00" in data:
        raise AddListError(f"{source}: binary content (NUL byte), not a markdown list")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AddListError(f"{source}: line {line}: not valid UTF-8") from exc
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise AddListError(f"{source}: an HTML page, not markdown (use the raw file's URL)")
    if "](" not in text and "http" not in text:
        raise AddListError(f"{source}: no links at all; not a reading list")
    return text


def fetch(url: str, *, timeout: tuple[float, float] = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          deadline: float = DEFAULT_DEADLINE) -> bytes:
    """Download ``url`` (following up to :data:`MAX_REDIRECTS` redirects, their bodies unread) with a connect
    and read ``timeout``, a total ``deadline`` (seconds, however slowly the server sends, redirects included)
    and a size limit; raise :class:`AddListError` on any failure (its message shows the URL without its
    password)."""
    shown = without_password(url)
    try:
        with open_session({"Accept": "text/markdown, text/plain, */*"}) as http:
            r = bounded_request(http, "GET", url, deadline=deadline, max_bytes=max_bytes, timeout=timeout,
                                max_redirects=MAX_REDIRECTS)
    except DeadlineExceeded as exc:
        raise AddListError(f"{shown}: timed out: {exc}") from None
    except RequestFailed as exc:
        raise AddListError(f"{shown}: {exc}") from None
    if r.status != 200:
        raise AddListError(f"{shown}: HTTP {r.status} {r.reason}")
    return r.content


def add_list(source: str, lists_dir: Path, *, name: str | None = None, force: bool = False,
             timeout: tuple[float, float] = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
             deadline: float = DEFAULT_DEADLINE) -> Path:
    """Add the list at ``source`` (http(s) URL or local path) to ``lists_dir``; return the new file's path.

    The file name (``name``, else one derived from ``source``) must pass :func:`check_name`: the list is
    written directly in ``lists_dir`` and nowhere else.
    """
    shown = without_password(source)
    target = lists_dir / check_name(name if name is not None else list_name(source))
    if target.exists() and not force:
        raise AddListError(f"{target} exists; pass --force to replace it")
    scheme = urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        data = fetch(source, timeout=timeout, max_bytes=max_bytes, deadline=deadline)
    elif scheme and len(scheme) > 1:
        raise AddListError(f"{shown}: unsupported scheme {scheme!r} (use http, https or a path)")
    else:
        path = Path(source)
        if not path.is_file():
            raise AddListError(f"{source}: no such file")
        if path.stat().st_size > min(max_bytes, MAX_LIST_BYTES):
            raise AddListError(f"{source}: over the {max_bytes}-byte limit")
        data = path.read_bytes()
    check_content(data, shown)
    lists_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    update_manifest(lists_dir)
    return target


def update_manifest(lists_dir: Path) -> Path:
    """Rewrite the checksum manifest beside ``lists_dir`` (``raw/lists.sha256``, ``sha256sum`` format)."""
    manifest = lists_dir.parent / f"{lists_dir.name}.sha256"
    lines = [f"{sha256_bytes(p.read_bytes())}  {p.name}\n" for p in sorted(lists_dir.iterdir())
             if p.is_file() and not p.name.startswith(".")]
    atomic_write_bytes(manifest, "".join(lines).encode())
    return manifest
