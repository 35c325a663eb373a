"""A paragraph outside a list item, by its shape: one entry a line (bold titles, numbered or reference lines,
citations), a label over the works under it, definition terms, a citation wrapped over lines, a title with
its details or its label links under it, a post of ``label : URL`` lines, a label over the list after it, or
running text.

The first shape that fits decides; each names the segments it cuts through the walker (``segment.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diffdata.identifiers import identifiers_from_url, is_paper_url, url_kind
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.citations import stands_as_reference
from diffdata.parse.clauses import is_sentence, named_continuation, title_cased
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import cut_links
from diffdata.parse.linkshapes import METHOD_MARK_RE, only_links
from diffdata.parse.model import Block, Line
from diffdata.parse.names import is_name_list, looks_like_names
from diffdata.parse.prose import (
    is_field_record,
    is_label_text,
    numbered,
    opens_with_titled_link,
    wrapped_citation,
    wrapped_references,
)
from diffdata.parse.shapes import (
    CV_NUMBER_RE,
    TEXT_ARXIV_RE,
    is_bold_then_links,
    is_label_line,
    is_link_then_details,
    is_list_label,
    is_metadata,
    is_title_line,
    is_titled_links,
    names_a_work,
    opens_with_bold_title,
    opens_with_names,
    text_before,
    text_outside_links,
)
from diffdata.parse.siblings import line_from
from diffdata.parse.titletext import link_title
from diffdata.text import YEAR_RE, clean_space
from diffdata.venues import find_venues

if TYPE_CHECKING:
    from diffdata.parse.segment import Walker


def paragraph(w: Walker, block: Block) -> None:
    """Cut ``block``, a paragraph that is no list item's, into the entries its shape gives (see the module)."""
    lines = block.lines
    if len(lines) > 1 and all(is_bold_then_links(ln) and ln.bold[0][0] <= 2 for ln in lines):
        for ln in lines:  # "**Title A** [[paper](..)]" / "**Title B** [[paper](..)]": one entry a line
            w.block_entry(Block(block.type, ln.number, ln.number, [ln], level=block.level))
        return
    if (len(lines) > 2 and not lines[0].links and is_label_text(lines[0])
            and all(opens_with_titled_link(ln) for ln in lines[1:])):
        # "**Core papers**<br>" / "[Title A](..) (ICLR 2023)<br>" / "[Title B](..)": a label over its works
        w.sections.label = clean_space(lines[0].text.replace("\u2028", " ")).strip(" :：")
        for ln in lines[1:]:
            w.item(Block("item", ln.number, ln.number, [ln], level=block.level))
        return
    if (terms := definition_entries(lines)) is not None:
        for term in terms:  # "Title" / ":   Ho, Jain. NeurIPS 2020. <url>": a work a term, details under it
            w.block_entry(Block(block.type, term[0].number, term[-1].number, term, level=block.level))
        return
    if (refs := wrapped_references(lines)) is not None:
        for ln in refs:  # '[1] J. Ho, A. Jain, and P. Abbeel, "Title,"' / 'in Proc. NeurIPS, 2020.'
            w.item(Block("item", ln.number, ln.number, [ln], level=block.level))
        return
    if all(numbered(ln) for ln in lines) and not all(stands_as_reference(ln) for ln in lines):
        for ln in lines:  # "[4] Title, Ann Lee, [pdf](..)", "(5) Title. Ann Lee. NeurIPS 2022.": a numbered list
            w.item(Block("item", ln.number, ln.number, [line_from(ln, numbered(ln))], level=block.level))
        return
    if (whole := wrapped_citation(lines)) is not None:  # "Ho, J. (2020). Denoising diffusion" / "models. ..."
        w.block_entry(Block(block.type, block.start, block.end, [whole], level=block.level))
        return
    if all(stands_as_reference(ln) for ln in lines):
        for ln in lines:  # "Lee, A., 2011. Title. Journal." / "Chan, B. (2012). Title. Journal.": one a line
            w.block_entry(Block(block.type, ln.number, ln.number, [ln], level=block.level))
        return
    if len(lines) > 2 and TEXT_ARXIV_RE.match(lines[0].text.strip()) and is_field_record(lines):  # "arXiv:ID" /
        # "Title: T" / "Authors: ...": an arXiv listing's record, read from its title's line on, its id's after it
        w.block_entry(Block(block.type, lines[1].number, block.end, [lines[1], lines[0], *lines[2:]],
                            level=block.level))
        return
    if ((is_title_line(lines[0]) and len(lines) > 1 and (not CV_NUMBER_RE.match(lines[0].text) or all(
            is_metadata(ln) or only_links(ln) for ln in lines[1:])))  # "[12] **Title**" / names / venue, not
            # "[1] **Note**" / "All links go to arXiv. Check [here](..)."
            or is_bold_then_links(lines[0]) or is_titled_links(lines)
            or (opens_with_bold_title(lines[0]) and any(ln.links for ln in lines[1:]))
            or (_bold_name_then_title(lines[0]) and any(ln.links for ln in lines[1:])
                and all(is_metadata(ln) or only_links(ln) for ln in lines[1:]))  # not "Read it [here](..) first."
            or is_link_then_details(lines) or is_field_record(lines)  # "**Title:** T" / "**Venue:** .."
            or _link_then_labels(lines)  # "[Title](arxiv) <br>" / "[[ICLR 2023](openreview)] [[Code](..)]"
            or _plain_title_card(lines)):  # "Title" / "P. Kaur" / "ECCV 2022 — [paper](..)"
        w.block_entry(block)
        return
    if any(is_label_line(ln) for ln in lines):
        w.post(block)
        return
    if all(cites_a_work(ln) or cites_before_its_link(ln) for ln in lines):  # "Title, Lee, ICLR 2024 [[pdf](..)]"
        for ln in lines:
            w.item(Block("item", ln.number, ln.number, [ln], level=block.level))
        return
    if (len(lines) == 1 and block.followed_by_list and not lines[0].links
            and (lines[0].text.strip().endswith((":", "：")) or is_list_label(lines) or (
                is_title_line(lines[0]) and not re.search(r"[:.!?。]", lines[0].text.strip().rstrip(":："))))
            and len(lines[0].text.split()) <= 8):  # "Image editing:", "**2023**", "**Preprints (2024)**" over a
        # list: its section
        w.sections.label = clean_space(lines[0].text.strip().rstrip(":：").strip())
        return
    w.prose(block)


