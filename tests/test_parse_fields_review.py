"""Fields a code review of the parser found misread, each layout written anew for these tests (no text of a
real list): a label is no author, a journal is no person, a name ending in -s is no plural."""

from __future__ import annotations

try:
    from deadline import finishes
    from parse_rows import fields
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import fields

from diffdata.parse.headingwork import _PLURAL_RE, names_a_method

# -- a heading naming a method whose last word ends in -us, -as, -ss, -is: no plural -----------------------


def test_a_heading_ending_in_us_or_as_names_a_method() -> None:
    assert [names_a_method(t) for t in ("Atlas Net", "Pegasus Edit", "Lumina Plus", "Janus Pro", "Iris Glass")] == [
        True] * 5
    assert [names_a_method(t) for t in ("GANs", "VAEs", "Flows", "Diffusion Models")] == [False] * 4


def test_a_work_under_a_heading_ending_in_us_is_titled_by_it() -> None:
    md = """\
    ### Janus Pro

    [arXiv](https://arxiv.org/abs/2501.17811) [Code](https://github.com/a/b)

    ### Emu Edit

    [arXiv](https://arxiv.org/abs/2311.10089) [Code](https://github.com/c/d)
    """
    assert fields(md, "title") == [("Janus Pro",), ("Emu Edit",)]


def test_the_plural_pattern_is_linear_on_a_hostile_word() -> None:
    with finishes():
        assert _PLURAL_RE.fullmatch("a" * 100_000 + "us") is None
        assert _PLURAL_RE.fullmatch("A" * 100_000 + "!") is None


# -- a label on the line under the title is no author ---------------------------------------------------------


def test_a_label_line_under_the_title_is_no_author() -> None:
    for label in ("Supplementary Material", "Semantic Scholar", "Jupyter Notebook", "Project Website"):
        md = f"- [Foo Diffusion: Fast Sampling for Bar Models](https://arxiv.org/abs/2301.00001)\n  {label}\n"
        assert fields(md, "title", "authors") == [("Foo Diffusion: Fast Sampling for Bar Models", [])], label


def test_a_name_line_under_the_title_is_still_its_author() -> None:
    md = "- [Foo Diffusion: Fast Sampling for Bar Models](https://arxiv.org/abs/2301.00001)\n  Jun Hao Liew\n"
    assert fields(md, "authors") == [(["Jun Hao Liew"],)]


def test_the_label_check_is_linear_on_a_hostile_line() -> None:
    from diffdata.parse.names import has_label_word, is_one_person

    with finishes():
        assert not has_label_word("Ann-" * 25_000 + "Lee")
        assert not is_one_person(" -/_" * 25_000)


# -- label links on the line under the title are no authors ---------------------------------------------------


def test_label_links_under_the_title_are_no_authors() -> None:
    for one, two in (("Blog Post", "Colab Notebook"), ("Jupyter Notebook", "Twitter Thread"),
                     ("Semantic Scholar", "Supplementary Material")):
        md = (f"- **Foo Diffusion: Fast Sampling for Bar Models**\n"
              f"  [{one}](https://foo.github.io/blog/foo) [{two}](https://colab.research.google.com/drive/abc)\n"
              f"  [arXiv](https://arxiv.org/abs/2301.00001)\n")
        assert fields(md, "title", "authors") == [("Foo Diffusion: Fast Sampling for Bar Models", [])], (one, two)


def test_authors_linked_to_their_home_pages_under_the_title_are_still_read() -> None:
    md = """\
    - **Foo Diffusion: Fast Sampling for Bar Models**
      [Ann Lee](https://ann.example), [Bo Chan](https://bo.example)
      [arXiv](https://arxiv.org/abs/2301.00001)
    """
    assert fields(md, "authors") == [(["Ann Lee", "Bo Chan"],)]


# -- a journal of two words and a year is a venue, one person and a year is none ------------------------------


def test_a_two_word_journal_and_a_year_in_an_aside_is_the_venue() -> None:
    md = """\
    - [Foo Models](https://arxiv.org/abs/2307.01952) (Remote Sensing, 2023)
    - [Bar Models](https://arxiv.org/abs/2307.01953) (Visual Informatics, 2022)
    - [Baz Models](https://arxiv.org/abs/2307.01954) (Ann Lee, 2021)
    """
    assert fields(md, "venue", "year") == [("Remote Sensing", 2023), ("Visual Informatics", 2022), (None, 2021)]
