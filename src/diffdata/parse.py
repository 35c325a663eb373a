"""Stage 1, parse: reading-list documents in, one row per mention of a work out (plus a parse report).

``parse_lists(documents)`` is the stage: a table of documents (``source``, ``text``) becomes the occurrences
table (schema :data:`diffdata.schemas.OCCURRENCES`) and the parse report (:data:`diffdata.schemas.PARSE_REPORT`).
It is pure: no file is read here (see ``pipeline.read_lists``).

Layouts recognised (each is a rule on markdown blocks, not on one file):

- **block**: a paragraph whose first line is all bold (the title), then an italic line (authors), a line of
  ``Venue Year. [[Label](url)] ...`` links, and a date line or free text (note); also a bold title followed by
  its links on the same line (``- **Title** (NeurIPS 2021) [[paper](url)] [[code](url)]``, a short aside read as
  venue and year, or ``by`` authors);
- **post**: free text with ``label : URL`` lines (``paper``, ``논문``, ``code``, ``github``, ``project``,
  ``demo``...); the title is the Latin-script line right before the first label line, when there is one;
- **table**: rows of a pipe table whose header names a title column (``Title``/``Paper``/``Name``), with
  optional ``Venue``, ``Year``, ``Notes`` columns;
- **bullet**: a list item that starts with a link ``[title](url)``, optionally ``**WR=n**`` / ``:zap:`` markers,
  with its description on the following lines; a paper link in the description identifies the entry when the
  entry's own link is not a paper page (otherwise it is reported as a mention of another work);
- **prose**: a link inside running text to a paper, video, post or repository.

A link text that only names the kind of link (``paper``, ``[code]``, ``arXiv``, a bare URL) is never a title;
an entry without a title keeps its links and is reported. Every URL written in a list that no entry took is
reported too, so nothing is lost silently.

Headings give the section path; the document's title (a level-1 heading on its first line) is not part of it;
a heading with nothing under it before a heading of the same level becomes the parent of that heading; long
headings of free-text posts are not sections; a one-line paragraph ``Label :`` right before a list is a
sub-section.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import pandas as pd

from diffdata.identifiers import Identifiers, identifiers_from_url, is_paper_url, url_kind
from diffdata.markdown import BARE_URL_RE, Block, Line, Link, blocks, new_parser
from diffdata.schemas import OCCURRENCES, PARSE_REPORT
from diffdata.text import YEAR, YEAR_RE, clean_space, strip_emoji

PARALLEL_MIN_CHARS = 2_000_000  # below this, starting worker processes costs more than it saves
POST_LABEL_RE = re.compile(
    r"^\s*(?P<label>paper|논문|arxiv|code|코드|github|git|project(?:\s*page)?|프로젝트|demo|데모|blog|video|"
    r"website|page|homepage|slides?|poster|dataset|model|hugging\s*face)\s*[:：]\s*(?P<rest>\S.*)$",
    re.I,
)
_PAPER_LABELS = {"paper", "논문", "arxiv", "pdf"}
_VIDEO_LABELS = re.compile(r"^(video|talk|lecture|youtube)$", re.I)
_DATE_RE = re.compile(
    r"^(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}$"
    r"|^\d{4}-\d{2}(?:-\d{2})?$",
    re.I,
)
_RATING_RE = re.compile(r"^\s*([A-Za-z]{1,8}\s*=\s*\S{1,6})\s*$")
_READ_MARKERS = (":zap:", "⚡")
_WEBSITE_CUE_RE = re.compile(r"\b(web\s?page|home\s?page|personal (?:page|site)|website)\b", re.I)
_HANGUL_CJK_RE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")
_TITLE_HEADERS = ("title", "paper", "name", "papers", "article")


@dataclass
class _Entry:
    source: str
    line: int
    end_line: int
    section: list[str]
    layout: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    date: str | None = None
    kind: str = "website"
    links: list[dict[str, str]] = field(default_factory=list)
    url: str | None = None
    note: str | None = None
    rating: str | None = None
    read: bool = False


@dataclass
class ParseResult:
    """What the parse stage returns: the occurrences and the report."""

    occurrences: pd.DataFrame
    report: pd.DataFrame


def parse_lists(documents: pd.DataFrame) -> ParseResult:
    """Parse every document (columns ``source``, ``text``) into occurrences and a parse report.

    Documents are processed in ``source`` order so the result does not depend on the input order; above
    ``PARALLEL_MIN_CHARS`` of text they are parsed in parallel processes, with the same result.
    """
    rows: list[dict] = []
    report: list[dict] = []
    docs = sorted(documents.itertuples(index=False), key=lambda d: d.source)
    sources, texts = [d.source for d in docs], [d.text for d in docs]
    workers = min(os.cpu_count() or 1, len(docs), 8)
    if workers > 1 and sum(len(t) for t in texts) > PARALLEL_MIN_CHARS:
        # lists are independent: parse them on every core (results come back in source order)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(parse_document, sources, texts, chunksize=1))
    else:
        results = [parse_document(s, t) for s, t in zip(sources, texts, strict=True)]
    for doc_rows, doc_report in results:
        rows.extend(doc_rows)
        report.extend(doc_report)
    occ = pd.DataFrame(rows, columns=OCCURRENCES.names)
    rep = pd.DataFrame(report, columns=PARSE_REPORT.names)
    return ParseResult(occ, rep)


def parse_document(source: str, text: str) -> tuple[list[dict], list[dict]]:
    """Parse one list: rows of the occurrences table and rows of the parse report."""
    report: list[dict] = []
    if not text.strip():
        report.append(_report(source, 0, "warning", "empty file: no entries"))
        return [], report
    parser = _DocumentParser(source, report)
    entries = parser.run(blocks(text, new_parser()))
    if not entries:
        report.append(_report(source, 0, "warning", "no entries found in this list"))
    report.extend(_unaccounted_urls(source, text, entries, report))
    rows = [_row(e) for e in entries]
    seen: dict[str, int] = {}
    for row in rows:
        base = row["occurrence_id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            row["occurrence_id"] = f"{base}:{seen[base]}"
        row["work_id"] = "occ:" + row["occurrence_id"]
    return rows, report


_ANY_URL_RE = re.compile(r"https?://[^\s<>\"'`)\]]+", re.I)


def _unaccounted_urls(source: str, text: str, entries: list[_Entry], report: list[dict]) -> list[dict]:
    """The safety net of "nothing lost": every URL written in the text that is neither in an entry's links
    nor already in the report (markup too deeply nested for the markdown parser, or not understood) becomes a
    warning with its line."""
    known = sorted({x["url"] for e in entries for x in e.links} | {r["url"] for r in report if r.get("url")})
    known_set = set(known)
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        if "://" not in line:
            continue
        for m in _ANY_URL_RE.finditer(line):
            url = m.group(0).rstrip(".,;:!?*")
            if url in known_set or _prefix_related(url, known):
                continue
            out.append(_report(source, n, "warning", "link not read as part of any entry (markup nested too "
                                                     "deeply or not understood)", url=url, text=line.strip()))
    return out


def _prefix_related(url: str, known: list[str]) -> bool:
    """True when a known URL is a prefix of ``url`` or the other way round (trailing punctuation, quotes)."""
    i = bisect.bisect_left(known, url)
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(known):
            k = known[j]
            longer, shorter = (url, k) if len(url) >= len(k) else (k, url)
            if longer.startswith(shorter) and not longer[len(shorter):].strip(_URL_TAIL):
                return True
    return False


_URL_TAIL = ".,;:!?*'\")]>}/"


def _report(source: str, line: int, severity: str, reason: str, url: str | None = None,
            text: str | None = None) -> dict:
    if text is not None and len(text) > 160:
        text = text[:157] + "..."
    return {"source": source, "line": line, "severity": severity, "reason": reason, "url": url, "text": text}


class _DocumentParser:
    """Walks one document's blocks, keeping the section path, and recognises entries."""

    def __init__(self, source: str, report: list[dict]) -> None:
        self.source = source
        self.report = report
        self.stack: list[tuple[float, str]] = []
        self.last_heading_empty = False
        self.label: str | None = None
        self.post_heading: str | None = None
        self.entries: list[_Entry] = []

    # -- sections -------------------------------------------------------------------------------------
    def section(self) -> list[str]:
        path = [text for _, text in self.stack]
        if self.label:
            path.append(self.label)
        return path

    def heading(self, block: Block, index: int, all_blocks: list[Block]) -> None:
        text = clean_space(strip_emoji(" ".join(ln.text for ln in block.lines)))
        self._report_links(block.lines, "link in a heading", "info")
        if index == 0 and block.level == 1 and block.start <= 2:
            return  # the document's own title
        if _is_post_heading(text, index, all_blocks):
            self.post_heading = text
            return
        self.post_heading = None
        self.label = None
        level: float = block.level
        while self.stack and self.stack[-1][0] > level:
            self.stack.pop()
        if self.stack and self.stack[-1][0] == level:
            if self.last_heading_empty:
                self.stack[-1] = (level - 0.5, self.stack[-1][1])
            else:
                self.stack.pop()
        self.stack.append((level, text))
        self.last_heading_empty = True

    # -- driver ---------------------------------------------------------------------------------------
    def run(self, all_blocks: list[Block]) -> list[_Entry]:
        current: _Entry | None = None  # the bullet entry whose description may continue in later paragraphs
        for i, block in enumerate(all_blocks):
            if block.type == "heading":
                self.heading(block, i, all_blocks)
                current = None
                continue
            self.last_heading_empty = False
            if block.type == "row":
                self.table_row(block)
                current = None
            elif block.type == "item":
                current = self.item(block)
            elif block.type == "paragraph" and block.in_item and current is not None:
                self.description(current, block.lines)
            elif block.type in ("paragraph", "html"):
                current = None
                if block.level == 0:
                    self.label = None
                self.paragraph(block)
        return self.entries

    # -- layouts --------------------------------------------------------------------------------------
    def paragraph(self, block: Block) -> None:
        lines = block.lines
        if (_is_title_line(lines[0]) and len(lines) > 1) or _is_bold_then_links(lines[0]):
            self.awesome_block(block)
            return
        if any(POST_LABEL_RE.match(ln.text.strip()) and ln.links for ln in lines):
            self.post(block)
            return
        if (
            len(lines) == 1
            and block.followed_by_list
            and not lines[0].links
            and lines[0].text.strip().endswith((":", "："))
            and len(lines[0].text.split()) <= 8
        ):
            self.label = clean_space(lines[0].text.strip().rstrip(":：").strip())
            return
        self.prose(lines)

    def awesome_block(self, block: Block) -> None:
        lines = block.lines
        first = lines[0]
        e = _Entry(self.source, block.start, block.end, self.section(), "block")
        e.title = _clean_title(first.strong) or None
        e.read = any(m in first.text for m in _READ_MARKERS)
        self._rating(e, first)
        notes: list[str] = []
        link_line_seen = bool(first.links)  # `**Title** [[paper](..)] [[code](..)]` on one line
        for lk in first.links:
            self._add_link(e, lk)
        aside = _bold_aside(first) if first.links else None
        if aside:  # `**Title** (NeurIPS 2021) [[paper](..)]`, `**Title** by A, B [[paper](..)]`
            if aside.lower().startswith("by "):
                e.authors = _split_authors(aside[3:])
            elif YEAR_RE.search(aside):
                e.venue, e.year = _venue_year(aside)
            else:
                notes.append(aside)
        for ln in lines[1:]:
            body = clean_space(ln.text.replace("\\", " "))
            if not body and not ln.links:
                continue
            if not e.authors and not link_line_seen and ln.em.strip() and not ln.other.strip() and not ln.links:
                e.authors = _split_authors(ln.em)
            elif ln.links and not link_line_seen:
                link_line_seen = True
                before = _text_before_links(ln)
                e.venue, e.year = _venue_year(before)
                for lk in ln.links:
                    self._add_link(e, lk)
            elif ln.links:
                for lk in ln.links:
                    self._add_link(e, lk)
            elif _DATE_RE.match(body) and e.date is None:
                e.date = body
            else:
                notes.append(body)
        e.note = " ".join(notes) or None
        self._finish(e)

    def post(self, block: Block) -> None:
        lines = block.lines
        first_label = next(i for i, ln in enumerate(lines) if POST_LABEL_RE.match(ln.text.strip()) and ln.links)
        e = _Entry(self.source, block.start, block.end, self.section(), "post")
        notes: list[str] = [self.post_heading] if self.post_heading else []
        title_index = first_label - 1 if first_label > 0 and _is_post_title(lines[first_label - 1].text) else None
        for i, ln in enumerate(lines):
            m = POST_LABEL_RE.match(ln.text.strip())
            if m and ln.links:
                label = m.group("label").strip()
                for lk in ln.links:
                    self._add_link(e, lk, label=label)
            elif i == title_index:
                title, extra = _split_trailing_parenthetical(clean_space(ln.text))
                e.title = _clean_title(title) or None
                if extra:
                    notes.append(f"({extra})")
            else:
                if clean_space(ln.text):
                    notes.append(clean_space(ln.text))
                for lk in ln.links:
                    self._report_link(lk, "link in a post's text mentions another work", "info")
        e.note = " ".join(notes) or None
        self._finish(e)

    def item(self, block: Block) -> _Entry | None:
        lines = block.lines
        first = lines[0]
        lead = first.links[0] if first.links else None
        if lead is not None and not lead.image and not lead.url.startswith("#") and _starts_with_link(first):
            e = _Entry(self.source, block.start, block.end, self.section(), "bullet")
            e.title = _link_title(lead.text)
            e.read = any(m in first.text for m in _READ_MARKERS)
            self._rating(e, first)
            self._add_link(e, lead, label="title")
            for lk in first.links[1:]:
                self._add_link(e, lk)
            e.kind = _entry_kind(e)
            self.description(e, lines[1:], new=True)
            self._finish(e)
            return e
        if (_is_title_line(first) and any(ln.links for ln in lines)) or _is_bold_then_links(first):
            self.awesome_block(block)
            return None
        self.prose(lines)
        return None

    def description(self, e: _Entry, lines: list[Line], new: bool = False) -> None:
        """Description lines of a bullet entry: text to ``note``; a paper link identifies a non-paper entry."""
        notes = [] if new or not e.note else [e.note]
        for ln in lines:
            text = clean_space(ln.text.replace(ln.link_cont, " ", 1) if ln.link_cont else ln.text)
            if text:
                notes.append(text)
            for lk in ln.links:
                if (
                    is_paper_url(lk.url)
                    and e.kind == "website"
                    and not any(is_paper_url(x["url"]) for x in e.links)
                ):
                    self._add_link(e, lk, label="description")
                    e.kind = "paper"
                else:
                    self._report_link(lk, "link in a description mentions another work", "info")
            e.end_line = max(e.end_line, ln.number)
        e.note = " ".join(notes) or None

    def table_row(self, block: Block) -> None:
        header = [h.strip().lower() for h in block.header]
        cells = block.cells
        title_col = next((i for i, h in enumerate(header) if h in _TITLE_HEADERS), None)
        if title_col is None:
            title_col = next((i for i, c in enumerate(cells) if any(ln.links for ln in c)), None)
        if title_col is None or title_col >= len(cells):
            self._report_links([ln for c in cells for ln in c], "link in a table row with no title column", "warning")
            return
        title_cell = cells[title_col]
        title_text = clean_space(" ".join(ln.text for ln in title_cell))
        if not title_text:
            self._report_links([ln for c in cells for ln in c], "link in a table row with an empty title", "warning")
            return
        e = _Entry(self.source, block.start, block.end, self.section(), "table")
        links = [lk for ln in title_cell for lk in ln.links]
        e.title = _link_title(links[0].text) if links and links[0].text else _link_title(title_text)
        for lk in links:
            self._add_link(e, lk, label="title")
        if links and not links[0].url:
            self.report.append(_report(self.source, block.start, "info", "table entry with an empty link",
                                       text=title_text))
        for i, cell in enumerate(cells):
            name = header[i] if i < len(header) else ""
            value = clean_space(" ".join(ln.text for ln in cell))
            if i == title_col:
                continue
            if name in ("venue", "conference", "journal", "published", "publication"):
                e.venue = value or None
            elif name in ("year", "date"):
                m = YEAR_RE.search(value)
                e.year = int(m.group(1)) if m else None
                if name == "date" and value:
                    e.date = value
            elif name in ("notes", "note", "comment", "comments", "summary", "description", "tl;dr"):
                e.note = value or None
            elif name in ("authors", "author"):
                e.authors = _split_authors(value)
            for ln in cell:
                for lk in ln.links:
                    self._add_link(e, lk, label=name or "link")
        self._finish(e)

    def prose(self, lines: list[Line]) -> None:
        """Links in running text: a paper, video, post or repository is an entry; the rest is reported."""
        for ln in lines:
            for lk in ln.links:
                if lk.image:
                    reason = "badge (image link)" if lk.url and not _is_image_src(lk.url) else "image"
                    self._report_link(lk, reason, "info")
                    if lk.image_src:
                        self.report.append(_report(self.source, lk.line, "info", "badge image",
                                                   url=lk.image_src, text=lk.text))
                    continue
                if not lk.url or lk.url.startswith("#"):
                    self._report_link(lk, "table-of-contents anchor link", "info")
                    continue
                if lk.url.startswith("mailto:"):
                    self._report_link(lk, "e-mail address", "info")
                    continue
                kind = url_kind(lk.url)
                if kind == "website":
                    self._report_link(lk, "link to a homepage or website in prose, not a listed work", "info")
                    continue
                e = _Entry(self.source, ln.number, ln.number, self.section(), "prose")
                e.title = None if lk.bare and not lk.unbalanced else _link_title(lk.text)
                self._add_link(e, lk, label="link")
                e.note = clean_space(ln.text.replace(lk.text, " ").strip(" :-")) or None
                self._finish(e)

    # -- helpers --------------------------------------------------------------------------------------
    def _rating(self, e: _Entry, line: Line) -> None:
        for part in re.findall(r"\*\*([^*]+)\*\*", "**" + line.strong.replace(" ", "** **") + "**"):
            m = _RATING_RE.match(part)
            if m:
                e.rating = m.group(1).replace(" ", "")
        if e.rating is None:
            m = re.search(r"\b([A-Z]{1,4}\s*=\s*\d)\b", line.strong)
            if m:
                e.rating = m.group(1).replace(" ", "")

    def _add_link(self, e: _Entry, lk: Link, label: str | None = None) -> None:
        if lk.unbalanced:
            self.report.append(_report(self.source, lk.line, "warning",
                                       "link with unbalanced brackets or parentheses; read as a plain URL",
                                       url=lk.url, text=lk.text))
        if not lk.url:
            return
        e.links.append({"label": label or (lk.text or "link"), "url": lk.url})

    def _finish(self, e: _Entry) -> None:
        if not e.links and e.title is None:
            return
        if e.title is None:
            self.report.append(_report(self.source, e.line, "warning",
                                       "entry has no title (its links are kept; enrichment can fill the title)",
                                       url=e.links[0]["url"]))
        e.kind = _entry_kind(e)
        e.url = _primary_url(e)
        self.entries.append(e)

    def _report_link(self, lk: Link, reason: str, severity: str) -> None:
        self.report.append(_report(self.source, lk.line, severity, reason, url=lk.url or None, text=lk.text))

    def _report_links(self, lines: Iterable[Line], reason: str, severity: str) -> None:
        for ln in lines:
            for lk in ln.links:
                self._report_link(lk, reason, severity)


