"""Citation keys: readable (``ho2020denoising``), ASCII, unique, and stable.

``assign_keys(papers, registry)`` is the stage: the registry (``raw/citation_keys.csv``: ``citation_key``,
``work_id``, ``kind``, ``title_key``, ``url``) is read first and every work it names keeps its key, whatever
else changes. A work the registry does not name, but whose kind and normalised title match a registry row
whose work is gone (its id changed, e.g. when a list added an arXiv link), takes that row's key over - when
their URLs are equal, or when there is exactly one such row and one such work and neither URL contradicts it.
Only then do new works get new keys, in a fixed order; a new key that is taken gets a letter (``chen2014b``)
- the existing work's key is never renamed. Rows of works no longer in the lists stay in the registry, so
their keys are never given to another work. A user may edit a key in the registry to pin it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

import pandas as pd

from diffdata.text import build_memo, fold_accents, surname, title_key

REGISTRY_COLUMNS = ["citation_key", "work_id", "kind", "title_key", "url"]
KEY_RE = re.compile(r"[A-Za-z][A-Za-z0-9_:.\-]*")
"""A citation key, matched whole (``fullmatch``: a final newline is not allowed either)."""
STOPWORDS = {
    "a", "an", "the", "on", "of", "for", "in", "to", "with", "and", "via", "by", "from", "at", "as", "is", "are",
    "what", "how", "why", "towards", "toward", "into", "using", "your", "its", "do", "does", "we", "can",
}


class RegistryError(ValueError):
    """The citation-key registry is invalid; the message names the file and line."""


@dataclass
class KeyResult:
    """The papers with ``citation_key`` filled, the updated registry, and the rows added to it."""

    papers: pd.DataFrame
    registry: pd.DataFrame
    added: int


def validate_registry(registry: pd.DataFrame, name: str = "raw/citation_keys.csv") -> None:
    """Raise :class:`RegistryError` naming the line of a bad or duplicate key or a duplicate work.

    Keys are compared case-insensitively, as BibTeX does (``Ho2020denoising`` and ``ho2020denoising`` are one
    key), and must match :data:`KEY_RE` whole: no space, control character or final newline.
    """
    seen_keys: dict[str, tuple[int, str]] = {}
    seen_works: dict[str, int] = {}
    for n, row in enumerate(registry.itertuples(index=False), start=2):  # line 1 is the header
        key, work = str(row.citation_key or ""), str(row.work_id or "")
        if not KEY_RE.fullmatch(key) or not key.isascii():
            raise RegistryError(f"{name}:{n}: invalid citation key {key!r} (ASCII letters, digits, _ : . -)")
        if not work:
            raise RegistryError(f"{name}:{n}: empty work_id")
        if key.lower() in seen_keys:
            line, first = seen_keys[key.lower()]
            same = "already used" if first == key else f"differs only in case from {first!r}"
            raise RegistryError(f"{name}:{n}: citation key {key!r} {same} on line {line} "
                                "(BibTeX keys are case-insensitive)")
        if work in seen_works:
            raise RegistryError(f"{name}:{n}: work {work!r} already has a key on line {seen_works[work]}")
        seen_keys[key.lower()], seen_works[work] = (n, key), n


_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]")


@build_memo  # titles and surnames repeat their words: each is folded once
def _ascii_word(text: str) -> str:
    return _NOT_ASCII_WORD.sub("", fold_accents(text).lower())


def base_key(authors: list[str], year: int | None, title: str | None, work_id: str) -> str:
    """The Google-Scholar-like key before disambiguation: first author's surname, year, first title word."""
    return _base_key(authors, year, title_key(title), work_id)


def _base_key(authors: list[str], year: int | None, normalised: str, work_id: str) -> str:
    """:func:`base_key` of a title already normalised by ``title_key``."""
    kept = (w for w in map(_ascii_word, normalised.split()) if w and w not in STOPWORDS)
    words = list(islice(kept, 2))  # the key uses the first two words at most
    who = _ascii_word(surname(authors[0])) if authors else ""
    if not who and words:
        who = words.pop(0)
    if not who:
        who = "anon"
    word = words[0] if words else _ascii_word(work_id.split(":", 1)[-1])[:12]
    when = str(int(year)) if year is not None and not pd.isna(year) else "nd"
    key = f"{who}{when}{word}"
    if not key[0].isalpha():
        key = "k" + key
    return key


