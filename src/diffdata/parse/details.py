"""A work written as a title with its details after it, and the lines that label works rather than title one.

``[3] FooNeRF: Bar Fields`` then ``- Paper: url`` / ``- Code: url``, or ``**[B7] Title**`` then ``- Lee, Chan ·
2021 · url``: one line of plain or bold words, no link, no sentence, and a list right under it that details one
work rather than listing several; a bold title over ``Paper: url`` paragraphs; a ``<details>`` titled by its
``<summary>``. A bold line over several works, a ``<summary>`` or a short item over a list of works is their
section instead.
"""

from __future__ import annotations

import re

from diffdata.identifiers import identifiers_from_url, is_paper_url
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.clauses import is_sentence, title_cased
from diffdata.parse.headingwork import names_a_method, short_work_name
from diffdata.parse.labels import is_label
from diffdata.parse.linkshapes import only_links
from diffdata.parse.model import Block, Line
from diffdata.parse.names import has_organisation_word, is_name_list, is_one_person, looks_like_names
from diffdata.parse.prose import opens_with_titled_link
from diffdata.parse.shapes import (
    IDENTIFIER_TEXT_RE,
    TEXT_ARXIV_RE,
    TEXT_DOI_RE,
    describes_entry,
    is_label_line,
    is_metadata,
    is_title_line,
    names_venue_and_paper,
    opens_with_names,
    text_outside_links,
)
from diffdata.text import clean_space


def details_list(all_blocks: list[Block], i: int) -> list[int]:
    """The indexes of the list right after paragraph ``i`` when ``i`` is a title and the list details its
    work; empty otherwise."""
    return _own_list(all_blocks, i) if _is_title_paragraph(all_blocks[i]) else []


def _own_list(all_blocks: list[Block], i: int) -> list[int]:
    """The indexes of the list right after paragraph ``i`` when it details that paragraph's work: its first
    item is metadata (``- Paper: url``), or one item only has links and it opens with names
    (``- Lee, Chan · 2021 · url``). The details are the items written line after line, up to a blank line.
    Empty otherwise."""
    items: list[int] = []
    end = all_blocks[i].end + 1  # one blank line may stand between the title and its list
    for j in range(i + 1, len(all_blocks)):
        b = all_blocks[j]
        if not (b.type == "item" or (b.type == "paragraph" and b.in_item)) or b.start > end + 1:
            break  # the list's items run on without a blank line; a blank line ends the details
        items.append(j)
        end = b.end
    if not items or all_blocks[items[0]].type != "item":
        return []
    linked = [j for j in items if any(ln.links or TEXT_ARXIV_RE.search(ln.text) or TEXT_DOI_RE.search(ln.text)
                                      for ln in all_blocks[j].lines)]  # a link, or an identifier as text
    first = all_blocks[items[0]].lines[0]
    if is_metadata(first) or (len(linked) == 1 and opens_with_names(all_blocks[linked[0]].lines[0])):
        return items
    return []


def _is_title_paragraph(block: Block) -> bool:
    """One line of plain words, no link, no sentence: what a list can write as a title above its links."""
    if len(block.lines) != 1 or block.lines[0].links or not block.followed_by_list:
        return False
    text = clean_space(block.lines[0].text)
    return 2 <= len(text.split()) <= 20 and not text.endswith((".", ":", "：", "!", "?", "。"))


