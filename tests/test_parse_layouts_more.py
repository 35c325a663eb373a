"""More reading-list layouts, each written anew for these tests (no text of a real list): the parse stage reads
every entry's title, authors, year, venue and kind."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

try:
    from deadline import finishes
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import fields, parse


# -- a workshop at a venue ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("aside", "venue", "year"), [
    ("Data Workshop, NIPS 2018", "NIPS Data Workshop", 2018),
    ("Deep Foo Workshop @ NeurIPS 2019", "NeurIPS Deep Foo Workshop", 2019),
    ("Workshop on Foo Models, ICML 2023", "ICML Workshop on Foo Models", 2023),
    ("NeurIPS 2018 Workshop on Bar", "NeurIPS Workshop on Bar", 2018),
    ("CVPR 2023 AI4CC Workshop", "CVPR AI4CC Workshop", 2023),
    ("ICML 2023 Workshop", "ICML Workshop", 2023),
    ("CVPR 2023", "CVPR", 2023),
], ids=["name-comma-venue", "name-at-venue", "workshop-on-comma-venue", "venue-workshop-on", "venue-name-workshop",
        "venue-workshop", "no-workshop"])
def test_a_workshop_at_a_venue_keeps_its_name(aside: str, venue: str, year: int) -> None:
    md = f"- [Foo Data Models](https://arxiv.org/abs/1811.00001) ({aside})\n"
    assert fields(md, "title", "venue", "year") == [("Foo Data Models", venue, year)]


def test_a_workshop_in_a_bold_title_aside() -> None:
    md = "**Foo Data Models (Structured Data Workshop, NIPS 2018)** [[paper](https://arxiv.org/abs/1811.00001)]\n"
    assert fields(md, "title", "venue", "year") == [("Foo Data Models", "NIPS Structured Data Workshop", 2018)]


# -- an HTML table with a folded abstract under each row ------------------------------------------------------

DIGEST = """\
    # Weekly foo digest

    <table>
    <tr><th>Title</th><th>Authors</th><th>Date</th></tr>
    <tr><td colspan="3"><b>Image Generation</b></td></tr>
    <tr><td><a href="https://arxiv.org/abs/2401.00011">Foo Fields for Bar Scenes</a></td><td>Ann Lee, Bo Chan</td>
    <td>2024-01-02</td></tr>
    <tr><td colspan="3"><details><summary>Abstract</summary>We propose foo fields. Code is at
    <a href="https://github.com/o/foo">github</a>; it builds on
    <a href="https://arxiv.org/abs/2006.00001">Old Foo Models</a>.</details></td></tr>
    <tr><td><a href="https://arxiv.org/abs/2401.00012">Quick Baz Sampling</a></td><td>Cy Dee</td><td>2024-01-03</td></tr>
    <tr><td colspan=3><details><summary>Abstract</summary>Sampling baz quickly with few steps.</details></td></tr>
    </table>
    """


def test_a_folded_abstract_under_a_table_row_is_that_rows_work() -> None:
    rows, report = parse(DIGEST)
    got = [(r["title"], r["authors"], r["year"], r["section"], r["kind"]) for r in rows]
    assert got == [
        ("Foo Fields for Bar Scenes", ["Ann Lee", "Bo Chan"], 2024, ["Image Generation"], "paper"),
        ("Old Foo Models", [], None, ["Image Generation"], "paper"),  # cited by the abstract: a mention of its own
        ("Quick Baz Sampling", ["Cy Dee"], 2024, ["Image Generation"], "paper"),
    ]
    assert [x["url"] for x in rows[0]["links"]] == ["https://arxiv.org/abs/2401.00011", "https://github.com/o/foo"]
    assert rows[0]["note"].startswith("Abstract We propose foo fields")
    assert rows[2]["note"] == "Abstract Sampling baz quickly with few steps."
    assert not [r for r in report if "no title" in r["reason"] and "2401" in (r["url"] or "")]


# -- a plain list, one work a line, in <pre> or a plain fenced block ------------------------------------------


def test_a_plain_list_in_details_pre_is_one_work_a_line() -> None:
    md = """\
    ## Papers

    <details>
    <summary>Foo papers (click)</summary>
    <pre>
    Denoising Foo Models https://arxiv.org/abs/2006.00011
    1. Score-Based Bar Modeling (ICLR 2021) https://arxiv.org/abs/2011.00012 https://github.com/o/sde
    Improved Foo Models, ICML 2021 https://arxiv.org/abs/2102.00013
    </pre>
    </details>
    """
    assert fields(md, "title", "venue", "year", "kind", "arxiv_id") == [
        ("Denoising Foo Models", None, None, "paper", "2006.00011"),
        ("Score-Based Bar Modeling", "ICLR", 2021, "paper", "2011.00012"),
        ("Improved Foo Models", "ICML", 2021, "paper", "2102.00013"),
    ]
    rows, _ = parse(md)
    assert [x["url"] for x in rows[1]["links"]] == ["https://arxiv.org/abs/2011.00012", "https://github.com/o/sde"]


def test_a_plain_list_in_a_text_fence_is_one_work_a_line_but_code_is_not() -> None:
    md = """\
    ```
    [NeurIPS 2022] Elucidating Foo https://arxiv.org/abs/2206.00014

    Bar Models Explained https://www.youtube.com/watch?v=abcdefghijk
    ```

    ```sh
    git clone https://github.com/o/repo
    ```

    <pre>
    git clone https://github.com/o/repo2
    </pre>
    """
    rows, report = parse(md)
    assert [(r["title"], r["venue"], r["year"], r["kind"]) for r in rows[:2]] == [
        ("Elucidating Foo", "NeurIPS", 2022, "paper"), ("Bar Models Explained", None, None, "video")]
    assert not any(r["title"] and "clone" in r["title"] for r in rows)
    assert any(r["url"] == "https://github.com/o/repo" for r in report)  # code: reported, as before


def test_a_pre_block_with_a_line_of_prose_is_not_a_list() -> None:
    md = """\
    <pre>
    Denoising Foo Models https://arxiv.org/abs/2006.00011
    we also liked this one: https://arxiv.org/abs/2006.00015
    </pre>
    """
    rows, _ = parse(md)
    assert all(r["layout"] == "prose" for r in rows)


# -- a heading that names a work over its links ("diary" headings) ------------------------------------------


def test_a_dated_heading_over_its_links_is_the_work() -> None:
    md = """\
    # Reading diary

    ## 2023

    ### 【2023-05-02】 Foo Diffusion for Bar Synthesis
    - paper: https://arxiv.org/abs/2305.00001
    - code: https://github.com/o/foo

    ### 【2023-05-09】Quick Baz Sampling
    *Ann Lee, Bo Chan* · CVPR 2023

    Why I liked it: it is quick.

    [arXiv](https://arxiv.org/abs/2305.00002) | [Code](https://github.com/o/baz)

    ### 2023-05-10 Slow Baz Sampling with Many Steps
    [[paper](https://arxiv.org/abs/2305.00003)]
    """
    assert fields(md, "title", "authors", "venue", "year", "date", "section", "kind") == [
        ("Foo Diffusion for Bar Synthesis", [], None, 2023, "2023-05-02", ["2023"], "paper"),
        ("Quick Baz Sampling", ["Ann Lee", "Bo Chan"], "CVPR", 2023, "2023-05-09", ["2023"], "paper"),
        ("Slow Baz Sampling with Many Steps", [], None, 2023, "2023-05-10", ["2023"], "paper"),
    ]
    rows, _ = parse(md)
    assert [len(r["links"]) for r in rows] == [2, 2, 1]


def test_a_heading_over_a_line_of_names_venue_and_links_is_the_work() -> None:
    md = """\
    ## Generation

    #### Foo Models for Bar
    **Ann Lee, Bo Chan** · CVPR 2023 · [arXiv](https://arxiv.org/abs/2305.00001)

    #### Baz Sampling Made Easy
    Cy Dee, Ed Fox · ICLR 2024 · [arXiv](https://arxiv.org/abs/2305.00002) · [code](https://github.com/o/baz)
    """
    assert fields(md, "title", "authors", "venue", "year", "section") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023, ["Generation"]),
        ("Baz Sampling Made Easy", ["Cy Dee", "Ed Fox"], "ICLR", 2024, ["Generation"])]


def test_a_heading_over_works_or_prose_stays_a_section() -> None:
    md = """\
    ### Papers on Video Generation
    We collect papers here; see also our survey [paper](https://arxiv.org/abs/2305.00009).

    ### Image Generation
    [Paper](https://arxiv.org/abs/2305.00007)

    ### More Image Generation Papers
    - [Real Title A](https://arxiv.org/abs/2305.00006)
    - [paper](https://arxiv.org/abs/2305.00005)

    ### Some Post About Foo Models
    Structured Foo Latents for Bar
    paper : https://arxiv.org/abs/2305.00004
    """
    rows, _ = parse(md)
    assert [(r["title"], r["section"]) for r in rows] == [
        (None, ["Papers on Video Generation"]), (None, ["Image Generation"]),
        ("Real Title A", ["More Image Generation Papers"]), (None, ["More Image Generation Papers"]),
        ("Structured Foo Latents for Bar", ["More Image Generation Papers"])]  # a post: titled by the line before
    #                                                                          its label lines, as before


# -- a tag of what is new before a title ---------------------------------------------------------------------


def test_a_new_tag_before_a_title_is_no_news() -> None:
    md = """\
    - **[NEW]** Qux Fields for Scenes [[paper](https://arxiv.org/abs/2301.00003)]
    - [Hot] Baz Models for Qux [paper](https://arxiv.org/abs/2301.00004)
    - 【New!】 Corge Models for Bar [paper](https://arxiv.org/abs/2301.00005)
    - [New] Our paper is accepted to CVPR 2023 [paper](https://arxiv.org/abs/2301.00006)
    - [NEWS] Foo Bar Models [paper](https://arxiv.org/abs/2301.00007)
    """
    assert fields(md, "title") == [("Qux Fields for Scenes",), ("Baz Models for Qux",), ("Corge Models for Bar",),
                                   (None,), (None,)]  # news: the paper is kept, untitled, as before


# -- a quoted title, then names ------------------------------------------------------------------------------


def test_names_after_a_quoted_title() -> None:
    md = """\
    - "Foo Models for Bar", Ann Lee, Bo Chan, CVPR 2023. [pdf](https://arxiv.org/abs/2301.00001)
    - “Baz Sampling Made Easy”, Cy Dee and Ed Fox (ICLR 2024) [pdf](https://arxiv.org/abs/2301.00002)
    """
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023),
        ("Baz Sampling Made Easy", ["Cy Dee", "Ed Fox"], "ICLR", 2024)]


# -- an HTML list, one item a line ---------------------------------------------------------------------------


def test_html_list_items_are_read_as_list_items() -> None:
    md = """\
    <ul>
      <li><a href="#intro">Introduction</a></li>
      <li><a href="https://arxiv.org/abs/2301.00001">Foo Models for Bar</a>, Ann Lee, Bo Chan. CVPR 2023.</li>
      <li><b>Qux Fields</b> <a href="https://arxiv.org/abs/2301.00003">[paper]</a> <a href="https://github.com/o/q">[code]</a>
      <li>Baz Sampling. Cy Dee. ICLR 2024. <a href="https://arxiv.org/abs/2301.00002">pdf</a></li>
      <li><a href="https://www.youtube.com/watch?v=abcdefghijk">A Talk on Foo</a> by Ann Lee</li>
    </ul>
    """
    rows, report = parse(md)
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["kind"]) for r in rows] == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023, "paper"),
        ("Qux Fields", [], None, None, "paper"),
        ("Baz Sampling", ["Cy Dee"], "ICLR", 2024, "paper"),
        ("A Talk on Foo", ["Ann Lee"], None, None, "video")]
    assert [x["url"] for x in rows[1]["links"]] == ["https://arxiv.org/abs/2301.00003", "https://github.com/o/q"]
    assert [r["reason"] for r in report] == ["table-of-contents anchor link"]


# -- table headers in European languages ---------------------------------------------------------------------


@pytest.mark.parametrize("header", [
    "| Titre | Auteurs | Conférence | Lien |",
    "| Título | Autores | Revista | Enlace |",
    "| Titel | Autoren | Konferenz | Link |",
    "| Название | Авторы | Конференция | Ссылка |",
], ids=["fr", "es", "de", "ru"])
def test_table_headers_in_european_languages(header: str) -> None:
    md = header + "\n|---|---|---|---|\n| Modèles Foo | Ann Lee, Bo Chan | ICLR 2024 | [pdf](https://arxiv.org/abs/2401.00003) |\n"
    assert fields(md, "title", "authors", "venue", "year") == [("Modèles Foo", ["Ann Lee", "Bo Chan"], "ICLR", 2024)]


def test_a_year_column_in_spanish_and_a_publication_year() -> None:
    md = """\
    | Año de publicación | Artículo | Código |
    |---|---|---|
    | 2022 | [Modelos de Foo](https://arxiv.org/abs/2201.00004) | [código](https://github.com/o/f) |
    """
    assert fields(md, "title", "year") == [("Modelos de Foo", 2022)]


# -- a bold title, a colon, then a description or the rest of the title --------------------------------------


def test_a_bold_title_then_a_description_after_a_colon() -> None:
    md = """\
    - **Foo Models for Bar**: a method that models bar with foo. [paper](https://arxiv.org/abs/2301.00001)
    - **Baz Sampling**: sampling baz quickly ([arXiv](https://arxiv.org/abs/2301.00002), ICLR 2024)
    - **MaskFoo**: Video Editing via Foo [paper](https://arxiv.org/abs/2301.00003)
    - **FooNet**: 3D Bar Fields [paper](https://arxiv.org/abs/2301.00004)
    """
    assert fields(md, "title", "authors", "venue") == [
        ("Foo Models for Bar", [], None), ("Baz Sampling", [], "ICLR"),
        ("MaskFoo: Video Editing via Foo", [], None), ("FooNet: 3D Bar Fields", [], None)]


# -- names after the title: "et al.", a star count, a venue tag before the title -----------------------------


def test_names_after_the_title() -> None:
    md = """\
    - Baz Sampling Made Easy, Cy Dee et al. [[paper](https://arxiv.org/abs/2206.00003)]
    - (ECCV 2022) Baz Sampling, Cy Dee, Ed Fox et al. [[paper](https://arxiv.org/abs/2206.00004)]
    - Ann Lee, Bo Chan et al. Foo Models for Bar. [[paper](https://arxiv.org/abs/2206.00005)]
    1. **Qux Fields** (2023) - Ann Lee et al. [[Paper]](https://arxiv.org/abs/2305.00001) ⭐ 1.2k
    - **CVPR 2023** | Quux Fields | [paper](https://arxiv.org/abs/2303.00003)
    """
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Baz Sampling Made Easy", ["Cy Dee"], None, None),
        ("Baz Sampling", ["Cy Dee", "Ed Fox"], "ECCV", 2022),
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], None, None),
        ("Qux Fields", ["Ann Lee"], None, 2023),
        ("Quux Fields", [], "CVPR", 2023)]  # the title is no author


# -- a qualifier after a plain title; a post's own words are no venue ----------------------------------------


def test_a_qualifier_after_a_plain_title_and_venue_headings() -> None:
    md = """\
    ## NeurIPS 2022

    1. Foo Models for Bar [[paper]](https://arxiv.org/abs/2206.00001)
    2. Baz Sampling [[paper]](https://arxiv.org/abs/2206.00002) (Oral)
    """
    assert fields(md, "title", "venue", "qualifier", "year") == [
        ("Foo Models for Bar", "NeurIPS", None, 2022), ("Baz Sampling", "NeurIPS", "Oral", 2022)]


def test_what_a_post_calls_itself_is_no_venue() -> None:
    md = """\
    - [What are foo models?](https://foo.blog/posts/foo/) - Bo Chan's blog post, 2022
    - [Foo Models Explained](https://www.youtube.com/watch?v=abcdefghijk) - a talk by Ann Lee (2023)
    """
    assert fields(md, "title", "venue", "year", "kind") == [
        ("What are foo models?", None, 2022, "post"), ("Foo Models Explained", None, 2023, "video")]


# -- an arXiv identifier written as text beside the title ----------------------------------------------------


def test_an_arxiv_identifier_written_as_text_is_no_part_of_the_title() -> None:
    md = """\
    * arXiv:2306.00002 - Baz Sampling (ICLR 2024)
    * Baz Sampling Two (ICLR 2024) arXiv:2306.00003
    * Baz Sampling Three, arXiv 2306.00004
    """
    assert fields(md, "title", "venue", "year", "arxiv_id") == [
        ("Baz Sampling", "ICLR", 2024, "2306.00002"), ("Baz Sampling Two", "ICLR", 2024, "2306.00003"),
        ("Baz Sampling Three", None, None, "2306.00004")]


# -- references written one a paragraph line, URLs bare ------------------------------------------------------


def test_references_a_line_with_bare_urls() -> None:
    md = """\
    Foo Models for Bar. Ann Lee, Bo Chan. In CVPR, 2023. https://arxiv.org/abs/2305.00001

    Ann Lee, Bo Chan. Baz Sampling Made Easy. ICLR 2024. https://arxiv.org/abs/2305.00002
    Qux Fields for Scenes. Cy Dee. NeurIPS 2022. https://arxiv.org/abs/2305.00003 https://github.com/o/qux

    Check out our new paper. It is at CVPR 2023. https://arxiv.org/abs/2305.00004
    """
    assert fields(md, "title", "authors", "venue", "year", "layout") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023, "item"),
        ("Baz Sampling Made Easy", ["Ann Lee", "Bo Chan"], "ICLR", 2024, "item"),
        ("Qux Fields for Scenes", ["Cy Dee"], "NeurIPS", 2022, "item"),
        (None, [], None, None, "prose")]  # prose, as before


# -- names under a title's line of links ---------------------------------------------------------------------


def test_names_under_the_title_and_its_line_of_links() -> None:
    md = """\
    - Foo Models for Bar
      [[paper](https://arxiv.org/abs/2305.00001)] [[code](https://github.com/o/foo)]
      Ann Lee, Bo Chan
      CVPR 2023
    """
    assert fields(md, "title", "authors", "venue", "year") == [("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023)]


# -- HTML paragraphs: a title link, names, a venue, one per line ---------------------------------------------


def test_html_paragraphs_of_title_names_and_venue() -> None:
    md = """\
    <p>
    <a href="https://arxiv.org/abs/2305.00001"><b>Foo Models for Bar</b></a><br>
    Ann Lee, Bo Chan<br>
    <i>CVPR 2023</i>
    </p>
    <p>
    <a href="https://arxiv.org/abs/2305.00002"><b>Baz Sampling Made Easy</b></a><br>
    Cy Dee, Ed Fox<br>
    <i>ICLR 2024</i>
    </p>
    """
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Foo Models for Bar", ["Ann Lee", "Bo Chan"], "CVPR", 2023),
        ("Baz Sampling Made Easy", ["Cy Dee", "Ed Fox"], "ICLR", 2024)]


# -- an HTML link whose text the writer wrapped over lines ---------------------------------------------------


def test_an_html_link_wrapped_over_lines() -> None:
    md = """\
    <p><a href="https://arxiv.org/abs/2305.00002">
    Baz Sampling Made
    Easy</a> (ICLR 2024)</p>
    """
    rows, report = parse(md)
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [("Baz Sampling Made Easy", "2305.00002")]
    assert not [r for r in report if r["url"]]


# -- a bold year over a list; label links in parentheses after a plain title ---------------------------------


def test_a_bold_year_paragraph_over_a_list_is_its_section() -> None:
    md = """\
    **2023**

    - [Foo Models for Bar](https://arxiv.org/abs/2305.00001)

    **CVPR 2022**
    - [Baz Sampling](https://arxiv.org/abs/2206.00002)
    """
    assert fields(md, "title", "venue", "year", "section") == [
        ("Foo Models for Bar", None, 2023, ["2023"]), ("Baz Sampling", "CVPR", 2022, ["CVPR 2022"])]


def test_label_links_in_parentheses_after_a_plain_title() -> None:
    md = "- Foo Models for Bar ([paper](https://arxiv.org/abs/2305.00001), [code](https://github.com/o/foo))\n"
    assert fields(md, "title") == [("Foo Models for Bar",)]




def test_long_lines_cost_linear_time() -> None:
    """A 100k-character line in each new layout is read (no regex backtracks, no quadratic loop)."""
    for line in ("- [T](https://arxiv.org/abs/1811.00001) (" + "Ab " * 33000 + "Workshop, NIPS 2018)\n",
                 "- [T](https://arxiv.org/abs/1811.00001) (Workshop on " + "a " * 50000 + ", ICML 2023)\n",
                 "<pre>\nAb " + "Cd " * 33000 + "https://arxiv.org/abs/1811.00001\n</pre>\n",
                 "```\n" + " -" * 50000 + "x https://arxiv.org/abs/1811.00001\n```\n",
                 "### 【2023-05-02】" + " Ab" * 33000 + "\n[paper](https://arxiv.org/abs/1811.00001)\n",
                 "### " + "【" * 50000 + " Ab\n[paper](https://arxiv.org/abs/1811.00001)\n",
                 "| " + "pub " * 25000 + "| Title |\n|---|---|\n| x | [T](https://arxiv.org/abs/1811.00001) |\n",
                 "| " + "会议" * 50000 + "| Title |\n|---|---|\n| x | [T](https://arxiv.org/abs/1811.00001) |\n",
                 "- Foo Bar, " + "Ab Cd, " * 14000 + "Ef et al. [paper](https://arxiv.org/abs/1811.00001) ⭐\n",
                 "Foo Bar. " + "Ab Cd " * 16000 + ". 2023. https://arxiv.org/abs/1811.00001\n",
                 "<p>" + '<a href="https://arxiv.org/abs/1811.00001">' * 2000 + "<a " * 20000 + "<" * 20000 + "</p>\n",
                 "<table><tr>" + "<tr <td x" * 10000 + "</table>\n"):
        with finishes():  # quadratic work would take minutes
            parse_document("t.md", line)


def test_an_entry_of_several_lines_right_over_a_rule_is_no_heading() -> None:
    # CommonMark reads lines then "---" as a heading; the writer parted two entries with a rule
    md = ("**Quiet Anchors for Panoptic Things**  \nMira Okafor, Jon Pell  \nAAAI 2024 | [Paper](https://arxiv.org/abs/2301.11798)\n"
          "---\n\n**Sliding Windows over Noisy Scores**  \nIvo Stam  \nICCV 2023 | [Paper](https://arxiv.org/abs/2211.09788)\n\n"
          "Papers\n---\n\n- [Loud Anchors](https://arxiv.org/abs/2209.14687)\n")
    assert fields(md, "title", "authors", "venue", "section") == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "AAAI", []),
        ("Sliding Windows over Noisy Scores", ["Ivo Stam"], "ICCV", []),
        ("Loud Anchors", [], None, ["Papers"])]  # one line over "---" is a heading, as written


def test_a_bold_title_whose_details_are_items_beside_it_two_spaces_after_its_marker() -> None:
    # "-  **Title**" puts the item's text at column 3: sub-items indented by two are items of the same list
    md = ("-  **Quiet Anchors for Panoptic Things**\n  - 👥 Mira Okafor, Jon Pell\n  - 🏛️ **ICLR 2025**\n"
          "  - 📝 [Paper](https://arxiv.org/abs/2408.06072) | 💻 [Code](https://github.com/q/a)\n"
          "-  **Sliding Windows over Noisy Scores**\n  - 👥 Ivo Stam\n  - 📝 [Paper](https://arxiv.org/abs/2310.19512)\n")
    assert fields(md, "title", "authors", "venue", "arxiv_id") == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICLR", "2408.06072"),
        ("Sliding Windows over Noisy Scores", ["Ivo Stam"], None, "2310.19512")]


def test_details_beside_a_bold_title_after_its_paper_link_and_the_next_title() -> None:
    md = ("-  **Quiet Anchors for Panoptic Things**\n  - 👥 Mira Okafor, Jon Pell\n"
          "  - 📝 [Paper](https://arxiv.org/abs/2408.06072)\n  - 🏛️ **NeurIPS 2023**\n"
          "-  **Sliding Windows over Noisy Scores**\n  - 👥 Ivo Stam\n  - 🏛️ **ICLR 2025**\n"
          "  - 📝 [Paper](https://arxiv.org/abs/2310.19512)\n")
    assert fields(md, "title", "authors", "venue") == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "NeurIPS"),
        ("Sliding Windows over Noisy Scores", ["Ivo Stam"], "ICLR")]


def test_a_card_over_a_rule_in_a_list_item_is_the_item() -> None:
    md = ("- **Quiet Anchors for Panoptic Things**\n  Mira Okafor · [Paper](https://arxiv.org/abs/2408.06072)\n  ---\n\n"
          "  A note on it.\n")
    assert fields(md, "title", "arxiv_id") == [("Quiet Anchors for Panoptic Things", "2408.06072")]
