"""Guard cases from the review of this session's parser rules (session 15): inputs the first versions of the
rules read worse than the code before them (a sentence or a topic heading over a venue line, bold labels over one
paper's links, title labels on sub-items naming works of their own, an organisation after names in a table
cell, a label in a code span before a colon). Each reads as the code before the session, or better."""

from __future__ import annotations

import pytest

try:
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields, parse

A1, A2 = "https://arxiv.org/abs/2006.11239", "https://arxiv.org/abs/2010.02502"
T1, T2 = "Quiet Anchors for Panoptic Things", "Sliding Windows over Noisy Scores"
OA1 = "https://openaccess.thecvf.com/content/CVPR2023/html/Lee_Quiet_CVPR_2023_paper.html"
OA2 = "https://openaccess.thecvf.com/content/ICCV2023/html/Chan_Sliding_ICCV_2023_paper.html"


def test_a_sentence_heading_over_a_venue_line_titles_nothing() -> None:
    rows, _ = parse(f"# L\n\n### Our favourite paper this year\n\nCVPR 2023 · [arXiv]({A1})\n")
    assert [(r["title"], r["venue"], r["section"]) for r in rows] == [(None, "CVPR", ["Our favourite paper this year"])]


def test_a_topic_heading_over_two_venue_lines_is_their_section() -> None:
    rows, _ = parse(f"# L\n\n### Text-Guided Image Editing\n\nCVPR 2023 · [Paper]({OA1})\n\nICCV 2023 · [Paper]({OA2})\n")
    assert [(r["title"], r["venue"], r["section"]) for r in rows] == [
        (None, "CVPR", ["Text-Guided Image Editing"]), (None, "ICCV", ["Text-Guided Image Editing"])]


@pytest.mark.parametrize("bold", [
    "Best Paper Award", "Paper and Code", "Quick links for this work", "If you use this work please cite",
    "Our paper was accepted as an oral at ICCV", "a fast sampler for diffusion models", "Table of Contents",
    "Text-to-Image Generation Methods",
])
def test_a_bold_label_or_sentence_over_one_papers_links_titles_nothing(bold: str) -> None:
    assert fields(f"**{bold}**\n\n[[Paper]({A1})] [[Code](https://github.com/a/b)]\n", "title") == [(None,)]


def test_a_sentence_case_bold_title_over_its_links_still_titles_them() -> None:
    assert fields(f"**DiffEdit: Diffusion-based semantic image editing with mask guidance**\n\n[[ICLR 2023]({A1})]\n",
                  "title") == [("DiffEdit: Diffusion-based semantic image editing with mask guidance",)]


@pytest.mark.parametrize("md", [
    f"- [{T1}]({A1})\n  - タイトル：[{T2}]({A2})\n  - コード：[GitHub](https://github.com/a/b)\n",
    f"- [{T1}]({A1})\n  - 论文名称：[{T2}]({A2})\n",
])
def test_a_sub_item_labelled_as_a_title_of_another_paper_is_that_paper(md: str) -> None:
    assert [t for (t,) in fields(md, "title")] == [T1, T2]


def test_a_title_label_on_an_item_of_its_own_is_a_work() -> None:
    assert fields(f"### 2024\n\n- 論文題目：{T1}，Ann Lee, 2024\n", "title", "year") == [(T1, 2024)]


def test_an_organisation_after_names_in_a_title_cell_is_left_out() -> None:
    md = f"| Title | Year |\n|---|---|\n| **{T1}**<br>Ann Lee, Bo Chan, Google Research | 2023 |\n"
    assert fields(md, "title", "authors") == [(T1, ["Ann Lee", "Bo Chan"])]


@pytest.mark.parametrize("tag", ["Code", "Demo", "Oral", "Survey", "Image Generation"])
def test_a_label_in_a_code_span_before_a_colon_is_still_a_tag(tag: str) -> None:
    assert fields(f"- `{tag}`: {T1} [[paper]]({A1})\n", "title") == [(T1,)]


# -- a second review, of the rules after the first mend ------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "eDiff-I: Text-to-Image Diffusion Models with Expert Denoisers", "This Looks Like That: Quiet Anchors for Things",
    "A Survey of Sampling Methods for Diffusion Models", "Finding the Missing Links in Diffusion", "Neural Code Search",
])
def test_a_bold_title_of_these_shapes_still_titles_its_links(title: str) -> None:
    assert fields(f"**{title}**\n\n[[ICLR 2023]({A1})] [[Code](https://github.com/a/b)]\n", "title") == [(title,)]


