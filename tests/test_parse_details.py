"""A work written as a title with its details after it (``parse/details.py``): here a titled link alone in its
paragraph, then paragraphs of its names and its venue with label links, one blank line apart."""

from __future__ import annotations

import pytest

try:
    from parse_rows import parse
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import parse

SDE = "[Score-Based Generative Modeling through Stochastic Differential Equations](https://arxiv.org/abs/2011.13456)"
SDE_TITLE = "Score-Based Generative Modeling through Stochastic Differential Equations"


def _works(md: str) -> list[tuple]:
    rows, report = parse(f"# Survey\n\n## Sampling\n\n{md}")
    assert not [r for r in report if "no title" in r["reason"]]
    return [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows]


def test_a_titled_link_then_a_paragraph_of_names_and_one_of_its_venue_is_one_work() -> None:
    md = (f"{SDE}\n\nYang Song, Jascha Sohl-Dickstein, Diederik P. Kingma\n\n"
          "ICLR 2021. [[pdf]](https://openreview.net/pdf?id=PxTIG12RRHS) [[code]](https://github.com/yang-song/score_sde)\n\n"
          "[Gotta Go Fast When Generating Data with Score-Based Models](https://arxiv.org/abs/2105.14080)\n\n"
          "Alexia Jolicoeur-Martineau, Rémi Tachet des Combes\n\narXiv 2021. [[pdf]](https://arxiv.org/abs/2105.14080)\n")
    assert _works(md) == [
        (SDE_TITLE, ["Yang Song", "Jascha Sohl-Dickstein", "Diederik P. Kingma"], "ICLR", 2021, "2011.13456"),
        ("Gotta Go Fast When Generating Data with Score-Based Models",
         ["Alexia Jolicoeur-Martineau", "Rémi Tachet des Combes"], "arXiv", 2021, "2105.14080")]


def test_the_venue_paragraph_alone_and_an_initialled_name_are_details_too() -> None:
    assert _works(f"{SDE}\n\nICLR 2021. [[pdf]](https://openreview.net/pdf?id=PxTIG12RRHS)\n") == [
        (SDE_TITLE, [], "ICLR", 2021, "2011.13456")]
    assert _works(f"{SDE}\n\nY. Song\n\nICLR 2021\n") == [(SDE_TITLE, ["Y. Song"], "ICLR", 2021, "2011.13456")]


@pytest.mark.parametrize("after", [
    "**Motion Transfer**",  # a label of the works after it
    "Motion Transfer",  # one capitalised phrase alone: a label as likely as a name
    "We propose a sampler that needs fewer steps.",  # a description
    "[Gotta Go Fast When Generating Data](https://arxiv.org/abs/2105.14080)",  # the next work
])
def test_what_is_no_detail_stays_apart(after: str) -> None:
    rows = _works(f"{SDE}\n\n{after}\n")
    assert rows[0] == (SDE_TITLE, [], None, None, "2011.13456")


def test_a_publication_number_before_a_bold_title_over_its_names_and_venue() -> None:
    # a CV or a lab's page: "[C14]" a conference paper, "[J3]" a journal's
    md = ("[C14] **Quiet Anchors for Panoptic Things**  \nMira Okafor, Jon Pell  \n"
          "*CVPR 2024* [[paper]](https://arxiv.org/abs/2311.12908)\n")
    assert _works(md) == [("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "CVPR", 2024,
                           "2311.12908")]


def test_a_keycap_numbered_title_over_emoji_labelled_names_and_link() -> None:
    md = ("1️⃣ Quiet Anchors for Panoptic Things\n👤 Mira Okafor, Jon Pell | 🏛️ ICML 2024\n"
          "🔗 https://arxiv.org/abs/2403.03206\n\n"
          "3️⃣ Loud Anchors for Things — Okafor et al., NeurIPS 2024 🔗 https://arxiv.org/abs/2404.02905\n")
    assert _works(md) == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICML", 2024, "2403.03206"),
        ("Loud Anchors for Things", ["Okafor"], "NeurIPS", 2024, "2404.02905")]  # no keycap left in the title


@pytest.mark.parametrize("md", [
    f"{SDE}\n\nNeurIPS 2023\n\n[Gotta Go Fast](https://arxiv.org/abs/2105.14080)\n",  # a venue labelling what follows
    f"{SDE}\n\n2023\n\n[Gotta Go Fast](https://arxiv.org/abs/2105.14080)\n",
    f"{SDE}\n\nGoogle Brain, UC Berkeley\n",  # affiliations, no names
])
def test_a_paragraph_that_may_label_the_links_after_it_is_no_detail(md: str) -> None:
    assert _works(md)[0] == (SDE_TITLE, [], None, None, "2011.13456")


@pytest.mark.parametrize("lead", [
    "[Quiet Meetup Slides](https://example.org/blog/meetup)",  # a post, not a paper: its lines may be anything
    "[Model zoo](https://github.com/a/zoo)",
])
def test_a_link_to_no_paper_takes_no_details(lead: str) -> None:
    rows, _ = parse(f"# P\n\n{lead}\n\nSan Francisco, New York\n")
    assert [r["authors"] for r in rows] == [[]]


def test_a_bold_title_then_a_blank_line_then_its_label_links_is_one_work() -> None:
    # the layout of a list sorted by task: each title bold, its links a paragraph below, the venue as a link text
    md = ("**Quiet Anchors for Panoptic Things**\n\n[[ICLR 2023](https://arxiv.org/abs/2208.01626)] \n"
          "[[Website](https://quiet.github.io/)] \n[[Code](https://github.com/quiet/anchors)]\n\n"
          "**Sliding Windows over Noisy Scores**\n\n"
          "[[CVPR 2024](https://openaccess.thecvf.com/content/CVPR2024/html/Lee_Sliding_CVPR_2024_paper.html)] "
          "[[Code](https://github.com/lee/sliding)]\n")
    assert [w[:4] for w in _works(md)] == [("Quiet Anchors for Panoptic Things", [], "ICLR", 2023),
                                            ("Sliding Windows over Noisy Scores", [], "CVPR", 2024)]


@pytest.mark.parametrize("label", [
    "**Image Editing**",  # two words of a topic
    "**Note:**",
    "**CVPR 2023**",
    "**Ann Lee, Bo Chan**",
])
def test_a_bold_label_over_one_papers_links_titles_nothing(label: str) -> None:
    rows, _ = parse(f"# P\n\n{label}\n\n[[Paper](https://arxiv.org/abs/2208.01626)] [[Code](https://github.com/a/b)]\n")
    assert [r["title"] for r in rows] == [None]


def test_a_bold_label_over_the_links_of_two_untitled_works_titles_neither() -> None:
    rows, _ = parse("# P\n\n**Quiet Anchors for Panoptic Things**\n\n[[Paper](https://arxiv.org/abs/2208.01626)]\n\n"
                    "[[Paper](https://arxiv.org/abs/2301.00001)]\n")
    assert [r["title"] for r in rows] == [None, None]


def test_a_bold_title_then_a_paragraph_of_names_then_its_label_links_is_one_work() -> None:
    md = ("**Quiet Anchors for Panoptic Things**\n\n*Mira Okafor, Jon Pell, Ivo Stam*\n\n"
          "[[CVPR 2023](https://arxiv.org/abs/2210.09276)] [[Website](https://quiet.github.io/)]\n")
    assert [w[:4] for w in _works(md)] == [("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell", "Ivo Stam"],
                                            "CVPR", 2023)]
