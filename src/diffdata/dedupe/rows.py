"""The mentions as the merge rules read them: one dict per mention, in (list, line) order, with its title key,
author names and surnames, URL identity and whether it is a suspicious link worked out once."""

from __future__ import annotations

import pandas as pd

from diffdata.cells import records
from diffdata.identifiers import ID_COLUMNS, url_identity
from diffdata.text import surnames, title_key

READ = frozenset({"occurrence_id", "source", "section", "title", "authors", "venue", "qualifier", "year", "kind",
                  "links", "url", *ID_COLUMNS})
"""The columns of a mention that the merge reads (the tables it returns keep every column)."""


class SurnameMemo(dict):
    """The surnames of an author list, computed once per distinct list in one merge (lists repeat: every
    mention of a work, and the checks of each work, ask again)."""

    def __call__(self, names: tuple[str, ...]) -> frozenset[str]:
        found = self.get(names)
        if found is None:
            found = self[names] = frozenset(surnames(names))
        return found


def mention_rows(occ: pd.DataFrame, surnames_of: SurnameMemo) -> list[dict]:
    """The rows of ``occ`` (already in (list, line) order) with what every rule reads: empty identifiers as
    None, ``_key`` (the normalised title), ``_names`` and ``_surnames``, ``_suspicious`` (a mention that is
    not a paper but carries a paper's identifier) and ``_url_id`` (the identity of a non-paper's address)."""
    rows = records(occ[[c for c in occ.columns if c in READ]])  # the other columns only cost converting
    for r in rows:
        for col in ID_COLUMNS:
            v = r.get(col)
            r[col] = v if isinstance(v, str) and v else None
        r["_key"] = title_key(r.get("title"))
        r["_names"] = tuple(r["authors"]) if r.get("authors") is not None else ()
        r["_surnames"] = surnames_of(r["_names"])
        r["_suspicious"] = r["kind"] != "paper" and any(r[c] for c in ID_COLUMNS)
        r["_url_id"] = url_identity(r["url"]) if r["kind"] != "paper" and r.get("url") else None
    return rows
