"""A markdown document as a list of blocks, from one walk over markdown-it-py's token stream.

markdown-it-py gives block tokens with source line maps; :func:`blocks` turns them into
:class:`~diffdata.parse.model.Block` objects (headings, paragraphs, list items, table rows, HTML blocks,
hidden HTML) in source order. Inline tokens are read by ``inline.py``, raw HTML by ``rawhtml.py``.
"""

from __future__ import annotations

import re
from itertools import islice

from markdown_it import MarkdownIt
from markdown_it.token import Token

from diffdata.identifiers import is_paper_url
from diffdata.parse.bibfence import is_bibtex
from diffdata.parse.inline import ANY_URL_RE, TRAILING_PUNCT, bare_urls, inline_lines
from diffdata.parse.mdrules import speed_up
from diffdata.parse.model import Block, Line
from diffdata.parse.names import looks_like_names
from diffdata.parse.rawhtml import component_lines, html_lines, html_rows, opens_summary
from diffdata.parse.rows import is_pipe_rows, pipe_rows
from diffdata.parse.shapes import is_title_line
from diffdata.parse.tagged import TAGGED_FENCES, is_tagged
from diffdata.text import YEAR_RE

_HTML_HEADING_RE = re.compile(r"<h([1-6])\b[^>]*>(?:(?!</?h[1-6]\b).)*</h\1\s*>", re.I | re.S)
# An HTML block a reader never sees: a comment, or an element with the `hidden` attribute or display:none.
_HIDDEN_BLOCK_RE = re.compile(r"\s*(?:<!--|<[a-z][^>]*(?:\shidden(?:[\s=>/])|display\s*:\s*none))", re.I)


# How deep lists and quotes may nest before markdown-it stops parsing them (its default is 20). Links deeper
# than this are not lost: parse.py reports them as not read.
MAX_NESTING = 64


def _identity_link(url: str) -> str:
    return url


def new_parser() -> MarkdownIt:
    """A CommonMark parser with GFM tables; link targets are kept exactly as written."""
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    md.normalizeLink = _identity_link  # type: ignore[method-assign]
    md.normalizeLinkText = _identity_link  # type: ignore[method-assign]
    return speed_up(md)


