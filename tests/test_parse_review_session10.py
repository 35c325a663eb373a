"""What a review of this session's parser rules found they broke, kept fixed: a first heading that is a year,
tags naming a venue, a method's name before a paper's link, a bold method name among names, a table cell
linking the row's own paper, a tag before a link read into the venue, ``- Paper [Title](url)``, a citation
written before a link in running text, surnames read as MLA's inverted name, ``[article]``, Nature's ``In``."""

from __future__ import annotations

import pytest

try:
    from deadline import finishes
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes

from diffdata.parse import parse_document

A, B = "https://arxiv.org/abs/2006.00001", "https://arxiv.org/abs/2303.00002"


def _rows(text: str) -> list[tuple]:
    return [(r["title"], r["authors"], r["year"], r["venue"]) for r in parse_document("x.md", text)[0]]


def test_a_first_heading_that_is_a_year_or_a_venue_alone_stays_the_lists_title() -> None:
    for heading in ("2024", "CVPR"):
        assert _rows(f"# {heading}\n\nPapers I read.\n\n- [Quiet Anchors]({A})\n") == [("Quiet Anchors", [], None, None)]


def test_tags_naming_a_venue_or_a_year_are_read() -> None:
    assert _rows(f"# P\n\n- [Quiet Anchors]({A}) #NeurIPS2020 #oral\n") == [("Quiet Anchors", [], 2020, "NeurIPS")]


@pytest.mark.parametrize("line", [f"- Flow Matching, [Quiet Anchors for Panoptic Things]({A})",
                                  f"- Rectified Flow: [Quiet Anchors for Panoptic Things]({A})"])
def test_a_methods_name_before_a_papers_link_is_no_author(line: str) -> None:
    assert _rows(f"# P\n\n{line}\n") == [("Quiet Anchors for Panoptic Things", [], None, None)]


def test_a_bold_method_name_opening_a_line_of_names_is_no_author() -> None:
    rows = _rows(f"# P\n\n- **QuietBooth**, Ann Lee, Bo Chan. [Fine Tuning Quiet Anchors for Things]({A}), CVPR 2023\n")
    assert [(r[0], r[1]) for r in rows] == [("QuietBooth", ["Ann Lee", "Bo Chan"])]


@pytest.mark.parametrize("cell", [f"[Quiet Anchors for Panoptic Things (arXiv)]({A})", f"[PDF download of it]({A})",
                                  "[OpenReview version of it](https://openreview.net/forum?id=abc)"])
def test_a_cell_linking_the_rows_own_paper_is_no_second_work(cell: str) -> None:
    rows = _rows(f"# T\n\n| Paper | Venue | Links |\n|---|---|---|\n| [Quiet Anchors for Panoptic Things]({A}) | ICLR 2023 "
                 f"| {cell} |\n")
    assert rows == [("Quiet Anchors for Panoptic Things", [], 2023, "ICLR")]


def test_a_follow_up_in_its_own_column_is_a_second_work() -> None:
    rows = _rows(f"# T\n\n| Paper | Follow-up |\n|---|---|\n| [Quiet Anchors for Panoptic Things]({A}) | "
                 f"[Improved Quiet Anchors for Panoptic Things]({B}) |\n")
    assert [r[0] for r in rows] == ["Quiet Anchors for Panoptic Things", "Improved Quiet Anchors for Panoptic Things"]


def test_a_wide_row_of_paper_cells_is_read_in_linear_time() -> None:
    n = 7000  # one RowEntry a cell carried every cell: quadratic (over 120 s at 6,700 cells)
    row = "| " + " | ".join(f"[Quiet Anchors Number {i} Things](https://arxiv.org/abs/2301.{i:05d})" for i in range(n))
    with finishes():
        rows = parse_document("x.md", f"# T\n\n| a |{' h |' * (n - 1)}\n|{'---|' * n}\n{row} |\n")[0]
    assert len(rows) == n


def test_a_tag_before_the_link_is_no_part_of_the_venue() -> None:
    assert _rows(f"# P\n\n- QuietNet [Quiet Anchors for Panoptic Things]({A}), ICCV 2023\n") == [
        ("Quiet Anchors for Panoptic Things", [], 2023, "ICCV")]


def test_the_word_paper_before_a_link_without_a_colon_leaves_the_link_its_title() -> None:
    assert _rows(f"# P\n\n- Paper [Quiet Video]({A})\n") == [("Quiet Video", [], None, None)]


