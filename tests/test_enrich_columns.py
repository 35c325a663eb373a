"""Enrichment reads the papers table a column at a time (enrich/columns.py): the same cells as the row rule
(``records`` -> ``fresh_row`` -> the papers frame) on every kind of cell."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diffdata import cells
from diffdata.cells import is_missing, records
from diffdata.enrich import enrich, lookup_requests
from diffdata.enrich.fields import LIST_COLUMNS, S2_COLUMNS
from diffdata.enrich.stage import INT_COLUMNS, _fresh_columns, _papers_frame
from diffdata.s2 import FetchResult, LookupRequest, title_key
from diffdata.schemas import PAPERS

try:
    from enrich_rows import table, work
except ImportError:  # tests/ imported as a package
    from tests.enrich_rows import table, work


def odd_papers() -> pd.DataFrame:
    papers = table(
        work("arxiv:1", arxiv_id=" 2006.11239 ", title="A", year=2020.0, authors=["Ann Lee", " ", "", None]),
        work("doi:2", doi="10.1/X", title="  ", year=float("nan"), authors=np.array(["Bo", "Cy"], dtype=object),
             sections=("S", "T"), code_urls=None, venue="   ", qualifier=float("nan")),
        work("title:paper:3", title="Denoising  Models", year=pd.NA, authors="Solo Author", conflicts=[1, "x"],
             sources=float("nan"), url=np.str_("https://x.org"), occurrence_count=2**62),
        work("title:post:4", kind="post", title="A post", project_urls=["", "p"], openreview_id=""),
        work("title:paper:5", kind=" paper ", title="Trim kind", year="2019", authors=[np.str_("N. P.")]),
        work("x:6", kind=None, title=None, occurrence_count=None),
    )
    papers["extra"] = [[1], np.array(["q"]), "e", np.float64("nan"), " ", np.int64(5)]
    papers["year"] = papers["year"].astype(object)
    papers["citation_key"] = papers["citation_key"].astype("str")
    return papers


def fresh_row(record: dict) -> dict:
    """The row rule the stage used before its columns: a copy of an input row with every PAPERS column
    present, list cells copied and the S2 columns empty."""
    row = dict(record)
    for name in PAPERS.names:
        if name in LIST_COLUMNS:
            row[name] = cells.strings(record.get(name))
        elif name not in row:
            row[name] = None
    for name in S2_COLUMNS:
        row[name] = [] if name in LIST_COLUMNS else None
    return row


def row_rule(papers: pd.DataFrame) -> pd.DataFrame:
    """The papers frame as it was made a row at a time (before the columns)."""
    rows = [fresh_row(r) for r in records(papers)]
    names = list(PAPERS.names) + [c for c in papers.columns if c not in PAPERS.names]
    data = {}
    for name in names:
        values = [row.get(name) for row in rows]
        if name in INT_COLUMNS:
            data[name] = pd.array([cells.whole(v) for v in values], dtype="Int64")
        else:
            data[name] = pd.Series([None if is_missing(v) and not isinstance(v, list) else v for v in values],
                                   dtype=object)
    return pd.DataFrame(data, columns=names)


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    assert a.dtypes.astype(str).tolist() == b.dtypes.astype(str).tolist()
    for name in a.columns:
        left, right = a[name].tolist(), b[name].tolist()
        assert [type(v) for v in left] == [type(v) for v in right], name
        assert repr(left) == repr(right), name


def test_fresh_columns_and_frame_are_the_row_rule() -> None:
    papers = odd_papers()
    names = [*PAPERS.names, "extra"]
    same(_papers_frame(_fresh_columns(papers), names, None), row_rule(papers))
    same(_papers_frame(_fresh_columns(papers), names, [0, 2, 5]), row_rule(papers).iloc[[0, 2, 5]]
         .reset_index(drop=True))


def test_fresh_lists_are_new_objects() -> None:
    papers = odd_papers()
    cols = _fresh_columns(papers)
    assert cols["authors"][0] == ["Ann Lee"] and cols["project_urls"][3] == ["p"]
    assert cols["sections"][0] is not papers["sections"][0] and cols["sections"][0] == papers["sections"][0]
    assert all(v == [] for v in cols["publication_types"])
    assert len({id(v) for v in cols["publication_types"]}) == len(papers)


def test_lookup_requests_read_by_columns() -> None:
    reqs = lookup_requests(odd_papers())
    assert reqs == [LookupRequest("arxiv:1", "ARXIV:2006.11239"), LookupRequest("doi:2", "DOI:10.1/x"),
                    LookupRequest("title:paper:3", title_key("Denoising  Models"), "Denoising  Models", None,
                                  ("Solo Author",)),
                    LookupRequest("title:paper:5", title_key("Trim kind"), "Trim kind", 2019, ("N. P.",))]


@pytest.mark.parametrize("status", ["not_fetched", "not_found", "error"])
def test_enrich_without_answers_is_the_row_rule_plus_status(status: str) -> None:
    papers = odd_papers()
    answers = {r.key: FetchResult(status, None, "2025-01-01T00:00:00Z" if status == "not_found" else None,
                                  None if status == "not_found" else "why")
               for r in lookup_requests(papers)}
    out = enrich(papers, answers).papers
    expected = row_rule(papers)
    for name in ("enrichment_status", "enrichment_reason", "enriched_at"):
        expected[name] = out[name]
    same(out, expected)
    assert out.enrichment_status.tolist() == [status, status, status, "not_fetched", status, "not_fetched"]
