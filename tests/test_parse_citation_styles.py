"""Citations in Springer's LNCS style (``Lee, A., Chan, B.: Title. In: ICLR (2022)``) and in Vancouver style
(``Lee A, Chan B. Title. ICLR 2022.``) are read whole: names, title, venue and year; the names were part of the
title."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document
from diffdata.parse.citations import read_citation

PDF = "[pdf](https://arxiv.org/abs/2101.00001)"


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    (f"- Okafor, M., Pell, J.: Quiet Anchors for Panoptic Things. In: ICLR (2022) {PDF}",
     ["Okafor, M.", "Pell, J."], "ICLR", 2022),
    (f"- Okafor, M.: Quiet Anchors for Panoptic Things. Journal of Quiet Learning 12(3), 1–10 (2019). {PDF}",
     ["Okafor, M."], "Journal of Quiet Learning", 2019),
    (f"- Okafor, M., Pell, J.: Quiet Anchors for Panoptic Things. In: Proceedings of the Quiet Conference, "
     f"pp. 1–10. Springer (2021) {PDF}", ["Okafor, M.", "Pell, J."], "Proceedings of the Quiet Conference", 2021),
    (f"- Okafor M, Pell J. Quiet Anchors for Panoptic Things. ICLR 2022. [{PDF}]", ["Okafor M", "Pell J"], "ICLR",
     2022),
    (f"- Okafor MA, Pell J, et al. Quiet Anchors for Panoptic Things. Nat Med. 2022;28(3):1-10. [{PDF}]",
     ["Okafor MA", "Pell J"], "Nat Med", 2022),
])
def test_names_before_the_title_are_its_authors(line: str, authors: list[str], venue: str, year: int) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", authors, venue, year)]


@pytest.mark.parametrize("text", [
    "Mira Okafor, Jon Pell. Quiet Anchors for Panoptic Things. ICLR 2022.",  # full names: not Vancouver
    "Note: read the quiet anchors paper first. It is short (2022)",  # no venue before the year
    "Okafor M, Pell J. Brief. ICLR 2022.",  # a title of fewer than eight characters
])
def test_other_text_is_no_citation_of_these_styles(text: str) -> None:
    c = read_citation(text)
    assert c is None or c.style not in ("LNCS", "Vancouver")
