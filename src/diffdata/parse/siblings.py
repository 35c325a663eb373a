"""Several works listed on one line: ``- [Alpha ...](..) · [Beta ...](..)``, ``- [A](..) (CVPR 2022), [B](..)``.

A list item that opens with a titled link takes the links after it as its own (its code, its project page, a
badge), unless one of them names a work of its own: a link whose text is another title, after nothing but a
separator. The line is then cut at each such link, and each part is an entry.

>>> from diffdata.parse.model import Line, Link
>>> text = "Alpha Diffusion Models · Beta Flow Matching [code]"
>>> line = Line(1, text, [Link("Alpha Diffusion Models", "https://arxiv.org/abs/2101.00001", 1, col=0),
...                       Link("Beta Flow Matching", "https://arxiv.org/abs/2101.00002", 1, col=25),
...                       Link("code", "https://github.com/a/b", 1, col=44)])
>>> sibling_links(line)
[1]
>>> [(p.text, [lk.text for lk in p.links]) for p in parts(line, [1])]  # doctest: +NORMALIZE_WHITESPACE
[('Alpha Diffusion Models · ', ['Alpha Diffusion Models']),
 ('Beta Flow Matching [code]', ['Beta Flow Matching', 'code'])]
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from diffdata.identifiers import is_paper_url, url_kind
from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.linkshapes import link_end
from diffdata.parse.model import Line, Link, Segment
from diffdata.parse.names import looks_like_names
from diffdata.parse.repos import REPO_NAME_RE
from diffdata.parse.titletext import link_title
from diffdata.text import clean_space, title_key

if TYPE_CHECKING:
    from diffdata.parse.segment import Walker

__all__ = ["labels_its_works", "line_from", "parts", "shared_aside", "sibling_entries", "sibling_links"]

# What separates works listed on one line (never nothing: "[Title](..) [Title as a page name](..)" stays one).
_SEPARATOR_RE = re.compile(r"\s*(?:(?:[·•|,;/&+]|\band\b)\s*(?:(?:see also|cf\.|compare)\s*)?"
                           r"|(?:see also|cf\.|vs\.?|versus)\s*)", re.I)  # "; see also", "vs."
_ASIDE_RE = re.compile(r"[(\[]([^()\[\]]{1,40})[)\]]")
# Words of a link's text that name a kind of link, not a work: "[Hugging Face demo]", "[Project page]".
_LINK_KIND_WORDS = frozenset({
    "code", "codes", "demo", "project", "page", "website", "homepage", "github", "repo", "repository", "pdf",
    "slides", "poster", "colab", "notebook", "hugging", "huggingface", "weights", "checkpoint", "checkpoints",
    "bibtex", "supp", "supplementary", "implementation", "official", "unofficial", "pytorch", "tensorflow",
    "jax", "arxiv", "openreview", "paper", "doi",
})


# Phrases (their words in order) that name a kind of link: "[Open Review]", "[Tech Report]", "[Google Scholar]".
_LINK_PHRASES = frozenset(" ".join(sorted(p.split())) for p in (
    "open review", "tech report", "technical report", "semantic scholar", "google scholar", "twitter thread",
    "x thread", "papers with code", "hugging face", "web page", "slide deck", "blog post", "press release",
    "video demo", "talk video", "explainer video", "chinese blog", "english blog"))


def sibling_links(line: Line) -> list[int]:
    """The positions of the links of ``line`` (an item's first line, opening with a titled link) that each
    name a work of their own; after a repository's ``owner/name`` link, the link titling the paper it
    implements."""
    links = line.links
    if len(links) < 2 or links[0].image or links[0].bare:
        return []
    if url_kind(links[0].url) == "repository" and REPO_NAME_RE.fullmatch(links[0].text.strip(" `*_")):
        # "[owner/ddim](github) - [Denoising Diffusion Implicit Models](arxiv) (ICLR 2021)": an implementation,
        # then the paper it implements
        return next(([j] for j in range(1, len(links)) if not links[j].image and is_paper_url(links[j].url)
                     and link_title(links[j].text)), [])  # "[owner/kiwi](..) - Kiwi Fields [[paper](..)]": one work
    first = link_title(links[0].text)
    if first is None:
        return []
    first_words = set(title_key(first).split())
    cuts = [j for j in range(1, len(links)) if _names_another_work(line, j, first_words)]
    if cuts and not is_paper_url(links[0].url) and looks_like_names(first) and all(
            looks_like_names(links[j].text) and not is_paper_url(links[j].url) for j in cuts):
        return []  # "[Mira Okafor](..), [Jon Pell](..) (1994). *Title*": the authors' pages
    return cuts


_TOPIC_RE = re.compile(r"\W*([^\W\d][^:：\n]{0,39})[:：]\s*")


def labels_its_works(line: Line, col: int) -> bool:
    """``**Editing**: [TokenFlow](..) (ICLR'24); [FateZero](..) (ICCV'23)``: a bold topic of a word or three
    before the works the line lists (:func:`sibling_links`), not a title of its own (nor a venue or a date,
    which stays the first work's)."""
    m = _TOPIC_RE.fullmatch(line.text[:col])
    topic = m.group(1).strip() if m else ""
    if not (0 < len(topic.split()) <= 3 and any(t.strip() == topic for _, t in line.bold)) or only_venue_or_date(topic):
        return False  # "SDXL: [Title](..), [Release Notes](..)": a name, not a topic in bold
    return bool(sibling_links(line))


def _names_another_work(line: Line, j: int, first_words: set[str]) -> bool:
    lk, prev, lead = line.links[j], line.links[j - 1], line.links[0]
    if lk.image or lk.bare:
        return False
    title = link_title(lk.text)
    if title is None:
        return False
    words = set(title_key(title).split())
    if (not words or words <= first_words or words & _LINK_KIND_WORDS or " ".join(sorted(words)) in _LINK_PHRASES
            or (looks_like_names(title) and not is_paper_url(lk.url))):
        return False  # "[DreamBooth](github)" beside "[DreamBooth: ...](arxiv)"; "[Project page]"; "[Ann Lee](home)"
    if len(words) < 2 and not (is_paper_url(lk.url) and is_paper_url(lead.url)):
        return False  # one word names a paper beside a paper ("[DDPM](..) · [DDIM](..)"), else a page's name
    between = line.text[link_end(prev):lk.col]
    between = _ASIDE_RE.sub(lambda m: "" if only_venue_or_date(m.group(1)) else m.group(0), between)
    return bool(_SEPARATOR_RE.fullmatch(between))


def sibling_entries(w: Walker, lines: list[Line]) -> None:
    """Each part of an item's first line after the first (see :func:`parts`) as an entry: its first link
    names it, the others are its own."""
    for ln in lines:
        seg = Segment(w.source, ln.number, ln.number, w.section(), "bullet", [ln], heading=w.heading_above)
        w.out.append(seg)
        for j, lk in enumerate(ln.links):
            w.take(seg, lk, "title" if j == 0 else None)


def parts(line: Line, cuts: list[int]) -> list[Line]:
    """``line`` cut before each link of ``cuts``: each part a line of its own, with its links and its runs of
    bold, italic and code (their columns moved to the part's text)."""
    bounds = [0, *cuts, len(line.links)]
    return [_part(line, lo, hi) for lo, hi in itertools.pairwise(bounds)]


_SHARED_RE = re.compile(r"[(\[]?\s*\b(?:both|all|each)\b\s*(?:at|in|from|:)?\s*([^()\[\]]{2,40}?)\s*[)\]]?[\s.,;]*$",
                        re.I)


def shared_aside(lines: list[Line]) -> list[Line]:
    """The parts of a line of works, the earlier ones given the venue or date the last says they share
    (``[A](..) / [B](..) — both ICCV 2023``, ``(all NeurIPS 2022)``)."""
    last = lines[-1]
    tail = clean_space(last.text[link_end(last.links[-1]):])[-80:] if last.links else ""  # a short tail: bounded
    m = _SHARED_RE.search(tail) if "both" in tail or "all" in tail or "each" in tail else None
    if m is None or not only_venue_or_date(m.group(1)):
        return lines
    aside = f" ({m.group(1)})"
    return [replace(ln, text=ln.text + aside, other=ln.other + aside) for ln in lines[:-1]] + [last]


def line_from(line: Line, col: int) -> Line:
    """``line`` from column ``col`` on (its links after ``col``): ``(3) [Title](..)`` without its numbering."""
    first = next((i for i, lk in enumerate(line.links) if lk.col >= col), len(line.links))
    return _part(line, first, len(line.links), col)


def _part(line: Line, lo: int, hi: int, start: int | None = None) -> Line:
    start = (line.links[lo].col if lo else 0) if start is None else start
    stop = line.links[hi].col if hi < len(line.links) else len(line.text)
    text = line.text[start:stop]
    links: list[Link] = [replace(lk, col=lk.col - start) for lk in line.links[lo:hi]]
    pieces, at = [], 0
    for lk in links:
        pieces.append(text[at:lk.col])
        at = link_end(lk)
    pieces.append(text[at:])

    def runs(found: list[tuple[int, str]]) -> list[tuple[int, str]]:  # in column order: the part's by bisection
        lo, hi = bisect_left(found, (start,)), bisect_left(found, (stop,))
        return [(col - start, t) for col, t in found[lo:hi]]

    bold, italic = runs(line.bold), runs(line.italic)
    return Line(line.number, text=text, links=links, strong="".join(t for _, t in bold),
                em="".join(t for _, t in italic), other="".join(pieces), bold=bold, italic=italic,
                code=runs(line.code), bold_continues=line.bold_continues and start == 0,
                hidden=list(line.hidden) if start == 0 else [])
