"""The enrich stage: works and Semantic Scholar's answers in, new tables out (papers with the answers' fields,
citations between works of the dataset, merges, lookup issues)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa

from diffdata import cells
from diffdata.enrich import columns
from diffdata.enrich.fields import LIST_COLUMNS, S2_COLUMNS, apply_paper, reference_ids
from diffdata.enrich.lookup import lookup_requests
from diffdata.enrich.merges import MERGE_COLUMNS, merge_same_paper
from diffdata.enrich.verify import TITLE_MATCH_THRESHOLD, title_similarity, verify_title_match
from diffdata.s2 import FetchResult, LookupRequest, as_paper
from diffdata.schemas import CITATIONS, ISSUES, PAPERS

IDENTIFIER_TITLE_THRESHOLD = 0.80
"""Below this similarity between the listed title and Semantic Scholar's answer for the work's identifier, the
work gets a title conflict (the answer is still used: the list may link the wrong paper)."""

INT_COLUMNS = frozenset(f.name for f in PAPERS if pa.types.is_integer(f.type))


@dataclass(frozen=True)
class EnrichResult:
    """The new tables made by :func:`enrich` (the input is never modified)."""

    papers: pd.DataFrame
    citations: pd.DataFrame
    merges: pd.DataFrame
    issues: pd.DataFrame


def enrich(
    papers: pd.DataFrame,
    answers: Mapping[str, FetchResult],
    *,
    threshold: float = TITLE_MATCH_THRESHOLD,
    requests: Sequence[LookupRequest] | None = None,
) -> EnrichResult:
    """Add Semantic Scholar metadata to ``papers`` and derive citations, merges and lookup issues.

    ``answers`` maps asked ids (the keys of :func:`lookup_requests`) to :class:`diffdata.s2.FetchResult`, as
    returned by :func:`diffdata.s2.fetch_all`. Returns new DataFrames; ``papers`` is not modified. The papers
    table has every PAPERS column (then any extra input column); ``enriched_at`` is the time the answer used
    was fetched. ``requests`` are the lookups the answers were fetched for (computed again when omitted). A title
    match must pass :func:`verify_title_match`; works whose verified answers are the same ``paperId`` become
    the one of them that :func:`survivor_key` sorts first.
    """
    by_work = {r.work_id: r for r in (requests if requests is not None else lookup_requests(papers))}
    names = list(PAPERS.names) + [c for c in papers.columns if c not in PAPERS.names]
    cols = _fresh_columns(papers)  # every row's cells, a column at a time
    work_ids = [str(w) for w in cols["work_id"]]
    ok: dict[int, dict[str, Any]] = {}  # the rows an answer is applied to, as dicts
    references: dict[str, list[str]] = {}
    issues: list[dict[str, Any]] = []
    for i, work_id in enumerate(work_ids):
        req = by_work.get(work_id)
        status, reason = "not_fetched", None
        if req is None:
            kind = cells.text(cols["kind"][i])
            reason = (f"not looked up: kind is {kind}" if kind != "paper"
                      else "not looked up: no arXiv id, DOI or title")
        else:
            answer = answers.get(req.key)
            if answer is None:
                reason = f"no answer for {req.key}"
            elif answer.status in ("error", "not_fetched"):
                status, reason = answer.status, answer.reason or answer.status
            elif answer.status == "not_found" or answer.paper is None:
                status = "not_found"
                reason = ("no title match on Semantic Scholar" if req.is_title
                          else f"Semantic Scholar does not know {req.key}")
                cols["enriched_at"][i] = answer.fetched_at
            else:
                paper = as_paper(answer.paper)
                check = None
                if req.is_title:
                    check = verify_title_match(req.title or "", req.year, req.authors, paper, threshold)
                cols["enriched_at"][i] = answer.fetched_at
                if check is not None and not check.accepted:
                    status, reason = "not_found", f"title match rejected: {check.reason}"
                else:
                    status = "ok"
                    row = ok[i] = {name: cols[name][i] for name in names}
                    listed = cells.text(row.get("title"))
                    apply_paper(row, paper)
                    references[work_id] = reference_ids(paper)
                    found = cells.text(paper.title) or ""
                    if not req.is_title and listed and title_similarity(listed, found) < IDENTIFIER_TITLE_THRESHOLD:
                        detail = f"title: lists '{listed}' vs Semantic Scholar '{found}' for {req.key}"
                        row["conflicts"] = [*cells.strings(row.get("conflicts")), detail]
                        issues.append({"kind": "conflict", "work_id": work_id, "occurrence_id": None,
                                       "detail": detail})
                    row["enrichment_status"], row["enrichment_reason"] = status, reason
        cols["enrichment_status"][i], cols["enrichment_reason"][i] = status, reason
        if status in ("not_found", "error"):
            issues.append({"kind": "lookup", "work_id": work_id, "occurrence_id": None,
                           "detail": f"{status}: {reason}"})

    kept, merges = merge_same_paper(list(ok.values()), references)
    for i, row in ok.items():  # the answers' fields (and merged works' folds) back into the columns
        for name in names:
            cols[name][i] = row.get(name)
    gone = {old for old, _new, _why in merges}
    rows = [i for i, w in enumerate(work_ids) if w not in gone] if gone else None
    citations = _citations(kept, references)
    return EnrichResult(
        papers=_papers_frame(cols, names, rows),
        citations=pd.DataFrame(citations, columns=CITATIONS.names, dtype=object),
        merges=pd.DataFrame(merges, columns=list(MERGE_COLUMNS), dtype=object),
        issues=pd.DataFrame(issues, columns=ISSUES.names, dtype=object),
    )


def _fresh_columns(papers: pd.DataFrame) -> dict[str, list[Any]]:
    """The enriched rows' columns before any answer: every input column (``records`` values), every PAPERS column
    (list cells as fresh lists of strings), the S2 columns empty."""
    n = len(papers)
    cols = {name: columns.values(papers, name) for name in papers.columns}
    for name in PAPERS.names:
        if name in S2_COLUMNS:
            cols[name] = [[] for _ in range(n)] if name in LIST_COLUMNS else [None] * n
        elif name in LIST_COLUMNS:
            cols[name] = columns.strings(cols.get(name, [None] * n))
        elif name not in cols:
            cols[name] = [None] * n
    return cols


def _citations(rows: list[dict[str, Any]], references: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Edges between works of the dataset, deduplicated and sorted, without self-citations."""
    by_paper = {r["s2_paper_id"]: str(r["work_id"]) for r in rows
                if r["enrichment_status"] == "ok" and r.get("s2_paper_id")}
    edges = {
        (citing, by_paper[ref])
        for citing, refs in references.items()
        for ref in refs
        if ref in by_paper and by_paper[ref] != citing
    }
    return sorted(edges)


def _papers_frame(cols: dict[str, list[Any]], names: list[str], rows: list[int] | None) -> pd.DataFrame:
    """The papers table of the columns (only ``rows`` when given): Int64 for integers, objects (None when
    missing, lists kept) for the rest."""
    data: dict[str, Any] = {}
    for name in names:
        values = cols[name] if rows is None else [cols[name][i] for i in rows]
        if name in INT_COLUMNS:
            data[name] = pd.array(columns.wholes(values), dtype="Int64")
        else:
            data[name] = pd.Series(columns.present(values), dtype=object)
    return pd.DataFrame(data, columns=names)
