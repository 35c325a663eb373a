"""The text of a line around its links and its title: what the field reader reads once link texts, bare URLs
and the title are cut out, and what stands before a venue."""

from __future__ import annotations

import re
from functools import lru_cache

from diffdata.parse.aside import DATE_RE, QUALIFIER_RE, only_venue_or_date
from diffdata.parse.labels import is_label
from diffdata.parse.model import Line, Link
from diffdata.text import YEAR_RE, clean_space
from diffdata.venues import find_venues

_UNKNOWN_VENUE_RE = re.compile(r"[,(]\s*[A-Z][\w\-]{1,15}(?:\s+[A-Z][\w\-]{1,15})?[\s']*$")  # ", ICAIF " before a year


def text_outside_links(line: Line) -> str:
    """A line's text with the texts of its links (and its bare URLs) cut out."""
    return cut_links(line, line.links) if line.links else line.text


def cut_links(line: Line, links: list[Link], sep: str = " ", end: int | None = None) -> str:
    """A line's text (up to column ``end``) with the texts of ``links`` cut out, ``sep`` where each stood; one
    pass over them, so a line of many links costs linear work."""
    text = line.text if end is None else line.text[:end]
    spans = sorted((lk.col, lk.col + len(lk.url if lk.bare else lk.text)) for lk in links)  # a bare URL stands as such
    out, at = [], 0
    for a, b in spans:
        if a >= at:
            out.append(text[at:a])
            at = max(at, b)
    out.append(text[at:])
    return sep.join(out)


def without_title(line: Line, title: str | None) -> str:
    """A line's text with its links' texts and its title cut out: what else it says."""
    text = text_outside_links(line)
    at = text.find(title) if title else -1
    if at < 0:
        return text
    start, end = _marked(text, at, at + len(title or ""))
    return text[:start] + " " + text[end:]


_TITLE_MARKS = {"《": "》", "「": "」", "『": "』", "〈": "〉"}


def _marked(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a title in ``text`` widened to the title marks around it (``《Title》``), if any."""
    if start and end < len(text) and _TITLE_MARKS.get(text[start - 1]) == text[end]:
        return start - 1, end + 1
    return start, end


@lru_cache(maxsize=1 << 16)
def before_venue(text: str) -> str:
    """The part of a text before the first venue, date or year it names (``'A. Li et al., ICCV 2023'`` ->
    ``'A. Li et al., '``); a venue the table does not know stands before its year after a comma
    (``'Title, ICAIF 2024'`` -> ``'Title'``)."""
    cuts = [m.start() for m in (YEAR_RE.search(text), DATE_RE.search(text)) if m]
    cuts += [v.start for v in find_venues(text)[:1]]
    if not cuts:
        return text
    before = text[: min(cuts)]
    m = _UNKNOWN_VENUE_RE.search(before)
    return before[: m.start()] if m and m.start() > 0 else before


def after_title(line: Line, title: str | None) -> str:
    """The text of a line after its title (link texts cut out)."""
    text = text_outside_links(line).replace("\\", " ")
    if title and line.bold and _is_title_run(line.bold[0][1], title):
        col, run = line.bold[0]
        text = line.text[col + len(run):].replace("\\", " ")
        text = text_outside_links(Line(line.number, text, [
            Link(lk.text, lk.url, lk.line, col=lk.col - col - len(run)) for lk in line.links
            if lk.col >= col + len(run)]))
    elif title:
        i = text.find(title)
        lead = next((lk for lk in line.links if not lk.image and title in lk.text), None) if i < 0 else None
        if i >= 0:
            text = text[_marked(text, i, i + len(title))[1]:]
        elif lead is not None and not YEAR_RE.search(line.text[:lead.col]):  # the title is a link's text: what
            # follows it ("Flow Matching, [Title](url), Ann Lee"; a citation before it, with its year, is read too)
            end = lead.col + len(lead.text)
            rest = Line(line.number, line.text[end:], [Link(lk.text, lk.url, lk.line, col=lk.col - end)
                                                        for lk in line.links if lk.col >= end])
            text = text_outside_links(rest).replace("\\", " ")
        for _col, run in line.bold:  # "**(CVPR 2023)** Ann Lee", "Ann Lee, **ICASSP 2024**": a venue, not names
            if only_venue_or_date(run.strip(" ()[]")) or QUALIFIER_RE.fullmatch(run.strip(" ()[]")):
                text = text.replace(run, " ", 1)
    return text


def _is_title_run(run: str, title: str) -> bool:
    """A bold run that is (or opens) the title: ``**GLIGEN**: Open-Set ...``, not ``, **ICASSP 2024**``."""
    run = run.strip(" *:：")
    return bool(run) and (run in title or title in run)


_SEPARATORS_RE = re.compile(r"[·•|\[\]]")


def venue_then_labels(line: Line) -> bool:
    """``ICCV 2023 · [arXiv](..) · [Code](..)``, ``ICLR 2023 (Spotlight). [[Paper]](..)``: a venue or a date and
    label links or badges (one at least), in any order: a line of an entry's details, naming no other work."""
    if not line.links or not all(lk.image or is_label(lk.text) for lk in line.links):
        return False
    text = clean_space(_SEPARATORS_RE.sub(" ", text_outside_links(line))).strip(" .,;:-–—")
    return bool(text) and only_venue_or_date(text)
