r"""Python-Markdown's containers (MkDocs-material's content tabs and admonitions) and pandoc's fenced divs as
CommonMark reads them.

A tab (``=== "2023"``) or an admonition (``!!! abstract "Title"``, ``??? note``) holds the lines indented four
spaces under it; CommonMark reads those lines as a code block, and every link in them was lost. Each container's
body is moved left (one line out for one line in, so line numbers stay) and its marker line left blank: a label
is no section (markdown cannot end one where the container ends). Only an admonition that is one work's card (a
paper linked under labels) keeps its title, as the bold title of the entry its body describes, whose blank
lines then join its paragraphs:

>>> print(unindent_containers('=== "2023"\n    - [A](https://arxiv.org/abs/2303.01469)\n'))
<BLANKLINE>
- [A](https://arxiv.org/abs/2303.01469)
<BLANKLINE>
>>> card = '!!! abstract "Flow Models"\n    Lee et al. · ICLR 2023\n\n    [arXiv](https://arxiv.org/abs/2210.02747)\n'
>>> print(unindent_containers(card))
**Flow Models**
Lee et al. · ICLR 2023
<br>
[arXiv](https://arxiv.org/abs/2210.02747)
<BLANKLINE>
"""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.labels import is_label

__all__ = ["unindent_containers", "without_div_fences"]

# a pandoc or Quarto fenced div's fence: "::: {.column width="50%"}", "::: notes", ":::" (a MyST directive names
# a title after its braces, ":::{card} Title", and is not one)
_DIV_FENCE_RE = re.compile(r"[ \t]{0,3}:{3,}+[ \t]*+(?:\{[^{}\n]{0,200}\}|[\w-]{1,40})?[ \t]*+")


def without_div_fences(text: str) -> str:
    r"""``text`` with the fence lines of pandoc's fenced divs blank: CommonMark reads a fence as a paragraph's first
    line, and the card under it lost its title.

    >>> without_div_fences('::: {.column}\n**Flow Models**  \nLee et al. · ICLR 2023\n:::\n')
    '\n**Flow Models**  \nLee et al. · ICLR 2023\n\n'
    """
    if ":::" not in text:
        return text
    lines = text.split("\n")
    fence = [ln.lstrip(" \t").startswith(":::") and _DIV_FENCE_RE.fullmatch(ln) is not None for ln in lines]
    edge = [not ln.strip() or f for ln, f in zip(lines, fence, strict=True)]  # a blank line or another fence
    for i in range(len(lines)):  # a fence stands at a block's edge, not inside a paragraph
        if fence[i] and (i == 0 or edge[i - 1] or i + 1 == len(lines) or edge[i + 1]):
            lines[i] = ""
    return "\n".join(lines)

_MARKER_RE = re.compile(r'(?:===\+?[ \t]+"(?P<label>[^"\n]{0,200})"|(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]{1,30})'
                        r'(?:[ \t]+[\w-]{1,30}){0,3}(?:[ \t]+"(?P<title>[^"\n]{0,200})")?)[ \t]*')
_LINK_RE = re.compile(r"\[([^\[\]]{0,300})\]\(\s*([^()\s]{1,2000})")


def unindent_containers(text: str) -> str:
    """``text`` with each tab's and admonition's body moved four spaces left and its marker line made blank, or
    the bold title of a work's card; a text without such a marker is returned as it is."""
    if "===" not in text and "!!!" not in text and "???" not in text:
        return text
    raw = text.split("\n")
    lines = [ln.expandtabs(4) if "\t" in ln else ln for ln in raw]
    indents = [len(ln) - len(ln.lstrip(" ")) if ln.strip() else -1 for ln in lines]
    after = [len(lines)] * len(lines)  # the next line with text after each line (one pass from the end)
    for i in range(len(lines) - 2, -1, -1):
        after[i] = i + 1 if indents[i + 1] >= 0 else after[i + 1]
    out: list[str] = []
    bodies: list[tuple[int, bool]] = []  # each open container's body: its indent, whether it is one entry
    for i, flat in enumerate(lines):
        indent, nxt = indents[i], after[i]
        opens = indents[nxt] if nxt < len(lines) else -1  # how far the next line with text is indented
        if indent >= 0:
            while bodies and indent < bodies[-1][0]:
                bodies.pop()
        shift = 4 * len(bodies)
        body = flat[indent:] if indent >= 0 else ""
        m = _MARKER_RE.fullmatch(body) if body[:3] in ("===", "!!!", "???") else None
        if m is not None and opens >= indent + 4:
            title = (m["title"] or "").strip()
            entry = m["label"] is None and _one_work(lines, nxt, indent + 4)
            if title.endswith("?") or title.lower() == (m["type"] or "").lower():
                title = ""  # "!!! question "Why does this work?"", "!!! note "Note"": no work's title
            out.append(" " * (indent - shift) + (f"**{title}**" if entry and title else ""))
            bodies.append((indent + 4, entry))
        elif indent < 0 and bodies and bodies[-1][1] and opens >= bodies[-1][0]:
            out.append("<br>")  # a blank line inside an entry's body: its lines stay one paragraph
        else:
            out.append(flat[min(shift, max(indent, 0)):] if shift else raw[i])
    return "\n".join(out)


def _one_work(lines: list[str], start: int, indent: int) -> bool:
    """An admonition's body (from line ``start``, indented ``indent``) is the card of one work: it links a
    paper, and only under labels (``[arXiv](..)``, ``[Code](..)``), so the admonition's title is the work's.
    A body linking works by their titles, or linking no paper, is text under a heading (``!!! tip "Pro tip"``):
    its title is dropped. At most 50 lines are read."""
    links = []
    for line in lines[start:start + 50]:
        if line.strip() and len(line) - len(line.lstrip(" ")) < indent:
            break
        links += _LINK_RE.findall(line)
    return bool(links) and any(is_paper_url(url) for _, url in links) and all(
        not text.strip() or text.lstrip().startswith("!") or is_label(text) for text, url in links)
