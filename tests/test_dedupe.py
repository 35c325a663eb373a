"""The dedupe stage's rules (merge.py, groups.py): every rule and every trap of the merge issue, on hand-made
mentions."""

from __future__ import annotations

import pandas as pd
import pytest

from diffdata.dedupe import merge_mentions
from diffdata.schemas import OCCURRENCES

try:
    from dedupe_rows import mention, merge, work_of
except ImportError:  # tests/ imported as a package
    from tests.dedupe_rows import mention, merge, work_of


def test_same_arxiv_id_in_abs_pdf_and_version_forms_is_one_work() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239",
                url="https://arxiv.org/abs/2006.11239"),
        mention("b.md:5", "denoising diffusion probabilistic models", arxiv_id="2006.11239",
                url="https://arxiv.org/pdf/2006.11239v2"),
    )
    assert len(r.papers) == 1
    paper = r.papers.iloc[0]
    assert paper.work_id == "arxiv:2006.11239" and paper.occurrence_count == 2
    assert paper.title == "Denoising Diffusion Probabilistic Models"  # the most capitalised form
    assert paper.url == "https://arxiv.org/abs/2006.11239"
    assert paper.year == 2020  # from the arXiv id, no list gives a year
    ev = r.matches.set_index("occurrence_id")
    assert ev.loc["b.md:5", "rule"] == "identifier" and ev.loc["b.md:5", "evidence"] == "arxiv:2006.11239"
    assert ev.loc["a.md:1", "rule"] == "seed"


def test_proceedings_link_joins_arxiv_by_title_and_kind() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239", year=2020),
        mention("t.md:22", "Denoising diffusion probabilistic models", neurips_id="2020/4c5b", year=2020,
                venue="NeurIPS"),
    )
    assert len(r.papers) == 1 and work_of(r, "t.md:22") == "arxiv:2006.11239"
    assert r.matches.set_index("occurrence_id").loc["t.md:22", "evidence"] == "title+kind"
    assert r.papers.iloc[0].venue == "NeurIPS"


def test_doi_case_insensitive() -> None:
    r = merge(mention("a.md:1", "X one", doi="10.1162/neco_a_00142"),
              mention("b.md:1", "X one", doi="10.1162/neco_a_00142"))
    assert r.papers.work_id.tolist() == ["doi:10.1162/neco_a_00142"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (dict(title="What are Diffusion Models?", kind="post"), dict(title="What are Diffusion Models?", kind="video")),
        (dict(title="Generative Modeling by Estimating Gradients of the Data Distribution", kind="post", year=2021),
         dict(title="Generative Modeling by Estimating Gradients of the Data Distribution", kind="paper", year=2019,
              arxiv_id="1907.05600")),
        (dict(title="Elucidating the Design Space of Diffusion-Based Generative Models", kind="paper",
              arxiv_id="2206.00364"),
         dict(title="Elucidating the design space of diffusion-based generative models video", kind="video")),
        (dict(title="Consistency Models", arxiv_id="2303.01469"),
         dict(title="Improved Techniques for Training Consistency Models", arxiv_id="2310.14189")),
        (dict(title="Consistency Models"), dict(title="Improved Techniques for Training Consistency Models")),
        (dict(title="VDM", authors=["Diederik P. Kingma"]), dict(title="VDM", authors=["Jonathan Ho"])),
        (dict(title="Variational Diffusion Models"), dict(title="Video Diffusion Models")),
        (dict(title="Diffusion Models", year=2015), dict(title="Diffusion Models", year=2021)),
        (dict(title="A survey of diffusion", arxiv_id="2209.00796"), dict(title="A survey of diffusion",
                                                                          arxiv_id="2209.02646")),
    ],
    ids=["blog-vs-video-same-title", "post-with-paper-title", "talk-video-vs-paper", "contained-title-with-ids",
         "contained-title", "same-acronym-different-authors", "vdm-acronyms-spelled-out", "years-far-apart",
         "two-arxiv-ids-same-title"],
)
def test_traps_are_not_merged(a: dict, b: dict) -> None:
    r = merge(mention("a.md:1", a.pop("title"), **a), mention("b.md:1", b.pop("title"), **b))
    assert len(r.papers) == 2


