"""Table cells as plain Python values: missing markers, numpy scalars and arrays, text, whole numbers, lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd


def is_missing(value: object) -> bool:
    """None, pandas' NA/NaT, a float NaN, or a blank string."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def plain(value: object) -> object:
    """``value`` with pandas' missing markers (NaN, NA, NaT) as None and numpy scalars and arrays as Python
    values and lists; a blank string stays as it is."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()
    return value


def text(value: Any) -> str | None:
    """The cell as stripped text, None when missing or blank."""
    return None if is_missing(value) else str(value).strip()


def whole(value: Any) -> int | None:
    """The cell as an int that an Int64 column holds, else None."""
    if is_missing(value):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if -(2**63) < number < 2**63 else None


def strings(value: Any) -> list[str]:
    """A fresh list of strings from a list-like cell (list, tuple, numpy array), a string, or a missing value."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and value != value):
        return [value] if isinstance(value, str) and value else []
    try:
        return [str(v) for v in list(value) if not is_missing(v)]
    except TypeError:
        return []


def plain_columns(df: pd.DataFrame, names: Iterable[str] | None = None) -> dict[str, list]:
    """The columns ``names`` (default: all) as lists of plain values (:func:`plain`); a missing column is Nones."""
    columns: dict[str, list] = {}
    for name in df.columns if names is None else names:
        if name not in df.columns:
            columns[name] = [None] * len(df)
            continue
        series = df[name]
        if series.dtype == object:
            columns[name] = [plain(v) for v in series.tolist()]
        else:  # typed columns: one vectorised pass (pandas' missing markers become None)
            columns[name] = series.astype(object).where(series.notna(), None).tolist()
    return columns


def records(df: pd.DataFrame) -> list[dict]:
    """The rows as dicts of plain values (:func:`plain`)."""
    columns = plain_columns(df)
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