def _plain_title_card(lines: list[Line]) -> bool:
    """``Revisiting Rectified Flows`` / ``P. Kaur`` / ``ECCV 2022 — [paper](..)``: a title in plain words (three or
    more, title-cased, no link, no names, no sentence's end), then two or three lines of the work's names, venue
    and label links, a paper's among them."""
    first = lines[0]
    text = clean_space(first.text.replace("\u2028", " ")).strip()
    return (2 < len(lines) <= 4 and not first.links and not first.strong.strip() and len(text.split()) >= 3
            and title_cased(text) and not text.endswith((".", "!", "?", ":", "：")) and not looks_like_names(text)
            and all((is_metadata(ln) or only_links(ln)) and not is_label_line(ln) for ln in lines[1:])  # not a
            # post's "paper : url" lines (see Walker.post)
            and any(is_paper_url(lk.url) and (lk.image or is_label(lk.text)) for ln in lines[1:] for lk in ln.links))


def _link_then_labels(lines: list[Line]) -> bool:
    """``[Title](arxiv) <br>`` / ``[[ICLR 2023](openreview)] [[Code](github)]``: a titled link to a paper opening
    the paragraph (or a project page's, when those links name one paper), then only links that label it (a venue,
    a date, ``Code``, badges), maybe on lines of their own among the entry's names or venue. The venue's link is
    the same work's, whatever it points to."""
    if not opens_with_titled_link(lines[0]):
        return False
    lead = next(lk for lk in lines[0].links if not lk.image)
    rest = [lk for ln in lines for lk in ln.links if lk is not lead and not lk.image]
    ids = [identifiers_from_url(lk.url) for lk in rest]
    if not is_paper_url(lead.url) and (url_kind(lead.url) != "website" or not any(i.strong() for i in ids)
                                       or len({i.arxiv_id for i in ids if i.arxiv_id}) > 1):
        return False  # a project page over its one paper's links is that paper ("[DreamFusion](project) <br>
        # [[Paper](arxiv)]"); a repository over conference links, a post or a video over the paper it explains,
        # a page over two papers is not
    if not rest or not all(is_label(lk.text) or only_venue_or_date(lk.text.strip(" []()")) for lk in rest):
        return False
    outside = cut_links(lines[0], lines[0].links)[lead.col:]  # the first line after its title
    return (only_links(lines[0]) or only_venue_or_date(clean_space(outside).strip(" ()[]|,;·-–—\u2028"))) and all(
        only_links(ln) or is_metadata(ln) for ln in lines[1:])


