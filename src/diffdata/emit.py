"""Tables as CSV text (pure: the pipeline writes it).

CSV follows RFC 4180: UTF-8, CRLF line ends, a header row, fields quoted when needed. List and struct columns
are JSON arrays; integers are written without a decimal point; missing values are empty. A text cell that a
spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
prefixed with a single quote ``'`` in the CSV only; the Parquet files keep the text as written.
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow as pa

from diffdata.cells import plain

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a cell that a spreadsheet would evaluate as a formula with ``'``."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _cell(value: object, t: pa.DataType) -> str:
    value = plain(value)
    if value is None:
        return ""
    if pa.types.is_list(t) or pa.types.is_struct(t):
        return neutralise(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if pa.types.is_boolean(t):
        return "true" if value else "false"
    if pa.types.is_integer(t):
        return str(int(value))
    return neutralise(str(value))


def _column(values: list, t: pa.DataType) -> list[str]:
    """The cells of one column as text, exactly as :func:`_cell` writes each; the common cells (a string, an
    int, an empty list, a bool) take a path that skips the per-cell type dispatch."""
    if pa.types.is_list(t) or pa.types.is_struct(t):
        return ["[]" if (type(v) is list and not v) else _cell(v, t) for v in values]
    if pa.types.is_boolean(t):
        return [("true" if v else "false") if type(v) is bool else _cell(v, t) for v in values]
    if pa.types.is_integer(t):
        return [str(v) if type(v) is int else _cell(v, t) for v in values]
    return [(("'" + v if v.startswith(FORMULA_PREFIXES) else v) if type(v) is str else _cell(v, t))
            for v in values]


def to_csv(df: pd.DataFrame, schema: pa.Schema) -> str:
    """The table as RFC 4180 CSV text, columns in schema order (converted a column at a time)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(schema.names)
    columns = [_column(df[name].tolist(), schema.field(name).type) for name in schema.names]
    writer.writerows(zip(*columns, strict=True))
    return buf.getvalue()
