"""The section path of a document as its headings give it, which headings open free-text posts, and what a
heading gives the entries under it (a year, a venue: :func:`heading_says`).

The document's title (a level-1 heading on its first line) is not part of the path; a heading with nothing
under it before a heading of the same level becomes the parent of that heading; a heading that opens a
free-text post is not a section; a one-line ``Label :`` paragraph right before a list is a sub-section
(``label``, set by segmentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from diffdata.parse.aside import Aside, only_venue_or_date, read_aside
from diffdata.parse.clauses import title_cased
from diffdata.parse.model import Block
from diffdata.parse.shapes import is_label_line
from diffdata.text import YEAR, clean_space, strip_emoji


@dataclass
class Sections:
    """Where the walk is: the open headings, a sub-section label, the heading of the current post."""

    stack: list[tuple[float, str]] = field(default_factory=list)  # (level, text) of the open headings
    last_heading_empty: bool = False  # nothing came under the last heading yet
    label: str | None = None
    label_over_posts: bool = False  # the label is a bold line over paragraphs of works (`Paper: url` lines)
    post_heading: str | None = None
    doc_title: str | None = None  # the document's level-1 title (markdown or an HTML <h1>)
    doc_venue: str | None = None  # that title when it names a venue and its year ("# CVPR 2024 Papers")
    item_labels: list[tuple[int, str]] = field(default_factory=list)  # (list depth, text) of label items

    def path(self) -> list[str]:
        """The section path of what comes next."""
        path = [text for _, text in self.stack]
        if self.label:
            path.append(self.label)
        return path + [text for _, text in self.item_labels]

    def leave_items(self, level: int) -> None:
        """An item at list depth ``level`` closes the label items at that depth or deeper."""
        while self.item_labels and self.item_labels[-1][0] >= level:
            self.item_labels.pop()

    def heading(self, block: Block, is_post: bool, first: bool) -> None:
        """Enter the heading ``block`` (``first``: the document opens with it, on its first lines or inside a
        wrapper such as ``<div align="center">``)."""
        text = heading_text(block)
        if first and block.level == 1 and not _venue_and_year(text):
            self.doc_title = text
            return  # the document's own title ("# ICLR 2023" over its papers is their venue's section)
        if first and block.level == 1:
            self.doc_venue = text  # and over later sections of level 1 too, for papers of its year (fields.py)
        if is_post:
            self.post_heading = text
            return
        self.post_heading = None
        self.label = None
        self.item_labels.clear()
        level: float = block.level
        while self.stack and self.stack[-1][0] > level:
            self.stack.pop()
        if self.stack and self.stack[-1][0] == level:
            if self.last_heading_empty:
                self.stack[-1] = (level - 0.5, self.stack[-1][1])
            else:
                self.stack.pop()
        self.stack.append((level, text))
        self.last_heading_empty = True


def _venue_and_year(text: str) -> bool:
    """A heading that is a venue of the table and its year, maybe with words for a list of its papers (``ICLR
    2023``, ``CVPR 2024 Papers``, ``Accepted Papers of ICLR 2024``; not ``2024``, ``CVPR``, ``Awesome Diffusion``)."""
    said = heading_says(text)
    return isinstance(said, Aside) and said.year is not None


def heading_text(block: Block) -> str:
    """A heading's text without emoji, white space collapsed."""
    return clean_space(strip_emoji(" ".join(ln.text for ln in block.lines)))


def reads_as_a_sentence(text: str) -> bool:
    """A heading that ends like a sentence, has hashtags or more than 10 words: a post's opening line; a paper's
    title in title case may have up to 25 words, besides its number and a venue after it (``### 2. Discrete
    Diffusion Modeling by Estimating the Ratios of the Data Distribution (ICML 2024)``)."""
    if text.endswith((".", "!", "?", "。")) or re.search(r"(^|\s)#\w", text):
        return True
    words = text.split()
    if len(words) <= 10:
        return False
    bare = _NUMBERED_RE.sub("", _ASIDE_END_RE.sub("", text))
    return len(bare.split()) > 25 or (len(bare.split()) > 10 and not title_cased(bare))


_NUMBERED_RE = re.compile(r"^\s*\d{1,3}[.)]\s+")
_ASIDE_END_RE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*$")


def post_headings(all_blocks: list[Block]) -> set[int]:
    """Indexes of the headings that open a free-text post rather than a section: they read like a sentence
    (end with . ! ?, have hashtags, or more than 10 words), or the paragraphs under them hold ``label : URL``
    lines. One backward pass: linear in the number of blocks."""
    out: set[int] = set()
    has_labels = False  # the run of paragraphs after the current position holds label lines
    for i in range(len(all_blocks) - 1, -1, -1):
        b = all_blocks[i]
        if b.type == "heading":
            if reads_as_a_sentence(heading_text(b)) or has_labels:
                out.add(i)
            has_labels = False
        elif b.type == "paragraph":
            has_labels = has_labels or any(is_label_line(ln) for ln in b.lines)
        else:
            has_labels = False
    return out


