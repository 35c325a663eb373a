"""A markdown document as blocks of source lines with their links, from markdown-it-py's token stream.

markdown-it-py gives block tokens with source line maps; this module walks the token stream once and turns it
into :class:`Block` objects (headings, paragraphs, list items, table rows, HTML blocks, hidden HTML), each
made of :class:`Line` objects that know their 1-based line number, their plain text, their bold and italic
runs with where they start, and their links. Segmentation (``segment.py``) and the field reader
(``fields.py``) work on these blocks, never on raw markdown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from diffdata.parse.aside import only_venue_or_date

# Bare URLs in text (free-text posts write `paper : https://...`). Trailing punctuation is not part of a URL.
BARE_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'`\[\]{}|\\^]+", re.I)
_TRAILING = ".,;:!?*"
_A_OPEN_RE = re.compile(r"<a\s[^>]*?href\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>", re.I | re.S)
_IMG_RE = re.compile(r"<img\s[^>]*?src\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>", re.I | re.S)
_HTML_HEADING_RE = re.compile(r"<h([1-6])\b[^>]*>(?:(?!</?h[1-6]\b).)*</h\1\s*>", re.I | re.S)
_A_CLOSE_RE = re.compile(r"</a\s*>", re.I)
_SUP_OPEN_RE = re.compile(r"<sup\b[^>]*>", re.I)
_SUP_CLOSE_RE = re.compile(r"</sup\s*>", re.I)
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
BREAK = " \u2028 "  # an HTML <br> inside a line: white space that also ends a clause for the field reader
_ANY_URL_RE = re.compile(r"https?://[^\s<>\"'`)\]]+", re.I)
# An HTML block a reader never sees: a comment, or an element with the `hidden` attribute or display:none.
_HIDDEN_BLOCK_RE = re.compile(r"\s*(?:<!--|<[a-z][^>]*(?:\shidden(?:[\s=>/])|display\s*:\s*none))", re.I)


@dataclass
class Link:
    """A link as written: its text, its target, the 1-based line where it starts."""

    text: str
    url: str
    line: int
    image: bool = False  # the link wraps an image (a badge)
    bare: bool = False  # a URL written as plain text, not markdown link syntax
    unbalanced: bool = False  # written as ``[text](url`` with a bracket or parenthesis missing
    col: int = 0  # where the link's text starts in its line's plain text
    image_src: str | None = None  # the image a badge link wraps


@dataclass
class Line:
    """One source line of a block, after inline parsing."""

    number: int
    text: str = ""
    links: list[Link] = field(default_factory=list)
    strong: str = ""  # text inside **...**
    em: str = ""  # text inside *...* (and not inside strong)
    other: str = ""  # text outside strong, em and links
    link_cont: str = ""  # text of a link that started on an earlier line
    bold: list[tuple[int, str]] = field(default_factory=list)  # (column in text, text) of each bold run
    italic: list[tuple[int, str]] = field(default_factory=list)  # the same for italic runs outside bold
    bold_continues: bool = False  # the line starts inside a bold run opened on the line before
    hidden: list[str] = field(default_factory=list)  # URLs inside an inline HTML comment (not rendered)


@dataclass
class Block:
    """A block of the document: ``heading``, ``paragraph``, ``item`` (a list item's own paragraph), ``row``
    (a table row), ``html``, ``hidden`` (an HTML comment or an element marked hidden: not rendered).
    ``cells`` holds a table row's cells (each a list of lines)."""

    type: str
    start: int
    end: int
    lines: list[Line]
    level: int = 0  # heading level; list nesting depth for items
    cells: list[list[Line]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # a table row's column names
    in_item: bool = False  # a paragraph inside a list item but not its first one
    followed_by_list: bool = False


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
    return md


def inline_lines(token: Token, first_line: int) -> list[Line]:
    """Split an inline token into its source lines (1-based ``first_line``)."""
    lines = [Line(first_line)]
    strong = em = sup = 0
    link: Link | None = None

    run_open = [False, False]  # a bold / italic run is being written on the current line
    sup_text: list[str] = []  # what a <sup> holds: a footnote mark is dropped, words (a venue) are kept

    def put(text: str) -> None:
        cur = lines[-1]
        if sup:
            sup_text.append(text)
            return
        if link is not None:
            cur.text += text
            link.text += text
            if link.line != cur.number:
                cur.link_cont += text
            return
        if strong:
            _extend_run(cur.bold, run_open, 0, len(cur.text), text)
            cur.strong += text
        elif em:
            _extend_run(cur.italic, run_open, 1, len(cur.text), text)
            cur.em += text
        else:
            cur.other += text
        cur.text += text

    for child in token.children or []:
        t = child.type
        if t in ("softbreak", "hardbreak"):
            if link is not None:
                link.text += " "
            lines.append(Line(lines[-1].number + 1, bold_continues=strong > 0))
            run_open[0] = run_open[1] = False
        elif t in ("text", "code_inline"):
            put(child.content)
        elif t == "strong_open":
            strong += 1
        elif t == "strong_close":
            strong -= 1
            run_open[0] = strong > 0 and run_open[0]
        elif t == "em_open":
            em += 1
        elif t == "em_close":
            em -= 1
            run_open[1] = em > 0 and run_open[1]
        elif t == "link_open":
            link = Link("", str(child.attrGet("href") or ""), lines[-1].number, col=len(lines[-1].text))
        elif t == "link_close":
            if link is not None:
                link.text = link.text.strip()
                _at(lines, link)
            link = None
        elif t == "image":
            if link is not None:
                link.image = True
                link.image_src = str(child.attrGet("src") or "") or None
            else:
                src = str(child.attrGet("src") or "")
                lines[-1].links.append(Link(child.content, src, lines[-1].number, image=True))
        elif t == "html_inline":
            tag = child.content
            if tag.startswith("<!--"):
                lines[-1].hidden.extend(m.group(0).rstrip(".,;:!?*") for m in _ANY_URL_RE.finditer(tag))
                for _ in range(tag.count("\n")):  # a comment over several lines: keep the line numbers right
                    lines.append(Line(lines[-1].number + 1))
            elif _SUP_OPEN_RE.fullmatch(tag):
                sup += 1
            elif _SUP_CLOSE_RE.fullmatch(tag):
                sup = max(0, sup - 1)
                if not sup:
                    held, sup_text[:] = "".join(sup_text).strip(), []
                    if only_venue_or_date(held):  # "<sup>CVPR 2023</sup>": an aside
                        put(f" ({held})")
                    elif len(re.findall(r"[^\W\d_]", held)) >= 2:  # words (authors under a title): a part of
                        put(BREAK + held)  # their own; a footnote mark ("<sup>1,2</sup>") is dropped
            elif (m := _IMG_RE.fullmatch(tag)) is not None:  # <img src> in HTML: a badge of its link, or an image
                src = html.unescape(next(g for g in m.groups() if g is not None))
                if link is not None:
                    link.image, link.image_src = True, src or None
                else:
                    lines[-1].links.append(Link("", src, lines[-1].number, image=True, col=len(lines[-1].text)))
            elif (m := _A_OPEN_RE.fullmatch(tag)) is not None:
                href = html.unescape(next(g for g in m.groups() if g is not None))
                link = Link("", href, lines[-1].number, col=len(lines[-1].text))
            elif _A_CLOSE_RE.fullmatch(tag) and link is not None:
                link.text = link.text.strip()
                _at(lines, link)
                link = None
            elif _BR_RE.fullmatch(tag):
                put(BREAK)
    if link is not None:  # an <a> never closed
        _at(lines, link)
    for line in lines:
        _bare_urls(line)
    return lines


def _extend_run(runs: list[tuple[int, str]], run_open: list[bool], which: int, col: int, text: str) -> None:
    """Add ``text`` to the bold or italic run being written, or start a run at ``col``."""
    if run_open[which]:
        start, prev = runs[-1]
        runs[-1] = (start, prev + text)
    else:
        runs.append((col, text))
        run_open[which] = True


def _at(lines: list[Line], link: Link) -> None:
    i = link.line - lines[0].number  # lines are numbered consecutively
    (lines[i] if 0 <= i < len(lines) else lines[-1]).links.append(link)


def _bare_urls(line: Line) -> None:
    """Find URLs written as plain text in the line's text outside links."""
    outside = line.other + " " + line.strong + " " + line.em
    if "://" not in outside and "www." not in outside.lower():
        return
    known = {lk.url for lk in line.links}
    search_from = 0
    for m in BARE_URL_RE.finditer(outside):
        url = m.group(0).rstrip(_TRAILING)
        # `(url)` and `url)` : a closing parenthesis without an opening one in the URL is prose punctuation.
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if not url or url in known:
            continue
        known.add(url)
        before = outside[max(0, m.start() - 400) : m.start()]  # a link text is short: look back a little only
        unbalanced = before.rstrip().endswith("](") or before.rstrip().endswith("](<")
        text = url
        if unbalanced:
            open_at = before.rfind("[")
            text = before[open_at + 1 : before.rfind("](")] if open_at >= 0 else url
        col = line.text.find(url, search_from)
        if col < 0:
            col = line.text.find(url)
        search_from = max(search_from, col + 1)
        line.links.append(Link(text.strip(), url, line.number, bare=True, unbalanced=unbalanced, col=max(col, 0)))


def blocks(text: str, md: MarkdownIt | None = None) -> list[Block]:
    """The document's blocks in source order."""
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
            out.append(Block("heading", start, start, lines, level=int(tok.tag[1])))
            i += 2
        elif t == "paragraph_open":
            inline = tokens[i + 1]
            start, end = (tok.map or [0, 1])
            lines = inline_lines(inline, start + 1)
            if item_first_para and item_first_para[-1]:
                item_first_para[-1] = False
                out.append(Block("item", start + 1, end, lines, level=depth))
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
        elif t == "html_block":
            start, end = (tok.map or [0, 1])
            if _HIDDEN_BLOCK_RE.match(tok.content):  # not rendered: its URLs are noted, none is a link
                hidden = [Line(start + 1 + n, hidden=[m.group(0).rstrip(_TRAILING) for m in _ANY_URL_RE.finditer(raw)])
                          for n, raw in enumerate(tok.content.splitlines())]
                out.append(Block("hidden", start + 1, end, hidden or [Line(start + 1)], level=depth))
                i += 1
                continue
            if m := _HTML_HEADING_RE.fullmatch(tok.content.strip()):  # <h1 align="center">Title</h1>
                out.append(Block("heading", start + 1, end, _html_lines(tok.content, start + 1), level=int(m.group(1))))
                i += 1
                continue
            rows = _html_rows(tok.content, start + 1) if "<tr" in tok.content.lower() else []
            out.extend(rows or [Block("html", start + 1, end, _html_lines(tok.content, start + 1), level=depth)])
        i += 1
    return out


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
        _bare_urls(line)
        out.append([line])
    return out


def _is_header_row(tokens: list[Token], close_index: int) -> bool:
    j = close_index - 1
    while j >= 0 and tokens[j].type not in ("th_close", "td_close"):
        j -= 1
    return j >= 0 and tokens[j].type == "th_close"


_TR_RE = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b|</table\s*>|\Z))", re.I | re.S)
_CELL_RE = re.compile(r"<(t[dh])\b[^>]*>(.*?)(?=<t[dh]\b|</tr\s*>|\Z)", re.I | re.S)


