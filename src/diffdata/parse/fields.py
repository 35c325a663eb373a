"""The field reader: one set of rules that reads an entry's fields from its parts, whatever its layout.

Segmentation (``segment.py``) decides where an entry starts and ends and which links are its own; this module
reads, from those parts, the title, authors, venue, qualifier, year, date, kind and note, and says for each
field what it used (``evidence``). The same rules run on a list item, a table row, a bold-title block, a
free-text post or a link in prose:

- **title**: a table cell whose header means title; the line before ``label : URL`` lines (posts); a bold run
  that opens the entry (joined when it wraps over lines); a link that opens the entry, unless its text only
  names the kind of link; a quoted title; an italic run that opens the entry; else the first clause of the
  entry's first line before a dash, pipe or colon.
- **authors**: a table cell whose header means authors; an italic run; ``by A, B``; a clause or line after the
  title that reads as a list of names.
- **venue, qualifier, year, date**: table cells by meaning (``Venue``, ``Pub. & Date``, ``Year``...); asides in
  parentheses or brackets (``(Jan., 2024 | CVPR 2024)``); link texts naming a venue (``[CVPR 2024](url)``);
  short lines (``ICCV 2021 (Oral).``, ``11 Jul 2021``); the clause after the title; a venue of the venue table
  named anywhere in the entry (``accepted to NeurIPS 2023``); a year heading; last, a year in the entry's text.
  A qualifier (Oral, Spotlight, Highlight, an acceptance number) goes to ``qualifier``, never into ``venue``.
- **kind**: the links (labels and URLs), and what the entry says ("blog post", "tutorial", "talk", "slides").

>>> from diffdata.parse.markdown import blocks
>>> from diffdata.parse.segment import segments
>>> [seg] = segments("t.md", blocks("- [Imagen Video](https://arxiv.org/abs/2210.02303) (CVPR'24, Oral)\\n"), [])
>>> f = read_fields(seg)
>>> (f.title, f.venue, f.year, f.qualifier, f.kind)
('Imagen Video', 'CVPR', 2024, 'Oral', 'paper')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diffdata.parse.aside import DATE_LINE_RE, DATE_RE, QUALIFIER_RE, Aside, only_venue_or_date, read_aside
from diffdata.parse.kinds import WEBSITE_CUE_RE, entry_kind
from diffdata.parse.markdown import BARE_URL_RE, Line, Link
from diffdata.parse.names import HANDLE_RE, looks_like_names, split_authors
from diffdata.parse.segment import Segment
from diffdata.parse.shapes import POST_LABEL_RE, TEXT_ARXIV_RE, TEXT_DOI_RE, is_label
from diffdata.text import YEAR, YEAR_RE, clean_space, strip_emoji
from diffdata.venues import find_venues

_ASIDE_RE = re.compile(r"\(([^()]{1,120})\)|\[([^\[\]]{1,120})\]|【([^【】]{1,120})】")
_RATING_RE = re.compile(r"\b([A-Z]{1,4}\s*=\s*\d{1,2}(?:\.\d)?)\b")
_READ_MARKERS = (":zap:", "⚡")
# a year a description gives the work: "... from 2021", "published in 2020" (not "up to 2022", "2019-2021")
_DATED_RE = re.compile(rf"\b(from|published(?: in)?|released(?: in)?|appeared in)\s+({YEAR})\b(?!\s*[-–]\s*\d)",
                       re.I)
_UNKNOWN_VENUE_RE = re.compile(r",\s*[A-Z][\w\-]{1,15}(?:\s+[A-Z][\w\-]{1,15})?[\s']*$")  # ", ICAIF " before a year
_BREAK_SPLIT_RE = re.compile(r"\s*\u2028\s*")
_BRACKETED_RE = re.compile(r"\s*`?\[[^\[\]]{1,40}\]`?\s*")  # a short label in brackets: "[DeepCache]"
_EMPTY_BRACKETS_RE = re.compile(r"\s*(?:[\[(]\s*[\])]\s*)+")
_MARKERS_RE = re.compile(r"^\s*(?:(?:\d{1,3}[.)](?=\s)|[-*+•·>|#]|:\w+:|[\[(]\s*[\])]"
                         r"|(?i:paper|title|论文|논문)\s*[:：])\s*)*")
# an aside or a date written before the title: "[CVPR 2023] Title", "(ICLR 2023) Title", "2023.06 | Title"
_LEAD_ASIDE_RE = re.compile(r"^\s*(?:[\[(【]([^\[\]()【】]{1,60})[\])】]|((?:19|20)\d\d[./-]\d{1,2}(?:[./-]\d{1,2})?))"
                            r"\s*[:|\-–—,]?\s*")
_BY_RE = re.compile(r"(?:^|[\s,(.:;|–—-])by\s+(?P<names>[A-Z][^()\[\]|]{2,300})", re.S)
_QUOTED_RE = re.compile(r"[\"“”]([^\"“”]{8,300})[\"“”]")
_CLAUSE_SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s*[|\u2028]\s*|\.\s+(?=[A-Z])|,\s+(?=by\s+[A-Z])")
_HANGUL_CJK_RE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")

@dataclass
class Fields:
    """What the reader found in one entry, with the evidence for each field."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    qualifier: str | None = None
    year: int | None = None
    date: str | None = None
    kind: str = ""
    note: str | None = None
    rating: str | None = None
    read: bool = False
    evidence: list[str] = field(default_factory=list)
    id_links: list[str] = field(default_factory=list)  # identifiers written as text, as their canonical URLs
    title_aside: str | None = None  # an aside written inside the title: "[Title (CVPR 2023)](url)"

    def give(self, name: str, value: object, how: str) -> bool:
        """Set field ``name`` when it is still empty and ``value`` is not; record how. True when set."""
        if value in (None, "", []) or getattr(self, name) not in (None, "", []):
            return False
        setattr(self, name, value)
        self.evidence.append(f"{name}: {how}")
        return True


