"""Authors in BibTeX: ``Last, First`` with particles kept, organisations braced whole, no TeX syntax."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from diffdata.bibtex.tex import escape_label_text
from diffdata.bibtex.values import as_list, clean_text

__all__ = ["CAPITALISED_PARTICLES", "ORGANISATIONS", "ORGANISATION_WORDS", "format_author", "format_authors"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _words_in_order(text: str) -> list[str]:
    return text.split()


#: Capitalised words that start a family name when they come before the last word (``Valentin De Bortoli``).
CAPITALISED_PARTICLES: frozenset[str] = _words(
    "De Del Della Der Den Di Da Das Dos Du La Le Van Von Vom Ten Ter Zu Zur San Santa St. Saint Al El"
)
_VIETNAMESE_FAMILY_NAMES = _words(
    "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Dinh Trinh Truong Lam Mai"
)
_VIETNAMESE_MIDDLE = frozenset({"Van", "Le", "Thi"})
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})

#: Words that mark a name as an organisation (compared case-insensitively, punctuation stripped).
ORGANISATION_WORDS: frozenset[str] = _words(
    """
    team lab labs laboratory laboratories inc ltd llc gmbh corp corporation company research foundation
    university institute group project community contributors authors ai collective society association
    consortium committee deepmind openai google meta microsoft nvidia adobe apple amazon anthropic
    huggingface stability runway midjourney alibaba tencent baidu bytedance samsung intel ibm
    """
)
#: Multi-word organisations that carry none of :data:`ORGANISATION_WORDS`.
ORGANISATIONS: frozenset[str] = frozenset({"hugging face", "facebook ai", "eleutherai", "laion", "compvis"})

_HANDLE = re.compile(r"\s*\(\s*@[^)]*\)\s*")


def _is_organisation(name: str, tokens: Sequence[str]) -> bool:
    if name.casefold() in ORGANISATIONS or "&" in name or any(c.isdigit() for c in name):
        return True
    return any(re.sub(r"[^\w]", "", t).casefold() in ORGANISATION_WORDS for t in tokens) or any(
        t.casefold() == "and" for t in tokens
    )


_GREEK_LATIN = dict(
    zip("αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
        _words_in_order("a b g d e z i th i k l m n x o p r s s t y f ch ps o "
                        "A B G D E Z I Th I K L M N X O P R S T Y F Ch Ps O"), strict=True)
)
_NAME_PUNCTUATION = frozenset(".,-'&")


def _name_text(name: Any) -> str:
    """The characters of a name that can be part of one: letters, digits, spaces and ``. , - ' &``.

    Everything else (TeX specials, brackets, quotes, symbols, emoji) becomes a space; Greek letters are
    transliterated, ``’`` becomes ``'``.
    """
    out = []
    for ch in _HANDLE.sub(" ", clean_text(name)).replace("’", "'"):
        base = unicodedata.normalize("NFD", ch)[0]
        category = unicodedata.category(ch)
        if base in _GREEK_LATIN:
            out.append(_GREEK_LATIN[base])
        elif ch in _NAME_PUNCTUATION or category[0] in "LM" or category == "Nd":
            out.append(ch)
        else:
            out.append(" ")
    return "".join(out)


def _name_tokens(text: str) -> list[str]:
    """Words of a name part, each starting with a letter or digit and ending with one or a period."""
    tokens = []
    for token in text.split():
        start, end = 0, len(token)
        while start < end and not token[start].isalnum():
            start += 1
        while end > start and not (token[end - 1].isalnum() or token[end - 1] == "."):
            end -= 1
        if start < end:
            tokens.append(token[start:end])
    return tokens


def _literal_name(tokens: Sequence[str]) -> str:
    return "{" + escape_label_text(" ".join(tokens)) + "}"


def format_author(name: Any) -> str | None:
    """Format one author as written (``"Rianne van den Berg"``) for BibTeX (``"van den Berg, Rianne"``).

    Characters that cannot be part of a name are dropped first (see :func:`_name_text`); this keeps BibTeX's
    and biber's name parsers (initials, ``and``, commas, hyphens) away from TeX syntax. Returns ``None`` when
    nothing is left. The rules are in ``docs/bibtex.md``.
    """
    return _format_name(name) if isinstance(name, str) else _format_name.__wrapped__(name)


@functools.lru_cache(maxsize=1 << 16)  # an author of many works is formatted once
def _format_name(name: Any) -> str | None:
    text = _name_text(name)
    if clean_text(text).casefold() in {"et al.", "et al", "others", "and others"}:
        return "others"
    parts = [_name_tokens(p) for p in text.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    everything = [t for p in parts for t in p]
    if _is_organisation(" ".join(everything), everything):
        return _literal_name(everything)
    if len(parts) == 2 and " ".join(parts[1]) in _SUFFIXES:  # "John Smith, Jr."
        parts = [parts[0] + parts[1]]
    if len(parts) == 2:  # already "Last, First"
        last, first = parts
        return f"{escape_label_text(' '.join(last))}, {escape_label_text(' '.join(first))}"
    if len(parts) > 2:
        return _literal_name(everything)
    tokens = parts[0]
    if len(tokens) == 1:
        return _literal_name(tokens)
    suffix = tokens.pop() if tokens[-1] in _SUFFIXES and len(tokens) > 2 else None
    i = len(tokens) - 1  # index where the family name starts
    last_word = tokens[-1]
    while i > 1:
        word = tokens[i - 1]
        lower = word[:1].islower()
        particle = word in CAPITALISED_PARTICLES
        if particle and word in _VIETNAMESE_MIDDLE and last_word in _VIETNAMESE_FAMILY_NAMES:
            break
        if not (lower or particle):
            break
        i -= 1
    formatted = [escape_label_text(" ".join(tokens[i:]))]
    if suffix:
        formatted.append(escape_label_text(suffix))
    formatted.append(escape_label_text(" ".join(tokens[:i])))
    return ", ".join(formatted)


def format_authors(names: Iterable[Any] | None) -> str:
    """Join formatted authors with `` and ``; ``""`` when there are none."""
    formatted = [f for f in (format_author(n) for n in as_list(names)) if f]
    return " and ".join(formatted)

