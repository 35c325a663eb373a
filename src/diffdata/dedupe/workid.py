"""Stable work ids: the strongest identifier, else kind and title slug, with a hash when two works clash."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from diffdata.identifiers import ID_COLUMNS, ID_PREFIX


def _slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "untitled"


def assign_work_ids(works: list[dict]) -> None:
    """Fill every work's ``work_id``: ``<prefix>:<id>`` of its strongest identifier, else ``<kind>:<title slug>``
    (+ a hash of its address, or of its title, authors and year, when works clash)."""
    for w in works:
        for col in ID_COLUMNS:
            if w["_ids"].get(col):
                w["work_id"] = f"{ID_PREFIX[col]}:{w['_ids'][col]}"
                break
        else:
            w["work_id"] = f"{w['kind']}:{_slug(w['_key'] or w['url'] or 'untitled')}"
    by_id: dict[str, list[dict]] = defaultdict(list)
    for w in works:
        by_id[w["work_id"]].append(w)
    for wid, clash in by_id.items():
        if len(clash) < 2:
            continue
        # The address tells them apart and does not change when other fields do; works without one are told
        # apart by their full title, authors and year, and the last ties by a counter in a fixed order.
        seen: Counter[str] = Counter()
        bases = [(w["url"] or f"{w['_key']}|{'|'.join(w['authors'])}|{w['year']}", w) for w in clash]
        for basis, w in sorted(bases, key=lambda bw: (bw[0], bw[1]["_first"])):
            seen[basis] += 1
            tail = "" if seen[basis] == 1 else f"-{seen[basis]}"
            w["work_id"] = f"{wid}:{hashlib.sha1(basis.encode()).hexdigest()[:8]}{tail}"