# -- classification helpers ---------------------------------------------------------------------------


def _is_title_line(line: Line) -> bool:
    """A line that is all bold (markers such as :zap: or a rating aside)."""
    if not line.strong.strip() or line.links:
        return False
    rest = strip_emoji(line.other).replace("\\", " ")
    rest = re.sub(r"[A-Za-z]{1,8}\s*=\s*\S{1,6}", " ", rest)
    return not rest.strip() and not line.em.strip()


def _is_bold_then_links(line: Line) -> bool:
    """``**Title** [[Paper](url)] [[Code](url)]``: a bold title, then links, with at most a short aside between."""
    if not line.links or not line.strong.strip():
        return False
    aside = _bold_aside(line)
    return aside is not None and len(aside) <= 60 and not aside.endswith((".", "!", "?"))


def _bold_aside(line: Line) -> str | None:
    """The short text between a leading bold title and the first link: ``(NeurIPS 2021)``, ``by Dhariwal``."""
    before = strip_emoji(line.text[: line.links[0].col]).replace("\\", " ")
    before = re.sub(r"^\s*(?:\d+[.)]|[-*+])?\s*", "", before)
    title = line.strong.strip()
    if not title or title.endswith(":") or not before.lstrip().startswith(title):
        return None  # `**Note:** see [here](..)` is a label, not a title
    return clean_space(before.lstrip()[len(title):]).strip(" -–—:|[]()")


