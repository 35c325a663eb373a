"""Works whose verified answers are the same Semantic Scholar paper become one (the survivor), and the other
tables are pointed at the survivors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from diffdata import cells
from diffdata.cells import is_missing

MERGE_COLUMNS = ("old_work_id", "new_work_id", "evidence")


def survivor_key(work_id: str) -> tuple[bool, str]:
    """Sort key choosing which of merged works keeps its id: ``arxiv:`` ids first, then string order."""
    return (not work_id.startswith("arxiv:"), work_id)


def merge_same_paper(
    rows: list[dict[str, Any]], references: dict[str, list[str]]
) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
    """Fold works with the same verified ``s2_paper_id`` into the survivor; the rows left and the merges made
    (``references`` follow their works)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["enrichment_status"] == "ok" and row.get("s2_paper_id"):
            groups.setdefault(row["s2_paper_id"], []).append(row)
    merged_away: set[str] = set()
    merges: list[tuple[str, str, str]] = []
    for paper_id, group in groups.items():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda r: survivor_key(str(r["work_id"])))
        keep = group[0]
        for other in group[1:]:
            old, new = str(other["work_id"]), str(keep["work_id"])
            merges.append((old, new, f"same Semantic Scholar paper {paper_id}"))
            merged_away.add(old)
            _fold(keep, other)
            references[new] = _union(references.get(new, []), references.pop(old, []))
    return [r for r in rows if str(r["work_id"]) not in merged_away], sorted(merges)


def _union(*lists: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def _fold(keep: dict[str, Any], other: dict[str, Any]) -> None:
    """Combine ``other`` into ``keep``: union of lists, sum of counts, missing identifiers filled."""
    keep["sources"] = sorted(set(keep["sources"]) | set(other["sources"]))
    for name in ("sections", "code_urls", "project_urls"):
        keep[name] = _union(keep[name], other[name])
    counts = (cells.whole(keep.get("occurrence_count")), cells.whole(other.get("occurrence_count")))
    keep["occurrence_count"] = sum(c or 0 for c in counts)
    conflicts = list(other["conflicts"])
    for name in ("year", "venue"):
        a, b = keep.get(name), other.get(name)
        if not is_missing(a) and not is_missing(b) and str(a) != str(b):
            conflicts.append(f"{name}: {a} ({keep['work_id']}) vs {b} ({other['work_id']})")
    keep["conflicts"] = _union(keep["conflicts"], conflicts)
    for name in ("arxiv_id", "doi", "openreview_id", "url", "venue", "year", "title"):
        if is_missing(keep.get(name)) and not is_missing(other.get(name)):
            keep[name] = other[name]


def apply_merges(occurrences: pd.DataFrame, matches: pd.DataFrame, issues: pd.DataFrame,
                 merges: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Point every table at the surviving work of the merges made by :func:`diffdata.enrich.enrich`: the
    mentions, their matches (rule ``s2_paper_id``, the evidence naming the old work) and the issues. Returns
    new tables."""
    if merges.empty:
        return occurrences, matches, issues
    target = dict(zip(merges.old_work_id, merges.new_work_id, strict=True))
    why = dict(zip(merges.old_work_id, merges.evidence, strict=True))
    occ = occurrences.copy()
    moved = occ.work_id.isin(list(target))
    occ.loc[moved, "work_id"] = occ.loc[moved, "work_id"].map(target)
    m = matches.copy()
    was = m.work_id.copy()
    hit = was.isin(list(target))
    m.loc[hit, "work_id"] = was[hit].map(target)
    m.loc[hit, "rule"] = "s2_paper_id"
    m.loc[hit, "evidence"] = was[hit].map(lambda w: f"{why[w]} (was {w})")
    m.loc[hit, "matched_occurrence_id"] = None
    iss = issues.copy()
    named = iss.work_id.isin(list(target))
    iss.loc[named, "work_id"] = iss.loc[named, "work_id"].map(target)
    return occ, m, iss
