"""Union-find over mentions, with the facts every merge guard needs (identifiers, years, surnames, addresses)
kept per group, and the merge edges that explain each work."""

from __future__ import annotations

from dataclasses import dataclass, field

from diffdata.dedupe.rows import IDS, Mention
from diffdata.identifiers import ID_COLUMNS, arxiv_year

URL_IDENTIFIED = {"repository", "video"}  # kinds whose address is their identity


_EMPTY: frozenset = frozenset()  # shared by every group that has none of a fact (most have few)


@dataclass(slots=True)
class Group:
    """The mentions of one group and what its guards compare. A fact no mention gives is an empty frozenset
    (or an empty ``ids``), shared, not a new set per mention: 100k mentions start as 100k groups."""

    members: list[int]
    kind: str
    ids: dict[str, set[str]] = field(default_factory=dict)
    years: set[int] | frozenset[int] = _EMPTY
    surnames: set[str] | frozenset[str] = _EMPTY
    urls: set[str] | frozenset[str] = _EMPTY  # url_identity of the primary link (not for papers)


def _alone(i: int, r: Mention) -> Group:
    """The group of mention ``i`` alone (row ``r``)."""
    g = Group([i], r.kind)
    if not r.suspicious:
        g.ids = {col: {v} for col, v in zip(ID_COLUMNS, r[IDS], strict=True) if v}
    if r.year is not None:
        g.years = {int(r.year)}
    elif r.arxiv_id and not r.suspicious:
        ay = arxiv_year(r.arxiv_id)
        if ay:
            g.years = {ay}
    g.surnames = r.surnames  # a frozenset, copied when the group grows
    if r.url_id:
        g.urls = {r.url_id}
    return g


def _grown(kept: set | frozenset, more: set | frozenset) -> set | frozenset:
    """``kept`` with ``more`` added, in place when ``kept`` is a group's own set."""
    if not more:
        return kept
    if type(kept) is frozenset:  # the shared empty one, or a mention's own surnames: copied, never changed
        return set(kept) | more
    kept |= more
    return kept


class Groups:
    """Union-find over mention rows (see :mod:`diffdata.dedupe.rows`); ``edges`` are the merges made, as
    (mention, mention, rule, evidence). A mention alone keeps no :class:`Group` (most stay alone): its facts are
    read from its row when asked (:meth:`group`), and a group is kept from its first merge on."""

    def __init__(self, rows: list[Mention]) -> None:
        self.rows = rows
        self.parent = list(range(len(rows)))
        self.merged: dict[int, Group] = {}  # root -> group, for groups of two mentions or more
        self.edges: list[tuple[int, int, str, str]] = []

    def group(self, root: int) -> Group:
        """The group whose root is ``root``: kept, or made afresh from the row of a mention alone (not to be
        changed by the caller)."""
        g = self.merged.get(root)
        return g if g is not None else _alone(root, self.rows[root])

    def count(self) -> int:
        """How many groups there are."""
        return sum(1 for i, p in enumerate(self.parent) if i == p)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        """Whether the groups of ``a`` and ``b`` may be one work: same kind, no two different identifiers of
        one type, no two addresses of a repository or video, years within one, a surname in common."""
        ga, gb = self.group(self.find(a)), self.group(self.find(b))
        if ga.kind != gb.kind:
            return False
        for col in ID_COLUMNS:
            if ga.ids.get(col) and gb.ids.get(col) and not (ga.ids[col] & gb.ids[col]):
                return False
        if ga.kind in URL_IDENTIFIED and ga.urls and gb.urls and not (ga.urls & gb.urls):
            return False  # two repositories or videos at different addresses are different works
        if ga.years and gb.years and min(abs(x - y) for x in ga.years for y in gb.years) > 1:
            return False
        return not (ga.surnames and gb.surnames and not (ga.surnames & gb.surnames))

    def union(self, a: int, b: int, rule: str, evidence: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        gk = self.merged.get(keep)
        if gk is None:
            gk = self.merged[keep] = _alone(keep, self.rows[keep])
        gd = self.merged.pop(drop, None) or _alone(drop, self.rows[drop])
        gk.members.extend(gd.members)
        for col, values in gd.ids.items():
            gk.ids[col] = _grown(gk.ids.get(col, _EMPTY), values)
        gk.years = _grown(gk.years, gd.years)
        gk.surnames = _grown(gk.surnames, gd.surnames)
        gk.urls = _grown(gk.urls, gd.urls)
        self.parent[drop] = keep
        self.edges.append((a, b, rule, evidence))
        return True