def _starts_with_link(line: Line) -> bool:
    lead = line.links[0]
    before = line.text[: lead.col]
    before = re.sub(r"^\s*(?:\d+[.)]|[-*+])?\s*", "", strip_emoji(before))
    return not before.strip()


def _is_post_title(text: str) -> bool:
    text = clean_space(text)
    if not text or "://" in text or _HANGUL_CJK_RE.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) / len(letters) < 0.9:
        return False
    return 2 <= len(text.split()) <= 40 and not POST_LABEL_RE.match(text)


def _is_post_heading(text: str, index: int, all_blocks: list[Block]) -> bool:
    """A heading that opens a free-text post rather than a section.

    It reads like a sentence (ends with . ! ?, has hashtags, or more than 10 words), or the text under it
    holds ``label : URL`` lines.
    """
    if text.endswith((".", "!", "?", "。")) or re.search(r"(^|\s)#\w", text) or len(text.split()) > 10:
        return True
    for block in all_blocks[index + 1 :]:
        if block.type == "heading":
            return False
        if block.type == "paragraph" and any(POST_LABEL_RE.match(ln.text.strip()) and ln.links
                                             for ln in block.lines):
            return True
        if block.type != "paragraph":
            return False
    return False


GENERIC_LINK_TEXT = {
    "paper", "pdf", "arxiv", "code", "github", "git", "project", "project page", "website", "web", "link", "here",
    "this", "video", "demo", "slides", "blog", "post", "homepage", "page", "url", "abs", "abstract", "official",
    "repo", "repository", "implementation", "talk", "poster", "openreview", "dataset", "colab", "notebook",
}


