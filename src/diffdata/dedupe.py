"""The dedupe stage: mentions in, works out (:func:`merge_mentions`); pure and independent of row order.

The rules (identifier, title, fuzzy title, their guards) and the choice of each work's canonical fields are in
``docs/merge-rules.md``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
from rapidfuzz import fuzz, process

from diffdata.cells import records
from diffdata.identifiers import ID_COLUMNS, ID_PREFIX, arxiv_year, is_paper_url, url_identity, url_kind
from diffdata.schemas import ISSUES, MATCHES, PAPERS
from diffdata.text import YEAR, YEAR_RE, surnames, title_key
from diffdata.venues import conference_name

FUZZY_THRESHOLD = 0.92
_CUTOFF = round(FUZZY_THRESHOLD * 100, 6)
CONFLICT_TITLE_THRESHOLD = 0.85
_MIN_TOKEN_LEN = 3
URL_IDENTIFIED = {"repository", "video"}  # kinds whose address is their identity
REPOSITORY_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
"""The hosts :func:`diffdata.identifiers.url_kind` reads a repository at: a URL that names none of them (in any
case) is not one, which spares parsing every link of every work to find its code links."""
MAX_BLOCK = 200  # blocks larger than this are compared within a sliding window of sorted titles
WINDOW = 20


@dataclass
class DedupeResult:
    """What the dedupe stage returns."""

    occurrences: pd.DataFrame
    papers: pd.DataFrame
    matches: pd.DataFrame
    issues: pd.DataFrame


@dataclass
class _Group:
    members: list[int]
    kind: str
    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    years: set[int] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)  # url_identity of the primary link (not for papers)


class _Groups:
    """Union-find over mentions, with the facts each guard needs kept per group."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.parent = list(range(len(rows)))
        self.groups: dict[int, _Group] = {}
        self.edges: list[tuple[int, int, str, str]] = []
        for i, r in enumerate(rows):
            g = _Group([i], r["kind"])
            for col in ID_COLUMNS:
                if r.get(col) and not r["_suspicious"]:
                    g.ids[col].add(r[col])
            year = r.get("year")
            if year is not None:
                g.years.add(int(year))
            elif r.get("arxiv_id") and not r["_suspicious"]:
                ay = arxiv_year(r["arxiv_id"])
                if ay:
                    g.years.add(ay)
            g.surnames = set(r["_surnames"])
            if r["_url_id"]:
                g.urls.add(r["_url_id"])
            self.groups[i] = g

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        ga, gb = self.groups[self.find(a)], self.groups[self.find(b)]
        if ga.kind != gb.kind:
            return False
        for col in ID_COLUMNS:
            if ga.ids.get(col) and gb.ids.get(col) and not (ga.ids[col] & gb.ids[col]):
                return False
        if ga.kind in URL_IDENTIFIED and ga.urls and gb.urls and not (ga.urls & gb.urls):
            return False  # two repositories or videos at different addresses are different works
        if ga.years and gb.years and min(abs(x - y) for x in ga.years for y in gb.years) > 1:
            return False
        return not (ga.surnames and gb.surnames and not (ga.surnames & gb.surnames))

    def union(self, a: int, b: int, rule: str, evidence: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        gk, gd = self.groups[keep], self.groups.pop(drop)
        gk.members.extend(gd.members)
        for col, values in gd.ids.items():
            gk.ids[col] |= values
        gk.years |= gd.years
        gk.surnames |= gd.surnames
        gk.urls |= gd.urls
        self.parent[drop] = keep
        self.edges.append((a, b, rule, evidence))
        return True


def merge_mentions(occurrences: pd.DataFrame) -> DedupeResult:
    """Group mentions into works; see the module docstring for the rules."""
    occ = occurrences.sort_values(["source", "line", "occurrence_id"], kind="stable").reset_index(drop=True)
    rows = records(occ)
    surnames_of = _SurnameMemo()
    for r in rows:
        for col in ID_COLUMNS:
            v = r.get(col)
            r[col] = v if isinstance(v, str) and v else None
        r["_key"] = title_key(r.get("title"))
        r["_names"] = tuple(r["authors"]) if r.get("authors") is not None else ()
        r["_surnames"] = surnames_of(r["_names"])
        r["_suspicious"] = r["kind"] != "paper" and any(r[c] for c in ID_COLUMNS)
        r["_url_id"] = url_identity(r["url"]) if r["kind"] != "paper" and r.get("url") else None
    groups = _Groups(rows)
    issues: list[dict] = []

    # 1. identifiers
    by_id: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r["kind"] != "paper":
            continue
        for col in ID_COLUMNS:
            if r[col]:
                by_id[f"{ID_PREFIX[col]}:{r[col]}"].append(i)
    for i, r in enumerate(rows):
        if r["_url_id"]:  # the same page, video or repository, however its URL is written
            by_id[f"{r['kind']}-url:{r['_url_id']}"].append(i)
    for ident in sorted(by_id):
        members = by_id[ident]
        for m in members[1:]:
            groups.union(members[0], m, "identifier", ident)

    # 2. exact normalised title + kind
    by_title: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r["_key"]:
            by_title[(r["kind"], r["_key"])].append(i)
    for key in sorted(by_title):
        members = by_title[key]
        for m in members[1:]:
            for anchor in members:
                if anchor == m or groups.find(anchor) == groups.find(m):
                    continue
                if groups.compatible(anchor, m):
                    groups.union(anchor, m, "title", "title+kind")
                    break

    # 3. fuzzy titles, through a token index
    for score, a, b in _fuzzy_candidates(rows, groups):
        if groups.find(a) != groups.find(b) and groups.compatible(a, b):
            ya, yb = groups.groups[groups.find(a)].years, groups.groups[groups.find(b)].years
            same = "same year" if ya & yb else ("year unknown" if not (ya and yb) else "year within 1")
            groups.union(a, b, "fuzzy_title", f"fuzzy {score:.2f} + {same}")

    # suspicious links: a non-paper mention carrying a paper identifier
    for r in rows:
        if not r["_suspicious"]:
            continue
        idents = [f"{ID_PREFIX[c]}:{r[c]}" for c in ID_COLUMNS if r[c]]
        owners = sorted({groups.find(j) for ident in idents for j in by_id.get(ident, [])})
        owner_titles = [rows[o]["title"] for o in owners if rows[o].get("title")]
        what = f" which is the paper '{owner_titles[0]}'" if owner_titles else ""
        issues.append({"kind": "suspicious_link", "work_id": None, "occurrence_id": r["occurrence_id"],
                       "detail": f"{r['occurrence_id']} '{r.get('title')}' ({r['kind']}) links "
                                 f"{', '.join(idents)}{what}; kept apart"})

    return _assemble(occ, rows, groups, issues, surnames_of)


class _SurnameMemo(dict):
    """The surnames of an author list, computed once per distinct list in one merge (lists repeat: every
    mention of a work, and the checks of each work, ask again)."""

    def __call__(self, names: tuple[str, ...]) -> frozenset[str]:
        found = self.get(names)
        if found is None:
            found = self[names] = frozenset(surnames(names))
        return found


def _blocking_keys(key: str, df: Counter[str]) -> list[str]:
    """Blocking keys of a normalised title: the 4-letter prefixes of its three rarest words (a typo rarely
    changes a word's first letters), plus the title's first and last ten characters."""
    prefixes = sorted({t[:4] for t in key.split() if len(t) >= _MIN_TOKEN_LEN}, key=lambda p: (df[p], p))
    return [f"w:{p}" for p in prefixes[:3]] + [f"h:{key[:10]}", f"t:{key[-10:]}"]


def _fuzzy_candidates(rows: list[dict], groups: _Groups) -> list[tuple[float, int, int]]:
    """Pairs of mentions whose titles may be typos of each other, found through blocking keys (never all
    pairs): two titles are compared only when they share a blocking key of the same kind."""
    reps: dict[tuple[str, str], int] = {}
    for i, r in enumerate(rows):
        if r["_key"]:
            reps.setdefault((r["kind"], r["_key"]), i)
    df: Counter[str] = Counter()
    for _kind, key in reps:
        df.update({t[:4] for t in key.split() if len(t) >= _MIN_TOKEN_LEN})
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (kind, key), i in sorted(reps.items()):
        for block in _blocking_keys(key, df):
            index[(kind, block)].append(i)
    seen: set[tuple[int, int]] = set()
    out: list[tuple[float, int, int]] = []
    for members in index.values():
        if len(members) < 2:
            continue
        if len(members) > MAX_BLOCK:
            # a key this common blocks little: compare each title with its neighbours in sorted order only
            members = sorted(members, key=lambda i: rows[i]["_key"])
            spans = [(start, min(len(members), start + 2 * WINDOW)) for start in range(0, len(members), WINDOW)]
        else:
            spans = [(0, len(members))]
        for lo, hi in spans:
            part = members[lo:hi]
            keys = [rows[i]["_key"] for i in part]
            # rapidfuzz scores the whole block in C; only pairs above the threshold come back to Python
            scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=_CUTOFF, dtype=np.uint8)
            for x, y in zip(*np.nonzero(np.triu(scores, 1)), strict=True):
                a, b = part[x], part[y]
                if a > b:
                    a, b = b, a
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                score = _title_similarity(rows[a]["_key"], rows[b]["_key"])
                if score is not None:
                    out.append((score, a, b))
    out.sort(key=lambda t: (-t[0], rows[t[1]]["occurrence_id"], rows[t[2]]["occurrence_id"]))
    return out


