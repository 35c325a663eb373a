"""What a tenth probe (awesome-list layouts) found read wrongly, and what a review of the session's first rules
found they read wrongly: each case here failed on the rules before their fix (the guards marked so pass on both,
and keep the fixes from going too far)."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document
from diffdata.parse.aside import read_aside

try:
    from deadline import finishes
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes

A1, A2 = "https://arxiv.org/abs/2301.00001", "https://arxiv.org/abs/2301.00002"


def rows(md: str, *names: str) -> list[tuple]:
    found, _ = parse_document("x.md", md)
    return [tuple(r[n] for n in names) for r in found]


@pytest.mark.parametrize(("md", "title"), [
    # a method's short name before its full title
    (f"1. **QuietLDM** (ICML 2023) — QuietLDM: Text-to-Anchor Generation with Latent Models. [[arXiv]]({A1})",
     "QuietLDM: Text-to-Anchor Generation with Latent Models"),
    (f"- QuietVideo — QuietVideo: A Systematic Framework For Anchors [[paper]]({A1})",
     "QuietVideo: A Systematic Framework For Anchors"),
    (f"- QuietCrafter2 | QuietCrafter2: Overcoming Anchor Limits | CVPR 2024 | [arXiv]({A1})",
     "QuietCrafter2: Overcoming Anchor Limits"),
    (f"- QuietDiff: QuietDiff: Animate Your Anchors without Tuning (ICLR 2024) [[paper]]({A1})",
     "QuietDiff: Animate Your Anchors without Tuning"),
    ("<details><summary><code>QUIET</code> QUIET: Open-Set Grounded Anchors (CVPR'23)</summary>\n\n"
     f"[paper]({A1})\n</details>\n", "QUIET: Open-Set Grounded Anchors"),
    # a link whose text is an id or a count of stars is no title
    (f"- Quiet++: a Single Anchor to Consistent Things [[2301.00001]]({A1})", "Quiet++: a Single Anchor to Consistent Things"),
    (f"- [⭐ 3k](https://github.com/a/b) [arXiv]({A1}) QuietEdit: Guided Anchors with Things ICLR 2022",
     "QuietEdit: Guided Anchors with Things"),
    # italic names after a bold title are no citation
    (f"- **QuiRA: Low-Rank Adaptation of Quiet Anchors** *Edward J. Hu et al.* ICLR 2022. [[paper]]({A1})",
     "QuiRA: Low-Rank Adaptation of Quiet Anchors"),
    # guards: a lone name with a description, a name and a title that differ
    (f"- **QuietNet** — A faster sampler [[paper]]({A1})", "QuietNet"),
])
def test_titles_after_a_name_ids_and_counts(md: str, title: str) -> None:
    assert rows(md, "title")[0] == (title,)


def test_a_long_title_in_a_heading_is_a_paper_not_a_post() -> None:
    md = ("### 2. Discrete Quiet Modeling by Estimating the Ratios of the Anchor Distribution\n\n"
          f"- **Conference**: ICML 2024\n- **Paper**: [arXiv]({A1})\n\n"
          "#### Block Anchors: Interpolating Between Autoregressive and Quiet Language Models (ICLR 2025)\n\n"
          f"[📄 Paper]({A2}) | [💻 Code](https://github.com/a/b)\n")
    assert rows(md, "title", "venue", "year") == [
        ("Discrete Quiet Modeling by Estimating the Ratios of the Anchor Distribution", "ICML", 2024),
        ("Block Anchors: Interpolating Between Autoregressive and Quiet Language Models", "ICLR", 2025)]
    # a sentence of many words in lower case still opens a post
    post = "## here is the list of papers that i read this year and liked a lot\n\nPaper: " + A1 + "\n"
    assert rows(post, "title") == [(None,)]


def test_a_heading_over_a_blockquote_card() -> None:
    md = f"## Quiet Anchors: Sequence to Sequence Things\n> ICLR 2023\n> arXiv: {A1}\n"
    assert rows(md, "title", "venue", "year") == [("Quiet Anchors: Sequence to Sequence Things", "ICLR", 2023)]


@pytest.mark.parametrize(("md", "expected"), [
    (f"- **Editing**: [QuietFlow]({A1}) (ICLR'24); [LoudZero]({A2}) (ICCV'23)",
     [("QuietFlow", "ICLR", 2024), ("LoudZero", "ICCV", 2023)]),
    # the second id takes the venue its own link names, not the entry's
    (f"- Quiet Models [[ICML'23]]({A1}) → Improved Techniques for Quiet Models [[ICLR'24]]({A2})",
     [("ICML", 2023), ("ICLR", 2024)]),
])
def test_several_works_on_one_line(md: str, expected: list) -> None:
    assert [r[-2:] for r in rows(md, "title", "venue", "year")] == [e[-2:] for e in expected]
    if len(expected[0]) == 3:
        assert rows(md, "title", "venue", "year") == expected


@pytest.mark.parametrize(("md", "authors"), [
    (f"- 📄 **Quiet Anchors for Things** | 👥 Ann Lee, Bo Chan, Cy Dee | 🏛️ NeurIPS 2023 | [🔗 arXiv]({A1})",
     ["Ann Lee", "Bo Chan", "Cy Dee"]),
    (f"- [Quiet Anchors for Things]({A1})\n  *NeurIPS 2023* · Ann Lee, Bo T. Chan", ["Ann Lee", "Bo T. Chan"]),
    # organisations and models with their asides are no authors
    (f"- [Quiet Anchors for Things]({A1})\n  Meta (FAIR), Weizmann (Israel) — ICLR 2023", []),
    (f"- [Quiet Anchors for Things]({A1})\n  QDIM (Song), QPM-Solver (Lu)", []),
])
def test_names_after_markers_and_venues(md: str, authors: list[str]) -> None:
    assert rows(md, "authors") == [(authors,)]


def test_a_detail_sub_item_of_a_venue_and_a_date_apart() -> None:
    md = (f"- Quiet Anchors: Synthesizing Things with Few Steps\n  - Ann Lee, Bo Chan, Cy Dee\n"
          f"  - 📍 arXiv · 🗓️ Oct 2023\n  - [paper]({A1})\n"
          f"- Loud Anchors for Things\n  - Dee Eve, Fay Gu\n  - 📍 ICLR 2023 (Spotlight) · 🗓️ Sep 2022\n"
          f"  - [paper]({A2})\n")
    assert rows(md, "title", "authors", "venue", "year") == [
        ("Quiet Anchors: Synthesizing Things with Few Steps", ["Ann Lee", "Bo Chan", "Cy Dee"], "arXiv", 2023),
        ("Loud Anchors for Things", ["Dee Eve", "Fay Gu"], "ICLR", 2023)]


@pytest.mark.parametrize(("text", "venue", "year", "date"), [
    ("Oct-2024", None, 2024, "Oct-2024"),
    ("2024, Jan", None, 2024, "2024, Jan"),
    ("2001, Novak University", "Novak University", 2001, None),  # a name, no month
])
def test_dates_month_and_year_either_way(text: str, venue: str | None, year: int, date: str | None) -> None:
    a = read_aside(text)
    assert (a.venue, a.year, a.date) == (venue, year, date)


@pytest.mark.parametrize(("md", "expected"), [
    (f"- [Quiet Anchors]({A1}) (CVPR 2024 Oral, Best Paper Award Candidate)", ([], "CVPR", 2024)),
    (f"- [Quiet Anchors]({A1}) (Published: 2023-10-23)", ([], None, 2023)),
    (f"- [Quiet Anchors]({A1}) Oct-2024", ([], None, 2024)),
    # guard: a changelog's verb before a link is no title
    (f"- 2024-03-01: Added [Quiet Anchors]({A1}) (ICML 2023)", ([], "ICML", 2023)),
])
def test_asides_that_name_no_one(md: str, expected: tuple) -> None:
    assert rows(md, "authors", "venue", "year") == [expected]
    assert rows(md, "title") == [("Quiet Anchors",)]


@pytest.mark.parametrize(("md", "title"), [
    # resource entries titled by a site's name; a short work beside a label is still a work
    ("- [Semantic Scholar](https://www.semanticscholar.org) - AI-powered paper search.", "Semantic Scholar"),
    ("- [Gradio](https://gradio.app) - Build and share machine learning demos.", "Gradio"),
    ("- [Medium](https://medium.com) - Blogging platform.", "Medium"),
])
def test_a_site_leading_its_own_entry_is_its_name(md: str, title: str) -> None:
    assert rows(md, "title") == [(title,)]


def test_short_works_around_a_label_stay_works() -> None:
    md = (f"- Follow-up work from the same group [[code](https://github.com/a/b)] [[Cold Anchors]({A1})]\n"
          "- Lee's posts: [Quiet Models](https://lee.github.io/posts/2021-quiet/) "
          "[Loud Models](https://lee.github.io/posts/2018-loud/) [code](https://github.com/x/y)\n")
    titles = [t for (t,) in rows(md, "title")]
    assert "Cold Anchors" in titles and "Loud Models" in titles


@pytest.mark.parametrize(("md", "expected"), [
    (f"| Title | Citation |\n|---|---|\n| [Quiet Anchors]({A1}) | Lee et al., ICLR 2021 |\n", ("ICLR", 2021)),
    (f"| Paper | Cited by |\n|---|---|\n| [Quiet Anchors]({A1}) (ICML 2023) | 3 |\n", ("ICML", 2023)),
    (f"| Paper | Venue | Stars |\n|---|---|---|\n| [Quiet Anchor Model]({A1}) | 3DV 2024 | 3 |\n", ("3DV", 2024)),
    (f"| Paper | Venue / Likes |\n|---|---|\n| [Quiet Anchors]({A1}) | ICLR 2021 |\n", ("ICLR", 2021)),
])
def test_count_columns_take_no_other_field(md: str, expected: tuple) -> None:
    assert rows(md, "venue", "year") == [expected]


@pytest.mark.parametrize(("md", "title"), [
    (f"- [Low-rank $\\begin{{pmatrix}}\\end{{pmatrix}}$ adapters]({A1})", "Low-rank $\\begin{pmatrix}\\end{pmatrix}$ adapters"),
    (f"- [Open $\\frac{{1}}{{$ brace]({A1})", "Open $\\frac{1}{$ brace"),
    (f"- [Learning $\\frac{{1}}{{2}}$-Step Samplers]({A1})", "Learning $\\frac{1}{2}$-Step Samplers"),
    (f"- [Cost $10 and $\\beta$-VAE]({A1})", "Cost $10 and β-VAE"),
])
def test_formulas_pylatexenc_cannot_read_stay_as_written(md: str, title: str) -> None:
    assert rows(md, "title") == [(title,)]


@pytest.mark.parametrize(("md", "expected"), [
    ("- Lee A, Chan B (2020) Quiet anchors for shape completion. In: Vedaldi A, Bischof H (eds) Computer Vision – "
     "ECCV 2020. Springer, Cham, pp 1–17", (["Lee A", "Chan B"], "ECCV")),
    ("1. Lee A, Chan B. Quiet imaging of tumour growth in mice. In Vivo. 2020;34(2):101-9.",
     (["Lee A", "Chan B"], "In Vivo")),
])
def test_springer_chapters_and_journals_named_in(md: str, expected: tuple) -> None:
    assert rows(md, "authors", "venue")[0] == expected


def test_a_models_name_before_a_year_is_no_springer_author() -> None:
    assert all(not a for (a,) in rows("- GPT J (2021) Six billion parameter quiet model. EleutherAI", "authors"))


@pytest.mark.parametrize(("md", "title"), [
    (f"- 「QDPM」Quiet Diffusion Probabilistic Models 解説 [paper]({A1})", "「QDPM」Quiet Diffusion Probabilistic Models 解説"),
    (f"- 「Quiet Models」Lee et al. ICML 2023 [paper]({A1})", "Quiet Models"),
])
def test_cjk_marks_before_names_only(md: str, title: str) -> None:
    assert rows(md, "title") == [(title,)]


def test_a_stray_fence_inside_a_paragraph_keeps_it_whole() -> None:
    md = f"**Quiet Anchors for Things**\nAnn Lee, Bo Chan\n:::\nICLR 2021 · [paper]({A1})\n"
    assert rows(md, "title", "venue") == [("Quiet Anchors for Things", "ICLR")]


def test_a_fence_with_a_long_run_of_spaces_is_read_in_linear_time() -> None:
    with finishes(10):
        parse_document("x.md", ":::" + " " * 200_000 + "x!\n")


def test_a_document_titled_by_a_venue_and_its_year_gives_its_papers_that_venue() -> None:
    md = ("# CVPR 2024 Papers\n\n## Diffusion Models\n\n**QuietCache: Accelerating Anchors for Free**\n\n"
          f"- Paper: {A1}\n- Code: https://github.com/a/b\n")
    assert rows(md, "title", "venue", "year") == [("QuietCache: Accelerating Anchors for Free", "CVPR", 2024)]
    other = f"# Awesome Anchors (CVPR 2024 edition)\n\n- [Quiet Anchors]({A1})\n"
    assert rows(other, "venue", "year") == [(None, None)]


@pytest.mark.parametrize("md", [
    f"- [Quiet Anchors for Video Things]({A1}) / [Loud Anchors for Video Things]({A2}) — both ICCV 2023",
    f"- [Quiet Anchors for Video Things]({A1}) and [Loud Anchors for Video Things]({A2}) (both ICCV 2023)",
])
def test_a_venue_both_works_of_a_line_share(md: str) -> None:
    assert rows(md, "venue", "year") == [("ICCV", 2023), ("ICCV", 2023)]


# What a review of the tenth probe's rules found them reading wrongly (each failed on f2731f2).

@pytest.mark.parametrize(("md", "title"), [
    ("- The Annotated Quiet Prior [Medium](https://medium.com/@x/a)", "The Annotated Quiet Prior"),
    (f"- Quiet Anchors for Things [[Reddit](https://reddit.com/r/x)] [[Paper]({A1})] [[Code](https://github.com/a/b)]",
     "Quiet Anchors for Things"),
    (f"- Sketch → Photo: Quiet Anchors for Sketch-Based Synthesis (CVPR 2023) [pdf]({A1})",
     "Sketch → Photo: Quiet Anchors for Sketch-Based Synthesis"),
    (f"- **Quiet Anchors for Video Things** (ICLR 2024): Temporal layers on top of a frozen model [pdf]({A1})",
     "Quiet Anchors for Video Things"),
    (f"- Knock Knock: Who Is There? Quiet Anchors for Things (PETS 2019) [pdf]({A1})",
     "Knock Knock: Who Is There? Quiet Anchors for Things"),
    ("- [3M](https://www.3m.com) - a company that makes things.", "3M"),
])
def test_titles_the_tenth_probes_rules_took_wrongly(md: str, title: str) -> None:
    assert rows(md, "title")[0] == (title,)


def test_fences_back_to_back_part_two_cards() -> None:
    md = ("::: {.column}\n**Quiet Anchors for Things**  \nLee et al. · ICLR 2023 · [paper](" + A1 + ")\n:::\n"
          "::: {.column}\n**Loud Anchors for Things**  \nChan et al. · CVPR 2022 · [paper](" + A2 + ")\n:::\n")
    assert rows(md, "title", "venue") == [("Quiet Anchors for Things", "ICLR"), ("Loud Anchors for Things", "CVPR")]


def test_a_venue_before_a_line_of_works_stays_the_first_ones() -> None:
    assert rows(f"- CVPR 2023: [Quiet Anchors]({A1}), [Loud Anchors]({A2})", "venue", "year")[0] == ("CVPR", 2023)


@pytest.mark.parametrize("header", ["Citation Count", "# of Citations", "Citations (Google Scholar)",
                                    "Google Scholar Citations", "Cited by (Nov 2024)"])
def test_count_headers_of_many_words(header: str) -> None:
    md = f"| Paper | {header} |\n|---|---|\n| [Quiet Anchors]({A1}) | 2011 |\n"
    assert rows(md, "year") == [(None,)]


@pytest.mark.parametrize("text", ["ICLR 2022, Jan Kautz and Bo Chan", "[cited 2024 Mar 2]", "Decoder-2023",
                                  "Nova-2024", "(accessed 2024 May 3)"])
def test_what_is_no_date(text: str) -> None:
    assert read_aside(text).date is None


@pytest.mark.parametrize(("md", "expected"), [
    ("```ris\nTY  - JOUR\nTI  - Quiet Anchors for Things\nAU  - Lee, Ann\nER  -\n```\n",
     [("Quiet Anchors for Things", ["Lee, Ann"], None)]),
    ("```ris\nUR  - https://example.org/q\nTI  - Quiet Anchors for Things\nAU  - Lee, Ann\n"
     "UR  - https://example.org/r\nPY  - 2020\n```\n", [("Quiet Anchors for Things", ["Lee, Ann"], 2020)]),
])
def test_records_with_a_type_or_opening_with_other_fields(md: str, expected: list) -> None:
    assert rows(md, "title", "authors", "year") == expected


@pytest.mark.parametrize(("line", "authors"), [
    ("Lee (MIT), Chan (NYU), Okafor (ETH) — ICCV 2023", ["Lee", "Chan", "Okafor"]),
    ("Ann Lee (MIT), Chan (NYU) — ICCV 2023", ["Ann Lee", "Chan"]),
])
def test_names_with_affiliations_of_surnames(line: str, authors: list[str]) -> None:
    assert rows(f"- [Quiet Anchors for Things]({A1})  \n  {line}\n", "authors") == [(authors,)]


def test_a_cell_of_two_surnames_joined_and_a_venue() -> None:
    md = f"| # | Paper | Links |\n|---|---|---|\n| 1 | **Quiet Anchors**<br>Lee & Chan · NeurIPS 2023 | [pdf]({A1}) |\n"
    assert rows(md, "authors") == [(["Lee", "Chan"],)]


def test_springer_names_with_an_apostrophe() -> None:
    md = "- D'Amour A, O'Neill B (2020) Quiet priors for video editing. Med Image Anal 62:101-109 [pdf](" + A1 + ")"
    assert rows(md, "title", "authors") == [("Quiet priors for video editing", ["D'Amour A", "O'Neill B"])]


def test_many_count_columns_in_a_row_in_linear_time() -> None:
    n = 4000
    md = "| Paper | " + " | ".join(["Citations"] * n) + " |\n|---|" + "---|" * n + "\n"
    md += f"| [Quiet Anchors]({A1}) | " + " | ".join(["12"] * n) + " |\n"
    with finishes(10):
        parse_document("x.md", md)


def test_a_papers_with_code_list_of_level_one_sections() -> None:
    md = ("# CVPR 2024 论文和开源项目合集(Papers with Code)\n\n<a name=\"3D\"></a>\n\n# 3DGS(Quiet Splatting)\n\n"
          f"**Quiet Anchors: Fast Generation of Things**\n\n- Homepage: https://quiet.github.io/\n- Paper: {A1}\n"
          "- Code: https://github.com/a/quiet\n\n<a name=\"Diff\"></a>\n\n# Diffusion Models(扩散模型)\n\n"
          f"**Loud Anchors for Video Things**\n\n- Paper: {A2}\n- Code: https://github.com/a/loud\n\n"
          "# CVPR 2023 往年论文 (挑选)\n\n**Old Anchors for Things**\n\n"
          "- Paper(CVPR 2023): https://arxiv.org/abs/2208.00003\n- Code: https://github.com/a/old\n")
    assert rows(md, "title", "venue", "year", "arxiv_id") == [
        ("Quiet Anchors: Fast Generation of Things", "CVPR", 2024, "2301.00001"),
        ("Loud Anchors for Video Things", "CVPR", 2024, "2301.00002"),
        ("Old Anchors for Things", "CVPR", 2023, "2208.00003")]


# What an eleventh probe (long awesome-lists) found read wrongly (each failed on 70bda22).

@pytest.mark.parametrize(("md", "title"), [
    (f"* **QT-1**: \"QT-1: Quiet Transformer for Real-World Anchors\", *RSS, 2023*. [[Paper]]({A1})",
     "QT-1: Quiet Transformer for Real-World Anchors"),
    (f"* **QCT** “Learning Fine-Grained Quiet Anchors with Low-Cost Things” — RSS 2023 [arXiv]({A1})",
     "Learning Fine-Grained Quiet Anchors with Low-Cost Things"),
    (f"* *Quieta*: 'Quieta: Human-Level Anchor Design via Coding', ICLR 2024. [[Paper]]({A1})",
     "Quieta: Human-Level Anchor Design via Coding"),
    (f"- [Quietverse]({A1}) - Quietverse: A Universe of Annotated Anchors (CVPR 2023) - 800K+ things",
     "Quietverse: A Universe of Annotated Anchors"),
    (f"- [QDPM]({A1}) - QDPM: an easy read for beginners", "QDPM"),  # a description is no title
])
def test_a_name_before_its_quoted_or_repeated_title(md: str, title: str) -> None:
    assert rows(md, "title")[0] == (title,)


def test_the_lists_own_bibtex_citation_is_its_repository() -> None:
    md = ("## Citation\n\n```bibtex\n@misc{awesome-quiet,\n  author = {Someone},\n  title = {Awesome Quiet Anchors},\n"
          "  year = {2023},\n  howpublished = {\\url{https://github.com/someone/Awesome-Quiet-Anchors}}\n}\n```\n")
    assert rows(md, "title", "kind", "url") == [
        ("Awesome Quiet Anchors", "repository", "https://github.com/someone/Awesome-Quiet-Anchors")]


def test_a_papers_cool_link_names_its_arxiv_id() -> None:
    md = "- Quiet Anchors Elicit Things in Large Models (NeurIPS 2022) [link](https://papers.cool/arxiv/2201.11903)"
    assert rows(md, "arxiv_id") == [("2201.11903",)]


def test_a_heading_over_citations_of_two_papers_is_a_section() -> None:
    md = (f"## Datasets and Benchmarks\n\n1. Ann Lee et al. *QuietArena: A Realistic Web of Anchors*. ICLR, 2024. "
          f"[arXiv:2301.00001]({A1})\n1. Bo Chan et al. *Quiet-bench: Can Anchors Resolve Things?*. ICLR, 2024. "
          f"[arXiv:2301.00002]({A2})\n")
    assert [t for (t,) in rows(md, "title")] == ["QuietArena: A Realistic Web of Anchors",
                                                  "Quiet-bench: Can Anchors Resolve Things?"]


def test_the_name_before_a_quoted_title_is_no_author() -> None:
    md = f"* **Inner Quiet**: \"Inner Quiet: Embodied Anchors through Planning\", *CoRL, 2022*. [[Paper]]({A1})"
    assert rows(md, "title", "authors") == [("Inner Quiet: Embodied Anchors through Planning", [])]


def test_a_heading_over_a_table_of_its_works_fields() -> None:
    md = (f"### Tree of Quiet Anchors: Deliberate Problem Solving\n\n| Field | Value |\n|---|---|\n"
          f"| Authors | Ann Lee, Bo Chan |\n| Venue | NeurIPS 2023 |\n| arXiv | [2301.00001]({A1}) |\n"
          "| Code | [GitHub](https://github.com/a/b) |\n")
    assert rows(md, "title", "authors", "venue", "year") == [
        ("Tree of Quiet Anchors: Deliberate Problem Solving", ["Ann Lee", "Bo Chan"], "NeurIPS", 2023)]


# What a review of the eleventh probe's rules found them reading wrongly (each failed on a16bd17).

def test_a_venue_title_over_later_sections_only_for_papers_of_its_year() -> None:
    md = ("# CVPR 2024 Papers\n\n## Image generation\n\n- [Quiet Anchors](https://arxiv.org/abs/2401.00001)\n\n"
          "# Background\n\n- [Loud Anchors](https://arxiv.org/abs/2006.00002)\n\n# Resources\n\n"
          "- [Quiet Blog](https://lee.github.io/posts/2021-07-11-quiet/)\n")
    assert rows(md, "title", "venue", "year") == [("Quiet Anchors", "CVPR", 2024), ("Loud Anchors", None, None),
                                                  ("Quiet Blog", None, None)]


@pytest.mark.parametrize(("md", "title"), [
    # a paper under its heading with a bold line that is no other work's title
    ("## Quiet Anchors for Panoptic Things\n\n**NeurIPS 2020**\n\n[[paper]](" + A1 + ") [[code]](https://github.com/a/b)\n",
     "Quiet Anchors for Panoptic Things"),
    ("## Quiet Anchors for Panoptic Things\n\n**A simple and strong baseline for things**\n\n[[paper]](" + A1 + ")\n",
     "Quiet Anchors for Panoptic Things"),
    ("## Quiet Anchors for Panoptic Things\n\n**Ann Lee (MIT), Bo Chan, Cy Dee**\n\n[[paper]](" + A1 + ")\n",
     "Quiet Anchors for Panoptic Things"),
    ("## Quiet Anchors for Panoptic Things\n\n[[arXiv]](" + A1 + ") [[OpenReview]](https://openreview.net/forum?id=Pq)\n",
     "Quiet Anchors for Panoptic Things"),
])
def test_a_heading_over_one_papers_links_stays_that_paper(md: str, title: str) -> None:
    assert rows("# Papers\n\n" + md, "title") == [(title,)]


@pytest.mark.parametrize(("md", "titles"), [
    # a sub-item naming a work with an aside before its colon is no field of the entry above
    ("- **Image editing**\n  - Prompt-to-Quiet (ICLR 2023): editing with quiet anchors [project](https://q.github.io)\n"
     "  - QuietPix2Pix (CVPR 2023): learning to follow things [project](https://p.github.io)\n",
     ["Prompt-to-Quiet (ICLR 2023): editing with quiet anchors", "QuietPix2Pix (CVPR 2023): learning to follow things"]),
    # a bold topic over repositories
    ("- **Toolkits**: [QuietDiffusers](https://github.com/a/quiet), [k-quiet](https://github.com/b/k-quiet)",
     ["QuietDiffusers", "k-quiet"]),
    # a quote that is no title, a possessive, a tagline
    (f"- **QDPM** \"the paper that started it all\" [paper]({A1})", ["QDPM"]),
    (f"- **QDPM**'s successor, Lee's [Improved Quiet Anchors for Things]({A1})", ["QDPM"]),
    ("- **Yann LeQuiet**: \"Anchors are the most interesting idea in ML in the last decade\" [tweet](https://x.com/a/status/1)",
     ['Yann LeQuiet: "Anchors are the most interesting idea in ML in the last decade"']),
    # a linked name over its page's tagline, a label link over its title
    ("- [Quietgen](https://quietgen.research.google) - Quietgen: Google's Text-to-Anchor Model", ["Quietgen"]),
    (f"- [Paper]({A1}) - Paper: Quiet Anchors for Panoptic Things", ["Quiet Anchors for Panoptic Things"]),
    # a sentence through site names
    ("- Follow the authors on [Threads](https://www.threads.net/@a) and [Bluesky](https://bsky.app/profile/a)", []),
])
def test_what_the_eleventh_probes_rules_took_wrongly(md: str, titles: list[str]) -> None:
    assert [t for (t,) in rows(md, "title") if t] == titles


def test_a_bold_name_before_a_quoted_question_is_no_author() -> None:
    md = (f"- **Decision Quieter**: \"Is Conditional Generative Modeling All You Need for Anchors?\" (ICLR 2023) "
          f"[paper]({A1})")
    assert rows(md, "title", "authors") == [("Is Conditional Generative Modeling All You Need for Anchors?", [])]


@pytest.mark.parametrize(("header", "meaning"), [("Notes on citations", "note"), ("Citation", "other"),
                                                 ("Citations (2024)", "count"), ("Google Scholar Citations", "count")])
def test_count_headers_and_their_neighbours(header: str, meaning: str) -> None:
    from diffdata.parse.columns import header_meaning

    assert header_meaning(header) == meaning



@pytest.mark.parametrize("md", [
    # a shared aside's pattern once backtracked on blanks after a line of works (4.2 s at 214 characters)
    f"- [Alpha Anchors]({A1}) / [Beta Anchors]({A2}) both" + " " * 20_000 + "x(",
    # a status aside's pattern on blanks after an open bracket (62 s at 20k characters, since a048c1b)
    "- Paper(" + " " * 20_000 + f"x: {A1}",
])
def test_blanks_after_a_line_of_works_or_an_open_bracket_in_linear_time(md: str) -> None:
    with finishes(10):
        parse_document("x.md", md + "\n")


def test_a_venue_titles_sections_give_it_only_to_papers_of_its_year() -> None:
    md = ("# CVPR 2024 Papers\n\n## Diffusion\n\n- [Quiet Anchors](https://arxiv.org/abs/2401.00001)\n\n"
          "## Previous years (selected)\n\n- [Old Anchors](https://arxiv.org/abs/2112.00002)\n")
    assert rows(md, "title", "venue", "year") == [("Quiet Anchors", "CVPR", 2024), ("Old Anchors", None, None)]


@pytest.mark.parametrize(("text", "each_full", "people"), [
    ("Ann Lee, Chan", False, True), ("Lee, Chan, Okafor", False, True), ("Lee & Chan", False, True),
    ("Meta, Weizmann", False, False), ("DALL E, Imagen", True, False), ("DALL E, Imagen", False, True),
])
def test_people_named(text: str, each_full: bool, people: bool) -> None:
    from diffdata.parse.names import people_named

    assert people_named(text, each_full=each_full) is people
