"""The title rules of ``parse/titles.py`` on layouts written for these tests: what each entry's title is."""

from __future__ import annotations

import pytest

try:
    from parse_rows import fields
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields


@pytest.mark.parametrize(("md", "expected"), [
    ("- [x] 🟢 ~~Foo Models for Bar Synthesis~~ ✔️ finished 2024-03-10 (Lee, 2023) <https://arxiv.org/abs/2301.00001>",
     ("Foo Models for Bar Synthesis", ["Lee"], 2023)),
    ("- [ ] ~~Scalable Qux Models with Transformers~~ — done (Peebles & Xie, ICCV 2023)",
     ("Scalable Qux Models with Transformers", ["Peebles", "Xie"], 2023)),
])
def test_a_struck_title_is_read_without_the_status_after_it(md: str, expected: tuple) -> None:
    """A reading tracker strikes out what it has read and writes a status after it: the struck text is the title."""
    assert fields(md, "title", "authors", "year") == [expected]


def test_a_short_struck_word_before_a_linked_title_is_no_title() -> None:
    md = "- ~~Old~~ [Elucidating the Design Space of Foo Models](https://arxiv.org/abs/2206.00364)"
    assert fields(md, "title") == [("Elucidating the Design Space of Foo Models",)]


@pytest.mark.parametrize(("md", "title"), [
    ("1. **Foo Diffusion Models (FDM)** – *Lee, Chan (NeurIPS 2020)*", "Foo Diffusion Models"),
    ("- [Bar Fields for Scenes (NeRF-W)](https://arxiv.org/abs/2101.00001)", "Bar Fields for Scenes"),
    ("- Qux Guidance for Samplers (SD3) - ICLR 2021", "Qux Guidance for Samplers"),
    ("- [Hotshot-XL (text-to-GIF)](https://github.com/o/hotshot)", "Hotshot-XL (text-to-GIF)"),  # a description
    ("- [Foo Models (Extended Version)](https://arxiv.org/abs/2101.00002)", "Foo Models (Extended Version)"),
    # a nickname of two or three words, not a paper's form, a venue or a course
    ("- Latent Fooing Models for Bar Synthesis (Stable Fooing). Lee et al. CVPR 2022. [paper](https://arxiv.org/abs/2101.00003)",
     "Latent Fooing Models for Bar Synthesis"),
    ("- **Text-Conditional Foo Generation with Bar Latents (DALL-E 2)** [[arXiv](https://arxiv.org/abs/2101.00004)]",
     "Text-Conditional Foo Generation with Bar Latents"),
    ("- [Foo Models (Student Abstract)](https://arxiv.org/abs/2101.00005)", "Foo Models (Student Abstract)"),
    ("- [Foo Models (Short Paper)](https://arxiv.org/abs/2101.00006)", "Foo Models (Short Paper)"),
    ("- [Foo Models (In Chinese)](https://arxiv.org/abs/2101.00007)", "Foo Models (In Chinese)"),
    ("- [Lecture 3: Foo Models (Stanford CS236)](https://www.youtube.com/watch?v=abcdefghijk)",
     "Lecture 3: Foo Models (Stanford CS236)"),
    ("- [Foo Models (Bar Qux XL 1.0)](https://arxiv.org/abs/2101.00008)", "Foo Models (Bar Qux XL 1.0)"),  # 4 words
    # neither an acronym nor a word of the title: a journal, a page's label
    ("- Learning bars for foo (Nature Communications) [[paper](https://www.nature.com/articles/s41467-024-00001-1)]",
     "Learning bars for foo (Nature Communications)"),
])
def test_a_methods_acronym_after_its_title_is_no_part_of_it(md: str, title: str) -> None:
    """``Title (DDPM)``: the list's short name for the work; kept, the title would not match the work's other
    mentions by title (nor Semantic Scholar's)."""
    assert fields(md, "title") == [(title,)]


