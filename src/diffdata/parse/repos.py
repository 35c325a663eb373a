"""A repository's entry: a link whose text is the repository's ``owner/name``.

``- [owner/repo](https://github.com/owner/repo) - Implementation of Foo in PyTorch`` names code; the words
after the link describe it and are no title. Only words that read as a paper's title make it a work: an aside
naming a venue or a date (``- [owner/repo](..) - Okra Sampling Made Fast (CVPR 2023)``) or a paper's link.
"""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.aside import ASIDE_RE, only_venue_or_date
from diffdata.parse.model import Link, Segment
from diffdata.parse.shapes import text_outside_links

REPO_NAME_RE = re.compile(r"[\w.\-]+/[\w.\-]+")  # "owner/repo-name"


def names_only_its_code(seg: Segment, lead: Link) -> bool:
    """True when the entry opens with a link named ``owner/name`` and nothing in it reads as a paper: no paper
    link and no aside of a venue or a date. Its title is then the repository's name, not its description."""
    if not REPO_NAME_RE.fullmatch(lead.text.strip(" `*_")) or any(is_paper_url(lk.url) for _, lk in seg.links):
        return False
    text = " ".join(text_outside_links(ln) for ln in seg.lines)
    return not any(only_venue_or_date(next(g for g in m.groups() if g)) for m in ASIDE_RE.finditer(text))
