"""Identifiers found in URLs (arXiv, DOI, OpenReview, PMLR, CVF, NeurIPS, IEEE) and what kind of thing a URL is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

# New-style arXiv ids (YYMM.NNNN or YYMM.NNNNN) and old-style ones (archive[.SUBJ]/YYMMNNN).
_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = rf"(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?"
# Every form users write: abs/pdf/html/format pages, a doubled slash, no path word (``arxiv.org/ID``),
# ``export.``/``www.`` hosts, any case, ``.pdf`` and version suffixes. A new-style id followed by more digits
# (``2307.000400``, a typo) keeps its first five digits; the parse report flags such a link.
ARXIV_URL_RE = re.compile(
    rf"^(?:https?://)?(?:www\.|export\.)?arxiv\.org/+(?:(?:abs|pdf|html|format)/+)?{_ARXIV_ID}"
    r"(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)
# Sites that show an arXiv paper under its id: Hugging Face's paper pages (hf.co too), ar5iv, alphaXiv, Semantic
# Scholar, papers.cool, arXiv Vanity.
ARXIV_MIRROR_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:(?:huggingface|hf)\.co/papers|ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html)"
    r"|alphaxiv\.org/(?:abs|overview|pdf)|semanticscholar\.org/arxiv|papers\.cool/arxiv|arxiv-vanity\.com/papers)"
    rf"/+{_ARXIV_ID}(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)
_ARXIV_LOOSE_RE = re.compile(r"arxiv\.org/+(?:(?:abs|pdf|html|format)/+)?(\d{4}\.\d{5})\d+", re.IGNORECASE)
# The DOI arXiv registers for every paper: 10.48550/arXiv.2106.05931.
_ARXIV_DOI_RE = re.compile(rf"^10\.48550/arxiv\.{_ARXIV_ID}$", re.IGNORECASE)
DOI_RE = re.compile(r"(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
# Publisher pages whose path carries the DOI: /doi/10.x/y, /doi/abs/10.x/y, /article/10.x/y, ...
_DOI_IN_PATH_RE = re.compile(r"/(?:doi(?:/(?:abs|full|pdf|epdf))?|article|chapter)/(10\.\d{4,9}/[^?#\s]+)")
OPENREVIEW_RE = re.compile(r"^(?:https?://)?(?:www\.)?openreview\.net/(?:forum|pdf|attachment)\?", re.I)
PMLR_RE = re.compile(r"proceedings\.mlr\.press/(v\d+)/([a-z0-9\-_]+?)(?:/[a-z0-9\-_]+)?(?:\.html|\.pdf)?$", re.I)
CVF_RE = re.compile(
    r"openaccess\.thecvf\.com/(?:content/|content_)?([A-Za-z0-9_]+)/(?:[A-Za-z0-9]+/)?(?:html|papers)/"
    r"(?:[A-Za-z0-9]+/)?([^/]+?)\.(?:html|pdf)$"
)
NEURIPS_RE = re.compile(
    r"(?:proceedings\.neurips\.cc|papers\.nips\.cc)/(?:paper_files/)?paper/(\d{4})/(?:hash|file)/([0-9a-f]{32})",
    re.I,
)
IEEE_RE = re.compile(r"ieeexplore\.ieee\.org/(?:abstract/)?document/(\d+)", re.I)

VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "bilibili.com", "slideslive.com", "videolectures.net")
PAPER_HOSTS = (
    "arxiv.org", "openreview.net", "proceedings.mlr.press", "openaccess.thecvf.com", "proceedings.neurips.cc",
    "papers.nips.cc", "ieeexplore.ieee.org", "dl.acm.org", "aclanthology.org", "link.springer.com",
    "sciencedirect.com", "nature.com", "science.org", "jmlr.org", "ojs.aaai.org", "ijcai.org", "biorxiv.org",
    "semanticscholar.org", "doi.org", "isca-archive.org", "isca-speech.org", "medrxiv.org", "chemrxiv.org",
    "hal.science", "hal.archives-ouvertes.fr", "drops.dagstuhl.de", "mdpi.com", "springeropen.com", "cell.com",
    "pubs.rsc.org", "academic.oup.com", "citeseerx.ist.psu.edu", "frontiersin.org", "pnas.org", "journals.plos.org",
    "onlinelibrary.wiley.com", "tandfonline.com", "pubmed.ncbi.nlm.nih.gov", "europepmc.org", "iopscience.iop.org",
    "journals.aps.org", "jstor.org", "papers.ssrn.com", "ecva.net", "bmva.org", "roboticsproceedings.org",
    "ceur-ws.org", "direct.mit.edu", "transacl.org", "jair.org", "proceedings.mlsys.org", "mlsys.org",
)
"""Hosts whose pages are papers."""
PAPER_HOST_PATHS = (
    "aclweb.org/anthology", "researchgate.net/publication", "aaai.org/papers", "usenix.org/conference",
    "usenix.org/system/files", "ncbi.nlm.nih.gov/pmc", "cambridge.org/core", "computer.org/csdl",
    "huggingface.co/papers", "paperswithcode.com/paper", "aaai.org/ocs", "aaai.org/library",
)
"""A host and the start of a path: the part of a site that holds papers (``aclweb.org/anthology``)."""


def _paths_by_host(entries: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``aclweb.org/anthology`` entries as host -> the starts of its paths that hold papers."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        site, start = entry.split("/", 1)
        out[site] = (*out.get(site, ()), "/" + start.lower())
    return out


_PAPER_HOST_PATHS = _paths_by_host(PAPER_HOST_PATHS)
_POST_PATH_RE = re.compile(
    r"/(?:blog|blogs|posts?|lil-log|notes?|tutorials?|articles?)/|/\d{4}/\d{2}/(?:\d{2}/)?", re.I
)
_REPO_ADMIN_PAGES = frozenset({"issues", "pulls", "pull", "discussions", "compare", "fork", "forks", "stargazers",
                               "network", "actions", "graphs", "watchers", "settings", "projects", "milestones",
                               "labels"})
POST_HOSTS = ("medium.com", "substack.com", "notion.site", "distill.pub", "towardsdatascience.com", "wordpress.com",
              "zhuanlan.zhihu.com", "mp.weixin.qq.com", "jianshu.com", "qiita.com", "zenn.dev", "velog.io", "dev.to",
              "hashnode.dev", "hackernoon.com", "tistory.com", "brunch.co.kr", "blog.naver.com", "note.com",
              "hatenablog.com", "hatenablog.jp", "habr.com", "blog.csdn.net", "juejin.cn", "cnblogs.com",
              "blogspot.com")  # blog platforms: any page on them is a post


ID_PREFIX: dict[str, str] = {"arxiv_id": "arxiv", "doi": "doi", "openreview_id": "openreview", "pmlr_id": "pmlr",
                             "cvf_id": "cvf", "neurips_id": "neurips", "ieee_id": "ieee"}
"""The identifier columns, strongest first, and the prefix each gives a work id (``arxiv:2006.11239``)."""
ID_COLUMNS: tuple[str, ...] = tuple(ID_PREFIX)


@dataclass
class Identifiers:
    """Identifiers found in one or more URLs (one field per :data:`ID_COLUMNS`); the first found wins."""

    arxiv_id: str | None = None
    doi: str | None = None
    openreview_id: str | None = None
    pmlr_id: str | None = None
    cvf_id: str | None = None
    neurips_id: str | None = None
    ieee_id: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def merge(self, other: Identifiers) -> None:
        """Fill the fields still empty from ``other``."""
        for name in ID_COLUMNS:
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))

    def strong(self) -> list[str]:
        """The identifiers as prefixed strings, strongest first: ``['arxiv:2006.11239', 'doi:...']``."""
        return [f"{prefix}:{getattr(self, name)}" for name, prefix in ID_PREFIX.items() if getattr(self, name)]


# "http(s)://host" and then "/", "?", "#" or the end, the host plain letters, digits, dots and dashes: what
# urlsplit reads as its host, without the general case (user, port, brackets)
_PLAIN_HOST_RE = re.compile(r"(?i:https?)://([A-Za-z0-9.\-]+)(?=[/?#]|$)")


def _host(url: str) -> str:
    full = url if "://" in url else "http://" + url
    if m := _PLAIN_HOST_RE.match(full):
        return m.group(1).lower().removeprefix("www.")
    try:
        host = urlsplit(full).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _domains(host: str) -> list[str]:
    """The host and every domain it is under: ``a.b.org`` -> ``a.b.org``, ``b.org``, ``org``. A name longer than
    DNS allows (253 characters) is only itself: its suffixes would cost time and memory quadratic in its length."""
    if len(host) > 253:
        return [host]
    out = [host]
    dot = host.find(".")
    while dot >= 0:
        out.append(host[dot + 1:])
        dot = host.find(".", dot + 1)
    return out


@lru_cache(maxsize=64)
def _host_set(hosts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(hosts)


def _host_in(host: str, hosts: tuple[str, ...]) -> bool:
    """Whether ``host`` is one of ``hosts`` or under one (``x.medium.com``): a set look-up per domain of the
    host, whatever the number of hosts."""
    names = _host_set(hosts)
    return any(d in names for d in _domains(host))


def normalize_doi(raw: str) -> str | None:
    """A DOI in any common form (bare, ``doi:``, doi.org URL) -> lower-cased bare DOI, or None."""
    text = unquote(raw.strip())
    m = DOI_RE.search(text)
    if not m:
        return None
    doi = m.group(1).rstrip(".,;)")
    return doi.lower()


def arxiv_year(arxiv_id: str | None) -> int | None:
    """The year an arXiv id was issued (from YYMM), or None."""
    if not arxiv_id:
        return None
    m = re.search(r"(?:^|/)(\d{2})(\d{2})[.\d]", arxiv_id)
    if not m:
        return None
    yy, mm = int(m.group(1)), int(m.group(2))
    if not 1 <= mm <= 12:
        return None
    return 1900 + yy if yy >= 91 else 2000 + yy


def identifiers_from_url(url: str) -> Identifiers:
    """Every identifier a single URL carries (a new object each call; the parsing is cached)."""
    return Identifiers(*_url_identifiers(url))


@lru_cache(maxsize=1 << 18)
def _url_identifiers(url: str) -> tuple[str | None, ...]:
    ids = Identifiers()
    if not url:
        return (None,) * len(ID_COLUMNS)
    u = url.strip()
    host = _host(u)
    m = ARXIV_URL_RE.match(u) or ARXIV_MIRROR_RE.match(u)
    if m:
        ids.arxiv_id = m.group("id")
    elif host.endswith("arxiv.org"):
        m2 = re.search(rf"/(?:abs|pdf|html)/+{_ARXIV_ID}", u, re.IGNORECASE) or _ARXIV_LOOSE_RE.search(u)
        if m2:
            ids.arxiv_id = m2.group(1)
    if host in _DOI_HOSTS:
        ids.doi = normalize_doi(urlsplit(u).path.lstrip("/"))
        m4 = _ARXIV_DOI_RE.match(ids.doi or "")
        if m4 and not ids.arxiv_id:
            ids.arxiv_id, ids.doi = m4.group("id"), None
    elif not ids.arxiv_id and ("10." in u or "%" in u or "[" in u or "]" in u or "\t" in u or "\r" in u or "\n" in u
                               or not u.isascii()):  # urlsplit drops tabs and line breaks: "1\t0.1000/x"
        # a DOI in the path, maybe percent-encoded (and what urlsplit may refuse, raising as it did)
        m3 = _DOI_IN_PATH_RE.search(unquote(urlsplit(u).path))
        if m3:
            ids.doi = normalize_doi(m3.group(1))
    if OPENREVIEW_RE.match(u):
        q = parse_qs(urlsplit(u).query)
        if q.get("id"):
            ids.openreview_id = q["id"][0]
    m = PMLR_RE.search(u)
    if m:
        ids.pmlr_id = f"{m.group(1)}/{m.group(2)}"
    m = CVF_RE.search(u)
    if m:
        ids.cvf_id = f"{m.group(1)}/{m.group(2).removesuffix('_paper')}"
    m = NEURIPS_RE.search(u)
    if m:
        ids.neurips_id = f"{m.group(1)}/{m.group(2).lower()}"
    m = IEEE_RE.search(u)
    if m:
        ids.ieee_id = m.group(1)
    return tuple(getattr(ids, name) for name in ID_COLUMNS)


@lru_cache(maxsize=1 << 18)
def is_paper_url(url: str) -> bool:
    """True when the URL is the page or PDF of a paper (an identifier, a known paper host, or a .pdf)."""
    if not url:
        return False
    if any(_url_identifiers(url)):  # identifiers_from_url(url).strong(), without making the object
        return True
    host = _host(url)
    path = urlsplit(url).path.lower() if "://" in url else url.lower()
    if path.endswith(".pdf"):
        return True
    names = _host_set(PAPER_HOSTS)
    return any(d in names or (d in _PAPER_HOST_PATHS and path.startswith(_PAPER_HOST_PATHS[d]))
               for d in _domains(host))


def is_repository_page(url: str) -> bool:
    """A page about a repository, not the repository: its issues, pull requests, forks..."""
    parts = [p for p in urlsplit(url).path.split("/") if p] if "://" in url else []
    return _host(url) in ("github.com", "gitlab.com") and len(parts) > 2 and parts[2].lower() in _REPO_ADMIN_PAGES


@lru_cache(maxsize=1 << 18)
def url_kind(url: str) -> str:
    """What a URL points at: ``paper``, ``video``, ``repository``, ``post`` or ``website``."""
    if not url:
        return "website"
    host = _host(url)
    try:
        path = urlsplit(url).path
    except ValueError:
        path = ""
    if is_paper_url(url):
        return "paper"
    if _host_in(host, VIDEO_HOSTS):
        return "video"
    if host in ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org"):
        parts = [p for p in path.split("/") if p]
        # A rendered notes page in a repository is a post; the repository or a folder of it is code.
        if len(parts) > 3 and parts[2] == "blob" and parts[-1].lower().endswith((".md", ".ipynb", ".rst")):
            return "post"
        if len(parts) > 2 and parts[2].lower() in _REPO_ADMIN_PAGES:
            return "website"  # a repository's issues, pull requests, forks...: a page about it, not a work
        return "repository" if len(parts) >= 2 else "website"
    if _host_in(host, POST_HOSTS) or _POST_PATH_RE.search(path):
        return "post"
    return "website"


_YOUTUBE_ID_RE = re.compile(r"(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)([A-Za-z0-9_-]{6,})")
_PLAYLIST_RE = re.compile(r"[?&]list=([A-Za-z0-9_-]+)")
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "gad_source", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "source", "spm", "casa_token"})
"""Query parameters that only say who clicked where, or carry a session (lower case): a URL names the same page
without them (:func:`url_identity`), and the check asks to remove them (rule DD203)."""
TRACKING_PREFIXES = ("utm_", "mc_")  # every utm_source, utm_medium...; Mailchimp's mc_*
SHARE_TRACKING_HOSTS = ("youtube.com", "youtu.be", "open.spotify.com")  # where '?si=' is a share tracker


def is_tracking_parameter(name: str, host: str = "") -> bool:
    """Whether the query parameter ``name`` of a URL on ``host`` is a tracking parameter (any case)."""
    low = name.lower()
    return low in TRACKING_PARAMETERS or low.startswith(TRACKING_PREFIXES) or (
        low == "si" and _host_in(host.lower().removeprefix("www.").removeprefix("m."), SHARE_TRACKING_HOSTS))


@lru_cache(maxsize=1 << 18)
def url_identity(url: str) -> str | None:
    """What a URL identifies, independent of how it is written: ``youtube:<video id>`` (or
    ``youtube-list:<id>`` for a playlist), ``github.com/<owner>/<repo>`` for a repository (any page inside it),
    else the URL without scheme, ``www.``, fragment, tracking parameters and trailing slash, lower-cased host
    (the rest of the query stays: ``item?id=1`` and ``item?id=2`` are different pages)."""
    if not url:
        return None
    m = _YOUTUBE_ID_RE.search(url)
    if m:
        return f"youtube:{m.group(1)}"
    if "youtube.com/playlist" in url:
        m = _PLAYLIST_RE.search(url)
        if m:
            return f"youtube-list:{m.group(1)}"
    host = _host(url)
    try:
        split = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:
        return None
    parts = [p for p in split.path.split("/") if p]
    query = "&".join(sorted(q for q in split.query.split("&")
                            if q and not is_tracking_parameter(unquote(q.split("=", 1)[0]), host)))
    in_repo = host in ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org") and len(parts) >= 2
    if in_repo and not (len(parts) > 3 and parts[2] == "blob"):  # a notes page in a repository is its own page
        return f"{host}/{parts[0].lower()}/{parts[1].lower().removesuffix('.git')}"
    page = f"{host}/{'/'.join(parts)}" if parts else host
    return f"{page}?{query}" if query else page