def blocks(text: str, md: MarkdownIt | None = None, inner: bool = False) -> list[Block]:
    """The document's blocks in source order (``inner``: a part of an HTML block, see :func:`markdown_in_html`,
    whose own HTML blocks are read as they are: each line is parsed twice at most)."""
    md = md or new_parser()
    tokens = md.parse(text)
    source_lines = text.split("\n") if "|" in text else []
    out: list[Block] = []
    depth = 0
    item_first_para: list[bool] = []
    header: list[str] = []
    row: Block | None = None
    cell_token_open = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if out and out[-1].type in ("paragraph", "item") and not out[-1].followed_by_list:
                out[-1].followed_by_list = True
        elif t in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif t == "list_item_open":
            item_first_para.append(True)
        elif t == "list_item_close":
            item_first_para.pop()
        elif t == "heading_open":
            inline = tokens[i + 1]
            start = (tok.map or [0, 1])[0] + 1
            lines = inline_lines(inline, start)
            if (tok.markup == "-" or (tok.markup == "=" and any(is_paper_url(lk.url) for ln in lines
                                                                 for lk in ln.links))) and len(lines) > 1 and any(
                    ln.links for ln in lines) and is_title_line(lines[0]):  # "===" under a title: a paper's only
                # an entry's bold title, lines and links, then "---" or "===" to part it from the next: CommonMark
                # makes them a heading, its writer meant a paragraph (a heading of two lines without a link stays one)
                first = bool(item_first_para) and item_first_para[-1]
                if first:
                    item_first_para[-1] = False  # an item's first paragraph is the item, as below
                out.append(Block("item" if first else "paragraph", start, start + len(lines) - 1, lines, level=depth,
                                 in_item=bool(item_first_para) and not first))
            else:
                out.append(Block("heading", start, start, lines, level=int(tok.tag[1])))
            i += 2
        elif t == "paragraph_open":
            inline = tokens[i + 1]
            start, end = (tok.map or [0, 1])
            cards = _component_cards(inline.content, start + 1) if (
                not item_first_para and inline.content.startswith(("{{", "<"))) else []
            lines = inline_lines(inline, start + 1) if not cards else []
            if cards:  # shortcodes {{< paper title=".." >}} (one a line), an MDX component: cards of fields
                out.extend(Block("paragraph", c[0].number, c[0].number, c, level=depth) for c in cards)
            elif item_first_para and item_first_para[-1]:
                item_first_para[-1] = False
                out.append(Block("item", start + 1, end, lines, level=depth))
            elif not item_first_para and is_pipe_rows(lines):
                out.extend(pipe_rows(lines))  # a table without its |---| line: GitHub shows text, a reader rows
            elif not item_first_para and _may_be_tagged(inline.content) and is_tagged(
                    raw := inline.content.split("\n")):
                # "%A Ho, J." / "%T Title", "TI  - Title": EndNote or RIS records (parse.tagged)
                out.append(Block("tagged", start + 1, end, [Line(start + 1 + n, text=t) for n, t in enumerate(raw)]))
            elif not item_first_para and all(_cited_then_urls(ln) for ln in lines):
                # "Title. Ann Lee, Bo Chan. In CVPR, 2023. https://arxiv.org/abs/...": a reference a line
                out.extend(Block("item", ln.number, ln.number, [ln], level=depth + 1) for ln in lines)
            else:
                out.append(Block("paragraph", start + 1, end, lines, level=depth, in_item=bool(item_first_para)))
            i += 2
        elif t == "thead_open":
            header = []
        elif t == "tr_open":
            start = (tok.map or [0, 1])[0] + 1
            row = Block("row", start, start, [], header=header)
        elif t in ("th_open", "td_open"):
            cell_token_open = True
        elif t == "inline" and cell_token_open and row is not None:
            cell = inline_lines(tok, row.start)
            row.cells.append(cell)
        elif t in ("th_close", "td_close"):
            cell_token_open = False
        elif t == "tr_close" and row is not None:
            if _is_header_row(tokens, i):
                header[:] = [" ".join(ln.text for ln in c).strip() for c in row.cells]
            else:
                if header and len(row.cells) == len(header):
                    row.cells.extend(_excess_cells(source_lines, row.start, len(header)))
                merged = Line(row.start)
                for c in row.cells:
                    for ln in c:
                        merged.links.extend(ln.links)
                        merged.text += ln.text + " | "
                row.lines = [merged]
                row.header = list(header)
                out.append(row)
            row = None
        elif t == "fence" and is_bibtex(tok.info, tok.content):  # BibTeX pasted in: read by parse.bibfence
            start = (tok.map or [0, 1])[0] + 2
            lines = [Line(start + n, text=raw) for n, raw in enumerate(tok.content.splitlines())]
            out.append(Block("bibtex", start, start + max(len(lines) - 1, 0), lines, level=depth))
        elif t == "fence" and (tok.info.strip().lower() in TAGGED_FENCES or (
                tok.info.strip().lower() in _PLAIN_FENCES and is_tagged(tok.content.splitlines()))):
            start = (tok.map or [0, 1])[0] + 2  # RIS or EndNote records pasted in: read by parse.tagged
            lines = [Line(start + n, text=raw) for n, raw in enumerate(tok.content.splitlines())]
            out.append(Block("tagged", start, start + max(len(lines) - 1, 0), lines, level=depth))
        elif t == "fence" and tok.info.strip().lower() in _PLAIN_FENCES:
            start = (tok.map or [0, 1])[0] + 2  # the line after the opening fence
            lines = []
            for n, raw in enumerate(tok.content.splitlines()):
                lines.append(Line(start + n, text=raw, other=raw))
                bare_urls(lines[-1])
            listed = _preformatted_list(f"<pre>{tok.content}</pre>", lines)  # "```" / "Title https://..." / "```"
            out.extend(Block("item", ln.number, ln.number, [ln], level=depth + 1) for ln in listed)
        elif t == "html_block":
            start, end = (tok.map or [0, 1])
            if _HIDDEN_BLOCK_RE.match(tok.content):  # not rendered: its URLs are noted, none is a link
                hidden = [Line(start + 1 + n, hidden=[m.group(0).rstrip(TRAILING_PUNCT)
                                                      for m in ANY_URL_RE.finditer(raw)])
                          for n, raw in enumerate(tok.content.splitlines())]
                out.append(Block("hidden", start + 1, end, hidden or [Line(start + 1)], level=depth))
                i += 1
                continue
            if (card := component_lines(tok.content, start + 1)) is not None:  # <PaperCard title=".." url=".." />
                out.append(Block("paragraph", start + 1, end, card, level=depth))
                i += 1
                continue
            if m := _HTML_HEADING_RE.fullmatch(tok.content.strip()):  # <h1 align="center">Title</h1>
                out.append(Block("heading", start + 1, end, html_lines(tok.content, start + 1), level=int(m.group(1))))
                i += 1
                continue
            if not inner and (part := markdown_in_html(tok.content)) is not None:  # "<details><summary>2022
                # </summary>" / "- [Title](..) - Ann Lee" / ... with no blank line after the tags: the list meant
                lo, hi = part
                raw = tok.content.split("\n")
                out.extend(_html_part(raw[:lo], start + 1, depth))
                out.extend(_shifted(blocks("\n".join(raw[lo:hi]), md, inner=True), start + lo))
                out.extend(_html_part(raw[hi:], start + 1 + hi, depth))
                i += 1
                continue
            rows = html_rows(tok.content, start + 1) if "<tr" in tok.content.lower() else []
            lines = [] if rows else html_lines(tok.content, start + 1)
            pre = _preformatted_list(tok.content, lines) if "<pre" in tok.content.lower() else []
            listed = [[ln] for ln in pre] or (_list_items(tok.content, lines) if "<li" in tok.content.lower() else [])
            if listed:  # "<pre>" / "Title https://arxiv.org/abs/...", or "<li><a href=..>Title</a>, A. Lee</li>"
                taken = {id(ln) for item in listed for ln in item}
                out.append(Block("html", start + 1, end, [ln for ln in lines if id(ln) not in taken], level=depth))
                out.extend(Block("item", it[0].number, it[-1].number, it, level=depth + 1) for it in listed)
            else:
                out.extend(rows or _html_paragraphs(lines, start + 1, end, depth))
            if not rows and not listed:
                out[-1].summary = opens_summary(tok.content)
                out[-1].closes_details = "</details" in tok.content.lower()
        i += 1
    return out


