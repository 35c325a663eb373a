"""The command line: documented commands, clear messages, exit codes, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from diffdata.cli import EXAMPLES, _parser


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "diffdata", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_every_command_is_documented_with_an_example() -> None:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(EXAMPLES)
    for name, parser in sub.choices.items():
        assert parser.description or parser.format_help().count("\n") > 3, name
        assert EXAMPLES[name] in parser.format_help().replace("\n", " ").replace("  ", " ") or \
            "example:" in parser.format_help()


@pytest.mark.parametrize("command", ["build", "parse", "add-list"])
def test_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "example:" in result.stdout


def test_build_with_bad_lists_still_builds_the_good_ones(tmp_path: Path) -> None:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "good.md").write_text("# L\n\n- [DDPM](https://arxiv.org/abs/2006.11239)\n")
    (lists / "empty.md").write_text("")
    (lists / "binary.md").write_bytes(b"\x00\x01\x02")
    (lists / "latin1.md").write_bytes(b"# T\n\ncaf\xe9\n")
    (lists / "prose.md").write_text("# Nothing\n\nno links here\n")
    result = run("build", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for expected in ("error: binary.md:1: binary file", "error: latin1.md:3: not valid UTF-8",
                     "warning: empty.md: empty file", "warning: prose.md: no entries found"):
        assert expected in result.stderr, result.stderr
    occ = pd.read_parquet(tmp_path / "processed" / "occurrences.parquet")
    assert occ.source.tolist() == ["good.md"]
    assert (tmp_path / "raw" / "citation_keys.csv").read_text().splitlines()[1].startswith("ddpm2020200611239,arxiv:2006.11239,")


def test_build_outside_a_checkout_is_a_clean_error(tmp_path: Path) -> None:
    result = run("build", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("diffdata: error: no raw/lists/ folder")
    assert "Traceback" not in result.stderr


def test_parse_command_prints_json_lines(tmp_path: Path) -> None:
    f = tmp_path / "l.md"
    f.write_text("- [DDPM](https://arxiv.org/abs/2006.11239v2)\n")
    result = run("parse", str(f))
    assert result.returncode == 0
    assert '"arxiv_id": "2006.11239"' in result.stdout and '"occurrence_id": "l.md:1"' in result.stdout


def test_bad_registry_is_a_clean_error(tmp_path: Path) -> None:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "good.md").write_text("- [DDPM](https://arxiv.org/abs/2006.11239)\n")
    (tmp_path / "raw" / "citation_keys.csv").write_text("citation_key,work_id,kind,title_key\nx y,w,paper,\n")
    result = run("build", "--root", str(tmp_path))
    assert result.returncode == 2 and "citation_keys.csv:2: invalid citation key 'x y'" in result.stderr


def test_a_crash_has_its_own_exit_code_and_one_line_naming_the_file(tmp_path: Path) -> None:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "good.md").write_text("- [DDPM](https://arxiv.org/abs/2006.11239)\n")
    (tmp_path / "processed").write_text("a file where the output folder should be\n")  # cannot be written
    result = run("build", "--root", str(tmp_path), "--offline")
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"diffdata: crash: {tmp_path / 'processed'}: ")
    assert "(FileExistsError)" in lines[0] or "(NotADirectoryError)" in lines[0]


def test_an_unexpected_exception_names_the_source_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import diffdata.pipeline
    from diffdata.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise AttributeError("'list' object has no attribute 'get'\nsecond line")

    monkeypatch.setattr(diffdata.pipeline, "build", broken)
    (tmp_path / "raw" / "lists").mkdir(parents=True)
    assert main(["build", "--root", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("diffdata: crash: ")
    assert "test_cli.py:" in err and "AttributeError: 'list' object has no attribute 'get' second line" in err


def test_parse_prints_json_never_nan(tmp_path: Path) -> None:
    import json
    import math

    f = tmp_path / "l.md"
    f.write_text("# Reading\n\n- [What are Diffusion Models?](https://lilianweng.github.io/posts/2021-07-11-x/)\n"
                 "- [DDPM](https://arxiv.org/abs/2006.11239) (NeurIPS 2020)\n")
    for extra in ([], ["--report"]):
        result = run("parse", str(f), *extra)
        assert result.returncode == 0, result.stderr
        assert "NaN" not in result.stdout and "Infinity" not in result.stdout
        for line in result.stdout.splitlines():
            row = json.loads(line, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
            assert not [v for v in row.values() if isinstance(v, float) and not math.isfinite(v)]
    rows = [json.loads(line) for line in run("parse", str(f)).stdout.splitlines()]
    assert rows[0]["arxiv_id"] is None and rows[1]["arxiv_id"] == "2006.11239"


def test_jsonable_turns_every_missing_value_into_null() -> None:
    import numpy as np

    from diffdata.cli import jsonable

    value = {"a": float("nan"), "b": pd.NA, "c": np.float64("nan"), "d": np.int64(3), "e": np.array([1, None]),
             "f": pd.NaT, "g": [float("inf")], "h": "x"}
    assert jsonable(value) == {"a": None, "b": None, "c": None, "d": 3, "e": [1, None], "f": None, "g": [None],
                               "h": "x"}


def test_a_full_disk_during_a_build_is_a_crash_naming_the_output(tmp_path: Path) -> None:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "good.md").write_text("- [DDPM](https://arxiv.org/abs/2006.11239)\n")
    code = ("import errno, os, sys\n"
            "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
            "os.fsync = full\n"
            "from diffdata.cli import main\n"
            "sys.exit(main(['build', '--offline', '--root', sys.argv[1]]))\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 3, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"diffdata: crash: {tmp_path / 'raw' / 'citation_keys.csv'}: No space left on device")
