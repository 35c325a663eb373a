"""Layouts of notes and posts that a probe of invented lists found misread: a note-taking app's wiki links and
tags, a post's author before its link (``Ann Lee, [Title](..), 2024``, ``Ann Lee：[Title](..)``), dates written
the Chinese way, a page's "Published on" line, venue headings of a notes page (``# ICLR 2023`` first, ``## My
CVPR 2023 notes``)."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document


def _rows(text: str) -> list[dict]:
    return parse_document("x.md", text)[0]


def test_wiki_links_are_their_titles_and_tags_ending_a_line_go() -> None:
    rows = _rows("# Notes\n\n- [[Quiet Anchors for Panoptic Things]] (Lee et al., 2020) #done\n"
                 "- [[Loud Anchors for Panoptic Stuff|LAPS]] — arXiv 2022 #toread #later\n"
                 "- [[Soft Anchors]] · [arXiv](https://arxiv.org/abs/2303.00001) · 2023\n")
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Lee"], 2020), ("Loud Anchors for Panoptic Stuff", [], 2022),
        ("Soft Anchors", [], 2023)]


def test_tags_are_cut_in_linear_time_and_only_at_a_lines_end() -> None:
    from diffdata.parse.notesmarkup import notes_markup
    assert notes_markup("- C# and F# #lang\n## Head #x\n") == "- C# and F#\n## Head\n"
    many = " ".join(["#tag"] * 50_000) + " end\n"  # tags not at the end: kept, and read once
    assert notes_markup(many) == many


@pytest.mark.parametrize(("line", "author"), [
    ("- Ann Lee, [Quiet Anchors in Spectral Space](https://example.org/posts/quiet.html), 2024", "Ann Lee"),
    ("- Ann Lee: [Quiet Anchors in Spectral Space](https://www.youtube.com/watch?v=abc) · 2024", "Ann Lee"),
    ("- Ann Lee：[Quiet Anchors in Spectral Space](https://example.org/posts/quiet.html)（2024年7月）", "Ann Lee"),
])
def test_a_persons_name_before_a_titled_link_is_its_author(line: str, author: str) -> None:
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in _rows(f"# Posts\n\n{line}\n")] == [
        ("Quiet Anchors in Spectral Space", [author], 2024, None)]


def test_a_label_before_a_titled_link_is_no_author() -> None:
    rows = _rows("# P\n\n- Image Editing: [Quiet Anchors in Spectral Space](https://arxiv.org/abs/2303.00001)\n")
    assert [(r["title"], r["authors"]) for r in rows] == [("Quiet Anchors in Spectral Space", [])]


def test_a_published_on_line_gives_a_date_not_a_venue() -> None:
    rows = _rows("# Daily\n\n### [Quiet Anchors for Panoptic Things](https://huggingface.co/papers/2403.00001)\n"
                 "Published on Mar 5, 2024 · Submitted by someone · ▲ 121\n")
    assert [(r["title"], r["year"], r["venue"]) for r in rows] == [("Quiet Anchors for Panoptic Things", 2024, None)]


def test_venue_headings_of_a_notes_page() -> None:
    rows = _rows("# ICLR 2023\n\n## Orals\n\n- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2210.00001)\n\n"
                 "# CVPR 2023\n\n- [Loud Anchors for Panoptic Stuff](https://arxiv.org/abs/2208.00002)\n\n"
                 "## My ECCV 2022 notes\n\n- [Soft Anchors for Panoptic Stuff](https://arxiv.org/abs/2203.00003)\n\n"
                 "## Notes on ICML 2024\n\n- [Hard Anchors for Panoptic Stuff](https://arxiv.org/abs/2402.00004)\n")
    assert [(r["venue"], r["year"]) for r in rows] == [("ICLR", 2023), ("CVPR", 2023), ("ECCV", 2022),
                                                        ("ICML", 2024)]


def test_a_first_heading_that_is_a_title_stays_the_lists_title() -> None:
    rows = _rows("# Awesome Quiet Anchors\n\n- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2210.00001)\n")
    assert [(r["section"], r["venue"]) for r in rows] == [([], None)]


def test_notes_of_one_paper_each_exported_by_zotero_or_notion() -> None:
    # the first heading was the list's title, a heading of more than ten words a post's, and "Proceedings Title",
    # "Date Published: 2022" were titles; the URL an entry of its own, untitled
    zotero = _rows("# Quiet Anchors for Panoptic Things\n\n* Item Type: [[Conference paper]]\n"
                   "* Authors: [[Ann Lee]], [[Bo Chan]]\n* Date: [[2021-05-04]]\n"
                   "* Proceedings Title: International Conference on Learning Representations\n"
                   "* URL: http://arxiv.org/abs/2010.00001\n")
    notion = _rows("# Loud Anchors\n\nAuthors: Cy Wu, Dee Moss\nConference: ICML\nDate Published: 2022\n"
                   "URL: https://arxiv.org/abs/2207.00002\n\n"
                   "# Soft Anchors: Towards Panoptic Things and Stuff with Quiet and Loud Anchors Together\n\n"
                   "Authors: Eve Ray\nConference: ICML\nURL: https://arxiv.org/abs/2112.00003\n")
    assert [(r["title"], r["authors"], r["year"], r["venue"], r["arxiv_id"]) for r in zotero + notion] == [
        ("Quiet Anchors for Panoptic Things", ["Ann Lee", "Bo Chan"], 2021,
         "International Conference on Learning Representations", "2010.00001"),
        ("Loud Anchors", ["Cy Wu", "Dee Moss"], 2022, "ICML", "2207.00002"),
        ("Soft Anchors: Towards Panoptic Things and Stuff with Quiet and Loud Anchors Together", ["Eve Ray"], None,
         "ICML", "2112.00003")]


def test_a_lists_title_over_its_works_stays_the_lists() -> None:
    rows = _rows("# Awesome Anchors\n\nAuthors: maintained by the anchors lab\n\n"
                 "- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2010.00001)\n")
    assert [r["title"] for r in rows] == ["Quiet Anchors for Panoptic Things"]


def test_japanese_field_labels_under_a_title() -> None:
    rows = _rows("# P\n\n1. **Quiet Anchors**\n   - 著者：Ann Lee、Bo Chan ほか\n   - 発表：ICML 2023\n"
                 "   - リンク：[arXiv](https://arxiv.org/abs/2303.00001)\n")
    assert [(r["title"], r["authors"], r["venue"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors", ["Ann Lee", "Bo Chan"], "ICML", "2303.00001")]


def test_a_card_of_one_works_fields_with_its_title_first() -> None:
    rows = _rows("# P\n\n**Title:** Quiet Anchors\n**Authors:** Ann Lee, Bo Chan\n**Venue:** ICML 2023\n"
                 "**Links:** [arXiv](https://arxiv.org/abs/2303.00001) · [code](https://github.com/lab/qa)\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"], len(r["links"])) for r in rows] == [
        ("Quiet Anchors", ["Ann Lee", "Bo Chan"], "ICML", 2023, "2303.00001", 2)]


@pytest.mark.parametrize("first", ["- Paper: [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2006.00001)",
                                   "- Quiet Anchors for Panoptic Things\n  - [Paper](https://arxiv.org/abs/2006.00001)"
                                   " (NeurIPS 2020)"])
def test_sub_items_describing_a_labelled_or_plain_parent(first: str) -> None:
    # the "Paper:" parent was prose and each sub-item a work ("Venue" titled); a paper link with its venue aside
    # under a plain title made three untitled works
    rows = _rows(f"# P\n\n{first}\n  - Authors: Ann Lee, Bo Chan\n  - Venue: NeurIPS 2020\n"
                 "  - Code: https://github.com/lab/qa\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Ann Lee", "Bo Chan"], "NeurIPS", 2020, "2006.00001")]


def test_a_table_of_talks_and_posts_names_their_speakers() -> None:
    """``Speaker``/``By`` columns are a talk's or a post's authors and ``Talk`` is a title column; a reading
    group's speaker presenting a paper is not its author."""
    md = ("| Speaker | Talk | Event | Year | Link |\n|---|---|---|---|---|\n"
          "| Bo Chan, Cy Dee | Foo Modeling: Foundations | ICML 2022 | 2022 | [video](https://www.youtube.com/watch?v=abc) |\n"
          "\n| Title | By | Year | Link |\n|---|---|---|---|\n"
          "| What are Foo Models? | Ann Lee | 2021 | [link](https://example.org/posts/foo.html) |\n"
          "\n| Date | Speaker | Paper |\n|---|---|---|\n"
          "| 2023-09-07 | Di Eng | [Bar Models](https://arxiv.org/abs/2201.00001) |\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["kind"]) for r in rows] == [
        ("Foo Modeling: Foundations", ["Bo Chan", "Cy Dee"], "video"),
        ("What are Foo Models?", ["Ann Lee"], "post"),
        ("Bar Models", [], "paper")]


