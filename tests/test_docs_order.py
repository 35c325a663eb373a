"""The report's most mentioned works and the figure read only the columns they need: the same rows whatever
the table's index and column order."""

from __future__ import annotations

import pandas as pd

from diffdata.docs import build_report, works_per_year_svg


def _papers() -> pd.DataFrame:
    counts = [3, 7, 3, 1, 7, 2, 3, 9, 1, 3, 5, 3, 2]
    return pd.DataFrame({
        "work_id": [f"w{i:02d}" for i in range(len(counts))][::-1], "occurrence_count": counts,
        "title": [f"Title {i}" for i in range(len(counts))], "citation_key": [f"k{i}" for i in range(len(counts))],
        "sources": [["a.md"]] * len(counts), "kind": ["paper", "post"] * 6 + [None],
        "year": [2020, None, 2021, 2020, float("nan"), 2022, 2021, 2020, None, 2023, 2020, 2021, 2022],
        "enrichment_status": ["offline"] * len(counts),
    }, index=[10, 3, 3, 7, 0, 1, 2, 99, 4, 5, 6, 8, 9])  # a duplicated label too


def _top(text: str) -> list[str]:
    part = text.split("Most mentioned works:")[1].split("\n## ")[0]
    return [line.split(" | ")[0].removeprefix("| ") for line in part.splitlines() if line.startswith("| Title")]


def test_most_mentioned_works_by_count_then_work_id() -> None:
    papers = _papers()
    empty = pd.DataFrame({"source": pd.Series([], dtype=object), "work_id": pd.Series([], dtype=object)})
    text = build_report(occurrences=empty, papers=papers, matches=pd.DataFrame({"rule": []}),
                        issues=pd.DataFrame({"kind": [], "work_id": [], "detail": []}),
                        report=pd.DataFrame({"source": [], "line": [], "severity": [], "reason": [], "url": []}),
                        citations=pd.DataFrame({"c": []}))
    ranked = papers.reset_index(drop=True).sort_values(["occurrence_count", "work_id"], ascending=[False, True])
    assert _top(text) == [f"{t} (`k{t.split()[1]}`)" for t in ranked.title.head(10)]


def test_figure_is_the_same_for_any_index_and_extra_columns() -> None:
    papers = _papers()
    svg = works_per_year_svg(papers)
    assert svg == works_per_year_svg(papers.reset_index(drop=True)[["kind", "year"]])
    assert "(10 of 13 works have a year)" in svg
