"""A papers table a column at a time, with the values :func:`diffdata.cells.records` gives its rows, and the
cells of the enriched table as a row at a time made them (each input row copied, every PAPERS column present,
the S2 columns empty): the common cells (a string, None, a list of strings, an int) take a path that skips the
general rule, whose result for them is the same."""

from __future__ import annotations

from typing import Any

import pandas as pd

from diffdata import cells
from diffdata.cells import is_missing, plain


def values(papers: pd.DataFrame, name: str) -> list[Any]:
    """The column's cells as ``records(papers)`` gives them (``plain`` values); Nones when there is no such
    column."""
    if name not in papers.columns:
        return [None] * len(papers)
    series = papers[name]
    if series.dtype != object:  # typed columns: one vectorised pass, as records() does
        return series.astype(object).where(series.notna(), None).tolist()
    return [v if v is None or type(v) in (str, list, int, bool) else plain(v) for v in series.tolist()]


def strings(column: list[Any]) -> list[list[str]]:
    """``cells.strings`` of every cell: a fresh list of the non-blank strings."""
    out = []
    for v in column:
        if type(v) is list:
            kept = [x for x in v if type(x) is str and x.strip()]
            out.append(kept if len(kept) == len(v) else cells.strings(v))
        else:
            out.append(cells.strings(v))
    return out


def texts(column: list[Any]) -> list[str | None]:
    """``cells.text`` of every cell: stripped text, None when missing or blank."""
    return [(v.strip() or None) if type(v) is str else cells.text(v) for v in column]


def wholes(column: list[Any]) -> list[int | None]:
    """``cells.whole`` of every cell."""
    return [v if type(v) is int and -(2**63) < v < 2**63 else cells.whole(v) for v in column]


def present(column: list[Any]) -> list[Any]:
    """Every cell, None when missing (a list is kept, even empty): an object column of the papers frame."""
    return [v if v is None or type(v) is list or (type(v) is str and v.strip()) else (None if is_missing(v) else v)
            for v in column]