def _link_title(text: str | None) -> str | None:
    """A link text as a title, or None when it only names the kind of link ('paper', '[code]', 'arXiv')."""
    title = _clean_title(text)
    if not title or title.strip("[]() ").lower() in GENERIC_LINK_TEXT or BARE_URL_RE.fullmatch(title):
        return None
    return title


def _clean_title(text: str | None) -> str:
    if not text:
        return ""
    t = strip_emoji(text).replace("\\", " ")
    t = re.sub(r"\*+", "", t)
    return clean_space(t).strip(" -–—:")


def _split_authors(text: str) -> list[str]:
    text = clean_space(text.replace("\\", " "))
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*|;\s*", text)
    return [p.strip() for p in parts if p.strip() and p.strip().lower() not in ("et al.", "et al", "others")]


def _text_before_links(line: Line) -> str:
    before = line.text[: line.links[0].col]
    return clean_space(before.replace("[", " ").replace("]", " "))


def _venue_year(text: str) -> tuple[str | None, int | None]:
    """``'ICCV 2021 (Oral).'`` -> ``('ICCV (Oral)', 2021)``; ``'2021.'`` -> ``(None, 2021)``."""
    text = clean_space(text).strip(" .,;")
    if not text:
        return None, None
    m = YEAR_RE.search(text)
    year = int(m.group(1)) if m else None
    venue = clean_space(YEAR_RE.sub(" ", text, count=1) if m else text).strip(" .,;")
    return (venue or None), year


