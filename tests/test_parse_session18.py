"""Layouts read in session 18 (entries a list item folded in, APA names opening with a particle, one author
before a venue), each with the near misses that must stay as they were."""

from __future__ import annotations

from diffdata.parse import parse_document


def fields(md: str, *names: str) -> list[tuple]:
    rows, _ = parse_document("x.md", md)
    return [tuple(r[n] for n in names) for r in rows]


def test_entries_a_list_item_folded_in_are_entries_of_their_own() -> None:
    """A marker CommonMark reads as none ('🔹', '-[' with no space) makes the next entries lazy lines of the item
    above: each is an entry with its names, and the item ends at its own line."""
    md = ("- [Alpha Paper Title Here](https://arxiv.org/abs/2101.00001) - Ann Lee, Bo Chan, ICML 2021\n"
          "🔹 [Beta Paper Title Here](https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n"
          "-[Gamma Paper Title Here](https://arxiv.org/abs/2104.00004) - Ivy Jo, Kai Lam, ECCV 2022\n")
    assert fields(md, "line", "end_line", "title", "authors", "year", "venue") == [
        (1, 1, "Alpha Paper Title Here", ["Ann Lee", "Bo Chan"], 2021, "ICML"),
        (2, 2, "Beta Paper Title Here", ["Cy Dorn", "Di Eng"], 2022, "ICLR"),
        (3, 3, "Gamma Paper Title Here", ["Ivy Jo", "Kai Lam"], 2022, "ECCV")]


def test_a_link_in_an_items_lazy_text_stays_a_mention_in_its_description() -> None:
    md = ("- [Alpha Paper Title Here](https://arxiv.org/abs/2101.00001) - Ann Lee, Bo Chan, ICML 2021\n"
          "which builds on [Beta Paper Title Here](https://arxiv.org/abs/2102.00002) - Cy Dorn, ICLR 2022\n")
    assert fields(md, "line", "end_line", "title", "authors", "layout") == [
        (1, 2, "Alpha Paper Title Here", ["Ann Lee", "Bo Chan"], "bullet"),
        (2, 2, "Beta Paper Title Here", [], "prose")]
    md = ("- **Alpha Paper Title Here** [paper](https://arxiv.org/abs/2101.00001)\n"
          "🔹 [Beta Paper Title Here](https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n")
    assert fields(md, "title", "layout")[0] == ("Alpha Paper Title Here", "block")  # another shape: as before


def test_a_citation_whose_first_surname_opens_with_a_particle_is_read() -> None:
    """APA, Harvard, LNCS and Nature styles with "van den Oord, A." first (the particle in lower case)."""
    md = ("- van den Oord, A., Dieleman, S., & Zen, H. (2016). WaveNet: A generative model for raw audio. "
          "*arXiv preprint arXiv:1609.03499*.\n"
          "- de Bortoli, V., Thornton, J., & Doucet, A. (2021). Diffusion Schrödinger bridge with applications to "
          "score-based generative modeling. In *NeurIPS*. https://arxiv.org/abs/2106.01357\n"
          "- van den Oord, A., Vinyals, O.: Neural discrete representation learning. In: NeurIPS (2017)\n"
          "- van den Oord, A., Vinyals, O. & Kavukcuoglu, K. Neural discrete representation learning. Adv. Neural "
          "Inf. Process. Syst. 30 (2017).\n")
    assert fields(md, "title", "authors", "year") == [
        ("WaveNet: A generative model for raw audio", ["van den Oord, A.", "Dieleman, S.", "Zen, H."], 2016),
        ("Diffusion Schrödinger bridge with applications to score-based generative modeling",
         ["de Bortoli, V.", "Thornton, J.", "Doucet, A."], 2021),
        ("Neural discrete representation learning", ["van den Oord, A.", "Vinyals, O."], 2017),
        ("Neural discrete representation learning", ["van den Oord, A.", "Vinyals, O.", "Kavukcuoglu, K."], 2017)]


def test_a_sentence_in_lower_case_before_a_year_is_no_citation() -> None:
    md = "- van models were popular (2020). Then diffusion took over the field. See [DDPM](https://arxiv.org/abs/2006.11239)\n"
    assert fields(md, "title", "authors") == [("DDPM", [])]


