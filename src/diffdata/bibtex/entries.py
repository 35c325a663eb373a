"""One BibTeX entry per ``papers`` row: its type, venue field, stand-ins for missing authors, fields in order."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from diffdata.bibtex.names import format_authors
from diffdata.bibtex.tex import escape_label_text, escape_text
from diffdata.bibtex.titles import format_clean_title
from diffdata.bibtex.urls import ARXIV_CLASS, ARXIV_ID, DOI, REPOSITORY_HOSTS, escape_url, host
from diffdata.bibtex.values import as_list, as_year, clean_text, row_year
from diffdata.identifiers import url_identity
from diffdata.venues import lookup

__all__ = ["FIELD_ORDER", "ROW_COLUMNS", "BibEntry", "author_stand_in", "classify", "identifier_title",
           "paper_entry"]

#: The columns of a ``papers`` row that :func:`paper_entry` reads (the writer passes only these).
ROW_COLUMNS: tuple[str, ...] = (
    "work_id", "citation_key", "kind", "title", "authors", "year", "publication_date", "venue", "s2_venue",
    "publication_types", "arxiv_id", "arxiv_primary_class", "doi", "url",
)

#: Order of fields within every entry.
FIELD_ORDER: tuple[str, ...] = (
    "author",
    "key",
    "sortkey",
    "title",
    "booktitle",
    "journal",
    "howpublished",
    "year",
    "doi",
    "eprint",
    "archivePrefix",
    "primaryClass",
    "url",
)

_JOURNAL_WORDS = re.compile(r"\b(journal|transactions|letters|review|annals)\b", re.IGNORECASE)
_CONFERENCE_WORDS = re.compile(
    r"\b(conference|proceedings|workshop|symposium|congress|meeting)\b", re.IGNORECASE
)




@dataclass(frozen=True)
class BibEntry:
    """One BibTeX entry: its type, key and fields (name, value as written between the braces), in order."""

    entry_type: str
    key: str
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        """The value of field ``name``, or ``None``."""
        return dict(self.fields).get(name)


_KEY = re.compile(r"^[A-Za-z0-9_:\-./+]+$")


def _is_arxiv_venue(name: str) -> bool:
    venue, _ = lookup(name)
    return venue is not None and venue.abbr == "arXiv"


_HOW_LABELS = {"post": "Blog post", "video": "Video", "repository": "Code repository", "website": "Website"}


def classify(row: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """Entry type of a ``papers`` row and its venue field: ``("inproceedings", "booktitle", name)``,
    ``("article", "journal", name)``, ``("misc", "howpublished", text)`` or ``("misc", None, None)``.

    The venue name is returned unescaped. The rules are in ``docs/bibtex.md``.
    """
    return _classify(row, None, None)


def _classify(row: dict[str, Any], authors: str | None, title: str | None) -> tuple[str, str | None, str | None]:
    """:func:`classify`; ``authors``, ``title``: the row's :func:`format_authors` and clean title, when known
    (else found when needed)."""
    kind = clean_text(row.get("kind")) or "paper"
    github = kind == "repository" and "github.com" in clean_text(row.get("url")).casefold()
    types = {clean_text(t) for t in as_list(row.get("publication_types"))} if kind == "paper" else set()
    found, when_complete = _venue_class(kind, clean_text(row.get("venue")), clean_text(row.get("s2_venue")),
                                        bool(clean_text(row.get("arxiv_id"))), github, "Conference" in types,
                                        "JournalArticle" in types)
    if not when_complete:
        return found
    complete = (
        as_year(row.get("year")) is not None
        and bool(format_authors(row.get("authors")) if authors is None else authors)
        and bool(clean_text(row.get("title")) if title is None else title)
    )
    return found if complete else ("misc", "howpublished", found[2])


@functools.lru_cache(maxsize=1 << 12)  # a few hundred venues and kinds: each is classified once
def _venue_class(kind: str, venue: str, s2_venue: str, arxiv: bool, github: bool, conference: bool,
                 journal: bool) -> tuple[tuple[str, str | None, str | None], bool]:
    """:func:`classify` of a row's cleaned cells (``arxiv``: it has an arXiv id; ``github``: a repository on
    GitHub; ``conference``, ``journal``: its S2 publication types), and whether that holds only for a
    complete row (year, authors and title; else it is ``misc``, ``howpublished``)."""
    if kind != "paper":
        how = "GitHub repository" if github else _HOW_LABELS.get(kind, kind.capitalize())
        if venue and venue.casefold() != how.casefold():
            how = f"{how}, {venue}"
        return ("misc", "howpublished", how), False
    if venue and _is_arxiv_venue(venue):
        return ("misc", "howpublished", "arXiv preprint"), False
    known, workshop = lookup(venue) if venue else (None, False)
    if (known is None or known.generic) and s2_venue and not _is_arxiv_venue(s2_venue) and not workshop:
        s2_known, s2_workshop = lookup(s2_venue)
        if s2_known is not None and not s2_known.generic:
            known, workshop = s2_known, s2_workshop
        elif not venue:
            venue = s2_venue
    if known is not None and known.type == "preprint":
        return ("misc", "howpublished", known.title), False
    if known is not None:
        field = "booktitle" if known.entry_type == "inproceedings" else "journal"
        return (known.entry_type, field, known.workshop_title if workshop else known.title), True
    if venue:
        if workshop or conference:
            return ("inproceedings", "booktitle", venue), True
        if journal or _JOURNAL_WORDS.search(venue):
            return ("article", "journal", venue), True
        if _CONFERENCE_WORDS.search(venue):
            return ("inproceedings", "booktitle", venue), True
        return ("misc", "howpublished", venue), False
    if arxiv or (s2_venue and _is_arxiv_venue(s2_venue)):
        return ("misc", "howpublished", "arXiv preprint"), False
    return ("misc", None, None), False


_NOT_WORD = re.compile(r"[\W_]+")


def _reading(text: str) -> str:
    """A text as :func:`_same_text` compares it: no case, accents or punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKD", text).casefold())


