"""Titles for untitled works: the name their lists give them, else their identifier; reported in the parse report."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from diffdata.bibtex.entries import identifier_title
from diffdata.bibtex.titles import format_title
from diffdata.bibtex.urls import REPOSITORY_HOSTS, host
from diffdata.bibtex.values import as_list, clean_text
from diffdata.memo import Memo, memo_map
from diffdata.parse.inline import BARE_URL_RE
from diffdata.parse.labels import GENERIC_LINK_TEXT
from diffdata.parse.shapes import POST_LABEL_RE
from diffdata.schemas import is_missing
from diffdata.venues import lookup

__all__ = ["IDENTIFIER_REASON", "NAMED_REASON", "TitleStandIn", "report_title_stand_ins", "title_stand_ins"]


#: ``reason`` of the parse report rows of :func:`report_title_stand_ins`.
NAMED_REASON = "untitled entry: papers.bib titles it with the name the list gives it"
IDENTIFIER_REASON = "untitled entry: papers.bib titles it with its identifier (nothing in the list names it)"


@dataclass(frozen=True)
class TitleStandIn:
    """What titles an untitled work in ``papers.bib``, and where it was found."""

    work_id: str
    title: str
    source: str | None
    line: int | None
    url: str | None
    evidence: str


def _is_label(text: str) -> bool:
    """Whether a link text is a label (``paper``, ``논문``, ``[code]``, a URL, an id, a venue such as
    ``CVPR 2024``) rather than a name."""
    plain = text.casefold().strip("[]() :")
    return (plain in GENERIC_LINK_TEXT or bool(POST_LABEL_RE.match(plain + ": x")) or bool(BARE_URL_RE.match(text))
            or not any(c.isalpha() for c in plain) or bool(re.fullmatch(r"(arxiv:?\s*)?[\d./v]+", plain))
            or lookup(text.strip("[]() "))[0] is not None)


def _repository_name(url: str) -> str | None:
    """``DenseDiffusion`` for ``https://github.com/naver-ai/DenseDiffusion`` (any deeper path), else None."""
    if host(url) not in REPOSITORY_HOSTS:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    name = parts[1].removesuffix(".git") if len(parts) >= 2 else ""
    return name if len(name) >= 3 and any(c.isalpha() for c in name) else None


def _name_in_list(mention: dict[str, Any], code_urls: Sequence[str]) -> tuple[str, str | None, str] | None:
    """The name a mention gives its work: (name, link URL, evidence), or None.

    First a link text that is not a label; then a word of the mention's note that is also the name of a code
    repository linked with the work (the note of awesome-diffusion-models.md:25 says "DenseDiffusion", and
    links github.com/naver-ai/DenseDiffusion): the repository confirms that the word names the work.
    """
    links = [lk for lk in as_list(mention.get("links")) if isinstance(lk, dict)]
    for link in links:
        text = clean_text(link.get("label"))
        if text and len(text) <= 200 and not _is_label(text):
            return text, clean_text(link.get("url")) or None, "link text"
    note = clean_text(mention.get("note"))
    urls = [clean_text(lk.get("url")) for lk in links] + [clean_text(u) for u in code_urls]
    for url in urls:
        name = _repository_name(url)
        found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", note, re.IGNORECASE) if name else None
        if found:
            return found.group(), url, "named in the note and by its code repository"
    return None


_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


def _has_ascii_alnum(title: Any) -> bool:
    """Whether the cleaned title has an ASCII letter or digit (an ASCII text keeps every one it has)."""
    if type(title) is str and title.isascii():
        return _ASCII_ALNUM.search(title) is not None
    return _ASCII_ALNUM.search(clean_text(title)) is not None


def title_stand_ins(papers: pd.DataFrame, occurrences: pd.DataFrame,
                    memo: Memo | None = None) -> dict[str, TitleStandIn]:
    """What titles each work of ``papers`` that has no title, by ``work_id``.

    The name its mentions give it (:func:`_name_in_list`, mentions in list order), else its identifier
    (:func:`identifier_title`: ``arXiv:2308.12964``). Works with a title are not in the result. ``memo`` (see
    :mod:`diffdata.memo`) keeps the BibTeX form of each title that is looked at between builds.
    """
    # only the untitled works' rows and mentions are read whole (a column at a time before that)
    titles = _column(papers, "title")
    # a title with an ASCII letter or digit keeps it once escaped: only the others are formatted to see
    maybe = [i for i, title in enumerate(titles) if not _has_ascii_alnum(title)]
    formatted = memo_map(memo, "bibtex.format_title", format_title, [titles[i] for i in maybe])
    untitled = [i for i, title in zip(maybe, formatted, strict=True) if not title]
    rows = papers.iloc[untitled].to_dict(orient="records") if untitled else []
    wanted = {clean_text(row.get("work_id")) for row in rows}
    by_work: dict[str, list[dict[str, Any]]] = {}
    if wanted and len(occurrences):
        ids = [clean_text(w) for w in _column(occurrences, "work_id")]
        theirs = occurrences[[w in wanted for w in ids]].sort_values(["source", "line"], kind="stable")
        for mention in theirs.to_dict(orient="records"):
            by_work.setdefault(clean_text(mention.get("work_id")), []).append(mention)
    result: dict[str, TitleStandIn] = {}
    for row in rows:
        work_id = clean_text(row.get("work_id"))
        mentions = by_work.get(work_id, [])
        code_urls = [str(u) for u in as_list(row.get("code_urls")) if not is_missing(u)]
        for mention in mentions:
            named = _name_in_list(mention, code_urls)
            if named and format_title(named[0]):
                name, url, evidence = named
                result[work_id] = TitleStandIn(work_id, name, mention.get("source"), _line(mention), url,
                                               evidence)
                break
        else:
            first = mentions[0] if mentions else {}
            result[work_id] = TitleStandIn(work_id, identifier_title(row), first.get("source"), _line(first),
                                           clean_text(row.get("url")) or None, "identifier")
    return result


def _column(table: pd.DataFrame, name: str) -> list[Any]:
    """The column's values, or None for each row when the table lacks it."""
    return table[name].tolist() if name in table.columns else [None] * len(table)


def _line(mention: dict[str, Any]) -> int | None:
    line = mention.get("line")
    return None if is_missing(line) else int(line)


def report_title_stand_ins(report: pd.DataFrame, stand_ins: Mapping[str, TitleStandIn]) -> pd.DataFrame:
    """The parse report with one row per stand-in title of a listed work: ``info`` when the list names the
    work, ``warning`` when only an identifier titles it; sorted as the pipeline sorts the report."""
    rows = [
        {"source": s.source, "line": s.line, "severity": "warning" if s.evidence == "identifier" else "info",
         "reason": IDENTIFIER_REASON if s.evidence == "identifier" else NAMED_REASON, "url": s.url,
         "text": s.title if s.evidence == "identifier" else f"{s.title} ({s.evidence})"}
        for s in stand_ins.values() if s.source
    ]
    if not rows:
        return report
    added = pd.DataFrame(rows, columns=list(report.columns) or None)
    merged = pd.concat([report, added], ignore_index=True) if len(report) else added
    merged = merged.sort_values(["source", "line", "reason", "url"], na_position="first", kind="stable")
    return merged.reset_index(drop=True)

