"""The markup of note-taking apps, read as plain markdown before parsing: Obsidian's wiki links, Logseq's, Roam's
and Dataview's ``key:: value`` properties (Dataview's inline ``[key:: value]`` too), tags at a line's end, and
the first line of a callout or a GitHub alert (``> [!tip] Must read``).

>>> print(notes_markup("- [[Sampling Faster|SF]] #toread\\n  year:: 2024 #NeurIPS2024"))
- Sampling Faster
  year: 2024 NeurIPS2024
"""

from __future__ import annotations

import re

from diffdata.parse.labels import is_label
from diffdata.text import YEAR_RE
from diffdata.venues import find_venues

__all__ = ["notes_markup"]


# a wiki link of Obsidian or a wiki stands for its title ("[[Title]]", "[[Title|Alias]]", "[[@citekey|Title]]");
# "[[arXiv](url)]" and "[[paper]][ref]" are none
_WIKILINK_RE = re.compile(r"\[\[([^\[\]|\n]{1,300})(?:\|([^\[\]\n]{1,300}))?\]\](?![(\[])")
# "  year:: 2024", Roam's "- **Author(s)**:: [[Ann Lee]]"
_PROPERTY_RE = re.compile(r"(?m)^([ \t]*+(?:[-*+][ \t]+)?(?:\*\*|__)?[^\W\d][\w ()/-]{0,30}?(?:\*\*|__)?)::"
                          r"(?=[ \t]|$)")
# Dataview's inline field after a link ("[year:: 2022]"), from its "[": linear; not a link's text ("[std::variant](..)")
_INLINE_FIELD_RE = re.compile(r"\[([^\W\d][\w -]{0,30})::[ \t]+([^\[\]\n]*)\](?!\()")
# a callout's or a GitHub alert's first line ("> [!NOTE]", "> [!tip] Must read"): its type, then maybe its label
_CALLOUT_RE = re.compile(r"(?m)^([ \t]*(?:>[ \t]?)+)\[![\w-]{1,20}\][+-]?[ \t]*(.*)$")
_TITLED_LINK_START_RE = re.compile(r"[ \t>]*\[([^\[\]\n]{2,300})\]\(")  # "> [Title](..": a link opening a line
_END_TAGS_RE = re.compile(r"(?<=\S)(?:[ \t]+#[A-Za-z][\w/-]{0,40})+[ \t]*(?=\r?$)")
_TAGS_TAIL = 400  # the tags are looked for in a line's last characters only: constant work a line


def _wikilink_title(m: re.Match) -> str:
    """A wiki link's title: the note it links (``[[Title|LAPS]]``), or its alias when that note is a citation
    key (``[[@ho2020denoising|Title]]``, ``[[ho2020|Title]]``)."""
    target, alias = m.group(1), m.group(2)
    return alias if alias and (target.startswith("@") or " " not in target.strip()) else target


def notes_markup(text: str) -> str:
    """``text`` without the markup of note-taking apps: a wiki link is its title, a property ``key:: value``
    a field ``key: value`` (see :func:`_fields`), a callout's type and short label go (:func:`_callout_labels`); tags
    ending a line go
    (``#toread``), but for those naming a venue or a year, which stay as words (``#NeurIPS2020``)."""
    if "[[" in text:
        text = _WIKILINK_RE.sub(_wikilink_title, text)
    if "::" in text:
        text = _fields(text)
    if "[!" in text:
        text = _callout_labels(text)
    if " #" not in text and "\t#" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head, tail = line[:-_TAGS_TAIL], line[-_TAGS_TAIL:]
        if "#" in tail and tail.rstrip().rsplit(None, 1)[-1][:1] == "#" and (m := _END_TAGS_RE.search(tail)) and (
                head or tail[:m.start()].strip()):  # a tag that names a venue or a year is read: "#NeurIPS2020"
            kept = [t[1:] for t in m.group(0).split() if find_venues(t[1:]) or YEAR_RE.search(t)]
            lines[i] = head + tail[:m.start()] + "".join(f" {t}" for t in kept) + tail[m.end():]
    return "\n".join(lines)


def _fields(text: str) -> str:
    """``text`` with note tools' fields written the way lists write them (the same lines): ``Authors:: A, B``
    reads ``Authors: A, B``; ``[Title](url) [author:: A, B] [year:: 2022]`` reads ``[Title](url) · author: A, B
    · year: 2022`` (a separator that is no table's; a table's cell keeps its text, read by its column)."""
    text = _PROPERTY_RE.sub(r"\1:", text)
    if "[" not in text:
        return text
    return "\n".join(line if line.lstrip().startswith("|") else _INLINE_FIELD_RE.sub(r"· \1: \2", line)
                     for line in text.split("\n"))


def _callout_labels(text: str) -> str:
    """``text`` with a callout's first line left blank when it holds only its type (``> [!NOTE]``) or a label of
    three plain words or fewer over a line opening with a titled link (``> [!tip] Must read`` over ``> [Title](..)``
    is no title); any other (``> [!note] DDPM`` over ``> [paper](..)``, ``> [!tip] [DDPM](..)``, ``> [!abstract]
    Denoising Diffusion Probabilistic Models``) stays as written. The same lines."""

    def label(m: re.Match[str]) -> str:
        said = m[2]
        if not said.strip():
            return m[1]  # "> [!NOTE]": the marker alone
        if len(said.split()) > 3 or any(c in said for c in "[]()*_`<"):
            return m[0]  # a title, a link: as written
        end = text.find("\n", m.end() + 1)
        under = _TITLED_LINK_START_RE.match(text[m.end() + 1: end if end >= 0 else len(text)])
        return m[1] if under is not None and not is_label(under[1]) else m[0]

    return _CALLOUT_RE.sub(label, text)
