"""Text for a BibTeX field: ASCII only, with no control sequence or brace of the data left live.

The rules are in ``docs/bibtex.md``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from diffdata.bibtex.values import WHITESPACE, clean_text

__all__ = ["SPECIAL_CHARACTERS", "escape_label_text", "escape_text"]

#: ASCII characters with a meaning in TeX or BibTeX, and what replaces them in text fields.
_ASCII_ESCAPES: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": "{$<$}",
    ">": "{$>$}",
    "|": "{$|$}",
}

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "varepsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ϑ": "vartheta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "µ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ϖ": "varpi", "ρ": "rho", "ϱ": "varrho", "σ": "sigma",
    "ς": "varsigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi",
    "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi",
    "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "∇": "nabla", "∂": "partial",
}

#: Non-ASCII characters with a fixed replacement (letters without a decomposition, punctuation, symbols).
SPECIAL_CHARACTERS: dict[str, str] = {
    "ß": r"{\ss}", "ẞ": "SS", "æ": r"{\ae}", "Æ": r"{\AE}", "œ": r"{\oe}", "Œ": r"{\OE}",
    "ø": r"{\o}", "Ø": r"{\O}", "ł": r"{\l}", "Ł": r"{\L}", "ı": r"{\i}", "ȷ": r"{\j}",
    "å": r"{\aa}", "Å": r"{\AA}", "ĳ": r"{\ij}", "Ĳ": r"{\IJ}",
    # need T1 fonts: transliterated
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ŋ": "ng", "Ŋ": "Ng", "ħ": "h", "Ħ": "H",
    "ſ": "s", "ƒ": "f",
    # punctuation
    "–": "--", "—": "---", "―": "---", "‐": "-", "‑": "-", "‒": "-", "−": "{$-$}", "⁃": "-",
    "‘": "`", "’": "'", "‚": ",", "‛": "`", "“": "``", "”": "''", "„": ",,", "‟": "``",
    "«": "``", "»": "''", "‹": "`", "›": "'", "′": "'", "″": "''",
    "…": r"\ldots{}", "•": r"\textbullet{}", "·": r"{$\cdot$}", "¡": "{!`}", "¿": "{?`}",
    "§": r"\S{}", "¶": r"\P{}", "†": r"\dag{}", "‡": r"\ddag{}", "©": r"\copyright{}",
    "®": r"\textregistered{}", "™": r"\texttrademark{}", "£": r"\pounds{}", "€": "EUR", "¥": "JPY",
    # mathematics
    "×": r"{$\times$}", "÷": r"{$\div$}", "±": r"{$\pm$}", "∓": r"{$\mp$}", "∞": r"{$\infty$}",
    "→": r"{$\rightarrow$}", "←": r"{$\leftarrow$}", "↔": r"{$\leftrightarrow$}", "⇒": r"{$\Rightarrow$}",
    "≤": r"{$\leq$}", "≥": r"{$\geq$}", "≠": r"{$\neq$}", "≈": r"{$\approx$}", "∼": r"{$\sim$}",
    "≃": r"{$\simeq$}", "≡": r"{$\equiv$}", "∈": r"{$\in$}", "∑": r"{$\sum$}", "∏": r"{$\prod$}",
    "∫": r"{$\int$}", "√": r"{$\surd$}", "°": r"{$^\circ$}", "¹": r"{$^1$}", "²": r"{$^2$}", "³": r"{$^3$}",
    "ℓ": r"{$\ell$}", "∀": r"{$\forall$}", "∃": r"{$\exists$}", "⊂": r"{$\subset$}", "∪": r"{$\cup$}",
    "∩": r"{$\cap$}", "∅": r"{$\emptyset$}", "⋅": r"{$\cdot$}", "∘": r"{$\circ$}", "⊗": r"{$\otimes$}",
    "⊕": r"{$\oplus$}", "ℝ": r"{$\mathbf{R}$}", "ℕ": r"{$\mathbf{N}$}",
    **{g: f"{{$\\{name}$}}" for g, name in _GREEK.items()},
}

#: Combining accents kept, as the TeX accent command. 0326 (comma below) is written as a cedilla.
_ACCENTS: dict[str, str] = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
    "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030b": "H", "\u030c": "v", "\u0327": "c",
    "\u0326": "c",
}
_SYMBOL_ACCENTS = frozenset("`'^~=.\"")

# Hangul romanisation (Revised Romanisation, syllable by syllable).
_HANGUL_LEAD = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
                "h")
_HANGUL_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
                 "we", "wi", "yu", "eu", "ui", "i")
_HANGUL_TAIL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
                "t", "t", "ng", "t", "t", "k", "t", "p", "t")



def _hangul(ch: str) -> str | None:
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        return _HANGUL_LEAD[code // 588] + _HANGUL_VOWEL[(code % 588) // 28] + _HANGUL_TAIL[code % 28]
    return None


def _accented(ch: str) -> str | None:
    """``{\\"o}`` for a Latin letter with accents, or the bare letter when no accent can be kept."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if not (base.isascii() and base.isalpha()) or not marks:
        return None
    for mark in marks:
        command = _ACCENTS.get(mark)
        if command is None:
            continue
        composed = unicodedata.normalize("NFC", base + ("\u0327" if mark == "\u0326" else mark))
        if len(composed) != 1 or not 0xC0 <= ord(composed) <= 0x17F:
            continue
        if composed in SPECIAL_CHARACTERS:
            return SPECIAL_CHARACTERS[composed]
        if command in _SYMBOL_ACCENTS:
            return f"{{\\{command}{base}}}"
        return f"{{\\{command}{{{base}}}}}"
    return base


def _fallback(ch: str) -> str:
    """Replacement of a character that has no LaTeX form of its own (see docs/bibtex.md)."""
    hangul = _hangul(ch)
    if hangul is not None:
        return hangul
    compat = unicodedata.normalize("NFKD", ch)
    stripped = "".join(c for c in compat if not unicodedata.combining(c))
    if stripped and stripped.isascii() and stripped.isprintable():
        return "".join(_escape_ascii(c) for c in stripped)
    category = unicodedata.category(ch)
    if category[0] in "LN":
        return "?"
    if category == "Zs":
        return " "
    return ""  # symbols, emoji, lone combining marks, other punctuation


_DOUBLE_QUOTE_OPENERS = frozenset(" ([{-/")
_ASCII_TABLE = str.maketrans({ch: _ASCII_ESCAPES.get(ch, ch) for ch in map(chr, range(32, 127)) if ch != '"'})


def _escape_ascii(ch: str, previous: str = " ") -> str:
    if ch == '"':
        return "``" if previous in _DOUBLE_QUOTE_OPENERS else "''"
    return _ASCII_ESCAPES.get(ch, ch)


def escape_text(value: Any, after: str = " ") -> str:
    """Escape a text for a BibTeX field: ASCII only, no live control sequence or brace from the data.

    ``after`` is the character before the text (it decides whether a leading ``"`` opens or closes a
    quotation). The rules are in ``docs/bibtex.md``. Missing values give ``""``.
    """
    text = clean_text(value)
    if text.isascii() and '"' not in text:  # fast path, same result: one translation table
        return text.translate(_ASCII_TABLE)
    out: list[str] = []
    previous = after
    for ch in text:
        if ch.isascii():
            out.append(_escape_ascii(ch, previous) if ch.isprintable() else "")
        elif ch in SPECIAL_CHARACTERS:
            out.append(SPECIAL_CHARACTERS[ch])
        else:
            accented = _accented(ch)
            out.append(accented if accented is not None else _fallback(ch))
        previous = ch
    return WHITESPACE.sub(" ", "".join(out)).strip()


_LABEL_DELIMITERS = re.compile(r"[()\[\]]")


def escape_label_text(value: Any) -> str:
    """:func:`escape_text` for text that natbib puts into a ``\\bibitem[...]`` label (names, ``key``).

    natbib splits that label at ``(`` and ``)``, and LaTeX ends it at ``]``: these and ``[`` are braced.
    """
    return _LABEL_DELIMITERS.sub(lambda m: "{" + m.group() + "}", escape_text(value))
