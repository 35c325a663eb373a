"""A heading per paper with lines of its fields under it (``**Authors:** ...``, ``**Venue:** ...``) and a line of
its links is one entry titled by the heading (it was an untitled entry of the links); a ``**Paper**:`` line under
a heading still names the work itself."""

from __future__ import annotations

from diffdata.parse import parse_document


def test_a_heading_with_field_lines_and_links_is_the_work() -> None:
    text = """\
## Audio

### Quiet Anchors for Panoptic Things

**Authors:** Mira Okafor, Jon Pell
**Venue:** Interspeech 2023
[[Paper](https://arxiv.org/abs/2101.00001)] [[Code](https://github.com/quiet/anchors)]

### Sliding Windows over Noisy Scores

**Author:** Dora Lind
**Venue:** ICLR 2022
[[Paper](https://arxiv.org/abs/2101.00002)]

### 5. Foo Paper
**Paper**: "Rotary Bars for Position" (Lee, 2021)
**Link**: https://arxiv.org/abs/2101.00003
"""
    rows, report = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["section"], len(r["links"])) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "Interspeech", 2023, ["Audio"], 2),
        ("Sliding Windows over Noisy Scores", ["Dora Lind"], "ICLR", 2022, ["Audio"], 1),
        ("Rotary Bars for Position", ["Lee"], None, 2021, ["Audio"], 1)]
    assert not any("no title" in r["reason"] for r in report)


def test_a_heading_of_two_words_over_field_bullets_is_the_work() -> None:
    text = ("# P\n\n### Quiet Anchors\n\n- **Authors:** Mira Okafor, Jon Pell\n- **Venue:** ICML 2023\n"
            "- **Links:** [Paper](https://arxiv.org/abs/2303.01469)\n")
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors", ["Mira Okafor", "Jon Pell"], "ICML", 2023, "2303.01469")]


def test_a_heading_over_names_and_a_line_of_its_venue_and_label_links_is_the_work() -> None:
    text = """\
### Quiet Anchors for Panoptic Things
*Mira Okafor, Jon Pell*<br>
ICCV 2023 · [arXiv](https://arxiv.org/abs/2101.00001) · [Code](https://github.com/quiet/anchors)

### Sliding Windows over Noisy Scores
*Dora Lind, Ivo Stam*

ICLR 2022 (Spotlight). [[Paper]](https://arxiv.org/abs/2101.00002)

### Notes on Rotary Bars
Worth a read · [arXiv](https://arxiv.org/abs/2101.00003)
"""
    rows, _ = parse_document("x.md", text)
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", ["Mira Okafor", "Jon Pell"], "ICCV", 2023),
        ("Sliding Windows over Noisy Scores", ["Dora Lind", "Ivo Stam"], "ICLR", 2022),
        ("Worth a read", [], None, None)]  # words, not a venue, before the link: the heading is a section's, as before
