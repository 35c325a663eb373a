"""Per-item results kept between builds, by content, so that a rebuild computes only the items that changed.

One mechanism for every stage: :func:`memo_map` maps a function over items and looks each result up in a
:class:`Memo` (supplied by the edge, like the parse cache) under a key made of the step's name, the code's
version (:func:`code_version`: every source file of the package and the libraries' versions) and the item's
content (its pickled form, without object sharing, hashed). A result is stored as :mod:`marshal` bytes, which
keep plain Python values and their types exactly (tuples stay tuples, floats stay bit for bit) and refuse
anything else: such a result is simply not kept. A hit is decoded afresh on every look-up, so a caller may
change what it gets. Without a memo (``None``) the function runs on every item: a build's result never
depends on the memo.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Protocol, TypeVar

__all__ = ["Memo", "code_version", "memo_map"]

T = TypeVar("T")
R = TypeVar("R")

#: The libraries whose behaviour a memoised step's result can depend on (their versions enter every key).
LIBRARIES = ("pandas", "pyarrow", "numpy", "rapidfuzz", "bibtexparser", "pylatexenc", "markdown-it-py")


class Memo(Protocol):
    """Where per-item results are kept between builds, as bytes by key; an edge supplies it."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, value: bytes) -> None: ...


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of the code a result depends on: every module of the package, Python's and the libraries'
    versions."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name}=none".encode())
    for path in sorted(here.rglob("*.py")):
        digest.update(b"\0" + path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def content_key(name: str, content: object) -> str | None:
    """The key of ``content`` for step ``name``, or None when it cannot be pickled. Pickled without its memo
    (so whether two equal strings are one object does not change the key); equal content in another order
    (a set, a dict) may give another key, which only costs a miss."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the values only
    try:
        pickler.dump(content)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    digest = hashlib.blake2b(buf.getvalue(), digest_size=20, person=b"diffdata-memo")
    digest.update(f"\0{name}\0{code_version()}".encode())
    return digest.hexdigest()


def memo_map(memo: Memo | None, name: str, fn: Callable[[T], R], items: Iterable[T],
             content: Callable[[T], object] | None = None) -> list[R]:
    """``[fn(item) for item in items]``, each result looked up in ``memo`` first and kept there after a miss.

    ``content(item)`` (default: the item itself) must hold everything ``fn(item)`` reads: the key is made of it,
    ``name`` and :func:`code_version`. A stored value that cannot be decoded is ignored and recomputed.
    """
    if memo is None:
        return [fn(item) for item in items]
    out: list[R] = []
    for item in items:
        key = content_key(name, item if content is None else content(item))
        if key is not None:
            data = memo.get(key)
            if data is not None:
                try:
                    out.append(marshal.loads(data))
                    continue
                except (EOFError, ValueError, TypeError):
                    pass  # a corrupt entry: computed again, and replaced
        result = fn(item)
        if key is not None:
            with contextlib.suppress(ValueError):  # not plain Python values: not kept
                memo.put(key, marshal.dumps(result))
        out.append(result)
    return out
