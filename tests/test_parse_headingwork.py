"""A heading that names one work rather than a section (parse/headingwork.py)."""

from __future__ import annotations

import pytest

from diffdata.parse.headingwork import heading_names_a_work, names_a_method
from diffdata.parse.markdown import blocks


def _first_heading_names_a_work(text: str) -> bool:
    found = blocks(text)
    i = next(i for i, b in enumerate(found) if b.type == "heading" and i > 0)
    return heading_names_a_work(found, i)


@pytest.mark.parametrize(("text", "work"), [
    # a heading over one paper's label links: that paper's title
    ("# List\n\n### Sampling Faster With Fewer Steps\n\n[arXiv](https://arxiv.org/abs/2401.00001) | "
     "[Code](https://github.com/a/b)\n", True),
    # a heading that links the paper itself
    ("# List\n\n### [Sampling Faster](https://arxiv.org/abs/2401.00001)\n", True),
    # a note exported from a reference manager: the title over its fields
    ("# List\n\n## Noise Schedules Revisited\n\nAuthors: Ann Lee, Bo Chan\n\nURL: https://arxiv.org/abs/2401.00002\n",
     True),
    # a heading over two works' links: their section
    ("# List\n\n## Image Generation Papers\n\n- [Work A](https://arxiv.org/abs/2401.00001)\n"
     "- [Work B](https://arxiv.org/abs/2401.00002)\n", False),
    # a schedule's heading over the paper read that week
    ("# List\n\n## Week 3: Guidance\n\n[paper](https://arxiv.org/abs/2401.00001)\n", False),
    # a topic of two words over one paper's links
    ("# List\n\n## Video Editing\n\n[arXiv](https://arxiv.org/abs/2401.00001)\n", False),
])
def test_a_heading_names_a_work_only_over_one_works_details(text: str, work: bool) -> None:
    assert _first_heading_names_a_work(text) is work


@pytest.mark.parametrize(("text", "method"), [
    ("DreamBooth", True), ("Stable Cascade", True), ("SD-XL", True),
    ("GANs", False), ("Music", False), ("Image Data", False), ("Related Work", False),
])
def test_a_method_is_named_but_a_topic_is_not(text: str, method: bool) -> None:
    assert names_a_method(text) is method
