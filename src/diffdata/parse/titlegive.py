"""A title given to an entry, with what its text carries besides the title kept apart: a venue, a date or a
qualifier in an aside at its end or its start (``Title (CVPR 2023)``, ``[2019 ICCV] Title``), a venue before or
after a dash or a colon (``NeurIPS 2022 - Title``, ``CVPR'23: Title``), a status after it (``Title (Accepted by
ICCV 2023)``), and the authors of a citation-like aside (``Title (Ann Lee et al., ICCV 2023)``): what a list
writes inside a link's text.

>>> from diffdata.parse.record import Fields
>>> f = Fields()
>>> give_title(f, "Quiet Anchors (Ann Lee et al., ICCV 2023)", "link text")
True
>>> f.title, f.title_aside, f.authors
('Quiet Anchors', 'ICCV 2023', ['Ann Lee'])
>>> cut_status("Quiet Anchors (Accepted by ICCV 2023)"), cut_status("Quiet Anchors (under review)")
(('Quiet Anchors', 'ICCV 2023'), ('Quiet Anchors', None))
"""

from __future__ import annotations

import re

from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date, read_aside
from diffdata.parse.clauses import reads_as_news
from diffdata.parse.linetext import before_venue
from diffdata.parse.names import in_english, is_name_list, looks_like_names, split_authors
from diffdata.parse.record import Fields
from diffdata.parse.shapes import TITLE_LABELS
from diffdata.parse.tags import is_tag
from diffdata.text import clean_space, strip_emoji

__all__ = ["LEAD_ASIDE_RE", "cut_status", "give_title", "lead_text"]

# an aside or a date written before the title: "[CVPR 2023] Title", "(ICLR 2023) Title", "2023.06 | Title"
LEAD_ASIDE_RE = re.compile(r"^\s*(?:[\[(【]([^\[\]()【】]{1,60})[\])】]|((?:19|20)\d\d[./-]\d{1,2}(?:[./-]\d{1,2})?"
                           r"|(?:19|20)\d\d(?=\s+\D)))\s*[:|\-–—,]?\s*")  # ... "2024 Title"
_TRAILING_ASIDE_RE = re.compile(r"^(?P<title>.*\S)\s*[(\[【（](?P<aside>[^()\[\]【】（）]{2,100})[)\]】）]\s*$")
# the authors said in a title's trailing aside: "Title（作者：Ann Lee，Bo Chan）", "(저자: Ann Lee 외, 2021년, ICLR)"
_AUTHORS_ASIDE_RE = re.compile(r"(?i:authors?|autor(?:es|en)?|auteurs?|作者|著者|저자)\s*[:：]\s*"
                               r"(?P<names>[^,，;；]+(?:[,，]\s*(?![^,，;；]*(?:19|20)\d\d)[^,，;；]+)*)"
                               r"\s*(?:[,，;；]\s*(?P<rest>.*))?")
# clauses of a status aside: "(posted to arXiv in August 2021; accepted at ICLR 2022)"
_POSTED_RE = re.compile(r"(?i:posted|published|publicado|publié|submitted|uploaded|released)\b")
# "(Structured Data Workshop, NIPS 2018)": a workshop at a venue, in a title's trailing aside
_WORKSHOP_ASIDE_RE = re.compile(r"(?:[A-Z][\w&\-]*\s+){0,4}(?i:workshop|symposium|track)s?\s*[,@]\s*"
                                r"[A-Z][\w\-]{1,12}\s*['’]?(?:19|20)?\d\d")
# a paper's status after its title: "(Accepted by CVPR 2023)", "(under review)", "(CVPR 2023 accepted!)",
# "(CVPR 2022, to appear)"
_STATUS_RE = re.compile(
    r"(?<!\s)\s*[(\[（]\s*+(?:(?P<verb>(?i:accepted|to\s+appear|appear(?:s|ing)|published|in\s+press|submitted|"
    r"under\s+review|in\s+submission|aceptad[oa]|aceit[oa]|accepté|angenommen))(?:\s+(?i:by|to|at|in|as|for|en|em|à|"
    r"bei|auf))?(?P<rest>[^()\[\]（）]{0,60})"
    r"|(?P<before>[^()\[\]（）]{1,40}?)[,;]?\s+(?i:accepted|to\s+appear|in\s+press)!?)\s*[)\]）]\s*$")
