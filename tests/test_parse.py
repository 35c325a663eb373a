"""The parse stage: every layout of the seed lists, and snippets in other shapes, written for these tests."""

from __future__ import annotations

import sys
import textwrap

import pandas as pd
import pytest

from diffdata.parse import parse_document, parse_lists


def parse(md: str, source: str = "t.md") -> tuple[list[dict], list[dict]]:
    return parse_document(source, textwrap.dedent(md))


def one(md: str) -> dict:
    rows, _ = parse(md)
    assert len(rows) == 1, rows
    return rows[0]


def test_awesome_block() -> None:
    row = one(
        """\
        # My list

        ## Image Generation
        **Structured Denoising Diffusion Models in Discrete State-Spaces** \\
        *Jacob Austin<sup>1</sup>, Daniel D. Johnson<sup>1</sup>, Jonathan Ho, Rianne van den Berg* \\
        ICCV 2021 (Oral). [[Paper](https://arxiv.org/abs/2107.03006)] [[Github](https://github.com/a/b)] \\
        7 Jul 2021
        """
    )
    assert row["title"] == "Structured Denoising Diffusion Models in Discrete State-Spaces"
    assert row["authors"] == ["Jacob Austin", "Daniel D. Johnson", "Jonathan Ho", "Rianne van den Berg"]
    assert (row["venue"], row["qualifier"], row["year"], row["date"]) == ("ICCV", "Oral", 2021, "7 Jul 2021")
    assert row["kind"] == "paper" and row["arxiv_id"] == "2107.03006"
    assert row["links"] == [
        {"label": "Paper", "url": "https://arxiv.org/abs/2107.03006"},
        {"label": "Github", "url": "https://github.com/a/b"},
    ]
    assert row["url"] == "https://arxiv.org/abs/2107.03006"
    assert row["section"] == ["Image Generation"]
    assert (row["line"], row["end_line"], row["occurrence_id"]) == (4, 7, "t.md:4")


def test_block_post_with_read_marker_and_video_with_summary() -> None:
    rows, _ = parse(
        """\
        # Posts
        ## Introductory Posts

        **What are Diffusion Models?** :zap: \\
        *Lilian Weng* \\
        [[Website](https://lilianweng.github.io/lil-log/2021/07/11/diffusion-models.html)] \\
        Jul 2021

        **What are Diffusion Models?** \\
        *Ari Seff* \\
        [[Video](https://www.youtube.com/watch?v=fbLgFrlTnGU)] \\
        Nice conection to VAE.
        """
    )
    post, video = rows
    assert (post["kind"], post["read"], post["date"], post["authors"]) == ("post", True, "Jul 2021", ["Lilian Weng"])
    assert (video["kind"], video["read"], video["note"]) == ("video", False, "Nice conection to VAE.")


@pytest.mark.parametrize(
    ("label_line", "kind"),
    [
        ("paper : https://arxiv.org/abs/2412.01506", "paper"),
        ("논문:   https://arxiv.org/abs/2412.01506", "paper"),
    ],
    ids=["english-label", "korean-label"],
)
def test_free_text_post_with_title(label_line: str, kind: str) -> None:
    row = one(
        f"""\
        ## TRELLIS(Microsoft/Tsinghua Univ.), text to 3D, image to 3D Generation
        래디언스 필드, 3D 가우시안 표현을 이용하여 고품질의 결과물을 생성.
        Structured 3D Latents for Scalable and Versatile 3D Generation (2412,  Tsinghua University)
        project : https://trellis3d.github.io/
        {label_line}
        code : https://github.com/Microsoft/TRELLIS
        demo : https://huggingface.co/spaces/JeffreyXiang/TRELLIS
        """
    )
    assert row["layout"] == "post" and row["kind"] == kind
    assert row["title"] == "Structured 3D Latents for Scalable and Versatile 3D Generation"
    assert row["arxiv_id"] == "2412.01506"
    assert [x["label"] for x in row["links"]] == ["project", label_line.split(":")[0].strip(), "code", "demo"]
    assert row["url"] == "https://arxiv.org/abs/2412.01506"
    assert row["section"] == []  # a post's heading is not a section


def test_post_without_title_and_post_without_links() -> None:
    rows, _ = parse(
        """\
        ## 많은 분들이 기다리시던 새로운 모델 논문과 소스코드가 공개되었습니다.
        추가적인 훈련에 대한 오버헤드 없이 컨트롤이 강화되었습니다 ㅎㅎ
        논문:   https://arxiv.org/abs/2308.12964
        github: https://github.com/naver-ai/DenseDiffusion

        ## 2022년 8월, Stable Diffusion 발표로 세상을 놀라게 했던 그때로부터 딱 1년 지났네요.
        22년8월10일 Stable Diffusion 런치 발표,
        """
    )
    assert len(rows) == 1
    assert rows[0]["title"] is None and rows[0]["arxiv_id"] == "2308.12964" and rows[0]["kind"] == "paper"


def test_pipe_table_with_empty_link_and_columns() -> None:
    rows, report = parse(
        """\
        | Title | Venue | Year | Notes |
        |:--|:-:|:-:|:-:|
        | [Q-diffusion: Quantizing diffusion models]()|IEEE/CVF |2023| Quantisation on diffusion models.
        |[Denoising Diffusion Probabilistic Models](https://proceedings.neurips.cc/paper/2020/hash/4c5bcfec8584af0d967f1ab10179ca4b-Abstract.html) | NeurIPS | 2020 | Foundations.
        ---
        """
    )
    q, ddpm = rows
    assert (q["title"], q["venue"], q["year"], q["note"], q["links"], q["url"]) == (
        "Q-diffusion: Quantizing diffusion models", "IEEE/CVF", 2023, "Quantisation on diffusion models.", [], None
    )
    assert q["kind"] == "paper"
    assert ddpm["neurips_id"] == "2020/4c5bcfec8584af0d967f1ab10179ca4b"
    assert any(r["reason"] == "table entry with an empty link" and r["line"] == 3 for r in report)


def test_bullets_with_rating_description_and_year_headings() -> None:
    rows, report = parse(
        """\
        # Knowledge Base

        ## Papers

        ### Foundations

        #### 2015

        - [Deep Unsupervised Learning using Nonequilibrium Thermodynamics](https://arxiv.org/abs/1503.03585)  **WR=1**
        Here is where diffusion models were introduced. Also check out the [webpage of Jascha](http://sohldickstein.com).

        - [Diffusion Schrödinger Bridge](https://vdeborto.github.io/publication/schrodinger_bridge/)
        Based on a [NeurIPS 2021 Spotlight](https://arxiv.org/abs/2106.01357).
        """
    )
    dul, dsb = rows
    assert dul["section"] == ["Papers", "Foundations", "2015"]
    assert (dul["rating"], dul["arxiv_id"], dul["layout"]) == ("WR=1", "1503.03585", "bullet")
    assert dul["note"].startswith("Here is where diffusion models were introduced.")
    assert [x["url"] for x in dul["links"]] == ["https://arxiv.org/abs/1503.03585"]
    assert {"url": "http://sohldickstein.com", "reason": "link in a description mentions another work"}.items() <= \
        next(r for r in report if r["url"] == "http://sohldickstein.com").items()
    # the entry's own link is not a paper page: the arXiv link in the description identifies it
    assert (dsb["kind"], dsb["arxiv_id"]) == ("paper", "2106.01357")
    assert dsb["url"] == "https://arxiv.org/abs/2106.01357"


def test_webpage_entry_linking_a_paper_keeps_its_kind() -> None:
    row = one("- [Yang Song webpage](https://arxiv.org/abs/2208.11970)\n  One of the founding fathers.\n")
    assert row["kind"] == "website" and row["arxiv_id"] == "2208.11970"


def test_paragraph_labels_and_link_text_over_two_lines() -> None:
    rows, _ = parse(
        """\
        ## Reading list

        NCSN :
        - [Generative Modeling by Estimating Gradients of the Data Distribution](https://arxiv.org/pdf/1907.05600)

        DiT:
        - [Reconstruction vs. Generation:
        Taming Optimization Dilemma in Latent Diffusion Models](https://arxiv.org/pdf/2501.01423)
        """
    )
    ncsn, dit = rows
    assert ncsn["section"] == ["Reading list", "NCSN"]
    assert dit["section"] == ["Reading list", "DiT"]
    assert dit["title"] == "Reconstruction vs. Generation: Taming Optimization Dilemma in Latent Diffusion Models"
    assert (dit["line"], dit["end_line"], dit["note"]) == (7, 8, None)


def test_prose_resources_maintainer_badge_and_toc() -> None:
    rows, report = parse(
        """\
        # Diffusion list

        Maintainers - [Bakhtiar Zadeh](https://bakhtiarz.github.io/)

        [![Awesome](https://cdn.example.org/badge.svg)](https://github.com/someone/awesome)

        This is a good video on this paper by the authors:[EDM video](https://www.youtube.com/watch?v=T0Qxzf0eaio&t=7)

        - [Resources](#resources)
          - [Posts](#posts)
        """
    )
    assert len(rows) == 1
    assert (rows[0]["kind"], rows[0]["title"], rows[0]["layout"]) == ("video", "EDM video", "prose")
    reasons = {r["url"]: r["reason"] for r in report}
    assert reasons["https://bakhtiarz.github.io/"].startswith("link to a homepage")
    assert reasons["https://github.com/someone/awesome"] == "badge (image link)"
    assert reasons["https://cdn.example.org/badge.svg"] == "badge image"
    assert reasons["#resources"] == reasons["#posts"] == "table-of-contents anchor link"


def test_headings_document_title_and_empty_heading_becomes_parent() -> None:
    rows, _ = parse(
        """\
        # Awesome

        ## Papers
        ## Audio
        **A** \\
        [[Paper](https://arxiv.org/abs/2101.00001)]

        ## Video
        **B** \\
        [[Paper](https://arxiv.org/abs/2101.00002)]
        """
    )
    assert [r["section"] for r in rows] == [["Papers", "Audio"], ["Papers", "Video"]]


# -- other shapes, to show the parser is not tuned to five files -------------------------------------------


def test_numbered_list_and_nested_bullets() -> None:
    rows, _ = parse(
        """\
        1. [Paper one](https://arxiv.org/abs/2001.00001)
        2. [Paper two](https://arxiv.org/abs/2001.00002)
           - [Its code](https://github.com/o/two)
        """
    )
    assert [r["arxiv_id"] for r in rows[:2]] == ["2001.00001", "2001.00002"]
    assert (rows[2]["kind"], rows[2]["title"], rows[2]["line"]) == ("repository", "Its code", 3)


def test_reference_style_links() -> None:
    row = one("- [Denoising Diffusion Probabilistic Models][ddpm]\n\n[ddpm]: https://arxiv.org/abs/2006.11239v2\n")
    assert (row["arxiv_id"], row["title"]) == ("2006.11239", "Denoising Diffusion Probabilistic Models")


def test_html_anchor() -> None:
    row = one('Read <a href="https://arxiv.org/abs/2006.11239">Denoising Diffusion Probabilistic Models</a> first.\n')
    assert (row["arxiv_id"], row["title"], row["layout"]) == (
        "2006.11239", "Denoising Diffusion Probabilistic Models", "prose"
    )


@pytest.mark.parametrize(
    ("url", "column", "value"),
    [
        ("https://arxiv.org/abs/2006.11239v2", "arxiv_id", "2006.11239"),
        ("https://arxiv.org/pdf/2006.11239v3.pdf", "arxiv_id", "2006.11239"),
        ("https://arxiv.org/abs/math/0601001", "arxiv_id", "math/0601001"),
        ("https://doi.org/10.1162/NECO_a_00142", "doi", "10.1162/neco_a_00142"),
        ("https://openreview.net/forum?id=PxTIG12RRHS", "openreview_id", "PxTIG12RRHS"),
        ("https://proceedings.mlr.press/v202/wang23ah.html", "pmlr_id", "v202/wang23ah"),
        ("https://ieeexplore.ieee.org/abstract/document/10446531?casa_token=x", "ieee_id", "10446531"),
    ],
    ids=["versioned-abs", "versioned-pdf", "old-style", "doi", "openreview", "pmlr", "ieee"],
)
def test_identifier_forms_in_bullets(url: str, column: str, value: str) -> None:
    row = one(f"- [Some paper]({url})\n")
    assert row[column] == value and row["kind"] == "paper"


# -- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n  \t\n"], ids=["empty", "whitespace"])
def test_empty_list_is_a_warning(text: str) -> None:
    rows, report = parse_document("e.md", text)
    assert rows == [] and report[0]["severity"] == "warning" and "empty" in report[0]["reason"]


def test_list_with_no_entries_is_a_warning() -> None:
    rows, report = parse("# Title\n\nJust prose, no links.\n")
    assert rows == [] and report[-1]["reason"] == "no entries found in this list"


def test_unbalanced_brackets_warn_with_line_and_keep_the_link() -> None:
    rows, report = parse("# L\n\n- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239\n")
    assert rows[0]["arxiv_id"] == "2006.11239"
    warning = next(r for r in report if r["severity"] == "warning")
    assert warning["line"] == 3 and "unbalanced" in warning["reason"]


