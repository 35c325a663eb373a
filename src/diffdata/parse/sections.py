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
from typing import TYPE_CHECKING

from diffdata.identifiers import identifiers_from_url, is_paper_url
from diffdata.parse.aside import Aside, only_venue_or_date, read_aside
from diffdata.parse.clauses import title_cased
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import venue_then_labels
from diffdata.parse.model import Block, Line, Segment
from diffdata.parse.names import is_one_person, looks_like_names
from diffdata.parse.shapes import (
    AUTHOR_LABELS,
    FIELD_LABELS_ABROAD,
    IDENTIFIER_TEXT_RE,
    LABEL_RE,
    METHOD_MARK_RE,
    around,
    is_image_src,
    is_label_line,
    is_metadata,
    is_title_line,
    only_links,
    opens_with_names,
    text_outside_links,
)
from diffdata.text import YEAR, clean_space, strip_emoji

if TYPE_CHECKING:
    from diffdata.parse.segment import Walker


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


# a date or a venue written before a heading's title: "【2023-05-02】 Title", "[CVPR 2023] Title", "2023-05-02 Title"
_DATED_RE = re.compile(r"\s*(?:[\[(【]([^\[\]()【】]{1,40})[\])】]|((?:19|20)\d\d[./-]\d{1,2}(?:[./-]\d{1,2})?))"
                       r"\s*[:|\-–—,]?\s*")


def heading_names_a_work(all_blocks: list[Block], i: int) -> bool:
    """Heading ``i`` is a work, not a section: it links a paper (``### [Title](arxiv)``), or it names a work in
    words (three or more, or any after a date: ``### 【2023-05-02】 Title``) and what stands under it, up to
    the next heading, gives that work's links and nothing else: blocks of lines of label links (``[arXiv](..) |
    [Code](..)``), of ``label: URL`` lines, or of link-less text; one paper link at least."""
    block = all_blocks[i]
    note = _fields_only_under(all_blocks, i)  # a note on one paper: its title, then "Authors: ...", "URL: ..."
    if i == 0 and block.level == 1 and not note:
        return False  # the document's title
    if any(is_paper_url(lk.url) for ln in block.lines for lk in ln.links if not lk.image):
        return True
    text = heading_text(block)
    asked = text.endswith("?") and title_cased(text[:-1]) and _lines_under(all_blocks, i) > 1  # "### Do Diffusion
    # Models Memorize Their Data?" over "- paper: .." / "- code: ..", not a FAQ's "### How Do I Start?" over a link
    sentence = reads_as_a_sentence(text) and not asked and not (note and not text.endswith((".", "!", "?", "。")))
    if any(ln.links for ln in block.lines) or _SCHEDULE_RE.match(text) or sentence or only_venue_or_date(text):
        return False
    dated = _DATED_RE.match(text)
    if dated and only_venue_or_date(dated.group(1) or dated.group(2)):
        text = text[dated.end():]
    elif len(text.split()) < 3 and not ((len(text.split()) == 2 and _names_line_under(all_blocks, i)
                                         and not _TOPIC_WORDS.intersection(text.lower().split()))
                                        or _like_its_siblings(all_blocks, i) or note):  # "### Consistency Models"
        # over "- **Authors:** ...", "- **Venue:** ...": a paper's fields
        return False  # "## Survey", "### Image Generation": a section's name (not "### Dream Booth" over names)
    return bool(re.search(r"[^\W\d_]{2,}", text)) and _holds_its_links(
        all_blocks, i, venue_after=title_cased(text) and not _SCHEDULE_RE.match(text))  # not "## Week 3: Guidance"


def _bold_title(line: Line) -> bool:
    """A line that is a paper's title in bold: three words or more in title case, no names, field, venue or date
    (not ``**Oral presentation**``, ``**NeurIPS 2020**``, ``**Venue: ICLR 2023**``, ``**Ann Lee, Bo Chan**``)."""
    text = line.strong.strip(" :")
    return (is_title_line(line) and len(text.split()) >= 3 and title_cased(text) and not LABEL_RE.match(text)
            and not only_venue_or_date(text.strip("()[] ")) and not looks_like_names(re.sub(r"\s*\([^()]*\)", "", text))
            and not opens_with_names(line))


# a heading of a reading group's or a course's schedule, over the paper read then: "Week 3: Guidance"
_SCHEDULE_RE = re.compile(r"(?i)(?:week|session|lecture|day|part|chapter|module|unit|meeting|class|seminar)"
                          r"\s*\d{1,2}\b")  # not "Part123: Part-Aware 3D Reconstruction"


