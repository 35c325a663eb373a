"""The title of an entry that is no list item, table row or block: a link in running text (its text, a teaser's
alt text, the document's own title, the name before a citation mark) and a free-text post (the line before its
``label : URL`` lines, else the heading above it)."""

from __future__ import annotations

import re

from diffdata.identifiers import is_repository_page
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.clauses import is_post_title, split_trailing_parenthetical
from diffdata.parse.model import Segment
from diffdata.parse.record import Fields
from diffdata.parse.shapes import LABEL_RE, METADATA_LABELS, TITLE_LABELS
from diffdata.parse.titlegive import give_title, lead_text
from diffdata.parse.titletext import alt_title, clean_title, link_title
from diffdata.text import clean_space

_TITLE_KEYS = TITLE_LABELS | {"name"}  # "Name: Title" over label lines too


def prose_title(seg: Segment, f: Fields) -> int:
    """The title of a link in running text; 0 when found, -1 otherwise."""
    lines = seg.lines
    lk = seg.links[0][1] if seg.links else None
    if lk is not None and not (lk.bare and not lk.unbalanced) and not lk.image:
        give_title(f, link_title(lk.text), "link text")
    if lk is not None and lk.image:
        give_title(f, alt_title(lk), "an image's alt text (a teaser linked to the work)")
    give_title(f, seg.document_title, "the document's title (a paper badge in its header)")
    if lk is not None and re.fullmatch(r"\[?\d{1,3}\]?", lk.text.strip()) and lines and lines[0].links:
        # "works like ControlNet [1]": a citation mark; the name right before it is what the list calls it
        before = lines[0].text[: lines[0].links[0].col]
        m = re.search(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s*[(\[]?\s*$", before)
        if m:
            give_title(f, m.group(1), "the name before a citation mark")
    return 0 if f.title else -1


def post_title(seg: Segment, f: Fields, used: dict[int, str]) -> int:
    """The title of a post of ``label : URL`` lines: the line right before the first of them, else the heading
    above it; the index of the line it used (-1 when none)."""
    lines = seg.lines
    first = min(i for i, ln in enumerate(lines) if ln.number in seg.label_lines)
    before = lines[first - 1].text if first > 0 else ""
    key = LABEL_RE.match(before)
    name = key.group(1).strip().lower() if key else ""
    bold_key = bool(key and lines[first - 1].bold and lines[first - 1].bold[0][0] == 0
                    and lines[first - 1].bold[0][1].strip(" :：").lower() == name)
    if key and name in _TITLE_KEYS:
        before = re.split(r"[:：]", before, maxsplit=1)[1]  # 'Paper: "Title" (Lee, 2021)'
    elif key and (bold_key or name in METADATA_LABELS):
        before = ""  # "**Type**: Video" is a detail, not the title ("DenseFoo: Title" is one)
    if before and is_post_title(before) and not only_venue_or_date(before.strip(" >*_")):  # "> ICLR 2023": a venue
        title, extra = split_trailing_parenthetical(clean_space(before))
        if give_title(f, clean_title(title) or None, "line before the label lines"):
            used[lines[first - 1].number] = f"({extra})" if extra else ""
            return first - 1
    if not all(is_repository_page(lk.url) for _, lk in seg.links):  # "## Contributing / Link: .../pulls"
        give_title(f, clean_title(lead_text(seg.heading or "")) or None, "the heading right above the entry")
    return -1