def test_occurrence_ids_unique_on_one_line() -> None:
    rows, _ = parse("See [Quiet Talk](https://youtu.be/a) and [Loud Talk](https://youtu.be/b).\n")
    assert [r["occurrence_id"] for r in rows] == ["t.md:1", "t.md:1:2"]


def test_parse_lists_is_order_independent() -> None:
    a = {"source": "a.md", "text": "- [A](https://arxiv.org/abs/2001.00001)\n"}
    b = {"source": "b.md", "text": "- [B](https://arxiv.org/abs/2001.00002)\n"}
    one_way = parse_lists(pd.DataFrame([a, b])).occurrences
    other = parse_lists(pd.DataFrame([b, a])).occurrences
    assert one_way.equals(other)


def test_year_from_date_line_and_year_heading() -> None:
    rows, _ = parse(
        """\
        ## Posts
        **DiffusionFastForward: 01-Diffusion-Theory** \\
        *Mikolaj Czerkawski* \\
        [[Website](https://github.com/m/DiffusionFastForward/blob/master/notes/01-Diffusion-Theory.md)] \\
        Feb 2023

        ### 2024
        - [Easy Consistency Tuning](https://gsunshine.notion.site/Consistency-Models-Made-Easy-954205c0b4a2) **WR=3**
        """
    )
    assert [(r["year"], r["kind"]) for r in rows] == [(2023, "post"), (2024, "post")]


def test_bold_title_then_links_on_one_line() -> None:
    rows, _ = parse(
        """\
        - **Denoising Diffusion Probabilistic Models** [[paper](https://arxiv.org/abs/2006.11239)] [[code](https://github.com/hojonathanho/diffusion)]
        - **Cold Diffusion** [paper](https://arxiv.org/abs/2208.09392) [code](https://github.com/arpitbansal297/Cold-Diffusion-Models)
        """
    )
    assert [(r["title"], r["arxiv_id"], r["kind"]) for r in rows] == [
        ("Denoising Diffusion Probabilistic Models", "2006.11239", "paper"),
        ("Cold Diffusion", "2208.09392", "paper")]
    assert rows[0]["links"][1] == {"label": "code", "url": "https://github.com/hojonathanho/diffusion"}


@pytest.mark.parametrize("text", ["paper", "[code]", "arXiv", "PDF", "here", "https://arxiv.org/abs/2006.11239"],
                         ids=["paper", "code", "arxiv", "pdf", "here", "url"])
def test_generic_link_texts_are_not_titles(text: str) -> None:
    rows, report = parse(f"See the [{text}](https://arxiv.org/abs/2006.11239) for details.\n")
    assert rows[0]["title"] is None and rows[0]["arxiv_id"] == "2006.11239"
    assert any(r["reason"].startswith("entry has no title") and r["line"] == 1 for r in report)


def test_nothing_lost_is_strict_about_prefixes() -> None:
    # a lost short URL is not hidden by a longer one that starts with it
    from diffdata.parse.unaccounted import _prefix_related

    known = sorted(["https://github.com/openai/guided-diffusion"])
    assert not _prefix_related("https://github.com/openai", known)
    assert _prefix_related("https://github.com/openai/guided-diffusion).", known)


def test_parallel_parse_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    import diffdata.parse as p

    docs = pd.DataFrame([{"source": f"l{i}.md", "text": "".join(
        f"- [Paper {i} {j}](https://arxiv.org/abs/2101.{i * 100 + j:05d})\n" for j in range(50))} for i in range(4)])
    serial = parse_lists(docs)
    monkeypatch.setattr(p, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(p.os, "cpu_count", lambda: 2)  # two workers even on a one-core machine
    parallel = parse_lists(docs)
    assert len(parallel.occurrences) == 200
    pd.testing.assert_frame_equal(serial.occurrences, parallel.occurrences)
    pd.testing.assert_frame_equal(serial.report, parallel.report)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. **Diffusion Models Beat GANs on Image Synthesis** (NeurIPS 2021) [[paper](https://arxiv.org/abs/2105.05233)]",
         ("Diffusion Models Beat GANs on Image Synthesis", "NeurIPS", 2021, [])),
        ("- **Diffusion Models Beat GANs on Image Synthesis** by Prafulla Dhariwal, Alex Nichol [[paper](https://arxiv.org/abs/2105.05233)]",
         ("Diffusion Models Beat GANs on Image Synthesis", None, None, ["Prafulla Dhariwal", "Alex Nichol"])),
        ("**Note:** see [paper](https://arxiv.org/abs/2105.05233) for details.", (None, None, None, [])),
    ],
    ids=["venue-aside", "by-authors", "bold-label-is-not-a-title"],
)
def test_bold_title_with_a_short_aside(line: str, expected: tuple) -> None:
    rows, _ = parse(line + "\n")
    r = rows[0]
    assert (r["title"], r["venue"], r["year"], r["authors"]) == expected and r["arxiv_id"] == "2105.05233"


# -- layouts nobody on the project wrote: one field reader for all of them ---------------------------------


def test_bold_title_wrapped_over_two_lines_is_joined_and_trailing_dots_go() -> None:
    row = one(
        """\
        **Score-Based Generative Modeling through
        Stochastic Differential Equations.** \\
        *Yang Song, Jascha Sohl-Dickstein, Diederik P. Kingma.* \\
        ICLR2021 (Outstanding Paper Award). [[pdf](https://arxiv.org/abs/2011.13456)]
        """
    )
    assert row["title"] == "Score-Based Generative Modeling through Stochastic Differential Equations"
    assert row["authors"] == ["Yang Song", "Jascha Sohl-Dickstein", "Diederik P. Kingma"]
    assert (row["venue"], row["year"], row["qualifier"]) == ("ICLR", 2021, "Outstanding Paper Award")


@pytest.mark.parametrize(
    ("aside", "venue", "year", "qualifier", "date"),
    [
        ("(ICLR2024 (3566))", "ICLR", 2024, "3566", None),
        ("(CVPR'24, Highlight)", "CVPR", 2024, "Highlight", None),
        ("(NeurIPS-2023 Spotlight)", "NeurIPS", 2023, "Spotlight", None),
        ("(Jan., 2024 | CVPR 2024)", "CVPR", 2024, None, "Jan., 2024"),
        ("(TKDE 2024)", "TKDE", 2024, None, None),
        ("(ECCV 2022 Workshop)", "ECCV Workshop", 2022, None, None),
        ("[Oct 2023]", None, 2023, None, "Oct 2023"),
        ("(Arxiv, 2026)", "Arxiv", 2026, None, None),
    ],
    ids=["glued-with-number", "apostrophe-year", "dash-year", "date-and-venue", "unknown-venue-with-year",
         "workshop", "bracketed-date", "preprint"],
)
def test_asides_after_a_title_link(aside: str, venue: str | None, year: int, qualifier: str | None,
                                   date: str | None) -> None:
    row = one(f"- [A Study of Things in Video Diffusion](https://arxiv.org/abs/2401.00001) {aside}\n")
    assert (row["venue"], row["year"], row["qualifier"], row["date"]) == (venue, year, qualifier, date)
    assert row["title"] == "A Study of Things in Video Diffusion"


def test_badges_under_an_entry_are_its_links() -> None:
    rows, report = parse(
        """\
        + [Some Video Model: Making Things Move](https://example.org/some-model/) (Mar., 2025)
          [![Star](https://img.shields.io/github/stars/someone/some-model.svg?style=social)](https://github.com/someone/some-model)
          [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2503.00042)
          [![Website](https://img.shields.io/badge/Website-9cf)](https://someone.github.io/some-model/)
        """
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row["arxiv_id"], row["kind"], row["year"], row["title"]) == (
        "2503.00042", "paper", 2025, "Some Video Model: Making Things Move")
    urls = [x["url"] for x in row["links"]]
    assert "https://github.com/someone/some-model" in urls and "https://someone.github.io/some-model/" in urls
    assert not any(r["reason"].startswith("link in a description") for r in report)


def test_table_columns_by_meaning_in_any_order_and_combined() -> None:
    rows, _ = parse(
        """\
        | Code | Pub. & Date | Paper | Authors |
        |---|---|---|---|
        | [![Star](https://img.shields.io/badge/x.svg)](https://github.com/a/b) | CVPR, 2025 | [Moving Pictures Model](https://arxiv.org/abs/2501.00001) | Ann Lee, Bo Chen |
        | - | Jun 2024 | [Another Model](https://arxiv.org/abs/2406.00002) | Cy Dee |
        """
    )
    first, second = rows
    assert (first["title"], first["venue"], first["year"], first["authors"]) == (
        "Moving Pictures Model", "CVPR", 2025, ["Ann Lee", "Bo Chen"])
    assert "https://github.com/a/b" in [x["url"] for x in first["links"]]
    assert (second["venue"], second["year"], second["date"]) == (None, 2024, "Jun 2024")


def test_numbered_dash_separated_list_of_our_own() -> None:
    rows, _ = parse(
        """\
        1. Elucidating the Design Space of Diffusion Models - Tero Karras, Miika Aittala - NeurIPS 2022 [[paper](https://arxiv.org/abs/2206.00364)]
        2. Classifier-Free Diffusion Guidance | Jonathan Ho, Tim Salimans | [pdf](https://arxiv.org/pdf/2207.12598.pdf)
        3. Jiaming Song, Chenlin Meng, Stefano Ermon, "Denoising Diffusion Implicit Models", ICLR 2021. [link](https://openreview.net/forum?id=St1giarCHLP)
        4. Diffusion Models Beat GANs on Image Synthesis, by Prafulla Dhariwal and Alex Nichol [doi](https://doi.org/10.48550/arXiv.2105.05233)
        """
    )
    assert [r["title"] for r in rows] == [
        "Elucidating the Design Space of Diffusion Models", "Classifier-Free Diffusion Guidance",
        "Denoising Diffusion Implicit Models", "Diffusion Models Beat GANs on Image Synthesis"]
    assert rows[0]["authors"] == ["Tero Karras", "Miika Aittala"]
    assert (rows[0]["venue"], rows[0]["year"]) == ("NeurIPS", 2022)
    assert rows[1]["authors"] == ["Jonathan Ho", "Tim Salimans"]
    assert (rows[2]["venue"], rows[2]["year"]) == ("ICLR", 2021)
    assert rows[3]["authors"] == ["Prafulla Dhariwal", "Alex Nichol"]
    assert rows[3]["arxiv_id"] == "2105.05233"  # the arXiv DOI is the arXiv id


def test_reference_link_layout_reads_fields_too() -> None:
    row = one("- [Denoising Diffusion Probabilistic Models][ddpm] (NeurIPS 2020)\n\n"
              "[ddpm]: https://arxiv.org/abs/2006.11239\n")
    assert (row["title"], row["venue"], row["year"]) == ("Denoising Diffusion Probabilistic Models", "NeurIPS", 2020)


def test_link_text_naming_a_venue_gives_the_venue() -> None:
    row = one("- **Latent Video Things** [[CVPR 2024](https://openaccess.thecvf.com/content/CVPR2024/html/"
              "X_Latent_CVPR_2024_paper.html)] [[code](https://github.com/x/y)]\n")
    assert (row["title"], row["venue"], row["year"]) == ("Latent Video Things", "CVPR", 2024)


def test_what_readers_do_not_see_is_not_an_entry() -> None:
    rows, report = parse(
        """\
        - [Shown Paper](https://arxiv.org/abs/2301.00001)
        <!-- - [Retired Paper](https://arxiv.org/abs/2301.00002) -->

        <!--
        - [Another Retired Paper](https://arxiv.org/abs/2301.00003)
        -->
        - [Also Shown](https://arxiv.org/abs/2301.00004) <!-- [old](https://arxiv.org/abs/2301.00005) -->
        """
    )
    assert [r["arxiv_id"] for r in rows] == ["2301.00001", "2301.00004"]
    hidden = {r["url"] for r in report if "hidden from readers" in r["reason"]}
    assert {"https://arxiv.org/abs/2301.00003", "https://arxiv.org/abs/2301.00005"} <= hidden
    assert not any("unbalanced" in r["reason"] for r in report)
    assert "https://arxiv.org/abs/2301.00002" in {r["url"] for r in report}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- [Thinking About Noise Schedules](https://someone.example/noise) - a blog post on schedules", "post"),
        ("- [Diffusion for Everyone](https://someone.example/talk) (talk at a summer school)", "video"),
        ("- [Generative Models Lecture Slides](https://someone.example/l1) - slides", "post"),
        ("- [Some Lab](https://lab.example/)", "website"),
    ],
    ids=["blog-post", "talk", "slides", "plain-page"],
)
def test_kind_from_what_the_entry_says(line: str, kind: str) -> None:
    assert one(line + "\n")["kind"] == kind


def test_two_arxiv_ids_in_one_entry_keep_both_and_are_reported() -> None:
    rows, report = parse(
        """\
        + [First Paper Title](https://arxiv.org/abs/2401.11111) (Jan., 2024)
          [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2401.22222)
        + [Second Paper Title](https://arxiv.org/abs/2401.11111) (Jan., 2024)
        """
    )
    # 2401.11111 is also claimed by a differently titled entry: the first entry uses its other id
    first = next(r for r in rows if r["title"] == "First Paper Title")
    assert first["arxiv_id"] == "2401.22222" and first["arxiv_ids"] == ["2401.11111", "2401.22222"]
    assert sorted(r["arxiv_id"] for r in rows) == ["2401.11111", "2401.22222"]
    assert any(r["reason"].startswith("entry carries two different arXiv ids") and r["line"] == 1 for r in report)


