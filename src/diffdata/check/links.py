"""Findings about links: arXiv or DOI links that hold no valid identifier, tracking parameters, and arXiv PDF
links in a list that otherwise links abstract pages."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import parse_qsl, urlsplit

from diffdata.check.finding import finding
from diffdata.identifiers import ARXIV_URL_RE, identifiers_from_url, is_tracking_parameter

_ARXIV_PAGE_RE = re.compile(r"^(?:www\.|export\.)?arxiv\.org$", re.I)
_ARXIV_ID_PATH_RE = re.compile(r"^/+(?:(?:abs|pdf|html|format)(?:/|$)|\d{4}\.)", re.I)
_DOI_HOSTS = ("doi.org", "dx.doi.org", "www.doi.org")


def links(occ: list[dict]) -> list[dict]:
    """The findings about every link of every mention (a link repeated on one line counts once)."""
    out = []
    abs_pdf: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in occ:
        for url in {x["url"] for x in o["links"]}:  # a title link and a badge to the same page count once
            form = _arxiv_form(url)
            if form:
                abs_pdf[o["source"]][form == "pdf"] += 1
    seen: set[tuple[str, int, str]] = set()
    for o in occ:
        urls = [x["url"] for x in o["links"]]
        for url in urls:
            key = (o["source"], o["line"], url)
            if key in seen:  # the second-id mention of an entry repeats its links
                continue
            seen.add(key)
            base = dict(work_id=o["work_id"], occurrence_id=o["occurrence_id"], url=url, find=(url,),
                        end=o.get("end_line"))
            bad = _malformed(url)
            if bad:
                out.append(finding(o["source"], o["line"], "DD201", f"{url} {bad}: correct the link", "occurrences",
                                   bad, **base))
            tracking = _tracking(url)
            if tracking:
                out.append(finding(o["source"], o["line"], "DD203",
                                   f"{url} carries the tracking parameter(s) {', '.join(tracking)}: remove them",
                                   "occurrences", ", ".join(tracking), **base))
            n_abs, n_pdf = abs_pdf[o["source"]]
            if _arxiv_form(url) == "pdf" and n_abs > n_pdf:
                arxiv = identifiers_from_url(url).arxiv_id
                has_abs = any(_arxiv_form(u) == "abs" and identifiers_from_url(u).arxiv_id == arxiv for u in urls)
                if arxiv and not has_abs:
                    out.append(finding(o["source"], o["line"], "DD202",
                                       f"{url} is a PDF link; the list links {n_abs} abstract pages and {n_pdf} "
                                       f"PDFs: link https://arxiv.org/abs/{arxiv} instead", "occurrences",
                                       f"{n_abs} abs vs {n_pdf} pdf", **base))
    return out


def _arxiv_form(url: str) -> str | None:
    """'abs' or 'pdf' for an arXiv abstract page or PDF link, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not _ARXIV_PAGE_RE.match(parts.hostname or ""):
        return None
    path = parts.path.lower()
    if path.startswith("/pdf/") or path.endswith(".pdf"):
        return "pdf"
    return "abs" if path.startswith("/abs/") else None


def _malformed(url: str) -> str | None:
    """Why a link that looks like an arXiv or DOI link holds no valid identifier, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if _ARXIV_PAGE_RE.match(host) and _ARXIV_ID_PATH_RE.match(parts.path):
        if ARXIV_URL_RE.match(url.strip()):
            return None
        loose = identifiers_from_url(url).arxiv_id
        return ("holds no valid arXiv id" + (f" (it was read as {loose}, which may be the wrong paper)" if loose
                                              else ""))
    if host in _DOI_HOSTS and parts.path.strip("/"):
        ids = identifiers_from_url(url)
        if not (ids.doi or ids.arxiv_id):
            return "holds no valid DOI (a DOI starts with '10.' and a registrant number, then '/')"
    return None


def _tracking(url: str) -> list[str]:
    """The tracking parameters in ``url``'s query, in order (``identifiers.TRACKING_PARAMETERS``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    host = parts.hostname or ""
    found = [name for name, _value in parse_qsl(parts.query, keep_blank_values=True)
             if is_tracking_parameter(name, host)]
    return list(dict.fromkeys(found))