def _detail_paragraphs(all_blocks: list[Block], i: int) -> list[int]:
    """The indexes of the paragraphs after paragraph ``i``, a titled link alone, that detail its work, one blank
    line apart: names only, a venue or a date, label links (``[Title](url)`` / ``Ann Lee, Bo Chan`` / ``ICLR
    2021. [[pdf]](..) [[code]](..)``). At most three; empty when none follows."""
    block = all_blocks[i]
    if block.type != "paragraph" or block.in_item or len(block.lines) != 1 or not _titled_link_alone(block.lines[0]):
        return []
    out: list[int] = []
    end = block.end
    for j in range(i + 1, min(i + 4, len(all_blocks))):
        b = all_blocks[j]
        if (b.type != "paragraph" or b.in_item or b.followed_by_list or b.start != end + 2
                or not all(map(_detail_line, b.lines))):
            break  # not "**Motion Transfer**" over a list: a label of the works after it
        after = all_blocks[j + 1] if j + 1 < len(all_blocks) else None
        if (not out and not any(ln.links for ln in b.lines) and all(_venue_or_date(ln) for ln in b.lines)
                and after is not None and after.type == "paragraph" and _titled_link_alone(after.lines[0])):
            break  # "[Title](url)" / "NeurIPS 2023" / "[Next](url)": a venue alone may label the links after it
        out.append(j)
        end = b.end
    return out


def _venue_or_date(line: Line) -> bool:
    return only_venue_or_date(clean_space(line.text).strip(" .,;"))


_INITIAL_RE = re.compile(r"\b[A-Z]\.")


def _titled_link_alone(line: Line) -> bool:
    """``[Title](url)``, maybe with its venue (``[Title](url) (ICLR 2021)``): one titled link to a paper and nothing
    else."""
    links = [lk for lk in line.links if not lk.image]
    after = clean_space(text_outside_links(line)).strip(" ()[]|,;.·-–—")
    return len(links) == 1 and is_paper_url(links[0].url) and opens_with_titled_link(line) and (
        only_links(line) or only_venue_or_date(after))


def _detail_line(line: Line) -> bool:
    """A line of a work's details: names, a venue or a date, label links; no work of its own."""
    text = clean_space(line.text).strip(" .,;")
    if not line.links:  # one name alone ("Motion Transfer", "**Style Transfer**") may be a label: an initial
        # ("J. Ho") or a list of names says it is names; not "Google Brain, UC Berkeley"
        return bool(text) and (only_venue_or_date(text) or (
            not line.strong.strip() and not has_organisation_word(text)
            and (is_name_list(text) or (looks_like_names(text) and _INITIAL_RE.search(text) is not None))))
    return all(lk.image or is_label(lk.text) for lk in line.links) and is_metadata(line)


def label_paragraphs(all_blocks: list[Block], i: int) -> list[int]:
    """The indexes of the paragraphs after the bold title line ``i`` that are all ``label: URL`` lines, one
    blank line apart (``**Title**`` / ``论文：url`` / ``代码：url``): that title's links. Empty otherwise."""
    block = all_blocks[i]
    if block.type != "paragraph" or len(block.lines) != 1 or not is_title_line(block.lines[0]):
        return []
    out: list[int] = []
    end = block.end
    for j in range(i + 1, len(all_blocks)):
        b = all_blocks[j]
        if b.type != "paragraph" or b.start != end + 2 or not all(is_label_line(ln) for ln in b.lines):
            break
        out.append(j)
        end = b.end
    return out


def joined_entry(all_blocks: list[Block], i: int) -> tuple[Block, int] | None:
    """Block ``i`` (a paragraph or HTML) and the blocks after it that detail its work, as one block, with the
    index of the last block joined; None when ``i`` stands alone. ``**Title**`` then ``> *authors* \\ > venue
    [[Paper]]`` on the next line; ``**Title**``, a blank line, ``论文：url``, ``代码：url``; ``**Title**``, a blank
    line, (a paragraph of names,) a paragraph of one paper's label links; ``<details><summary>Title (CVPR
    2023)</summary>`` over the work's links, names and abstract, up to ``</details>``."""
    block = all_blocks[i]
    nxt = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    if (block.type == "paragraph" and len(block.lines) == 1 and is_title_line(block.lines[0]) and nxt
            and nxt.type == "paragraph" and nxt.start == block.end + 1 and any(ln.links for ln in nxt.lines)
            and not is_title_line(nxt.lines[0])):
        last = i + 1
    elif labelled := label_paragraphs(all_blocks, i):
        last = labelled[-1]
    elif (linked := _links_under_bold_title(all_blocks, i)) >= 0:
        last = linked
    elif detailed := _detail_paragraphs(all_blocks, i):
        last = detailed[-1]
    elif (last := _summary_details(all_blocks, i)) < 0:
        return None
    parts = all_blocks[i: last + 1]
    lines = [ln for b in parts for ln in b.lines if not block.summary or ln.text.strip() or ln.links]
    return Block("paragraph", block.start, parts[-1].end, lines, level=block.level), last


