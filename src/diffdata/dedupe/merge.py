"""The merge rules, in order (identifier, title, fuzzy title): mentions in, groups of mentions out, then the
stage's tables (:func:`merge_mentions`)."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

from diffdata.collector import collector_paused
from diffdata.dedupe.assemble import assemble, tables
from diffdata.dedupe.fuzzy import fuzzy_candidates
from diffdata.dedupe.groups import Groups
from diffdata.dedupe.issues import suspicious_links
from diffdata.dedupe.rows import IDS, SurnameMemo, mention_rows
from diffdata.dedupe.titles import merge_same_titles
from diffdata.identifiers import ID_COLUMNS, ID_PREFIX
from diffdata.memo import Memo


@dataclass
class DedupeResult:
    """What the dedupe stage returns."""

    occurrences: pd.DataFrame
    papers: pd.DataFrame
    matches: pd.DataFrame
    issues: pd.DataFrame


def merge_mentions(occurrences: pd.DataFrame, memo: Memo | None = None) -> DedupeResult:
    """Group mentions into works (rules in ``docs/merge-rules.md``); pure and independent of row order.
    ``memo`` (see :mod:`diffdata.memo`) keeps each work's fields between builds; the result is the same
    without it."""
    with collector_paused():
        return _merge(occurrences, memo)


def _merge(occurrences: pd.DataFrame, memo: Memo | None) -> DedupeResult:
    occ = _in_list_order(occurrences)
    surnames_of = SurnameMemo()
    rows = mention_rows(occ, surnames_of)
    groups = Groups(rows)

    # 1. identifiers
    by_id: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.kind != "paper":
            continue
        for col, value in zip(ID_COLUMNS, r[IDS], strict=True):
            if value:
                by_id[f"{ID_PREFIX[col]}:{value}"].append(i)
    for i, r in enumerate(rows):
        if r.url_id:  # the same page, video or repository, however its URL is written
            by_id[f"{r.kind}-url:{r.url_id}"].append(i)
    for ident in sorted(by_id):
        members = by_id[ident]
        for m in members[1:]:
            groups.union(members[0], m, "identifier", ident)

    # 2. exact normalised title + kind
    by_title: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.key:
            by_title[(r.kind, r.key)].append(i)
    for key in sorted(by_title):
        merge_same_titles(groups, by_title[key])
    del by_title  # each index is let go once read: the stage's peak of memory is in assemble

    # 3. fuzzy titles, through blocking keys
    for score, a, b in fuzzy_candidates(rows):
        if groups.find(a) != groups.find(b) and groups.compatible(a, b):
            ya, yb = groups.group(groups.find(a)).years, groups.group(groups.find(b)).years
            same = "same year" if ya & yb else ("year unknown" if not (ya and yb) else "year within 1")
            groups.union(a, b, "fuzzy_title", f"fuzzy {score:.2f} + {same}")

    issues = suspicious_links(rows, groups, by_id)
    del by_id
    works, work_ids, matches = assemble(rows, groups, issues, surnames_of, memo)
    del rows, groups, surnames_of  # let go before the tables are made
    out_occ, papers, issues_df = tables(occ, works, work_ids, issues)
    return DedupeResult(out_occ, papers, matches, issues_df)


def _in_list_order(occ: pd.DataFrame) -> pd.DataFrame:
    """The mentions in (list, line) order; parse gives them so, nearly always, and then the table is not copied
    (a sort copies every column)."""
    keys = zip(occ["source"].tolist(), occ["line"].tolist(), occ["occurrence_id"].tolist(), strict=True)
    with contextlib.suppress(TypeError):  # a missing value: sorted below, as pandas places it
        if all(a <= b for a, b in pairwise(keys)):
            return occ.reset_index(drop=True)
    return occ.sort_values(["source", "line", "occurrence_id"], kind="stable").reset_index(drop=True)
