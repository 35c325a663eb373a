"""Compare diffdata's merge of mentions with bib-dedupe (PyPI ``bib-dedupe``) on the same synthetic mentions.

Run with a Python that has bib-dedupe, pandas and pyarrow, never the project's ``.venv``::

    python3.11 -m venv /tmp/bd-venv && /tmp/bd-venv/bin/pip install bib-dedupe pyarrow
    /work/main/.venv/bin/python benchmarks/run.py --sizes 10k --workdir /tmp/diffbench --skip-make
    /tmp/bd-venv/bin/python benchmarks/compare_bib_dedupe.py --root /tmp/diffbench/10000/build

``--root`` is a root that ``run.py`` built (``truth.csv``, ``raw/lists/``, ``processed/occurrences.parquet``).
The two tools are timed in the same run, in turn (bib-dedupe, diffdata, bib-dedupe, diffdata...,
``--repeats`` times each): bib-dedupe in this process, diffdata's dedupe stage (``merge_mentions``) in a child
process of the project's Python (``--diffdata-python``; ``--diffdata-src`` for another ``src/``), which reads
the same mentions from ``occurrences.parquet`` once, untimed, and then runs the stage on them each time it is
asked; medians and the ratio of medians are printed. The records given to
bib-dedupe are the
mentions as diffdata parsed them (the occurrences table): ``ID`` = occurrence id, ``title``, ``author``
(``Last, First and ...``), ``year``, ``journal`` (arXiv and journals) or ``booktitle`` (conferences) from the
venue, ``url``, and ``doi`` = the arXiv DOI ``10.48550/arXiv.<id>`` when the mention has an arXiv id (bib-dedupe
has no arXiv field; the arXiv DOI is the official DOI of an arXiv paper) or its DOI. NeurIPS and OpenReview
ids have no DOI and are left out, as is the mention's kind (bib-dedupe has no notion of a blog post or video).

bib-dedupe's steps (prep, block, match, cluster) are timed. Its grouping is scored twice with the same
pairwise precision and recall as ``run.py``: with the pairs it labels ``duplicate`` (what it merges on its own)
and with its ``maybe`` pairs merged as well (what a reviewer accepting every ``maybe`` would get).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

import metrics

_CONFERENCES = {"neurips", "iclr", "icml", "cvpr", "iccv", "eccv", "aaai", "siggraph", "icassp"}


def _last_first(name: str) -> str:
    parts = name.split()
    if len(parts) < 2:
        return name
    particles = {"van", "von", "der", "den", "de", "di", "da", "le"}
    i = len(parts) - 1
    while i > 1 and parts[i - 1].lower() in particles:
        i -= 1
    return f"{' '.join(parts[i:])}, {' '.join(parts[:i])}"


def to_records(occ: pd.DataFrame) -> pd.DataFrame:
    """The occurrences table as bib-dedupe input records (one per mention)."""
    rows: list[dict[str, Any]] = []
    for r in occ.itertuples(index=False):
        venue = r.venue if isinstance(r.venue, str) else ""
        base = venue.split(" ")[0].lower() if venue else ""
        conference = base in _CONFERENCES
        authors = [a for a in (list(r.authors) if r.authors is not None else []) if a and "et al" not in a]
        doi = ""
        if isinstance(r.arxiv_id, str) and r.arxiv_id:
            doi = f"10.48550/arXiv.{r.arxiv_id}"
        elif isinstance(r.doi, str) and r.doi:
            doi = r.doi
        year = "" if r.year is None or pd.isna(r.year) else str(int(r.year))
        rows.append({
            "ID": r.occurrence_id,
            "ENTRYTYPE": "inproceedings" if conference else "article",
            "title": r.title if isinstance(r.title, str) else "",
            "author": " and ".join(_last_first(a) for a in authors),
            "year": year,
            "journal": "" if conference else venue,
            "booktitle": venue if conference else "",
            "doi": doi,
            "url": r.url if isinstance(r.url, str) else "",
        })
    return pd.DataFrame(rows)


def run_bib_dedupe(records: pd.DataFrame, cpu: int) -> tuple[dict[str, list[list[str]]], dict[str, float]]:
    """bib-dedupe's prep, block, match and cluster, each timed; the clusters of its ``duplicate`` pairs, and of
    its ``duplicate`` and ``maybe`` pairs (the second clustering is not timed)."""
    import bib_dedupe.bib_dedupe as bd

    times: dict[str, float] = {}
    t = time.perf_counter()
    prepped = bd.prep(records, verbosity_level=0, cpu=cpu)
    times["prep"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs = bd.block(prepped, verbosity_level=0, cpu=cpu)
    times["block"] = time.perf_counter() - t
    t = time.perf_counter()
    matched = bd.match(pairs, verbosity_level=0, cpu=cpu)
    times["match"] = time.perf_counter() - t
    t = time.perf_counter()
    clusters = bd.cluster(matched, verbosity_level=0)
    times["cluster"] = time.perf_counter() - t
    times["total"] = times["prep"] + times["block"] + times["match"] + times["cluster"]
    times["pairs_blocked"] = float(len(pairs))
    labels = matched["duplicate_label"] if len(matched) else pd.Series([], dtype=object)
    times["pairs_duplicate"] = float((labels == "duplicate").sum())
    times["pairs_maybe"] = float((labels == "maybe").sum())
    with_maybe = matched.copy()
    if len(with_maybe):
        with_maybe.loc[with_maybe["duplicate_label"] == "maybe", "duplicate_label"] = "duplicate"
    return {"duplicate": clusters, "duplicate+maybe": bd.cluster(with_maybe, verbosity_level=0)}, times


# ------------------------------------------------------------------- diffdata's side (the project's Python)


def diffdata_child(root: Path) -> None:
    """Read the mentions of ``occurrences.parquet`` once (untimed; the ``work_id`` column emptied), then run
    ``merge_mentions`` on them each time a line arrives on stdin, answering with its time; after the first run,
    write the grouping to ``root/.bench-dd-groups.json``."""
    from diffdata.dedupe import merge_mentions

    occurrences = pq.read_table(root / "processed" / "occurrences.parquet").to_pandas()
    occurrences["work_id"] = ""
    print("ready", flush=True)
    first = True
    for _line in sys.stdin:
        t = time.perf_counter()
        merged = merge_mentions(occurrences)
        elapsed = time.perf_counter() - t
        if first:
            o = merged.occurrences
            groups = [[s, int(n), w] for s, n, w in zip(o.source, o.line, o.work_id, strict=True)]
            (root / ".bench-dd-groups.json").write_text(json.dumps(groups), encoding="utf-8")
            first = False
        print(json.dumps({"dedupe_s": elapsed}), flush=True)


class DiffdataDedupe:
    """A child process of the project's Python that times diffdata's dedupe stage on request."""

    def __init__(self, python: str, root: Path, src: Path | None = None) -> None:
        env = {**os.environ, "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0"}
        if src is not None:
            env["PYTHONPATH"] = str(src.resolve())
        self.proc = subprocess.Popen([python, str(Path(__file__).resolve()), "_diffdata", str(root)], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdin is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the diffdata child did not start (see its error above)")

    def run(self) -> float:
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return float(json.loads(self.proc.stdout.readline())["dedupe_s"])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


# ------------------------------------------------------------------------------------------------- parent


def _row(name: str, time_s: str, q: metrics.PairScore) -> str:
    return (f"| {name} | {time_s} | {q.precision:.4f} | {q.recall:.4f} | {q.f1:.4f} | {q.predicted_pairs} | "
            f"{q.correct_pairs} | {q.true_pairs} |")


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_diffdata":
        diffdata_child(Path(argv[1]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="a root built by run.py (e.g. .../10000/build)")
    ap.add_argument("--cpu", type=int, default=-1, help="bib-dedupe's cpu argument (-1: all cores)")
    ap.add_argument("--repeats", type=int, default=3, help="runs of each tool, in turn (default 3)")
    ap.add_argument("--diffdata-python", default=str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "python"),
                    help="the Python with diffdata installed (default: the project's .venv)")
    ap.add_argument("--diffdata-src", type=Path, help="a diffdata src/ folder for that Python to import instead")
    args = ap.parse_args(argv)
    root: Path = args.root.resolve()
    truth = metrics.read_truth(root / "truth.csv")
    occ = pq.read_table(root / "processed" / "occurrences.parquet").to_pandas()
    records = to_records(occ)
    key_of = {oid: (s, int(n)) for oid, s, n in zip(occ.occurrence_id, occ.source, occ.line, strict=True)}

    dd = DiffdataDedupe(args.diffdata_python, root, args.diffdata_src)
    bd_times: list[dict[str, float]] = []
    dd_times: list[float] = []
    clusters: dict[str, list[list[str]]] = {}
    try:
        for n in range(args.repeats):  # in turn: A B A B ...
            clusters, times = run_bib_dedupe(records, args.cpu)
            bd_times.append(times)
            dd_times.append(dd.run())
            print(f"run {n + 1}: bib-dedupe {times['total']:.2f} s, diffdata dedupe {dd_times[-1]:.2f} s", flush=True)
    finally:
        dd.close()
    groups = json.loads((root / ".bench-dd-groups.json").read_text(encoding="utf-8"))
    dd_group = {(s, n): w for s, n, w in groups}

    def bd_grouping(found: list[list[str]]) -> dict[tuple[str, int], Any]:
        out: dict[tuple[str, int], Any] = {key_of[oid]: ("bd", oid) for oid in occ.occurrence_id}
        for i, members in enumerate(found):
            for oid in members:
                out[key_of[oid]] = i
        return out

    bd_dup, bd_maybe = bd_grouping(clusters["duplicate"]), bd_grouping(clusters["duplicate+maybe"])
    # the mentions bib-dedupe is designed for: records with authors and a year (awesome blocks here)
    full = {key_of[i] for i, a, y in zip(records.ID, records.author, records.year, strict=True) if a and y}
    truth_full = {k: v for k, v in truth.items() if k in full}

    bd_med = statistics.median(t["total"] for t in bd_times)
    dd_med = statistics.median(dd_times)
    last = bd_times[-1]
    print()
    print(f"records: {len(records)} mentions from {root}; bib-dedupe {_version()} cpu={args.cpu}; "
          f"blocked pairs: {int(last['pairs_blocked'])}; labelled duplicate: {int(last['pairs_duplicate'])}, "
          f"maybe: {int(last['pairs_maybe'])}")
    for step in ("prep", "block", "match", "cluster"):
        print(f"bib-dedupe {step}: median {statistics.median(t[step] for t in bd_times):.2f} s")
    print(f"{args.repeats} runs each, in turn; bib-dedupe (prep+block+match+cluster): "
          + ", ".join(f"{t['total']:.2f}" for t in bd_times) + " s; diffdata dedupe stage: "
          + ", ".join(f"{t:.2f}" for t in dd_times) + " s")
    print(f"medians: bib-dedupe {bd_med:.2f} s, diffdata dedupe stage {dd_med:.2f} s; ratio of medians "
          f"bib-dedupe / diffdata {bd_med / dd_med:.2f}; per run: "
          + ", ".join(f"{t['total'] / d:.2f}" for t, d in zip(bd_times, dd_times, strict=True)))
    print()
    print("| tool | median time | pair precision | pair recall | F1 | produced pairs | correct pairs | true pairs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(_row("bib-dedupe, duplicate pairs", f"{bd_med:.2f} s", metrics.pairwise(truth, bd_dup)))
    print(_row("bib-dedupe, duplicate + maybe pairs", "(same run)", metrics.pairwise(truth, bd_maybe)))
    print(_row("diffdata dedupe stage (merge_mentions)", f"{dd_med:.2f} s", metrics.pairwise(truth, dd_group)))
    print(_row(f"bib-dedupe duplicate, only the {len(full)} mentions with authors and year", "",
               metrics.pairwise(truth_full, bd_dup)))
    print(_row(f"bib-dedupe duplicate + maybe, only the {len(full)} mentions with authors and year", "",
               metrics.pairwise(truth_full, bd_maybe)))
    print(_row(f"diffdata, only the {len(full)} mentions with authors and year", "",
               metrics.pairwise(truth_full, dd_group)))


def _version() -> str:
    from importlib.metadata import version

    return version("bib-dedupe")


if __name__ == "__main__":
    main()
