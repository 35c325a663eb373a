"""Findings for a work listed more than once in one list: twice in a section (an error) or in several
sections (for information)."""

from __future__ import annotations

from collections import defaultdict

from diffdata.check.finding import finding


def duplicates(occ: list[dict], matches: list[dict]) -> list[dict]:
    """A finding for every mention of a work after its first in the same list, saying why they are one work."""
    why = {m["occurrence_id"]: m for m in matches}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for o in occ:
        groups[(o["source"], o["work_id"])].append(o)
    out = []
    for (source, work), mentions in groups.items():
        if len({m["line"] for m in mentions}) < 2:
            continue
        mentions.sort(key=lambda m: (m["line"], m["occurrence_id"]))
        for i, m in enumerate(mentions):
            earlier = [e for e in mentions[:i] if e["line"] != m["line"]]
            if not earlier:
                continue
            match = why.get(m["occurrence_id"], {})
            how = f"{match.get('rule', 'same work')}: {match.get('evidence', work)}"
            section = " > ".join(m["section"]) or "(top)"
            same = [e for e in earlier if list(e["section"]) == list(m["section"])]
            title = m.get("title") or work
            if same:
                other = same[0].get("title")
                named = f" as '{other}'" if other and other != m.get("title") else ""
                message = (f"'{title}' is already listed at line {same[0]['line']}{named} of section '{section}' "
                           f"({how}): remove one of the two entries, or fix the link if they are different works")
                code = "DD101"
            else:
                lines = ", ".join(f"{e['line']} ('{' > '.join(e['section']) or '(top)'}')" for e in earlier)
                plural = "s" if len(earlier) > 1 else ""
                message = f"'{title}' is also listed at line{plural} {lines} ({how}): fine if intended"
                code = "DD102"
            out.append(finding(source, m["line"], code, message, "occurrences", how, work_id=work,
                               occurrence_id=m["occurrence_id"], url=m.get("url"),
                               find=(m.get("url"), m.get("title"))))
    return out
