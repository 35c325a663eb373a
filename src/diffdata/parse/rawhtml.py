"""Raw HTML blocks of a list: lines with their ``<a href>`` links and their bold and italic runs, HTML tables read
as table rows, and whether a block opens a ``<details>`` with only its ``<summary>``."""

from __future__ import annotations

import html
import re

from diffdata.parse.inline import A_OPEN_RE, BREAK, IMG_RE, bare_urls
from diffdata.parse.model import Block, Line, Link

_TAG_RE = re.compile(r"<[^<>]+>")  # never across a "<": linear on text full of them
_A_OPEN_TAG_RE = re.compile(r"<a\s[^<>]*>", re.I)
_A_CLOSE_RE = re.compile(r"</a\s*>", re.I)
_TR_RE = re.compile(r"<tr\b[^<>]*>(.*?)(?:</tr\s*>|(?=<tr\b|</table\s*>|\Z))", re.I | re.S)
_CELL_RE = re.compile(r"<(t[dh])\b([^<>]*)>(.*?)(?=<t[dh]\b|</tr\s*>|\Z)", re.I | re.S)
_ROWSPAN_RE = re.compile(r"\browspan\s*=\s*[\"']?(\d{1,3})", re.I)
_COLSPAN_RE = re.compile(r"\bcolspan\s*=\s*[\"']?(\d{1,3})", re.I)


def html_rows(content: str, first_line: int) -> list[Block]:
    """The rows of an HTML table as table rows (cells from ``<td>``/``<th>``; the header from a row of
    ``<th>``), so that a table written in HTML is read like a pipe table. Text around the rows (a caption)
    keeps its links in an ``html`` block."""
    out: list[Block] = []
    header: list[str] = []
    outside: list[str] = []  # the text around the rows, line breaks kept
    at_end = 0
    spanning: dict[int, tuple[int, list[Line]]] = {}  # column -> (rows still covered, the cell's text)
    for m in _TR_RE.finditer(content):
        outside.append(content[at_end: m.start()] + "\n" * m.group(0).count("\n"))
        at_end = m.end()
        number = first_line + content.count("\n", 0, m.start())
        cells, tags, spans, folded = [], [], False, False
        for c in _CELL_RE.finditer(m.group(1)):
            wide = _COLSPAN_RE.search(c.group(2))
            spans, folded = bool(wide and int(wide.group(1)) > 1), "<details" in c.group(3).lower()
            while len(cells) in spanning:  # a cell of a row above spans this row: its column is taken
                left, held = spanning.pop(len(cells))
                cells.append([Line(number, text=ln.text, other=ln.text, spanned=True) for ln in held])  # no links
                tags.append("td")
                if left > 1:
                    spanning[len(cells) - 1] = (left - 1, held)
            at = number + m.group(1).count("\n", 0, c.start())
            text = re.sub(r"</t[dh]\s*>", " ", c.group(3), flags=re.I)
            lines = [ln for ln in html_lines(text, at) if ln.text.strip() or ln.links] or [Line(at)]
            if (span := _ROWSPAN_RE.search(c.group(2))) and int(span.group(1)) > 1:
                spanning[len(cells)] = (int(span.group(1)) - 1, lines)
            cells.append(lines)
            tags.append(c.group(1).lower())
        bold_row = not header and not out and all(  # a first row of bold cells: the header as a reader sees it
            ln.strong.strip() and not ln.other.strip() and not ln.links for c in cells for ln in c)
        if cells and (all(t == "th" for t in tags) or bold_row):
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
                         header=list(header), spans=spans and len(cells) == 1, folded=folded and len(cells) == 1))
    rest = "".join(outside) + content[at_end:]
    if out and ("://" in rest):
        out.insert(0, Block("html", first_line, first_line + content.count("\n"), html_lines(rest, first_line)))
    return out


_DETAILS_OPEN_RE = re.compile(r"\s*(?:</details\s*>\s*)?<details\b[^<>]*>\s*<summary\b[^<>]*>", re.I)


