"""Reference records as reference managers export them, pasted into a list: RIS (``TY  - JOUR`` ... ``ER  -``)
and EndNote's tagged format (``%0 Journal Article``, ``%A Ho, Jonathan``, ``%T Title``), in a fenced code block or
as plain lines. Each record is one work, read like a BibTeX entry (:mod:`~diffdata.parse.bibfence`): its title,
authors, year, venue, arXiv id, DOI and URL.

>>> ris = ["TY  - CONF", "AU  - Ho, Jonathan", "AU  - Jain, Ajay", "TI  - Denoising Diffusion Probabilistic Models",
...        "T2  - Advances in Neural Information Processing Systems", "PY  - 2020",
...        "UR  - https://arxiv.org/abs/2006.11239", "ER  - "]
>>> [(line, f.title, f.authors, f.year, f.venue, f.id_links) for line, f, _ in tagged_entries(ris, 10)]
[(10, 'Denoising Diffusion Probabilistic Models', ['Ho, Jonathan', 'Jain, Ajay'], 2020, 'Advances in Neural \
Information Processing Systems', ['https://arxiv.org/abs/2006.11239'])]
>>> is_tagged(["%0 Journal Article", "%A Lee, Ann", "%T Quiet Anchors", "%D 2021"])
True
>>> is_tagged(["%0 of runs failed", "%T timed out", "%A note"]), is_tagged(["%A note", "text"])
(False, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diffdata.parse.bibfence import entry_fields
from diffdata.parse.model import Link
from diffdata.parse.record import Fields

__all__ = ["is_tagged", "tagged_entries"]

TAGGED_FENCES = frozenset({"ris", "enw", "endnote", "refer"})
"""The info strings of a fenced code block of RIS or EndNote records; a plain fence of such lines is one too."""

_RIS_RE = re.compile(r"([A-Z][A-Z0-9])  - ?(.*)")
_REFER_RE = re.compile(r"%([0-9A-Z@!#$&()*+^~<>])(?: (.*))?")

# RIS tags and EndNote letters, by the BibTeX field they give (the first one a record has wins)
_RIS_FIELDS = {"TI": "title", "T1": "title", "AU": "author", "A1": "author", "PY": "year", "Y1": "year",
               "DA": "year", "T2": "venue", "JO": "venue", "JF": "venue", "BT": "venue", "J2": "venue",
               "UR": "url", "L1": "url", "DO": "doi", "TY": "type"}
_REFER_FIELDS = {"T": "title", "A": "author", "D": "year", "B": "venue", "J": "venue", "U": "url", "R": "doi",
                 "0": "type"}
# each format's record types, as BibTeX's entry types (anything else is @misc)
_TYPES = {"jour": "article", "journal article": "article", "conf": "inproceedings", "cpaper": "inproceedings",
          "conference paper": "inproceedings", "conference proceedings": "inproceedings", "chap": "incollection",
          "book section": "incollection", "book": "book", "thes": "phdthesis", "thesis": "phdthesis",
          "rprt": "techreport", "report": "techreport", "unpb": "unpublished", "unpublished work": "unpublished"}


_TYPE_RE = re.compile(r"[A-Z]{2,6}|(?i:(?:journal|conference|electronic|edited)\s+\w+|book(?:\s+section)?|"
                      r"thesis|report|generic|web\s+page|unpublished\s+work|preprint|manuscript)")


def is_tagged(lines: list[str]) -> bool:
    """Lines that are reference records: every non-blank line a RIS line (``AU  - Ho, J.``) or every one an
    EndNote line (``%A Ho, J.``), three or more, with a title and a type and one more field of a record, or
    two more without a type, among them."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    if len(lines) < 3:
        return False
    for pattern, fields in ((_RIS_RE, _RIS_FIELDS), (_REFER_RE, _REFER_FIELDS)):
        matches = [pattern.fullmatch(ln) for ln in lines]
        if not all(matches):
            continue
        said = {fields.get(m.group(1)) for m in matches if m}
        typed = any(fields.get(m.group(1)) == "type" and _TYPE_RE.fullmatch((m.group(2) or "").strip())
                    for m in matches if m)  # "%0 Journal Article", "TY  - JOUR"; not "%0 of runs failed"
        if "title" in said and len(said & {"author", "year", "venue", "url", "doi"}) >= (1 if typed else 2):
            return True
    return False


def tagged_entries(lines: list[str], first: int) -> Iterator[tuple[int, Fields, list[Link]]]:
    """Each record of ``lines`` (the first at document line ``first``): the line where it starts, its fields and
    its links. A record ends at RIS's ``ER`` line, at a blank line, where the next record's type begins, or, when
    records have no type line, where the field the first record opened with comes again after its title."""
    record: dict[str, list[str]] = {}
    start, what, last, lead = first, "RIS record", None, None
    for n, raw in enumerate([*lines, ""]):
        text = raw.strip()
        m = _RIS_RE.fullmatch(text) or _REFER_RE.fullmatch(text)
        name = None
        if m is not None:
            fields = _RIS_FIELDS if m.re is _RIS_RE else _REFER_FIELDS
            name = fields.get(m.group(1))
            if m.re is _RIS_RE and m.group(1) == "ER":
                name = "end"
        if lead is None and name not in (None, "type", "end"):
            lead = name if name in ("author", "title") else ""  # the field records open with, when no type line
            # parts them (names or a title; any other opening field parts nothing)
        if record and (not text or name in ("type", "end") or (
                "type" not in record and "title" in record and name == lead and last != lead)):
            yield start, *_entry(record, start, what)  # names after a title ("%A" first), or a title after one
            record = {}
        if m is not None and name and name != "end":
            if not record:
                start, what = first + n, "RIS record" if m.re is _RIS_RE else "EndNote record"
            record.setdefault(name, []).append((m.group(2) or "").strip())
        last = name


def _entry(record: dict[str, list[str]], line: int, what: str) -> tuple[Fields, list[Link]]:
    kind = (record.get("type") or [""])[0].strip().lower()
    year = re.match(r"(?:19|20)\d\d", (record.get("year") or [""])[0])
    fields = {"title": (record.get("title") or [""])[0], "author": " and ".join(record.get("author", [])),
              "year": year.group(0) if year else "", "journal": (record.get("venue") or [""])[0],
              "url": (record.get("url") or [""])[0], "doi": (record.get("doi") or [""])[0]}
    f = entry_fields(_TYPES.get(kind, "misc"), fields, what)
    url = fields["url"]
    return f, [Link("url", url, line, bare=True)] if url.startswith(("http://", "https://")) else []
