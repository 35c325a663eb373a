"""RIS and EndNote records pasted into a list (``parse/tagged.py``): one work a record, wherever they stand (a
fenced code block, plain lines), and text that only looks like them is read as before."""

from __future__ import annotations

from diffdata.parse import parse_document
from diffdata.parse.tagged import is_tagged

RIS = """TY  - CONF
AU  - Lee, Ann
AU  - Chan, Bo
TI  - Quiet Anchors for Panoptic Things
T2  - International Conference on Learning Representations
PY  - 2021/05/03/
UR  - https://arxiv.org/abs/2101.00001
ER  -

TY  - JOUR
AU  - Dee, Cy
TI  - Loud Anchors for Panoptic Things
JO  - Journal of Quiet Things
PY  - 2022
DO  - 10.1000/quiet.2022
ER  -
"""

ENDNOTE = """%0 Conference Paper
%A Lee, Ann
%A Chan, Bo
%T Quiet Anchors for Panoptic Things
%B International Conference on Learning Representations
%D 2021
%U https://arxiv.org/abs/2101.00001

%0 Journal Article
%A Dee, Cy
%T Loud Anchors for Panoptic Things
%J Journal of Quiet Things
%D 2022
%R 10.1000/quiet.2022
"""

EXPECTED = [("Quiet Anchors for Panoptic Things", ["Lee, Ann", "Chan, Bo"], 2021,
             "International Conference on Learning Representations", "2101.00001", None),
            ("Loud Anchors for Panoptic Things", ["Dee, Cy"], 2022, "Journal of Quiet Things", None,
             "10.1000/quiet.2022")]


def _read(md: str) -> list[tuple]:
    rows, _ = parse_document("x.md", md)
    return [(r["title"], r["authors"], r["year"], r["venue"], r["arxiv_id"], r["doi"]) for r in rows]


def test_ris_records_in_a_fence_and_as_plain_lines() -> None:
    assert _read(f"# Library\n\n```ris\n{RIS}```\n") == EXPECTED
    assert _read(f"# Library\n\n```\n{RIS}```\n") == EXPECTED
    assert _read(f"# Library\n\n{RIS}") == EXPECTED
    rows, _ = parse_document("x.md", f"# Library\n\n```ris\n{RIS}```\n")
    assert [r["line"] for r in rows] == [4, 13]


def test_endnote_records_as_paragraphs_and_in_a_fence() -> None:
    assert _read(f"# Refs\n\n{ENDNOTE}") == EXPECTED
    assert _read(f"# Refs\n\n```enw\n{ENDNOTE}```\n") == EXPECTED
    rows, _ = parse_document("x.md", f"# Refs\n\n{ENDNOTE}")
    assert [r["line"] for r in rows] == [3, 11]


def test_a_record_without_a_title_is_reported() -> None:
    rows, report = parse_document("x.md", "```ris\nTY  - JOUR\nAU  - Lee, Ann\nTI  - Quiet Anchors\nER  -\n"
                                          "TY  - JOUR\nAU  - Chan, Bo\nUR  - https://arxiv.org/abs/2101.00002\n"
                                          "ER  -\n```\n")
    assert [r["title"] for r in rows] == ["Quiet Anchors", None]
    assert any("no title" in r["reason"] and r["line"] == 6 for r in report)


def test_what_only_looks_like_records() -> None:
    assert not is_tagged(["%A note on percentages", "and more text"])
    assert not is_tagged(["AU  - Lee, Ann", "PY  - 2021", "UR  - https://a.org"])  # no title
    assert not is_tagged(["TI  - Quiet Anchors", "PY  - 2021"])  # a title and one field: too little
    assert is_tagged(["TI  - Quiet Anchors", "PY  - 2021", "AU  - Lee, Ann"])
    assert not is_tagged(["%0 of runs failed", "%T timed out", "%A note on it"])  # a type, a title, one field
    rows, _ = parse_document("x.md", "%0 of runs failed\n%T timed out\n\nSee [x](https://arxiv.org/abs/2101.00001)\n")
    assert [r["arxiv_id"] for r in rows] == ["2101.00001"]
    rows, _ = parse_document("x.md", "- 40% of the [papers](https://arxiv.org/abs/2101.00001) use it\n")
    assert len(rows) == 1 and rows[0]["arxiv_id"] == "2101.00001"


def test_endnote_records_without_type_lines_part_where_names_follow_a_title() -> None:
    md = "%A Lee, Ann\n%T Quiet Anchors\n%D 2021\n%A Chan, Bo\n%A Dee, Cy\n%T Loud Anchors\n%D 2022\n"
    assert [(r["title"], r["authors"], r["year"]) for r in parse_document("x.md", md)[0]] == [
        ("Quiet Anchors", ["Lee, Ann"], 2021), ("Loud Anchors", ["Chan, Bo", "Dee, Cy"], 2022)]
    ris = "```ris\nTY  - JOUR\nTI  - Title First\nAU  - Lee, Ann\nAU  - Chan, Bo\nPY  - 2020\nER  -\n```\n"
    assert [(r["title"], r["authors"]) for r in parse_document("x.md", ris)[0]] == [
        ("Title First", ["Lee, Ann", "Chan, Bo"])]  # a typed record keeps the names after its title

