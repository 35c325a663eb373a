"""Tags written before a title: ``NEW``, ``[NEW]``, ``HOT``, ``🔥`` as a code span or in bold (`` `NEW` Title``,
``**NEW** [Title](url)``), a short code span naming the method (`` `FooNet` Title of the paper``) and a venue or a
date in bold or italics opening the line (``**CVPR 2022 Oral** Title``): no part of the title. The title reader
cuts them like label links. Code spans side by side are tags each (:func:`code_parts`)."""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date, read_aside
from diffdata.parse.intro import cited_names, only_an_aside
from diffdata.parse.labels import is_label
from diffdata.parse.linkshapes import METHOD_MARK_RE
from diffdata.parse.model import Line, Link
from diffdata.parse.names import is_name_list, is_one_person
from diffdata.parse.shapes import TITLE_LABELS, cut_links, text_before
from diffdata.parse.titletext import link_title
from diffdata.text import clean_space, strip_emoji

# what a tag says of an entry: that it is new, hot, recommended...
_TAG_WORDS = frozenset({"new", "hot", "updated", "update", "latest", "recent", "trending", "must read", "must-read",
                        "recommended", "important", "top", "star", "fire", "wip", "new paper", "classic", "新", "最新",
                        "推荐", "new!", "hot!", "added", "add", "moved", "jan", "feb", "mar", "apr", "may", "jun",
                        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april",
                        "june", "july", "august", "september", "october", "november", "december"})
_TAG_PUNCT_RE = re.compile(r"[\s\[\]()【】<>!:|*_~.-]+")


def is_tag(text: str) -> bool:
    """A tag of what an entry is (``NEW``, ``[Hot]``, ``🔥 New!``, an emoji alone), not a title."""
    plain = _TAG_PUNCT_RE.sub(" ", strip_emoji(text)).strip().lower()
    return not plain or plain in _TAG_WORDS


def tag_spans(line: Line, col: int) -> list[Link]:
    """The tags written in a line before column ``col`` (where its title starts), as spans to cut like link
    texts: code spans and bold runs that are tags, and short code spans (three words at most) that open the
    line before other words (`` `FooNet` Foo Networks for Bar``, `` `2023` `NeurIPS` Title``, not `` `Imagen
    Video` [paper](url)``, nor a method's name before a colon, `` `FooNet`: Foo Networks``)."""
    out = [Link(text, "", line.number, col=at) for at, text in line.code if at < col and is_tag(text)]
    out += [Link(text, "", line.number, col=at) for at, text in line.bold
            if at < col and (is_tag(text) or names_the_link(line, at, text))]
    out += [Link(text, "", line.number, col=at) for at, text in (*line.bold[:1], *line.italic[:1])
            if at < col and not text_before(line, at) and venue_tag(text)]  # "**CVPR 2022 Oral** Title"
    for at, text in line.code[:4]:  # the code spans that open the line, one after the other (three words each)
        if at >= col or is_tag(text):
            continue
        end = at + len(text)
        if (line.text[end:end + 1] in (":", "：") and len(text.split()) == 1 and METHOD_MARK_RE.search(text)
                and not is_label(text) and not only_venue_or_date(text)):
            break  # "`DreamBooth`: Fine Tuning ...": the method's name, then the rest of its title (not "`Code`:")
        follows = cut_links(line, [lk for lk in line.links if lk.col >= end], " ", col)[end:]  # its words, links cut
        if not (len(text.split()) <= 3 and len(text) <= 30 and is_tag(cut_links(line, out, " ", at).lstrip(" -*+•>|"))
                and (col < len(line.text.rstrip()) or re.search(r"[^\W\d_]{2,}", follows))):
            break
        out.append(Link(text, "", line.number, col=at))
    return out


def venue_tag(text: str) -> bool:
    """``CVPR 2022 Oral``, ``NeurIPS'20``, ``Jul 2019``: a venue of the venue table or a date, and nothing else (not
    ``Tree2seq (GraphWorkshop 2017)``, a name and an unknown venue)."""
    if not only_an_aside(text):
        return False
    a = read_aside(text.strip(" []()"), venue_context=True)
    return a.venue_known or (a.venue is None and a.year is not None)


