"""CSV output: RFC 4180, JSON arrays for lists, identifiers kept as strings, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow as pa
import pytest

from diffdata.emit import neutralise, to_csv
from diffdata.schemas import LINK, Column, _schema

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

    df = pd.DataFrame({
        "id": ["a", None, float("nan"), pd.NA, "", "-x", np.str_("=y"), 7],
        "n": pd.array([1, None, 3, 4, 5, 6, 7, 8], dtype="Int64"),
        "tags": [[], np.array([], dtype=object), np.array(["x", "y"]), None, ["=z"], ("t",), [1, 2], {"k": 1}],
        "flag": [True, False, None, np.bool_(True), True, False, True, pd.NA],
        "text": ["+1", "ünïcode", "line\nbreak", None, 3.5, "\tx", "plain", "\rz"],
    })
    assert to_csv(df, SCHEMA) == _per_cell(df, SCHEMA)
    floats = pd.DataFrame({"id": ["a"], "n": [2.0], "tags": [["b"]], "flag": [False], "text": ["c"]})
    assert to_csv(floats, SCHEMA).splitlines()[1] == 'a,2,"[""b""]",false,c'


LINKS = _schema("l", "test", [Column("id", pa.string(), "id"), Column("links", pa.list_(LINK), "links"),
                              Column("year", pa.int64(), "y")])


def _per_cell(df: pd.DataFrame, schema: pa.Schema) -> str:
    """The CSV as the csv module writes it from :func:`_cell`, one cell at a time (the reference)."""
    from diffdata.emit import _cell

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(schema.names)
    types = [schema.field(n).type for n in schema.names]
    for row in df[schema.names].itertuples(index=False, name=None):
        writer.writerow([_cell(v, t) for v, t in zip(row, types, strict=True)])
    return buf.getvalue()


TRICKY = ["plain", "a,b", 'say "hi"', "line\nbreak", "cr\ronly", "crlf\r\n", "", " ", " lead", "trail ",
          "ünïcode ✓ 漢字", "emoji 🙂", "back\\slash", "tab\tinside", "=1+1", "-x", "+y", "@z", "\tt", "\rr",
          "'quoted", "\x7f del", "sep\u2028line", "nul\x00", "ctl\x01\x1f", "bell\b feed\f", '"', ",", "\n"]


@pytest.mark.parametrize("item", TRICKY)
def test_columns_match_per_cell_writer_on_tricky_text(item: str) -> None:
    """Every kind of text, as a cell, in a list and in a link, comes out as the per-cell writer writes it:
    the same quoting (commas, quotes, CR, LF), formula prefixes and JSON escapes."""
    df = pd.DataFrame({"id": [item, "ok", None], "n": pd.array([1, None, -3], dtype="Int64"),
                       "tags": [[item], [item, "b"], []], "flag": [True, False, True],
                       "text": pd.Series([item, None, "x"], dtype="str")})
    assert to_csv(df, SCHEMA) == _per_cell(df, SCHEMA)
    links = pd.DataFrame({"id": ["a", "b"], "links": [[{"label": item, "url": "u"}], [{"url": item, "label": "l"}]],
                          "year": [2020, 2021]})
    assert to_csv(links, LINKS) == _per_cell(links, LINKS)


@pytest.mark.parametrize("case", [
    "empty-vs-missing", "nan-and-na", "floats-whole", "float-not-whole", "all-missing", "mixed-types",
    "links-odd", "lists-odd", "list-nan", "list-text", "list-missing", "bools", "numpy", "big-ints",
])
def test_columns_match_per_cell_writer_on_odd_columns(case: str) -> None:
    """Missing values of every kind, integers stored as floats, mixed columns, lists and links that Arrow
    cannot read as the schema says: the same bytes as the per-cell writer."""
    import numpy as np

    base = {"id": ["a", "b", "c"], "n": [1, 2, 3], "tags": [[], [], []], "flag": [True, True, False],
            "text": ["x", "y", "z"]}
    lk = {"id": ["a", "b", "c"], "links": [[], [], []], "year": [1, 2, 3]}
    cols = {
        "empty-vs-missing": {"id": ["", None, " "], "text": pd.Series(["", None, "v"], dtype="str")},
        "nan-and-na": {"id": [float("nan"), pd.NA, "q"], "n": [float("nan"), 2.0, None],
                       "text": pd.Series([None, None, "w"], dtype=object)},
        "floats-whole": {"n": [2.0, -0.0, 1e15]},
        "float-not-whole": {"n": [2.5, None, 3.0]},
        "all-missing": {"id": [None, None, None], "n": [None, None, None], "tags": [None, None, None],
                       "flag": [None, None, None], "text": [float("nan")] * 3},
        "mixed-types": {"id": ["a", 7, 3.5], "text": [True, "t", None], "n": ["4", 5, None]},
        "links-odd": {},
        "lists-odd": {"tags": [[None], ("t", "u"), [1, 2]]},
        "list-nan": {"tags": [[float("nan")], ["a", float("nan")], ["b"]]},
        "list-text": {"tags": ["ab", ["a", "b"], None]},
        "list-missing": {"tags": [float("nan"), ["a"], None]},
        "bools": {"flag": [np.bool_(False), None, pd.NA]},
        "numpy": {"tags": [np.array(["x", "y"]), np.array([], dtype=object), None],
                  "id": [np.str_("=s"), "b", "c"], "n": np.array([7, 8, 9], dtype=np.int32)},
        "big-ints": {"n": [2**62, -(2**62), 0]},
    }[case]
    df = pd.DataFrame({**base, **cols})
    assert to_csv(df, SCHEMA) == _per_cell(df, SCHEMA)
    for links in ([[{"label": "a"}], [{"label": "b", "url": None}], [None]],
                  [[{"label": "a", "url": "u", "extra": "e"}], [], None],
                  [[{"url": "u", "label": 3}], [{"label": "l", "url": "v"}], []],
                  [[{"label": "a", "url": "u"}, {"label": "b", "url": "v"}], [], None],
                  [[{"label": "a", "url": "u"}], [{"label": "b"}], []],
                  [[{"label": "a", "url": "u"}], [{"label": "b", "url": None}], []],
                  [[{"label": "a", "url": "u"}, None], [], []]):
        frame = pd.DataFrame({**lk, "links": links})
        assert to_csv(frame, LINKS) == _per_cell(frame, LINKS)


def test_exact_bytes_of_lists_links_and_quoting() -> None:
    """The bytes themselves, not only agreement with the per-cell rule."""
    df = pd.DataFrame({"id": ["a,b", None], "links": [[{"url": 'u"1', "label": "L\n"}], []],
                       "year": pd.array([2020, None], dtype="Int64")})
    assert to_csv(df, LINKS) == ('id,links,year\r\n"a,b","[{""label"": ""L\\n"", ""url"": ""u\\""1""}]",2020\r\n'
                                 ",[],\r\n")
    tags = pd.DataFrame({"id": ["-1"], "n": [2.0], "tags": [["ctl\x01", "é"]], "flag": [False], "text": [None]})
    assert to_csv(tags, SCHEMA) == 'id,n,tags,flag,text\r\n\'-1,2,"[""ctl\\u0001"", ""é""]",false,\r\n'


def test_empty_table_and_one_column() -> None:
    assert to_csv(pd.DataFrame({n: [] for n in SCHEMA.names}), SCHEMA) == "id,n,tags,flag,text\r\n"
    one = _schema("one", "test", [Column("id", pa.string(), "id")])
    df = pd.DataFrame({"id": ["", None, "a,b"]})
    assert to_csv(df, one) == 'id\r\n""\r\n""\r\n"a,b"\r\n' == _per_cell(df, one)


def test_rows_are_converted_a_slice_at_a_time_with_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of rows (a column mixed in one slice only, quoting in another) give the text of one pass."""
    import diffdata.emit

    df = pd.DataFrame({
        "id": ["a", "b,c", "=d", "e", "f\ng", "h", "i"],
        "n": [1, 2.0, None, 4, 5, 6, 7],
        "tags": [["x"], [], None, ["y", 'q"z'], [], ["w"], []],
        "flag": [True, False, None, True, True, False, True],
        "text": ["p", "q", 3.5, "r", "s", "t", "u"],
    })
    whole = _per_cell(df, SCHEMA)
    for rows in (1, 2, 3, 7, 8):
        monkeypatch.setattr(diffdata.emit, "CHUNK_ROWS", rows)
        assert to_csv(df, SCHEMA) == whole, rows


def test_the_bytes_are_the_utf8_of_the_text_across_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """csv_bytes (what the pipeline writes) is the per-cell text in UTF-8, whichever slice holds a non-ASCII cell."""
    import diffdata.emit
    from diffdata.emit import csv_bytes

    df = pd.DataFrame({
        "id": ["a", "é", "b", "日本", "c"],
        "n": [1, 2, 3, 4, 5],
        "tags": [["ü"], [], ["x"], ["😀", "y"], []],
        "flag": [True, False, True, False, True],
        "text": ["p", "q,r", "Ωmega", "s", "=t"],
    })
    whole = _per_cell(df, SCHEMA).encode("utf-8")
    for rows in (1, 2, 5, 6):
        monkeypatch.setattr(diffdata.emit, "CHUNK_ROWS", rows)
        out = csv_bytes(df, SCHEMA)
        assert isinstance(out, bytes) and out == whole, rows
    assert csv_bytes(df[["id"]], pa.schema([("id", pa.string())])) == "id\r\na\r\né\r\nb\r\n日本\r\nc\r\n".encode()