def _links_under_bold_title(all_blocks: list[Block], i: int) -> int:
    """The index of the paragraph one blank line after the bold title ``i`` (or after a paragraph of names under
    it) whose lines are label links of one paper (``**Title**`` / ``[[ICLR 2023](arxiv)] [[Website](..)]`` /
    ``[[Code](..)]``); -1 when there is none, or when the paragraph after it holds such links too (a bold label
    over the links of untitled works)."""
    block = all_blocks[i]
    if (block.type != "paragraph" or block.in_item or len(block.lines) != 1 or block.followed_by_list
            or not is_title_line(block.lines[0])):
        return -1
    j, end = i + 1, block.end
    names = all_blocks[j] if j < len(all_blocks) else None
    named = (names is not None and names.type == "paragraph" and not names.in_item and names.start == end + 2
             and not any(ln.links for ln in names.lines) and all(
                 _detail_line(ln) or is_one_person(clean_space(ln.text).strip(" *_.,")) for ln in names.lines))
    if not (_names_a_work_in_bold(block.lines[0].strong) or (named and _short_work_name(block.lines[0].strong))):
        return -1  # "**Lemurly**" alone over links may be a label; over a paragraph of names, a work's name
    if named:
        j, end = j + 1, names.end  # "*Ann Lee, Bo Chan*" in a paragraph of its own between the title and its links
    if j >= len(all_blocks) or all_blocks[j].start != end + 2 or not _label_links_of_one_paper(all_blocks[j]):
        return -1
    after = all_blocks[j + 1] if j + 1 < len(all_blocks) else None
    if after is not None and after.start == all_blocks[j].end + 2 and _label_links_of_one_paper(after):
        return -1
    return j


_BOLD_LABEL_WORDS = frozenset({"paper", "papers", "code", "link", "award", "awards", "website", "bibtex",
                               "citation", "slides"})
_LABELS_ANYWHERE = frozenset({"links", "resources", "contents"})
_LABELS_TOGETHER = _BOLD_LABEL_WORDS | {"and", "&", "best"}  # "Paper and Code", "Best Paper Award"
_SECTION_ENDS = frozenset({"methods", "papers", "works", "approaches", "list", "below"})


def _names_a_work_in_bold(text: str) -> bool:
    """Bold words that may title a work: three or more, or two naming a method; no label, venue, date or names
    (not ``**Image Editing**``, ``**Note:**``, ``**CVPR 2023**``, ``**Ann Lee, Bo Chan**``)."""
    text = clean_space(text).strip()
    words = text.split()
    if not words:
        return False
    low = {w.lower() for w in words}
    titled = title_cased(text)
    label_like = len(words) <= 4 or not titled  # a label or a topic is short, or not title-cased
    if (text[:1].islower() and not re.search(r"[A-Z0-9]", words[0])) or (is_sentence(text) and not titled) or (
            label_like and (not _LABELS_ANYWHERE.isdisjoint(low) or words[-1].lower() in _SECTION_ENDS)) or (
            len(words) <= 3 and len(low & _LABELS_TOGETHER) >= 2):
        return False  # not "a fast sampler for ...", "Our paper was accepted ...", "Quick links for this work",
        # "Paper and Code", "Best Paper Award", "Table of Contents", "Text-to-Image Generation Methods"
    return (len(words) >= 3 or (len(words) == 2 and names_a_method(text))) and not text.endswith(
        (":", "：", ".", "!", "?")) and not only_venue_or_date(text) and not looks_like_names(text)


