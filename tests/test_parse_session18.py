"""Layouts read in session 18 (entries a list item folded in, APA names opening with a particle, one author
before a venue), each with the near misses that must stay as they were."""

from __future__ import annotations

from diffdata.parse import parse_document


def fields(md: str, *names: str) -> list[tuple]:
    rows, _ = parse_document("x.md", md)
    return [tuple(r[n] for n in names) for r in rows]


def test_entries_a_list_item_folded_in_are_entries_of_their_own() -> None:
    """A marker CommonMark reads as none ('🔹', '-[' with no space) makes the next entries lazy lines of the item
    above: each is an entry with its names, and the item ends at its own line."""
    md = ("- [Alpha Paper Title Here](https://arxiv.org/abs/2101.00001) - Ann Lee, Bo Chan, ICML 2021\n"
          "🔹 [Beta Paper Title Here](https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n"
          "-[Gamma Paper Title Here](https://arxiv.org/abs/2104.00004) - Ivy Jo, Kai Lam, ECCV 2022\n")
    assert fields(md, "line", "end_line", "title", "authors", "year", "venue") == [
        (1, 1, "Alpha Paper Title Here", ["Ann Lee", "Bo Chan"], 2021, "ICML"),
        (2, 2, "Beta Paper Title Here", ["Cy Dorn", "Di Eng"], 2022, "ICLR"),
        (3, 3, "Gamma Paper Title Here", ["Ivy Jo", "Kai Lam"], 2022, "ECCV")]


def test_a_link_in_an_items_lazy_text_stays_a_mention_in_its_description() -> None:
    md = ("- [Alpha Paper Title Here](https://arxiv.org/abs/2101.00001) - Ann Lee, Bo Chan, ICML 2021\n"
          "which builds on [Beta Paper Title Here](https://arxiv.org/abs/2102.00002) - Cy Dorn, ICLR 2022\n")
    assert fields(md, "line", "end_line", "title", "authors", "layout") == [
        (1, 2, "Alpha Paper Title Here", ["Ann Lee", "Bo Chan"], "bullet"),
        (2, 2, "Beta Paper Title Here", [], "prose")]
    md = ("- **Alpha Paper Title Here** [paper](https://arxiv.org/abs/2101.00001)\n"
          "🔹 [Beta Paper Title Here](https://arxiv.org/abs/2102.00002) - Cy Dorn, Di Eng, ICLR 2022\n")
    assert fields(md, "title", "layout")[0] == ("Alpha Paper Title Here", "block")  # another shape: as before
