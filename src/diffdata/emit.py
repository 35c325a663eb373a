"""Tables as CSV text (pure: the pipeline writes it).

CSV follows RFC 4180: UTF-8, CRLF line ends, a header row, fields quoted when needed. List and struct columns
are JSON arrays; integers are written without a decimal point; missing values are empty. A text cell that a
spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
prefixed with a single quote ``'`` in the CSV only; the Parquet files keep the text as written.

The text is made a column at a time with Arrow compute functions (a column of cell texts, then the quoted
fields joined into lines), with exactly the bytes that :func:`_cell` and :mod:`csv`'s ``QUOTE_MINIMAL``
writer give; a column whose cells Arrow cannot read as the schema's type (text mixed with numbers, a float that
is not whole, a list holding numbers, ...) is converted one cell at a time by :func:`_cell`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from diffdata.cells import plain

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 5_000  # rows converted together: Arrow's intermediate columns hold this many rows at most
_FORMULA_RE = "^[=+@\t\r-]"
_QUOTE_RE = '[,"\r\n]'  # what csv's QUOTE_MINIMAL writer quotes for: the delimiter, the quote, a line break
_JSON_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\b", "\\b"),
                 ("\f", "\\f"))  # json's escapes with ensure_ascii=False, backslash first
_OTHER_CONTROL_RE = "[\x00-\x07\x0b\x0e-\x1f]"  # written as \\u00XX by json: left to the per-cell rule
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def neutralise(text: str) -> str:
    """Prefix a cell that a spreadsheet would evaluate as a formula with ``'``."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _cell(value: object, t: pa.DataType) -> str:
    value = plain(value)
    if value is None:
        return ""
    if pa.types.is_list(t) or pa.types.is_struct(t):
        return neutralise(_JSON.encode(value))
    if pa.types.is_boolean(t):
        return "true" if value else "false"
    if pa.types.is_integer(t):
        return str(int(value))
    return neutralise(str(value))


def _column(values: list, t: pa.DataType) -> list[str]:
    """The cells of one column as text, one cell at a time, exactly as :func:`_cell` writes each; the common
    cells (a string, an int, an empty list, a bool) take a path that skips the per-cell type dispatch."""
    if pa.types.is_list(t) or pa.types.is_struct(t):
        return ["[]" if (type(v) is list and not v) else _cell(v, t) for v in values]
    if pa.types.is_boolean(t):
        return [("true" if v else "false") if type(v) is bool else _cell(v, t) for v in values]
    if pa.types.is_integer(t):
        return [str(v) if type(v) is int else _cell(v, t) for v in values]
    return [(("'" + v if v.startswith(FORMULA_PREFIXES) else v) if type(v) is str else _cell(v, t))
            for v in values]


def _spans(texts: pa.Array) -> tuple[bytes, np.ndarray]:
    """The bytes of the strings of a string array end to end (with what its null slots point at, if
    anything), and where each string starts in them (then where the last one ends)."""
    if len(texts) == 0 or texts.buffers()[2] is None:
        return b"", np.zeros(len(texts) + 1, np.int64)
    offset_type = np.int64 if pa.types.is_large_string(texts.type) else np.int32
    offsets = np.frombuffer(texts.buffers()[1], offset_type)[texts.offset:texts.offset + len(texts) + 1]
    start, end = int(offsets[0]), int(offsets[-1])
    return texts.buffers()[2].slice(start, end - start).to_pybytes(), offsets - start


def _data(texts: pa.Array) -> bytes:
    """The strings' bytes end to end: a character that is in none of these bytes is in none of the strings."""
    return _spans(texts)[0]


_FORMULA_BYTES = np.frombuffer(b"=+@\t\r-", np.uint8)


def _may_open_formula(texts: pa.Array) -> bool:
    """Whether a string may start with a character of :data:`FORMULA_PREFIXES` (all ASCII: a first byte)."""
    data, offsets = _spans(texts)
    starts = offsets[:-1][offsets[1:] > offsets[:-1]]
    return bool(np.isin(np.frombuffer(data, np.uint8)[starts], _FORMULA_BYTES).any())


def _large(part: pa.Array | str) -> pa.Array | pa.Scalar:
    return pa.scalar(part, pa.large_string()) if isinstance(part, str) else part.cast(pa.large_string())


def _join(*parts: pa.Array | str, sep: str = "") -> pa.Array:
    """The element-wise concatenation of arrays and constant strings (null where an array is null)."""
    return pc.binary_join_element_wise(*map(_large, parts), _large(sep))


def _json_strings(values: pa.Array) -> pa.Array | None:
    """Each string as json writes it (quoted, escaped; null as ``null``), or None when one holds a control
    character that json writes as ``\\u00XX``."""
    data = _data(values)
    if (b"\\" in data or b'"' in data or bool((np.frombuffer(data, np.uint8) < 0x20).any())) and pc.any(
            pc.match_substring_regex(values, '[\x00-\x1f\\\\"]')).as_py():
        if pc.any(pc.match_substring_regex(values, _OTHER_CONTROL_RE)).as_py():
            return None
        for old, new in _JSON_ESCAPES:
            values = pc.replace_substring(values, old, new)
    return pc.fill_null(_join('"', values, '"'), "null")


