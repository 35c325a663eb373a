"""How much of a rebuild after one small list changed goes to the lists that did not change.

Issue 13's target: with the five seed lists and a large real list, a rebuild after one small list changes
spends at most 10% of its time on the unchanged lists. This script makes a scratch root in a temporary folder
(never in the repository): the seed lists of ``raw/lists/``, the given real list(s) copied beside them, the
seeds' Semantic Scholar cache and key registry; builds it once offline (which fills ``build/parse-cache/``),
then ``--repeats`` times appends a blank line to ``--change`` (a small seed list) and rebuilds, each time in a
fresh process that times, inside ``pipeline.build``:

- the parse cache's look-ups (a hit is the cost of an unchanged list; a miss is the changed list),
- the parse of the changed list (``parse_document``), and the rest of ``parse_lists`` (the occurrences table
  of every list's rows),
- every later stage (dedupe, lookups, enrichment, keys, integrity, stand-ins, render, writes).

No stage after parse is incremental: each reworks every mention, so a share of its time equal to the
unchanged lists' share of the mentions is work on unchanged lists. The script prints, per run and as
medians: the build's time, the cache hits, that proportional share of the rest, and their sum as a fraction
of the build (the target's measure); and the whole process's wall time (interpreter start and imports
included, which do not depend on the lists). Run by hand::

    .venv/bin/python benchmarks/rebuild.py --real ../shared/real-lists/showlab__Awesome-Video-Diffusion.md

``--src DIR`` measures another ``src/`` (e.g. a ``git archive`` of a commit).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

#: The functions of ``diffdata.pipeline`` timed in the child: everything ``build`` calls after parsing.
LATER_STAGES = ("merge_mentions", "lookup_requests", "_fetch", "enrich", "apply_merges", "assign_keys",
                "check_integrity", "title_stand_ins", "report_title_stand_ins", "render")


def child(root: Path, out: Path) -> None:
    """Rebuild ``root`` once, offline, with the timers patched in; write the figures to ``out`` as JSON."""
    t0 = time.perf_counter()
    import diffdata.parse as parse
    import diffdata.pipeline as pipeline
    from diffdata import storage
    from diffdata.parsecache import DirectoryCache
    from diffdata.s2 import S2Settings

    imported = time.perf_counter() - t0
    spent: dict[str, float] = {}
    gets: list[tuple[bool, float]] = []
    counts: dict[str, int] = {}

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return wrapper

    real_get = DirectoryCache.get

    def get(self, key):
        t = time.perf_counter()
        hit = real_get(self, key)
        gets.append((hit is not None, time.perf_counter() - t))
        if hit is not None:
            counts["cached_rows"] = counts.get("cached_rows", 0) + len(hit[0])
        return hit

    real_parse_document = parse.parse_document

    def parse_document(source, text):
        t = time.perf_counter()
        result = real_parse_document(source, text)
        spent["parse changed lists"] = spent.get("parse changed lists", 0.0) + time.perf_counter() - t
        counts["parsed_rows"] = counts.get("parsed_rows", 0) + len(result[0])
        return result

    DirectoryCache.get = get  # type: ignore[method-assign]
    parse.parse_document = parse_document
    pipeline.parse_lists = timed("parse_lists", pipeline.parse_lists)
    for name in LATER_STAGES:
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    storage.atomic_write_bytes = timed("write files", storage.atomic_write_bytes)
    storage.atomic_write_text = timed("write registry", storage.atomic_write_text)

    t = time.perf_counter()
    result = pipeline.build(root, log=lambda _msg: None,
                            enrich_options=pipeline.EnrichOptions(S2Settings(offline=True), progress=False))
    build_s = time.perf_counter() - t
    out.write_text(json.dumps({"import_s": imported, "build_s": build_s, "spent": spent, "gets": gets,
                               "counts": counts, "mentions": len(result.occurrences),
                               "works": len(result.papers)}), encoding="utf-8")


def analyse_run(r: dict[str, Any]) -> dict[str, float]:
    """The run's figures: what goes to unchanged lists, and what does not."""
    spent = r["spent"]
    hits = sum(s for hit, s in r["gets"] if hit)
    misses = sum(s for hit, s in r["gets"] if not hit)
    parsed = spent.get("parse changed lists", 0.0)
    assembly = spent["parse_lists"] - hits - misses - parsed  # keys, cache writes, the occurrences table
    later = sum(spent.get(n, 0.0) for n in LATER_STAGES) + spent.get("write files", 0.0)
    later += spent.get("write registry", 0.0)
    cached, fresh = r["counts"].get("cached_rows", 0), r["counts"].get("parsed_rows", 0)
    share = cached / max(cached + fresh, 1)
    unchanged = hits + share * (assembly + later)
    return {"build_s": r["build_s"], "cache_hits_s": hits, "cache_misses_s": misses, "parse_changed_s": parsed,
            "parse_rest_s": assembly, "later_stages_s": later, "unchanged_share_of_mentions": share,
            "unchanged_s": unchanged, "unchanged_fraction": unchanged / r["build_s"],
            "hits_fraction": hits / r["build_s"]}


