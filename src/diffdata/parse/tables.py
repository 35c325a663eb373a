"""Table rows: which cell holds a row's title, which works a row names, and why a row names none.

A row's title is in its title column, else its name column, if filled (a column of counts gives way to one of
titled links); a row without a header takes the first cell that names a work; else the first cell with a link.
Two works written on lines of their own in the title cell (``[A](..) <br> [B](..)``), or as links alone in it
(``[A](..); [B](..)``), are two entries, the row's other links going with the first; so is a paper linked under
a title of its own in another cell beside the title cell's paper (``| [A](..), CVPR 2022 | [B](..), ICCV 2023 |``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diffdata.identifiers import identifiers_from_url, is_paper_url
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.inline import BREAK
from diffdata.parse.labels import is_label
from diffdata.parse.linkshapes import around, link_end
from diffdata.parse.model import Block, Line, Link
from diffdata.parse.names import looks_like_names
from diffdata.parse.rows import split_line
from diffdata.parse.shapes import text_outside_links
from diffdata.parse.siblings import parts as link_parts
from diffdata.parse.siblings import sibling_links
from diffdata.parse.titletext import cited_in_link
from diffdata.text import clean_space, title_key

if TYPE_CHECKING:
    from diffdata.parse.segment import Walker


@dataclass
class RowEntry:
    """One work of a table row: its cells, named by what their columns hold."""

    cols: list[str]
    cells: list[list[Line]]
    title_col: int
    title_text: str
    mentions: list[tuple[Line, int]] = field(default_factory=list)  # (line, link index) of the cell's description


@dataclass
class RowReading:
    """The works a row names, or why it names none (``problem``; ``links_noted``: its links go to the
    report with that reason, else the row is reported once)."""

    entries: list[RowEntry] = field(default_factory=list)
    problem: str | None = None
    severity: str = "info"
    links_noted: bool = True
    text: str | None = None
    continues: bool = False  # the row goes on with the work of the row above (a title cell spanning rows)


def read_row(block: Block, meanings: list[str]) -> RowReading:
    """The works of the table row ``block`` whose columns hold ``meanings``."""
    cells = block.cells
    cols = [meanings[i] if i < len(meanings) else "other" for i in range(len(cells))]

    def filled(i: int) -> bool:
        return bool(clean_space(" ".join(ln.text for ln in cells[i])).strip(" -–—/"))

    readings = _readings(cells, cols)
    if readings:  # "| 1/16 | Score SDEs | [slides](..) | Lee et al. [A](..), ICLR 2023; [B](..) |": the works read
        cells = [[] if cols[i] == "readings" else c for i, c in enumerate(cells)]
        linked = [i for i, c in enumerate(cells) if any(lk.url and not lk.image for ln in c for lk in ln.links)]
        if not linked:
            return RowReading(readings)  # the session's topic and date name no work of their own
        if not any(c in ("title", "name") and _names_a_work(cells[i]) for i, c in enumerate(cols)):
            readings[0].cols += [cols[i] for i in linked]  # "| [Title](..) | [code](..) |", "| 3 | [slides](..) |
            # [A](..); [B](..) |": no other work in the row, its links go with its first reading
            readings[0].cells += [cells[i] for i in linked]
            return RowReading(readings)
        rest = read_row(replace(block, cells=cells), [c if c != "readings" else "other" for c in cols])
        return replace(rest, entries=[*rest.entries, *readings])
    if "readings" in cols and "title" not in cols:  # a readings column of plain titles: the row's title
        cols = ["title" if c == "readings" and not any(ln.links for ln in cells[i]) else c
                for i, c in enumerate(cols)]
    title_col = next((i for kind in ("title", "name") for i, c in enumerate(cols) if c == kind and filled(i)), None)
    if title_col is None and not block.header:  # a titled link, else the first cell naming a work
        title_col = next((i for i, c in enumerate(cells) if any(_titled(ln) for ln in c)), None)
        if title_col is None:
            title_col = next((i for i, c in enumerate(cells) if _names_a_work(c)), None)
    if title_col is None:
        title_col = next((i for i, c in enumerate(cells) if any(lk for ln in c for lk in ln.links if not lk.image)),
                         None)
    if title_col is None:
        return RowReading(problem="link in a table row with no title column", severity="warning")
    if cells[title_col] and all(ln.spanned for ln in cells[title_col]):
        return RowReading(continues=True)  # its title cell spans from the row above: the same work
    if re.fullmatch(r"[\d\W]*", clean_space(" ".join(ln.text for ln in cells[title_col]))):
        # "| Papers |" holding a count ("| 35 |"): the works are the titled links of another column
        title_col = next((i for i, c in enumerate(cells) if any(_titled(ln) for ln in c)), title_col)
    cols = ["name" if c == "title" else c for c in cols]
    cols[title_col] = "title"
    title_text = clean_space(" ".join(ln.text for ln in cells[title_col])).strip(" -")
    if not title_text:
        return RowReading(problem="link in a table row with an empty title", severity="warning")
    if (title_col < len(block.header) and title_text.lower() == clean_space(block.header[title_col]).lower()
            and not any(lk.url for c in cells for ln in c for lk in ln.links)):
        return RowReading(problem="a template row (its title is the column's name, no link): not an entry",
                          links_noted=False, text=title_text)
    works = _works_in_cell(cells[title_col])
    apart = _works_apart(cells, title_col)  # "| [Title A](..), NeurIPS 2022 | [Title B](..), CVPR 2022 |"
    if apart:
        cells = [[] if i in apart else c for i, c in enumerate(cells)]
    own = [RowEntry(["title"], [block.cells[j]], 0, clean_space(" ".join(ln.text for ln in block.cells[j])))
           for j in apart]  # one cell each: a row of many such cells costs linear work
    if not works:
        title_cell, mentions = _description_apart(cells[title_col])
        return RowReading([RowEntry(cols, [title_cell if i == title_col else c for i, c in enumerate(cells)],
                                    title_col, title_text, mentions), *own])
    return RowReading([RowEntry(cols, [[work] if i == title_col else c if n == 0 else
                                       [replace(ln, links=[]) for ln in c] for i, c in enumerate(cells)],
                                title_col, title_text) for n, work in enumerate(works)] + own)


def _readings(cells: list[list[Line]], cols: list[str]) -> list[RowEntry]:
    """The works of a schedule's readings columns (``| Week | Topic | Readings |``): each clause of such a cell
    (cut at ``;`` and ``<br>``) that links a work under a title of its own is an entry, the names before its
    link (``Lee et al. [Title](..), ICLR 2023``) its authors. Empty when a cell holds a link outside such
    clauses (``[paper](..)`` alone): the row is read the usual way then. A Year or Venue column is each reading's."""
    out: list[RowEntry] = []
    stated_at = [k for k, c in enumerate(cols) if c in ("year", "venue", "venue_date", "authors")]  # a Year column:
    stated = [cols[k] for k in stated_at]  # the readings' (a Date column is the session's, never theirs)
    for i, cell in enumerate(cells):
        if cols[i] != "readings":
            continue
        for ln in cell:
            for part in (p for c in _clauses(ln) for p in _one_titled_link_each(c)):
                titled = [lk for lk in _titled(part) if not cited_in_link(lk.text)]  # not "[Ho et al. 2020](..)"
                if not titled:
                    if any(lk.url and not lk.image for lk in part.links):
                        return []
                    continue
                names = clean_space(part.text[: titled[0].col]).strip(" ,.:;")
                entry = RowEntry(["title", *stated], [[part], *(cells[k] for k in stated_at)], 0,
                                 clean_space(part.text))
                if names and looks_like_names(names):
                    entry.cols.append("authors")
                    entry.cells.append([Line(part.number, text=names, other=names)])
                out.append(entry)
    if len(out) > 1 and "authors" in stated:  # an Authors column names one reading's, not several
        k = 1 + stated.index("authors")
        for entry in out:
            del entry.cols[k], entry.cells[k]
    return out