def test_fuzzy_title_with_typo_merges_and_explains() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Implicit Models", arxiv_id="2010.02502", year=2021),
        mention("b.md:1", "Denoising Difusion Implict Models", year=2021),
    )
    assert len(r.papers) == 1
    ev = r.matches.set_index("occurrence_id").loc["b.md:1"]
    assert ev.rule == "fuzzy_title" and ev.evidence.startswith("fuzzy 0.9") and ev.evidence.endswith("same year")


def test_fuzzy_guarded_by_authors() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Implicit Models", authors=["Jiaming Song"]),
        mention("b.md:1", "Denoising Difusion Implict Models", authors=["Someone Else"]),
    )
    assert len(r.papers) == 2


def test_webpage_linking_a_papers_arxiv_page_is_kept_apart_and_reported() -> None:
    r = merge(
        mention("kb.md:5", "Understanding Diffusion Models: A Unified Perspective", arxiv_id="2208.11970"),
        mention("kb.md:8", "Yang Song webpage", kind="website", arxiv_id="2208.11970",
                url="https://arxiv.org/abs/2208.11970"),
    )
    assert len(r.papers) == 2
    website = r.papers.set_index("work_id").loc["website:yang-song-webpage"]
    assert pd.isna(website.arxiv_id)
    issue = r.issues[r.issues.kind == "suspicious_link"].iloc[0]
    assert issue.occurrence_id == "kb.md:8" and "Understanding Diffusion Models" in issue.detail
    assert r.matches.set_index("occurrence_id").loc["kb.md:8", "rule"] == "kept_apart"


def test_input_not_mutated() -> None:
    df = pd.DataFrame([mention("a.md:1", "T one")], columns=OCCURRENCES.names)
    before = df.copy()
    merge_mentions(df)
    pd.testing.assert_frame_equal(df, before)


def test_repositories_and_videos_are_their_address() -> None:
    r = merge(
        mention("a.md:1", "code", kind="repository", url="https://github.com/hojonathanho/diffusion"),
        mention("a.md:2", "code", kind="repository", url="https://github.com/yang-song/score_sde"),
        mention("a.md:3", "Talk", kind="video", url="https://www.youtube.com/watch?v=fbLgFrlTnGU&list=LL&index=2"),
        mention("b.md:3", "What are Diffusion Models?", kind="video", url="https://youtu.be/fbLgFrlTnGU"),
        mention("c.md:1", "Diffusion repo", kind="repository",
                url="https://github.com/HojonathanHo/diffusion/tree/master/diffusion_tf"),
    )
    works = r.papers.set_index("work_id")
    assert len(works) == 3  # two different repositories titled 'code' stay apart; one video, one repository
    ev = r.matches.set_index("occurrence_id")
    assert ev.loc["b.md:3", "evidence"] == "video-url:youtube:fbLgFrlTnGU"
    assert ev.loc["c.md:1", "evidence"] == "repository-url:github.com/hojonathanho/diffusion"


def test_mentions_are_ordered_by_list_and_line_number() -> None:
    r = merge(mention("a.md:100", "T one", arxiv_id="2101.00001"), mention("a.md:16", "T one", arxiv_id="2101.00001"))
    assert r.occurrences.occurrence_id.tolist() == ["a.md:16", "a.md:100"]
    assert r.matches.set_index("occurrence_id").loc["a.md:16", "rule"] == "seed"


def test_pages_differing_in_their_query_are_different_works() -> None:
    r = merge(mention("a.md:1", "Thread one", kind="website", url="https://news.ycombinator.com/item?id=32287337"),
              mention("a.md:2", "Thread two", kind="website", url="https://news.ycombinator.com/item?id=38000000"),
              mention("b.md:1", "Thread one", kind="website",
                      url="https://news.ycombinator.com/item?id=32287337&utm_source=x"))
    assert len(r.papers) == 2


