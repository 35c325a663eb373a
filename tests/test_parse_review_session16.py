"""Guard cases from the review of this session's parser rules (session 16): inputs the first versions of the
rules read worse than the code before them (a table's empty cell filled from another table, a topic item over
cards of its own, a wrapped-authors rule that lost the authors, a section heading of two words over one card, a
page range after a venue). Each reads as the code before the session, or better."""

from __future__ import annotations

import pytest

try:
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields, parse

A1, A2, A3 = "https://arxiv.org/abs/2401.00001", "https://arxiv.org/abs/2401.00002", "https://arxiv.org/abs/2401.00003"


@pytest.mark.parametrize("between", ["\n## More\n\n", "\n"])
def test_an_empty_cell_is_never_filled_from_another_table(between: str) -> None:
    md = (f"# L\n\n| Venue | Paper |\n|---|---|\n| CVPR 2024 | [Quiet Fields]({A1}) |\n{between}"
          f"| Venue | Paper |\n|---|---|\n| | [Loud Fields]({A2}) |\n")
    assert fields(md, "title", "venue", "year") == [("Quiet Fields", "CVPR", 2024), ("Loud Fields", None, None)]


def test_a_topic_item_over_cards_is_their_section() -> None:
    md = (f"- Video Synthesis\n  - Ann Lee, Bo Chan · ICML 2023 · [arXiv]({A1})\n"
          f"  - Cy Dee, Di Eng · ICLR 2024 · [arXiv]({A2})\n- Text-to-Image\n"
          f"  - Lee et al. · ICML 2023 · [arXiv:2401.00003]({A3})\n")
    assert fields(md, "title", "section") == [(None, ["Video Synthesis"]), (None, ["Video Synthesis"]),
                                              (None, ["Text-to-Image"])]


@pytest.mark.parametrize("after", ["  Venue: ICLR 2023\n", "  ICLR 2023\n", "  Stanford University\n",
                                   "  TL;DR: a fast sampler.\n", "  This paper proposes a sampler.\n"])
def test_authors_ending_in_a_comma_keep_their_names(after: str) -> None:
    md = f"- [Quiet Sampling Paths]({A1})\n  Authors: Ann Lee, Bo Chan,\n{after}"
    assert fields(md, "authors") == [(["Ann Lee", "Bo Chan"],)]


@pytest.mark.parametrize("heading", ["Selected Publications", "Journal Club", "Related Work", "To Read",
                                     "Image Editing", "Background Reading"])
def test_a_section_heading_of_two_words_over_one_card_titles_nothing(heading: str) -> None:
    md = f"## {heading}\n*Ann Lee, Bo Chan*\nICML 2023 · [arXiv]({A1})\n\n## Contact\n\nWrite to us.\n"
    assert fields(md, "title", "section") == [(None, [heading])]


def test_a_page_range_after_a_venue_is_no_year() -> None:
    md = (f"- [Quiet Anchors for Things]({A1}). In Proceedings of the IEEE/CVF Conference on Computer Vision and "
          "Pattern Recognition (CVPR), 2019-2027 pages.\n")
    assert fields(md, "year") == [(None,)]


def test_names_before_a_hyphen_and_the_venue_under_a_title() -> None:
    md = f"- Quiet Anchors for Things\n  - Ann Lee, Bo Chan - ICLR 2023 - [pdf]({A1})\n"
    rows, _ = parse(md)
    assert [(r["title"], r["authors"], r["venue"]) for r in rows] == [
        ("Quiet Anchors for Things", ["Ann Lee", "Bo Chan"], "ICLR")]


# Review 25 (250 snippets against c7dac84): the guards of its worse cases.

@pytest.mark.parametrize("heading", ["NeurIPS 2023 for newcomers: start here", "CVPR 2024 on a budget",
                                     "ICCV 2023 notes from the trip"])
def test_a_venue_heading_with_other_words_gives_no_venue(heading: str) -> None:
    assert fields(f"# L\n\n## {heading}\n\n- [Quiet Anchors]({A1})\n", "venue", "year") == [(None, None)]


@pytest.mark.parametrize("md", [
    "- Text-to-Image Diffusion Explained. Imagen. NeurIPS 2022.\n",
    f"- [Sampling Competitions]({A1}) - Kaggle, CVPR 2023\n",
    "- Generative Models Today. Keynote. NeurIPS 2022.\n",
    f"- [Tuning-free Editing]({A1}), Prompt2Prompt, 2023\n",
    f"- [Diffusion in Medical Imaging]({A1}), Springer, 2023\n",
])
def test_a_products_or_a_publishers_name_is_no_author(md: str) -> None:
    assert fields(md, "authors") == [([],)]


