"""Layouts a previous reading got wrong, each written anew for these tests (no text of a real list): the parse
stage reads every entry's title, authors, year, venue, arXiv id and kind."""

from __future__ import annotations

import textwrap
import time

from diffdata.parse import parse_document


def parse(md: str) -> tuple[list[dict], list[dict]]:
    return parse_document("t.md", textwrap.dedent(md))


def fields(md: str, *names: str) -> list[tuple]:
    rows, _ = parse(md)
    return [tuple(r[n] for n in names) for r in rows]


# -- a <details> whose <summary> is the work's title ----------------------------------------------------------

SUMMARIES = """\
    <details><summary>Foo Models for Bar Synthesis (CVPR 2023)</summary>

    - [paper](https://arxiv.org/abs/2301.00001)
    - [code](https://github.com/o/foo)

    </details>

    <details>
    <summary><b>Qux Sampling Made Fast</b></summary>

    *Ann Lee, Bo Chan* · NeurIPS 2022

    We propose a fast sampler.

    [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2301.00004)
    </details>
    <details><summary>Corge Nets (ICML 2021)</summary>

    [paper](https://arxiv.org/abs/2301.00005)
    </details>
    """


def test_a_summary_titles_the_work_its_details_element_holds() -> None:
    assert fields(SUMMARIES, "line", "title", "authors", "venue", "year", "arxiv_id", "kind") == [
        (1, "Foo Models for Bar Synthesis", [], "CVPR", 2023, "2301.00001", "paper"),
        (9, "Qux Sampling Made Fast", ["Ann Lee", "Bo Chan"], "NeurIPS", 2022, "2301.00004", "paper"),
        (17, "Corge Nets", [], "ICML", 2021, "2301.00005", "paper"),
    ]


def test_a_summary_over_works_or_an_abstract_titles_nothing() -> None:
    md = """\
        <details><summary>Image Editing</summary>

        - [Foo Editing Models](https://arxiv.org/abs/2301.00001)
        - [Bar Editing Models](https://arxiv.org/abs/2301.00002)

        </details>

        - [Baz Fields](https://arxiv.org/abs/2301.00003)
        <details><summary>Abstract</summary>

        We propose baz fields. [code](https://github.com/o/baz)

        </details>
        """
    assert fields(md, "title", "arxiv_id") == [("Foo Editing Models", "2301.00001"),
                                                ("Bar Editing Models", "2301.00002"), ("Baz Fields", "2301.00003")]


def test_a_hostile_summary_is_read_in_linear_time() -> None:
    md = "<details><summary>" + "<b x=1 " * 15_000 + "</summary " * 2_000 + "\n\n- [paper](https://arxiv.org/abs/2301.00001)\n"
    start = time.perf_counter()
    parse(md)
    assert time.perf_counter() - start < 3


# -- a tag before the title: `NEW`, `[NEW]`, **HOT**, an emoji ------------------------------------------------


def test_a_tag_before_the_title_is_no_part_of_it() -> None:
    md = """\
        - `NEW` [Foo Models for Bar](https://arxiv.org/abs/2301.00001) (CVPR 2023)
        - `[NEW]` [Baz Fields](https://arxiv.org/abs/2301.00002)
        - `NEW` Quux Sampling for Scenes [[paper](https://arxiv.org/abs/2301.00004)]
        - `🔥 NEW` **Corge Nets** [[paper](https://arxiv.org/abs/2301.00005)]
        - `HOT` Grault Models. Ann Lee, Bo Chan. ICLR 2024. [[paper](https://arxiv.org/abs/2301.00006)]
        - **NEW** [Waldo Diffusion](https://arxiv.org/abs/2301.00008)
        - :fire: `New!` Fred Diffusion Models [[paper](https://arxiv.org/abs/2301.00009)]
        - `DDPM` Denoising Foo Models [[paper](https://arxiv.org/abs/2301.00010)]
        - `Imagen Video` [[paper](https://arxiv.org/abs/2301.00011)]
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Foo Models for Bar", [], "CVPR", 2023, "2301.00001"),
        ("Baz Fields", [], None, None, "2301.00002"),
        ("Quux Sampling for Scenes", [], None, None, "2301.00004"),
        ("Corge Nets", [], None, None, "2301.00005"),
        ("Grault Models", ["Ann Lee", "Bo Chan"], "ICLR", 2024, "2301.00006"),
        ("Waldo Diffusion", [], None, None, "2301.00008"),
        ("Fred Diffusion Models", [], None, None, "2301.00009"),
        ("Denoising Foo Models", [], None, None, "2301.00010"),
        ("Imagen Video", [], None, None, "2301.00011"),  # a code span that is the title stays
    ]


def test_a_line_of_code_spans_is_read_in_linear_time() -> None:
    md = "- " + "`NEW` " * 17_000 + "Foo Models [[paper](https://arxiv.org/abs/2301.00001)]\n"
    start = time.perf_counter()
    assert fields(md, "title") == [("Foo Models",)]
    assert time.perf_counter() - start < 3
