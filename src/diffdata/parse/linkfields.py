"""What a link gives an entry besides its text as a title: a teaser image's alt text
(``[![Title of the Work](teaser.jpg)](arxiv)``), a label link's title attribute (``DDPM [paper][1]`` with
``[1]: url "Title"``), the names and year of a link whose text is a citation (``[Song et al. (2021b)](url)``).
Read after the title rules, when they found no title (or only a short name, for a title attribute)."""

from __future__ import annotations

from diffdata.parse.aside import read_aside
from diffdata.parse.labels import is_label
from diffdata.parse.model import Segment
from diffdata.parse.names import split_authors
from diffdata.parse.record import Fields
from diffdata.parse.titlegive import give_title
from diffdata.parse.titletext import alt_title, cited_in_link, link_title

__all__ = ["cited_link_fields", "link_fields"]

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
    ``**Brisk** — [Okoro et al., ICLR 2023](..)``): its authors, year and venue, where the entry states none."""
    lead = next((lk for _, lk in seg.links if not lk.image), None)
    if lead is not None and (cited := cited_in_link(lead.text)):
        f.give("authors", split_authors(cited[0]), f"the link's text, a citation '{lead.text}'")
        f.give("year", cited[1], f"the link's text, a citation '{lead.text}'")
        if cited[2] and (said := read_aside(f"{cited[2]} {cited[1]}", venue_context=True)).venue_known:
            f.give("venue", said.venue, f"the link's text, a citation '{lead.text}'")


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
