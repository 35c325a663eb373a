"""The cells of a ``papers`` row as the BibTeX writer reads them: clean text, lists, years."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from diffdata.schemas import is_missing

WHITESPACE = re.compile(r"\s+")


def clean_text(value: Any) -> str:
    """NFC text with whitespace runs collapsed to one space and control/format characters removed."""
    if isinstance(value, str) and value.isascii() and value.isprintable():  # most cells: nothing to normalise
        # the only white space of printable ASCII is " ": without a double space, stripping is all there is
        return value.strip() if "  " not in value else " ".join(value.split())
    if value is None or is_missing(value):  # None (most missing cells) without a call
        return ""
    text = str(value)
    if text.isascii() and text.isprintable():  # the common case: nothing to normalise or remove
        return WHITESPACE.sub(" ", text).strip()
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
    )
    return WHITESPACE.sub(" ", text).strip()


def as_list(value: Any) -> list[Any]:
    """A list-like cell (list, tuple, numpy array) as a list; a single value as a list of it; missing: []."""
    if value is None or (not isinstance(value, (list, tuple, str)) and not hasattr(value, "__iter__")):
        return [] if is_missing(value) else [value]
    if isinstance(value, str):
        return [value]
    return list(value)


def as_year(value: Any) -> int | None:
    """A year between 1 and 9999, else None."""
    if is_missing(value):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 0 < year < 10000 else None


def row_year(row: dict[str, Any]) -> int | None:
    """The row's ``year``, else the year of its ``publication_date`` (``YYYY-MM-DD``)."""
    year = as_year(row.get("year"))
    if year is None:
        date = clean_text(row.get("publication_date"))
        year = as_year(date[:4]) if re.match(r"^\d{4}(-|$)", date) else None
    return year
