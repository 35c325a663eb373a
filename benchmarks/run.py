"""Benchmark the offline diffdata pipeline on synthetic lists of 1k, 10k and 100k mentions.

For each size: generate the lists with known truth (:mod:`synthetic`) into a temporary project root, then in
fresh subprocesses

1. ``build``: ``diffdata.pipeline.build`` end to end, offline (wall time of the subprocess, time of ``build``
   itself, peak RSS of the subprocess from ``os.wait4``);
2. ``stages``: the stage functions called directly, in the order of ``pipeline.build``, each timed (and the
   peak RSS reached after each stage);

and score the ``work_id`` grouping of the build's ``occurrences.parquet`` against the truth (pairwise precision
and recall). Finally it times a no-op ``make all`` on the real tree. Run by hand::

    /work/main/.venv/bin/python benchmarks/run.py --sizes 1k,10k,100k

The per-stage split mirrors ``pipeline.build`` as of this writing (read lists -> parse -> dedupe -> enrich
offline -> keys -> writers); if ``build`` changes, update :func:`run_stages`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import metrics  # noqa: E402

SRC_OVERRIDE: str | None = None  # --src: a diffdata src/ folder the children import instead of the installed one


def parse_size(text: str) -> int:
    """``'10k'`` -> 10000, ``'1000'`` -> 1000."""
    t = text.strip().lower()
    mult = {"k": 1000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if mult > 1 else t) * mult)


STAGES = ["read lists", "parse", "dedupe", "enrich (offline)", "keys", "integrity", "title stand-ins",
          "write parquet", "write csv", "write bibtex", "write docs"]


# ------------------------------------------------------------------------------------------------ children


def _maxrss_mb() -> float:
    """Peak RSS of this process image in MB: ``VmHWM`` (reset by exec, unlike ``ru_maxrss``, which Linux carries
    over from the parent's image across fork/exec), falling back to ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_build(root: Path) -> dict[str, Any]:
    """``pipeline.build`` end to end, offline, quiet. Returns its time and the counts it produced."""
    t0 = time.perf_counter()
    from diffdata.pipeline import EnrichOptions, build
    from diffdata.s2 import S2Settings

    t_import = time.perf_counter() - t0
    messages: list[str] = []
    t1 = time.perf_counter()
    result = build(root, log=messages.append, enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    t_build = time.perf_counter() - t1
    return {"import_s": t_import, "build_s": t_build, "mentions": len(result.occurrences),
            "works": len(result.papers), "maxrss_mb": _maxrss_mb(), "log": messages}


PROFILE: dict[str, Any] = {}  # profile_stages.py: {"profiler": cProfile.Profile, "stages": set of names}


CPU: dict[str, float] = {}  # each stage's CPU seconds (this process and the parse workers it waited for)


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the parse stage's worker processes)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


@contextmanager
def _timed(out: dict[str, float], rss: dict[str, float], name: str) -> Iterator[None]:
    prof = PROFILE.get("profiler") if name in PROFILE.get("stages", ()) else None
    t, c = time.perf_counter(), _cpu_s()
    if prof:
        prof.enable()
    yield
    if prof:
        prof.disable()
    out[name] = time.perf_counter() - t
    CPU[name] = _cpu_s() - c
    rss[name] = _maxrss_mb()


def run_stages(root: Path) -> dict[str, Any]:
    """The stages of ``pipeline.build``, called directly in its order, each timed (writes included)."""
    import pandas as pd

    from diffdata import emit, storage
    from diffdata.bibtex import report_title_stand_ins, title_stand_ins, to_bibtex
    from diffdata.dedupe import merge_mentions
    from diffdata.docs import build_report, datapackage, dataset_card, works_per_year_svg
    from diffdata.enrich import enrich, lookup_requests
    from diffdata.integrity import check_integrity
    from diffdata.keys import assign_keys
    from diffdata.parse import parse_lists
    from diffdata.pipeline import Paths, apply_merges, dataset_metadata, load_documents, read_registry
    from diffdata.s2 import S2Cache, S2Settings, fetch_all, make_client
    from diffdata.schemas import CITATIONS, ISSUES, MATCHES, OCCURRENCES, PAPERS, PARSE_REPORT

    # the CSV writer as the pipeline calls it (an older src/ has only the text one)
    csv_bytes = getattr(emit, "csv_bytes", None) or (lambda df, schema: emit.to_csv(df, schema).encode())
    times: dict[str, float] = {}
    rss: dict[str, float] = {"start": _maxrss_mb()}
    paths = Paths(root)
    quiet: Callable[[str], None] = lambda _msg: None  # noqa: E731
    with _timed(times, rss, "read lists"):
        documents, read_problems, hashes = load_documents(paths)
    with _timed(times, rss, "parse"):
        parsed = parse_lists(documents)
        report = (pd.concat([read_problems, parsed.report], ignore_index=True) if len(read_problems)
                  else parsed.report)
        report = report.sort_values(["source", "line", "reason", "url"], na_position="first", kind="stable")
        report = report.reset_index(drop=True)
    with _timed(times, rss, "dedupe"):
        merged = merge_mentions(parsed.occurrences)
    with _timed(times, rss, "enrich (offline)"):
        settings = S2Settings(offline=True)
        client = make_client(settings)
        requests = lookup_requests(merged.papers)
        answers = fetch_all(requests, client, S2Cache(paths.s2_cache), progress=False, log=quiet)
        enriched = enrich(merged.papers, answers, requests=requests)
        issues = pd.concat([merged.issues, enriched.issues], ignore_index=True)
        occurrences, matches, issues = apply_merges(merged.occurrences, merged.matches, issues, enriched.merges)
        issues = issues.sort_values(["kind", "work_id", "detail"], kind="stable").reset_index(drop=True)
    with _timed(times, rss, "keys"):
        registry = read_registry(paths.keys)
        keyed = assign_keys(enriched.papers, registry)
        papers = keyed.papers
        if keyed.added or not paths.keys.exists():
            storage.atomic_write_text(paths.keys, keyed.registry.to_csv(index=False, lineterminator="\n"))
    with _timed(times, rss, "integrity"):
        check_integrity(papers, occurrences, matches, issues, enriched.citations)
    with _timed(times, rss, "title stand-ins"):
        stand_ins = title_stand_ins(papers, occurrences)
        report = report_title_stand_ins(report, stand_ins)
        bib_titles = {w: t.title for w, t in stand_ins.items()}
    meta = dataset_metadata(hashes)
    files: dict[Path, bytes] = {}

    def put(batch: dict[Path, bytes]) -> None:
        for path, data in batch.items():
            storage.atomic_write_bytes(path, data)
        files.update(batch)

    with _timed(times, rss, "write parquet"):
        put({paths.out("occurrences.parquet"): storage.parquet_bytes(occurrences, OCCURRENCES, meta),
             paths.out("papers.parquet"): storage.parquet_bytes(papers, PAPERS, meta),
             paths.out("matches.parquet"): storage.parquet_bytes(matches, MATCHES, meta),
             paths.out("citations.parquet"): storage.parquet_bytes(enriched.citations, CITATIONS, meta)})
    with _timed(times, rss, "write csv"):
        put({paths.out("occurrences.csv"): csv_bytes(occurrences, OCCURRENCES),
             paths.out("papers.csv"): csv_bytes(papers, PAPERS),
             paths.out("issues.csv"): csv_bytes(issues, ISSUES),
             paths.out("parse_report.csv"): csv_bytes(report, PARSE_REPORT)})
    with _timed(times, rss, "write bibtex"):
        put({paths.out("papers.bib"): to_bibtex(papers, bib_titles).encode()})
    with _timed(times, rss, "write docs"):
        docs = {paths.out("works_per_year.svg"): works_per_year_svg(papers).encode(),
                paths.out("REPORT.md"): build_report(occurrences=occurrences, papers=papers, matches=matches,
                                                     issues=issues, report=report,
                                                     citations=enriched.citations).encode(),
                paths.out("README.md"): dataset_card(papers, occurrences, enriched.citations).encode()}
        hashes_out = {p.name: storage.sha256_bytes(d) for p, d in {**files, **docs}.items()}
        docs[paths.out("datapackage.json")] = storage.json_text(datapackage(hashes, hashes_out)).encode()
        put(docs)
    return {"stages": times, "cpu": dict(CPU), "rss_after_mb": rss, "mentions": len(occurrences),
            "works": len(papers), "maxrss_mb": _maxrss_mb()}


def child_main(mode: str, root: Path, out: Path) -> None:
    """Entry point of a measuring subprocess: run ``mode`` on ``root`` and write the JSON result to ``out``."""
    if mode == "import":
        t = time.perf_counter()
        import diffdata.pipeline  # noqa: F401

        result: dict[str, Any] = {"import_s": time.perf_counter() - t, "maxrss_mb": _maxrss_mb()}
    elif mode == "build":
        result = child_build(root)
    elif mode == "score":
        q = score(root)
        result = {"true_pairs": q.true_pairs, "predicted_pairs": q.predicted_pairs, "correct_pairs": q.correct_pairs,
                  "mentions": q.mentions, "maxrss_mb": _maxrss_mb()}
    else:
        import contextlib

        from diffdata import pipeline

        # as pipeline.build runs them (a src/ from before young_collections_only: the collector as it was)
        paused = getattr(pipeline, "young_collections_only", contextlib.nullcontext)
        with paused():
            result = run_stages(root)
    out.write_text(json.dumps(result), encoding="utf-8")


# ------------------------------------------------------------------------------------------------- parent


def spawn(mode: str, root: Path, timeout: float) -> dict[str, Any]:
    """Run ``child_main(mode, root)`` in a fresh interpreter; add its wall time and peak RSS (``wait4``)."""
    out = root / f".bench-{mode}.json"
    env = {**os.environ, "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0"}
    if SRC_OVERRIDE:
        env["PYTHONPATH"] = SRC_OVERRIDE
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "_child", mode, str(root), str(out)],
                            env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status) if pid else -9
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} on {root} failed ({proc.returncode}, {wall:.0f}s):\n{err[-3000:]}")
    result = json.loads(out.read_text(encoding="utf-8"))
    result["wall_s"] = wall
    result["peak_rss_mb"] = result["maxrss_mb"]  # the child's VmHWM
    result["ru_maxrss_mb"] = usage.ru_maxrss / 1024  # os.wait4; floored by this (small) parent's peak
    return result


