"""The mentions as the merge rules read them: one :class:`Mention` (a named tuple) per mention, in (list, line)
order, with its title key, author names and surnames, URL identity and whether it is a suspicious link worked
out once. A tuple, not a dict: at a million mentions the rows are the stage's largest object (a dict of these
23 fields takes about three times a tuple's memory)."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from diffdata.cells import plain_columns
from diffdata.identifiers import ID_COLUMNS, url_identity
from diffdata.text import surnames, title_key


class Mention(NamedTuple):
    """One mention as the merge reads it: the occurrence's columns it needs (in the table's order, identifiers
    None when empty), then what the rules work out of them."""

    occurrence_id: str
    source: str
    section: list[str]
    title: str | None
    authors: list[str] | None
    venue: str | None
    qualifier: str | None
    year: float | None
    kind: str
    links: list[dict]
    url: str | None
    arxiv_id: str | None  # the identifiers, in ID_COLUMNS order (see IDS)
    doi: str | None
    openreview_id: str | None
    pmlr_id: str | None
    cvf_id: str | None
    neurips_id: str | None
    ieee_id: str | None
    key: str  # the normalised title (text.title_key), "" for none
    names: tuple[str, ...]  # the authors as written
    surnames: frozenset[str]
    suspicious: bool  # not a paper, but it carries a paper's identifier
    url_id: str | None  # the identity of a non-paper's address (identifiers.url_identity)


OWN = Mention._fields[:Mention._fields.index("key")]
"""The fields copied from the occurrences table (the rest are worked out of them)."""
READ = frozenset(OWN)
"""The columns of a mention that the merge reads (the tables it returns keep every column)."""
IDS = slice(OWN.index(ID_COLUMNS[0]), OWN.index(ID_COLUMNS[-1]) + 1)
"""``row[IDS]``: the row's identifiers, in :data:`diffdata.identifiers.ID_COLUMNS` order."""
_SHARED = ("source", "venue", "qualifier", "kind")  # few distinct values: one string object for each


class SurnameMemo(dict):
    """The surnames of an author list, computed once per distinct list in one merge (lists repeat: every
    mention of a work, and the checks of each work, ask again)."""

    def __call__(self, names: tuple[str, ...]) -> frozenset[str]:
        found = self.get(names)
        if found is None:
            found = self[names] = frozenset(surnames(names))
        return found


def mention_rows(occ: pd.DataFrame, surnames_of: SurnameMemo) -> list[Mention]:
    """The rows of ``occ`` (already in (list, line) order) with what every rule reads: empty identifiers as
    None, ``key`` (the normalised title), ``names`` and ``surnames``, ``suspicious`` (a mention that is not a
    paper but carries a paper's identifier) and ``url_id`` (the identity of a non-paper's address)."""
    columns = plain_columns(occ, OWN)
    for name in _SHARED:
        one: dict = {}
        columns[name] = [one.setdefault(v, v) for v in columns[name]]
    for name in ID_COLUMNS:
        columns[name] = [v if isinstance(v, str) and v else None for v in columns[name]]
    ids = list(zip(*(columns[c] for c in ID_COLUMNS), strict=True))
    rows = []
    for own, its_ids in zip(zip(*columns.values(), strict=True), ids, strict=True):
        kind, url, authors = own[8], own[10], own[4]
        names = tuple(authors) if authors is not None else ()
        not_paper = kind != "paper"
        rows.append(Mention(*own, title_key(own[3]), names, surnames_of(names), not_paper and any(its_ids),
                            url_identity(url) if not_paper and url else None))
    return rows
