"""The field reader: one set of rules that reads an entry's fields from its parts, whatever its layout.

Segmentation (``segment.py``) decides where an entry starts and ends and which links are its own; this module
reads, from those parts, the title, authors, venue, qualifier, year, date, kind and note, and says for each
field what it used (``evidence``). The same rules run on a list item, a table row, a bold-title block, a
free-text post or a link in prose:

- **title** (``titles.py``): a table cell whose header means title; the line before ``label : URL`` lines
  (posts); a bold run that opens the entry (joined when it wraps over lines); a link that opens the entry,
  unless its text only names the kind of link; a quoted title; an italic run that opens the entry; else the
  first clause of the entry's first line before a dash, pipe or colon.
- **authors**: a table cell whose header means authors; an italic run; ``by A, B``; a clause or line after the
  title that reads as a list of names.
- **venue, qualifier, year, date**: table cells by meaning (``Venue``, ``Pub. & Date``, ``Year``...); asides in
  parentheses or brackets (``(Jan., 2024 | CVPR 2024)``); link texts naming a venue (``[CVPR 2024](url)``);
  short lines (``ICCV 2021 (Oral).``, ``11 Jul 2021``); the clause after the title; a venue of the venue table
  named anywhere in the entry (``accepted to NeurIPS 2023``); a year or venue heading; last, a year in the entry's text.
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
from dataclasses import replace

from diffdata.identifiers import identifiers_from_url, is_paper_url
from diffdata.parse.aside import (
    ARXIV_NUMBER_RE,
    ASIDE_RE,
    DATE_RE,
    Aside,
    cited_surname,
    names_a_venue,
    only_venue_or_date,
    read_aside,
    without_asides,
    without_locators,
)
from diffdata.parse.authors import JOURNAL_WORD_RE, names_before, read_authors
from diffdata.parse.kinds import WEBSITE_CUE_RE, cue_text, entry_kind
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import before_venue, without_title
from diffdata.parse.linkfields import cited_link_fields, link_fields
from diffdata.parse.linkshapes import badge_words, link_end
from diffdata.parse.model import Line, Segment
from diffdata.parse.names import (
    has_organisation_word,
    is_name_list,
    is_one_person,
    looks_like_names,
    split_authors,
)
from diffdata.parse.narrative import cited_before
from diffdata.parse.notes import entry_note, rating
from diffdata.parse.record import Fields
from diffdata.parse.sections import heading_says
from diffdata.parse.shapes import (
    IDENTIFIER_TEXT_RE,
    LEAD_LABEL_RE,
    TEXT_ARXIV_RE,
    VENUE_LABELS,
    YEAR_LABELS,
    text_outside_links,
)
from diffdata.parse.tags import code_parts
from diffdata.parse.textids import text_identifiers
from diffdata.parse.titles import CLAUSE_SPLIT_RE, read_title
from diffdata.parse.titletext import COUNT_TEXT_RE
from diffdata.text import YEAR, YEAR_RE, clean_space, strip_emoji
from diffdata.venues import find_venues, lookup

_READ_MARKERS = (":zap:", "⚡")
# a year a description gives the work: "... from 2021", "published in 2020" (not "up to 2022", "2019-2021")
_DATED_RE = re.compile(rf"\b(from|published(?: in)?|released(?: in)?|appeared in)\s+({YEAR})\b(?!\s*[-–]\s*\d)",
                       re.I)

# -- the reader --------------------------------------------------------------------------------------------


def read_fields(seg: Segment) -> Fields:
    """Read every field of an entry from its parts. The same rules for every layout."""
    f = Fields()
    head = seg.lines[0] if seg.lines else Line(seg.line)
    f.read = any(m in ln.text for ln in seg.lines[:1] for m in _READ_MARKERS)
    f.rating = rating(head)
    used: dict[int, str] = {}  # line number -> what stays of it in the note, once a field used it
    title_end = read_title(seg, f, used)
    link_fields(seg, f)
    _table_cells(seg, f)
    read_authors(seg, f, used, title_end)
    _venue_year(seg, f, used, title_end)
    cited_link_fields(seg, f)  # "**Brisk** — [Okoro et al., ICLR 2023](..)": what the entry left unsaid
    _venue_year_first(f)
    text_identifiers(seg, f)
    kind, why = ("paper", "an identifier written in the text") if f.id_links else entry_kind(
        f.title, seg.links, seg.layout, cue_text(seg, f.title), seg.section)
    if kind in ("repository", "website") and f.venue and not WEBSITE_CUE_RE.search(f.title or ""):
        kind, why = "paper", f"a venue ('{f.venue}')"  # "**Blue noise (SIGGRAPH 2024)** [[code]] [[webpage]]"
    elif kind in ("repository", "website") and f.cited_style:
        kind, why = "paper", "a citation written out"  # "Chan, B. (2020). Title. [Code](github...)"
    f.give("kind", kind, why)
    f.note = entry_note(seg, f, used)
    return f


def _venue_year_first(f: Fields) -> None:
    """A year read from a date before the venue (``[2022.10] Title (ICLR 2023)``: the day a list added the
    preprint) gives way to the year written with the venue."""
    if f.venue_year is None or f.year == f.venue_year or f.date is None:
        return
    year_how = next((e for e in f.evidence if e.startswith("year: ")), "")
    if year_how[len("year: "):] == next((e[len("date: "):] for e in f.evidence if e.startswith("date: ")), None):
        f.evidence.remove(year_how)
        f.year = None
        f.give("year", f.venue_year, f"the venue's year, before a date's ({year_how[len('year: '):]})")


def _meeting_dates(seg: Segment) -> list[str]:
    """The date cells of a reading group's schedule (a presenter column and a paper linked): they date the
    meeting, not the paper."""
    if not any(m == "presenters" for m, _ in seg.cells) or not any(is_paper_url(lk.url) for _, lk in seg.links):
        return []
    return [t for m, cell in seg.cells if m == "date" and (t := clean_space(" ".join(ln.text for ln in cell)))]


def _counts(seg: Segment) -> list[str]:
    """The cells of a row's count columns (citations, downloads), of the dates the list's keeper wrote (added,
    read) and the numbers alone in its link columns (a repository's stars): never the work's year."""
    return [t for m, cell in seg.cells if (t := clean_space(" ".join(ln.text for ln in cell)))
            and (m == "count" or (m == "list_date" and not YEAR_RE.fullmatch(t))  # a "Created" year alone: the work's
                 or (m == "links" and COUNT_TEXT_RE.fullmatch(strip_emoji(t).strip())))]


# "(Acme Research)", "(MIT)"; not "(2023)", "(with Bo Chan)"
_CELL_AFFILIATION_RE = re.compile(r"(?<!\s)\s*+\((?!\s*(?:with|and|&)\s)[^()\d]{2,60}\)")
_STATUS_RE = re.compile(r"(?i)(?:published|accepted|posted|released|updated|submitted|added|online)\W*")


def _table_cells(seg: Segment, f: Fields) -> None:
    # a Year column states the year; else a venue's year comes before a date column's (often the arXiv date)
    order = {"authors": 0, "year": 1, "venue": 2, "venue_date": 2}
    meeting = _meeting_dates(seg)
    for meaning, cell in sorted(seg.cells, key=lambda mc: order.get(mc[0], 3)):
        if meeting and meaning == "date":
            continue
        text = clean_space(" ".join(ln.text for ln in cell))
        if not text or text in ("-", "—", "–", "N/A", "n/a", "/"):
            continue
        if meaning in ("authors", "speakers") and "(" in text:
            text = _CELL_AFFILIATION_RE.sub("", text) or text  # "Rosa Ferro (Acme Research)": her place, no name
        if meaning == "authors":
            f.give("authors", split_authors(text), "authors column")
        elif meaning == "speakers" and not any(is_paper_url(lk.url) for _, lk in seg.links):
            f.give("authors", split_authors(text), "speakers column (a talk's, not a paper's presenter)")
        elif meaning in ("date", "year") and (m := _YY_MM_RE.fullmatch(text)):
            f.give("year", 2000 + int(m.group(1)), f"{meaning} column '{text}' (YY.MM)")
        elif meaning == "year" and (m := _YY_RE.fullmatch(text)):
            f.give("year", 2000 + int(m.group(1) or m.group(2)), f"year column '{text}' (two digits)")  # "'22", "21"
        elif meaning in ("venue", "date", "venue_date", "year"):
            _give_aside(f, read_aside(text, venue_context=meaning in ("venue", "venue_date")),
                        f"{meaning} column '{text}'", date=meaning in ("date", "venue_date"))
        elif meaning == "other" and len(text.split()) <= 6 and only_venue_or_date(text):
            _give_aside(f, read_aside(text), f"cell '{text}'")  # a column without a header, or an odd one


_ITALIC_VENUE_RE = re.compile(r"[A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|of|in|on|for|and|the|&)){0,5}")
_CJK_CLAUSE_RE = re.compile(r"\s*[，；。]\s*| \| ")  # a full-width comma, semicolon or full stop ends a clause
_DETAILS_SPLIT_RE = re.compile(r"\s+[·•|]\s+")
_YY_RE = re.compile(r"['’‘`]([0-3]\d)|([1-3]\d)")  # a year of this century in two digits, as a Year column writes it
_VENUE_LABEL_RE = re.compile(r"(?i)^(?:venue|conference|journal|publication|published(?: in| at)?|publisher|"
                             r"proceedings|booktitle|accepted(?: at| by| to| in)?|会议|发表于?|発表)\s*[:：]\s*")
# a year's or a venue's label at a clause's start: "— **Year:** 2023 — **Venue:** ICCV", "Année : 2023 — Conférence :"
_CLAUSE_LABEL_RE = re.compile(r"(?i)(^|[—–|·•,;/，；｜]\s*)(?:" + "|".join(
    map(re.escape, sorted(YEAR_LABELS | VENUE_LABELS, key=len, reverse=True))) + r")\s*[:：]\s*")
_YY_MM_RE = re.compile(r"(\d{2})[./-](?:0?[1-9]|1[0-2])")  # "25.04" in a date column: April 2025


# two words in lower case that are not "of", "in", "on" ...: a sentence, not an unknown venue's name
_VERB_FIRST_RE = re.compile(r"(?:[a-z]{4,}|by|via)\b")  # "evaluated on MS-COCO", not "eLife", "npj Digital Medicine"
_SENTENCE_WORDS_RE = re.compile(r"(?:\b(?!(?:of|in|on|for|and|the|at|to|de|du|la|et|und|für)\b)[a-z][a-z\-]+\b.*){2}")


def _arxiv_years(seg: Segment) -> list[int]:
    """The years the entry's arXiv links were first posted (``2403.01234``: 2024)."""
    ids = (identifiers_from_url(lk.url).arxiv_id for _, lk in seg.links)
    return [2000 + int(a[:2]) for a in ids if a and a[:4].isdigit()]


def _of_its_year(seg: Segment, said: Aside) -> bool:
    """The entry's arXiv ids, if any, are of the year of a list title's venue or the year before it."""
    return said.year is None or all(said.year - 1 <= y <= said.year for y in _arxiv_years(seg))


def _give_aside(f: Fields, a: Aside, how: str, date: bool = True) -> bool:
    got = f.give("venue", a.venue, how)
    if a.venue and a.year and f.venue == a.venue and f.venue_year is None:
        f.venue_year = a.year
    got |= f.give("qualifier", a.qualifier, how)
    got |= f.give("year", a.year, how)
    if date:
        got |= f.give("date", a.date, how)
    return got


# an aside in brackets (skipped whole), or where a clause of running text ends
_CLAUSE_END_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|[,;.]\s|(?<!\s)\s+(?:and|then|or|while|whereas)\s++(?![A-Z])")


def _own_part(between: str) -> str:
    """Of the text between a link and the one before it in running text, the last clause, which leads to
    this link: ``, and Song et al. (ICLR 2021) propose`` -> ``Song et al. (ICLR 2021) propose``; nothing when
    no clause ends there (``(Ho et al., 2020) and`` is the link before's, ``(Ho, 2020), then read`` -> ``read``)."""
    end = None
    for m in _CLAUSE_END_RE.finditer(between):
        if m.group(0)[0] not in "([":
            end = m.end()
    return between[end:] if end is not None else ""


def _others_cut(after: str, before_link: bool) -> str:
    """The text after a link in running text, less the clause leading to the next link (see :func:`_own_part`)."""
    return after[: len(after) - len(_own_part(after))] if before_link else after


def _names_a_venue(label: str) -> bool:
    """``Nature:``, ``CVPR 2023:`` before a title's link: a venue or a year, kept for the venue reader."""
    return bool(find_venues(label) or YEAR_RE.search(label) or lookup(label.strip(" :：*_"))[0])


# a year right after a venue's name, past its acronym in parentheses: "Proceedings of the ... (CVPR), 2024"
_YEAR_AFTER_NAME_RE = re.compile(r"\s*+(?:\([A-Za-z]{2,12}\))?,?\s*+((?:19|20)\d\d)\b(?![-–]\d)")


# a line's label naming when the list's keeper added, read or edited the entry (see columns.header_meaning)
_LIST_DATE_LABEL_RE = re.compile(r"[^\w[]*(?:(rating|priority|status)|(?:date[\s_-]*)?(?:added|created|accessed|"
                                 r"read|last[\s_-]*(?:edited|modified))(?:[\s_-]*(?:on|at|time|date))?)[*_\s]*[:：]",
                                 re.I)
# (a rating, a priority, a reading status: the keeper's too, never the work's year or venue)
_DATE_WORDS_RE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
                            r"(?<=\d)(?:st|nd|rd|th)\b|\b[ap]\.?m\.?\b")


