"""The canonical fields of a work, chosen from its mentions (rules in ``docs/merge-rules.md``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from diffdata.dedupe.issues import conflicts, wrong_preprint_year
from diffdata.dedupe.rows import IDS, Mention, SurnameMemo
from diffdata.identifiers import ID_COLUMNS, arxiv_year, is_paper_url, url_kind
from diffdata.text import YEAR, YEAR_RE
from diffdata.venues import lookup

REPOSITORY_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
"""The hosts :func:`diffdata.identifiers.url_kind` reads a repository at: a URL that names none of them (in any
case) is not one, which spares parsing every link of every work to find its code links."""


def work_fields(members: list[int], rows: list[Mention], surnames_of: SurnameMemo,
                copied: dict[tuple[str, ...], str] | None = None) -> dict:
    """The work made of the mention rows ``members`` (in (list, line) order): its PAPERS fields (``work_id``
    still empty), its conflicts, and ``_first``, ``_key`` and ``_ids`` for assembling.
    ``copied`` maps author lists that other works also give to one of those works' titles."""
    rs = [rows[i] for i in members]
    kind = rs[0].kind
    clean = [r for r in rs if not r.suspicious]
    key = _most_common([r.key for r in rs])
    title_forms = [r.title for r in rs if r.key == key and r.title]
    # max() keeps the first of equal candidates: ties go to the first mention in (list, line) order
    forms = list(dict.fromkeys(title_forms))
    if len(forms) > 1:
        form_counts = Counter(title_forms)
        title = max(forms, key=lambda t: (form_counts[t], _capitals(t)))
    else:  # one way of writing it (or none): nothing to count
        title = forms[0] if forms else None
    author_lists = [r.names for r in rs if r.names]
    # a list shared with another work counts as copied only when it has no author in common with this
    # work's other lists (co-authors of two papers are not a copy)
    own = frozenset().union(*(surnames_of(a) for a in author_lists if a not in (copied or {})))
    copied = {a: t for a, t in (copied or {}).items() if own and not (surnames_of(a) & own)}
    if any(a not in copied for a in author_lists):
        author_lists = [a for a in author_lists if a not in copied]
    distinct = list(dict.fromkeys(author_lists))
    if len(distinct) > 1:
        list_counts = Counter(author_lists)
        authors = list(max(distinct, key=lambda a: (len(a), list_counts[a])))
    else:
        authors = list(distinct[0]) if distinct else []
    if len(clean) == 1:  # the rows' identifiers are None or a non-empty string (rows.py): nothing to count
        ids = dict(zip(ID_COLUMNS, clean[0][IDS], strict=True))
    elif clean:
        columns = zip(*(r[IDS] for r in clean), strict=True)  # each identifier's values, mention by mention
        ids = {col: _most_common(list(values)) for col, values in zip(ID_COLUMNS, columns, strict=True)}
    else:
        ids = dict.fromkeys(ID_COLUMNS)
    preprint_year = arxiv_year(ids["arxiv_id"])
    years = [int(r.year) for r in rs if r.year is not None and not wrong_preprint_year(r, preprint_year)]
    year = _most_common(years, tie=min) if years else (
        preprint_year or _identifier_year(ids, [x["url"] for r in clean for x in r.links]))
    venues = [r.venue for r in rs if isinstance(r.venue, str) and r.venue.lower() != "arxiv"]
    venue = _most_common(venues) or _identifier_venue(ids) or _most_common(
        [r.venue for r in rs if isinstance(r.venue, str)])
    links = [x for r in rs for x in r.links]
    primary = [r.url for r in rs if isinstance(r.url, str)]
    if ids["arxiv_id"]:
        url = f"https://arxiv.org/abs/{ids['arxiv_id']}"
    elif ids["doi"]:
        url = f"https://doi.org/{ids['doi']}"
    else:
        url = _most_common(primary)
    # the cheap tests first: most links are their mention's primary link, which is neither code nor project
    others = {x["url"] for x in links} - set(primary)
    code = sorted({u for u in others if is_repository(u)})
    if kind == "repository":
        code = sorted(set(code) | {u for u in primary if is_repository(u)})
    project = sorted({u for u in others if u != url and u not in code and not is_paper_url(u)})
    found = conflicts(rs, key, title, authors, preprint_year, copied, ids["arxiv_id"], surnames_of)
    if any(c.startswith("venue:") for c in found):
        venue = None  # the lists disagree: no venue is better than a wrong one (enrichment decides)
    qualifier = _most_common([r.qualifier for r in rs if r.qualifier and r.venue == venue]
                             ) if venue else None
    return {
        "_first": rs[0].occurrence_id,
        "_key": key,
        "work_id": "",
        "kind": kind,
        "title": title,
        "authors": authors,
        "year": year,
        "venue": venue,
        "qualifier": qualifier,
        "arxiv_id": ids["arxiv_id"],
        "doi": ids["doi"],
        "openreview_id": ids["openreview_id"],
        "_ids": ids,
        "url": url,
        "code_urls": code,
        "project_urls": project,
        "sources": sorted({r.source for r in rs}),
        "sections": sorted({" > ".join(r.section) for r in rs if len(r.section)}),
        "occurrence_count": len(rs),
        "conflicts": found,
    }


