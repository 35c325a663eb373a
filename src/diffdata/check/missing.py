"""Findings for a paper that gives no year or venue where the other papers of its section give one."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from diffdata.cells import records
from diffdata.check.finding import finding

PEERS_MIN = 3  # a missing year or venue is reported when at least this many neighbours give one...
PEERS_SHARE = 2 / 3  # ...and at least this share of them (a year read from two descriptions is no convention)


def missing_fields(occ: list[dict], papers: pd.DataFrame | None) -> list[dict]:
    """A paper without year (venue) when at least ``PEERS_MIN`` of the other papers of its section written in
    the same layout, and at least ``PEERS_SHARE`` of them, give one: the list could state it too. A venue only
    when the work has one (another mention or Semantic Scholar gives it): a preprint has none."""
    work = {p["work_id"]: p for p in records(papers)} if papers is not None else {}
    peers: dict[tuple, list[dict]] = defaultdict(list)
    for o in occ:
        if o["kind"] == "paper":
            peers[(o["source"], tuple(o["section"]), o["layout"])].append(o)
    out = []
    for group in peers.values():
        for field, code in (("year", "DD302"), ("venue", "DD303")):
            given = sum(1 for o in group if o.get(field) is not None)
            for o in group:
                if o.get(field) is not None or not o.get("title"):
                    continue  # an untitled entry is reported as such
                others = len(group) - 1
                if given < PEERS_MIN or given < PEERS_SHARE * others:
                    continue
                known = work.get(o["work_id"], {}).get(field)
                if field == "venue" and known is None:
                    continue  # a preprint has no venue to give: only a venue known elsewhere is missing
                hint = f" (the work's {field} is known: {known})" if known is not None else ""
                message = (f"'{o['title']}' gives no {field} while {given} of the {others} other papers of this "
                           f"section do{hint}: add it")
                out.append(finding(o["source"], o["line"], code, message, "occurrences", f"{given}/{others}",
                                   work_id=o["work_id"], occurrence_id=o["occurrence_id"], url=o.get("url"),
                                   find=(o.get("title"), o.get("url"))))
    return out
