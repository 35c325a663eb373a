"""The ``diffdata`` command: a thin layer over the library. Each command calls one or two library functions
and turns their errors into a one-line message and an exit code.

Exit codes: 0 success; 1 the command ran but found errors (e.g. a list could not be read); 2 bad usage or
bad input (a missing file, a failed download, an invalid key registry or setting); 3 a crash (a file that
cannot be written, a full disk, a bug), told in one line naming the file and the cause.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

EXIT_OK, EXIT_LIST_ERRORS, EXIT_BAD_INPUT, EXIT_CRASH = 0, 1, 2, 3

EXAMPLES = {
    "build": "diffdata build            # rebuild processed/ from raw/ (what `make all` runs)",
    "parse": "diffdata parse raw/lists/reading-list.md   # print the mentions found, one JSON object per line",
    "add-list": "diffdata add-list https://raw.githubusercontent.com/o/r/main/README.md --name my-list.md",
    "check": "diffdata check README.md --format github   # findings as pull-request annotations",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="diffdata",
        description="Build a bibliographic dataset of diffusion-model research from curated reading lists.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  " + "\n  ".join(EXAMPLES.values()),
    )
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="rebuild processed/ from raw/", epilog="example: " + EXAMPLES["build"])
    b.add_argument("--root", type=Path, default=None, help="project root (default: found from the cwd)")
    b.add_argument("--quiet", action="store_true", help="print warnings and errors only")
    b.add_argument("--offline", action="store_true",
                   help="never contact Semantic Scholar (same as DIFFDATA_OFFLINE=1); use the cache only")
    b.add_argument("--refresh", action="store_true", help="refetch every Semantic Scholar answer")
    b.add_argument("--max-age", type=float, default=None, metavar="DAYS",
                   help="refetch cached Semantic Scholar answers older than DAYS")

    pa = sub.add_parser("parse", help="print the mentions found in list files (JSON lines)",
                        epilog="example: " + EXAMPLES["parse"])
    pa.add_argument("files", nargs="+", type=Path, help="markdown list files")
    pa.add_argument("--report", action="store_true", help="print the parse report instead of the mentions")

    a = sub.add_parser("add-list", help="copy or download a list into raw/lists/",
                       epilog="example: " + EXAMPLES["add-list"])
    a.add_argument("source", help="a URL (http/https) or a local path")
    a.add_argument("--name", default=None, help="file name in raw/lists/ (default: from the URL or path)")
    a.add_argument("--root", type=Path, default=None, help="project root (default: found from the cwd)")
    a.add_argument("--force", action="store_true", help="replace an existing list of that name")

    c = sub.add_parser("check", help="check lists: duplicate entries, links that disagree with their titles, "
                       "missing titles, years and venues (exit 1 on errors)",
                       epilog="example: " + EXAMPLES["check"] + "\nexit codes: 0 no error, 1 errors (with "
                       "--strict: or warnings), 2 bad usage", formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("files", nargs="*", type=Path, help="markdown list files (default: every list in raw/lists/)")
    c.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="text: FILE:LINE:COL: severity: message [CODE] (default); github: workflow commands "
                        "that GitHub Actions shows as annotations; json: one JSON object per line")
    c.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    c.add_argument("--severity", choices=("info", "warning", "error"), default="info",
                   help="print findings of this severity and above (the exit code counts them all)")
    c.add_argument("--online", action="store_true",
                   help="ask Semantic Scholar for works not in raw/semanticscholar/ (default: the cache only)")
    c.add_argument("--root", type=Path, default=None,
                   help="project root whose raw/lists/ and cache to use (default: found from the cwd, if any)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "parse":
            return _parse(args)
        if args.command == "add-list":
            return _add_list(args)
        if args.command == "check":
            return _check(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"diffdata: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a crash: not a bad list (1) nor bad input (2)
        print(f"diffdata: crash: {crash_message(exc)}", file=sys.stderr)
        return EXIT_CRASH
    return EXIT_BAD_INPUT


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def crash_message(exc: BaseException) -> str:
    """One line for an unexpected failure: the file concerned and the cause.

    For an operating-system error (read-only folder, full disk), the file it names; for anything else, the
    source file and line where it was raised. The outputs are whole old or whole new files either way.
    """
    if isinstance(exc, OSError) and exc.filename is not None:
        where = str(exc.filename)
        cause = f"{exc.strerror or _one_line(exc)} ({type(exc).__name__})"
    else:
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "diffdata"
        cause = f"{type(exc).__name__}: {_one_line(exc)}"
    return f"{where}: {cause}; every output is a whole old or whole new file"


def _build(args: argparse.Namespace) -> int:
    import os
    from dataclasses import replace
    from datetime import timedelta

    from diffdata.pipeline import EnrichOptions, build, find_root
    from diffdata.s2 import S2Settings

    root = args.root or find_root()
    quiet = args.quiet
    settings = S2Settings.from_env(os.environ)
    if args.offline:
        settings = replace(settings, offline=True)
    options = EnrichOptions(settings, refresh=args.refresh,
                            max_age=timedelta(days=args.max_age) if args.max_age is not None else None,
                            progress=not quiet and sys.stderr.isatty())

    def log(msg: str) -> None:
        if not quiet or msg.startswith(("warning", "error")):
            print(msg, file=sys.stderr)

    result = build(root, log=log, enrich_options=options)
    return EXIT_LIST_ERRORS if (result.report["severity"] == "error").any() else EXIT_OK


def _parse(args: argparse.Namespace) -> int:
    import pandas as pd

    from diffdata.parse import parse_lists
    from diffdata.storage import read_list_file

    docs, status = [], 0
    for path in args.files:
        f = read_list_file(path)
        if f.problem and f.severity in ("warning", "error"):
            print(f"diffdata: {f.severity}: {path}:{f.line or ''} {f.problem}", file=sys.stderr)
            status = 1
        if f.text is not None:
            docs.append({"source": path.name, "text": f.text})
    result = parse_lists(pd.DataFrame(docs, columns=["source", "text"]))
    table = result.report if args.report else result.occurrences
    for row in table.to_dict(orient="records"):
        print(json.dumps(jsonable(row), ensure_ascii=False, allow_nan=False))
    return status


def jsonable(value: object) -> object:
    """``value`` with every missing value (NaN, NA, NaT, None) as None, so it is JSON (``null``, never
    ``NaN``); numpy scalars and arrays become Python numbers and lists, anything else unknown a string."""
    import math

    import numpy as np
    import pandas as pd

    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str | bool | int):
        return value
    return str(value)


def _add_list(args: argparse.Namespace) -> int:
    from diffdata.addlist import AddListError, add_list
    from diffdata.pipeline import Paths, find_root

    root = args.root or find_root()
    try:
        path = add_list(args.source, Paths(root).lists, name=args.name, force=args.force)
    except AddListError as exc:
        print(f"diffdata: error: {exc}", file=sys.stderr)
        return 2
    print(f"added {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    import os
    import tempfile
    from dataclasses import replace

    import pandas as pd

    from diffdata.check import SEVERITIES, check, counts
    from diffdata.pipeline import EnrichOptions, Paths, analyse, find_root, load_documents
    from diffdata.s2 import S2Cache, S2Settings
    from diffdata.schemas import PARSE_REPORT
    from diffdata.storage import read_list_file

    try:
        root = args.root or find_root()
    except FileNotFoundError:
        root = None  # a list outside a diffdata checkout: no cache
    if args.files:
        docs, problems = [], []
        for path in dict.fromkeys(args.files):
            if not path.exists() and not path.is_symlink():
                raise FileNotFoundError(f"{path}: no such file")
            f = read_list_file(path)
            if f.problem:
                problems.append({"source": str(path), "line": f.line or 1, "severity": f.severity,
                                 "reason": f.problem, "url": None, "text": None})
            if f.text is not None:
                docs.append({"source": str(path), "text": f.text})
        documents = pd.DataFrame(docs, columns=["source", "text"])
        read_problems = pd.DataFrame(problems, columns=PARSE_REPORT.names)
        shown = {}
    else:
        if root is None:
            raise FileNotFoundError("no list named and no raw/lists/ folder here or above: name the lists to check")
        documents, read_problems, _ = load_documents(Paths(root))
        names = set(documents.source) | set(read_problems.source)
        shown = {n: os.path.relpath(Paths(root).lists / n) for n in names}
    settings = replace(S2Settings.from_env(os.environ), offline=not args.online or S2Settings.from_env().offline)
    options = EnrichOptions(settings, progress=False)

    def log(msg: str) -> None:
        if args.online:
            print(msg, file=sys.stderr)

    with tempfile.TemporaryDirectory() as scratch:
        cache = S2Cache(Paths(root).s2_cache if root is not None else Path(scratch))
        stages = analyse(documents, read_problems, cache, options, log=log)
    findings = check(stages.report, stages.occurrences, stages.matches, stages.issues,
                     papers=stages.enriched.papers, merges=stages.enriched.merges, documents=documents)
    findings["source"] = [shown.get(s, s) for s in findings["source"]]
    n = counts(findings)
    lowest = SEVERITIES.index(args.severity)
    for row in findings.to_dict(orient="records"):
        if SEVERITIES.index(row["severity"]) > lowest:
            continue
        if args.format == "json":
            print(json.dumps(jsonable(row), ensure_ascii=False, allow_nan=False))
        elif args.format == "github":
            print(github_command(row))
        else:
            print(f"{row['source']}:{row['line']}:{row['column']}: {row['severity']}: {row['message']} "
                  f"[{row['code']}]")
    lists = len(set(documents.source) | set(read_problems.source))
    summary = (f"{n['error']} error(s), {n['warning']} warning(s), {n['info']} info(s) in {lists} list(s)"
               + (" (--strict: warnings fail)" if args.strict and n["warning"] else ""))
    print(summary, file=sys.stderr if args.format == "json" else sys.stdout)
    failed = n["error"] > 0 or (args.strict and n["warning"] > 0)
    return EXIT_LIST_ERRORS if failed else EXIT_OK


GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def github_command(finding: dict) -> str:
    """A finding as a GitHub Actions workflow command, shown as an annotation on the file and line:
    ``::warning file=F,line=L,col=C,title=CODE rule::message``. Values are escaped as GitHub's toolkit does
    (``%``, CR and LF in the message; also ``:`` and ``,`` in the properties).

    >>> github_command({"severity": "info", "source": "a,b.md", "line": 3, "column": 1, "code": "DD102",
    ...                 "rule": "duplicate-across-sections", "message": "50% done"})
    '::notice file=a%2Cb.md,line=3,col=1,title=DD102 duplicate-across-sections::50%25 done'
    """
    def data(value: object) -> str:
        return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(value: object) -> str:
        return data(value).replace(":", "%3A").replace(",", "%2C")

    props = ",".join(f"{k}={prop(v)}" for k, v in (
        ("file", finding["source"]), ("line", finding["line"]), ("col", finding["column"]),
        ("title", f"{finding['code']} {finding['rule']}")))
    return f"::{GITHUB_LEVELS[finding['severity']]} {props}::{data(finding['message'])}"
