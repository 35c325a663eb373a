"""A citation written out in one of the common styles, read whole: its names, year, title and venue.

APA (``Lee, A. (1998). Title. Journal, 4(2).``), Harvard (``Lee, A. and Li, B., 2011. Title. *Journal*,
12(3).``, a month may follow the year), IEEE (``[3] A. Lee and B. Chan, "Title," in Proc. ICRA, 2019, pp.
1-8.``), Springer's LNCS (``Lee, A., Li, B.: Title. In: ICLR (2022)``), Vancouver (``Lee A, Li B. Title.
Nat Med. 2022;28:1-10.``), Nature's (``Lee, A. & Li, B. Title. Nature 620, 47-60 (2023).``) and BibTeX's plain
styles (``Ann Lee and Bo Chan. Title. In Venue, 2023.``). A line may open
with a method's bold name before the citation (:func:`label_cut`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date, read_aside
from diffdata.parse.clauses import SENTENCE_START_RE, title_cased
from diffdata.parse.model import Line
from diffdata.parse.names import looks_like_names, split_authors
from diffdata.parse.shapes import TEXT_ARXIV_RE, TEXT_DOI_RE, cut_links, text_outside_links
from diffdata.text import YEAR_RE, clean_space, strip_emoji
from diffdata.venues import find_venues, lookup

__all__ = ["Citation", "is_reference", "label_cut", "read_citation", "stands_as_reference"]

_TITLE = r"(?P<title>[^.?!]{8,300}[?!]?)"
# a first surname may open with its particles in lower case: "van den Oord, A.", "de Bortoli, V."
_LEAD_PARTICLES = (r"(?:(?:(?:van|von|de|den|der|da|di|du|del|della|dos|das|la|le|ten|ter) )+"
                   r"(?=[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?, [A-Z]\.))?")  # then "Oord, A.": a surname and initial
APA_RE = re.compile(rf"(?P<names>{_LEAD_PARTICLES}[A-Z][^()]{{1,300}}?)"
                    + r"\s+\((?P<year>(?:19|20)\d\d)[a-z]?\)\.\s+" + _TITLE
                    + r"(?:\.\s+(?P<in>(?:In|En|Em|Dans):?\s+)?(?P<venue>[A-Z][^,(]{1,160}?)"
                    + r"(?=,|\s*\(|\s+pp?\.|(?(in)\.?\s*$|(?!))))?")  # at the line's end only after "In" ("...
# models. Start here." ends with a note, not a venue)
HARVARD_RE = re.compile(rf"(?P<names>{_LEAD_PARTICLES}[A-Z][^()]{{1,300}}?\.),?\s+" + r"(?P<year>(?:19|20)\d\d)[a-z]?"
                        r"(?:,\s+[A-Z][a-z]{2,8})?[.,]\s+" + _TITLE
                        + r"(?:\.\s+(?:In:?\s+)?(?P<venue>[A-Z][^,(]{1,80}?)(?=,|\s*\(|\s+pp?\.|\.?\s*$))?")
IEEE_RE = re.compile(r"(?:\[\d{1,4}\]\s*)?(?P<names>[A-Z][^\"“”]{1,300}?),?\s*[\"“]"
                     r"(?P<title>[^\"“”]{8,300}?)[,.]?[\"”],?\s*(?:[Ii]n:?\s+)?(?P<venue>[^,\"“”\[]{2,120})?")
# Springer's LNCS: "Lee, A., Chan, B.: Title. In: ICLR (2022)", "Lee, A.: Title. Journal 12(3), 1-10 (2019)"
LNCS_RE = re.compile(rf"(?P<names>{_LEAD_PARTICLES}[A-Z][^:()\"“]{{1,300}}?):\s+" + _TITLE + r"\.\s+(?:In:?\s+)?"
                     r"(?:[^()]{1,200}?\(eds?\.\)\s+)?"  # "In: Lee, A., et al. (eds.) ECCV 2024. LNCS, vol. 1"
                     r"(?P<venue>(?:arXiv|[A-Z])[^,()]{1,120}?)(?=\s+\d|\s*\(|,|\s+pp?\.)(?:[^()]|\(\d[\d\-–]*\)){0,120}?"
                     r"\((?P<year>(?:19|20)\d\d)\)")
# Vancouver (NLM): "Lee A, Chan BK. Title. ICLR 2022.", "Lee A, Chan B, et al. Title. Nat Med. 2022;28:1-10."
# a surname's lowercase particles ("van den Berg R"); capitalised ones ("De Bortoli V") read as its words
_SURNAME_INITIALS = r"(?:(?:d[aeiu]s?|v[ao]n|de[nr]|te[nr]|l[ae]) )*[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)* [A-Z]{1,3}"
# ... "In: Advances in Neural ...; 2020.", "arXiv [Preprint]. 2022 [cited 2024 Jan 5]."
VANCOUVER_RE = re.compile(rf"(?P<names>{_SURNAME_INITIALS}(?:, {_SURNAME_INITIALS})*(?:,? et al)?)\.\s+" + _TITLE
                          + r"\.\s+(?:In:\s+)?(?P<venue>(?:arXiv|[A-Z])[^.;]{0,80}?)[.;]?\s+"
                            r"(?:Vol\.? ?\d{1,4}\.\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")  # AMA: "Venue. Vol 33. 2020:1-9"
# Nature: "Lee, A., Chan, B. & Wu, C. Title. Nat. Methods 20, 47-60 (2023).", "Lee, A. et al. Title. Nature (2024)."
_SURNAME_COMMA_INITIALS = r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*, [A-Z]\.(?: ?-?[A-Z]\.)*"
NATURE_RE = re.compile(rf"(?P<names>{_LEAD_PARTICLES}{_SURNAME_COMMA_INITIALS}(?:, {_SURNAME_COMMA_INITIALS})*"
                       rf"(?:,? (?:&|and) {_SURNAME_COMMA_INITIALS}| et al\.)?)\s+" + _TITLE
                       + r"\.\s+(?:Preprint\b[^()]{0,200}?"
                         r"|\**(?P<venue>[A-Z](?:[^,()\d*]|\d{1,3}(?:st|nd|rd|th)\b){1,80}?)\**"
                         r"(?:\s+\**\d(?!\d{0,2}(?:st|nd|rd|th)\b)[^()]{0,60}?|,[^()]{0,60}?)?)?\s*\((?:[^(),]{1,40},\s*)?(?P<year>(?:19|20)\d\d)\)")
# Harvard as Cite Them Right writes it: "Lee, A. and Li, B. (2020) 'Title', *Journal*, 33, pp. 1-9.", "... in *Proc. X*"
HARVARD_QUOTED_RE = re.compile(rf"(?P<names>{_LEAD_PARTICLES}[A-Z][^()]{{1,300}}?)\s+"
                               r"\((?P<year>(?:19|20)\d\d)[a-z]?\)\s+['‘\"“]"
                               r"(?P<title>.{8,300}?)['’\"”](?=[,.\s])[,.]?\s*+(?:[Ii]n:?\s++)?"
                               r"(?P<venue>(?:arXiv|[A-Z])[^,(]{1,120}?)?"  # up to a comma, pages, a link's words
                               r"(?=,|\s*+\(|\.?\s*+$|\.\s++(?:Available|Accessed|Retrieved|doi|DOI|https?:|\[))")
# Elsevier's numbered style: "J. Ho, A. Jain, P. Abbeel, Title, in: Venue, Vol. 33, 2020, pp. 1-9.", "H. Chung,
# J.C. Ye, Title, Med. Image Anal. 80 (2022) 102479.": initials first, commas only, no quotes
# a surname's particles in either case ("L. Van Gool", "van den Berg, R."): the same in both styles below
_ANY_CASE_PARTICLES = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]u|[Ll]e|[Ll]a) )*"
_INITIALS_NAME = rf"[A-Z]\.(?:[ -]?[A-Z]\.)*+ ?{_ANY_CASE_PARTICLES}[A-Z][\w'’\-]+"
_INITIALS_NAMES = (rf"(?:\[\d{{1,4}}\]\s*)?(?P<names>{_INITIALS_NAME}(?:, {_INITIALS_NAME})*"
                   rf"(?:,? (?:and|&) {_INITIALS_NAME})?(?:,? et al\.)?),\s+(?P<title>[^\"“”]{{8,300}}?),\s+")
ELSEVIER_IN_RE = re.compile(_INITIALS_NAMES
                            + r"in:\s+(?P<venue>[A-Z][^,]{1,120}?),[^\n]{0,120}?\b(?P<year>(?:19|20)\d\d)\b")
ELSEVIER_JOURNAL_RE = re.compile(_INITIALS_NAMES + r"(?P<venue>[A-Z][^,()\d]{1,80}?)\s+\d{1,4}(?:\s*\(\d{1,4}\))?\s+"
                                 r"\((?P<year>(?:19|20)\d\d)\)")
# ACS (chemistry): "Lee, A.; van den Berg, R. Title. *J. Chem. Phys.* **2021**, *34*, 1-9.", "*arXiv* **2022**"
_ACS_NAME = rf"{_ANY_CASE_PARTICLES}[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?, [A-Z]\.(?: ?-?[A-Z]\.)*+"
ACS_RE = re.compile(rf"(?:\(\d{{1,4}}\)\s*)?(?P<names>{_ACS_NAME}(?:; {_ACS_NAME})+|{_ACS_NAME}(?:,? et al\.)?)"
                    r"\s+" + _TITLE + r"\.\s+(?:In\s+)?"
                    r"(?P<venue>(?:arXiv|[A-Z])(?:[^,;\d]|\d{1,3}(?:st|nd|rd|th)\b){0,100}?)"
                    r"(?:;\s+[^;,\d]{1,40})?,?\s+(?P<year>(?:19|20)\d\d)\b")  # "In *Proc. ...*; PMLR, 2022"
# Springer's author-year ("basic"): "Lee A, Chan BK (2020) Title. In: Venue, pp 1-9", "Lee A (2022) Title. arXiv
# preprint arXiv:2207.12598": Vancouver's names, the year in parentheses without a full stop after it
_SPRINGER_NAME = (r"(?:(?:d[aeiu]s?|v[ao]n|de[nr]|te[nr]|l[ae]) )*[A-Z](?:[a-z]|['’][A-Z])[\w'’\-]*(?: [A-Z][\w'’\-]+)*"
                  r" [A-Z]{1,3}")  # "O'Brien J", not "GPT J"
SPRINGER_RE = re.compile(rf"(?P<names>{_SPRINGER_NAME}(?:, {_SPRINGER_NAME})*(?:,? et al\.?)?)\s+"  # not "GPT J"
                         r"\((?P<year>(?:19|20)\d\d)[a-z]?\)\s+(?=[A-Z0-9])" + _TITLE  # not "SD XL (2023) is ..."
                         + r"(?:\.\s+(?:In:?\s+)?(?:[^()]{1,200}?\(eds?\.?\)\s+)?"  # "In: Lee A (eds) Venue"
                           r"(?P<venue>(?:arXiv|[A-Z])[^,(.]{1,160}?)"
                           r"(?:\s+\d{1,4}(?:\(\d{1,4}\))?(?::[\d\-–]{1,12})?)?(?=,|\s*\(|\s+pp?\b|\.|\s*$))?")
# ("Venue 33, pp 1-9", "Med Image Anal 80:102479": the volume and pages are no part of the venue)
# BibTeX's plain styles (plainnat, ACL): "Ann Lee, Bo M. Chan, and Cy Dee. Title. In Venue, pages 1-9, 2023.",
# "Ann Lee. Title. arXiv preprint arXiv:2311.17042, 2023.": full names, the year last
PLAIN_RE = re.compile(r"(?P<names>[A-Z](?:[^.\s]|\s(?![A-Z]\.)|\s[A-Z]\.(?=\s))*?[^.\s])\.\s+(?=[A-Z\d])" + _TITLE
                      + r"\.\s+(?:In\s+)?(?P<venue>(?:arXiv|(?!Vol\.)[A-Z](?!\.))[^,]{1,160}?)"  # not "Vol. I. Athena"
                        r"(?:\s+\d{1,4}(?:\(\d{1,4}\))?:[\d\-–]{1,12})?"  # "JAIR 47:253–279": volume and pages
                        r",\s+(?:(?:pages|pp\.|vol\.|volume)\s+[^,]{1,40},\s+)?"  # not "2nd edition", "Stanford U."
                        r"(?P<year>(?:19|20)\d\d)\.?\s*$")
_STYLES = (("APA", APA_RE), ("Harvard", HARVARD_RE), ("Harvard", HARVARD_QUOTED_RE), ("IEEE", IEEE_RE),
           ("LNCS", LNCS_RE), ("Vancouver", VANCOUVER_RE), ("Nature", NATURE_RE), ("Elsevier", ELSEVIER_IN_RE),
           ("Elsevier", ELSEVIER_JOURNAL_RE), ("ACS", ACS_RE), ("Springer", SPRINGER_RE), ("plain", PLAIN_RE))


@dataclass(frozen=True)
class Citation:
    """What a citation written out says, and its style (``APA``, ``Harvard``, ``IEEE``, ``LNCS``, ``Vancouver``,
    ``Nature``, ``Elsevier``, ``ACS``, ``Springer``, ``plain``)."""

    style: str
    authors: list[str]
    year: int | None
    title: str
    venue: str | None


# what a match of each style needs somewhere in the text: a year (IEEE's may be missing), or a quote (IEEE)
_YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")


def read_citation(text: str) -> Citation | None:
    """The citation opening ``text``, or None when ``text`` does not open with one."""
    year, quoted = _YEAR_DIGITS_RE.search(text) is not None, '"' in text or "“" in text
    if not (year or quoted):
        return None  # no pattern can match: the cheap test first
    found = next(((style, m) for style, pattern in _STYLES if (quoted if style == "IEEE" else year)
                  and (m := pattern.match(text)) and looks_like_names(m.group("names"))), None)
    if found is None:
        return None
    style, m = found
    if re.search(r"\bet al\b", m.group("title")):
        return None  # "*Edward J. Hu et al.* ICLR 2022": initials read as a citation's end, names as its title
    if style in ("Elsevier", "ACS") and not _venue_like(m.group("venue")):
        return None  # "J. Ho, Google Brain, pioneer, in: San Francisco, since 2019": a person, no citation
    if style != "IEEE":
        year: int | None = int(m.group("year"))
    else:  # "..., in Proc. ICRA, Oslo, 2019, pp. 1-8, doi: ...": the last year before the DOI, not the pages
        rest = re.split(r"\b(?i:doi)\b|\bAvailable\b|\bavailable(?=\s+(?:at|from|online|on|in|\d))|\b[Aa]ccessed\b",
                        text[m.end("title"):], maxsplit=1)[0]  # not "Publicly available Datasets", a venue's words
        years = YEAR_RE.findall(re.sub(r"\bpp?\.\s*[\d\s–—-]+", " ", rest))
        if not years:
            return None  # 'Google Brain, "Attention is all you need," is the paper everyone cites.': a sentence
        year = int(years[-1])
    names = m.group("names")
    if style == "IEEE" and (mla := _MLA_ET_AL_RE.fullmatch(names.strip(" ."))):
        authors = [f"{mla.group(1)}, {mla.group(2)}"]  # "Song, Jiaming, et al. "Title."": MLA's first name, inverted
    elif style == "ACS" and ";" in names:
        authors = [n.strip() for n in names.split(";")]  # "Lee, A.; van den Berg, R.": a semicolon ends each name
    else:
        authors = split_authors(names)
    venue = m.group("venue")
    said = SENTENCE_START_RE.match(m.group("title")) is not None and not title_cased(m.group("title"))
    if style == "APA" and venue is None and len(last := text[m.end():].strip(" .*_")) <= 80 and (
            lookup(last)[0] is not None and not said):
        venue = last  # "Ho, J. (2020). Title. NeurIPS.": a venue of the table ending the line (not "Thanks to all.")
    if style == "plain" and (said or not (_venue_like(venue or "") or _ARXIV_VENUE_RE.match(venue or "")) or (
            _STATUS_VENUE_RE.match(venue or "") and not find_venues(venue or ""))):
        return None  # "Ann Lee. Our new method. Under review, 2024.", "... We released it. See arXiv:ID, 2023."
    if venue and m.end("venue") >= 0 and lookup(venue.strip(" *_"))[0] is None:
        venue = _with_its_commas(venue, text[m.end("venue"):])
    return Citation(style, authors, year, m.group("title"), _venue(venue, style))


def _with_its_commas(venue: str, after: str) -> str:
    """A venue's name that goes on past a comma the style's pattern stopped at, when the longer name is a venue
    of the table (``IEEE International Conference on Acoustics, Speech and Signal Processing``); else ``venue``."""
    if not after.lstrip(" *_").startswith(","):
        return venue
    parts = after.split(",", 3)[1:3]
    for k in range(len(parts), 0, -1):
        longer = ",".join([venue, *parts[:k]])
        if len(longer) <= 200 and lookup(longer.strip(" *_"))[0] is not None:
            return longer
    return venue


_MLA_ET_AL_RE = re.compile(r"([A-Z][\w'’\-]+), ([A-Z][\w'’\-]+),? et al")


_IN_RE = re.compile(r"^(?:In|En|Em|Dans):?\s+(?!(?:vivo|vitro|silico|situ)\b)(?=\S)", re.I)  # not the journal "In Vivo"
# a status where the venue stands ("Under review, 2024"), not the brackets titlegive reads after a title
_STATUS_VENUE_RE = re.compile(r"(?i)(?:under\s+review|submitted|in\s+submission|to\s+appear|in\s+press|accepted)\b")
_SHORT_NAME_RE = re.compile(r"\(([^()]{2,20})\)\s*$")
_ARXIV_VENUE_RE = re.compile(r"(?i)arxiv(?:\s*\[preprint\]|\s+preprint\b.*|\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?)?\s*$")


def _venue(written: str | None, style: str) -> str | None:
    if not written or re.search(r"https?://|doi", written, re.I):
        return None
    venue = _IN_RE.sub("", clean_space(written).strip(" ,"))  # "In 32nd USENIX Security Symposium": no "In"
    if _ARXIV_VENUE_RE.match(venue):
        return "arXiv"  # "arXiv [Preprint]", "arXiv preprint arXiv:2207.12598"
    aside = read_aside(venue, venue_context=True)
    known = [v.name for v in find_venues(venue) if v.name.lower() != "arxiv"]
    if aside.year and aside.venue and not aside.rest:
        venue = aside.venue  # "ICDM '08": the year apart
    elif style == "plain" and (short := _SHORT_NAME_RE.search(venue)) and lookup(short.group(1))[0] is not None:
        venue = short.group(1)  # "In Proceedings of the IEEE/CVF Conference on ... (CVPR)": the name it goes by
    elif style in ("IEEE", "Nature", "Springer", "plain") and known:
        venue = known[0]  # "Proc. IEEE Int. Conf. Robot. Autom. (ICRA)": the venue's own name
    return venue if "." in venue[:-1] else venue.rstrip(".")  # "Stat. Anal." keeps its dot (ISO 4)


_VENUE_WORDS_RE = re.compile(r"\b[A-Z][a-z]{1,10}\.(?:\s|$)|(?i:\b(?:journal|proc|proceedings|conference|symposium|"
                             r"workshop|transactions|review|letters|record|bulletin|magazine|annals|advances|"
                             r"tutorial|thesis|report|press|acm|ieee|springer|elsevier)\b)")


def _venue_like(venue: str) -> bool:
    """A venue of the venue table, or one shaped like a venue (``Numer. Math.``, ``Journal of ...``)."""
    return bool(find_venues(venue) or _VENUE_WORDS_RE.search(venue) or lookup(venue)[0])


def is_reference(citation: Citation, linked: bool) -> bool:
    """A citation standing alone as a list's entry: it links the work (or names its identifier: ``linked``), or
    names a venue (the venue table's, or one shaped like a venue: ``Numer. Math.``, ``Journal of ...``, ``Proc.
    ...``). A paragraph shaped like a citation that does neither ("Chen, L. (2020). Please cite our survey.") is
    prose."""
    return linked or bool(citation.venue and _venue_like(citation.venue))


def label_cut(line: Line) -> str:
    """A line's text after the bold run opening it (``**Label**. rest`` -> ``rest``), links cut out."""
    col, run = line.bold[0] if line.bold else (0, "")
    rest = cut_links(line, [lk for lk in line.links if lk.col >= col + len(run)], "", len(line.text))
    return rest[col + len(run):].lstrip(" .:-–—")


