"""A work's canonical fields, conflicts and id (canonical.py, issues.py, workid.py), on hand-made mentions."""

from __future__ import annotations

import pandas as pd
import pytest

try:
    from dedupe_rows import mention, merge
except ImportError:  # tests/ imported as a package
    from tests.dedupe_rows import mention, merge


def test_conflicts_inside_an_identifier_group_are_listed_not_split() -> None:
    r = merge(
        mention("a.md:240", "DiffWave with Continuous-time Variational Diffusion Models", arxiv_id="2009.09761",
                authors=["Zhifeng Kong", "Wei Ping"], venue="ICLR", year=2021),
        mention("a.md:245", "DiffWave: A Versatile Diffusion Model for Audio Synthesis", arxiv_id="2009.09761",
                authors=["Jascha Sohl-Dickstein", "Eric A. Weiss"], venue="ICML (Oral)", year=2021),
    )
    assert len(r.papers) == 1
    conflicts = r.papers.iloc[0].conflicts
    assert any(c.startswith("title: ") and "Continuous-time" in c for c in conflicts)
    assert any(c.startswith("authors: ") for c in conflicts)
    assert "venue: 'ICLR' vs 'ICML'" in conflicts
    assert set(r.issues.kind) == {"conflict"} and len(r.issues) == len(conflicts)


def test_canonical_fields() -> None:
    r = merge(
        mention("a.md:1", "ILVR: Conditioning Method", arxiv_id="2108.02938", venue="arXiv", year=2021,
                authors=["Jooyoung Choi"], links=[{"label": "Github", "url": "https://github.com/j/ilvr"}]),
        mention("b.md:1", "ILVR: Conditioning Method", arxiv_id="2108.02938", venue="ICCV (Oral)", year=2021,
                authors=["Jooyoung Choi", "Sungwon Kim"], section=["Papers", "Super Resolution"],
                links=[{"label": "Project", "url": "https://ilvr.github.io/"}]),
    )
    p = r.papers.iloc[0]
    assert p.authors == ["Jooyoung Choi", "Sungwon Kim"]  # the longest list
    assert p.venue == "ICCV (Oral)"  # a venue other than arXiv
    assert p.code_urls == ["https://github.com/j/ilvr"] and p.project_urls == ["https://ilvr.github.io/"]
    assert p.sources == ["a.md", "b.md"] and p.sections == ["Papers > Super Resolution", "S"]


@pytest.mark.parametrize(
    ("fields", "year"),
    [
        (dict(cvf_id="WACV2024/Shi_Conditional_Velocity_Score_Estimation_for_Image_Restoration_WACV_2024"), 2024),
        (dict(neurips_id="2020/4c5bcfec8584af0d967f1ab10179ca4b"), 2020),
        (dict(kind="post", url="https://mlg.eng.cam.ac.uk/blog/2024/01/20/flow-matching.html"), 2024),
        (dict(arxiv_id="1503.03585"), 2015),
        (dict(kind="video", url="https://www.youtube.com/watch?v=HoKDTa5jHvg"), None),
    ],
    ids=["cvf", "neurips", "dated-url", "arxiv", "nothing"],
)
def test_year_from_identifiers_when_no_list_gives_one(fields: dict, year: int | None) -> None:
    r = merge(mention("a.md:1", "Some title here", **fields))
    got = r.papers.iloc[0].year
    assert (None if pd.isna(got) else got) == year


@pytest.mark.parametrize(
    ("fields", "venue"),
    [
        (dict(cvf_id="WACV2024/Shi_Conditional_Velocity_Score_Estimation_WACV_2024"), "WACV"),
        (dict(cvf_id="ICCV2023W/Reddy_Quantized_Generative_Models_ICCVW_2023"), "ICCV Workshops"),
        (dict(cvf_id="CVPR_2019/Foo_Bar_CVPR_2019"), "CVPR"),
        (dict(cvf_id="ICCVW_2019/Foo_Bar_ICCVW_2019"), "ICCV Workshops"),  # content_ICCVW_2019/papers/AIM/...
        (dict(cvf_id="CVPRW_2020/Foo_Bar_CVPRW_2020"), "CVPR Workshops"),
        (dict(cvf_id="CVPR2022/Foo_Bar_CVPR_2022", venue="arXiv"), "CVPR"),  # the proceedings say more than arXiv
        (dict(cvf_id="CVPR2022/Foo_Bar_CVPR_2022", venue="ECCV"), "ECCV"),  # a venue a list names wins
        (dict(neurips_id="2020/4c5bcfec8584af0d967f1ab10179ca4b"), "NeurIPS"),
        (dict(cvf_id="Unknownconf2020/Foo"), None),
        (dict(arxiv_id="1503.03585", venue="arXiv"), "arXiv"),
        (dict(arxiv_id="1503.03585"), None),
    ],
    ids=["wacv", "iccv-workshop", "cvpr-2019-form", "iccv-workshop-2019-form", "cvpr-workshop-2020-form", "over-arxiv", "named-venue", "neurips", "unknown", "arxiv",
         "nothing"],
)
def test_venue_from_a_proceedings_id_when_no_list_names_one(fields: dict, venue: str | None) -> None:
    got = merge(mention("a.md:1", "Some title here", **fields)).papers.iloc[0].venue
    assert (None if pd.isna(got) else got) == venue


def test_preprint_year_that_contradicts_the_arxiv_id_is_a_conflict() -> None:
    r = merge(mention("p.md:68", "How to Train Your Energy-Based Models", arxiv_id="2101.03288", venue="arXiv",
                      year=2022),
              mention("k.md:17", "How to Train Your Energy-Based Models", arxiv_id="2101.03288"))
    p = r.papers.iloc[0]
    assert p.year == 2021
    assert p.conflicts == ["year: p.md:68 gives 2022 for an arXiv preprint whose id 2101.03288 is from 2021"]