def _split_trailing_parenthetical(text: str) -> tuple[str, str | None]:
    m = re.match(r"^(.*\S)\s*\(([^()]*\d[^()]*)\)\s*$", text)
    if m:
        return m.group(1), m.group(2)
    return text, None


def _is_image_src(url: str) -> bool:
    return bool(re.search(r"\.(svg|png|jpe?g|gif|webp)(\?.*)?$", url, re.I))


def _entry_kind(e: _Entry) -> str:
    """The kind of an entry from its link labels, its URLs and cues in its title."""
    if e.title and _WEBSITE_CUE_RE.search(e.title):
        return "website"
    labels = [(x["label"] or "").strip().lower() for x in e.links]
    urls = [x["url"] for x in e.links]
    if any(lab in _PAPER_LABELS for lab in labels) or any(is_paper_url(u) for u in urls):
        return "paper"
    if any(_VIDEO_LABELS.match(lab) for lab in labels) or any(url_kind(u) == "video" for u in urls):
        return "video"
    if not urls:
        return "paper"  # a title with an empty link in a reading list: a paper until a link says otherwise
    main = urls[0]
    kind = url_kind(main)
    if kind == "repository" and e.layout == "block" and labels and labels[0] in ("website", "project"):
        return "website"
    return kind


def _primary_url(e: _Entry) -> str | None:
    urls = [x["url"] for x in e.links]
    if not urls:
        return None
    if e.kind == "paper":
        for u in urls:
            if identifiers_from_url(u).strong():
                return u
        for u in urls:
            if is_paper_url(u):
                return u
    if e.kind == "video":
        for u in urls:
            if url_kind(u) == "video":
                return u
    return urls[0]


