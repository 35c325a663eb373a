"""Packaging through pyproject.toml alone: the wheel and the sdist carry outputs.PACKAGED, the editable install is
a plain path, and the version is written once."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import diffdata
from diffdata.outputs import PACKAGED

pytest.importorskip("hatchling", reason="the build backend (requirements-dev.txt) builds without network")


def pyproject(root: Path) -> dict:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))


def build(root: Path, hook: str, out: Path) -> Path:
    """Call a PEP 517 hook of the project's backend in the project (as pip and `python -m build` do)."""
    out.mkdir()
    backend = pyproject(root)["build-system"]["build-backend"]
    code = f"import sys, {backend} as b; print(b.{hook}(sys.argv[1]))"
    name = subprocess.run([sys.executable, "-c", code, str(out)], cwd=root, capture_output=True, text=True,
                          timeout=300, check=True).stdout.strip().splitlines()[-1]
    return out / name


def test_no_setup_py_nor_manifest(root: Path) -> None:
    assert not (root / "setup.py").exists() and not (root / "MANIFEST.in").exists()


def test_the_packaged_files_in_pyproject_are_outputs_packaged(root: Path) -> None:
    """The wheel maps processed/ to diffdata/data/; the wheel and the sdist name exactly the PACKAGED files."""
    targets = pyproject(root)["tool"]["hatch"]["build"]["targets"]
    assert targets["wheel"]["sources"]["processed"] == "diffdata/data"
    for target in ("wheel", "sdist"):
        data = [p.removeprefix("processed/") for p in targets[target]["only-include"] if p.startswith("processed/")]
        assert sorted(data) == sorted(PACKAGED), target
        assert "src/diffdata" in targets[target]["only-include"]


def test_the_wheel_carries_the_data_and_the_sdist_the_processed_files(root: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(build(root, "build_wheel", tmp_path / "wheel")) as wheel:
        names = set(wheel.namelist())
    assert {n.removeprefix("diffdata/data/") for n in names if n.startswith("diffdata/data/")} == set(PACKAGED)
    assert "diffdata/__init__.py" in names and "diffdata/s2/client.py" in names
    assert not any(n.startswith(("processed/", "src/", "tests/", "raw/")) for n in names)
    with tarfile.open(build(root, "build_sdist", tmp_path / "sdist")) as sdist:
        members = {m.split("/", 1)[1] for m in sdist.getnames() if "/" in m}
    assert {f"processed/{name}" for name in PACKAGED} <= members
    assert {"pyproject.toml", "README.md", "src/diffdata/__init__.py"} <= members
    assert not any(m.startswith(("raw/", "tests/", "build/")) for m in members)


def test_the_editable_install_is_a_plain_path_to_src(root: Path, tmp_path: Path) -> None:
    """One .pth line naming src/ (no import hook: a Python started with only PYTHONPATH imports it too), and no
    copy of the data (a checkout reads processed/)."""
    with zipfile.ZipFile(build(root, "build_editable", tmp_path / "editable")) as wheel:
        names = wheel.namelist()
        pth = [n for n in names if n.endswith(".pth")]
        assert len(pth) == 1 and wheel.read(pth[0]).decode().splitlines() == [str(root / "src")]
    assert [n for n in names if not n.startswith("diffdata-")] == pth


def test_the_version_is_written_once_in_pyproject(root: Path) -> None:
    """pyproject.toml says it; diffdata.__version__ is the installed metadata; CITATION.cff (which cannot read it)
    says the same."""
    project = pyproject(root)["project"]
    assert "version" not in project.get("dynamic", [])
    assert diffdata.__version__ == metadata.version("diffdata") == project["version"]
    assert f'"{project["version"]}"' not in (root / "src" / "diffdata" / "__init__.py").read_text()
    cff = dict(line.split(": ", 1) for line in (root / "CITATION.cff").read_text().splitlines() if ": " in line)
    assert cff["version"].strip().strip("'\"") == project["version"]


def test_uninstalled_the_version_is_read_from_the_source_tree(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a checkout by PYTHONPATH alone there is no metadata: pyproject.toml of the tree gives the version
    (the outputs are stamped with it, so both ways of running build the same bytes)."""
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert diffdata._version() == pyproject(root)["project"]["version"]
