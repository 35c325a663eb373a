"""Enrichment with Semantic Scholar, pure (no I/O, no network).

:func:`lookup_requests` says what to ask for each work; :func:`enrich` turns works and the answers
(:func:`diffdata.s2.fetch_all`) into new tables: papers with Semantic Scholar's fields, citations between works
of the dataset, merges and lookup issues; :func:`apply_merges` points the other tables at the merged works.
A verified answer gives a work its title, authors, year and venue (what the lists said stays in the
occurrences); ``doi``, ``arxiv_id`` and ``url`` are only filled when missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz
from semanticscholar.Paper import Paper

from diffdata import cells, text
from diffdata.cells import is_missing, records
from diffdata.s2 import FetchResult, LookupRequest, as_paper, title_key
from diffdata.schemas import CITATIONS, ISSUES, PAPERS

TITLE_MATCH_THRESHOLD = 0.90
"""Least title similarity (``fuzz.ratio`` / 100 of normalised titles) for a title match to be accepted."""

IDENTIFIER_TITLE_THRESHOLD = 0.80
"""Below this similarity between the listed title and Semantic Scholar's answer for the work's identifier, the
work gets a title conflict (the answer is still used: the list may link the wrong paper)."""

YEAR_TOLERANCE = 1
"""Largest accepted difference between the lists' year and Semantic Scholar's for a title match."""

MERGE_COLUMNS = ("old_work_id", "new_work_id", "evidence")
INT_COLUMNS = {"year", "occurrence_count", "corpus_id", "citation_count", "influential_citation_count",
               "reference_count"}
LIST_COLUMNS = {"authors", "code_urls", "project_urls", "sources", "sections", "conflicts",
                "publication_types", "fields_of_study"}
S2_COLUMNS = ("s2_paper_id", "corpus_id", "citation_count", "influential_citation_count", "reference_count",
              "publication_date", "publication_types", "fields_of_study", "s2_venue", "open_access_pdf",
              "abstract", "tldr", "enrichment_status", "enrichment_reason", "enriched_at")


@dataclass(frozen=True)
class EnrichResult:
    """The new tables made by :func:`enrich` (the input is never modified)."""

    papers: pd.DataFrame
    citations: pd.DataFrame
    merges: pd.DataFrame
    issues: pd.DataFrame


@dataclass(frozen=True)
class TitleCheck:
    """The verdict on a title match: accepted or not, the similarity, and why."""

    accepted: bool
    similarity: float
    reason: str


# ------------------------------------------------------------------------------------------------ values


def _union(*lists: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


# ------------------------------------------------------------------------------------------------ lookup


def lookup_requests(papers: pd.DataFrame) -> list[LookupRequest]:
    """What to ask Semantic Scholar for each work of kind ``paper``, in table order.

    ``ARXIV:<arxiv_id>`` when the work has an arXiv id, else ``DOI:<doi>`` (lower-cased), else a title match
    carrying the title, year and authors (to verify the answer). Works of other kinds, and papers with neither
    identifier nor title, get no request.
    """
    out: list[LookupRequest] = []
    for row in records(papers):
        if cells.text(row.get("kind")) != "paper":
            continue
        work_id = str(row["work_id"])
        arxiv, doi, title = cells.text(row.get("arxiv_id")), cells.text(row.get("doi")), cells.text(row.get("title"))
        if arxiv:
            out.append(LookupRequest(work_id, f"ARXIV:{arxiv}"))
        elif doi:
            out.append(LookupRequest(work_id, f"DOI:{doi.lower()}"))
        elif title and text.title_key(title):
            out.append(LookupRequest(work_id, title_key(title), title, cells.whole(row.get("year")),
                                     tuple(cells.strings(row.get("authors")))))
    return out


# ---------------------------------------------------------------------------------------------- verify


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles in 0..1: ``fuzz.ratio`` of the normalised titles / 100."""
    return fuzz.ratio(text.title_key(a), text.title_key(b)) / 100.0


def verify_title_match(
    title: str,
    year: int | None,
    authors: Sequence[str],
    paper: Paper | Mapping[str, Any],
    threshold: float = TITLE_MATCH_THRESHOLD,
) -> TitleCheck:
    """Whether ``paper`` (a title-match answer) is the work listed with ``title``, ``year`` and ``authors``.

    Accepted when the title similarity is at least ``threshold``, the years differ by at most
    :data:`YEAR_TOLERANCE` when both are known, and the author surnames overlap when both are known.
    """
    if not isinstance(paper, Paper):
        paper = as_paper(paper)
    s2_title = cells.text(paper.title) or ""
    similarity = round(title_similarity(title, s2_title), 3)
    if similarity < threshold:
        return TitleCheck(False, similarity,
                          f"title similarity {similarity:.2f} < {threshold:.2f} with {s2_title!r}")
    s2_year = cells.whole(paper.year)
    if year is not None and s2_year is not None and abs(year - s2_year) > YEAR_TOLERANCE:
        return TitleCheck(False, similarity, f"year {year} in the lists but {s2_year} for {s2_title!r}")
    listed = text.surnames(authors)
    found = text.surnames(_author_names(paper))
    if listed and found and not listed & found:
        return TitleCheck(False, similarity,
                          f"no author in common ({', '.join(sorted(listed))} vs {', '.join(sorted(found))})")
    return TitleCheck(True, similarity, f"title similarity {similarity:.2f}")


