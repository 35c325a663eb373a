"""What to ask Semantic Scholar for each work: an identifier when it has one, else its title."""

from __future__ import annotations

import pandas as pd

from diffdata import cells, text
from diffdata.cells import records
from diffdata.s2 import LookupRequest, title_key


def lookup_requests(papers: pd.DataFrame) -> list[LookupRequest]:
    """What to ask Semantic Scholar for each work of kind ``paper``, in table order.

    ``ARXIV:<arxiv_id>`` when the work has an arXiv id, else ``DOI:<doi>`` (lower-cased), else a title match
    carrying the title, year and authors (to verify the answer). Works of other kinds, and papers with neither
    identifier nor title, get no request.
    """
    out: list[LookupRequest] = []
    for row in records(papers):
        if cells.text(row.get("kind")) != "paper":
            continue
        work_id = str(row["work_id"])
        arxiv, doi, title = cells.text(row.get("arxiv_id")), cells.text(row.get("doi")), cells.text(row.get("title"))
        if arxiv:
            out.append(LookupRequest(work_id, f"ARXIV:{arxiv}"))
        elif doi:
            out.append(LookupRequest(work_id, f"DOI:{doi.lower()}"))
        elif title and text.title_key(title):
            out.append(LookupRequest(work_id, title_key(title), title, cells.whole(row.get("year")),
                                     tuple(cells.strings(row.get("authors")))))
    return out
