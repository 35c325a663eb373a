"""The enrich stage (stage.py, fields.py): statuses, Semantic Scholar's fields, citations, issues; on hand-made
answers and through the fake server."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pandas as pd
import pytest

from diffdata.enrich import enrich, lookup_requests
from diffdata.s2 import FetchResult, S2Cache, S2Client, S2Settings, as_paper, fetch_all, title_key
from diffdata.schemas import CITATIONS, ISSUES, PAPERS, to_arrow

try:
    from enrich_rows import DDIM, DDPM, LDM, NCSN, SDE, STAMP, arxiv_work, by_id, ok, table, work
    from fake_s2 import FakeS2, FakeTime, diffusion_corpus, make_paper
except ImportError:  # tests/ imported as a package
    from tests.enrich_rows import DDIM, DDPM, LDM, NCSN, SDE, STAMP, arxiv_work, by_id, ok, table, work
    from tests.fake_s2 import FakeS2, FakeTime, diffusion_corpus, make_paper



def test_identifier_answer_fills_every_s2_column_and_canonical_fields():
    papers = table(
        arxiv_work(DDPM, title="DDPM: denoising diffusion probabilistic models", authors=["Ho et al."],
                   venue="NeurIPS", url=None),
        work("doi:10.1109/cvpr52688.2022.01042", doi="10.1109/cvpr52688.2022.01042", title="LDM", venue=None,
             year=None),
    )
    answers = {"ARXIV:2006.11239": ok(DDPM), "DOI:10.1109/cvpr52688.2022.01042": ok(LDM)}
    result = enrich(papers, answers)
    rows = by_id(result.papers)
    ddpm = rows["arxiv:2006.11239"]
    assert ddpm["enrichment_status"] == "ok" and ddpm["enrichment_reason"] is None
    assert ddpm["enriched_at"] == STAMP
    assert ddpm["s2_paper_id"] == DDPM["paperId"] and ddpm["corpus_id"] == DDPM["corpusId"]
    assert (ddpm["citation_count"], ddpm["influential_citation_count"], ddpm["reference_count"]) == (
        15000, 1500, 4)
    assert ddpm["title"] == "Denoising Diffusion Probabilistic Models"  # verified: Semantic Scholar's title
    assert ddpm["authors"] == ["Jonathan Ho", "Ajay Jain", "P. Abbeel"]
    # verified: Semantic Scholar's year and venue win; what the lists said stays in the occurrences
    assert ddpm["year"] == 2020 and ddpm["venue"] == "Neural Information Processing Systems"
    assert ddpm["s2_venue"] == "Neural Information Processing Systems"
    assert ddpm["publication_date"] == "2020-06-19"
    assert ddpm["publication_types"] == ["JournalArticle", "Conference"]
    assert ddpm["fields_of_study"] == ["Computer Science"]
    assert ddpm["open_access_pdf"] == "https://arxiv.org/pdf/2006.11239"
    assert ddpm["abstract"].startswith("Abstract of") and ddpm["tldr"].startswith("TLDR of")
    assert ddpm["url"] == "https://arxiv.org/abs/2006.11239"
    ldm = rows["doi:10.1109/cvpr52688.2022.01042"]
    assert ldm["arxiv_id"] == "2112.10752"  # filled from Semantic Scholar
    assert ldm["doi"] == "10.1109/cvpr52688.2022.01042"
    assert ldm["year"] == 2021 and ldm["venue"] == "Computer Vision and Pattern Recognition"  # filled: missing
    to_arrow(result.papers, PAPERS)  # the table fits its schema
    assert list(result.papers.columns[: len(PAPERS.names)]) == PAPERS.names


def test_answers_are_read_through_the_semanticscholar_paper_model(monkeypatch):
    """Every answer goes through ``semanticscholar.Paper`` (via ``as_paper``), also one without ``url``, which the
    model alone cannot read (AttributeError)."""
    from semanticscholar.Paper import Paper

    from diffdata.enrich import stage

    read: list[Paper] = []

    def spy(answer):
        read.append(as_paper(answer))
        return read[-1]

    monkeypatch.setattr(stage, "as_paper", spy)
    bare = {**{k: v for k, v in DDPM.items() if k != "url"}, "externalIds": {"CorpusId": DDPM["corpusId"]}}
    papers = table(work("title:paper:x", title=DDPM["title"], year=2020, url=None))
    result = enrich(papers, {title_key(DDPM["title"]): ok(bare)})
    assert len(read) == 1 and isinstance(read[0], Paper) and read[0].url is None
    row = result.papers.iloc[0]
    assert row["enrichment_status"] == "ok" and row["url"] is None and row["publication_date"] == "2020-06-19"
    with pytest.raises(AttributeError):
        Paper(bare).url  # noqa: B018  (the model's own quirk, covered by as_paper)


def test_doi_is_filled_lower_cased_when_the_lists_lack_it():
    papers = table(arxiv_work(LDM))
    result = enrich(papers, {"ARXIV:2112.10752": ok(LDM)})
    assert result.papers.loc[0, "doi"] == "10.1109/cvpr52688.2022.01042"


def test_title_match_accepted_and_rejected():
    papers = table(
        work("title:paper:ok", title="Denoising diffusion implicit models", year=2021,
             authors=["J. Song", "C. Meng"]),
        work("title:paper:year", title="Denoising Diffusion Probabilistic Models", year=2012),
        work("title:paper:authors", title="Generative Modeling by Estimating Gradients of the Data Distribution",
             authors=["Alice Nobody"]),
        work("title:paper:sim", title="Cold Diffusion", year=2020),
    )
    answers = {
        title_key("Denoising diffusion implicit models"): ok(DDIM, matchScore=120.0),
        title_key("Denoising Diffusion Probabilistic Models"): ok(DDPM, matchScore=150.0),
        title_key("Generative Modeling by Estimating Gradients of the Data Distribution"): ok(NCSN),
        title_key("Cold Diffusion"): ok(DDPM),
    }
    result = enrich(papers, answers)
    rows = by_id(result.papers)
    assert rows["title:paper:ok"]["enrichment_status"] == "ok"
    assert rows["title:paper:ok"]["s2_paper_id"] == DDIM["paperId"]
    assert rows["title:paper:ok"]["title"] == "Denoising Diffusion Implicit Models"
    assert rows["title:paper:ok"]["year"] == 2020  # verified: Semantic Scholar's year wins
    assert rows["title:paper:ok"]["arxiv_id"] == "2010.02502"
    for wid, why in [("title:paper:year", "year 2012"), ("title:paper:authors", "no author in common"),
                     ("title:paper:sim", "title similarity 0.")]:
        row = rows[wid]
        assert row["enrichment_status"] == "not_found"
        assert row["enrichment_reason"].startswith("title match rejected") and why in row["enrichment_reason"]
        assert row["s2_paper_id"] is None and pd.isna(row["citation_count"])
        assert row["enriched_at"] == STAMP
    issues = result.issues
    assert list(issues.columns) == ISSUES.names
    assert sorted(issues["work_id"]) == ["title:paper:authors", "title:paper:sim", "title:paper:year"]
    assert set(issues["kind"]) == {"lookup"}
    assert any("similarity 0." in d for d in issues["detail"])


def test_statuses_and_lookup_issues():
    papers = table(
        arxiv_work(DDPM),
        work("arxiv:9999.99999", arxiv_id="9999.99999", title="Unknown"),
        work("arxiv:2010.02502", arxiv_id="2010.02502", title="DDIM"),
        work("arxiv:2011.13456", arxiv_id="2011.13456", title="SDE"),
        work("title:paper:nomatch", title="A paper nobody indexed"),
        work("title:website:x", kind="website", title="A site"),
        work("arxiv:1907.05600", arxiv_id="1907.05600", title="NCSN"),
    )
    answers = {
        "ARXIV:2006.11239": ok(DDPM),
        "ARXIV:9999.99999": FetchResult("not_found", None, STAMP),
        "ARXIV:2010.02502": FetchResult("error", reason="batch of 3 ids: gave up after 5 attempts: HTTP 503"),
        "ARXIV:2011.13456": FetchResult("not_fetched", reason="Semantic Scholar not reachable at x"),
        title_key("A paper nobody indexed"): FetchResult("not_found", None, STAMP),
    }
    rows = by_id(enrich(papers, answers).papers)
    assert {k: (r["enrichment_status"], r["enrichment_reason"]) for k, r in rows.items()} == {
        "arxiv:2006.11239": ("ok", None),
        "arxiv:9999.99999": ("not_found", "Semantic Scholar does not know ARXIV:9999.99999"),
        "arxiv:2010.02502": ("error", "batch of 3 ids: gave up after 5 attempts: HTTP 503"),
        "arxiv:2011.13456": ("not_fetched", "Semantic Scholar not reachable at x"),
        "title:paper:nomatch": ("not_found", "no title match on Semantic Scholar"),
        "title:website:x": ("not_fetched", "not looked up: kind is website"),
        "arxiv:1907.05600": ("not_fetched", "no answer for ARXIV:1907.05600"),
    }
    assert rows["arxiv:2011.13456"]["enriched_at"] is None
    issues = enrich(papers, answers).issues
    assert sorted(zip(issues["work_id"], issues["detail"].str.split(":").str[0], strict=True)) == [
        ("arxiv:2010.02502", "error"), ("arxiv:9999.99999", "not_found"), ("title:paper:nomatch", "not_found")]


def test_citation_edges_between_works_of_the_dataset():
    papers = table(arxiv_work(DDPM), arxiv_work(DDIM), arxiv_work(SDE), arxiv_work(NCSN),
                   work("arxiv:1503.03585", arxiv_id="1503.03585", title="Sohl"))
    answers = {f"ARXIV:{p['externalIds']['ArXiv']}": ok(p) for p in (DDPM, DDIM, SDE, NCSN)}
    answers["ARXIV:1503.03585"] = FetchResult("not_found", None, STAMP)  # known to S2, but not found here
    citations = enrich(papers, answers).citations
    assert list(citations.columns) == CITATIONS.names
    edges = list(citations.itertuples(index=False, name=None))
    assert edges == sorted(edges)
    assert edges == [
        ("arxiv:2006.11239", "arxiv:1907.05600"),
        ("arxiv:2010.02502", "arxiv:1907.05600"),
        ("arxiv:2010.02502", "arxiv:2006.11239"),
        ("arxiv:2011.13456", "arxiv:1907.05600"),
        ("arxiv:2011.13456", "arxiv:2006.11239"),
    ]  # DDPM's duplicate reference to Sohl-Dickstein and its reference outside the dataset give no edge
    to_arrow(citations, CITATIONS)


def test_enrich_never_mutates_its_input():
    papers = table(
        arxiv_work(DDPM, sources=["a.md"], code_urls=["https://github.com/x/y"]),
        work("title:paper:zzz", title="Denoising Diffusion Probabilistic Models", sources=["b.md"]),
        work("doi:10.1109/cvpr52688.2022.01042", doi="10.1109/cvpr52688.2022.01042", title="LDM"),
    )
    papers["extra"] = ["keep", "me", "too"]
    before = copy.deepcopy(papers)
    answers = {"ARXIV:2006.11239": ok(DDPM), title_key("Denoising Diffusion Probabilistic Models"): ok(DDPM),
               "DOI:10.1109/cvpr52688.2022.01042": ok(LDM)}
    frozen_answers = copy.deepcopy(answers)
    result = enrich(papers, answers)
    pd.testing.assert_frame_equal(papers, before)
    assert answers == frozen_answers
    assert result.papers is not papers
    assert list(result.papers["extra"]) == ["keep", "too"]
    result.papers.loc[0, "sources"].append("mutated.md")
    assert papers.loc[0, "sources"] == ["a.md"]


def test_end_to_end_with_fake_server_and_cache(tmp_path):
    papers = table(
        arxiv_work(DDPM), arxiv_work(DDIM), arxiv_work(SDE),
        work("doi:10.1109/cvpr52688.2022.01042", doi="10.1109/CVPR52688.2022.01042", title="LDM"),
        work("title:paper:iddpm", title="Improved Denoising Diffusion Probabilistic Models", year=2021,
             authors=["Alex Nichol", "Prafulla Dhariwal"]),
        work("title:paper:none", title="An unindexed workshop note"),
        work("title:post:blog", kind="post", title="What are Diffusion Models?"),
    )
    ft = FakeTime()
    with FakeS2.running([*diffusion_corpus(), make_paper("2102.00001", "Unrelated", 2021, ["X Y"])]) as fake:
        client = S2Client(S2Settings(api_url=fake.url), sleep=ft.sleep, clock=ft.clock)
        answers = fetch_all(lookup_requests(papers), client, S2Cache(tmp_path), log=lambda _: None,
                            now=lambda: datetime(2025, 1, 15, 12, tzinfo=UTC))
        assert fake.count("batch") == 1 and fake.count("match") == 2
    result = enrich(papers, answers)
    rows = by_id(result.papers)
    assert [rows[w]["enrichment_status"] for w in rows] == ["ok", "ok", "ok", "ok", "ok", "not_found",
                                                            "not_fetched"]
    assert rows["title:paper:iddpm"]["arxiv_id"] == "2102.09672"
    assert {r["enriched_at"] for r in rows.values() if r["enrichment_status"] != "not_fetched"} == {STAMP}
    edges = set(result.citations.itertuples(index=False, name=None))
    assert ("title:paper:iddpm", "arxiv:2010.02502") in edges
    assert ("doi:10.1109/cvpr52688.2022.01042", "arxiv:2011.13456") in edges
    assert result.merges.empty
    to_arrow(result.papers, PAPERS)


def test_identifier_answer_far_from_the_listed_title_is_a_conflict():
    papers = table(arxiv_work(DDPM, title="DiffWave with Continuous-time Variational Diffusion Models"),
                   arxiv_work(DDIM, title="Denoising diffusion implicit models"))
    result = enrich(papers, {"ARXIV:2006.11239": ok(DDPM), "ARXIV:2010.02502": ok(DDIM)})
    rows = by_id(result.papers)
    detail = ("title: lists 'DiffWave with Continuous-time Variational Diffusion Models' vs Semantic Scholar "
              "'Denoising Diffusion Probabilistic Models' for ARXIV:2006.11239")
    assert rows["arxiv:2006.11239"]["conflicts"] == [detail]
    assert rows["arxiv:2006.11239"]["enrichment_status"] == "ok"  # the identifier is trusted, the doubt reported
    assert rows["arxiv:2010.02502"]["conflicts"] == []  # same title in another case: no conflict
    assert result.issues[result.issues.kind == "conflict"].detail.tolist() == [detail]
