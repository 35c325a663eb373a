"""What the pipeline knows about a list, as findings for its maintainer (``diffdata check``).

:func:`check` is a pure function from the pipeline's own tables (the parse report, the occurrences with their
``work_id``, the matches and the issues; optionally the papers, the enrichment merges and the list texts) to
one table of findings (schema :data:`diffdata.schemas.FINDINGS`): one row per thing to look at, with a file,
line and column, a severity, a stable code and a message that says what to do. Nothing is parsed again: the
list texts are used only to give each finding its column (where its link or title stands on its line).

Every issue row (``processed/issues.csv``) and every warning or error of the parse report becomes exactly one
finding (``origin`` says which table it came from, ``detail`` repeats the row's own words). The info rows of
the parse report that are expected in any list (badges, table-of-contents anchors, homepage links, links in a
description) are not findings. The codes are stable: a code is never reused for another meaning.

>>> [c for c in sorted(RULES) if RULES[c].severity == "error"]
['DD101', 'DD501']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

import pandas as pd

from diffdata.identifiers import ARXIV_URL_RE, identifiers_from_url
from diffdata.schemas import FINDINGS, records

__all__ = ["RULES", "SEVERITIES", "Rule", "check", "counts"]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    """A finding's code, short name, severity and what it means."""

    code: str
    name: str
    severity: str
    meaning: str


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("DD101", "duplicate-in-section", "error", "the same work is listed twice in one section"),
    Rule("DD102", "duplicate-across-sections", "info", "the same work is listed in several sections of the list"),
    Rule("DD103", "id-with-two-titles", "warning", "entries sharing an identifier give different titles"),
    Rule("DD104", "two-arxiv-ids", "warning", "one entry's links carry two different arXiv ids"),
    Rule("DD105", "conflicting-authors", "warning", "mentions of one work give different authors"),
    Rule("DD106", "conflicting-year", "warning", "mentions of one work give different years, or a preprint "
                                                 "a year its arXiv id contradicts"),
    Rule("DD107", "conflicting-venue", "warning", "mentions of one work give different venues"),
    Rule("DD108", "suspicious-link", "warning", "an entry that is not a paper links a paper's identifier"),
    Rule("DD109", "conflict", "warning", "another disagreement between mentions of one work"),
    Rule("DD201", "malformed-identifier-link", "warning", "an arXiv or DOI link that holds no valid identifier"),
    Rule("DD202", "arxiv-pdf-link", "info", "an arXiv PDF link where the list otherwise links abstract pages"),
    Rule("DD203", "tracking-parameter", "warning", "a link carries a tracking parameter (utm_*, fbclid...)"),
    Rule("DD204", "hidden-link", "info", "a link in an HTML comment or hidden element: no reader sees it"),
    Rule("DD205", "unbalanced-link", "warning", "a link with unbalanced brackets or parentheses"),
    Rule("DD206", "unread-link", "info", "a link the parser could not attach to any entry (often markup it does "
                                          "not read, such as <img src>: not always a defect)"),
    Rule("DD301", "no-title", "warning", "an entry without a title"),
    Rule("DD302", "missing-year", "info", "a paper without a year where its neighbours give one"),
    Rule("DD303", "missing-venue", "info", "a paper without a venue where its neighbours give one"),
    Rule("DD304", "empty-link", "info", "a table entry whose link is empty"),
    Rule("DD401", "title-differs-from-semantic-scholar", "warning",
         "the listed title is far from Semantic Scholar's title for the same identifier"),
    Rule("DD402", "lookup-failed", "info", "Semantic Scholar does not know the work's identifier or title"),
    Rule("DD501", "unreadable-file", "error", "the list could not be read"),
    Rule("DD502", "no-entries", "warning", "the list is empty or has no entries"),
    Rule("DD599", "parse-warning", "warning", "another warning of the parse report"),
)}

# Reasons of the parse report (fixed phrases of ``diffdata.parse``), by the start of the phrase.
_REPORT_CODES = (
    ("entry has no title", "DD301"),
    ("entry carries two different arXiv ids", "DD104"),
    ("link hidden from readers", "DD204"),
    ("link with unbalanced brackets", "DD205"),
    ("link not read as part of any entry", "DD206"),
    ("table entry with an empty link", "DD304"),
    ("empty file", "DD502"),
    ("no entries found", "DD502"),
)
# Conflict details of the dedupe and enrich stages, by their prefix (the enrich one first: it is longer).
_CONFLICT_CODES = (("title: lists ", "DD401"), ("title:", "DD103"), ("authors:", "DD105"), ("year:", "DD106"),
                   ("venue:", "DD107"))
# Query parameters that only track who clicked where (the whole name, or a prefix ending in '_').
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
                                 "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "spm"})
