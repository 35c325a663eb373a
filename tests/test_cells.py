"""Cell conversion, declared once (diffdata.cells), and no module reaching into another's private names."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diffdata import cells, schemas

SRC = Path(__file__).resolve().parents[1] / "src" / "diffdata"


@pytest.mark.parametrize("value", [None, pd.NA, pd.NaT, math.nan, np.float64("nan"), "", "  \t"])
def test_missing_values(value: object) -> None:
    assert cells.is_missing(value)
    assert cells.text(value) is None and cells.whole(value) is None
    assert cells.strings(value) == ([] if not isinstance(value, str) or not value else [value])


def test_plain_values() -> None:
    assert cells.plain(np.int64(3)) == 3 and type(cells.plain(np.int64(3))) is int
    assert cells.plain(np.array(["a", "b"])) == ["a", "b"]
    assert cells.plain(pd.NA) is None and cells.plain(math.nan) is None and cells.plain(" ") == " "


def test_text_whole_and_strings() -> None:
    assert cells.text("  DDPM ") == "DDPM" and cells.text(2020) == "2020"
    assert cells.whole("2020") == 2020 and cells.whole(np.int64(7)) == 7
    assert cells.whole(2**63) is None and cells.whole("twenty") is None  # not what an Int64 column holds
    assert cells.strings(np.array(["Ho", None, "Jain"], dtype=object)) == ["Ho", "Jain"]
    assert cells.strings("Ho") == ["Ho"] and cells.strings(5) == []


def test_records_turn_missing_markers_into_none() -> None:
    df = pd.DataFrame({"year": pd.array([2020, None], dtype="Int64"), "title": ["a", math.nan],
                       "authors": [np.array(["x"]), []]})
    assert cells.records(df) == [{"year": 2020, "title": "a", "authors": ["x"]},
                                 {"year": None, "title": None, "authors": []}]


def test_declared_once() -> None:
    assert schemas.is_missing is cells.is_missing and schemas.records is cells.records


def test_no_private_name_is_imported_from_another_module() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("diffdata"):
                found += [f"{path.name}: {alias.name} from {node.module}" for alias in node.names
                          if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not found
