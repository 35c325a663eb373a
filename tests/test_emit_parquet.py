"""The Arrow tables behind the Parquet files: an object column of plain cells is converted as it is, the
others one cell at a time through ``plain``; both give the same table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from diffdata.cells import plain
from diffdata.schemas import to_arrow

SCHEMA = pa.schema([pa.field("text", pa.string()), pa.field("items", pa.list_(pa.string())),
                    pa.field("n", pa.int64()), pa.field("flag", pa.bool_())])


def _by_cell(df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_arrays([pa.array([plain(v) for v in df[f.name].tolist()], type=f.type, from_pandas=True)
                                 for f in SCHEMA], schema=SCHEMA)


@pytest.mark.parametrize("odd", [
    pytest.param({}, id="plain-cells"),
    pytest.param({"text": float("nan"), "items": np.array(["x", "y"], dtype=object), "n": np.int64(7),
                  "flag": np.bool_(True)}, id="numpy-and-nan"),
    pytest.param({"text": pd.NA, "items": None, "n": float("nan"), "flag": None}, id="missing-markers"),
])
def test_object_columns_convert_as_plain_cells(odd: dict) -> None:
    rows = [{"text": "a", "items": ["x"], "n": 1, "flag": False}, {"text": None, "items": [], "n": None,
                                                                   "flag": True}, {**{"text": "b"}, **odd}]
    df = pd.DataFrame(rows, dtype=object)
    df = df.reindex(columns=SCHEMA.names)
    assert to_arrow(df, SCHEMA).equals(_by_cell(df))
