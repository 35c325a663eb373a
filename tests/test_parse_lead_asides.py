"""A venue or a date written before an entry's titled link, however it is marked (bold, italic, bare before a
separator, in brackets with a qualifier), is an aside: the link's text is still the title."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

PAPER = "https://arxiv.org/abs/2101.00001"


def _read(line: str) -> list[tuple]:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    return [(r["title"], r["venue"], r["year"], r["qualifier"]) for r in rows]


@pytest.mark.parametrize(("line", "expected"), [
    (f"- **ICCV 2023** [Quiet Anchors for Panoptic Things]({PAPER})", ("Quiet Anchors for Panoptic Things", "ICCV", 2023, None)),
    (f"- ICCV 2023 | [Quiet Anchors for Panoptic Things]({PAPER}) | [code](https://github.com/a/b)",
     ("Quiet Anchors for Panoptic Things", "ICCV", 2023, None)),
    (f"- *BMVC 2020* | [Quiet Anchors for Panoptic Things]({PAPER})", ("Quiet Anchors for Panoptic Things", "BMVC", 2020, None)),
    (f"- **TPAMI'24** - [Quiet Anchors for Panoptic Things]({PAPER})", ("Quiet Anchors for Panoptic Things", "TPAMI", 2024, None)),
    (f"1. AAAI 2022 [Quiet Anchors for Panoptic Things]({PAPER})", ("Quiet Anchors for Panoptic Things", "AAAI", 2022, None)),
    (f"- [ACM MM 2021 (Oral)] [Quiet Anchors for Panoptic Things]({PAPER})",
     ("Quiet Anchors for Panoptic Things", "ACM MM", 2021, "Oral")),
    # not an aside: words that are no venue stay what they were (the first clause is the title)
    (f"- Quiet Anchors | [paper]({PAPER})", ("Quiet Anchors", None, None, None)),
])
def test_a_venue_before_the_link_is_an_aside(line: str, expected: tuple) -> None:
    assert _read(line) == [expected]


# -- titles that read like two names, and names with a year before the title -----------------------------------


@pytest.mark.parametrize(("line", "title", "authors"), [
    (f"- [Borrow and Return]({PAPER}) (ICCV 2023)", "Borrow and Return", []),
    (f"- [Anchor Fields, Revisited]({PAPER})", "Anchor Fields, Revisited", []),
    (f"- Borrow and Return. Mira Okafor, Tomas Pell. ICML 2023. [paper]({PAPER})",
     "Borrow and Return", ["Mira Okafor", "Tomas Pell"]),
    # two full names either way round, names then a title of two phrases, two names before what they wrote
    (f"- [Mira Okafor and Tomas Pell]({PAPER})", None, []),
    (f"- Mira Okafor, Tomas Pell, Cy Dee. Quiet Fields, Revisited. ICCV 2023. [paper]({PAPER})",
     "Quiet Fields, Revisited", ["Mira Okafor", "Tomas Pell", "Cy Dee"]),
    (f"- [Okafor and Pell]({PAPER}): Quiet guidance for panoptic things.", "Quiet guidance for panoptic things", []),
    # names that say they are names stay names: initials, "et al.", three of them
    (f"- [M. Okafor and T. Pell]({PAPER})", None, []),
    (f"- [Okafor et al.]({PAPER})", None, []),
    # names, then a year in brackets, then the linked title: a citation written out
    (f"- Mira Okafor, Tomas Pell (2023). [Quiet Anchors for Things]({PAPER}). *NeurIPS*.", "Quiet Anchors for Things",
     ["Mira Okafor", "Tomas Pell"]),
    (f"- Mira Okafor (2024). [Quiet Anchors for Things]({PAPER}). *ICML*.", "Quiet Anchors for Things", ["Mira Okafor"]),
])
def test_titles_shaped_like_two_names(line: str, title: str | None, authors: list[str]) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"]) for r in rows] == [(title, authors)]


def test_a_table_title_cell_shaped_like_two_names() -> None:
    text = ("| Title | Paper |\n|---|---|\n| Borrow and Return | [arXiv](https://arxiv.org/abs/2403.00006) |\n"
            "| [Quiet and Loud](https://arxiv.org/abs/2403.00008) | CVPR 2023 |\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"]) for r in rows] == [
        ("Borrow and Return", [], None), ("Quiet and Loud", [], "CVPR")]


# -- a paper's status after its title ---------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "title", "venue"), [
    (f"- Quiet Anchors for Things (Accepted by ICCV 2023) [paper]({PAPER})", "Quiet Anchors for Things", "ICCV"),
    (f"- Quiet Anchors for Things (under review) [[paper]({PAPER})]", "Quiet Anchors for Things", None),
    (f"- Quiet Anchors for Things (ICCV 2023 accepted!) [paper]({PAPER})", "Quiet Anchors for Things", "ICCV"),
    (f"- [Quiet Anchors for Things (to appear in ICCV 2023)]({PAPER})", "Quiet Anchors for Things", "ICCV"),
    # an aside that is part of the title stays
    (f"- [Quiet Anchors (and Loud Ones)]({PAPER})", "Quiet Anchors (and Loud Ones)", None),
])
def test_a_status_after_the_title_is_no_part_of_it(line: str, title: str, venue: str | None) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["venue"]) for r in rows] == [(title, venue)]


# -- news lines ---------------------------------------------------------------------------------------------------


def test_news_lines_name_their_papers_by_the_link() -> None:
    text = (f"## News\n\n- 2024-01-03 🎉 Our paper [Quiet Anchors for Things]({PAPER}) is accepted by ECCV 2024!\n"
            "- Mar 2024 🎉 Our new paper [Loud Anchors for Things](https://arxiv.org/abs/2102.00002) is out!\n"
            "- 🎉 We released [Soft Anchors for Things](https://arxiv.org/abs/2103.00003), a survey.\n"
            "- 2024.01.20: Add ICLR 2024 papers.\n")
    rows, report = parse_document("x.md", text)
    assert [(r["title"], r["venue"]) for r in rows] == [
        ("Quiet Anchors for Things", "ECCV"), ("Loud Anchors for Things", None), ("Soft Anchors for Things", None)]
    # the maintainers' note is no work, and is said
    assert [(r["line"], r["severity"]) for r in report if "note about the list" in r["reason"]] == [(6, "info")]


# -- a paragraph's line that reads as an entry (no list marker) ---------------------------------------------------


def test_a_plain_title_then_label_links_without_a_list_marker_is_an_entry() -> None:
    text = (f"# Papers\n\nQuiet Anchors for Things, ICCV 2023, [paper]({PAPER})\n\n"
            "Loud Anchors for Things [[Paper](https://arxiv.org/abs/2102.00002)] [[Code](https://github.com/a/b)]\n\n"
            "• Soft-Anchors: Things Made Quiet [paper](https://arxiv.org/abs/2103.00003)\n\n"
            "Our code is on [GitHub](https://github.com/c/d).\n\n"
            "the results are in the [paper](https://arxiv.org/abs/2104.00004)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["venue"], r["year"], r["arxiv_id"], [x["url"] for x in r["links"]]) for r in rows] == [
        ("Quiet Anchors for Things", "ICCV", 2023, "2101.00001", [PAPER]),
        ("Loud Anchors for Things", None, None, "2102.00002",
         ["https://arxiv.org/abs/2102.00002", "https://github.com/a/b"]),
        ("Soft-Anchors: Things Made Quiet", None, None, "2103.00003", ["https://arxiv.org/abs/2103.00003"]),
        (None, None, None, "2104.00004", ["https://arxiv.org/abs/2104.00004"]),  # a sentence names no title
    ]


# -- a paper linked from a heading -----------------------------------------------------------------------------


def test_a_paper_badge_in_the_documents_title_is_the_lists_own_paper() -> None:
    badge = "[![arXiv](https://img.shields.io/badge/arXiv-2405.00001-b31b1b.svg)](https://arxiv.org/abs/2405.00001)"
    stars = "[![Stars](https://img.shields.io/github/stars/a/b)](https://github.com/a/b)"
    text = f"# Awesome Quiet Anchors {badge} {stars}\n\n## Methods\n\n- [Loud Anchors]({PAPER})\n"
    rows, report = parse_document("x.md", text)
    assert [(r["line"], r["title"], r["arxiv_id"]) for r in rows] == [
        (1, "Awesome Quiet Anchors", "2405.00001"), (5, "Loud Anchors", "2101.00001")]
    # any other link of a heading is reported, as before
    assert [r["url"] for r in report if r["reason"] == "link in a heading"] == ["https://github.com/a/b"]


# -- venue headings that say more than the venue, and AAAI's own spelling -----------------------------------------


@pytest.mark.parametrize(("heading", "venue", "year"), [
    ("## ICCV 2023 Papers", "ICCV", 2023),
    ("## Accepted Papers of ICLR 2024", "ICLR", 2024),
    ("## Papers (NeurIPS 2023)", "NeurIPS", 2023),
    ("## CVPR 2022 Highlights", "CVPR", 2022),
    ("## AAAI-24", "AAAI", 2024),
    # a heading that says the papers are not at the venue gives none
    ("## Papers submitted to ICLR 2024", None, None),
    ("## Quiet Papers", None, None),
])
def test_a_venue_heading_with_more_words(heading: str, venue: str | None, year: int | None) -> None:
    rows, _ = parse_document("x.md", f"{heading}\n\n- [Quiet Anchors for Things]({PAPER})\n")
    assert [(r["venue"], r["year"]) for r in rows] == [(venue, year)]


def test_a_hyphen_and_two_digits_after_a_venue_are_its_year() -> None:
    rows, _ = parse_document("x.md", f"- [Quiet Anchors for Things]({PAPER}) (IJCAI-23)\n- [GPT-35 Things]({PAPER})\n")
    assert [(r["venue"], r["year"]) for r in rows] == [("IJCAI", 2023), (None, None)]


# -- what a review of the rules above found they must not do ------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    # an aside that is no status stays in the title; a submission names no venue
    (f"- [Ranking Things (Published Works)]({PAPER})", ("Ranking Things (Published Works)", None)),
    (f"- [Quiet Anchors (Submitted to ICML 2023)]({PAPER})", ("Quiet Anchors", None)),
    # a title that opens with a maintainer's verb is a title
    ("- Add-It: Object Insertion That Works, Ann Lee et al., CVPR 2025.", ("Add-It: Object Insertion That Works", "CVPR")),
    # a title in the text, then an introduction of another work: the text's title stays
    ("- Quiet Anchors for Things. Builds on the survey [Loud Anchors](https://github.com/x/loud). "
     f"[paper]({PAPER})", ("Quiet Anchors for Things", None)),
    # a venue, then an author's page, then the title in the text: no name as the title
    (f"- CVPR 2023 | [Ann Lee](https://annlee.github.io) et al. Quiet Anchors. [paper]({PAPER})", (None, "CVPR")),
    # two surnames and a year are cited names
    (f"- Okafor and Pell, 2022. [paper]({PAPER})", (None, None)),
])
def test_what_the_new_rules_leave_alone(line: str, expected: tuple) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["venue"]) for r in rows][:1] == [expected]


def test_readme_prose_with_a_label_link_is_no_entry() -> None:
    text = ("# Awesome Anchors\n\nCode released [code](https://github.com/a/b)\n\n"
            f"Please cite [paper]({PAPER})\n\nSurvey paper [arXiv]({PAPER})\n\n"
            "Maintained by Ann Lee [GitHub](https://github.com/annlee/annlee)\n\n"
            "Slides and recording [video](https://www.youtube.com/watch?v=abcdefghijk)\n")
    rows, _ = parse_document("x.md", text)
    assert all(r["title"] is None for r in rows)


# -- a version's label, and punctuation of other scripts ---------------------------------------------------------


def test_a_venue_versions_label_keeps_the_entrys_title() -> None:
    line = (f"- Quiet Anchors for Things, ICCV 2024 [[arXiv]({PAPER})] "
            "[[TPAMI extension](https://arxiv.org/abs/2412.00002)]")
    rows, report = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [("Quiet Anchors for Things", "2101.00001"),
                                                           (None, "2412.00002")]  # its own, not titled 'TPAMI ...'
    assert any("two different arXiv ids" in r["reason"] for r in report)


@pytest.mark.parametrize("line", [
    f"- Quiet Anchors for Things（ICCV 2023）：[论文链接]({PAPER})",
    f"- Quiet Anchors for Things, accepted by ICCV2023, paper: {PAPER} code: https://github.com/a/b",
])
def test_full_width_marks_and_a_status_clause(line: str) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [("Quiet Anchors for Things", "ICCV", 2023)]


def test_a_table_row_that_labels_the_rows_below() -> None:
    text = ("| Title | Venue | Paper |\n|---|---|---|\n| **2024** | | |\n"
            f"| Quiet Anchors for Things | CVPR | [arXiv]({PAPER}) |\n| **Loud Anchors** | | |\n"
            "| Soft Anchors for Things | ICCV 2023 | [arXiv](https://arxiv.org/abs/2102.00002) |\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["venue"], r["year"], r["section"]) for r in rows][:1] == [
        ("Quiet Anchors for Things", "CVPR", 2024, ["2024"])]
    # a bold name alone in a row may be a work: it labels nothing
    assert [r["section"] for r in rows if r["title"] == "Soft Anchors for Things"] == [["2024"]]


def test_paragraphs_of_a_plain_title_over_its_lines_and_label_links() -> None:
    text = (f"# Papers\n\nQuiet Anchors for Things  \nMira Okafor, Tomas Pell  \nMICCAI 2022  \n[paper]({PAPER})\n\n"
            "Loud Anchors for Things\n[[arXiv](https://arxiv.org/abs/2102.00002)] [[Code](https://github.com/a/b)] "
            "NeurIPS 2023\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Things", ["Mira Okafor", "Tomas Pell"], "MICCAI", 2022),
        ("Loud Anchors for Things", [], "NeurIPS", 2023)]


# -- a method's name in bold before the title link; names and venue on a sub-item -------------------------------


@pytest.mark.parametrize("line", [
    f"- **QuietNet** [Quiet Anchors for Panoptic Things]({PAPER}) (ICCV 2023)",
    f"- **Best Paper** — [Quiet Anchors for Panoptic Things]({PAPER}), ICCV 2023",
    f"- (QuietNet) [Quiet Anchors for Panoptic Things]({PAPER}) ICCV 2023",
])
def test_a_short_name_before_a_titled_link_is_a_tag(line: str) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["venue"]) for r in rows] == [("Quiet Anchors for Panoptic Things", "ICCV")]


def test_a_bold_title_before_a_label_link_stays_the_title() -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n- **Quiet Anchors** [paper]({PAPER})\n")
    assert [r["title"] for r in rows] == ["Quiet Anchors"]


def test_names_and_a_venue_on_a_sub_item_are_the_entrys() -> None:
    text = (f"- **Quiet Anchors for Things** [[Paper]]({PAPER})\n  - Mira Okafor, Tomas Pell. NeurIPS 2024.\n"
            "- **Loud Anchors for Things** [[Paper]](https://arxiv.org/abs/2102.00002)\n  - Mira Okafor, Tomas Pell. 2024.\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Things", ["Mira Okafor", "Tomas Pell"], "NeurIPS", 2024),
        ("Loud Anchors for Things", ["Mira Okafor", "Tomas Pell"], None, 2024)]  # the names are no venue


# -- a citation written before the title link; an aside after a citation ------------------------------------------


@pytest.mark.parametrize(("line", "authors"), [
    (f"- Okafor & Pell, 2016 — [Quiet Anchors for Things]({PAPER}) (ECCV 2016)", ["Okafor", "Pell"]),
    (f"- (Okafor et al., CVPR 2022) [Quiet Anchors for Things]({PAPER})", ["Okafor"]),
    (f"- **[Okafor et al. 2017]** [Quiet Anchors for Things]({PAPER}), CVPR.", ["Okafor"]),
    (f"- **Okafor & Pell (NeurIPS 2017)**: [Quiet Anchors for Things]({PAPER})", ["Okafor", "Pell"]),
    (f"- Mira Okafor. [Quiet Anchors for Things]({PAPER}). ICML 2024.", ["Mira Okafor"]),
    (f"- Mira Okafor, Tomas Pell — [Quiet Anchors for Things]({PAPER}) — ICML 2023", ["Mira Okafor", "Tomas Pell"]),
])
def test_a_citation_before_the_title_link(line: str, authors: list[str]) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"]) for r in rows] == [("Quiet Anchors for Things", authors)]


def test_an_aside_after_a_citation_is_no_title() -> None:
    line = f"- **Quiet Anchors: Things at Scale**. Mira Okafor et al. 2023. [Citations: 97] [paper]({PAPER})"
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("Quiet Anchors: Things at Scale", ["Mira Okafor"], 2023)]


def test_a_heading_over_names_a_venue_and_its_papers_id_as_a_link() -> None:
    text = ("### Quiet Anchors: Things at Scale\nMira Okafor, Tomas Pell, et al. NeurIPS 2022. "
            "[arXiv:2205.00001](https://arxiv.org/abs/2205.00001)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors: Things at Scale", ["Mira Okafor", "Tomas Pell"], "NeurIPS", "2205.00001")]


@pytest.mark.parametrize(("line", "title"), [
    # a bold name before a link that only says what the link is: the bold is the title
    ("- **QuietNet** [Paper and Code](https://arxiv.org/abs/2301.00111)", "QuietNet"),
    ("- **QuietNet** [Official implementation of the paper](https://github.com/a/b)", "QuietNet"),
    # a bracketed prefix that is part of the title
    (f"- (Re)Thinking Quiet Anchors for Things [paper]({PAPER})", "(Re)Thinking Quiet Anchors for Things"),
    (f"- (Almost) Free Quiet Anchors [paper]({PAPER})", "(Almost) Free Quiet Anchors"),
    # capitalised words after a comma are the title's
    (f"- [Quiet Everywhere, Accepted Nowhere: Lessons from Things]({PAPER})",
     "Quiet Everywhere, Accepted Nowhere: Lessons from Things"),
    ("- [Long Video Extension](https://arxiv.org/abs/2301.00112)", "Long Video Extension"),
])
def test_what_the_later_rules_leave_alone(line: str, title: str) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [r["title"] for r in rows][:1] == [title]


def test_sub_items_with_their_own_paper_links_stay_works_of_their_own() -> None:
    text = (f"- [Quiet Anchors for Things]({PAPER})\n"
            "  - Mira Okafor, Tomas Pell. NeurIPS 2024. [paper](https://arxiv.org/abs/2301.00031)\n"
            "  - Cy Dee, Ed Fox. ICML 2023. [paper](https://arxiv.org/abs/2301.00032)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [
        ([], None, None), (["Mira Okafor", "Tomas Pell"], "NeurIPS", 2024), (["Cy Dee", "Ed Fox"], "ICML", 2023)]


def test_a_heading_over_names_and_a_separator_or_over_field_lines() -> None:
    text = ("### Quiet Anchors for Things (NeurIPS 2022)\nMira Okafor et al. · [paper](https://arxiv.org/abs/2202.00001)\n\n"
            "### Loud Anchors for Things\n**Authors:** Mira Okafor, Tomas Pell\n**Venue:** ICLR 2024\n"
            "**Links:** [arXiv](https://arxiv.org/abs/2401.00002) | [Code](https://github.com/a/b)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Things", ["Mira Okafor"], "NeurIPS", 2022),
        ("Loud Anchors for Things", ["Mira Okafor", "Tomas Pell"], "ICLR", 2024)]


@pytest.mark.parametrize("tail", ["NEW", "🔥 hot", "*(also ICLR 2024)*"])
def test_a_tag_after_the_label_links_is_no_part_of_the_title(tail: str) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n- Quiet Anchors for Things [[paper]]({PAPER}) {tail}\n")
    assert [r["title"] for r in rows] == ["Quiet Anchors for Things"]


def test_initials_first_after_by_and_a_track_of_letters() -> None:
    text = (f"# Papers\n\n- [Quiet Anchors for Things]({PAPER}) by M. Okafor, T. Pell & C. Dee\n"
            "- [Loud Anchors for Things](https://arxiv.org/abs/2102.00002) [NeurIPS 2023 D&B]\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["authors"], r["venue"]) for r in rows] == [
        (["M. Okafor", "T. Pell", "C. Dee"], None), ([], "NeurIPS")]


def test_names_then_arxiv_and_a_year_under_the_title() -> None:
    text = f"- **Quiet Anchors for Things** [[Paper]]({PAPER})\n  - Mira Okafor, Tomas Pell. arXiv 2024.\n"
    rows, _ = parse_document("x.md", text)
    # the venue as the line states it, as "arXiv 2022. [[Paper](..)]" under a title gives it (session 14)
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [(["Mira Okafor", "Tomas Pell"], "arXiv", 2024)]


def test_task_list_items_under_a_bold_label_are_works_of_their_own() -> None:
    text = ("**Preprints (2024)**\n- [ ] [Quiet Anchors for Things](https://arxiv.org/abs/2405.00001)\n"
            "- [x] [Loud Anchors for Things](https://arxiv.org/abs/2405.00002)\n\n## Preprints (2023)\n\n"
            "- [Soft Anchors for Things](https://arxiv.org/abs/2305.00003)\n")
    rows, report = parse_document("x.md", text)
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Things", "2405.00001"), ("Loud Anchors for Things", "2405.00002"),
        ("Soft Anchors for Things", "2305.00003")]
    assert [r["year"] for r in rows][2:] == [2023]  # a heading of preprints gives its year
    assert not any("two different arXiv ids" in r["reason"] for r in report)


def test_fields_after_inline_breaks_are_clauses_of_their_own() -> None:
    text = (f"- [Quiet Anchors for Things]({PAPER}) <br> Mira Okafor, Tomas Pell <br> Nature Communications 2024\n"
            "- [Loud Anchors for Things](https://arxiv.org/abs/2102.00002) <br> Mira Okafor, Tomas Pell <br> "
            "*Medical Image Analysis*, 2023\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [
        (["Mira Okafor", "Tomas Pell"], "Nature Communications", 2024),
        (["Mira Okafor", "Tomas Pell"], "Medical Image Analysis", 2023)]


@pytest.mark.parametrize(("line", "expected"), [
    (f"- QuietNet [Quiet Anchors for Panoptic Things]({PAPER}) (ICCV 2023)",
     ("Quiet Anchors for Panoptic Things", "ICCV", 2023, None)),
    (f"- Added [Quiet Anchors for Panoptic Things]({PAPER}) (ICLR 2023)",
     ("Quiet Anchors for Panoptic Things", "ICLR", 2023, None)),
    (f"- (Oral) [Quiet Anchors for Panoptic Things]({PAPER}) (ICCV 2023)",
     ("Quiet Anchors for Panoptic Things", "ICCV", 2023, "Oral")),
    (f"- **Mar** [Quiet Anchors]({PAPER})", ("Quiet Anchors", None, None, None)),
    # two words before a label link stay the title
    (f"- Quiet Anchors [paper]({PAPER}) (ICCV 2023)", ("Quiet Anchors", "ICCV", 2023, None)),
])
def test_a_word_or_two_before_a_titled_paper_link_is_a_tag(line: str, expected: tuple) -> None:
    assert _read(line) == [expected]  # the word was the title


@pytest.mark.parametrize("quoted", ["«Quiet Anchors for Panoptic Things»", "„Quiet Anchors for Panoptic Things“"])
def test_titles_in_guillemets_and_low_quotes(quoted: str) -> None:
    rows, _ = parse_document("x.md", f"# P\n\n1. {quoted} (Lee u. a., ICLR 2023) — [arXiv]({PAPER})\n")
    assert [(r["title"], r["authors"], r["venue"]) for r in rows] == [("Quiet Anchors for Panoptic Things", ["Lee"],
                                                                        "ICLR")]


def test_by_names_before_a_venue_after_the_link() -> None:
    rows, _ = parse_document("x.md", f"# P\n\n- [Quiet Anchors for Panoptic Things]({PAPER}) by Lee et al., ICML 2024\n"
                                     f"- [Loud Anchors for Panoptic Stuff]({PAPER}) by Ann Lee and Bo Chan, _3DV 2021_\n")
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [(["Lee"], "ICML", 2024),
                                                                     (["Ann Lee", "Bo Chan"], "3DV", 2021)]


@pytest.mark.parametrize(("line", "expected"), [
    (f"- **NeurIPS 2020** Quiet Anchors for Panoptic Things. Lee et al. [[paper]]({PAPER})",
     ("Quiet Anchors for Panoptic Things", "NeurIPS", 2020, None)),
    (f"- **NeurIPS'20** Quiet Anchors for Panoptic Things [[paper]]({PAPER})",
     ("Quiet Anchors for Panoptic Things", "NeurIPS", 2020, None)),
    (f"- **CVPR 2022 Oral** Quiet Anchors for Panoptic Things [[paper]]({PAPER})",
     ("Quiet Anchors for Panoptic Things", "CVPR", 2022, "Oral")),
    (f"- *NeurIPS 2020* Quiet Anchors for Panoptic Things [[paper]]({PAPER})",
     ("Quiet Anchors for Panoptic Things", "NeurIPS", 2020, None)),
    (f"- **Jul 2019** — Lee & Chan sample with quiet anchors: [Quiet Anchors for Panoptic Things]({PAPER})",
     ("Quiet Anchors for Panoptic Things", None, 2019, None)),
    # a bold title before an italic venue stays the title
    (f"- **Quiet Anchors for Panoptic Things** *NeurIPS 2020* [[paper]]({PAPER})",
     ("Quiet Anchors for Panoptic Things", "NeurIPS", 2020, None)),
])
def test_a_venue_in_bold_or_italics_before_a_plain_title_is_an_aside(line: str, expected: tuple) -> None:
    assert _read(line) == [expected]


@pytest.mark.parametrize("line", [
    f"- **arXiv:2101.00001** · Quiet Anchors for Panoptic Things · NeurIPS 2022 [pdf]({PAPER})",
    f"- **2101.00001** Quiet Anchors for Panoptic Things (NeurIPS 2022) [pdf]({PAPER})",
    f"- *arXiv:2101.00001* Quiet Anchors for Panoptic Things (NeurIPS 2022) [pdf]({PAPER})",
])
def test_an_identifier_in_bold_or_italics_before_the_title_is_no_title(line: str) -> None:
    assert [r[0] for r in _read(line)] == ["Quiet Anchors for Panoptic Things"]
