"""CSV output: RFC 4180, JSON arrays for lists, identifiers kept as strings, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow as pa
import pytest

from diffdata.emit import neutralise, to_csv
from diffdata.schemas import Column, _schema

SCHEMA = _schema("t", "test", [
    Column("id", pa.string(), "id"), Column("n", pa.int64(), "n"), Column("tags", pa.list_(pa.string()), "t"),
    Column("flag", pa.bool_(), "f"), Column("text", pa.string(), "x"),
])


@pytest.mark.parametrize(
    ("cell", "out"),
    [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("Denoising", "Denoising"), ("a=b", "a=b")],
    ids=["equals", "plus", "minus", "at", "tab", "cr", "plain", "inner-equals"],
)
def test_neutralise(cell: str, out: str) -> None:
    assert neutralise(cell) == out


def test_csv_round_trip() -> None:
    df = pd.DataFrame([
        {"id": "2010.02500", "n": 3, "tags": ["a", "b, \"c\""], "flag": True, "text": "line\nbreak, comma"},
        {"id": "2006.11239", "n": None, "tags": [], "flag": False, "text": "=1+1"},
    ])
    text = to_csv(df, SCHEMA)
    assert text.startswith("id,n,tags,flag,text\r\n") and text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["id"] == "2010.02500" and rows[0]["n"] == "3" and rows[1]["n"] == ""
    assert json.loads(rows[0]["tags"]) == ["a", "b, \"c\""] and json.loads(rows[1]["tags"]) == []
    assert rows[0]["flag"] == "true" and rows[0]["text"] == "line\nbreak, comma" and rows[1]["text"] == "'=1+1"
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back.id.tolist() == ["2010.02500", "2006.11239"]  # not floats


def test_columns_are_written_as_each_cell_would_be() -> None:
    """to_csv converts a column at a time; every kind of cell comes out as the per-cell rule writes it."""
    import numpy as np

    from diffdata.emit import _cell

    df = pd.DataFrame({
        "id": ["a", None, float("nan"), pd.NA, "", "-x", np.str_("=y"), 7],
        "n": pd.array([1, None, 3, 4, 5, 6, 7, 8], dtype="Int64"),
        "tags": [[], np.array([], dtype=object), np.array(["x", "y"]), None, ["=z"], ("t",), [1, 2], {"k": 1}],
        "flag": [True, False, None, np.bool_(True), True, False, True, pd.NA],
        "text": ["+1", "ünïcode", "line\nbreak", None, 3.5, "\tx", "plain", "\rz"],
    })
    text = to_csv(df, SCHEMA)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(SCHEMA.names)
    types = [SCHEMA.field(n).type for n in SCHEMA.names]
    for row in df[SCHEMA.names].itertuples(index=False, name=None):
        writer.writerow([_cell(v, t) for v, t in zip(row, types, strict=True)])
    assert text == buf.getvalue()
    floats = pd.DataFrame({"id": ["a"], "n": [2.0], "tags": [["b"]], "flag": [False], "text": ["c"]})
    assert to_csv(floats, SCHEMA).splitlines()[1] == 'a,2,"[""b""]",false,c'
