"""Compare diffdata's merge of mentions with bib-dedupe (PyPI ``bib-dedupe``) on the same synthetic mentions.

Run with a Python that has bib-dedupe, pandas and pyarrow, never the project's ``.venv``::

    python3.11 -m venv /tmp/bd-venv && /tmp/bd-venv/bin/pip install bib-dedupe pyarrow
    /work/main/.venv/bin/python benchmarks/run.py --sizes 10k --workdir /tmp/diffbench --skip-make
    /tmp/bd-venv/bin/python benchmarks/compare_bib_dedupe.py --root /tmp/diffbench/10000/build

``--root`` is a root that ``run.py`` built (``truth.csv``, ``processed/occurrences.parquet`` and the
``.bench-build.json`` / sibling ``stages/.bench-stages.json`` timings). The records given to bib-dedupe are the
mentions as diffdata parsed them (the occurrences table): ``ID`` = occurrence id, ``title``, ``author``
(``Last, First and ...``), ``year``, ``journal`` (arXiv and journals) or ``booktitle`` (conferences) from the
venue, ``url``, and ``doi`` = the arXiv DOI ``10.48550/arXiv.<id>`` when the mention has an arXiv id (bib-dedupe
has no arXiv field; the arXiv DOI is the official DOI of an arXiv paper) or its DOI. NeurIPS and OpenReview
ids have no DOI and are left out, as is the mention's kind (bib-dedupe has no notion of a blog post or video).

bib-dedupe's steps (prep, block, match, cluster) are timed; only pairs it labels ``duplicate`` are merged
(``maybe`` pairs are meant for a human). The grouping is scored with the same pairwise precision and recall as
``run.py``.
"""

from __future__ import annotations

import argparse
import json
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


def run_bib_dedupe(records: pd.DataFrame, cpu: int) -> tuple[list[list[str]], dict[str, float]]:
    """bib-dedupe's prep, block, match and cluster, each timed; the duplicate clusters."""
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
    times["total"] = sum(times.values())
    times["pairs_blocked"] = float(len(pairs))
    return clusters, times


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="a root built by run.py (e.g. .../10000/build)")
    ap.add_argument("--cpu", type=int, default=-1, help="bib-dedupe's cpu argument (-1: all cores)")
    args = ap.parse_args(argv)
    root: Path = args.root
    truth = metrics.read_truth(root / "truth.csv")
    occ = pq.read_table(root / "processed" / "occurrences.parquet").to_pandas()
    records = to_records(occ)
    key_of = {oid: (s, int(n)) for oid, s, n in zip(occ.occurrence_id, occ.source, occ.line, strict=True)}

    clusters, times = run_bib_dedupe(records, args.cpu)
    bd_group: dict[tuple[str, int], Any] = {key_of[oid]: ("bd", oid) for oid in occ.occurrence_id}
    for i, members in enumerate(clusters):
        for oid in members:
            bd_group[key_of[oid]] = i
    dd_group = {key_of[oid]: w for oid, w in zip(occ.occurrence_id, occ.work_id, strict=True)}
    bd_score = metrics.pairwise(truth, bd_group)
    dd_score = metrics.pairwise(truth, dd_group)
    # the mentions bib-dedupe is designed for: records with authors and a year (awesome blocks here)
    full = {key_of[i] for i, a, y in zip(records.ID, records.author, records.year, strict=True) if a and y}
    truth_full = {k: v for k, v in truth.items() if k in full}
    bd_full, dd_full = metrics.pairwise(truth_full, bd_group), metrics.pairwise(truth_full, dd_group)

    build = json.loads((root / ".bench-build.json").read_text(encoding="utf-8"))
    stages_file = root.parent / "stages" / ".bench-stages.json"
    dedupe_s = json.loads(stages_file.read_text(encoding="utf-8"))["stages"]["dedupe"] if stages_file.exists() else None

    print(f"records: {len(records)} mentions from {root}; bib-dedupe cpu={args.cpu}; "
          f"blocked pairs: {int(times['pairs_blocked'])}")
    print("bib-dedupe steps: " + ", ".join(f"{k} {times[k]:.2f} s" for k in ("prep", "block", "match", "cluster")))
    print()
    print("| tool | time | pair precision | pair recall | F1 | produced pairs | correct pairs | true pairs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| bib-dedupe {_version()} (prep+block+match+cluster) | {times['total']:.2f} s | {bd_score.precision:.4f} | "
          f"{bd_score.recall:.4f} | {bd_score.f1:.4f} | {bd_score.predicted_pairs} | {bd_score.correct_pairs} | "
          f"{bd_score.true_pairs} |")
    if dedupe_s is not None:
        print(f"| diffdata dedupe stage (merge_mentions) | {dedupe_s:.2f} s | {dd_score.precision:.4f} | "
              f"{dd_score.recall:.4f} | {dd_score.f1:.4f} | {dd_score.predicted_pairs} | {dd_score.correct_pairs} | "
              f"{dd_score.true_pairs} |")
    print(f"| bib-dedupe, only the {len(full)} mentions with authors and year | | {bd_full.precision:.4f} | "
          f"{bd_full.recall:.4f} | {bd_full.f1:.4f} | {bd_full.predicted_pairs} | {bd_full.correct_pairs} | "
          f"{bd_full.true_pairs} |")
    print(f"| diffdata, only the {len(full)} mentions with authors and year | | {dd_full.precision:.4f} | "
          f"{dd_full.recall:.4f} | {dd_full.f1:.4f} | {dd_full.predicted_pairs} | {dd_full.correct_pairs} | "
          f"{dd_full.true_pairs} |")
    print(f"| diffdata build() end to end | {build['build_s']:.2f} s | (same grouping) | | | | | |")
    print()
    if dedupe_s:
        print(f"time ratio bib-dedupe / diffdata dedupe stage: {times['total'] / dedupe_s:.2f}")
    print(f"time ratio bib-dedupe / diffdata build() end to end: {times['total'] / build['build_s']:.2f}")


def _version() -> str:
    from importlib.metadata import version

    return version("bib-dedupe")


if __name__ == "__main__":
    main()
