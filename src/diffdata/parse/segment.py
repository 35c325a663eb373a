"""Segmentation: which parts of a markdown document are entries, with their lines and their own links.

:func:`segments` walks a document's blocks once, keeping the section path (``sections.py``), and cuts them
into :class:`Segment` objects: a list item (with its badge and link lines, and its description), a table row
(its cells named by what their header means), a block of lines under a bold title, a paragraph with
``label : URL`` lines (a free-text post), or a link in running text (a paragraph outside a list is cut by its
shape in ``paragraphs.py``). Layout code decides boundaries and which
links belong to the entry; it never reads a field: ``fields.read_fields`` does that, the same way for all.

A paper linked in an entry's description or a post's text is a mention of its own, like a link in prose
(``cited``). Other links that are not an entry's go to the parse report with the reason (badges outside
entries, table-of-contents anchors, links in a heading, a homepage in prose, relative paths, links hidden
from readers in HTML comments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diffdata.identifiers import identifiers_from_url, is_paper_url, is_repository_page, url_kind
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.clauses import reads_as_announcement, title_cased
from diffdata.parse.columns import header_meaning, key_value_record, key_value_rows
from diffdata.parse.details import (
    details_list,
    joined_entry,
    labels_sublist,
    over_its_card,
    section_label,
)
from diffdata.parse.headingwork import heading_names_a_work, heading_papers
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import venue_then_labels
from diffdata.parse.linkshapes import around, only_links
from diffdata.parse.model import Block, Line, Link, Segment
from diffdata.parse.names import looks_like_names
from diffdata.parse.paragraphs import paragraph
from diffdata.parse.prose import (
    folded_entries,
    line_entry,
    prose_links,
    wrapped_head,
)
from diffdata.parse.report import Reporter, link_problem
from diffdata.parse.sections import Sections, heading_text, post_headings, reads_as_a_sentence
from diffdata.parse.shapes import (
    IDENTIFIER_TEXT_RE,
    LABEL_RE,
    METADATA_LABELS,
    POST_LABEL_RE,
    TEXT_ARXIV_RE,
    TEXT_DOI_RE,
    cites_in_passing,
    describes_entry,
    is_bold_then_links,
    is_label_line,
    is_list_label,
    is_title_line,
    labels_its_title,
    names_a_work,
    text_before,
    text_outside_links,
    titled_by_label,
)
from diffdata.parse.siblings import (
    labels_its_works,
    line_from,
    parts,
    shared_aside,
    sibling_entries,
    sibling_links,
)
from diffdata.parse.tables import filled_from_above, table_row
from diffdata.text import clean_space, strip_emoji


@dataclass
class Walker(Reporter):
    """One walk over a document's blocks: the segments cut so far, the section path, the report."""

    out: list[Segment] = field(default_factory=list)
    sections: Sections = field(default_factory=Sections)
    heading_above: str | None = None  # the text of the heading right before the current block
    last_row: Segment | None = None  # the last entry of the table rows just read
    # of each entry whose description is read (by id: every entry stays in `out` while the walk lasts, and its
    # links are only appended to): how many of its links were seen, whether one is a paper's, and their arXiv ids,
    # kept up to date link by link (a description of many links costs linear time)
    own_links: dict[int, tuple[int, bool, set[str]]] = field(default_factory=dict)

    def section(self) -> list[str]:
        return self.sections.path()

    def heading_entry(self, block: Block) -> Segment:
        """A heading that links a paper: an entry whose description may follow in paragraphs."""
        seg = self.segment(block, "heading", list(block.lines))
        seg.note_skip_links = False
        for ln in block.lines:
            for lk in ln.links:
                self.take(seg, lk, "title" if not lk.image and lk is ln.links[0] else None)
        return seg

    def segment(self, block: Block, layout: str, lines: list[Line]) -> Segment:
        seg = Segment(self.source, block.start, max(block.end, lines[-1].number if lines else block.start),
                      self.section(), layout, lines, heading=self.heading_above, list_venue=self.sections.doc_venue)
        self.out.append(seg)
        return seg

    def block_entry(self, block: Block) -> None:
        """A bold title, then lines of authors, venue and links, dates and notes."""
        seg = self.segment(block, "block", block.lines)
        seg.needs_links = True  # a bold sentence without a link ("**Welcome to ...!**") names no work
        for ln in block.lines:
            for lk in ln.links:
                self.take(seg, lk)

    def post(self, block: Block) -> None:
        """Free text with ``label : URL`` lines; links elsewhere in the text mention other works."""
        seg = self.segment(block, "post", block.lines)
        seg.note_from, seg.note_skip_links, seg.needs_links = 0, False, True
        if self.sections.post_heading:
            seg.notes.append(self.sections.post_heading)
        works = not all(is_repository_page(lk.url) for ln in block.lines if POST_LABEL_RE.match(ln.text.strip())
                        for lk in ln.links)  # "**Link**: github.com/o/r/pulls" under "## Contributing": no work
        for ln in block.lines:
            m = POST_LABEL_RE.match(ln.text.strip())
            if m and ln.links and not works:
                self.note_links([ln], "link in a post's label line to a website, not a listed work")
            elif m and ln.links:
                seg.label_lines.add(ln.number)
                for lk in ln.links:
                    self.take(seg, lk, m.group("label").strip())
            else:
                for j in range(len(ln.links)):
                    self.cited(ln, j, "link in a post's text mentions another work")

    def item(self, block: Block) -> Segment | None:
        """A list item: an entry when it opens with a link or a bold title, or names a work before its links.

        The entry's links are those on its first line and on lines of links or badges; links inside its
        description mention other works (a paper link there identifies an entry that has none)."""
        lines = wrapped_head(block.lines)  # "1. Ho, J. (2020). Denoising diffusion" / "models. In *NeurIPS*."
        first = lines[0]
        if (box := _TASK_BOX_RE.match(first.text)) and not any(lk.col < box.end() for lk in first.links):
            first = line_from(first, box.end())  # "- [x] **Brisk** — [..](..)": a task list's box, no part of it
            lines = [first, *lines[1:]]
        if folded := folded_entries(lines):  # "- [A](..) - Ann Lee, ICML 2021" / "🔹 [B](..) - Bo Chan, ICLR 2022":
            lines, folded_in = lines[:folded], lines[folded:]  # entries CommonMark folded into the item's text
        else:
            folded_in = []
        lead = next((lk for lk in first.links if not lk.image), None)
        before = text_before(first, lead.col).strip(" ()[]【】|:-–—") if lead is not None else ""
        if lead is not None and not lead.url.startswith("#") and labels_its_works(first, lead.col):
            layout, first = "bullet", line_from(first, lead.col)  # "- **Editing**: [A](..) (ICLR'24); [B](..)"
            lines = [first, *lines[1:]]
        elif lead is not None and not lead.url.startswith("#") and (
                not before or only_venue_or_date(before) or labels_its_title(first, lead.col)):
            layout = "bullet"  # "- [Title](url)", "- CVPR 2023 | [Title](url)", "- Paper: [Title](url)"
        elif (is_title_line(first) and any(ln.links for ln in lines)) or is_bold_then_links(first):
            layout = "block"
        elif names_a_work(first) and (any(lk for ln in lines for lk in ln.links if not lk.url.startswith("#"))
                                       or TEXT_ARXIV_RE.search(first.text) or TEXT_DOI_RE.search(first.text)):
            layout = "item"
        elif not any(ln.links for ln in lines) and reads_as_announcement(first.text):
            self.note(first.number, "info", "news of a work, not a work", text=clean_space(first.text))
            return None  # "[2024.07.01] SiT is accepted by **ECCV 2024**!"
        elif not any(ln.links for ln in lines) and (names_a_work(first) or TEXT_ARXIV_RE.search(first.text)
                                                     or TEXT_DOI_RE.search(first.text)):
            # "- (CVPR 24') **Name**: Title" with links in a sub-list, "- Title, ICLR 2024", "- [arXiv 2305.00003]"
            seg = self.segment(block, "item", lines)
            seg.needs_links = True
            return seg
        else:
            self.prose(block)
            return None
        cuts = sibling_links(first) if layout == "bullet" else []
        if cuts:  # "- [Alpha ...](..) · [Beta ...](..)": works of their own, each its part of the line
            first, *others = shared_aside(parts(first, cuts))  # "... — both ICCV 2023": each its venue
            lines = [first, *lines[1:]]
        seg = self.segment(block, layout, lines)
        seg.note_skip_links = layout == "block"
        for i, ln in enumerate(lines):
            own = (i == 0 or layout == "block" or only_links(ln) or (layout == "item" and i <= 2)
                   or venue_then_labels(ln)  # "ICLR 2021. [[pdf]](openreview) [[code]](..)" under the title
                   or (layout == "item" and is_label_line(ln)))  # "url: https://..." after its fields
            for j, lk in enumerate(ln.links):
                if (own or lk.image) and not (i == 0 and layout == "bullet" and j and cites_in_passing(ln, j)):
                    self.take(seg, lk, "title" if lk is lead else None)
                else:
                    self.description_link(seg, ln, j)
        sibling_entries(self, others if cuts else [])
        if folded_in:
            seg.end_line = lines[-1].number
            for ln in folded_in:
                line_entry(self, ln)
        return seg

    def metadata(self, seg: Segment, block: Block) -> None:
        """A sub-item of an entry that is part of it (``- Authors...``, ``- Publisher: ICLR 2024``,
        ``- Code: [official](url)``, a line of badges): its lines and links are the entry's."""
        seg.lines.extend(block.lines)
        seg.end_line = max(seg.end_line, block.end)
        label = LABEL_RE.match(block.lines[0].text)
        for ln in block.lines:
            for lk in ln.links:
                self.take(seg, lk, label.group(1).strip().lower() if label else None)

    def description(self, seg: Segment, lines: list[Line]) -> None:
        """A later paragraph of a list item continues its note; an item with no link of its own takes its links."""
        own = not any(x.url for _, x in seg.links) and all(  # "[[Paper](..)] [[Code](..)]", not "[DDPM](..), [LDM](..)"
            is_label(lk.text) or lk.image or IDENTIFIER_TEXT_RE.fullmatch(lk.text.strip())  # "[arXiv:2205.12454](..)"
            for ln in lines for lk in ln.links)
        before = seg.lines[-1].text.rstrip() if seg.lines else ""
        seg.lines.extend(lines)
        seg.end_line = max(seg.end_line, lines[-1].number)
        for ln in lines:
            introduced, before = before.endswith((":", "：")), ln.text.rstrip()  # "Builds on prompt-to-prompt:"
            if own and ln.links:
                for lk in ln.links:
                    self.take(seg, lk)
                continue
            badges = only_links(ln)  # a line of badges under the description is the entry's, and so is a line
            labels = badges and all(lk.image or is_label(lk.text) for lk in ln.links) and not introduced  # of
            # label links alone ("[Paper](..) | [Code](..)", "[OpenReview](..)"), unless a line says they are another's
            for j, lk in enumerate(ln.links):
                if badges and (lk.image or labels):
                    self.take(seg, lk)
                else:
                    self.description_link(seg, ln, j)

    def description_link(self, seg: Segment, ln: Line, j: int) -> None:
        """Link ``j`` of a line of an entry's description: a paper link identifies an entry whose own links are
        a web page and no paper ("[Yang Song webpage](..)" stays a website), a link to the arXiv id of one of the
        entry's own links is the entry's again ("earlier version: [arXiv:ID v1](..)"); any other mentions another
        work."""
        lk = ln.links[j]
        seen, paper, arxiv_ids = self.own_links.get(id(seg), (0, False, set()))
        for _, x in seg.links[seen:]:
            if x.url:
                paper = paper or is_paper_url(x.url)
                if arxiv := identifiers_from_url(x.url).arxiv_id:
                    arxiv_ids.add(arxiv)
        self.own_links[id(seg)] = (len(seg.links), paper, arxiv_ids)
        first = next((x.url for _, x in seg.links if x.url), None)
        if is_paper_url(lk.url) and first and url_kind(first) == "website" and not paper:
            self.take(seg, lk, "description")
        elif (arxiv := identifiers_from_url(lk.url).arxiv_id) and arxiv in arxiv_ids:  # "; earlier version:
            self.take(seg, lk, "description")  # [arXiv:..v1](..)": the entry's own paper again, no other work
        else:
            self.cited(ln, j, "link in a description mentions another work")

    def cited(self, ln: Line, j: int, reason: str) -> None:
        """Link ``j`` of a line of an entry's running text (its description, a post's text) mentions another
        work: a paper it links is a mention of its own, read like a link in prose; any other link is reported."""
        lk = ln.links[j]
        if lk.image or not lk.url or not is_paper_url(lk.url):
            self.note_link(lk, reason)
            return
        seg = Segment(self.source, ln.number, ln.number, self.section(), "prose", [around(ln, ln.links, j)])
        self.out.append(seg)
        self.take(seg, lk, "cited")

    def prose(self, block: Block) -> None:
        """Links in running text (``prose.py``)."""
        prose_links(self, block)

    def take(self, seg: Segment, lk: Link, label: str | None = None) -> None:
        """Make ``lk`` one of the entry's links."""
        if lk.unbalanced:
            self.note(lk.line, "warning", "link with unbalanced brackets or parentheses; read as a plain URL",
                      lk.url, lk.text)
        if lk.image and lk.image_src:
            self.note(lk.line, "info", "badge image", lk.image_src, lk.text)
        if not lk.url:
            return
        if lk.image and not lk.image_src:
            self.note_link(lk, "image")  # an image outside a link: its source is no work's address
            return
        problem = link_problem(lk.url)
        if problem:
            self.note_link(lk, *problem)
            return
        seg.links.append((label, lk))


