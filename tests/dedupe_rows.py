"""Mentions for the dedupe tests: occurrence rows as parse makes them, and the stage run on them."""

from __future__ import annotations

import pandas as pd

from diffdata.dedupe import merge_mentions
from diffdata.schemas import OCCURRENCES


def mention(oid: str, title: str | None, kind: str = "paper", **fields) -> dict:
    row = {name: None for name in OCCURRENCES.names}
    source, line = oid.rsplit(":", 1)
    row.update(occurrence_id=oid, source=source, line=int(line), end_line=int(line), section=["S"], layout="bullet",
               title=title, authors=[], kind=kind, links=[], read=False, work_id="")
    row.update(fields)
    if row.get("url") and not row["links"]:
        row["links"] = [{"label": "title", "url": row["url"]}]
    return row


def merge(*rows: dict):
    return merge_mentions(pd.DataFrame(list(rows), columns=OCCURRENCES.names))


def work_of(result, oid: str) -> str:
    occ = result.occurrences.set_index("occurrence_id")
    return occ.loc[oid, "work_id"]
