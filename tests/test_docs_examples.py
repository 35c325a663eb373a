"""The examples in the parsing and venue modules' docstrings are specifications: they run as tests."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest


@pytest.mark.parametrize("module", ["diffdata.parse", "diffdata.parse.fields", "diffdata.parse.aside", "diffdata.venues",
                                    "diffdata.parse.siblings", "diffdata.parse.titlegive",
                                    "diffdata.parse.intro", "diffdata.parse.bibfence", "diffdata.parse.pymdown",
                                    "diffdata.parse.narrative", "diffdata.parse.tagged", "diffdata.parse.notesmarkup"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(("page", "at_least"), [("reading-lists.md", 10), ("bibtex.md", 5), ("merge-rules.md", 20),
                                                 ("enrichment.md", 40)])
def test_the_specifications_hold(page: str, at_least: int) -> None:
    """docs/*.md: every example of a stage's specification runs as written."""
    path = Path(__file__).resolve().parents[1] / "docs" / page
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > at_least and result.failed == 0
