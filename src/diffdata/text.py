"""Text helpers shared by the stages: clean titles, normalised title keys, author surnames."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

BUILD_MEMOS: list = []
"""The memos of pure text helpers that a build asks again and again (one entry per distinct text): they grow
with the build and are emptied when it ends (:func:`forget_build_memos`). A bounded memo would drop entries
once a build outgrows it, so that a larger build paid more per item (``benchmarks/RESULTS.md``)."""


def build_memo(fn: Callable) -> Callable:
    """``fn`` memoised without bound until :func:`forget_build_memos`."""
    memo = lru_cache(maxsize=None)(fn)
    BUILD_MEMOS.append(memo)
    return memo


def forget_build_memos() -> None:
    """Empty every :func:`build_memo` (the end of a build)."""
    for memo in BUILD_MEMOS:
        memo.cache_clear()


YEAR = r"(?:19[5-9]\d|20\d\d)"  # a plausible publication year
YEAR_RE = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
_EMOJI_CODE_RE = re.compile(r":[a-z0-9_+\-]+:")
_KEYCAP_RE = re.compile("[0-9#*]?\ufe0f?\u20e3")
_LATEX_CMD_RE = re.compile(r"\\[a-zA-Z]+\*?(?:\{([^{}]*)\})?")
_PUNCT_RE = re.compile(r"[^\w\s]|_", re.UNICODE)
_MARKER_RE = re.compile(r"\*\*?WR\s*=\s*\d\*?\*?|\(\s*(?:oral|spotlight|poster)\s*\)", re.I)


@build_memo
def clean_space(text: str) -> str:
    """Collapse runs of white space and strip the ends (str.split's white space is the regex's ``\\s``)."""
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def strip_emoji(text: str) -> str:
    """Remove ``:zap:``-style emoji codes, pictographic characters and keycaps (``1️⃣``)."""
    text = _EMOJI_CODE_RE.sub(" ", text)
    if text.isascii():  # no pictograph is ASCII: the common case costs no per-character work
        return text
    if "\u20e3" in text:  # a keycap ("3️⃣": a digit, U+FE0F, U+20E3) is an emoji, its digit too
        text = _KEYCAP_RE.sub(" ", text)
    return "".join(ch for ch in text if not _is_pictograph(ch))


def _is_pictograph(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or cp in (0xFE0F, 0x200D)
        or unicodedata.category(ch) == "So"
    )


def fold_accents(text: str) -> str:
    """``'Schrödinger'`` -> ``'Schrodinger'``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@build_memo
def title_key(title: str | None) -> str:
    """A normalised title for exact matching: case, accents, LaTeX, emoji, markers and punctuation removed.

    ``'Denoising Diffusion  Probabilistic Models!'`` and ``'denoising diffusion probabilistic models'`` give
    the same key. Empty string for a missing title.
    """
    if not isinstance(title, str) or not title:
        return ""
    text = strip_emoji(title)
    text = _LATEX_CMD_RE.sub(lambda m: m.group(1) or " ", text)
    text = text.replace("$", " ")
    text = _MARKER_RE.sub(" ", text)
    text = fold_accents(text).casefold()
    text = text.replace("-", " ")
    text = _PUNCT_RE.sub(" ", text)
    return clean_space(text)


@lru_cache(maxsize=1 << 17)
def surname(author: str) -> str:
    """A comparable surname: the last word (or what precedes a comma), accents folded, lower-cased.

    ``'Rianne van den Berg'`` -> ``'berg'``; ``'Ho, Jonathan'`` -> ``'ho'``; ``'et al.'`` -> ``''``.
    """
    name = re.sub(r"\(.*?\)", " ", author)
    name = clean_space(name)
    if name.lower().strip(". ") in {"et al", "others", "and others"}:
        return ""
    if "," in name:
        name = name.split(",", 1)[0]
    else:
        parts = name.split(" ")
        name = parts[-1] if parts else ""
    name = fold_accents(name).casefold()
    return re.sub(r"[^a-z]", "", name)


def surnames(authors: Iterable[str] | None) -> set[str]:
    """The set of :func:`surname` of each author, empty names dropped."""
    return {s for s in (surname(a) for a in (authors or [])) if s}
