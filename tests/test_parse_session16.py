"""Session 16's parser cases: a paper's card under a heading of two words, and what a list states read the same
whatever way its markdown is written (line endings, list markers, indentation, link forms, wrapping)."""

from __future__ import annotations

import re

import pytest

from diffdata.parse.names import looks_like_names

try:
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields, parse

A1, A2, A3 = "https://arxiv.org/abs/2303.01469", "https://arxiv.org/abs/2210.02747", "https://arxiv.org/abs/2303.01468"
CODE = "https://github.com/example/consistency"


def test_a_two_word_heading_over_names_and_a_venue_line_is_the_papers_title() -> None:
    md = (f"## 2023\n\n### Consistency Models\n*Yang Song, Prafulla Dhariwal*\nICML 2023 · [arXiv]({A1}) · "
          f"[Code]({CODE})\n\n### Flow Matching for Generative Modeling\n*Yaron Lipman, Ricky Chen*\n"
          f"ICLR 2023 · [arXiv]({A2})\n")
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Consistency Models", ["Yang Song", "Prafulla Dhariwal"], "ICML", 2023),
        ("Flow Matching for Generative Modeling", ["Yaron Lipman", "Ricky Chen"], "ICLR", 2023)]


def test_a_two_word_method_heading_over_a_venue_line_alone_is_the_papers_title() -> None:
    assert fields(f"# L\n\n### Dream Booth\nCVPR 2023 · [arXiv]({A3})\n", "title", "venue") == [("Dream Booth", "CVPR")]


@pytest.mark.parametrize("heading", ["Consistency Models", "Image Editing"])
def test_a_two_word_topic_heading_over_a_venue_line_alone_titles_nothing(heading: str) -> None:
    """A plural or a topic word may be the section of an untitled paper: its words are no title."""
    assert fields(f"# L\n\n### {heading}\n\nCVPR 2023 · [Paper]({A3})\n", "title", "section") == [(None, [heading])]


def test_a_two_word_heading_over_two_cards_is_their_section() -> None:
    md = f"# L\n\n### Image Editing\n*Ann Lee, Bo Chan*\nCVPR 2023 · [arXiv]({A1})\n\nICCV 2023 · [arXiv]({A2})\n"
    assert [r["title"] for r in parse(md)[0]] == [None, None]


