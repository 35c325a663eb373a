"""From groups of mentions to the dedupe stage's tables: one work per group, work ids, the issues placed at
their works, the matches (:func:`assemble`), then the tables (:func:`tables`)."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import pyarrow as pa

from diffdata.dedupe.canonical import work_fields
from diffdata.dedupe.explain import explain
from diffdata.dedupe.groups import Groups
from diffdata.dedupe.rows import OWN, Mention, SurnameMemo
from diffdata.dedupe.workid import assign_work_ids
from diffdata.memo import Memo, memo_map
from diffdata.schemas import ISSUES, PAPERS


def assemble(rows: list[Mention], groups: Groups, issues: list[dict], surnames_of: SurnameMemo,
             memo: Memo | None = None) -> tuple[list[dict], list[str], pd.DataFrame]:
    """One work per group: the works' fields, each mention's work id (in row order) and the matches table;
    ``issues`` gets the conflicts, and every issue its work. Each work's fields are looked up in ``memo`` by its
    mentions' content. :func:`tables` makes the stage's tables of them, once the rows can be let go."""
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        components[groups.find(i)].append(i)
    shared = _shared_author_lists(rows, groups, components)
    calls = [(sorted(members), shared.get(root)) for root, members in components.items()]  # (list, line) order

    def fields(call: tuple[list[int], dict | None]) -> dict:
        return work_fields(call[0], rows, surnames_of, call[1])

    # what work_fields reads: the rows' own fields (the others are worked out from them) and ``copied``; the
    # own fields' names are in the step's name
    own = len(OWN)

    def content(call: tuple[list[int], dict | None]) -> tuple:
        return [rows[i][:own] for i in call[0]], call[1]

    works = memo_map(memo, "dedupe.work_fields:" + ",".join(OWN), fields, calls, content)
    assign_work_ids(works)
    work_of: dict[int, str] = {}
    for w, (members, _copied) in zip(works, calls, strict=True):
        for i in members:
            work_of[i] = w["work_id"]
        for c in w["conflicts"]:
            issues.append({"kind": "conflict", "work_id": w["work_id"], "occurrence_id": None, "detail": c})
    row_of = {r.occurrence_id: i for i, r in enumerate(rows)}  # one look-up per issue, not a scan of rows
    for item in issues:
        if item["work_id"] is None and item["occurrence_id"]:
            idx = row_of[item["occurrence_id"]]
            item["work_id"] = work_of[idx]
            item["detail"] = item["detail"] + f" (as {work_of[idx]})"

    matches = explain(rows, groups, components, work_of)
    return works, [work_of[i] for i in range(len(rows))], matches


def tables(occ: pd.DataFrame, works: list[dict], work_ids: list[str], issues: list[dict]
           ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The occurrences with ``work_id`` (``work_ids``, in row order), the papers and the issues."""
    out_occ = occ.copy(deep=False)  # its own columns, the mentions' shared (copy on write)
    out_occ["work_id"] = work_ids
    names = [k for k in works[0] if not k.startswith("_")] if works else []  # every work has the same fields
    papers = pd.DataFrame({k: [w[k] for w in works] for k in names})  # by column: no dict per work
    for col in PAPERS.names:
        if col not in papers.columns:
            is_list = pa.types.is_list(PAPERS.field(col).type)
            papers[col] = [[] if is_list else None for _ in range(len(papers))]
    papers["enrichment_status"] = "not_fetched"
    papers["citation_key"] = ""
    papers = papers[PAPERS.names].sort_values("work_id", kind="stable").reset_index(drop=True)
    issues_df = pd.DataFrame(issues, columns=ISSUES.names).sort_values(
        ["kind", "work_id", "detail"], kind="stable").reset_index(drop=True)
    return out_occ, papers, issues_df


def _shared_author_lists(rows: list[Mention], groups: Groups, components: dict[int, list[int]]
                         ) -> dict[int, dict[tuple[str, ...], str]]:
    """For each group, its author lists (of two names or more) that another group gives too, with the title of
    the first such other group's first mention. Such a list is likely copied from that entry by mistake (a list
    gave DiffWave the authors of Sohl-Dickstein et al. 2015): it does not win the canonical authors."""
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, r in enumerate(rows):
        if len(r.names) >= 2:
            owners[r.names].add(groups.find(i))
    shared: dict[int, dict[tuple[str, ...], str]] = defaultdict(dict)
    for names, own in owners.items():
        if len(own) > 1:
            first = {o: min(components[o]) for o in own}
            earliest = sorted(first.values())[:2]  # the first of the others is one of the two earliest
            for root in own:
                other = earliest[1] if first[root] == earliest[0] else earliest[0]
                shared[root][names] = rows[other].title or "another work"
    return shared
