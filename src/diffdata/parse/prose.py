"""Links in running text: which are entries of their own (a paper, video, post or repository, with a badge
right after it as its link) and which go to the parse report (homepages, label links, images, anchors)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diffdata.identifiers import is_paper_url, url_kind
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.citations import is_reference, read_citation, stands_as_reference
from diffdata.parse.clauses import is_title_clause
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import before_venue
from diffdata.parse.linkshapes import around, is_image_src, link_end
from diffdata.parse.model import Block, Line, Segment, joined
from diffdata.parse.names import has_organisation_word, is_name_list, looks_like_names
from diffdata.parse.shapes import (
    LABEL_RE,
    LEAD_LABEL_RE,
    METADATA_LABELS,
    TEXT_ARXIV_RE,
    TITLE_LABELS,
    cut_links,
    text_outside_links,
)
from diffdata.parse.siblings import line_from
from diffdata.parse.tags import is_tag
from diffdata.parse.titletext import link_title
from diffdata.text import YEAR_RE, clean_space, strip_emoji

if TYPE_CHECKING:
    from diffdata.parse.segment import Walker


def prose_links(w: Walker, block: Block) -> None:
    """Links in running text: a paper, video, post or repository is an entry (a badge right after it is
    its link); the rest is reported. A paragraph that cites a work without a link is an entry too."""
    if unlinked_work(block.lines) or titled_over_labels(block.lines):
        w.block_entry(block)  # read as an entry: kept when it gives a venue, or names and a year; else reported
        return
    for ln in block.lines:
        if (start := titled_with_labels(ln)) >= 0 or (start := marked_link_entry(ln)) >= 0:  # "Title, CVPR 2023
            # [paper](..) [code](..)", no list marker; "🔹 [Title](..) - Ann Lee, Bo Chan, ICLR 2022" folded into a
            # paragraph (a marker CommonMark reads as none, or "3." right after a paragraph)
            line_entry(w, ln, start)
            continue
        last: Segment | None = None
        links = ln.links
        for j, lk in enumerate(links):
            if lk.image:
                if last is not None and lk.url and not is_image_src(lk.url):
                    w.take(last, lk)
                    continue
                if lk.url and is_paper_url(lk.url) and not is_image_src(lk.url):
                    # a badge linking a paper, with no entry before it: the paper is a mention (in a
                    # list's header, the list's own paper: the document's title names it)
                    seg = Segment(w.source, ln.number, ln.number, w.section(), "prose",
                                  [around(ln, links, j)])
                    if not w.sections.stack and w.sections.doc_title:
                        seg.document_title = w.sections.doc_title
                    w.out.append(seg)
                    w.take(seg, lk, "badge")
                    continue
                reason = "badge (image link)" if lk.url and not is_image_src(lk.url) else "image"
                w.note_link(lk, reason)
                if lk.image_src:
                    w.note(lk.line, "info", "badge image", lk.image_src, lk.text)
                continue
            # a label link ("[code](..)"), not a citation mark ("[2]", which cites a work of its own)
            label = is_label(lk.text) and not lk.bare and not re.fullmatch(r"\[?\d{1,3}\]?", lk.text.strip())
            if label and last is not None and lk.url and not lk.url.startswith("#"):
                w.take(last, lk)  # "DDPM [paper](..) [code](..)": the label links of the entry before
                continue
            last = None
            if not lk.url or lk.url.startswith("#"):
                w.note_link(lk, "table-of-contents anchor link")
                continue
            if lk.url.lower().startswith(("mailto:", "javascript:", "data:", "tel:")):
                w.note_link(lk, "not a web link (" + lk.url.split(":", 1)[0].lower() + ")")
                continue
            if url_kind(lk.url) == "website":
                w.note_link(lk, "link to a homepage or website in prose, not a listed work")
                continue
            if label and url_kind(lk.url) not in ("paper", "video"):
                w.note_link(lk, "link in prose whose text only names its kind, not a listed work")
                continue
            # a titled link opening its line ("[Title](..) - Ann Lee, ICML 2023" without a list marker, or in a
            # quote) is read like a list item's, its names and venue included; any other as running text
            opens = j == 0 and opens_with_titled_link(ln)
            part = around(ln, links, j)
            if opens and (num := NUMBERING_RE.match(part.text)):
                part = line_from(part, num.end())  # "IV. [Title](..)": the title's line, not its number
            seg = Segment(w.source, ln.number, ln.number, w.section(), "bullet" if opens else "prose", [part])
            w.out.append(seg)
            w.take(seg, lk, "title" if opens else "link")
            last = seg


_CLAUSE_RE = re.compile(r",\s|[·|;]|\s[-–—]\s")
_CITATION_MARK_RE = re.compile(r"\[?\d{1,3}\]?")
_PSEUDO_BULLET_RE = re.compile(r"^\s*[•·▪►▸‣◦]\s*")


def line_entry(w: Walker, ln: Line, start: int = 0) -> None:
    """Line ``ln`` of a paragraph or an item, from column ``start``, as an entry of its own (see
    :func:`marked_link_entry`, :func:`titled_with_labels`)."""
    seg = Segment(w.source, ln.number, ln.number, w.section(), "bullet", [line_from(ln, start)])
    w.out.append(seg)
    for lk in ln.links:
        w.take(seg, lk)


def folded_entries(lines: list[Line]) -> int:
    """Where the lines an item's paragraph folded in start (0: none), when they are entries of its own shape:
    the item is ``[Title](..) - names, venue`` and every line from there is one too, behind a marker CommonMark
    reads as none (``🔹 [Title](..) - ..``, ``-[Title](..) - ..``), so its writer meant items, not one."""
    if len(lines) < 2 or not _cited_entry(lines[0]):
        return 0
    k = len(lines)
    while k > 1 and _cited_entry(lines[k - 1]):
        k -= 1
    return k if k < len(lines) else 0


def _cited_entry(line: Line) -> bool:
    """A :func:`marked_link_entry` whose dash is followed by names, then a venue or a year (``- Ann Lee, Bo Chan,
    ICML 2021``, ``- Cy Dorn (ICLR 2022)``), not by what an item's resource line says (``🔹 [Colab](..) - try
    it``, ``🔹 [Talk](..) - the oral at NeurIPS``)."""
    if marked_link_entry(line) != 0:
        return False
    lead = next(lk for lk in line.links if not lk.image)
    after = text_outside_links(line_from(line, link_end(lead))).strip(" -–—")
    names = before_venue(after).strip(" ,;([")
    if not names or names == after.strip(" ,;(["):
        return False  # no venue or year after the names
    return is_name_list(names) or (looks_like_names(names) and len(names.split()) >= 2)


_ITEM_MARK_RE = re.compile(r"\s*(?:\d{1,3}[.)]|[-*+•·▪►▸‣◦➤→]|[\u2190-\u2bff\U0001F000-\U0001FAFF]\ufe0f?)?\s*")
_DASH_AFTER_RE = re.compile(r"\s+[-–—]\s+\S")


def marked_link_entry(line: Line) -> int:
    """0 when a paragraph's line is an entry a list marker opens, its only titled link first and a dash after
    it (``3. [Title](..) — Lu Mo, Ned Oh (AAAI 2023)``, ``🔹 [Title](..) - Cy Dorn, ICLR 2022``, ``-[Title](..) -
    ..``); -1 otherwise."""
    links = [lk for lk in line.links if not lk.image]
    if not links or not _ITEM_MARK_RE.fullmatch(line.text[: links[0].col]) or link_title(links[0].text) is None:
        return -1
    if sum(link_title(lk.text) is not None and not is_label(lk.text) for lk in links) > 1:
        return -1  # several works on the line: each its own mention
    return 0 if _DASH_AFTER_RE.match(line.text, link_end(links[0])) else -1


def titled_with_labels(line: Line) -> int:
    """Where a paragraph's line that reads as an entry starts (-1: it does not): a title in plain text (after
    a ``•`` written as a bullet), then only the work's label links as :func:`_labels_only` reads them, at most
    25 words (``Cold Fields for Scenes, CVPR 2023, [paper](..) [code](..)``). A sentence leading into a label
    link (``Our code is [here](..)``) is none."""
    first = min((lk.col for lk in line.links), default=0)
    if not first or not _labels_only(line_from(line, first)) or any(
            _CITATION_MARK_RE.fullmatch(lk.text.strip()) for lk in line.links):
        return -1  # "ControlNet [paper](..) and DreamBooth [paper](..)", "Read DDPM [paper](..) first.", "[1]"
    start = m.end() if (m := _PSEUDO_BULLET_RE.match(line.text)) else 0
    before = clean_space(line.text[start:first]).strip(" -–—:|,;([")
    if not before or len(line.text.split()) > 25 or _SENTENCE_RE.search(before):
        return -1
    clause = _CLAUSE_RE.split(before)[0].strip()
    if (not is_title_clause(clause) or is_tag(clause) or (len(clause.split()) < 3 and looks_like_names(clause))
            or _GENERIC_WORDS.issuperset(clause.lower().split())):
        return -1  # "NEW [paper](..)", "Ann Lee · AAAI 2024 · [arXiv](..)", "Survey paper [arXiv](..)"
    return start if len(clause.split()) >= 2 or re.search(r"[a-z][A-Z]|\d|-", clause) else -1  # not "See [paper](..)"


# what a sentence says in lower case ("Our code is", "the model was trained", "see"); a title capitalises
# its words ("Attention Is All You Need")
_SENTENCE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|can|see|here|this|these|our|we|you|please|cite|"
                          r"thanks?|check|released|maintained|related|also)\b|^(?:Our|We|Please|Thanks?|See|Check)\b")
_GENERIC_WORDS = frozenset({"survey", "paper", "papers", "full", "list", "code", "official", "project", "page", "the",
                            "our", "a", "and", "of", "slides", "video", "preprint", "arxiv", "pdf", "link", "links"})


def is_label_text(line: Line) -> bool:
    """A short line that labels what follows: all bold, or ending in a colon (``**Core papers**``, ``Surveys:``)."""
    text = clean_space(line.text.replace("\u2028", " ")).strip()
    return 0 < len(text.split()) <= 8 and (text.endswith((":", "：")) or clean_space(line.strong) == text.strip(" :："))


def opens_with_titled_link(line: Line) -> bool:
    """A line that opens with a link whose text is a title, with nothing but markers or a number before it and
    a separator, a bracket or nothing after it."""
    lk = line.links[0] if line.links else None
    return (lk is not None and not lk.bare and not lk.image
            and not strip_emoji(NUMBERING_RE.sub("", line.text[:lk.col])).strip(" >*-+•·\t")  # "1.1 ★ [Title](..)"
            and link_title(lk.text) is not None
            and bool(_AFTER_TITLE_RE.match(line.text, link_end(lk))))  # not "[Name](..) is a model released ..."


_AFTER_TITLE_RE = re.compile(r"\s*(?:$|[-–—:|,.;(\[（<\u2028])|\s+by\s+(?=[A-Z])")  # what follows a title (its
# authors: "by Ann Lee"), not a sentence's verb


# a numbering written in the text, not as a list marker: "(1) ", "[12] ", "iv. ", "IV. " (one capital letter
# is an initial - "V. Kumar" - unless a titled link follows it: see numbered)
NUMBERING_RE = re.compile(r"^\s*(?:\(\d{1,3}\)|\[\d{1,3}\]|[ivxlc]{1,6}[.)]|[IVXLC]{1,6}[.)]"
                          r"|(?:\d{1,3}|[A-Z])(?:\.\d{1,3}){1,3}\.?)\s+")  # a section's number: "1.2", "1.2.1", "A.1"


def numbered(line: Line) -> int:
    """Where the text after a line's numbering starts (0: not numbered): see :data:`NUMBERING_RE`; a single
    capital (``I.``, ``V.``) only before a titled link, and the line's links are its own title link or labels
    (``(1) We train a [model](..)`` is a sentence)."""
    m = NUMBERING_RE.match(line.text)
    if m is None:
        return 0
    lead = next((lk for lk in line.links if not lk.image), None)
    titled = lead is not None and lead.col == m.end() and opens_with_titled_link(line)
    if len(m.group(0).strip()) == 2 and m.group(0).strip()[0].isupper() and not titled:
        return 0  # "V. Kumar, ...": an initial
    return m.end() if titled or all(lk.image or is_label(lk.text) for lk in line.links) else 0


def wrapped_references(lines: list[Line]) -> list[Line] | None:
    """A paragraph of numbered references that wrap onto the lines under them (``[1] J. Ho, A. Jain, and P.
    Abbeel, "Title,"`` / ``in Proc. NeurIPS, 2020.``): each reference joined into one line, its numbering cut.
    None unless the paragraph opens with a number, some line goes on the one above, and every reference, joined,
    reads as a citation."""
    if not numbered(lines[0]) or all(numbered(ln) for ln in lines):
        return None
    groups: list[list[Line]] = []
    for ln in lines:
        if numbered(ln):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    refs = [line_from(joined(g), numbered(g[0])) for g in groups]
    return refs if all(stands_as_reference(r) for r in refs) else None


def wrapped_head(lines: list[Line]) -> list[Line]:
    """An item's first line with the lines that go on from it, joined: the line under a label that ends it
    (``A blog post:`` / ``[Title](..) by Ann Lee``), a citation that wraps (``1. Ho, J., &
    Abbeel, P. (2020). Denoising diffusion`` / ``models. In *NeurIPS*.``; up to four lines, when the break cut
    it, see :func:`_continues_citation`), or names that wrap under its link (``[Title](..) —`` / ``Ann Lee, Bo
    Chan,`` / ``Cy Dee, et al. ICLR 2021.``; up to six lines). The lines as they are otherwise."""
    if (len(lines) > 1 and not lines[0].links and LEAD_LABEL_RE.fullmatch(lines[0].text)
            and lines[1].links and lines[1].links[0].col == 0):
        lines = [joined(lines[:2]), *lines[2:]]  # "- A blog post:" / "  [Title](url) by Ann Lee": the label's work
    k = 1
    while k < min(len(lines), 4) and (lines[k - 1].text.rstrip()[-1:].isalnum()
                                      or lines[k].text.lstrip()[:1].islower()):
        k += 1
    if k > 1 and _may_cite(lines[:k]) and _continues_citation(lines[0], lines[1], head := joined(lines[:k])):
        return [head, *lines[k:]]
    k = 1  # "[Title](..) —" / "Ann Lee, Bo Chan," / "Cy Dee, et al. ICLR 2021.": a line left hanging goes on below
    while k < min(len(lines), 6) and _text_then_labels(lines[k]) and not has_organisation_word(lines[k].text) and (
            (_HANGING_RE.search(lines[k - 1].text) and _opens_with_names(lines[k].text))
            or _GOES_ON_RE.match(lines[k].text)
            or (_FIRST_NAME_END_RE.search(lines[k - 1].text) and _SURNAME_START_RE.match(lines[k].text))):
        k += 1
    return [joined(lines[:k]), *lines[k:]] if k > 1 else lines


def _text_then_labels(line: Line) -> bool:
    """A line with no link, or whose links are labels after its text (``Cy Dee, ICLR 2021. [[code](..)]``)."""
    return all(lk.col > 0 and (lk.image or is_label(lk.text)) for lk in line.links)


def _opens_with_names(text: str) -> bool:
    """A line going on with names (``Cy Dee, Di Eng, et al. ICLR 2021.``), not a description ("builds on ...")."""
    lead = re.split(r"[.(;]\s|\s(?:19|20)\d\d\b", text.strip(), maxsplit=1)[0].strip(" ,")
    lead = re.sub(r",?\s*\bet(?:\s+al)?\.?$", "", lead)  # "Cy Dee, Di Eng, et" / "al. ICLR 2021."
    lead = before_venue(lead).rstrip(" ,;") or lead  # "Cy Dee, Di Eng, NeurIPS 2020."
    return bool(lead) and (looks_like_names(lead) or bool(_SURNAME_START_RE.match(text)))


_HANGING_RE = re.compile(r"(?:[,—–&]|\s-|\band|\bet|\bby)\s*$")
_GOES_ON_RE = re.compile(r"\s*(?:[—–]\s|et al\b|al\.)")  # "— Ann Lee, Bo Chan", "et al. ICLR 2023."
_FIRST_NAME_END_RE = re.compile(r"(?:[,—–]|\s-)\s+[A-Z][\w'’-]+\s*$")  # "... — Hyungjin" / "Chung, Jeongsol ..."
_SURNAME_START_RE = re.compile(r"\s*[A-Z][\w'’-]+(?:,|\s+et al\b)")


def wrapped_citation(lines: list[Line]) -> Line | None:
    """A paragraph of two to four lines that is one citation wrapped (``Ho, J., & Abbeel, P. (2020). Denoising
    diffusion`` / ``models. In *NeurIPS*.``), as one line; None otherwise (see :func:`_continues_citation`)."""
    if not 2 <= len(lines) <= 4 or not _may_cite(lines) or numbered(lines[0]):
        return None
    whole = joined(lines)
    return whole if _continues_citation(lines[0], lines[1], whole) else None


_NAMES_FIRST_RE = re.compile(r"\s*(?:\[\d{1,3}\]\s*|\d{1,3}\.\s+)?[^\W\d_][^\s,]*(?:\s[^\s,]+){0,3},")


def _may_cite(lines: list[Line]) -> bool:
    """What every citation style has, cheap to test: names first (a comma within the first words) and a year."""
    return bool(_NAMES_FIRST_RE.match(lines[0].text)) and any(YEAR_RE.search(ln.text) for ln in lines)


def _continues_citation(first: Line, second: Line, whole: Line) -> bool:
    """Whether ``whole`` (``first`` and the lines under it joined) is one citation standing alone (names, year,
    title and a venue or a link) that the break after ``first`` cut: in its names, in its title (which goes on
    under it), or in its venue's name (``In *International`` / ``Conference on ...*``); a note under a finished
    citation ("we read this in week 1") is none."""
    c = read_citation(text_outside_links(whole).strip())
    if c is None or not (c.title and c.authors and c.year) or not is_reference(c, bool(whole.links)):
        return False
    head = first.text.rstrip()
    alone = read_citation(text_outside_links(first).strip())
    return (alone is None or len(c.title) > len(alone.title) or bool(
        alone.venue and c.venue != alone.venue and not head[-1:].isdigit() and second.text.lstrip()[:1].isupper()))


def titled_over_labels(lines: list[Line]) -> bool:
    """A paragraph of two lines: a title in plain text, then only the work's label links and a venue or date
    (``Title`` / ``[[arXiv](..)] [[Code](..)] NeurIPS 2023``)."""
    if len(lines) != 2 or lines[0].links or not _labels_only(lines[1]):
        return False
    title = clean_space(lines[0].text).strip(" \\")
    return (2 <= len(title.split()) <= 20 and is_title_clause(title) and not _SENTENCE_RE.search(title)
            and not looks_like_names(title) and not is_tag(title))


def _labels_only(line: Line) -> bool:
    """Only label links and badges, one of them a paper's, and besides them separators or a venue or date."""
    links = line.links
    if not links or not all(lk.image or (is_label(lk.text) and not lk.bare) for lk in links):
        return False
    rest = cut_links(line, links, "").strip(" \t[]()|/,;·•-–—")
    return any(is_paper_url(lk.url) for lk in links if lk.url) and (not rest or only_venue_or_date(rest))


