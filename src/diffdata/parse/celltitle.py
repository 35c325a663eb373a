"""The title of a table row, from its title cell (and the names under it there), or from its name column."""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.linetext import before_venue
from diffdata.parse.model import Segment
from diffdata.parse.names import (
    CITED_SURNAME_RE,
    has_organisation_word,
    is_name_list,
    looks_like_names,
    people_named,
    reads_as_two_phrases,
    split_authors,
)
from diffdata.parse.record import Fields
from diffdata.parse.repos import REPO_NAME_RE
from diffdata.parse.shapes import text_outside_links
from diffdata.parse.titlegive import give_title
from diffdata.parse.titletext import clean_title, phrase_title
from diffdata.text import clean_space

_BREAK_SPLIT_RE = re.compile(r"(?<!\s)\s*\u2028\s*|\u2028\s*")
_EMPTY_BRACKETS_RE = re.compile(r"[\[(]\s*+[\])]")
_PLACEHOLDERS = frozenset({"n/a", "na", "none", "null", "tbd", "tba", "todo", "coming soon", "soon", "wip"})
BRACKETED_RE = re.compile(r"\s*`?\[[^\[\]]{1,40}\]`?\s*")  # a short label in brackets: "[DeepCache]"


def cell_title(seg: Segment, f: Fields) -> int:
    """A table row's title from its title cell (``[Title](url)<br>*Ann Lee, Bo Chan*``: the names too), else
    its name column; 0 when found, -1 otherwise."""
    for meaning, cell in seg.cells:
        if meaning == "title":
            links = [lk for ln in cell for lk in ln.links if not lk.image]
            title = phrase_title(links[0].text) if links and links[0].text else None
            text = " ".join(ln.text if title else text_outside_links(ln) for ln in cell)
            parts = [p for p in _BREAK_SPLIT_RE.split(text) if p.strip()] or [""]
            while len(parts) > 1 and BRACKETED_RE.fullmatch(parts[0]):
                parts = parts[1:]  # "**[DeepCache]**<br>DeepCache: Accelerating ...": a label, then the title
            first, *rest = parts  # "**Title**<br>*Authors*": the title, then the rest
            if rest and not f.authors:  # "[Title](url)<br>*Ann Lee, Bo Chan*" too
                names = next((n for r in rest if (n := _names(r))), None)
                if names:
                    f.give("authors", split_authors(names), "names under the title in its cell")
            elif len(cell) > 1 and not f.authors and (names := next((  # an HTML cell: names on a line of it
                    t for ln in cell[1:] if not any(is_paper_url(lk.url) for lk in ln.links)
                    and is_name_list(t := clean_space(ln.text).strip(" ,."))), None)):  # linked co-authors too
                f.give("authors", split_authors(names), "a line of names in the title's cell")
            if links and not title and links[0].text and is_name_list(clean_title(links[0].text)):
                f.give("authors", split_authors(clean_title(links[0].text)), "names as the title cell's link")
            text_title = clean_title(first)
            if re.fullmatch(r"[\d\W]*", text_title) or text_title.lower() in _PLACEHOLDERS or (
                    "et al" in text_title and CITED_SURNAME_RE.fullmatch(text_title)) or (is_name_list(text_title)
                                                        and not reads_as_two_phrases(text_title)):
                text_title = ""  # "| 35 |", "| G. E. Hinton et al. |": a count or names, no title
            if give_title(f, title or text_title or None, "table title cell"):
                return 0
    for meaning, cell in seg.cells:  # "[K. He et al.](url)" in the title column: the model's name instead
        if meaning == "name" and give_title(f, clean_title(" ".join(ln.text for ln in cell)) or None,
                                             "name column (the title column names no title)"):
            return 0
    if not any(is_paper_url(lk.url) for _, lk in seg.links):  # "| [owner/name](github) | ... | N/A |": code only
        for meaning, cell in seg.cells:
            named = next((lk.text.strip(" `*_") for ln in cell for lk in ln.links if not lk.image), "")
            if meaning in ("links", "title") and REPO_NAME_RE.fullmatch(named) and give_title(
                    f, named, "a repository's name in its cell (the row names no title)"):
                return 0
    return -1


def _names(part: str) -> str | None:
    """The names a part of a title cell gives, before the venue or year that may follow them on its line
    (``Ann Lee, Bo Chan · ICML 2022``, ``Ann Lee, Bo Chan (NeurIPS 2022)``), less the brackets a label link
    left (``Ann Lee, Bo Chan [[arXiv](..)]``) and the organisations among them (``..., Google Research``)."""
    part = _EMPTY_BRACKETS_RE.sub(" ", part).rstrip(" ,;·•|")
    if looks_like_names(part):  # "Ann Lee, Bo Chan, Google Research": the people, not "Google Research"
        kept = ", ".join(p for p in re.split(r",\s*", part) if not has_organisation_word(p))
        return kept if kept and looks_like_names(kept) else None
    cut = before_venue(part).strip(" ,;·•|(—–-")
    return cut if (cut and cut != part.strip() and people_named(cut, each_full=True) and looks_like_names(cut)
                   and not has_organisation_word(cut)) else None