def _title_similarity(a: str, b: str) -> float | None:
    """Similarity of two normalised titles when they may be the same title with typos, else None."""
    if a == b:
        return None
    la, lb = len(a), len(b)
    if 2 * (la if la < lb else lb) < FUZZY_THRESHOLD * (la + lb):
        return None  # the ratio can never reach the threshold with lengths this far apart
    score = fuzz.ratio(a, b, score_cutoff=_CUTOFF) / 100.0
    if not score:
        return None
    ta, tb = a.split(), b.split()
    if abs(len(ta) - len(tb)) > 1 or len(ta) < 2 or len(tb) < 2:
        return None
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return None  # one title inside the other: 'Consistency Models' vs '... Consistency Models'
    if [t for t in ta if t.isdigit()] != [t for t in tb if t.isdigit()]:
        return None  # 'Stable Diffusion 2' vs 'Stable Diffusion 3', 'Part 1' vs 'Part 2'
    return score


# -- assembling works ------------------------------------------------------------------------------------


def _assemble(occ: pd.DataFrame, rows: list[dict], groups: _Groups, issues: list[dict],
              surnames_of: _SurnameMemo) -> DedupeResult:
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        components[groups.find(i)].append(i)
    # An author list that is also another work's is likely copied from that entry by mistake (a list gave
    # DiffWave the authors of Sohl-Dickstein et al. 2015): it does not win the canonical authors.
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, r in enumerate(rows):
        if r.get("authors") is not None and len(r["authors"]) >= 2:
            owners[tuple(r["authors"])].add(groups.find(i))
    shared: dict[int, dict[tuple[str, ...], str]] = defaultdict(dict)
    for names, own in owners.items():
        if len(own) > 1:
            for root in own:
                other = min(min(components[o]) for o in own if o != root)
                shared[root][names] = rows[other].get("title") or "another work"
    works = []
    for root, members in components.items():
        works.append(_work(sorted(members), rows, surnames_of, shared.get(root)))  # rows are in (list, line) order
    _assign_work_ids(works)
    work_of: dict[int, str] = {}
    for w in works:
        for i in w["_members"]:
            work_of[i] = w["work_id"]
        for c in w["conflicts"]:
            issues.append({"kind": "conflict", "work_id": w["work_id"], "occurrence_id": None, "detail": c})
    row_of = {r["occurrence_id"]: i for i, r in enumerate(rows)}  # one look-up per issue, not a scan of rows
    for item in issues:
        if item["work_id"] is None and item["occurrence_id"]:
            idx = row_of[item["occurrence_id"]]
            item["work_id"] = work_of[idx]
            item["detail"] = item["detail"] + f" (as {work_of[idx]})"

    matches = _explain(rows, groups, components, work_of)
    out_occ = occ.copy()
    out_occ["work_id"] = [work_of[i] for i in range(len(rows))]
    papers = pd.DataFrame([{k: v for k, v in w.items() if not k.startswith("_")} for w in works])
    for col in PAPERS.names:
        if col not in papers.columns:
            is_list = pa.types.is_list(PAPERS.field(col).type)
            papers[col] = [[] if is_list else None for _ in range(len(papers))]
    papers["enrichment_status"] = "not_fetched"
    papers["citation_key"] = ""
    papers = papers[PAPERS.names].sort_values("work_id", kind="stable").reset_index(drop=True)
    issues_df = pd.DataFrame(issues, columns=ISSUES.names).sort_values(
        ["kind", "work_id", "detail"], kind="stable").reset_index(drop=True)
    return DedupeResult(out_occ, papers, matches, issues_df)


