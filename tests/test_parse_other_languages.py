"""Lists written in other languages: link labels (``[Artículo]``, ``[Kod]``, ``[papier]``) are labels, never
titles or works of their own; names joined by ``y``, ``e``, ``et``, ``und``... and ``et al.`` written ``u. a.``,
``ve ark.``, ``и др.`` (or ``et. al.``, ``& al.``) are names."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document
from diffdata.parse.names import in_english


@pytest.mark.parametrize(("paper", "code"), [("Makale", "Kod"), ("Artículo", "Código"), ("Artigo", "Código"),
                                             ("Papier", "Code"), ("Статья", "Код"), ("Bài báo", "Mã nguồn")])
def test_link_labels_of_other_languages_are_labels(paper: str, code: str) -> None:
    rows, _ = parse_document("x.md", f"# L\n\n- Quiet Anchors for Panoptic Things (ICML 2023) "
                                     f"[{paper}](https://arxiv.org/abs/2303.00001) [{code}](https://github.com/lab/qa)\n")
    assert [(r["title"], r["venue"], r["arxiv_id"], [x["url"] for x in r["links"]]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", "ICML", "2303.00001",
         ["https://arxiv.org/abs/2303.00001", "https://github.com/lab/qa"])]


@pytest.mark.parametrize(("names", "authors"), [
    ("Ann Lee, Bo Chan y Cy Wu", ["Ann Lee", "Bo Chan", "Cy Wu"]),
    ("A. Lee, B. Chan et C. Wu", ["A. Lee", "B. Chan", "C. Wu"]),
    ("Ann Lee, Bo Chan und Cy Wu", ["Ann Lee", "Bo Chan", "Cy Wu"]),
    ("Ann Lee u. a.", ["Ann Lee"]),
    ("Ann Lee ve ark.", ["Ann Lee"]),
    ("Ann Lee y otros", ["Ann Lee"]),
    ("Ann Lee et. al.", ["Ann Lee"]),
    ("Ann Lee & al.", ["Ann Lee"]),
])
def test_names_joined_the_way_other_languages_write_them(names: str, authors: list[str]) -> None:
    rows, _ = parse_document("x.md", f"# L\n\n- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2303.00001)"
                                     f" — {names}, ICLR 2021\n")
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [(authors, "ICLR", 2021)]


@pytest.mark.parametrize("text", ["Modelos de Difusión y Aplicaciones", "Ann Lee e Bo Chan", "Rock et al."])
def test_a_joiner_without_a_list_is_left_alone(text: str) -> None:
    assert in_english(text) == text  # a title of two phrases is no list of names


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    ("- 【NeurIPS 2020】Quiet Anchors for Panoptic Things（作者：Ann Lee，Bo Chan，Cy Wu）"
     "[[论文]](https://arxiv.org/abs/2006.00001)", ["Ann Lee", "Bo Chan", "Cy Wu"], "NeurIPS", 2020),
    ("- Quiet Anchors for Panoptic Things (저자: Ann Lee 외, 2021년, ICLR) [논문](https://arxiv.org/abs/2010.00001)",
     ["Ann Lee"], "ICLR", 2021),
    ("- Quiet Anchors for Panoptic Things (posted to arXiv in August 2021; accepted at ICLR 2022) — "
     "[Paper](https://arxiv.org/abs/2108.00001)", [], "ICLR", 2022),
    ("- Quiet Anchors for Panoptic Things (publicado en arXiv en agosto de 2021; aceptado en ICLR 2022) — "
     "[Artículo](https://arxiv.org/abs/2108.00001)", [], "ICLR", 2022),
])
def test_a_trailing_aside_of_authors_or_statuses_is_no_part_of_the_title(line: str, authors: list[str], venue: str,
                                                                          year: int) -> None:
    rows, _ = parse_document("x.md", f"# L\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", authors, venue, year)]


@pytest.mark.parametrize("line", [
    "- Quiet Anchors for Panoptic Things，Mira Okafor 等，NeurIPS 2020，[论文](https://arxiv.org/abs/2006.00001)",
    "- Quiet Anchors for Panoptic Things, Mira Okafor 等, NeurIPS 2020, [论文](https://arxiv.org/abs/2006.00001)",
    "- Quiet Anchors for Panoptic Things, Mira Okafor et al., NeurIPS 2020, [paper](https://arxiv.org/abs/2006.00001)",
    "- Quiet Anchors for Panoptic Things，Mira Okafor 等，神经信息处理系统大会（NeurIPS） 2020，"
    "[论文](https://arxiv.org/abs/2006.00001)",  # the venue's Chinese name before its acronym
])
def test_names_after_a_title_with_chinese_commas_and_deng(line: str) -> None:
    """``，`` separates a plain title's fields and ``等`` is "et al.": both were kept in the title."""
    rows, _ = parse_document("x.md", f"# 论文\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor"], "NeurIPS", 2020)]


def test_deng_after_names_is_et_al() -> None:
    assert in_english("Mira Okafor, Jon Pell等") == "Mira Okafor, Jon Pell et al."
    assert in_english("等等") == "等等"


def test_news_of_the_list_in_chinese_korean_or_japanese_is_no_work() -> None:
    text = ("# X\n\n## 更新日志\n\n- 2024.05.01：新增 20 篇视频生成论文\n- 2023.12.10：整理 CVPR 2024 投稿相关论文\n"
            "- 2025.01: ICLR 2025 논문 추가\n- 2024/04: ECCV 2024 採択論文を追加しました\n\n## 论文\n\n"
            "- 视频生成综述 (CVPR 2024) [[论文]](https://arxiv.org/abs/2310.10647)\n")
    rows, report = parse_document("x.md", text)
    assert [(r["title"], r["venue"]) for r in rows] == [("视频生成综述", "CVPR")]
    assert sorted(r["line"] for r in report if "note about the list" in r["reason"]) == [6, 7, 8]


@pytest.mark.parametrize("label", ["论文标题", "论文题目", "论文名称", "标题", "タイトル", "논문 제목"])
def test_a_title_labelled_in_another_language_over_labelled_fields(label: str) -> None:
    text = (f"# 笔记\n\n**1. Quiet**\n\n{label}：Quiet Anchors for Panoptic Things<br>\n"
            "论文链接：https://arxiv.org/abs/2208.12242<br>\n作者：Mira Okafor, Jon Pell<br>\n发表：CVPR 2023<br>\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "CVPR", 2023)]


@pytest.mark.parametrize(("authors", "paper"), [
    ("Autores", "Artigo"), ("Авторы", "Статья"), ("Tác giả", "Bài báo"), ("Autoren", "Papier"), ("Auteurs", "Article"),
])
def test_authors_and_paper_labelled_in_another_language_under_a_bold_title(authors: str, paper: str) -> None:
    text = (f"# Lista\n\n- **Quiet Anchors for Panoptic Things**\n  - {authors}: Mira Okafor, Jon Pell\n"
            f"  - {paper}: [arXiv](https://arxiv.org/abs/2204.06125)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "2204.06125")]


def test_names_after_an_authors_label_end_at_a_full_stop_not_at_an_initial() -> None:
    text = ("- [Quiet Anchors](https://arxiv.org/abs/2312.02696) - Authors: Mira Okafor, Ricky T. Q. Chen. CVPR 2024\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["authors"], r["venue"], r["year"]) for r in rows] == [(["Mira Okafor", "Ricky T. Q. Chen"], "CVPR", 2024)]
