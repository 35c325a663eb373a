"""Venues written where the probe of invented lists found them lost: a venue heading with a track or a long
workshop name, and a venue after the names on the line under a linked title."""

from __future__ import annotations

from diffdata.parse import parse_document


def _rows(text: str) -> list[dict]:
    return parse_document("x.md", text)[0]


def test_a_venue_heading_with_a_track_or_a_workshop_name_gives_the_venue() -> None:
    rows = _rows("# P\n\n## NeurIPS 2022 (Datasets & Benchmarks)\n\n- [A Benchmark](https://arxiv.org/abs/2206.00001)\n"
                 "\n## NeurIPS 2023 Workshop on Diffusion Models\n\n- [A Workshop Paper](https://arxiv.org/abs/2310.00001)\n"
                 "\n## Image Editing (Part 2)\n\n- [An Editing Paper](https://arxiv.org/abs/2303.00002)\n")
    assert [(r["venue"], r["year"]) for r in rows] == [
        ("NeurIPS", 2022), ("NeurIPS Workshop on Diffusion Models", 2023), (None, None)]


def test_a_venue_after_the_names_under_a_title_is_read() -> None:
    for names in ("*Ling Yang, Zhilong Zhang*", "Ling Yang, Zhilong Zhang"):
        [row] = _rows(f"# P\n\n- [Diffusion Models: A Survey](https://arxiv.org/abs/2209.00796)\n"
                      f"  {names} — ACM Computing Surveys 2023\n")
        assert (row["venue"], row["year"]) == ("ACM Computing Surveys", 2023)
    [row] = _rows("# P\n\n- [Some Method](https://arxiv.org/abs/2209.00797)\n"
                  "  A method that improves sample quality on faces — results on the 2012 split\n")
    assert row["venue"] is None  # a description with a year is no venue line


def test_a_term_or_a_person_beside_a_date_is_no_venue() -> None:
    rows = _rows("# P\n\n- [Stanford CS236 Deep Generative Models](https://deepgenerativemodels.github.io/) (Fall 2023)\n"
                 "- [What are Diffusion Models?](https://lilianweng.github.io/posts/2021-07-11-diffusion-models/) "
                 "– Lilian Weng, Jul 2021\n- [A Paper](https://arxiv.org/abs/2301.00003) (Remote Sensing, 2023)\n")
    assert [(r["venue"], r["year"], r["authors"]) for r in rows] == [
        (None, 2023, []), (None, 2021, ["Lilian Weng"]), ("Remote Sensing", 2023, [])]


def test_a_venue_with_a_rank_or_an_arxiv_preprint_leaves_the_title() -> None:
    rows = _rows("# P\n\n- Zero-Shot Image Restoration Using Null-Space Models, ICLR 2023 Notable-top-25% "
                 "[arXiv](https://arxiv.org/abs/2212.00490)\n"
                 "- Blurring Diffusion Models, arXiv preprint arXiv:2209.05557 (2022).\n"
                 "- Top 10% Tips for Diffusion, arXiv 2023 [arXiv](https://arxiv.org/abs/2212.00491)\n")
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [
        ("Zero-Shot Image Restoration Using Null-Space Models", "ICLR", 2023),
        ("Blurring Diffusion Models", "arXiv", 2022), ("Top 10% Tips for Diffusion", "arXiv", 2023)]
    assert rows[0]["qualifier"] == "Notable-top-25%"


def test_an_arxiv_address_written_without_its_scheme_gives_the_id() -> None:
    [row] = _rows("# P\n\n- Come-Closer-Diffuse-Faster: Accelerating Conditional Diffusion Models (CVPR 2022) "
                  "arxiv.org/abs/2112.05146\n")
    assert (row["title"], row["arxiv_id"], row["venue"]) == (
        "Come-Closer-Diffuse-Faster: Accelerating Conditional Diffusion Models", "2112.05146", "CVPR")


def test_chinese_japanese_and_korean_link_labels_are_no_titles() -> None:
    for label in ("链接", "论文地址", "논문", "リンク"):
        [row] = _rows(f"# P\n\n- Score-Based Generative Modeling [{label}](https://arxiv.org/abs/2011.13456)\n")
        assert row["title"] == "Score-Based Generative Modeling"
        [row] = _rows(f"# P\n\n- [{label}](https://arxiv.org/abs/2011.13456)\n")
        assert row["title"] is None and row["arxiv_id"] == "2011.13456"


