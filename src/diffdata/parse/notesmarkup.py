"""The markup of note-taking apps, read as plain markdown before parsing: Obsidian's wiki links, Logseq's and
Dataview's ``key:: value`` properties, tags at a line's end.

>>> print(notes_markup("- [[Sampling Faster|SF]] #toread\\n  year:: 2024 #NeurIPS2024"))
- Sampling Faster
  year: 2024 NeurIPS2024
"""

from __future__ import annotations

import re

from diffdata.text import YEAR_RE
from diffdata.venues import find_venues

__all__ = ["notes_markup"]


# a wiki link of Obsidian or a wiki stands for its title ("[[Title]]", "[[Title|Alias]]", "[[@citekey|Title]]");
# "[[arXiv](url)]" and "[[paper]][ref]" are none
_WIKILINK_RE = re.compile(r"\[\[([^\[\]|\n]{1,300})(?:\|([^\[\]\n]{1,300}))?\]\](?![(\[])")
_PROPERTY_RE = re.compile(r"(?m)^([ \t]*+(?:[-*+][ \t]+)?[^\W\d][\w-]{0,30})::[ \t]+")  # "  year:: 2024"
_END_TAGS_RE = re.compile(r"(?<=\S)(?:[ \t]+#[A-Za-z][\w/-]{0,40})+[ \t]*(?=\r?$)")
_TAGS_TAIL = 400  # the tags are looked for in a line's last characters only: constant work a line


def _wikilink_title(m: re.Match) -> str:
    """A wiki link's title: the note it links (``[[Title|LAPS]]``), or its alias when that note is a citation
    key (``[[@ho2020denoising|Title]]``, ``[[ho2020|Title]]``)."""
    target, alias = m.group(1), m.group(2)
    return alias if alias and (target.startswith("@") or " " not in target.strip()) else target


def notes_markup(text: str) -> str:
    """``text`` without the markup of note-taking apps: a wiki link is its title, a property ``key:: value``
    a field ``key: value``; tags ending a line go
    (``#toread``), but for those naming a venue or a year, which stay as words (``#NeurIPS2020``)."""
    if "[[" in text:
        text = _WIKILINK_RE.sub(_wikilink_title, text)
    if ":: " in text or "::\t" in text:
        text = _PROPERTY_RE.sub(r"\1: ", text)  # "authors:: Ann Lee": Logseq's and Dataview's fields
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
