"""The venue table: names found in text and written names looked up, shared by parse, dedupe and BibTeX."""

from __future__ import annotations

import pytest

from diffdata.venues import conference_name, find_venues, lookup


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Accepted at CVPR'24 (Highlight)", [("CVPR", 2024)]),
        ("ICLR2024 and NeurIPS-2023", [("ICLR", 2024), ("NeurIPS", 2023)]),
        ("Neurips 2023", [("NeurIPS", 2023)]),
        ("cvpr2024", [("CVPR", 2024)]),
        ("ECCV 2022 Workshop", [("ECCV Workshop", 2022)]),
        ("arXiv 2023.05", [("arXiv", 2023)]),
        ("International Conference on Learning Representations", [("International Conference on Learning "
                                                                   "Representations", None)]),
        ("the nature of science, in iclr terms", []),
        ("a Nature paper from 2021", []),
    ],
    ids=["apostrophe", "glued-and-dashed", "other-case-with-year", "lower-glued", "workshop", "preprint-month",
         "full-name", "words-not-venues", "one-capital-name"],
)
def test_find_venues(text: str, found: list[tuple[str, int | None]]) -> None:
    assert [(v.name, v.year) for v in find_venues(text)] == found


@pytest.mark.parametrize(
    ("name", "abbr", "workshop"),
    [("NeurIPS 2020", "NeurIPS", False), ("ICML (Oral)", "ICML", False), ("CVPR Workshops", "CVPR", True),
     ("Proceedings of the International Conference on Machine Learning", "ICML", False),
     ("Mystery Venue", None, False)],
)
def test_lookup(name: str, abbr: str | None, workshop: bool) -> None:
    venue, is_workshop = lookup(name)
    assert (venue.abbr if venue else None, is_workshop) == (abbr, workshop)


def test_conference_names_for_merge_conflicts() -> None:
    assert conference_name("ICLR (Oral)") == conference_name("ICLR") == "ICLR"
    assert conference_name("NIPS") == "NeurIPS"
    assert conference_name("TPAMI") is None and conference_name("arXiv") is None and conference_name(None) is None