def test_one_author_alone_on_the_line_under_a_title_with_particles_or_before_a_venue() -> None:
    md = ("- [Gamma Paper Title Here](https://arxiv.org/abs/2103.00003)\n  Rohan de la Cruz\n  *CVPR 2022*\n\n"
          "**Alpha Paper Title Here**  \nDora Lind. ICML 2021.  \n[paper](https://arxiv.org/abs/2101.00001)\n\n"
          "**Beta Paper Title Here**  \nAnn Lee. ICML 2021. [paper](https://arxiv.org/abs/2101.00002)\n")
    assert fields(md, "title", "authors") == [("Gamma Paper Title Here", ["Rohan de la Cruz"]),
                                              ("Alpha Paper Title Here", ["Dora Lind"]),
                                              ("Beta Paper Title Here", [])]  # beside links, a tag reads the same:
    # "Strong Baseline. CVPR 2023. [paper](..)" (review 29)


def test_a_tag_or_a_method_under_a_title_is_no_author() -> None:
    for line in ("Tech Report. 2023. [pdf](https://a.org/x.pdf)", "Must Read. [paper](https://arxiv.org/abs/2201.00001)",
                 "Strong Baseline. CVPR 2023. [paper](https://arxiv.org/abs/2201.00001)", "Tech Report. 2023.",
                 "Highly Recommended. [paper](https://arxiv.org/abs/2201.00001)",
                 "Google Research. NeurIPS 2022. [paper](https://arxiv.org/abs/2201.00001)",
                 "Image Editing. [paper](https://arxiv.org/abs/2201.00001)",
                 "Stable Diffusion. [code](https://github.com/a/b)",
                 "Ann Lee. ICML 2021. [Bo Chan](https://bochan.github.io)"):  # a person's link: no label
        assert fields(f"**Alpha Paper Title Here**\n{line}\n", "authors") == [([],)], line


def test_a_list_right_under_details_and_summary_tags_is_read_as_a_list() -> None:
    """No blank line after ``<summary>``: CommonMark makes the list part of the HTML block (GitHub shows it as
    text); its entries keep their names, the summary names their section, the lines stay the file's."""
    md = ("# Papers\n\n<details>\n<summary>2022</summary>\n"
          "- [Alpha Paper Title Here](https://arxiv.org/abs/2201.00001) - Ann Lee, Bo Chan (ICML 2022)\n"
          "- [Beta Paper Title Here](https://arxiv.org/abs/2202.00002) - Cy Dorn (ICLR 2022)\n"
          "  - [code](https://github.com/cy/beta)\n</details>\n\n## Later\n\n"
          "- [Gamma Paper Title Here](https://arxiv.org/abs/2301.00003) - Di Eng (CVPR 2023)\n")
    rows, report = parse_document("x.md", md)
    assert [(r["line"], r["section"], r["title"], r["authors"], r["venue"]) for r in rows] == [
        (5, ["2022"], "Alpha Paper Title Here", ["Ann Lee", "Bo Chan"], "ICML"),  # (the H1 titles the document)
        (6, ["2022"], "Beta Paper Title Here", ["Cy Dorn"], "ICLR"),
        (12, ["Later"], "Gamma Paper Title Here", ["Di Eng"], "CVPR")]
    assert [lk["url"] for lk in rows[1]["links"]][-1] == "https://github.com/cy/beta"
    assert not [r for r in report if r["severity"] == "warning"]


def test_tags_among_list_lines_keep_the_html_block_as_it_was() -> None:
    md = ("<div>\n- [Alpha Paper Title Here](https://arxiv.org/abs/2201.00001) - Ann Lee, Bo Chan (ICML 2022)\n"
          "<br>\n- [Beta Paper Title Here](https://arxiv.org/abs/2202.00002) - Cy Dorn (ICLR 2022)\n</div>\n")
    from diffdata.parse.markdown import markdown_in_html
    assert markdown_in_html(md) is None
    assert markdown_in_html("<details>\n<summary>2022</summary>\n- [A](u) x\n</details>") == (2, 3)
    assert markdown_in_html("- [A](u) x\n</details>") is None  # nothing opens it: not this shape