def _same_text(a: str, b: str) -> bool:
    """Whether two texts read the same once case, accents and punctuation are ignored."""
    return _reading(a) == _reading(b)


def _site(url: str) -> str | None:
    """Where a URL points, as short as it stays distinct: ``youtube:<video id>``, ``github.com/<owner>/<repo>``
    (case kept), else the host without ``www.``; None without a URL."""
    identity = url_identity(url) if url else None
    if not identity:
        return None
    if identity.startswith(("youtube:", "youtube-list:")):
        return identity
    parts = [p for p in urlsplit(url).path.split("/") if p]
    name = host(url)
    if name in REPOSITORY_HOSTS and len(parts) >= 2:
        return f"{name}/{parts[0]}/{parts[1].removesuffix('.git')}"
    return name or None


def _arxiv_stand_in(row: dict[str, Any]) -> str | None:
    arxiv_id = clean_text(row.get("arxiv_id"))
    return f"arXiv:{arxiv_id}" if ARXIV_ID.match(arxiv_id) else None


def _doi_stand_in(row: dict[str, Any]) -> str | None:
    doi = clean_text(row.get("doi"))
    return f"doi:{doi}" if DOI.match(doi) else None


def identifier_title(row: dict[str, Any]) -> str:
    """What titles a work of which nothing but identifiers is known: ``arXiv:2308.12964``, ``doi:10....``, its
    identifier ``work_id`` (``openreview:...``), its URL, else ``Untitled``."""
    work_id = clean_text(row.get("work_id"))
    identifier = work_id if work_id.split(":")[0] in _IDENTIFIER_PREFIXES else ""
    return (_arxiv_stand_in(row) or _doi_stand_in(row) or identifier or clean_text(row.get("url"))
            or "Untitled")


#: ``work_id`` prefixes of works identified by an identifier (the others are ``<kind>:<title slug>``).
_IDENTIFIER_PREFIXES = frozenset({"arxiv", "doi", "openreview", "pmlr", "cvf", "neurips", "ieee"})


