"""A cold build (no parse cache, no memo) of one root by two diffdata versions in turn (A B A B ...).

Each run copies the root's ``raw/`` into a fresh scratch root (so no ``build/`` folder exists) and runs
``python -m diffdata build --offline --quiet`` there with ``PYTHONPATH`` set to the version's ``src/``; it
prints each run's wall time and peak RSS (``os.wait4``), the medians and the ratio B/A, and whether the two
versions wrote identical ``processed/`` files. Run by hand::

    git archive faae6be src | tar -x -C /tmp/rb-base
    .venv/bin/python benchmarks/cold_ab.py --root /tmp/growth-base/100000/gen --a /tmp/rb-base/src --b src
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(root: Path, src: Path, scratch: Path) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (the build's and its parse workers'), peak RSS in MB and a digest of
    processed/ of one cold build of ``root`` by ``src``."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(root / "raw", scratch / "raw")
    (scratch / "processed").mkdir()
    env = {**os.environ, "PYTHONPATH": str(src.resolve()), "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0"}
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "diffdata", "build", "--offline", "--quiet", "--root",
                             str(scratch)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if status:
        raise SystemExit(f"build by {src} failed ({status})")
    digest = hashlib.sha256()
    for path in sorted((scratch / "processed").iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, digest.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--a", type=Path, required=True, help="src/ of version A")
    ap.add_argument("--b", type=Path, required=True, help="src/ of version B")
    ap.add_argument("--pairs", type=int, default=3)
    args = ap.parse_args()
    times: dict[str, list[float]] = {"A": [], "B": []}
    cpus: dict[str, list[float]] = {"A": [], "B": []}
    digests: dict[str, set[str]] = {"A": set(), "B": set()}
    with tempfile.TemporaryDirectory(prefix="diffdata-cold-") as tmp:
        for i in range(args.pairs):
            for name, src in (("A", args.a), ("B", args.b)):
                wall, cpu, rss, digest = run(args.root, src, Path(tmp) / "root")
                times[name].append(wall)
                cpus[name].append(cpu)
                digests[name].add(digest)
                print(f"pair {i + 1} {name}: {wall:.2f} s, CPU {cpu:.2f} s, peak RSS {rss:.0f} MB", flush=True)
    a, b = statistics.median(times["A"]), statistics.median(times["B"])
    ratios = [y / x for x, y in zip(times["A"], times["B"], strict=True)]
    print(f"medians: A {a:.2f} s, B {b:.2f} s, B/A {b / a:.3f} (per pair: "
          + ", ".join(f"{r:.3f}" for r in ratios) + ")")
    cpu_ratios = [y / x for x, y in zip(cpus["A"], cpus["B"], strict=True)]
    print(f"CPU medians: A {statistics.median(cpus['A']):.2f} s, B {statistics.median(cpus['B']):.2f} s (per pair: "
          + ", ".join(f"{r:.3f}" for r in cpu_ratios) + ")")
    print("processed/ identical: " + str(len(digests["A"] | digests["B"]) == 1))


if __name__ == "__main__":
    main()
