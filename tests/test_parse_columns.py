"""What a table's columns hold, from their headers: a column of counts (citations, downloads) is never read as
the year, nor is a number alone in a column of links (a repository's stars)."""

from __future__ import annotations

import pytest

from diffdata.parse.columns import header_meaning

try:
    from parse_rows import fields
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields

PAPER = "https://arxiv.org/abs/2006.00001"


@pytest.mark.parametrize(("header", "meaning"), [
    ("Citations", "count"), ("Cited by", "count"), ("#Cit.", "count"), ("Downloads", "count"),
    ("Stars", "links"), ("Year", "year"), ("Venue", "venue"), ("Paper", "title"),
])
def test_header_meaning(header: str, meaning: str) -> None:
    assert header_meaning(header) == meaning


@pytest.mark.parametrize(("md", "expected"), [
    (f"| Paper | Citations | Venue |\n|---|---|---|\n| [Quiet Anchors]({PAPER}) | 2021 | NeurIPS |\n",
     [("Quiet Anchors", None, "NeurIPS")]),
    (f"| Paper | Cited by | Stars | Venue |\n|---|---|---|---|\n| [Quiet Anchors]({PAPER}) | 2019 | 2050 | NeurIPS |\n",
     [("Quiet Anchors", None, "NeurIPS")]),
    (f"| Paper | #Cit. | Year |\n|---|---|---|\n| [Quiet Anchors]({PAPER}) | 2024 | 2020 |\n",
     [("Quiet Anchors", 2020, None)]),
    # the venue's year is still read beside a count
    (f"| Paper | Citations | Venue |\n|---|---|---|\n| [Quiet Anchors]({PAPER}) | 1,998 | ICLR 2021 |\n",
     [("Quiet Anchors", 2021, "ICLR")]),
])
def test_a_count_is_no_year(md: str, expected: list) -> None:
    assert fields(md, "title", "year", "venue") == expected