# ---------------------------------------------------------------------------------------------- enrich


def _apply_paper(row: dict[str, Any], paper: Paper) -> None:
    """Copy Semantic Scholar's fields into ``row`` (a fresh dict) for a verified answer."""
    external = paper.externalIds or {}
    row["s2_paper_id"] = cells.text(paper.paperId)
    row["corpus_id"] = cells.whole(paper.corpusId) or cells.whole(external.get("CorpusId"))
    row["citation_count"] = cells.whole(paper.citationCount)
    row["influential_citation_count"] = cells.whole(paper.influentialCitationCount)
    row["reference_count"] = cells.whole(paper.referenceCount)
    row["publication_date"] = paper.publicationDate.date().isoformat() if paper.publicationDate else None
    row["publication_types"] = cells.strings(paper.publicationTypes)
    row["fields_of_study"] = cells.strings(paper.fieldsOfStudy)
    venue = paper.publicationVenue
    row["s2_venue"] = cells.text(paper.venue) or cells.text(venue.name if venue else None)
    pdf = paper.openAccessPdf  # a plain object in the model
    row["open_access_pdf"] = cells.text(pdf.get("url")) if isinstance(pdf, dict) else None
    row["abstract"] = cells.text(paper.abstract)
    row["tldr"] = cells.text(paper.tldr.text) if paper.tldr else None

    title = cells.text(paper.title)
    if title:
        row["title"] = title
    names = [n.strip() for n in _author_names(paper) if n.strip()]
    if names:
        row["authors"] = names
    # A verified answer wins over the lists for year and venue too (what the lists said stays in occurrences).
    if cells.whole(paper.year) is not None:
        row["year"] = cells.whole(paper.year)
    if row["s2_venue"]:
        row["venue"] = row["s2_venue"]
    if not cells.text(row.get("doi")) and cells.text(external.get("DOI")):
        row["doi"] = str(external["DOI"]).strip().lower()
    if not cells.text(row.get("arxiv_id")) and cells.text(external.get("ArXiv")):
        row["arxiv_id"] = str(external["ArXiv"]).strip()
    if not cells.text(row.get("url")):
        arxiv = cells.text(row.get("arxiv_id"))
        row["url"] = f"https://arxiv.org/abs/{arxiv}" if arxiv else cells.text(paper.url)


def _author_names(paper: Paper) -> list[str]:
    return [a.name for a in paper.authors or [] if isinstance(a.name, str)]


def _reference_ids(paper: Paper) -> list[str]:
    ids = [r.paperId for r in paper.references or []]
    return [i for i in ids if isinstance(i, str) and i]


def _fresh_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of an input row with every PAPERS column present and list cells copied."""
    row = dict(record)
    for name in PAPERS.names:
        if name in LIST_COLUMNS:
            row[name] = cells.strings(record.get(name))
        elif name not in row:
            row[name] = None
    for name in S2_COLUMNS:
        row[name] = [] if name in LIST_COLUMNS else None
    return row


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
        row = _fresh_row(record)
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
                    _apply_paper(row, paper)
                    references[work_id] = _reference_ids(paper)
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

    rows, merges = _merge_same_paper(rows, references)
    citations = _citations(rows, references)
    return EnrichResult(
        papers=_papers_frame(rows, list(papers.columns)),
        citations=pd.DataFrame(citations, columns=CITATIONS.names, dtype=object),
        merges=pd.DataFrame(merges, columns=list(MERGE_COLUMNS), dtype=object),
        issues=pd.DataFrame(issues, columns=ISSUES.names, dtype=object),
    )


def survivor_key(work_id: str) -> tuple[bool, str]:
    """Sort key choosing which of merged works keeps its id: ``arxiv:`` ids first, then string order."""
    return (not work_id.startswith("arxiv:"), work_id)


def _merge_same_paper(
    rows: list[dict[str, Any]], references: dict[str, list[str]]
) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
    """Second pass: fold works with the same verified ``s2_paper_id`` into the survivor."""
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


def apply_merges(occurrences: pd.DataFrame, matches: pd.DataFrame, issues: pd.DataFrame,
                 merges: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Point every table at the surviving work of the merges made by :func:`enrich`: the mentions, their
    matches (rule ``s2_paper_id``, the evidence naming the old work) and the issues. Returns new tables."""
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