def test_a_record_of_labelled_fields_whose_title_is_a_link() -> None:
    md = ("**Paper:** [Beta Paper Title Here](https://arxiv.org/abs/2205.00002)  \n**Authors:** Cy Dorn, Di Eng  \n"
          "**Venue:** ICML 2022\n\n---\n\n"
          "Title: [Gamma Paper Title Here](https://arxiv.org/abs/2205.00003)  \nAuthors: Fay Gold, Hal Ito  \n"
          "Venue: ICML 2022\n")
    assert fields(md, "title", "authors", "venue", "year") == [
        ("Beta Paper Title Here", ["Cy Dorn", "Di Eng"], "ICML", 2022),
        ("Gamma Paper Title Here", ["Fay Gold", "Hal Ito"], "ICML", 2022)]


def test_a_label_link_or_more_after_the_title_label_is_no_titled_record() -> None:
    md = "Paper: [arXiv](https://arxiv.org/abs/2205.00002)  \nAuthors: Cy Dorn, Di Eng  \nVenue: ICML 2022\n"
    assert fields(md, "title", "layout") == [(None, "post")]  # no title written: as before
    md = ("Paper: [Beta Paper Title Here](https://arxiv.org/abs/2205.00002) and [Gamma Paper Title Here]"
          "(https://arxiv.org/abs/2205.00003)  \nAuthors: Cy Dorn, Di Eng\n")
    assert [t for t, in fields(md, "title")] != ["Beta Paper Title Here"]  # two works: no record of one


def test_the_date_a_list_keeper_added_or_read_an_entry_is_not_its_year() -> None:
    md = ('[1] A. Lee and B. Chan, “Alpha Paper Title Here,” in *Proc. ICML*, 2020, pp. 1–9. Accessed: Nov. 13, 2024. '
          "[Online]. Available: https://arxiv.org/abs/2001.00001\n\n"
          "| Name | Authors | Year | Venue | URL | Created |\n|---|---|---|---|---|---|\n"
          "| Beta Paper Title Here | Cy Dorn |  | ICML | https://openreview.net/forum?id=abcdEFGH12 | May 7, 2023 |\n"
          "| Delta Paper Title Here | Di Eng | 2021 | ICML | https://openreview.net/forum?id=abcdEFGH14 | May 7, 2023 |\n\n"
          "- [[Gamma Paper Title Here]]\n  authors:: [[Fay Gold]]\n  date-added:: [[Jun 13th, 2024]]\n"
          "  url:: https://openreview.net/forum?id=abcdEFGH13\n")
    assert fields(md, "title", "year") == [("Alpha Paper Title Here", 2020), ("Beta Paper Title Here", None),
                                           ("Delta Paper Title Here", 2021), ("Gamma Paper Title Here", None)]


def test_a_date_column_or_a_published_line_still_gives_the_year() -> None:
    md = ("| Title | Date | URL |\n|---|---|---|\n| Beta Paper Title Here | May 7, 2023 | https://openreview.net/forum?id=abcdEFGH12 |\n\n"
          "- [Gamma Paper Title Here](https://openreview.net/forum?id=abcdEFGH13)\n  Published: June 2022\n")
    assert fields(md, "title", "year") == [("Beta Paper Title Here", 2023), ("Gamma Paper Title Here", 2022)]


