"""The checker: every source of findings in turn, each finding placed in the text and given its rule."""

from __future__ import annotations

import pandas as pd

from diffdata.cells import records
from diffdata.check.duplicates import duplicates
from diffdata.check.finding import place
from diffdata.check.issues import from_issues
from diffdata.check.links import links
from diffdata.check.missing import missing_fields
from diffdata.check.report import from_report
from diffdata.check.rules import RULES, SEVERITIES
from diffdata.schemas import FINDINGS


def check(report: pd.DataFrame, occurrences: pd.DataFrame, matches: pd.DataFrame, issues: pd.DataFrame, *,
          papers: pd.DataFrame | None = None, merges: pd.DataFrame | None = None,
          documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The findings for the lists behind these tables, sorted by source, line, column and code.

    ``report``, ``occurrences`` (with ``work_id``), ``matches`` and ``issues`` are the pipeline's tables;
    ``papers`` adds the year or venue to suggest, ``merges`` (old_work_id -> new_work_id, from enrichment)
    places issues of works merged since, and ``documents`` (``source``, ``text``) gives each finding its column.
    """
    occ = records(occurrences)
    texts = {d["source"]: d["text"].split("\n") for d in records(documents)} if documents is not None else {}
    out: list[dict] = []
    out += from_report(records(report))
    out += from_issues(records(issues), occ, merges)
    out += duplicates(occ, records(matches))
    out += links(occ)
    out += missing_fields(occ, papers)
    for f in out:
        line = max(int(f["line"] or 1), 1)
        f["line"], f["column"] = place(texts.get(f["source"]), line, f.pop("_end") or line, f.pop("_find"))
        rule = RULES[f["code"]]
        f["rule"] = rule.name
        f["severity"] = f.get("severity") or rule.severity
    table = pd.DataFrame(out, columns=FINDINGS.names)
    if table.empty:
        return table
    table["line"] = table["line"].astype("int64")
    table["column"] = table["column"].astype("int64")
    return table.sort_values(["source", "line", "column", "code", "message"], kind="stable").reset_index(drop=True)


def counts(findings: pd.DataFrame) -> dict[str, int]:
    """Number of findings of each severity (every severity present, zero when none)."""
    got = findings["severity"].value_counts().to_dict() if len(findings) else {}
    return {s: int(got.get(s, 0)) for s in SEVERITIES}
