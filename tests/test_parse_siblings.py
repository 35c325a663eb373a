"""Several works listed on one item's line (``- [Alpha ...](..) · [Beta ...](..)``): each link whose text is
another title, after a separator, is an entry of its own with the links after it; a paper's code, project page,
demo or a repository of its name stay its links, and linked authors' names are no works."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document


def _rows(text: str) -> list[dict]:
    rows, _report = parse_document("x.md", f"# Papers\n\n{text}\n")
    return rows


def _read(text: str) -> list[tuple]:
    return [(r["title"], r["kind"], r["venue"], r["year"], [x["url"] for x in r["links"]]) for r in _rows(text)]


A, B, C = ("https://arxiv.org/abs/2101.00001", "https://arxiv.org/abs/2101.00002", "https://arxiv.org/abs/2101.00003")


@pytest.mark.parametrize("sep", [" · ", " | ", ", ", "; ", " • ", " / ", " and ", "; see also ", " vs. ", ", cf. "])
def test_two_papers_on_one_line_are_two_entries(sep: str) -> None:
    line = f"- [Quiet Anchors for Panoptic Things]({A}){sep}[Sliding Windows over Noisy Scores]({B})"
    assert _read(line) == [("Quiet Anchors for Panoptic Things", "paper", None, None, [A]),
                           ("Sliding Windows over Noisy Scores", "paper", None, None, [B])]


def test_each_work_keeps_its_venue_and_its_own_links() -> None:
    line = (f"- [Quiet Anchors for Panoptic Things]({A}) (CVPR 2022) [code](https://github.com/a/quiet) · "
            f"[Sliding Windows over Noisy Scores](https://openreview.net/forum?id=Xyz12) (ICLR 2023) "
            f"[code](https://github.com/b/sliding) · [Tiny]({C})")
    assert _read(line) == [
        ("Quiet Anchors for Panoptic Things", "paper", "CVPR", 2022, [A, "https://github.com/a/quiet"]),
        ("Sliding Windows over Noisy Scores", "paper", "ICLR", 2023,
         ["https://openreview.net/forum?id=Xyz12", "https://github.com/b/sliding"]),
        ("Tiny", "paper", None, None, [C])]  # one word beside papers: a paper's short name


def test_posts_listed_on_one_line() -> None:
    line = ("- [What Noise Schedules Really Do](https://example.org/blog/schedules/) | "
            "[A Gentle Tour of Score Matching](https://example.net/blog/score-matching/)")
    assert [(t, k) for t, k, *_ in _read(line)] == [("What Noise Schedules Really Do", "post"),
                                                     ("A Gentle Tour of Score Matching", "post")]


@pytest.mark.parametrize("rest", [
    " · [Project Page](https://quiet.github.io) | [Hugging Face demo](https://huggingface.co/spaces/a/quiet)",
    " · [QuietAnchors](https://github.com/a/quietanchors)",  # a repository of the paper's name
    " · [Quiet Anchors](https://github.com/a/quiet)",  # words of the title: the same work
    " [Sliding Windows over Noisy Scores](https://example.org/sliding)",  # no separator: not a list
    " · [Slides](https://example.org/slides.pdf)",
    " · [Homepage](https://example.org/~ann)",
    " · [Sliding](https://example.org/sliding)",  # one word beside a paper, not itself a paper: a page's name
])
def test_a_papers_own_links_stay_its_own(rest: str) -> None:
    rows = _rows(f"- [Quiet Anchors for Panoptic Things]({A}){rest}")
    assert [r["title"] for r in rows] == ["Quiet Anchors for Panoptic Things"]
    assert len(rows[0]["links"]) == 1 + rest.count("](")


def test_linked_author_names_are_not_works() -> None:
    rows = _rows("- [Mira Okafor](https://example.org/mira), [Jon Pell](https://example.org/jon) (2019). "
                 f"*Sliding Windows over Noisy Scores*. [pdf]({A})")
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("Sliding Windows over Noisy Scores", ["Mira Okafor", "Jon Pell"], 2019)]


def test_a_second_arxiv_link_without_a_separator_is_titled_by_its_own_text() -> None:
    rows, report = parse_document("x.md", f"- [Quiet Anchors for Panoptic Things]({A}) "
                                          f"[Sliding Windows over Noisy Scores]({B}) "
                                          f"[![arXiv](https://img.shields.io/badge/arXiv-x-red.svg)]({C})\n")
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", "2101.00001"), ("Sliding Windows over Noisy Scores", "2101.00002"),
        (None, "2101.00003")]  # a badge names no title
    assert "title: the text of its own link" in rows[1]["evidence"]
    assert any("two different arXiv ids" in r["reason"] for r in report)


def test_titles_that_read_like_names_are_works_when_they_link_papers() -> None:
    line = f"- [Beta Flow Matching]({A}), [Gamma Consistency Models]({B})"  # names by their shape, papers by links
    assert [r["title"] for r in _rows(line)] == ["Beta Flow Matching", "Gamma Consistency Models"]


def test_two_papers_side_by_side_in_one_table_row_are_two_works_each_with_its_own_fields() -> None:
    # the second took its column's name as its title, the first's venue, and the first carried both ids
    rows = _rows("| Idea | Paper A | Paper B |\n|---|---|---|\n"
                 "| Pixels or latents | [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2205.00001), NeurIPS "
                 "2022 | [Loud Anchors for Panoptic Stuff](https://arxiv.org/abs/2112.00002), CVPR 2021 |")
    assert [(r["title"], r["venue"], r["year"], r["arxiv_ids"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", "NeurIPS", 2022, ["2205.00001"]),
        ("Loud Anchors for Panoptic Stuff", "CVPR", 2021, ["2112.00002"])]


@pytest.mark.parametrize("cell", [
    "[Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2205.00001)",  # the same title: the same work
    "[arXiv](https://arxiv.org/abs/2205.00001)",  # a label
    "[QuietNet](https://github.com/lab/quietnet)",  # a repository's name
])
def test_a_rows_other_links_to_its_own_paper_stay_its_links(cell: str) -> None:
    rows = _rows("| Paper | Links |\n|---|---|\n"
                 f"| [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2205.00001) | {cell} |")
    assert [r["title"] for r in rows] == ["Quiet Anchors for Panoptic Things"]


def test_several_works_in_one_table_cell_each_with_its_own_aside() -> None:
    """A taxonomy table lists a topic's papers in one cell, each with its venue: each is a work with its own
    venue and year (the first carried every id, the others were titled 'title' with the first one's venue)."""
    text = ("| Topic | Papers |\n|---|---|\n"
            "| Samplers | [FooSolve](https://arxiv.org/abs/2010.00001) (ICLR'21), [BarSolve](https://arxiv.org/abs/"
            "2206.00002) (NeurIPS'22), [QuxSolve](https://arxiv.org/abs/2204.00003) (ICLR'23) |\n"
            "| Distillation | [Progressive Foo for Fast Bar](https://arxiv.org/abs/2202.00004) (ICLR 2022); "
            "[Consistent Foo](https://arxiv.org/abs/2303.00005) (ICML 2023) |")
    assert [(r["title"], r["venue"], r["year"], r["arxiv_id"]) for r in _rows(text)] == [
        ("FooSolve", "ICLR", 2021, "2010.00001"), ("BarSolve", "NeurIPS", 2022, "2206.00002"),
        ("QuxSolve", "ICLR", 2023, "2204.00003"), ("Progressive Foo for Fast Bar", "ICLR", 2022, "2202.00004"),
        ("Consistent Foo", "ICML", 2023, "2303.00005")]


def test_a_second_paper_of_a_title_cell_is_never_titled_by_the_cells_role() -> None:
    text = ("| Topic | Papers |\n|---|---|\n"
            "| Samplers | [FooSolve](https://arxiv.org/abs/2010.00001) and then [BarSolve](https://arxiv.org/abs/"
            "2206.00002) as well |")
    assert [(r["title"], r["arxiv_id"]) for r in _rows(text)] == [("FooSolve", "2010.00001"), (None, "2206.00002")]


def test_an_implementation_then_the_paper_it_implements_are_two_works() -> None:
    """``[owner/repo](github) - [Title](arxiv)``: the repository was lost and the paper left untitled."""
    text = ("- [ann/foo](https://github.com/ann/foo) - [Foo Models for Bar Synthesis](https://arxiv.org/abs/2010.00001)"
            " (ICLR 2021)\n"
            "- [bo/qux-pytorch](https://github.com/bo/qux-pytorch) — Qux ([Qux Fields with Deep Understanding]"
            "(https://arxiv.org/abs/2205.00002)) in PyTorch.\n"
            "- [cy/baz](https://github.com/cy/baz) [code](https://github.com/cy/baz/tree/main)\n")
    assert [(r["title"], r["kind"], r["venue"], r["arxiv_id"]) for r in _rows(text)] == [
        ("ann/foo", "repository", None, None), ("Foo Models for Bar Synthesis", "paper", "ICLR", "2010.00001"),
        ("bo/qux-pytorch", "repository", None, None),
        ("Qux Fields with Deep Understanding", "paper", None, "2205.00002"),
        ("cy/baz", "repository", None, None)]