def _short_work_name(text: str) -> bool:
    """One or two bold words that may name a work (``**Imagen**``, ``**Lemurly v2**``): see
    :func:`~diffdata.parse.headingwork.short_work_name`; no label word, topic or organisation either (not
    ``**Resources**``, ``**OpenAI**``)."""
    text = clean_space(text).strip()
    return (short_work_name(text) and not text.endswith((":", "：", "."))
            and {w.lower() for w in text.split()}.isdisjoint(_LABELS_TOGETHER | _LABELS_ANYWHERE)
            and not has_organisation_word(text))


def _label_links_of_one_paper(block: Block) -> bool:
    """A paragraph (not in a list) of lines of label links, badges or venues as link texts, one paper linked."""
    if block.type != "paragraph" or block.in_item or block.followed_by_list or not all(map(only_links, block.lines)):
        return False
    links = [lk for ln in block.lines for lk in ln.links if not lk.image]
    if not all(is_label(lk.text) or only_venue_or_date(clean_space(lk.text).strip(" []()"))
               or IDENTIFIER_TEXT_RE.fullmatch(lk.text.strip()) for lk in links):
        return False
    papers = {identifiers_from_url(lk.url).arxiv_id or lk.url for lk in links if is_paper_url(lk.url)}
    return len(papers) == 1


# a folding label: "Show more", "View details", "See abstract", "Expand"; not "Open Sora Plan", "View Synthesis ..."
_UNFOLD_RE = re.compile(r"(?i:(?:click|tap)(?: here)?(?: to)? \w+(?: \w+)?|(?:show|view|see|expand|open|unfold)"
                        r"(?: (?:the|all|full|more|less|details?|abstract|summary|bib ?tex|citations?|contents?|list|"
                        r"table|here|info|everything)){0,2}|tl;?dr|bib ?tex|cit(?:e|ation)s?|abstract|more|details?)"
                        r"[\s.:!…]*")


def _summary_details(all_blocks: list[Block], i: int) -> int:
    """The index of the last block that a ``<details>`` opened by block ``i`` holds, when its ``<summary>``
    names one work and what it holds is that work's details: label links or badges (one link at least), names,
    a venue, an abstract; no link titled as another work (a ``<summary>`` over a list of works is a section).
    -1 otherwise."""
    block = all_blocks[i]
    said = clean_space(" ".join(ln.text for ln in block.lines))
    if not block.summary or not said or is_label(said) or _UNFOLD_RE.fullmatch(said) or only_venue_or_date(said):
        return -1  # "<summary>Abstract</summary>", "<summary>Click to expand</summary>", "<summary>2023</summary>"
    linked = False
    for j in range(i + 1, len(all_blocks)):
        b = all_blocks[j]
        if b.closes_details:
            held = j if not b.summary else j - 1  # "</details>" then the next "<details><summary>"
            return held if linked and held > i else -1
        if b.type not in ("paragraph", "item", "html") or b.summary:
            return -1
        for ln in b.lines:
            if any(not (lk.image or lk.bare or is_label(lk.text)) for lk in ln.links):
                return -1  # "- [Another Work](url)": a list of works under a section's summary
            linked = linked or bool(ln.links)
    return -1


def section_label(all_blocks: list[Block], i: int) -> str | None:
    """What block ``i`` names, when it is the section of the works after it: a bold line over paragraphs of
    two works or more (:func:`labels_works`), or a ``<details>``'s ``<summary>`` over a list or a table of works
    (``<summary>Video Generation</summary>`` over ``- [Foo](url)``; the section ends with the element)."""
    block, nxt = all_blocks[i], all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    said = clean_space(" ".join(ln.text for ln in block.lines))
    if block.summary and nxt is not None and (nxt.type == "row" or (nxt.type == "item" and (
            not describes_entry(nxt.lines) or _items_link_papers(all_blocks, i + 1)))):
        unfold = is_label(said) or _UNFOLD_RE.fullmatch(said)
        return said if 0 < len(said.split()) <= 8 and not unfold and not any(ln.links for ln in block.lines) else None
    return said if labels_works(all_blocks, i) else None


