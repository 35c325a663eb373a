"""How much of a rebuild after one small list changed goes to the lists that did not change.

Issue 13's target: with the five seed lists and a large real list, a rebuild after one small list changes
spends at most 10% of its time on the unchanged lists. This script makes a scratch root in a temporary folder
(never in the repository): the seed lists of ``raw/lists/``, the given real list(s) copied beside them, the
seeds' Semantic Scholar cache and key registry; builds it once offline (which fills ``build/parse-cache/`` and,
from the commit that added it, ``build/memo/``), then ``--repeats`` times changes ``--change`` (a small seed
list: a blank line appended, or with ``--add-entry`` a new paper's line) and rebuilds, each time in a fresh
process that times, inside ``pipeline.build``, every second as one of:

- work for the changed list: its parse (``parse_document``), the parse cache's misses, and the items the memo
  (``diffdata.memo.memo_map``) had to compute (a work whose mentions changed, an entry whose row changed);
- look-ups for the unchanged lists: the parse cache's hits, the memo file's load and save, and each
  ``memo_map`` call less the items it computed (keys, hits decoded, misses stored);
- whole-table work: every other second of ``build()`` (occurrences table, dedupe's rules, enrichment, keys,
  integrity, the stages and writers not memoised, Parquet, CSV, the report, file writes), which serves every
  list and is split by the lists' shares of the mentions.

On unchanged lists = look-ups + their share of the whole-table work; the script prints it per run and as
medians as a fraction of ``build()`` (the target's measure), the look-ups alone, and the whole process's wall
time (interpreter start and imports included, which do not depend on the lists). Run by hand::

    .venv/bin/python benchmarks/rebuild.py --real ../shared/real-lists/showlab__Awesome-Video-Diffusion.md

``--src DIR`` measures another ``src/`` (e.g. a ``git archive`` of a commit); given twice, the two versions
rebuild in turn, each in its own root, and the script prints the ratio of their ``build()`` times::

    git archive faae6be src | tar -x -C /tmp/rb-base
    .venv/bin/python benchmarks/rebuild.py --real ../shared/real-lists/showlab__Awesome-Video-Diffusion.md \
        --src /tmp/rb-base/src --src src
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
    from diffdata.parsecache import DirectoryCache
    from diffdata.s2 import S2Settings

    imported = time.perf_counter() - t0
    spent: dict[str, float] = {}
    gets: list[tuple[bool, float]] = []
    counts: dict[str, int] = {}

    def add(name: str, seconds: float, n: int = 0) -> None:
        spent[name] = spent.get(name, 0.0) + seconds
        counts[name] = counts.get(name, 0) + n

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                add(name, time.perf_counter() - t)
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
        add("parse changed lists", time.perf_counter() - t)
        counts["parsed_rows"] = counts.get("parsed_rows", 0) + len(result[0])
        return result

    DirectoryCache.get = get  # type: ignore[method-assign]
    parse.parse_document = parse_document
    _patch_memo(add)
    pipeline.parse_lists = timed("parse_lists", pipeline.parse_lists)
    for name in LATER_STAGES:
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))

    t = time.perf_counter()
    result = pipeline.build(root, log=lambda _msg: None,
                            enrich_options=pipeline.EnrichOptions(S2Settings(offline=True), progress=False))
    build_s = time.perf_counter() - t
    out.write_text(json.dumps({"import_s": imported, "build_s": build_s, "spent": spent, "gets": gets,
                               "counts": counts, "mentions": len(result.occurrences),
                               "works": len(result.papers)}), encoding="utf-8")


def _patch_memo(add) -> None:
    """Time the memo (absent before it was written): its file's load and save, and in every ``memo_map`` call
    the whole call and, apart, the items computed on a miss (the rest of the call is look-ups of hits)."""
    try:
        import diffdata.memo as memo
        from diffdata.parsecache import FileMemo
    except ImportError:
        return
    real_map = memo.memo_map

    def memo_map(memo_, name, fn, items, content=None):
        def computed(item):
            t = time.perf_counter()
            try:
                return fn(item)
            finally:
                add("memo misses: computing", time.perf_counter() - t, 1)

        t = time.perf_counter()
        items = list(items)
        try:
            return real_map(memo_, name, computed if memo_ is not None else fn, items, content)
        finally:
            add("memo_map calls", time.perf_counter() - t, len(items))

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("diffdata") and getattr(module, "memo_map", None) is real_map:
            module.memo_map = memo_map
    real_init, real_save = FileMemo.__init__, FileMemo.save

    def init(self, path):
        t = time.perf_counter()
        real_init(self, path)
        add("memo file: load", time.perf_counter() - t)

    def save(self):
        t = time.perf_counter()
        real_save(self)
        add("memo file: save", time.perf_counter() - t)

    FileMemo.__init__ = init  # type: ignore[method-assign]
    FileMemo.save = save  # type: ignore[method-assign]


def analyse_run(r: dict[str, Any]) -> dict[str, float]:
    """The run's figures. Every second of ``build()`` goes to one of: work for the changed list (its parse,
    parse-cache misses, items the memo had to compute), look-ups for the unchanged lists (parse-cache hits,
    the memo's file and its hits: each ``memo_map`` call less its computed items), or whole-table work (every
    other second: tables, sorting, the stages not memoised, serialising and writing whole files), which is
    split by the mentions' shares. On unchanged lists = look-ups + their share of the whole-table work."""
    spent = r["spent"]
    hits = sum(s for hit, s in r["gets"] if hit)
    misses = sum(s for hit, s in r["gets"] if not hit)
    parsed = spent.get("parse changed lists", 0.0)
    computed = spent.get("memo misses: computing", 0.0)
    memo_lookups = (spent.get("memo_map calls", 0.0) - computed + spent.get("memo file: load", 0.0)
                    + spent.get("memo file: save", 0.0))
    changed = parsed + misses + computed
    lookups = hits + memo_lookups
    whole = r["build_s"] - changed - lookups
    cached, fresh = r["counts"].get("cached_rows", 0), r["counts"].get("parsed_rows", 0)
    share = cached / max(cached + fresh, 1)
    unchanged = lookups + share * whole
    return {"build_s": r["build_s"], "cache_hits_s": hits, "memo_lookups_s": memo_lookups,
            "changed_s": changed, "parse_changed_s": parsed, "memo_computed_s": computed,
            "whole_table_s": whole, "unchanged_share_of_mentions": share, "unchanged_s": unchanged,
            "unchanged_fraction": unchanged / r["build_s"], "lookups_fraction": lookups / r["build_s"],
            "memo_items": r["counts"].get("memo_map calls", 0),
            "memo_computed_items": r["counts"].get("memo misses: computing", 0)}


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
    ap.add_argument("--add-entry", action="store_true",
                    help="append a new paper's line (another arXiv id each time) instead of a blank line")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--src", type=Path, action="append",
                    help="a diffdata src/ folder to measure instead of the installed one; given twice or more, the "
                         "versions rebuild in turn (A B A B ...), each in its own scratch root")
    args = ap.parse_args(argv)
    versions: list[Path | None] = args.src or [None]
    with tempfile.TemporaryDirectory(prefix="diffdata-rebuild-") as tmp:
        roots = [Path(tmp) / f"root{v}" for v in range(len(versions))]
        for root, src in zip(roots, versions, strict=True):
            make_root(root, args.real)
            first = spawn(["-m", "diffdata", "build", "--root", str(root), "--offline", "--quiet"], src)
            print(f"{src or 'installed'}: first build (fills the caches): {first:.2f} s wall")
        sizes = {p.name: p.stat().st_size for p in sorted((roots[0] / "raw" / "lists").iterdir())}
        print("lists: " + ", ".join(f"{n} {s} B" for n, s in sizes.items()))
        runs: list[list[dict[str, float]]] = [[] for _ in versions]
        walls: list[list[float]] = [[] for _ in versions]
        for i in range(args.repeats):
            for v, (root, src) in enumerate(zip(roots, versions, strict=True)):
                with (root / "raw" / "lists" / args.change).open("a", encoding="utf-8") as fh:
                    fh.write(f"- [A New Paper Number {i + 1}](https://arxiv.org/abs/2511.{i + 1:05d})\n"
                             if args.add_entry else "\n")
                out = Path(tmp) / f"run{v}-{i}.json"
                walls[v].append(spawn([str(Path(__file__).resolve()), "_child", str(root), str(out)], src))
                r = json.loads(out.read_text(encoding="utf-8"))
                a = analyse_run(r)
                runs[v].append(a)
                print(f"{src or 'installed'} run {i + 1}: wall {walls[v][-1]:.2f} s, import {r['import_s']:.2f} s, "
                      f"build() {a['build_s']:.3f} s: changed list {a['changed_s']:.3f} s (its parse "
                      f"{a['parse_changed_s']:.3f} s, memo items computed {a['memo_computed_items']} of "
                      f"{a['memo_items']} in {a['memo_computed_s']:.3f} s); look-ups "
                      f"{100 * a['lookups_fraction']:.1f}% (parse cache hits {a['cache_hits_s']:.3f} s, memo "
                      f"{a['memo_lookups_s']:.3f} s); whole-table work {a['whole_table_s']:.3f} s; unchanged lists' "
                      f"share of mentions {a['unchanged_share_of_mentions']:.3f}; on unchanged lists "
                      f"{a['unchanged_s']:.3f} s = {100 * a['unchanged_fraction']:.1f}% of build()")
                stages = ", ".join(f"{k} {s:.3f}" for k, s in r["spent"].items())
                print(f"  {r['mentions']} mentions, {r['works']} works; timed (s): {stages}")
        for v, src in enumerate(versions):
            med = {k: statistics.median(a[k] for a in runs[v]) for k in runs[v][0]}
            print(f"{src or 'installed'}: medians of {args.repeats} rebuilds: wall {statistics.median(walls[v]):.2f} "
                  f"s, build() {med['build_s']:.3f} s; changed list {med['changed_s']:.3f} s; look-ups "
                  f"{med['cache_hits_s']:.3f} s parse cache + {med['memo_lookups_s']:.3f} s memo = "
                  f"{100 * med['lookups_fraction']:.1f}% of build(); whole-table work {med['whole_table_s']:.3f} s; "
                  f"on unchanged lists {med['unchanged_s']:.3f} s = {100 * med['unchanged_fraction']:.1f}% of "
                  f"build() (target: at most 10%)")
        if len(versions) > 1:
            for v in range(1, len(versions)):
                ratios = [b["build_s"] / a["build_s"] for a, b in zip(runs[0], runs[v], strict=True)]
                print(f"build() of {versions[v]} / {versions[0]}: median of per-pair ratios "
                      f"{statistics.median(ratios):.3f} (" + ", ".join(f"{x:.3f}" for x in ratios) + ")")


if __name__ == "__main__":
    main()
