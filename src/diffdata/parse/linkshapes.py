"""Shapes of a line's links: a line of links and nothing else, links that are labels by the company they keep
(the label words are in ``labels.py``), a link with the words around it, where a link ends, what a badge says.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from diffdata.identifiers import is_paper_url
from diffdata.parse.labels import SITE_NAMES, is_label
from diffdata.parse.linetext import text_outside_links
from diffdata.parse.model import Line, Link
from diffdata.text import strip_emoji

_BETWEEN_LINKS_RE = re.compile(r"[\s\\\[\]()|,;:.·•/\-–—]*")


def labels_by_company(line: Line) -> set[int]:
    """The links of ``line`` that are labels by the company they keep: after a label in a run of links (nothing but
    brackets and separators between them), a link of one to three plain words to no paper, or a site's name
    (``Semantic Scholar``: ``labels.SITE_NAMES``), after the words that name the work (``Title [[Paper](..)]
    [[Discord](..)]``). A method's name (``DDPM``, ``DreamBooth``) is no label."""
    links = line.links
    if len(links) < 2 or len(re.findall(r"[^\W\d_]{2,}", line.text[:links[0].col])) < 2:
        return set()
    out: set[int] = set()
    run: list[int] = [0]
    for j in range(1, len(links) + 1):
        if j < len(links) and _BETWEEN_LINKS_RE.fullmatch(line.text, link_end(links[j - 1]), links[j].col):
            run.append(j)
            continue
        known = next((i for i, k in enumerate(run) if is_label(links[k].text)), None)
        if len(run) > 1 and known is not None:  # after the first label of the run ("[Imagen](..) [paper](..)": a work)
            out.update(k for k in run[known + 1:] if not is_label(links[k].text) and (
                strip_emoji(links[k].text).strip(" []()").lower() in SITE_NAMES or (
                    _plain_words(links[k].text) and not is_paper_url(links[k].url))))  # not "[Cold Diffusion](arxiv)"
        run = [j]
    return out


def _plain_words(text: str) -> bool:
    words = strip_emoji(text).strip("[]() ").split()
    return 0 < len(words) <= 3 and not any(METHOD_MARK_RE.search(w) for w in words)


METHOD_MARK_RE = re.compile(r"[a-z][A-Z]|[A-Z]{2}|\d|-[A-Z]")  # a method's name: DreamBooth, DDPM, Pix2Pix, SD-XL


def only_links(line: Line) -> bool:
    """A line with links and nothing else but brackets, separators and markers."""
    if not line.links:
        return False
    text = strip_emoji(text_outside_links(line))
    for lk in line.links:
        if lk.bare:  # a plain URL, or "[text](url" read as one: its URL stands in the text
            text = text.replace(lk.url, " ")
    if "[" in text:  # "[[pdf](..)] [[arXiv](..)] [bibtex]": a label without its link is one too
        text = _BRACKETED_WORD_RE.sub(lambda m: " " if is_label(m.group(1)) else m.group(0), text)
    return not re.sub(r"[\s\\\[\]()|,;:.·•/\-–—]+", "", text)


_BRACKETED_WORD_RE = re.compile(r"\[([^\[\]\n]{1,24})\]")


def around(line: Line, links: list[Link], j: int) -> Line:
    """Link ``j`` of a line with the words around it, as a line of its own: what the field reader sees of a
    link in running text (never the whole line, so that a line of many links costs linear work)."""
    lk = links[j]
    start = min(link_end(links[j - 1]), lk.col) if j > 0 else 0
    stop = links[j + 1].col if j + 1 < len(links) and links[j + 1].col >= link_end(lk) else len(line.text)
    text = line.text[start:stop]
    moved = Link(lk.text, lk.url, lk.line, lk.image, lk.bare, lk.unbalanced, lk.col - start, lk.image_src, lk.alt)
    return Line(line.number, text=text, links=[moved], other=text[: moved.col] + text[link_end(moved):],
                after_link=j > 0, before_link=stop < len(line.text))


def link_end(lk: Link) -> int:
    """The column where a link's text (a bare URL's URL) ends."""
    return lk.col + len(lk.url if lk.bare else lk.text)


def badge_words(lk: Link) -> list[str]:
    """What an image says: its alt text, and a shields.io badge's label and message
    (``/badge/Conference-MLSys'24-blue`` -> ``MLSys'24``, ``Conference MLSys'24``)."""
    words = [lk.alt.strip()] if lk.alt.strip() else []
    src = lk.image_src or (lk.url if lk.image else "")
    m = re.search(r"shields\.io/badge/([^?#]+)", src or "")
    if m:
        path = re.sub(r"\.(svg|png)$", "", m.group(1))
        parts = [unquote(p).replace("\0", "-").replace("_", " ").strip()
                 for p in path.replace("--", "\0").split("-")]
        if len(parts) >= 3:
            words += [parts[1], f"{parts[0]} {parts[1]}"]
        elif len(parts) == 2:
            words.append(parts[0])
    return [w for w in words if w]


def is_image_src(url: str) -> bool:
    return bool(re.search(r"\.(svg|png|jpe?g|gif|webp)(\?.*)?$", url, re.I))
