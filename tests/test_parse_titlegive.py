"""What a link's text carries besides the title: a venue before or after a dash, and the names and venue of a
citation-like aside at its end, are kept out of the title (the names as its authors)."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

PAPER = "https://arxiv.org/abs/2101.00001"


@pytest.mark.parametrize(("text", "expected"), [
    ("Quiet Anchors for Panoptic Things (Mira Okafor et al., ICCV 2023)",
     ("Quiet Anchors for Panoptic Things", ["Mira Okafor"], "ICCV", 2023)),
    ("Quiet Anchors for Panoptic Things (Okafor & Pell, 2022)",
     ("Quiet Anchors for Panoptic Things", ["Okafor", "Pell"], None, 2022)),
    ("NeurIPS 2022 - Quiet Anchors for Panoptic Things", ("Quiet Anchors for Panoptic Things", [], "NeurIPS", 2022)),
    ("Quiet Anchors for Panoptic Things | CVPR 2023", ("Quiet Anchors for Panoptic Things", [], "CVPR", 2023)),
    # a dash inside a title, and an aside that is part of the title, stay
    ("QuietDB - A Large-scale Gallery of Anchors", ("QuietDB - A Large-scale Gallery of Anchors", [], None, None)),
    ("Quiet Anchors (and Loud Ones) for Panoptic Things",
     ("Quiet Anchors (and Loud Ones) for Panoptic Things", [], None, None)),
    ("Quiet Anchors for Panoptic Things (Stable Diffusion, v2)",
     ("Quiet Anchors for Panoptic Things (Stable Diffusion, v2)", [], None, None)),
])
def test_link_text(text: str, expected: tuple) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n- [{text}]({PAPER})\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [expected]


@pytest.mark.parametrize(("line", "title", "venue", "year"), [
    (f"- [$\\\\alpha$-Blending: A Minimal Definition of Quiet Anchors]({PAPER})",
     "α-Blending: A Minimal Definition of Quiet Anchors", None, None),  # LaTeX in a formula: what it prints
    (f"- **Quiet Anchors** \\\\\n  [paper]({PAPER})", "Quiet Anchors", None, None),  # a line break goes
    (f"- Q2 2023: [Quiet Anchors for Panoptic Things]({PAPER})", "Quiet Anchors for Panoptic Things", None, 2023),
])
def test_formulas_and_quarters(line: str, title: str, venue: str | None, year: int | None) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [(title, venue, year)]
