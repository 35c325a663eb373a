"""A finding row, and its place in the list's text (line and column)."""

from __future__ import annotations

from collections.abc import Iterable


def finding(source: str, line: int | None, code: str, message: str, origin: str, detail: str, *,
            work_id: str | None = None, occurrence_id: str | None = None, url: str | None = None,
            find: Iterable[str | None] = (), end: int | None = None, severity: str | None = None) -> dict:
    """A finding row; ``find`` are the texts to place it at (its link, else its title), looked for from
    ``line`` to ``end`` (the entry's last line, for a finding about one of its links)."""
    return {"source": source, "line": line, "column": 1, "severity": severity, "code": code, "rule": "",
            "message": " ".join(message.split()), "origin": origin, "detail": detail, "work_id": work_id,
            "occurrence_id": occurrence_id, "url": url, "_find": tuple(find), "_end": end}


def place(lines: list[str] | None, line: int, end: int, needles: Iterable[str | None]) -> tuple[int, int]:
    """Line and 1-based column of the first needle found between ``line`` and ``end``, else ``line`` and the
    column of its first character that is not blank (1 without the text)."""
    if not lines or line > len(lines):
        return line, 1
    for needle in needles:
        if isinstance(needle, str) and needle:
            for n in range(line, min(max(end, line), len(lines)) + 1):
                at = lines[n - 1].find(needle)
                if at >= 0:
                    return n, at + 1
    text = lines[line - 1]
    return line, (len(text) - len(text.lstrip()) + 1 if text.strip() else 1)
