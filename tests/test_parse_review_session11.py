"""Snippets of a review of this session's parser rules (each read wrongly by a first version of a rule), and
inputs that made a rule slow: what each must read, and that it reads it in time."""

from __future__ import annotations

import pytest

try:
    from deadline import finishes
    from parse_rows import parse
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import parse

A = "https://arxiv.org/abs/2308.00001"


def _read(md: str, *names: str) -> list[tuple]:
    return [tuple(r[n] for n in names) for r in parse(md)[0]]


@pytest.mark.parametrize(("md", "title"), [
    # a description after a method's bold name and a dash, even with names and a year after it
    (f"- **FooAdapter** — Image prompts for any text-to-image model, Ye et al., 2023 [paper]({A})", "FooAdapter"),
    (f"- **FooNet** — Adds spatial conditioning to Bar Diffusion. Zhang, Rao. ICCV 2023. [paper]({A})", "FooNet"),
    (f"- **Make-A-Foo** — Meta AI Research, 2022 [paper]({A})", "Make-A-Foo"),  # an organisation
    (f"- [Gaussian Error Linear Units (GELUs)]({A}) - Hendrycks & Gimpel, 2016", "Gaussian Error Linear Units (GELUs)"),
])
def test_titles_a_rule_must_leave(md: str, title: str) -> None:
    assert _read(md, "title") == [(title,)]


@pytest.mark.parametrize(("md", "expected"), [
    # a note under a finished citation is no part of it
    ("1. Ho, J., Jain, A., & Abbeel, P. (2020). Foo diffusion probabilistic models\n   we read this in week 1\n",
     [("Foo diffusion probabilistic models", None)]),
    ("2. Song, J., & Ermon, S. (2021). Foo diffusion implicit models. ICLR\n   the faster sampler\n",
     [("Foo diffusion implicit models", "ICLR")]),
    # a sentence after an APA title is no venue
    ("- Ho, J., & Abbeel, P. (2020). Foo diffusion probabilistic models. Start here.\n",
     [("Foo diffusion probabilistic models", None)]),
    # Harvard: the venue is up to the comma, abbreviations and all; a comment after the title is none
    ("- Ho, J. and Abbeel, P. (2020) 'Foo diffusion models', in *Proc. NeurIPS*, pp. 1-9. [paper](" + A + ")\n",
     [("Foo diffusion models", "Proc. NeurIPS")]),
    ("- Song, Y. and Ermon, S. (2019) 'Foo modeling by estimating gradients', must read. [paper](" + A + ")\n",
     [("Foo modeling by estimating gradients", None)]),
])
def test_citations_end_where_they_end(md: str, expected: list[tuple]) -> None:
    assert _read(md, "title", "venue") == expected


def test_a_paragraph_of_prose_shaped_like_a_citation_stays_prose() -> None:
    md = "Chen, L. (2020). Please cite our survey if you find\nthis list useful, and star the repository.\n"
    assert parse(md)[0] == []


def test_a_cell_of_a_paper_and_its_unofficial_code_is_one_work() -> None:
    md = ("| Paper | Code |\n|---|---|\n| [FooFusion](https://arxiv.org/abs/2209.00001) (ICLR'23), "
          "[stable-foofusion](https://github.com/a/stable-foofusion) (unofficial) | - |\n")
    rows = parse(md)[0]
    assert [(r["title"], r["kind"]) for r in rows] == [("FooFusion", "paper")]
    assert "https://github.com/a/stable-foofusion" in [x["url"] for x in rows[0]["links"]]


@pytest.mark.parametrize("line", ["🔥 Must Read", "💻 Google Colab, Hugging Face", "📍 Mountain View"])
def test_only_a_people_emoji_marks_a_line_of_names(line: str) -> None:
    md = f"**Foo Fields: Fine Tuning Bar Models**\n{line}\n[paper]({A})\n"
    assert _read(md, "authors") == [([],)]


def test_a_description_left_hanging_under_a_link_keeps_its_own_line() -> None:
    md = f"- [FooBooth]({A}) —\n  builds on Imagen and was extended by many follow-ups in 2023.\n"
    assert _read(md, "title", "year") == [("FooBooth", None)]


def test_given_names_that_are_also_particles_stay_first_names() -> None:
    assert _read("- [A Paper on Foo Distillation](https://example.org/x) - Di Wu, Le Song\n", "authors") == [
        (["Di Wu", "Le Song"],)]


@pytest.mark.parametrize(("cell", "year"), [("01", None), ("'01", 2001), ("21", 2021)])
def test_a_year_column_of_two_digits(cell: str, year: int | None) -> None:
    md = f"| Course | Year | Reading |\n|---|---|---|\n| CS236 | {cell} | [Foo Models for Bar]({A}) |\n"
    assert _read(md, "year") == [(year,)]


def test_a_vancouver_venue_is_capitalised_or_arxiv() -> None:
    assert parse("1. Rombach R, Blattmann A. High-resolution foo synthesis. see our notes 2022\n")[0] == []


@pytest.mark.parametrize("spaces", [4_000, 16_000])
def test_a_harvard_title_before_a_run_of_spaces_is_read_in_linear_time(spaces: int) -> None:
    """The venue after a quoted title tried every space of the run as its start (4,800 characters: 25 s)."""
    md = "- Lee, A. (2020) 'Denoising foo models'" + " " * spaces + "z" * 200 + "\n"
    with finishes(5):
        parse(md)
