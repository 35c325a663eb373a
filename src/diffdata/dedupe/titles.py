"""Rule 2 (the same normalised title and kind) without comparing each mention with every other mention of its
title. The rule's meaning is the simple loop: each mention, in (list, line) order, joins the group of the first
mention of its title (same order) that is in another group compatible with its own, if any. That first mention
is the earliest member (the *anchor*) of the earliest compatible group, so it is found by looking up groups, not
mentions, through indexes that only return compatible ones:

- a group holding one of the mention's identifiers (or, for a repository or video, its address): an identifier
  belongs to one group (rule 1 merged its mentions), so these are few, and each is checked in full;
- the other groups, bucketed by which identifier columns they fill (*pattern*) and whether they have years and
  surnames: in a bucket whose pattern shares no column with the mention's group, no identifier guard can fail, so
  the first group in anchor order is compatible when neither side has the fact a guard compares, else the first
  group indexed under one of the group's surnames, one of its years give or take one, or such a pair.

Indexes are heaps of (anchor, anchor's row), checked when read (a group merged away, or moved to another
bucket, leaves stale entries that are dropped). The work is linear in the mentions and their facts, apart from
a group re-indexed when a merge gives it an earlier anchor or a new bucket."""

from __future__ import annotations

import heapq
from collections import defaultdict

from diffdata.dedupe.groups import URL_IDENTIFIED, Groups


def _keys(groups: Groups, root: int) -> list[tuple[str, str]]:
    """The identifiers of a group as (column, value), with its address for a repository or video."""
    g = groups.group(root)
    keys = [(col, v) for col, values in g.ids.items() for v in values]
    if g.kind in URL_IDENTIFIED:
        keys += [("url", u) for u in g.urls]
    return keys


class _TitleIndex:
    """The groups of one title's mentions, indexed as the module docstring says."""

    def __init__(self, groups: Groups, members: list[int]) -> None:
        self.groups, self.members = groups, members
        self.anchor: dict[int, int] = {}  # root -> position (in members) of its first member
        self.owners: dict[tuple[str, str], list[int]] = defaultdict(list)  # identifier -> rows holding it
        self.bucket: dict[int, tuple] = {}  # root -> bucket it is indexed in
        self.indexed: dict[int, tuple[frozenset, frozenset]] = {}  # root -> surnames, years indexed
        self.live: dict[tuple, int] = defaultdict(int)  # bucket -> groups in it
        self.heaps: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        for pos, i in enumerate(members):
            root = groups.find(i)
            if root not in self.anchor:  # the group's first mention of this title: its anchor
                self.anchor[root] = pos
                self._index(root)
                for key in _keys(groups, root):
                    self.owners[key].append(i)

    def _bucket(self, root: int) -> tuple:
        g = self.groups.group(root)
        return frozenset(col for col, _ in _keys(self.groups, root)), bool(g.years), bool(g.surnames)

    def _index(self, root: int, old: tuple[frozenset, frozenset] | None = None) -> None:
        """Push the entries of ``root`` not already pushed at its anchor in its bucket (``old``: the surnames
        and years pushed there; None for a group not indexed yet)."""
        g, bucket, pos = self.groups.group(root), self._bucket(root), self.anchor[root]
        entry = (pos, self.members[pos])
        if old is None or bucket != self.bucket[root]:
            if old is not None:
                self.live[self.bucket[root]] -= 1
            self.live[bucket] += 1
            old = (frozenset(), frozenset())
            heapq.heappush(self.heaps[bucket], entry)
        surnames, years = frozenset(g.surnames), frozenset(g.years)
        for s in surnames - old[0]:
            heapq.heappush(self.heaps[(bucket, "s", s)], entry)
        for y in years - old[1]:
            heapq.heappush(self.heaps[(bucket, "y", y)], entry)
        for s in surnames:
            for y in years if s not in old[0] else years - old[1]:
                heapq.heappush(self.heaps[(bucket, "b", s, y)], entry)
        self.bucket[root], self.indexed[root] = bucket, (surnames, years)

    def merged(self, ra: int, rb: int) -> None:
        """Roots ``ra`` and ``rb`` were merged: the group keeps the entries of the side with the earlier anchor
        (valid while its bucket is the same) and is indexed there for the facts the other side brought."""
        root = self.groups.find(ra)
        first, second = (ra, rb) if self.anchor[ra] < self.anchor[rb] else (rb, ra)
        self.live[self.bucket[second]] -= 1
        pos, bucket, old = self.anchor[first], self.bucket[first], self.indexed[first]
        for r in (ra, rb):
            del self.anchor[r], self.bucket[r], self.indexed[r]
        self.anchor[root], self.bucket[root] = pos, bucket
        self._index(root, old)

    def _valid(self, entry: tuple[int, int], bucket: tuple) -> bool:
        root = self.groups.find(entry[1])
        return self.anchor.get(root) == entry[0] and self.bucket[root] == bucket

    def _head(self, key: tuple, bucket: tuple, me: int) -> int | None:
        """The anchor of the first group in heap ``key`` other than ``me``."""
        heap = self.heaps.get(key)
        while heap and not self._valid(heap[0], bucket):
            heapq.heappop(heap)
        if not heap:
            return None
        if self.groups.find(heap[0][1]) != me:
            return heap[0][0]
        top = heapq.heappop(heap)
        while heap and not self._valid(heap[0], bucket):
            heapq.heappop(heap)
        found = heap[0][0] if heap else None
        heapq.heappush(heap, top)
        return found

    def first_compatible(self, m: int) -> int | None:
        """The position of the first mention of the title in another group compatible with ``m``'s."""
        groups, me = self.groups, self.groups.find(m)
        g = groups.group(me)
        best = None
        mine = _keys(groups, me)
        for key in mine:
            for i in self.owners.get(key, ()):
                root = groups.find(i)
                pos = self.anchor.get(root)
                if root != me and pos is not None and (best is None or pos < best) and groups.compatible(i, m):
                    best = pos
        cols = {col for col, _ in mine}
        near = sorted({y + d for y in g.years for d in (-1, 0, 1)})
        for bucket, count in self.live.items():
            pattern, has_years, has_surnames = bucket
            if not count or pattern & cols:
                continue
            need_s, need_y = has_surnames and bool(g.surnames), has_years and bool(g.years)
            if need_s and need_y:
                keys = [(bucket, "b", s, y) for s in g.surnames for y in near]
            elif need_s:
                keys = [(bucket, "s", s) for s in g.surnames]
            elif need_y:
                keys = [(bucket, "y", y) for y in near]
            else:
                keys = [bucket]
            for key in keys:
                pos = self._head(key, bucket, me)
                if pos is not None and (best is None or pos < best):
                    if not groups.compatible(self.members[pos], m):  # the buckets promise it
                        raise AssertionError(f"title index: rows {self.members[pos]} and {m} not compatible")
                    best = pos
        return best


def merge_same_titles(groups: Groups, members: list[int]) -> None:
    """Rule 2 for the mentions of one title and kind, in (list, line) order."""
    if len(members) < 2 or len({groups.find(i) for i in members}) < 2:
        return  # one mention, or all in one group already (rule 1): nothing to merge, no index to build
    index = _TitleIndex(groups, members)
    unions, failed = 0, {}
    for m in members[1:]:
        me = groups.find(m)
        if len(index.anchor) < 2 or failed.get(me) == unions:
            continue  # nothing changed since this group last found no partner
        pos = index.first_compatible(m)
        if pos is None:
            failed[me] = unions
            continue
        other = groups.find(members[pos])
        groups.union(members[pos], m, "title", "title+kind")
        unions += 1
        index.merged(other, me)
