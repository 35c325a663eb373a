"""The safety net of "nothing lost": URLs and arXiv ids written in a list's text that no entry holds and no report
line names yet (markup the markdown parser could not read, or nested too deeply) become warnings with their
lines."""

from __future__ import annotations

import bisect
import re

from diffdata.parse.report import report_row

__all__ = ["unaccounted_urls"]

_TEXT_ARXIV_CUES = ("rXiv:", "rxiv:", "rXiv ", "rxiv ", "RXIV", "rXiv：", "rxiv：")  # not "arxiv.org/"
_TEXT_ARXIV_ID_RE = re.compile(r"(?<![/\w])(?i:arxiv)\s*+[:：]?\s*+(\d{4}\.\d{4,5})(?:v\d+)?(?!\d|\.\d)")
_ANY_URL_RE = re.compile(r"https?://[^\s<>\"'`)\]]+", re.I)
_URL_TAIL = ".,;:!?*'\")]>}/"
_ESCAPED_RE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a CommonMark backslash escape


def unaccounted_urls(source: str, text: str, rows: list[dict], report: list[dict]) -> list[dict]:
    """The safety net of "nothing lost": every URL written in the text that is neither in an entry's links
    nor already in the report (markup too deeply nested for the markdown parser, or not understood), and every
    arXiv id written as text (``arXiv:2310.04378``) that no entry holds, becomes a warning with its line."""
    known = sorted({x["url"] for r in rows for x in r["links"]} | {r["url"] for r in report if r.get("url")})
    known_set = set(known)
    ids = {a for r in rows for a in r["arxiv_ids"]} | {r["arxiv_id"] for r in rows if r["arxiv_id"]}
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        for m in _TEXT_ARXIV_ID_RE.finditer(line) if any(cue in line for cue in _TEXT_ARXIV_CUES) else ():
            if m.group(1) not in ids:
                ids.add(m.group(1))
                out.append(report_row(source, n, "warning", "arXiv id written in the text, not read as part of any "
                                                            "entry", url=f"https://arxiv.org/abs/{m.group(1)}",
                                      text=line.strip()))
        if "://" not in line:
            continue
        for m in _ANY_URL_RE.finditer(line):
            url = m.group(0).rstrip(".,;:!?*")
            read = _ESCAPED_RE.sub(r"\1", url)  # "hidden\_hums.pdf" is read as "hidden_hums.pdf"
            if url in known_set or read in known_set or _prefix_related(read, known):
                continue
            known_set.add(url)
            out.append(report_row(source, n, "warning", "link not read as part of any entry (markup nested too "
                                                        "deeply or not understood)", url=url, text=line.strip()))
    return out


def _prefix_related(url: str, known: list[str]) -> bool:
    """True when a known URL is a prefix of ``url`` or the other way round (trailing punctuation, quotes)."""
    i = bisect.bisect_left(known, url)
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(known):
            k = known[j]
            longer, shorter = (url, k) if len(url) >= len(k) else (k, url)
            if longer.startswith(shorter) and not longer[len(shorter):].strip(_URL_TAIL):
                return True
    return False