def unlinked_work(lines: list[Line]) -> bool:
    """A paragraph of a work's lines without a link: a title, then lines of names and a line of its venue or
    date (``Title`` / ``Ann Lee, Bo Chan`` / ``ICCV 2023``), and nothing else but a last line of a bare URL."""
    last = lines[-1].links if lines else []
    if len(last) == 1 and last[0].bare and lines[-1].text.strip() == last[0].url:
        lines = lines[:-1]  # ".../ ICCV 2023 / https://arxiv.org/abs/2305.04441": the entry's link
    elif len(lines) > 1 and _labels_only(lines[-1]) and len(lines[0].text.split()) >= 2:
        lines = lines[:-1]  # ... / "[paper](..) [code](..)": a last line of the entry's label links
    if not 3 <= len(lines) <= 5 or any(ln.links for ln in lines) or not is_title_clause(lines[0].text.strip()):
        return False
    rest = [clean_space(ln.text).strip(" .,;*_") for ln in lines[1:]]
    return (any(only_venue_or_date(t) for t in rest) and any(is_name_list(t) or looks_like_names(t) for t in rest)
            and all(only_venue_or_date(t) or is_name_list(t) or looks_like_names(t) for t in rest))


def is_field_record(lines: list[Line]) -> bool:
    """``**Title:** T`` / ``**Authors:** ...`` / ``**Venue:** ICML 2023`` / ``**Links:** [arXiv](..)``: a paragraph
    of one work's fields, its title first (after its arXiv id, as arXiv's listings write it: ``arXiv:2405.00001
    [pdf]`` / ``Title: ...`` / ``Authors: ...`` / ``Comments: ...``); a TL;DR and a comment are fields too."""
    if len(lines) >= 3 and TEXT_ARXIV_RE.match(lines[0].text.strip()):
        lines = lines[1:]
    first = LABEL_RE.match(lines[0].text.strip()) if len(lines) >= 2 else None
    if first is None or first.group(1).strip(" *").lower() not in TITLE_LABELS:
        return False  # most paragraphs: their first line gives no title's label
    keys = [LABEL_RE.match(_TLDR_LABEL_RE.sub("TLDR:", ln.text.strip(), count=1)) for ln in lines]
    names = [k.group(1).strip(" *").lower() for k in keys if k is not None]
    return (len(lines) >= 2 and len(names) == len(lines) and names[0] in TITLE_LABELS
            and (not lines[0].links or _labels_one_titled_link(lines[0], keys[0]))
            and all(n in METADATA_LABELS or n in _RECORD_LABELS for n in names[1:]))