def _html_rows(content: str, first_line: int) -> list[Block]:
    """The rows of an HTML table as table rows (cells from ``<td>``/``<th>``; the header from a row of
    ``<th>``), so that a table written in HTML is read like a pipe table. Text around the rows (a caption)
    keeps its links in an ``html`` block."""
    out: list[Block] = []
    header: list[str] = []
    outside: list[str] = []  # the text around the rows, line breaks kept
    at_end = 0
    for m in _TR_RE.finditer(content):
        outside.append(content[at_end: m.start()] + "\n" * m.group(0).count("\n"))
        at_end = m.end()
        number = first_line + content.count("\n", 0, m.start())
        cells, tags = [], []
        for c in _CELL_RE.finditer(m.group(1)):
            at = number + m.group(1).count("\n", 0, c.start())
            text = re.sub(r"</t[dh]\s*>", " ", c.group(2), flags=re.I)
            lines = [ln for ln in _html_lines(text, at) if ln.text.strip() or ln.links] or [Line(at)]
            cells.append(lines)
            tags.append(c.group(1).lower())
        if cells and all(t == "th" for t in tags):
            header = [clean_text(" ".join(ln.text for ln in c)) for c in cells]
            continue
        if not cells:
            continue
        merged = Line(number)
        for c in cells:
            for ln in c:
                merged.links.extend(ln.links)
                merged.text += ln.text + " | "
        out.append(Block("row", number, number + m.group(0).rstrip().count("\n"), [merged], cells=cells,
                         header=list(header)))
    rest = "".join(outside) + content[at_end:]
    if out and ("://" in rest):
        out.insert(0, Block("html", first_line, first_line + content.count("\n"), _html_lines(rest, first_line)))
    return out


def clean_text(text: str) -> str:
    """White space collapsed."""
    return " ".join(text.split())


def _html_lines(content: str, first_line: int) -> list[Line]:
    """Lines of a raw HTML block with their ``<a href>`` links and tag-free text."""
    out = []
    for n, raw in enumerate(content.splitlines()):
        line = Line(first_line + n)
        for m in re.finditer(r"(<a\s[^>]*>)(.*?)</a\s*>", raw, re.I | re.S):
            am = _A_OPEN_RE.fullmatch(m.group(1))
            if am:
                url = html.unescape(next(g for g in am.groups() if g is not None))
                text = html.unescape(_TAG_RE.sub("", m.group(2))).strip()
                img = _IMG_RE.search(m.group(2))  # <a href><img src></a>: a badge
                src = html.unescape(next(g for g in img.groups() if g is not None)) if img else None
                col = len(html.unescape(_TAG_RE.sub(" ", raw[: m.end(1)])))  # where its text starts in line.text
                line.links.append(Link(text, url, line.number, image=img is not None, image_src=src or None,
                                       col=col))
        line.text = html.unescape(_TAG_RE.sub(" ", raw))
        line.other = line.text
        _bare_urls(line)
        out.append(line)
    return out
