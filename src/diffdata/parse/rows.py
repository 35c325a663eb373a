"""Table rows written without a table: lines of ``| cell | cell |`` with no ``|---|`` line under a header.

markdown-it reads them as a paragraph (GitHub shows them as text), but their writer meant rows: each line is
cut at its pipes into cells, links and bold runs kept in place. A first line whose cells all name a known
column (``| Year | Title | Venue |``) is the header; otherwise the rows have none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import pairwise

from diffdata.parse.columns import header_meaning
from diffdata.parse.model import Block, Line


def is_pipe_rows(lines: list[Line]) -> bool:
    """Every line opens with a pipe and has two cells or more; one line at least also ends with one (a row may
    leave out its last pipe, as GitHub's tables allow)."""
    texts = [ln.text.strip() for ln in lines]
    return bool(texts) and all(t.startswith("|") and t.count("|") >= 3 for t in texts) and any(
        t.endswith("|") for t in texts)


def split_line(line: Line, sep: str, ends: bool = False) -> list[Line]:
    """The pieces of a line between the characters ``sep``, each a line of its own with its links and runs
    (``ends``: the text before the first and after the last ``sep`` is not a piece)."""
    cuts = [i for i, c in enumerate(line.text) if c == sep]
    bounds = cuts if ends else [-1, *cuts, len(line.text)]
    links = sorted(line.links, key=lambda lk: lk.col)  # each run found by bisection: linear in the pieces
    link_cols = [lk.col for lk in links]
    bold, italic = sorted(line.bold), sorted(line.italic)
    bold_cols, italic_cols = [c for c, _ in bold], [c for c, _ in italic]
    pieces = []
    for a, b in pairwise(bounds):
        text = line.text[a + 1: b]
        piece = Line(line.number, text=text, other=text)
        piece.links = [replace(lk, col=lk.col - a - 1) for lk in links[bisect_right(link_cols, a):
                                                                         bisect_left(link_cols, b)]]
        piece.bold = [(c - a - 1, t) for c, t in bold[bisect_right(bold_cols, a): bisect_left(bold_cols, b)]]
        piece.italic = [(c - a - 1, t) for c, t in italic[bisect_right(italic_cols, a): bisect_left(italic_cols, b)]]
        pieces.append(piece)
    return pieces


def cells_of(line: Line) -> list[list[Line]]:
    """The cells of one ``| a | b |`` line, each a line of its own with its links and runs."""
    if not line.text.rstrip().endswith("|"):
        line = replace(line, text=line.text.rstrip() + "|")  # "| a | b": the last cell runs to the end
    return [[cell] for cell in split_line(line, "|", ends=True)]


def pipe_rows(lines: list[Line]) -> list[Block]:
    """The lines as table rows (a header taken from the first line when it is one)."""
    header: list[str] = []
    first = cells_of(lines[0])
    names = [" ".join(c[0].text.split()) for c in first]
    if not any(c[0].links for c in first) and all(header_meaning(n) != "other" for n in names if n):
        header, lines = names, lines[1:]
    out = []
    for ln in lines:
        cells = cells_of(ln)
        out.append(Block("row", ln.number, ln.number, [ln], cells=cells, header=list(header)))
    return out