def _title_head(title: str) -> str | None:
    """The name before a colon in a title (``Q-diffusion`` of ``Q-diffusion: ...``), of six words at most."""
    head, colon, _ = title.partition(":")
    return head.strip() if colon and len(head.split()) <= 6 else None


def author_stand_in(row: dict[str, Any], title: str) -> str:
    """The ``key`` of a work without authors: what natbib styles print where the authors would stand, and
    use as the citation label.

    The first of these that does not read as ``title``: the arXiv id (``arXiv:2303.01469``), the DOI
    (``doi:10....``), where the URL points (``openreview.net``, ``github.com/labmlai/annotated_deep...``,
    ``youtube:cS6JQpEY9cs``: see :func:`_site`), the name before a colon in the title
    (``Q-diffusion``), else ``Unknown author``. Never the title (plainnat would print it twice) and never the
    citation key. Each candidate is found only when the ones before it fail.
    """
    key = clean_text(row.get("citation_key")).casefold()
    title_reading: str | None = None
    for find in (_arxiv_stand_in, _doi_stand_in, lambda r: _site(clean_text(r.get("url"))),
                 lambda _r: _title_head(title)):
        candidate = find(row)
        if candidate and candidate.casefold() != key:
            if title_reading is None:
                title_reading = _reading(title)
            if _reading(candidate) != title_reading:
                return candidate
    return "Unknown author"


def _title(row: dict[str, Any], title: str, title_stand_in: str | None) -> tuple[str, str]:
    """The text that titles the entry and its BibTeX form: the first of the row's ``title`` (clean),
    ``title_stand_in`` and :func:`identifier_title` that leaves something once escaped (a title of emoji
    leaves nothing), else ``Untitled``."""
    for text in (title, clean_text(title_stand_in)):
        formatted = format_clean_title(text)
        if formatted:
            return text, formatted
    text = clean_text(identifier_title(row))
    formatted = format_clean_title(text)
    return (text, formatted) if formatted else ("Untitled", "Untitled")


def paper_entry(row: dict[str, Any], title_stand_in: str | None = None) -> BibEntry:
    """The :class:`BibEntry` of one ``papers`` row (a mapping of column name to value).

    ``title_stand_in`` titles the entry when the row has no title (see :func:`title_stand_ins`); without one,
    such an entry is titled by :func:`identifier_title`.
    """
    key = clean_text(row.get("citation_key"))
    if not _KEY.match(key):
        raise ValueError(f"citation_key {key!r} is not a valid BibTeX key (letters, digits, _:-./+ only)")
    authors = format_authors(row.get("authors"))
    row_title = clean_text(row.get("title"))
    entry_type, venue_field, venue_name = _classify(row, authors, row_title)
    title_text, title = _title(row, row_title, title_stand_in)
    # appended in FIELD_ORDER
    if authors:
        fields = [("author", authors)]
    else:
        fields = [("key", escape_label_text(author_stand_in(row, title_text))), ("sortkey", escape_text(title_text))]
    fields.append(("title", title))
    if venue_field and venue_name:
        fields.append((venue_field, escape_text(venue_name)))
    year = row_year(row)
    if year is not None:
        fields.append(("year", str(year)))

    doi = clean_text(row.get("doi"))
    doi_ok = bool(DOI.match(doi))
    if doi_ok:
        fields.append(("doi", doi))
    arxiv_id = clean_text(row.get("arxiv_id"))
    eprint = bool(ARXIV_ID.match(arxiv_id)) and clean_text(row.get("kind") or "paper") == "paper"
    if eprint:
        fields += [("eprint", arxiv_id), ("archivePrefix", "arXiv")]
        primary = clean_text(row.get("arxiv_primary_class"))
        if ARXIV_CLASS.match(primary):
            fields.append(("primaryClass", primary))
    url = escape_url(row.get("url"))
    if not url and eprint and entry_type == "misc":
        url = f"https://arxiv.org/abs/{arxiv_id}"
    if not url and doi and not doi_ok:
        url = escape_url("https://doi.org/" + doi)
    if url:
        fields.append(("url", url))
    return BibEntry(entry_type, key, tuple(fields))