def _most_common(values: Iterable, tie=None):
    """The most frequent value; a tie goes to ``tie(tied)`` or else to the value seen first (mentions are in
    (list, line) order)."""
    if isinstance(values, list) and len(values) == 1:  # most works have one mention: no counting
        v = values[0]
        return None if v is None or v != v or v == "" else (tie([v]) if tie else v)
    present = [v for v in values if v is not None and v == v and v != ""]
    if not present:
        return None
    first = present[0]
    if all(v == first for v in present):  # one value, however often: nothing to count
        return tie([first]) if tie else first
    counts = Counter(present)
    best = max(counts.values())
    tied = [v for v, c in counts.items() if c == best]  # Counter keeps first-seen order
    return tie(tied) if tie else tied[0]


def _capitals(text: str) -> int:
    return sum(map(str.isupper, text))


def is_repository(url: str) -> bool:
    """``url_kind(url) == "repository"``, without parsing a URL that names no repository host."""
    low = url.lower()
    return any(h in low for h in REPOSITORY_HOSTS) and url_kind(url) == "repository"


# "CVPR2023/..", "ICCV2023W/.." (a workshop), and before 2021 "CVPR_2019/..", "ICCVW_2019/.." (a workshop)
_CVF_EVENT_RE = re.compile(r"([A-Za-z]+?)(W?)_?(?:19|20)\d\d(W?)/")


def _identifier_venue(ids: dict[str, str | None]) -> str | None:
    """A venue read from identifiers when no list names one (other than arXiv): the conference of a CVF
    proceedings id (``CVPR2023/...``: CVPR; ``ICCV2023W/...`` or ``ICCVW_2019/...``: ICCV Workshops), NeurIPS
    for its proceedings id."""
    m = _CVF_EVENT_RE.match(ids.get("cvf_id") or "")
    venue = lookup(m.group(1))[0] if m else None
    if venue is not None:
        return venue.abbr + (" Workshops" if m and (m.group(2) or m.group(3)) else "")
    return "NeurIPS" if ids.get("neurips_id") else None


def _identifier_year(ids: dict[str, str | None], urls: list[str]) -> int | None:
    """A year read from identifiers when no list gives one: the arXiv id's YYMM, the year in a CVF or NeurIPS
    proceedings id (``WACV2024/...``, ``2020/<hash>``), else a dated URL path (``/2024/01/20/``)."""
    if ids.get("arxiv_id"):
        return arxiv_year(ids["arxiv_id"])
    for col in ("cvf_id", "neurips_id"):
        m = YEAR_RE.search(ids.get(col) or "")
        if m:
            return int(m.group(1))
    for url in sorted(urls):
        m = re.search(rf"/({YEAR})[/-](0[1-9]|1[0-2])[/-]", url)
        if m:
            return int(m.group(1))
    return None
