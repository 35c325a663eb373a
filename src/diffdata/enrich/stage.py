"""The enrich stage: works and Semantic Scholar's answers in, new tables out (papers with the answers' fields,
citations between works of the dataset, merges, lookup issues)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa

from diffdata import cells
from diffdata.cells import is_missing, records
from diffdata.enrich.fields import apply_paper, fresh_row, reference_ids
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
    rows: list[dict[str, Any]] = []
    references: dict[str, list[str]] = {}
    issues: list[dict[str, Any]] = []
    for record in records(papers):
        row = fresh_row(record)
        rows.append(row)
        work_id = str(row["work_id"])
        req = by_work.get(work_id)
        status, reason = "not_fetched", None
        if req is None:
            kind = cells.text(row.get("kind"))
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
                row["enriched_at"] = answer.fetched_at
            else:
                paper = as_paper(answer.paper)
                check = None
                if req.is_title:
                    check = verify_title_match(req.title or "", req.year, req.authors, paper, threshold)
                row["enriched_at"] = answer.fetched_at
                if check is not None and not check.accepted:
                    status, reason = "not_found", f"title match rejected: {check.reason}"
                else:
                    status = "ok"
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
        if status in ("not_found", "error"):
            issues.append({"kind": "lookup", "work_id": work_id, "occurrence_id": None,
                           "detail": f"{status}: {reason}"})

    rows, merges = merge_same_paper(rows, references)
    citations = _citations(rows, references)
    return EnrichResult(
        papers=_papers_frame(rows, list(papers.columns)),
        citations=pd.DataFrame(citations, columns=CITATIONS.names, dtype=object),
        merges=pd.DataFrame(merges, columns=list(MERGE_COLUMNS), dtype=object),
        issues=pd.DataFrame(issues, columns=ISSUES.names, dtype=object),
    )


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


def _papers_frame(rows: list[dict[str, Any]], input_columns: list[str]) -> pd.DataFrame:
    columns = list(PAPERS.names) + [c for c in input_columns if c not in PAPERS.names]
    data: dict[str, Any] = {}
    for name in columns:
        values = [row.get(name) for row in rows]
        if name in INT_COLUMNS:
            data[name] = pd.array([cells.whole(v) for v in values], dtype="Int64")
        else:
            data[name] = pd.Series([None if is_missing(v) and not isinstance(v, list) else v for v in values],
                                   dtype=object)
    return pd.DataFrame(data, columns=columns)