def test_a_second_arxiv_id_nobody_else_lists_becomes_a_mention_of_its_own() -> None:
    rows, report = parse(
        """        + [Only Paper Title](https://arxiv.org/abs/2402.11111) (Feb., 2024)
          [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2402.33333)
        """
    )
    main, extra = rows
    assert (main["arxiv_id"], main["title"]) == ("2402.11111", "Only Paper Title")
    assert (extra["arxiv_id"], extra["title"], extra["line"], extra["year"]) == ("2402.33333", None, 1, 2024)
    assert extra["occurrence_id"] != main["occurrence_id"]
    assert any("kept as a mention of its own" in r["reason"] for r in report)


@pytest.mark.parametrize(
    "url",
    ["https://arxiv.org/abs//2306.08707", "https://arxiv.org/2306.08707", "https://arxiv.org/html/2306.08707v2",
     "https://export.arxiv.org/abs/2306.08707", "https://ARXIV.org/PDF/2306.08707v3.pdf",
     "https://doi.org/10.48550/arXiv.2306.08707"],
)
def test_arxiv_id_in_every_written_form(url: str) -> None:
    assert one(f"- [A Paper](<{url}>)\n")["arxiv_id"] == "2306.08707"


def test_every_field_says_how_it_was_read() -> None:
    row = one("- [A Study of Things](https://arxiv.org/abs/2401.00001) (Dec., 2024)\n")
    assert "title: link text" in row["evidence"]
    assert any(e.startswith("year: aside") for e in row["evidence"])
    assert "kind: a paper link" in row["evidence"]
    post = one("- [Notes on Noise Schedules](https://someone.example/noise) - a blog post\n")
    assert (post["kind"], post["evidence"][-1]) == ("post", "kind: the entry says 'blog post'")


# -- linear cost: output and work grow with the input, never with its square -------------------------------


def _size(rows: list[dict], report: list[dict]) -> int:
    return sum(len(str(r)) for r in rows) + sum(len(str(r)) for r in report)


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: " ".join(f"[paper {i}](https://arxiv.org/abs/2401.{i:05d})" for i in range(n)),
        lambda n: " ".join(f"https://github.com/o/r{i}" for i in range(n)),
        lambda n: " ".join(f'<a href="https://github.com/o/r{i}">r{i}</a>' for i in range(n)),
        lambda n: "\n".join(f"word {i} [x{i}](https://github.com/o/r{i})" for i in range(n)),
        lambda n: "\n\n".join(f"## Heading {i}\n- [Paper {i}](https://arxiv.org/abs/2401.{i:05d})" for i in range(n)),
        lambda n: "<table>\n" + "\n".join(f'<tr><td><a href="https://arxiv.org/abs/2401.{i:05d}">P {i}</a></td>'
                                           f"<td>CVPR 2023</td></tr>" for i in range(n)) + "\n</table>\n",
        lambda n: "- [Entry](https://arxiv.org/abs/2301.00001)\n\n  " + " ".join(
            f"see [Paper {i}](https://arxiv.org/abs/2401.{i:05d})" for i in range(n)),
        lambda n: "## A post about things.\nFoo: A Title\npaper: https://arxiv.org/abs/2301.00001\n" + " ".join(
            f"and [Paper {i}](https://arxiv.org/abs/2401.{i:05d})" for i in range(n)),
        lambda n: "| Title | Venue |\n|---|---|\n| " + "; ".join(
            f"[Paper {i} Title](https://arxiv.org/abs/2401.{i:05d})" for i in range(n)) + " | ICLR |\n",
        lambda n: "\n".join(f"| 2023 | **Foo {i}** | ICLR | [Link](https://arxiv.org/abs/2401.{i:05d}) |" for i in range(n)),
        lambda n: "\n".join(f"* {1990 + i % 30}:\n  * [Paper {i}](https://arxiv.org/abs/2401.{i:05d})" for i in range(n)),
        lambda n: "<table>\n" + "\n".join(f'<tr><td rowspan="2">C{i}</td><td><a href="https://arxiv.org/abs/2401.'
                                           f'{i:05d}">P {i}</a></td></tr><tr><td>x</td></tr>' for i in range(n)) + "\n</table>",
        lambda n: "- A Title of Things " + " ".join(f"[[code](https://github.com/o/r{i})]" for i in range(n)),
    ],
    ids=["links-on-one-line", "bare-urls-on-one-line", "anchors-on-one-line", "one-long-paragraph", "headings",
         "html-table", "description-links", "post-text-links", "cell-of-links", "rows-without-table", "label-items",
         "rowspan", "item-of-label-links"],
)
def test_output_and_work_grow_linearly(shape) -> None:
    def measured(n: int) -> tuple[int, int]:
        calls = 0

        def count(frame, event, arg):  # every Python line executed: a count of work that loops cannot hide
            nonlocal calls
            calls += 1
            return count

        text = shape(n)
        sys.settrace(count)
        try:
            rows, report = parse_document("t.md", text)
        finally:
            sys.settrace(None)
        return _size(rows, report), calls

    small_out, small_work = measured(500)
    large_out, large_work = measured(2000)
    # four times the input: about four times the output and the work (quadratic would be 16x)
    assert large_out < 4.6 * small_out
    assert large_work < 5 * small_work


def test_a_cell_past_the_last_column_is_still_read() -> None:
    row = one(
        """\
        | Title | arXiv | Date |
        |---|---|---|
        | [Stretching Frames](https://arxiv.org/abs/2304.01234) | - | - | ICLR 2023 |
        """
    )
    assert (row["venue"], row["year"]) == ("ICLR", 2023)


MIXED_LAYOUTS = """\
## A
- **Latent Video Things for Long Videos** <br> *Ann Lee, Bo Chen, Cy Dee* <br> [[Paper](https://arxiv.org/abs/2211.00001)] [[Code](https://github.com/a/lvt)]
- [Tune Things: One-Shot Tuning of Models](https://arxiv.org/abs/2212.00002) - Dan Eve, Fay Gold. *ICCV 2023*.
- [CVPR 2023] **Align Your Things: High-Resolution Synthesis** [[Paper](https://arxiv.org/abs/2304.00003)]
- [arXiv 2023.05] Make-A-Thing: Generic Editing with Experts [[Paper](https://arxiv.org/abs/2305.00004)]
- (ICLR 2023) Phenomenal: Variable Length Generation. [paper](https://arxiv.org/abs/2210.00005)
- 2023.06 | ThingComposer: Compositional Synthesis | [Paper](https://arxiv.org/abs/2306.00006)
- **[Imagined Video: High Definition Generation](https://arxiv.org/abs/2210.00007)** <br> Jon Hill, Will Chan <br> arXiv 2022
- Video Things Models. Jon Hill, Tim Sand. NeurIPS 2022. [[pdf](https://arxiv.org/pdf/2204.00008.pdf)]
- [Text2Thing-Zero](https://arxiv.org/abs/2303.00009), Levon Kay et al., ICCV 2023 (Oral)
- **MagicThing: Efficient Generation**, Dan Zhou, Wei Wang, *arXiv 2022*. [pdf](https://arxiv.org/abs/2211.00010)

| Date | Title | Venue | Code |
|---|---|---|---|
| 2023-04 | [Follow Your Thing](https://arxiv.org/abs/2304.00011) | AAAI 2024 | [code](https://github.com/a/fyt) |
| Mar 2023 | **Pix2Thing: Editing using Diffusion** [paper](https://arxiv.org/abs/2303.00012) | ICCV'23 | - |
"""


@pytest.mark.parametrize(
    ("arxiv_id", "title", "authors", "venue", "year"),
    [
        ("2211.00001", "Latent Video Things for Long Videos", ["Ann Lee", "Bo Chen", "Cy Dee"], None, None),
        ("2212.00002", "Tune Things: One-Shot Tuning of Models", ["Dan Eve", "Fay Gold"], "ICCV", 2023),
        ("2304.00003", "Align Your Things: High-Resolution Synthesis", [], "CVPR", 2023),
        ("2305.00004", "Make-A-Thing: Generic Editing with Experts", [], "arXiv", 2023),
        ("2210.00005", "Phenomenal: Variable Length Generation", [], "ICLR", 2023),
        ("2306.00006", "ThingComposer: Compositional Synthesis", [], None, 2023),
        ("2210.00007", "Imagined Video: High Definition Generation", ["Jon Hill", "Will Chan"], "arXiv", 2022),
        ("2204.00008", "Video Things Models", ["Jon Hill", "Tim Sand"], "NeurIPS", 2022),
        ("2303.00009", "Text2Thing-Zero", ["Levon Kay"], "ICCV", 2023),
        ("2211.00010", "MagicThing: Efficient Generation", ["Dan Zhou", "Wei Wang"], "arXiv", 2022),
        ("2304.00011", "Follow Your Thing", [], "AAAI", 2024),
        ("2303.00012", "Pix2Thing: Editing using Diffusion", [], "ICCV", 2023),
    ],
    ids=["bold-br-italic", "link-dash-names-italic-venue", "leading-venue-bracket", "leading-preprint-date",
         "leading-venue-paren", "leading-date-pipes", "bold-link-br", "sentences", "link-comma-et-al",
         "bold-comma-names", "table-date-first", "table-bold-title-generic-link"],
)
def test_mixed_layouts_read_the_same_fields(arxiv_id: str, title: str, authors: list[str], venue: str | None,
                                            year: int | None) -> None:
    rows, _ = parse(MIXED_LAYOUTS)
    row = next(r for r in rows if r["arxiv_id"] == arxiv_id)
    assert (row["title"], row["authors"], row["venue"], row["year"]) == (title, authors, venue, year)


def test_a_heading_that_links_a_paper_is_an_entry_with_its_description() -> None:
    rows, _ = parse(
        """\
        ## Section
        ### [Denoising Things: Probabilistic Models](https://arxiv.org/abs/2006.00001)
        Jon Hill, Amy Jain, Pat Abbe. NeurIPS 2020.

        - **[CVPR 2023]** Align Your Things: High-Resolution Synthesis [[Paper](https://arxiv.org/abs/2304.00003)]
        - 📝 Paper: [Some Great Title Here](https://arxiv.org/abs/2304.00004) (ECCV 2022)
        """
    )
    heading, bold_aside, labelled = rows
    assert (heading["layout"], heading["title"], heading["venue"], heading["year"], heading["section"]) == (
        "heading", "Denoising Things: Probabilistic Models", "NeurIPS", 2020, ["Section"])
    assert heading["authors"] == ["Jon Hill", "Amy Jain", "Pat Abbe"]
    assert (bold_aside["title"], bold_aside["venue"], bold_aside["year"]) == (
        "Align Your Things: High-Resolution Synthesis", "CVPR", 2023)
    assert (labelled["title"], labelled["venue"]) == ("Some Great Title Here", "ECCV")


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        ("- [[paper](https://arxiv.org/abs/2301.00001)] Title of a Great Paper [[code](https://github.com/a/b)]",
         "Title of a Great Paper", None, None),
        ("- [[Paper](https://arxiv.org/abs/2301.00001)] **Bold Title After Link** (CVPR 2023)",
         "Bold Title After Link", "CVPR", 2023),
        ("- [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2301.00001) "
         "Badge First Title, ICCV 2023", "Badge First Title", "ICCV", 2023),
        ("- [pdf](https://arxiv.org/abs/2301.00001) | Pipe Title Here | ECCV 2022", "Pipe Title Here", "ECCV", 2022),
        ("- [CVPR 2023 Challenge on Video Things](https://arxiv.org/abs/2301.00001)",
         "CVPR 2023 Challenge on Video Things", "CVPR", 2023),
    ],
    ids=["label-link-first", "label-link-then-bold", "badge-first", "label-then-pipes", "event-in-title"],
)
def test_label_links_and_badges_before_the_title(line: str, title: str, venue: str | None,
                                                 year: int | None) -> None:
    row = one(line + "\n")
    assert (row["title"], row["venue"], row["year"], row["arxiv_id"]) == (title, venue, year, "2301.00001")


def test_an_item_linking_several_works_is_prose() -> None:
    rows, _ = parse("- See [DDPM](https://arxiv.org/abs/2006.11239) and [DDIM](https://arxiv.org/abs/2010.02502)\n")
    assert [(r["title"], r["layout"]) for r in rows] == [("DDPM", "prose"), ("DDIM", "prose")]


