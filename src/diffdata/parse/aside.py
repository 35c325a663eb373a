"""Asides: what a short text says of a work's venue, year, date and qualifier.

An aside is a parenthesised or bracketed text after a title (``(Jan., 2024 | CVPR 2024)``), a venue line
(``ICCV 2021 (Oral).``), a table cell (``CVPR, 2025``) or a link text (``[CVPR 2024](url)``). The field reader
(``fields.py``) finds them; this module reads them, with the venue table of :mod:`diffdata.venues`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diffdata.parse.labels import SITE_NAMES, is_label
from diffdata.parse.names import (
    CITED_SURNAME_RE,
    UP,
    has_organisation_word,
    is_name_list,
    is_one_person,
    is_organisation,
    looks_like_names,
)
from diffdata.text import YEAR, YEAR_RE, clean_space, strip_emoji
from diffdata.venues import find_venues, is_preamble, lookup

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")  # no "Nova", "Decoder"
DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH},?\s*|{_MONTH_WORD}[\-/]\s*)"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*|\s+))?({YEAR})\b"
    rf"|\b({YEAR})(?:[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{{1,2}})?\b|\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"
    rf"|,\s*{_MONTH_WORD}(?!\s*[A-Z\-]))",  # "Oct-2024", "2024, Jan" (not "2001, Novak", "2022, Jan Kautz")
    re.I,
)
DATE_LINE_RE = re.compile(rf"^\s*(?:{DATE_RE.pattern})\s*\.?\s*$", re.I)
QUALIFIER_RE = re.compile(
    r"\b(oral|spotlight|highlight|poster|best\s+(?:student\s+)?paper(?:\s+award)?(?:\s+(?:honorable\s+mention|"
    r"candidate|finalist|nominee))?|outstanding\s+paper(?:\s+award)?|award\s+candidate|honorable\s+mention)"
    r"(?:\s+presentation)?\b"
    r"|\b(?:notable[\s-]*)?top[\s-]*\d{1,2}\s*%"  # ICLR's "notable-top-25%"
    r"|(?<=\()\s*#?(?!(?:19|20)\d\d\s*\))\d{2,5}\s*(?=\))",  # a paper number, never a year
    re.I,
)
_SHORT_YEAR_RE = re.compile(r"(?<=[A-Za-z])\s*['’](\d{2})(?!\d)|(?<!\d)(\d{2})['’](?![\w])")
_ARXIV_MONTH_RE = re.compile(r"\b(arxiv)\s*+[:,]?\s*+((?:0[7-9]|1\d|2\d)(?:0[1-9]|1[0-2]))(?![\d.])", re.I)
_VENUE_WORD_RE = re.compile(r"\b(?:Journal|Transactions|Proceedings|Proc\.|Conference|Symposium|Letters|Magazine|"
                            r"Annals|Bulletin)\b")
_VENUE_SHAPE_RE = re.compile(
    r"\b(?:Journal|Transactions|Proceedings|Proc\.|Annals|Bulletin)\s+(?i:of|on|in)\s"  # "Journal of X"
    r"|\b(?:Journal|Letters|Magazine|Transactions|Proceedings)$"  # "Made-up Journal", "Physical Review Letters"
    r"|\b(?:International|Annual|European|Asian|American)\s+(?:\w+\s+){0,2}(?:Conference|Symposium|Workshop)\b")
_VENUE_PART_RE = re.compile(r"(?i:findings|workshops?|demos?|demo track|industry track|short papers?|long papers?)")
# A workshop's own name beside its venue: "Data Workshop" (of "Data Workshop, NIPS 2018"), "Deep RL Workshop @",
# "Workshop on Foo Models" (of "Workshop on Foo Models, ICML 2023"), "on Bar" (of "NeurIPS 2018 Workshop on Bar")
_WORKSHOP_NAME_RE = re.compile(r"(?:(?:[A-Z0-9][\w&+\-]*\s+){1,4}(?i:workshops?)|(?i:workshops?)(?=\s+(?:on|for)\s))?"
                               r"(?:\s*(?:on|for)\s+[\w&+\-]+(?:\s+[\w&+\-]+){0,9})?(?:\s+(?:@|at))?")
_CITATION_RE = re.compile(CITED_SURNAME_RE.pattern + r"\s*,\s*(?:19|20)\d\d[a-z]?")
_WHO_YEAR_RE = re.compile("(" + UP + r"[\w'’\-]+(?:\s+" + UP + r"[\w'’\-]+){1,2})\s*,\s*(?:19|20)\d\d[a-z]?")
# common nouns of a journal's name, never of a person's: "Information Fusion", "Remote Sensing", "Neural Networks"
_VENUE_WORDS = frozenset({"information", "fusion", "computing", "computation", "computer", "systems", "processing",
                          "graphics", "letters", "review", "signal", "pattern", "knowledge", "applied", "expert",
                          "sensing", "remote", "networks", "learning", "research", "vision", "transactions", "journal",
                          "imaging", "intelligence", "neural", "neurocomputing", "recognition", "analysis", "science",
                          "sciences", "medicine", "engineering", "robotics", "multimedia", "communications", "reports",
                          "proceedings", "physics", "biology", "informatics", "statistics", "mathematics", "acoustics",
                          "electronics", "entropy", "sensors", "images", "image", "photonics", "access", "frontiers"})
_YEAR_APART_RE = re.compile(rf"\S\s+\(\s*{YEAR}\s*\)")
# Where a journal's citation puts the paper in it: "620, 47–60", "24(3), 1-45", "380(6641):100-105", "vol. 45, no. 4,
# pp. 1-9", "**20**", and the volume before a year ("Nature 620 (2023)"); never a year, a year range or a name's digits
_LOCATOR_RE = re.compile(
    r"\b(?:vol(?:ume)?|no|nr|issue|pp?|pages?|art(?:icle)?)\.?\s*\d+(?:\s*[-–—]{1,2}\s*\d+)?(?![\w.])"
    r"|\*\*\d{1,4}\*\*"
    r"|(?<![\w.])(?!(?:19|20)\d\d(?!\d))\d{1,4}\s*\(\s*(?!(?:19|20)\d\d\s*\))\d{1,5}(?:\s*[-–/]\s*\d{1,5})?\s*\)"
    r"|(?<![\w./-])(?!(?:19|20)\d\d\s*[-–—]{1,2}\s*(?:19|20)?\d\d(?!\d))\d{1,6}\s*[-–—]{1,2}\s*\d{1,6}(?![\w./-])"
    r"|(?<![\w./-])(?!(?:19|20)\d\d(?!\d))\d{2,4}(?=,?\s*\(\s*(?:19|20)\d\d\s*\))",
    re.I)
_LOCATOR_CUE_RE = re.compile(r"\d,?\s*[-–—(]|\*\*\d|(?i:vol(?:ume)?|no|nr|issue|pp?|pages?|art(?:icle)?)\.?\s*\d")
_BARE_NUMBER_RE = re.compile(r"(?<![\w./-])(?!(?:19|20)\d\d(?!\d))\d{1,4}(?![\w./-])")
# a new-style arXiv identifier written as text: "arXiv:2006.11239" names no year 2006 and no venue
ARXIV_NUMBER_RE = re.compile(r"(?i:\barxiv\s*+[:：]?\s*+)?(?<![\w.])\d{4}\.\d{4,5}(?:v\d+)?(?![\w.])")
_ASIDE_PUNCT_RE = re.compile(r"[()\[\]{}|,;:.'’（）：，；【】]+")
_ACCEPTED_RE = re.compile(r"^(?:accepted\s+(?:to|by|at|in)|published\s+(?:in|at|on)|(?:posted|released|updated)\s+"
                          r"(?:on|in)|in|at|to)(?:\s+|$)", re.I)  # "Published on Mar 5, 2024": a date, no venue
# Words that stand beside a venue without being part of its name: "Paper: [Title](url) ICLR 2025".
_NOT_A_VENUE_PART = frozenset({"paper", "papers", "code", "link", "links", "pdf", "project", "page", "arxiv",
                               "github", "video", "blog", "slides", "website", "homepage", "title", "remark",
                               "remarks", "note", "notes", "see", "also", "tldr", "summary", "proc", "in"})


def cited_surname(word: str) -> bool:
    """``Silva`` in ``[Title](..), Silva, 2020``: one capitalised word that may be a surname (no organisation,
    label or qualifier: not ``Google``, ``Code``, ``Oral``)."""
    return bool(CITED_SURNAME_RE.fullmatch(word)) and " " not in word and not _NAMED_THING_RE.search(word) and not (
        has_organisation_word(word) or is_organisation(word) or is_label(word) or QUALIFIER_RE.fullmatch(word)
        or word.lower() in _NOT_SURNAMES or word.lower() in SITE_NAMES or lookup(word)[0])


_NOT_SURNAMES = frozenset({"preprint", "survey", "review", "tutorial", "workshop", "poster", "demo", "thesis",
                           "book", "chapter", "report", "dataset", "benchmark", "blog", "talk", "new", "updated",
                           "keynote", "lecture", "course", "springer", "elsevier", "python", "pytorch", "kaggle",
                           "zenodo", "reddit", "wikipedia", "imagen", "sora", "midjourney", "runway", "colab",
                           # blog platforms: "（Qiita, 2022年7月）" is where a post is, not who wrote it
                           "qiita", "zenn", "hatena", "velog", "tistory", "naver", "habr", "хабр", "csdn", "juejin",
                           "zhihu", "wordpress", "blogger", "hashnode", "dev.to"})
# "Prompt2Prompt", "ControlNet": a method's or product's name (not "McDonald", "LeCun", "MacKay", "DeVries")
_NAMED_THING_RE = re.compile(r"\d|(?<!^Mc)(?<!^Mac)(?<!^[LD][ae])(?<!^D[iu])(?<!^Van)(?<!^Von)(?<=[a-z])[A-Z]")


@dataclass(frozen=True)
class Aside:
    """What a short text states: ``(Jan., 2024 | CVPR 2024)``, ``ICCV 2021 (Oral).``, ``TKDE 2024``."""

    venue: str | None = None
    venue_known: bool = False
    year: int | None = None
    date: str | None = None
    qualifier: str | None = None
    rest: str = ""


_ARXIV_CATEGORY_RE = re.compile(r"\[?\b(?:cs|stat|eess|math|econ|q-bio|q-fin|physics|astro-ph|cond-mat)\.[A-Z]{2}\b\]?")


@lru_cache(maxsize=1 << 16)
def read_aside(text: str, venue_context: bool = False) -> Aside:
    """Read a venue, a qualifier, a date and a year from a short text.

    A venue of the venue table is read anywhere; other text is read as the venue only when it stands next to a
    year (``TKDE 2024``) or when ``venue_context`` says the text is where the list writes venues (a venue
    column, a venue line).

    >>> a = read_aside("Jan., 2024 | CVPR 2024 Highlight")
    >>> (a.venue, a.year, a.date, a.qualifier)
    ('CVPR', 2024, 'Jan., 2024', 'Highlight')
    >>> a = read_aside("ICLR2024 (3566)")
    >>> (a.venue, a.year, a.qualifier)
    ('ICLR', 2024, '3566')
    >>> read_aside("TKDE 2024").venue
    'TKDE'
    """
    venue: str | None = None
    known = False
    year: int | None = None
    date: str | None = None
    qualifier: str | None = None
    text = strip_emoji(text).replace("\\", " ")
    if "." in text and "arxiv" in text.lower():  # "arXiv cs.CV", "arXiv:2401.00001 [cs.LG]": its category
        text = _ARXIV_CATEGORY_RE.sub(" ", text)
    text = written = clean_space(ARXIV_NUMBER_RE.sub(" ", text) if "." in text else text)
    text = without_locators(text)  # "Nature 620, 47–60 (2023)": the volume and pages are no part of the venue
    # "arXiv 1906; CVPR 2019", "arXiv 2108; USENIX Security 2022": the arXiv number is a month code, no year
    text = _ARXIV_MONTH_RE.sub(lambda m: m.group(1) if len(YEAR_RE.findall(text)) > 1 or not YEAR_RE.fullmatch(
        m.group(2)) else m.group(0), text)
    year_apart = _YEAR_APART_RE.search(text) is not None  # "Name (2014)": a title's year, not a venue's
    year_apart = year_apart or _CITATION_RE.fullmatch(text) is not None  # "Lee, 2021": who wrote it, not where
    who = _WHO_YEAR_RE.fullmatch(text)  # "Ann Lee, 2021": one person and a year, wherever written
    by_whom = (who is not None and is_one_person(who.group(1)) and lookup(who.group(1))[0] is None
               and _VENUE_WORDS.isdisjoint(who.group(1).lower().split()))  # "Remote Sensing, 2023": a journal
    quals = [clean_space(m.group(0)).lstrip("#") for m in QUALIFIER_RE.finditer(text)]
    if quals:
        qualifier = ", ".join(dict.fromkeys(q[:1].upper() + q[1:] for q in quals))
        text = QUALIFIER_RE.sub(" ", text)
    venues = find_venues(text)
    for v in sorted(venues, key=lambda v: v.year is None):  # the first naming its year, else the first
        if not (v.name.lower() == "arxiv" and any(w.name.lower() != "arxiv" for w in venues)):
            venue, known, year = v.name, True, v.year
            break
    if venues:
        text = "".join(text[a:b] for a, b in _gaps(text, [(v.start, v.end) for v in venues]))
    m = DATE_RE.search(text)
    if m:
        date = clean_space(m.group(0)).strip(" ,")
        year = year if year is not None else int(m.group(1) or m.group(2))
        text = text[: m.start()] + " " + text[m.end():]
    if date is None and year is not None and (m := DATE_RE.search(written)) and int(m.group(1) or m.group(2)) == year:
        date = clean_space(m.group(0)).strip(" ,")  # "arXiv 2023.06": the venue's year was read with its month
        text = re.sub(r"(?<!\w)[./-]\d{1,2}(?:[./-]\d{1,2})?(?!\d)", " ", text, count=1)  # and ".06" is left
    y = YEAR_RE.search(text) or _SHORT_YEAR_RE.search(text)  # "2024", or "NSDI'24" / "NSDI 24'"
    if y and year is None:
        year = int(y.group(1)) if len(y.group(1) or "") == 4 else 2000 + int(y.group(1) or y.group(2))
    rest = _SHORT_YEAR_RE.sub(" ", YEAR_RE.sub(" ", text)) if y else text
    raw = clean_space(rest).strip(" ,;:()[]")  # "Ann Lee, Bo Chan. 2024": names closed by a full stop, not a venue
    names = raw.endswith(".") and is_name_list(raw.rstrip(" ."))
    rest = clean_space(_ASIDE_PUNCT_RE.sub(" ", rest)).strip(" -–—&/")
    rest = _ACCEPTED_RE.sub("", rest)
    if venue == "arXiv" and re.fullmatch(r"preprint(?:[\s,]+\d{1,4}){0,9}", rest.lower()):  # "..., 2022. 3, 5": pages
        rest = ""  # "arXiv preprint arXiv:2209.05557"
    if year and (rest.lower() in ("spring", "summer", "fall", "autumn", "winter") or re.fullmatch(r"[QH][1-4]", rest)):
        date, rest = date or f"{rest} {year}", ""  # "(Fall 2023)": a term; "Q2 2023", "H1 2024": part of a year
    by_whom = by_whom or (date is not None and is_one_person(rest) and lookup(rest)[0] is None  # "Ann Lee, Jul 2021"
                          and _VENUE_WORDS.isdisjoint(rest.lower().split()))
    if (venue is None and rest and not by_whom and not names and (venue_context or (y and not year_apart))
            and not is_name_list(rest)
            and not is_organisation(rest) and _venue_like(
            rest, strict=not venue_context)) or (venue is None and rest and ":" not in written and names_a_venue(rest)):
        venue, known, rest = rest, lookup(rest)[0] is not None, ""
    elif (venue and venue.lower() == "arxiv" and rest and y and not is_name_list(rest)
          and _venue_like(rest, strict=True) and not _NOT_A_VENUE_PART & set(rest.lower().split())):
        venue, known, rest = rest, lookup(rest)[0] is not None, ""  # "arXiv 2108; USENIX Security 2022"
    elif venue and rest and _workshop(venue, rest):
        venue, rest = _workshop(venue, rest), ""  # "Data Workshop, NIPS 2018": "NIPS Data Workshop"
    elif venue and rest and is_preamble(rest):
        rest = ""  # "In The Eleventh International Conference on ...": words before the venue's name
    elif venue and rest and _VENUE_PART_RE.fullmatch(rest):
        venue, rest = f"{venue} {rest}", ""  # "EMNLP 2023 Findings": a part of the venue, wherever written
    elif (venue and venue_context and rest and len(rest.split()) <= 2 and any(c.isupper() for c in rest)
          and not _NOT_A_VENUE_PART & set(rest.lower().split()) and not looks_like_names(rest)
          and not written.lstrip(" ([【*_").startswith(rest.split()[0])):  # "ControlNet, ICCV 2023": a name first
        venue, rest = f"{venue} {rest}", ""  # "CVPR eLVM": the venue as the list writes it
    return Aside(venue, known, year, date, qualifier, rest)


def without_locators(text: str) -> str:
    """``text`` without the volume, issue and pages of a journal's citation: ``Nature 620, 47–60 (2023)`` reads
    ``Nature  ,   (2023)``; a text without pages, issue or ``vol.`` keeps its numbers (``DALL-E 2``).

    >>> without_locators("Science 380(6641):100-105, 2023")
    'Science  : , 2023'
    """
    if not _LOCATOR_CUE_RE.search(text):
        return text  # no digit before a dash or a bracket, no bold digit, no "vol.", "pp.": no locator
    return _BARE_NUMBER_RE.sub(" ", _LOCATOR_RE.sub(" ", text)) if _LOCATOR_RE.search(text) else text


def _workshop(venue: str, rest: str) -> str | None:
    """The venue of a workshop named beside it, written as the venue table writes a named workshop ("CVPR
    AI4CC Workshop"): ``NIPS`` and ``Data Workshop`` give ``NIPS Data Workshop``, ``ICML`` and ``Workshop on
    Foo`` give ``ICML Workshop on Foo``, ``NeurIPS Workshop`` and ``on Bar`` give ``NeurIPS Workshop on Bar``.
    None when ``rest`` is no workshop's name."""
    m = _WORKSHOP_NAME_RE.fullmatch(rest)
    if m is None or not rest.strip(" @"):
        return None
    name = re.sub(r"\s+(?:@|at)$", "", rest)
    if not re.match(r"(?i:on|for)\s", name):
        return f"{venue.removesuffix(' Workshop')} {name}" if re.search(r"(?i:workshops?)", name) else None
    return f"{venue} {name}" if venue.endswith(" Workshop") else None


@lru_cache(maxsize=1 << 16)
def names_a_venue(text: str) -> bool:
    """A venue's name by its shape: ``Journal of Widgets``, ``IEEE Transactions on Foo``, ``Proceedings of the
    Bar Conference``, ``Made-up Journal``, ``Physical Review Letters``, ``International Conference on Baz``.
    A title that merely holds such a word (``Transactions Are All You Need``) is none."""
    words = text.split()
    return (0 < len(words) <= 12 and "://" not in text and ":" not in text and not text.endswith(("?", "!"))
            and words[0] not in ("A", "An", "On", "Towards", "Toward")
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _JOINING for w in words)
            and bool(_VENUE_SHAPE_RE.search(text)))


