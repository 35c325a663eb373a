"""What the pipeline asks of Semantic Scholar and reads from its answers: the fields, the shape check and
the ``semanticscholar`` package's ``Paper`` model (no HTTP here)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from semanticscholar.Paper import Paper

FIELDS: tuple[str, ...] = (
    "paperId",
    "corpusId",
    "externalIds",
    "url",
    "title",
    "abstract",
    "venue",
    "publicationVenue",
    "year",
    "referenceCount",
    "citationCount",
    "influentialCitationCount",
    "isOpenAccess",
    "openAccessPdf",
    "fieldsOfStudy",
    "publicationTypes",
    "publicationDate",
    "journal",
    "authors",
    "tldr",
    # Nested references are accepted by /paper/batch, /paper/{id} and /paper/search/match (OpenAPI: "Use a
    # period for subfields of citations and references"). Only the paperId is needed to build the citation
    # edges between works of the dataset, and it keeps the 10 MB answer limit far away.
    "references.paperId",
)
"""Paper fields requested from Semantic Scholar (the ``fields`` query parameter)."""

MAX_COUNT = 2**53
"""Largest count or id accepted from an answer (what a JSON number holds exactly; Int64 holds it too)."""

_TEXT_FIELDS = ("paperId", "url", "title", "abstract", "venue", "publicationDate")
_COUNT_FIELDS = ("corpusId", "referenceCount", "citationCount", "influentialCitationCount")
_OBJECT_FIELDS = {"publicationVenue": "name", "openAccessPdf": "url", "journal": "name", "tldr": "text"}
_STRING_LIST_FIELDS = ("fieldsOfStudy", "publicationTypes")


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < high


def _is_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")  # what semanticscholar.Paper does with it
    except ValueError:
        return False
    return True


def as_paper(answer: Mapping[str, Any]) -> Paper:
    """An answer that :func:`check_paper` accepted, read into the ``semanticscholar`` package's ``Paper`` model.

    Two quirks of the model (v0.12.0) are covered: ``url`` raises AttributeError when the answer has no
    ``url`` (None here), and ``publicationDate`` is parsed with ``strptime``, which
    :func:`check_paper` has checked first.
    """
    return Paper({"url": None, **answer})  # without the key, the model leaves ``url`` unset


def check_paper(paper: Any) -> str | None:
    """Why ``paper`` (one answer of the API) does not have the shape the pipeline reads, or None when it does.

    Every field may be missing or null; when present: text fields are strings, counts and ids whole numbers
    in ``0..2**53``, ``year`` a whole number in ``1000..2999``, ``externalIds`` an object of strings or
    numbers, ``authors`` and ``references`` lists of objects (``name`` and ``paperId`` strings), the other
    objects objects, ``fieldsOfStudy`` and ``publicationTypes`` lists of strings, ``isOpenAccess`` a boolean,
    ``publicationDate`` a date ``YYYY-MM-DD``. An accepted answer can be read by :func:`as_paper`.
    """
    if not isinstance(paper, dict):
        return f"answer is a {type(paper).__name__}, not an object"

    def kind(value: Any) -> str:
        text = json.dumps(value, default=str)
        return f"{type(value).__name__} {text[:40]}{'...' if len(text) > 40 else ''}"

    for name in _TEXT_FIELDS:
        value = paper.get(name)
        if value is not None and not isinstance(value, str):
            return f"{name} is a {kind(value)}, not a string"
    for name in _COUNT_FIELDS:
        value = paper.get(name)
        if value is not None and not _whole(value, 0, MAX_COUNT):
            return f"{name} is {kind(value)}, not a whole number in 0..2**53"
    date = paper.get("publicationDate")
    if date is not None and not _is_date(date):
        return f"publicationDate is {kind(date)}, not a date YYYY-MM-DD"
    year = paper.get("year")
    if year is not None and not _whole(year, 1000, 3000):
        return f"year is {kind(year)}, not a whole number in 1000..2999"
    flag = paper.get("isOpenAccess")
    if flag is not None and not isinstance(flag, bool):
        return f"isOpenAccess is a {kind(flag)}, not a boolean"
    external = paper.get("externalIds")
    if external is not None:
        if not isinstance(external, dict):
            return f"externalIds is a {kind(external)}, not an object"
        for name, value in external.items():
            if value is not None and not (isinstance(value, str) or _whole(value, 0, MAX_COUNT)):
                return f"externalIds.{name} is a {kind(value)}, not a string or a whole number"
    for name, inner in _OBJECT_FIELDS.items():
        value = paper.get(name)
        if value is None:
            continue
        if not isinstance(value, dict):
            return f"{name} is a {kind(value)}, not an object"
        if value.get(inner) is not None and not isinstance(value.get(inner), str):
            return f"{name}.{inner} is a {kind(value.get(inner))}, not a string"
    for name in _STRING_LIST_FIELDS:
        value = paper.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"{name} is a {kind(value)}, not a list of strings"
    for name, inner in (("authors", "name"), ("references", "paperId")):
        value = paper.get(name)
        if value is None:
            continue
        if not isinstance(value, list):
            return f"{name} is a {kind(value)}, not a list"
        for item in value:
            if not isinstance(item, dict):
                return f"{name} has an item that is a {kind(item)}, not an object"
            if item.get(inner) is not None and not isinstance(item.get(inner), str):
                return f"{name} has an item whose {inner} is a {kind(item.get(inner))}, not a string"
    score = paper.get("matchScore")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)
                              or not math.isfinite(score)):
        return f"matchScore is a {kind(score)}, not a number"
    return None
