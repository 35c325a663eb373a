"""BibTeX pasted into a list: a fenced code block of ``@article{...}`` entries, read with bibtexparser, one work an
entry (its title, authors, year, venue, arXiv id, DOI and URL); an entry bibtexparser cannot read is reported.

>>> from diffdata.parse.model import Block, Line
>>> text = "@article{ho22, title={Classifier-Free {Diffusion} Guidance}, author={Ho, Jonathan and Salimans, Tim},"
>>> text += " journal={arXiv preprint arXiv:2207.12598}, year={2022}}"
>>> [(f.title, f.authors, f.year, f.venue, f.id_links) for _, f, _ in bibtex_entries(Block("bibtex", 3, 3,
...     [Line(3, text=text)]))]
[('Classifier-Free Diffusion Guidance', ['Ho, Jonathan', 'Salimans, Tim'], 2022, 'arXiv', ['https://arxiv.org/abs/2207.12598'])]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from diffdata.identifiers import url_kind
from diffdata.parse.aside import read_aside
from diffdata.parse.model import Block, Link
from diffdata.parse.record import Fields
from diffdata.text import clean_space

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text

BIBTEX_FENCES = frozenset({"bibtex", "bib", "biblatex"})
"""The info strings of a fenced code block of BibTeX; a plain fence whose text opens with ``@`` is one too."""

_ARXIV_RE = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])")
_AND_RE = re.compile(r"\s+and\s+", re.I)
_PAPER_TYPES = frozenset({"article", "inproceedings", "incollection", "conference", "phdthesis", "mastersthesis",
                          "techreport", "book", "inbook", "proceedings", "unpublished"})


def is_bibtex(info: str, content: str) -> bool:
    """A fenced code block holding BibTeX: its info string says so, or a plain fence opens with an entry."""
    info = info.strip().lower()
    return info in BIBTEX_FENCES or (info in ("", "text", "txt", "plain") and content.lstrip().startswith("@"))


def bibtex_entries(block: Block) -> Iterator[tuple[int, Fields, list[Link]]]:
    """Each entry of a BibTeX block: its first line in the document, its fields and its links; an entry
    bibtexparser cannot read gives its line, an empty ``Fields`` and no links (to be reported)."""
    import bibtexparser  # only a list holding BibTeX needs it

    first = block.lines[0].number if block.lines else block.start
    quiet = logging.getLogger("bibtexparser")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a block it cannot read is reported by the parse report, not logged
    try:
        library = bibtexparser.parse_string("\n".join(ln.text for ln in block.lines))
    finally:
        quiet.setLevel(level)
    for entry in library.entries:
        fields = {k.lower(): clean_space(str(v.value)) for k, v in entry.fields_dict.items()}
        line = first + entry.start_line
        yield line, entry_fields(entry.entry_type.lower(), fields), _links(fields, line)
    for failed in library.failed_blocks:
        yield first + failed.start_line, Fields(), []


def entry_fields(entry_type: str, fields: dict[str, str], what: str = "BibTeX entry") -> Fields:
    """The fields of a reference entry of type ``entry_type`` (BibTeX's names) from its ``fields`` (BibTeX's
    field names, ``author`` names joined by ``and``); ``what`` the entry is names it in the evidence."""
    f = Fields()
    f.give("title", _text(fields.get("title", "")) or None, f"the {what}'s title")
    names = [_text(n) for n in _AND_RE.split(fields.get("author", "")) if n.strip()]
    f.give("authors", [n for n in names if n and n.lower() != "others"], f"the {what}'s authors")
    if re.fullmatch(r"(?:19|20)\d\d", fields.get("year", "").strip()):
        f.give("year", int(fields["year"].strip()), f"the {what}'s year")
    written = _text(fields.get("journal") or fields.get("booktitle") or "")
    if written:
        aside = read_aside(written, venue_context=True)
        f.give("venue", aside.venue or written, f"the {what}'s journal or booktitle")
        f.give("year", aside.year, f"the {what}'s journal or booktitle")
    if (arxiv := _arxiv(fields)) is not None:
        f.id_links.append(f"https://arxiv.org/abs/{arxiv}")
    if doi := fields.get("doi", "").strip():
        f.id_links.append(f"https://doi.org/{doi.removeprefix('https://doi.org/')}")
    url = entry_url(fields)
    f.kind = "paper" if entry_type in _PAPER_TYPES or f.id_links or not url else url_kind(url)
    f.evidence.append(f"kind: a BibTeX @{entry_type} entry" if what == "BibTeX entry"
                      else f"kind: an {what} (@{entry_type})")
    return f


def _arxiv(fields: dict[str, str]) -> str | None:
    """The arXiv id an entry gives: its ``eprint`` (of ``archivePrefix = arXiv``), else one in its journal or
    URL (``arXiv preprint arXiv:2207.12598``)."""
    if fields.get("archiveprefix", "arxiv").lower() == "arxiv" and (m := _ARXIV_RE.fullmatch(
            fields.get("eprint", "").strip().removeprefix("arXiv:"))):
        return m.group(1)
    for key in ("journal", "booktitle", "url", "note"):
        value = fields.get(key, "")
        if "arxiv" in value.lower() and (m := _ARXIV_RE.search(value)):
            return m.group(1)
    return None


def entry_url(fields: dict[str, str]) -> str:
    """An entry's address: its ``url``, else one in ``howpublished`` (``\\url{https://github.com/a/b}``: how a
    list cites itself, a ``@misc`` of its own repository)."""
    url = fields.get("url", "").strip()
    if not url and (m := _HOWPUBLISHED_URL_RE.search(fields.get("howpublished", ""))):
        url = m.group(1)
    return url


_HOWPUBLISHED_URL_RE = re.compile(r"(https?://[^\s{}\\]+)")


def _links(fields: dict[str, str], line: int) -> list[Link]:
    url = entry_url(fields)
    return [Link("url", url, line, bare=True)] if url.startswith(("http://", "https://")) else []


def _text(value: str) -> str:
    """A BibTeX value as text: ``{D}iffusion`` -> ``Diffusion``, ``\\"{u}`` -> ``ü``. A value too long or
    too deeply braced for pylatexenc's recursive reader (a crafted list) loses its braces and backslashes only."""
    if not re.search(r"[{}\\$~]", value):
        return clean_space(value)
    if len(value) <= _MAX_TEX and _depth(value) <= _MAX_DEPTH:
        try:
            return clean_space(_decoder().latex_to_text(value))
        except Exception:  # any LaTeX it cannot read is read as plain text below
            pass
    return clean_space(re.sub(r"[{}\\]", "", value))


_MAX_TEX = 2000  # characters of a value decoded as LaTeX
_MAX_DEPTH = 16  # braces within braces


def _depth(value: str) -> int:
    depth = deepest = 0
    for ch in value:
        if ch == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == "}":
            depth -= 1
    return deepest


@lru_cache(maxsize=1)
def _decoder() -> LatexNodes2Text:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text()
