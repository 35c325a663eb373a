"""Whether a title-match answer is the work the lists name: title similarity, year and authors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from semanticscholar.Paper import Paper

from diffdata import cells, text
from diffdata.s2 import as_paper

TITLE_MATCH_THRESHOLD = 0.90
"""Least title similarity (``fuzz.ratio`` / 100 of normalised titles) for a title match to be accepted."""

YEAR_TOLERANCE = 1
"""Largest accepted difference between the lists' year and Semantic Scholar's for a title match."""


@dataclass(frozen=True)
class TitleCheck:
    """The verdict on a title match: accepted or not, the similarity, and why."""

    accepted: bool
    similarity: float
    reason: str


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles in 0..1: ``fuzz.ratio`` of the normalised titles / 100."""
    return fuzz.ratio(text.title_key(a), text.title_key(b)) / 100.0


def author_names(paper: Paper) -> list[str]:
    """The names of the paper's authors, as Semantic Scholar writes them."""
    return [a.name for a in paper.authors or [] if isinstance(a.name, str)]


def verify_title_match(
    title: str,
    year: int | None,
    authors: Sequence[str],
    paper: Paper | Mapping[str, Any],
    threshold: float = TITLE_MATCH_THRESHOLD,
) -> TitleCheck:
    """Whether ``paper`` (a title-match answer) is the work listed with ``title``, ``year`` and ``authors``.

    Accepted when the title similarity is at least ``threshold``, the years differ by at most
    :data:`YEAR_TOLERANCE` when both are known, and the author surnames overlap when both are known.
    """
    if not isinstance(paper, Paper):
        paper = as_paper(paper)
    s2_title = cells.text(paper.title) or ""
    similarity = round(title_similarity(title, s2_title), 3)
    if similarity < threshold:
        return TitleCheck(False, similarity,
                          f"title similarity {similarity:.2f} < {threshold:.2f} with {s2_title!r}")
    s2_year = cells.whole(paper.year)
    if year is not None and s2_year is not None and abs(year - s2_year) > YEAR_TOLERANCE:
        return TitleCheck(False, similarity, f"year {year} in the lists but {s2_year} for {s2_title!r}")
    listed = text.surnames(authors)
    found = text.surnames(author_names(paper))
    if listed and found and not listed & found:
        return TitleCheck(False, similarity,
                          f"no author in common ({', '.join(sorted(listed))} vs {', '.join(sorted(found))})")
    return TitleCheck(True, similarity, f"title similarity {similarity:.2f}")
