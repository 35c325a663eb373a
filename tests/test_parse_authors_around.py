"""Authors written around other fields: before or after a bold venue (``, Ann Lee, Bo Chan, **ICASSP 2024**``,
``**(CVPR 2023)** Ann Lee``), after an ``Authors:`` label, on the line under the title, after the venue; and what
stands among names that is none (a platform, a journal, one two-word name in an aside)."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

PAPER = "https://arxiv.org/abs/2101.00001"


def _one(line: str) -> tuple:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert len(rows) == 1
    r = rows[0]
    return r["title"], r["authors"], r["venue"], r["year"]


@pytest.mark.parametrize(("line", "expected"), [
    (f"- [Quiet Anchors for Panoptic Things]({PAPER}), Mira Okafor, Jon Pell, **ICASSP 2024**",
     ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICASSP", 2024)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER}) - Mira Okafor, Jon Pell - **NeurIPS 2023**",
     ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "NeurIPS", 2023)),
    (f"- **QAP**: Quiet Anchors for Panoptic Things. Mira Okafor, Jon Pell. CVPR 2023. [paper]({PAPER})",
     ("QAP: Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "CVPR", 2023)),  # a bold title
])
def test_names_before_a_bold_venue(line: str, expected: tuple) -> None:
    assert _one(line) == expected


@pytest.mark.parametrize(("aside", "authors", "year"), [
    # one two-word name in an aside may be a person's or a method's ("(Magic Brush, NeurIPS 2023)"): not read
    ("(Mira Okafor, NeurIPS 2023)", [], 2023),
    ("(Magic Brush, NeurIPS 2023)", [], 2023),
    ("(Okafor & Pell, 2022)", ["Okafor", "Pell"], 2022),
    ("(Example Research, 2022)", [], 2022),  # an organisation
    ("(Stable Diffusion, 2022)", [], 2022),
    ("(Mira Okafor)", [], None),  # a name alone in an aside says nothing of its role
])
def test_names_in_an_aside_with_a_year_or_venue(aside: str, authors: list[str], year: int | None) -> None:
    title, found, _venue, found_year = _one(f"- [Quiet Anchors for Panoptic Things]({PAPER}) {aside}")
    assert (title, found, found_year) == ("Quiet Anchors for Panoptic Things", authors, year)


@pytest.mark.parametrize(("text", "expected"), [
    (f"- [Quiet Anchors for Panoptic Things]({PAPER}) (AAAI 2024) Authors: Mira Okafor, Jon Pell",
     (["Mira Okafor", "Jon Pell"], "AAAI", 2024)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER}) - Authors: Mira Okafor, Jon Pell - AAAI 2024",
     (["Mira Okafor", "Jon Pell"], "AAAI", 2024)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER})\n  - Authors: Mira Okafor, Jon Pell (equal contribution)",
     (["Mira Okafor", "Jon Pell"], None, None)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER})\n  Dora Lind. CVPR 2024.", (["Dora Lind"], "CVPR", 2024)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER})\n  Mira Okafor, Jon Pell, Sun Li. 3DV 2023.",
     (["Mira Okafor", "Jon Pell", "Sun Li"], "3DV", 2023)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER})\n  Mira Okafor, Jon Pell, Sun Li. Science 2023.",
     (["Mira Okafor", "Jon Pell", "Sun Li"], "Science", 2023)),
    (f"- [Quiet Anchors for Panoptic Things]({PAPER})\n  Trained on many images. CVPR 2024.", ([], "CVPR", 2024)),
])
def test_names_said_to_be_the_authors_or_on_the_line_under_the_title(text: str, expected: tuple) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{text}\n")
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("- [Quiet Anchors Explained](https://www.youtube.com/watch?v=aaaBBBccc11) - Dora Lind, PyData 2023",
     (["Dora Lind"], "PyData", 2023)),  # one person before a venue the table does not know
    ("- [Quiet Anchors Explained](https://medium.com/@dlind/quiet-anchors-9a8b7c), Dora Lind, Medium",
     (["Dora Lind"], None, None)),  # the platform is no author
    ("- Quiet Anchors for Panoptic Things. Mira Okafor, Jon Pell. *Chemical Reviews*, 2023.",
     (["Mira Okafor", "Jon Pell"], "Chemical Reviews", 2023)),  # an italic journal is no author
    (f"- [Quiet Anchors]({PAPER}) - Ilan Price, Nature Machine Intelligence 2023",
     ([], "Nature Machine Intelligence", 2023)),  # a journal the table does not know, after one name
    (f"- [Quiet Anchors]({PAPER}) - Ilan Price, Nature, 2024", ([], "Nature", 2024)),  # one name: maybe a method's
    (f"- [Quiet Anchors]({PAPER}) - Ilan Price, Physical Review Letters 2023", ([], "Physical Review Letters", 2023)),
])
def test_what_stands_among_names_is_not_a_name(text: str, expected: tuple) -> None:
    rows, _ = parse_document("x.md", f"# Works\n\n{text}\n")
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [expected]


@pytest.mark.parametrize(("rest", "authors"), [
    (", CVPR 2023, Mira Okafor et al.", ["Mira Okafor"]),
    (" - ICLR 2022 - Mira Okafor, Jon Pell", ["Mira Okafor", "Jon Pell"]),
    (" - ICLR 2022 - Official Code", []),
])
def test_names_after_the_venue(rest: str, authors: list[str]) -> None:
    rows, _ = parse_document("x.md", f"- [Quiet Anchors for Panoptic Things]({PAPER}){rest}\n")
    assert [(r["authors"], r["venue"]) for r in rows] == [(authors, rest.split()[1])]


@pytest.mark.parametrize(("names", "authors"), [
    ("Jean-Baptiste d'Alembert, Bo Li (2023)", ["Jean-Baptiste d'Alembert", "Bo Li"]),
    ("Ana de los Santos, Bo Li (2023)", ["Ana de los Santos", "Bo Li"]),
    ("Gurtej Kanwar¹, Michael S. Albergo², Phiala E. Shanahan¹", ["Gurtej Kanwar", "Michael S. Albergo",
                                                                   "Phiala E. Shanahan"]),
])
def test_particles_and_superscript_marks_in_names(names: str, authors: list[str]) -> None:
    rows, _ = parse_document("x.md", f"- [Quiet Anchors for Panoptic Things]({PAPER}) - {names}\n")
    assert [r["authors"] for r in rows] == [authors]


def test_names_going_on_to_the_next_line_and_code_tags_after_the_title() -> None:
    text = (f"- [Quiet Anchors for Panoptic Things]({PAPER}) - Mira Okafor, Jon Pell,\n"
            "  Dora Lind, Sun Li. ICLR 2024.\n"
            "- [Quiet Anchors WebUI](https://github.com/quiet/webui) `Python` `Gradio`\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [
        (["Mira Okafor", "Jon Pell", "Dora Lind", "Sun Li"], "ICLR", 2024), ([], None, None)]


def test_a_middle_initial_on_the_names_line_does_not_end_the_names() -> None:
    # "Cy T. Q. Wu" cut the names at "T."
    rows, _ = parse_document("x.md", "# P\n\n**Quiet Anchors for Panoptic Things**\nAnn Lee, Cy T. Q. Wu, Bo J. Chan, Dee Moss\n"
                                     "ICLR 2023 Spotlight\n")
    assert [(r["authors"], r["venue"]) for r in rows] == [(["Ann Lee", "Cy T. Q. Wu", "Bo J. Chan", "Dee Moss"], "ICLR")]


@pytest.mark.parametrize("more", ["…", "...", "et al."])
def test_names_ending_with_an_ellipsis_are_names(more: str) -> None:
    rows, _ = parse_document("x.md", f"# P\n\n- **Quiet Anchors for Panoptic Things** (Ann Lee, Bo Chan, Cy T. Wu, {more}) "
                                     "— [OpenReview](https://openreview.net/forum?id=abc123)\n")
    assert [r["authors"] for r in rows] == [["Ann Lee", "Bo Chan", "Cy T. Wu"]]


@pytest.mark.parametrize("line", [
    f"- **Ann C. Lee**, Bo Chan, Cy Wu. [Quiet Anchors for Panoptic Things]({PAPER}). ICCV 2023.",
    f"- Ann C. Lee\\*, Bo Chan\\*, Cy Wu. [Quiet Anchors for Panoptic Things]({PAPER}). ICCV 2023. [[bib]](bib/lee.bib)",
])
def test_a_lab_pages_names_before_the_linked_title(line: str) -> None:
    # the bold own name was the title; the starred names and a [bib] link made the line prose, without authors
    assert _one(line) == ("Quiet Anchors for Panoptic Things", ["Ann C. Lee", "Bo Chan", "Cy Wu"], "ICCV", 2023)


def test_a_line_of_names_over_a_bold_title() -> None:
    rows, _ = parse_document("x.md", "# P\n\n1. Ann Lee, Bo Chan, Cy T. Wu, and <u>Dee Moss</u>.\n"
                                     "   **Quiet Anchors for Panoptic Things**\n"
                                     f"   In *ICML*, 2022. [PDF]({PAPER})\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Ann Lee", "Bo Chan", "Cy T. Wu", "Dee Moss"], "ICML", 2022)]


def test_names_under_a_bold_title_before_a_dash_and_the_venue() -> None:
    rows, _ = parse_document("x.md", "# P\n\n- **Quiet Anchors for Panoptic Things**<br>\n  Ann Lee, Bo Chan, Cy Wu — *NeurIPS"
                                     f" 2020*<br>\n  [[Paper]]({PAPER}) [[Code]](https://github.com/lab/qa)\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Ann Lee", "Bo Chan", "Cy Wu"], "NeurIPS", 2020)]


def test_a_line_of_names_marked_with_an_emoji_under_a_bold_title() -> None:
    md = ("- 📄 **Foo Fields: Text-to-3D using 2D Models**\n"
          "  👥 Ann Lee, Bo Chan, Cy T. Dee\n"
          "  🏛️ ICLR 2023\n"
          "  🔗 [arXiv](https://arxiv.org/abs/2209.00001)\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Foo Fields: Text-to-3D using 2D Models", ["Ann Lee", "Bo Chan", "Cy T. Dee"], "ICLR", 2023)]


def test_names_on_a_line_of_an_html_title_cell() -> None:
    """An academic homepage's row: the linked title, then the names (the owner's in bold), the venue and links,
    each on a source line of one ``<td>``: the names were lost."""
    md = ('<table><tbody>\n<tr>\n<td style="padding:20px">\n<a href="https://arxiv.org/abs/2209.00001">\n'
          '<span class="papertitle">FooFusion: Text-to-3D using 2D Bar Models</span>\n</a>\n<br>\n'
          '<strong>Ann Lee</strong>, <a href="https://example.org/chan">Bo Chan</a>, Cy T. Dee\n<br>\n'
          '<em>ICLR</em>, 2023\n<br>\n'
          '<a href="https://foofusion.example.org/">project page</a>\n</td>\n</tr>\n</tbody></table>\n')
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("FooFusion: Text-to-3D using 2D Bar Models", ["Ann Lee", "Bo Chan", "Cy T. Dee"], "ICLR", 2023)]


@pytest.mark.parametrize(("md", "authors", "year"), [
    ("Some years later, Okafor and Pell (2019) proposed [quiet score networks](https://arxiv.org/abs/1907.00001).",
     ["Okafor", "Pell"], 2019),
    ("Okafor et al. (2020) showed with [QDPM](https://arxiv.org/abs/2006.00001) that this works.", ["Okafor"], 2020),
    ("We build on Quiet Diffusion (2022) and [Foo Models](https://arxiv.org/abs/2101.00001).", [], 2022),
])
def test_a_citation_in_running_text_before_a_link_gives_it_its_names(md: str, authors: list[str], year: int) -> None:
    """``Song and Ermon (2019) proposed [name](url)``: the year was given to the link, not the names; a name
    of one word before a year is no citation (a method's, a product's)."""
    rows, _ = parse_document("x.md", f"# Notes\n\n{md}\n")
    assert [(r["authors"], r["year"]) for r in rows] == [(authors, year)]


@pytest.mark.parametrize(("md", "authors", "year"), [
    ("The view of [Okafor et al. (2021b)](https://arxiv.org/abs/2011.00001) unified both.", ["Okafor"], 2021),
    ("Guidance began with [Okafor and Pell (2021)](https://arxiv.org/abs/2105.00002), then grew.",
     ["Okafor", "Pell"], 2021),
])
def test_a_link_whose_text_is_a_citation_gives_names_and_year_not_a_title(md: str, authors: list, year: int) -> None:
    """``[Song et al. (2021b)](url)``: the citation was the work's title; now it is untitled (enrichment
    fills the title) and the citation gives its names and year."""
    rows, _ = parse_document("x.md", f"# Notes\n\n{md}\n")
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [(None, authors, year)]


def test_names_with_their_affiliations_on_the_line_under_the_title() -> None:
    md = f"- [Quiet Anchors for Things]({PAPER})  \n  Ann Lee (UC Berkeley), Bo Chan (NYU) — ICCV 2023\n"
    rows, _ = parse_document("x.md", md)
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [(["Ann Lee", "Bo Chan"], "ICCV", 2023)]


@pytest.mark.parametrize(("names", "want"), [
    ("Ho & Salimans", ["Ho", "Salimans"]),
    ("Jonathan Ho, Tim Salimans", ["Jonathan Ho", "Tim Salimans"]),
])
def test_names_then_their_venue_after_a_comma_on_the_line_under_the_title(names: str, want: list[str]) -> None:
    assert _one(f"- [Classifier-Free Diffusion Guidance]({PAPER})\n  {names}, *NeurIPS Workshop 2021*") == (
        "Classifier-Free Diffusion Guidance", want, "NeurIPS Workshop", 2021)


def test_a_paper_heading_over_its_names_and_venue_then_notes_is_the_work() -> None:
    text = ("# Notes\n\n## Diffusion Models Beat GANs on Image Synthesis\n\n"
            f"Dhariwal & Nichol, *NeurIPS 2021* — [arXiv:2105.05233]({PAPER})\n\n"
            "- main idea: classifier guidance\n- results on ImageNet 256\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Diffusion Models Beat GANs on Image Synthesis", ["Dhariwal", "Nichol"], "NeurIPS", 2021)]


def test_the_authors_a_page_left_out_are_no_name() -> None:
    # Semantic Scholar's "+2 authors" between the first names and the last
    text = "# P\n\n**Quiet Anchors for Sampling**\nRobin Rombach, A. Blattmann, +2 authors Björn Ommer\nCVPR 2022\n"
    rows, _ = parse_document("x.md", text)
    assert [r["authors"] for r in rows] == [["Robin Rombach", "A. Blattmann", "Björn Ommer"]]


@pytest.mark.parametrize("heading", ["Week 3: Guidance", "To read next"])
def test_a_schedule_or_a_sentence_heading_over_names_and_venue_is_no_title(heading: str) -> None:
    text = (f"# Notes\n\n## {heading}\n\nDhariwal & Nichol, *NeurIPS 2021* — [arXiv:2105.05233]({PAPER})\n\n"
            "- classifier guidance\n")
    rows, _ = parse_document("x.md", text)
    assert [r["title"] for r in rows] == [None]