def _only_a_date(text: str) -> bool:
    """A date and nothing else (``2024-06-13``, ``[[Jun 13th, 2024]]``, ``May 7, 2023 3:38 PM``): a year in it,
    no word but a month's name."""
    return bool(YEAR_RE.search(text)) and not re.search(r"[^\W\d_]", _DATE_WORDS_RE.sub("", text))


_ET_AL_RE = re.compile(r"\bet\.?\s*al\b")


def _names_in(venue: str, authors: list[str]) -> bool:
    """An unknown venue read from a clause holds the entry's names or an ``et al.``: names, not a venue."""
    return bool(_ET_AL_RE.search(venue)) or any(len(name) > 3 and name in venue for name in authors)


def _venue_year(seg: Segment, f: Fields, used: dict[int, str], title_end: int) -> None:
    lines = seg.lines
    title = f.title or ""
    if f.title_aside:
        _give_aside(f, read_aside(f.title_aside, venue_context=True), f"aside in the title '({f.title_aside})'")
    # asides in parentheses or brackets, and short lines, in the entry's own text (link texts cut out)
    raws: list[str] = []  # each line's text less its links (and title): read again below
    unread = {*_meeting_dates(seg), *_counts(seg)} if seg.cells else set()
    lead = ""
    for i, ln in enumerate(lines):
        if seg.layout == "prose" and ln.links:  # running text: what follows a link up to where its clause ends is
            # that link's ("[A](..) (Ho, 2020), then [B](..)"), the clause leading to the next link the next one's
            before, after = ln.text[:ln.links[0].col], ln.text[link_end(ln.links[0]):]
            lead = _own_part(before) if ln.after_link else before  # what leads to the link, in its clause
            if (m := LEAD_LABEL_RE.fullmatch(lead)) and not _names_a_venue(lead):
                lead = ""  # "**Also see:** [Title](..), Lee & Park, 2021": the label is no venue
            raw = f"{lead} {_others_cut(after, ln.before_link)}"
        else:
            raw = without_title(ln, title) if i == title_end else text_outside_links(ln)
            if i == title_end and (m := LEAD_LABEL_RE.match(raw)) and not raw[m.end():m.end() + 1].isdigit() and (
                    m.end() < len(raw)):  # a label, not an id's prefix ("arXiv:2306.00002")
                if _names_a_venue(m.group(0)):  # "**Nature:** [Title](..), Watson et al., 2023": the venue
                    _give_aside(f, read_aside(m.group(0).strip(" :：*_"), venue_context=True),
                                f"label before the title '{m.group(0).strip()}'")
                raw = raw[m.end():]  # "**Also see:** [Title](..), Lee & Park, 2021": the label is no venue
            if unread and clean_space(raw) in unread:  # a reading group's meeting day, a count of citations:
                raw = " "  # a cell of the row (each cell a line of it), read for no field
            elif i != title_end and (m := _LIST_DATE_LABEL_RE.match(raw)) and (
                    m.group(1) is not None or _only_a_date(raw[m.end():])):  # "Rating: 2019 favourite" too
                raw = " "  # "date-added:: 2024-06-13", "Accessed: Nov. 13, 2024": when the list's keeper added or
                # read it, not the work's date (not "Added: NeurIPS 2022 camera-ready", "Read: the ICML version")
        raws.append(ARXIV_NUMBER_RE.sub(" ", raw) if "." in raw else raw)  # "2006.11239" needs its dot
        text = raws[-1].replace("\\", " ")
        if i > title_end and ln.links and not text.strip(" \\[]()|.,;:-"):  # "\\" and " " are both stripped
            continue  # a line of links only
        for m in ASIDE_RE.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            if "://" in inner or IDENTIFIER_TEXT_RE.fullmatch(inner.strip()):
                continue  # "[arXiv 2305.00001]" names the paper's id, not its venue
            a = read_aside(inner)
            listed = before_venue(inner).strip(" .,;")  # "(Ann Lee, Bo Chan; ICCV 2023)": the names as written
            cited = bool(a.rest) and not _STATUS_RE.fullmatch(a.rest) and (  # not "(Published: 2023-10-23)"
                is_name_list(a.rest) or is_name_list(listed)  # "(Kudo & Lee, 2018)"
                or bool(a.year and cited_surname(a.rest)))  # "(Malon, 2018)", not "(Qiita, 2022)"
            if len(a.rest.split()) <= 3 or cited:  # a sentence in parentheses is no aside; many names are
                _give_aside(f, a, f"aside '({clean_space(inner)})'")
            if cited:
                names = listed if is_name_list(listed) else a.rest
                f.give("authors", split_authors(names), f"names in an aside '({clean_space(inner)})'")
            elif seg.layout == "prose" and i == 0 and a.year and not a.rest and (names := cited_before(text, m, lead)):
                f.give("authors", split_authors(names), f"names before the year '({clean_space(inner)})'")
        # a <br> ends a clause; a journal's volume and pages are no clause ("Nature 620, 47–60 (2023)")
        short = clean_space(without_asides(without_locators(text)).replace("\u2028", " | ")).strip(" .,;|·•")
        short = _VENUE_LABEL_RE.sub("", short)  # "Conference: DLMIA 2018": the label is no part of the venue
        if ":" in short or "：" in short:
            short = _CLAUSE_LABEL_RE.sub(r"\1", short)  # "Année : 2023 — Conférence : ICML"
        a = read_aside(short, venue_context=bool(ln.links)) if (
            i != title_end and 0 < len(short.split()) <= 8 and (YEAR_RE.search(short) or find_venues(short))) else None
        if a is not None and len(a.rest.split()) <= 2:  # a line that is mostly a venue or a date
            _give_aside(f, a, f"short line '{short}'")
            if not a.rest:
                used[ln.number] = ""
        elif (i == title_end or (i <= title_end + 2 and (len(_DETAILS_SPLIT_RE.findall(short)) >= 2 or is_name_list(
                CLAUSE_SPLIT_RE.split(short)[0].strip(" *_"))))) and short:
            # the title's line, or details under it: "Lee, Chan · 2021 · Nature 574", "*A. Lee, B. Li* — ACM CSUR 2023"
            italics = {clean_space(t).strip(" .,;") for _, t in ln.italic}
            clauses = _CJK_CLAUSE_RE.split(" | ".join(CLAUSE_SPLIT_RE.split(short)[:4]))  # "《T》，2022年4月，"
            if len(ln.code) > 1:  # "`ICLR'22` `GAN`": tags side by side, each a clause (not the venue "ICLR GAN")
                clauses = [p for c in clauses for p in code_parts(c, ln.code)]
            for clause in clauses[:6]:
                c = clean_space(clause).strip(" .,;:-–—·•")
                if (c and len(c.split()) <= 8 and (YEAR_RE.search(c) or find_venues(c) or names_a_venue(c)
                                                   or lookup(c)[0] is not None)  # "Nature" of "Nature 620, 1-9"
                        and not TEXT_ARXIV_RE.fullmatch(c)):  # "arXiv 2101.00001" is an identifier, no venue
                    a = read_aside(c, venue_context=True)
                    names = before_venue(c)
                    if a.venue and not a.venue_known and (is_name_list(names.strip(" .,;"))
                                                          or is_one_person(names.strip(" .,;"))):
                        # "Vance, R. 2008", "A. Lee et al., ICLRW 2022": names, then what the citation says
                        a = read_aside(c[len(names):].strip(" .,;"), venue_context=True)
                    elif a.venue and not a.venue_known and (cut := names_before(c)):
                        a = read_aside(c[cut:].strip(" .,;"), venue_context=True)  # "Ilan Price, Nature, 2024"
                    elif (i == title_end and a.venue and not a.venue_known and a.year and not a.qualifier
                          and cited_surname(a.venue) and c.startswith(a.venue + ",")):
                        f.give("authors", [a.venue], f"a surname before the year '{c}'")  # "[Title](..), Silva,
                        a = replace(a, venue=None)  # 2020": cited by its author's name, no venue
                    elif (i == title_end and a.venue_known and a.year and cited_surname(a.rest)
                          and c.startswith(a.rest + ",")):
                        f.give("authors", [a.rest], f"a surname before the venue '{c}'")  # "- Kaur, CVPR 2022"
                    elif not a.venue_known and (_SENTENCE_WORDS_RE.search(f"{a.venue or ''} {a.rest}")
                                                or _VERB_FIRST_RE.match(a.venue or "")
                                                or _names_in(a.venue or "", f.authors)):
                        continue  # a sentence with a year: "TL;DR: covers 120 papers from 2020-2024"; names with
                        # a date: "2024-05-01, **Title**, Ann Lee et.al., Paper: [..](..)" (no venue in it)
                    _give_aside(f, a, f"clause '{c}'")
                elif (c in italics and _ITALIC_VENUE_RE.fullmatch(c) and (JOURNAL_WORD_RE.search(c)
                                                                     or re.fullmatch(r"[A-Z]{2,8}", c))
                      and not looks_like_names(c) and not is_label(c) and not has_organisation_word(c)):  # "*CMU*"
                    f.give("venue", c, f"italic clause '{c}'")  # "**[Title](doi)**<br/> · *Nature Medicine* · 2026-06"
        if seg.layout == "prose":
            break
    # badges naming a venue: ![NeurIPS](.../badge/NeurIPS-blue), [![Publish](.../badge/Conference-ICLR'24-blue)]()
    said = [(w, read_aside(w, venue_context=True))
            for lk in (lk for ln in (lines if seg.layout != "prose" else lines[:1]) for lk in ln.links if lk.image)
            for w in badge_words(lk) if not is_label(w) and only_venue_or_date(w)]
    said = [(w, a) for w, a in said if a.venue]  # a badge of a year alone may be a commit date
    if said:  # the badge saying most: "ICLR 2024" before "ICLR", a venue before "arXiv 2023", else the first
        w, a = max(said, key=lambda wa: (str(wa[1].venue).lower() != "arxiv", wa[1].year is not None, len(wa[0])))
        _give_aside(f, a, f"badge '{w}'")
    # link texts naming a venue or a date: [CVPR 2024](url)
    for _, lk in seg.links:
        if (lk.text and not lk.image and not is_label(lk.text) and not IDENTIFIER_TEXT_RE.fullmatch(lk.text.strip())
                and only_venue_or_date(lk.text)):  # "[arXiv](url)" is a label, "[10.1109/X.2021.4](url)" an id
            _give_aside(f, read_aside(lk.text, venue_context=True), f"link text '{lk.text}'")
    # a venue of the table or a date named anywhere in the entry's text
    for text in raws if seg.layout != "prose" else []:
        for v in find_venues(text):
            if v.name.lower() != "arxiv" and (f.give("venue", v.name, f"venue named in the text '{v.name}'")
                                              or f.venue == v.name  # "... on ICLR open review; ICLR 2021"
                                              or (v.year is None and lookup(f.venue or "")[0] is not None
                                                  and lookup(f.venue or "")[0] == lookup(v.name)[0])):
                after = _YEAR_AFTER_NAME_RE.match(text, v.end) if v.year is None else None  # "... (CVPR), 2024"
                f.give("year", v.year or (after and int(after.group(1))), f"year glued to '{v.name}'")
            elif v.name.lower() == "arxiv" and i > title_end >= 0:  # "  - Ann Lee, Bo Chan. arXiv 2024."
                f.give("year", v.year, "year glued to 'arXiv' on a line under the title")
        m = DATE_RE.search(text) if "19" in text or "20" in text else None  # every date holds its year
        if m:
            f.give("year", int(m.group(1) or m.group(2)), f"date in the text '{m.group(0)}'")
    venue_heading = False  # "## 2024" over "### ICLR": a year heading above a venue's gives its year
    for heading in reversed(seg.section):
        said = heading_says(heading)
        if heading == seg.list_venue and isinstance(said, Aside) and not _of_its_year(seg, said):
            continue  # "# CVPR 2024 Papers" / "## Previous years": LDM of 2021 is no CVPR 2024 paper
        if isinstance(said, int):
            f.give("year", said, f"year heading '{heading}'")
            break
        if said is not None and not venue_heading:
            _give_aside(f, said, f"venue heading '{heading}'")
            if f.year is not None:
                break
            venue_heading = True
    if (f.venue is None and seg.list_venue and seg.list_venue not in seg.section and _arxiv_years(seg)
            and isinstance(said := heading_says(seg.list_venue), Aside) and _of_its_year(seg, said)):
        _give_aside(f, said, f"the list's title '{seg.list_venue}' (an arXiv id of its year)")  # over "# 3DGS"
    if f.year is None and lines and seg.layout != "prose":  # last, a year on the entry's first line, unless it
        y = YEAR_RE.search(raws[0])  # runs on before the paper was on arXiv ("evaluates on MS-COCO 2014")
        if y and (int(y.group(1)) >= min(_arxiv_years(seg), default=0) - 1
                  or raws[0].rstrip()[:y.start()].rstrip().endswith("(")):  # "(2002, Example Lab)"
            f.give("year", int(y.group(1)), f"year in the text '{y.group(1)}'")
    for ln in lines[1:] if f.year is None and seg.layout != "prose" else []:  # "... from 2021", "published in 2020"
        if m := _DATED_RE.search(text_outside_links(ln)):
            f.give("year", int(m.group(2)), f"year in the text '{m.group(0)}'")
            break
    # a title that names its event ("CVPR 2023 Challenge on ...", "... Workshop 2022"): only when the entry
    # says nothing else
    for v in find_venues(title):
        named = v.year is not None and v.name.lower() != "arxiv"
        if named and f.give("venue", v.name, f"venue in the title '{v.name}'"):
            f.give("year", v.year, f"year in the title '{v.year}'")
    if f.year is None and (y := YEAR_RE.search(title)) and int(y.group(1)) >= min(_arxiv_years(seg), default=0) - 1:
        f.give("year", int(y.group(1)), f"year in the title '{y.group(1)}'")  # not "Looking Back at 2020" (2022's)