def _handover(orphans: list[dict], candidates: list) -> dict[str, str]:
    """Which orphaned registry keys pass to which new works (work_id -> key): a work takes over the key of a
    vanished work of the same title when their URLs are equal (the kind may have been read anew: a page
    once typed website is now a post), or, for the same kind, when each side has exactly one."""
    out: dict[str, str] = {}
    for o in orphans:
        same_url = [c for c in candidates if o["url"] and c.url == o["url"] and c.work_id not in out]
        if len(same_url) == 1:
            out[same_url[0].work_id] = o["citation_key"]
    candidates = [c for c in candidates if orphans and c.kind == orphans[0]["kind"]]
    orphans = [o for o in orphans if candidates and o["kind"] == candidates[0].kind]
    if not out and len(orphans) == 1 and len(candidates) == 1:
        old_url, new_url = orphans[0]["url"], candidates[0].url if isinstance(candidates[0].url, str) else ""
        if not old_url or not new_url or old_url == new_url:  # another address is another work
            out[candidates[0].work_id] = orphans[0]["citation_key"]
    return out


def assign_keys(papers: pd.DataFrame, registry: pd.DataFrame) -> KeyResult:
    """Fill ``citation_key`` for every work; see the module docstring. Inputs are not modified."""
    validate_registry(registry)
    if not papers.work_id.is_unique:
        dup = papers.work_id[papers.work_id.duplicated()].iloc[0]
        raise ValueError(f"two works share the work_id {dup!r}: a citation key needs one work per id")
    reg = registry.reindex(columns=REGISTRY_COLUMNS).fillna("") if len(registry) else pd.DataFrame(
        columns=REGISTRY_COLUMNS)
    key_of = dict(zip(reg.work_id, reg.citation_key, strict=True))
    used = {k.lower() for k in reg.citation_key}  # BibTeX compares keys case-insensitively
    current = set(papers.work_id)
    orphans: dict[str, list[dict]] = {}
    for o in reg.to_dict(orient="records"):
        if o["work_id"] not in current and o["title_key"]:
            orphans.setdefault(o["title_key"], []).append(o)
    out = papers.copy()
    rows = list(out[list(_ROW_COLUMNS)].itertuples(index=False, name="Work"))
    # each new work's title normalised once, here: title_key's memo holds fewer titles than a large build has
    normalised = {row.work_id: title_key(row.title) for row in rows if row.work_id not in key_of}
    unkeyed: dict[str, list] = {}
    for row in rows:
        if row.work_id not in key_of:
            unkeyed.setdefault(normalised[row.work_id], []).append(row)
    taken: dict[str, str] = {}
    for group, olds in orphans.items():
        taken.update(_handover(olds, unkeyed.get(group, [])))
    new_rows = [_registry_row(taken[r.work_id], r, normalised[r.work_id]) for r in rows if r.work_id in taken]
    pending = [r for r in rows if r.work_id not in key_of and r.work_id not in taken]
    # new works, in a fixed order, so that one run gives the same keys whatever the input order
    bases = {r.work_id: _base_key(list(r.authors), r.year, normalised[r.work_id], r.work_id) for r in pending}
    order = sorted(pending, key=lambda r: (bases[r.work_id], r.work_id))
    fresh: dict[str, str] = {}
    next_n: dict[str, int] = {}
    for row in order:
        base = bases[row.work_id]
        key, n = base, next_n.get(base, 0)
        if n:
            key = base + _suffix(n)
        while key.lower() in used:
            n += 1
            key = base + _suffix(n)
        next_n[base] = n + 1
        used.add(key.lower())
        fresh[row.work_id] = key
        new_rows.append(_registry_row(key, row, normalised[row.work_id]))
    out["citation_key"] = [key_of.get(w) or taken.get(w) or fresh[w] for w in out.work_id]
    # rows that moved to a new work id replace their old row; new rows are appended in key order
    moved = set(taken.values())
    kept = reg[~reg.citation_key.isin(moved)]
    added = pd.DataFrame(sorted(new_rows, key=lambda r: r["citation_key"]), columns=REGISTRY_COLUMNS)
    updated = pd.concat([kept, added], ignore_index=True) if len(added) else kept.reset_index(drop=True)
    return KeyResult(out, updated, len(added))


#: The columns of ``papers`` that the stage reads.
_ROW_COLUMNS = ("work_id", "kind", "title", "authors", "year", "url")


def _registry_row(key: str, row, normalised: str) -> dict[str, str]:
    return {"citation_key": key, "work_id": row.work_id, "kind": row.kind, "title_key": normalised,
            "url": row.url if isinstance(row.url, str) else ""}


def _suffix(n: int) -> str:
    """The letter added to the n-th holder of a taken key: 1 -> 'b', ..., 25 -> 'z', then 'z26', 'z27'...

    The first holder keeps the bare key (it is the implicit 'a').
    """
    return "abcdefghijklmnopqrstuvwxyz"[n] if n < 26 else f"z{n}"