_YEAR_ONLY_RE = re.compile(YEAR)
_TRACK_RE = re.compile(r"\s*[(（][^()（）]{1,40}[)）]\s*$")  # a note after a venue heading, unless it says "not in"
_NOT_IN_RE = re.compile(r"reject|withdr|not\s+accept|submi|review|only|desk|non[- ]?archival", re.I)
# what a venue's heading says besides the venue: "CVPR 2024 Papers", "Accepted Papers of ICLR 2024", "Highlights"
_HEADING_FILLER_RE = re.compile(r"(?i)\b(?:(?:accepted|selected|all|my|our)\s+)?(?:papers?|works?|publications?|"
                                r"highlights?|preprints?|list|collection|notes|picks)\b(?:\s+(?:of|at|in|from|on)\b)?"
                                r"|^(?:my|our)\b|\bwith\s+code\b"  # "CVPR 2024 Papers with Code"
                                r"|(?:论文|开源项目|项目|代码|合集|汇总|整理|列表|和|与|及)+")  # "CVPR 2024 论文合集"
_COUNT_RE = re.compile(r"\s*[(\[（]\s*(?!(?:19|20)\d\d\b)\d{1,5}\s*(?:papers?|works?|items?|entries|articles?|篇|편)?"
                       r"\s*[)\]）]\s*$", re.I)
# a venue and its year, then what the section holds of it: "ICLR 2024 — accepted papers on diffusion"
_VENUE_LEAD_RE = re.compile(r"(.{2,40}?\b(?:19|20)\d\d)\s*+(?:[-–—:|·]\s*+)?(?i:accepted|selected|papers?|posters?|"
                            r"orals?|spotlights?|highlights?|picks|open\s+access|paper\s+list|collection|reading|"
                            r"(?:on|about)\s+(?:diffusion|generative|score|flow|image|video|3d|text))\b")  # not
# "NeurIPS 2023 for newcomers", "CVPR 2024 on a budget", "notes from the trip"
# the words of a venue's full name, never a topic's
_VENUE_NAME_RE = re.compile(r"\b(?:Conference|Proceedings|Journal|Transactions|Symposium|Advances in)\b")
_ACRONYM_RE = re.compile(r"(?:[a-z]*[A-Z]){2,}[a-z]*")


@lru_cache(maxsize=1 << 12)
def heading_says(heading: str) -> int | Aside | None:
    """What a section heading gives the entries under it: a year (``## 2024``), a venue with or without its
    year (``### CVPR 2026``, ``### NeurIPS``, ``## Accepted Papers of ICLR 2024``), or nothing. A heading is
    read once, however many entries stand under it."""
    h = _COUNT_RE.sub("", heading).strip().rstrip(":：").strip()  # "2023 (12 papers)": how many it holds
    if not only_venue_or_date(h) and not _NOT_IN_RE.search(h) and (  # "Accepted Papers of ICLR 2024"
            bare := clean_space(_HEADING_FILLER_RE.sub(" ", h)).strip(" -–—:|()[]")) and only_venue_or_date(bare):
        h = bare
    if _YEAR_ONLY_RE.fullmatch(h):
        return int(h)
    h = h if only_venue_or_date(h) or _NOT_IN_RE.search(h) else _TRACK_RE.sub("", h)  # "(Datasets & Benchmarks)"
    a = read_aside(h) if len(h) <= 80 and only_venue_or_date(h) else None
    if a is not None and a.venue_known and not a.date and (a.year or _ACRONYM_RE.fullmatch(h)
                                                            or _VENUE_NAME_RE.search(h)):
        return a  # "### CVPR 2026", "### NeurIPS" (a venue's acronym alone, not "## Science"), never "## 2026-07";
        # "- **International Conference on Learning Representations**" (a venue's name, not "## Medical Image Analysis")
    if (lead := _VENUE_LEAD_RE.match(h)) and not _NOT_IN_RE.search(h) and only_venue_or_date(lead.group(1)) and (
            (a := read_aside(lead.group(1))).venue_known and a.year and not a.date):
        return a  # "# ICLR 2024 — accepted papers on diffusion", "## NeurIPS 2023 posters (generative models)"
    return _year_in_words(_COUNT_RE.sub("", heading))  # "2024년 (11편)": less how many it holds


# a heading's words around its year: "2024 (ongoing)", "Year 2024", "Papers in 2024", "This year (2025)", "2024年"
_YEAR_NOTE_RE = re.compile(r"[(（\[【][^()（）\[\]【】\d]{0,40}[)）\]】]")  # "(updating 🔥)": a note without digits
_YEAR_WORDS_RE = re.compile(r"(?i)\b(?:(?:this|the)\s+)?years?\b|\b(?:papers?|works?|publications?|preprints?|articles?"
                            r"|published|released|accepted|selected|new|latest|in|of|list)\b|年度?|년도?|论文|논문")
_NOT_ONE_YEAR_RE = re.compile(r"(?i)\b(?:before|after|since|until|till|earlier|older|prior|later|previous|past|pre|"
                              r"post|and|or|to|from)\b|[-–—~]\s*(?:19|20)\d\d|以前|之前|以后|之后")


def _year_in_words(heading: str) -> int | None:
    """The year of a heading that says one year among words for its papers or a note (``## 2024 (ongoing)``,
    ``## Papers in 2024``, ``## This year (2025)``, ``## 2024年``); none for a span (``## Before 2020``,
    ``## 2020-2022``, ``## 2023 and earlier``, ``## From 2021``)."""
    if _NOT_ONE_YEAR_RE.search(heading):
        return None
    bare = _YEAR_WORDS_RE.sub(" ", _YEAR_NOTE_RE.sub(" ", strip_emoji(heading)))
    bare = bare.strip(" -–—:|()[]（）【】.")
    return int(bare) if _YEAR_ONLY_RE.fullmatch(bare) else None
