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
