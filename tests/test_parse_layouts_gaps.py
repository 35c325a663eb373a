"""Layouts a previous reading got wrong, each written anew for these tests (no text of a real list): the parse
stage reads every entry's title, authors, year, venue, arXiv id and kind."""

from __future__ import annotations

try:
    from deadline import finishes
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import fields, parse


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
    with finishes():
        parse(md)


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
    with finishes():
        assert fields(md, "title") == [("Foo Models",)]


# -- an arXiv id written in brackets, without a link ----------------------------------------------------------


def test_an_arxiv_id_in_brackets_names_the_work() -> None:
    md = """\
        - [2305.00001] Foo Models for Bar Synthesis
        - [2305.00002v2] Baz Fields for Scenes (CVPR 2023)
        - (2305.00007) Waldo Sampling Methods
        - 2305.00005 Grault Models for Images
        - [2305.00006] Garply Models [[code](https://github.com/o/g)]
        - A sentence that cites (1234.5678) in passing
        """
    rows, _ = parse(md)
    assert [(r["title"], r["venue"], r["year"], r["arxiv_id"], r["kind"]) for r in rows] == [
        ("Foo Models for Bar Synthesis", None, None, "2305.00001", "paper"),
        ("Baz Fields for Scenes", "CVPR", 2023, "2305.00002", "paper"),
        ("Waldo Sampling Methods", None, None, "2305.00007", "paper"),
        ("Grault Models for Images", None, None, "2305.00005", "paper"),
        ("Garply Models", None, None, "2305.00006", "paper"),
    ]
    assert rows[0]["links"] == [{"label": "identifier written in the text", "url": "https://arxiv.org/abs/2305.00001"}]