_NOT_YET = ("submitted", "under", "in submission")  # a status that names no venue the paper is at


def cut_status(title: str) -> tuple[str, str | None] | None:
    """``title`` without a status written after it, and the venue that status names (None when it names
    none, or only where the paper was submitted): ``Title (Accepted by ICCV 2023)`` -> ``('Title', 'ICCV
    2023')``, ``Title (under review)`` -> ``('Title', None)``. None when the aside is no status (``Ranking
    (Published Works)``)."""
    m = _STATUS_RE.search(title)
    if m is None or m.start() == 0:
        return None
    verb = (m.group("verb") or "").lower()
    venue = clean_space(m.group("rest") if m.group("verb") else m.group("before")).strip(" ,.!:")
    if venue and not only_venue_or_date(venue):
        return None
    if not venue and verb not in ("accepted", "under review", "in submission") and not verb.startswith("under"):
        return None  # "(Published)", "(Submitted)": a word, not a status we can read
    return title[: m.start()], (None if verb.startswith(_NOT_YET) else venue or None)


_COLON_LEAD_RE = re.compile(r"^(?P<a>[^:：]{2,30})[:：]\s+(?P<b>.{2,})$")  # "CVPR'23: Title"
_DASHED_RE = re.compile(r"^(?P<a>.{2,40}?)\s+[-–—|]\s+(?P<b>.{2,}?)$")  # a venue or date first, then the title
_DASH_VENUE_RE = re.compile(r"^(?P<a>.{2,}?)\s+[-–—|]\s+(?P<b>[^-–—|]{2,40})$")  # the title, then a venue or date


def give_title(f: Fields, title: str | None, how: str) -> bool:
    """Give the title; an aside at its end or its start that names only a venue or a date (``Title (CVPR
    2023)``, ``[2019 ICCV] Title`` as a link's text) is kept apart for the venue reader, as is a venue or date
    on one side of a dash; names before a venue or year in the trailing aside are the authors."""
    if title and (status := cut_status(title)):
        title, f.title_aside = status[0], status[1] or f.title_aside  # "Title (Accepted by CVPR 2023)"
    m = _TRAILING_ASIDE_RE.match(title) if title and title.rstrip().endswith((")", "]", "】", "）")) else None
    if m:
        aside = m.group("aside")
        names = before_venue(aside).strip(" ,;")
        said = _AUTHORS_ASIDE_RE.fullmatch(aside.strip())
        clauses = [c.strip() for c in aside.split(";")]
        if only_venue_or_date(aside) or _WORKSHOP_ASIDE_RE.fullmatch(aside) or QUALIFIER_RE.fullmatch(aside.strip()):
            title, f.title_aside = m.group("title").rstrip(" -–—:,"), aside  # "Title (Oral)": a qualifier
        elif said and looks_like_names(names := in_english(said.group("names")).strip(" .")):
            title, f.title_aside = m.group("title").rstrip(" -–—:,"), (said.group("rest") or "").strip() or None
            f.give("authors", split_authors(names), "authors said in an aside of the title")
        elif len(clauses) > 1 and all(_POSTED_RE.match(c) or cut_status(f"x ({c})") for c in clauses):
            title = m.group("title").rstrip(" -–—:,")  # "(posted ... 2021; accepted at ICLR 2022)": statuses
            f.title_aside = next((v for c in clauses if (st := cut_status(f"x ({c})")) and (v := st[1])), None)
        elif names and names != aside.strip(" ,;") and is_name_list(names) and only_venue_or_date(
                rest := aside.strip()[len(names):].strip(" ,;")):  # "Title (Ann Lee et al., ICCV 2023)"
            title, f.title_aside = m.group("title").rstrip(" -–—:,"), rest
            f.give("authors", split_authors(names), "names in an aside of the title")
    lead = LEAD_ASIDE_RE.match(title or "")
    if lead and lead.group(1) and lead.end() < len(title or "") and only_venue_or_date(lead.group(1)):
        title, f.title_aside = (title or "")[lead.end():], f.title_aside or lead.group(1)
    colon = _COLON_LEAD_RE.match(title or "") if title and not f.title_aside else None
    if colon and len(colon.group("b").split()) >= 2 and only_venue_or_date(colon.group("a")) and (
            (a := read_aside(colon.group("a"))).year and (a.venue is None or a.venue_known)):
        title, f.title_aside = colon.group("b"), colon.group("a")  # "ICLR2021: Title", not "ICLR: Image ..."
    dashed = _DASHED_RE.match(title or "") if title and not f.title_aside else None
    if dashed and len(dashed.group("b").split()) >= 2 and only_venue_or_date(dashed.group("a")):
        title, f.title_aside = dashed.group("b"), dashed.group("a")  # "NeurIPS 2022 - Elucidated Samplers"
    elif (dashed := _DASH_VENUE_RE.match(title or "") if title and not f.title_aside else None) and len(
            dashed.group("a").split()) >= 2 and only_venue_or_date(dashed.group("b")):
        title, f.title_aside = dashed.group("a"), dashed.group("b")  # "Elucidated Samplers - NeurIPS 2022"
    if title and f.title_aside and (q := _QUOTED_RE.fullmatch(title.strip())):
        title = q.group(1)  # '"FooNet: Title" — TMLR 2023': the quotes were around the title alone
    return f.give("title", title, how)