# -- the reader --------------------------------------------------------------------------------------------


def read_fields(seg: Segment) -> Fields:
    """Read every field of an entry from its parts. The same rules for every layout."""
    f = Fields()
    head = seg.lines[0] if seg.lines else Line(seg.line)
    f.read = any(m in ln.text for ln in seg.lines[:1] for m in _READ_MARKERS)
    f.rating = _rating(head)
    used: dict[int, str] = {}  # line number -> what stays of it in the note, once a field used it
    title_end = _title(seg, f, used)
    _table_cells(seg, f)
    _authors(seg, f, used, title_end)
    _venue_year(seg, f, used, title_end)
    _text_identifiers(seg, f)
    kind, why = ("paper", "an identifier written in the text") if f.id_links else entry_kind(
        f.title, seg.links, seg.layout, _cue_text(seg, f))
    if kind in ("repository", "website") and f.venue and not WEBSITE_CUE_RE.search(f.title or ""):
        kind, why = "paper", f"a venue ('{f.venue}')"  # "**Blue noise (SIGGRAPH 2024)** [[code]] [[webpage]]"
    f.give("kind", kind, why)
    f.note = _note(seg, f, used)
    return f


def _clean_title(text: str | None) -> str:
    """A title without markdown, emoji, handles, list markers and trailing punctuation (``?`` and ``!`` stay)."""
    if not text:
        return ""
    t = strip_emoji(text).replace("\\", " ")
    t = HANDLE_RE.sub(" ", t)
    t = re.sub(r"^\*+|\*+$|`+|~~", "", t.strip())  # markers left at the ends; a "*" inside is the title's
    t = clean_space(t)
    t = re.sub(r"^(?:\d{1,3}[.)]\s+|[\-*+•·]\s+)", "", t)
    t = t.strip(" -–—:|,;")
    t = re.sub(r"\.+$", "", t) if not re.search(r"\b(?:et al|etc|vs|Inc|Ltd)\.$", t) else t
    if len(t) >= 2 and t[0] in "\"“'‘" and t[-1] in "\"”'’":
        t = t[1:-1]
    t = re.sub(r"(?:\s*[\[(]\s*[\])])+\s*$", "", clean_space(t))  # brackets left by label links: "Title [] []"
    return t.strip(" -–—:|,;").rstrip("[( ")


