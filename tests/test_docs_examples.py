"""The examples in the parsing and venue modules' docstrings are specifications: they run as tests."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest


@pytest.mark.parametrize("module", ["diffdata.parse", "diffdata.parse.fields", "diffdata.parse.aside", "diffdata.venues"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_the_reading_list_specification_holds() -> None:
    """docs/reading-lists.md: every example of the parse stage's specification runs as written."""
    page = Path(__file__).resolve().parents[1] / "docs" / "reading-lists.md"
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 10 and result.failed == 0
