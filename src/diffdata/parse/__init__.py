"""Stage 1, parse: reading-list documents in, one row per mention of a work out (plus a parse report).

``parse_lists(documents)`` is the stage: a table of documents (``source``, ``text``) becomes the occurrences
table (schema :data:`diffdata.schemas.OCCURRENCES`) and the parse report (:data:`diffdata.schemas.PARSE_REPORT`).
It is pure: no file is read here (``pipeline.load_documents`` reads the lists; a cache of earlier results is
passed in). Parsing is two steps on markdown-it-py's blocks (``markdown.py``): segmentation (``segment.py``)
finds the entries and their own links, whatever the layout; the field reader (``fields.py``, asides in
``aside.py``) reads every entry's fields with one set of rules.

Nothing is lost silently: every URL written in a list is an entry's link or a row of the report (a safety
net checks the text itself, so links in markup the markdown parser does not read are reported too).

>>> line = "- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) (NeurIPS 2020)\\n"
>>> rows, report = parse_document("t.md", line)
>>> [(r["title"], r["venue"], r["year"], r["arxiv_id"]) for r in rows]
[('Denoising Diffusion Probabilistic Models', 'NeurIPS', 2020, '2006.11239')]
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_left
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pandas as pd

from diffdata.collector import collector_paused
from diffdata.identifiers import Identifiers, identifiers_from_url, is_paper_url, url_kind
from diffdata.parse.aside import only_venue_or_date, read_aside
from diffdata.parse.bibfence import bibtex_entries
from diffdata.parse.clauses import reads_as_maintenance
from diffdata.parse.fields import Fields, read_fields
from diffdata.parse.markdown import blocks, new_parser
from diffdata.parse.model import Segment
from diffdata.parse.names import looks_like_names
from diffdata.parse.notesmarkup import notes_markup
from diffdata.parse.pymdown import unindent_containers, without_div_fences
from diffdata.parse.report import report_row
from diffdata.parse.segment import segments
from diffdata.parse.shapes import LABEL_RE, METADATA_LABELS, TITLE_LABELS
from diffdata.parse.tagged import tagged_entries
from diffdata.parse.titletext import link_title
from diffdata.parse.unaccounted import unaccounted_urls
from diffdata.schemas import OCCURRENCES, PARSE_REPORT
from diffdata.text import title_key

__all__ = ["ParseCache", "ParseResult", "cache_key", "entry_identifiers", "parse_document", "parse_lists",
           "parser_version"]

PARALLEL_MIN_CHARS = 2_000_000  # below this, starting worker processes costs more than it saves


@dataclass
class ParseResult:
    """What the parse stage returns: the occurrences and the report."""

    occurrences: pd.DataFrame
    report: pd.DataFrame


Parsed = tuple[list[dict], list[dict]]  # one document's occurrence rows and report rows


class ParseCache(Protocol):
    """Where parse results are kept between builds, by key (see :func:`cache_key`); an edge supplies it."""

    def get(self, key: str) -> Parsed | None: ...

    def put(self, key: str, value: Parsed) -> None: ...


def cache_key(source: str, text: str) -> str:
    """What a document's parse result depends on: its name, its text and the code that reads lists."""
    digest = hashlib.sha256(f"{source}\0{parser_version()}\0".encode() + text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A fingerprint of the code that reads lists: the parse package and the modules it reads with."""
    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py")) + [here.parent / f"{m}.py" for m in ("identifiers", "venues", "text", "schemas")]
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16]


def parse_lists(documents: pd.DataFrame, cache: ParseCache | None = None) -> ParseResult:
    """Parse every document (columns ``source``, ``text``) into occurrences and a parse report.

    Documents are processed in ``source`` order so the result does not depend on the input order; above
    ``PARALLEL_MIN_CHARS`` of text they are parsed in parallel processes, with the same result. With a
    ``cache``, a document parsed before (same name, text and parser) is not parsed again.
    """
    with collector_paused():  # the rows coming back and the tables made of them: objects by the hundred thousand
        return _parse_lists(documents, cache)


def _parse_lists(documents: pd.DataFrame, cache: ParseCache | None) -> ParseResult:
    rows: list[dict] = []
    report: list[dict] = []
    docs = sorted(documents.itertuples(index=False), key=lambda d: d.source)
    keys = [cache_key(d.source, d.text) for d in docs] if cache is not None else [""] * len(docs)
    found: list[Parsed | None] = [cache.get(k) if cache is not None else None for k in keys]
    todo = [i for i, hit in enumerate(found) if hit is None]
    sources, texts = [docs[i].source for i in todo], [docs[i].text for i in todo]
    workers = min(os.cpu_count() or 1, len(todo), 8)
    if workers > 1 and sum(len(t) for t in texts) > PARALLEL_MIN_CHARS:
        # lists are independent: parse them on every core (results come back in source order)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            fresh = list(pool.map(parse_document, sources, texts, chunksize=1))
    else:
        fresh = [parse_document(s, t) for s, t in zip(sources, texts, strict=True)]
    for i, result in zip(todo, fresh, strict=True):
        found[i] = result
        if cache is not None:
            cache.put(keys[i], result)
    for doc_rows, doc_report in (r for r in found if r is not None):
        rows.extend(doc_rows)
        report.extend(doc_report)
    occ = pd.DataFrame(rows, columns=OCCURRENCES.names)
    rep = pd.DataFrame(report, columns=PARSE_REPORT.names)
    return ParseResult(occ, rep)


def parse_document(source: str, text: str) -> tuple[list[dict], list[dict]]:
    """Parse one list: rows of the occurrences table and rows of the parse report."""
    with collector_paused():
        return _parse_document(source, text)


_FIELD_ONLY_LABELS = METADATA_LABELS - TITLE_LABELS  # "Title: ..." alone is a work, "Authors: ..." a field


def _gives_a_field(text: str) -> bool:
    """``作者：Ann Lee, Bo Chan``, ``Authors: ...``: a line labelled as one field of the entry above it."""
    m = LABEL_RE.match(text)
    return m is not None and m.group(1).strip(" *_").lower() in _FIELD_ONLY_LABELS


_NEWS_DATE_RE = re.compile(r"\W{0,4}(?:19|20)\d\d[./-]\d{1,2}(?:[./-]\d{1,2})?\s*[:：]")  # "- 2024.05.01：...": a news
# log's date, then a colon (not "- 2024.03 Title (CVPR 2024)", an arXiv month)


def _parse_document(source: str, text: str) -> tuple[list[dict], list[dict]]:
    report: list[dict] = []
    if not text.strip():
        report.append(report_row(source, 0, "warning", "empty file: no entries"))
        return [], report
    found = blocks(without_div_fences(unindent_containers(notes_markup(_spaced_headings(text)))), new_parser())
    segs = segments(source, [b for b in found if b.type not in ("bibtex", "tagged")], report)
    rows = []
    for seg in segs:
        f = read_fields(seg)
        if not seg.links and not f.id_links and (f.title is None or (seg.needs_links and not f.venue and not (
                f.authors and f.year and not _gives_a_field(seg.lines[0].text)))):  # "- 作者：A, B" under "### 2024"
            if f.title and seg.layout in ("item", "block"):  # "- A Title Without Any Link": said, not kept
                report.append(report_row(source, seg.line, "info", "item names no link, venue or authors and year: "
                                                                   "not read as a work", text=f.title))
            continue  # text that names no work: a sentence, an instruction, news (a paper cited without a link
            #           but with its venue, or with its authors and year, stays a mention)
        if (not seg.links and not f.id_links and seg.section and _PEOPLE_SECTION_RE.search(seg.section[-1])
                and f.title and not f.authors and looks_like_names(_AFFILIATION_END_RE.sub("", f.title))
                and not any(e.startswith("venue: ") and "heading" not in e for e in f.evidence)):
            report.append(report_row(source, seg.line, "info", "a person in a section of people (no link): not read "
                                                               "as a work", text=f.title))
            continue  # "## Invited Speakers" / "- **Rosa Ferro** (Acme Research)"
        if (not seg.links and not f.id_links and not f.authors and seg.layout in ("item", "block")
                and reads_as_maintenance(f.title, dated=_NEWS_DATE_RE.match(seg.lines[0].text) is not None)):
            report.append(report_row(source, seg.line, "info", "item reads as a note about the list (no link): "
                                                               "not read as a work", text=f.title))
            continue  # "2024.01.20: Add ICLR 2024 papers."
        if not seg.links and not f.id_links and seg.layout == "table" and _NO_READING_RE.fullmatch(f.title or ""):
            report.append(report_row(source, seg.line, "info", "row of a schedule without a reading: not read as "
                                                               "a work", text=f.title))
            continue  # "| Mar 7 | *No meeting (spring break)* | — |"
        if f.title is None:
            report.append(report_row(source, seg.line, "warning",
                                     "entry has no title (its links are kept; enrichment can fill the title)",
                                     url=seg.links[0][1].url if seg.links else f.id_links[0]))
        rows.append(_row(seg, f))
    entry_lines = [r["line"] for r in rows]  # the entries read so far, in the document's order
    for block in (b for b in found if b.type in ("bibtex", "tagged")):  # BibTeX, RIS or EndNote records pasted in
        entries = bibtex_entries(block) if block.type == "bibtex" else tagged_entries(
            [ln.text for ln in block.lines], block.start)
        for line, f, links in entries:
            seg = Segment(source, line, line, [], block.type, [], [("url", lk) for lk in links])
            if f.kind == "":
                report.append(report_row(source, line, "warning", "BibTeX entry that bibtexparser cannot read: "
                                                                  "not read as a work"))
                continue
            at = bisect_left(entry_lines, line) - 1  # the entry right above the record
            if at >= 0 and _cites_entry(rows[at], f, links):
                report.append(report_row(source, line, "info", f"citation of the entry above (line {rows[at]['line']}):"
                                                                " its fields filled that entry's missing ones"))
                continue
            if f.title is None:
                report.append(report_row(source, line, "warning", "entry has no title (its links are kept; "
                                                                  "enrichment can fill the title)"))
            rows.append(_row(seg, f))
    rows = _second_ids(rows, report)
    if not rows:
        report.append(report_row(source, 0, "warning", "no entries found in this list"))
    report.extend(unaccounted_urls(source, text, rows, report))
    seen: dict[str, int] = {}
    for row in rows:
        base = row["occurrence_id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            row["occurrence_id"] = f"{base}:{seen[base]}"
        row["work_id"] = "occ:" + row["occurrence_id"]
    return rows, report


# a section of people, not works: "## Invited Speakers", "## Organizers", "## Program Committee", "## Team"
_PEOPLE_SECTION_RE = re.compile(r"(?i)\b(?:speakers?|organi[sz]ers?|committee|people|team|members?|contributors?|"
                                r"maintainers?|instructors?|lecturers?|teaching\s+assistants|TAs|panel(?:ists)?|"
                                r"advisors?|hosts?)\b")
_AFFILIATION_END_RE = re.compile(r"\s*[(（][^()（）]{1,60}[)）]\s*$")  # "Rosa Ferro (Acme Research)"
# a schedule's row that reads nothing: "No meeting (spring break)", "No class — spring break", "Holiday", "TBD"
_NO_READING_RE = re.compile(r"(?i)\W*(?:(?:no\s+(?:meeting|class|lecture|session|reading)s?|(?:spring|winter|"
                            r"summer|fall|mid-?term|exam)\s+break|holidays?)\b[^\w(]*+"
                            r"(?:(?<=[-–—:,;] )[a-z'’. -]{1,40})?"
                            r"|(?:cancell?ed|tb[ad]|to\s+be\s+(?:announced|determined|decided))\b)"
                            r"[^\w(]*+(?:\([^()]{0,40}\))?[^\w(]*+")  # a reason in small words after "No class —"


# "###Title": a heading its writer meant, without the space CommonMark needs (two hashes at least: "#tag" is a tag)
_ATX_NO_SPACE_RE = re.compile(r"(?m)^( {0,3}#{2,6})(?=[^\s#])")


def _spaced_headings(text: str) -> str:
    """``text`` with a space after the hashes of each ``##Heading`` (the same lines: the rows keep their numbers)."""
    return _ATX_NO_SPACE_RE.sub(r"\1 ", text) if "##" in text else text


def entry_identifiers(links: list[dict[str, str]]) -> Identifiers:
    """Identifiers of an entry from its links, the first of each type winning (a non-paper entry keeps them
    too: the dedupe stage reports such a link as suspicious and keeps the entry apart)."""
    ids = Identifiers()
    for x in links:
        ids.merge(identifiers_from_url(x["url"]))
    return ids


def _primary_url(kind: str, links: list[dict[str, str]]) -> str | None:
    urls = [x["url"] for x in links]
    if not urls:
        return None
    if kind == "paper":
        for u in urls:
            if identifiers_from_url(u).strong():
                return u
        for u in urls:
            if is_paper_url(u):
                return u
    if kind == "video":
        for u in urls:
            if url_kind(u) == "video":
                return u
    return urls[0]


def _second_ids(rows: list[dict], report: list[dict]) -> list[dict]:
    """Entries whose links carry two different arXiv ids (a title link and a badge that disagree): the entry
    keeps the id that no differently titled entry of the list claims (else its title link's), and each other
    id that no other entry carries becomes a mention of its own, untitled, at the same line, so that neither
    paper is lost or merged through the wrong id. The report names both ids."""
    claims: dict[str, list[str | None]] = {}  # an id carried alone: the titles of the entries carrying it
    keys: dict[str, set[str]] = {}  # their title keys, made only when an entry of two ids asks (rarely)
    for r in rows:
        if len(r["arxiv_ids"]) == 1:
            claims.setdefault(r["arxiv_ids"][0], []).append(r["title"])
    out = []
    for r in rows:
        out.append(r)
        if len(r["arxiv_ids"]) < 2:
            continue
        mine = title_key(r["title"])
        for a in r["arxiv_ids"]:
            if a in claims and a not in keys:
                keys[a] = {title_key(t) for t in claims[a]}
        keep = next((a for a in r["arxiv_ids"] if keys.get(a, {mine}) <= {mine}), r["arxiv_ids"][0])
        r["arxiv_id"] = keep
        r["url"] = next((x["url"] for x in r["links"] if identifiers_from_url(x["url"]).arxiv_id == keep), r["url"])
        others = [a for a in r["arxiv_ids"] if a != keep]
        alone = [a for a in others if a not in claims]  # ids no other entry of the list carries
        report.append(report_row(r["source"], r["line"], "warning",
                                 f"entry carries two different arXiv ids: {keep} is its own; "
                                 + ", ".join(others) + (" kept as a mention of its own" if alone else
                                                        " listed by another entry") + " (check the links)",
                                 text=r["title"]))
        by_id: dict[str | None, list[dict]] = {}  # the entry's links by arXiv id, read once (linear in the links)
        for x in r["links"]:
            by_id.setdefault(identifiers_from_url(x["url"]).arxiv_id, []).append(x)
        for other in alone:
            links = by_id[other]
            named = next((t for t in map(link_title, (x["label"] for x in links if x["label"] != "title"))
                          if t and title_key(t) != mine), None)  # "[Other Title](arxiv)"; "title" marks a role
            said = next((a for a in (read_aside(x["label"].strip(" []()")) for x in links
                                     if x["label"] and only_venue_or_date(x["label"].strip(" []()")))
                         if a.venue or a.year), None)  # "[[ICLR'24]](arxiv)": the venue its own link names
            extra = {k: None for k in r} | {
                "title": named,
                "occurrence_id": r["occurrence_id"], "source": r["source"], "line": r["line"],
                "end_line": r["end_line"], "section": list(r["section"]), "layout": r["layout"], "authors": [],
                "venue": r["venue"], "qualifier": r["qualifier"], "year": r["year"], "date": r["date"],
                **({"venue": said.venue, "qualifier": said.qualifier, "year": said.year, "date": said.date}
                   if said else {}),
                "kind": "paper", "links": links, "url": links[0]["url"], "arxiv_id": other, "arxiv_ids": [other],
                "note": f"second arXiv id of the entry '{r['title']}': its links disagree", "read": False,
                "evidence": ["arxiv_id: a second arXiv id among the entry's links",
                             *(["title: the text of its own link"] if named else []),
                             "venue, year, date: its link's text" if said else "venue, year, date: the entry's"],
                "work_id": ""}
            out.append(extra)
    return out


def _cites_entry(row: dict, f: Fields, links: list) -> bool:
    """A record (BibTeX, RIS) under an entry that has the entry's title and no other arXiv id is that entry's
    citation (``[Title](arxiv)`` then its ``@inproceedings{...}``): the fields the entry lacks are filled from it,
    in place, and True is returned; False otherwise."""
    if not f.title or title_key(f.title) != title_key(row["title"]):
        return False
    ids = [identifiers_from_url(lk.url).arxiv_id for lk in links]
    if any(a and a != row["arxiv_id"] for a in ids):
        return False
    for name, how in (("authors", list(f.authors)), ("year", f.year), ("venue", f.venue)):
        if how not in (None, []) and row[name] in (None, []):
            row[name] = how
            row["qualifier"] = f.qualifier if name == "venue" else row["qualifier"]
            row["evidence"].append(f"{name}: the citation under the entry")
    doi = next((d for d in (identifiers_from_url(lk.url).doi for lk in links) if d), None)
    if doi and not row["doi"]:
        row["doi"] = doi
        row["links"].append({"label": "doi", "url": f"https://doi.org/{doi}"})
    return True


def _row(seg: Segment, f: Fields) -> dict:
    links = [{"label": label or (lk.text or "link"), "url": lk.url} for label, lk in seg.links]
    links += [{"label": "identifier written in the text", "url": url} for url in f.id_links]
    ids = entry_identifiers(links)
    arxiv_ids = list(dict.fromkeys(a for a in (identifiers_from_url(x["url"]).arxiv_id for x in links) if a))
    return {
        "occurrence_id": f"{seg.source}:{seg.line}",
        "source": seg.source,
        "line": seg.line,
        "end_line": seg.end_line,
        "section": list(seg.section),
        "layout": seg.layout,
        "title": f.title,
        "authors": list(f.authors),
        "venue": f.venue,
        "qualifier": f.qualifier,
        "year": f.year,
        "date": f.date,
        "kind": f.kind,
        "links": links,
        "url": _primary_url(f.kind, links),
        "arxiv_id": ids.arxiv_id,
        "arxiv_ids": arxiv_ids,
        "doi": ids.doi,
        "openreview_id": ids.openreview_id,
        "pmlr_id": ids.pmlr_id,
        "cvf_id": ids.cvf_id,
        "neurips_id": ids.neurips_id,
        "ieee_id": ids.ieee_id,
        "note": f.note,
        "rating": f.rating,
        "read": f.read,
        "evidence": list(f.evidence),
        "work_id": "",
    }
