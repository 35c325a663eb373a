"""Python-Markdown's containers (MkDocs-material's content tabs and admonitions) as CommonMark reads them.

A tab (``=== "2023"``) or an admonition (``!!! abstract "Title"``, ``??? note``) holds the lines indented four
spaces under it; CommonMark reads those lines as a code block, and every link in them was lost. Each container's
body is moved left (one line out for one line in, so line numbers stay), a tab's label becomes a heading over
its body, and an admonition's title a heading over a list or the bold title of the entry its body describes
(whose blank lines then join its paragraphs):

>>> print(unindent_containers('=== "2023"\\n    - [A](https://arxiv.org/abs/2303.01469)\\n'))
##### 2023
- [A](https://arxiv.org/abs/2303.01469)
<BLANKLINE>
>>> print(unindent_containers('!!! abstract "Flow Models"\\n    Lee et al. · ICLR 2023\\n'))
**Flow Models**
Lee et al. · ICLR 2023
<BLANKLINE>
"""

from __future__ import annotations

import re

__all__ = ["unindent_containers"]

_MARKER_RE = re.compile(r'(?:===\+?[ \t]+"(?P<label>[^"\n]{0,200})"|(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]{1,30})'
                        r'(?:[ \t]+[\w-]{1,30}){0,3}(?:[ \t]+"(?P<title>[^"\n]{0,200})")?)[ \t]*')
_LIST_ITEM_RE = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s")
# the titles an admonition gets by default, which name no work: "!!! note", "!!! tip "Tip""
_GENERIC = frozenset({"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
                      "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
                      "fail", "missing", "danger", "error", "bug", "example", "quote", "cite", "seealso"})


def unindent_containers(text: str) -> str:
    """``text`` with each tab's and admonition's body moved four spaces left and its marker line made a heading,
    a bold title or blank; a text without such a marker is returned as it is."""
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
            marker = _marker_line(m, lines[nxt], "#" * min(6, 5 + len(bodies)))  # a nested one under it
            out.append(" " * (indent - shift) + marker)
            bodies.append((indent + 4, marker.startswith("**")))
        elif indent < 0 and bodies and bodies[-1][1] and opens >= bodies[-1][0]:
            out.append("<br>")  # a blank line inside an entry's body: its lines stay one paragraph
        else:
            out.append(flat[min(shift, max(indent, 0)):] if shift else raw[i])
    return "\n".join(out)


def _marker_line(m: re.Match[str], nxt: str, hashes: str) -> str:
    """What stands for a container's marker: a tab's label as a heading (``hashes``); an admonition's own title
    as a heading over a list (the next line ``nxt`` an item), else as a bold title; nothing for a default title."""
    if m["label"] is not None:
        return f"{hashes} {m['label'].strip()}" if m["label"].strip() else ""
    title = (m["title"] or "").strip()
    if not title or title.lower() in _GENERIC:
        return ""
    return f"{hashes} {title}" if _LIST_ITEM_RE.match(nxt) else f"**{title}**"
