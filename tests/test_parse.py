"""The parse stage: every layout of the seed lists, and snippets in other shapes, written for these tests."""

from __future__ import annotations

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
    assert (row["venue"], row["year"], row["date"]) == ("ICCV (Oral)", 2021, "7 Jul 2021")
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
    rows, _ = parse("See [v1](https://youtu.be/a) and [v2](https://youtu.be/b).\n")
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
    from diffdata.parse import _prefix_related

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
