"""The pipeline: reads raw/, runs the stages in order, writes processed/.

Stages are pure functions in their own modules (``parse``, ``dedupe``, ``enrich``, ``emit``); this module is
the one place that reads inputs and writes outputs, and the order of the stages is written here once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from diffdata import io as dio
from diffdata.parse import parse_lists
from diffdata.schemas import OCCURRENCES, PARSE_REPORT


@dataclass(frozen=True)
class Paths:
    """Every path the pipeline reads or writes, defined once, relative to the project root."""

    root: Path

    @property
    def lists(self) -> Path:
        return self.root / "raw" / "lists"

    @property
    def processed(self) -> Path:
        return self.root / "processed"

    def out(self, name: str) -> Path:
        return self.processed / name


@dataclass
class BuildResult:
    """What a build produced, for the CLI to summarise."""

    occurrences: pd.DataFrame
    report: pd.DataFrame
    files: list[Path] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards holding ``raw/lists``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "raw" / "lists").is_dir():
            return folder
    raise FileNotFoundError(f"no raw/lists/ folder in {here} or above: run from a diffdata checkout")


def load_documents(paths: Paths) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Read raw/lists/: the documents table, report rows for unreadable files, and the input hashes."""
    docs, problems, hashes = [], [], {}
    for f in dio.read_lists(paths.lists):
        if f.sha256:
            hashes[f.source] = f.sha256
        if f.problem:
            problems.append({"source": f.source, "line": f.line, "severity": f.severity, "reason": f.problem,
                             "url": None, "text": None})
        if f.text is not None:
            docs.append({"source": f.source, "text": f.text})
    return (pd.DataFrame(docs, columns=["source", "text"]), pd.DataFrame(problems, columns=PARSE_REPORT.names),
            hashes)


def build(root: Path, *, log: Callable[[str], None] | None = None) -> BuildResult:
    """Run every stage on ``root``'s raw/ and write ``root``'s processed/."""
    say = log or (lambda msg: print(msg, file=sys.stderr))
    paths = Paths(root)
    documents, read_problems, hashes = load_documents(paths)
    parsed = parse_lists(documents)
    report = pd.concat([read_problems, parsed.report], ignore_index=True) if len(read_problems) else parsed.report
    report = report.sort_values(["source", "line", "reason", "url"], na_position="first", kind="stable")
    report = report.reset_index(drop=True)
    occurrences = parsed.occurrences

    meta = dataset_metadata(hashes)
    files = {
        paths.out("occurrences.parquet"): dio.parquet_bytes(occurrences, OCCURRENCES, meta),
        paths.out("parse_report.csv"): report.to_csv(index=False, lineterminator="\n").encode(),
    }
    for path, data in files.items():
        dio.atomic_write_bytes(path, data)
    for row in report.itertuples():
        if row.severity in ("warning", "error"):
            where = f"{row.source}:{row.line}" if row.line else row.source
            say(f"{row.severity}: {where}: {row.reason}")
    counts = occurrences.groupby("source").size().to_dict() if len(occurrences) else {}
    say(f"parsed {len(occurrences)} mentions from {len(documents)} lists "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
    return BuildResult(occurrences, report, list(files), hashes)


def dataset_metadata(hashes: dict[str, str]) -> dict[str, str]:
    """Metadata stored in every Parquet file: the version and the input files with their SHA-256."""
    from diffdata import __version__

    return {"diffdata_version": __version__, "inputs": dio.json_text(dict(sorted(hashes.items())))}
