"""The last stage before writing: the tables agree with each other, or the build stops."""

from __future__ import annotations

import pandas as pd


class IntegrityError(RuntimeError):
    """The tables of a build contradict each other (a bug of a stage, never bad input)."""


def check_integrity(papers: pd.DataFrame, occurrences: pd.DataFrame, matches: pd.DataFrame,
                    issues: pd.DataFrame, citations: pd.DataFrame) -> None:
    """Raise :class:`IntegrityError` naming the table and the id when the tables disagree.

    Checked: ``work_id`` and ``citation_key`` are unique in papers (keys compared case-insensitively, as
    BibTeX does); every ``work_id`` named by occurrences, matches, issues (when set) and citations (both
    ends) is in papers; every occurrence has exactly one row in matches, and each work's
    ``occurrence_count`` is the number of its occurrences.
    """
    works = papers["work_id"]
    _unique("papers", "work_id", works)
    if "citation_key" in papers.columns:
        _unique("papers", "citation_key", papers["citation_key"].map(lambda k: k.lower() if isinstance(k, str)
                                                                     else k))
    known = set(works.tolist())  # plain values: a Series of Arrow strings is slow to walk element by element
    for table, frame, columns in (("occurrences", occurrences, ["work_id"]), ("matches", matches, ["work_id"]),
                                  ("issues", issues, ["work_id"]),
                                  ("citations", citations, ["citing_work_id", "cited_work_id"])):
        for column in columns:
            named = frame[column].dropna() if table == "issues" else frame[column]
            unknown = sorted({str(w) for w in named.tolist() if w not in known})
            if unknown:
                raise IntegrityError(f"{table}.{column} names {_some(unknown)}, not in papers")

    _unique("occurrences", "occurrence_id", occurrences["occurrence_id"])
    _unique("matches", "occurrence_id", matches["occurrence_id"])
    unmatched = sorted(set(occurrences["occurrence_id"].tolist()) ^ set(matches["occurrence_id"].tolist()))
    if unmatched:
        raise IntegrityError(f"matches.occurrence_id and occurrences.occurrence_id differ on {_some(unmatched)}")
    size = occurrences.groupby("work_id").size()
    counted = dict(zip(size.index.tolist(), size.tolist(), strict=True))  # a dict: Series.get is slow per work
    for work_id, count in zip(works.tolist(), papers["occurrence_count"].tolist(), strict=True):
        if int(counted.get(work_id, 0)) != count:
            raise IntegrityError(f"papers.occurrence_count of '{work_id}' is {count}, but occurrences has "
                                 f"{int(counted.get(work_id, 0))} mention(s) of it")


def _unique(table: str, column: str, values: pd.Series) -> None:
    doubled = sorted({str(v) for v in values[values.duplicated()]})
    missing = int(values.isna().sum())
    if missing:
        raise IntegrityError(f"{table}.{column} is missing in {missing} row(s)")
    if doubled:
        raise IntegrityError(f"{table}.{column} is not unique: {_some(doubled)}")


def _some(ids: list[str], shown: int = 3) -> str:
    """The first ``shown`` ids, quoted, and how many more."""
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(f"'{i}'" for i in ids[:shown]) + more