def test_news_of_a_work_is_no_work() -> None:
    """A project's README lists its news: "[2024.07.01] 🎉 FooNet is accepted by **ECCV 2024**!" was a paper
    titled by the sentence, with that venue; it is reported as news."""
    from diffdata.parse import parse_document

    md = ("# FooNet: Exploring Bar Models\n\n[![arXiv](https://img.shields.io/badge/arXiv-2401.00001-b31b1b.svg)]"
          "(https://arxiv.org/abs/2401.00001)\n\n## News\n\n- [2024.07.01] 🎉 FooNet is accepted by **ECCV 2024**!\n"
          "- [2024.02.15] We release the training code.\n")
    rows, report = parse_document("x.md", md)
    assert [r["title"] for r in rows] == ["FooNet: Exploring Bar Models"]
    assert [(r["line"], r["reason"]) for r in report if "news" in r["reason"]] == [
        (7, "news of a work, not a work"), (8, "news of a work, not a work")]


@pytest.mark.parametrize(("md", "expected"), [
    ("- Foo Restoration Models (NeurIPS 2022) [[paper]](https://arxiv.org/abs/2201.00001) "
     "[[code]](https://github.com/a/foo) ⭐ 540", ("Foo Restoration Models", 2022, "NeurIPS")),
    ("- Score-based foo models for MRI (MedIA 2022) [paper](https://arxiv.org/abs/2110.00001) ⭐1.2k",
     ("Score-based foo models for MRI", 2022, "MedIA")),
])
def test_a_star_count_after_the_labels_is_no_part_of_the_title(md: str, expected: tuple) -> None:
    """``⭐ 540`` after an unlinked title's label links: the count was joined to the title, and the aside
    before the links stayed in it."""
    assert fields(md, "title", "year", "venue") == [expected]


@pytest.mark.parametrize(("md", "title"), [
    ("- **FooT**: FooT: Exploring Bar Models with Scalable Transformers ([2401.00001](https://arxiv.org/abs/2401.00001), "
     "ECCV 2024)", "FooT: Exploring Bar Models with Scalable Transformers"),
    ("- **QUX**: Representation Alignment for Foo: Training Bar Models Is Easier ([2410.00002]"
     "(https://arxiv.org/abs/2410.00002), ICLR 2025)", "Representation Alignment for Foo: Training Bar Models Is Easier"),
    ("- **FooNet**: Video Editing via Masked Bar Models [[paper](https://arxiv.org/abs/2312.00003)]",
     "FooNet: Video Editing via Masked Bar Models"),  # the name is the title's head
])
def test_a_bold_name_before_a_whole_title(md: str, title: str) -> None:
    """``**SiT**: SiT: ...``: the title after the name has a head of its own; the name was put before it again."""
    assert fields(md, "title") == [(title,)]


def test_and_colleagues_is_et_al() -> None:
    md = ("- “Simple foo: End-to-end foo for high resolution bars”, by Mira Okafor and colleagues, ICML 2023. "
          "https://arxiv.org/abs/2301.00001")
    assert fields(md, "title", "authors") == [("Simple foo: End-to-end foo for high resolution bars", ["Mira Okafor"])]


def test_a_teasers_alt_text_titles_the_work_it_links() -> None:
    """A gallery of teaser images, each linking its paper: the alt text is the title (the page's heading was
    given to every one of them); a badge's alt text is not."""
    from diffdata.parse import parse_document

    md = ("# Gallery\n\n[![FooBooth: Fine Tuning Bar Models for Subject-Driven Generation](assets/fb.jpg)]"
          "(https://arxiv.org/abs/2208.00001)\n\n- [![Quxic: Text-Based Real Image Editing with Foo Models]"
          "(assets/q.png)](https://arxiv.org/abs/2210.00002) CVPR 2023\n"
          "- [![Open the paper on arXiv now](https://img.shields.io/badge/arXiv-2210.00003-red.svg)]"
          "(https://arxiv.org/abs/2210.00003) Soft Anchors for Things\n")
    rows, _ = parse_document("x.md", md)
    assert [(r["title"], r["venue"]) for r in rows] == [
        ("FooBooth: Fine Tuning Bar Models for Subject-Driven Generation", None),
        ("Quxic: Text-Based Real Image Editing with Foo Models", "CVPR"), ("Soft Anchors for Things", None)]