def _holds_its_links(all_blocks: list[Block], i: int, venue_after: bool = False) -> bool:
    """What stands under heading ``i``, up to the next heading, gives one work's links and nothing else (see
    :func:`heading_names_a_work`); one paper link at least. ``venue_after`` (a title's heading): a line of names
    may end with the venue after a comma (``Ho & Salimans, NeurIPS 2021 — [arXiv](..)``), and one line of a venue
    and label links may stand there (``ICCV 2023 · [arXiv](..)``; two such lines are a section's papers)."""
    paper, venue_lines = False, 0
    papers: set[str] = set()  # the papers linked: one work's links name one ("**Title A** / - Paper: url" twice: two)
    for j in range(i + 1, len(all_blocks)):  # an index, not a copy of the rest of the document per call
        b = all_blocks[j]
        if b.type == "heading":
            break
        if b.type not in ("paragraph", "item") or b.level > 1:
            return False
        linked = any(ln.links for ln in b.lines)
        if (b.type == "paragraph" and not linked and len(b.lines) == 1 and _bold_title(b.lines[0])):
            return False  # "# 3DGS" / "**Title of a paper**" / "- Paper: url": a section over works titled in bold
        for ln in b.lines:
            venue_line = venue_after and venue_then_labels(ln)  # "CVPR 2023 · [arXiv](..)"
            venue_lines += venue_line
            if linked and not (only_links(ln) or is_label_line(ln) or (b.type == "item" and is_metadata(ln))
                               or _field_line(ln) or venue_line or _one_person(ln)  # "*Sofia Herrera*<br>"
                               or opens_with_names(ln, venue_after=venue_after)):  # "**Ann Lee, Bo Chan** · CVPR
                # 2023 · [arXiv](..)", "Ho & Salimans, *NeurIPS 2021* — [arXiv](..)" under a paper's heading
                return False  # "Title" / "paper: URL" in one paragraph: a post titled by its first line
            if not all(lk.image or is_label(lk.text) or IDENTIFIER_TEXT_RE.fullmatch(lk.text.strip())
                       for lk in ln.links):  # "[arXiv:2205.12454](..)" names the heading's paper by its id
                return False  # "- [Another Work](url)": the heading is a section of works
            for lk in ln.links:
                if not lk.image and is_paper_url(lk.url):
                    paper = True
                    if arxiv := identifiers_from_url(lk.url).arxiv_id:  # (an OpenReview or DOI link of it beside)
                        papers.add(arxiv)
            if len(papers) > 1 or venue_lines > 1:  # twice: a section's papers (whose links name no arXiv id)
                return False
    return paper


# labels of a line under a paper's heading that give one of its fields, never its title ("**Authors:** ...");
# the fields of a note that Zotero or Notion exports ("Item Type", "Proceedings Title", "Date Published", "URL")
_FIELD_LABELS = frozenset({"venue", "conference", "journal", "publisher", "published",
                           "publication", "pub", "date", "year", "affiliation", "affiliations", "institution",
                           "keywords", "tags", "status", "accepted", "links", "发表", "会议",
                           "url", "link", "doi", "item type", "type", "proceedings title", "publication title",
                           "date published", "date added", "created", "pages", "volume", "issue", "extra"}
                          ) | AUTHOR_LABELS | FIELD_LABELS_ABROAD


def _fields_only_under(all_blocks: list[Block], i: int) -> bool:
    """Under heading ``i``, up to the next heading, lines of fields only (``Authors: ...``, ``URL: ...``), one
    at least: a note on the paper the heading names (an export of Zotero or Notion)."""
    seen = False
    for j in range(i + 1, len(all_blocks)):  # an index, not a copy of the rest of the document per call
        b = all_blocks[j]
        if b.type == "heading":
            break
        if b.type not in ("paragraph", "item") or not all(_field_line(ln) for ln in b.lines):
            return False
        seen = True
    return seen


def _field_line(line: Line) -> bool:
    label = LABEL_RE.match(line.text.strip())
    return bool(label) and label.group(1).strip(" *").lower() in _FIELD_LABELS


