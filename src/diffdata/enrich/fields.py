"""A work's row with Semantic Scholar's answer in it: every S2 column, and a verified answer's title, authors,
year and venue over the lists' (identifiers and url only when the lists give none)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from semanticscholar.Paper import Paper

from diffdata import cells
from diffdata.enrich.verify import author_names
from diffdata.schemas import PAPERS

LIST_COLUMNS = frozenset(f.name for f in PAPERS if pa.types.is_list(f.type))
S2_COLUMNS = ("s2_paper_id", "corpus_id", "citation_count", "influential_citation_count", "reference_count",
              "publication_date", "publication_types", "fields_of_study", "s2_venue", "open_access_pdf",
              "abstract", "tldr", "enrichment_status", "enrichment_reason", "enriched_at")
"""The columns enrichment owns: emptied in every row before the answer is read."""


def apply_paper(row: dict[str, Any], paper: Paper) -> None:
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
    names = [n.strip() for n in author_names(paper) if n.strip()]
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


def reference_ids(paper: Paper) -> list[str]:
    """The Semantic Scholar ids of the papers ``paper`` cites."""
    ids = [r.paperId for r in paper.references or []]
    return [i for i in ids if isinstance(i, str) and i]
