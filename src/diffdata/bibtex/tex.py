r"""Text for a BibTeX field: ASCII only, with no control sequence or brace of the data left live.

ASCII characters with a meaning in TeX are escaped here. Non-ASCII characters go through pylatexenc's
:class:`~pylatexenc.latexencode.UnicodeToLatexEncoder`: pylatexenc's own table wherever it writes what a
plain pdflatex document (OT1 fonts, no package) and biber both read, our :data:`OWN_CHARACTERS` before it
where they do not, then our rules for what neither has (:func:`_accent_rule`, :func:`_fallback`). The rules,
and why ours differ from pylatexenc's, are in ``docs/bibtex.md``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexencode import (
    RULE_CALLABLE,
    RULE_DICT,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
    get_builtin_uni2latex_dict,
)

from diffdata.bibtex.values import WHITESPACE, clean_text

__all__ = ["OWN_CHARACTERS", "SPECIAL_CHARACTERS", "escape_label_text", "escape_text"]

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

#: Our replacements, tried before pylatexenc's table: where pylatexenc writes a command that needs T1 fonts,
#: textcomp or amssymb, one that biber turns into what pdflatex rejects, a wrong accent, or has no entry.
OWN_CHARACTERS: dict[str, str] = {
    # an accent on a dotless i: pylatexenc writes \'\i, which biber turns into a combining accent
    "ì": r"{\`i}", "í": r"{\'i}", "î": r"{\^i}", "ï": r'{\"i}',
    # letters OT1 has (pylatexenc writes a ring accent on a), and letters pylatexenc lacks
    "å": r"{\aa}", "Å": r"{\AA}", "ȷ": r"{\j}", "ẞ": "SS", "ſ": "s", "ƒ": "f",
    # pylatexenc 2.11 writes the wrong accent: ű as \'{u}, Ħ as \={H} (a macron, not a stroke)
    "ű": r"{\H{u}}", "Ű": r"{\H{U}}", "ħ": "h", "Ħ": "H",
    # need T1 fonts: transliterated
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ŋ": "ng", "Ŋ": "Ng",
    # punctuation: TeX's ligatures, not the T1 and textcomp commands pylatexenc writes
    "–": "--", "—": "---", "―": "---", "‐": "-", "‑": "-", "‒": "-", "⁃": "-",
    "‘": "`", "’": "'", "‚": ",", "‛": "`", "“": "``", "”": "''", "„": ",,", "‟": "``",
    "«": "``", "»": "''", "‹": "`", "›": "'", "′": "'", "″": "''",
    "…": r"\ldots{}", "•": r"\textbullet{}", "·": r"{$\cdot$}", "¡": "{!`}", "¿": "{?`}",
    "§": r"\S{}", "¶": r"\P{}", "†": r"\dag{}", "‡": r"\ddag{}", "©": r"\copyright{}",
    "®": r"\textregistered{}", "™": r"\texttrademark{}", "£": r"\pounds{}", "€": "EUR", "¥": "JPY",
    # mathematics pylatexenc writes as textcomp commands, with amssymb (ℝ, ∅), as an empty \sqrt{}, or φ as \varphi
    "×": r"{$\times$}", "÷": r"{$\div$}", "→": r"{$\rightarrow$}", "←": r"{$\leftarrow$}", "√": r"{$\surd$}",
    "°": r"{$^\circ$}", "¹": r"{$^1$}", "²": r"{$^2$}", "³": r"{$^3$}", "µ": r"{$\mu$}", "φ": r"{$\phi$}",
    "∅": r"{$\emptyset$}", "ℝ": r"{$\mathbf{R}$}", "ℕ": r"{$\mathbf{N}$}",
}

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Math macros of pylatexenc's table that are kept (as inline math): LaTeX's own, which biber leaves alone.
_MATH_MACROS = _words(
    """
    alpha beta gamma delta varepsilon epsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho
    varrho sigma varsigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi
    Omega nabla partial pm mp infty leftrightarrow Rightarrow leq geq neq approx sim simeq equiv in sum prod
    int ell forall exists subset cup cap cdot circ otimes oplus
    """
)
_OT1_ACCENT = re.compile(r"\\([`'^\"~=.])\{?([A-Za-z])\}?|\\([uvHcr])\{([A-Za-z])\}")
_OT1_LETTER = re.compile(r"\\(o|O|ae|AE|oe|OE|ss|l|L|i|j|ij|IJ)")
_MATH = re.compile(r"\\ensuremath\{(\\([A-Za-z]+)|-)\}")


def _ot1_form(ch: str, latex: str, decoder: LatexNodes2Text) -> str | None:
    """pylatexenc's ``latex`` for ``ch`` as written here (``{\\'e}``, ``{\\c{c}}``, ``{\\o}``, ``{$\\alpha$}``),
    or None when a plain pdflatex document or biber would not take it, or when it is a letter that pylatexenc's
    own reader does not read back as ``ch`` (pylatexenc writes Ŧ as ``\\={T}``)."""
    if 0xC0 <= ord(ch) <= 0x17F:  # letters: Latin-1 and Latin Extended-A only
        if match := _OT1_ACCENT.fullmatch(latex):
            symbol, base, command, letter = match.groups()
            form = f"{{\\{symbol}{base}}}" if symbol else f"{{\\{command}{{{letter}}}}}"
        elif _OT1_LETTER.fullmatch(latex):
            form = "{" + latex + "}"
        else:
            return None
        return form if unicodedata.normalize("NFC", decoder.latex_to_text(latex)) == ch else None
    if (match := _MATH.fullmatch(latex)) and match.group(2) in _MATH_MACROS | {None}:
        return "{$" + match.group(1) + "$}"
    return None


def _pylatexenc_characters() -> dict[str, str]:
    """The entries of pylatexenc's table that :func:`_ot1_form` keeps, as written here."""
    decoder = LatexNodes2Text()
    table = {}
    for code, latex in get_builtin_uni2latex_dict().items():
        ch = chr(code)
        if code > 127 and ch not in OWN_CHARACTERS and (form := _ot1_form(ch, latex, decoder)) is not None:
            table[ch] = form
    return table