def opens_summary(content: str) -> bool:
    """An HTML block that opens ``<details>`` and holds nothing but its ``<summary>`` (``<details><summary>Title
    (CVPR 2023)</summary>``): what the element holds comes in the markdown blocks after it."""
    m = _DETAILS_OPEN_RE.match(content)
    end = content.lower().find("</summary", m.end()) if m else -1
    return end >= 0 and not _TAG_RE.sub("", content[content.find(">", end) + 1:]).strip()


def clean_text(text: str) -> str:
    """White space collapsed."""
    return " ".join(text.split())


def html_lines(content: str, first_line: int) -> list[Line]:
    """Lines of a raw HTML block with their ``<a href>`` links (each on the line where it opens, its text
    running on over lines if the writer wrapped it) and tag-free text."""
    raws = content.splitlines()
    out = [Line(first_line + n) for n in range(len(raws))]
    starts = [0]
    for raw in raws:
        starts.append(starts[-1] + len(raw) + 1)
    n = 0
    done, col = 0, 0  # how far line n's raw text is read into its text, and that text's length: each anchor's
    # column counts only the raw text since the one before it (a cut right after a tag's ">" splits no tag or entity)
    for open_tag, inner in _anchors("\n".join(raws)):
        am = A_OPEN_RE.fullmatch(open_tag.group(0))
        if am:
            while starts[n + 1] <= open_tag.start():
                n, done, col = n + 1, 0, 0
            url = html.unescape(next(g for g in am.groups() if g is not None))
            text = clean_text(html.unescape(_TAG_RE.sub("", inner)))
            img = IMG_RE.search(inner)  # <a href><img src></a>: a badge
            src = html.unescape(next(g for g in img.groups() if g is not None)) if img else None
            end = open_tag.end() - starts[n]
            col += len(html.unescape(_TAG_RE.sub(_tag_text, raws[n][done:end])))  # in line.text
            done = end
            out[n].links.append(Link(text, url, out[n].number, image=img is not None, image_src=src or None, col=col))
    style = [0, 0]  # open <b>/<strong> and <i>/<em> elements, carried over lines
    for line, raw in zip(out, raws, strict=True):
        _styled_text(line, raw, style)
        bare_urls(line)
    return out


_BR_TAG_RE = re.compile(r"<br\s*/?>", re.I)


def _tag_text(m: re.Match[str]) -> str:
    """What a tag leaves in a line's text: a ``<br>`` a line break inside the line (as inline markdown reads
    it), any other tag a space."""
    return BREAK if _BR_TAG_RE.fullmatch(m.group(0)) else " "


_STYLE_TAG_RE = re.compile(r"<(/?)(?:(b|strong)|i|em)(?:\s[^<>]*)?>", re.I)


def _styled_text(line: Line, raw: str, style: list[int]) -> None:
    """A raw HTML line's tag-free text (each tag a space), with its bold (``<b>``, ``<strong>``) and italic
    (``<i>``, ``<em>``) runs, as inline markdown gives them: ``<b>Title</b>, <i>Ann Lee</i>`` reads like
    ``**Title**, *Ann Lee*``. Parts are joined once at the end: linear in the line."""
    text: list[str] = []
    size = 0
    kinds: tuple[list[str], list[str], list[str]] = ([], [], [])  # strong, em, other
    runs: tuple[list[tuple[int, list[str]]], list[tuple[int, list[str]]]] = ([], [])
    runs_open = [False, False]

    def put(part: str) -> None:
        nonlocal size
        kind = 0 if style[0] else (1 if style[1] else -1)
        if kind >= 0 and (part.strip() or runs_open[kind]):
            if not runs_open[kind]:
                runs[kind].append((size, []))
            runs[kind][-1][1].append(part)
            runs_open[kind], runs_open[1 - kind] = True, False
        else:
            runs_open[0] = runs_open[1] = False
        kinds[kind if kind >= 0 and runs_open[kind] else 2].append(part)
        text.append(part)
        size += len(part)

    at = 0
    for m in _TAG_RE.finditer(raw):
        put(html.unescape(raw[at: m.start()]))
        tag = _STYLE_TAG_RE.fullmatch(m.group(0))
        which, closing = (0 if tag.group(2) else 1, tag.group(1) == "/") if tag else (0, False)
        if tag and closing:
            style[which] = max(0, style[which] - 1)
        put(_tag_text(m))  # where a tag stood: inside a run that goes on, outside one that opens or closes here
        if tag and not closing:
            style[which] += 1
        at = m.end()
    put(html.unescape(raw[at:]))
    line.text, line.strong, line.em, line.other = "".join(text), "".join(kinds[0]), "".join(kinds[1]), "".join(kinds[2])
    line.bold = [(col, "".join(parts)) for col, parts in runs[0]]
    line.italic = [(col, "".join(parts)) for col, parts in runs[1]]


