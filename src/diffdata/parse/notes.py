"""An entry's note (what it says beyond its fields) and its rating."""

from __future__ import annotations

from diffdata.parse.model import Line, Segment
from diffdata.parse.record import Fields
from diffdata.parse.shapes import text_outside_links
from diffdata.parse.titles import RATING_RE
from diffdata.text import clean_space


def rating(line: Line) -> str | None:
    """A rating written in bold on the line (``**R = 4**``), without its spaces (``R=4``)."""
    for _, text in line.bold:
        m = RATING_RE.search(text)
        if m:
            return m.group(1).replace(" ", "")
    return None


def entry_note(seg: Segment, f: Fields, used: dict[int, str]) -> str | None:
    """What else an entry says, as one text: its notes, its table's note and name cells, or its lines that
    no field took (``used``: the lines a field took, with what of them stays a note)."""
    notes = list(seg.notes)
    if seg.cells:
        for meaning, cell in seg.cells:
            text = clean_space(" ".join(ln.text for ln in cell)).strip(" -–—/")
            if meaning == "note" and text:
                notes.append(text)
            elif meaning == "name" and text and text != f.title:
                notes.append(f"{text}.")  # a method's or model's name, beside the title
        return " ".join(notes) or None
    if seg.layout == "prose":  # a link in running text: the words around it, up to the neighbouring links
        notes.append(clean_space(text_outside_links(seg.lines[0])).strip(" :-"))
        return " ".join(n for n in notes if n) or None
    for ln in seg.lines[seg.note_from:]:
        if ln.number in used:
            if used[ln.number]:
                notes.append(used[ln.number])
            continue
        if ln.number in seg.label_lines:
            continue
        text = clean_space(ln.text).rstrip("\\ ")
        if seg.note_skip_links and ln.links and not text_outside_links(ln).strip(" \\[]()|.,;:-"):
            continue
        if seg.note_skip_links and ln.links:
            text = clean_space(text_outside_links(ln).replace("\\", " ")).strip(" []")
        if text and (f.date is None or text != f.date):
            notes.append(text)
    return " ".join(notes) or None
