"""A year in an entry's description is not its year when it belongs to a sentence ('covers 120 papers from
2020-2024') or comes before the paper was on arXiv ('evaluates on MS-COCO 2014' beside an arXiv id of 2024);
stated years and venues stay read."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document


def _one(line: str) -> tuple:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert len(rows) == 1
    return rows[0]["year"], rows[0]["venue"]


@pytest.mark.parametrize(("line", "expected"), [
    ("- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2403.00001) - Trains on a web crawl and "
     "evaluates on MS-COCO 2014; beats the baseline.", (None, None)),
    ("- [A Survey of Quiet Anchors](https://arxiv.org/abs/2309.00001) - TL;DR: covers 120 papers from 2020-2024.",
     (None, None)),
    # what an entry states stays read, in brackets even before its arXiv id's year
    ("- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2403.00001) (2002, Example University Lab)",
     (2002, None)),
    ("- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2403.00001) 2024", (2024, None)),
    ("- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2403.00001) (2023)", (2023, None)),
    ("- [Quiet Anchors for Panoptic Things](https://example.org/qa.pdf) - eLife 2023", (2023, "eLife")),
    ("- [Quiet Anchors for Panoptic Things](https://example.org/qa.pdf) - npj Digital Medicine 2022",
     (2022, "npj Digital Medicine")),
    ("- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2101.00001), Proceedings of the Quiet "
     "Conference 2021", (2021, "Proceedings of the Quiet Conference")),
    ("- [Quiet Anchors for Panoptic Things](https://arxiv.org/abs/2101.00001) - Ann Lee, Bo Chan, ICLR 2022",
     (2022, "ICLR")),
])
def test_years_in_descriptions(line: str, expected: tuple) -> None:
    assert _one(line) == expected