def _json_items(items: pa.Array) -> pa.Array | None:
    """The items of a list column as json writes them (strings, or objects of strings, keys sorted), or None
    when they are of another kind."""
    t = items.type
    if pa.types.is_null(t):
        return pc.fill_null(items.cast(pa.large_string()), "null")
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return _json_strings(items)
    if not pa.types.is_struct(t) or t.num_fields == 0 or items.null_count:
        return None
    fields = {t.field(i).name: items.field(i) for i in range(t.num_fields)}  # type: ignore[attr-defined]
    parts: list[pa.Array | str] = ["{"]
    for i, name in enumerate(sorted(fields)):
        field = fields[name]
        if field.null_count or not (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            return None  # a missing key and a null value look alike in Arrow: the per-cell rule tells them apart
        encoded = _json_strings(field)
        if encoded is None:
            return None
        parts += [", " if i else "", json.dumps(name, ensure_ascii=False) + ": ", encoded]
    return _join(*parts, "}")


def _list_texts(arr: pa.Array) -> pa.Array | None:
    """A list column as JSON arrays (``[]`` when empty, null when missing), or None when it cannot be."""
    if not (pa.types.is_list(arr.type) or pa.types.is_large_list(arr.type)):
        return None
    items = _json_items(arr.values)
    if items is None:
        return None
    lists = type(arr).from_arrays(arr.offsets, items, mask=arr.is_null())
    return _join("[", pc.binary_join(lists, _large(", ")), "]")


def _texts(series: pd.Series, t: pa.DataType) -> pa.Array | None:
    """The column's cell texts (null when missing) as :func:`_cell` writes them, or None when Arrow does not
    read the column as the schema says."""
    try:  # inside a list, NaN is no missing value (json writes it NaN): pandas' missing markers only for cells
        arr = pa.array(series, from_pandas=not pa.types.is_list(t))
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.null_count == len(arr):
        return pa.nulls(len(arr), pa.large_string())
    if pa.types.is_list(t):
        return _list_texts(arr)
    if pa.types.is_boolean(t):
        return arr.cast(pa.large_string()) if pa.types.is_boolean(arr.type) else None
    if pa.types.is_integer(t):
        if not (pa.types.is_integer(arr.type) or pa.types.is_floating(arr.type)):
            return None
        try:  # a float that is not whole, or too large, is left to the per-cell rule
            return arr.cast(pa.int64()).cast(pa.large_string())
        except (pa.ArrowException, OverflowError):
            return None
    if pa.types.is_string(t) and (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        if not _may_open_formula(arr):
            return arr.cast(pa.large_string())
        formula = pc.match_substring_regex(arr, _FORMULA_RE)
        return pc.if_else(formula, _join("'", arr), arr).cast(pa.large_string())
    return None


def _field(series: pd.Series, t: pa.DataType) -> pa.Array:
    """The column as CSV fields: its cell texts, quoted when needed, missing cells empty."""
    texts = _texts(series, t)
    if texts is None:
        texts = pa.array(_column(series.tolist(), t), type=pa.large_string())
    texts = pc.fill_null(texts, "")
    data = _data(texts)  # searched whole first: most columns hold none of these characters
    if not any(ch in data for ch in (b",", b'"', b"\r", b"\n")):
        return texts
    needs = pc.match_substring_regex(texts, _QUOTE_RE)
    if pc.any(needs).as_py():
        texts = pc.if_else(needs, _join('"', pc.replace_substring(texts, '"', '""'), '"'), texts)
    return texts


def _header(names: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(names)
    return buf.getvalue()


def to_csv(df: pd.DataFrame, schema: pa.Schema) -> str:
    """The table as RFC 4180 CSV text, columns in schema order (see :func:`csv_bytes`)."""
    return csv_bytes(df, schema).decode("utf-8")


def csv_bytes(df: pd.DataFrame, schema: pa.Schema) -> bytes:
    """The table as RFC 4180 CSV in UTF-8, columns in schema order (the pieces of :func:`csv_pieces`, joined)."""
    return b"".join(csv_pieces(df, schema))


def csv_pieces(df: pd.DataFrame, schema: pa.Schema) -> Iterator[bytes]:
    """The bytes of :func:`csv_bytes`, made a piece at a time as they are read: the header, then ``CHUNK_ROWS``
    rows at a time, converted a column at a time; each slice's text goes from Arrow to bytes with no Python
    string between (a table of one column is written by :mod:`csv`, for its rule on empty fields)."""
    if len(schema) < 2:  # csv writes a row of one empty field as '""': the plain writer keeps that rule
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(schema.names)
        columns = [_column(df[name].tolist(), schema.field(name).type) for name in schema.names]
        writer.writerows(zip(*columns, strict=True))
        yield buf.getvalue().encode("utf-8")
        return
    yield _header(schema.names).encode("utf-8")
    for start in range(0, len(df), CHUNK_ROWS):  # a slice of rows at a time, so that only its cell texts are held
        rows = df.iloc[start:start + CHUNK_ROWS]
        fields = [_field(rows[name], schema.field(name).type) for name in schema.names]
        lines = _join(*fields, sep=",")
        body = pc.binary_join(pa.LargeListArray.from_arrays(pa.array([0, len(lines)], pa.int64()), lines),
                              _large("\r\n"))
        yield body.cast(pa.large_binary())[0].as_py() + b"\r\n"
