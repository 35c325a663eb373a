"""A repository's entry: a link whose text is the repository's ``owner/name``.

``- [owner/repo](https://github.com/owner/repo) - Implementation of Foo in PyTorch`` names code; the words
after the link describe it and are no title. Only words that read as a paper's title make it a work: an aside
naming a venue or a date (``- [owner/repo](..) - Okra Sampling Made Fast (CVPR 2023)``) or a paper's link; a
description that names what the code implements (``- [owner/repo](..) - Official PyTorch implementation of
*Okra*. [[Paper](arxiv)]``) gives that work's title.
"""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.aside import ASIDE_RE, only_venue_or_date
from diffdata.parse.linetext import before_venue
from diffdata.parse.model import Link, Segment
from diffdata.parse.shapes import text_outside_links

REPO_NAME_RE = re.compile(r"[\w.\-]+/[\w.\-]+")  # "owner/repo-name"
# what a repository's description says it implements: "Official PyTorch implementation of X", "Code for the paper X"
_IMPLEMENTS_RE = re.compile(r"[\W_]*+(?i:(?:the\s+)?(?:(?:un)?official\s+)?(?:[\w.+-]+\s+){0,2}?"
                            r"(?:implementation|code(?:base)?|repo(?:sitory)?)\s+(?:of|for)\s+(?:the\s+)?"
                            r"(?:(?:paper|work|method|model)\s*[:：]?\s+)?)(?P<title>\S.{0,300})")


def names_only_its_code(seg: Segment, lead: Link) -> bool:
    """True when the entry opens with a link named ``owner/name`` and nothing in it reads as a paper: no paper
    link and no aside of a venue or a date. Its title is then the repository's name, not its description."""
    if not REPO_NAME_RE.fullmatch(lead.text.strip(" `*_")) or any(is_paper_url(lk.url) for _, lk in seg.links):
        return False
    text = " ".join(text_outside_links(ln) for ln in seg.lines)
    return not any(only_venue_or_date(next(g for g in m.groups() if g)) for m in ASIDE_RE.finditer(text))


def implemented_title(seg: Segment, lead: Link) -> str | None:
    """What an entry opening with an ``owner/name`` repository link says the code implements, when the entry links
    a paper: ``- [owner/okra](..) - Official PyTorch implementation of *Okra*. [[Paper](arxiv)]`` -> ``Okra``
    (its venue or date after it cut). None otherwise."""
    if not REPO_NAME_RE.fullmatch(lead.text.strip(" `*_")) or not any(is_paper_url(lk.url) for _, lk in seg.links):
        return None
    head = seg.lines[0]
    said = head.text[lead.col + len(lead.text):]
    cut = min([lk.col - lead.col - len(lead.text) for lk in head.links if lk.col > lead.col and not lk.image]
              + [len(said)])  # up to the next link ("[[Paper](..)]")
    m = _IMPLEMENTS_RE.match(said[:cut].lstrip(" )-–—:|"))
    if m is None:
        return None
    title = before_venue(m["title"]).strip(" .,;:[](){}\"'“”‘’*_")
    return title if title[:1].isupper() and not only_venue_or_date(title) else None  # not "our paper"