def test_note_tools_fields_with_two_colons_are_fields() -> None:
    """Roam's and Logseq's ``Key:: value`` (a sub-item each), Obsidian Dataview's ``key:: value`` lines and its
    inline ``[key:: value]`` after a link."""
    md = ("- **Title**:: Alpha Paper Title Here\n    - **Authors**:: [[Ann Lee]], [[Bo Chan]]\n    - **Year**:: 2022\n"
          "    - **URL**:: https://arxiv.org/abs/2205.00001\n"
          "- **Title**:: Beta Paper Title Here\n    - **Author(s)**:: Cy Dorn, Di Eng\n"
          "    - **Source**:: [arXiv](https://arxiv.org/abs/2205.00002)\n\n## Quick list\n\n"
          "- [Gamma Paper Title Here](https://arxiv.org/abs/2205.00003) [author:: Fay Gold, Hal Ito] [year:: 2022] "
          "[venue:: ICML]\n\n## Delta Paper Title Here\n\nauthor:: [[Ivy Jo]], [[Kai Lam]]\nyear:: 2021\n"
          "url:: https://arxiv.org/abs/2105.00004\n")
    assert fields(md, "line", "title", "authors", "year", "arxiv_id") == [
        (1, "Alpha Paper Title Here", ["Ann Lee", "Bo Chan"], 2022, "2205.00001"),
        (5, "Beta Paper Title Here", ["Cy Dorn", "Di Eng"], None, "2205.00002"),  # (no year written)
        (11, "Gamma Paper Title Here", ["Fay Gold", "Hal Ito"], 2022, "2205.00003"),
        (13, "Delta Paper Title Here", ["Ivy Jo", "Kai Lam"], 2021, "2105.00004")]


def test_two_colons_elsewhere_are_left_as_written() -> None:
    md = "- [Alpha Paper Title Here](https://arxiv.org/abs/2205.00001) - uses `torch::jit` and std::vector, ICML 2022\n"
    assert fields(md, "title", "venue") == [("Alpha Paper Title Here", "ICML")]
    from diffdata.parse.notesmarkup import _fields as _one_colon_fields
    assert _one_colon_fields("a::b\nC++ std::move\n") == "a::b\nC++ std::move\n"
    assert _one_colon_fields("- **Year**:: 2022\nyear::\n") == "- **Year**: 2022\nyear:\n"


def test_a_question_heading_over_a_papers_fields_and_links_is_its_title() -> None:
    md = ("## Are Diffusion Models Vision-And-Language Reasoners?\n\n**Authors:** Ann Lee, Bo Chan  \n"
          "**Venue:** NeurIPS 2023  \n[paper](https://arxiv.org/abs/2305.16397)\n")
    assert fields(md, "title", "authors", "venue") == [
        ("Are Diffusion Models Vision-And-Language Reasoners?", ["Ann Lee", "Bo Chan"], "NeurIPS")]


def test_a_question_heading_over_a_sentence_or_a_bare_link_is_no_title() -> None:
    md = ("## How Do I Start?\n\nRead [this paper](https://arxiv.org/abs/2006.11239) first.\n\n"
          "## Why Does It Work?\n\n[paper](https://arxiv.org/abs/2010.02502)\n")
    assert fields(md, "title") == [(None,), (None,)]


# -- review 29's worse cases (snippets against 5d1e340), each read as before the session -------------------------


def test_near_misses_of_the_sessions_rules_read_as_before() -> None:
    item = "- [Prompt Editing Flows](https://arxiv.org/abs/2208.01001) - Ann Lee, Bo Chan, CVPR 2023\n"
    assert fields(item + "🔹 [Colab Notebook](https://colab.research.google.com/x) - try it online\n", "title") == [
        ("Prompt Editing Flows",)]  # a resource line under an item, no names and venue: no entry of its own
    assert fields("- de Novo Protein Design (2022). Still the most exciting application of diffusion.\n",
                  "authors") in ([], [([],)])  # "de" before no "Surname, I.": no citation
    assert fields("- [Quiet Flows](https://arxiv.org/abs/2101.00001) - Ann Lee, Owen Read, ICML 2021\n",
                  "authors") == [(["Ann Lee", "Owen Read"],)]  # "Read" is a surname
    md = ("<details>\n<summary>2022</summary>\n- [Sharper Samplers](https://arxiv.org/abs/2201.03001) - Ann Lee, ICML 2022"
          "</details>\n\n- [Guided Flows](https://arxiv.org/abs/2203.03006) - Gus Irwin, ICLR 2023\n")
    assert fields(md, "title", "section")[-1] == ("Guided Flows", [])  # the closing tag on an item's line: as before
    assert fields("**Paper:** [Click here](https://arxiv.org/abs/2205.00002)  \n**Authors:** Cy Dorn, Di Eng\n",
                  "title") == [(None,)]
    assert fields("- [Quiet Flows](https://openreview.net/forum?id=abcdEFGH12)\n  Added: NeurIPS 2022 camera-ready\n",
                  "year", "venue") == [(2022, "NeurIPS")]  # a version's venue after "Added:", not a date
    assert fields("**Title:** [Latent Bridges](https://arxiv.org/abs/2206.04002)\n**Authors:** Cy Dorn, Dee Fry\n"
                  "**Rating:** 2022 favourite\n", "year") == [(None,)]  # the keeper's rating
    assert fields("| Model | Created | Params |\n|---|---|---|\n| [Pixel Cascade](https://arxiv.org/abs/2105.05005) | 2021 "
                  "| 3B |\n", "year") == [(2021,)]  # a year alone in a "Created" column: the work's
    assert fields("- [std::variant in Modern C++](https://example.com/a)\n", "title") == [("std::variant in Modern C++",)]
    assert fields("| Title | Authors | Year |\n|---|---|---|\n| [Guided Flows](https://arxiv.org/abs/2207.06003) "
                  "[rating:: 5] | Eve Gantt | 2022 |\n", "authors", "year") == [(["Eve Gantt"], 2022)]
    assert fields('[2] C. Dorn, "Latent bridges," in Proc. Workshop on Publicly available Datasets, 2022, pp. 1-4.\n',
                  "year") == [(2022,)]