@pytest.mark.parametrize(("md", "title"), [
    ('- QDM [paper][1] (Lee et al., NeurIPS 2020)\n\n[1]: https://arxiv.org/abs/2006.00001 "Quiet Diffusion Models"\n',
     "Quiet Diffusion Models"),
    ('- [paper](https://arxiv.org/abs/2210.00002 "Quxic: Text-Based Real Image Editing") · CVPR 2023\n',
     "Quxic: Text-Based Real Image Editing"),
    ('- **Parti-Small** [paper](https://arxiv.org/abs/2206.00003 "Parti Small paper") (TMLR 2023)\n', "Parti-Small"),
    ('- [Quiet Anchors](https://arxiv.org/abs/2210.00004 "Open it in a new tab")\n', "Quiet Anchors"),
])
def test_a_label_links_title_attribute_titles_the_entry(md: str, title: str) -> None:
    """``[paper](url "Title")`` and ``[1]: url "Title"``: the title was the short name before the label, or
    none; a tooltip naming the link ("... paper") or on a titled link changes nothing."""
    from diffdata.parse import parse_document

    rows, _ = parse_document("x.md", f"# P\n\n{md}")
    assert [r["title"] for r in rows] == [title]


@pytest.mark.parametrize(("md", "title"), [
    ("- [PixArt-$\\alpha$: Quiet Anchors](https://arxiv.org/abs/2310.00001) (ICLR 2024)", "PixArt-α: Quiet Anchors"),
    ("- [$\\infty$-Diff: Quiet Anchors](https://arxiv.org/abs/2310.00001)", "∞-Diff: Quiet Anchors"),
    # a formula pylatexenc cannot read, and one without a command, stay as written
    ("- [A $\\foo$ Title About $k$ Things](https://arxiv.org/abs/2310.00001)", "A $\\foo$ Title About $k$ Things"),
])
def test_latex_in_a_title_is_read_as_the_characters_it_prints(md: str, title: str) -> None:
    assert fields(md, "title") == [(title,)]


@pytest.mark.parametrize("md", [
    "- 🎙️ **Ep. 01** (2023-02-15): [Quiet Anchors for Things](https://arxiv.org/abs/2006.00001) — Ann Lee (NeurIPS 2020)",
    "- **Week 3** (2023-02-15): [Quiet Anchors for Things](https://arxiv.org/abs/2006.00001) (NeurIPS 2020)",
])
def test_a_label_before_the_title_is_no_part_of_it(md: str) -> None:
    assert fields(md, "title", "venue", "year") == [("Quiet Anchors for Things", "NeurIPS", 2020)]


@pytest.mark.parametrize(("line", "title"), [
    # a bold run of plain words that the title goes on after, with no separator
    ("- **Quiet Anchors** for Panoptic Things (NeurIPS 2022) [[pdf]](https://arxiv.org/abs/2201.11793)",
     "Quiet Anchors for Panoptic Things"),
    ("- **Quiet Anchors for Panoptic Things** NeurIPS 2022 [pdf](https://arxiv.org/abs/2201.11793)",
     "Quiet Anchors for Panoptic Things"),  # a venue after the bold title is no part of it
    ("- **QADM** Quiet Anchors for Panoptic Things (NeurIPS 2022) [[pdf]](https://arxiv.org/abs/2201.11793)",
     "QADM"),  # a method's name before words: not joined (as before)
    ("- **Best Paper** Quiet Anchors for Panoptic Things (CVPR 2023) [[pdf]](https://arxiv.org/abs/2201.11793)",
     "Best Paper"),  # an award: not joined (as before)
])
def test_a_title_only_partly_bold(line: str, title: str) -> None:
    assert fields(f"# Papers\n\n{line}\n", "title") == [(title,)]


