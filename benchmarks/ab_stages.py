"""Time one stage of two diffdata versions on the same input, in turn (A B A B ...), and check their outputs.

Each version (a ``src/`` folder, e.g. a ``git archive`` of a commit) runs in its own child process, which
reads and parses the root's lists and runs the stages before the measured one once, untimed; then, each time
it is asked, it runs the measured stage and answers with its time and a SHA-256 of its output (``--fresh``: a
new child for every run, so that memoised functions start cold in every run, as in a build). The parent asks
A, then B, ``--repeats`` times, and prints every time, the medians, the ratio B/A per pair and of the medians,
and whether the outputs were identical. Run by hand::

    git archive 241b79c src | tar -x -C /tmp/dd-a
    .venv/bin/python benchmarks/synthetic.py --mentions 30k --out /tmp/syn30k
    .venv/bin/python benchmarks/ab_stages.py --root /tmp/syn30k --stage dedupe --a /tmp/dd-a/src --b src

Stages: ``dedupe`` (``merge_mentions`` on the parsed mentions; output: its four tables), ``csv``
(``emit.to_csv`` of the occurrences, papers, matches and issues that dedupe gave; output: the CSV text) and
``enrich`` (offline, as ``pipeline.analyse`` runs it on what dedupe gave: ``lookup_requests``, ``fetch_all``
from the root's ``raw/semanticscholar`` cache without a client, ``enrich``, ``apply_merges``; output: its
tables, their dtypes included).

The later stages run on the tables of ``pipeline.analyse`` (offline), computed once by version A and kept in
``--tables FILE`` (a pickle; made when missing, reused when present, so that a 100k comparison does not parse
in every child): ``keys`` (``assign_keys`` of the enriched papers with an empty registry: the papers and the
registry), ``stand-ins`` (``title_stand_ins`` and ``report_title_stand_ins``), ``parquet``, ``render-csv``
(the four CSV files of ``pipeline.render``), ``bibtex`` (``to_bibtex`` with the stand-in titles), ``docs`` (the
figure, the report, the card, ``datapackage.json``) and ``render`` (``pipeline.render``: every output file).
The output of each is its bytes' SHA-256 (of the tables' values for ``keys`` and ``stand-ins``)::

    .venv/bin/python benchmarks/ab_stages.py --root /tmp/syn100k --tables /tmp/syn100k.tables.pkl \
        --stage bibtex --a /tmp/dd-a/src --b src
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

STAGES = ("dedupe", "csv", "enrich", "keys", "stand-ins", "parquet", "render-csv", "bibtex", "docs", "render")
ANALYSED = STAGES[3:]  # stages fed by --tables


def _digest_frames(*frames) -> str:
    h = hashlib.sha256()
    for df in frames:
        h.update(repr(list(df.columns)).encode())
        h.update(repr(df.to_dict("list")).encode())
    return h.hexdigest()


def prepare_tables(root: Path, out: Path) -> None:
    """Run ``pipeline.analyse`` offline on ``root``'s lists (no parse cache) and pickle it to ``out``."""
    import pickle

    from diffdata.pipeline import EnrichOptions, Paths, analyse, load_documents
    from diffdata.s2 import S2Cache, S2Settings

    documents, problems, hashes = load_documents(Paths(root))
    tables = analyse(documents, problems, S2Cache(root / "raw" / "semanticscholar"),
                     EnrichOptions(S2Settings(offline=True), progress=False), log=lambda _msg: None)
    with out.open("wb") as fh:
        pickle.dump({"analysis": tables, "hashes": hashes}, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _bytes_digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return h.hexdigest()


def analysed_stage(tables_file: Path, stage: str):
    """The stage's function (no argument; returns its digest) on the pickled analysis, prepared once."""
    import pickle
    from dataclasses import replace

    import pandas as pd

    from diffdata import emit, pipeline, storage
    from diffdata.bibtex import report_title_stand_ins, title_stand_ins, to_bibtex
    from diffdata.docs import build_report, datapackage, dataset_card, works_per_year_svg
    from diffdata.keys import REGISTRY_COLUMNS, assign_keys
    from diffdata.pipeline import dataset_metadata, render
    from diffdata.schemas import CITATIONS, ISSUES, MATCHES, OCCURRENCES, PAPERS, PARSE_REPORT

    with tables_file.open("rb") as fh:
        data = pickle.load(fh)
    tables, hashes = data["analysis"], data["hashes"]
    registry = pd.DataFrame(columns=REGISTRY_COLUMNS)
    if stage in ("keys", "stand-ins"):  # nothing else is run first: their memos start as in a build
        def keys() -> str:
            keyed = assign_keys(tables.enriched.papers, registry)
            return _digest_frames(keyed.papers, keyed.registry)

        def stand_in_stage() -> str:
            found = title_stand_ins(tables.papers, tables.occurrences)
            report = report_title_stand_ins(tables.report, found)
            return _digest_frames(report, pd.DataFrame([vars(t) for t in found.values()]))

        return keys if stage == "keys" else stand_in_stage
    stand_ins = title_stand_ins(tables.papers, tables.occurrences)
    tables = replace(tables, report=report_title_stand_ins(tables.report, stand_ins))
    titles = {w: t.title for w, t in stand_ins.items()}
    papers, occ, citations = tables.papers, tables.occurrences, tables.enriched.citations

    def parquet() -> str:
        meta = dataset_metadata(hashes)
        return _bytes_digest({n: storage.parquet_bytes(df, schema, meta) for n, df, schema in (
            ("o", occ, OCCURRENCES), ("p", papers, PAPERS), ("m", tables.matches, MATCHES),
            ("c", citations, CITATIONS))})

    def render_csv() -> str:
        # the writer as the pipeline calls it (an older src/ has only the text one)
        write = getattr(emit, "csv_bytes", None) or (lambda df, schema: emit.to_csv(df, schema).encode())
        return _bytes_digest({n: write(df, schema) for n, df, schema in (
            ("o", occ, OCCURRENCES), ("p", papers, PAPERS), ("i", tables.issues, ISSUES),
            ("r", tables.report, PARSE_REPORT))})

    def bibtex() -> str:
        return hashlib.sha256(to_bibtex(papers, titles).encode()).hexdigest()

    def docs() -> str:
        files = {"svg": works_per_year_svg(papers).encode(),
                 "report": build_report(occurrences=occ, papers=papers, matches=tables.matches,
                                        issues=tables.issues, report=tables.report, citations=citations).encode(),
                 "card": dataset_card(papers, occ, citations).encode()}
        files["dp"] = storage.json_text(datapackage(hashes, {n: storage.sha256_bytes(d)
                                                             for n, d in files.items()})).encode()
        return _bytes_digest(files)

    def render_all() -> str:
        files = getattr(pipeline, "render_files", None) or render  # render gives pieces since 2026-11-25
        return _bytes_digest(files(tables, hashes, titles))

    return {"parquet": parquet, "render-csv": render_csv,
            "bibtex": bibtex, "docs": docs, "render": render_all}[stage]


def child(root: Path, stage: str, tables_file: Path | None = None) -> None:
    """Prepare the input of ``stage`` once, then run it once per line read from stdin."""
    if stage in ANALYSED:
        assert tables_file is not None
        run_stage = analysed_stage(tables_file, stage)
        print("ready", flush=True)
        for _line in sys.stdin:
            t = time.perf_counter()
            digest = run_stage()
            print(json.dumps({"s": time.perf_counter() - t, "sha256": digest}), flush=True)
        return
    import pandas as pd

    from diffdata import emit
    from diffdata.dedupe import merge_mentions
    from diffdata.parse import parse_lists
    from diffdata.pipeline import Paths, load_documents
    from diffdata.schemas import ISSUES, MATCHES, OCCURRENCES, PAPERS

    documents, _problems, _hashes = load_documents(Paths(root))
    occurrences = parse_lists(documents).occurrences
    merged = merge_mentions(occurrences) if stage in ("csv", "enrich") else None
    if stage == "enrich":  # imported before the clock starts (semanticscholar's model is slow to import)
        import diffdata.enrich  # noqa: F401
    print("ready", flush=True)
    for _line in sys.stdin:
        t = time.perf_counter()
        if stage == "enrich":
            assert merged is not None
            tables = _enrich_offline(merged, root)
            elapsed = time.perf_counter() - t
            digest = _digest_frames(*tables) + _digest_frames(*(pd.DataFrame({"dtype": df.dtypes.astype(str)})
                                                              for df in tables))
        elif stage == "dedupe":
            out = merge_mentions(occurrences)
            elapsed = time.perf_counter() - t
            digest = _digest_frames(out.occurrences, out.papers, out.matches, out.issues)
        else:
            assert merged is not None
            text = "".join(emit.to_csv(df, schema) for df, schema in ((merged.occurrences, OCCURRENCES),
                           (merged.papers, PAPERS), (merged.matches, MATCHES), (merged.issues, ISSUES)))
            elapsed = time.perf_counter() - t
            digest = hashlib.sha256(text.encode()).hexdigest()
        print(json.dumps({"s": elapsed, "sha256": digest}), flush=True)


def _enrich_offline(merged, root: Path) -> list:
    """The enrich stage of ``pipeline.analyse``, offline, on dedupe's tables: its tables."""
    import pandas as pd

    from diffdata.enrich import apply_merges, enrich, lookup_requests
    from diffdata.s2 import S2Cache, fetch_all

    requests = lookup_requests(merged.papers)
    answers = fetch_all(requests, None, S2Cache(root / "raw" / "semanticscholar"), progress=False,
                        log=lambda _msg: None)
    enriched = enrich(merged.papers, answers, requests=requests)
    issues = pd.concat([merged.issues, enriched.issues], ignore_index=True)
    occurrences, matches, issues = apply_merges(merged.occurrences, merged.matches, issues, enriched.merges)
    return [enriched.papers, enriched.citations, enriched.merges, occurrences, matches, issues]


class Version:
    """A child process importing diffdata from ``src``."""

    def __init__(self, src: Path, root: Path, stage: str, tables: Path | None = None) -> None:
        env = {**os.environ, "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0", "PYTHONPATH": str(src.resolve())}
        extra = [str(tables)] if tables else []
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "_child", str(root), stage,
                                      *extra], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the child for {src} did not start")

    def run(self) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        child(Path(argv[1]), argv[2], Path(argv[3]) if len(argv) > 3 else None)
        return
    if argv and argv[0] == "_prepare":
        prepare_tables(Path(argv[1]), Path(argv[2]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="a project root with raw/lists/ (e.g. synthetic.py's)")
    ap.add_argument("--stage", choices=STAGES, required=True)
    ap.add_argument("--a", type=Path, required=True, help="src/ folder of version A (the baseline)")
    ap.add_argument("--b", type=Path, required=True, help="src/ folder of version B")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--tables", type=Path, help="pickle of pipeline.analyse's tables for the stages after "
                    "enrichment (made by version A when missing)")
    ap.add_argument("--fresh", action="store_true", help="run each time in a new child (after the same untimed "
                    "preparation), so that no memo is warm from an earlier run, as in a build")
    args = ap.parse_args(argv)
    if args.stage in ANALYSED:
        if args.tables is None:
            ap.error(f"--stage {args.stage} needs --tables FILE")
        if not args.tables.exists():
            env = {**os.environ, "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0", "PYTHONPATH": str(args.a.resolve())}
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "_prepare", str(args.root),
                            str(args.tables)], env=env, check=True)
    tables = args.tables if args.stage in ANALYSED else None
    ta: list[float] = []
    tb: list[float] = []
    same = True
    if args.fresh:  # a new child for every run: each run is the stage's first in its process (cold caches)
        digests: set[str] = set()
        for _ in range(args.repeats):
            for src, times in ((args.a, ta), (args.b, tb)):
                version = Version(src, args.root, args.stage, tables)
                try:
                    result = version.run()
                finally:
                    version.close()
                times.append(result["s"])
                digests.add(result["sha256"])
        same = len(digests) == 1
    else:
        a = Version(args.a, args.root, args.stage, tables)
        b = Version(args.b, args.root, args.stage, tables)
        try:
            for _ in range(args.repeats):
                ra, rb = a.run(), b.run()
                ta.append(ra["s"])
                tb.append(rb["s"])
                same = same and ra["sha256"] == rb["sha256"]
        finally:
            a.close()
            b.close()
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"stage {args.stage} on {args.root}, {args.repeats} runs each in turn (A B A B ...)"
          + (", each in a fresh child" if args.fresh else ", in one child per version"))
    print(f"A {args.a}: " + ", ".join(f"{x:.3f}" for x in ta) + f" s; median {ma:.3f} s")
    print(f"B {args.b}: " + ", ".join(f"{x:.3f}" for x in tb) + f" s; median {mb:.3f} s")
    print("B/A per pair: " + ", ".join(f"{y / x:.2f}" for x, y in zip(ta, tb, strict=True))
          + f"; median of pairs {statistics.median(y / x for x, y in zip(ta, tb, strict=True)):.2f}; "
          f"ratio of medians {mb / ma:.2f}")
    print("outputs identical: " + ("yes" if same else "NO"))


if __name__ == "__main__":
    main()