# a link's text that points at the work instead of naming it: "Read it here", "Click here", "Full text on OpenReview"
_POINTER_TEXT_RE = re.compile(r"(?i)^\W*(?:(?:see|view|link|go|find\s+it)\s+)?here\W*$|\b(?:click|read\s+it|"
                              r"full[\s-]+text|view\s+(?:it|online|on)|download|this\s+(?:paper|link|page|work))\b")


def _labels_one_titled_link(line: Line, label: re.Match[str]) -> bool:
    """``**Paper:** [Title](url)``: the title's label, then one link whose text is a title, and nothing else."""
    links = [lk for lk in line.links if not lk.image]
    return (len(links) == 1 and not is_label(links[0].text) and link_title(links[0].text) is not None
            and not _POINTER_TEXT_RE.search(links[0].text)
            and not line.text[label.end():links[0].col].strip(" *_[")
            and not line.text[link_end(links[0]):].strip(" *_]\\"))


_TLDR_LABEL_RE = re.compile(r"[*_]*tl;\s?dr[*_]*\s*(?=[:：])", re.I)
# what else a digest or a listing says of a paper: "Comments: Accepted to CVPR 2024", "Subjects: cs.CV"
_RECORD_LABELS = frozenset({"comments", "comment", "subjects", "categories", "journal-ref", "journal ref", "abstract",
                            "source", "authors", "author"})