def stands_as_reference(line: Line) -> bool:
    """A line that is a citation standing alone (:func:`is_reference`), maybe after a method's bold name:
    ``**LOF**. Lee, A., 2000. Title. *Venue*``."""
    c = read_citation(text_outside_links(line).strip()) or (read_citation(label_cut(line)) if line.bold else None)
    return c is not None and is_reference(c, bool(line.links) or _ends_with_its_id(line.text))


def _ends_with_its_id(text: str) -> bool:
    """A citation ending with its work's identifier as text, maybe then its year, venue, pages or a qualifier
    (``... arXiv:2311.17042.``, ``... arXiv preprint arXiv:2311.17042, 2023.``, ``... arXiv:2303.01469. Oral.``),
    not one named in a sentence (``arXiv:2311.17042 has the code.``)."""
    tail = text[-200:]
    ends = [m.end() for m in (*TEXT_ARXIV_RE.finditer(tail), *TEXT_DOI_RE.finditer(tail))]
    if not ends:
        return False
    after = clean_space(_PAGES_RE.sub(" ", strip_emoji(tail[max(ends):]))).strip(" ,.;)]")
    return not after or only_venue_or_date(after) or QUALIFIER_RE.fullmatch(after) is not None  # "... Oral."


_PAGES_RE = re.compile(r"\bpp?\.\s*[\d\-–]{1,12}")
