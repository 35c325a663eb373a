"""The pipeline, in order: read the inputs -> :func:`analyse` (every stage) -> :func:`render` -> write.

The stages are pure functions of their own modules; this module alone reads raw/ and writes processed/.
"""

from __future__ import annotations

import gc
import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import timedelta
from itertools import chain
from pathlib import Path

import pandas as pd

from diffdata import storage
from diffdata.bibtex import report_title_stand_ins, title_stand_ins, to_bibtex
from diffdata.collector import release_free_memory
from diffdata.dedupe import merge_mentions
from diffdata.docs import build_report, datapackage, dataset_card, works_per_year_svg
from diffdata.emit import csv_pieces
from diffdata.enrich import EnrichResult, apply_merges, enrich, lookup_requests
from diffdata.integrity import check_integrity
from diffdata.keys import REGISTRY_COLUMNS, KeyResult, RegistryError, assign_keys, validate_registry
from diffdata.memo import Memo
from diffdata.parse import ParseCache, parse_lists
from diffdata.parsecache import DirectoryCache, FileMemo
from diffdata.s2 import FetchResults, LookupRequest, S2Cache, S2Settings, fetch_all, make_client
from diffdata.schemas import CITATIONS, ISSUES, MATCHES, OCCURRENCES, PAPERS, PARSE_REPORT
from diffdata.text import forget_build_memos


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

    @property
    def parse_cache(self) -> Path:
        """Each list's parse result, by its text and the parser's version (a build artefact, never committed)."""
        return self.root / "build" / "parse-cache"

    @property
    def memo(self) -> Path:
        """The later stages' per-work results, by content and code (a build artefact, never committed)."""
        return self.root / "build" / "memo" / "memo.bin"

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
    for f in storage.read_lists(paths.lists, root=paths.root):
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
    """The tables every stage made, each stage's result as it returned it."""

    report: pd.DataFrame
    enriched: EnrichResult
    occurrences: pd.DataFrame
    matches: pd.DataFrame
    issues: pd.DataFrame
    keyed: KeyResult

    @property
    def papers(self) -> pd.DataFrame:
        """The works, enriched and with their citation keys."""
        return self.keyed.papers


def analyse(documents: pd.DataFrame, read_problems: pd.DataFrame, cache: S2Cache, options: EnrichOptions, *,
            log: Callable[[str], None], registry: pd.DataFrame | None = None,
            parse_cache: ParseCache | None = None, memo: Memo | None = None) -> Analysis:
    """Every stage, in order, from the lists' texts to checked tables; nothing is written but Semantic Scholar
    answers to ``cache`` (the network only when ``options.settings`` is not offline) and parse results to
    ``parse_cache``. ``registry`` is the citation-key registry (none: every key is new); ``memo`` keeps
    per-work results between builds (see :mod:`diffdata.memo`; the tables are the same without it)."""
    parsed = parse_lists(documents, parse_cache)  # parse (a list parsed before, unchanged, is not parsed again)
    release_free_memory()  # what each stage freed goes back before the next allocates (the merge peaks highest)
    report = _with_read_problems(parsed.report, read_problems)
    deduped = merge_mentions(parsed.occurrences, memo)  # dedupe
    release_free_memory()
    requests = lookup_requests(deduped.papers)  # plan lookups
    answers = _fetch(requests, cache, options, log)  # fetch (the network edge)
    enriched = enrich(deduped.papers, answers, requests=requests)  # enrich
    issues = pd.concat([deduped.issues, enriched.issues], ignore_index=True)
    occurrences, matches, issues = apply_merges(  # apply merges, to every table naming a work
        deduped.occurrences, deduped.matches, issues, enriched.merges)
    issues = issues.sort_values(["kind", "work_id", "detail"], kind="stable").reset_index(drop=True)
    if registry is None:
        registry = pd.DataFrame(columns=REGISTRY_COLUMNS)
    keyed = assign_keys(enriched.papers, registry)  # assign keys
    check_integrity(keyed.papers, occurrences, matches, issues, enriched.citations)  # check integrity
    release_free_memory()
    return Analysis(report, enriched, occurrences, matches, issues, keyed)


def _with_read_problems(report: pd.DataFrame, read_problems: pd.DataFrame) -> pd.DataFrame:
    """The parse report with the rows of the files that could not be read, sorted by file and line."""
    report = pd.concat([read_problems, report], ignore_index=True) if len(read_problems) else report
    report = report.sort_values(["source", "line", "reason", "url"], na_position="first", kind="stable")
    return report.reset_index(drop=True)