def test_unresolved_venue_is_left_empty_and_ties_go_to_the_first_mention() -> None:
    r = merge(mention("a.md:240", "DiffWave", arxiv_id="2009.09761", venue="ICLR", year=2021),
              mention("a.md:245", "DiffWave", arxiv_id="2009.09761", venue="ICML (Oral)", year=2021),
              mention("b.md:1", "Other", arxiv_id="2101.00001", venue="arXiv", year=2021),
              mention("b.md:2", "Other", arxiv_id="2101.00001", venue="IEEE/CVF", year=2021),
              mention("b.md:3", "Other", arxiv_id="2101.00001", venue="PMLR", year=2021))
    works = r.papers.set_index("work_id")
    assert pd.isna(works.loc["arxiv:2009.09761", "venue"])  # ICLR vs ICML: better empty than wrong
    assert works.loc["arxiv:2101.00001", "venue"] == "IEEE/CVF"  # a 1-1 tie: the first mention's


def test_author_list_copied_from_another_work_does_not_win() -> None:
    sohl = ["Jascha Sohl-Dickstein", "Eric A. Weiss", "Niru Maheswaranathan", "Surya Ganguli", "X Y"]
    r = merge(
        mention("a.md:170", "Deep Unsupervised Learning using Nonequilibrium Thermodynamics", arxiv_id="1503.03585",
                authors=sohl),
        mention("a.md:240", "DiffWave", arxiv_id="2009.09761", authors=["Zhifeng Kong", "Wei Ping"]),
        mention("a.md:245", "DiffWave", arxiv_id="2009.09761", authors=sohl),  # longer, but copied
    )
    diffwave = r.papers.set_index("work_id").loc["arxiv:2009.09761"]
    assert diffwave.authors == ["Zhifeng Kong", "Wei Ping"]
    assert diffwave.conflicts[0].endswith(
        "(the authors of 'Deep Unsupervised Learning using Nonequilibrium Thermodynamics')")


def test_co_authors_of_two_papers_are_not_a_copy() -> None:
    r = merge(mention("a.md:1", "Generative Modeling by Estimating Gradients", arxiv_id="1907.05600",
                      authors=["Yang Song", "Stefano Ermon"]),
              mention("a.md:2", "Improved Techniques for Training Score-Based Generative Models", arxiv_id="2006.09011",
                      authors=["Yang Song", "Stefano Ermon"]),
              mention("b.md:1", "Improved Techniques for Training Score-Based Generative Models", arxiv_id="2006.09011",
                      authors=["Yang Song"]))
    works = r.papers.set_index("work_id")
    assert works.loc["arxiv:2006.09011", "authors"] == ["Yang Song", "Stefano Ermon"]


def test_preprint_year_message_names_the_works_arxiv_id() -> None:
    r = merge(mention("a.md:1", "T one two", arxiv_id="2101.03288"),
              mention("b.md:1", "T one two", venue="arXiv", year=2022))
    assert r.papers.iloc[0].conflicts == [
        "year: b.md:1 gives 2022 for an arXiv preprint whose id 2101.03288 is from 2021"]


def test_work_ids_stable_and_independent_of_order_and_of_other_lists() -> None:
    rows = [
        mention("a.md:1", "Easy Consistency Tuning", kind="post"),
        mention("b.md:1", "Q-diffusion: Quantizing diffusion models", year=2023),
        mention("c.md:1", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239"),
    ]
    r1 = merge(*rows)
    r2 = merge(*reversed(rows))
    r3 = merge(rows[0])
    assert r1.papers.work_id.tolist() == r2.papers.work_id.tolist() == [
        "arxiv:2006.11239", "paper:q-diffusion-quantizing-diffusion-models", "post:easy-consistency-tuning"]
    assert r3.papers.work_id.tolist() == ["post:easy-consistency-tuning"]


def test_clashing_ids_of_works_without_address_stay_unique() -> None:
    r = merge(mention("a.md:1", "Diffusion Models", year=2015), mention("b.md:1", "Diffusion Models", year=2021),
              mention("c.md:1", "Diffusion Models", year=2018))
    ids = r.papers.work_id.tolist()
    assert len(ids) == 3 and len(set(ids)) == 3 and all(i.startswith("paper:diffusion-models:") for i in ids)
    again = merge(mention("c.md:1", "Diffusion Models", year=2018), mention("b.md:1", "Diffusion Models", year=2021),
                  mention("a.md:1", "Diffusion Models", year=2015))
    assert again.papers.work_id.tolist() == ids


def test_the_repository_pre_check_agrees_with_url_kind() -> None:
    """dedupe parses a link only when it names a repository host; the hosts are url_kind's own."""
    import inspect

    from diffdata.dedupe.canonical import REPOSITORY_HOSTS, is_repository
    from diffdata.identifiers import url_kind

    assert "(" + ", ".join(f'"{h}"' for h in REPOSITORY_HOSTS) + ")" in inspect.getsource(url_kind)
    urls = [f"https://{h}/owner/repo" for h in REPOSITORY_HOSTS] + [
        "https://WWW.GitHub.com/Owner/Repo", "https://github.com/owner", "https://github.com/o/r/blob/main/notes.md",
        "https://arxiv.org/abs/2006.11239", "https://example.org/github.com-mirror", "https://hojonathanho.github.io/x",
        "https://gitlab.com/group/project/-/tree/main", "", "not a url"]
    for url in urls:
        assert is_repository(url) == (url_kind(url) == "repository"), url