_MD_ITEM_RE = re.compile(r"\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S.*\]\(")  # "- [Title](url) ...", "1. ... [x](url)"
_MD_GOES_ON_RE = re.compile(r"\s+\S")  # an item's indented line (its second line, a sub-item)


def markdown_in_html(content: str) -> tuple[int, int] | None:
    """The lines ``[lo, hi)`` of an HTML block that are a markdown list, when its tags stand only before and
    after them (``<details>`` / ``<summary>2022</summary>`` / ``- [Title](url) - names`` / ``</details>``, no
    blank line after the tags: CommonMark makes all of it one HTML block, its writer meant a list)."""
    raw = content.split("\n")
    items = [k for k, line in enumerate(raw) if _MD_ITEM_RE.match(line)]
    if not items or "<" not in "".join(raw[: items[0]]):
        return None
    lo, hi = items[0], items[-1] + 1
    while hi < len(raw) and _MD_GOES_ON_RE.match(raw[hi]) and "<" not in raw[hi]:
        hi += 1
    inside = raw[lo:hi]
    if any(not (_MD_ITEM_RE.match(line) or _MD_GOES_ON_RE.match(line)) or _TAG_LINE_RE.match(line) or "</" in line
           for line in inside):
        return None  # tags or text among the items, a closing tag after one: an HTML element, not a list in one
    return lo, hi