def test_a_heading_that_says_the_papers_were_not_in_the_venue_gives_none() -> None:
    rows = _rows("# P\n\n## ICLR 2023 (Rejected Papers)\n\n- [Rejected One](https://arxiv.org/abs/2301.00011)\n"
                 "\n## CVPR (Workshops Only)\n\n- [Workshop One](https://arxiv.org/abs/2301.00012)\n"
                 "\n## NeurIPS 2023 (under review)\n\n- [Submitted One](https://arxiv.org/abs/2301.00013)\n")
    assert [(r["venue"], r["year"]) for r in rows] == [(None, None)] * 3


def test_a_year_heading_above_a_venue_heading_gives_the_year() -> None:
    text = ("## 2024\n\n### ICLR\n\n- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2101.00001)\n"
            "- [Sliding Windows over Noisy Scores](https://arxiv.org/abs/2101.00002) (2021)\n\n"
            "### CVPR 2023\n\n- [Tiny Flows for Big Scenes](https://arxiv.org/abs/2101.00003)\n\n"
            "## Surveys\n\n### NeurIPS\n\n- [Big Flows for Tiny Scenes](https://arxiv.org/abs/2101.00004)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["venue"], r["year"]) for r in rows] == [
        ("ICLR", 2024), ("ICLR", 2021),  # the entry's own year first
        ("CVPR", 2023), ("NeurIPS", None)]  # the venue heading's own year; no year heading above


def test_a_venue_badge_wins_over_an_arxiv_badge_in_any_order() -> None:
    arxiv, cvpr = ("![arXiv](https://img.shields.io/badge/arXiv-2023-red)",
                   "![CVPR](https://img.shields.io/badge/CVPR-2024-blue)")
    text = (f"- [Quiet Anchors](https://arxiv.org/abs/2301.00001) {arxiv} {cvpr}\n"
            f"- [Loud Anchors](https://arxiv.org/abs/2301.00002) {cvpr} {arxiv}\n"
            f"- [Tiny Anchors](https://arxiv.org/abs/2301.00003) {arxiv}\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["venue"], r["year"]) for r in rows] == [("CVPR", 2024), ("CVPR", 2024), ("arXiv", 2023)]


def test_an_arxiv_identifier_written_as_text_names_no_year_and_no_venue() -> None:
    # "arXiv:2006.11239" read as the year 2006, and "Two Words. arXiv:2303.01469, 2023." as a list's label (the
    # id and the work lost, nothing reported)
    rows = _rows("# P\n\n- Quiet Anchors for Panoptic Things. arXiv:2006.11239, 2020.\n"
                 "- Quiet Anchors. arXiv:2303.01469, 2023.\n"
                 "- Loud Anchors for Panoptic Things [arXiv 2011.13456]\n"
                 "- [Soft Anchors for Panoptic Things](https://example.org/soft) arXiv 2023.06\n")
    assert [(r["title"], r["year"], r["venue"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", 2020, None, "2006.11239"),
        ("Quiet Anchors", 2023, None, "2303.01469"),
        ("Loud Anchors for Panoptic Things", None, None, "2011.13456"),
        ("Soft Anchors for Panoptic Things", 2023, "arXiv", None)]  # a year and month: no identifier


def test_a_field_label_before_an_unknown_venue_is_no_part_of_it() -> None:
    for label in ("Conference", "Venue", "Journal", "Accepted at"):
        rows = _rows(f"# P\n\n### Quiet Anchors for Panoptic Things\n\n- **Authors:** Mira Okafor, Jon Pell\n"
                     f"- **{label}:** DLMIA 2018\n- **Links:** [Paper](https://arxiv.org/abs/1807.10165)\n")
        assert [(r["venue"], r["year"]) for r in rows] == [("DLMIA", 2018)]


def test_a_venue_line_with_a_separator_a_label_link_and_a_break_ends_the_entry() -> None:
    rows = _rows("# P\n\n[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2209.00796)  \n"
                 "*Mira Okafor, Jon Pell*  \nACM Computing Surveys 2023 · [code](https://github.com/a/b) <br>\n")
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [
        (["Mira Okafor", "Jon Pell"], "ACM Computing Surveys", 2023)]


def test_arxiv_after_a_full_stop_opens_a_clause_however_many_names_stand_before_it() -> None:
    rows = _rows("# P\n\n- Quiet Anchors. Mira Okafor, Jon Pell, Cy Dee, Ed Fox. arXiv'23. "
                 "[[Paper](https://arxiv.org/abs/2311.17042)]\n")
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [
        (["Mira Okafor", "Jon Pell", "Cy Dee", "Ed Fox"], "arXiv", 2023)]
