"""URLs and identifiers in BibTeX fields: the verbatim ``url`` field, and which DOIs and arXiv ids are valid."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from diffdata.schemas import is_missing

__all__ = ["ARXIV_CLASS", "ARXIV_ID", "DOI", "REPOSITORY_HOSTS", "escape_url", "host"]

_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: A DOI made of characters that are safe in a BibTeX field and for ``\url``.
DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9+\[\]]+$")
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(\.[A-Z]{2})?/\d{7})$")
ARXIV_CLASS = re.compile(r"^[a-z][a-z\-]*(\.[A-Za-z][A-Za-z\-]*)?$")
#: Hosts whose second path component names a repository (``github.com/<owner>/<name>``).
REPOSITORY_HOSTS = frozenset({"github.com", "gitlab.com", "huggingface.co", "bitbucket.org"})


def escape_url(url: Any) -> str:
    """A URL made safe for the verbatim ``url`` field: RFC 3986 characters only, ``%`` and ``#`` kept."""
    if is_missing(url):
        return ""
    text = str(url).strip()
    if not text.isprintable():
        text = "".join(c for c in text if c.isprintable())
    if not text:
        return ""
    text = _BAD_PERCENT.sub("%25", text)
    return quote(text, safe=_URL_SAFE, encoding="utf-8", errors="strict")


def host(url: str) -> str:
    """The URL's host without ``www.``; ``""`` when there is none."""
    try:
        name = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return name.removeprefix("www.")
