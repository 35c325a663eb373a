"""What a table column holds, from its header."""

from __future__ import annotations

import re

from diffdata.text import clean_space, strip_emoji

# What a table header means: the first matching pattern wins.
_HEADER_MEANINGS = (
    ("authors", re.compile(r"\bauthors?\b", re.I)),
    ("venue_date", re.compile(r"(pub|venue|conf|journal).*(date|year|time)|(date|year|time).*(pub|venue|conf)",
                              re.I)),
    ("year", re.compile(r"^\W*years?\W*$", re.I)),
    ("date", re.compile(r"\b(date|year|time|published date|pub\.?\s*date|release)\b", re.I)),
    ("venue", re.compile(r"\b(venue|conference|conf\.?|journal|pub\.?|publication|published|publisher|"
                         r"accepted|where)\b", re.I)),
    ("note", re.compile(r"\b(notes?|comments?|summary|description|tl;?dr|remarks?|highlights?|task|keywords?|"
                        r"abstract|contribution)\b", re.I)),
    ("links", re.compile(r"\b(code|github|project|website|web\s?site|page|links?|arxiv|pdf|demo|url|repo|"
                         r"star|stars|resources?)\b", re.I)),
    ("title", re.compile(r"\b(title|paper|papers|work|article|publication)\b", re.I)),
    ("name", re.compile(r"\b(name|method|methods|model|models)\b", re.I)),
)


def header_meaning(header: str) -> str:
    """What a table column holds, from its header: ``title``, ``name`` (a method's or model's short name: the
    title only when the row has no title), ``authors``, ``venue``, ``year``, ``date``, ``venue_date`` (a
    combined column such as "Pub. & Date"), ``note``, ``links`` or ``other``."""
    h = clean_space(strip_emoji(header)).lower()
    if not h:
        return "other"
    if re.fullmatch(r"(paper|papers|title|work|article)s?(\s*(title|name))?|(paper\s*)?title", h):
        return "title"
    if re.fullmatch(r"(name|method|methods|model|models|approach|project)s?(\s*name)?", h):
        return "name"
    for meaning, pattern in _HEADER_MEANINGS:
        if pattern.search(h):
            return meaning
    return "other"
