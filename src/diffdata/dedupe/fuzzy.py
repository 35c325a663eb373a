"""Fuzzy title matching: candidate pairs of titles that may be typos of each other, found through blocking keys
(never all pairs) and scored with rapidfuzz."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from diffdata.dedupe.rows import Mention

FUZZY_THRESHOLD = 0.92
_CUTOFF = round(FUZZY_THRESHOLD * 100, 6)
_MIN_TOKEN_LEN = 3
MAX_BLOCK = 200  # blocks larger than this are compared within a sliding window of sorted titles
WINDOW = 20
_SMALL = 8  # blocks this small are scored pair by pair: cheaper than a call of rapidfuzz's cdist


def _prefixes(key: str) -> set[str]:
    """The 4-letter prefixes of a normalised title's words of three letters or more."""
    return {t[:4] for t in key.split() if len(t) >= _MIN_TOKEN_LEN}


def _blocking_keys(key: str, df: Counter[str], prefixes: set[str] | None = None) -> list[str]:
    """Blocking keys of a normalised title: the 4-letter prefixes of its three rarest words (a typo rarely
    changes a word's first letters), plus the title's first and last ten characters (``prefixes``: the
    title's :func:`_prefixes`, when known)."""
    rarest = sorted(_prefixes(key) if prefixes is None else prefixes, key=lambda p: (df[p], p))
    return [f"w:{p}" for p in rarest[:3]] + [f"h:{key[:10]}", f"t:{key[-10:]}"]


def fuzzy_candidates(rows: list[Mention]) -> list[tuple[float, int, int]]:
    """Pairs of mentions whose titles may be typos of each other, best first, as (score, row, row): two titles
    are compared only when they share a blocking key of the same kind of work."""
    reps: dict[tuple[str, str], int] = {}
    for i, r in enumerate(rows):
        if r.key:
            reps.setdefault((r.kind, r.key), i)
    prefixes = {key: _prefixes(key) for _kind, key in reps}  # a title of two kinds is split once
    df: Counter[str] = Counter()
    for _kind, key in reps:
        df.update(prefixes[key])
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (kind, key), i in sorted(reps.items()):
        for block in _blocking_keys(key, df, prefixes[key]):
            index[(kind, block)].append(i)
    key = [r.key for r in rows]  # read once: every block reads its titles
    seen: set[tuple[int, int]] = set()
    out: list[tuple[float, int, int]] = []
    for members in index.values():
        if len(members) < 2:
            continue
        if len(members) > MAX_BLOCK:
            # a key this common blocks little: compare each title with its neighbours in sorted order only, the
            # titles of one step of WINDOW with those of that step and the next (a rectangle of scores)
            members = sorted(members, key=key.__getitem__)
            spans = [(lo, min(len(members), lo + WINDOW), min(len(members), lo + 2 * WINDOW))
                     for lo in range(0, len(members), WINDOW)]
        else:
            spans = [(0, len(members), len(members))]
        for lo, mid, hi in spans:
            part = members[lo:hi]
            keys = [key[i] for i in part]
            if hi - lo <= _SMALL:  # every pair: _title_similarity makes the same test as cdist's cutoff
                pairs = [(x, y) for x in range(mid - lo) for y in range(x + 1, len(part))]
            else:  # rapidfuzz scores the rectangle in C; only pairs above the threshold come back to Python
                scores = process.cdist(keys[:mid - lo], keys, scorer=fuzz.ratio, score_cutoff=_CUTOFF,
                                       dtype=np.uint8)
                pairs = zip(*np.nonzero(np.triu(scores, 1)), strict=True)
            for x, y in pairs:
                a, b = part[x], part[y]
                if a > b:
                    a, b = b, a
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                score = _title_similarity(key[a], key[b])
                if score is not None:
                    out.append((score, a, b))
    out.sort(key=lambda t: (-t[0], rows[t[1]].occurrence_id, rows[t[2]].occurrence_id))
    return out


def _title_similarity(a: str, b: str) -> float | None:
    """Similarity of two normalised titles when they may be the same title with typos, else None."""
    if a == b:
        return None
    la, lb = len(a), len(b)
    if 2 * (la if la < lb else lb) < FUZZY_THRESHOLD * (la + lb):
        return None  # the ratio can never reach the threshold with lengths this far apart
    score = fuzz.ratio(a, b, score_cutoff=_CUTOFF) / 100.0
    if not score:
        return None
    ta, tb = a.split(), b.split()
    if abs(len(ta) - len(tb)) > 1 or len(ta) < 2 or len(tb) < 2:
        return None
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return None  # one title inside the other: 'Consistency Models' vs '... Consistency Models'
    if [t for t in ta if t.isdigit()] != [t for t in tb if t.isdigit()]:
        return None  # 'Stable Diffusion 2' vs 'Stable Diffusion 3', 'Part 1' vs 'Part 2'
    return score
