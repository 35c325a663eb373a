"""The venue table: names found in text and written names looked up, shared by parse, dedupe and BibTeX."""

from __future__ import annotations

import re

import pytest

from diffdata.venues import VENUES, alternation, conference_name, find_venues, lookup


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
     ("Mystery Venue", None, False),
     # ISO 4 and NLM abbreviations, with or without their dots; a volume after the name
     ("IEEE Trans. Pattern Anal. Mach. Intell.", "TPAMI", False), ("IEEE Trans Pattern Anal Mach Intell", "TPAMI", False),
     ("J Mach Learn Res", "JMLR", False), ("Med. Image Anal.", "Medical Image Analysis", False),
     ("Advances in Neural Information Processing Systems 34", "NeurIPS", False),
     ("Adv Neural Inf Process Syst", "NeurIPS", False), ("3DV", "3DV", False), ("Stat. Anal.", None, False),
     # a proceedings' name as bibliographies print it: "In Proc.", an ordinal, the organisers
     ("In Proc. 38th International Conference on Machine Learning", "ICML", False),
     ("The Eleventh International Conference on Learning Representations", "ICLR", False),
     ("Proceedings of the 41st International Conference on Machine Learning", "ICML", False),
     ("In Proc. IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR", False),
     ("Proceedings of the Thirty-Seventh AAAI Conference on Artificial Intelligence", "AAAI", False),
     ("The Eleventh Mystery Venue", None, False)],
)
def test_lookup(name: str, abbr: str | None, workshop: bool) -> None:
    venue, is_workshop = lookup(name)
    assert (venue.abbr if venue else None, is_workshop) == (abbr, workshop)


def test_conference_names_for_merge_conflicts() -> None:
    assert conference_name("ICLR (Oral)") == conference_name("ICLR") == "ICLR"
    assert conference_name("NIPS") == "NeurIPS"
    assert conference_name("TPAMI") is None and conference_name("arXiv") is None and conference_name(None) is None


def test_alternation_trie_matches_what_a_longest_first_alternation_matches():
    """The trie written by ``alternation`` finds, at every position, the match a plain alternation sorted
    longest first finds, also when the rest of the pattern makes the longest word fail (backtracking)."""
    words = ["CVPR", "CVPRW", "CV", "ICML", "ICLR", "IC", "a.b", "a+b", "ECCV Workshop"]
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # an optional year takes the longest word ("CVPRW 2023", not "CVPR"); a tail that makes the longest word fail
    # backtracks into a shorter one ("CVPRX!": "CVPR" + "X!" when "CVPRW" is written "CVPRX")
    texts = ["CVPRW 2023", "CVPR 2023", "CVPRW!", "CV 2020", "ICMLX", "ICL", "a.b 2021", "axb 2021", "a+b 2021",
             "ECCV Workshop 2022", "ECCV Works 2022", "IC 1999 and CVPRW!", "CVPRX!"]
    for tail in (r"(?:\s\d{4})?", r"(?:\s\d{4}|X?(?=!))"):
        for text in texts:
            want = [m.group(0) for m in re.finditer(f"(?:{plain}){tail}", text)]
            got = [m.group(0) for m in re.finditer(f"(?:{alternation(words)}){tail}", text)]
            assert got == want, (tail, text)


def test_venue_names_are_ascii_so_the_case_free_tries_can_be_built_on_lower_case():
    names = [n for v in VENUES for n in (v.abbr, v.title, *v.aliases)]
    assert all(n.isascii() for n in names)


def test_a_venue_in_any_case_with_its_year_is_found_by_the_lower_case_trie():
    assert [(m.name, m.year) for m in find_venues("cvpr 2023, Neurips'22, iclr2024")] == [
        ("CVPR", 2023), ("NeurIPS", 2022), ("ICLR", 2024)]
    full = find_venues("in the international conference on machine learning 2021")
    assert [(m.name, m.year) for m in full] == [("international conference on machine learning", 2021)]
