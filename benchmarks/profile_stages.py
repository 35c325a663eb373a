"""Profile the pipeline's stages (cProfile) on a generated root, optionally with a proposed fix patched in.

    /work/main/.venv/bin/python benchmarks/synthetic.py --mentions 100k --out /tmp/syn100k
    /work/main/.venv/bin/python benchmarks/profile_stages.py --root /tmp/syn100k
    /work/main/.venv/bin/python benchmarks/profile_stages.py --root /tmp/syn100k --no-profile --ascii-fastpath

It copies ``--root``'s ``raw/lists`` to a temporary root and runs :func:`run.run_stages` there (the same calls,
in the same order, as ``pipeline.build``), printing the stage times, then the top functions by cumulative and
by own time. ``--ascii-fastpath`` measures a proposed fix without touching ``src/``: ``diffdata.text``'s
``strip_emoji`` and ``fold_accents`` return early for ASCII text (exact: no ASCII character is a pictograph or
has a combining mark) and ``title_key`` is memoised; the patch lives only in this process.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


def patch_ascii_fastpath() -> None:
    """Monkeypatch the proposed text fast paths into every loaded diffdata module that imported them."""
    import diffdata.text as text

    slow_strip, slow_fold, slow_key = text.strip_emoji, text.fold_accents, text.title_key

    def strip_emoji(s: str) -> str:
        if s.isascii():
            return text._EMOJI_CODE_RE.sub(" ", s)
        return slow_strip(s)

    def fold_accents(s: str) -> str:
        return s if s.isascii() else slow_fold(s)

    title_key = functools.lru_cache(maxsize=1 << 18)(slow_key)
    import diffdata.bibtex
    import diffdata.dedupe
    import diffdata.keys
    import diffdata.parse

    for mod in (text, diffdata.parse, diffdata.dedupe, diffdata.keys, diffdata.bibtex):
        for name, fn in (("strip_emoji", strip_emoji), ("fold_accents", fold_accents), ("title_key", title_key)):
            if hasattr(mod, name):
                setattr(mod, name, fn)


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="a root made by synthetic.py (raw/lists/ inside)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--ascii-fastpath", action="store_true", help="patch in the proposed text fast paths")
    ap.add_argument("--no-profile", action="store_true", help="only time the stages (no cProfile overhead)")
    ap.add_argument("--stages", help="profile only these stages (comma-separated names of run.STAGES, e.g. "
                    "'write csv,write bibtex'); the others run unprofiled")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.stages.split(",")] if args.stages else list(run.STAGES)
    unknown = [s for s in only if s not in run.STAGES]
    if unknown:
        ap.error(f"unknown stage(s) {unknown}; stages: {run.STAGES}")
    if args.ascii_fastpath:
        patch_ascii_fastpath()
    with tempfile.TemporaryDirectory(prefix="diffdata-prof-") as tmp:
        root = Path(tmp)
        shutil.copytree(args.root / "raw" / "lists", root / "raw" / "lists")
        (root / "processed").mkdir()
        prof = None if args.no_profile else cProfile.Profile()
        if prof:
            run.PROFILE.update(profiler=prof, stages=set(only))
        result = run.run_stages(root)
    print(f"mentions {result['mentions']}, works {result['works']}, ascii fast path: {args.ascii_fastpath}, "
          f"profiled: {', '.join(only) if prof else 'no'}")
    print(", ".join(f"{k} {v:.2f} s" for k, v in result["stages"].items())
          + f"; sum {sum(result['stages'].values()):.2f} s")
    if prof:
        for order in ("cumulative", "tottime"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats(order).print_stats(args.top)
            print(buf.getvalue())


if __name__ == "__main__":
    main()
