"""Layouts a differential review of the parser found misread, each written anew for these tests (no text of a
real list): what each entry's fields must be."""

from __future__ import annotations

try:
    from deadline import finishes
    from parse_rows import fields
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import fields


# -- 1. a repository's entry: its description is not its title ------------------------------------------------


def test_a_repository_entry_is_titled_by_its_name_not_its_description() -> None:
    md = """\
    - [owner/quince-pytorch](https://github.com/owner/quince-pytorch) - Implementation of Quince in PyTorch
    - [acme/fast-sampler](https://github.com/acme/fast-sampler): A library for fast sampling.
    """
    assert fields(md, "title", "kind") == [("owner/quince-pytorch", "repository"),
                                           ("acme/fast-sampler", "repository")]


def test_a_repository_entry_naming_a_paper_is_titled_by_it() -> None:
    md = """\
    - [acme/okra](https://github.com/acme/okra) - Okra Sampling Made Fast (CVPR 2023)
    - [acme/kiwi](https://github.com/acme/kiwi) - Kiwi Fields for Relighting [[paper](https://arxiv.org/abs/2301.00007)]
    """
    assert fields(md, "title", "venue", "year", "kind") == [
        ("Okra Sampling Made Fast", "CVPR", 2023, "paper"), ("Kiwi Fields for Relighting", None, None, "paper")]


# -- 2. a person's name is no title ------------------------------------------------------------------------


def test_a_paper_link_whose_text_reads_as_names_is_the_title_before_its_authors() -> None:
    md = "- [Think Twice, Draw Once](https://arxiv.org/abs/2301.00001) - Ann Lee, Bo Chan\n"
    assert fields(md, "title", "authors") == [("Think Twice, Draw Once", ["Ann Lee", "Bo Chan"])]


def test_names_before_a_linked_title_are_its_authors() -> None:
    md = "- Ann Lee, Bo Chan, and Cy Dee. [Mango Fields: Neural Relighting](https://arxiv.org/abs/2310.48484). ICCV 2023.\n"
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Mango Fields: Neural Relighting", ["Ann Lee", "Bo Chan", "Cy Dee"], "ICCV", 2023)]


# -- 3. an affiliation or a label under a title is no author -------------------------------------------------


def test_an_organisation_line_under_a_title_is_no_author() -> None:
    for line in ("Google Research", "Stability AI", "Open Source"):
        md = f"**Quince Models**\n{line}\n[[paper](https://arxiv.org/abs/2301.33333)]\n"
        assert fields(md, "title", "authors") == [("Quince Models", [])], line
    md = "- [Kale Models](https://arxiv.org/abs/2301.24242)\n  - Google Research\n"
    assert fields(md, "title", "authors") == [("Kale Models", [])]


def test_a_person_line_under_a_title_is_still_its_author() -> None:
    md = "**Quince Models**\nJun Hao Liew\n[[paper](https://arxiv.org/abs/2301.33333)]\n"
    assert fields(md, "title", "authors") == [("Quince Models", ["Jun Hao Liew"])]
    md = "- [Kale Models](https://arxiv.org/abs/2301.24242)\n  - Nataniel Ruiz\n"
    assert fields(md, "title", "authors") == [("Kale Models", ["Nataniel Ruiz"])]


def test_the_organisation_check_stays_linear() -> None:
    from diffdata.parse.names import is_one_person

    with finishes():
        assert not is_one_person("Research" + "a" * 100_000)
        assert not is_one_person("Ann " * 25_000 + "Lab")


# -- 4. headings naming topics over `Paper:` lines stay sections ----------------------------------------------


def test_topic_headings_over_paper_lines_stay_sections() -> None:
    md = """\
    ### GANs
    - Paper: https://arxiv.org/abs/2301.44444

    ### VAEs
    - Paper: https://arxiv.org/abs/2301.55555

    ### Speech
    - Paper: https://arxiv.org/abs/2302.78787
    - Code: https://github.com/speech/spx

    ### Music
    - Paper: https://arxiv.org/abs/2302.79797
    - Code: https://github.com/music/mx
    """
    rows = fields(md, "title", "section", "arxiv_id")
    assert [r for r in rows if r[2]] == [(None, ["GANs"], "2301.44444"), (None, ["VAEs"], "2301.55555"),
                                         (None, ["Speech"], "2302.78787"), (None, ["Music"], "2302.79797")]


