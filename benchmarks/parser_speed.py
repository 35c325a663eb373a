"""markdown-it-py (the parser diffdata uses) against markdown-it-pyrs (Rust), on the same lists, in turn.

Not run by the project: it needs both libraries, so run it in a separate venv (markdown-it-pyrs is not a
dependency of diffdata)::

    python3.11 -m venv /tmp/pyrs-venv
    /tmp/pyrs-venv/bin/pip install markdown-it-pyrs==0.4.0 markdown-it-py==4.3.0
    /tmp/pyrs-venv/bin/python benchmarks/parser_speed.py raw/lists/*.md
    /tmp/pyrs-venv/bin/python benchmarks/parser_speed.py /tmp/syn10k/raw/lists/*.md

Each side parses every file and walks the result collecting each link's URL and source position:
markdown-it-py is configured as ``diffdata.parse.markdown.new_parser`` (CommonMark, HTML, tables, nesting
64) and gives positions as the line range (``map``) of the block a link is in, inline tokens having none;
markdown-it-pyrs (CommonMark preset plus tables) gives a byte range (``srcmap``) on every node, links included.
The two run in turn (py, rs, py, rs ...) ``--repeats`` times; medians, MB/s and the ratio are printed, and
whether both found the same link URLs in the same order.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path


def with_py(texts: list[str]) -> list[list[tuple[str, tuple[int, int] | None]]]:
    """markdown-it-py: tokens, then each link's href and the line range of its block."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 64}).enable("table")
    out = []
    for text in texts:
        links: list[tuple[str, tuple[int, int] | None]] = []
        for tok in md.parse(text):
            if tok.type == "inline" and tok.children:
                for child in tok.children:
                    if child.type == "link_open":
                        links.append((str(child.attrGet("href")), tuple(tok.map) if tok.map else None))
        out.append(links)
    return out


def with_rs(texts: list[str]) -> list[list[tuple[str, tuple[int, int] | None]]]:
    """markdown-it-pyrs: a node tree, then each link's url and byte range."""
    from markdown_it_pyrs import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    out = []
    for text in texts:
        links = [(str(node.meta.get("url")), node.srcmap) for node in md.tree(text).walk() if node.name == "link"]
        out.append(links)
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    texts = [f.read_text(encoding="utf-8") for f in args.files]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    t_py: list[float] = []
    t_rs: list[float] = []
    got_py = got_rs = None
    for _ in range(args.repeats):
        t = time.perf_counter()
        got_py = with_py(texts)
        t_py.append(time.perf_counter() - t)
        t = time.perf_counter()
        got_rs = with_rs(texts)
        t_rs.append(time.perf_counter() - t)
    assert got_py is not None and got_rs is not None
    m_py, m_rs = statistics.median(t_py), statistics.median(t_rs)
    print(f"{len(texts)} files, {mb:.2f} MB, {sum(t.count(chr(10)) for t in texts)} lines; "
          f"{args.repeats} runs each, in turn")
    print("markdown-it-py: " + ", ".join(f"{x:.3f}" for x in t_py) + f" s; median {m_py:.3f} s ({mb / m_py:.1f} MB/s)")
    print("markdown-it-pyrs: " + ", ".join(f"{x:.3f}" for x in t_rs)
          + f" s; median {m_rs:.3f} s ({mb / m_rs:.1f} MB/s)")
    print(f"pyrs/py: ratio of medians {m_rs / m_py:.3f}; per pair "
          + ", ".join(f"{b / a:.3f}" for a, b in zip(t_py, t_rs, strict=True)))
    n_py, n_rs = sum(map(len, got_py)), sum(map(len, got_rs))
    same = [[u for u, _ in a] == [u for u, _ in b] for a, b in zip(got_py, got_rs, strict=True)]
    print(f"links: markdown-it-py {n_py}, markdown-it-pyrs {n_rs}; same URLs in the same order in "
          f"{sum(same)} of {len(same)} files"
          + ("" if all(same) else " (differ: " + ", ".join(f.name for f, s in zip(args.files, same, strict=True)
                                                         if not s) + ")"))
    first = next((b[0] for b in got_rs if b), None)
    if first:
        print(f"first link, markdown-it-pyrs: {first[0]!r} at bytes {first[1]}; markdown-it-py gives "
              f"{next(a[0] for a in got_py if a)[1]!r} (block lines)")


if __name__ == "__main__":
    sys.exit(main())
