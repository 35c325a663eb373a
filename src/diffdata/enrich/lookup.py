"""What to ask Semantic Scholar for each work: an identifier when it has one, else its title."""

from __future__ import annotations

import pandas as pd

from diffdata import cells, text
from diffdata.enrich import columns
from diffdata.s2 import LookupRequest, title_key


def lookup_requests(papers: pd.DataFrame) -> list[LookupRequest]:
    """What to ask Semantic Scholar for each work of kind ``paper``, in table order.

    ``ARXIV:<arxiv_id>`` when the work has an arXiv id, else ``DOI:<doi>`` (lower-cased), else a title match
    carrying the title, year and authors (to verify the answer). Works of other kinds, and papers with neither
    identifier nor title, get no request. (Read a column at a time: only the columns it needs.)
    """
    kinds = columns.texts(columns.values(papers, "kind"))
    rows = [i for i, kind in enumerate(kinds) if kind == "paper"]

    def column(name: str) -> list:
        every = columns.values(papers, name)
        return [every[i] for i in rows]

    work_ids, arxivs, dois, titles = (column(n) for n in ("work_id", "arxiv_id", "doi", "title"))
    years, authors = column("year"), column("authors")
    out: list[LookupRequest] = []
    for k, work_id in enumerate(work_ids):
        arxiv, doi, title = cells.text(arxivs[k]), cells.text(dois[k]), cells.text(titles[k])
        if arxiv:
            out.append(LookupRequest(str(work_id), f"ARXIV:{arxiv}"))
        elif doi:
            out.append(LookupRequest(str(work_id), f"DOI:{doi.lower()}"))
        elif title and text.title_key(title):
            out.append(LookupRequest(str(work_id), title_key(title), title, cells.whole(years[k]),
                                     tuple(cells.strings(authors[k]))))
    return out
