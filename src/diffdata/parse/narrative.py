"""A citation written in running text before the link it cites: ``Song and Ermon (2019) proposed [NCSN](url)``,
``Ho et al. (2020) showed with [DDPM](url)``. Its names are the link's authors only when it leads to the link in
the same clause, alone, and its names read as people's.

>>> import re
>>> text = "Later, Okafor and Pell (2019) proposed "
>>> cited_before(text, re.search(r"\\(2019\\)", text), text)
'Okafor and Pell'
>>> text = "Compared with Ho et al. (2020), "
>>> cited_before(text, re.search(r"\\(2020\\)", text), text) is None
True
"""

from __future__ import annotations

import re

from diffdata.parse.names import is_organisation
from diffdata.venues import lookup

__all__ = ["cited_before"]

# a citation in running text, before its year: "Song and Ermon (2019) proposed", "Ho et al. (2020) show"
_NARRATIVE_RE = re.compile(r"(?<![\w.])([A-Z][a-z][\w'’\-]*(?:\s+(?:and|&)\s+[A-Z][a-z][\w'’\-]*|\s+et\s+al\.?))\s*+$")
_YEAR_ASIDE_RE = re.compile(r"\((?:19|20)\d\d[a-z]?\)")
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"])


def cited_before(text: str, m: re.Match[str], lead: str) -> str | None:
    """The names of a citation in running text whose year is the aside ``m``, when it leads to the line's link
    in the same clause (``Song and Ermon (2019) proposed [x](..)``, not ``Compared with Ho et al. (2020),
    [ours](..)``): read in the 80 characters before the year."""
    between = text[m.end():len(lead)]
    if m.end() > len(lead) or re.search(r"[,;.:!?]", between) or len(between.split()) > 4 or len(
            _YEAR_ASIDE_RE.findall(lead)) > 1:  # "Ho et al. (2020) and Song et al. (2021) proposed [A] and [B]"
        return None
    n = _NARRATIVE_RE.search(text, max(0, m.start() - 80), m.start())
    if n is None or _MONTHS & set(n[1].lower().split()):
        return None
    # two names without "et al." are often no people's ("Google and Meta (2023) released", "In June and July
    # (2023)"): only opening a sentence or a clause, and neither an organisation nor a venue
    if "et al" not in n[1] and ((text[:n.start()].strip() and not text[:n.start()].rstrip().endswith((".", ";", ",")))
                                or any(is_organisation(w) or lookup(w)[0] is not None
                                       for w in re.split(r"\s+(?:and|&)\s+", n[1]))):
        return None
    return n[1]