TRACKING_PREFIXES = ("utm_",)
_SHARE_SI_HOSTS = ("youtube.com", "youtu.be", "open.spotify.com")  # '?si=' is a share tracker there
_ARXIV_PAGE_RE = re.compile(r"^(?:www\.|export\.)?arxiv\.org$", re.I)
_ARXIV_ID_PATH_RE = re.compile(r"^/+(?:(?:abs|pdf|html|format)(?:/|$)|\d{4}\.)", re.I)
_DOI_HOSTS = ("doi.org", "dx.doi.org", "www.doi.org")
PEERS_MIN = 3  # a missing year or venue is reported when at least this many neighbours give one...
PEERS_SHARE = 2 / 3  # ...and at least this share of them (a year read from two descriptions is no convention)


def check(report: pd.DataFrame, occurrences: pd.DataFrame, matches: pd.DataFrame, issues: pd.DataFrame, *,
          papers: pd.DataFrame | None = None, merges: pd.DataFrame | None = None,
          documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The findings for the lists behind these tables, sorted by source, line, column and code.

    ``report``, ``occurrences`` (with ``work_id``), ``matches`` and ``issues`` are the pipeline's tables;
    ``papers`` adds the year or venue to suggest, ``merges`` (old_work_id -> new_work_id, from enrichment)
    places issues of works merged since, and ``documents`` (``source``, ``text``) gives each finding its column.
    """
    occ = records(occurrences)
    texts = {d["source"]: d["text"].split("\n") for d in records(documents)} if documents is not None else {}
    out: list[dict] = []
    out += _from_report(records(report))
    out += _from_issues(records(issues), occ, merges)
    out += _duplicates(occ, records(matches))
    out += _links(occ)
    out += _missing_fields(occ, papers)
    for f in out:
        line = max(int(f["line"] or 1), 1)
        f["line"], f["column"] = _place(texts.get(f["source"]), line, f.pop("_end") or line, f.pop("_find"))
        rule = RULES[f["code"]]
        f["rule"] = rule.name
        f["severity"] = f.get("severity") or rule.severity
    table = pd.DataFrame(out, columns=FINDINGS.names)
    if table.empty:
        return table
    table["line"] = table["line"].astype("int64")
    table["column"] = table["column"].astype("int64")
    return table.sort_values(["source", "line", "column", "code", "message"], kind="stable").reset_index(drop=True)


def counts(findings: pd.DataFrame) -> dict[str, int]:
    """Number of findings of each severity (every severity present, zero when none)."""
    got = findings["severity"].value_counts().to_dict() if len(findings) else {}
    return {s: int(got.get(s, 0)) for s in SEVERITIES}


# -- the parse report ---------------------------------------------------------------------------------------


def _from_report(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        reason = str(r["reason"])
        code = next((c for prefix, c in _REPORT_CODES if reason.startswith(prefix)), None)
        if code is None:
            if r["severity"] == "error":
                code = "DD501"
            elif r["severity"] == "warning":
                code = "DD599"
            else:
                continue  # an expected non-entry: a badge, an anchor, a homepage, a link in a description
        url, text = r.get("url"), r.get("text")
        message = _report_message(code, reason, url, text)
        severity = r["severity"] if code in ("DD501", "DD599") else None  # else the rule's severity
        out.append(_finding(r["source"], r["line"], code, message, "parse_report", reason, url=url,
                            find=(url, text), severity=severity))
    return out


def _report_message(code: str, reason: str, url: str | None, text: str | None) -> str:
    if code == "DD301":
        return f"entry has no title (its link {url}): write the title of the work it lists"
    if code == "DD104":
        what = reason.removeprefix("entry carries two different arXiv ids: ")
        return (f"the links of '{text}' carry two different arXiv ids ({what}): keep only the links of the "
                "paper this entry names")
    if code == "DD204":
        return f"link {url} is hidden (HTML comment or hidden element): make it a visible entry or delete it"
    if code == "DD205":
        return f"link {url} has unbalanced brackets or parentheses: fix the markdown link around it"
    if code == "DD206":
        return f"link {url} belongs to no entry (markup not understood): write it as an entry's link"
    if code == "DD304":
        return f"'{text}' has an empty link: add the URL of the work"
    if code == "DD502":
        return f"{reason}: add entries or remove the file"
    return reason + (f" ({url})" if url else "")


# -- the issues ---------------------------------------------------------------------------------------------


def _from_issues(rows: list[dict], occ: list[dict], merges: pd.DataFrame | None) -> list[dict]:
    renamed = dict(zip(merges.old_work_id, merges.new_work_id, strict=True)) if merges is not None else {}
    by_work: dict[str, list[dict]] = defaultdict(list)
    by_id = {o["occurrence_id"]: o for o in occ}
    for o in sorted(occ, key=lambda o: (o["source"], o["line"])):
        by_work[o["work_id"]].append(o)
    out = []
    for r in rows:
        detail = str(r["detail"])
        work = r.get("work_id")
        mentions = by_work.get(work) or by_work.get(renamed.get(work, ""), [])
        at = by_id.get(r.get("occurrence_id") or "")
        if at is None:  # a conflict names the work: point at the mention its detail names, else the first
            at = next((m for m in mentions if _named(m, detail)), mentions[0] if mentions else None)
        if r["kind"] == "suspicious_link":
            code = "DD108"
            message = (f"'{at['title'] if at else ''}' is not a paper but links one ({_suspicious_what(detail)}): "
                       "link the page the entry names, or list the paper under its own title")
        elif r["kind"] == "lookup":
            code = "DD402"
            message = f"Semantic Scholar lookup of {work}: {detail}: check the link or the title"
        else:
            code = next((c for prefix, c in _CONFLICT_CODES if detail.startswith(prefix)), "DD109")
            message = _conflict_message(code, detail, work, at, mentions)
        source, line = (at["source"], at["line"]) if at else ("", 1)
        out.append(_finding(source, line, code, message, "issues", detail, work_id=work,
                            occurrence_id=at["occurrence_id"] if at else None,
                            url=at.get("url") if at else None, find=(at.get("url"), at.get("title")) if at else ()))
    return out


def _named(mention: dict, detail: str) -> bool:
    """Whether a conflict's detail names this mention: its id (``list.md:68 gives 2022...``), or its title or
    authors as the value that disagrees (``title: 'A' vs 'B'``, the mention that wrote B)."""
    if f"{mention['occurrence_id']} " in detail:
        return True
    title, authors = mention.get("title"), ", ".join(mention.get("authors") or [])
    return (detail.startswith("title:") and bool(title) and f" vs '{title}'" in detail) or (
        detail.startswith("authors:") and bool(authors) and f" vs '{authors}'" in detail)


def _suspicious_what(detail: str) -> str:
    m = re.search(r"\) (links .*?); kept apart", detail)
    return m.group(1) if m else detail


def _conflict_message(code: str, detail: str, work: str, at: dict | None, mentions: list[dict]) -> str:
    rest = [m for m in mentions if at is None or m["occurrence_id"] != at["occurrence_id"]]
    here = [str(m["line"]) for m in rest if at is not None and m["source"] == at["source"]]
    elsewhere = [f"{m['source']}:{m['line']}" for m in rest if at is None or m["source"] != at["source"]]
    places = ([f"line{'s' if len(set(here)) > 1 else ''} {', '.join(dict.fromkeys(here))}"] if here else []) + list(
        dict.fromkeys(elsewhere))
    where = f" (also listed at {', '.join(places)})" if places else ""
    todo = {
        "DD103": "one of the titles or links is wrong: fix it, or link each paper's own page",
        "DD105": "fix the authors of the entry that is wrong",
        "DD106": "give the year of the version the entry links",
        "DD107": "give the venue where the paper was published",
        "DD401": "check that the link points at the paper the title names",
    }.get(code, "make the mentions agree")
    return f"{work}: {detail}{where}: {todo}"


# -- duplicates (occurrences + matches) ---------------------------------------------------------------------


def _duplicates(occ: list[dict], matches: list[dict]) -> list[dict]:
    why = {m["occurrence_id"]: m for m in matches}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for o in occ:
        groups[(o["source"], o["work_id"])].append(o)
    out = []
    for (source, work), mentions in groups.items():
        if len({m["line"] for m in mentions}) < 2:
            continue
        mentions.sort(key=lambda m: (m["line"], m["occurrence_id"]))
        for i, m in enumerate(mentions):
            earlier = [e for e in mentions[:i] if e["line"] != m["line"]]
            if not earlier:
                continue
            match = why.get(m["occurrence_id"], {})
            how = f"{match.get('rule', 'same work')}: {match.get('evidence', work)}"
            section = " > ".join(m["section"]) or "(top)"
            same = [e for e in earlier if list(e["section"]) == list(m["section"])]
            title = m.get("title") or work
            if same:
                other = same[0].get("title")
                named = f" as '{other}'" if other and other != m.get("title") else ""
                message = (f"'{title}' is already listed at line {same[0]['line']}{named} of section '{section}' "
                           f"({how}): remove one of the two entries, or fix the link if they are different works")
                code = "DD101"
            else:
                lines = ", ".join(f"{e['line']} ('{' > '.join(e['section']) or '(top)'}')" for e in earlier)
                plural = "s" if len(earlier) > 1 else ""
                message = f"'{title}' is also listed at line{plural} {lines} ({how}): fine if intended"
                code = "DD102"
            out.append(_finding(source, m["line"], code, message, "occurrences", how, work_id=work,
                                occurrence_id=m["occurrence_id"], url=m.get("url"),
                                find=(m.get("url"), m.get("title"))))
    return out


# -- links --------------------------------------------------------------------------------------------------


def _links(occ: list[dict]) -> list[dict]:
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
                out.append(_finding(o["source"], o["line"], "DD201", f"{url} {bad}: correct the link", "occurrences",
                                    bad, **base))
            tracking = _tracking(url)
            if tracking:
                out.append(_finding(o["source"], o["line"], "DD203",
                                    f"{url} carries the tracking parameter(s) {', '.join(tracking)}: remove them",
                                    "occurrences", ", ".join(tracking), **base))
            n_abs, n_pdf = abs_pdf[o["source"]]
            if _arxiv_form(url) == "pdf" and n_abs > n_pdf:
                arxiv = identifiers_from_url(url).arxiv_id
                has_abs = any(_arxiv_form(u) == "abs" and identifiers_from_url(u).arxiv_id == arxiv for u in urls)
                if arxiv and not has_abs:
                    out.append(_finding(o["source"], o["line"], "DD202",
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
    """The tracking parameters in ``url``'s query, in order."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    found = []
    for name, _value in parse_qsl(parts.query, keep_blank_values=True):
        low = name.lower()
        if low in TRACKING_PARAMETERS or low.startswith(TRACKING_PREFIXES) or (
                low == "si" and any(host == h or host.endswith("." + h) for h in _SHARE_SI_HOSTS)):
            found.append(name)
    return list(dict.fromkeys(found))


# -- missing year or venue ----------------------------------------------------------------------------------


def _missing_fields(occ: list[dict], papers: pd.DataFrame | None) -> list[dict]:
    """A paper without year (venue) when at least ``PEERS_MIN`` of the other papers of its section written in
    the same layout, and at least ``PEERS_SHARE`` of them, give one: the list could state it too. A venue only
    when the work has one (another mention or Semantic Scholar gives it): a preprint has none."""
    work = {p["work_id"]: p for p in records(papers)} if papers is not None else {}
    peers: dict[tuple, list[dict]] = defaultdict(list)
    for o in occ:
        if o["kind"] == "paper":
            peers[(o["source"], tuple(o["section"]), o["layout"])].append(o)
    out = []
    for group in peers.values():
        for field, code in (("year", "DD302"), ("venue", "DD303")):
            given = sum(1 for o in group if o.get(field) is not None)
            for o in group:
                if o.get(field) is not None or not o.get("title"):
                    continue  # an untitled entry is reported as such
                others = len(group) - 1
                if given < PEERS_MIN or given < PEERS_SHARE * others:
                    continue
                known = work.get(o["work_id"], {}).get(field)
                if field == "venue" and known is None:
                    continue  # a preprint has no venue to give: only a venue known elsewhere is missing
                hint = f" (the work's {field} is known: {known})" if known is not None else ""
                message = (f"'{o['title']}' gives no {field} while {given} of the {others} other papers of this "
                           f"section do{hint}: add it")
                out.append(_finding(o["source"], o["line"], code, message, "occurrences", f"{given}/{others}",
                                    work_id=o["work_id"], occurrence_id=o["occurrence_id"], url=o.get("url"),
                                    find=(o.get("title"), o.get("url"))))
    return out


# -- helpers ------------------------------------------------------------------------------------------------


def _finding(source: str, line: int | None, code: str, message: str, origin: str, detail: str, *,
             work_id: str | None = None, occurrence_id: str | None = None, url: str | None = None,
             find: Iterable[str | None] = (), end: int | None = None, severity: str | None = None) -> dict:
    """A finding row; ``find`` are the texts to place it at (its link, else its title), looked for from
    ``line`` to ``end`` (the entry's last line, for a finding about one of its links)."""
    return {"source": source, "line": line, "column": 1, "severity": severity, "code": code, "rule": "",
            "message": " ".join(message.split()), "origin": origin, "detail": detail, "work_id": work_id,
            "occurrence_id": occurrence_id, "url": url, "_find": tuple(find), "_end": end}


def _place(lines: list[str] | None, line: int, end: int, needles: Iterable[str | None]) -> tuple[int, int]:
    """Line and 1-based column of the first needle found between ``line`` and ``end``, else ``line`` and the
    column of its first character that is not blank (1 without the text)."""
    if not lines or line > len(lines):
        return line, 1
    for needle in needles:
        if isinstance(needle, str) and needle:
            for n in range(line, min(max(end, line), len(lines)) + 1):
                at = lines[n - 1].find(needle)
                if at >= 0:
                    return n, at + 1
    text = lines[line - 1]
    return line, (len(text) - len(text.lstrip()) + 1 if text.strip() else 1)

