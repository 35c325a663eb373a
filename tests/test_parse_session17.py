"""Layouts from lists in other languages and of repositories (session 17's probes): each a small list written
here, read as a person reads it."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document


def rows(md: str) -> list[dict]:
    return parse_document("x.md", md)[0]


def fields(md: str, *names: str) -> list[tuple]:
    return [tuple(r[n] for n in names) for r in rows(md)]


@pytest.mark.parametrize("md", [
    "- **Title:** [Quiet Flows](https://arxiv.org/abs/2306.10003) — **Authors:** Ann Lee, Bo Chan — **Year:** 2023 — "
    "**Venue:** ICCV\n",
    "- **Titolo:** [Quiet Flows](https://arxiv.org/abs/2306.10003) — **Autori:** Ann Lee, Bo Chan — **Anno:** 2023 — "
    "**Sede:** ICCV\n",
    "**1. Quiet Flows**  \nAuteurs : Ann Lee, Bo Chan  \nAnnée : 2023 — Conférence : ICCV  \n"
    "Lien : [arXiv](https://arxiv.org/abs/2306.10003)\n",
])
def test_a_year_or_venue_label_inside_a_line_is_no_venue(md: str) -> None:
    assert fields(md, "title", "authors", "year", "venue") == [("Quiet Flows", ["Ann Lee", "Bo Chan"], 2023, "ICCV")]


@pytest.mark.parametrize("md", [
    "## 1. Quiet Flows for Speech\n\n**作者**：马磊，吴静  \n**会议**：ICML 2023  \n"
    "**链接**：[论文](https://arxiv.org/abs/2305.10012) | [代码](https://github.com/malei/quietflow)\n",
    "### Quiet Flows for Speech\n\n- 著者: 马磊, 吴静\n- 会議: ICML 2023\n- 論文: https://arxiv.org/abs/2305.10012\n"
    "- コード: https://github.com/malei/quietflow\n",
])
def test_a_heading_over_its_fields_in_chinese_or_japanese_is_one_work(md: str) -> None:
    assert fields(md, "title", "authors", "year", "venue", "arxiv_id") == [
        ("Quiet Flows for Speech", ["马磊", "吴静"], 2023, "ICML", "2305.10012")]


def test_a_repository_description_names_what_it_implements() -> None:
    md = ("- [tarn/strata](https://github.com/tarn/strata) ![stars](https://img.shields.io/github/stars/tarn/strata) - "
          "Official PyTorch implementation of *StrataDiff*. [[Paper](https://arxiv.org/abs/2305.01212)]\n"
          "- [bo/okra](https://github.com/bo/okra) - Code for the paper: Okra Sampling Made Fast, CVPR 2023 "
          "[paper](https://arxiv.org/abs/2301.00001)\n"
          "- [bo/util](https://github.com/bo/util) - Implementation of Foo in PyTorch\n"
          "- [cy/tool](https://github.com/cy/tool) - A toolkit for diffusion [[paper](https://arxiv.org/abs/2301.00002)]\n")
    assert fields(md, "title", "kind") == [("StrataDiff", "paper"), ("Okra Sampling Made Fast", "paper"),
                                           ("bo/util", "repository"), ("A toolkit for diffusion", "paper")]


def test_a_repository_row_is_titled_by_its_name_not_a_placeholder() -> None:
    md = ("| Repository | Stars | Description | Paper |\n|---|---|---|---|\n"
          "| [kel/ripple](https://github.com/kel/ripple) | ![](https://img.shields.io/github/stars/kel/ripple) | "
          "Video editing | N/A |\n")
    assert fields(md, "title", "kind") == [("kel/ripple", "repository")]
    md = "| Repo | Description |\n|---|---|\n| [ann/okra](https://github.com/ann/okra) | A sampler |\n"
    assert fields(md, "title", "kind") == [("ann/okra", "repository")]


@pytest.mark.parametrize(("md", "authors"), [
    ("- *Quiet Flows for Speech* — Autores: Thiago Lima e Ana Costa (ICLR 2022). [artigo](https://arxiv.org/abs/2201.10041)\n",
     ["Thiago Lima", "Ana Costa"]),
    # one person whose name holds "e": no two names
    ("| Title | Authors | Year |\n|---|---|---|\n| Quiet Flows for Speech | Ana e Silva | 2022 |\n", ["Ana e Silva"]),
])
def test_two_names_joined_by_and_in_another_language(md: str, authors: list[str]) -> None:
    """Only after an authors label: elsewhere a subtitle ("Teoría Básica y Aplicaciones") or one Iberian name
    ("Maria Teixeira e Sousa Lima") reads the same way."""
    assert fields(md, "title", "authors") == [("Quiet Flows for Speech", authors)]


def test_a_link_labelled_article_is_no_title() -> None:
    md = "- « Quiet Flows for Speech », Marie Dupont et Paul Girard, *ICML* 2023. [article](https://arxiv.org/abs/2305.10031)\n"
    assert fields(md, "title", "year", "venue") == [("Quiet Flows for Speech", 2023, "ICML")]


@pytest.mark.parametrize(("md", "title"), [
    ("- 【ICCV 2023】Sparse Noise Priors（稀疏噪声先验） [[paper]](https://arxiv.org/abs/2306.10021)\n", "Sparse Noise Priors"),
    # corner brackets name a work in Japanese: no translation
    ("- [Manga Colorization for 「鬼滅の刃」](https://arxiv.org/abs/2306.10025)\n", "Manga Colorization for 「鬼滅の刃」"),
    ("- Sparse Noise Priors（稀疏噪声先验）. Lei Ma 等. ICCV 2023. [[pdf]](https://arxiv.org/abs/2306.10022)\n",
     "Sparse Noise Priors"),
    # a title in Chinese keeps its own brackets; a Latin aside is no translation
    ("- [扩散模型综述（中文版）](https://arxiv.org/abs/2306.10023)\n", "扩散模型综述（中文版）"),
    ("- [Sparse Noise Priors (Extended)](https://arxiv.org/abs/2306.10024)\n", "Sparse Noise Priors (Extended)"),
])
def test_a_translation_after_a_latin_title_is_no_part_of_it(md: str, title: str) -> None:
    assert fields(md, "title") == [(title,)]


def test_a_translation_in_full_width_brackets_before_the_names() -> None:
    md = "1. [Quiet Flows for Speech](https://arxiv.org/abs/2305.10061)（安静流），Lei Ma 等，ICML 2023\n"
    assert fields(md, "title", "authors", "year", "venue") == [("Quiet Flows for Speech", ["Lei Ma"], 2023, "ICML")]


@pytest.mark.parametrize(("md", "authors"), [
    ("- Quiet Flows for Speech. Иван Петров, Анна Волкова. ICML 2023. [paper](https://arxiv.org/abs/2305.10073)\n",
     ["Иван Петров", "Анна Волкова"]),
    ("- Quiet Flows for Speech. Élodie Moreau, Anna Weiss. ICML 2023. [paper](https://arxiv.org/abs/2305.10074)\n",
     ["Élodie Moreau", "Anna Weiss"]),
])
def test_names_in_other_scripts_after_a_title_and_a_full_stop(md: str, authors: list[str]) -> None:
    assert fields(md, "title", "authors") == [("Quiet Flows for Speech", authors)]


def test_an_apa_citation_with_a_surname_particle() -> None:
    md = ("- Gupta, R., de los Santos, A. M., Müller, Z., & Herrera, S. (2022). Generative models for images. "
          "*ECCV*. https://arxiv.org/abs/2212.14653\n")
    assert fields(md, "title", "authors", "year", "venue") == [
        ("Generative models for images", ["Gupta, R.", "de los Santos, A. M.", "Müller, Z.", "Herrera, S."], 2022,
         "ECCV")]


def test_each_reading_of_a_schedule_is_a_work_of_its_own() -> None:
    md = ("| Date | Lecture | Slides | Required reading | Optional reading |\n|---|---|---|---|---|\n"
          "| 1/16 | Score SDEs | [pdf](https://cs.example.edu/slides/lec01.pdf) | Arden et al. [Tidal Bridges for Sparse "
          "Views](https://arxiv.org/abs/2311.01010), ICLR 2023; Bose and Kerr [Quiet Guidance](https://arxiv.org/abs/"
          "2204.02020), CVPR 2022 | [Noise Schedules, Explained](https://mkerr.github.io/posts/noise/) (blog)<br>"
          "[Sparse Latent Flows](https://arxiv.org/abs/2105.03030) |\n"
          "| 1/23 | *No class — spring break* | | | |\n")
    found = fields(md, "title", "authors", "year", "venue", "kind")
    assert found[1:] == [("Tidal Bridges for Sparse Views", ["Arden"], 2023, "ICLR", "paper"),
                         ("Quiet Guidance", ["Bose", "Kerr"], 2022, "CVPR", "paper"),
                         ("Noise Schedules, Explained", [], None, None, "post"),
                         ("Sparse Latent Flows", [], None, None, "paper")]
    assert found[0][0] == "Score SDEs"  # the lecture's own slides: its topic titles them, no reading's link


def test_a_readings_cell_with_a_bare_label_link_is_read_as_one_entry() -> None:
    """A reading given only as ``[paper](..)`` has no title of its own: the row is read the usual way, nothing lost."""
    md = ("| Week | Topic | Readings |\n|---|---|---|\n"
          "| 1 | Score Matching | [paper](https://arxiv.org/abs/2311.01010); [Quiet Guidance](https://arxiv.org/abs/2204.02020) |\n")
    found = rows(md)
    assert {lk["url"] for r in found for lk in r["links"]} == {"https://arxiv.org/abs/2204.02020",
                                                                "https://arxiv.org/abs/2311.01010"}
    assert {r["arxiv_id"] for r in found} == {"2204.02020", "2311.01010"}


def test_a_long_readings_cell_costs_linear_time() -> None:
    cell = "; ".join(f"Lee et al. [Paper number {i}](https://arxiv.org/abs/2301.{i:05d}), ICLR 2023" for i in range(3000))
    found = rows(f"| Week | Topic | Readings |\n|---|---|---|\n| 1 | Basics | {cell} |\n")
    assert len(found) == 3000 and found[-1]["title"] == "Paper number 2999"


@pytest.mark.parametrize("md", [
    "- [Alpha Paper Title Here] (https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n",
    "- [Alpha Paper Title Here](https://arxiv.org/abs/2102.00002 - Cy Dorn, Di Eng, ICLR 2022\n",
    "- [Alpha Paper Title Here]](https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n",
    "- [Alpha Paper Title Here]https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n",
    "- [Alpha Paper Title Here(https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n",
])
def test_a_malformed_link_leaves_no_bracket_in_its_title(md: str) -> None:
    assert fields(md, "title", "authors", "arxiv_id") == [("Alpha Paper Title Here", ["Cy Dorn", "Di Eng"],
                                                          "2102.00002")]


@pytest.mark.parametrize("title", ["Denoising Models for Bars [v2]", "Sampling p(x) for Bars (and Foos)"])
def test_a_bracket_the_title_writes_itself_stays(title: str) -> None:
    md = f"- {title}. Cy Dorn, Di Eng. ICLR 2022. [paper](https://arxiv.org/abs/2102.00002)\n"
    assert fields(md, "title") == [(title,)]


@pytest.mark.parametrize("md", [
    "- [Alpha Paper Title Here](https://arxiv.org/abs/2101.00001) 👉 Ann Lee, Bo Chan, ICML 2021\n",
    "- [Alpha Paper Title Here](https://arxiv.org/abs/2101.00001) [ICML 2021] Ann Lee, Bo Chan\n",
])
def test_names_after_an_emoji_or_a_bracketed_venue(md: str) -> None:
    assert fields(md, "authors", "year", "venue") == [(["Ann Lee", "Bo Chan"], 2021, "ICML")]


@pytest.mark.parametrize("box", ["", "[x] ", "[ ] "])
def test_a_name_over_a_link_that_cites_its_paper(box: str) -> None:
    md = (f"- {box}**Brisk** — [Okoro et al., ICLR 2023](https://arxiv.org/abs/2301.05555)\n"
          f"- {box}**Calder** — [Vance and Iqbal, 2022](https://arxiv.org/abs/2206.06666)\n")
    assert fields(md, "title", "authors", "year", "venue") == [("Brisk", ["Okoro"], 2023, "ICLR"),
                                                               ("Calder", ["Vance", "Iqbal"], 2022, None)]


def test_a_link_of_two_words_a_venue_and_a_year_is_a_title() -> None:
    """Only "et al." makes a citation of a link with a venue: "[Images and Words, ECCV 2022]" is a title."""
    md = "- [Images and Words, ECCV 2022](https://arxiv.org/abs/2206.06667) — Ann Lee, Bo Chan\n"
    assert fields(md, "authors", "venue") == [(["Ann Lee", "Bo Chan"], "ECCV")]


def test_fields_between_slashes() -> None:
    md = ("1. **Quiet Flows for Speech** / Авторы: Иван Петров, Анна Волкова / Год: 2023 / Конференция: ICML / "
          "[arXiv](https://arxiv.org/abs/2305.10091)\n"
          "2. **Quiet Flows for Video** / Authors: Ivan Petrov, Anna Volkova / Year: 2023 / Conference: ICML / "
          "[arXiv](https://arxiv.org/abs/2305.10092)\n")
    assert fields(md, "authors", "year", "venue") == [(["Иван Петров", "Анна Волкова"], 2023, "ICML"),
                                                      (["Ivan Petrov", "Anna Volkova"], 2023, "ICML")]


def test_a_speakers_affiliation_is_no_part_of_the_name() -> None:
    md = ("| Talk | Speaker | Event | Video |\n|---|---|---|---|\n"
          "| Guidance, Explained | Rosa Ferro (Acme Research) | ICML 2023 | [YouTube](https://www.youtube.com/watch?v=abc) |\n")
    assert fields(md, "title", "authors", "kind") == [("Guidance, Explained", ["Rosa Ferro"], "video")]


def test_a_gost_reference_gives_its_venue_after_the_slashes() -> None:
    md = "1. Петров И., Волкова А. Quiet Flows for Speech // ICML. — 2023. — URL: https://arxiv.org/abs/2305.10051\n"
    assert fields(md, "title", "year", "venue") == [("Quiet Flows for Speech", 2023, "ICML")]


@pytest.mark.parametrize("md", [
    "- Quiet Flows for Speech（IJCAI'22），arXiv:2205.10084，作者：马磊、吴静\n",
    "- Quiet Flows for Speech【IJCAI 2022】，arXiv:2205.10084，作者：马磊、吴静\n",
])
def test_full_width_asides_and_separators(md: str) -> None:
    assert fields(md, "title", "authors", "year", "venue") == [("Quiet Flows for Speech", ["马磊", "吴静"], 2022, "IJCAI")]


def test_a_blog_platform_beside_the_date_is_no_author() -> None:
    md = "- [拡散モデルの数理を理解する](https://qiita.com/someone/items/576821662f53)（Qiita, 2022年7月）\n"
    assert fields(md, "authors", "year", "kind") == [([], 2022, "post")]


def test_entries_parted_by_a_rule_that_makes_them_setext_headings() -> None:
    md = ("**Alpha Paper Title Here**\nAnn Lee, Bo Chan. ICML 2021. [paper](https://arxiv.org/abs/2101.00001)\n===\n\n"
          "**Beta Paper Title Here**\nCy Dorn, Di Eng. ICLR 2022. [paper](https://arxiv.org/abs/2202.00002)\n---\n\n"
          "**Gamma Paper Title Here**  \nFay Gold, Hal Ito. CVPR 2022. [paper](https://arxiv.org/abs/2203.00003)\n")
    assert fields(md, "title", "authors") == [("Alpha Paper Title Here", ["Ann Lee", "Bo Chan"]),
                                              ("Beta Paper Title Here", ["Cy Dorn", "Di Eng"]),
                                              ("Gamma Paper Title Here", ["Fay Gold", "Hal Ito"])]


def test_a_heading_without_the_space_after_its_hashes() -> None:
    md = ("### Alpha Paper Title Here\n\n**Authors:** Ann Lee, Bo Chan  \n[[Paper](https://arxiv.org/abs/2101.00001)]\n\n"
          "###Beta Paper Title Here\n\n**Authors:** Cy Dorn  \n[[Paper](https://arxiv.org/abs/2202.00002)]\n")
    assert fields(md, "title", "authors") == [("Alpha Paper Title Here", ["Ann Lee", "Bo Chan"]),
                                              ("Beta Paper Title Here", ["Cy Dorn"])]


def test_a_korean_blog_platforms_page_is_a_post() -> None:
    assert fields("- [확산 모델 원리](https://someone.tistory.com/123)\n", "kind") == [("post",)]


@pytest.mark.parametrize(("md", "authors"), [
    ("- Quiet Flows for Speech. 马磊 (Lei Ma), 吴静 (Jing Wu). ICML 2023. [论文](https://arxiv.org/abs/2305.10071)\n",
     ["马磊", "吴静"]),
    ("- Quiet Flows for Speech. Lei Ma（马磊）, Jing Wu（吴静）. ICML 2023. [paper](https://arxiv.org/abs/2305.10131)\n",
     ["Lei Ma", "Jing Wu"]),
    ("- [Quiet Flows for Speech](https://arxiv.org/abs/2103.00003) - Fay Gold, Hal Ito （ICML 2023）\n",
     ["Fay Gold", "Hal Ito"]),
    ("- [Quiet Flows for Speech](https://arxiv.org/abs/2104.00004) - Ivy Ahn\u2010Sørensen, Kai Lam (ICML 2023)\n",
     ["Ivy Ahn\u2010Sørensen", "Kai Lam"]),
])
def test_names_in_two_scripts_full_width_brackets_and_unicode_hyphens(md: str, authors: list[str]) -> None:
    assert fields(md, "title", "authors", "venue") == [("Quiet Flows for Speech", authors, "ICML")]


# -- review 27's worse cases (snippets against 39ed3c0), each read as before the change or better -----------------


@pytest.mark.parametrize(("md", "expected"), [
    # a subtitle joined by "e" is no pair of names when no venue follows
    ("- [Aula 3](https://example.org/a) — Modelos Latentes e Redes Neurais\n", ("Aula 3", [])),
    # an emoji before words that are no names
    ("- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) 🔥 Must Read\n",
     ("Denoising Diffusion Probabilistic Models", [])),
    # a part's mark in CJK brackets stays in the title
    ("- [Diffusion Models Explained（上）](https://zhuanlan.zhihu.com/p/1)\n", ("Diffusion Models Explained（上）", [])),
    # a title in Cyrillic with a full stop inside it
    ("- Диффузионные модели. Обзор (NeurIPS 2023)\n", ("Диффузионные модели. Обзор", [])),
    # a title of words and a year in a link is no citation
    ("- [Fast and Robust Sampling 2024](https://example.org/u)\n", ("Fast and Robust Sampling 2024", [])),
    # an emoticon ends a title
    ("- [Diffusion is all you need :)](https://example.org/x)\n", ("Diffusion is all you need :)", [])),
])
def test_review_27_near_misses_read_as_before(md: str, expected: tuple) -> None:
    assert fields(md, "title", "authors")[0] == expected


def test_a_citation_link_fills_only_what_the_entry_leaves_unsaid() -> None:
    md = ("- Consistency Models — Yang Song, Prafulla Dhariwal, Mark Chen, Ilya Sutskever. "
          "[Song et al., ICML 2023](https://arxiv.org/abs/2303.01469)\n")
    assert fields(md, "authors", "venue") == [(["Yang Song", "Prafulla Dhariwal", "Mark Chen", "Ilya Sutskever"], "ICML")]


@pytest.mark.parametrize(("md", "titles"), [
    ("| Suggested Papers | Year |\n|---|---|\n| Denoising Diffusion Probabilistic Models | 2020 |\n",
     ["Denoising Diffusion Probabilistic Models"]),
    ("| Week | Readings |\n|---|---|\n| 1 | [Scalable Diffusion Models with Transformers](https://arxiv.org/abs/2212.09748)"
     ", [All are Worth Words](https://arxiv.org/abs/2209.12152) |\n",
     ["Scalable Diffusion Models with Transformers", "All are Worth Words"]),
    ("| Reading | Code |\n|---|---|\n| [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) | "
     "[code](https://github.com/a/b) |\n", ["Denoising Diffusion Probabilistic Models"]),
    ("| Date | Reading |\n|---|---|\n| Mar 7 | TBD: Denoising Diffusion Implicit Models |\n",
     ["TBD: Denoising Diffusion Implicit Models"]),
])
def test_readings_columns_near_misses(md: str, titles: list[str]) -> None:
    assert [r["title"] for r in rows(md)] == titles


@pytest.mark.parametrize(("md", "expected"), [
    ("- **Improved DDPM** (ICML 2021) — [Nichol et al., ICML 2021](https://arxiv.org/abs/2102.09672)\n",
     ("Improved DDPM", ["Nichol"], 2021)),
    ("- **Okra** — [Vance and Iqbal, 2022](https://example.org/vi)\n", ("Okra", ["Vance", "Iqbal"], 2022)),
    # another work cited after the title, a link before its title: no citation of the entry
    ("- **Consistency Models**, a follow-up to [Song et al. 2021](https://arxiv.org/abs/2011.13456)\n",
     ("Consistency Models", [], None)),
    ("- [Diffusion and Flows 2023](https://example.org/df) — a blog post\n", ("a blog post", [], None)),
])
def test_a_citing_link_after_a_title_is_the_entrys_own(md: str, expected: tuple) -> None:
    assert fields(md, "title", "authors", "year")[0] == expected


def test_a_schedules_slides_go_with_its_readings_when_the_row_names_no_other_work() -> None:
    md = ("| Lecture | Slides | Readings |\n|---|---|---|\n| 3 | [slides](https://example.org/l3.pdf) | "
          "[Classifier-Free Diffusion Guidance](https://arxiv.org/abs/2207.12598); [Diffusion Models Beat GANs]"
          "(https://arxiv.org/abs/2105.05233) |\n")
    found = rows(md)
    assert [r["title"] for r in found] == ["Classifier-Free Diffusion Guidance", "Diffusion Models Beat GANs"]
    assert {lk["url"] for r in found for lk in r["links"]} >= {"https://example.org/l3.pdf"}


def test_people_under_a_workshops_speakers_heading_are_no_works() -> None:
    md = ("# Workshop on Generative Vision (ICCV 2025)\n\n## Invited Speakers\n\n- **Rosa Ferro** (Acme Research)\n"
          "- **Idris Vance** (Northfield University)\n\n## Papers\n\n- **Quiet Flows for Speech** (ICCV 2025)\n")
    found, report = parse_document("x.md", md)
    assert [r["title"] for r in found] == ["Quiet Flows for Speech"]
    assert sum("a person in a section of people" in r["reason"] for r in report) == 2  # said, not dropped silently


def test_a_paper_with_authors_under_a_team_heading_stays_a_work() -> None:
    md = "## Team\n\n- Ann Lee, Bo Chan. Score SDEs. ICLR 2021\n- Imagen Video (ICLR 2023)\n"
    assert fields(md, "title") == [("Score SDEs",), ("Imagen Video",)]


def test_numbered_lines_right_after_a_paragraph_are_entries_with_their_names() -> None:
    md = ("Papers from week 2:\n3. [Delta Paper Title Here](https://arxiv.org/abs/2105.00005) — Lu Mo, Ned Oh (AAAI 2023)\n"
          "4. [Eps Paper Title Here](https://arxiv.org/abs/2106.00006) — Pia Qu (UAI 2021)\n")
    assert fields(md, "title", "authors", "venue") == [("Delta Paper Title Here", ["Lu Mo", "Ned Oh"], "AAAI"),
                                                      ("Eps Paper Title Here", ["Pia Qu"], "UAI")]


def test_a_sentence_opening_with_a_link_stays_prose() -> None:
    assert fields("[DDPM](https://arxiv.org/abs/2006.11239) - a great read, by far the best intro\n",
                  "title", "authors") == [("DDPM", [])]


# -- review 28's worse cases (snippets against d37414a), each read as before the change -------------------------


@pytest.mark.parametrize(("md", "expected"), [
    ("| Method | Optional | Link |\n|---|---|---|\n| DDIM | Yes | [paper](https://arxiv.org/abs/2010.02502) |\n",
     [("DDIM", [])]),
    ("- [Consistency Models](https://arxiv.org/abs/2303.01469) ⭐ Must Read, Classic\n", [("Consistency Models", [])]),
    ("- Week 3 // Score Matching and Langevin Dynamics [video](https://www.youtube.com/watch?v=abc)\n",
     [("Week 3 // Score Matching and Langevin Dynamics", [])]),
    ("- [Sora Technical Report](https://example.org/sora) - 中文解读 (Chinese Notes)\n", [("Sora Technical Report", [])]),
])
def test_review_28_near_misses_read_as_before(md: str, expected: list) -> None:
    assert fields(md, "title", "authors") == expected


def test_a_readme_header_underlined_with_equals_is_no_entry() -> None:
    md = "**My Reading List**\nCurated by [Ann Lee](https://github.com/annlee)\n===\n\n- [DDPM](https://arxiv.org/abs/2006.11239)\n"
    assert [r["title"] for r in rows(md)] == ["DDPM"]


def test_by_names_with_a_capital_outside_ascii() -> None:
    md = ("- [Flow matching from first principles](https://youtu.be/a1) by Łukasz Ferro (2022)\n"
          "- [Guidance for beginners](https://youtu.be/a2) by Émile Vance (2023)\n")
    assert fields(md, "authors") == [(["Łukasz Ferro"],), (["Émile Vance"],)]


def test_a_tutorials_slides_under_a_label_make_no_paper() -> None:
    md = ("- [Quiet Guidance in Practice](https://tut.example.io/) (CVPR 2024 tutorial)\n"
          "  - Slides: [part 1](https://tut.example.io/s1.pdf)\n"
          "- Quiet Flows for Speech Synthesis [[pdf]](https://example.org/a.pdf) [[slides]](https://example.org/b.pdf)\n")
    assert fields(md, "kind") == [("post",), ("paper",)]


def test_news_of_a_paper_named_in_bold_or_italics() -> None:
    md = ("## News\n- [2024.05.02] 📄 New preprint: *Tidal Bridges for Sparse-View Reconstruction* is on "
          "[arXiv](https://arxiv.org/abs/2405.01234).\n"
          "- **[2024-03]** Our paper **Quiet Guidance: Low-Variance Sampling** is accepted to CVPR 2024! "
          "[[arXiv](https://arxiv.org/abs/2403.04321)]\n")
    assert fields(md, "title", "venue") == [("Tidal Bridges for Sparse-View Reconstruction", None),
                                            ("Quiet Guidance: Low-Variance Sampling", "CVPR")]


def test_an_entry_with_a_bold_title_and_names_is_read_as_before() -> None:
    md = "- **Quiet Guidance for Samplers** by Ann Lee and Bo Chan [pdf](https://arxiv.org/abs/2403.04321)\n"
    assert fields(md, "title", "authors") == [("Quiet Guidance for Samplers", ["Ann Lee", "Bo Chan"])]