def test_a_venue_whose_name_holds_a_comma_or_opens_with_ieee_cvf() -> None:
    md = ("- Lee, A. (2022). Alpha Paper Title Here. *IEEE International Conference on Acoustics, Speech and Signal "
          "Processing*, 1–5. https://arxiv.org/abs/2201.00001\n"
          "- Lee, A. (2021). Beta Paper Title Here. *Journal of Things*, 4(2), 1–5. https://arxiv.org/abs/2101.00002\n"
          "- Ann Lee, Bo Chan. Gamma Paper Title Here. In IEEE/CVF International Conference on Computer Vision, 2023. "
          "https://arxiv.org/abs/2301.00003\n")
    assert fields(md, "venue") == [("IEEE International Conference on Acoustics, Speech and Signal Processing",),
                                   ("Journal of Things",),  # a comma after an unknown venue: its pages, no more
                                   ("IEEE/CVF International Conference on Computer Vision",)]
    from diffdata.venues import lookup
    assert lookup("IEEE/CVF International Conference on Computer Vision")[0].abbr == "ICCV"


def test_a_callouts_short_label_and_a_highlight_are_no_part_of_a_title() -> None:
    md = ("> [!NOTE]\n> This list is updated every week.\n\n"
          "> [!tip] Must read\n> [Gamma Paper Title Here](https://arxiv.org/abs/2205.00003)\n> Fay Gold, Hal Ito · ICML 2022\n\n"
          "> [!abstract] Denoising Diffusion Probabilistic Models\n> Jonathan Ho, Ajay Jain, Pieter Abbeel · NeurIPS 2020\n"
          "> [paper](https://arxiv.org/abs/2006.11239)\n\n"
          "- [==Beta Paper Title Here==](https://arxiv.org/abs/2205.00002) — Cy Dorn, ICML 2022\n")
    assert fields(md, "line", "title", "authors") == [
        (5, "Gamma Paper Title Here", ["Fay Gold", "Hal Ito"]),
        (8, "Denoising Diffusion Probabilistic Models", ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"]),
        (12, "Beta Paper Title Here", ["Cy Dorn"])]


def test_callout_markers_are_removed_in_linear_time() -> None:
    from diffdata.parse.notesmarkup import _callout_labels

    try:
        from deadline import finishes
    except ImportError:  # tests/ imported as a package
        from tests.deadline import finishes

    with finishes():
        _callout_labels("> " * 100_000 + "x [!tip]\n" + ">" * 100_000 + "\n")
    assert _callout_labels("> [!tip] Must read\n> [Quiet Flows](u)\n>> [!NOTE]\n") == "> \n> [Quiet Flows](u)\n>> \n"
    for kept in ("> [!tip] Must read\n", "> [!note] DDPM\n> [paper](u)\n", "> [!tip] [DDPM](u)\n"):
        assert _callout_labels(kept) == kept  # no titled link under it, a label link, a link: as written