def _fetch(requests: list[LookupRequest], cache: S2Cache, options: EnrichOptions,
           log: Callable[[str], None]) -> FetchResults:
    """The Semantic Scholar answers to ``requests``: from ``cache``, else (online) from the API."""
    client = make_client(options.settings)
    try:
        return fetch_all(requests, client, cache, refresh=options.refresh, max_age=options.max_age,
                         progress=options.progress, log=log)
    finally:
        if client is not None:
            client.close()


def render(tables: Analysis, hashes: dict[str, str], bib_titles: dict[str, str] | None = None,
           memo: Memo | None = None) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Every output file of processed/, by name, with the pieces of its bytes (``hashes``: the input lists'
    SHA-256; ``bib_titles``: the stand-in titles of untitled works in papers.bib; ``memo``: see
    :mod:`diffdata.memo`). One file after another, each made as its pieces are read (so that a writer holds one
    piece at a time, not the dataset): read every piece of a file before asking for the next file.
    datapackage.json, which holds every other file's SHA-256, comes last; :func:`render_files` joins them."""
    meta = dataset_metadata(hashes)
    papers, citations = tables.papers, tables.enriched.citations
    occurrences, matches, issues, report = tables.occurrences, tables.matches, tables.issues, tables.report
    makers: dict[str, Callable[[], Iterable[bytes]]] = {
        "occurrences.parquet": lambda: [storage.parquet_bytes(occurrences, OCCURRENCES, meta)],
        "papers.parquet": lambda: [storage.parquet_bytes(papers, PAPERS, meta)],
        "matches.parquet": lambda: [storage.parquet_bytes(matches, MATCHES, meta)],
        "citations.parquet": lambda: [storage.parquet_bytes(citations, CITATIONS, meta)],
        "occurrences.csv": lambda: csv_pieces(occurrences, OCCURRENCES),
        "papers.csv": lambda: csv_pieces(papers, PAPERS),
        "issues.csv": lambda: csv_pieces(issues, ISSUES),
        "parse_report.csv": lambda: csv_pieces(report, PARSE_REPORT),
        "papers.bib": lambda: [to_bibtex(papers, bib_titles, memo).encode()],
        "works_per_year.svg": lambda: [works_per_year_svg(papers).encode()],
        "REPORT.md": lambda: [build_report(occurrences=occurrences, papers=papers, matches=matches, issues=issues,
                                           report=report, citations=citations).encode()],
        "README.md": lambda: [dataset_card(papers, occurrences, citations).encode()],
    }
    output_hashes: dict[str, str] = {}
    for name, make in makers.items():
        digest, read = hashlib.sha256(), [False]
        yield name, _hashed(make(), digest.update, read)
        if not read[0]:
            raise RuntimeError(f"render: {name} was not read whole before the next file was asked for")
        output_hashes[name] = digest.hexdigest()
    yield "datapackage.json", iter([storage.json_text(datapackage(hashes, output_hashes)).encode()])


def _hashed(pieces: Iterable[bytes], update: Callable[[bytes], None], read: list[bool]) -> Iterator[bytes]:
    """``pieces``, each given to ``update`` (a digest's) as it passes; ``read[0]`` becomes True after the last."""
    for piece in pieces:
        update(piece)
        yield piece
    read[0] = True


def render_files(tables: Analysis, hashes: dict[str, str], bib_titles: dict[str, str] | None = None,
                 memo: Memo | None = None) -> dict[str, bytes]:
    """:func:`render`'s files, each joined into its bytes (for a caller that wants them all in memory)."""
    return {name: b"".join(pieces) for name, pieces in render(tables, hashes, bib_titles, memo)}