def entry_identifiers(links: list[dict[str, str]]) -> Identifiers:
    """Identifiers of an entry from its links, the first of each type winning (a non-paper entry keeps them
    too: the dedupe stage reports such a link as suspicious and keeps the entry apart)."""
    ids = Identifiers()
    for x in links:
        ids.merge(identifiers_from_url(x["url"]))
    return ids


def _list_year(e: _Entry) -> int | None:
    """The year the list gives: the venue line or year column, else the date line, else a year heading."""
    if e.year is not None:
        return e.year
    if e.date:
        m = YEAR_RE.search(e.date)
        if m:
            return int(m.group(1))
    for heading in reversed(e.section):
        if re.fullmatch(YEAR, heading.strip()):
            return int(heading)
    return None


def _row(e: _Entry) -> dict:
    ids = entry_identifiers(e.links)
    return {
        "occurrence_id": f"{e.source}:{e.line}",
        "source": e.source,
        "line": e.line,
        "end_line": e.end_line,
        "section": list(e.section),
        "layout": e.layout,
        "title": e.title,
        "authors": list(e.authors),
        "venue": e.venue,
        "year": _list_year(e),
        "date": e.date,
        "kind": e.kind,
        "links": list(e.links),
        "url": e.url,
        "arxiv_id": ids.arxiv_id,
        "doi": ids.doi,
        "openreview_id": ids.openreview_id,
        "pmlr_id": ids.pmlr_id,
        "cvf_id": ids.cvf_id,
        "neurips_id": ids.neurips_id,
        "ieee_id": ids.ieee_id,
        "note": e.note,
        "rating": e.rating,
        "read": e.read,
        "work_id": "",
    }