# Lists in several layouts, each written by hand for this test, and what a reader takes from them.
LAYOUTS = {
    "bullets": (
        "## Image generation\n\n"
        "- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239), Jonathan Ho, Ajay Jain, "
        "NeurIPS 2020. [[code](https://github.com/example/ddpm)]\n"
        "- [Score-Based Generative Modeling through Stochastic Differential Equations]"
        "(https://arxiv.org/abs/2011.13456) - Yang Song, Jascha Sohl-Dickstein. ICLR 2021 (Oral)\n"
        "- **Elucidating the Design Space of Diffusion-Based Generative Models** \\\n"
        "  Tero Karras, Miika Aittala \\\n"
        "  NeurIPS 2022. [[Paper](https://arxiv.org/abs/2206.00364)] [[Code](https://github.com/example/edm)]\n",
        [("Denoising Diffusion Probabilistic Models", ("Jonathan Ho", "Ajay Jain"), 2020, "NeurIPS", "2006.11239"),
         ("Score-Based Generative Modeling through Stochastic Differential Equations",
          ("Yang Song", "Jascha Sohl-Dickstein"), 2021, "ICLR", "2011.13456"),
         ("Elucidating the Design Space of Diffusion-Based Generative Models", ("Tero Karras", "Miika Aittala"),
          2022, "NeurIPS", "2206.00364")]),
    "table": (
        "# Video diffusion\n\n| Title | Venue | Year | Links |\n|---|---|---|---|\n"
        "| Video Diffusion Models | NeurIPS | 2022 | [arXiv](https://arxiv.org/abs/2204.03458) |\n"
        "| Imagen Video: High Definition Video Generation | arXiv | 2022 | [paper](https://arxiv.org/abs/2210.02303)"
        " [project](https://example.org/video/) |\n",
        [("Video Diffusion Models", (), 2022, "NeurIPS", "2204.03458"),
         ("Imagen Video: High Definition Video Generation", (), 2022, "arXiv", "2210.02303")]),
    "cards": (
        "## 2023\n\n### Consistency Models for One-Step Sampling\n*Yang Song, Mark Chen*\n"
        f"ICML 2023 · [arXiv]({A1}) · [Code]({CODE})\n\n"
        f"### Flow Matching for Generative Modeling\n*Yaron Lipman, Ricky Chen*\nICLR 2023 · [arXiv]({A2})\n",
        [("Consistency Models for One-Step Sampling", ("Yang Song", "Mark Chen"), 2023, "ICML", "2303.01469"),
         ("Flow Matching for Generative Modeling", ("Yaron Lipman", "Ricky Chen"), 2023, "ICLR", "2210.02747")]),
    "notes": (
        "Reading notes.\n\n"
        "- **[Classifier-Free Diffusion Guidance](https://arxiv.org/abs/2207.12598)** (Ho & Salimans, NeurIPS "
        "Workshop 2021)\n"
        "- **[High-Resolution Image Synthesis with Latent Diffusion Models](https://arxiv.org/abs/2112.10752)** "
        "(Rombach et al., CVPR 2022)\n"
        "  - TL;DR: diffusion in the latent space of an autoencoder.\n"
        "- A blog post: [What are Diffusion Models?](https://example.github.io/posts/diffusion/) by Ann Weng (2021)\n",
        [("Classifier-Free Diffusion Guidance", ("Ho", "Salimans"), 2021, "NeurIPS Workshop", "2207.12598"),
         ("High-Resolution Image Synthesis with Latent Diffusion Models", ("Rombach",), 2022, "CVPR", "2112.10752"),
         ("What are Diffusion Models?", ("Ann Weng",), 2021, None, None)]),
    "fields": (
        "## Papers\n\n- Paper: Scalable Diffusion Models with Transformers\n"
        "  - Authors: William Peebles, Saining Xie\n  - Venue: ICCV 2023\n  - Link: https://arxiv.org/abs/2212.09748\n"
        "- [2023] **Adding Conditional Control to Text-to-Image Diffusion Models** "
        "[[paper]](https://arxiv.org/abs/2302.05543) [[code]](https://github.com/example/control) `ICCV`\n",
        [("Scalable Diffusion Models with Transformers", ("William Peebles", "Saining Xie"), 2023, "ICCV", "2212.09748"),
         ("Adding Conditional Control to Text-to-Image Diffusion Models", (), 2023, "ICCV", "2302.05543")]),
}


def _wrap_items(md: str, width: int = 80) -> str:
    """Each item's line longer than ``width`` cut at the last space before it, outside brackets, and again on the
    rest, as an editor that wraps text does (a hard-wrapped list)."""
    out = []
    for line in md.split("\n"):
        m = re.match(r"(\s*)[-*+] ", line)
        while m and len(line) > width and not line.rstrip().endswith("\\"):
            depth, cut = 0, None
            for i, ch in enumerate(line[:width]):
                depth += 1 if ch in "[(<`" else (-1 if ch in "])>`" and depth else 0)
                if ch == " " and not depth and i >= m.end():
                    cut = i
            if cut is None:
                break
            out.append(line[:cut])
            line = " " * m.end() + line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def _reference_links(md: str) -> str:
    """Every inline link made a reference link, defined at the end."""
    urls: dict[str, int] = {}
    body = re.sub(r"\]\((https?://[^()\s]+)\)", lambda m: f"][r{urls.setdefault(m.group(1), len(urls) + 1)}]", md)
    return body.rstrip("\n") + "\n\n" + "".join(f"[r{n}]: {u}\n" for u, n in urls.items())