def test_an_html_table_is_read_like_a_pipe_table() -> None:
    rows, report = parse(
        """\
        <table>
        <tr><th>Title</th><th>Venue</th><th>Code</th></tr>
        <tr>
          <td><a href="https://arxiv.org/abs/2301.00001">Table Paper One</a></td>
          <td>CVPR 2023</td>
          <td><a href="https://github.com/a/b">code</a></td>
        </tr>
        <tr><td><a href="https://arxiv.org/abs/2301.00002">Table Paper Two</a></td><td>NeurIPS 2022</td></tr>
        <caption>See <a href="https://example.org/more">more</a></caption>
        </table>
        """
    )
    assert [(r["title"], r["venue"], r["year"], r["line"], r["end_line"]) for r in rows] == [
        ("Table Paper One", "CVPR", 2023, 3, 7), ("Table Paper Two", "NeurIPS", 2022, 8, 8)]
    assert "https://github.com/a/b" in [x["url"] for x in rows[0]["links"]]
    assert "https://example.org/more" in {r["url"] for r in report}


def test_identifiers_written_as_text_are_kept_as_links() -> None:
    rows, _ = parse(
        """\
        - Denoising Things Models. Jon Hill. NeurIPS 2020. arXiv:2006.11239
        - Another Thing [[code](https://github.com/a/b)] doi: 10.1000/thing.42.
        - A Linked Thing [[pdf](https://arxiv.org/abs/2101.00001)], see also arXiv:2006.11239
        """
    )
    first, second, third = rows
    assert (first["title"], first["arxiv_id"], first["kind"], first["authors"]) == (
        "Denoising Things Models", "2006.11239", "paper", ["Jon Hill"])
    assert {"label": "identifier written in the text", "url": "https://arxiv.org/abs/2006.11239"} in first["links"]
    assert (second["title"], second["doi"], second["kind"]) == ("Another Thing", "10.1000/thing.42", "paper")
    assert third["arxiv_id"] == "2101.00001" and len(third["links"]) == 1  # a linked id wins; text is a mention


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        ("- [Title In Link (CVPR 2023)](https://arxiv.org/abs/2301.00001)", "Title In Link", "CVPR", 2023),
        ("- **Bold Title [ICCV'23]** [[paper](https://arxiv.org/abs/2301.00001)]", "Bold Title", "ICCV", 2023),
        ("- [Title With Sup](https://arxiv.org/abs/2301.00001) <sup>CVPR 2023</sup>", "Title With Sup", "CVPR", 2023),
        ("- [Model (v2) Things](https://arxiv.org/abs/2301.00001)", "Model (v2) Things", None, None),
    ],
    ids=["aside-in-link-text", "aside-in-bold-title", "venue-in-sup", "parenthesis-inside-title"],
)
def test_asides_inside_the_title_or_in_sup(line: str, title: str, venue: str | None, year: int | None) -> None:
    row = one(line + "\n")
    assert (row["title"], row["venue"], row["year"]) == (title, venue, year)


def test_a_plain_title_line_then_a_line_of_links_is_one_entry() -> None:
    rows, _ = parse(
        """\
        Title of a Plain Paper
        [[paper](https://arxiv.org/abs/2301.00001)] [[code](https://github.com/a/b)]

        Another Plain Title (ICCV 2023)
        [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2301.00002)

        This sentence is prose with a [link to a paper](https://arxiv.org/abs/2301.00003) inside.
        """
    )
    assert [(r["title"], r["venue"], r["arxiv_id"], r["layout"]) for r in rows] == [
        ("Title of a Plain Paper", None, "2301.00001", "block"),
        ("Another Plain Title", "ICCV", "2301.00002", "block"),
        ("link to a paper", None, "2301.00003", "prose"),
    ]


@pytest.mark.parametrize(
    ("description", "year"),
    [("An introduction from Ann Lee from 2021. Still good.", 2021), ("Published in 2020 at a workshop.", 2020),
     ("Covers everything up to 2022 state of knowledge.", None), ("Results on 2019-2021 benchmarks.", None)],
    ids=["from-year", "published-in", "up-to-is-not-its-year", "a-range-is-not-its-year"],
)
def test_a_year_in_a_description_only_when_it_dates_the_work(description: str, year: int | None) -> None:
    assert one(f"- [A Paper Title](https://arxiv.org/abs/2101.00001)\n  {description}\n")["year"] == year


def test_a_label_before_a_bare_url_and_a_homepage_label_are_not_titles() -> None:
    rows, report = parse(
        """\
        - paper: https://arxiv.org/abs/2006.11239

        Homepage: [Zhen Xing](https://example.org/zhen)

        - [A Paper](https://arxiv.org/abs/2301.00001)
        <!-- [old](https://arxiv.org/abs/2301.00005) -->
        """
    )
    assert [(r["title"], r["year"], r["arxiv_id"]) for r in rows] == [
        (None, None, "2006.11239"), ("A Paper", None, "2301.00001")]
    reasons = {r["url"]: r["reason"] for r in report}
    assert reasons["https://example.org/zhen"].startswith("link to a homepage")
    assert reasons["https://arxiv.org/abs/2301.00005"].startswith("link hidden from readers")


def test_a_title_column_wins_over_a_method_column_and_authors_under_the_title_are_read() -> None:
    rows, _ = parse(
        """\
        | Release | Method | Title | Pub. | Link |
        |---|---|---|---|---|
        | 2024/07 | - | **Prototype Things for Inverse Problems**<br /><sup><sub>*Jin Zhang, Bo Li*</sub></sup> | arXiv<br />2024 | [Paper](https://arxiv.org/abs/2407.00001) |
        | 2024/06 | DDTH | **Denoising Things Here** <br /> *Ann Lee, Bo Chen* | CVPR<br />2024 | [Paper](https://arxiv.org/abs/2406.00002) |
        """
    )
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Prototype Things for Inverse Problems", ["Jin Zhang", "Bo Li"], "arXiv", 2024),
        ("Denoising Things Here", ["Ann Lee", "Bo Chen"], "CVPR", 2024),
    ]


def test_a_bold_title_block_separated_by_html_breaks() -> None:
    rows, _ = parse(
        """\
        **Diffusion Things in Vision: A Survey**<br />*Chun He, Yu Shen, Bo Li*<br />TPAMI, minor revision. [[Paper](https://arxiv.org/abs/2406.11111)]

        **Another Bold Title for Things**<br />
        *Ann Lee, Bo Chen*<br />
        ICLR 2025, Spotlight. [[Paper](https://arxiv.org/abs/2406.22222)] [[Code](https://github.com/c/d)]<br />
        """
    )
    assert [(r["title"], r["authors"], r["venue"], r["qualifier"], r["year"], len(r["links"])) for r in rows] == [
        ("Diffusion Things in Vision: A Survey", ["Chun He", "Yu Shen", "Bo Li"], "TPAMI", None, None, 1),
        ("Another Bold Title for Things", ["Ann Lee", "Bo Chen"], "ICLR", "Spotlight", 2025, 2),
    ]


def test_sub_items_that_describe_an_entry_are_part_of_it() -> None:
    rows, _ = parse(
        """\
        - (CVPR 24') **MaskThing**: Video Editing via Masked Transformers, *Ma et al.*
            - <a href="https://arxiv.org/abs/2312.00001"><img src="https://img.shields.io/badge/arXiv-Paper.svg"></a> <a href="https://mask.github.io/"><img src="https://img.shields.io/badge/Project.svg"></a>
        - (Preprint '24) Consistent Things Using Synthetic Data, *Cheng et al.*
            - [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2311.00002)
        - [Training Things with Reinforcement Learning](https://arxiv.org/pdf/2305.00003.pdf)
          - Kevin Black, Mike Jan, Yi Du
          - Publisher: ICLR 2024
          - Code: [official](http://rl-things.github.io/)
        - [Paper two](https://arxiv.org/abs/2001.00004)
          - [Its code](https://github.com/o/two)
        - Summarize the paper in a few sentences.
          - Add the title and a link.
        """
    )
    got = [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows]
    assert got == [
        ("MaskThing: Video Editing via Masked Transformers", ["Ma"], "CVPR", 2024, "2312.00001"),
        ("Consistent Things Using Synthetic Data", ["Cheng"], "Preprint", 2024, "2311.00002"),
        ("Training Things with Reinforcement Learning", ["Kevin Black", "Mike Jan", "Yi Du"], "ICLR", 2024,
         "2305.00003"),
        ("Paper two", [], None, None, "2001.00004"),
        ("Its code", [], None, None, None),
    ]
    assert {"label": "code", "url": "http://rl-things.github.io/"} in rows[2]["links"]
    assert rows[0]["end_line"] == 2


@pytest.mark.parametrize(
    ("link", "venue", "year"),
    [("[[CVPR 2023 AI4CC Workshop](https://arxiv.org/abs/2305.00001)]", "CVPR AI4CC Workshop", 2023),
     ("[[ICML 2023 workshop](https://arxiv.org/abs/2305.00001)]", "ICML Workshop", 2023),
     ("[[arXiv](https://arxiv.org/abs/2305.00001)]", None, None)],
    ids=["named-workshop", "lower-case-workshop", "arxiv-label-is-no-venue"],
)
def test_venue_link_texts(link: str, venue: str | None, year: int | None) -> None:
    row = one(f"**A Bold Paper Title** {link}\n")
    assert (row["title"], row["venue"], row["year"]) == ("A Bold Paper Title", venue, year)


def test_a_paper_badge_in_the_header_is_the_documents_paper() -> None:
    rows, report = parse(
        """\
        <h1 align="center">Video Things: A Survey</h1>

        <p align="center">
        <a href="https://arxiv.org/abs/2407.00001"><img src="https://img.shields.io/badge/arXiv-Paper.svg"></a>
        <a href="https://github.com/o/list"><img src="https://img.shields.io/badge/awesome.svg"></a>
        </p>

        ## Papers
        """
    )
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [("Video Things: A Survey", "2407.00001")]
    assert {r["url"]: r["reason"] for r in report}["https://github.com/o/list"] == "badge (image link)"


def test_layouts_of_a_third_batch_of_real_lists() -> None:
    rows, report = parse(
        """\
        - Entity-based Synthesis with Things, ICAIF 2024, [[Paper](https://doi.org/10.1145/1234567.1234568)]
        - Sos: Score-based oversampling for tables, KDD 2022, [[Paper](https://arxiv.org/abs/2206.00001)], [[Codes](https://github.com/a/sos)]
        - **Blue noise for diffusion things (SIGGRAPH 2024)** [[code](https://github.com/x/bn)] [[webpage](https://x.github.io/bn/)]

        **Guidance for Things** \\
        *Dhariwal, Prafulla, Nichol, Alex* \\
        [[Paper](https://arxiv.org/abs/2105.00002)]

        **Welcome to the collection of research on things!**
        Enjoy.

        | # | Year | Venue | Paper Title |
        |---|---|---|---|
        | 1 | 2023 | NSDI'24 | **`[DeepThing]`**<br>DeepThing: Accelerating Things for Free<br>[Paper](https://arxiv.org/pdf/2312.00003) |
        | 2 | 2023 | CVPR eLVM | **`[Other]`**<br>Other Thing Here<br>[Paper](-) |
        """
    )
    got = [(r["title"], r["venue"], r["year"], r["kind"]) for r in rows]
    assert got == [
        ("Entity-based Synthesis with Things", "ICAIF", 2024, "paper"),
        ("Sos: Score-based oversampling for tables", "KDD", 2022, "paper"),
        ("Blue noise for diffusion things", "SIGGRAPH", 2024, "paper"),
        ("Guidance for Things", None, None, "paper"),
        ("DeepThing: Accelerating Things for Free", "NSDI", 2023, "paper"),  # the Year column states the year
        ("Other Thing Here", "CVPR eLVM", 2023, "paper"),
    ]
    assert rows[1]["links"][1] == {"label": "Codes", "url": "https://github.com/a/sos"}
    assert rows[3]["authors"] == ["Dhariwal, Prafulla", "Nichol, Alex"]
    assert any(r["reason"] == "placeholder link (no address)" and r["url"] == "-" for r in report)


def test_a_by_inside_a_table_title_is_no_author_list() -> None:
    row = one("| Model | Paper | Date |\n|---|---|---|\n| SDE-W | Prediction Guided by Realistic Forecast Processes "
              "| 2024.02 |\n")
    assert (row["title"], row["authors"], row["note"]) == (
        "Prediction Guided by Realistic Forecast Processes", [], "SDE-W.")


def test_a_citation_mark_in_prose_is_titled_by_the_name_before_it() -> None:
    rows, _ = parse('<p>Works like ControlNet <a href="https://arxiv.org/abs/2302.00001">[1]</a> and '
                    'DreamBooth <a href="https://arxiv.org/abs/2208.00002">[2]</a> show it; see also '
                    '<a href="https://arxiv.org/abs/2301.00003">[3]</a>.</p>\n')
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [
        ("ControlNet", "2302.00001"), ("DreamBooth", "2208.00002"), (None, "2301.00003")]


def test_a_paper_cited_without_a_link_is_a_mention_news_and_instructions_are_not() -> None:
    rows, _ = parse(
        """\
        - A Flexible Generative Model for Tabular Things, ICLR 2024
        - Summarize the paper in a few sentences.
        - Updated on 2023.05.01: added 20 papers

        **Welcome to the collection of research on things!**
        Enjoy.
        """
    )
    assert [(r["title"], r["venue"], r["year"], r["kind"], r["links"]) for r in rows] == [
        ("A Flexible Generative Model for Tabular Things", "ICLR", 2024, "paper", [])]


