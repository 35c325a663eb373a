"""A heading that names one work rather than a section: ``### Title`` over that paper's links and fields.

``### [Title](arxiv)``, ``### 【2023-05-02】 Title`` over ``[arXiv](..) | [Code](..)``, ``### DreamBooth`` over a
line of names and a venue, a Zotero or Notion note (``## Title`` over ``Authors: ...`` / ``URL: ...``): the
heading is the work's title and what stands under it, up to the next heading, its details. A heading over
several works' links, a topic (``## Image Generation``) or a schedule's (``## Week 3: Guidance``) is a section.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diffdata.identifiers import identifiers_from_url, is_paper_url
from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date
from diffdata.parse.clauses import title_cased
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import venue_then_labels
from diffdata.parse.linkshapes import METHOD_MARK_RE, around, is_image_src, only_links
from diffdata.parse.model import Block, Line, Segment
from diffdata.parse.names import is_one_person, looks_like_names
from diffdata.parse.sections import heading_text, reads_as_a_sentence
from diffdata.parse.shapes import (
    AUTHOR_LABELS,
    FIELD_LABELS_ABROAD,
    IDENTIFIER_TEXT_RE,
    LABEL_RE,
    is_label_line,
    is_metadata,
    is_title_line,
    opens_with_names,
    text_outside_links,
)
from diffdata.parse.titletext import CJK_RE
from diffdata.text import clean_space

if TYPE_CHECKING:
    from diffdata.parse.segment import Walker


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
    asked = text.endswith("?") and title_cased(text[:-1]) and (
        _lines_under(all_blocks, i) > 1 or _fields_only_under(all_blocks, i, links=True))  # "### Do Diffusion
    # Models Memorize Their Data?" over "- paper: .." / "- code: ..", or over "**Authors:** .." / "**Venue:** .." /
    # "[paper](..)" (a paper's fields); not a FAQ's "### How Do I Start?" over a link
    sentence = reads_as_a_sentence(text) and not asked and not (note and not text.endswith((".", "!", "?", "。")))
    if any(ln.links for ln in block.lines) or _SCHEDULE_RE.match(text) or sentence or only_venue_or_date(text):
        return False
    dated = _DATED_RE.match(text)
    if dated and only_venue_or_date(dated.group(1) or dated.group(2)):
        text = text[dated.end():]
    elif len(text.split()) < 3 and not ((_names_line_under(all_blocks, i)  # "### Kandinsky" / names / venue
                                         and (len(text.split()) == 2
                                              or (one_word_name(text) and _names_apart(all_blocks, i)))
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
                           "date published", "date added", "created", "pages", "volume", "issue", "extra",
                           "rating", "source", "date-added", "read", "priority"}
                          ) | AUTHOR_LABELS | FIELD_LABELS_ABROAD


def _fields_only_under(all_blocks: list[Block], i: int, links: bool = False) -> bool:
    """Under heading ``i``, up to the next heading, lines of fields only (``Authors: ...``, ``URL: ...``; with
    ``links``, lines of links too: ``[paper](..) [code](..)``), one field at least: a note on the paper the heading
    names (an export of Zotero or Notion)."""
    seen = False
    for j in range(i + 1, len(all_blocks)):  # an index, not a copy of the rest of the document per call
        b = all_blocks[j]
        if b.type == "heading":
            break
        if b.type not in ("paragraph", "item") or not all(
                _field_line(ln) or (links and ln.links and only_links(ln)) for ln in b.lines):
            return False
        seen = seen or any(_field_line(ln) for ln in b.lines)
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


def short_work_name(text: str) -> bool:
    """A word or two that may name a work (``Sora``, ``Imagen``, ``Stable Cascade``, ``eDiff-I``): a method's two
    words (:func:`names_a_method`) or one word read as a name (:func:`one_word_name`, or marked as a method's);
    no person, label, qualifier, venue or date (not ``Oral``, ``Code``, ``CVPR 2023``, ``Ann Lee``)."""
    text = clean_space(text).strip()
    words = text.split()
    return (0 < len(words) <= 2 and (names_a_method(text) if len(words) == 2 else one_word_name(text) or bool(
                METHOD_MARK_RE.search(text)))
            and not QUALIFIER_RE.search(text) and not is_label(text) and not only_venue_or_date(text)
            and not looks_like_names(text))


def one_word_name(text: str) -> bool:
    """One capitalised word of letters that reads as a name (``Imagen``, ``Kandinsky``), not a plural, a topic
    word or an abstract noun (``Tools``, ``Video``, ``Distillation``, ``Sampling``, ``Safety``), or a title in
    Chinese or Japanese with a subtitle or of ten characters or more (``扩散模型综述：原理与应用``; a section's
    name is shorter: ``扩散模型基础理论``)."""
    if " " not in text.strip() and (n := len(CJK_RE.findall(text))) and (n >= 10 or (n >= 6 and "：" in text)):
        return True
    return (text.isalpha() and text[:1].isupper() and len(text) > 2 and not _PLURAL_RE.fullmatch(text)
            and text.lower() not in _TOPIC_WORDS | _SECTION_WORDS and not _ABSTRACT_NOUN_RE.search(text))


# the endings of abstract nouns, which name a section ("Distillation", "Sampling", "Guidance", "Safety")
_ABSTRACT_NOUN_RE = re.compile(r"(?:ing|tion|sion|ment|ance|ence|ity|ty|cy|ics|ness|ure|ogy|ism|ship|age|ous|"
                               r"ed)$", re.I)  # and a mark: "Featured", "Pinned"
# one word that names a section of a list rather than a work
_SECTION_WORDS = frozenset({"medicine", "healthcare", "biology", "chemistry", "science", "finance", "art", "design",
                            "tutorial", "background", "introduction", "overview", "basics", "fundamentals", "review",
                            "benchmark", "dataset", "code", "news", "blog", "demo", "workshop", "license", "citation",
                            "contributors", "acknowledgements", "related", "misc", "other", "others", "general",
                            "appendix", "references", "bibliography", "index", "contents", "about", "todo",
                            "baseline", "bonus", "keynote", "highlight", "new", "hot", "classic", "essential",
                            "popular", "latest", "spotlight", "oral", "poster", "survey", "extra"})



def _like_its_siblings(all_blocks: list[Block], i: int) -> bool:
    """Heading ``i`` of one or two words (``### DreamBooth``) holds one work's links, and so does the heading
    of the same level right before or after it: a list of works written as headings, not a section."""
    level, text = all_blocks[i].level, heading_text(all_blocks[i])
    if not (names_a_method(text) or (one_word_name(text) and _only_links_under(all_blocks, i))) or not _holds_its_links(
            all_blocks, i):
        return False  # "### Imagen" between "### DreamBooth" and "### eDiff-I", each over its links, is one too
    after = next((j for j in range(i + 1, len(all_blocks)) if all_blocks[j].type == "heading"), None)
    before = next((j for j in range(i - 1, -1, -1) if all_blocks[j].type == "heading"), None)
    return any(j is not None and all_blocks[j].level == level and not reads_as_a_sentence(heading_text(all_blocks[j]))
               and _holds_its_links(all_blocks, j) for j in (before, after))


def _names_apart(all_blocks: list[Block], i: int) -> bool:
    """Under heading ``i``, a line of names alone, then a line of the venue and label links (not one line of
    names, a title of its own and a link)."""
    b = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    return b is not None and len(b.lines) == 2 and not b.lines[0].links


def _only_links_under(all_blocks: list[Block], i: int) -> bool:
    """Every line under heading ``i``, up to the next heading, is links or ``label: URL`` only (nothing that
    could title a work of its own)."""
    for b in all_blocks[i + 1:]:
        if b.type == "heading":
            break
        if not all(only_links(ln) or is_label_line(ln) for ln in b.lines):
            return False
    return True


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