REWRITES = {
    "CRLF line endings": lambda md: md.replace("\n", "\r\n"),
    "'*' markers": lambda md: re.sub(r"(?m)^(\s*)- ", r"\1* ", md),
    "'+' markers": lambda md: re.sub(r"(?m)^(\s*)- ", r"\1+ ", md),
    "numbered items": lambda md: re.sub(r"(?m)^- ", "1. ", md),
    "three spaces after the marker": lambda md: re.sub(r"(?m)^(\s*)- ", r"\1-   ", md),
    "blank lines between items": lambda md: re.sub(r"(?m)^(- .*)\n(?=- )", r"\1\n\n", md),
    "a space at each line's end": lambda md: re.sub(r"(?m)([^\s\\])$", r"\1 ", md),
    "everything indented by two": lambda md: re.sub(r"(?m)^(?=\S)", "  ", md),
    "links in angle brackets": lambda md: re.sub(r"\]\((https?://[^()\s]+)\)", r"](<\1>)", md),
    "reference links": _reference_links,
    "closing hashes on headings": lambda md: re.sub(r"(?m)^(#{1,6} .*\S)\s*$", r"\1 ##", md),
    "__bold__": lambda md: re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"__\1__", md),
    "no-break spaces in link texts": lambda md: re.sub(r"\[([^\]\[\n]+)\]\(", lambda m: "[" + m.group(1).replace(
        " ", "\u00a0") + "](", md),
    "HTML anchors": lambda md: re.sub(r"(?<![!\[])\[([^\]\[\n]+)\]\((https?://[^()\s]+)\)", r'<a href="\2">\1</a>', md),
    "arXiv pdf links": lambda md: re.sub(r"arxiv\.org/abs/(\d{4}\.\d{4,5})", r"arxiv.org/pdf/\1", md),
    "hard-wrapped items": _wrap_items,
    "a title and a paragraph before": lambda md: "# A list\n\nSome words about it.\n\n" + md,
}


def _reading(md: str) -> list[tuple]:
    return [(r["title"], tuple(r["authors"]), r["year"], r["venue"], r["arxiv_id"]) for r in parse(md)[0]]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_layout_reads_as_a_person_reads_it(layout: str) -> None:
    md, expected = LAYOUTS[layout]
    assert _reading(md) == expected


@pytest.mark.parametrize("rewrite", sorted(REWRITES))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_writing_the_same_list_another_way_reads_the_same(layout: str, rewrite: str) -> None:
    md, expected = LAYOUTS[layout]
    written = REWRITES[rewrite](md)
    if written == md:
        pytest.skip(f"{rewrite}: nothing to rewrite in this layout")
    assert _reading(written) == expected


def test_a_wiki_link_to_a_citation_key_is_titled_by_its_alias() -> None:
    md = ("# Notes\n\n- [[@ho2020denoising|Denoising Diffusion Probabilistic Models]] (NeurIPS 2020) "
          "[pdf](https://arxiv.org/pdf/2006.11239)\n- [[Quiet Anchors for Panoptic Things|QAPT]] (2021) "
          "[pdf](https://arxiv.org/pdf/2101.00001)\n")
    assert fields(md, "title", "venue") == [("Denoising Diffusion Probabilistic Models", "NeurIPS"),
                                            ("Quiet Anchors for Panoptic Things", None)]


def test_label_links_written_as_reference_links_are_labels() -> None:
    """``[[paper]][r1]`` is a link (text ``[paper]``, address r1's), no wiki link."""
    md = ("- [2023] **Adding Conditional Control to Diffusion Models** [[paper]][r1] [[code]][r2] `ICCV`\n\n"
          "[r1]: https://arxiv.org/abs/2302.05543\n[r2]: https://github.com/example/control\n")
    rows, _ = parse(md)
    assert [(r["title"], r["year"], r["venue"], r["arxiv_id"], len(r["links"])) for r in rows] == [
        ("Adding Conditional Control to Diffusion Models", 2023, "ICCV", "2302.05543", 2)]


def test_a_papers_fields_as_items_beside_its_title_label_are_its_own() -> None:
    """``1. Paper: Title`` then ``  - Authors: ...``: two spaces do not nest under ``1.``; the items are still
    the paper's fields."""
    md = ("1. Paper: Scalable Diffusion Models with Transformers\n  - Authors: William Peebles, Saining Xie\n"
          "  - Venue: ICCV 2023\n  - Link: https://arxiv.org/abs/2212.09748\n"
          "2. Paper: Flow Matching for Generative Modeling\n  - Venue: ICLR 2023\n"
          "  - Link: https://arxiv.org/abs/2210.02747\n")
    assert fields(md, "title", "authors", "venue", "arxiv_id") == [
        ("Scalable Diffusion Models with Transformers", ["William Peebles", "Saining Xie"], "ICCV", "2212.09748"),
        ("Flow Matching for Generative Modeling", [], "ICLR", "2210.02747")]