# a heading naming a topic, not a method: a plural ("GANs", "VAEs", "NeRFs", "Diffusion Models") or one of
# these words ("Image Data", "Video Editing", "Speech"); "Janus", "Atlas", "Glass", "Iris" end in -s, no plural
_PLURAL_RE = re.compile(r"[^\W\d_]*(?:[A-Z]|[b-hj-rtv-z])s")
_TOPIC_WORDS = frozenset({"image", "video", "audio", "speech", "music", "text", "data", "editing", "generation",
                          "synthesis", "restoration", "translation", "segmentation", "detection", "medical",
                          "theory", "survey", "misc", "other", "3d", "graph", "language", "vision", "robotics",
                          # a section of a page, not a method: "Background Reading", "Related Work", "To Read"
                          "reading", "read", "related", "work", "selected", "background", "club", "notes", "todo"})


def names_a_method(text: str) -> bool:
    """A heading of one or two words that names a method (``DreamBooth``, ``Stable Cascade``, ``Magic Mix``),
    not a topic: no plural (``GANs``, ``VAEs``, ``Flows``), no topic word (``Speech``, ``Image Data``), and one
    word only when it is written as a name (a capital inside it, two capitals or a digit; ``Music`` is none)."""
    words = text.split()
    if not words or any(_PLURAL_RE.fullmatch(w) or w.lower() in _TOPIC_WORDS for w in words):
        return False
    return len(words) > 1 or bool(METHOD_MARK_RE.search(words[0]))


def _like_its_siblings(all_blocks: list[Block], i: int) -> bool:
    """Heading ``i`` of one or two words (``### DreamBooth``) holds one work's links, and so does the heading
    of the same level right before or after it: a list of works written as headings, not a section."""
    level = all_blocks[i].level
    if not names_a_method(heading_text(all_blocks[i])) or not _holds_its_links(all_blocks, i):
        return False
    after = next((j for j in range(i + 1, len(all_blocks)) if all_blocks[j].type == "heading"), None)
    before = next((j for j in range(i - 1, -1, -1) if all_blocks[j].type == "heading"), None)
    return any(j is not None and all_blocks[j].level == level and not reads_as_a_sentence(heading_text(all_blocks[j]))
               and _holds_its_links(all_blocks, j) for j in (before, after))


def _lines_under(all_blocks: list[Block], i: int) -> int:
    """How many items, lines of names, of links or of a venue and label links stand under heading ``i`` up to the
    next heading (up to 3; a ``paper: URL`` line counts two)."""
    n = 0
    for j in range(i + 1, min(i + 4, len(all_blocks))):
        if all_blocks[j].type == "heading":
            break
        n += max(all_blocks[j].type == "item", sum(2 * is_label_line(ln) or venue_then_labels(ln) or opens_with_names(
            ln) or _one_person(ln) or only_links(ln) for ln in all_blocks[j].lines))
    return min(n, 3)


def _one_person(line: Line) -> bool:
    """A line without links that names one person (``*Sofia Herrera*<br>``)."""
    return not line.links and is_one_person(clean_space(line.text.replace("\u2028", " ")).strip(" *_.,"))


def _names_line_under(all_blocks: list[Block], i: int) -> bool:
    """The block after heading ``i`` is one short line of names, a venue and links (``Nataniel Ruiz, Yuanzhen Li
    · CVPR 2023 · [arXiv](..)``), or a line of a venue and label links under a line of names only
    (``*Yang Song, Mark Chen*`` / ``ICML 2023 · [arXiv](..)``) or, under a heading that names no topic
    (:func:`names_a_method`), alone: what a heading naming a work in two words stands over (not a citation)."""
    b = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    if b is None or b.type != "paragraph" or len(b.lines) > 2:
        return False
    *names, last = b.lines
    if names:
        return (opens_with_names(names[0]) or _one_person(names[0])) and not names[0].links and venue_then_labels(last)
    return (opens_with_names(last) and len(text_outside_links(last).split()) <= 14) or (
        venue_then_labels(last) and names_a_method(heading_text(all_blocks[i])))


def heading_papers(w: Walker, block: Block) -> None:
    """The links of a section's heading: a paper linked by a badge or a label (``[paper](..)``) is a mention
    (in the document's title, the list's own paper, titled by it); any other link is reported."""
    for ln in block.lines:
        for j, lk in enumerate(ln.links):
            if not (lk.url and is_paper_url(lk.url) and not is_image_src(lk.url) and (lk.image or is_label(lk.text))):
                w.note_link(lk, "link in a heading")
                continue
            seg = Segment(w.source, ln.number, ln.number, w.section(), "prose", [around(ln, ln.links, j)])
            if w.sections.doc_title and not w.sections.stack:
                seg.document_title = w.sections.doc_title
            w.out.append(seg)
            w.take(seg, lk, "badge" if lk.image else None)


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