def score(root: Path) -> metrics.PairScore:
    """Pairwise precision/recall of the build's ``work_id`` grouping against ``truth.csv``."""
    import pyarrow.parquet as pq

    truth = metrics.read_truth(root / "truth.csv")
    table = pq.read_table(root / "processed" / "occurrences.parquet", columns=["source", "line", "work_id"])
    occ = table.to_pydict()
    predicted = dict(zip(zip(occ["source"], occ["line"], strict=True), occ["work_id"], strict=True))
    missing = sum(k not in predicted for k in truth)
    extra = sum(k not in truth for k in predicted)
    if missing or extra:
        print(f"  note: {missing} true mentions not parsed, {extra} parsed mentions not in the truth")
    return metrics.pairwise(truth, predicted)


def _copy_root(src: Path, dst: Path) -> Path:
    shutil.copytree(src / "raw", dst / "raw")
    shutil.copy2(src / "truth.csv", dst / "truth.csv")
    (dst / "processed").mkdir()
    return dst


def bench_size(size: int, seed: int, work: Path, timeout: float, stages_only: bool = False,
               build_only: bool = False) -> dict[str, Any]:
    """Generate, build, time the stages and score one size (``build_only``: no stage-by-stage run;
    ``stages_only``: no end-to-end build; the stages' own outputs are scored)."""
    gen_root = work / f"{size}" / "gen"
    t = time.perf_counter()
    # generated in a subprocess so that this parent stays small (see spawn: ru_maxrss of a child is floored by
    # the parent's peak RSS on Linux)
    said = subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--mentions", str(size), "--seed", str(seed),
                           "--out", str(gen_root)], check=True, capture_output=True, text=True).stdout
    counts = {k: int(v) for k, v in (item.split("=") for item in said.split())}
    gen_s = time.perf_counter() - t
    print(f"[{size}] generated in {gen_s:.2f}s: {counts}", flush=True)
    built = None
    if not stages_only:
        build_root = _copy_root(gen_root, work / f"{size}" / "build")
        built = spawn("build", build_root, timeout)
        print(f"[{size}] build: wall {built['wall_s']:.2f}s, build() {built['build_s']:.2f}s, "
              f"peak RSS {built['peak_rss_mb']:.0f} MB", flush=True)
    staged = None
    if not build_only:
        stage_root = _copy_root(gen_root, work / f"{size}" / "stages")
        staged = spawn("stages", stage_root, timeout)
    scored = spawn("score", stage_root if stages_only else build_root, timeout)
    quality = metrics.PairScore(scored["true_pairs"], scored["predicted_pairs"], scored["correct_pairs"],
                                scored["mentions"])
    if staged:
        print(f"[{size}] stages: {', '.join(f'{k} {v:.2f}s' for k, v in staged['stages'].items())}", flush=True)
    return {"size": size, "counts": counts, "build": built, "stages": staged, "quality": quality,
            "true_works": counts["works"]}


