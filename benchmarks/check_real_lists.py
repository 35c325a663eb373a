"""Counts of `diffdata check` findings per code on real lists (run by hand, not a test).

    .venv/bin/python benchmarks/check_real_lists.py ../shared/real-lists/*.md

Each list is checked alone, offline, with no Semantic Scholar cache (as a maintainer's pre-commit run would);
the script prints a markdown table (one row per code, one column per list) and writes nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from diffdata.check import RULES, check
from diffdata.pipeline import EnrichOptions, analyse
from diffdata.s2 import S2Cache, S2Settings
from diffdata.schemas import PARSE_REPORT
from diffdata.storage import read_list_file


def findings(path: Path, empty_cache: Path) -> pd.DataFrame:
    """The findings of one list, as ``diffdata check LIST`` makes them (offline, no cache)."""
    f = read_list_file(path)
    docs = pd.DataFrame([{"source": path.name, "text": f.text}] if f.text is not None else [],
                        columns=["source", "text"])
    a = analyse(docs, pd.DataFrame(columns=PARSE_REPORT.names), S2Cache(empty_cache),
                EnrichOptions(S2Settings(offline=True), progress=False), log=lambda m: None)
    return check(a.report, a.occurrences, a.matches, a.issues, papers=a.enriched.papers, documents=docs)


def main(argv: list[str] | None = None) -> int:
    """Print the table of counts per code for the lists named."""
    import tempfile

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("lists", nargs="+", type=Path)
    lists = [p for p in args.parse_args(argv).lists if p.name != "README.md"]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    counts: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as cache:
        for path in lists:
            counts[path.name] = Counter(findings(path, Path(cache)).code)
    print(f"commit {commit or '?'}\n")
    print("| code | name | severity | " + " | ".join(p.name.removesuffix(".md") for p in lists) + " |")
    print("|---|---|---|" + "---:|" * len(lists))
    for code, rule in RULES.items():
        cells = [str(counts[p.name].get(code, 0)) for p in lists]
        if any(c != "0" for c in cells):
            print(f"| {code} | {rule.name} | {rule.severity} | " + " | ".join(cells) + " |")
    totals = [str(sum(counts[p.name].values())) for p in lists]
    print("| | **all** | | " + " | ".join(totals) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