_TRAILING_ASIDE_RE = re.compile(r"^(?P<title>.*\S)\s*[(\[【](?P<aside>[^()\[\]【】]{2,60})[)\]】]\s*$")


def _give_title(f: Fields, title: str | None, how: str) -> bool:
    """Give the title; an aside at its end that names only a venue or a date (``Title (CVPR 2023)``) is kept
    apart for the venue reader."""
    m = _TRAILING_ASIDE_RE.match(title or "")
    if m and only_venue_or_date(m.group("aside")):
        title, f.title_aside = m.group("title").rstrip(" -–—:,"), m.group("aside")
    return f.give("title", title, how)


def link_title(text: str | None) -> str | None:
    """A link text as a title, or None when it only names the kind of link ('paper', '[code]', 'arXiv') or
    is a URL."""
    title = _clean_title(text)
    if not title or is_label(text or "") or BARE_URL_RE.fullmatch(title) or only_venue_or_date(title):
        return None
    return title


def _lead(text: str) -> str:
    """A line's start without list markers, emoji, numbering and leading asides (``[CVPR 2023]``,
    ``(ICLR 2023)``, ``2023.06 |``) that name only a venue or a date."""
    text = _MARKERS_RE.sub("", strip_emoji(text).replace("\\", " "))
    while m := _LEAD_ASIDE_RE.match(text):
        if not only_venue_or_date(m.group(1) or m.group(2)):
            break
        text = text[m.end():]
    return text.strip()


def _start_text(line: Line, col: int) -> str:
    """What stands before column ``col`` of a line, past markers, leading asides, badges and links whose
    text is only a label (``[[paper](url)] **Title**``)."""
    text = line.text[:col]
    for lk in sorted(line.links, key=lambda x: -x.col):
        if lk.col < col and (lk.bare or lk.image or link_title(lk.text) is None):
            text = text[: lk.col] + text[lk.col + len(lk.url if lk.bare else lk.text):]
    return _lead(_EMPTY_BRACKETS_RE.sub(" | ", text))  # where a label link stood, a clause ends


