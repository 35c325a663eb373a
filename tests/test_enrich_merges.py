"""Works whose answers are the same Semantic Scholar paper become one (merges.py)."""

from __future__ import annotations

from diffdata.enrich import enrich, survivor_key
from diffdata.s2 import title_key

try:
    from enrich_rows import DDIM, DDPM, arxiv_work, by_id, ok, table, work
except ImportError:  # tests/ imported as a package
    from tests.enrich_rows import DDIM, DDPM, arxiv_work, by_id, ok, table, work


def test_works_resolving_to_the_same_paper_are_merged():
    papers = table(
        work("title:paper:zzz", title="Denoising Diffusion Probabilistic Models", year=2020, authors=["J. Ho"],
             sources=["b.md"], sections=["Foundations"], code_urls=["https://github.com/hojonathanho/diffusion"],
             occurrence_count=2, conflicts=["year: 2020 vs 2021"]),
        arxiv_work(DDPM, sources=["a.md"], sections=["Papers"], code_urls=[], occurrence_count=3,
                   venue="NeurIPS"),
        work("doi:10.5555/ddpm", doi="10.5555/ddpm", title="DDPM", sources=["c.md"], sections=["Papers"],
             project_urls=["https://hojonathanho.github.io/diffusion"], occurrence_count=1, venue="NIPS"),
        arxiv_work(DDIM, sources=["a.md"]),
    )
    answers = {
        title_key("Denoising Diffusion Probabilistic Models"): ok(DDPM),
        "ARXIV:2006.11239": ok(DDPM),
        "DOI:10.5555/ddpm": ok(DDPM),
        "ARXIV:2010.02502": ok(DDIM),
    }
    result = enrich(papers, answers)
    assert list(result.papers["work_id"]) == ["arxiv:2006.11239", "arxiv:2010.02502"]
    assert list(result.merges.itertuples(index=False, name=None)) == [
        ("doi:10.5555/ddpm", "arxiv:2006.11239", f"same Semantic Scholar paper {DDPM['paperId']}"),
        ("title:paper:zzz", "arxiv:2006.11239", f"same Semantic Scholar paper {DDPM['paperId']}"),
    ]
    merged = by_id(result.papers)["arxiv:2006.11239"]
    assert merged["sources"] == ["a.md", "b.md", "c.md"]
    assert merged["sections"] == ["Papers", "Foundations"]
    assert merged["code_urls"] == ["https://github.com/hojonathanho/diffusion"]
    assert merged["project_urls"] == ["https://hojonathanho.github.io/diffusion"]
    assert merged["occurrence_count"] == 6
    assert merged["doi"] == "10.5555/ddpm"  # identifiers of the merged works are kept
    assert merged["citation_key"] == "arxiv_2006.11239"
    assert "year: 2020 vs 2021" in merged["conflicts"]
    # both answers are the same verified paper, so its venue replaced 'NeurIPS' and 'NIPS': no venue conflict
    assert not any(c.startswith("venue:") for c in merged["conflicts"])
    assert list(result.citations.itertuples(index=False, name=None)) == [("arxiv:2010.02502", "arxiv:2006.11239")]


def test_survivor_rule_prefers_arxiv_then_smallest():
    assert min(["doi:10.1/a", "arxiv:2101.00001", "arxiv:2006.11239", "title:paper:0"], key=survivor_key) == (
        "arxiv:2006.11239")
    assert min(["title:paper:b", "doi:10.1/a"], key=survivor_key) == "doi:10.1/a"