def make_root(root: Path, real: list[Path]) -> None:
    """Seeds, their Semantic Scholar cache and key registry, and the real lists, in a scratch root."""
    shutil.copytree(REPO / "raw" / "lists", root / "raw" / "lists")
    for name in ("semanticscholar",):
        if (REPO / "raw" / name).is_dir():
            shutil.copytree(REPO / "raw" / name, root / "raw" / name)
    if (REPO / "raw" / "citation_keys.csv").exists():
        shutil.copy2(REPO / "raw" / "citation_keys.csv", root / "raw" / "citation_keys.csv")
    for path in real:
        shutil.copy2(path, root / "raw" / "lists" / path.name)
    (root / "processed").mkdir()


def spawn(args: list[str], src: Path | None) -> float:
    env = {**os.environ, "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0"}
    if src:
        env["PYTHONPATH"] = str(src.resolve())
    t = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        child(Path(argv[1]), Path(argv[2]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--real", type=Path, action="append", required=True, help="a real list to add (repeatable)")
    ap.add_argument("--change", default="reading-list.md", help="the seed list changed before each rebuild")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--src", type=Path, help="a diffdata src/ folder to measure instead of the installed one")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="diffdata-rebuild-") as tmp:
        root = Path(tmp) / "root"
        make_root(root, args.real)
        sizes = {p.name: p.stat().st_size for p in sorted((root / "raw" / "lists").iterdir())}
        print("lists: " + ", ".join(f"{n} {s} B" for n, s in sizes.items()))
        first = spawn(["-m", "diffdata", "build", "--root", str(root), "--offline", "--quiet"], args.src)
        print(f"first build (fills the parse cache): {first:.2f} s wall")
        runs, walls = [], []
        changed = root / "raw" / "lists" / args.change
        for i in range(args.repeats):
            with changed.open("a", encoding="utf-8") as fh:
                fh.write("\n")
            out = Path(tmp) / f"run{i}.json"
            walls.append(spawn([str(Path(__file__).resolve()), "_child", str(root), str(out)], args.src))
            r = json.loads(out.read_text(encoding="utf-8"))
            a = analyse_run(r)
            runs.append(a)
            print(f"run {i + 1}: wall {walls[-1]:.2f} s, import {r['import_s']:.2f} s, build() {a['build_s']:.3f} s: "
                  f"cache hits {a['cache_hits_s']:.3f} s, cache misses {a['cache_misses_s']:.3f} s, "
                  f"parse of {args.change} {a['parse_changed_s']:.3f} s, rest of parse {a['parse_rest_s']:.3f} s, "
                  f"later stages {a['later_stages_s']:.3f} s; unchanged lists' share of mentions "
                  f"{a['unchanged_share_of_mentions']:.3f}; on unchanged lists {a['unchanged_s']:.3f} s = "
                  f"{100 * a['unchanged_fraction']:.1f}% of build() (cache hits alone "
                  f"{100 * a['hits_fraction']:.1f}%)")
            stages = ", ".join(f"{k} {v:.3f}" for k, v in r["spent"].items())
            print(f"  {r['mentions']} mentions, {r['works']} works; timed (s): {stages}")
        med = {k: statistics.median(a[k] for a in runs) for k in runs[0]}
        print(f"medians of {args.repeats} rebuilds: wall {statistics.median(walls):.2f} s, build() "
              f"{med['build_s']:.3f} s, cache hits {med['cache_hits_s']:.3f} s, parse of the changed list "
              f"{med['parse_changed_s']:.3f} s, rest of parse {med['parse_rest_s']:.3f} s, later stages "
              f"{med['later_stages_s']:.3f} s; on unchanged lists {med['unchanged_s']:.3f} s = "
              f"{100 * med['unchanged_fraction']:.1f}% of build() (target: at most 10%); cache hits alone "
              f"{100 * med['hits_fraction']:.1f}% of build()")


if __name__ == "__main__":
    main()