_BETWEEN_RE = re.compile(r"[\s:：|\-–—]*")
_DATED_RE = re.compile(r"\s*\(([^()]{1,40})\)[\s:：|\-–—]*")


def names_the_link(line: Line, at: int, text: str) -> bool:
    """A short bold run (three words at most: a method's name, ``Oral``, ``Best Paper``) or a citation
    (``**Lopez-Paz & Ranzato (NeurIPS 2017)**``) right before a paper's link whose text is a longer title
    (``**UniAD** [Planning-oriented Autonomous Driving](url)``): a tag of the linked work, not its title."""
    words = text.split()
    names, cited = cited_names(text)
    if not (0 < len(words) <= 3 and len(text) <= 30) and not (cited and is_name_list(names)):
        return False  # "**Lopez-Paz & Ranzato (NeurIPS 2017)**: [Title](url)": a citation, a tag too
    end = at + len(text)
    nxt = next((lk for lk in line.links if lk.col >= end and not lk.image), None)
    between = line.text[end:nxt.col] if nxt is not None else ""
    if "(" in between and (m := _DATED_RE.fullmatch(between)) and only_an_aside(m[1]):
        between = ":"  # "**Ep. 01** (2023-02-15): [Title](url)": a date or venue between them too
    if nxt is None or nxt.bare or not is_paper_url(nxt.url) or not _BETWEEN_RE.fullmatch(between):
        return False  # "**DreamBooth** [Official implementation of the paper](github)": the bold is the title
    title = link_title(nxt.text)
    return title is not None and (cited or len(title.split()) >= max(3, len(words) + 1)) and \
        title.split()[0].lower() not in _LINK_TALK  # not "[Paper and Code](..)", "[See the survey by ..](..)"


def among_names(line: Line, at: int) -> bool:
    """A bold run among the names before a paper's titled link (a lab's page: ``**Ann Lee**, Bo Chan. [Title](url)``):
    no title."""
    if "," not in line.text[at:]:
        return False  # no names after the run: the common case, settled without reading the links
    nxt = next((lk for lk in line.links if lk.col > at and not lk.image and link_title(lk.text)), None)
    run = next((t for c, t in line.bold if c == at), "")
    return (nxt is not None and is_paper_url(nxt.url) and "," in line.text[at:nxt.col] and is_one_person(run)
            and is_name_list(line.text[:nxt.col].strip(" .,;:")))


_LINK_TALK = frozenset({"paper", "papers", "code", "official", "see", "project", "video", "demo", "read", "try",
                        "our", "the", "a", "slides", "blog", "arxiv", "pdf"})


def tags_the_link(intro: str, lead: Link) -> bool:
    """A word or two before a paper's link titled with more words (``ControlNet [Adding Conditional Control to
    ...](arxiv)``, ``Added [Title](..)``, ``(Oral) [Title](..)``): a tag or the method's name, not its title."""
    words = intro.split()
    if not (0 < len(words) <= 2 and len(intro) <= 30 and not lead.bare and is_paper_url(lead.url)):
        return False
    title = link_title(lead.text)
    if title is not None and intro.strip(" *_:：-–—|()[]【】").lower() in TITLE_LABELS:
        return True  # "**Paper** [Video Diffusion Models](arxiv)": a label saying the link is the paper
    return (title is not None and len(title.split()) >= max(3, len(words) + 1)
            and title.split()[0].lower() not in _LINK_TALK)


def code_parts(clause: str, code: list[tuple[int, str]]) -> list[str]:
    """A clause made of code spans side by side, one a tag of no venue (``GAN``), as its spans; any other clause
    as it is."""
    spans = [clean_space(t) for _, t in code if t.strip()]
    parts = [t for t in spans if t in clause]
    if len(parts) < 2 or clean_space(clause).strip(" .,;:") != " ".join(parts) or all(
            only_venue_or_date(t) or QUALIFIER_RE.fullmatch(t) for t in parts):
        return [clause]  # "`CVPR 2023` `Oral`": a venue and its qualifier, read together
    joined: list[str] = []
    for t in parts:  # "`ICLR 2024` `Spotlight` `Code`": the qualifier stays with its venue
        if joined and QUALIFIER_RE.fullmatch(t):
            joined[-1] += f" {t}"
        else:
            joined.append(t)
    return joined
