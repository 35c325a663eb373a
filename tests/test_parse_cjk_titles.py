"""Titles in the title marks of Chinese and Japanese text (``《Title》``, ``「Title」``) are read without them, a
clause after a full-width comma is a clause of its own, and a venue with a two-digit year after a space
(``[ICLR 22]``) gives the year."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

PAPER = "https://arxiv.org/abs/2101.00001"


def _one(line: str) -> dict:
    rows, _report = parse_document("x.md", f"# 论文\n\n{line}\n")
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize(("line", "title", "venue", "year"), [
    (f"- 《Quiet Anchors for Panoptic Things》 [[论文]({PAPER})]", "Quiet Anchors for Panoptic Things", None, None),
    (f"- [《Quiet Anchors for Panoptic Things》]({PAPER}) CVPR 2022", "Quiet Anchors for Panoptic Things", "CVPR", 2022),
    (f"- 「Quiet Anchors for Panoptic Things」 Okafor et al., ICLR 2022 [[paper]({PAPER})]",
     "Quiet Anchors for Panoptic Things", "ICLR", 2022),
    (f"- 《Quiet Anchors for Panoptic Things》，2022年4月，Example Lab。[链接]({PAPER})",
     "Quiet Anchors for Panoptic Things", None, 2022),  # a date and an organisation: no venue
    (f"- 《扩散模型的安静锚点》 王明, 李华. [[paper]({PAPER})]", "扩散模型的安静锚点", None, None),
])
def test_title_marks_are_not_part_of_the_title(line: str, title: str, venue: str | None, year: int | None) -> None:
    row = _one(line)
    assert (row["title"], row["venue"], row["year"]) == (title, venue, year)


@pytest.mark.parametrize(("aside", "venue", "year"), [
    ("[ICLR 22]", "ICLR", 2022), ("(NeurIPS 21, oral)", "NeurIPS", 2021), ("CVPR 22 |", "CVPR", 2022),
    ("(ICML 10.5 points)", "ICML", None),  # a number, not a year
    (", NeurIPS 35, 2022.", "NeurIPS", 2022), ("TPAMI 45, 2023", "TPAMI", 2023),  # a volume, then the year
    ("AAAI 38: 1234-1240", "AAAI", None), ("In ICML 10 pages", "ICML", None), ("CVPR 99 |", "CVPR", None),
])
def test_a_venue_with_a_two_digit_year_after_a_space(aside: str, venue: str | None, year: int | None) -> None:
    row = _one(f"- [Quiet Anchors for Panoptic Things]({PAPER}) {aside} [code](https://github.com/a/b)")
    assert (row["venue"], row["year"]) == (venue, year)


@pytest.mark.parametrize(("line", "title", "authors"), [
    (f"- 「Quiet Anchors」Lee et al. (ICML 2023) [arXiv]({PAPER})", "Quiet Anchors", ["Lee"]),
    (f"- 《Quiet Anchors》Lee et al. (ICML 2023) [arXiv]({PAPER})", "Quiet Anchors", ["Lee"]),
    (f"- «Quiet Anchors», Ann Lee, Bo Chan, ICML 2023. [arXiv]({PAPER})", "Quiet Anchors", ["Ann Lee", "Bo Chan"]),
])
def test_names_right_after_the_title_marks(line: str, title: str, authors: list[str]) -> None:
    row = _one(line)
    assert (row["title"], row["authors"], row["venue"], row["year"]) == (title, authors, "ICML", 2023)