_TASK_BOX_RE = re.compile(r"\s*\[[ xX]\]\s+(?=\S)")  # "[ ] ", "[x] " opening a task list's item


def _no_field(line: Line) -> bool:
    """An item's line that names a work rather than a field: no ``Label: value``, or a title's label, or a title
    after a name (``ProtDiff: Taming Latent Diffusion for ...``: three words or more in title case)."""
    label = LABEL_RE.match(line.text)
    rest = line.text[label.end() - 1:].strip() if label else ""
    return label is None or titled_by_label(line) or (
        label.group(1).strip(" *_").lower() not in METADATA_LABELS and len(rest.split()) >= 3 and title_cased(rest))


_MARKS_RE = re.compile(r"[\[\]()|,;:.·•/\-–—]+")


def _beside_but_no_detail(title: Segment, block: Block) -> bool:
    """An item beside a bold title alone (its details written as items of the same list) that is no detail of
    it: ``- [Paper](url): Title B``, a work of its own named after its label link, or, before any detail, a
    plain ``- CVPR 2023``, a label of the items after it (``- 🏛️ ICLR 2024`` is a detail)."""
    ln = block.lines[0]
    words = clean_space(_MARKS_RE.sub(" ", strip_emoji(text_outside_links(ln)))).strip()
    if ln.links and len(words.split()) >= 3 and not looks_like_names(words) and not only_venue_or_date(words):
        return True
    return title.end_line == title.line and is_list_label(block.lines) and strip_emoji(ln.text)[:1] == ln.text[:1]


