"""MkDocs-material's content tabs and admonitions (Python-Markdown containers, ``parse/pymdown.py``): their
bodies, indented four spaces, were read as code blocks and every work in them was lost."""

from __future__ import annotations

from diffdata.parse import parse_document
from diffdata.parse.pymdown import unindent_containers

TABS = '''# Reading list

=== "2023"

    - [Quiet Anchors for Things](https://arxiv.org/abs/2303.00001) (ICML 2023)
    - [Loud Anchors for Things](https://arxiv.org/abs/2303.00002) (ICLR 2023)

=== "2022"

    - [Soft Anchors for Things](https://arxiv.org/abs/2206.00003)
'''

CARDS = '''# Notes

=== "Papers"

    !!! abstract "Quiet Anchors for Things"
        Mira Okafor, Jon Pell et al. · **ICML 2023**

        :material-file-document: [arXiv](https://arxiv.org/abs/2303.00001) · [Code](https://github.com/o/quiet)

    ??? note
        A note with no work in it.

    !!! tip "Reading group"
        - [Loud Anchors for Things](https://arxiv.org/abs/2303.00002) — Ann Lee, NeurIPS 2022
'''


def test_a_tabs_label_is_a_section_over_its_works() -> None:
    rows, report = parse_document("x.md", TABS)
    assert [(r["line"], r["title"], r["year"], r["venue"], r["section"]) for r in rows] == [
        (5, "Quiet Anchors for Things", 2023, "ICML", ["2023"]),
        (6, "Loud Anchors for Things", 2023, "ICLR", ["2023"]),
        (10, "Soft Anchors for Things", 2022, None, ["2022"])]
    assert report == []


def test_an_admonitions_title_is_the_work_its_body_describes() -> None:
    rows, report = parse_document("x.md", CARDS)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        (5, "Quiet Anchors for Things", ["Mira Okafor", "Jon Pell"], 2023, "ICML"),
        (14, "Loud Anchors for Things", ["Ann Lee"], 2022, "NeurIPS")]
    assert [r["section"] for r in rows] == [["Papers"], ["Papers", "Reading group"]]  # the tip inside the tab
    assert report == []


def test_lines_keep_their_numbers_and_other_text_is_left_alone() -> None:
    assert unindent_containers(CARDS).count("\n") == CARDS.count("\n")
    plain = 'Title\n=====\n\n    code under a heading\n!!! not a container\n=== "x" with no body\n'
    assert unindent_containers(plain) == plain
