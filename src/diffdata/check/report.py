"""Findings from the parse report: its warnings and errors (the expected info rows, such as badges and
table-of-contents anchors, are none)."""

from __future__ import annotations

from diffdata.check.finding import finding

# Reasons of the parse report (fixed phrases of ``diffdata.parse``), by the start of the phrase.
_REPORT_CODES = (
    ("entry has no title", "DD301"),
    ("entry carries two different arXiv ids", "DD104"),
    ("link hidden from readers", "DD204"),
    ("link with unbalanced brackets", "DD205"),
    ("link not read as part of any entry", "DD206"),
    ("table entry with an empty link", "DD304"),
    ("empty file", "DD502"),
    ("no entries found", "DD502"),
)


def from_report(rows: list[dict]) -> list[dict]:
    """One finding per warning or error of the parse report, and per info row that names a defect."""
    out = []
    for r in rows:
        reason = str(r["reason"])
        code = next((c for prefix, c in _REPORT_CODES if reason.startswith(prefix)), None)
        if code is None:
            if r["severity"] == "error":
                code = "DD501"
            elif r["severity"] == "warning":
                code = "DD599"
            else:
                continue  # an expected non-entry: a badge, an anchor, a homepage, a link in a description
        url, text = r.get("url"), r.get("text")
        message = _report_message(code, reason, url, text)
        severity = r["severity"] if code in ("DD501", "DD599") else None  # else the rule's severity
        out.append(finding(r["source"], r["line"], code, message, "parse_report", reason, url=url,
                           find=(url, text), severity=severity))
    return out


def _report_message(code: str, reason: str, url: str | None, text: str | None) -> str:
    if code == "DD301":
        return f"entry has no title (its link {url}): write the title of the work it lists"
    if code == "DD104":
        what = reason.removeprefix("entry carries two different arXiv ids: ")
        return (f"the links of '{text}' carry two different arXiv ids ({what}): keep only the links of the "
                "paper this entry names")
    if code == "DD204":
        return f"link {url} is hidden (HTML comment or hidden element): make it a visible entry or delete it"
    if code == "DD205":
        return f"link {url} has unbalanced brackets or parentheses: fix the markdown link around it"
    if code == "DD206":
        return f"link {url} belongs to no entry (markup not understood): write it as an entry's link"
    if code == "DD304":
        return f"'{text}' has an empty link: add the URL of the work"
    if code == "DD502":
        return f"{reason}: add entries or remove the file"
    return reason + (f" ({url})" if url else "")
