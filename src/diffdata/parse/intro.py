"""What stands around an entry's titled link without being its title: before it, a venue or a date however
marked (``**CVPR 2023**``, ``CVPR 2023 |``, ``[ACM MM 2022 (Oral)]``), words that introduce the work (``Our
paper``, ``We released``) or a citation (``Li & Hoiem, 2016``, ``(Wang et al., CVPR 2022)``); after the entry's
label links, a tag (``NEW``, ``🔥 hot``).

>>> only_an_aside("ICCV 2023 -"), only_an_aside("[ACM MM 2022 (Oral)]"), only_an_aside("Quiet Anchors |")
(True, True, False)
>>> introduces("2024-01-03 Our paper"), introduces("Quiet anchors for")
(True, False)
>>> cited_names("(Okafor et al., CVPR 2022)"), cited_names("Quiet Anchors")
(('Okafor et al', True), ('Quiet Anchors', False))
"""

from __future__ import annotations

import re

from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date
from diffdata.parse.labels import is_label
from diffdata.parse.linkshapes import link_end
from diffdata.parse.model import Line, Link
from diffdata.parse.names import is_name_list, reads_as_two_phrases
from diffdata.parse.titletext import clean_title
from diffdata.text import clean_space

_QUALIFIED_RE = re.compile(r"^[\[(【]?(?P<v>.*?)\s*[(\[,]?\s*(?:" + QUALIFIER_RE.pattern + r")\s*[)\]]?[\])】]?$", re.I)


def only_an_aside(text: str) -> bool:
    """Text before an entry's link that is only a venue or a date, however marked (``CVPR 2023 |``, ``**CVPR
    2023** -``, ``[ACM MM 2022 (Oral)]``): the link still opens the entry (the venue reader reads the aside)."""
    text = clean_space(text).strip(" |-–—:,;")
    if not text:
        return True
    if len(text) > 120:  # an aside is short (and the pattern below is tried at every start of a long text)
        return False
    if (m := _QUALIFIED_RE.match(text)) and m.group("v").strip(" ,"):
        text = m.group("v")
    return only_venue_or_date(text.strip(" ,[]()【】"))


# words that introduce the work a link names: "Our paper [Title](url)", "We released [Title](url)"
_INTRODUCES_RE = re.compile(r"(?i:(?:(?:we\s+|i\s+)?(?:have\s+)?release[sd]?\s+)?"
                            r"(?:our|the|a|my)\s+(?:new\s+|latest\s+)?(?:\w+\s+)?(?:paper|work|survey|preprint)"
                            r"|(?:we|i)\s+(?:have\s+)?(?:release[sd]?|present(?:ed)?|propose[sd]?|introduce[sd]?)"
                            # news of a list: "NVIDIA releases [Cosmos](..)", "Added [DIAMOND](..)"
                            r"|(?:[\w\-]+\s+){0,2}(?:releases|released|introduces|introduced|announces|announced|"
                            r"launches|launched|open-sources|open-sourced|adds|added|add))")  # (overlaps "we released")
_DATE_FIRST_RE = re.compile(r"(?i:[a-z]{3,9}\.?\s+)?(?:\d{1,4}[./\-]){0,2}\d{1,4}\s*[:|,\-–—]?\s*")


def introduces(text: str) -> bool:
    """Words that end by introducing the work the next link names (``Our new paper``, ``We released``)."""
    text = clean_space(text).strip(" :")
    if m := _DATE_FIRST_RE.match(text):  # "2024-01-03 Our paper", "Mar 2024 Our paper"
        text = text[m.end():] if only_venue_or_date(m.group(0).strip(" :|,-–—")) else text
    return _INTRODUCES_RE.fullmatch(text) is not None


YEAR_ALONE_RE = re.compile(r"[\s,.;(\[]*(?:19|20)\d\d[a-z]?[)\]]?[\s.]*")
_DESCRIBED_RE = re.compile(r"\s*[:\-–—]\s+\S+(?:\s+\S+){2}")


def names_described(head: Line, lead: Link) -> bool:
    """``[Ho and Salimans](url): Classifier-free guidance ...``: a link whose text may be two names, followed
    by what reads as the title; the link's text is then not the title."""
    return reads_as_two_phrases(clean_title(lead.text)) and bool(_DESCRIBED_RE.match(head.text, link_end(lead)))


def cited_names(text: str) -> tuple[str, bool]:
    """The names of a citation written before a title, and whether it gave a year or a venue: ``Ann Lee, Bo
    Chan (2023)``, ``Li & Hoiem, 2016``, ``(Wang et al., CVPR 2022)``, ``[Rebuffi et al. 2017]`` and ``Lopez-Paz
    & Ranzato (NeurIPS 2017)`` give their names and True; any other text is returned as it is, with False."""
    text = clean_space(text).strip(" .,;:—–-：，；")
    if len(text) > 200:
        return text, False
    if (m := _BRACKETED_CITATION_RE.fullmatch(text)) is not None:
        text = m.group(1).strip(" .,;")  # "(Wang et al., CVPR 2022)", "[Rebuffi et al. 2017]"
    cut = _CITED_WHEN_RE.sub("", text).strip(" .,;")
    return cut, cut != text


_BRACKETED_CITATION_RE = re.compile(r"[(\[](.{2,120})[)\]]")
# a year or a venue and its year closing a citation: " (2023)", ", 2016", " 2017", ", CVPR 2022", " (NeurIPS 2017)"
_CITED_WHEN_RE = re.compile(r"(?<![\s,])[\s,]*[(\[]?\s*(?:[A-Z][\w&\-]{1,15}['’]?\s*)?(?:19|20)\d\d[a-z]?\s*[)\]]?$")


# what may follow an entry's label links without being its title's: "NEW", "🔥 hot", "(also ICLR 2024)"
_TAIL_AFTER_LABELS_RE = re.compile(r"\s*(?:[^\w\s()]{1,4}\s*)?(?:\(\s*(?:also|see)\b[^()]{0,30}\)?|[A-Za-z!]{1,8})\s*"
                                   r"|\s*[^\w\s()]{1,4}\s*\d[\d,.]{0,6}[kKmM]?\s*")  # or a star count: "⭐ 1.2k"


def after_the_labels(line: Line) -> int:
    """Where what may be a title ends on a line whose last link is a label: before a tag written after the
    links (``Title [[paper]](..) NEW``, ``... 🔥 hot``, ``*(also ICLR 2024)*``, a star count ``⭐ 540``); the
    line's end otherwise."""
    last = max((lk for lk in line.links if not lk.image), key=link_end, default=None)
    if (last is not None and last.col > 0 and is_label(last.text)
            and _TAIL_AFTER_LABELS_RE.fullmatch(line.text[link_end(last):link_end(last) + 41])):
        return link_end(last)
    return len(line.text)


def names_over_bold_title(lines: list[Line]) -> tuple[str, str] | None:
    """A line of names, then a line opening with a bold title (a lab's page: ``Ann Lee, Bo Chan, and <u>Cy
    Wu</u>.`` / ``**Title**`` / ``In *ICML*, 2022.``): the names and the title; None for any other entry."""
    if len(lines) < 2 or lines[0].links or not lines[1].bold or lines[1].bold[0][0] != 0:
        return None
    names = clean_space(lines[0].text).strip(" .,;")
    return (names, lines[1].bold[0][1]) if "," in names and is_name_list(names) else None