def test_an_untitled_arxiv_id_written_as_text_is_kept() -> None:
    rows, report = parse("- [arXiv 2305.00003] (CVPR 2023)\n")  # was dropped without a word
    assert [(r["title"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [(None, "CVPR", 2023, "2305.00003")]
    assert [r["url"] for r in report] == ["https://arxiv.org/abs/2305.00003"]


def test_a_hostile_line_of_brackets_and_digits_stays_linear() -> None:
    md = "- Foo " + "[ 2305.0000 (arXiv: 1299." * 4_000 + "\n"
    with finishes():
        parse(md)


# -- an HTML list item written over several lines -------------------------------------------------------------


def test_an_html_list_item_over_lines_is_one_entry() -> None:
    md = """\
        <ul>
        <li>
        Foo Models for Bar Synthesis (CVPR 2023)
        <a href="https://arxiv.org/abs/2301.00001">paper</a>
        </li>
        <li>Qux Sampling Made Fast
          <br>Ann Lee, Bo Chan
          <br><a href="https://arxiv.org/abs/2301.00003">[arXiv]</a> <a href="https://github.com/o/q">[code]</a></li>
        <li><a href="https://arxiv.org/abs/2301.00004">Corge Nets</a>, ICLR 2024</li>
        </ul>
        """
    rows, _ = parse(md)
    assert [(r["line"], r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        (3, "Foo Models for Bar Synthesis", [], "CVPR", 2023, "2301.00001"),
        (6, "Qux Sampling Made Fast", ["Ann Lee", "Bo Chan"], None, None, "2301.00003"),
        (9, "Corge Nets", [], "ICLR", 2024, "2301.00004"),
    ]
    assert [x["url"] for x in rows[1]["links"]] == ["https://arxiv.org/abs/2301.00003", "https://github.com/o/q"]


def test_a_hostile_html_list_stays_linear() -> None:
    md = "<ul>\n<li>" + "<li x " * 8_000 + "\n" + "</l <li " * 8_000 + "\n</ul>\n"
    with finishes():
        parse(md)


# -- course material is no paper ------------------------------------------------------------------------------


def test_lecture_slides_and_tutorials_are_posts_and_papers_stay_papers() -> None:
    md = """\
        - [Lecture 12: Foo Models (slides)](https://cs.example.edu/cs000/lecture12.pdf)
        - [Foo Models](https://www.cs.example.edu/~course/10000/slides/lec12-foo.pdf)
        - Lecture 13: Bar Models [pdf](https://cs.example.edu/cs000/lecture13.pdf)
        - [Foo Models Tutorial (CVPR 2023)](https://foo-tutorial.github.io/)
        - [Denoising Foo Models](https://people.example.edu/~ann/papers/foo.pdf)
        - [Lecture Notes on Foo, a Paper](https://arxiv.org/abs/2301.00001)
        - Foo Fields [paper](https://cs.example.edu/foo.pdf) [slides](https://cs.example.edu/slides/foo.pdf)
        - [Foo Scenes](https://openaccess.thecvf.com/content/CVPR2023/papers/Foo_Scenes_CVPR_2023_paper.pdf)
        """
    assert fields(md, "title", "kind") == [
        ("Lecture 12: Foo Models (slides)", "post"),
        ("Foo Models", "post"),
        ("Lecture 13: Bar Models", "post"),
        ("Foo Models Tutorial", "post"),
        ("Denoising Foo Models", "paper"),
        ("Lecture Notes on Foo, a Paper", "paper"),
        ("Foo Fields", "paper"),
        ("Foo Scenes", "paper"),
    ]


# -- a bold label over paragraphs of `Paper: url` lines ------------------------------------------------------


def test_a_bold_line_over_several_works_is_their_section_not_a_title() -> None:
    md = """\
        **Diffusion for video**

        Paper: https://arxiv.org/abs/2301.00002
        Code: https://github.com/o/foo

        Bar Video Models (CVPR 2023)
        Paper: https://arxiv.org/abs/2301.00003

        Prose after the works cites [a paper](https://arxiv.org/abs/2301.00009).

        **Baz Fields for Scenes**

        Paper: https://arxiv.org/abs/2301.00004

        Code: https://github.com/o/baz
        """
    rows, report = parse(md)
    assert [(r["line"], r["title"], r["section"], r["venue"], r["arxiv_id"]) for r in rows] == [
        (3, None, ["Diffusion for video"], None, "2301.00002"),  # enrichment titles it from its arXiv id
        (6, "Bar Video Models", ["Diffusion for video"], "CVPR", "2301.00003"),
        (9, "a paper", [], None, "2301.00009"),
        (11, "Baz Fields for Scenes", [], None, "2301.00004"),  # over one work: its title
    ]
    assert not [r for r in report if "two different arXiv ids" in r["reason"]]


# -- titles of two words that read like names, and one name under a title ------------------------------------


def test_a_two_word_title_before_names_is_the_title() -> None:
    md = """\
        - Dream Fusion. Ben Poole, Ajay Jain. ICLR 2023. [[paper](https://arxiv.org/abs/2209.14988)]
        - Imagen Editor, Su Wang, Chitwan Saharia, arXiv 2022 [[paper](https://arxiv.org/abs/2212.06909)]
        - Magic Mix, Jun Hao Liew. [[paper](https://arxiv.org/abs/2210.16056)]
        - Corge Nets for Video, Ann Lee, Bo Chan [[paper](https://arxiv.org/abs/2301.00004)]
        - Jonathan Ho, Ajay Jain, Pieter Abbeel. Denoising Foo Models. NeurIPS 2020. [[paper](https://arxiv.org/abs/2006.11239)]
        - Lee, Ann and Chan, Bo. Foo Nets. 2020 [[paper](https://arxiv.org/abs/2301.00005)]
        - Fast, Accurate, and Robust Foo Models [[paper](https://arxiv.org/abs/2301.00001)]
        """
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Dream Fusion", ["Ben Poole", "Ajay Jain"], "ICLR", 2023),
        ("Imagen Editor", ["Su Wang", "Chitwan Saharia"], "arXiv", 2022),
        ("Magic Mix", ["Jun Hao Liew"], None, None),
        ("Corge Nets for Video", ["Ann Lee", "Bo Chan"], None, None),
        ("Denoising Foo Models", ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"], "NeurIPS", 2020),
        ("Foo Nets", ["Lee, Ann", "Chan, Bo"], None, 2020),
        ("Fast, Accurate, and Robust Foo Models", [], None, None),
    ]


def test_one_name_on_the_line_under_a_title() -> None:
    md = """\
        Magic Mix (arXiv 2022)
        Jun Hao Liew
        [[paper](https://arxiv.org/abs/2210.16056)]

        **Dream Booth**
        Nataniel Ruiz
        [[paper](https://arxiv.org/abs/2208.12242)]

        - Magic Mix
          - Jun Hao Liew
          - [paper](https://arxiv.org/abs/2210.16057)

        ### Dream Booth
        Nataniel Ruiz, Yuanzhen Li · CVPR 2023 · [arXiv](https://arxiv.org/abs/2208.12243)
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Magic Mix", ["Jun Hao Liew"], "arXiv", 2022, "2210.16056"),
        ("Dream Booth", ["Nataniel Ruiz"], None, None, "2208.12242"),
        ("Magic Mix", ["Jun Hao Liew"], None, None, "2210.16057"),
        ("Dream Booth", ["Nataniel Ruiz", "Yuanzhen Li"], "CVPR", 2023, "2208.12243"),
    ]


def test_a_hostile_line_of_names_stays_linear() -> None:
    md = "- Magic Mix, " + "Ann Lee, " * 11_000 + "[[paper](https://arxiv.org/abs/2210.16056)]\n"
    with finishes():
        parse(md)


# -- more layouts: written anew, each checked field by field ------------------------------------------------


def test_title_authors_venue_year_then_label_links() -> None:
    md = """\
        - Foo Models for Bar. Ann Lee, Bo Chan. CVPR, 2023. [[paper]](https://arxiv.org/abs/2301.00001) [[code]](https://github.com/o/f)
        - Corge Nets: Scaling Up Corge. Lee A, Chan B. arXiv, 2023. [[pdf]](https://arxiv.org/pdf/2301.00004.pdf)
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023, "2301.00001"),
        ("Corge Nets: Scaling Up Corge", ["Lee A", "Chan B"], "arXiv", 2023, "2301.00004"),  # was one name
    ]


def test_a_paragraph_that_cites_a_work_before_its_label_links() -> None:
    md = """\
        Baz Fields for Scenes, *Ann Lee, Bo Chan*, ICLR 2024 [[paper](https://arxiv.org/abs/2301.00002)]

        Qux Sampling, Cy Dee, Ed Fox, NeurIPS 2022 [[paper](https://arxiv.org/abs/2301.00003)]
        Corge Nets, Gil Ho et al., CVPR 2023 [[paper](https://arxiv.org/abs/2301.00004)]

        <p>Grault Models for Video, Ann Lee, ICCV 2023 <a href="https://arxiv.org/abs/2301.00005">[paper]</a></p>

        We released our CVPR 2023 paper [here](https://arxiv.org/abs/2301.00006).

        If you find it useful, cite: Foo Survey, Ann Lee et al., 2023 [paper](https://arxiv.org/abs/2301.00008)
        """
    assert fields(md, "line", "layout", "title", "authors", "venue", "year", "arxiv_id") == [
        (1, "item", "Baz Fields for Scenes", ["Ann Lee", "Bo Chan"], "ICLR", 2024, "2301.00002"),
        (3, "item", "Qux Sampling", ["Cy Dee", "Ed Fox"], "NeurIPS", 2022, "2301.00003"),
        (4, "item", "Corge Nets", ["Gil Ho"], "CVPR", 2023, "2301.00004"),
        (6, "item", "Grault Models for Video", ["Ann Lee"], "ICCV", 2023, "2301.00005"),
        (8, "prose", None, [], None, None, "2301.00006"),  # a sentence: the link is cited in passing
        (10, "prose", None, [], None, None, "2301.00008"),
    ]


def test_bold_and_italic_html_read_like_markdown() -> None:
    md = """\
        <p><b>Baz Fields for Scenes</b> <a href="https://arxiv.org/abs/2301.00005">[paper]</a></p>

        <ul>
        <li><strong>Qux Sampling</strong>, <em>Cy Dee, Ed Fox</em>, NeurIPS 2022 <a href="https://arxiv.org/abs/2301.00006">[pdf]</a></li>
        </ul>

        <details>
        <summary><b>Corge Nets for Video</b>, <i>Ann Lee, Bo Chan</i>, ICLR 2024 <a href="https://arxiv.org/abs/2301.00007">[paper]</a></summary>

        Abstract text.

        </details>
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Baz Fields for Scenes", [], None, None, "2301.00005"),
        ("Qux Sampling", ["Cy Dee", "Ed Fox"], "NeurIPS", 2022, "2301.00006"),
        ("Corge Nets for Video", ["Ann Lee", "Bo Chan"], "ICLR", 2024, "2301.00007"),
    ]


def test_a_hostile_line_of_html_styles_stays_linear() -> None:
    md = "<p>" + "<b>a</b><i>b</i>" * 6_000 + "<b>" + "x<span>" * 2_000 + "</p>\n"
    with finishes():
        parse(md)


def test_an_arxiv_column_of_plain_ids_and_authors_linking_homepages() -> None:
    md = """\
        | Title | Code | Venue | arXiv |
        |---|---|---|---|
        | Foo Models for Bar Synthesis | [code](https://github.com/o/f) | CVPR 2023 | 2301.00001 |

        **Baz Fields for Scenes**
        [Ann Lee](https://annlee.example.org), [Bo Chan](https://bochan.github.io)
        ICLR 2024 [[paper](https://arxiv.org/abs/2301.00002)]
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Foo Models for Bar Synthesis", [], "CVPR", 2023, "2301.00001"),
        ("Baz Fields for Scenes", ["Ann Lee", "Bo Chan"], "ICLR", 2024, "2301.00002"),
    ]


def test_names_in_an_aside_and_names_that_link_homepages_in_a_line() -> None:
    md = """\
        1. Grault Models (Ann Lee, Bo Chan; ICCV 2023) [[paper](https://arxiv.org/abs/2301.00005)]
        2. Garply Models. [Ann Lee](https://a.example.org), [Bo Chan](https://b.example.org). ECCV 2022. [[paper](https://arxiv.org/abs/2301.00006)]
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Grault Models", ["Ann Lee", "Bo Chan"], "ICCV", 2023, "2301.00005"),
        ("Garply Models", [], "ECCV", 2022, "2301.00006"),  # was untitled prose; the linked names are not read
    ]


def test_a_paragraph_of_names_and_a_venue_is_no_title() -> None:
    md = """\
        Some text above.

        Nataniel Ruiz, Yuanzhen Li · CVPR 2023 · [arXiv](https://arxiv.org/abs/2208.12243)
        """
    assert fields(md, "title", "arxiv_id") == [(None, "2208.12243")]  # was titled 'CVPR 2023 ·'
    md = "Some text above.\n\nAnn Lee · AAAI 2024 · [arXiv](https://arxiv.org/abs/2301.00004)\n"
    assert fields(md, "title", "arxiv_id") == [(None, "2301.00004")]  # one name is no title either
    md = "Dream Fusion. Ben Poole, Ajay Jain. ICLR 2023. [[paper](https://arxiv.org/abs/2209.14988)]\n"
    assert fields(md, "title", "authors") == [("Dream Fusion", ["Ben Poole", "Ajay Jain"])]


def test_a_heading_that_names_a_venue_without_a_year() -> None:
    md = """\
        ### ICLR

        - Qux Sampling (2021) [[paper](https://arxiv.org/abs/2101.00003)]

        ### Science

        - Foo Cells [[paper](https://arxiv.org/abs/2101.00004)]
        """
    assert fields(md, "title", "venue", "year") == [("Qux Sampling", "ICLR", 2021), ("Foo Cells", None, None)]


def test_works_written_as_headings_of_one_or_two_words() -> None:
    md = """\
        ## Personalization

        ### DreamBooth
        - Paper: https://arxiv.org/abs/2208.12242
        - Code: https://github.com/o/db

        ### Magic Mix
        - Paper: https://arxiv.org/abs/2210.16056

        ## Surveys

        ### Survey
        - Paper: https://arxiv.org/abs/2209.00796

        ### Image Generation
        - [Foo Models](https://arxiv.org/abs/2301.00001)
        """
    assert fields(md, "title", "section", "arxiv_id") == [
        ("DreamBooth", ["Personalization"], "2208.12242"),
        ("Magic Mix", ["Personalization"], "2210.16056"),
        (None, ["Surveys", "Survey"], "2209.00796"),  # a heading alone over one paper stays a section
        ("Foo Models", ["Surveys", "Image Generation"], "2301.00001"),
    ]


def test_paragraph_lines_of_a_title_then_links_then_a_venue() -> None:
    md = """\
        Garply Models | [Paper](https://arxiv.org/abs/2301.00006) | [Code](https://github.com/o/g) | ICCV 2023
        Waldo Models | [Paper](https://arxiv.org/abs/2301.00007) | ECCV 2022

        Foo Models [paper](https://arxiv.org/abs/2301.00008) was accepted at CVPR 2023.
        """
    assert fields(md, "layout", "title", "venue", "year", "arxiv_id") == [
        ("item", "Garply Models", "ICCV", 2023, "2301.00006"),
        ("item", "Waldo Models", "ECCV", 2022, "2301.00007"),
        ("prose", None, None, None, "2301.00008"),
    ]


def test_a_venue_with_its_month_gives_the_date() -> None:
    md = """\
        - Corge Nets (arXiv 2023.06) [[paper](https://arxiv.org/abs/2306.00004)]
        - Grault Models (CVPR 2023.06.18) [[paper](https://arxiv.org/abs/2306.00005)]
        """
    assert fields(md, "title", "venue", "year", "date") == [
        ("Corge Nets", "arXiv", 2023, "2023.06"), ("Grault Models", "CVPR", 2023, "2023.06.18")]


def test_a_label_item_over_works_and_a_title_in_curly_single_quotes() -> None:
    md = """\
        - Image Editing
          - [Baz Editing](https://arxiv.org/abs/2301.00003)
          - [Qux Editing](https://arxiv.org/abs/2301.00004)
        - Foo Models for Bar
          - [arXiv](https://arxiv.org/abs/2301.00006)
        - Cy Dee, ‘Grault Sampling for Video’, ICLR 2024 [link](https://openreview.net/forum?id=xyz)
        - Don’t Stop Foo: Bar Models, Ed Fox et al. [[paper](https://arxiv.org/abs/2301.00007)]
        """
    assert fields(md, "title", "authors", "venue", "section") == [
        ("Baz Editing", [], None, ["Image Editing"]),
        ("Qux Editing", [], None, ["Image Editing"]),
        ("Foo Models for Bar", [], None, []),  # a sub-item of its own link: its details, not a group
        ("Grault Sampling for Video", ["Cy Dee"], "ICLR", []),
        ("Don’t Stop Foo: Bar Models", ["Ed Fox"], None, []),
    ]


def test_a_summary_over_a_list_of_works_is_their_section() -> None:
    md = """\
        <details><summary><h3>Video Generation</h3></summary>

        - [Qux Video](https://arxiv.org/abs/2301.00003)

        </details>
        <details><summary>CVPR 2023</summary>

        - [Corge Video](https://arxiv.org/abs/2301.00004)
        </details>

        - [Grault Video](https://arxiv.org/abs/2301.00005)
        """
    assert fields(md, "title", "section", "venue", "year") == [
        ("Qux Video", ["Video Generation"], None, None),
        ("Corge Video", ["CVPR 2023"], "CVPR", 2023),
        ("Grault Video", [], None, None),  # the section ends with its element
    ]


def test_code_spans_of_venues_dates_and_topics_around_a_title() -> None:
    md = """\
        - Baz Fields for Scenes `ICLR'24` [[paper](https://arxiv.org/abs/2301.00002)]
        - `2023` `NeurIPS` Qux Sampling Made Fast [[paper](https://arxiv.org/abs/2301.00003)]
        - `video` `editing` Garply Models for Video [[paper](https://arxiv.org/abs/2301.00006)]
        """
    assert fields(md, "title", "venue", "year") == [
        ("Baz Fields for Scenes", "ICLR", 2024), ("Qux Sampling Made Fast", "NeurIPS", 2023),
        ("Garply Models for Video", None, None)]


def test_a_line_of_many_code_spans_stays_linear() -> None:
    md = "- Foo Models " + "`ab` `CVPR 2023` " * 6_000 + "[[paper](https://arxiv.org/abs/2301.00001)]\n"
    with finishes():
        assert fields(md, "title") == [("Foo Models ab",)]  # a code span inside the title is its own


def test_a_link_named_after_its_repository_is_no_title() -> None:
    md = "- [o/qux](https://github.com/o/qux) - Qux Sampling Made Fast (CVPR 2023)\n"
    assert fields(md, "title", "venue", "year", "kind") == [("Qux Sampling Made Fast", "CVPR", 2023, "paper")]


def test_an_html_table_with_a_bold_first_row_and_names_under_titles() -> None:
    md = """\
        <table>
        <tr><td><b>Title</b></td><td><b>Venue</b></td><td><b>Code</b></td></tr>
        <tr><td><a href="https://arxiv.org/abs/2301.00001"><b>Foo Models for Bar</b></a><br><i>Ann Lee, Bo Chan</i></td>
        <td>CVPR 2023</td><td><a href="https://github.com/o/f">code</a></td></tr>
        <tr><td>Baz Fields<br>Cy Dee</td><td>ICLR 2024</td><td><a href="https://arxiv.org/abs/2301.00002">arXiv</a></td></tr>
        </table>

        | Paper | Venue |
        |---|---|
        | [Qux Models](https://arxiv.org/abs/2301.00003)<br>*Ed Fox, Gil Ho* | NeurIPS 2022 |
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023, "2301.00001"),
        ("Baz Fields", ["Cy Dee"], "ICLR", 2024, "2301.00002"),
        ("Qux Models", ["Ed Fox", "Gil Ho"], "NeurIPS", 2022, "2301.00003"),
    ]


def test_an_arxiv_badge_that_says_the_id_but_links_elsewhere() -> None:
    md = """\
        - Foo Models for Bar [![arXiv](https://img.shields.io/badge/arXiv-2301.00001-b31b1b.svg)](https://foo.github.io)
        - Baz Fields [![arXiv](https://img.shields.io/badge/arXiv-2301.00002-b31b1b.svg)]()
        """
    assert fields(md, "title", "arxiv_id", "kind") == [
        ("Foo Models for Bar", "2301.00001", "paper"), ("Baz Fields", "2301.00002", "paper")]


def test_a_method_named_in_one_word_before_its_label_links() -> None:
    md = """\
        - DreamBooth [[paper](https://arxiv.org/abs/2208.12242)] [[code](https://github.com/o/db)]
        - ControlNet: [paper](https://arxiv.org/abs/2302.05543)
        - Pix2Pix-Zero (SIGGRAPH 2023) [[paper](https://arxiv.org/abs/2302.03027)]
        - See [paper](https://arxiv.org/abs/2301.00001)
        - NEW [paper](https://arxiv.org/abs/2301.00002)
        """
    assert fields(md, "title", "venue", "year", "arxiv_id") == [
        ("DreamBooth", None, None, "2208.12242"), ("ControlNet", None, None, "2302.05543"),
        ("Pix2Pix-Zero", "SIGGRAPH", 2023, "2302.03027"),
        (None, None, None, "2301.00001"), (None, None, None, "2301.00002"),  # a word, a tag: no title
    ]


def test_a_hostile_one_word_item_stays_linear() -> None:
    md = "- " + "aB" * 50_000 + "/ [paper](https://arxiv.org/abs/2301.00001)\n"
    with finishes():
        parse(md)


def test_a_title_key_with_a_full_width_colon() -> None:
    md = """\
        - **论文标题**：Foo Models for Bar
          - 作者：Ann Lee, Bo Chan
          - 会议：CVPR 2023
          - 链接：[arXiv](https://arxiv.org/abs/2301.00001)
        - **标题**：Corge Models [[arXiv](https://arxiv.org/abs/2301.00003)]
        - **DDPM**：去噪扩散概率模型 [[arXiv](https://arxiv.org/abs/2006.11239)]
        """
    assert fields(md, "title", "authors", "venue", "year", "arxiv_id") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023, "2301.00001"),  # was '论文标题'
        ("Corge Models", [], None, None, "2301.00003"),
        ("DDPM", [], None, None, "2006.11239"),  # a description after the name stays out of the title
    ]


def test_a_venue_aside_before_a_title_link() -> None:
    md = """\
        - (ECCV 2022) [Qux Sampling](https://arxiv.org/abs/2201.00003), *Cy Dee*
        - [CVPR 2023] [Corge Nets](https://arxiv.org/abs/2301.00004) - Ann Lee, Bo Chan
        """
    assert fields(md, "layout", "title", "authors", "venue", "year") == [
        ("bullet", "Qux Sampling", ["Cy Dee"], "ECCV", 2022),  # was prose, without its author
        ("bullet", "Corge Nets", ["Ann Lee", "Bo Chan"], "CVPR", 2023),
    ]


def test_an_item_that_is_only_an_identifier_is_an_untitled_mention() -> None:
    """'- [arXiv 2305.00003]' alone was dropped without a word; it is a mention (enrichment can title it)."""
    for item, ids in (("- [arXiv 2305.00003]", ("2305.00003", None)), ("- arXiv:2305.00004", ("2305.00004", None)),
                      ("- [2305.00005]", ("2305.00005", None)), ("- doi: 10.1000/xyz", (None, "10.1000/xyz"))):
        rows, report = parse(f"# L\n\n{item}\n- [A Linked Paper](https://arxiv.org/abs/2301.00001)\n")
        assert [(r["title"], r["arxiv_id"], r["doi"]) for r in rows] == [(None, *ids), ("A Linked Paper", "2301.00001",
                                                                                          None)], item
        assert any(r["line"] == 3 and "no title" in r["reason"] for r in report), item


def test_a_doi_written_before_a_title_is_no_part_of_it() -> None:
    assert fields("- doi: 10.1000/xyz Some Paper Title\n", "title", "doi") == [("Some Paper Title", "10.1000/xyz")]


# -- a definition list: the term is the title, its definitions the details ------------------------------------

DEFINITIONS = """\
    Foo Models for Bar Synthesis
    :   Ann Lee, Bo Chan. NeurIPS 2020. <https://arxiv.org/abs/2006.00001>

    Qux Sampling Made Fast
    :   A sampler in ten steps. Cy Dee, Di Eng, ICLR 2021. <https://arxiv.org/abs/2010.00002>

    Baz Guidance
    :   Ed Fox, Flo Gee
    :   arXiv 2022 · [paper](https://arxiv.org/abs/2207.00003)
"""


def test_each_term_of_a_definition_list_is_a_work_titled_by_it() -> None:
    assert fields(DEFINITIONS, "line", "title", "authors", "year", "arxiv_id") == [
        (1, "Foo Models for Bar Synthesis", ["Ann Lee", "Bo Chan"], 2020, "2006.00001"),
        (4, "Qux Sampling Made Fast", ["Cy Dee", "Di Eng"], 2021, "2010.00002"),  # the names after a sentence
        (7, "Baz Guidance", ["Ed Fox", "Flo Gee"], 2022, "2207.00003"),
    ]


def test_only_terms_each_with_a_definition_make_a_definition_list() -> None:
    from diffdata.parse.model import Line
    from diffdata.parse.paragraphs import definition_entries

    def lines(*texts: str) -> list[Line]:
        return [Line(n, text=t) for n, t in enumerate(texts, 1)]

    found = definition_entries(lines("Foo Models", ":   Ann Lee. NeurIPS 2020.", "Bar Fields", "~ Bo Chan"))
    assert [[ln.text for ln in term] for term in found] == [["Foo Models", "Ann Lee. NeurIPS 2020."],
                                                           ["Bar Fields", "Bo Chan"]]
    assert definition_entries(lines("Foo Models", "Bar Fields", ":   Ann Lee.")) is None  # two terms in a row
    assert definition_entries(lines("Foo Models", ":   Ann Lee.", "Bar Fields")) is None  # the last undefined
    assert definition_entries(lines(": Foo Models", ":   Ann Lee.")) is None  # no term first
    assert definition_entries(lines("Foo Models: a model", "for bars")) is None  # a colon inside a line


def test_a_year_column_written_in_two_digits() -> None:
    md = ("| Method | Paper | Venue | Year |\n|---|---|---|:-:|\n"
          "| FDM | [Foo Models](https://arxiv.org/abs/2201.00001) | NeurIPS | '22 |\n"
          "| BF | [Bar Fields](https://arxiv.org/abs/2209.00002) | ICLR | ’23 |\n"
          "| QM | [Qux Models](https://arxiv.org/abs/2108.00003) | ICCV | 21 |\n"
          "| ZM | [Zed Models](https://arxiv.org/abs/2108.00004) | ICCV | 7 |\n")
    assert fields(md, "title", "year") == [("Foo Models", 2022), ("Bar Fields", 2023), ("Qux Models", 2021),
                                           ("Zed Models", None)]  # one digit says no year
