"""The examples in the parsing and venue modules' docstrings are specifications: they run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["diffdata.parse", "diffdata.parse.fields", "diffdata.parse.aside", "diffdata.venues"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
