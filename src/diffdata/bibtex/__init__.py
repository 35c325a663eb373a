"""The ``papers`` table as a BibTeX database (``processed/papers.bib``); the rules are in ``docs/bibtex.md``.

One module per idea: :mod:`.values` (reading a row's cells), :mod:`.tex` (TeX text, through pylatexenc),
:mod:`.titles`, :mod:`.names`, :mod:`.urls`, :mod:`.entries` (one entry per row), :mod:`.standins` (titles
of untitled works) and :mod:`.writer` (the ``.bib`` text, through bibtexparser).
"""

from diffdata.bibtex.entries import (
    FIELD_ORDER,
    ROW_COLUMNS,
    BibEntry,
    author_stand_in,
    classify,
    identifier_title,
    paper_entry,
)
from diffdata.bibtex.names import (
    CAPITALISED_PARTICLES,
    ORGANISATION_WORDS,
    ORGANISATIONS,
    format_author,
    format_authors,
)
from diffdata.bibtex.standins import (
    IDENTIFIER_REASON,
    NAMED_REASON,
    TitleStandIn,
    report_title_stand_ins,
    title_stand_ins,
)
from diffdata.bibtex.tex import OWN_CHARACTERS, SPECIAL_CHARACTERS, escape_label_text, escape_text
from diffdata.bibtex.titles import PROPER_NOUNS, format_title
from diffdata.bibtex.urls import escape_url
from diffdata.bibtex.writer import bibtex_entries, bibtex_library, format_entry, to_bibtex
from diffdata.venues import VENUES, Venue

__all__ = [
    "CAPITALISED_PARTICLES",
    "FIELD_ORDER",
    "IDENTIFIER_REASON",
    "NAMED_REASON",
    "ORGANISATIONS",
    "ORGANISATION_WORDS",
    "OWN_CHARACTERS",
    "PROPER_NOUNS",
    "ROW_COLUMNS",
    "SPECIAL_CHARACTERS",
    "VENUES",
    "BibEntry",
    "TitleStandIn",
    "Venue",
    "author_stand_in",
    "bibtex_entries",
    "bibtex_library",
    "classify",
    "escape_label_text",
    "escape_text",
    "escape_url",
    "format_author",
    "format_authors",
    "format_entry",
    "format_title",
    "identifier_title",
    "paper_entry",
    "report_title_stand_ins",
    "title_stand_ins",
    "to_bibtex",
]
