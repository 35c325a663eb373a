"""Time one stage of two diffdata versions on the same input, in turn (A B A B ...), and check their outputs.

Each version (a ``src/`` folder, e.g. a ``git archive`` of a commit) runs in its own child process, which
reads and parses the root's lists and runs the stages before the measured one once, untimed; then, each time
it is asked, it runs the measured stage and answers with its time and a SHA-256 of its output. The parent asks
A, then B, ``--repeats`` times, and prints every time, the medians, the ratio B/A per pair and of the medians,
and whether the outputs were identical. Run by hand::

    git archive 241b79c src | tar -x -C /tmp/dd-a
    .venv/bin/python benchmarks/synthetic.py --mentions 30k --out /tmp/syn30k
    .venv/bin/python benchmarks/ab_stages.py --root /tmp/syn30k --stage dedupe --a /tmp/dd-a/src --b src

Stages: ``dedupe`` (``merge_mentions`` on the parsed mentions; output: its four tables) and ``csv``
(``emit.to_csv`` of the occurrences, papers, matches and issues that dedupe gave; output: the CSV text).
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

STAGES = ("dedupe", "csv")


def _digest_frames(*frames) -> str:
    h = hashlib.sha256()
    for df in frames:
        h.update(repr(list(df.columns)).encode())
        h.update(repr(df.to_dict("list")).encode())
    return h.hexdigest()


def child(root: Path, stage: str) -> None:
    """Prepare the input of ``stage`` once, then run it once per line read from stdin."""
    from diffdata.dedupe import merge_mentions
    from diffdata.emit import to_csv
    from diffdata.parse import parse_lists
    from diffdata.pipeline import Paths, load_documents
    from diffdata.schemas import ISSUES, MATCHES, OCCURRENCES, PAPERS

    documents, _problems, _hashes = load_documents(Paths(root))
    occurrences = parse_lists(documents).occurrences
    merged = merge_mentions(occurrences) if stage == "csv" else None
    print("ready", flush=True)
    for _line in sys.stdin:
        t = time.perf_counter()
        if stage == "dedupe":
            out = merge_mentions(occurrences)
            elapsed = time.perf_counter() - t
            digest = _digest_frames(out.occurrences, out.papers, out.matches, out.issues)
        else:
            assert merged is not None
            text = "".join(to_csv(df, schema) for df, schema in ((merged.occurrences, OCCURRENCES),
                           (merged.papers, PAPERS), (merged.matches, MATCHES), (merged.issues, ISSUES)))
            elapsed = time.perf_counter() - t
            digest = hashlib.sha256(text.encode()).hexdigest()
        print(json.dumps({"s": elapsed, "sha256": digest}), flush=True)


class Version:
    """A child process importing diffdata from ``src``."""

    def __init__(self, src: Path, root: Path, stage: str) -> None:
        env = {**os.environ, "DIFFDATA_OFFLINE": "1", "PYTHONHASHSEED": "0", "PYTHONPATH": str(src.resolve())}
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "_child", str(root), stage],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
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
        child(Path(argv[1]), argv[2])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="a project root with raw/lists/ (e.g. synthetic.py's)")
    ap.add_argument("--stage", choices=STAGES, required=True)
    ap.add_argument("--a", type=Path, required=True, help="src/ folder of version A (the baseline)")
    ap.add_argument("--b", type=Path, required=True, help="src/ folder of version B")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    a = Version(args.a, args.root, args.stage)
    b = Version(args.b, args.root, args.stage)
    ta: list[float] = []
    tb: list[float] = []
    same = True
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
    print(f"stage {args.stage} on {args.root}, {args.repeats} runs each in turn (A B A B ...)")
    print(f"A {args.a}: " + ", ".join(f"{x:.3f}" for x in ta) + f" s; median {ma:.3f} s")
    print(f"B {args.b}: " + ", ".join(f"{x:.3f}" for x in tb) + f" s; median {mb:.3f} s")
    print("B/A per pair: " + ", ".join(f"{y / x:.2f}" for x, y in zip(ta, tb, strict=True))
          + f"; median of pairs {statistics.median(y / x for x, y in zip(ta, tb, strict=True)):.2f}; "
          f"ratio of medians {mb / ma:.2f}")
    print("outputs identical: " + ("yes" if same else "NO"))


if __name__ == "__main__":
    main()
