"""The ``.bib`` text of the ``papers`` table: its entries as a :class:`bibtexparser.Library`, written by
bibtexparser's writer (two-space indent, every value in braces, one blank line between entries).

The values go into the library braced, as bibtexparser's own parser keeps them (``Field.value`` is
``{John Doe}`` for ``author = {John Doe}``), so that the writer needs no middleware to enclose them: the
unparse stack is empty (``None`` would be bibtexparser's default stack, which copies the library first)."""

from __future__ import annotations

from collections.abc import Mapping

import bibtexparser
import pandas as pd
from bibtexparser.model import Entry, Field

from diffdata.bibtex.entries import ROW_COLUMNS, BibEntry, paper_entry
from diffdata.bibtex.values import clean_text
from diffdata.collector import collector_paused
from diffdata.memo import Memo, memo_map

__all__ = ["BIBTEX_FORMAT", "bibtex_entries", "bibtex_library", "format_entry", "to_bibtex"]

#: How bibtexparser lays the entries out: ``  name = {value},`` lines, no comma after the last field, one
#: blank line between entries.
BIBTEX_FORMAT = bibtexparser.BibtexFormat()
BIBTEX_FORMAT.indent = "  "
BIBTEX_FORMAT.value_column = 0
BIBTEX_FORMAT.block_separator = "\n"
BIBTEX_FORMAT.trailing_comma = False


def bibtex_entries(papers: pd.DataFrame, titles: Mapping[str, str] | None = None) -> list[BibEntry]:
    """The entries of :func:`to_bibtex`, sorted by key. Raises ``ValueError`` on invalid or duplicate keys."""
    titles = titles or {}
    entries = [paper_entry(row, titles.get(clean_text(row.get("work_id")))) for row in _rows(papers)]
    entries.sort(key=lambda e: e.key)
    _check_keys([e.key for e in entries])
    return entries


def _check_keys(keys: list[str]) -> None:
    """Raise ``ValueError`` on a key given twice (BibTeX keys are case-insensitive)."""
    seen: set[str] = set()
    for key in keys:
        if key.casefold() in seen:
            raise ValueError(f"duplicate citation_key {key!r} (BibTeX keys are case-insensitive)")
        seen.add(key.casefold())


def _rows(papers: pd.DataFrame) -> list[dict]:
    """The rows as dicts of the columns :func:`paper_entry` reads (:data:`ROW_COLUMNS`), built a column at a
    time: a table's other columns (abstracts, counts, lists) are never read."""
    names = [name for name in ROW_COLUMNS if name in papers.columns]
    columns = [papers[name].tolist() for name in names]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def bibtex_library(entries: list[BibEntry]) -> bibtexparser.Library:
    """The entries as bibtexparser's model, every value braced (years too) as the writer writes it."""
    return bibtexparser.Library([Entry(e.entry_type, e.key, [Field(name, "{" + value + "}")
                                                             for name, value in e.fields])
                                 for e in entries])


def _write(entries: list[BibEntry]) -> str:
    return bibtexparser.write_string(bibtex_library(entries), unparse_stack=[], bibtex_format=BIBTEX_FORMAT)


def format_entry(entry: BibEntry) -> str:
    """The text of one entry, ending with a newline."""
    return _write([entry])


def _keyed_text(call: tuple[dict, str | None]) -> tuple[str, str]:
    entry = paper_entry(*call)
    return entry.key, format_entry(entry)


def to_bibtex(papers: pd.DataFrame, titles: Mapping[str, str] | None = None, memo: Memo | None = None) -> str:
    """BibTeX text of the ``papers`` table: one entry per row keyed by ``citation_key``, sorted by key.

    ``titles`` maps the ``work_id`` of works without a title to what titles them instead (the ``title`` of
    :func:`~diffdata.bibtex.standins.title_stand_ins`). Pure and deterministic: the same rows give
    byte-identical, ASCII-only text. Columns beyond the ones used are ignored; ``arxiv_primary_class`` is used
    when present. The rules are in ``docs/bibtex.md``. With ``memo`` (see :mod:`diffdata.memo`), each entry's
    text is looked up by its row and title (the writer lays every entry out alone, one blank line between).
    """
    with collector_paused():
        return _bibtex(papers, titles, memo)


def _bibtex(papers: pd.DataFrame, titles: Mapping[str, str] | None, memo: Memo | None) -> str:
    if memo is None:
        return _write(bibtex_entries(papers, titles))
    titles = titles or {}
    calls = [(row, titles.get(clean_text(row.get("work_id")))) for row in _rows(papers)]
    texts = sorted(memo_map(memo, "bibtex.entry", _keyed_text, calls), key=lambda kt: kt[0])
    _check_keys([key for key, _ in texts])
    return "\n".join(text for _, text in texts)