def segments(source: str, all_blocks: list[Block], report: list[dict]) -> list[Segment]:
    """Cut a document's blocks into entry segments; links that are no entry's go to ``report``."""
    w = Walker(source, report)
    current: Segment | None = None  # the list item whose description may continue in later paragraphs
    current_level = 0  # its list depth: deeper items may be its metadata
    post_heading = post_headings(all_blocks)
    attach_to = -1  # the items up to this block belong to `current` as its metadata (a title paragraph's list)
    bare_title: Segment | None = None  # the current item when it is a bold title alone, with no link of its own
    joined = -1  # a block already read as part of the block before it
    above_row: Block | None = None  # the table row right above, its empty year and venue cells filled
    current_at = 0  # the block of the last list item read as an entry
    for i, block in enumerate(all_blocks):
        prev = all_blocks[i - 1] if i else None
        above = heading_text(prev) if prev is not None and prev.type == "heading" else None
        w.heading_above = above if above and not reads_as_a_sentence(above) else None  # a sentence is no title
        for_hidden = block.lines if block.type != "row" else [ln for c in block.cells for ln in c]
        w.hidden(for_hidden)
        if block.type != "row" or (above_row is not None and above_row.end + 1 != block.start):
            above_row = None  # another table (a heading or a blank line between), or no table
        if i <= joined:
            continue  # read with a block before it
        if block.type == "heading":
            if heading_names_a_work(all_blocks, i):  # `### [Title](arxiv)`, `### Title` over its links only
                current = w.heading_entry(block)  # a paper as a heading, not a section
                current_level = 0  # any item under it may be its metadata ("- **Authors**: ...")
                continue
            w.sections.heading(block, i in post_heading, (i == 0 and block.start <= 2) or (i <= 2 and all(
                b.type in ("html", "hidden") and not any(ln.text.strip() or ln.links for ln in b.lines)
                for b in all_blocks[:i])))  # "<div align="center">" / "# Title": the document's title
            heading_papers(w, block)  # "# Awesome Foo [![arXiv](badge)](arxiv/ID)": the list's own paper
            current = None
            continue
        w.sections.last_heading_empty = False
        w.last_row = w.last_row if block.type == "row" else None
        if block.type == "hidden":
            continue  # its URLs were noted above
        if block.type == "row":
            if record := key_value_rows(all_blocks, i):  # "| **Title** | ... |" / "| **Authors** | ... |": one work
                block, joined = key_value_record(all_blocks, record), record[-1]
            meanings = [header_meaning(h) for h in block.header]
            if not record:  # "| | | [B](..) |" under "| 2024 | CVPR | [A](..) |": the year and venue of the row above
                block = filled_from_above(block, above_row, meanings)
            table_row(w, block, meanings)
            above_row = block
            current = None
        elif block.type == "item":
            if current is not None and block.level > current_level and (
                    i <= attach_to or describes_entry(block.lines)
                    or (current.needs_links and not current.links and all_blocks[current_at].start == current.line
                        and over_its_card(all_blocks, current_at))):  # "- Title" / "  - Lee · ICML 2023 · [arXiv](..)"
                w.metadata(current, block)
                bare_title = None  # its details are nested: the items beside it are works of their own
                continue
            if (current is not None and current is bare_title and block.level == current_level and (
                    not is_title_line(block.lines[0]) or only_venue_or_date(strip_emoji(block.lines[0].text).strip()))
                    and not titled_by_label(block.lines[0])
                    and not (LABEL_RE.match(block.lines[0].text) and _no_field(block.lines[0]))  # "2. Name: A Title"
                    and describes_entry(block.lines) and not _beside_but_no_detail(current, block)):
                # "-  **Title**" then "  - 👥 Ann Lee", "  - 📝 [Paper](..)", "  - 🏛️ ICLR 2024" (not the next
                # "-  **Title**"): two spaces after the marker made the details items of their own, beside the
                # title's (markdown needs three to nest them)
                w.metadata(current, block)
                continue
            w.sections.leave_items(block.level)
            if is_list_label(block.lines) or labels_sublist(all_blocks, i):  # "* 2019:", "- CVPR 2023",
                # "- Image Editing" over a sub-list of works: a section of the items
                w.sections.item_labels.append((block.level, clean_space(block.lines[0].text).rstrip(":：").strip()))
                current = None
                continue
            current, current_level, current_at = w.item(block), block.level, i
            bare_title = current if (current is not None and current.needs_links and not current.links
                                     and current.layout == "item" and _no_field(current.lines[0])
                                     ) else None  # "- **Title**", "- Paper: Title", "1. Title" (its fields in the
            # items after it: two spaces do not nest them under "1."), not "- Item Type: Journal Article"
        elif block.type == "paragraph" and current is not None and (block.in_item or current.layout == "heading"):
            w.description(current, block.lines)
        elif block.type in ("paragraph", "html"):
            current = None
            if block.level == 0 and not (w.sections.label_over_posts and any(is_label_line(ln) for ln in block.lines)):
                w.sections.label, w.sections.label_over_posts = None, False
            if label := section_label(all_blocks, i):  # "**Diffusion for video**" over paragraphs of "Paper: url"
                w.sections.label, w.sections.label_over_posts = label, not block.summary  # lines, a <summary>
                continue
            if joined_block := joined_entry(all_blocks, i):  # a title and the blocks that detail its work
                entry, joined = joined_block
                w.block_entry(entry)
                continue
            own = details_list(all_blocks, i) if block.type == "paragraph" else []
            if own:
                # "[3] FooNeRF: Bar Fields" then "- Paper: url" / "- Code: url", or "**[B7] Title**" then
                # "- Lee, Chan · 2021 · arXiv 2101.00001 · url": a title, its details listed under it
                current, current_level = w.segment(block, "block", block.lines), block.level
                current.needs_links = True
                attach_to = own[-1]
                continue
            paragraph(w, block)
    return w.out