def test_news_calls_to_action_and_label_links_in_prose() -> None:
    rows, report = parse(
        """\
        - [News] The updated version is available on [arXiv](https://arxiv.org/abs/2310.00001).

        Feel free to [*create pull requests*](https://github.com/o/list/blob/main/How-to-PR.md), or
        [*open issues*](https://github.com/o/list/issues/new).

        Read DDPM [paper](https://arxiv.org/abs/2006.00002) [code](https://github.com/o/ddpm) first.
        """
    )
    assert [(r["title"], r["arxiv_id"], [x["url"] for x in r["links"]]) for r in rows] == [
        (None, "2310.00001", ["https://arxiv.org/abs/2310.00001"]),
        (None, "2006.00002", ["https://arxiv.org/abs/2006.00002", "https://github.com/o/ddpm"]),
    ]
    reasons = {r["url"]: r["reason"] for r in report}
    assert reasons["https://github.com/o/list/issues/new"].startswith("link to a homepage or website")
    assert reasons["https://github.com/o/list/blob/main/How-to-PR.md"].startswith("link in prose whose text")


# Layouts met in lists written by others (each snippet written here, with made-up works).
@pytest.mark.parametrize(("md", "want"), [
    # a venue tag as a link before a plain-text title
    ("- [[CVPR2021](https://arxiv.org/abs/2101.00001)] Foo: Fast Bar Detection [[github](https://github.com/a/b)]",
     {"title": "Foo: Fast Bar Detection", "venue": "CVPR", "year": 2021}),
    # "Title. In *Venue Year*.": "In" belongs to neither the title nor the venue
    ("- Foo converges to bar in deep nets. In *ICML 2018*. [[pdf](https://arxiv.org/abs/1801.00001)]",
     {"title": "Foo converges to bar in deep nets", "venue": "ICML", "year": 2018, "authors": []}),
    ("- Why does foo work? In *NeurIPS 2019*. [[pdf](https://arxiv.org/abs/1901.00002)]",
     {"title": "Why does foo work?", "venue": "NeurIPS"}),
    ("- Foo bar baz. In *ITA 2019*. [[pdf](https://arxiv.org/abs/1901.00004)]",
     {"title": "Foo bar baz", "venue": "ITA", "authors": []}),
    # a label word beside a venue is no part of it
    ("- **[2025.02.07]**\n  - Paper: [Long Foo Context](https://arxiv.org/abs/2502.00003) ICLR 2025",
     {"title": "Long Foo Context", "venue": "ICLR", "year": 2025}),
    # a tag, then an angle-bracketed link, then "by" names and a year
    ("* **[ABC]** <[A Study of Foo](http://x.edu/foo.pdf)> by Ann Lee and Bo Chan, 2012.",
     {"title": "A Study of Foo", "authors": ["Ann Lee", "Bo Chan"], "year": 2012}),
    ("* <[Count Based Bars](https://arxiv.org/abs/1606.00001)> by Choi, Jongwook and Lee, Bo, 2016.",
     {"title": "Count Based Bars", "authors": ["Choi, Jongwook", "Lee, Bo"], "year": 2016}),
    # a review link beside the paper's: a label, not another work's title
    ("- FooGAN: Fooing Images with Bars (ICLR 2016) : [arxiv](https://arxiv.org/abs/1511.00001), "
     "[review](https://someone.github.io/gan/gan-2/)",
     {"title": "FooGAN: Fooing Images with Bars", "venue": "ICLR", "year": 2016}),
    # a remark after the venue is no part of it
    ("- **Foo Speech Model** , 2024 , arXiv [[paper](https://arxiv.org/abs/2401.00001)], Remark: Whisper",
     {"title": "Foo Speech Model", "venue": "arXiv", "year": 2024}),
    # "Name (2014)": the title's year, neither a venue nor a paper number
    ("- BarGAN: Barring Images (2014) : [arxiv](https://arxiv.org/abs/1406.00002)",
     {"title": "BarGAN: Barring Images", "venue": None, "year": 2014, "qualifier": None}),
    # a plain title, then italic names that run into the venue
    ("- [2023/05] Foo: A Bar Agent *Ann Lee et al. Arxiv* [[paper](https://arxiv.org/abs/2305.00005)]",
     {"title": "Foo: A Bar Agent", "authors": ["Ann Lee"]}),
])
def test_layouts_of_other_lists(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


def test_a_bold_group_label_is_no_entry_and_its_sub_items_are_works() -> None:
    rows, _ = parse("""\
        - **Multi Domain**
          - AGAN: Title A (NIPS 2017) : [arxiv](https://arxiv.org/abs/1703.00003)
          - BGAN: Title B (CVPR 2018) : [arxiv](https://arxiv.org/abs/1803.00004)
        """)
    assert [(r["line"], r["title"], r["venue"], r["year"]) for r in rows] == [
        (2, "AGAN: Title A", "NIPS", 2017), (3, "BGAN: Title B", "CVPR", 2018)]


def test_a_yy_mm_date_column_gives_the_year() -> None:
    got = one("""\
        | Time | Title | Venue | Paper |
        |---|---|---|---|
        | 25.04 | Foo Attacks on Bar | Arxiv | [link](https://arxiv.org/abs/2504.00001) |
        """)
    assert (got["title"], got["year"]) == ("Foo Attacks on Bar", 2025)


def test_rows_without_a_separator_line_are_rows() -> None:
    rows, _ = parse("""\
        ### Bayesian
        | 2023 | **Foo LoRA** | ICLR | [Link](https://arxiv.org/abs/2308.00001) |
        | 2022 | **Bar LoRA** | NeurIPS | [Link](https://arxiv.org/abs/2208.00002) |

        | Year | Title | Venue | Link |
        | 2021 | Baz Low Rank Things | ICML | [Link](https://arxiv.org/abs/2108.00003) |
        """)
    assert [(r["line"], r["title"], r["year"], r["venue"], r["arxiv_id"]) for r in rows] == [
        (2, "Foo LoRA", 2023, "ICLR", "2308.00001"), (3, "Bar LoRA", 2022, "NeurIPS", "2208.00002"),
        (6, "Baz Low Rank Things", 2021, "ICML", "2108.00003")]


def test_template_rows_news_lines_and_anchor_links_are_no_works() -> None:
    rows, report = parse("""\
        | name | title | venue | [PDF]() |
        |---|---|---|---|
        | name | title | venue | [PDF]() |

        - [Feb.12,2025] The first version of our survey is released on [arXiv](https://arxiv.org/abs/2502.00009).

        **2022** [[Back to Top](#papers)]
        """)
    assert [(r["line"], r["title"], r["venue"], r["year"]) for r in rows] == [(5, None, None, 2025)]
    reasons = {(r["line"], r["reason"].split(" (")[0]) for r in report}
    assert (3, "a template row") in reasons and (7, "table-of-contents anchor link") in reasons


def test_a_title_line_with_its_links_listed_under_it() -> None:
    rows, _ = parse("""\
        # NeRF

        [3] FooNeRF: Bar Fields

        - Code: https://github.com/x/foo
        - Paper: https://arxiv.org/pdf/2303.00001.pdf

        Papers we like, in no order

        - [Denoising Foo Models](https://arxiv.org/abs/2006.11239)
        """)
    assert [(r["line"], r["title"], r["kind"], r["arxiv_id"], len(r["links"])) for r in rows] == [
        (3, "FooNeRF: Bar Fields", "paper", "2303.00001", 2), (10, "Denoising Foo Models", "paper", "2006.11239", 1)]


def test_a_bold_title_with_a_list_of_its_details() -> None:
    rows, _ = parse("""\
        **[B8] Bar Sampling Is Hard**
        - Ann Lee, Bo Chan · 2019 · arXiv 1910.00002 · **Verified:** https://arxiv.org/abs/1910.00002
        - **Claim:** it is hard.

        **Image Generation**
        - Denoising Foo Models. Ann Lee, Bo Chan. [pdf](https://arxiv.org/abs/2006.00003)
        - Bar Models. Ann Lee. [pdf](https://arxiv.org/abs/2006.00004)
        """)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"], r["arxiv_id"]) for r in rows] == [
        (1, "Bar Sampling Is Hard", ["Ann Lee", "Bo Chan"], 2019, None, "1910.00002"),
        (6, "Denoising Foo Models", ["Ann Lee", "Bo Chan"], None, None, "2006.00003"),
        (7, "Bar Models", ["Ann Lee"], None, None, "2006.00004")]


def test_key_value_blocks_under_headings() -> None:
    rows, _ = parse("""\
        # Reading list

        ### 5. Foo Paper
        **Paper**: "Foo: Rotary Bars for Position" (Lee, 2021)
        **Link**: https://arxiv.org/abs/2104.00001

        ### 8. Ann Lee – Let us Build a Bar
        **Type**: Video
        **Link**: https://www.youtube.com/watch?v=abcdefghijk

        2. **SentenceFoo** (Kudo & Richardson, 2018)
           - Link: https://arxiv.org/abs/1808.00003
        - Foo Bar (ICAIF 2021) [pdf](https://arxiv.org/abs/1808.00004)
        """)
    assert [(r["title"], r["kind"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("Foo: Rotary Bars for Position", "paper", ["Lee"], 2021, None),
        ("Ann Lee – Let us Build a Bar", "video", [], None, None),
        ("SentenceFoo", "paper", ["Kudo", "Richardson"], 2018, None),
        ("Foo Bar", "paper", [], 2021, "ICAIF")]


@pytest.mark.parametrize(("md", "want"), [
    # a code-span tag before the title link
    ("- **`[FooGAN]`** [Fooing the Bar with Baz](https://arxiv.org/abs/1901.00001) **`[ICLR 2019]`**",
     {"title": "Fooing the Bar with Baz", "venue": "ICLR", "year": 2019}),
    # a qualified label ("code-Unofficial") is a label, the title stays the paper's
    ("- [2023/05] **Foo Speech.** [[paper](https://arxiv.org/abs/2305.00003)] "
     "[[code-Unofficial](https://github.com/a/b)]",
     {"title": "Foo Speech", "year": 2023}),
    # an italic note is no author list
    ("- **Bar TTS.** *Code Coming Soon* [[paper](https://arxiv.org/abs/2305.00004)]",
     {"title": "Bar TTS", "authors": []}),
])
def test_tags_labels_and_notes(md: str, want: dict) -> None:
    rows, _ = parse(md)
    papers = [r for r in rows if r["kind"] == "paper"]
    assert len(papers) == 1 and {k: papers[0][k] for k in want} == want


def test_two_works_in_one_table_cell() -> None:
    rows, _ = parse("""\
        | Title | Venue | Paper |
        |---|---|---|
        | [Work A on Foo](https://doi.org/10.1000/xyz1) <br> [Work B on Bar](https://arxiv.org/pdf/1904.00005.pdf) | ACL | [code](https://github.com/a/b) |
        """)
    assert [(r["title"], r["venue"], r["doi"], r["arxiv_id"], len(r["links"])) for r in rows] == [
        ("Work A on Foo", "ACL", "10.1000/xyz1", None, 2), ("Work B on Bar", "ACL", None, "1904.00005", 1)]


def test_links_in_a_title_cells_description_mention_other_works() -> None:
    rows, report = parse("""\
        | Title & Take-away | Code |
        |---|---|
        | [![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b) <br> [Foo Pruning for Bar Models](https://arxiv.org/abs/2306.00001) <br> A metric that prunes the weights of each output, a simpler version of [*BazGPT*](https://arxiv.org/abs/2301.00002). | [code](https://github.com/a/b) |
        """)
    # the paper the description cites is a mention of its own, as a link in prose is
    assert [(r["title"], r["arxiv_id"], r["links"][0]["label"]) for r in rows] == [
        ("Foo Pruning for Bar Models", "2306.00001", "title"), ("BazGPT", "2301.00002", "cited")]
    assert not any(r.get("url") == "https://arxiv.org/abs/2301.00002" for r in report)


def test_a_link_then_its_names_and_venue_on_lines_of_their_own() -> None:
    rows, _ = parse("""\
        [Good Foo Learning that Requires a Bad Bar](https://arxiv.org/abs/1705.00001)
        *Ann Lee, Bo Chan, Cy Dee*
        **[`NIPS 2017`] (``)**

        [DDPM](https://arxiv.org/abs/2006.11239) is a paper that
        started it all.
        """)
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("Good Foo Learning that Requires a Bad Bar", ["Ann Lee", "Bo Chan", "Cy Dee"], 2017, "NIPS"),
        ("DDPM", [], None, None)]


def test_a_link_after_an_introduction_ending_in_a_colon_is_the_title() -> None:
    got = one("- Our new paper at FooConf: [Bar Models for Baz Imaging](https://arxiv.org/abs/2301.00001) :tada:")
    assert got["title"] == "Bar Models for Baz Imaging"


def test_a_paper_cited_in_a_description_or_a_posts_text_is_a_mention() -> None:
    rows, report = parse("""\
        - [Foo Models](https://arxiv.org/abs/2006.00001)

          Faster than [Bar Sampling](https://arxiv.org/abs/2010.00002), see [my blog](https://ann.example.org).

        ## A post about a new model.
        Qux: Fast Foo Things
        paper: https://arxiv.org/abs/2308.00004
        It builds on [Baz Nets](https://arxiv.org/abs/2101.00003) to do more.
        """)
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [
        ("Foo Models", "2006.00001"), ("Bar Sampling", "2010.00002"), ("Qux: Fast Foo Things", "2308.00004"),
        ("Baz Nets", "2101.00003")]
    assert [r["url"] for r in report if "another work" in r["reason"]] == ["https://ann.example.org"]


@pytest.mark.parametrize(("md", "want"), [
    # a journal in italics after a middle dot, the names before it
    ("- **[A Made-up Widget Model](https://doi.org/10.1000/xyz1)**<br/>Doe J et al. · *Journal of Widgets* · "
     "2026-07-31",
     {"title": "A Made-up Widget Model", "authors": ["Doe J"], "venue": "Journal of Widgets", "year": 2026}),
    # an italic venue line under the names is no author list
    ("**A Made-up Method for Robots**\\\nAnn Example, Bob Sample\\\n*NeurIPS, 2019*\\\n"
     "[[paper](https://arxiv.org/abs/1901.00001)]",
     {"authors": ["Ann Example", "Bob Sample"], "venue": "NeurIPS", "year": 2019}),
    # "arXiv 1906" beside another year is an arXiv month, no year
    ("#### [Invented Patch Attack](https://arxiv.org/abs/1906.00002)\narXiv 1906; CVPR workshop 2019",
     {"title": "Invented Patch Attack", "year": 2019}),
    # a subtitle after a colon is no author list
    ("- A Survey of Foo Meets Bar: Progress and Future Directions [[paper](https://arxiv.org/abs/2301.00003)]",
     {"title": "A Survey of Foo Meets Bar: Progress and Future Directions", "authors": []}),
    # a journal in parentheses after the title is its venue
    ("- **[FooTool]** Learning invented representations (**Made-up Journal**) [[paper](https://doi.org/10.1000/xyz4)]",
     {"title": "Learning invented representations", "venue": "Made-up Journal"}),
    ("- [Foo for Bar](https://arxiv.org/abs/2301.00005), IEEE Transactions on Foo Analysis, 2021",
     {"title": "Foo for Bar", "venue": "IEEE Transactions on Foo Analysis", "year": 2021}),
    ("- [Foo Attacks](https://arxiv.org/abs/2301.00006) IEEE S&P 2024", {"venue": "IEEE S&P", "year": 2024}),
    # an italic name between separators after the title is a journal; a word glued to a year is a venue
    ("- **[Autonomous Foo Research](https://doi.org/10.1038/s41591-026-00001-9)**<br/> · *Nature Medicine* · 2026-06-01",
     {"venue": "Nature Medicine", "authors": [], "year": 2026}),
    ("- [Constraints'2017] [Mining foo patterns with bar programming](https://link.springer.com/article/10.1007/s1)",
     {"title": "Mining foo patterns with bar programming", "venue": "Constraints", "year": 2017}),
    ("- [Foo Serving](https://arxiv.org/abs/2301.00007) (MLSys'24)", {"venue": "MLSys", "year": 2024}),
])
def test_journals_names_and_arxiv_months(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


def test_a_citation_after_the_title_gives_names_and_year() -> None:
    rows, _ = parse("""\
        * __Some Category__
          - FooNet: A Made-up Model (Smith et al., 2019).
            [[paper](https://www.aclweb.org/anthology/X19-0001.pdf)]
          - BarNet for Things (Jones and Lee, 2020).
            [[paper](https://arxiv.org/abs/2001.00002)]
        - [A. Smith et al.](https://arxiv.org/abs/2101.00003), ICLR 2021
        """)
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("FooNet: A Made-up Model", ["Smith"], 2019), ("BarNet for Things", ["Jones", "Lee"], 2020),
        (None, [], 2021)]


def test_citations_without_links_with_names_first() -> None:
    rows, _ = parse("""\
        - Jane Doe, et al.: A Made-up Parser for Things, 2013.
        - David Chiang. A Hierarchical Foo Model for Bar Translation. ACL 2005.
        - Updated the list in 2023.
        - Classifier-Free Foo Guidance | Jonathan Ho, Tim Salimans | [pdf](https://arxiv.org/pdf/2207.00001.pdf)
        """)
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("A Made-up Parser for Things", ["Jane Doe"], 2013, None),
        ("A Hierarchical Foo Model for Bar Translation", ["David Chiang"], 2005, "ACL"),
        ("Classifier-Free Foo Guidance", ["Jonathan Ho", "Tim Salimans"], None, None)]


