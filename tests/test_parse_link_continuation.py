"""A paper's linked name followed by a colon and the rest of its title (``[DreamBooth](arXiv): Fine Tuning ...``)
is read as the whole title, as a bold name is; what follows a repository's or a page's name, a description, or
names and a venue after the colon are not taken into the title."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

ARXIV = "https://arxiv.org/abs/2208.12242"


def _one(line: str) -> dict:
    rows, _report = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize(("line", "title"), [
    (f"- [DreamBooth]({ARXIV}): Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation",
     "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation"),
    ("- [Make-A-Video](https://openreview.net/forum?id=nJfylDvgzlq): Text-to-Video Generation without Text-Video "
     "Data (ICLR 2023)", "Make-A-Video: Text-to-Video Generation without Text-Video Data"),
    (f"- [Tune-A-Video]({ARXIV}): One-Shot Tuning of Image Diffusion Models | ICCV 2023 | [code](https://github.com/a/b)",
     "Tune-A-Video: One-Shot Tuning of Image Diffusion Models"),
    (f"- **GLIGEN**: Open-Set Grounded Text-to-Image Generation. CVPR 2023. [paper]({ARXIV})",
     "GLIGEN: Open-Set Grounded Text-to-Image Generation"),
])
def test_the_rest_of_the_title_is_read(line: str, title: str) -> None:
    assert _one(line)["title"] == title


def test_names_and_venue_after_the_rest_end_the_title() -> None:
    row = _one(f"- [ControlNet]({ARXIV}): Adding Conditional Control to Text-to-Image Diffusion Models, "
               "Lvmin Zhang, Maneesh Agrawala, ICCV 2023")
    assert row["title"] == "ControlNet: Adding Conditional Control to Text-to-Image Diffusion Models"
    assert row["authors"] == ["Lvmin Zhang", "Maneesh Agrawala"] and (row["venue"], row["year"]) == ("ICCV", 2023)
    row = _one(f"- **DreamBooth**: Fine Tuning Text-to-Image Diffusion Models, Ruiz et al., CVPR 2023 [paper]({ARXIV})")
    assert row["title"] == "DreamBooth: Fine Tuning Text-to-Image Diffusion Models"
    assert (row["venue"], row["year"]) == ("CVPR", 2023)


@pytest.mark.parametrize(("line", "title"), [
    ("- [diffusers](https://github.com/huggingface/diffusers): State-of-the-art diffusion models in PyTorch",
     "diffusers"),
    (f"- [LoRA]({ARXIV}): Low-rank adaptation, used widely for fine-tuning diffusion models.", "LoRA"),
    (f"- [DDPM]({ARXIV}): Ho, Jain, Abbeel. NeurIPS 2020.", "DDPM"),
    (f"- [Imagen]({ARXIV}): a text-to-image model by Google with deep language understanding.", "Imagen"),
])
def test_what_is_no_rest_of_a_title_stays_out(line: str, title: str) -> None:
    assert _one(line)["title"] == title


@pytest.mark.parametrize(("line", "title", "authors", "year"), [
    ("- DiffWave: A Versatile Diffusion Model for Audio Synthesis, Zhifeng Kong, Wei Ping, Bryan Catanzaro (2021)",
     "DiffWave: A Versatile Diffusion Model for Audio Synthesis", ["Zhifeng Kong", "Wei Ping", "Bryan Catanzaro"],
     2021),
    ("- WaveGrad: Estimating Gradients for Waveform Generation, Nanxin Chen et al. (2020)",
     "WaveGrad: Estimating Gradients for Waveform Generation", ["Nanxin Chen"], 2020),
    ("- Diffusion Models Beat GANs on Image Synthesis, Prafulla Dhariwal, Alex Nichol [2021]",
     "Diffusion Models Beat GANs on Image Synthesis", ["Prafulla Dhariwal", "Alex Nichol"], 2021),
])
def test_a_plain_item_with_names_and_a_year_in_brackets_is_a_work(line: str, title: str, authors: list[str],
                                                                   year: int) -> None:
    """Names after the title's comma, then the year in brackets: before, the bracket kept the names from reading
    as names, the title ran on over them, and the item (no link, no venue) was dropped as a title alone."""
    row = _one(line)
    assert (row["title"], row["authors"], row["year"]) == (title, authors, year)


def test_two_phrases_and_a_year_are_no_title_and_author() -> None:
    """'Look Closer, Think Deeper (2023)': one name-like phrase after a comma and a year is no author (a
    venue after it would make it one: 'Magic Mix, Jun Liew, arXiv 2022')."""
    rows, report = parse_document("x.md", "# P\n\n- Look Closer, Think Deeper (2023)\n")
    assert rows == [] and len(report) == 1
    assert _one("- Magic Mix, Jun Liew, arXiv 2022")["authors"] == ["Jun Liew"]


def test_a_long_line_of_clauses_is_read_in_bounded_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """'**X**: Title Word Wide, Word Wide, ...' over thousands of clauses: the rest of the title is looked for in
    its first clauses only. Before, every clause end re-read the whole rest of the line as names and as a venue
    (8,000 clauses: 22 s and 1.1 GB, the texts kept by those functions' memos)."""
    from diffdata.parse import clauses

    read: list[int] = []
    for name in ("only_venue_or_date", "is_name_list"):
        real = getattr(clauses, name)
        monkeypatch.setattr(clauses, name, lambda text, real=real: read.append(len(text)) or real(text))
    rows, _report = parse_document("x.md", "# P\n\n- **X**: Title " + "Word Wide, " * 3000 +
                                   "end [paper](https://arxiv.org/abs/2301.00001)\n")
    assert len(rows) == 1 and 0 < sum(read) < 10_000


@pytest.mark.parametrize("rest", ["Official PyTorch Implementation", "Paper, Code and Demo",
                                  "Accepted at ICLR 2023 as Oral", "Google Research, Boston University",
                                  "Fine Tuning Text-to-Image Diffusion Models CVPR 2023"])
def test_a_description_after_a_papers_name_is_no_rest_of_its_title(rest: str) -> None:
    assert _one(f"- [DreamBooth]({ARXIV}): {rest}")["title"] == "DreamBooth"


@pytest.mark.parametrize(("line", "title", "authors", "venue", "year"), [
    ("- **DDIM** — Denoising Diffusion Implicit Models. Song, Meng, Ermon. ICLR 2021.",
     "Denoising Diffusion Implicit Models", ["Song", "Meng", "Ermon"], "ICLR", 2021),
    ("- **Phenaki** - Variable Length Video Generation From Open Domain Textual Description. ICLR 2023. "
     f"[Paper]({ARXIV})", "Variable Length Video Generation From Open Domain Textual Description", [], "ICLR", 2023),
    ("- **DDPM** - Denoising Diffusion Probabilistic Models (NeurIPS 2020)",
     "Denoising Diffusion Probabilistic Models", [], "NeurIPS", 2020),
    ("- **SDE** — Score-Based Generative Modeling through Stochastic Differential Equations — Song et al. — ICLR 2021",
     "Score-Based Generative Modeling through Stochastic Differential Equations", ["Song"], "ICLR", 2021),
    (f"- **Stable Diffusion** — High-Resolution Image Synthesis with Latent Diffusion Models [paper]({ARXIV})",
     "High-Resolution Image Synthesis with Latent Diffusion Models", [], None, None),
])
def test_a_title_after_a_dash_and_a_bold_method_name(line: str, title: str, authors: list, venue: str | None,
                                                     year: int | None) -> None:
    """The bold run names the method; the title is the clause after the dash, up to its authors, venue or link."""
    row = _one(line)
    assert (row["title"], row["authors"], row["venue"], row["year"]) == (title, authors, venue, year)


@pytest.mark.parametrize(("line", "title"), [
    # the dash leads to a description: the bold run is the title
    (f"- **Denoising Diffusion Implicit Models** — Song, Meng, Ermon. ICLR 2021. [paper]({ARXIV})",
     "Denoising Diffusion Implicit Models"),
    (f"- **DDIM** — A faster sampler for diffusion models. [paper]({ARXIV})", "DDIM"),
    (f"- **DDIM** — faster sampling, Song et al. [paper]({ARXIV})", "DDIM"),
])
def test_a_description_after_a_dash_leaves_the_bold_title(line: str, title: str) -> None:
    assert _one(line)["title"] == title


def test_a_link_text_wrapped_over_lines_leaves_what_follows_on_the_entrys_line() -> None:
    """A formatter wrapping at 80 columns breaks a link's text: the names after the link are still read, and
    the entry's lines keep their numbers."""
    md = ("# Papers\n\n"
          "- [Foo Models Beat Bar Models on Image\n"
          "  Synthesis](https://arxiv.org/abs/2105.00001) — Ann Lee, Bo Chan. NeurIPS 2021.\n"
          "- [Qux: Guided Image Synthesis and Editing with\n"
          "  Stochastic Differential\n"
          "  Equations](https://arxiv.org/abs/2108.00002) — Cy Dee,\n"
          "  Di Eng, Ed Fox, et al. ICLR 2022.\n"
          "- [Baz Fields](https://arxiv.org/abs/2108.00003)\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["line"], r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        (3, "Foo Models Beat Bar Models on Image Synthesis", ["Ann Lee", "Bo Chan"], "NeurIPS", 2021),
        (5, "Qux: Guided Image Synthesis and Editing with Stochastic Differential Equations",
         ["Cy Dee", "Di Eng", "Ed Fox"], "ICLR", 2022),
        (9, "Baz Fields", [], None, None)]


def test_names_wrapped_under_a_link_are_read_whole() -> None:
    """The line after a link left hanging (a dash, a comma, "et"), a line opening with a dash or "et al.", and a
    name broken between its two lines go on the entry's line."""
    md = ("# Papers\n\n"
          "- [Foo Models](https://arxiv.org/abs/2105.00001) —\n"
          "  Ann Lee, Bo Chan, Cy Dee,\n"
          "  Di Eng, et al. ICLR 2021.\n"
          "- [Bar Models](https://arxiv.org/abs/2105.00002)\n"
          "  — Ed Fox, Flo Gee, et\n"
          "  al. NeurIPS 2022.\n"
          "- [Qux Models](https://arxiv.org/abs/2105.00003) — Hyungjin\n"
          "  Chung, Jeongsol Kim. ICML 2023.\n"
          "- [Baz Models](https://arxiv.org/abs/2105.00004)\n"
          "  A model of bazzes, in 2019 terms.\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["line"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        (3, ["Ann Lee", "Bo Chan", "Cy Dee", "Di Eng"], "ICLR", 2021),
        (6, ["Ed Fox", "Flo Gee"], "NeurIPS", 2022),
        (9, ["Hyungjin Chung", "Jeongsol Kim"], "ICML", 2023),
        (11, [], None, None)]  # a description under the link stays a line of its own: its year is not the work's