@pytest.mark.parametrize(("md", "authors"), [
    ("- [Score-Based Generative Modeling](https://arxiv.org/abs/2011.13456) - Yang\n  Song, Jascha Sohl-Dickstein. "
     "ICLR 2021\n", ["Yang Song", "Jascha Sohl-Dickstein"]),
    ("- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239), Jonathan Ho,\n  Ajay Jain, "
     "Pieter Abbeel, NeurIPS 2020.\n", ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"]),
    ("- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239), Jonathan\n  Ho, Ajay Jain, "
     "NeurIPS 2020. [[code](https://github.com/example/ddpm)]\n", ["Jonathan Ho", "Ajay Jain"]),
    ("- [Scalable Diffusion Models with Transformers](https://arxiv.org/abs/2212.09748)\n  - Authors: William "
     "Peebles,\n    Saining Xie\n  - Venue: ICCV 2023\n", ["William Peebles", "Saining Xie"]),
    ("- Authors: William Peebles,\n  Saining Xie\n- Paper: [Scalable Diffusion Models](https://arxiv.org/abs/2212.09748)"
     "\n", None),
])
def test_names_wrapped_onto_the_next_line_are_read_whole(md: str, authors: list[str] | None) -> None:
    rows, _ = parse(md)
    if authors is not None:
        assert [r["authors"] for r in rows] == [authors]
    else:  # an item of its own, before the paper: no names lost into a work of their own
        assert all("Saining" not in (r["title"] or "") for r in rows)


def test_a_summary_over_items_linking_two_papers_is_their_section() -> None:
    """``- **FooNet: Foo ...** [badge]`` reads as a field (``Name: value``); two such items are two works."""
    badge = "[![arXiv](https://img.shields.io/badge/arXiv-{0}-b31b1b.svg)](https://arxiv.org/abs/{0})"
    md = ("<details><summary>Image Editing</summary>\n\n"
          f"- **FooNet: Foo Fields for Scenes** (ICLR 2023) {badge.format('2308.02837')}\n"
          f"- **Bar Fields for Video** (NeurIPS 2024) {badge.format('2412.12492')}\n</details>\n")
    assert fields(md, "title", "venue", "year", "section") == [
        ("FooNet: Foo Fields for Scenes", "ICLR", 2023, ["Image Editing"]),
        ("Bar Fields for Video", "NeurIPS", 2024, ["Image Editing"])]


def test_a_citation_under_its_entry_fills_it_and_is_no_second_work() -> None:
    md = ("## Papers\n\n- [Foo Fields for Scenes](https://arxiv.org/abs/2401.00001) (ICASSP 2024)\n\n"
          "  ```bibtex\n  @inproceedings{lee2024foo, title={Foo Fields for Scenes},\n"
          "    author={Lee, Ann and Chan, Bo}, booktitle={ICASSP}, year={2024} }\n  ```\n\n"
          "- [Bar Fields for Video](https://arxiv.org/abs/2401.00002)\n\n"
          "  ```bibtex\n  @article{other2024, title={Another Paper Entirely}, author={Dee, Cy}, year={2024} }\n  ```\n")
    rows, report = parse(md)
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Foo Fields for Scenes", ["Lee, Ann", "Chan, Bo"], "ICASSP", 2024, "2401.00001"),
        ("Bar Fields for Video", [], None, None, "2401.00002"),
        ("Another Paper Entirely", ["Dee, Cy"], None, 2024, None)]  # another title: a work of its own
    assert [r["line"] for r in report if r["reason"].startswith("citation of the entry above")] == [6]