def _clauses(line: Line) -> list[Line]:
    """``line`` cut at each ``;`` and ``<br>`` outside its links."""
    cuts = [k for k, c in enumerate(line.text) if c in (";", BREAK[1])]
    if line.links and cuts:  # one walk along both, the links in column order: linear in the line
        spans, kept, n = sorted((lk.col, link_end(lk)) for lk in line.links), [], 0
        for k in cuts:
            while n < len(spans) and spans[n][1] <= k:
                n += 1
            if n == len(spans) or k < spans[n][0]:
                kept.append(k)
        cuts = kept
    if not cuts:
        return [line]
    return [p for p in split_line(replace(line, text=_cut_at(line.text, cuts)), "\0") if p.text.strip() or p.links]


def _one_titled_link_each(part: Line) -> list[Line]:
    """``part`` cut before each titled link after its first (``[A](..), [B](..)``, ``[A](..) and [B](..)``)."""
    ends = {link_end(lk) for lk in part.links}
    cuts = [lk.col - 1 for lk in part.links if _is_titled(lk)][1:]
    cuts = [c for c in cuts if c >= 0 and c not in ends and c + 1 not in ends]  # never inside the link before
    return split_line(replace(part, text=_cut_at(part.text, cuts)), "\0") if cuts else [part]


