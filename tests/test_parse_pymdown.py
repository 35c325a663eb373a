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


def test_a_tabs_works_are_read_and_its_label_is_no_section() -> None:
    """A tab's label is no section: markdown cannot end one where the tab ends, and it went on to the entries
    after the tabs (a year given to works it does not date)."""
    rows, report = parse_document("x.md", TABS + "\n- [Hard Anchors for Things](https://arxiv.org/abs/2006.00004)\n")
    assert [(r["line"], r["title"], r["year"], r["venue"], r["section"]) for r in rows] == [
        (5, "Quiet Anchors for Things", 2023, "ICML", []),
        (6, "Loud Anchors for Things", 2023, "ICLR", []),
        (10, "Soft Anchors for Things", None, None, []),
        (12, "Hard Anchors for Things", None, None, [])]
    assert report == []


def test_an_admonitions_title_is_the_work_its_body_describes() -> None:
    rows, report = parse_document("x.md", CARDS)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        (5, "Quiet Anchors for Things", ["Mira Okafor", "Jon Pell"], 2023, "ICML"),
        (14, "Loud Anchors for Things", ["Ann Lee"], 2022, "NeurIPS")]
    assert report == []


def test_an_admonition_that_is_no_works_card_loses_its_title() -> None:
    """Its title names no work when its body links works by their own titles, or links no paper."""
    md = ('# Notes\n\n!!! info "Reading list"\n    [Quiet Anchors for Things](https://arxiv.org/abs/2303.00001) - '
          'Lee et al., 2023\n\n    [Loud Anchors for Things](https://arxiv.org/abs/2303.00002) - Chan et al., 2022\n\n'
          '!!! tip "Pro tip"\n    Use [the docs](https://example.org/docs) for fast sampling.\n')
    rows, _ = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Things", ["Lee"], 2023), ("Loud Anchors for Things", ["Chan"], 2022)]


def test_lines_keep_their_numbers_and_other_text_is_left_alone() -> None:
    assert unindent_containers(CARDS).count("\n") == CARDS.count("\n")
    plain = 'Title\n=====\n\n    code under a heading\n!!! not a container\n=== "x" with no body\n'
    assert unindent_containers(plain) == plain


def test_a_pandoc_fenced_div_around_a_card_is_no_part_of_it() -> None:
    md = ('::: {.column width="50%"}\n**Quiet Anchors for Things**  \nAnn Lee, Bo Chan  \n'
          "ICLR 2021 · [paper](https://arxiv.org/abs/2011.00001)\n:::\n\n::: notes\n"
          "**Loud Anchors for Things**  \nCy Dee, Di Eve  \nICML 2022 · [paper](https://arxiv.org/abs/2011.00002)\n:::\n")
    rows, _ = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["venue"], r["line"]) for r in rows] == [
        ("Quiet Anchors for Things", ["Ann Lee", "Bo Chan"], "ICLR", 2),
        ("Loud Anchors for Things", ["Cy Dee", "Di Eve"], "ICML", 8)]
