"""Enrichment with Semantic Scholar: pure stage functions (no I/O, no network).

:func:`lookup_requests` says what to ask for each work; :func:`diffdata.s2.fetch_all` gets the answers
(cache or network); :func:`enrich` turns works + answers into new tables: enriched ``papers``, ``citations``
between works of the dataset, ``merges`` (works found to be the same Semantic Scholar paper) and lookup
``issues``.

Rules, in one place:

* Lookup key: a work of kind ``paper`` with an arXiv id is asked as ``ARXIV:<id>``, else with a DOI as
  ``DOI:<doi>`` (lower-cased), else with a title as a title match ``TITLE:<normalised title>``. Other kinds
  are not looked up (``not_fetched``, reason ``not looked up``).
* Verification: an identifier answer is verified by construction. A title match is accepted only when all of:
  title similarity >= :data:`TITLE_MATCH_THRESHOLD` (``rapidfuzz.fuzz.ratio`` of the normalised titles, 0..1;
  normalised = accents and punctuation removed, lower case, single spaces), the years are within one of each
  other when both are known (preprint vs proceedings), and at least one author surname is shared when both
  author lists are known. A rejected match makes the work ``not_found`` with the reason and the similarity.
* Canonical fields of a verified work: title and authors from Semantic Scholar; year and venue stay those
  of the lists (the ``papers`` schema: "lists, else arXiv id, else Semantic Scholar"; the lists say 'NeurIPS'
  where Semantic Scholar says 'Neural Information Processing Systems', which goes to ``s2_venue``) and are
  filled from Semantic Scholar only when missing; ``doi`` (lower-cased), ``arxiv_id`` and ``url`` are filled
  when missing.
* Merge: works whose verified answers are the same ``paperId`` become one. The survivor is the smallest by
  ``(not work_id.startswith("arxiv:"), work_id)``: an ``arxiv:`` id wins, ties broken by string order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz
from semanticscholar.Paper import Paper

from diffdata import text
from diffdata.s2 import FetchResult, LookupRequest, as_paper, title_key
from diffdata.schemas import CITATIONS, ISSUES, PAPERS, is_missing, records

TITLE_MATCH_THRESHOLD = 0.90
# An identifier answer is trusted, but a listed title this far from Semantic Scholar's is reported as a
# conflict: the list may link the wrong paper.
IDENTIFIER_TITLE_THRESHOLD = 0.80
"""Least title similarity (``fuzz.ratio`` / 100 of normalised titles) for a title match to be accepted."""

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


def _text(value: Any) -> str | None:
    return None if is_missing(value) else str(value).strip()


def _int(value: Any) -> int | None:
    if is_missing(value):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if -(2**63) < number < 2**63 else None  # what an Int64 column holds


def _strings(value: Any) -> list[str]:
    """A fresh list of strings from a list-like cell (list, tuple, numpy array) or a missing value."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and math.isnan(value)):
        return [value] if isinstance(value, str) and value else []
    try:
        return [str(v) for v in list(value) if not is_missing(v)]
    except TypeError:
        return []


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
        if _text(row.get("kind")) != "paper":
            continue
        work_id = str(row["work_id"])
        arxiv, doi, title = _text(row.get("arxiv_id")), _text(row.get("doi")), _text(row.get("title"))
        if arxiv:
            out.append(LookupRequest(work_id, f"ARXIV:{arxiv}"))
        elif doi:
            out.append(LookupRequest(work_id, f"DOI:{doi.lower()}"))
        elif title and text.title_key(title):
            out.append(LookupRequest(work_id, title_key(title), title, _int(row.get("year")),
                                     tuple(_strings(row.get("authors")))))
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
    s2_title = _text(paper.title) or ""
    similarity = round(title_similarity(title, s2_title), 3)
    if similarity < threshold:
        return TitleCheck(False, similarity,
                          f"title similarity {similarity:.2f} < {threshold:.2f} with {s2_title!r}")
    s2_year = _int(paper.year)
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
    row["s2_paper_id"] = _text(paper.paperId)
    row["corpus_id"] = _int(paper.corpusId) or _int(external.get("CorpusId"))
    row["citation_count"] = _int(paper.citationCount)
    row["influential_citation_count"] = _int(paper.influentialCitationCount)
    row["reference_count"] = _int(paper.referenceCount)
    row["publication_date"] = paper.publicationDate.date().isoformat() if paper.publicationDate else None
    row["publication_types"] = _strings(paper.publicationTypes)
    row["fields_of_study"] = _strings(paper.fieldsOfStudy)
    row["s2_venue"] = _text(paper.venue) or _text(paper.publicationVenue.name if paper.publicationVenue else None)
    pdf = paper.openAccessPdf  # a plain object in the model
    row["open_access_pdf"] = _text(pdf.get("url")) if isinstance(pdf, dict) else None
    row["abstract"] = _text(paper.abstract)
    row["tldr"] = _text(paper.tldr.text) if paper.tldr else None

    title = _text(paper.title)
    if title:
        row["title"] = title
    names = [n.strip() for n in _author_names(paper) if n.strip()]
    if names:
        row["authors"] = names
    # A verified answer wins over the lists for year and venue too (what the lists said stays in occurrences).
    if _int(paper.year) is not None:
        row["year"] = _int(paper.year)
    if row["s2_venue"]:
        row["venue"] = row["s2_venue"]
    if not _text(row.get("doi")) and _text(external.get("DOI")):
        row["doi"] = str(external["DOI"]).strip().lower()
    if not _text(row.get("arxiv_id")) and _text(external.get("ArXiv")):
        row["arxiv_id"] = str(external["ArXiv"]).strip()
    if not _text(row.get("url")):
        arxiv = _text(row.get("arxiv_id"))
        row["url"] = f"https://arxiv.org/abs/{arxiv}" if arxiv else _text(paper.url)


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
            row[name] = _strings(record.get(name))
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
    was fetched. ``requests`` are the lookups the answers were fetched for (computed again when omitted). See
    the module docstring for the verification, canonical-field and merge rules.
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
            kind = _text(row.get("kind"))
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
                    listed = _text(row.get("title"))
                    _apply_paper(row, paper)
                    references[work_id] = _reference_ids(paper)
                    found = _text(paper.title) or ""
                    if not req.is_title and listed and title_similarity(listed, found) < IDENTIFIER_TITLE_THRESHOLD:
                        detail = f"title: lists '{listed}' vs Semantic Scholar '{found}' for {req.key}"
                        row["conflicts"] = [*_strings(row.get("conflicts")), detail]
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
    counts = (_int(keep.get("occurrence_count")), _int(other.get("occurrence_count")))
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
            data[name] = pd.array([_int(v) for v in values], dtype="Int64")
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
