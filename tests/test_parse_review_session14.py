"""What the second review of session 14's parser rules found read worse than before, each read as before now
(or as the session's start read it), beside the shape the rule was written for."""

from __future__ import annotations

import pytest

try:
    from deadline import finishes
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import fields, parse

PDF = "[[pdf]](https://arxiv.org/abs/2303.01469)"


@pytest.mark.parametrize("after", [
    "Yang Song, Prafulla Dhariwal", "Yang Song - ICML 2023", "by Yang Song", "With Yang Song And Prafulla Dhariwal",
    "Best Paper Award (ICML 2023)", "OpenAI Research", "Google Research", "Code Available", "Stars 5k", "from OpenAI",
    "in ICML 2023", "Tutorial By Ann Lee",
])
def test_what_follows_a_whole_bold_title_is_no_part_of_it(after: str) -> None:
    assert fields(f"# P\n\n- **Quiet Anchors** {after} {PDF}\n", "title") == [("Quiet Anchors",)]


def test_a_title_only_partly_bold_still_goes_on() -> None:
    assert fields(f"# P\n\n- **Quiet Anchors** for Molecule Generation in 3D (ICML 2022) {PDF}\n", "title") == [
        ("Quiet Anchors for Molecule Generation in 3D",)]


def test_a_partly_bold_title_before_a_long_run_of_spaces_is_read_in_linear_time() -> None:
    for head in ("**Quiet Anchors** Restoration", "**QuietNet**: Restoration"):  # clauses._up_to_a_break: 59 s at 80k
        with finishes():
            parse(f"- {head}" + " " * 100_000 + f"Models (ICML) {PDF}\n")


@pytest.mark.parametrize("title", ["基于增量更新的扩散模型", "增加扩散模型采样多样性的方法", "노이즈 추가 기반 확산 모델 분석"])
def test_a_title_in_cjk_with_a_word_of_news_is_still_a_work(title: str) -> None:
    assert fields(f"# P\n\n- {title} (CVPR 2024)\n", "title", "venue") == [(title, "CVPR")]


def test_linkless_names_under_a_year_heading_stay_a_work_but_an_authors_line_does_not() -> None:
    md = ("# P\n\n### 2023\n\n- Quiet Anchors for Molecules — Ann Lee, Bo Chan\n"
          "-  **Loud Anchors** (ICLR 2023) [[paper]](https://arxiv.org/abs/2307.01952)\n  - 作者：Cy Dee, Ed Fox, Gil Ho\n")
    assert fields(md, "title", "year") == [("Quiet Anchors for Molecules", 2023), ("Loud Anchors", 2023)]


@pytest.mark.parametrize("text", [
    "Ann Lee. Here Comes The Noise. In CVPR, 2023.",  # a title in title case opening with a sentence's word
    "Ann Lee and Bo Chan. We Need Better Samplers. In NeurIPS, 2023.",
    "Lee, A. (2023). Our Quiet Toolkit. NeurIPS.",
    "Ann Lee. Quiet Anchors for Molecules. Accepted at NeurIPS, 2023.",  # a status, then a venue
])
def test_citations_of_these_shapes_stay_read(text: str) -> None:
    rows, _ = parse(f"# References\n\n{text}\n")
    assert len(rows) == 1 and rows[0]["venue"] in ("CVPR", "NeurIPS") and rows[0]["year"] == 2023


def test_an_identifier_then_a_qualifier_or_a_venue_ends_a_citation() -> None:
    for end in ("Oral.", "ICML 2023.", "⭐"):
        rows, _ = parse(f"# R\n\nSong, Y. (2023). Quiet anchors. arXiv:2303.01469. {end}\n")
        assert [(r["title"], r["arxiv_id"]) for r in rows] == [("Quiet anchors", "2303.01469")]


def test_a_venue_paragraph_after_a_paper_link_is_its_venue_unless_a_link_follows() -> None:
    lead = "[Quiet Anchors](https://arxiv.org/abs/2303.01469)"
    assert fields(f"# P\n\n{lead}\n\nICML 2023\n", "venue", "year") == [("ICML", 2023)]
    assert fields(f"# P\n\n{lead}\n\nICML 2023\n\n[[code]](https://github.com/a/b)\n", "venue", "year")[0] == (
        "ICML", 2023)