_TAG_LINE_RE = re.compile(r"\s*<[a-zA-Z/][^>]*>")  # a line opening with a tag


def _shifted(found: list[Block], by: int) -> list[Block]:
    """``found`` (blocks of a part of the document parsed alone) with their line numbers moved down ``by`` lines."""
    seen: set[int] = set()
    for b in found:
        b.start, b.end = b.start + by, b.end + by
        for ln in [*b.lines, *(ln for cell in b.cells for ln in cell)]:
            if id(ln) not in seen:
                seen.add(id(ln))
                ln.number += by
                for lk in ln.links:
                    if id(lk) not in seen:
                        seen.add(id(lk))
                        lk.line += by
    return found


def _html_part(raw: list[str], first: int, depth: int) -> list[Block]:
    """Lines of an HTML block around the markdown in it (see :func:`markdown_in_html`), as its other lines are
    read: ``<summary>`` opens a folded section, ``</details>`` closes it."""
    content = "\n".join(raw)
    if not content.strip():
        return []
    found = _html_paragraphs(html_lines(content, first), first, first + len(raw) - 1, depth)
    found[-1].summary = opens_summary(content)
    found[-1].closes_details = "</details" in content.lower()
    return found


def _component_cards(content: str, first_line: int) -> list[list[Line]]:
    """A paragraph that is one component naming a work (an MDX ``<PaperCard ... />`` over several lines), or a
    component a line (Hugo's ``{{< paper ... >}}``): each as its card's field lines; empty otherwise."""
    whole = component_lines(content, first_line)
    if whole is not None:
        return [whole]
    cards = [component_lines(raw, first_line + n) for n, raw in enumerate(content.split("\n"))]
    return [c for c in cards if c is not None] if all(cards) else []


_OPENS_CAPITAL_RE = re.compile(r"[\W\d]*[^\W\d_a-z]")  # past markers, a capital: a title, not "git clone"
_PLAIN_FENCES = frozenset({"", "text", "txt", "plain", "plaintext", "md", "markdown"})  # not code
def _html_paragraphs(lines: list[Line], start: int, end: int, depth: int) -> list[Block]:
    """An HTML block as the paragraphs a reader sees: its lines cut where a line holds only tags (``<p>``,
    ``</p>``, ``<br>``), so that ``<p><a href=url><b>Title</b></a><br>`` / ``Ann Lee, Bo Chan<br>`` /
    ``<i>CVPR 2023</i></p>`` is read like the same lines in markdown."""
    out: list[Block] = []
    group: list[Line] = []
    for ln in [*lines, Line(end + 1)]:
        if ln.text.strip() or ln.links or ln.hidden:
            group.append(ln)
        elif group:
            out.append(Block("html", group[0].number, group[-1].number, group, level=depth))
            group = []
    return out or [Block("html", start, end, lines, level=depth)]


_SENTENCE_END_RE = re.compile(r"\w\w[.?!](?:\s|$)")  # "Bar. " ends a sentence, "A. " (an initial) does not
_PRE_RE = re.compile(r"<pre\b[^>]*>(.*?)</pre\s*>", re.I | re.S)


def _preformatted_list(content: str, lines: list[Line]) -> list[Line]:
    """The lines of an HTML block's ``<pre>`` element when it is a plain list, one work a line: every line
    written in it names something in two words or more, then gives its URLs as plain text (``Title
    https://arxiv.org/abs/...``). Empty when any line of it is otherwise (a line of code, of prose, of
    ``label: URL``)."""
    out: list[Line] = []
    for m in _PRE_RE.finditer(content):
        first = content.count("\n", 0, m.start(1))
        for ln in lines[first: first + m.group(1).count("\n") + 1]:
            if ln.text.strip() or ln.links:
                if not _names_then_urls(ln):
                    return []
                out.append(ln)
    return out