def _most_common(values: Iterable, tie=None):
    """The most frequent value; a tie goes to ``tie(tied)`` or else to the value seen first (mentions are in
    (list, line) order)."""
    if isinstance(values, list) and len(values) == 1:  # most works have one mention: no counting
        v = values[0]
        return None if v is None or v != v or v == "" else (tie([v]) if tie else v)
    counts = Counter(v for v in values if v is not None and v == v and v != "")
    if not counts:
        return None
    best = max(counts.values())
    tied = [v for v, c in counts.items() if c == best]  # Counter keeps first-seen order
    return tie(tied) if tie else tied[0]


def _capitals(text: str) -> int:
    return sum(ch.isupper() for ch in text)


def _work(members: list[int], rows: list[dict], surnames_of: _SurnameMemo,
          copied: dict[tuple[str, ...], str] | None = None) -> dict:
    rs = [rows[i] for i in members]
    kind = rs[0]["kind"]
    clean = [r for r in rs if not r["_suspicious"]]
    key = _most_common([r["_key"] for r in rs])
    title_forms = [r["title"] for r in rs if r["_key"] == key and r.get("title")]
    # max() keeps the first of equal candidates: ties go to the first mention in (list, line) order
    forms = list(dict.fromkeys(title_forms))
    title = (forms[0] if len(forms) == 1 else  # one way of writing it: nothing to count
             max(forms, key=lambda t: (title_forms.count(t), _capitals(t))) if forms else None)
    author_lists = [r["_names"] for r in rs if r["_names"]]
    # a list shared with another work counts as copied only when it has no author in common with this
    # work's other lists (co-authors of two papers are not a copy)
    own = frozenset().union(*(surnames_of(a) for a in author_lists if a not in (copied or {})))
    copied = {a: t for a, t in (copied or {}).items() if own and not (surnames_of(a) & own)}
    if any(a not in copied for a in author_lists):
        author_lists = [a for a in author_lists if a not in copied]
    authors = (list(max(dict.fromkeys(author_lists), key=lambda a: (len(a), author_lists.count(a))))
               if author_lists else [])
    ids = {col: _most_common([r[col] for r in clean]) for col in ID_COLUMNS}
    preprint_year = arxiv_year(ids["arxiv_id"])
    years = [int(r["year"]) for r in rs if r.get("year") is not None and not _wrong_preprint_year(r, preprint_year)]
    year = _most_common(years, tie=min) if years else (
        preprint_year or _identifier_year(ids, [x["url"] for r in clean for x in r["links"]]))
    venues = [r["venue"] for r in rs if isinstance(r.get("venue"), str) and r["venue"].lower() != "arxiv"]
    venue = _most_common(venues) or _most_common([r["venue"] for r in rs if isinstance(r.get("venue"), str)])
    links = [x for r in rs for x in r["links"]]
    primary = [r["url"] for r in rs if isinstance(r.get("url"), str)]
    if ids["arxiv_id"]:
        url = f"https://arxiv.org/abs/{ids['arxiv_id']}"
    elif ids["doi"]:
        url = f"https://doi.org/{ids['doi']}"
    else:
        url = _most_common(primary)
    code = sorted({x["url"] for x in links if _is_repository(x["url"]) and x["url"] not in primary})
    if kind == "repository":
        code = sorted(set(code) | {u for u in primary if _is_repository(u)})
    project = sorted({x["url"] for x in links if x["url"] not in code and x["url"] != url
                      and not is_paper_url(x["url"]) and x["url"] not in primary})
    conflicts = _conflicts(rs, title, authors, preprint_year, copied, ids["arxiv_id"], surnames_of)
    if any(c.startswith("venue:") for c in conflicts):
        venue = None  # the lists disagree: no venue is better than a wrong one (enrichment decides)
    qualifier = _most_common([r["qualifier"] for r in rs if r.get("qualifier") and r.get("venue") == venue]
                             ) if venue else None
    return {
        "_members": members,
        "_first": rs[0]["occurrence_id"],
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
        "sources": sorted({r["source"] for r in rs}),
        "sections": sorted({" > ".join(r["section"]) for r in rs if len(r["section"])}),
        "occurrence_count": len(rs),
        "conflicts": conflicts,
    }


