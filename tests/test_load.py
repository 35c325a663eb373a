"""load_papers() & co: the right dtypes, from the checkout and from an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd

import diffdata
from diffdata.schemas import CITATIONS, OCCURRENCES, PAPERS


def test_load_functions_give_typed_frames() -> None:
    papers = diffdata.load_papers()
    assert list(papers.columns) == PAPERS.names
    assert papers.year.dtype == pd.Int64Dtype() and papers.occurrence_count.dtype == pd.Int64Dtype()
    assert papers.arxiv_id.dtype == pd.StringDtype() and papers.work_id.is_unique
    assert isinstance(papers.authors.iloc[0].tolist(), list)
    occ = diffdata.load_occurrences()
    assert list(occ.columns) == OCCURRENCES.names and occ.read.dtype == pd.BooleanDtype()
    assert set(occ.work_id) <= set(papers.work_id)
    assert list(diffdata.load_citations().columns) == CITATIONS.names


def test_docstrings_carry_the_column_table() -> None:
    for fn, schema in ((diffdata.load_papers, PAPERS), (diffdata.load_occurrences, OCCURRENCES)):
        for name in schema.names:
            assert f"    {name} " in fn.__doc__


def test_installed_wheel_ships_the_data(tmp_path: Path, root: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(root)], check=True, timeout=300, capture_output=True)
    wheel = next(wheels.glob("diffdata-*.whl"))
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, timeout=300, capture_output=True)
    code = ("import diffdata, sys; p = diffdata.load_papers(); print(diffdata.__file__); print(len(p)); "
            "print(diffdata.load.data_path('papers.parquet')); print(diffdata.__version__)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True).stdout.split("\n")
    assert out[0].startswith(str(site))
    assert int(out[1]) == len(diffdata.load_papers())
    assert out[2].startswith(str(site))  # read from the wheel's package data, not from a checkout
    assert out[3] == tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]  # its metadata