def _bold_name_then_title(line: Line) -> bool:
    """``**DiffusionDet**: Diffusion Model for Object Detection <br>``: a method's bold name opening the line, then a
    colon and the rest of a title in title case (not ``**Update**: Added Papers From CVPR 2024``)."""
    if not line.bold or line.links or line.bold[0][0] > 2:
        return False
    col, name = line.bold[0]
    rest = named_continuation(line, col + len(name))
    return (len(rest.split()) >= 2 and title_cased(rest) and not is_label(name)
            and bool(METHOD_MARK_RE.search(name)))  # a method's name: DiffusionDet, DDPM, Pix2Pix; not "Update"


# a run of spaces is tried from its start only ("(?<!\s)"): one scan per run, not one per space
_PARTS_RE = re.compile(r"(?<!\s)\s+[·•|–—-]\s+|(?<!\b[A-Z])\.\s+|,\s+")


def cites_a_work(line: Line) -> bool:
    """A line of a paragraph (not a list) that cites one work before its label links: ``Title, Ann Lee, Bo Chan,
    ICLR 2024 [[paper](url)]``. It names a work, every link is a label or a badge, the words before them say a
    year, a venue, italic names or ``et al.``, and they are no sentence (``We released it at CVPR 2023
    [here](url).``)."""
    links = [lk for lk in line.links if not lk.image]
    if not links or not all(is_label(lk.text) for lk in links) or not names_a_work(line) or opens_with_names(line):
        return False  # "Ann Lee, Bo Chan · CVPR 2023 · [arXiv](..)": names and a venue, no title
    said = text_outside_links(line)  # "Title | [Paper](..) | [Code](..) | ICCV 2023": the venue may come last
    wordy = [c for c in _PARTS_RE.split(said) if c.strip(" .,;|[]()") and not only_venue_or_date(c.strip(" .,;|[]()"))]
    if len(wordy) == 1 and looks_like_names(wordy[0].strip(" .,;|[]()")):
        return False  # "Ann Lee · AAAI 2024 · [arXiv](..)": a name and a venue, no title
    return (bool(text_before(line, links[0].col).strip(" |")) and not is_sentence(said)
            and bool(YEAR_RE.search(said) or find_venues(said) or line.italic or "et al" in said))


# "Ann Lee, Bo Chan, and Cy Wu. 2022. ", "Lee, A., Chan, B. (2022). ": names and a year before the link
_NAMES_YEAR_RE = re.compile(r"\s*(?:\[\d{1,4}\]\s*)?(?P<names>[^\W\d][^()\[\]]{1,300}?)[.,]?\s+"
                            r"\(?(?:19|20)\d\d[a-z]?\)?[.,:]?\s*")


def cites_before_its_link(line: Line) -> bool:
    """A line of a paragraph citing one work, the ACL and ACM way, its title linked after the names and the year:
    ``Ann Lee, Bo Chan, and Cy Wu. 2022. [Title](url). In *ICLR*.``."""
    links = [lk for lk in line.links if not lk.image]
    if not links or link_title(links[0].text) is None or is_label(links[0].text):
        return False
    m = _NAMES_YEAR_RE.fullmatch(text_before(line, links[0].col))
    return m is not None and is_name_list(m["names"].strip(" .,"))


_DEFINITION_RE = re.compile(r"[:~][ \t]+")  # ":   what the term is", as PHP Markdown Extra and Pandoc write it


def definition_entries(lines: list[Line]) -> list[list[Line]] | None:
    """A definition list in one paragraph: ``Title`` then ``:   Ho, Jain. NeurIPS 2020. <url>`` lines; each term
    with its definitions (their markers cut), a work a term. None when the paragraph is no such list (its first
    line defines nothing, or one of its terms has no definition)."""
    if len(lines) < 2 or _DEFINITION_RE.match(lines[0].text) or not _DEFINITION_RE.match(lines[1].text):
        return None
    groups: list[list[Line]] = []
    for ln in lines:
        m = _DEFINITION_RE.match(ln.text)
        if m is None:
            if groups and len(groups[-1]) == 1:
                return None  # two terms in a row: no definition list
            groups.append([ln])
        else:
            groups[-1].append(line_from(ln, m.end()))
    return groups if len(groups[-1]) > 1 else None
