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


def to_csv(df: pd.DataFrame, schema: pa.Schema) -> str:
    """The table as RFC 4180 CSV text, columns in schema order."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(schema.names)
    types = [schema.field(n).type for n in schema.names]
    for row in df[schema.names].itertuples(index=False, name=None):
        writer.writerow([_cell(v, t) for v, t in zip(row, types, strict=True)])
    return buf.getvalue()