def test_a_documentation_sites_component_naming_a_work_is_a_card() -> None:
    """An MDX component (on one line or several) and a Hugo shortcode with the work's fields as attributes: the
    component was not read (its link reported) and the shortcode lost its authors."""
    md = ("import PaperCard from '@site/src/components/PaperCard';\n\n# Reading list\n\n"
          '<PaperCard title="Foo Diffusion Models" authors="Ann Lee, Bo Chan" venue="NeurIPS 2020" '
          'url="https://arxiv.org/abs/2006.00001" />\n\n'
          '<PaperCard\n  title="Bar Implicit Models"\n  authors="Cy Dee, Di Eng"\n  venue="ICLR 2021"\n'
          '  url="https://arxiv.org/abs/2010.00002"\n/>\n\n'
          '{{< paper title="Qux Matching for Generative Modeling" authors="Ed Fox et al." year="2023" venue="ICLR" '
          'link="https://arxiv.org/abs/2210.00003" >}}\n\n'
          '<img title="A diagram" src="https://example.org/d.png" />\n')
    rows, _report = parse_document("x.md", md)
    assert [(r["line"], r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        (5, "Foo Diffusion Models", ["Ann Lee", "Bo Chan"], "NeurIPS", 2020, "2006.00001"),
        (7, "Bar Implicit Models", ["Cy Dee", "Di Eng"], "ICLR", 2021, "2010.00002"),
        (14, "Qux Matching for Generative Modeling", ["Ed Fox"], "ICLR", 2023, "2210.00003")]


def test_shortcodes_one_a_line_are_a_work_each() -> None:
    md = ('{{< paper title="Foo Design Space of Bar Models" authors="Ann Lee et al." year="2022" venue="NeurIPS" '
          'link="https://arxiv.org/abs/2206.00001" >}}\n'
          '{{< paper title="Scalable Qux Models" authors="Bo Chan et al." year="2023" venue="ICCV" '
          'link="https://arxiv.org/abs/2212.00002" >}}\n')
    rows, _report = parse_document("x.md", md)
    assert [(r["line"], r["title"], r["authors"], r["venue"]) for r in rows] == [
        (1, "Foo Design Space of Bar Models", ["Ann Lee"], "NeurIPS"), (2, "Scalable Qux Models", ["Bo Chan"], "ICCV")]


def test_a_reading_groups_meeting_date_is_no_year_of_the_paper() -> None:
    """``| Date | Presenter | Paper |``: the date is the meeting's (the paper's year was the meeting's); a talk's
    date and a paper list's date column are read as before."""
    md = ("# Reading group\n\n| Date | Presenter | Paper |\n|---|---|---|\n"
          "| 2023-09-07 | Ann Lee | [Quiet Anchors for Things](https://arxiv.org/abs/2006.00001) |\n"
          "| Sep 14, 2023 | Bo Chan | [Loud Anchors for Things](https://arxiv.org/abs/2011.00002) (ICLR 2021) |\n\n"
          "| Date | Speaker | Talk |\n|---|---|---|\n"
          "| 2023-09-21 | Cy Wu | [Anchors explained](https://www.youtube.com/watch?v=abcdefghijk) |\n\n"
          "| Date | Paper |\n|---|---|\n| 2023-09-28 | [Soft Anchors for Things](https://arxiv.org/abs/2309.00003) |\n")
    rows, _ = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("Quiet Anchors for Things", [], None, None), ("Loud Anchors for Things", [], 2021, "ICLR"),
        ("Anchors explained", ["Cy Wu"], 2023, None), ("Soft Anchors for Things", [], 2023, None)]