_PYLATEXENC_CHARACTERS = _pylatexenc_characters()

#: Every non-ASCII character with a fixed replacement: :data:`OWN_CHARACTERS` and the part of pylatexenc's
#: table that is used.
SPECIAL_CHARACTERS: dict[str, str] = {**_PYLATEXENC_CHARACTERS, **OWN_CHARACTERS}

_COMBINING_COMMA_BELOW, _COMBINING_CEDILLA = "\u0326", "\u0327"


def _accent_rule(text: str, pos: int) -> tuple[int, str] | None:
    """A Latin letter that has no replacement of its own (``ệ``, ``ș``, ``ǎ``): the first of its accents that
    gives a letter with one (``ê``: ``{\\^e}``; a comma below is written as a cedilla), else the bare letter:
    biber decodes nested accents to combining characters that stop pdflatex."""
    decomposed = unicodedata.normalize("NFD", text[pos])
    base, marks = decomposed[0], decomposed[1:]
    if not (base.isascii() and base.isalpha()) or not marks:
        return None
    for mark in marks:
        composed = unicodedata.normalize("NFC", base + (_COMBINING_CEDILLA if mark == _COMBINING_COMMA_BELOW
                                                         else mark))
        if composed in SPECIAL_CHARACTERS and 0xC0 <= ord(composed) <= 0x17F:
            return 1, SPECIAL_CHARACTERS[composed]
    return 1, base


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


def _fallback(ch: str) -> str:
    """What replaces a character no rule knows: a Hangul syllable romanised, else its compatibility
    decomposition when that is ASCII (``ﬁ``: ``fi``), else ``?`` for a letter or digit, a space for a space,
    nothing for the rest (symbols, emoji, lone combining marks)."""
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
    return ""


_ENCODER = UnicodeToLatexEncoder(
    non_ascii_only=True,
    conversion_rules=[
        UnicodeToLatexConversionRule(RULE_DICT, {ord(c): r for c, r in SPECIAL_CHARACTERS.items()}),
        UnicodeToLatexConversionRule(RULE_CALLABLE, _accent_rule),
    ],
    replacement_latex_protection="none",  # every replacement above is braced as it must be
    unknown_char_policy=_fallback,
    unknown_char_warning=False,
)


@functools.lru_cache(maxsize=4096)
def _non_ascii(ch: str) -> str:
    return _ENCODER.unicode_to_latex(ch)


_DOUBLE_QUOTE_OPENERS = frozenset(" ([{-/")
_ASCII_TABLE = str.maketrans({ch: _ASCII_ESCAPES.get(ch, ch) for ch in map(chr, range(32, 127)) if ch != '"'})


def _escape_ascii(ch: str, previous: str = " ") -> str:
    if ch == '"':
        return "``" if previous in _DOUBLE_QUOTE_OPENERS else "''"
    return _ASCII_ESCAPES.get(ch, ch)


def escape_text(value: Any, after: str = " ") -> str:
    """Escape a text for a BibTeX field: ASCII only, no live control sequence or brace from the data.

    ``after`` is the character before the text (it decides whether a leading ``"`` opens or closes a
    quotation). Missing values give ``""``.
    """
    text = clean_text(value)
    if text.isascii() and '"' not in text:  # fast path, same result: one translation table
        return text.translate(_ASCII_TABLE)
    out: list[str] = []
    previous = after
    for ch in text:
        if ch.isascii():
            out.append(_escape_ascii(ch, previous) if ch.isprintable() else "")
        else:
            out.append(_non_ascii(ch))
        previous = ch
    return WHITESPACE.sub(" ", "".join(out)).strip()


_LABEL_DELIMITERS = re.compile(r"[()\[\]]")


def escape_label_text(value: Any) -> str:
    """:func:`escape_text` for text that natbib puts into a ``\\bibitem[...]`` label (names, ``key``).

    natbib splits that label at ``(`` and ``)``, and LaTeX ends it at ``]``: these and ``[`` are braced.
    """
    return _LABEL_DELIMITERS.sub(lambda m: "{" + m.group() + "}", escape_text(value))