def test_headings_naming_methods_over_paper_lines_stay_works() -> None:
    md = """\
    ## Models

    ### Stable Cascade
    - Paper: https://arxiv.org/abs/2311.11415
    - Code: https://github.com/sc/sc

    ### Wuerstchen Prior
    - Paper: https://arxiv.org/abs/2311.11516
    """
    assert fields(md, "title", "section", "arxiv_id") == [("Stable Cascade", ["Models"], "2311.11415"),
                                                         ("Wuerstchen Prior", ["Models"], "2311.11516")]


def test_the_topic_heading_check_stays_linear() -> None:
    from diffdata.parse.headingwork import names_a_method

    with finishes():
        assert not names_a_method("a" * 100_000)
        assert names_a_method("Ab" * 50_000 + "C")


# -- 5. README prose is no work; an organisation is no venue ----------------------------------------------


def test_an_announcement_with_a_paper_link_stays_an_untitled_mention() -> None:
    md = "Accepted to CVPR 2023! Check out [our paper](https://arxiv.org/abs/2303.86868).\n"
    assert fields(md, "title", "arxiv_id") == [(None, "2303.86868")]


def test_an_organisation_before_the_year_is_no_venue_and_no_author() -> None:
    md = "- Leek Diffusion XL, Stability AI, 2023 [[paper](https://arxiv.org/abs/2307.25252)]\n"
    [(venue, authors, year)] = fields(md, "venue", "authors", "year")
    assert (venue, authors, year) == (None, [], 2023)
    md = "- Grault Models for Video, Ann Lee, ICCV 2023 [[paper](https://arxiv.org/abs/2307.25253)]\n"
    assert fields(md, "title", "authors", "venue") == [("Grault Models for Video", ["Ann Lee"], "ICCV")]


def test_the_organisation_patterns_stay_linear() -> None:
    from diffdata.parse.aside import read_aside
    from diffdata.parse.names import is_organisation

    with finishes():
        assert not is_organisation("A" + "b" * 100_000 + " " + "C" + "d" * 100_000)
        assert not is_organisation("Ab " * 33_000)
        read_aside("Stability " * 10_000 + "2023")


# -- 6. one word naming a firm, a site or a tool is no work ---------------------------------------------------


def test_a_firm_or_tool_before_its_label_link_names_no_work() -> None:
    md = """\
    - OpenAI [blog](https://openai.example.com/blog/foo)
    - HuggingFace [[demo](https://huggingface.co/spaces/foo/bar)]
    - PyTorch [code](https://github.com/foo/pt-impl)
    - GitHub: [link](https://github.com/foo/bar)
    - DreamBooth [[paper](https://arxiv.org/abs/2208.00001)]
    """
    assert fields(md, "title", "arxiv_id") == [("DreamBooth", "2208.00001")]


# -- 7. a name may start with a capital outside A-Z -----------------------------------------------------------


def test_names_starting_with_a_non_ascii_capital_are_authors() -> None:
    md = """\
    - [Tansy Nets](https://arxiv.org/abs/2301.00001) - Jorg Muller, Élodie Durand
    - [Sorrel Nets](https://arxiv.org/abs/2301.00002) - Łukasz Nowak, Ana Lee
    - [Yarrow Nets](https://arxiv.org/abs/2301.00003) - Jörg Müller, Élodie Durand, CVPR 2023 (Oral)
    """
    assert fields(md, "title", "authors", "venue", "qualifier", "year") == [
        ("Tansy Nets", ["Jorg Muller", "Élodie Durand"], None, None, None),
        ("Sorrel Nets", ["Łukasz Nowak", "Ana Lee"], None, None, None),
        ("Yarrow Nets", ["Jörg Müller", "Élodie Durand"], "CVPR", "Oral", 2023)]


def test_names_with_any_capital_stay_linear() -> None:
    from diffdata.parse.names import is_name_list, looks_like_names

    with finishes():
        looks_like_names("Élodie Durand, " * 7_000)
        is_name_list("Ł" + "ó" * 100_000)
        looks_like_names("Łukasz " * 14_000)