_QUOTED_RE = re.compile(r"[\"“]([^\"“”]{2,})[\"”]")


# what a course's reading list says of a reading before it: "- Required: Title. Authors. ICLR 2021."
READING_LABELS = frozenset({"required", "optional", "recommended", "required reading", "optional reading",
                            "further reading", "suggested reading", "additional reading", "background",
                            "background reading", "must read", "must-read", "core reading", "supplementary reading"})
_LINE_LABELS = "|".join(map(re.escape, sorted(TITLE_LABELS | READING_LABELS, key=len, reverse=True)))
_MARKERS_RE = re.compile(r"^\s*(?:(?:\d{1,3}[.)](?=\s)|[(\[]\d{1,3}[)\]](?=\s)|[ivxlc]{1,6}[.)](?=\s)|#\d{1,6}(?=\s)"
                         r"|[-*+•·<>|#]|:\w+:"
                         r"|[\[(]\s*[\])]|\[[xX✓✔]\](?=\s)"  # a task box, "[ ]" or "[x]"
                         rf"|(?i:{_LINE_LABELS})\s*[:：])\s*)*")  # "- Paper: Title", "- Required: Title"

_LEAD_TAG_RE = re.compile(r"\s*`?(?:[\[【][^\[\]【】\s]{1,20}(?:\s[^\[\]【】\s]{1,20}){0,2}[\]】]"
                          r"|\((?=[^()]*[A-Z][^()]*[A-Z0-9])[^()\s]{2,20}\)(?=\s))`?"  # "(UniAD) Title", not "(Re)Th.."
                          r"\s*[:|\-–—,]?\s*(?=\S|$)")


_BREAK_SLASH_RE = re.compile(r"\\(?![A-Za-z{])")


def lead_text(text: str) -> str:
    """A line's start without list markers, emoji, numbering and leading asides (``[CVPR 2023]``,
    ``(ICLR 2023)``, ``2023.06 |``) that name only a venue or a date."""
    text = strip_emoji(text)
    if "\\" in text:  # a hard break's backslash goes; a formula's command stays ("$\\alpha$"), for clean_title
        text = _BREAK_SLASH_RE.sub(" ", text) if "$" in text else text.replace("\\", " ")
    text = _MARKERS_RE.sub("", text)
    while m := LEAD_ASIDE_RE.match(text):  # "(WIP) [Title](url)": a tag, as "[CVPR 2023]" is an aside
        if not (only_venue_or_date(m.group(1) or m.group(2)) or (m.group(1) and is_tag(m.group(1)))):
            break
        text = text[m.end():]
    # "[ABC] <[Title](url)>", "[FooGAN] Title": a short tag, not the title
    if (m := _LEAD_TAG_RE.match(text)) and not reads_as_news(text):
        text = _MARKERS_RE.sub("", text[m.end():])
    return text.strip()