def _gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, at = [], 0
    for a, b in spans:
        out.append((at, a))
        at = b
    out.append((at, len(text)))
    return out


def _venue_like(text: str, strict: bool) -> bool:
    """A short name that could be a venue: at most six words, a capital, no sentence. ``strict`` (a text not
    written where the list puts venues): at most four words, each capitalised but for joining words."""
    if lookup(text)[0] is not None:
        return True
    words = text.split()
    if not (0 < len(words) <= 6 and any(c.isupper() for c in text) and not text.endswith((".", "?", "!"))
            and not _NO_VENUE_WORD_RE.search(text)):
        return False
    return not strict or (len(words) <= 4
                          and all(w[:1].isupper() or w[:1].isdigit() or w in _JOINING for w in words))


# words no venue's name holds: a sentence's, or what a post or a talk calls itself ("Bo Chan's blog post, 2022")
_NO_VENUE_WORD_RE = re.compile(r"\b(?:the|and|of|we|our|this|is|are|s|[Bb]log|[Pp]osts?|[Pp]odcast|[Nn]ewsletter)\b")
_JOINING = frozenset({"on", "for", "in", "&", "and", "of", "-", "/", "the", "to", "a", "an", "de", "du"})


@lru_cache(maxsize=1 << 16)
def only_venue_or_date(text: str) -> bool:
    """True for a text that is nothing but a venue, a date or a year (``CVPR 2024``, ``Jan 2024``)."""
    if len(text) > 120 or (not any(map(str.isdigit, text)) and not find_venues(text)
                           and not _VENUE_WORD_RE.search(text)) or ARXIV_NUMBER_RE.search(text):
        return False  # neither a year nor a venue of the table (no need to read it as an aside), or a paper's id
    a = read_aside(text)
    return (a.venue is not None or a.year is not None or a.date is not None) and not a.rest.strip(" ·•|") and \
        (a.venue is None or a.venue_known or a.year is not None  # "TKDE 2024": a name and its year
         or names_a_venue(a.venue))


# An aside in an entry's text: in parentheses, brackets or 【】.
ASIDE_RE = re.compile(r"\(([^()]{1,120})\)|\[([^\[\]]{1,120})\]|【([^【】]{1,120})】|（([^（）]{1,120})）")


@lru_cache(maxsize=1 << 16)
def without_asides(text: str) -> str:
    """``text`` without its asides but those naming a qualifier (``(Oral)``), nested ones too: ``(**Foo (Lab
    A)**)`` is no venue."""
    for _ in range(3):  # innermost first; three levels are more than lists write
        cut = ASIDE_RE.sub(lambda m: m.group(0) if QUALIFIER_RE.search(m.group(0)) else " ", text)
        if cut == text:
            break
        text = cut
    return text
