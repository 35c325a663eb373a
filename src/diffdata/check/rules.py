"""The rules of ``diffdata check``: each finding's stable code, short name, severity and meaning (a code is
never reused for another meaning; the README's table lists them all).

>>> [c for c in sorted(RULES) if RULES[c].severity == "error"]
['DD101', 'DD501']
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    """A finding's code, short name, severity and what it means."""

    code: str
    name: str
    severity: str
    meaning: str


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("DD101", "duplicate-in-section", "error", "the same work is listed twice in one section"),
    Rule("DD102", "duplicate-across-sections", "info", "the same work is listed in several sections of the list"),
    Rule("DD103", "id-with-two-titles", "warning", "entries sharing an identifier give different titles"),
    Rule("DD104", "two-arxiv-ids", "warning", "one entry's links carry two different arXiv ids"),
    Rule("DD105", "conflicting-authors", "warning", "mentions of one work give different authors"),
    Rule("DD106", "conflicting-year", "warning", "mentions of one work give different years, or a preprint "
                                                 "a year its arXiv id contradicts"),
    Rule("DD107", "conflicting-venue", "warning", "mentions of one work give different venues"),
    Rule("DD108", "suspicious-link", "warning", "an entry that is not a paper links a paper's identifier"),
    Rule("DD109", "conflict", "warning", "another disagreement between mentions of one work"),
    Rule("DD201", "malformed-identifier-link", "warning", "an arXiv or DOI link that holds no valid identifier"),
    Rule("DD202", "arxiv-pdf-link", "info", "an arXiv PDF link where the list otherwise links abstract pages"),
    Rule("DD203", "tracking-parameter", "warning", "a link carries a tracking parameter (utm_*, fbclid...)"),
    Rule("DD204", "hidden-link", "info", "a link in an HTML comment or hidden element: no reader sees it"),
    Rule("DD205", "unbalanced-link", "warning", "a link with unbalanced brackets or parentheses"),
    Rule("DD206", "unread-link", "info", "a link the parser could not attach to any entry (often markup it does "
                                          "not read, such as <img src>: not always a defect)"),
    Rule("DD301", "no-title", "warning", "an entry without a title"),
    Rule("DD302", "missing-year", "info", "a paper without a year where its neighbours give one"),
    Rule("DD303", "missing-venue", "info", "a paper without a venue where its neighbours give one"),
    Rule("DD304", "empty-link", "info", "a table entry whose link is empty"),
    Rule("DD401", "title-differs-from-semantic-scholar", "warning",
         "the listed title is far from Semantic Scholar's title for the same identifier"),
    Rule("DD402", "lookup-failed", "info", "Semantic Scholar does not know the work's identifier or title"),
    Rule("DD501", "unreadable-file", "error", "the list could not be read"),
    Rule("DD502", "no-entries", "warning", "the list is empty or has no entries"),
    Rule("DD599", "parse-warning", "warning", "another warning of the parse report"),
)}
