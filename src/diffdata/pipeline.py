"""The pipeline: reads raw/, runs the stages in order, writes processed/.

Stages are pure functions in their own modules (``parse``, ``dedupe``, ``enrich``, ``emit``); this module is
the one place that reads inputs and writes outputs, and the order of the stages is written here once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pandas as pd

from diffdata import io as dio
from diffdata.bibtex import to_bibtex
from diffdata.dedupe import merge_mentions
from diffdata.docs import build_report, datapackage, dataset_card, works_per_year_svg
from diffdata.emit import to_csv
from diffdata.enrich import EnrichResult, apply_merges, enrich, lookup_requests
from diffdata.integrity import check_integrity
from diffdata.keys import REGISTRY_COLUMNS, RegistryError, assign_keys, validate_registry
from diffdata.parse import parse_lists
from diffdata.s2 import S2Cache, S2Settings, fetch_all, make_client
from diffdata.schemas import CITATIONS, ISSUES, MATCHES, OCCURRENCES, PAPERS, PARSE_REPORT


@dataclass(frozen=True)
class Paths:
    """Every path the pipeline reads or writes, defined once, relative to the project root."""

    root: Path

    @property
    def lists(self) -> Path:
        return self.root / "raw" / "lists"

    @property
    def keys(self) -> Path:
        return self.root / "raw" / "citation_keys.csv"

    @property
    def s2_cache(self) -> Path:
        return self.root / "raw" / "semanticscholar"

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
    papers: pd.DataFrame
    matches: pd.DataFrame
    issues: pd.DataFrame
    citations: pd.DataFrame
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
    """Read raw/lists/: the documents table, report rows for unreadable files, and the input hashes.

    Only regular files of raw/lists/ (or links to one of them) are read; any other file is refused with a
    report row naming it, and no text of it is kept.
    """
    docs, problems, hashes = [], [], {}
    for f in dio.read_lists(paths.lists, root=paths.root):
        if f.sha256:
            hashes[f.source] = f.sha256
        if f.problem:
            problems.append({"source": f.source, "line": f.line, "severity": f.severity, "reason": f.problem,
                             "url": None, "text": None})
        if f.text is not None:
            docs.append({"source": f.source, "text": f.text})
    return (pd.DataFrame(docs, columns=["source", "text"]), pd.DataFrame(problems, columns=PARSE_REPORT.names),
            hashes)


def read_registry(path: Path) -> pd.DataFrame:
    """The citation-key registry, or an empty one when the file does not exist yet."""
    if not path.exists():
        return pd.DataFrame(columns=REGISTRY_COLUMNS)
    try:
        reg = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise RegistryError(f"{path}: cannot be read as UTF-8 CSV ({exc})") from exc
    missing = [c for c in REGISTRY_COLUMNS if c not in reg.columns and c != "url"]  # url came later: optional
    if missing:
        raise RegistryError(f"{path}:1: missing columns {missing}")
    return reg.reindex(columns=REGISTRY_COLUMNS).fillna("")


@dataclass(frozen=True)
class EnrichOptions:
    """How the enrichment stage may use Semantic Scholar."""

    settings: S2Settings
    refresh: bool = False
    max_age: timedelta | None = None
    progress: bool = True


@dataclass
class Analysis:
    """The tables of the stages before citation keys and writing: what ``build`` and ``check`` share."""

    report: pd.DataFrame
    enriched: EnrichResult
    occurrences: pd.DataFrame
    matches: pd.DataFrame
    issues: pd.DataFrame


def analyse(documents: pd.DataFrame, read_problems: pd.DataFrame, cache: S2Cache, options: EnrichOptions, *,
            log: Callable[[str], None]) -> Analysis:
    """Parse, dedupe and enrich ``documents`` (Semantic Scholar through ``cache``, and the network only when
    ``options.settings`` is not offline); nothing is written but answers to the cache."""
    parsed = parse_lists(documents)
    report = pd.concat([read_problems, parsed.report], ignore_index=True) if len(read_problems) else parsed.report
    report = report.sort_values(["source", "line", "reason", "url"], na_position="first", kind="stable")
    report = report.reset_index(drop=True)

    merged = merge_mentions(parsed.occurrences)

    client = make_client(options.settings)
    requests = lookup_requests(merged.papers)
    try:
        answers = fetch_all(requests, client, cache,
                            refresh=options.refresh, max_age=options.max_age, progress=options.progress, log=log)
    finally:
        if client is not None:
            client.close()
    enriched = enrich(merged.papers, answers, requests=requests)
    issues = pd.concat([merged.issues, enriched.issues], ignore_index=True)
    occurrences, matches, issues = apply_merges(merged.occurrences, merged.matches, issues, enriched.merges)
    issues = issues.sort_values(["kind", "work_id", "detail"], kind="stable").reset_index(drop=True)
    return Analysis(report, enriched, occurrences, matches, issues)


def build(root: Path, *, log: Callable[[str], None] | None = None,
          enrich_options: EnrichOptions | None = None) -> BuildResult:
    """Run every stage on ``root``'s raw/ and write ``root``'s processed/.

    Order: read lists -> parse -> dedupe -> enrich (Semantic Scholar, from the cache when offline) -> citation
    keys -> write. The key registry is written before the outputs, so the outputs are newer than every input
    and ``make`` sees nothing to redo.
    """
    say = log or (lambda msg: print(msg, file=sys.stderr))
    paths = Paths(root)
    if not paths.lists.is_dir():
        raise FileNotFoundError(f"{paths.lists}: no such folder of lists")
    with dio.exclusive_lock(paths.processed / ".build.lock"):
        for folder in (paths.processed, paths.s2_cache):
            for stale in dio.remove_stale_temp_files(folder):
                say(f"removed {stale.relative_to(root)}, left by an interrupted run")
        return _build(paths, say, enrich_options)


def _build(paths: Paths, say: Callable[[str], None], enrich_options: EnrichOptions | None) -> BuildResult:
    root = paths.root
    # The registry is checked before anything is written (cache, registry, outputs): a bad one stops the build
    # with nothing changed.
    registry = read_registry(paths.keys)
    validate_registry(registry, str(paths.keys.relative_to(root)))
    documents, read_problems, hashes = load_documents(paths)
    stages = analyse(documents, read_problems, S2Cache(paths.s2_cache),
                     enrich_options or EnrichOptions(S2Settings.from_env()), log=say)
    report, enriched = stages.report, stages.enriched
    occurrences, matches, issues = stages.occurrences, stages.matches, stages.issues

    keyed = assign_keys(enriched.papers, registry)
    papers = keyed.papers
    check_integrity(papers, occurrences, matches, issues, enriched.citations)  # before anything is written

    if keyed.added or not paths.keys.exists():
        dio.atomic_write_text(paths.keys, keyed.registry.to_csv(index=False, lineterminator="\n"))
        say(f"citation keys: {keyed.added} new key(s) added to {paths.keys.relative_to(root)}")

    meta = dataset_metadata(hashes)
    files = {
        paths.out("occurrences.parquet"): dio.parquet_bytes(occurrences, OCCURRENCES, meta),
        paths.out("papers.parquet"): dio.parquet_bytes(papers, PAPERS, meta),
        paths.out("matches.parquet"): dio.parquet_bytes(matches, MATCHES, meta),
        paths.out("citations.parquet"): dio.parquet_bytes(enriched.citations, CITATIONS, meta),
        paths.out("occurrences.csv"): to_csv(occurrences, OCCURRENCES).encode(),
        paths.out("papers.csv"): to_csv(papers, PAPERS).encode(),
        paths.out("issues.csv"): to_csv(issues, ISSUES).encode(),
        paths.out("parse_report.csv"): to_csv(report, PARSE_REPORT).encode(),
    }
    files[paths.out("papers.bib")] = to_bibtex(papers).encode()
    files[paths.out("works_per_year.svg")] = works_per_year_svg(papers).encode()
    files[paths.out("REPORT.md")] = build_report(
        occurrences=occurrences, papers=papers, matches=matches, issues=issues, report=report,
        citations=enriched.citations).encode()
    files[paths.out("README.md")] = dataset_card(papers, occurrences, enriched.citations).encode()
    output_hashes = {p.name: dio.sha256_bytes(d) for p, d in files.items()}
    files[paths.out("datapackage.json")] = dio.json_text(datapackage(hashes, output_hashes)).encode()
    for path, data in files.items():
        dio.atomic_write_bytes(path, data)
    for row in report.itertuples():
        if row.severity in ("warning", "error"):
            where = f"{row.source}:{row.line}" if row.line else row.source
            say(f"{row.severity}: {where}: {row.reason}")
    counts = occurrences.groupby("source").size().to_dict() if len(occurrences) else {}
    say(f"parsed {len(occurrences)} mentions from {len(documents)} lists "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
    say(f"merged into {len(papers)} works; {int((issues.kind == 'conflict').sum())} conflict(s), "
        f"{int((issues.kind == 'suspicious_link').sum())} suspicious link(s)")
    status = papers.enrichment_status.value_counts().to_dict()
    say("enrichment: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items()))
        + f"; {len(enriched.citations)} citation edge(s)")
    return BuildResult(occurrences, report, papers, matches, issues, enriched.citations, list(files), hashes)


def dataset_metadata(hashes: dict[str, str]) -> dict[str, str]:
    """Metadata stored in every Parquet file: the version and the input files with their SHA-256."""
    from diffdata import __version__

    return {"diffdata_version": __version__, "inputs": dio.json_text(dict(sorted(hashes.items())))}