def _items_link_papers(all_blocks: list[Block], i: int) -> bool:
    """The items from block ``i`` on, at its level, link two papers or more (``- **FooNet: Foo** [![arXiv](..)](..)``
    twice: works of their own, however much each reads as a field, ``Name: value``)."""
    papers: set[str] = set()
    for j in range(i, len(all_blocks)):  # an index, not a copy of the rest of the document per call
        b = all_blocks[j]
        if b.type != "item" or b.level < all_blocks[i].level:
            break
        papers.update(identifiers_from_url(lk.url).arxiv_id or lk.url for ln in b.lines for lk in ln.links
                      if is_paper_url(lk.url) and b.level == all_blocks[i].level)
        if len(papers) > 1:
            return True
    return False


def labels_works(all_blocks: list[Block], i: int) -> bool:
    """Block ``i`` is a bold line that labels the works under it rather than titling one: the paragraphs right
    after it, each holding ``Paper: url`` / ``Code: url`` lines, link two papers or more (``**Diffusion for
    video**`` over ``Paper: url1`` / ``Code: ..``, a blank line, ``Paper: url2``). Over one paper it is that
    paper's title (:func:`label_paragraphs`)."""
    block = all_blocks[i]
    if block.type != "paragraph" or len(block.lines) != 1 or not is_title_line(block.lines[0]):
        return False
    papers: set[str] = set()
    for j in range(i + 1, len(all_blocks)):  # an index, not a copy of the rest of the document per call
        b = all_blocks[j]
        if b.type != "paragraph" or b.level != block.level or not any(is_label_line(ln) for ln in b.lines):
            break
        papers.update(identifiers_from_url(lk.url).arxiv_id or lk.url for ln in b.lines for lk in ln.links
                      if not lk.image and is_paper_url(lk.url))
        if len(papers) > 1:
            return True
    return False


def labels_sublist(all_blocks: list[Block], i: int) -> bool:
    """List item ``i`` names a group of the items under it (``- Image Editing`` over ``- [Foo](url)`` /
    ``- [Bar](url)``): one short line without a link or a sentence's end, and a sub-list right under it whose
    first item names a work of its own (no detail of ``i``: not ``- Paper: url``, not names)."""
    block, nxt = all_blocks[i], all_blocks[i + 1] if i + 1 < len(all_blocks) else None
    if (len(block.lines) != 1 or block.lines[0].links or nxt is None or nxt.type != "item"
            or nxt.level <= block.level or describes_entry(nxt.lines) or over_its_card(all_blocks, i)):
        return False  # not "- Title" over "  - Lee et al. · ICML 2023 · [arXiv](..)", its details
    text = clean_space(block.lines[0].text)
    if "," in text and looks_like_names(text.strip(" .,;")):
        return False  # "- Ann Lee, Bo Chan" over "  - [Thyme Models](..)": names, no group
    firsts = [lk for lk in nxt.lines[0].links if not lk.image]
    return 0 < len(text.split()) <= 6 and not text.endswith((".", "!", "?", "。")) and bool(firsts) and not (
        clean_space(firsts[0].text).startswith(text))  # "- Imagen Lite" over "[Imagen Lite: Small ...](..)": its name


def over_its_card(all_blocks: list[Block], i: int) -> bool:
    """List item ``i`` titles the one sub-item under it that gives names, a venue and a paper's label link
    (``- Quiet Anchors for Things`` / ``  - Lee et al. · ICML 2023 · [arXiv](..)``): three words or more, no names,
    no link, and no second such sub-item (``- Video Synthesis`` over two or more is their section)."""
    block = all_blocks[i]
    text = clean_space(block.lines[0].text).strip(" *_")
    if block.lines[0].links or len(text.split()) < 3 or looks_like_names(text):
        return False
    cards = 0
    for j in range(i + 1, len(all_blocks)):  # an index, not a copy of the rest of the document per call
        b = all_blocks[j]
        if b.type != "item" or b.level <= block.level:
            break
        if b.level == block.level + 1:
            if not names_venue_and_paper(b.lines[0]):
                break
            cards += 1
            if cards > 1:
                return False
    return cards == 1