def test_pages_differing_only_by_a_tracking_parameter_are_one_work() -> None:
    """Every parameter the check calls a tracker (identifiers.TRACKING_PARAMETERS) is no part of a page's
    address: '?msclkid=' (once missing from the merge's own list) merges, a real parameter ('?id=2') does not."""
    page = "https://diffusion.example.org/notes"
    r = merge(mention("a.md:1", "Notes on diffusion", kind="website", url=page, year=2021),
              mention("b.md:1", "Diffusion notes, annotated", kind="website", url=f"{page}?msclkid=ab12cd", year=2021),
              mention("c.md:1", "Diffusion notes, part two", kind="website", url=f"{page}?id=2", year=2021))
    assert work_of(r, "a.md:1") == work_of(r, "b.md:1") != work_of(r, "c.md:1")
    assert r.matches.set_index("occurrence_id").loc["b.md:1", "evidence"] == (
        "website-url:diffusion.example.org/notes")


def test_papers_sharing_a_repository_or_project_page_stay_apart() -> None:
    repo = {"label": "code", "url": "https://github.com/lab/toolkit"}
    page = {"label": "website", "url": "https://lab.github.io/project/"}
    r = merge(
        mention("a.md:1", "Fast Video Sampling", url="https://arxiv.org/abs/2401.00001", arxiv_id="2401.00001",
                links=[{"label": "title", "url": "https://arxiv.org/abs/2401.00001"}, repo, page]),
        mention("a.md:5", "Long Video Editing", url="https://arxiv.org/abs/2402.00002", arxiv_id="2402.00002",
                links=[{"label": "title", "url": "https://arxiv.org/abs/2402.00002"}, repo, page]),
        mention("a.md:9", "Untitled Toolkit Paper", url="https://lab.github.io/project/", links=[page]),
    )
    assert len(set(r.occurrences.work_id)) == 3
    # the repository itself, listed twice under two addresses of one repository, is one work
    r2 = merge(mention("a.md:1", "toolkit", kind="repository", url="https://github.com/lab/toolkit"),
               mention("b.md:2", "toolkit", kind="repository", url="https://github.com/lab/toolkit/tree/main"))
    assert len(r2.papers) == 1


def test_the_identifier_columns_are_declared_once() -> None:
    """identifiers.ID_PREFIX names the seven identifiers: the Identifiers fields, the occurrence columns and the
    order of work-id strength follow it."""
    from dataclasses import fields

    from diffdata.identifiers import ID_COLUMNS, ID_PREFIX, Identifiers, identifiers_from_url
    from diffdata.schemas import OCCURRENCES

    assert [f.name for f in fields(Identifiers) if f.name != "extra"] == list(ID_COLUMNS) == list(ID_PREFIX)
    assert [n for n in OCCURRENCES.names if n in ID_PREFIX] == list(ID_COLUMNS)
    ids = identifiers_from_url("https://arxiv.org/abs/2006.11239")
    ids.merge(Identifiers(doi="10.1/x", ieee_id="42"))
    assert ids.strong() == ["arxiv:2006.11239", "doi:10.1/x", "ieee:42"]


def test_mentions_are_read_in_list_line_and_id_order_whatever_the_input_order() -> None:
    """Two mentions of one line (a second id on it, as parse writes 'a.md:9:2'), given in the other order: the
    merge reads them in (list, line, id) order, so the first id is the work's seed."""
    later = mention("a.md:9:2", "Consistency Models", source="a.md", line=9, end_line=9)
    first = mention("a.md:9", "Consistency Models")
    r = merge(later, first)
    seeds = r.matches[r.matches.rule == "seed"].occurrence_id.tolist()
    assert seeds == ["a.md:9"] and r.matches.occurrence_id.tolist() == ["a.md:9", "a.md:9:2"]
    assert merge(first, later).matches.equals(r.matches)


def test_a_mention_without_a_year_is_dated_by_its_arxiv_id_when_merging() -> None:
    """A preprint of 2023 (its arXiv id) and a paper of 2020 with the same title are two works: the years
    guard reads the arXiv id's year when a mention states none."""
    r = merge(mention("a.md:1", "Diffusion Models for Audio", year=2020),
              mention("b.md:1", "Diffusion Models for Audio", arxiv_id="2301.00001",
                      url="https://arxiv.org/abs/2301.00001"))
    assert len(r.papers) == 2
    r = merge(mention("a.md:1", "Diffusion Models for Audio", year=2022),
              mention("b.md:1", "Diffusion Models for Audio", arxiv_id="2301.00001",
                      url="https://arxiv.org/abs/2301.00001"))
    assert len(r.papers) == 1  # 2022 and 2023: within one
