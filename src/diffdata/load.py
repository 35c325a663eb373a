"""Load the built dataset as pandas DataFrames, from a checkout or from an installed wheel.

In a checkout (or an editable install) the files are read from the repository's ``processed/``; an installed
wheel carries them as package data (``diffdata/data/``), read through :mod:`importlib.resources`. Integer
columns come back as nullable ``Int64``, text as ``string``, lists as arrays of Python objects.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from diffdata.outputs import PACKAGED
from diffdata.schemas import CITATIONS, OCCURRENCES, PAPERS, descriptions, type_name

_REPO_PROCESSED = Path(__file__).resolve().parents[2] / "processed"


def data_path(name: str) -> Path:
    """Where a dataset file (one of :data:`diffdata.outputs.PACKAGED`) is: the checkout's processed/ first,
    else the installed package's data."""
    if name not in PACKAGED:
        raise ValueError(f"{name}: not a packaged dataset file ({', '.join(PACKAGED)})")
    local = _REPO_PROCESSED / name
    if local.is_file():
        return local
    packaged = resources.files("diffdata") / "data" / name
    if packaged.is_file():
        return Path(str(packaged))
    raise FileNotFoundError(f"{name}: not in {_REPO_PROCESSED} nor in the installed package (run `make all`)")


def _types(t: pa.DataType) -> object:
    if pa.types.is_integer(t):
        return pd.Int64Dtype()
    if pa.types.is_boolean(t):
        return pd.BooleanDtype()
    if pa.types.is_string(t):
        return pd.StringDtype()
    return None


def _load(name: str, schema: pa.Schema) -> pd.DataFrame:
    table = pq.read_table(data_path(name))
    return table.select(schema.names).to_pandas(types_mapper=_types)


def load_papers() -> pd.DataFrame:
    return _load("papers.parquet", PAPERS)


def load_occurrences() -> pd.DataFrame:
    return _load("occurrences.parquet", OCCURRENCES)


def load_citations() -> pd.DataFrame:
    return _load("citations.parquet", CITATIONS)


def column_table(schema: pa.Schema) -> str:
    """A plain-text table of a schema's columns, types and descriptions (used in the docstrings)."""
    rows = [(n, type_name(schema.field(n).type), d) for n, d in descriptions(schema).items()]
    width = max(len(r[0]) for r in rows)
    twidth = max(len(r[1]) for r in rows)
    return "\n".join(f"    {n:<{width}}  {t:<{twidth}}  {d}" for n, t, d in rows)


for _fn, _schema, _what in (
    (load_papers, PAPERS, "one row per distinct work"),
    (load_occurrences, OCCURRENCES, "one row per mention of a work in a reading list"),
    (load_citations, CITATIONS, "one row per citation edge between works of the dataset"),
):
    _fn.__doc__ = (f"The ``{_schema.metadata[b'table'].decode()}`` table as a DataFrame: {_what}.\n\n"
                   f"Columns:\n\n{column_table(_schema)}\n")
