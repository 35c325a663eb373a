"""What a link gives an entry besides its text as a title: a teaser image's alt text
(``[![Title of the Work](teaser.jpg)](arxiv)``), a label link's title attribute (``DDPM [paper][1]`` with
``[1]: url "Title"``), the names and year of a link whose text is a citation (``[Song et al. (2021b)](url)``).
Read after the title rules, when they found no title (or only a short name, for a title attribute)."""

from __future__ import annotations

import re

from diffdata.parse.aside import ASIDE_RE, only_venue_or_date, read_aside
from diffdata.parse.labels import is_label
from diffdata.parse.model import Link, Segment
from diffdata.parse.names import split_authors
from diffdata.parse.record import Fields
from diffdata.parse.titlegive import give_title
from diffdata.parse.titletext import alt_title, cited_in_link, link_title
from diffdata.text import clean_space

__all__ = ["cited_link_fields", "link_fields"]

_TITLE_THEN_SEPARATOR_RE = re.compile(r"[\s*_\[\]()|·•:,.;—–-]*")  # what stands between a title and its citing link
# the last word of a tooltip that names the link, not the work: "Parti Small paper"
_LINK_WORDS = frozenset({"paper", "pdf", "link", "code", "arxiv", "here", "page", "website", "site", "repo",
                         "repository", "project", "video", "slides", "post", "blog"})


def link_fields(seg: Segment, f: Fields) -> None:
    """Give ``f`` what the entry's first links say of the work when the title rules left it untitled."""
    if f.title is None and seg.links and seg.links[0][1].image and not seg.cells:
        give_title(f, alt_title(seg.links[0][1]), "an image's alt text (a teaser linked to the work)")
    _tooltip_title(seg, f)
    if f.title is None:
        cited_link_fields(seg, f)


def cited_link_fields(seg: Segment, f: Fields) -> None:
    """Give ``f`` what the entry's first link says when its text cites the work (``[Song et al. (2021b)](..)``,
    ``**Brisk** — [Okoro et al., ICLR 2023](..)``): its authors, year and venue, where the entry states none. Under
    a title of its own, only a link right after the title (nothing but a separator, names or a venue between; not
    ``**Name**, a follow-up to [Song et al. 2021](..)``, ``[Diffusion and Flows 2023](..) — a blog post``)."""
    lead = next((lk for _, lk in seg.links if not lk.image), None)
    if lead is None or (cited := cited_in_link(lead.text)) is None:
        return
    if f.title is not None and not _cites_its_title(seg, f, lead):
        return
    f.give("authors", split_authors(cited[0]), f"the link's text, a citation '{lead.text}'")
    f.give("year", cited[1], f"the link's text, a citation '{lead.text}'")
    if cited[2] and (said := read_aside(f"{cited[2]} {cited[1]}", venue_context=True)).venue_known:
        f.give("venue", said.venue, f"the link's text, a citation '{lead.text}'")


def _cites_its_title(seg: Segment, f: Fields, lead: Link) -> bool:
    """The citing link ``lead`` is the titled entry's own: alone in a table's cell (``| Lumen | [Haskell et al.,
    2023](..) |``), or right after the title, the names read and a venue or date aside (``**Brisk** — [Okoro et
    al., ICLR 2023](..)``; not ``**Name**, a follow-up to [Song et al. 2021](..)``)."""
    if seg.cells:
        return any(lead in ln.links and clean_space(ln.text) == clean_space(lead.text)
                   for _, cell in seg.cells for ln in cell)
    head = seg.lines[0] if seg.lines else None
    if head is None or lead not in head.links or not f.title or f.title not in head.text[: lead.col]:
        return False  # "[Diffusion and Flows 2023](..) — a blog post": the link before its title is no citation
    before = head.text[: lead.col].replace(f.title, "", 1)
    for name in f.authors:
        before = before.replace(name, "", 1)
    before = ASIDE_RE.sub(lambda m: "" if only_venue_or_date(next(g for g in m.groups() if g)) else m[0],
                          before)  # "**Name** (ICML 2021) —": a venue aside between the title and its citing link
    return bool(_TITLE_THEN_SEPARATOR_RE.fullmatch(before))


def _tooltip_title(seg: Segment, f: Fields) -> None:
    """A label link's title attribute that reads as a title (``DDPM [paper][1]`` with ``[1]: url "Denoising
    Diffusion Probabilistic Models"``, ``[paper](url "Title")``) titles the entry when it has no title or only a
    short name."""
    lead = next((lk for _, lk in seg.links if not lk.image), None)
    if lead is None or not lead.tooltip or not is_label(lead.text) or (f.title and len(f.title.split()) > 2):
        return
    said = link_title(lead.tooltip)
    if said and len(said.split()) >= 3 and said.split()[-1].lower() not in _LINK_WORDS:  # not "Parti Small paper"
        f.title = None
        give_title(f, said, f"the title attribute of the link '{lead.text}'")
