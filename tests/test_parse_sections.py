"""What a section heading gives the entries under it (``parse/sections.py``): here a year written among words."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document
from diffdata.parse.sections import heading_says


@pytest.mark.parametrize(("heading", "year"), [
    ("2024", 2024), ("2024 papers", 2024),
    ("2024 (ongoing)", 2024), ("2024 (updating 🔥)", 2024), ("2023 (continuously updated)", 2023),
    ("2024 Papers", 2024), ("Year 2024", 2024), ("Year: 2024", 2024), ("Papers in 2024", 2024),
    ("Papers published in 2023", 2023), ("This year (2025)", 2025), ("2024年", 2024), ("[2024]", 2024),
    # a span of years, or words that are no note: nothing
    ("2023 and earlier", None), ("Before 2020", None), ("2020-2022", None), ("Since 2021", None), ("From 2021", None),
    ("2024 Image Editing", None), ("Top 10 of 2024", None), ("Image (2024)", None),
])
def test_a_year_among_words_for_papers_or_a_note_is_the_heading_year(heading: str, year: int | None) -> None:
    assert heading_says(heading) == year


def test_entries_under_a_worded_year_heading_take_its_year() -> None:
    text = ("# Sampling\n\n## 2024 (updating)\n\n- [Quiet Anchors for Sampling](https://example.org/qa) — *ICLR*\n"
            "\n## 2021 and earlier\n\n- [Loud Anchors for Sampling](https://example.org/la) — *NeurIPS*\n")
    rows = parse_document("x.md", text)[0]
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Sampling", "ICLR", 2024), ("Loud Anchors for Sampling", "NeurIPS", None)]


def test_a_bold_line_over_a_list_is_its_section_and_may_give_its_year() -> None:
    text = ("# Papers\n\n**Preprints (2024)**\n\n- [Quiet Anchors for Sampling](https://example.org/a)\n\n"
            "**Image Editing**\n\n- [Loud Anchors for Sampling](https://example.org/b)\n")
    rows = parse_document("x.md", text)[0]
    assert [(r["title"], r["section"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Sampling", ["Preprints (2024)"], 2024),
        ("Loud Anchors for Sampling", ["Image Editing"], None)]


@pytest.mark.parametrize(("heading", "year"), [("2024년 (11편)", 2024), ("2023年 (12篇)", 2023), ("2024 논문", 2024)])
def test_a_year_heading_in_korean_or_chinese_with_its_count(heading: str, year: int) -> None:
    assert heading_says(heading) == year


def test_a_details_summary_over_a_table_is_its_section() -> None:
    text = ("# Papers\n\n<details>\n<summary>NeurIPS 2023</summary>\n\n| Paper | Code |\n|---|---|\n"
            "| [Quiet Anchors for Sampling](https://arxiv.org/abs/2310.12110) | - |\n\n</details>\n\n"
            "| Paper | Code |\n|---|---|\n| [Loud Anchors for Sampling](https://arxiv.org/abs/2311.03320) | - |\n")
    rows = parse_document("x.md", text)[0]
    assert [(r["section"], r["venue"], r["year"]) for r in rows] == [(["NeurIPS 2023"], "NeurIPS", 2023), ([], None, None)]


def test_a_heading_year_makes_no_work_of_a_linkless_line_of_names() -> None:
    # "-  **Title**" with two spaces: the "  - Authors:" line under it is an item of its own, not a sub-item
    text = ("# Papers\n\n### 2024\n\n-  **Quiet Anchors for Sampling** (ICLR 2024) [[paper]](https://arxiv.org/abs/2307.01952)\n"
            "  - 作者：Mira Okafor, Jon Pell, Cy Dee\n")
    rows, report = parse_document("x.md", text)
    assert [r["title"] for r in rows] == ["Quiet Anchors for Sampling"]
    assert [r["line"] for r in report if "not read as a work" in r["reason"]] == [6]
