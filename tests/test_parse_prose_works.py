"""A paragraph that cites a work without linking it (a title line, a line of names, a line of its venue or date,
maybe a last line of a bare URL) is an entry: before, it was dropped with nothing in the parse report."""

from __future__ import annotations

from diffdata.parse import parse_document


def test_a_paragraph_citing_a_work_is_an_entry() -> None:
    rows, report = parse_document("x.md", "# P\n\nAnother Paper Without Link\nAnn Lee, Bo Chan\nCVPR 2022\n\n"
                                          "Prompt Tuning Inversion for Text-Driven Image Editing\nWenkai Dong, Song Xue\n"
                                          "ICCV 2023\nhttps://arxiv.org/abs/2305.04441\n")
    assert [(r["title"], r["authors"], r["year"], r["venue"], r["arxiv_id"]) for r in rows] == [
        ("Another Paper Without Link", ["Ann Lee", "Bo Chan"], 2022, "CVPR", None),
        ("Prompt Tuning Inversion for Text-Driven Image Editing", ["Wenkai Dong", "Song Xue"], 2023, "ICCV",
         "2305.04441")]
    assert report == []


def test_a_paragraph_of_prose_stays_prose() -> None:
    rows, _report = parse_document("x.md", "# P\n\nThis list collects papers.\nMaintained by Ann Lee, Bo Chan\n"
                                           "Last update: Jan 2024\n\nWe thank Ann Lee, Bo Chan\nfor their help\n2023\n")
    assert rows == []


def test_lines_that_open_with_a_titled_link_are_read_like_list_items() -> None:
    text = """\
Papers we like:

[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2101.00001) - Mira Okafor, Jon Pell, Interspeech 2023
[Sliding Windows over Noisy Scores](https://arxiv.org/abs/2101.00002) - Dora Lind, ISMIR 2023

> [Tiny Flows for Big Scenes](https://arxiv.org/abs/2101.00003) — Sun Li, ICML 2023

Later, [Big Flows for Tiny Scenes](https://arxiv.org/abs/2101.00004) by Ann Lee improved on it.
"""
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["layout"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "Interspeech", 2023, "bullet"),
        ("Sliding Windows over Noisy Scores", ["Dora Lind"], "ISMIR", 2023, "bullet"),
        ("Tiny Flows for Big Scenes", ["Sun Li"], "ICML", 2023, "bullet"),
        ("Big Flows for Tiny Scenes", [], None, None, "prose")]  # a link inside a sentence: running text


def test_a_label_over_lines_of_titled_links_is_their_section() -> None:
    text = ("**Core papers**<br>\n[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2101.00001) (ICLR 2023)<br>\n"
            "[Sliding Windows over Noisy Scores](https://arxiv.org/abs/2101.00002) (ICML 2022)<br>\n")
    rows, report = parse_document("x.md", text)
    assert [(r["title"], r["section"], r["venue"], r["year"], [x["url"] for x in r["links"]]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Core papers"], "ICLR", 2023, ["https://arxiv.org/abs/2101.00001"]),
        ("Sliding Windows over Noisy Scores", ["Core papers"], "ICML", 2022, ["https://arxiv.org/abs/2101.00002"])]
    assert not report


def test_numbered_lines_outside_a_list_are_items() -> None:
    text = ("(1) [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2101.00001), Mira Okafor, NeurIPS 2022.\n\n"
            "[2] [Sliding Windows over Noisy Scores](https://arxiv.org/abs/2101.00002) - Jon Pell, ICML 2023\n\n"
            "IV. [Tiny Flows for Big Scenes](https://arxiv.org/abs/2101.00003) — Dora Lind, 2022\n\n"
            "[5] Big Flows for Tiny Scenes. Sun Li. NeurIPS 2022.\n\n"
            "[6] We thank the reviewers.\n")
    rows, report = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor"], "NeurIPS", 2022),
        ("Sliding Windows over Noisy Scores", ["Jon Pell"], "ICML", 2023),
        ("Tiny Flows for Big Scenes", ["Dora Lind"], None, 2022),
        ("Big Flows for Tiny Scenes", ["Sun Li"], "NeurIPS", 2022)]  # no link: kept for its venue
    assert [(r["line"], r["severity"]) for r in report] == [(9, "info")]  # said, not silently dropped