@pytest.mark.parametrize("url", [
    "https://www.aclweb.org/anthology/2020.acl-main.999/", "https://hal.science/hal-01234567",
    "https://drops.dagstuhl.de/entities/document/10.4230/LIPIcs.CP.2021.99", "https://www.mdpi.com/2072-4292/1/2/3",
    "https://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.1.1", "https://www.researchgate.net/publication/1_Foo",
])
def test_papers_on_publishers_and_archives_are_papers(url: str) -> None:
    rows, _ = parse(f"-[An Invented Coding Model]({url}) in ACL 2020.\n")
    assert [(r["title"], r["kind"], r["venue"]) for r in rows] == [("An Invented Coding Model", "paper", "ACL")]


def test_a_homepage_on_a_publishers_host_stays_a_website() -> None:
    rows, report = parse("See [the ACL portal](https://www.aclweb.org/portal/) for news.\n")
    assert rows == [] and report[0]["reason"].startswith("link to a homepage or website in prose")


def test_an_image_outside_a_link_cuts_no_words() -> None:
    got = one("- <a name=\"\"></a>**[FooProfiler]** Learning representations for foo (**Nature Communications**) "
              "[[paper](https://www.nature.com/articles/s41467-024-00001-1)]![stars](https://img.shields.io/github/stars/a/b)")
    assert got["title"] == "Learning representations for foo (Nature Communications)"


def test_titles_with_review_or_journal_words_stay_titles() -> None:
    rows, _ = parse("""\
        **A Comprehensive Review of Generative Foo in Healthcare** \\
        *Ann Lee, Bo Chan* \\
        [[Paper](https://arxiv.org/abs/2310.00795)]

        - [2019/03] Review of Deep Foo Learning for Robot Bars *Hai Nguyen et al. IEEE(IRC).* [[paper](https://arxiv.org/abs/1903.00001)]
        """)
    assert [r["title"] for r in rows] == ["A Comprehensive Review of Generative Foo in Healthcare",
                                          "Review of Deep Foo Learning for Robot Bars"]


def test_rows_without_a_table_may_leave_out_their_last_pipe() -> None:
    rows, _ = parse("""\
        ### Bayesian
        | 2023 | **Foo LoRA** | ICLR | [Link](https://arxiv.org/abs/2308.00001) |
        | 2024 | Bar-LoRA: Foo Things | - | [Link](https://arxiv.org/abs/2406.00002) | -
        """)
    assert [(r["title"], r["year"], r["venue"]) for r in rows] == [("Foo LoRA", 2023, "ICLR"),
                                                                    ("Bar-LoRA: Foo Things", 2024, None)]


def test_bold_group_labels_under_a_heading_paragraph_are_no_details() -> None:
    rows, _ = parse("""\
        <span style='color: blue;'> **Foo Inversion** </span>

        1. **Latent Optimization**
           - Foo2bar: How to embed images into the bar space? (ICCV 2019) : [arxiv](https://arxiv.org/abs/1904.00001), [review](https://someone.github.io/gan/gan-23/)
           - Foo Limited Data (NeurIPS 2020) : [arxiv](https://arxiv.org/abs/2006.00002) : review [#01](https://someone.github.io/gan/gan-19/), [#02](https://someone.github.io/gan/gan-20/)
        """)
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [
        ("Foo2bar: How to embed images into the bar space?", "ICCV", 2019), ("Foo Limited Data", "NeurIPS", 2020)]


@pytest.mark.parametrize(("header", "want"), [
    ("| 类别 | 论文 | 会议/年份 | 关键贡献 |", ("An Invented Foo Detector", "ICCV", 2019)),
    ("| 分類 | タイトル | 会議・年 | 要約 |", ("An Invented Foo Detector", "ICCV", 2019)),
    ("| 분류 | 논문 | 학회 | 요약 |", ("An Invented Foo Detector", "ICCV", 2019)),
])
def test_table_headers_in_chinese_japanese_korean(header: str, want: tuple) -> None:
    got = one(f"{header}\n|---|---|---|---|\n| 检测 | **An Invented Foo Detector** | ICCV 2019 | 说明 |\n")
    assert (got["title"], got["venue"], got["year"]) == want


def test_a_bold_title_written_over_two_lines() -> None:
    got = one("""\
        6. **An Invented Model for Session-based**
           **Recommendation.** AAAI, 2019. [paper](https://arxiv.org/abs/1901.00001)
        """)
    assert (got["title"], got["venue"], got["year"]) == ("An Invented Model for Session-based Recommendation", "AAAI", 2019)


@pytest.mark.parametrize(("md", "want"), [
    ("* Fact or Foo: Verifying Bar Claims (Wadden et al., EMNLP 2020).",
     {"title": "Fact or Foo: Verifying Bar Claims", "authors": ["Wadden"], "venue": "EMNLP", "year": 2020}),
    ("* Team Foo: Transformer Bars at FEVER (Malon, 2018).",
     {"title": "Team Foo: Transformer Bars at FEVER", "authors": ["Malon"], "year": 2018}),
    ("* Matthew E. Peters, et al.: Deep contextualized foo representations, 2018.",
     {"title": "Deep contextualized foo representations", "authors": ["Matthew E. Peters"], "year": 2018}),
    ("4. **Conditional Foo Beam Search (EMNLP 2023 Findings)** [pdf](https://arxiv.org/abs/2301.00001)",
     {"title": "Conditional Foo Beam Search", "venue": "EMNLP Findings", "year": 2023}),
    ('<table><tr><th>Model</th><th>Paper</th><th>Conference</th></tr><tr><td>FooNet</td>'
     '<td><a href="https://arxiv.org/abs/2101.00001">A. Smith et al.</a></td><td>ICLR 2021</td></tr></table>',
     {"title": "FooNet", "authors": ["A. Smith"], "venue": "ICLR", "year": 2021}),
])
def test_citations_initials_findings_and_names_as_link_text(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


def test_html_table_cells_spanning_rows() -> None:
    rows, _ = parse("""\
        <table>
          <tr><th>Category</th><th>Model</th><th>Paper</th><th>Conference</th><th>Code</th></tr>
          <tr><td rowspan="2">CNNs</td><td>FooNet</td><td><a href="https://arxiv.org/abs/2101.00001">A. Smith et al.</a></td><td>ICLR 2021</td><td><a href="https://github.com/o/zoo/tree/main/FooNet">FooNet</a></td></tr>
          <tr><td>BarNet</td><td><a href="https://arxiv.org/abs/2001.00002">B. Jones et al.</a></td><td>CVPR 2020</td><td><a href="https://github.com/o/zoo/tree/main/BarNet">BarNet</a></td></tr>
          <tr><td rowspan="2">AE</td><td rowspan="2">BazAE</td><td rowspan="2"><a href="https://arxiv.org/abs/1901.00003">A. v. d. Oord et al.</a></td><td rowspan="2">NeurIPS 2019</td><td><a href="https://github.com/o/zoo/tree/main/BazAE1d">BazAE1d</a></td></tr>
          <tr><td><a href="https://github.com/o/zoo/tree/main/BazAE2d">BazAE2d</a></td></tr>
        </table>
        """)
    assert [(r["title"], r["authors"], r["venue"], r["year"], len(r["links"])) for r in rows] == [
        ("FooNet", ["A. Smith"], "ICLR", 2021, 2), ("BarNet", ["B. Jones"], "CVPR", 2020, 2),
        ("BazAE", ["A. v. d. Oord"], "NeurIPS", 2019, 3)]


def test_a_venue_line_under_a_heading_with_an_arxiv_month_code() -> None:
    rows, _ = parse("""\
        #### [Foo Cleanser: Robust Defense](https://arxiv.org/abs/2108.00001)

        arXiv 2108; USENIX Security 2022

        #### [Efficient Foo Defenses](https://openreview.net/forum?id=abc)

        Available on ICLR open review in 10/2020; ICLR 2021
        """)
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [
        ("Foo Cleanser: Robust Defense", "USENIX Security", 2022), ("Efficient Foo Defenses", "ICLR", 2021)]


def test_apa_style_citations() -> None:
    rows, _ = parse("""\
        1. Lee, A. (1989). A finite-foo technique for bar waves in 2-D media. Geophys. J. Int., 99(2), 321-329. https://doi.org/10.1111/j.1365-246X.1989.tb01691.x

        2. Chan, B., Lee, A., and Doe, J. (1998). Efficient foo modelling of bar waves. Geophys. Prospect., 46(6), 603-616.
        https://doi.org/10.1046/j.1365-2478.1998.00110.x
        """)
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("A finite-foo technique for bar waves in 2-D media", ["Lee, A."], 1989, "Geophys. J. Int."),
        ("Efficient foo modelling of bar waves", ["Chan, B.", "Lee, A.", "Doe, J."], 1998, "Geophys. Prospect.")]


