"""Works and answers for the enrichment tests: rows of the papers table as dedupe makes them, answers as the
API shapes them, papers of the fake server's corpus."""

from __future__ import annotations

import pandas as pd

from diffdata.s2 import FetchResult
from diffdata.schemas import PAPERS

try:
    from fake_s2 import diffusion_corpus
except ImportError:  # tests/ imported as a package
    from tests.fake_s2 import diffusion_corpus

STAMP = "2025-01-15T12:00:00Z"
CORPUS = {p["externalIds"].get("ArXiv") or p["paperId"]: p for p in diffusion_corpus()}
DDPM, DDIM, SDE, NCSN, SOHL = (CORPUS[k] for k in ("2006.11239", "2010.02502", "2011.13456", "1907.05600",
                                                   "1503.03585"))
LDM = CORPUS["2112.10752"]


def work(work_id: str, **fields) -> dict:
    """A row of the papers table as dedupe makes it (enrichment columns empty)."""
    row = {name: None for name in PAPERS.names}
    row.update({"work_id": work_id, "citation_key": work_id.replace(":", "_"), "kind": "paper", "authors": [],
                "code_urls": [], "project_urls": [], "sources": ["a.md"], "sections": ["Papers"],
                "occurrence_count": 1, "conflicts": [], "publication_types": [], "fields_of_study": [],
                "enrichment_status": "not_fetched"})
    row.update(fields)
    return row


def table(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=PAPERS.names)


def ok(paper: dict, **extra) -> FetchResult:
    """An answer as the API shapes it (references as ``{"paperId": ...}`` objects)."""
    shaped = {**paper, "references": [{"paperId": r} for r in paper["references"]], **extra}
    return FetchResult("ok", shaped, STAMP)


def arxiv_work(paper: dict, **fields) -> dict:
    arxiv = paper["externalIds"]["ArXiv"]
    return work(f"arxiv:{arxiv}", arxiv_id=arxiv, title=fields.pop("title", paper["title"]),
                year=fields.pop("year", paper["year"]), **fields)


def by_id(df: pd.DataFrame) -> dict[str, dict]:
    return {r["work_id"]: r for r in df.to_dict("records")}