def _is_repository(url: str) -> bool:
    """``url_kind(url) == "repository"``, without parsing a URL that names no repository host."""
    low = url.lower()
    return any(h in low for h in REPOSITORY_HOSTS) and url_kind(url) == "repository"


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


def _wrong_preprint_year(r: dict, preprint_year: int | None) -> bool:
    """A mention that calls the work an arXiv preprint but gives another year than its arXiv id's."""
    venue = (r.get("venue") or "").lower()
    return bool(preprint_year and venue.startswith("arxiv") and r.get("year") is not None
                and int(r["year"]) != preprint_year)


def _conflicts(rs: list[dict], title: str | None, authors: list[str], preprint_year: int | None,
               copied: dict[tuple[str, ...], str], arxiv_id: str | None, surnames_of: _SurnameMemo) -> list[str]:
    out: list[str] = []
    key = title_key(title)
    if key:
        others = {r["title"]: r["_key"] for r in rs if r.get("title") and r["_key"] != key}
        for other in sorted(others):
            if fuzz.ratio(others[other], key) / 100 < CONFLICT_TITLE_THRESHOLD:
                out.append(f"title: '{title}' vs '{other}'")
    canon = surnames_of(tuple(authors))
    seen: set[tuple[str, ...]] = set()
    for r in rs:
        names = r["_names"]
        if names and canon and not (surnames_of(names) & canon) and names not in seen:
            seen.add(names)
            source = f" (the authors of '{copied[names]}')" if names in copied else ""
            out.append(f"authors: '{', '.join(authors)}' vs '{', '.join(names)}'{source}")
    years = sorted({int(r["year"]) for r in rs if r.get("year") is not None})
    if years and years[-1] - years[0] > 1:
        out.append(f"year: {years[0]} vs {years[-1]}")
    for r in rs:
        if _wrong_preprint_year(r, preprint_year):
            out.append(f"year: {r['occurrence_id']} gives {int(r['year'])} for an arXiv preprint whose id "
                       f"{arxiv_id} is from {preprint_year}")
    confs = sorted({conference_name(r["venue"]) for r in rs if conference_name(r.get("venue"))})
    if len(confs) > 1:
        out.append("venue: " + " vs ".join(f"'{c}'" for c in confs))
    return out