def test_a_heading_of_two_lines_without_links_over_a_rule_is_still_a_heading() -> None:
    md = f"Diffusion Models\nfor Image Synthesis\n---\n\n- [{T1}]({A1})\n"
    assert fields(md, "title", "section") == [(T1, ["Diffusion Models for Image Synthesis"])]


def test_a_publishers_name_leading_an_entry_of_its_own_is_its_title() -> None:
    assert fields("- [ACL Anthology](https://aclanthology.org) - all papers of ACL venues\n", "title") == [
        ("ACL Anthology",)]


def test_words_of_a_site_and_models_in_a_titles_link_are_no_label() -> None:
    assert fields(f"- [Face Models]({A1}) - Ann Lee, Bo Chan\n", "title") == [("Face Models",)]


def test_names_with_initials_in_other_scripts_after_an_authors_label() -> None:
    assert fields(f"- [{T1}]({A1}) Авторы: И. Иванов, П. Петров. NeurIPS 2020.\n", "authors", "venue") == [
        (["И. Иванов", "П. Петров"], "NeurIPS")]


@pytest.mark.parametrize("label", ["Article", "Artigo", "Статья"])
def test_a_sub_item_labelled_article_with_a_titled_link_is_a_work_of_its_own(label: str) -> None:
    md = f"- Image editing\n  - {label}: [{T1}]({A1})\n  - {label}: [{T2}]({A2})\n"
    assert [t for (t,) in fields(md, "title")] == [T1, T2]


def test_a_straight_closing_quote_keeps_its_curly_opening_one() -> None:
    md = f"- [“Why Should I Trust You?\" Explaining Quiet Anchors]({A1})\n"
    assert fields(md, "title") == [("“Why Should I Trust You?\" Explaining Quiet Anchors",)]


# -- an institution where the authors would stand (probe P) -------------------------------------------------------


def test_an_institution_in_italics_is_no_venue_and_no_author_but_a_team_is_an_author() -> None:
    md = (f"- **{T1}** — *CMU* — CoRL 2024 [[paper]]({A1})\n"
          f"- **{T2}** [[Paper]]({A2})\n  *Stanford University*\n"
          "- **Loud Anchors for Things** [[Paper]](https://arxiv.org/abs/2501.12599)\n  *Kimi Team*\n")
    assert fields(md, "title", "authors", "venue") == [(T1, [], "CoRL"), (T2, [], None),
                                                       ("Loud Anchors for Things", ["Kimi Team"], None)]


def test_an_emoji_labelled_institution_sub_item_is_one_of_the_entrys_details() -> None:
    md = f"- [{T1}]({A1})\n  - 🏛️ Stanford University\n  - 📍 CoRL 2023\n"
    assert fields(md, "title", "authors", "venue", "year") == [(T1, [], "CoRL", 2023)]


# -- a third review, of the last rules ---------------------------------------------------------------------------


def test_items_beside_a_bold_topic_that_are_works_or_labels_stay_apart() -> None:
    md = f"- **Diffusion Basics and Theory**\n- [Paper]({A1}): {T1}\n- [Paper]({A2}): {T2}\n"
    assert [t for (t,) in fields(md, "title")] == [T1, T2]
    assert fields("- **Accepted at Conferences**\n- CVPR 2023\n- ICCV 2023\n", "title") == []


@pytest.mark.parametrize(("names", "authors"), [
    ("Ann Lee (MIT)", ["Ann Lee"]), ("Ann Lee - MIT, Bo Chan - CMU", ["Ann Lee", "Bo Chan"]),
    ("Ann Lee @ Stanford, Bo Chan @ MIT", ["Ann Lee", "Bo Chan"]), ("Stanford University", []),
])
def test_italic_people_with_their_places_are_the_people(names: str, authors: list[str]) -> None:
    assert fields(f"- [{T1}]({A1})\n  *{names}*\n", "authors") == [(authors,)]


@pytest.mark.parametrize("topic", ["⭐ Group Equivariant Networks", "📄 Research on Sparse Views"])
def test_an_emoji_topic_with_an_organisation_word_is_no_institution(topic: str) -> None:
    md = f"- [{T1}]({A1})\n  - {topic}\n    - [paper]({A2})\n"
    assert [t for (t,) in fields(md, "title")][-1] == topic.split(" ", 1)[1]
