"""What stands before an entry's titled link without being its title: a venue or a date however marked
(``**CVPR 2023**``, ``CVPR 2023 |``, ``[ACM MM 2022 (Oral)]``), or words that introduce the work (``Our paper``,
``We released``).

>>> only_an_aside("ICCV 2023 -"), only_an_aside("[ACM MM 2022 (Oral)]"), only_an_aside("Quiet Anchors |")
(True, True, False)
>>> introduces("2024-01-03 Our paper"), introduces("Quiet anchors for")
(True, False)
"""

from __future__ import annotations

import re

from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date

_QUALIFIED_RE = re.compile(r"^[\[(【]?(?P<v>.*?)\s*[(\[,]?\s*(?:" + QUALIFIER_RE.pattern + r")\s*[)\]]?[\])】]?$", re.I)


def only_an_aside(text: str) -> bool:
    """Text before an entry's link that is only a venue or a date, however marked (``CVPR 2023 |``, ``**CVPR
    2023** -``, ``[ACM MM 2022 (Oral)]``): the link still opens the entry (the venue reader reads the aside)."""
    text = text.strip(" |-–—:,;")
    if not text:
        return True
    if len(text) > 120:  # an aside is short (and the pattern below is tried at every start of a long text)
        return False
    if (m := _QUALIFIED_RE.match(text)) and m.group("v").strip(" ,"):
        text = m.group("v")
    return only_venue_or_date(text.strip(" ,[]()【】"))


# words that introduce the work a link names: "Our paper [Title](url)", "We released [Title](url)"
_INTRODUCES_RE = re.compile(r"(?i:\b(?:our|the|a|my|new)\s+(?:\w+\s+){0,2}(?:paper|work|survey|preprint|article|study)"
                            r"|\b(?:we|i)\s+(?:have\s+)?(?:release[sd]?|present(?:ed)?|propose[sd]?|introduce[sd]?))\s*$")


def introduces(text: str) -> bool:
    """Words that end by introducing the work the next link names (``Our new paper``, ``We released``)."""
    return _INTRODUCES_RE.search(text) is not None