_LI_LINE_RE = re.compile(r"\s*<li\b[^>]*>", re.I)
_LIST_END_RE = re.compile(r"</(?:li|ul|ol)\s*>", re.I)


def _list_items(content: str, lines: list[Line]) -> list[list[Line]]:
    """The lines of an HTML block's list items, an item's lines together: ``<li><a href="url">Title</a>, Ann
    Lee. CVPR 2023.</li>``, or an item written over lines (``<li>`` / ``Title (CVPR 2023)`` / ``<a href="url">
    paper</a>`` / ``</li>``), read as list items, not as running text. Lines holding only tags are left out; a
    line opening two items or more is not read as one."""
    raw = content.split("\n")
    out: list[list[Line]] = []
    item: list[Line] | None = None
    for n, ln in enumerate(lines[: len(raw)]):
        opens = raw[n].lower().count("<li")
        if opens:
            item = [] if opens == 1 and _LI_LINE_RE.match(raw[n]) else None
            if item is not None:
                out.append(item)
        if item is not None and (ln.text.strip() or ln.links):
            item.append(ln)
        if _LIST_END_RE.search(raw[n]):
            item = None
    return [it for it in out if it]


def _may_be_tagged(text: str) -> bool:
    """A paragraph that opens as an EndNote (``%0 ...``) or RIS (``TY  - ...``) record may be one."""
    return text.startswith("%") or text[2:6] == "  - "


def _cited_then_urls(line: Line) -> bool:
    """A line of a paragraph that cites a work, then gives its URLs as plain text: its words (see
    :func:`_names_then_urls`) are sentences, two or more, one of the first two names the authors, and they
    name a year (``Title. Ann Lee. In CVPR, 2023. https://...``): no sentence of prose (``Check out our new
    paper. It is at CVPR 2023. https://...``)."""
    if not _names_then_urls(line):
        return False
    head = line.text[: line.links[0].col]
    ends = [m.end() for m in islice(_SENTENCE_END_RE.finditer(head), 3)]
    if len(ends) < 2 or not YEAR_RE.search(head):
        return False
    first, second = head[: ends[0]], head[ends[0]: ends[1]]  # one of them names the authors
    return any(looks_like_names(part.strip(" .")) for part in (first, second))


def _names_then_urls(line: Line) -> bool:
    """``Some Title, ICML 2021 https://arxiv.org/abs/2102.00001``: words, then bare URLs only."""
    if not line.links or not all(lk.bare and not lk.unbalanced for lk in line.links):
        return False
    head, tail = line.text[: line.links[0].col], line.text[line.links[0].col:]
    for lk in line.links:
        tail = tail.replace(lk.url, " ", 1)
    words = re.findall(r"[^\W\d_]{2,}", head)
    return (len(words) >= 2 and not tail.strip(" ,;|()[]<>") and not head.rstrip().endswith((":", "："))
            and head[-1:].isspace() and bool(_OPENS_CAPITAL_RE.match(head)))


_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


def _excess_cells(source_lines: list[str], number: int, width: int) -> list[list[Line]]:
    """Cells written past the header's last column: GitHub does not show them and markdown-it drops them,
    but they are what the maintainer wrote (``| Title | ... | - | CVPR 2023 |``), so they are kept as plain
    text lines for the field reader."""
    if not 0 < number <= len(source_lines):
        return []
    raw = source_lines[number - 1].strip()
    if "`" in raw:
        return []  # a pipe inside code would split wrongly
    cells = _CELL_SPLIT_RE.split(raw.removeprefix("|").removesuffix("|"))
    out = []
    for cell in cells[width:]:
        line = Line(number, text=cell.strip(), other=cell.strip())
        bare_urls(line)
        out.append([line])
    return out


def _is_header_row(tokens: list[Token], close_index: int) -> bool:
    j = close_index - 1
    while j >= 0 and tokens[j].type not in ("th_close", "td_close"):
        j -= 1
    return j >= 0 and tokens[j].type == "th_close"
