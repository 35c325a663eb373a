"""The document model the parser reads: blocks of source lines, each line with its links and runs, and the
entries (segments) cut from them.

:func:`diffdata.parse.markdown.blocks` makes blocks from markdown-it-py's tokens; segmentation cuts them into
segments; the field reader reads segments, never raw markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlsplit


def usable_url(url: str) -> str:
    """``url`` as written when Python's URL parser accepts it (every later stage splits URLs), else with the
    characters it refuses percent-encoded: ``http://[x`` (an unclosed bracket in the host) becomes
    ``http://%5Bx``. A list with such a link is read like any other; the link is kept."""
    if url.isascii() and "[" not in url and "]" not in url:
        return url  # nothing urlsplit can refuse
    try:
        urlsplit(url)
        urlsplit("http://" + url)  # a scheme-less address is read as a web address
    except ValueError:
        return quote(url, safe="!#$%&'()*+,/:;=?@~")
    return url


@dataclass
class Link:
    """A link as written: its text, its target (see :func:`usable_url`), the 1-based line where it starts."""

    text: str
    url: str
    line: int
    image: bool = False  # the link wraps an image (a badge)
    bare: bool = False  # a URL written as plain text, not markdown link syntax
    unbalanced: bool = False  # written as ``[text](url`` with a bracket or parenthesis missing
    col: int = 0  # where the link's text starts in its line's plain text
    image_src: str | None = None  # the image a badge link wraps
    alt: str = ""  # an image's alt text (a badge's words: "NeurIPS", "Star")
    tooltip: str = ""  # the link's title attribute: [paper](url "Title"), [1]: url "Title"

    def __post_init__(self) -> None:
        self.url = usable_url(self.url)


@dataclass
class Line:
    """One source line of a block, after inline parsing."""

    number: int
    text: str = ""
    links: list[Link] = field(default_factory=list)
    strong: str = ""  # text inside **...**
    em: str = ""  # text inside *...* (and not inside strong)
    other: str = ""  # text outside strong, em and links
    bold: list[tuple[int, str]] = field(default_factory=list)  # (column in text, text) of each bold run
    italic: list[tuple[int, str]] = field(default_factory=list)  # the same for italic runs outside bold
    code: list[tuple[int, str]] = field(default_factory=list)  # the same for code spans outside links
    bold_continues: bool = False  # the line starts inside a bold run opened on the line before
    hidden: list[str] = field(default_factory=list)  # URLs inside an inline HTML comment (not rendered)
    spanned: bool = False  # a copy of a table cell above that spans this row (rowspan): no text of its own
    after_link: bool = False  # a link in running text with the words after the link before it (see linkshapes.around)
    before_link: bool = False  # ... with the words before the link after it


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
    spans: bool = False  # a table row of one cell spanning the columns (``<td colspan="3">``)
    folded: bool = False  # that cell holds a ``<details>`` element (an abstract folded under the row above)
    summary: bool = False  # an HTML block that opens ``<details>`` and holds only its ``<summary>``
    closes_details: bool = False  # an HTML block holding a ``</details>``


@dataclass
class Segment:
    """One entry's parts, as segmentation found them."""

    source: str
    line: int
    end_line: int
    section: list[str]
    layout: str  # block, post, table, bullet, item, heading, prose
    lines: list[Line]  # the entry's lines, its first line first
    links: list[tuple[str | None, Link]] = field(default_factory=list)  # its own links, with a label if given
    cells: list[tuple[str, list[Line]]] = field(default_factory=list)  # a table row: (column meaning, lines)
    label_lines: set[int] = field(default_factory=set)  # line numbers of `label : URL` lines
    notes: list[str] = field(default_factory=list)  # text the layout attaches (a post's heading)
    note_from: int = 1  # first line whose text may be a note
    note_skip_links: bool = True  # lines of links only are not notes (block layout); descriptions keep them
    needs_links: bool = False  # an item naming a work, kept only if its sub-items bring its links
    document_title: str | None = None  # a paper badge in the document's header: the document's title names it
    heading: str | None = None  # the heading right above the entry, nothing between them
    list_venue: str | None = None  # the document's title when it names a venue and its year ("# CVPR 2024 Papers")


def joined(lines: list[Line]) -> Line:
    """Lines a writer wrapped, as the one line they are: a space where each broke, every column moved along;
    the first line's number."""
    out = Line(lines[0].number, bold_continues=lines[0].bold_continues)
    for ln in lines:
        at = len(out.text) + 1 if out.text else 0
        out.text = f"{out.text} {ln.text}" if out.text else ln.text
        out.links += [replace(lk, col=lk.col + at) for lk in ln.links]
        out.bold += [(c + at, t) for c, t in ln.bold]
        out.italic += [(c + at, t) for c, t in ln.italic]
        out.code += [(c + at, t) for c, t in ln.code]
        out.strong, out.em, out.other = (" ".join(x for x in pair if x) for pair in (
            (out.strong, ln.strong), (out.em, ln.em), (out.other, ln.other)))
        out.hidden += ln.hidden
    return out