def time_make(repo: Path, runs: int = 5) -> dict[str, Any]:
    """No-op ``make all``: on the real tree when ``make -q all`` says it is up to date (nothing is rebuilt or
    written), and on a copy of the tree (first ``make all`` builds, the second is timed)."""
    out: dict[str, Any] = {}
    env = {**os.environ, "DIFFDATA_OFFLINE": "1"}

    def timed_make(cwd: Path) -> tuple[float, str]:
        t = time.perf_counter()
        p = subprocess.run(["make", "all"], cwd=cwd, env=env, capture_output=True, text=True, check=True)
        return time.perf_counter() - t, (p.stdout + p.stderr).strip()

    up_to_date = subprocess.run(["make", "-q", "all"], cwd=repo, env=env, capture_output=True).returncode == 0
    if up_to_date:
        first, _ = timed_make(repo)
        second, said = timed_make(repo)
        more = [timed_make(repo)[0] for _ in range(runs)]
        out["real"] = {"first_s": first, "second_s": second, "more_s": more, "output": said}
    else:
        out["real"] = None
    with tempfile.TemporaryDirectory(prefix="diffdata-make-") as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(repo, copy, symlinks=True, ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist"))
        (copy / ".venv").symlink_to(repo / ".venv")
        first, _ = timed_make(copy)
        second, said = timed_make(copy)
        more = [timed_make(copy)[0] for _ in range(runs)]
        out["copy"] = {"first_s": first, "second_s": second, "more_s": more, "output": said}
    return out


def _mb(x: float) -> str:
    return f"{x:.0f} MB"


def print_tables(results: list[dict[str, Any]], imported: dict[str, Any] | None) -> None:
    """The tables RESULTS.md copies."""
    print()
    print("| mentions | true works | produced works | files | end-to-end wall (subprocess) | build() | "
          "peak RSS (VmHWM) | ru_maxrss (wait4) | pair precision | pair recall | F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        b, q = r["build"], r["quality"]
        if b is None:  # --stages-only: the stages run's works, no end-to-end figures
            print(f"| {r['size']} | {r['true_works']} | {r['stages']['works']} | {r['counts']['files']} | | | | | "
                  f"{q.precision:.4f} | {q.recall:.4f} | {q.f1:.4f} |")
            continue
        print(f"| {r['size']} | {r['true_works']} | {b['works']} | {r['counts']['files']} | {b['wall_s']:.2f} s | "
              f"{b['build_s']:.2f} s | {_mb(b['peak_rss_mb'])} | {_mb(b['ru_maxrss_mb'])} | {q.precision:.4f} | "
              f"{q.recall:.4f} | {q.f1:.4f} |")
    if imported:
        print(f"\n(import of diffdata.pipeline alone: {imported['import_s']:.2f} s, peak RSS "
              f"{_mb(imported['peak_rss_mb'])}, subprocess wall {imported['wall_s']:.2f} s)")
    print()
    results = [r for r in results if r["stages"]]  # --build-only: no stage figures
    if not results:
        return
    sizes = [r["size"] for r in results]
    print("| stage | " + " | ".join(f"{s} mentions" for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for stage in STAGES:
        print(f"| {stage} | " + " | ".join(f"{r['stages']['stages'][stage]:.2f} s" for r in results) + " |")
    print("| **sum of stages** | " + " | ".join(f"{sum(r['stages']['stages'].values()):.2f} s" for r in results)
          + " |")
    if all("cpu" in r["stages"] for r in results):  # CPU seconds: less moved by other jobs than wall time
        print("| CPU of the stages (this process and the parse workers) | "
              + " | ".join(f"{sum(r['stages']['cpu'].values()):.2f} s" for r in results) + " |")
        for stage in STAGES:
            print(f"| CPU: {stage} | " + " | ".join(f"{r['stages']['cpu'][stage]:.2f} s" for r in results) + " |")
    print("| peak RSS of the stages run | " + " | ".join(_mb(r["stages"]["peak_rss_mb"]) for r in results) + " |")
    print()
    print("| peak RSS after stage | " + " | ".join(f"{s} mentions" for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for stage in ["start", *STAGES]:
        print(f"| {stage} | " + " | ".join(_mb(r["stages"]["rss_after_mb"][stage]) for r in results) + " |")
    print()
    print("| mentions | true pairs | produced pairs | correct pairs |")
    print("|---:|---:|---:|---:|")
    for r in results:
        q = r["quality"]
        print(f"| {r['size']} | {q.true_pairs} | {q.predicted_pairs} | {q.correct_pairs} |")
    print_growth(results)


def growth_exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    """``log(t2 / t1) / log(n2 / n1)``: 1.0 when time is proportional to size, 2.0 when quadratic."""
    return math.log(max(t2, 1e-9) / max(t1, 1e-9)) / math.log(n2 / n1)


def print_growth(results: list[dict[str, Any]]) -> None:
    """Each stage's growth exponent between consecutive sizes (and the end-to-end build's, when run)."""
    ordered = sorted(results, key=lambda r: r["size"])
    pairs = list(itertools.pairwise(ordered))
    if not pairs:
        return
    print()
    print("| growth exponent (log time ratio / log size ratio) | "
          + " | ".join(f"{a['size']} -> {b['size']}" for a, b in pairs) + " |")
    print("|---|" + "---:|" * len(pairs))
    rows = [(s, lambda r, s=s: r["stages"]["stages"][s]) for s in STAGES]
    rows.append(("**sum of stages**", lambda r: sum(r["stages"]["stages"].values())))
    if all("cpu" in r["stages"] for r in ordered):
        rows += [(f"CPU: {s}", lambda r, s=s: r["stages"]["cpu"][s]) for s in STAGES]
        rows.append(("**CPU: sum of stages**", lambda r: sum(r["stages"]["cpu"].values())))
    if all(r["build"] for r in ordered):
        rows.append(("build() end to end", lambda r: r["build"]["build_s"]))
    for name, get in rows:
        print(f"| {name} | " + " | ".join(f"{growth_exponent(a['size'], get(a), b['size'], get(b)):.2f}"
                                           for a, b in pairs) + " |")


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        child_main(argv[1], Path(argv[2]), Path(argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1k,10k,100k", help="comma-separated total mentions (1k,10k,100k)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, help="keep the generated roots here (default: a temporary folder)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per subprocess")
    ap.add_argument("--skip-make", action="store_true", help="do not time the no-op make all")
    ap.add_argument("--stages-only", action="store_true", help="time the stages only (no end-to-end build "
                    "subprocess: half the time); the growth exponents need only the stages")
    ap.add_argument("--build-only", action="store_true", help="only the end-to-end build (and its score): no "
                    "stage-by-stage run, e.g. for one large size")
    ap.add_argument("--src", type=Path, help="benchmark this diffdata src/ folder (e.g. a `git archive` of a "
                    "commit) instead of the one installed in the venv")
    args = ap.parse_args(argv)
    global SRC_OVERRIDE
    if args.src:
        SRC_OVERRIDE = str(args.src.resolve())
        print(f"benchmarking diffdata from {SRC_OVERRIDE}")
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="diffdata-bench-")
        work = Path(tmp.name)
    else:
        work = args.workdir
        for size in sizes:
            shutil.rmtree(work / f"{size}", ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
    try:
        empty = work / "import-only"
        empty.mkdir(exist_ok=True)
        imported = spawn("import", empty, args.timeout)
        results = []
        for size in sizes:
            try:
                results.append(bench_size(size, args.seed, work, args.timeout, args.stages_only,
                                          args.build_only))
            except RuntimeError as exc:  # a failed build is a result too: report it and go on
                print(f"[{size}] FAILED: {exc}", flush=True)
        print_tables(results, imported)
        if not args.skip_make:
            made = time_make(REPO)
            print()
            real = made["real"]
            if real:
                print(f"no-op make all on {REPO}: second run {real['second_s']:.3f} s "
                      f"(first {real['first_s']:.3f} s; {len(real['more_s'])} more: "
                      + ", ".join(f"{x:.3f}" for x in real["more_s"]) + f" s); make said: {real['output']!r}")
            else:
                print(f"no-op make all on {REPO}: skipped, `make -q all` says the tree is not up to date "
                      "(someone changed an input); not rebuilding the real tree")
            c = made["copy"]
            print(f"no-op make all on a copy of the tree: first run {c['first_s']:.3f} s, second run "
                  f"{c['second_s']:.3f} s ({len(c['more_s'])} more: " + ", ".join(f"{x:.3f}" for x in c["more_s"])
                  + f" s); make said: {c['output']!r}")
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