@pytest.mark.parametrize("md", [
    f"### How Do I Start?\n[Paper]({A1})\n",
    f"### Why Does Guidance Work?\n\nThis post explains it well.\n\n[Paper]({A2})\n",
])
def test_a_faq_question_over_a_link_titles_nothing(md: str) -> None:
    assert fields(md, "title") == [(None,)]


def test_a_question_over_one_author_and_a_venue_line_is_the_title() -> None:
    md = f"### Are Diffusion Models Reasoners?\nAnn Lee\nNeurIPS 2023 · [arXiv]({A1})\n"
    assert fields(md, "title", "authors") == [("Are Diffusion Models Reasoners?", ["Ann Lee"])]


@pytest.mark.parametrize("md", [f"- [LCM]({A1}) - 加速, Distillation\n", f"- [Sora]({A1}) - 文生视频, OpenAI\n"])
def test_a_cjk_word_beside_one_latin_word_is_no_names(md: str) -> None:
    assert fields(md, "authors") == [([],)]


def test_a_journal_before_the_title_link_stays_the_venue() -> None:
    assert fields(f"- Nature: [Protein Diffusion]({A1}), 2023\n", "venue", "year") == [("Nature", 2023)]


def test_another_works_label_links_in_a_description_stay_its_own() -> None:
    md = (f"### [Null-text Inversion]({A1})\n\nBuilds on prompt-to-prompt:\n\n"
          f"[Paper]({A2}) · [Code](https://github.com/o/p2p)\n")
    assert [r["arxiv_id"] for r in parse(md)[0]] == ["2401.00001", "2401.00002"]


# Review 26 (294 snippets against 33d2365): the guards of its worse cases.

@pytest.mark.parametrize(("md", "title"), [
    (f"- NeRF: **Representing Scenes as Neural Radiance Fields** [[paper]({A1})]\n",
     "NeRF: Representing Scenes as Neural Radiance Fields"),
    (f"- Add paper: **Foo Models for Bar Video** [[paper]({A1})]\n", "Foo Models for Bar Video"),
    ("- **Score Matching Revisited**: [Read it on Medium](https://medium.com/@a/score)\n", "Score Matching Revisited"),
    (f"### Is Attention All You Need?\nAnn Lee, Bo Chan, Cy Dee\n[paper]({A1})\n", "Is Attention All You Need?"),
])
def test_a_name_before_a_bold_title_and_a_bold_title_before_its_link(md: str, title: str) -> None:
    assert fields(md, "title") == [(title,)]


@pytest.mark.parametrize(("tail", "authors"), [(", McDonald, 2022", ["McDonald"]), (", LeCun, 2022", ["LeCun"]),
                                               (" - 张伟, 李娜, Chen", ["张伟", "李娜", "Chen"])])
def test_surnames_with_an_inner_capital_and_cjk_names_beside_one_surname(tail: str, authors: list[str]) -> None:
    assert fields(f"- [Elucidating the Design Space]({A1}){tail}\n", "authors") == [(authors,)]


def test_a_journals_bold_label_before_the_title_and_its_citation() -> None:
    md = "- **Nature:** [Protein Design with Diffusion](https://www.nature.com/articles/x1), Watson et al., 2023\n"
    assert fields(md, "venue", "year", "authors") == [("Nature", 2023, ["Watson"])]


@pytest.mark.parametrize("heading", ["ICLR 2024 reading list", "ICLR 2024 on Diffusion"])
def test_a_venue_heading_of_a_reading_list(heading: str) -> None:
    assert fields(f"# L\n\n## {heading}\n\n- [Quiet Anchors]({A1})\n", "venue", "year") == [(heading[:4], 2024)]


def test_a_papers_published_version_in_its_description_is_its_own() -> None:
    md = (f"- [Ranking Flows]({A1})\n\n  A sampler for ranking.\n\n"
          "  [OpenReview](https://openreview.net/forum?id=abc) [Code](https://github.com/x/rf)\n")
    assert [(r["title"], len(r["links"])) for r in parse(md)[0]] == [("Ranking Flows", 3)]