def test_a_loose_item_takes_the_links_of_its_second_paragraph() -> None:
    got = one("""\
        1. **Made up flow title** `ICLR 2023`

            *Ann Lee, Bob Ray* [[Paper](https://arxiv.org/abs/2301.00001)]
              [[Code](https://github.com/a/b)], 2023
        """)
    assert (got["title"], got["authors"], got["venue"], got["arxiv_id"], len(got["links"])) == (
        "Made up flow title", ["Ann Lee", "Bob Ray"], "ICLR", "2301.00001", 2)


def test_venue_and_year_headings_and_label_items_give_their_entries_venue_and_year() -> None:
    rows, _ = parse("""\
        # L

        ### CVPR 2026
        + [**Made Up Detector**](https://arxiv.org/abs/2601.00001) | Doe et al.

        ## 2026-07
        - [Read This](https://arxiv.org/abs/2601.00002)

        ## Papers
        * 2019:
          * Made Up GAN Title [[Paper](https://arxiv.org/abs/1901.00003)]
        * Later GAN Title [[Paper](https://arxiv.org/abs/2101.00006)]
        """)
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [
        ("Made Up Detector", "CVPR", 2026), ("Read This", None, None), ("Made Up GAN Title", None, 2019),
        ("Later GAN Title", None, None)]


def test_relative_links_counts_and_version_labels_are_no_works() -> None:
    rows, report = parse("""\
        | # | Paper | Venue |
        |---|---|---|
        | 1 | [Made Up Attack](./Made-Up-Attack.md) | arXiv 2024 |
        | 9 | 9 | x |

        * **Alpha: Made Up Title**, Ann Lee et al. [[Paper](https://arxiv.org/abs/2101.00001)] [[Code(Pytorch)](https://github.com/a/b)]
        """)
    assert [(r["title"], r["url"]) for r in rows] == [
        ("Made Up Attack", None), ("Alpha: Made Up Title", "https://arxiv.org/abs/2101.00001")]
    assert any(r["url"] == "./Made-Up-Attack.md" and "relative path" in r["reason"] for r in report)
    # an address written without its scheme is no relative path
    assert one("- **[Foo Editing](arxiv.org/abs/2312.00001)**")["arxiv_id"] == "2312.00001"


def test_badges_name_venues_and_name_columns_give_titles() -> None:
    rows, _ = parse("""\
        | **Dataset** | **Year** | **Links** |
        | --- | --- | :---: |
        | ![NeurIPS](https://img.shields.io/badge/NeurIPS-blue) FooMagic-Pro | 2024 | [Paper](https://arxiv.org/abs/2406.00001) · [GitHub](https://github.com/a/b) |

        | Title & Take-away | Code |
        |---|---|
        | [![Publish](https://img.shields.io/badge/Conference-MLSys'24-blue)]() <br> [Foo Cache Reduction](https://arxiv.org/abs/2403.00002) | [code](https://github.com/a/c) |

        | Benchmark | Description | Year | Code |
        |:--|:--|:--:|:--:|
        | **FooSynths** | Standard test benchmark with images | 2020 | ![Star](https://img.shields.io/github/stars/a/d.svg) <br> [GitHub](https://github.com/a/d) |
        """)
    assert [(r["title"], r["venue"], r["year"], r["url"]) for r in rows] == [
        ("FooMagic-Pro", "NeurIPS", 2024, "https://arxiv.org/abs/2406.00001"),
        ("Foo Cache Reduction", "MLSys", 2024, "https://arxiv.org/abs/2403.00002"),
        ("FooSynths", None, 2020, "https://github.com/a/d")]
    assert not any("img.shields.io" in x["url"] for r in rows for x in r["links"])


def test_a_column_of_counts_gives_way_to_a_cell_of_several_works() -> None:
    rows, _ = parse("""\
        | Track | Papers | Use It When | Recent Starting Points |
        | --- | --- | --- | --- |
        | Robust | 35 | For methods that survive. | [Alpha: Made Up Things](https://arxiv.org/abs/2602.00001); [Beta: Made Up Others](https://arxiv.org/abs/2602.00002) |
        """)
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [("Alpha: Made Up Things", "2602.00001"),
                                                           ("Beta: Made Up Others", "2602.00002")]


@pytest.mark.parametrize(("md", "title"), [
    ("- [PointFlow : 3D Point Cloud Generation with Foo](https://arxiv.org/abs/1906.00001)",
     "PointFlow : 3D Point Cloud Generation with Foo"),
    ("- Deep Learning of Bars with Convolutional Neural Networks [paper](https://arxiv.org/abs/1906.00002)",
     "Deep Learning of Bars with Convolutional Neural Networks"),
])
def test_titles_that_hold_a_colon_or_a_journal_name(md: str, title: str) -> None:
    assert one(md)["title"] == title


def test_names_and_titles_that_look_alike() -> None:
    rows, _ = parse("""\
        **[B42] Option Foo using Quantum Bars**
        - Stamatopoulos, Egger, Sun · 2020 · Quantum 4, 291 · **Verified:** https://arxiv.org/abs/1905.00001
        - **Claim:** it is fast.

        - Don't Generate, Discriminate: A Proposal for Grounding Foo Models [[paper](https://arxiv.org/abs/2212.00002)]
        """)
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("Option Foo using Quantum Bars", ["Stamatopoulos", "Egger", "Sun"], 2020),
        ("Don't Generate, Discriminate: A Proposal for Grounding Foo Models", [], None)]


def test_a_row_without_header_prefers_its_titled_link_to_a_name_cell() -> None:
    got = one("""\
        <table><tr><td>Foo Similarity Deviation (FSD)</td><td>1716</td><td>2013.12</td>
        <td><a href="https://arxiv.org/abs/1308.00001">Foo similarity deviation: an efficient bar index</a></td></tr></table>
        """)
    assert got["title"] == "Foo similarity deviation: an efficient bar index"


