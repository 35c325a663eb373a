"""The parse report: a row for every link or entry that is not read as a work, with its line and the reason."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from diffdata.parse.model import Line, Link


@dataclass
class Reporter:
    """Writes rows of one list's parse report."""

    source: str
    report: list[dict]

    def note(self, line: int, severity: str, reason: str, url: str | None = None, text: str | None = None) -> None:
        self.report.append(report_row(self.source, line, severity, reason, url, text))

    def note_link(self, lk: Link, reason: str, severity: str = "info") -> None:
        self.note(lk.line, severity, reason, lk.url or None, lk.text)

    def note_links(self, lines: Iterable[Line], reason: str, severity: str = "info") -> None:
        for ln in lines:
            for lk in ln.links:
                self.note_link(lk, reason, severity)

    def hidden(self, lines: Iterable[Line]) -> None:
        for ln in lines:
            for url in ln.hidden:
                self.note(ln.number, "info", "link hidden from readers (HTML comment or hidden element): not an "
                                             "entry", url)


def report_row(source: str, line: int, severity: str, reason: str, url: str | None = None,
               text: str | None = None) -> dict:
    """A row of the parse report (text shortened to 160 characters)."""
    if text is not None and len(text) > 160:
        text = text[:157] + "..."
    return {"source": source, "line": line, "severity": severity, "reason": reason, "url": url, "text": text}


# no scheme, no host (not even "arxiv.org/abs/..." written without its scheme), no anchor
_RELATIVE_RE = re.compile(r"(?!(?:[a-z][a-z0-9+.\-]*:|//|www\.|#|(?:[a-z0-9\-]+\.)+[a-z]{2,}/))", re.I)
_PLACEHOLDER_URLS = frozenset({"-", "—", "–", "/", "tbd", "todo", "coming soon", "n/a", "na", "none", "null", "#"})


def link_problem(url: str) -> tuple[str, str] | None:
    """Why a link's target is no work's address, and how grave that is (None when it is one)."""
    if url.startswith("#") and len(url) > 1:
        return "table-of-contents anchor link", "info"  # "**2022** [[Back to Top](#papers)]"
    if url.strip().lower() in _PLACEHOLDER_URLS:
        return "placeholder link (no address)", "warning"
    if url.lower().startswith(("javascript:", "data:")):
        return "not a web link (" + url.split(":", 1)[0].lower() + ")", "warning"
    if _RELATIVE_RE.match(url):
        return "link to a file of the list's own repository (a relative path): no work's address", "info"
    return None
