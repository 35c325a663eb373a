"""A table row's title cell: the title, and the names written under it, also when the venue shares their line."""

from __future__ import annotations

import pytest

try:
    from parse_rows import fields
except ImportError:  # tests/ imported as a package
    from tests.parse_rows import fields

HEAD = "| # | Paper | Links |\n|---|---|---|\n"
LINK = "[pdf](https://arxiv.org/abs/2006.00001)"


@pytest.mark.parametrize(("cell", "authors"), [
    ("**Quiet Anchors**<br><sub>Ann Lee, Bo Chan, Cy Dee et al. · ICML 2022</sub>", ["Ann Lee", "Bo Chan", "Cy Dee"]),
    ("**Quiet Anchors**<br>Ann Lee, Bo Chan (NeurIPS 2022)", ["Ann Lee", "Bo Chan"]),
    ("**Quiet Anchors**<br>Ann Lee, Bo Chan, NeurIPS 2022", ["Ann Lee", "Bo Chan"]),
    ("**Quiet Anchors**<br>Ann Lee, Bo Chan", ["Ann Lee", "Bo Chan"]),
    ("**Quiet Anchors**<br>Google Research, NeurIPS 2022", []),  # an organisation is no author
    ("**Quiet Anchors**<br>Ann Lee, Bo Chan et al. [[arXiv](https://arxiv.org/abs/2006.00001)]", ["Ann Lee", "Bo Chan"]),
    ("**Quiet Anchors**<br>Ann Lee, Bo Chan (arXiv)", ["Ann Lee", "Bo Chan"]),
    ("**Quiet Anchors**<br>Google Research [[blog](https://example.org/b)]", []),
    ("**Quiet Anchors**<br>Google Research", []),
])
def test_names_under_the_title_before_a_venue(cell: str, authors: list[str]) -> None:
    assert fields(f"{HEAD}| 1 | {cell} | {LINK} |\n", "title", "authors") == [("Quiet Anchors", authors)]