def test_a_title_wrapped_onto_the_next_line_and_a_details_list_with_a_text_identifier() -> None:
    rows, _ = parse("""\
        - Generative FooNet: Deep Energy-Based Learning on Unordered Point Sets for
        3D Generation, Reconstruction and Classification <br>
          [CVPR 2021](https://arxiv.org/abs/2004.00001) / [Code](https://github.com/a/b)

        **[B44] Towards Foo Advantage in Bar Risk**
        - Stamatopoulos, Mazzola, Woerner · 2022 · Quantum 6, 770 · arXiv 2111.00002 · **Verified:** export API
        - **Claim:** it lowers things.
        """)
    assert [(r["title"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Generative FooNet: Deep Energy-Based Learning on Unordered Point Sets for 3D Generation, Reconstruction "
         "and Classification", 2021, "2004.00001"),
        ("Towards Foo Advantage in Bar Risk", 2022, "2111.00002")]


@pytest.mark.parametrize(("md", "want"), [
    # titles holding a venue word stay titles
    ("- [Transactions Are All You Need](https://arxiv.org/abs/2101.00001) - Foo et al., 2021",
     [("Transactions Are All You Need", None)]),
    ("- Proceedings of the Dead: Zombie Networks [[paper]](https://arxiv.org/abs/2301.00001)",
     [("Proceedings of the Dead: Zombie Networks", None)]),
    # a second bold line that is a venue or names does not join a finished title
    ("**Attention Is All You Need**  \n**NeurIPS 2017**  \n[[paper](https://arxiv.org/abs/1706.03762)]",
     [("Attention Is All You Need", "NeurIPS")]),
    # a category item over a paragraph citing papers: the papers are mentions, the category no title
    ("- Image Generation\n\n  [DDPM](https://arxiv.org/abs/2006.11239) and [LDM](https://arxiv.org/abs/2112.10752).",
     [("DDPM", None), ("LDM", None)]),
    # an italic clause is a journal only when it says so
    ("- [Foo Model](https://arxiv.org/abs/2301.00050) · *Efficient Attention for Long Documents* · 2023",
     [("Foo Model", None)]),
    # badges: the one saying most wins, a year alone is no publication year, URL encoding is read
    ("- [Foo](https://arxiv.org/abs/2301.00060) ![ICLR](https://img.shields.io/badge/ICLR-2024-blue)",
     [("Foo", "ICLR")]),
    ("- [Baz](https://arxiv.org/abs/2301.00062) ![In](https://img.shields.io/badge/Published%20in-Journal%20of%20Imaging-blue)",
     [("Baz", "Journal of Imaging")]),
    # names after the title never join its venue
    ("- [Fast Sampling](https://arxiv.org/abs/2101.00003) - Jonathan Ho, ICML 2020", [("Fast Sampling", "ICML")]),
    # a key-value block linking only a website is no work
    ("## Contributing\n\n**Type**: Pull request\n**Link**: https://github.com/foo/awesome-diffusion/pulls", []),
])
def test_rules_stay_within_their_layouts(md: str, want: list) -> None:
    rows, _ = parse(md)
    assert [(r["title"], r["venue"]) for r in rows] == want


def test_a_badge_of_a_year_alone_gives_no_year() -> None:
    got = one("- [Bar](https://arxiv.org/abs/2301.00061) ![Last Commit](https://img.shields.io/badge/last%20commit-2019-green)")
    assert got["year"] is None


@pytest.mark.parametrize(("md", "want"), [
    ("- **[Clinical Foo Competencies](https://doi.org/10.1136/bmj-2025-00001)**<br/>Lewis M · *BMJ* · 2025-11-01",
     {"venue": "BMJ", "year": 2025}),
    ("**A Survey of Foo Decision-Making**\\\nAnn Lee, Bo Chan\\\n*Journal Of Artificial Foo Research, 2013*\\\n"
     "[[paper](https://arxiv.org/abs/1402.00001)]",
     {"venue": "Journal Of Artificial Foo Research", "year": 2013, "authors": ["Ann Lee", "Bo Chan"]}),
    ("6. **RepeatFoo: A Repeat Aware Bar Machine**\n   **for Session-based Recommendation.** AAAI, 2019. "
     "[paper](https://arxiv.org/pdf/1812.00002.pdf)",
     {"title": "RepeatFoo: A Repeat Aware Bar Machine for Session-based Recommendation", "year": 2019}),
    ("### The Illustrated Foo\n**Type**: Blog\n**Link**: https://someone.github.io/illustrated-foo/",
     {"title": "The Illustrated Foo"}),
])
def test_journals_two_line_titles_and_posts_on_plain_sites(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


def test_a_paper_cited_on_an_entrys_first_line_is_a_mention_of_its_own() -> None:
    rows, report = parse("- [Main Foo 2](https://arxiv.org/abs/2101.99998) - A method that builds on "
                         "[Latent Foo Models](https://arxiv.org/abs/2112.10752) for video.\n")
    assert [(r["title"], r["arxiv_id"]) for r in rows] == [("Main Foo 2", "2101.99998"),
                                                           ("Latent Foo Models", "2112.10752")]
    assert not any("two different arXiv ids" in r["reason"] for r in report)


def test_chinese_post_labels_and_bold_titles_one_a_line() -> None:
    rows, _ = parse("""\
        ## 1. FooPM: Denoising Foo Probabilistic Models

        论文地址：https://arxiv.org/abs/2006.00001
        代码地址：https://github.com/a/foopm

        **Denoising Foo Models** [[paper](https://arxiv.org/abs/2006.00002)] [[code](https://github.com/a/b)]
        **Score-Based Foo Modeling** [[paper](https://arxiv.org/abs/2011.00003)]
        """)
    assert [(r["title"], r["arxiv_id"], len(r["links"])) for r in rows] == [
        ("FooPM: Denoising Foo Probabilistic Models", "2006.00001", 2), ("Denoising Foo Models", "2006.00002", 2),
        ("Score-Based Foo Modeling", "2011.00003", 1)]


def test_a_plain_title_then_names_and_venue_then_links() -> None:
    rows, _ = parse("""\
        A Made-up Method for Foo Things
        Jane Doe, John Roe. ICLR 2020.
        [[paper](https://arxiv.org/abs/2001.00001)] [[code](https://github.com/a/b)]

        We thank everyone for reading
        and for sharing.
        [[site](https://example.org)]
        """)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("A Made-up Method for Foo Things", ["Jane Doe", "John Roe"], "ICLR", 2020)]


@pytest.mark.parametrize(("md", "want"), [
    ("- [Fluffy Widgets: A Survey](https://arxiv.org/abs/2501.00001) – **A. Bee et al.**",
     {"title": "Fluffy Widgets: A Survey", "authors": ["A. Bee"]}),
    ("- 2024 🔗 Fluffy Widgets: A Study of Things. [arXiv:2401.00001](https://arxiv.org/abs/2401.00001)",
     {"title": "Fluffy Widgets: A Study of Things", "year": 2024, "arxiv_id": "2401.00001"}),
    ("| Name | Date |\n|---|---|\n| Widget [website](https://arxiv.org/abs/2201.00009) | ECCV22 |",
     {"venue": "ECCV", "year": 2022}),
    ("**Fluffy Widgets for Dense Sampling**  \n> *Ann Bee, Carl Dee* \\\n> arXiv 2022. "
     "[[Paper](https://arxiv.org/abs/2201.00001)] \\\n> 3 Jan 2022",
     {"title": "Fluffy Widgets for Dense Sampling", "authors": ["Ann Bee", "Carl Dee"], "year": 2022}),
])
def test_bold_names_identifier_links_glued_years_and_quoted_details(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


def test_an_item_naming_no_link_is_reported_not_lost() -> None:
    rows, report = parse("- Fluffy Widget Sampling via Learned Things\n")
    assert rows == [] and any(r["line"] == 1 and r["reason"].startswith("item names no link") for r in report)


@pytest.mark.parametrize(("md", "want"), [
    # names after the year in parentheses: "**Title** (2015), Q. Lee et al."
    ("- **Learning to Hum with Shallow Nets** (2015), Q. Marlow et al. [[pdf]](https://arxiv.org/pdf/1501.01234)",
     {"title": "Learning to Hum with Shallow Nets", "authors": ["Q. Marlow"], "year": 2015}),
    ("- **Shallow Humming Revisited**(2016), Petra K. Olsen. [[pdf]](https://arxiv.org/pdf/1602.04321.pdf)",
     {"title": "Shallow Humming Revisited", "authors": ["Petra K. Olsen"], "year": 2016}),
    # Harvard style, as an item and as a paragraph of its own; a month after the year; "In *Venue* pp."
    ("- Vance, R. and Hu, L., 2004, May. Fast scoring of tail points. In *Proc. Workshop on Odd Data* pp. 15-27. "
     "[[HTML]](https://example.org/vance04)",
     {"title": "Fast scoring of tail points", "authors": ["Vance, R.", "Hu, L."], "year": 2004,
      "venue": "Proc. Workshop on Odd Data"}),
    ("### Surveys\nMoreau, K., Lind, P. and Okafor, T., 2011. Rare-event scoring: a review. *Journal of Odd "
     "Data*, 12(3), p.44. [[Download PDF]](https://example.org/moreau11.pdf)",
     {"title": "Rare-event scoring: a review", "authors": ["Moreau, K.", "Lind, P.", "Okafor, T."], "year": 2011,
      "venue": "Journal of Odd Data"}),
    # a citation's names before its year are no venue
    ("- Vance, R. 2008. Tail scoring. [[HTML]](https://example.org/vance08)",
     {"title": "Tail scoring", "authors": ["Vance, R."], "year": 2008, "venue": None}),
])
def test_names_after_a_year_aside_and_harvard_citations(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


def test_surname_initials_pairs_are_one_name_each() -> None:
    from diffdata.parse.names import split_authors

    assert split_authors("Liu, F.T., Ting, K.M. and Zhou, Z.H.") == ["Liu, F.T.", "Ting, K.M.", "Zhou, Z.H."]
    assert split_authors("A. Lee, B. Chan") == ["A. Lee", "B. Chan"]


def test_escaped_url_characters_and_glued_link_titles_are_read() -> None:
    rows, report = parse(
        '- **Hidden Hums**(1991), R. Kalder. [[pdf]](https://example.org/k/hidden\\_hums.pdf?\\_ga=2.1) '
        '[[slides]](https://example.org/k/slides.pdf"[SLIDES]")\n')
    assert [lk["url"] for lk in rows[0]["links"]] == [
        "https://example.org/k/hidden_hums.pdf?_ga=2.1", "https://example.org/k/slides.pdf"]
    assert report == []  # no "link not read" warning for the escaped form


def test_names_before_an_unknown_venue_are_not_part_of_it() -> None:
    row = one("- [Made-up Restoration Models](https://arxiv.org/abs/2201.00001), Ann Bee et al., ICLRW 2022 | "
              "[Code](https://github.com/a/b)\n")
    assert (row["venue"], row["year"]) == ("ICLRW", 2022)


@pytest.mark.parametrize(("md", "want"), [
    # a citation whose italic venue reads like names, and whose only link is a generic label
    ("- Zimek, A., 2012. A survey on outliers in numbers. *Stat. Anal.*, 5(5). "
     "[[Downloadable Link]](https://example.org/z12)",
     {"title": "A survey on outliers in numbers", "venue": "Stat. Anal.", "kind": "paper"}),
    # a nested aside after the venue is no part of it
    ("1. **Glossy: Pretraining with Shiny Tokens**. *Ana Ruiz, Bo Tan*. ACL2019. "
     "[[pdf](https://arxiv.org/pdf/1905.11111.pdf)] (**Glossy (Lab A)** )",
     {"venue": "ACL", "year": 2019}),
    # a one-word title with its aside over a sub-list of names and links: a work, not a group label
    ("- **Tree2seq (GraphWorkshop 2017)**\n  - Ana Ruiz and Bo Tan\n  - [[Paper]](https://arxiv.org/abs/1707.01111)",
     {"title": "Tree2seq", "authors": ["Ana Ruiz", "Bo Tan"], "year": 2017, "venue": "GraphWorkshop"}),
    # a workshop at a venue in the title's trailing aside
    ("- **A Simple Baseline for Tree Labels (Structured Data Workshop, NIPS 2018)**\n"
     "  - [[Paper]](https://arxiv.org/abs/1810.02222)",
     {"title": "A Simple Baseline for Tree Labels", "year": 2018, "venue": "NIPS Structured Data Workshop"}),
])
def test_citation_venues_nested_asides_and_one_word_titles_over_sub_lists(md: str, want: dict) -> None:
    got = one(md)
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("text", ["Preview.pdf", "[See Video]", "Downloadable Link", "Full text"])
def test_generic_link_labels_are_no_titles(text: str) -> None:
    from diffdata.parse.labels import is_label

    assert is_label(text)
    assert not is_label("Rare Events")


def test_harvard_citations_after_a_method_name_and_with_a_comma_after_the_year() -> None:
    rows, _ = parse("""\
        Chawla, S. and Chan, V., 2011, Odd Points: A Tutorial. *Tutorial at ICDM 2011*. [[PDF]](http://example.org/o.pdf)

        **Local Odd Factor (LOF)**. Breu, M.M. and Sand, J., 2000, May. LOF: finding odd points. *ACM Sigmod Record*, 29(2), pp. 93-104. [[Download PDF]](http://example.org/lof.pdf)

        - **Isolation Thing**. Liu, F.T. and Zhou, Z.H., 2008, December. Isolation thing. In *ICDM '08*, pp. 413-422. [[Download PDF]](https://example.org/if.pdf)
        """)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        (1, "Odd Points: A Tutorial", ["Chawla, S.", "Chan, V."], 2011, "Tutorial at ICDM"),
        (3, "LOF: finding odd points", ["Breu, M.M.", "Sand, J."], 2000, "ACM Sigmod Record"),
        (5, "Isolation thing", ["Liu, F.T.", "Zhou, Z.H."], 2008, "ICDM")]


def test_ieee_style_references() -> None:
    rows, _ = parse("""\
        [3] L. Marsh, K. Oduya, and P. Veld, "Sparse lattice priors for river-bed mapping," in Proc. IEEE Int. Conf. Robot. Autom. (ICRA), Oslo, Norway, 2019, pp. 11–19, doi: [10.1109/ICRA.2019.0001](https://doi.org/10.1109/ICRA.2019.0001).

        [4] T. Quill et al., "Gradient fences for tidal forecasting," IEEE Trans. Geosci. Remote Sens., vol. 9, no. 2, pp. 2011–2019, Feb. 2021, doi: [10.1109/TGRS.2021.4444](https://doi.org/10.1109/TGRS.2021.4444).

        - [6] A. Lee and B. Chan, "Tidal graphs for ports," in Proc. ICRA, 2020, pp. 1–8. [Online]. Available: https://arxiv.org/abs/2001.00002
        """)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        (1, "Sparse lattice priors for river-bed mapping", ["L. Marsh", "K. Oduya", "P. Veld"], 2019, "ICRA"),
        (3, "Gradient fences for tidal forecasting", ["T. Quill"], 2021, "IEEE Trans. Geosci. Remote Sens."),
        (5, "Tidal graphs for ports", ["A. Lee", "B. Chan"], 2020, "ICRA")]
    assert rows[1]["doi"] == "10.1109/tgrs.2021.4444"  # the DOI link's text is its id, not a venue


def test_a_bold_title_over_bullets_of_bare_urls_or_chinese_link_labels() -> None:
    rows, _ = parse("""\
        **Lantern Nets: Counting Fireflies with Tiny Graphs**

        *   https://arxiv.org/pdf/2101.00001.pdf

        **Quiet Anchors for Lane Tracing**

        - 论文下载链接：https://arxiv.org/abs/2003.00007
        - Github地址：https://github.com/example/quiet-anchors
        """)
    assert [(r["line"], r["title"], len(r["links"])) for r in rows] == [
        (1, "Lantern Nets: Counting Fireflies with Tiny Graphs", 1), (5, "Quiet Anchors for Lane Tracing", 2)]


def test_labelled_detail_items_under_a_paper_heading_after_a_legend_item() -> None:
    rows, _ = parse("""\
        # Reading list
        - **Priority**: ●○○ (optional), ●●● (must)

        ### 1. [Velvet Kernels for Image Hashing](https://arxiv.org/abs/1901.00006) (VK)
        - **Authors**: A. Moss, B. Kaur
        - **Venue**: CVPR 2019

        ### 2. [Quiet Graphs](https://arxiv.org/abs/1901.00007)
        - **저자**: C. Lin, D. Park
        - **학회/저널**: ICCV 2019
        """)
    assert [(r["line"], r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        (4, "Velvet Kernels for Image Hashing", ["A. Moss", "B. Kaur"], "CVPR", 2019),
        (8, "Quiet Graphs", ["C. Lin", "D. Park"], "ICCV", 2019)]


def test_an_authors_line_names_the_authors() -> None:
    row = one("**Quiet Graphs**\n- Authors: C. Lin\n- Paper: https://arxiv.org/abs/1901.00007\n")
    assert (row["title"], row["authors"]) == ("Quiet Graphs", ["C. Lin"])


def test_a_two_column_table_of_one_works_fields_is_one_work() -> None:
    rows, _ = parse("""\
        #### 1.1 Harbor: Graph Routing for Ferries
        | Field | Details |
        |-------|---------|
        | **Title** | Harbor: Graph Routing for Ferries |
        | **Authors** | Ines Calder, Tomas Brek |
        | **Venue** | KDD 2022 |
        | **arXiv** | [2201.00003](https://arxiv.org/abs/2201.00003) |
        | **ACM DL** | [10.1145/1111111.2222222](https://dl.acm.org/doi/10.1145/1111111.2222222) |

        | Tool | What it does |
        |------|--------------|
        | Title Case | [makes titles](https://example.org/tc) |
        | Widget | [counts words](https://github.com/a/widget) |
        | Year | [finds years](https://github.com/a/year) |
        """)
    assert [(r["line"], r["end_line"], r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"], len(r["links"]))
            for r in rows[:1]] == [(4, 8, "Harbor: Graph Routing for Ferries", ["Ines Calder", "Tomas Brek"], "KDD",
                                    2022, "2201.00003", 2)]
    assert [r["line"] for r in rows[1:]] == [12, 13, 14]  # a table of tools stays a table of rows


def test_a_citation_whose_names_link_to_their_pages() -> None:
    rows, _ = parse("""\
        - [Mira Okafor](Mira_Okafor "Mira Okafor"), [Jon Pell](Jon_Pell "Jon Pell") (**1994**). *Sliding Windows for Endgame Tables*. [ICCA Journal, Vol. 9, No. 1](ICGA_Journal#9_1 "ICGA Journal")
        - [Ada Rune](https://example.org/ada) (**2011**). *Depth Is Not Enough*. Advances in Computer Games 13, [pdf](https://example.org/depth.pdf)
        """)
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("Sliding Windows for Endgame Tables", ["Mira Okafor", "Jon Pell"], 1994, "ICCA Journal"),
        ("Depth Is Not Enough", ["Ada Rune"], 2011, "Advances in Computer Games 13")]


def test_a_bold_title_then_label_paragraphs_one_blank_line_apart() -> None:
    rows, report = parse("""\
        **Quiet Anchors for Panoptic Things**

        论文：https://arxiv.org/abs/2003.14031

        代码：https://github.com/a/b

        Some words about the field, with no link.
        """)
    assert [(r["line"], r["end_line"], r["title"], len(r["links"])) for r in rows] == [
        (1, 5, "Quiet Anchors for Panoptic Things", 2)]
    assert not [r for r in report if r["severity"] == "warning"]


def test_prose_shaped_like_a_citation_is_no_work_and_a_citation_is_a_paper() -> None:
    rows, _ = parse("""\
        - [Some Paper About Things](https://arxiv.org/abs/2001.00001)

        Copyright Kim, D. (2022). All rights reserved by the authors.

        Smith, J. (2019). This changed how we think about retrieval. We then tried it on our data.

        Google Brain, "Attention is all you need," is the paper everyone cites.

        Zhang, Y., 2020. Welcome to this repository of papers

        Chan, B. (2020). Another study of dense things. [Code](https://github.com/b/c)
        """)
    assert [(r["line"], r["kind"], r["title"]) for r in rows] == [
        (1, "paper", "Some Paper About Things"), (11, "paper", "Another study of dense things")]
