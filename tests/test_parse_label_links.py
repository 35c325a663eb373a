"""Label links after a plain title: a link that names what it points to (a mirror, an explainer, a discussion,
a recording) is no other work's title, whether its word is a known label or only keeps a known label company."""

from __future__ import annotations

import pytest

from diffdata.parse.labels import is_label
from diffdata.parse.linkshapes import labels_by_company
from diffdata.parse.model import Line, Link

try:
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields, parse

ARXIV = "https://arxiv.org/abs/2010.02502"


@pytest.mark.parametrize(("label", "url"), [
    ("alphaXiv", "https://www.alphaxiv.org/abs/2010.02502"),
    ("Semantic Scholar", "https://www.semanticscholar.org/paper/abc"),
    ("Medium", "https://medium.com/@someone/quiet-anchors-123"),
    ("中文解读", "https://zhuanlan.zhihu.com/p/603740431"),
    ("Podcast", "https://open.spotify.com/episode/4abc"),
    ("Reddit", "https://www.reddit.com/r/MachineLearning/comments/abc/x/"),
    ("Docs", "https://x.readthedocs.io/en/latest/"),
    ("Discord", "https://discord.gg/abc"),  # no label word: a label by the company it keeps
    ("Our Forum", "https://forum.example.org/t/quiet-anchors"),
])
def test_a_label_link_after_a_plain_title_leaves_the_entry_its_fields(label: str, url: str) -> None:
    md = f"- Quiet Anchors for Sampling (ICLR 2021) [[Paper]]({ARXIV}) [[{label}]]({url})\n"
    rows, report = parse(md)
    assert [(r["title"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Sampling", "ICLR", 2021, "2010.02502")]
    assert url in [lk["url"] for lk in rows[0]["links"]]
    assert not [r for r in report if "no title" in r["reason"]]


def test_an_audio_link_alone_is_a_label() -> None:
    assert fields("- Quiet Anchors for Sampling, with Ann Lee (2021) [audio](https://anchor.fm/x/ep12.mp3)\n",
                  "title", "year") == [("Quiet Anchors for Sampling, with Ann Lee", 2021)]


@pytest.mark.parametrize("md", [
    # a method's name beside a label is a work's name: the sentence mentions it
    f"- Improved version of [DDPM]({ARXIV}) [code](https://github.com/o/r)\n",
    f"- We build on [DreamBooth]({ARXIV}) [[code](https://github.com/o/r)] for faces\n",
])
def test_a_method_name_beside_a_label_stays_a_work(md: str) -> None:
    assert [r["title"] for r in parse(md)[0]][:1] in (["DDPM"], ["DreamBooth"])


def _line(text: str, links: list[tuple[str, str]]) -> Line:
    out, col = [], 0
    for t, u in links:
        col = text.index(t, col)
        out.append(Link(t, u, 1, col=col))
        col += len(t)
    return Line(1, text=text, links=out)


def test_labels_by_company() -> None:
    text = "Quiet Anchors [Paper] [Discord] [Big Forum Post Here]"
    line = _line(text, [("Paper", ARXIV), ("Discord", "https://discord.gg/a"), ("Big Forum Post Here", "https://b")])
    assert labels_by_company(line) == {1}  # four words are a title, not a label
    alone = _line("[Discord] [Paper]", [("Discord", "https://discord.gg/a"), ("Paper", ARXIV)])
    assert labels_by_company(alone) == set()  # no words naming the work before the links
    apart = _line("Quiet Anchors [Discord] and then [Paper]", [("Discord", "u"), ("Paper", ARXIV)])
    assert labels_by_company(apart) == set()  # not one run of links


P2P = "[Prompt-to-Prompt Image Editing with Cross Attention Control](https://arxiv.org/abs/2208.01626)"
P2P_VENUE = "[[ICLR 2023](https://openreview.net/forum?id=_CDixzkzeyb)]"
P2P_CODE = "[[Code](https://github.com/google/prompt-to-prompt)]"


@pytest.mark.parametrize("md", [
    f"{P2P} <br>\n{P2P_VENUE}\n{P2P_CODE}\n",  # a paragraph: the title's link, then a line per label link
    f"{P2P} {P2P_VENUE} {P2P_CODE}\n",  # the same on one line
    f"{P2P} <br>\n*Amir Hertz, Ron Mokady* <br>\n{P2P_VENUE} {P2P_CODE}\n",  # names between them
    f"{P2P} (ICLR 2023) <br>\n{P2P_CODE} [[Website](https://prompt-to-prompt.github.io/)]\n",
])
def test_a_paragraph_of_a_titled_link_and_its_label_links_is_one_work(md: str) -> None:
    rows, report = parse(f"# Editing\n\n{md}")
    assert [(r["title"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Prompt-to-Prompt Image Editing with Cross Attention Control", "ICLR", 2023, "2208.01626")]
    assert "https://github.com/google/prompt-to-prompt" in [lk["url"] for lk in rows[0]["links"]]
    assert not [r for r in report if "no title" in r["reason"]]


def test_a_paragraph_of_two_titled_links_stays_two_works() -> None:
    md = ("# Editing\n\n[Prompt-to-Prompt Image Editing](https://arxiv.org/abs/2208.01626) [[Code](https://github.com/a/b)]"
          "\n[Imagic: Text-Based Real Image Editing](https://arxiv.org/abs/2210.09276) [[Code](https://github.com/c/d)]\n")
    assert [r["arxiv_id"] for r in parse(md)[0] if r["kind"] == "paper"] == ["2208.01626", "2210.09276"]


@pytest.mark.parametrize(("md", "kinds"), [
    ("[Awesome Quiet Anchors](https://github.com/a/b) <br>\n[[CVPR 2023](https://cvpr2023.thecvf.com/)] "
     "[[ICCV 2023](https://iccv2023.thecvf.com/)]\n", ["repository"]),  # the list's own repository: no paper
    ("[What Quiet Anchors Are](https://lilianweng.github.io/posts/2021-07-11-diffusion-models/) <br>\n"
     "[[Video](https://www.youtube.com/watch?v=abc)] [[Code](https://github.com/a/b)]\n", ["post", "video"]),
])
def test_label_links_under_a_link_to_no_paper_stay_apart(md: str, kinds: list[str]) -> None:
    rows, _ = parse(f"# Editing\n\n{md}")
    assert [r["kind"] for r in rows] == kinds
    assert all(r["venue"] is None for r in rows)


@pytest.mark.parametrize("label", ["Replicate Demo", "Hugging Face Demo", "Gradio demo", "HF Space", "Kaggle Notebook"])
def test_a_sites_demo_under_a_bold_title_is_a_label(label: str) -> None:
    md = (f"**Quiet Anchors for Panoptic Things**\n\n[[CVPR 2024]({ARXIV})] \n"
          f"[[{label}](https://replicate.com/x/quiet-anchors)]\n")
    assert fields(md, "title", "venue", "arxiv_id") == [("Quiet Anchors for Panoptic Things", "CVPR", "2010.02502")]


@pytest.mark.parametrize(("text", "label"), [
    ("Replicate Demo", True), ("Hugging Face Space", True), ("HF Papers", True),
    ("Replicate", False), ("App", False), ("this Medium post", False),  # a site alone; a post mentioned in prose
])
def test_which_texts_naming_a_site_are_labels(text: str, label: bool) -> None:
    assert is_label(text) is label


def test_a_line_of_the_venue_and_label_links_under_a_titled_link_is_the_entrys() -> None:
    md = ("- [Quiet Anchors for Sampling](https://arxiv.org/abs/2010.02502)  \n  Mira Okafor, Jon Pell  \n"
          "  ICLR 2021. [[pdf]](https://openreview.net/pdf?id=St1giarCHLP) [[code]](https://github.com/q/a)\n"
          "- [Loud Anchors](https://arxiv.org/abs/2106.03802)  \n  Ivo Stam  \n"
          "  arXiv 2021. [[pdf]](https://arxiv.org/abs/2106.03802)\n")
    rows, report = parse(md)
    assert [(r["title"], r["authors"], r["venue"], r["year"], len(r["links"])) for r in rows] == [
        ("Quiet Anchors for Sampling", ["Mira Okafor", "Jon Pell"], "ICLR", 2021, 3),
        ("Loud Anchors", ["Ivo Stam"], "arXiv", 2021, 2)]  # the pdf links were untitled works of their own
    assert not [r for r in report if "no title" in r["reason"]]


def test_a_presentation_link_beside_a_papers_labels_under_its_heading() -> None:
    md = ("## 2023\n\n### 1. Quiet Anchors for Panoptic Things\n**Authors**: Mira Okafor, Jon Pell\n\n"
          "**Abstract**: We anchor things.\n\n[📄 Paper](https://arxiv.org/abs/2308.04079) | "
          "[💻 Code](https://github.com/q/a) | [🎥 Short Presentation](https://youtu.be/abc)\n")
    assert fields(md, "title", "authors", "kind") == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "paper")]


@pytest.mark.parametrize("host", ["CVF", "PMLR", "ACL Anthology", "IEEE Xplore", "Open Access"])
def test_a_publishers_name_as_the_link_text_is_a_label(host: str) -> None:
    md = (f"1. Quiet Anchors for Panoptic Things — Mira Okafor, Jon Pell — [{host}]"
          "(https://openaccess.thecvf.com/content/CVPR2023/html/Okafor_Quiet_CVPR_2023_paper.html)\n")
    assert fields(md, "title", "authors") == [("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"])]


@pytest.mark.parametrize("md", [
    "- **Quiet Anchors for Panoptic Things**. Mira Okafor, Jon Pell. NeurIPS 2024. "
    "[[v1](https://arxiv.org/abs/2405.18407v1)] [[v2](https://arxiv.org/abs/2405.18407v2)]",
    "- **Quiet Anchors for Panoptic Things**. Mira Okafor, Jon Pell. NeurIPS 2024. "
    "[[arXiv v1](https://arxiv.org/abs/2405.18407v1)] [[arXiv v2](https://arxiv.org/abs/2405.18407v2)]",
    "- [Quiet Anchors for Panoptic Things](https://arxiv.org/pdf/2405.18407v3) (NeurIPS 2024) — Mira Okafor, Jon Pell; "
    "earlier version: [arXiv:2405.18407v1](https://arxiv.org/abs/2405.18407v1)",
    "- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2405.18407) (NeurIPS 2024) — Mira Okafor, Jon Pell; "
    "code: [GitHub](https://github.com/q/a)",
])
def test_versions_of_one_paper_and_a_label_after_the_names_are_one_entry(md: str) -> None:
    rows, report = parse(md + "\n")
    assert [(r["title"], r["authors"], r["venue"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "NeurIPS", "2405.18407")]
    assert not [r for r in report if "no title" in r["reason"]]


@pytest.mark.parametrize(("text", "label"), [
    ("[TPAMI extension]", True), ("CVPR version", True), ("Official PyTorch code", True), ("arXiv v2", True),
    ("code extension", False),  # "extension" qualifies a venue's version only
    ("CVPR", False), ("TPAMI ICCV", False),  # venues alone name a venue, not a link's kind
    ("Quiet Anchors code", False), ("code Quiet Anchors", False),  # a title's word, first or last
    ("Replicate Demo", True),
])
def test_qualified_labels(text: str, label: bool) -> None:
    """A label and its qualifiers (read word by word, each venue looked up only when every word may qualify)."""
    assert is_label(text) is label
