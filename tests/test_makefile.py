"""The Makefile: `make all` builds whatever the lists are named, and rebuilds exactly when one changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LIST = "- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)\n"


@pytest.fixture
def tree(root: Path, tmp_path: Path) -> Path:
    """A project with the real Makefile, a stand-in venv (this Python) and lists with awkward names."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shutil.copy(root / "Makefile", tmp_path / "Makefile")
    for name in ("requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_text("")
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").symlink_to(sys.executable)
    stamp = tmp_path / ".venv" / ".runtime-installed"
    stamp.write_text("")
    os.utime(stamp, (os.path.getmtime(stamp) + 5,) * 2)  # newer than the requirements: no pip install
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    for name in ("my list.md", "a:b.md", "plain.md"):
        (lists / name).write_text(LIST.replace("Denoising", f"{name} Denoising"))
    return tmp_path


def make(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "-C", str(tree), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def test_lists_named_with_a_space_or_a_colon_build_and_rebuild_only_when_changed(tree: Path) -> None:
    first = make(tree, "all")
    assert first.returncode == 0, first.stdout + first.stderr
    occurrences = (tree / "processed" / "occurrences.csv").read_text()
    assert "my list.md" in occurrences and "a:b.md" in occurrences
    assert make(tree, "-q", "all").returncode == 0  # up to date: nothing to redo
    changed = tree / "raw" / "lists" / "my list.md"
    changed.write_text(LIST + "- [Another](https://arxiv.org/abs/2010.02502)\n")
    os.utime(changed, (os.path.getmtime(changed) + 10,) * 2)
    assert make(tree, "-q", "all").returncode == 1  # a changed list with a space in its name is seen
    again = make(tree, "all")
    assert again.returncode == 0, again.stderr
    assert "2010.02502" in (tree / "processed" / "occurrences.csv").read_text()
    os.utime(tree / "processed" / "occurrences.parquet", (os.path.getmtime(changed) + 5,) * 2)
    assert make(tree, "-q", "all").returncode == 0


FAKE_PIP = """#!/bin/sh
# stands in for .venv/bin/python -m pip install: logs when it starts and ends, and takes a while
echo "start $$" >> "{log}"
sleep 0.4
echo "end $$" >> "{log}"
"""


def test_concurrent_makes_update_the_venv_one_after_the_other(tree: Path) -> None:
    log = tree / "pip.log"
    fake = tree / "fake-python"
    fake.write_text(FAKE_PIP.format(log=log))
    fake.chmod(0o755)
    (tree / "requirements.txt").write_text("changed\n")
    os.utime(tree / "requirements.txt", (os.path.getmtime(tree / ".venv" / ".runtime-installed") + 5,) * 2)
    procs = [subprocess.Popen(["make", "-C", str(tree), f"VPY={fake}", "venv"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    events = log.read_text().split("\n")[:-1]
    assert len(events) >= 4 and len(events) % 2 == 0
    for i in range(0, len(events), 2):  # each pip run ends before the next one starts
        start, end = events[i].split(), events[i + 1].split()
        assert (start[0], end[0], start[1]) == ("start", "end", end[1]), events


def test_the_makefile_targets_are_the_declared_outputs(root: Path) -> None:
    """The Makefile's OUTPUTS (its targets) are diffdata.outputs.OUTPUTS, its FIRST_OUTPUT the first of them."""
    import re

    from diffdata.outputs import OUTPUTS

    text = (root / "Makefile").read_text().replace("\\\n", " ")
    variables = dict(re.findall(r"^([A-Z_]+) :?= *(.*)$", text, flags=re.M))
    first = variables["FIRST_OUTPUT"].strip()
    listed = [first if word == "$(FIRST_OUTPUT)" else word for word in variables["OUTPUTS"].split()]
    assert listed == [f"processed/{name}" for name in OUTPUTS]
    assert first == f"processed/{OUTPUTS[0]}"


def test_every_source_module_is_a_prerequisite(root: Path) -> None:
    """A change in any module, those of the subpackages (parse/, s2/) included, rebuilds the dataset."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(["make", "-C", str(root), "--no-print-directory", "--eval", "print-src: ; @echo $(SRC)",
                          "print-src"], capture_output=True, text=True, timeout=60, check=True).stdout.split()
    modules = sorted(str(p.relative_to(root)) for p in (root / "src" / "diffdata").rglob("*.py"))
    assert sorted(out) == modules