def _slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "untitled"


def _assign_work_ids(works: list[dict]) -> None:
    """Stable ids: the strongest identifier, else kind + title slug (+ year or a hash on a clash)."""
    for w in works:
        for col in ID_COLUMNS:
            if w["_ids"].get(col):
                w["work_id"] = f"{ID_PREFIX[col]}:{w['_ids'][col]}"
                break
        else:
            w["work_id"] = f"{w['kind']}:{_slug(w['_key'] or w['url'] or 'untitled')}"
    by_id: dict[str, list[dict]] = defaultdict(list)
    for w in works:
        by_id[w["work_id"]].append(w)
    for wid, clash in by_id.items():
        if len(clash) < 2:
            continue
        # The address tells them apart and does not change when other fields do; works without one are told
        # apart by their full title, authors and year, and the last ties by a counter in a fixed order.
        seen: Counter[str] = Counter()
        bases = [(w["url"] or f"{w['_key']}|{'|'.join(w['authors'])}|{w['year']}", w) for w in clash]
        for basis, w in sorted(bases, key=lambda bw: (bw[0], bw[1]["_first"])):
            seen[basis] += 1
            tail = "" if seen[basis] == 1 else f"-{seen[basis]}"
            w["work_id"] = f"{wid}:{hashlib.sha1(basis.encode()).hexdigest()[:8]}{tail}"


def _explain(rows: list[dict], groups: _Groups, components: dict[int, list[int]],
             work_of: dict[int, str]) -> pd.DataFrame:
    """For each mention, the rule and evidence that put it in its work (a walk over the merge edges)."""
    adjacency: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for a, b, rule, evidence in groups.edges:
        adjacency[a].append((b, rule, evidence))
        adjacency[b].append((a, rule, evidence))
    out = []
    for members in components.values():
        seed = min(members)  # the first mention in (list, line) order
        r = rows[seed]
        if r["_suspicious"]:
            rule, evidence = "kept_apart", "links " + ", ".join(
                f"{ID_PREFIX[c]}:{r[c]}" for c in ID_COLUMNS if r[c]) + f" but is a {r['kind']}"
        else:
            rule, evidence = "seed", "first mention of the work"
        out.append({"occurrence_id": r["occurrence_id"], "work_id": work_of[seed], "rule": rule,
                    "evidence": evidence, "matched_occurrence_id": None})
        seen, queue = {seed}, [seed]
        while queue:
            cur = queue.pop(0)
            for nxt, rule, evidence in sorted(adjacency[cur]):
                if nxt in seen:
                    continue
                seen.add(nxt)
                queue.append(nxt)
                out.append({"occurrence_id": rows[nxt]["occurrence_id"], "work_id": work_of[nxt], "rule": rule,
                            "evidence": evidence, "matched_occurrence_id": rows[cur]["occurrence_id"]})
    order = {r["occurrence_id"]: i for i, r in enumerate(rows)}
    out.sort(key=lambda m: order[m["occurrence_id"]])
    return pd.DataFrame(out, columns=MATCHES.names)
