"""What enrichment asks Semantic Scholar (lookup.py) and when a title-match answer is accepted (verify.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from diffdata.enrich import TITLE_MATCH_THRESHOLD, lookup_requests, title_similarity, verify_title_match
from diffdata.text import surname

try:
    from enrich_rows import DDPM, table, work
except ImportError:  # tests/ imported as a package
    from tests.enrich_rows import DDPM, table, work


# ------------------------------------------------------------------------------------------ lookup_requests


def test_lookup_requests_prefers_arxiv_then_doi_then_title_and_skips_other_kinds():
    papers = table(
        work("arxiv:2006.11239", arxiv_id="2006.11239", doi="10.48550/arXiv.2006.11239", title="DDPM"),
        work("doi:10.1109/cvpr52688.2022.01042", doi="10.1109/CVPR52688.2022.01042", title="LDM"),
        work("title:paper:abc", title="Denoising Diffusion Implicit Models", year=2020,
             authors=["Jiaming Song", "Chenlin Meng"]),
        work("title:post:def", kind="post", title="What are diffusion models?"),
        work("title:video:ghi", kind="video", title="A talk", arxiv_id="2006.11239"),
        work("title:paper:empty", title="  "),
    )
    reqs = lookup_requests(papers)
    assert [(r.work_id, r.key) for r in reqs] == [
        ("arxiv:2006.11239", "ARXIV:2006.11239"),
        ("doi:10.1109/cvpr52688.2022.01042", "DOI:10.1109/cvpr52688.2022.01042"),
        ("title:paper:abc", "TITLE:denoising diffusion implicit models"),
    ]
    title_req = reqs[2]
    assert title_req.is_title and not reqs[0].is_title
    assert (title_req.title, title_req.year, title_req.authors) == (
        "Denoising Diffusion Implicit Models", 2020, ("Jiaming Song", "Chenlin Meng"))


def test_lookup_requests_accepts_numpy_list_cells_and_nan():
    papers = table(work("title:paper:x", title="Some Title", year=float("nan"), authors=None))
    papers["authors"] = pd.Series([pd.array(["A. Person"], dtype=object)], dtype=object)
    (req,) = lookup_requests(papers)
    assert (req.year, req.authors) == (None, ("A. Person",))


# ----------------------------------------------------------------------------------------- verification


@pytest.mark.parametrize(
    ("title", "year", "authors", "accepted", "why"),
    [
        ("Denoising Diffusion Probabilistic Models", 2020, ["Jonathan Ho"], True, "similarity 1.00"),
        ("Denoising diffusion probabilistic models.", None, [], True, "similarity"),
        ("Denoising Diffusion Probabilistic Models", 2021, ["Ho, Jonathan", "Abbeel, Pieter"], True, "similarity"),
        ("Denoising Diffusion Probabilistic Models", 2015, ["Jonathan Ho"], False, "year 2015"),
        ("Denoising Diffusion Probabilistic Models", 2020, ["Jane Smith", "Wei Zhang"], False, "no author"),
        ("Diffusion Models Beat GANs on Image Synthesis", 2020, ["Jonathan Ho"], False, "similarity"),
        ("Denoising Diffusion Probabilistic Models in Medical Imaging: A Survey", 2020, [], False, "similarity"),
    ],
    ids=["exact", "case-punctuation-unknown-year", "year-off-by-one", "different-year", "disjoint-authors",
         "low-similarity", "longer-title"],
)
def test_verify_title_match(title, year, authors, accepted, why):
    check = verify_title_match(title, year, authors, DDPM)
    assert check.accepted is accepted
    assert why in check.reason
    assert 0.0 <= check.similarity <= 1.0


def test_similarity_and_surnames():
    assert title_similarity("Denoising Diffusion Probabilistic Models", "denoising  diffusion, probabilistic "
                            "models!") == 1.0
    assert title_similarity("abc", "xyz") < TITLE_MATCH_THRESHOLD
    assert [surname(n) for n in ["Jonathan Ho", "Ho, Jonathan", "P. Abbeel", "Aäron van den Oord", "et al.",
                                 "홍길동"]] == ["ho", "ho", "abbeel", "oord", "", ""]