def test_empty_year_and_venue_cells_left_of_the_title_are_the_rows_above() -> None:
    md = ("| Year | Venue | Paper |\n|---|---|---|\n| 2024 | CVPR | [Foo Fields](https://arxiv.org/abs/2401.00001) |\n"
          "|  |  | [Bar Fields](https://arxiv.org/abs/2401.00002) |\n"
          "|  | NeurIPS | [Baz Fields](https://arxiv.org/abs/2401.00003) |\n\n"
          "| Paper | Venue | Year |\n|---|---|---|\n| [Foo Two](https://arxiv.org/abs/2401.00004) | CVPR | 2024 |\n"
          "| [Bar Two](https://arxiv.org/abs/2401.00005) |  |  |\n")
    assert fields(md, "title", "venue", "year") == [
        ("Foo Fields", "CVPR", 2024), ("Bar Fields", "CVPR", 2024), ("Baz Fields", "NeurIPS", 2024),
        ("Foo Two", "CVPR", 2024), ("Bar Two", None, None)]  # right of the title, an empty cell says nothing


def test_a_venue_written_in_full_labels_the_items_under_it() -> None:
    md = ("## 2023\n\n- **International Conference on Learning Representations**\n"
          "  - [Quiet Anchors for Stuff](https://arxiv.org/abs/2301.00002) — A. Lee\n\n"
          "## Medical Image Analysis\n\n- [Med Anchors for Stuff](https://arxiv.org/abs/2301.00004)\n")
    assert fields(md, "venue", "year") == [("International Conference on Learning Representations", 2023),
                                           (None, None)]  # a journal's name that is also a topic's: no venue


def test_the_year_after_a_venues_full_name_and_acronym() -> None:
    md = ("- Quiet Anchors for Things\n  - Venue: Proceedings of the IEEE/CVF Conference on Computer Vision and "
          "Pattern Recognition (CVPR), 2024\n  - Link: https://arxiv.org/abs/2301.00009\n")
    assert fields(md, "title", "venue", "year") == [("Quiet Anchors for Things", "CVPR", 2024)]


@pytest.mark.parametrize("md", [
    "- **Quiet Anchors for Things**\n  - Ann Lee, Bo Chan — ICLR 2023\n  - [paper](https://arxiv.org/abs/2301.00001)\n",
    "- Quiet Anchors for Things\n  - Ann Lee, Bo Chan, ICLR 2023\n  - https://arxiv.org/abs/2301.00001\n",
    "* Quiet Anchors for Things\n    + Ann Lee, Bo Chan · ICLR 2023 · [arXiv:2301.00001](https://arxiv.org/abs/2301.00001)\n",
])
def test_a_title_over_sub_items_of_names_venue_and_link_is_one_work(md: str) -> None:
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Quiet Anchors for Things", ["Ann Lee", "Bo Chan"], "ICLR", 2023, "2301.00001")]


def test_names_and_venue_under_a_titled_link_are_its_own() -> None:
    md = ("+ [Flow Matching Sol](https://arxiv.org/abs/2111.03259)\n  - Ann Zhao, Bo Abernathy — ICLR 2021\n"
          "  - TL;DR: straight paths, fewer steps\n")
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Flow Matching Sol", ["Ann Zhao", "Bo Abernathy"], "ICLR", 2021)]


def test_a_plain_title_over_names_and_a_venue_line_is_one_work() -> None:
    md = ("Revisiting Rectified Flows in Molecule Generation  \nP. Kaur  \n"
          "ECCV 2022 — [paper](https://arxiv.org/pdf/2208.06546.pdf)\n\n"
          "Quiet Anchors for Panoptic Things\npaper : https://arxiv.org/abs/2304.03742\n"
          "code : https://github.com/example/quiet\n")
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Revisiting Rectified Flows in Molecule Generation", ["P. Kaur"], "ECCV", 2022, "2208.06546"),
        ("Quiet Anchors for Panoptic Things", [], None, None, "2304.03742")]


def test_note_properties_are_fields() -> None:
    """Logseq's and Dataview's ``key:: value``; the ``url`` line after them is the work's own link."""
    md = ("- ## Queue\n\t- [[Zero Guide: Few-Step Sampling Made Sparse]]\n\t  type:: [[paper]]\n"
          "\t  authors:: [[Ava Moreau]], [[Jon Quintero]]\n\t  year:: 2024\n\t  venue:: [[ECCV]]\n"
          "\t  url:: https://arxiv.org/abs/2403.05670\n")
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Zero Guide: Few-Step Sampling Made Sparse", ["Ava Moreau", "Jon Quintero"], "ECCV", 2024, "2403.05670")]