def _title(seg: Segment, f: Fields, used: dict[int, str]) -> int:
    """Find the title; return the index of the last line it used (-1 when none)."""
    lines = seg.lines
    if seg.cells:
        for meaning, cell in seg.cells:
            if meaning == "title":
                links = [lk for ln in cell for lk in ln.links if not lk.image]
                title = link_title(links[0].text) if links and links[0].text else None
                text = " ".join(ln.text if title else _text_outside_links(ln) for ln in cell)
                parts = [p for p in _BREAK_SPLIT_RE.split(text) if p.strip()] or [""]
                while len(parts) > 1 and _BRACKETED_RE.fullmatch(parts[0]):
                    parts = parts[1:]  # "**[DeepCache]**<br>DeepCache: Accelerating ...": a label, then the title
                first, *rest = parts  # "**Title**<br>*Authors*": the title, then the rest
                if not title and rest and not f.authors:
                    names = next((r for r in rest if looks_like_names(r)), None)
                    if names:
                        f.give("authors", split_authors(names), "names under the title in its cell")
                if _give_title(f, title or _clean_title(first) or None, "table title cell"):
                    return 0
        return -1
    if not lines:
        return -1
    if seg.layout == "prose":
        lk = seg.links[0][1] if seg.links else None
        if lk is not None and not (lk.bare and not lk.unbalanced) and not lk.image:
            _give_title(f, link_title(lk.text), "link text")
        _give_title(f, seg.document_title, "the document's title (a paper badge in its header)")
        if lk is not None and re.fullmatch(r"\[?\d{1,3}\]?", lk.text.strip()) and lines and lines[0].links:
            # "works like ControlNet [1]": a citation mark; the name right before it is what the list calls it
            before = lines[0].text[: lines[0].links[0].col]
            m = re.search(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s*[(\[]?\s*$", before)
            if m:
                _give_title(f, m.group(1), "the name before a citation mark")
        return 0 if f.title else -1
    if seg.label_lines:  # `label : URL` lines: the title is the line right before the first of them
        first = min(i for i, ln in enumerate(lines) if ln.number in seg.label_lines)
        if first > 0 and _is_post_title(lines[first - 1].text):
            title, extra = _split_trailing_parenthetical(clean_space(lines[first - 1].text))
            if _give_title(f, _clean_title(title) or None, "line before the label lines"):
                used[lines[first - 1].number] = f"({extra})" if extra else ""
                return first - 1
        return -1
    head = lines[0]
    # a bold run that opens the entry, joined over the lines it wraps onto
    # **[CVPR 2023]** is an aside, **`[DeepCache]`** a label: neither is the title
    runs = [r for r in head.bold if not only_venue_or_date(r[1].strip(" []()")) and not _BRACKETED_RE.fullmatch(r[1])]
    runs = runs[:1]
    if runs:
        col, text = runs[0]
        if not _start_text(head, col) and not text.strip().endswith((":", "：")) and not _RATING_RE.fullmatch(
                text.strip()):
            parts, end = [text], 0
            if col + len(text) >= len(head.text.rstrip(" \\")):
                for i in range(1, len(lines)):
                    ln = lines[i]
                    if ln.bold_continues and ln.bold and ln.bold[0][0] == 0:
                        parts.append(ln.bold[0][1])
                        end = i
                    else:
                        break
            if end == 0:
                parts[0] += _named_continuation(head, col + len(text))
            if _give_title(f, _clean_title(" ".join(parts)) or None, "bold text"):
                return end
    # a link that opens the entry
    lead = next((lk for lk in head.links if not lk.image), None)
    if (lead is not None and not _start_text(head, lead.col) and not lead.url.startswith("#")
            and _give_title(f, link_title(lead.text), "link text")):
        return 0
    # a quoted title: Author, "Title", Venue
    text_before = _text_outside_links(head)
    q = _QUOTED_RE.search(text_before)
    if q and _give_title(f, _clean_title(q.group(1)) or None, "quoted text"):
        return 0
    if head.italic:
        col, text = head.italic[0]
        if not _start_text(head, col) and not looks_like_names(text) and f.give(
                "title", _clean_title(text) or None, "italic text"):
            return 0
    # the first clause of the first line
    stop = min([lk.col for lk in head.links if not lk.image and link_title(lk.text)]  # a titled link, or
               + [c for c, run in head.italic if c > 0 and looks_like_names(run)]  # italic names: "..., *Ma et al.*"
               + [len(head.text)])
    for clause in _CLAUSE_SPLIT_RE.split(_start_text(head, stop))[:3]:
        if ": " in clause and not POST_LABEL_RE.match(clause):
            before, after = clause.split(": ", 1)
            if (re.search(r",|\band\b|&", after) and looks_like_names(after)) or only_venue_or_date(after):
                clause = before
        cut = _before_venue(clause)
        if cut.strip() and only_venue_or_date(clause[len(cut):].strip(" ,.;()[]")):
            clause = cut  # "Title, ICCV 2023": the venue is an aside
        clause = _clean_title(_lead(clause))
        if only_venue_or_date(clause):
            continue  # "2023.06 | Title": the date is an aside; the title is the next clause
        if (clause and not POST_LABEL_RE.match(clause + " :x") and _is_title_clause(clause)
                and _give_title(f, clause, "first clause")):
            return 0
        break
    return -1


def _is_title_clause(text: str) -> bool:
    if is_label(text.strip(" :")) or only_venue_or_date(text) or "://" in text:
        return False
    if re.search(r",|\band\b|&", text) and looks_like_names(text):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and (len(text.split()) >= 2 or any(c.isupper() for c in text[1:]) or letters >= 5)


def _text_outside_links(line: Line) -> str:
    """A line's text with the texts of its links (and its bare URLs) cut out."""
    if not line.links:
        return line.text
    spans = sorted((lk.col, lk.col + len(lk.url if lk.bare and not lk.unbalanced else lk.text))
                   for lk in line.links)
    out, at = [], 0
    for a, b in spans:
        if a >= at:
            out.append(line.text[at:a])
            at = max(at, b)
    out.append(line.text[at:])
    return " ".join(out)


def _is_post_title(text: str) -> bool:
    text = clean_space(text)
    if not text or "://" in text or _HANGUL_CJK_RE.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) / len(letters) < 0.9:
        return False
    return 2 <= len(text.split()) <= 40 and not POST_LABEL_RE.match(text)


def _split_trailing_parenthetical(text: str) -> tuple[str, str | None]:
    m = re.match(r"^(.*\S)\s*\(([^()]*\d[^()]*)\)\s*$", text)
    if m:
        return m.group(1), m.group(2)
    return text, None


def _table_cells(seg: Segment, f: Fields) -> None:
    # a Year column states the year; else a venue's year comes before a date column's (often the arXiv date)
    order = {"authors": 0, "year": 1, "venue": 2, "venue_date": 2}
    for meaning, cell in sorted(seg.cells, key=lambda mc: order.get(mc[0], 3)):
        text = clean_space(" ".join(ln.text for ln in cell))
        if not text or text in ("-", "—", "–", "N/A", "n/a", "/"):
            continue
        if meaning == "authors":
            f.give("authors", split_authors(text), "authors column")
        elif meaning in ("venue", "date", "venue_date", "year"):
            _give_aside(f, read_aside(text, venue_context=meaning in ("venue", "venue_date")),
                        f"{meaning} column '{text}'", date=meaning in ("date", "venue_date"))
        elif meaning == "other" and len(text.split()) <= 6 and only_venue_or_date(text):
            _give_aside(f, read_aside(text), f"cell '{text}'")  # a column without a header, or an odd one


def _give_aside(f: Fields, a: Aside, how: str, date: bool = True) -> bool:
    got = f.give("venue", a.venue, how)
    got |= f.give("qualifier", a.qualifier, how)
    got |= f.give("year", a.year, how)
    if date:
        got |= f.give("date", a.date, how)
    return got


def _named_continuation(line: Line, end: int) -> str:
    """``**MaskINT**: Video Editing via ...``: a bold name, then a colon and the rest of the title, up to the
    authors (an italic run), a link, an aside or a line break. Empty when the bold run is the whole title."""
    rest = line.text[end:]
    if not re.match(r"\s*[:：]\s+\S", rest):
        return ""
    stops = [len(rest)] + [c - end for c, _ in line.italic if c > end] + [lk.col - end for lk in line.links
                                                                          if lk.col > end]
    rest = rest[: min(stops)]
    rest = re.split(r"\s*[\u2028(\[]|\s+[-–—|]\s+", rest)[0]
    return rest.rstrip(" ,;")


def _authors(seg: Segment, f: Fields, used: dict[int, str], title_end: int) -> None:
    if f.authors or seg.layout in ("prose", "table"):  # a table row's authors are in its cells (see _title)
        return
    lines = seg.lines
    for i, ln in enumerate(lines[: max(title_end, 0) + 3]):
        for _, text in ln.italic:
            if f.title and _clean_title(text) == f.title:
                continue
            names = looks_like_names(text) or (i > title_end >= 0 and not ln.other.strip() and not ln.links
                                                and len(text) < 400 and not DATE_LINE_RE.match(text))
            if names and f.give("authors", split_authors(text), "italic text"):
                if not clean_space(ln.other.replace("\\", " ")) and not ln.links:
                    used[ln.number] = ""
                return
    for i, ln in enumerate(lines[: max(title_end, 0) + 2]):
        m = _BY_RE.search(_text_outside_links(ln) if i != title_end else _after_title(ln, f.title))
        if m:
            names = re.split(r"\s*[(\[|]|\s+-\s+|\.\s|\s+(?:in|at|on)\s+[A-Z]", m.group("names"))[0]
            if looks_like_names(names) and f.give("authors", split_authors(names), "'by' names"):
                return
    # the clause after the title (or before a quoted one), or the line after it, when it reads as names
    if title_end >= 0 and f.title:
        rest = _after_title(lines[title_end], f.title)
        whole = _text_outside_links(lines[title_end])
        quoted = whole.find(f.title)
        if quoted > 0 and whole[quoted - 1] in "\"“'‘":
            rest = whole[: quoted - 1] + " | " + rest
        for clause in _CLAUSE_SPLIT_RE.split(rest):
            clause = _before_venue(re.split(r"[(\[]", clause)[0])
            c = clean_space(clause).strip(" .,;:-–—")
            if c and looks_like_names(c) and len(c.split()) >= 2:
                f.give("authors", split_authors(c), "names after the title")
                return
        if title_end + 1 < len(lines):
            ln = lines[title_end + 1]
            text = clean_space(_text_outside_links(ln).replace("\\", " "))
            cut = re.split(r"\s*[(\[]|\.\s+(?=[A-Z])", text)[0].strip(" .,;")
            got = (cut and re.search(r",|\band\b|&", cut) and looks_like_names(cut)
                   and f.give("authors", split_authors(cut), "line after the title"))
            if got and cut == text.strip(" .,;"):
                used[ln.number] = ""


def _without_title(line: Line, title: str | None) -> str:
    """A line's text with its links' texts and its title cut out: what else it says."""
    text = _text_outside_links(line)
    at = text.find(title) if title else -1
    return text[:at] + " " + text[at + len(title or ""):] if at >= 0 else text


def _before_venue(text: str) -> str:
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


def _after_title(line: Line, title: str | None) -> str:
    """The text of a line after its title (link texts cut out)."""
    text = _text_outside_links(line).replace("\\", " ")
    if title and line.bold:
        col, run = line.bold[0]
        text = line.text[col + len(run):].replace("\\", " ")
        text = _text_outside_links(Line(line.number, text, [
            Link(lk.text, lk.url, lk.line, col=lk.col - col - len(run)) for lk in line.links
            if lk.col >= col + len(run)]))
    elif title:
        i = text.find(title)
        if i >= 0:
            text = text[i + len(title):]
    return text


def _venue_year(seg: Segment, f: Fields, used: dict[int, str], title_end: int) -> None:
    lines = seg.lines
    title = f.title or ""
    if f.title_aside:
        _give_aside(f, read_aside(f.title_aside, venue_context=True), f"aside in the title '({f.title_aside})'")
    # asides in parentheses or brackets, and short lines, in the entry's own text (link texts cut out)
    for i, ln in enumerate(lines):
        text = _without_title(ln, title) if i == title_end else _text_outside_links(ln)
        text = text.replace("\\", " ")
        if i > title_end and ln.links and not _text_outside_links(ln).strip(" \\[]()|.,;:-"):
            continue  # a line of links only
        for m in _ASIDE_RE.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            if "://" in inner:
                continue
            a = read_aside(inner)
            if len(a.rest.split()) <= 3:  # a sentence in parentheses is no aside
                _give_aside(f, a, f"aside '({clean_space(inner)})'")
        short = clean_space(_ASIDE_RE.sub(lambda m: m.group(0) if QUALIFIER_RE.search(m.group(0)) else " ",
                                          text)).strip(" .,;|")
        if i != title_end and 0 < len(short.split()) <= 8 and (YEAR_RE.search(short) or find_venues(short)):
            a = read_aside(short, venue_context=bool(ln.links))
            if len(a.rest.split()) <= 2:  # a line that is mostly a venue or a date, not a sentence with a year
                _give_aside(f, a, f"short line '{short}'")
            if not a.rest:
                used[ln.number] = ""
        elif i == title_end and short:
            for clause in _CLAUSE_SPLIT_RE.split(short)[:4]:
                c = clean_space(clause).strip(" .,;:-–—")
                if c and len(c.split()) <= 8 and (YEAR_RE.search(c) or find_venues(c)):
                    _give_aside(f, read_aside(c, venue_context=True), f"clause '{c}'")
        if seg.layout == "prose":
            break
    # link texts naming a venue or a date: [CVPR 2024](url)
    for _, lk in seg.links:
        if (lk.text and not lk.image and not is_label(lk.text)
                and only_venue_or_date(lk.text)):  # "[arXiv](url)" is a label, not a venue
            _give_aside(f, read_aside(lk.text, venue_context=True), f"link text '{lk.text}'")
    # a venue of the table or a date named anywhere in the entry's text
    for i, ln in enumerate(lines if seg.layout != "prose" else []):
        text = _without_title(ln, title) if i == title_end else _text_outside_links(ln)
        for v in find_venues(text):
            if v.name.lower() != "arxiv" and f.give("venue", v.name, f"venue named in the text '{v.name}'"):
                f.give("year", v.year, f"year glued to '{v.name}'")
        m = DATE_RE.search(text)
        if m:
            f.give("year", int(m.group(1) or m.group(2)), f"date in the text '{m.group(0)}'")
    for heading in reversed(seg.section):
        if re.fullmatch(YEAR, heading.strip()):
            f.give("year", int(heading), f"year heading '{heading}'")
            break
    if f.year is None and lines and seg.layout != "prose":  # last, a year on the entry's first line
        text = _without_title(lines[0], title) if title_end == 0 else _text_outside_links(lines[0])
        y = YEAR_RE.search(text)
        if y:
            f.give("year", int(y.group(1)), f"year in the text '{y.group(1)}'")
    for ln in lines[1:] if f.year is None and seg.layout != "prose" else []:  # "... from 2021", "published in 2020"
        if m := _DATED_RE.search(_text_outside_links(ln)):
            f.give("year", int(m.group(2)), f"year in the text '{m.group(0)}'")
            break
    # a title that names its event ("CVPR 2023 Challenge on ...", "... Workshop 2022"): only when the entry
    # says nothing else
    for v in find_venues(title):
        named = v.year is not None and v.name.lower() != "arxiv"
        if named and f.give("venue", v.name, f"venue in the title '{v.name}'"):
            f.give("year", v.year, f"year in the title '{v.year}'")
    if f.year is None and (y := YEAR_RE.search(title)):
        f.give("year", int(y.group(1)), f"year in the title '{y.group(1)}'")


def _text_identifiers(seg: Segment, f: Fields) -> None:
    """``arXiv:2301.00001`` or ``doi: 10.1000/x`` written as text (not as a link) in an entry that links no
    such identifier: kept as the identifier's canonical URL, with the evidence."""
    if any("arxiv.org" in lk.url.lower() or "doi.org" in lk.url.lower() for _, lk in seg.links):
        return
    for ln in seg.lines[:3]:
        text = _text_outside_links(ln)
        if m := TEXT_ARXIV_RE.search(text):
            f.id_links.append(f"https://arxiv.org/abs/{m.group(1)}")
            f.evidence.append(f"arxiv_id: written in the text '{m.group(0)}'")
            return
        if m := TEXT_DOI_RE.search(text):
            f.id_links.append(f"https://doi.org/{m.group(1).rstrip('.')}")
            f.evidence.append(f"doi: written in the text '{m.group(0)}'")
            return


def _rating(line: Line) -> str | None:
    for _, text in line.bold:
        m = _RATING_RE.search(text)
        if m:
            return m.group(1).replace(" ", "")
    return None


def _cue_text(seg: Segment, f: Fields) -> str:
    """What the entry says about itself outside its title: link labels and its other text."""
    parts = [label or "" for label, _ in seg.links]
    for ln in seg.lines:
        parts.append(_text_outside_links(ln).replace(f.title or "\0", " "))
    return " ".join(parts)


def _note(seg: Segment, f: Fields, used: dict[int, str]) -> str | None:
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
        notes.append(clean_space(_text_outside_links(seg.lines[0])).strip(" :-"))
        return " ".join(n for n in notes if n) or None
    for ln in seg.lines[seg.note_from:]:
        if ln.number in used:
            if used[ln.number]:
                notes.append(used[ln.number])
            continue
        if ln.number in seg.label_lines:
            continue
        text = clean_space(ln.text.replace(ln.link_cont, " ", 1) if ln.link_cont else ln.text).rstrip("\\ ")
        if seg.note_skip_links and ln.links and not _text_outside_links(ln).strip(" \\[]()|.,;:-"):
            continue
        if seg.note_skip_links and ln.links:
            text = clean_space(_text_outside_links(ln).replace("\\", " ")).strip(" []")
        if text and (f.date is None or text != f.date):
            notes.append(text)
    return " ".join(notes) or None