def test_in_running_text_a_citation_after_a_link_is_that_links_not_the_next_ones() -> None:
    # the second link took the first's "(Lee et al., 2020)" as its authors and year, a repository the names too
    rows, _ = parse_document("x.md", "# P\n\nStart with [Quiet Anchors](https://arxiv.org/abs/2006.00001) (Lee et al., "
                                     "2020), then read [Loud Anchors for Panoptic Stuff](https://arxiv.org/abs/2208.00002) "
                                     "by Cy Wu. Text models: [Soft Anchors](https://arxiv.org/abs/2205.00003) (Li et al., "
                                     "2022) and [Hard Anchors](https://arxiv.org/abs/2406.00004) (Sahoo, Moss, Reed and Tan,"
                                     " NeurIPS 2024). Code lives in [anchors](https://github.com/lab/anchors).\n")
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("Quiet Anchors", ["Lee"], 2020, None), ("Loud Anchors for Panoptic Stuff", ["Cy Wu"], None, None),
        ("Soft Anchors", ["Li"], 2022, None), ("Hard Anchors", ["Sahoo", "Moss", "Reed", "Tan"], 2024, "NeurIPS"),
        ("anchors", [], None, None)]


def test_a_venue_before_the_first_link_of_a_line_stays_its_own() -> None:
    rows, _ = parse_document("x.md", "# P\n\n- 2021.06 | ECCV | [Quiet Anchors](https://arxiv.org/abs/2112.00001)\n")
    assert [(r["title"], r["year"], r["venue"]) for r in rows] == [("Quiet Anchors", 2021, "ECCV")]


def test_an_arxiv_id_written_in_text_that_no_entry_holds_is_reported() -> None:
    # a footnote, a pasted search result: the id was lost with nothing said
    rows, report = parse_document("x.md", "# P\n\nSurveyed before[^1].\n\n[^1]: Lee et al. (2023) Quiet Anchors. "
                                          "arXiv:2310.00001\n\n- [Loud Anchors](https://arxiv.org/abs/2301.00002) "
                                          "arXiv:2301.00002\n- [Soft Anchors](https://paperswithcode.com/paper/"
                                          "arxiv:2207.00003)\n")
    assert [r["arxiv_id"] for r in rows] == ["2301.00002", None]
    assert [(r["line"], r["url"]) for r in report if r["reason"].startswith("arXiv id written")] == [
        (5, "https://arxiv.org/abs/2310.00001")]  # not the one its entry holds, nor one inside a link


def test_lines_numbered_as_sections_are_entries_with_their_names() -> None:
    """A syllabus numbers its readings as sections ("1.1", "1.2.1", "A.1"); "[Title](..) by Names" after a
    number reads as a list item does."""
    md = ("1.1 [Foo Models](https://arxiv.org/abs/2006.00001) — Lee, Chan & Dee (NeurIPS 2020)\n"
          "1.2.1 [Bar Fields](https://arxiv.org/abs/1907.00002) — Eng & Fox (NeurIPS 2019)\n\n"
          "A.1 [Qux Models](https://arxiv.org/abs/2107.00003) by Gee et al., NeurIPS 2021\n\n"
          "(2) [Baz Models](https://arxiv.org/abs/2107.00004) by Hu et al., ICML 2022\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Foo Models", ["Lee", "Chan", "Dee"], "NeurIPS", 2020), ("Bar Fields", ["Eng", "Fox"], "NeurIPS", 2019),
        ("Qux Models", ["Gee"], "NeurIPS", 2021), ("Baz Models", ["Hu"], "ICML", 2022)]


def test_a_star_between_a_section_number_and_its_link() -> None:
    md = ("1.1 ★ [Foo Models](https://arxiv.org/abs/2006.00001) — Lee et al. (ICML 2015)\n"
          "1.2 [Bar Models](https://arxiv.org/abs/2006.00002) — Chan & Dee (NeurIPS 2020)\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"]) for r in rows] == [("Foo Models", ["Lee"]), ("Bar Models", ["Chan", "Dee"])]