def _cut_at(text: str, cuts: list[int]) -> str:
    """``text`` with a NUL at each index of ``cuts`` (the same length: the links' columns stay)."""
    chars = list(text)
    for k in cuts:
        chars[k] = "\0"
    return "".join(chars)


def _works_apart(cells: list[list[Line]], title_col: int) -> list[int]:
    """The cells besides a title cell linking a paper that link a paper of their own under a title of three
    words or more, with at most a venue or a date beside it: two works side by side in one row."""
    def paper(cell: list[Line], other: Link | None = None) -> Link | None:
        titled = [lk for ln in cell for lk in _titled(ln) if is_paper_url(lk.url)]
        if not (len(cell) == 1 and len(titled) == 1 and len(titled[0].text.split()) >= (3 if other else 1)
                and len(text_outside_links(cell[0]).split()) <= 4):  # the title cell's paper may be "Zero-1-to-3"
            return None
        lk = titled[0]
        ids = (identifiers_from_url(lk.url).arxiv_id, identifiers_from_url(other.url).arxiv_id) if other else ()
        if other is not None and (ids[0] == ids[1] if all(ids) else _same_or_label(lk.text, other.text)):
            return None  # "[Title (arXiv)](arxiv)", "[PDF download of it](..)": the title cell's paper again
        return lk
    linked = [i for i, cell in enumerate(cells) if i != title_col and any(
        not lk.image for ln in cell for lk in ln.links)]  # most rows: one linked cell besides the title, or none
    first = paper(cells[title_col]) if linked else None
    return [i for i in linked if paper(cells[i], first)] if first else []


_LINK_WORDS = frozenset({"pdf", "version", "download", "arxiv", "openreview", "paper", "code", "abs", "page",
                         "official", "supplementary", "project", "link", "here", "preprint", "camera-ready"})


def _same_or_label(text: str, title: str) -> bool:
    """A link text that is the title's, maybe with words that name a link (``Title (arXiv)``), or that has such
    words (``PDF download``); ``Improved Title`` is another paper's."""
    a, b = title_key(text), title_key(title)
    return bool(_LINK_WORDS & set(a.split())) or (bool(b) and b in a and set(a.split()) - set(b.split()) <= _LINK_WORDS)


