"""BibTeX pasted into a list (``parse/bibfence.py``): each entry of a fenced block is a work, read with
bibtexparser; what it cannot read is reported; a crafted value is read as plain text, never a crash."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document

BIB = """# References

```bibtex
@inproceedings{lee2020,
  title = {Quiet {A}nchors for Panoptic Th\\"{i}ngs},
  author = {Lee, Ann and Chan, Bo and others},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2020},
  url = {https://proceedings.neurips.cc/paper/2020/hash/abc-Abstract.html}
}

@article{chan2022, title={Loud Anchors}, author={Bo Chan}, journal={arXiv preprint arXiv:2207.00001}, year={2022}}
@misc{tool, title={Anchor Toolkit}, url={https://github.com/lab/anchors}}
@article{broken, title={Oops
```
"""


def test_each_entry_of_a_bibtex_fence_is_a_work_and_a_broken_one_is_reported() -> None:
    rows, report = parse_document("x.md", BIB)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"], r["kind"], r["arxiv_id"]) for r in rows] == [
        (4, "Quiet Anchors for Panoptic Thïngs", ["Lee, Ann", "Chan, Bo"], 2020,
         "Advances in Neural Information Processing Systems", "paper", None),
        (12, "Loud Anchors", ["Bo Chan"], 2022, "arXiv", "paper", "2207.00001"),
        (13, "Anchor Toolkit", [], None, None, "repository", None)]
    assert [(r["line"], r["reason"]) for r in report] == [
        (14, "BibTeX entry that bibtexparser cannot read: not read as a work")]


@pytest.mark.parametrize("fence", ["```bib", "```", "~~~text"])
def test_a_plain_fence_opening_with_an_entry_is_bibtex_too(fence: str) -> None:
    close = "~~~" if fence.startswith("~") else "```"
    rows, _ = parse_document("x.md", f"# R\n\n{fence}\n@article{{k, title={{Loud Anchors}}, year={{2022}}}}\n{close}\n")
    assert [(r["title"], r["year"]) for r in rows] == [("Loud Anchors", 2022)]


def test_code_in_another_language_is_no_bibtex() -> None:
    rows, _ = parse_document("x.md", "# R\n\n```python\n@article{k, title={Loud Anchors}}\n```\n")
    assert rows == []


def test_crafted_values_are_read_or_reported_never_a_crash() -> None:
    deep = "@article{k, title=" + "{" * 20_000 + "x" + "}" * 20_000 + "}"
    many = "\n".join(f"@article{{k{i}, title={{Title {i}" for i in range(5000))
    for body in (deep, many):
        rows, report = parse_document("x.md", f"# R\n\n```bibtex\n{body}\n```\n")
        assert len(rows) + len(report) >= 1  # read or reported, never a crash (pylatexenc recursed out on the deep one)