def test_in_running_text_a_citation_leading_to_a_link_is_its_own() -> None:
    rows = _rows(f"# P\n\nFollowing Lee et al. (2020), [QA]({A}) trains a predictor, and Chan et al. (ICLR 2021) propose "
                 f"[LA]({B}).\n")
    assert [(r[0], r[2], r[3]) for r in rows] == [("QA", 2020, None), ("LA", 2021, "ICLR")]


@pytest.mark.parametrize("names", ["Chen, Li, Wang Yu", "Kim, Park, Ji Hoon Lee"])
def test_surnames_then_a_full_name_are_no_mla_inverted_name(names: str) -> None:
    from diffdata.parse.names import split_authors
    assert "," not in "".join(split_authors(names))


def test_article_is_a_title_word_in_english() -> None:
    assert _rows("# P\n\n- [The Article](https://example.com/the-article) — a blog post, 2023\n")[0][0] == "The Article"


def test_a_nature_style_citation_in_proceedings() -> None:
    assert _rows("# P\n\n1. Lee, A., Chan, B. & Wu, C. Quiet anchors for panoptic things. In International Conference on "
                 "Machine Learning 8867–8887 (PMLR, 2022).\n") == [
        ("Quiet anchors for panoptic things", ["Lee, A.", "Chan, B.", "Wu, C."], 2022,
         "International Conference on Machine Learning")]


# -- a second review, of the mends above --------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "authors"), [
    (f"- Ann Lee: [Quiet Anchors for Panoptic Things]({A})", ["Ann Lee"]),  # a person: the paper's author
    (f"- Ann Lee, [Quiet Anchors for Panoptic Things]({A})", ["Ann Lee"]),
    (f"- Stable Cascade: [Quiet Anchors for Panoptic Things]({A})", []),  # a method's name
])
def test_a_persons_name_before_a_papers_link_is_its_author_a_methods_is_not(line: str, authors: list) -> None:
    assert [r[1] for r in _rows(f"# P\n\n{line}\n")] == [authors]


def test_names_joined_by_and_after_a_link_keep_its_citation() -> None:
    rows = _rows(f"# P\n\n[Quiet Anchors]({A}) by Lee and Chan (ICML 2023) distil [Loud Anchors]({B}).\n")
    assert rows == [("Quiet Anchors", ["Lee", "Chan"], 2023, "ICML"), ("Loud Anchors", [], None, None)]


def test_a_journals_locators_on_a_line_under_the_title() -> None:
    rows = _rows(f"# P\n\n- [Quiet Anchors for Panoptic Things]({A})\n  - Venue: IEEE TPAMI, vol. 45, no. 3, pp. 100-110, 2023\n")
    assert rows == [("Quiet Anchors for Panoptic Things", [], 2023, "IEEE TPAMI")]


def test_a_book_in_natures_style() -> None:
    assert _rows("# P\n\n1. Lee, A. & Chan, B. A book about quiet anchors. (Springer, 2021).\n") == [
        ("A book about quiet anchors", ["Lee, A.", "Chan, B."], 2021, None)]


def test_a_short_titled_paper_and_a_follow_up_in_one_row() -> None:
    rows = _rows(f"# T\n\n| Paper | Venue | Other |\n|---|---|---|\n| [QA-3]({A}) | ICCV 2023 | [Loud Anchors for Panoptic "
                 f"Stuff]({B}) |\n| [Quiet Anchors]({A}) | ICML 2023 | [Code Anchors: Open Models for Code]({B}) |\n")
    assert [r[0] for r in rows] == ["QA-3", "Loud Anchors for Panoptic Stuff", "Quiet Anchors",
                                    "Code Anchors: Open Models for Code"]


@pytest.mark.parametrize("label", ["Paper |", "Paper -", "【论文】", "(Paper)", "**Paper**"])
def test_a_paper_label_before_the_link_without_a_colon(label: str) -> None:
    rows = _rows(f"# P\n\n- {label} [Video Anchors Models]({A})\n  - Authors: Ann Lee, Bo Chan\n  - Venue: ICLR 2023\n")
    assert rows == [("Video Anchors Models", ["Ann Lee", "Bo Chan"], 2023, "ICLR")]


def test_mla_without_the_serial_comma() -> None:
    from diffdata.parse.names import split_authors
    assert split_authors("Okafor, Mira, Jon Pell and Cy Wu") == ["Okafor, Mira", "Jon Pell", "Cy Wu"]