def _description_apart(cell: list[Line]) -> tuple[list[Line], list[tuple[Line, int]]]:
    """A title cell ``badges <br> [Title](url) <br> a description citing [Other](url)``: its parts as lines,
    and the links of the description after the title link, which mention other works."""
    if len(cell) != 1 or BREAK[1] not in cell[0].text:
        return cell, []
    parts = split_line(cell[0], BREAK[1])
    at = next((n for n, p in enumerate(parts) if _titled(p)), None)
    if at is None:
        return cell, []
    mentions: list[tuple[Line, int]] = []
    for n in range(at + 1, len(parts)):
        if parts[n].links and len(text_outside_links(parts[n]).split()) >= 8:  # a sentence, not a line of links
            line = parts[n]
            mentions += [(line, j) for j, lk in enumerate(line.links) if not lk.image]
            parts[n] = replace(parts[n], links=[lk for lk in parts[n].links if lk.image])
    return (parts, mentions) if mentions else (cell, [])


def _titled(line: Line) -> list[Link]:
    return [lk for lk in line.links if _is_titled(lk)]


def _is_titled(lk: Link) -> bool:
    return not lk.image and not is_label(lk.text) and not only_venue_or_date(lk.text)


def _works_in_cell(cell: list[Line]) -> list[Line]:
    """The parts of a title cell written as two works or more on lines of their own (``<br>``), each part
    one link with a title of its own; empty otherwise."""
    if len(cell) != 1:
        return []
    titled = [j for j, lk in enumerate(cell[0].links) if _is_titled(lk)]
    if len(titled) > 1 and not re.sub(r"[\s;,|/·•]+", "", text_outside_links(cell[0])):
        return [around(cell[0], cell[0].links, j) for j in titled]  # "[A](..); [B](..)"
    if len(titled) > 1 and (cuts := sibling_links(cell[0])) and all(  # "[DDIM](..) (ICLR'21), [DEIS](..) (ICLR'23)",
            is_paper_url(cell[0].links[j].url) for j in cuts):  # not a paper and its unofficial code
        return link_parts(cell[0], cuts)
    if BREAK[1] not in cell[0].text:
        return []
    parts = [p for p in split_line(cell[0], BREAK[1]) if p.text.strip()]
    return parts if len(parts) > 1 and all(len(_titled(p)) == 1 and len(text_outside_links(p).split()) < 8
                                           for p in parts) else []  # a sentence citing a work is a description


def _names_a_work(cell: list[Line]) -> bool:
    """A cell of bold text or of two words or more, not only a venue or a date, nor only label links."""
    text = clean_space(" ".join(ln.text for ln in cell))
    if not text or only_venue_or_date(text) or (all(is_label(lk.text) for ln in cell for lk in ln.links)
                                                 and not clean_space(" ".join(text_outside_links(ln) for ln in cell))):
        return False
    return any(ln.bold for ln in cell) or len(re.findall(r"[^\W\d_]{2,}", text)) >= 2


def spanning_row(w: Walker, block: Block) -> bool:
    """A row of one cell spanning the table's columns: a ``<details>`` folded under the row above (its abstract:
    the entry's note, its label links the entry's, a paper it cites a mention of its own), or a short label
    without links over the rows below (``<td colspan="3"><b>Image Generation</b></td>``: a section, no work).
    False when the row is neither."""
    lines = block.cells[0]
    text = clean_space(" ".join(ln.text for ln in lines))
    if block.folded and w.last_row is not None:
        w.last_row.notes.append(text)
        w.last_row.end_line = max(w.last_row.end_line, block.end)
        for ln in lines:
            for j, lk in enumerate(ln.links):
                if lk.image or is_label(lk.text):
                    w.take(w.last_row, lk)
                else:
                    w.cited(ln, j, "link in a description mentions another work")
        return True
    if not block.folded and text and len(text.split()) <= 8 and not any(ln.links for ln in lines):
        w.sections.label = text.rstrip(":：").strip()
        return True
    return False


