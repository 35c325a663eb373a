"""What a review of the session's parser changes found, each case as it must read: the over-firing rules
narrowed, the wrong years and the lost names back."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

A = "https://arxiv.org/abs/2101.00001"


def _rows(text: str) -> list[dict]:
    rows, _ = parse_document("x.md", text)
    return rows


@pytest.mark.parametrize(("after", "authors"), [
    (" **(CVPR 2023)** Ann Lee, Bo Chan", ["Ann Lee", "Bo Chan"]),
    (" **[CVPR 2023]** Ann Lee, Bo Chan, Cy Dee", ["Ann Lee", "Bo Chan", "Cy Dee"]),
    (" **CVPR 2023** Ann Lee, Bo Chan", ["Ann Lee", "Bo Chan"]),
    (" **Oral** Ann Lee, Bo Chan", ["Ann Lee", "Bo Chan"]),
])
def test_names_after_a_bold_venue_or_qualifier(after: str, authors: list[str]) -> None:
    assert [r["authors"] for r in _rows(f"- [Sliding Windows over Noisy Scores]({A}){after}\n")] == [authors]


@pytest.mark.parametrize(("line", "authors"), [
    ("Authors: Ann Lee; Bo Chan; Cy Dee", ["Ann Lee", "Bo Chan", "Cy Dee"]),
    ("Authors: Ann Lee (Example University), Bo Chan (Example Lab)", ["Ann Lee", "Bo Chan"]),
])
def test_an_authors_line_of_its_own_is_read_whole(line: str, authors: list[str]) -> None:
    assert [r["authors"] for r in _rows(f"- [Sliding Windows over Noisy Scores]({A})\n  - {line}\n")] == [authors]


def test_a_full_width_comma_inside_a_chinese_title_stays() -> None:
    assert [r["title"] for r in _rows("- 扩散模型，从入门到精通 [链接](https://example.org/a)\n")] == ["扩散模型，从入门到精通"]


@pytest.mark.parametrize("line", ["- 关于「扩散」模型的综述 [链接](https://example.org/a)",
                                  "- 「Diffusion」を使った画像生成の入門 [link](https://example.org/a)"])
def test_a_quoted_term_inside_a_sentence_is_no_title(line: str) -> None:
    assert [r["title"] for r in _rows(line + "\n")] == [line[2:line.index(" [")]]


def test_topic_headings_named_like_kinds_change_no_kind() -> None:
    text = ("## Video\n\n- [Quiet Video Project](https://quietvideo.example.org/)\n\n"
            "## Notes\n\n- [Paper Digest of Quiet Papers](https://digest.example.org/quiet)\n")
    assert [r["kind"] for r in _rows(text)] == ["website", "website"]


def test_a_sentence_opening_with_a_link_is_running_text() -> None:
    rows = _rows("[Quiet Diffusion](https://github.com/a/b) is a model released in 2022 by Example AI and "
                 "Example University.\n")
    assert [(r["authors"], r["year"], r["layout"]) for r in rows] == [([], None, "prose")]


@pytest.mark.parametrize("rest", [
    ", [Ann Lee](https://annlee.example.io), [Bo Chan](https://bochan.example.me)",  # the authors' pages
    " | [Open Review](https://openreview.net/forum?id=x) | [Tech Report](https://example.org/r.pdf)",
    " | [Google Scholar](https://scholar.google.com/x) | [Twitter Thread](https://twitter.com/a/status/1)",
])
def test_links_after_the_title_that_name_no_work_stay_its_own(rest: str) -> None:
    rows = _rows(f"- [Quiet Anchors for Panoptic Things]({A}){rest}\n")
    assert len(rows) == 1 and len(rows[0]["links"]) == 3


# the second review (of e034f37..b35935e)
@pytest.mark.parametrize(("text", "expected"), [
    ("V. Kumar, [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2301.00001), CVPR 2023\n",
     [("Quiet Anchors for Panoptic Things", "CVPR")]),  # an initial, not a numeral
    ("(1) We train a [quiet anchor model](https://arxiv.org/abs/2112.10752) on the data.\n"
     "(2) We tune it with [loud adapters](https://arxiv.org/abs/2106.09685) for each style.\n",
     [("quiet anchor model", None), ("loud adapters", None)]),  # numbered sentences stay running text
    ("Quiet Anchors for Panoptic Things, Ann Lee, CVPR 2023\n[Quiet Anchors on arXiv](https://arxiv.org/abs/2301.00009)\n"
     "[Quiet Anchors Code](https://github.com/a/b)\n", [("Quiet Anchors for Panoptic Things", "CVPR")]),  # no label
])
def test_numbering_and_labels_need_their_shape(text: str, expected: list[tuple]) -> None:
    assert [(r["title"], r["venue"]) for r in _rows(text)] == expected


@pytest.mark.parametrize(("line", "authors", "year"), [
    ("- [Quiet Anchors](https://arxiv.org/abs/2301.00001) - Ann Lee, Bo Chan,\n  Example Research.", ["Ann Lee", "Bo Chan"],
     None),  # an organisation on the next line: the names do not go on there
    ("- [Quiet Anchors](https://arxiv.org/abs/2301.00001) (a reimplementation of the 2015 DPM paper)", [], None),
    ("- [Quiet Anchors](https://example.org/q.pdf) - Magic Brush, Nature Machine Intelligence 2023", [], 2023),
    ("- [Quiet Anchors](https://arxiv.org/abs/2301.00001) - Ann Lee, Bo Chan `Lee`", ["Ann Lee", "Bo Chan"], None),
])
def test_names_and_years_that_must_not_be_read(line: str, authors: list[str], year: int | None) -> None:
    assert [(r["authors"], r["year"]) for r in _rows(line + "\n")] == [(authors, year)]


def test_a_listing_page_of_hugging_face_papers_is_no_paper() -> None:
    assert [(r["kind"], r["arxiv_id"]) for r in _rows("- [Daily Papers](https://hf.co/papers)\n"
                                                      "- [Quiet](https://hf.co/papers/2401.12945)\n")] == [
        ("website", None), ("paper", "2401.12945")]
