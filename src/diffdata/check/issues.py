"""Findings from the issues table (conflicts, suspicious links, failed lookups), each placed at the mention it
is about."""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from diffdata.check.finding import finding

# Conflict details of the dedupe and enrich stages, by their prefix (the enrich one first: it is longer).
_CONFLICT_CODES = (("title: lists ", "DD401"), ("title:", "DD103"), ("authors:", "DD105"), ("year:", "DD106"),
                   ("venue:", "DD107"))


def from_issues(rows: list[dict], occ: list[dict], merges: pd.DataFrame | None) -> list[dict]:
    """One finding per issue row; ``merges`` (old_work_id -> new_work_id) places issues of works merged since."""
    renamed = dict(zip(merges.old_work_id, merges.new_work_id, strict=True)) if merges is not None else {}
    by_work: dict[str, list[dict]] = defaultdict(list)
    by_id = {o["occurrence_id"]: o for o in occ}
    for o in sorted(occ, key=lambda o: (o["source"], o["line"])):
        by_work[o["work_id"]].append(o)
    out = []
    for r in rows:
        detail = str(r["detail"])
        work = r.get("work_id")
        mentions = by_work.get(work) or by_work.get(renamed.get(work, ""), [])
        at = by_id.get(r.get("occurrence_id") or "")
        if at is None:  # a conflict names the work: point at the mention its detail names, else the first
            at = next((m for m in mentions if _named(m, detail)), mentions[0] if mentions else None)
        if r["kind"] == "suspicious_link":
            code = "DD108"
            message = (f"'{at['title'] if at else ''}' is not a paper but links one ({_suspicious_what(detail)}): "
                       "link the page the entry names, or list the paper under its own title")
        elif r["kind"] == "lookup":
            code = "DD402"
            message = f"Semantic Scholar lookup of {work}: {detail}: check the link or the title"
        else:
            code = next((c for prefix, c in _CONFLICT_CODES if detail.startswith(prefix)), "DD109")
            message = _conflict_message(code, detail, work, at, mentions)
        source, line = (at["source"], at["line"]) if at else ("", 1)
        out.append(finding(source, line, code, message, "issues", detail, work_id=work,
                           occurrence_id=at["occurrence_id"] if at else None,
                           url=at.get("url") if at else None, find=(at.get("url"), at.get("title")) if at else ()))
    return out


def _named(mention: dict, detail: str) -> bool:
    """Whether a conflict's detail names this mention: its id (``list.md:68 gives 2022...``), or its title or
    authors as the value that disagrees (``title: 'A' vs 'B'``, the mention that wrote B)."""
    if f"{mention['occurrence_id']} " in detail:
        return True
    title, authors = mention.get("title"), ", ".join(mention.get("authors") or [])
    return (detail.startswith("title:") and bool(title) and f" vs '{title}'" in detail) or (
        detail.startswith("authors:") and bool(authors) and f" vs '{authors}'" in detail)


def _suspicious_what(detail: str) -> str:
    m = re.search(r"\) (links .*?); kept apart", detail)
    return m.group(1) if m else detail


def _conflict_message(code: str, detail: str, work: str, at: dict | None, mentions: list[dict]) -> str:
    rest = [m for m in mentions if at is None or m["occurrence_id"] != at["occurrence_id"]]
    here = [str(m["line"]) for m in rest if at is not None and m["source"] == at["source"]]
    elsewhere = [f"{m['source']}:{m['line']}" for m in rest if at is None or m["source"] != at["source"]]
    places = ([f"line{'s' if len(set(here)) > 1 else ''} {', '.join(dict.fromkeys(here))}"] if here else []) + list(
        dict.fromkeys(elsewhere))
    where = f" (also listed at {', '.join(places)})" if places else ""
    todo = {
        "DD103": "one of the titles or links is wrong: fix it, or link each paper's own page",
        "DD105": "fix the authors of the entry that is wrong",
        "DD106": "give the year of the version the entry links",
        "DD107": "give the venue where the paper was published",
        "DD401": "check that the link points at the paper the title names",
    }.get(code, "make the mentions agree")
    return f"{work}: {detail}{where}: {todo}"
