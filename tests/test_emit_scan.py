"""CSV columns are searched whole before the per-row rules run (quoting, formulas, JSON escapes): the bytes
are those of the per-cell writer wherever the one special cell is, in slices of a shared Arrow buffer too."""

from __future__ import annotations

import csv
import io
import random

import pandas as pd
import pyarrow as pa
import pytest

import diffdata.emit
from diffdata.emit import _cell, _data, csv_bytes
from diffdata.schemas import LINK, Column, _schema

SCHEMA = _schema("s", "test", [
    Column("id", pa.string(), "id"), Column("text", pa.string(), "x"), Column("tags", pa.list_(pa.string()), "t"),
    Column("links", pa.list_(LINK), "l"),
])
SPECIAL = [",", '"', "\r", "\n", "=", "+", "-", "@", "\t", "\\", "\x01", "\x1f", "é", "🙂", ""]


def _per_cell(df: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(SCHEMA.names)
    types = [f.type for f in SCHEMA]
    for row in df[SCHEMA.names].itertuples(index=False, name=None):
        writer.writerow([_cell(v, t) for v, t in zip(row, types, strict=True)])
    return buf.getvalue().encode()


def _table(special: str, at: int, n: int, dtype: object) -> pd.DataFrame:
    ids = [f"id{i}" for i in range(n)]
    texts: list[str | None] = [f"text {i}" if i % 3 else None for i in range(n)]
    texts[at] = special + "x" if at % 2 else "x" + special
    tags = [[f"t{i}"] if i % 2 else [] for i in range(n)]
    tags[at] = [special]
    links = [[{"label": "l", "url": "u"}] for _ in range(n)]
    links[at] = [{"label": special, "url": "u"}]
    return pd.DataFrame({"id": pd.Series(ids, dtype=dtype), "text": pd.Series(texts, dtype=dtype),
                         "tags": tags, "links": links})


@pytest.mark.parametrize("dtype", [object, "str", pd.ArrowDtype(pa.large_string())], ids=str)
def test_one_special_cell_anywhere(dtype: object, monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(7)
    for special in SPECIAL:
        n = rnd.randint(5, 12)
        df = _table(special, rnd.randrange(n), n, dtype)
        want = _per_cell(df)
        for rows in (1, 3, n):
            monkeypatch.setattr(diffdata.emit, "CHUNK_ROWS", rows)
            assert csv_bytes(df, SCHEMA) == want, (special, rows)


def test_data_of_a_slice_is_its_own_strings() -> None:
    arr = pa.array(["ab", None, "", "c,d", "e"], pa.large_string())
    assert _data(arr) == b"abc,de"
    assert _data(arr.slice(3)) == b"c,de" and _data(arr.slice(4)) == b"e" and _data(arr.slice(1, 2)) == b""
    assert _data(pa.array(["x", "y,"], pa.string()).slice(1)) == b"y,"
    assert _data(pa.array([], pa.string())) == b"" and _data(pa.array(["", None], pa.string())) == b""