# -- 8. one name and a year are an author and a year, not a venue ---------------------------------------------


def test_one_name_and_a_year_is_no_venue() -> None:
    md = """\
    - [Kale Models](https://arxiv.org/abs/2301.24242) - Ann Lee, 2021
    - Kale Nets (Ann Lee, 2021) [[paper](https://arxiv.org/abs/2301.24243)]
    - [Kale Fields](https://arxiv.org/abs/2301.24244) (Information Fusion, 2021)
    """
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Kale Models", ["Ann Lee"], None, 2021), ("Kale Nets", [], None, 2021),
        ("Kale Fields", [], "Information Fusion", 2021)]


def test_the_name_and_year_pattern_stays_linear() -> None:
    from diffdata.parse.aside import read_aside

    with finishes():
        read_aside("Ann " * 25_000 + ", 2021")
        read_aside("Á" + "b" * 100_000 + ", 2021")


# -- 9. a tag or a qualifier beside a title is no part of it -------------------------------------------------


def test_a_tag_in_parentheses_before_a_linked_title_is_no_title() -> None:
    md = "- (WIP) [Notes on Sampling](https://someone.github.io/notes) - draft\n"
    assert fields(md, "title") == [("Notes on Sampling",)]


def test_a_qualifier_in_code_after_a_title_is_its_qualifier() -> None:
    md = """\
    - Millet Nets `Oral` [[paper](https://arxiv.org/abs/2301.11111)]
    - Millet Fields `CVPR 2023` `Oral` [[paper](https://arxiv.org/abs/2301.11112)]
    """
    assert fields(md, "title", "venue", "qualifier", "year") == [("Millet Nets", None, "Oral", None),
                                                                ("Millet Fields", "CVPR", "Oral", 2023)]


def test_a_line_of_qualifier_code_spans_stays_linear() -> None:
    with finishes():
        fields("- Millet Nets " + "`Oral` " * 15_000 + "[[paper](https://arxiv.org/abs/2301.11111)]\n", "title")
        fields("- " + "(WIP) " * 15_000 + "[Notes](https://someone.github.io/notes)\n", "title")


# -- a title of two phrases that read like names ------------------------------------------------------------


def test_two_phrases_alike_give_no_title_and_no_author() -> None:
    md = "- Look Closer, Think Deeper [[paper](https://arxiv.org/abs/2306.89898)]\n"
    [(title, authors)] = fields(md, "title", "authors")
    assert title != "Look Closer" and authors == []
    md = "- Magic Mix, Jun Hao Liew. [[paper](https://arxiv.org/abs/2210.16056)]\n"
    assert fields(md, "title", "authors") == [("Magic Mix", ["Jun Hao Liew"])]


# -- an item over a sub-list: names or the work's own name are no group --------------------------------------


def test_names_or_a_works_name_over_a_sublist_are_no_section() -> None:
    md = """\
    ## List

    - Imagen Lite
      - [Imagen Lite: Small Text-to-Image Models](https://arxiv.org/abs/2304.83838)
    - Ann Lee, Bo Chan
      - [Thyme Models](https://arxiv.org/abs/2304.84848)
    - Image Editing
      - [Baz Editing](https://arxiv.org/abs/2304.86868)
    """
    assert fields(md, "title", "section") == [("Imagen Lite: Small Text-to-Image Models", ["List"]),
                                              ("Thyme Models", ["List"]),
                                              ("Baz Editing", ["List", "Image Editing"])]


def test_an_organisation_between_a_title_and_its_year_is_no_part_of_the_title() -> None:
    md = """\
    - Leek Diffusion XL, Stability AI, 2023 [[paper](https://arxiv.org/abs/2307.25252)]
    - Leek Fields, Google Research, CVPR 2023 [[paper](https://arxiv.org/abs/2307.25253)]
    - Fast, Accurate, and Robust Foo, ICCV 2023 [[paper](https://arxiv.org/abs/2307.25254)]
    """
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Leek Diffusion XL", [], None, 2023), ("Leek Fields", [], "CVPR", 2023),
        ("Fast, Accurate, and Robust Foo", [], "ICCV", 2023)]
