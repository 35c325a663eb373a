"""Identifiers written as text rather than as links: ``arXiv:2301.00001``, ``[2305.00001] Title``, ``doi:
10.1000/x``, an arXiv id alone in a table's cell, an arXiv badge whose words are the id."""

from __future__ import annotations

from diffdata.parse.linkshapes import badge_words
from diffdata.parse.model import Segment
from diffdata.parse.record import Fields
from diffdata.parse.shapes import TEXT_ARXIV_RE, TEXT_DOI_RE, text_outside_links


def text_identifiers(seg: Segment, f: Fields) -> None:
    """An identifier written as text in an entry that links no such identifier (on its first three lines, or
    in any cell of its table row): kept as the identifier's canonical URL, with the evidence."""
    if any("arxiv.org" in lk.url.lower() or "doi.org" in lk.url.lower() for _, lk in seg.links):
        return
    for ln in [ln for _, cell in seg.cells for ln in cell] or seg.lines[:3]:
        text = text_outside_links(ln)
        if m := TEXT_ARXIV_RE.search(text):
            f.id_links.append(f"https://arxiv.org/abs/{m.group(1) or m.group(2)}")
            f.evidence.append(f"arxiv_id: written in the text '{m.group(0).strip()}'")
            return
        if m := TEXT_DOI_RE.search(text):
            f.id_links.append(f"https://doi.org/{m.group(1).rstrip('.')}")
            f.evidence.append(f"doi: written in the text '{m.group(0)}'")
            return
    for lk in (lk for ln in seg.lines[:3] for lk in ln.links if lk.image):  # an arXiv badge saying the id
        if m := next(filter(None, (TEXT_ARXIV_RE.search(w) for w in badge_words(lk) if "arxiv" in w.lower())), None):
            f.id_links.append(f"https://arxiv.org/abs/{m.group(1) or m.group(2)}")
            f.evidence.append(f"arxiv_id: written in a badge '{m.group(0).strip()}'")
            return