def test_a_project_page_with_a_paper_among_its_label_links_is_one_titled_work() -> None:
    md = ("# P\n\n[Quiet Anchors](https://quiet-anchors.github.io/) <br>\n[[ICLR 2023](https://openreview.net/forum?id=abc)]"
          " [[Paper](https://arxiv.org/abs/2210.02747)]\n")
    assert fields(md, "title", "venue", "year") == [("Quiet Anchors", "ICLR", 2023)]


def test_a_title_that_opens_with_a_schedule_word_and_a_number_is_a_paper_heading() -> None:
    md = "# P\n\n## Part123: Part-Aware Quiet Anchors\n\nLiu & Chen, *SIGGRAPH 2024* — [arXiv](https://arxiv.org/abs/2303.01469)\n"
    assert fields(md, "title") == [("Part123: Part-Aware Quiet Anchors",)]


@pytest.mark.parametrize("label", ["**Note: the list below is not sorted**", "**We recommend starting with these.**"])
def test_a_bold_sentence_over_a_list_is_no_section(label: str) -> None:
    assert fields(f"# P\n\n{label}\n\n- [Quiet Anchors](https://arxiv.org/abs/2303.01469)\n", "section") == [([],)]


def test_numbered_bold_lines_over_prose_are_no_work_but_over_names_and_venue_they_are() -> None:
    assert parse("# P\n\n[1] **Note**  \nAll links go to arXiv. Check [here](https://github.com/a/b).\n")[0] == []
    md = f"# P\n\n[12] **Quiet Anchors**  \nYaron Lee, Ricky Chen  \nICLR 2023 {PDF}\n"
    assert fields(md, "title", "authors", "venue") == [("Quiet Anchors", ["Yaron Lee", "Ricky Chen"], "ICLR")]


def test_a_method_name_paragraph_over_a_sentence_is_no_title() -> None:
    md = "# P\n\n**QADM**: The Paper That Started It All <br>\nRead it [here](https://arxiv.org/abs/2006.11239) first.\n"
    assert [r["title"] for r in parse(md)[0]] == [None]  # untitled, as before: enrichment fills it from the id


def test_a_week_heading_over_emoji_names_titles_nothing() -> None:
    md = "# P\n\n## Week 3\n\n👤 Ann Lee, Bo Chan | 🏛️ Room 204\n\n[slides](https://arxiv.org/abs/2303.01469)\n"
    assert [r["title"] for r in parse(md)[0]] == [None]


@pytest.mark.parametrize("after", ["Distills Diffusion Into One Step", "One-Step Generation Through Distillation",
                                   "Image Generation"])
def test_a_capitalised_tagline_or_tag_after_a_whole_bold_title_is_no_part_of_it(after: str) -> None:
    assert fields(f"# P\n\n- **Quiet Anchors** {after} {PDF}\n", "title") == [("Quiet Anchors",)]


@pytest.mark.parametrize(("lead", "kind"), [
    ("[What Quiet Anchors Are](https://lilianweng.github.io/posts/2021-07-11-quiet/)", "post"),
    ("[Quiet Anchors Explained](https://www.youtube.com/watch?v=abc)", "video"),
])
def test_a_post_or_a_video_over_the_paper_it_explains_stays_itself(lead: str, kind: str) -> None:
    rows, _ = parse(f"# P\n\n{lead} <br>\n[[Paper](https://arxiv.org/abs/2006.11239)]\n")
    assert rows[0]["kind"] == kind and rows[0]["arxiv_id"] is None


def test_an_arxiv_month_before_a_cjk_title_is_no_news_date() -> None:
    assert fields("# P\n\n- 2024.03 基于增量更新的扩散模型 (CVPR 2024)\n- 2024.05.01：新增 20 篇视频生成论文 (CVPR 2024)\n",
                  "title") == [("基于增量更新的扩散模型",)]


def test_a_long_run_of_spaces_in_an_apa_citation_is_read_in_linear_time() -> None:
    with finishes():  # venues.lookup of the whole tail: 102 s at 80k characters
        parse("# R\n\nLee, A. (2023). Quiet anchors for things. Things" + " " * 100_000 + "x\n")