def label_row(block: Block) -> str | None:
    """The label of a row that only labels the rows below it: its first cell alone written, without a link, a
    year, a venue or a date (``| **2024** | | |``, ``| *CVPR 2023* | | |``; a bold name may be a work). None
    otherwise."""
    written = [cell for cell in block.cells if clean_space(" ".join(ln.text for ln in cell))]
    if len(written) != 1 or len(block.cells) < 2 or written[0] is not block.cells[0] or any(
            ln.links for ln in written[0]):
        return None
    text = clean_space(" ".join(ln.text for ln in written[0])).strip(" :：")
    return text if 0 < len(text.split()) <= 8 and only_venue_or_date(text) else None


_GROUPING = frozenset({"year", "venue", "venue_date", "date"})


def filled_from_above(block: Block, above: Block | None, meanings: list[str]) -> Block:
    """Row ``block`` with each empty cell of a year or venue column left of its title taken from the row
    ``above`` (of the same table): a table grouped by year and venue writes them once, on the group's first
    row (``| 2024 | CVPR | [A](..) |`` then ``| | | [B](..) |``), as an HTML table spans them (rowspan). The cells
    copied hold text only, as a spanned cell does; the row as it is when nothing is to fill."""
    if above is None or all(any(ln.text.strip() or ln.links for ln in cell) for cell in block.cells) or (
            above.header != block.header or len(above.cells) != len(block.cells)):
        return block  # no empty cell (most rows), or another table
    title = next((i for i, m in enumerate(meanings) if m == "title"),
                 next((i for i, m in enumerate(meanings) if m == "name"), -1))
    empty = [i for i in range(min(title, len(block.cells))) if meanings[i] in _GROUPING
             and not clean_space(" ".join(ln.text for ln in block.cells[i])) and not any(
                 ln.links for ln in block.cells[i])]
    if not empty or not clean_space(" ".join(ln.text for ln in block.cells[title])):
        return block
    cells = list(block.cells)
    for i in empty:
        cells[i] = [Line(block.start, text=ln.text, other=ln.text, spanned=True) for ln in above.cells[i]
                    if ln.text.strip()] or cells[i]
    return replace(block, cells=cells)


def table_row(w: Walker, block: Block, meanings: list[str]) -> None:
    """A table row: its entries (one a row, or several), a row continuing the one above, or a problem reported."""
    if block.spans and spanning_row(w, block):
        return  # an abstract folded under the row above, or a label of the rows below
    if (label := label_row(block)) is not None:
        w.sections.label = label  # "| **2024** | | |": a year, a venue or a bold label over the rows below
        return
    reading = read_row(block, meanings)
    if reading.continues and w.out and w.out[-1].layout == "table":
        above = w.out[-1]  # the row above: this row's links are its own too
        above.end_line = max(above.end_line, block.end)
        for i, cell in enumerate(block.cells):
            for ln in cell:
                for lk in ln.links:
                    w.take(above, lk, clean_space(block.header[i]).lower() if i < len(block.header) else "link")
        return
    if reading.problem and reading.links_noted:
        w.note_links([ln for c in block.cells for ln in c], reading.problem, reading.severity)
    elif reading.problem:
        w.note(block.start, reading.severity, reading.problem, text=reading.text)
    for entry in reading.entries:
        _row_entry(w, block, entry)


def _row_entry(w: Walker, block: Block, entry: RowEntry) -> None:
    """One entry of a table row, its cells named by what their columns hold."""
    cols, cells, title_col, title_text = entry.cols, entry.cells, entry.title_col, entry.title_text
    seg = w.segment(block, "table", [ln for c in cells for ln in c] or block.lines)
    seg.cells = list(zip(cols, cells, strict=True))
    w.last_row = seg
    header = list(block.header) + [""] * len(cells)
    for i, cell in enumerate(cells):
        for ln in cell:
            for lk in ln.links:
                w.take(seg, lk, "title" if i == title_col else (clean_space(header[i]).lower() or "link"))
    if title_col < len(cells) and any(lk for ln in cells[title_col] for lk in ln.links if not lk.url):
        w.note(block.start, "info", "table entry with an empty link", text=title_text)
    for ln, j in entry.mentions:
        w.cited(ln, j, "link in a description mentions another work")