@pytest.mark.parametrize("md", [
    "**Also see:** [Quiet Anchors for Things](https://arxiv.org/pdf/2107.19600.pdf), Lindqvist & Park, 2021.\n",
    "- **Also see:** [Quiet Anchors for Things](https://arxiv.org/pdf/2107.19600.pdf), Lindqvist & Park, 2021.\n",
])
def test_a_label_before_the_title_link_is_no_venue(md: str) -> None:
    assert fields(md, "title", "venue", "year") == [("Quiet Anchors for Things", None, 2021)]


def test_a_status_after_the_venue_is_no_part_of_the_title() -> None:
    md = "- Quiet Anchors for Things (CVPR 2022, to appear) [paper](https://arxiv.org/pdf/2301.00001)\n"
    assert fields(md, "title", "venue", "year") == [("Quiet Anchors for Things", "CVPR", 2022)]


def test_a_schedule_reads_quoted_titles_and_no_meeting() -> None:
    md = ("| Date | Paper | Presenter |\n|---|---|---|\n"
          '| Feb 2 | "FooNet: Quiet Anchors for Things" — TMLR 2023 [pdf](https://arxiv.org/pdf/2301.00004) | Jon |\n'
          "| Mar 7 | *No meeting (spring break)* | — |\n| Mar 14 | Holiday Models for Scenes | Ann |\n")
    rows, report = parse(md)
    assert [(r["title"], r["venue"]) for r in rows] == [("FooNet: Quiet Anchors for Things", "TMLR"),
                                                       ("Holiday Models for Scenes", None)]
    assert any(r["reason"].startswith("row of a schedule without a reading") and r["line"] == 4 for r in report)


@pytest.mark.parametrize(("tail", "authors", "venue"), [
    (", Silva, 2020.", ["Silva"], None), (" - Kaur, CVPR 2022", ["Kaur"], "CVPR"),
    (", Google, 2022", [], None), (" - Oral, CVPR 2022", [], "CVPR"), (" - NVIDIA, CVPR 2022", [], "CVPR"),
])
def test_one_surname_cited_after_the_title(tail: str, authors: list[str], venue: str | None) -> None:
    assert fields(f"- [Stable Flow ODEs for Motion](https://arxiv.org/abs/2212.13669){tail}\n", "authors",
                  "venue") == [(authors, venue)]


def test_a_quoted_long_title_before_a_dash_and_its_venue() -> None:
    md = ("| Week | Date | Paper | Presenter |\n|:--:|---|---|---|\n| 2 | Feb 2 | \"SiDA: Conditional Masked Diffusion "
          "Language Models for Instruction-Based Image Editing\" — TMLR 2023 [pdf](https://arxiv.org/pdf/2306.07610.pdf) "
          "| Jon |\n")
    assert fields(md, "title", "venue", "year") == [
        ("SiDA: Conditional Masked Diffusion Language Models for Instruction-Based Image Editing", "TMLR", 2023)]


@pytest.mark.parametrize(("md", "authors"), [
    ("* Fast Guidance for High-Resolution Synthesis\n    + Silva · arXiv 2020 · "
     "[arXiv:2006.17027](https://arxiv.org/abs/2006.17027)\n", ["Silva"]),
    ("- Towards Robust 3D Shape Generation. Novak. CVPR 2022. [link](https://arxiv.org/abs/2201.00001)\n", ["Novak"]),
    ("- [Quiet Anchors](https://arxiv.org/abs/2201.00002). Survey. CVPR 2022.\n", []),
    ("- [Quiet Anchors](https://arxiv.org/abs/2201.00003) — Meta — CVPR 2022\n", []),
])
def test_one_surname_between_the_title_and_its_venue(md: str, authors: list[str]) -> None:
    rows, _ = parse(md)
    assert [(r["title"] is not None, r["authors"]) for r in rows] == [(True, authors)]


