"""The kind of an entry (paper, post, video, repository, website): from its links, then from what it says."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from diffdata.identifiers import is_paper_url, url_kind
from diffdata.parse.model import Link, Segment
from diffdata.parse.shapes import text_outside_links

WEBSITE_CUE_RE = re.compile(r"\b(web\s?page|home\s?page|personal (?:page|site)|website)\b", re.I)
_POST_CUE_RE = re.compile(r"\b(blog(?:\s?post)?|tutorial|lecture notes|slides|article|notes)\b", re.I)
_VIDEO_CUE_RE = re.compile(r"\b(talk|lecture|video|webinar|keynote)\b", re.I)
_PAPER_LABELS = {"paper", "논문", "arxiv", "pdf", "论文", "論文", "artículo", "articulo", "artigo", "papier", "artikel",
                 "article", "makale", "статья", "bài báo"}
_VIDEO_LABELS = re.compile(r"^(video|talk|lecture|youtube|vídeo|vidéo|видео)$", re.I)
_PERSONAL_SITE_HOSTS = re.compile(r"\.(?:github\.io|gitlab\.io|netlify\.app|vercel\.app|pages\.dev)$", re.I)


# a heading that only names kinds of works: "## 📝 Blogs", "### Blog Posts & Tutorials", "## Talks and Videos"
_POST_WORDS = r"blogs?|blog\s?posts?|posts|articles|tutorials?|lecture notes|blog notes|slides|write-?ups"
_VIDEO_WORDS = r"videos|talks|lectures|webinars|keynotes|youtube(?: videos)?|recordings"  # "## Video": a topic
_KIND_HEADING_RE = re.compile(rf"[\W\d_]*(?P<first>{_POST_WORDS}|{_VIDEO_WORDS})"
                              rf"(?:\s*(?:&|and|,|/|\+)\s*(?:{_POST_WORDS}|{_VIDEO_WORDS}))*[\W\d_]*", re.I)
_VIDEO_WORD_RE = re.compile(rf"(?:{_VIDEO_WORDS})$", re.I)
_OTHER_KIND_HEADING_RE = re.compile(r"[\W\d_]*(?:papers?|code|repositories|repos|projects?|datasets?|tools?|"
                                    r"websites?|resources)[\W\d_]*", re.I)  # "## Blogs" / "### Papers": papers


def entry_kind(title: str | None, links: list[tuple[str | None, Link]], layout: str,
               cues: str = "", section: list[str] | tuple[str, ...] = ()) -> tuple[str, str]:
    """The kind of an entry, and why: from its links' labels and URLs, cues in its title and what it says of
    itself, and a heading above it that names a kind of works (``## Blogs``)."""
    if title and WEBSITE_CUE_RE.search(title):
        return "website", "the title names a web page"
    labels = [(label or lk.text or "").strip().lower() for label, lk in links]
    urls = [lk.url for _, lk in links if lk.url]
    if why := _teaching(title, labels, urls):
        return "post", why
    if any(lab in _PAPER_LABELS for lab in labels) or any(is_paper_url(u) for u in urls):
        return "paper", "a paper link"
    if any(_VIDEO_LABELS.match(lab) for lab in labels) or any(url_kind(u) == "video" for u in urls):
        return "video", "a video link"
    if not urls:
        return "paper", "a title with an empty link"  # in a reading list: a paper until a link says otherwise
    main = urls[0]
    kind = url_kind(main)
    if kind == "repository" and layout == "block" and labels and labels[0] in ("website", "project"):
        return "website", "a repository labelled website"
    if kind == "website":
        if m := _VIDEO_CUE_RE.search(cues):
            return "video", f"the entry says '{m.group(0)}'"
        if m := _POST_CUE_RE.search(cues) or _POST_CUE_RE.search(title or ""):
            return "post", f"the entry says '{m.group(0)}'"  # "Foo Models Tutorial (CVPR 2023)": no paper
        for heading in reversed(section):  # the nearest heading naming a kind
            if m := _KIND_HEADING_RE.fullmatch(heading.strip()):
                return ("video" if _VIDEO_WORD_RE.match(m.group("first")) else "post",
                        f"under the heading '{heading.strip()}'")
            if _OTHER_KIND_HEADING_RE.fullmatch(heading.strip()):
                break
        if title and len(title.split()) >= 4 and _is_article_page(main):
            return "post", "a titled page below the root of a personal site"
    return kind, "its first link's address"


# what course material says of itself: "Lecture 12: Diffusion Models (slides)", ".../teaching/slides/lec12.pdf"
_TEACHING_RE = re.compile(r"\b(lectures?|slides?|slide deck|course notes|class notes|lecture notes|tutorials?|"
                          r"syllabus|handouts?|lec\s?\d+)\b", re.I)
_TEACHING_PATH_RE = re.compile(r"(?:^|[/_.\-])(slides?|lectures?|lec\d*|tutorials?)(?=[/_.\-\d]|$)",
                               re.I)


def _teaching(title: str | None, labels: list[str], urls: list[str]) -> str:
    """Why an entry is course material (slides, lecture notes, a tutorial's PDF), when its links are paper
    links only by being PDFs (no identifier, no paper host, no ``paper``/``arXiv`` label) and its title, its
    first label or its PDF's path says so; empty otherwise."""
    pdfs = [u for u in urls if is_paper_url(u)]
    if (not pdfs or any(lab in _PAPER_LABELS - {"pdf"} for lab in labels)
            or any(is_paper_url(re.sub(r"\.pdf$", "", u, flags=re.I)) for u in pdfs)):
        return ""  # no PDF, or a paper's: an identifier, a paper host ("openaccess.thecvf.com/.../x.pdf")
    if m := _TEACHING_RE.search(title or "") or _TEACHING_RE.fullmatch(labels[0] if labels else "") or (
            urls and not is_paper_url(urls[0]) and next(filter(None, map(_TEACHING_RE.fullmatch, labels)), None)):
        # "- Slides: [part 1](x.pdf)" under a tutorial's page; not "Title [pdf](a.pdf) [slides](b.pdf)", a paper
        return f"a PDF the entry calls '{m.group(0)}'"
    path = urlsplit(pdfs[0]).path
    if m := _TEACHING_PATH_RE.search(path):
        return f"a PDF under '{m.group(1)}' ({path})"
    return ""


def _is_article_page(url: str) -> bool:
    """A page below the root of a personal site (``someone.github.io/some_notes/``): an article there."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_PERSONAL_SITE_HOSTS.search(parts.hostname or "")) and bool(parts.path.strip("/"))


def cue_text(seg: Segment, title: str | None) -> str:
    """What an entry says about itself outside its title: its link labels and its other text."""
    parts = [label or "" for label, _ in seg.links]
    for ln in seg.lines:
        parts.append(text_outside_links(ln).replace(title or "\0", " "))
    return " ".join(parts)