@contextmanager
def young_collections_only() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector passing over young objects only.

    A build makes millions of objects that live until it ends (rows, cells, strings); each full collection
    walks all of them, and the interpreter runs one whenever the old objects have grown by a quarter, so full
    collections took about a third of a build's CPU time (``benchmarks/RESULTS.md``). The young generations
    are still collected (cycles among new objects are freed as before); the oldest generation waits until the
    block ends, when the previous thresholds come back.
    """
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], 2**31 - 1)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build(root: Path, *, log: Callable[[str], None] | None = None,
          enrich_options: EnrichOptions | None = None, memo: bool = True) -> BuildResult:
    """Build ``root``'s processed/ from its raw/, holding the build lock (see :func:`_build`); ``memo``: keep
    and reuse per-work results in build/memo/ (the outputs are the same without)."""
    say = log or (lambda msg: print(msg, file=sys.stderr))
    paths = Paths(root)
    if not paths.lists.is_dir():
        raise FileNotFoundError(f"{paths.lists}: no such folder of lists")
    with storage.exclusive_lock(paths.processed / ".build.lock"), young_collections_only():
        for folder in (paths.processed, paths.s2_cache, paths.parse_cache, paths.memo.parent):
            for stale in storage.remove_stale_temp_files(folder):
                say(f"removed {stale.relative_to(root)}, left by an interrupted run")
        try:
            return _build(paths, say, enrich_options or EnrichOptions(S2Settings.from_env()), memo)
        finally:
            forget_build_memos()  # the text helpers' memos hold this build's texts


def _build(paths: Paths, say: Callable[[str], None], options: EnrichOptions, use_memo: bool = True) -> BuildResult:
    """Read the inputs -> every stage (:func:`analyse`) -> render -> write.

    The key registry is read and checked first, so a bad one stops the build with nothing changed. It is
    written with the outputs, as one group (each file beside its path, all put in place once the last is made,
    so a build failing before then changes neither), and first, so the outputs are newer than every input and
    ``make`` sees nothing to redo.
    """
    registry = read_registry(paths.keys)  # read the inputs (the IO edge)
    validate_registry(registry, str(paths.keys.relative_to(paths.root)))
    documents, read_problems, hashes = load_documents(paths)
    release_free_memory()  # the files' bytes, read and decoded

    # the memo writes as the build goes: a build stopped half way removes what it wrote (FileMemo.__exit__)
    with FileMemo(paths.memo) if use_memo else nullcontext() as memo:
        tables = analyse(documents, read_problems, S2Cache(paths.s2_cache), options, log=say, registry=registry,
                         parse_cache=DirectoryCache(paths.parse_cache), memo=memo)
        titles = title_stand_ins(tables.papers, tables.occurrences, memo)  # the untitled works' titles in papers.bib
        tables = replace(tables, report=report_title_stand_ins(tables.report, titles))
        files = render(tables, hashes, {w: t.title for w, t in titles.items()}, memo)

        keys = [(paths.keys, [tables.keyed.registry.to_csv(index=False, lineterminator="\n").encode()])] if (
            tables.keyed.added or not paths.keys.exists()) else []
        # write (the IO edge): the registry, then each output as it is made, a piece at a time; all put in place
        # once the last is made
        written = storage.write_all_atomically(chain(keys, ((paths.out(name), pieces) for name, pieces in files)))
        written = written[len(keys):]
        if keys:
            say(f"citation keys: {tables.keyed.added} new key(s) added to {paths.keys.relative_to(paths.root)}")
        if memo is not None:
            memo.save()
    _summarise(tables, len(documents), say)
    return BuildResult(tables.occurrences, tables.report, tables.papers, tables.matches, tables.issues,
                       tables.enriched.citations, written, hashes)


def _summarise(tables: Analysis, n_lists: int, say: Callable[[str], None]) -> None:
    """The log lines of a build: the lists' warnings and errors, then what was made."""
    for row in tables.report.itertuples():
        if row.severity in ("warning", "error"):
            where = f"{row.source}:{row.line}" if row.line else row.source
            say(f"{row.severity}: {where}: {row.reason}")
    occurrences, papers, issues = tables.occurrences, tables.papers, tables.issues
    counts = occurrences.groupby("source").size().to_dict() if len(occurrences) else {}
    say(f"parsed {len(occurrences)} mentions from {n_lists} lists "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
    say(f"merged into {len(papers)} works; {int((issues.kind == 'conflict').sum())} conflict(s), "
        f"{int((issues.kind == 'suspicious_link').sum())} suspicious link(s)")
    status = papers.enrichment_status.value_counts().to_dict()
    say("enrichment: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items()))
        + f"; {len(tables.enriched.citations)} citation edge(s)")


def dataset_metadata(hashes: dict[str, str]) -> dict[str, str]:
    """Metadata stored in every Parquet file: the version and the input files with their SHA-256."""
    from diffdata import __version__

    return {"diffdata_version": __version__, "inputs": storage.json_text(dict(sorted(hashes.items())))}