def test_a_badge_under_a_title_wrapped_in_a_div_is_the_lists_own_paper() -> None:
    md = ('<div align="center">\n\n# Foo Models in Vision: A Survey\n\n'
          "[![arXiv](https://img.shields.io/badge/arXiv-2209.00001-b31b1b.svg)](https://arxiv.org/abs/2209.00001)\n\n"
          "</div>\n\n## Papers\n\n- [Bar Fields](https://arxiv.org/abs/2301.00001) (CVPR 2023)\n")
    assert fields(md, "title", "section") == [("Foo Models in Vision: A Survey", []), ("Bar Fields", ["Papers"])]


def test_names_between_middle_dots_and_a_poster_number_before_the_title() -> None:
    md = ("- **#1945** Foo Models for Bar Video. *Ann Lee · Bo Chen · Cy Wu*. "
          "[OpenReview](https://openreview.net/forum?id=abcDEF1234)\n")
    assert fields(md, "title", "authors") == [("Foo Models for Bar Video", ["Ann Lee", "Bo Chen", "Cy Wu"])]


@pytest.mark.parametrize("md", [
    "**Title**: Foo Models for Bar Video\n**Authors**: Ann Lee, Bo Chen\n**Venue**: ICLR 2024\n"
    "**TL;DR**: Lee and colleagues make it faster.\n**Link**: https://arxiv.org/abs/2401.00001\n",
    "arXiv:2401.00001 [[pdf](https://arxiv.org/pdf/2401.00001.pdf)]  \nTitle: Foo Models for Bar Video  \n"
    "Authors: Ann Lee, Bo Chen  \nComments: Accepted to ICLR 2024  \n",
])
def test_a_record_of_labelled_fields_is_titled_by_its_title_label(md: str) -> None:
    assert fields(md, "title", "authors", "venue", "arxiv_id") == [
        ("Foo Models for Bar Video", ["Ann Lee", "Bo Chen"], "ICLR", "2401.00001")]


@pytest.mark.parametrize(("heading", "venue"), [
    ("ICLR 2024 — accepted papers on diffusion", "ICLR"), ("NeurIPS 2023 posters", "NeurIPS"),
    ("CVPR 2024 accepted papers (generative models)", "CVPR"), ("ICLR 2024 rejected papers", None)])
def test_a_venue_heading_with_words_after_it(heading: str, venue: str | None) -> None:
    md = f"# {heading}\n\n- [Foo Models for Bar Video](https://openreview.net/forum?id=abcDEF1234)\n"
    assert fields(md, "venue") == [(venue,)]


def test_a_line_of_label_links_under_a_papers_heading_is_its_own() -> None:
    md = ("### [Foo Models for Bar Video](https://paperswithcode.com/paper/foo-models-for-bar-video)\n\n"
          "CVPR 2023 · Lee et al. · ⭐ 1,234 · Tasks: `Image Generation`\n\n"
          "[Paper](https://arxiv.org/abs/2301.00001) | [Code](https://github.com/o/foo)\n")
    assert fields(md, "title", "venue", "arxiv_id") == [("Foo Models for Bar Video", "CVPR", "2301.00001")]


def test_a_pasted_open_access_entry_is_one_work() -> None:
    md = ("[Foo Models for Bar Video](https://openaccess.thecvf.com/content/ICCV2023/html/Lee_Foo_ICCV_2023_paper.html)"
          "  \nAnn Lee, Bo Chen; Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV), 2023, "
          "pp. 1000-1009  \n[[pdf](https://openaccess.thecvf.com/x.pdf)] [[arXiv](https://arxiv.org/abs/2303.00001)] "
          "[bibtex]\n")
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Foo Models for Bar Video", ["Ann Lee", "Bo Chen"], "ICCV", 2023, "2303.00001")]


@pytest.mark.parametrize(("md", "authors"), [
    ("- [Quiet Anchors for Things](https://arxiv.org/abs/2301.00001) - Ann Lee, 张伟 - CVPR 2023\n", ["Ann Lee", "张伟"]),
    ("- [Quiet Anchors](https://arxiv.org/abs/2301.00002), 山田太郎, David Smith, 김민준, NeurIPS 2022\n",
     ["山田太郎", "David Smith", "김민준"]),
    ("- [Quiet Anchors](https://arxiv.org/abs/2301.00003)\n  - 作者：张伟, 李娜\n  - 会议：CVPR 2023\n", ["张伟", "李娜"]),
])
def test_names_in_chinese_japanese_or_korean_script(md: str, authors: list[str]) -> None:
    assert fields(md, "authors") == [(authors,)]