def _anchors(content: str) -> list[tuple[re.Match[str], str]]:
    """Each ``<a ...>`` of ``content`` closed by ``</a>`` before the next one opens, with its inner HTML; one
    pass over the opening and one over the closing tags (a lazy ``<a ...>(.*?)</a>`` rescans the rest of the
    text from every anchor left open)."""
    closes = list(_A_CLOSE_RE.finditer(content))
    opens = list(_A_OPEN_TAG_RE.finditer(content))
    out, k = [], 0
    for i, m in enumerate(opens):
        while k < len(closes) and closes[k].start() < m.end():
            k += 1
        if k == len(closes):
            break
        if i + 1 < len(opens) and closes[k].start() > opens[i + 1].start():
            continue  # left open: the next anchor starts first
        out.append((m, content[m.end(): closes[k].start()]))
    return out


# A component of a documentation site that is one work: MDX's <PaperCard title="..." url="..." /> (one line or
# several) or a Hugo shortcode {{< paper title="..." link="..." >}}, nothing else in the block.
_COMPONENT_RE = re.compile(r"\s*(?:<[A-Za-z][\w.-]{0,40}(?P<a>\s[^<>]{0,4000}?)/?>|"
                           r"\{\{[<%]\s*[\w-]{1,40}(?P<b>\s[^{}]{0,4000}?)[>%]\}\})\s*")
_ATTRIBUTE_RE = re.compile(r"([\w-]{1,30})\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_COMPONENT_FIELDS = {"title": "Title", "name": "Title", "authors": "Authors", "author": "Authors", "venue": "Venue",
                     "conference": "Venue", "journal": "Venue", "year": "Year", "date": "Year", "url": "URL",
                     "link": "URL", "href": "URL", "paper": "URL", "arxiv": "URL", "pdf": "URL", "code": "Code",
                     "github": "Code", "repo": "Code"}


def component_lines(content: str, first_line: int) -> list[Line] | None:
    """A component naming one work by its attributes, as the field lines a card writes (``Title: ...``,
    ``Authors: ...``, ``Venue: ...``, ``URL: ...``), all at its first line; None unless it has a title and a
    link, a venue or authors."""
    m = _COMPONENT_RE.fullmatch(content)
    if m is None:
        return None
    fields: dict[str, str] = {}
    for key, double, single in _ATTRIBUTE_RE.findall(m.group("a") or m.group("b") or ""):
        label = _COMPONENT_FIELDS.get(key.lower())
        if label and label not in fields and (value := html.unescape(double or single).strip()):
            fields[label] = value
    if "Title" not in fields or not fields.keys() & {"URL", "Venue", "Authors"}:
        return None
    order = ["Title", "Authors", "Venue", "Year", "URL", "Code"]  # as a card writes them
    lines = [Line(first_line, text=f"{label}: {fields[label]}", other=f"{label}: {fields[label]}")
             for label in order if label in fields]
    for ln in lines:
        bare_urls(ln)
    return lines
