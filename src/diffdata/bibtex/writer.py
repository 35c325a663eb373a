"""The ``.bib`` text of the ``papers`` table (two-space indent, every value in braces, one blank line between
entries)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from diffdata.bibtex.entries import BibEntry, paper_entry
from diffdata.bibtex.values import clean_text

__all__ = ["bibtex_entries", "format_entry", "to_bibtex"]


def bibtex_entries(papers: pd.DataFrame, titles: Mapping[str, str] | None = None) -> list[BibEntry]:
    """The entries of :func:`to_bibtex`, sorted by key. Raises ``ValueError`` on invalid or duplicate keys."""
    titles = titles or {}
    entries = [paper_entry(row, titles.get(clean_text(row.get("work_id"))))
               for row in papers.to_dict(orient="records")]
    entries.sort(key=lambda e: e.key)
    seen: set[str] = set()
    for entry in entries:
        if entry.key.casefold() in seen:
            raise ValueError(f"duplicate citation_key {entry.key!r} (BibTeX keys are case-insensitive)")
        seen.add(entry.key.casefold())
    return entries


def format_entry(entry: BibEntry) -> str:
    """The text of one entry, ending with a newline."""
    lines = [f"@{entry.entry_type}{{{entry.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in entry.fields]
    if entry.fields:
        lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_bibtex(papers: pd.DataFrame, titles: Mapping[str, str] | None = None) -> str:
    """BibTeX text of the ``papers`` table: one entry per row keyed by ``citation_key``, sorted by key.

    ``titles`` maps the ``work_id`` of works without a title to what titles them instead (the ``title`` of
    :func:`~diffdata.bibtex.standins.title_stand_ins`). Pure and deterministic: the same rows give
    byte-identical, ASCII-only text. Columns beyond the ones used are ignored; ``arxiv_primary_class`` is used
    when present. The rules are in ``docs/bibtex.md``.
    """
    return "\n".join(format_entry(e) for e in bibtex_entries(papers, titles))