def test_words_in_chinese_alone_are_no_names() -> None:
    """A topic's words ("image generation, video generation") are names only beside Latin names or labelled so."""
    assert not looks_like_names("图像生成, 视频生成") and not looks_like_names("加速, Distillation")
    assert looks_like_names("图像生成, 视频生成", labelled=True) and looks_like_names("张伟, Ann Lee")


def test_a_formula_in_a_bold_title_keeps_its_command() -> None:
    md = "- **LumiGen-$\\alpha$: Efficient Training** (ICML 2024) [[paper](https://arxiv.org/abs/2401.00001)]\n"
    assert fields(md, "title") == [("LumiGen-α: Efficient Training",)]


@pytest.mark.parametrize("md", [
    "### Latent Consistency Models v2\n*Sofia Herrera*<br>\nCVPR 2022 · [arXiv](https://arxiv.org/abs/2204.18043)\n",
    "**Latent Consistency Models v2**\n\nSofia Herrera\n\n[[CVPR 2022](https://arxiv.org/abs/2204.18043)] "
    "[[Code](https://github.com/q/a)]\n",
])
def test_one_author_between_a_title_and_its_links(md: str) -> None:
    assert fields(md, "title", "authors", "venue") == [("Latent Consistency Models v2", ["Sofia Herrera"], "CVPR")]


def test_a_question_titles_the_links_under_it() -> None:
    md = ("### Do Diffusion Models Memorize Their Training Data?\n- paper: https://arxiv.org/abs/2305.00003\n"
          "- code: https://github.com/o/foo3\n\n### What Is a Diffusion Model?\n\nA model that denoises.\n")
    assert fields(md, "title", "arxiv_id") == [("Do Diffusion Models Memorize Their Training Data?", "2305.00003")]


@pytest.mark.parametrize("md", [
    "- **2024-04-03** · arXiv cs.CV · [Foo Models for Bar Video](https://arxiv.org/abs/2404.00001) — Ann Lee, Bo Chen\n",
    "- Add paper: **Foo Models for Bar Video** — Ann Lee, Bo Chen, arXiv 2024 "
    "([arXiv](https://arxiv.org/abs/2404.00001)) (#123)\n",
    "**Day 1 — 2024-03-01**: [Foo Models for Bar Video](https://arxiv.org/abs/2404.00001) — Ann Lee, Bo Chen "
    "(arXiv 2024). Notes: clear.\n",
    "#### [Foo Models for Bar Video](http://arxiv.org/abs/2404.00001v1)\n"
    "**Source:** arXiv cs.LG | **Date:** 2024-04-05 | **Authors:** Ann Lee, Bo Chen\n",
])
def test_a_lead_in_or_a_source_line_around_a_title(md: str) -> None:
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Foo Models for Bar Video", ["Ann Lee", "Bo Chen"], "arXiv", 2024)]


def test_a_plain_titles_fields_as_items_beside_it_are_its_own() -> None:
    """``1. Title`` then ``  - Paper: url``: two spaces do not nest the fields under ``1.``; they are still its."""
    md = ("1. Unified Noise Schedules for Human Motion Synthesis\n  - Paper: https://arxiv.org/pdf/2001.15532.pdf\n"
          "  - Authors: Pieter Kaur\n2. ProtDiff: Taming Latent Diffusion for Inverse Problems\n"
          "  - Paper: https://arxiv.org/pdf/2001.15533.pdf\n\n"
          "- Item Type: Journal Article\n- Authors: Hana Quintero, Dmitri Moreau\n- URL: https://arxiv.org/abs/2201.01149\n")
    assert fields(md, "title", "arxiv_id") == [
        ("Unified Noise Schedules for Human Motion Synthesis", "2001.15532"),
        ("ProtDiff: Taming Latent Diffusion for Inverse Problems", "2001.15533"),
        (None, "2201.01149")]  # a field is no title ("Item Type: Journal Article")
    assert fields(md, "authors")[0] == (["Pieter Kaur"],)