def test_a_paragraph_of_a_bold_method_name_and_its_title_then_names_and_venue() -> None:
    md = ("# Papers\n\n**QuietDet**: Quiet Anchors for Panoptic Things <br>\n*Mira Okafor, Jon Pell* <br>\n"
          "ICCV 2023. [[Paper](https://arxiv.org/abs/2211.09788)] <br>\n\n"
          "**Update**: Added Papers From CVPR 2024 <br>\nSee [the CVPR list](https://cvpr.thecvf.com/).\n")
    assert fields(md, "title", "authors", "venue", "year") == [
        ("QuietDet: Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICCV", 2023)]


@pytest.mark.parametrize(("md", "expected"), [
    ("- <code>ICML 2022</code> Quiet Anchors for Panoptic Things. Mira Okafor, Jon Pell. "
     "[[paper]](https://arxiv.org/abs/2205.09991)", ("Quiet Anchors for Panoptic Things", "ICML", 2022)),
    ("- <kbd>CVPR 2023</kbd> Quiet Anchors for Panoptic Things [[paper]](https://arxiv.org/abs/2205.09991)",
     ("Quiet Anchors for Panoptic Things", "CVPR", 2023)),
    # a method's name in a code span before a colon is the title's start, in markdown or HTML
    ("- `FooNet`: Quiet Anchors for Panoptic Things [[paper]](https://arxiv.org/abs/2205.09991)",
     ("FooNet: Quiet Anchors for Panoptic Things", None, None)),
    ("- <code>FooNet</code>: Quiet Anchors for Panoptic Things [[paper]](https://arxiv.org/abs/2205.09991)",
     ("FooNet: Quiet Anchors for Panoptic Things", None, None)),
    ("- `FooNet` Quiet Anchors for Panoptic Things [[paper]](https://arxiv.org/abs/2205.09991)",  # a tag, as before
     ("Quiet Anchors for Panoptic Things", None, None)),
])
def test_a_venue_tag_in_html_code_and_a_methods_name_before_a_colon(md: str, expected: tuple) -> None:
    assert fields(md, "title", "venue", "year") == [expected]


@pytest.mark.parametrize(("md", "expected"), [
    ('- Okafor et al., "[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2006.11239)." NeurIPS 2020.',
     ("Quiet Anchors for Panoptic Things", ["Okafor"], "NeurIPS")),
    ('- Okafor, Pell and Stam. "[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2006.11239)", NeurIPS 2020.',
     ("Quiet Anchors for Panoptic Things", ["Okafor", "Pell", "Stam"], "NeurIPS")),
    ('- Required: Okafor et al., "[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2006.11239)." NeurIPS 2020.',
     ("Quiet Anchors for Panoptic Things", ["Okafor"], "NeurIPS")),
    ("- Required: Quiet Anchors for Panoptic Things. Mira Okafor, Jon Pell. *ICLR*, 2021. "
     "[[pdf]](https://arxiv.org/pdf/2010.02502.pdf)", ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICLR")),
    ("- *Optional*: Quiet Anchors for Panoptic Things. Mira Okafor, Jon Pell. *ICLR*, 2021. "
     "[[pdf]](https://arxiv.org/pdf/2010.02502.pdf)", ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICLR")),
])
def test_a_course_reading_quoted_after_its_names_or_labelled_required(md: str, expected: tuple) -> None:
    assert fields(md, "title", "authors", "venue") == [expected]


@pytest.mark.parametrize(("md", "title"), [
    ("- **[2025.01.07]** Acme releases [Quiet Anchors](https://arxiv.org/abs/2501.03575) world models!", "Quiet Anchors"),
    ("- **[2024.05.20]** Added [Quiet Anchors](https://arxiv.org/abs/2405.12399) (NeurIPS 2024 Spotlight).",
     "Quiet Anchors"),
])
def test_news_of_the_list_that_links_a_paper_is_titled_by_the_link(md: str, title: str) -> None:
    assert fields(md, "title") == [(title,)]
