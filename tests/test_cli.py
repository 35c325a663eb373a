"""The command line: documented commands, clear messages, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import shutil
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
    main_help = " ".join(_parser().format_help().split())
    for name, parser in sub.choices.items():
        shown = " ".join(parser.format_help().split())  # the help wraps lines: compare words
        example = " ".join(EXAMPLES[name].split())
        assert f"example: {example}" in shown, name  # its own example, in its own help
        assert example in main_help, name  # and in the list of examples of `diffdata --help`
        assert sub.choices[name].format_usage().startswith(f"usage: diffdata {name}"), name


@pytest.mark.parametrize("command", ["build", "parse", "add-list", "check"])
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


# -- diffdata check -----------------------------------------------------------------------------------------

DUPLICATE = """\
# A list

## Papers

- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) (NeurIPS 2020)
- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) (NeurIPS 2020)
"""
WARNING_ONLY = "# L\n\n- [DDPM](https://arxiv.org/abs/2006.11239?utm_source=x) (NeurIPS 2020)\n"
CLEAN = "# L\n\n- [DDPM](https://arxiv.org/abs/2006.11239) (NeurIPS 2020)\n"
COMPILER_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info): "
                           r"(?P<message>.+) \[(?P<code>DD\d{3})\]$")
# GitHub's workflow command: ::level key=value,key=value::message, values escaped (no raw ',' ':' in values,
# no raw newline or '%' anywhere) - https://docs.github.com/actions/reference/workflow-commands-for-github-actions
GITHUB_LINE = re.compile(r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:\r\n]+),line=(?P<line>\d+),"
                         r"col=(?P<col>\d+),title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]*)$")


def test_check_prints_compiler_style_findings_and_fails_on_an_error(tmp_path: Path) -> None:
    (tmp_path / "dup.md").write_text(DUPLICATE)
    result = run("check", "dup.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    *lines, summary = result.stdout.splitlines()
    parsed = [COMPILER_LINE.match(line) for line in lines]
    assert all(parsed), lines
    first = next(m for m in parsed if m["code"] == "DD101")
    assert (first["file"], first["line"], first["col"], first["severity"]) == ("dup.md", "6", "46", "error")
    assert summary == "1 error(s), 0 warning(s), 0 info(s) in 1 list(s)"  # same title twice: no title conflict
    assert [(m["file"], int(m["line"])) for m in parsed] == sorted((m["file"], int(m["line"])) for m in parsed)


def test_check_exit_codes_and_strict(tmp_path: Path) -> None:
    (tmp_path / "warn.md").write_text(WARNING_ONLY)
    (tmp_path / "clean.md").write_text(CLEAN)
    assert run("check", "clean.md", cwd=tmp_path).returncode == 0
    warned = run("check", "warn.md", cwd=tmp_path)
    assert warned.returncode == 0 and "[DD203]" in warned.stdout
    strict = run("check", "--strict", "warn.md", cwd=tmp_path)
    assert strict.returncode == 1 and "--strict" in strict.stdout
    missing = run("check", "no-such-list.md", cwd=tmp_path)
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    assert run("check", "--format", "xml", "clean.md", cwd=tmp_path).returncode == 2
    assert run("check", cwd=tmp_path).returncode == 2  # no list named and no raw/lists/ here


def test_check_an_unreadable_list_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "binary.md").write_bytes(b"\x00\x01")
    result = run("check", "binary.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("binary.md:1:1: error: binary file") and "[DD501]" in result.stdout


def test_check_github_format_is_valid_workflow_commands(tmp_path: Path) -> None:
    name = "a,b: c.md"  # a file name with the characters GitHub's property syntax reserves
    dated = "".join(f"- [Paper {n}](https://arxiv.org/abs/2101.0{n}000) (ICLR 2021)\n" for n in range(1, 3))
    (tmp_path / name).write_text(DUPLICATE + dated + "- [50% of a title](https://arxiv.org/abs/2011.13456?fbclid=1)\n")
    result = run("check", "--format", "github", name, cwd=tmp_path)
    assert result.returncode == 1
    *lines, summary = result.stdout.splitlines()
    matches = [GITHUB_LINE.match(line) for line in lines]
    assert all(matches), lines
    assert {m["file"] for m in matches} == {"a%2Cb%3A c.md"}
    levels = {m["title"].split()[0]: m["level"] for m in matches}
    assert levels["DD101"] == "error" and levels["DD203"] == "warning" and levels["DD302"] == "notice"
    assert any("'50%25 of a title'" in m["message"] for m in matches)  # '%' escaped in the message
    assert all(not re.search(r"%(?!25|0A|0D)", m["message"]) for m in matches)
    assert summary.startswith("1 error(s)")


def test_github_command_escapes_as_the_toolkit_does() -> None:
    from diffdata.cli import github_command

    line = github_command({"severity": "info", "source": "x,y:z.md", "line": 2, "column": 5, "code": "DD102",
                           "rule": "duplicate-across-sections", "message": "100% sure\nsecond line\r"})
    assert line == ("::notice file=x%2Cy%3Az.md,line=2,col=5,title=DD102 duplicate-across-sections"
                    "::100%25 sure%0Asecond line%0D")
    assert GITHUB_LINE.match(line)


def test_check_json_format_is_one_object_per_finding(tmp_path: Path) -> None:
    from diffdata.schemas import FINDINGS

    (tmp_path / "dup.md").write_text(DUPLICATE)
    result = run("check", "--format", "json", "dup.md", cwd=tmp_path)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r) == FINDINGS.names for r in rows)
    assert {(r["code"], r["line"], r["severity"]) for r in rows} >= {("DD101", 6, "error")}
    assert "1 error(s)" in result.stderr  # the summary stays out of the JSON lines


def test_check_defaults_to_the_lists_of_the_checkout(tmp_path: Path) -> None:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "dup.md").write_text(DUPLICATE)
    (lists / "clean.md").write_text(CLEAN)
    result = run("check", "--severity", "error", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("raw/lists/dup.md:6:46: error:")
    assert len(result.stdout.splitlines()) == 2  # the error, then the summary: the warning is counted, not shown
    assert not (tmp_path / "processed").exists()  # checking writes nothing


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed for pre-commit")
def test_the_pre_commit_hook_runs_the_check_in_a_repository(tmp_path: Path, root: Path) -> None:
    """pre-commit runs the hook of .pre-commit-hooks.yaml (entry, file types) on a list in a fresh repository:
    the commit is refused while the list has the same paper twice in one section, accepted once fixed. The hook
    runs with `language: system` here (the installed diffdata), since installing the package into pre-commit's
    own environment would need the network."""
    pytest.importorskip("pre_commit")
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "python" and hook["entry"] == "diffdata check"
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    local = {**hook, "language": "system"}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}))
    (repo / "README.md").write_text(DUPLICATE)
    (repo / "notes.txt").write_text("[x](https://arxiv.org/abs/bad)\n")  # not markdown: not checked

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=300)

    git("init", "-q")
    git("add", ".")
    failed = pre_commit()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "README.md:6:46: error:" in failed.stdout and "[DD101]" in failed.stdout
    assert "notes.txt" not in failed.stdout
    (repo / "README.md").write_text(CLEAN)
    git("add", ".")
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
