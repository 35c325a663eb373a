r"""Export the ``papers`` table as a BibTeX database.

:func:`to_bibtex` turns a DataFrame with the :data:`diffdata.schemas.PAPERS` columns into ``.bib`` text that
compiles without errors or warnings with both classic BibTeX (``plainnat``, ``unsrtnat``, ``abbrvnat`` with
``natbib``; ``plain``, ``alpha``) and ``biblatex``/``biber`` in a plain ``pdflatex`` document (default OT1 font
encoding, ``url`` or ``hyperref`` loaded for ``\url``), and that these print with every title once and no
citation key as text.

Output
    One entry per row, keyed by ``citation_key``, sorted by key; fields in the fixed order
    :data:`FIELD_ORDER`; two-space indent, every value in braces, ``\n`` line ends, one blank line between
    entries. The text is ASCII only. The same input always gives byte-identical output.

Entry types (:func:`classify`)
    * ``kind`` other than ``paper`` -> ``@misc`` with ``howpublished`` ("Blog post", "Video",
      "Code repository" / "GitHub repository", "Website") and ``url``.
    * venue arXiv-like (``arXiv``, ``arXiv preprint``, ``CoRR``, ``arXiv.org``), or no venue at all but an
      ``arxiv_id`` -> ``@misc`` with ``howpublished = {arXiv preprint}``, ``eprint``, ``archivePrefix``,
      ``primaryClass`` (only when a column ``arxiv_primary_class`` exists and holds a valid class) and
      ``url`` (the row's, else ``https://arxiv.org/abs/<id>``).
    * venue found in :data:`VENUES` (a year and a trailing "(Oral)"-like qualifier ignored; matched on
      ``venue``, and on ``s2_venue`` when ``venue`` is missing or
      generic such as "IEEE/CVF" or "PMLR") -> ``@inproceedings`` + ``booktitle`` or ``@article`` +
      ``journal`` with the expanded name. "<conference> Workshop(s)" -> ``@inproceedings`` with
      ``booktitle = {<conference name> (<ABBR>) Workshops}``.
    * other venues: Semantic Scholar ``publication_types`` decide ("Conference" -> inproceedings,
      "JournalArticle" -> article), then words of the venue ("Journal", "Transactions", "Letters" ->
      article; "Conference", "Proceedings", "Workshop", "Symposium" -> inproceedings); otherwise ``@misc``
      with ``howpublished = {<venue>}``.
    * ``@inproceedings``/``@article`` need authors, title and year (plainnat warns otherwise); a row
      lacking one becomes ``@misc`` with ``howpublished`` set to the booktitle/journal (``@misc`` prints
      key/author, title, howpublished, year in that order in every style, and demands none of them).
    * Published papers keep their arXiv id as ``eprint``/``archivePrefix`` (biblatex prints it; plainnat
      ignores it, so it never duplicates ``url``). No ``note`` is written.

Authors (:func:`format_author`)
    ``Last, First`` (``Last, Jr., First`` with a suffix Jr./Sr./II/III/IV). The family name is the last word
    plus the words before it that are lower-case (``van den Berg``, ``de la Fuente``) or capitalised particles
    from :data:`CAPITALISED_PARTICLES` (``De Bortoli``, ``Van Gool``, ``Le Roux``, ``San Roman``), never the
    first word; "Van"/"Le"/"Thi" before a common Vietnamese family name (``Duc Van Nguyen``) stay in the
    given name. A name already written ``Last, First`` is kept. Only letters, digits, spaces and
    ``. , - ' &`` survive in names (Greek letters transliterated); everything else, ``(@handle)`` and a
    leading ``@`` included, is dropped, so that neither BibTeX's nor biber's name parser (initials, hyphens,
    commas) ever sees TeX syntax; ``et al.``/``others`` becomes BibTeX's ``others``. One-word names and
    organisations (a word from :data:`ORGANISATION_WORDS`, a name in :data:`ORGANISATIONS`, a digit, ``&``
    or the word ``and``) are braced whole: ``{Outlier}``, ``{Stability AI}``.

No authors (:func:`author_stand_in`)
    No ``author`` field, but ``key``: without it plainnat, abbrvnat, plain and alpha warn ("to sort, need
    author or key") and label the entry with the first three letters of its citation key. The natbib styles
    print ``key`` where the authors would stand (``author format.key output`` in every entry type) and as
    the citation label, while plain and alpha print only the title: so ``key`` is never the title (it
    would print twice) but what stands in for the unknown authors: the arXiv id (``arXiv:2303.01469``),
    the DOI, where the URL points (``openreview.net``, ``github.com/<owner>/<repo>``, ``youtube:<id>``),
    the name before a colon in the title, else ``Unknown author``. ``organization`` would not do: the
    styles read it for ``@manual`` and ``@proceedings`` only. biber reads ``key`` as ``sortkey`` unless
    there is one, so ``sortkey`` holds the title: biblatex sorts these entries by title, as it would
    without either field.

Untitled works (:func:`title_stand_ins`, :func:`identifier_title`)
    A work without a title is titled with what its list calls it: a link text that is not a label
    (``paper``, ``논문``), or a word of the entry's note that is also the name of a code repository linked
    with it (``DenseDiffusion``); only when there is nothing, its identifier (``arXiv:2308.12964``, a DOI,
    ``openreview:<id>``, else its URL). :func:`report_title_stand_ins` adds a parse report row for each.
    The citation key is never printed as text.

Text fields (:func:`escape_text`)
    ``\ { }`` -> ``\textbackslash{}``, ``\textbraceleft{}``, ``\textbraceright{}``, so no backslash or brace
    of the data is live (``\input{...}`` in a title prints literally); ``% & # _ $`` -> ``\%`` ...;
    ``~ ^`` -> ``\textasciitilde{}``, ``\textasciicircum{}``; ``< > |`` -> ``{$<$}`` ... (biber decodes
    ``\textless`` into a raw ``<``, which OT1 prints as an inverted exclamation mark); ``"`` -> typographic
    `````` ``...'' ``````. Whitespace runs (incl. newlines) become one space, control characters are
    dropped. In names and ``key`` (the text natbib puts into ``\bibitem[...]``) ``( ) [ ]`` are braced too:
    natbib splits that label at parentheses and LaTeX ends it at ``]``.

Non-ASCII (:func:`escape_text`, see :data:`SPECIAL_CHARACTERS`)
    Accented Latin letters -> braced accents ``{\"o}``, ``{\'e}``, ``{\c{c}}``, ``{\v{s}}``, ``{\'i}`` (not
    ``\'\i``: biber turns that into a combining accent pdflatex rejects). Only accents that give a letter of
    Latin-1 / Latin Extended-A and work in OT1 are kept: of several accents on one letter (Vietnamese
    ``ệ``) the first that yields such a letter is kept (``{\^e}``), the others dropped, because biber
    decodes nested accents to combining characters that stop pdflatex. Ogonek, eth, thorn, eng and d-stroke
    need T1 fonts and are transliterated (``ą`` -> ``a``, ``ð`` -> ``d``, ``þ`` -> ``th``, ``đ`` -> ``d``).
    ``ø æ œ ß ł å ı`` -> ``{\o}`` ``{\ae}`` ``{\oe}`` ``{\ss}`` ``{\l}`` ``{\aa}`` ``{\i}``; dashes and
    quotes -> ``--`` ``---`` ``` `` ``` ``''``; Greek letters and a few symbols -> inline math
    (``{$\alpha$}``). Fallback, in order: Hangul syllables romanised (Revised Romanisation per syllable,
    no sound-change rules: 확산 -> ``hwaksan``), Unicode compatibility decomposition to ASCII (``ﬁ`` ->
    ``fi``, full-width forms), symbols and emoji dropped, any other letter or digit -> ``?``.

Titles (:func:`format_title`)
    Escaped as above, and words that sentence-casing styles must not lower-case are braced: a word with two
    capitals or a capital after its first character (``{DDPM}``, ``{ImageNet}``, ``{SDEdit}``, ``{3D}``), a
    capital followed by digits (``{V2}``), a lone capital other than "A" (``{U-Net}``, ``{DALL-E}``:
    hyphenated words are braced whole when one part qualifies), all-capital plurals as ``{GAN}s``, and the
    proper nouns of :data:`PROPER_NOUNS` (``{Gaussian}``, ``Non-{Gaussian}``, ``{Schr{\"o}dinger}``). The
    first word is braced only when it qualifies as an acronym: styles keep its first capital anyway.

URLs (:func:`escape_url`)
    ``url`` is verbatim for ``\url`` (hyperref/url) and for biber, so ``%``, ``#``, ``~``, ``_``, ``&`` stay
    as written. Characters outside RFC 3986 (space, ``" < > \ ^ ` { | }``, non-ASCII) are percent-encoded as
    UTF-8, and a ``%`` not starting a ``%XX`` escape becomes ``%25``: the URL means the same and can neither
    close the brace nor start a control sequence. ``doi`` is written only when it is made of DOI-safe
    characters; otherwise it is given as ``url = https://doi.org/...`` (percent-encoded) when no url exists.

Known, unavoidable warning
    A row without ``year`` (nor a ``publication_date`` to take it from) gets no ``year`` field: biber, plain
    and alpha are silent, plainnat, unsrtnat and abbrvnat say
    ``Warning--empty year in <key>`` (their ``format.date`` demands a year for every type, while biber warns
    about any non-integer year such as ``n.d.``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import pandas as pd

from diffdata.identifiers import url_identity
from diffdata.parse.fields import GENERIC_LINK_TEXT
from diffdata.parse.markdown import BARE_URL_RE
from diffdata.parse.segment import POST_LABEL_RE
from diffdata.schemas import is_missing
from diffdata.venues import VENUES, Venue, lookup

__all__ = [
    "CAPITALISED_PARTICLES",
    "FIELD_ORDER",
    "IDENTIFIER_REASON",
    "NAMED_REASON",
    "ORGANISATIONS",
    "ORGANISATION_WORDS",
    "PROPER_NOUNS",
    "SPECIAL_CHARACTERS",
    "VENUES",
    "BibEntry",
    "TitleStandIn",
    "Venue",
    "author_stand_in",
    "bibtex_entries",
    "classify",
    "escape_label_text",
    "escape_text",
    "escape_url",
    "format_author",
    "format_authors",
    "format_entry",
    "format_title",
    "identifier_title",
    "paper_entry",
    "report_title_stand_ins",
    "title_stand_ins",
    "to_bibtex",
]

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

# ----------------------------------------------------------------------------------------------------
# Characters
# ----------------------------------------------------------------------------------------------------

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

_WHITESPACE = re.compile(r"\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _words_in_order(text: str) -> list[str]:
    return text.split()


def _clean_text(value: Any) -> str:
    """NFC text with whitespace runs collapsed to one space and control/format characters removed."""
    if is_missing(value):
        return ""
    text = str(value)
    if text.isascii() and text.isprintable():  # the common case: nothing to normalise or remove
        return _WHITESPACE.sub(" ", text).strip()
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
    )
    return _WHITESPACE.sub(" ", text).strip()


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
    """Replacement of a character that has no LaTeX form of its own (see module docstring)."""
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
    quotation). See the module docstring for every rule. Missing values give ``""``.
    """
    text = _clean_text(value)
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
    return _WHITESPACE.sub(" ", "".join(out)).strip()


# ----------------------------------------------------------------------------------------------------
# Titles
# ----------------------------------------------------------------------------------------------------

#: Proper nouns braced in titles so that sentence-casing styles keep their capital. A word matches when it
#: equals one of these, optionally followed by "s" or "'s".
PROPER_NOUNS: frozenset[str] = _words(
    """
    Gauss Gaussian Langevin Schrödinger Schrodinger Riemann Riemannian Tweedie Markov Markovian Bayes Bayesian
    Feynman Kac Fourier Fokker Planck Itô Ito Euler Lipschitz Hamilton Hamiltonian Lagrange Lagrangian
    Boltzmann Wasserstein Kullback Leibler Stein Brownian Poisson Dirichlet Laplace Laplacian Hessian
    Jacobian Monte Carlo Gibbs Metropolis Hastings Kolmogorov Ornstein Uhlenbeck Wiener Hilbert Sobolev Lévy
    Levy Cauchy Newton Nesterov Heun Runge Kutta Adams Bashforth Tikhonov Kalman Gromov Stiefel Grassmann Lie
    Hopfield Helmholtz Jarzynski Crooks Girsanov Doob Bregman Rényi Renyi Shannon Hutchinson Chebyshev
    Legendre Hermite Jensen Sinkhorn Kantorovich Monge Ampère Ampere Stokes Navier Hopf Wigner Lyapunov
    Banach Bernoulli Turing Nash Shapley Pareto Voronoi Delaunay Perlin Bézier Bezier
    English Chinese Japanese Korean German French Spanish Arabic Hindi Russian European African Asian
    American Wikipedia Python Atari Minecraft Twitter
    """
)

_TITLE_SEGMENT_SPLIT = re.compile(r"([-/‐‑–—])")
_PLURAL_ACRONYM = re.compile(r"^[A-Z0-9]*[A-Z][A-Z0-9]*s$")


def _needs_acronym_brace(segment: str, standalone: bool) -> bool:
    letters = [c for c in segment if c.isalpha()]
    if not letters:
        return False
    uppers = [i for i, c in enumerate(segment) if c.isupper()]
    if len(uppers) >= 2 or any(i > 0 for i in uppers):
        return True
    if uppers and any(c.isdigit() for c in segment):
        return True
    return len(segment) == 1 and segment.isupper() and not (standalone and segment == "A")


def _is_proper_noun(segment: str) -> bool:
    for candidate in (segment, segment.removesuffix("'s").removesuffix("’s"), segment.removesuffix("s")):
        if candidate in PROPER_NOUNS:
            return True
    return False


def _title_word(word: str, first: bool) -> str:
    """Escape one whitespace-separated word of a title, bracing it as described in :func:`format_title`."""
    alnum = [i for i, c in enumerate(word) if c.isalnum()]
    if not alnum:
        return escape_text(word)
    start, end = alnum[0], alnum[-1] + 1
    lead, core, trail = word[:start], word[start:end], word[end:]
    parts = _TITLE_SEGMENT_SPLIT.split(core)
    segments = parts[0::2]
    standalone = len(segments) == 1
    if any(_needs_acronym_brace(s, standalone) for s in segments):
        if len(core) > 2 and _PLURAL_ACRONYM.match(core):
            body = "{" + escape_text(core[:-1]) + "}s"
        else:
            body = "{" + escape_text(core) + "}"
        return escape_text(lead) + body + escape_text(trail, after=core[-1])
    out = []
    previous = lead[-1:] or " "
    for i, part in enumerate(parts):
        if i % 2 == 0 and _is_proper_noun(part) and not (first and i == 0):
            out.append("{" + escape_text(part, after=previous) + "}")
        else:
            out.append(escape_text(part, after=previous))
        previous = part[-1:] or previous
    return escape_text(lead) + "".join(out) + escape_text(trail, after=core[-1])


def format_title(title: Any) -> str:
    """Escape a title and brace the words whose capitals must survive sentence casing.

    >>> format_title("DDPM and GANs for ImageNet with Gaussian noise")
    '{DDPM} and {GAN}s for {ImageNet} with {Gaussian} noise'
    """
    text = _clean_text(title)
    if not text:
        return ""
    words = text.split(" ")
    escaped = (_title_word(w, first=(i == 0)) for i, w in enumerate(words))
    return " ".join(w for w in escaped if w)  # a word of dropped characters (emoji) leaves no double space


# ----------------------------------------------------------------------------------------------------
# Authors
# ----------------------------------------------------------------------------------------------------

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


_LABEL_DELIMITERS = re.compile(r"[()\[\]]")


def escape_label_text(value: Any) -> str:
    """:func:`escape_text` for text that natbib puts into a ``\\bibitem[...]`` label (names, ``key``).

    natbib splits that label at ``(`` and ``)``, and LaTeX ends it at ``]``: these and ``[`` are braced.
    """
    return _LABEL_DELIMITERS.sub(lambda m: "{" + m.group() + "}", escape_text(value))


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
    for ch in _HANDLE.sub(" ", _clean_text(name)).replace("’", "'"):
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
    nothing is left. See the module docstring for the rules.
    """
    text = _name_text(name)
    if _clean_text(text).casefold() in {"et al.", "et al", "others", "and others"}:
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
    formatted = [f for f in (format_author(n) for n in _as_list(names)) if f]
    return " and ".join(formatted)


# ----------------------------------------------------------------------------------------------------
# URLs and identifiers
# ----------------------------------------------------------------------------------------------------

_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9+\[\]]+$")
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(\.[A-Z]{2})?/\d{7})$")
_ARXIV_CLASS = re.compile(r"^[a-z][a-z\-]*(\.[A-Za-z][A-Za-z\-]*)?$")


def escape_url(url: Any) -> str:
    """A URL made safe for the verbatim ``url`` field: RFC 3986 characters only, ``%`` and ``#`` kept."""
    text = "".join(c for c in str(url).strip() if c.isprintable()) if not is_missing(url) else ""
    if not text:
        return ""
    text = _BAD_PERCENT.sub("%25", text)
    return quote(text, safe=_URL_SAFE, encoding="utf-8", errors="strict")


# ----------------------------------------------------------------------------------------------------
# Entries
# ----------------------------------------------------------------------------------------------------


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


def _as_list(value: Any) -> list[Any]:
    if value is None or (not isinstance(value, (list, tuple, str)) and not hasattr(value, "__iter__")):
        return [] if is_missing(value) else [value]
    if isinstance(value, str):
        return [value]
    return list(value)


def _is_arxiv_venue(name: str) -> bool:
    venue, _ = lookup(name)
    return venue is not None and venue.abbr == "arXiv"


def classify(row: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """Entry type of a ``papers`` row and its venue field: ``("inproceedings", "booktitle", name)``,
    ``("article", "journal", name)``, ``("misc", "howpublished", text)`` or ``("misc", None, None)``.

    The venue name is returned unescaped. See the module docstring for the rules.
    """
    kind = _clean_text(row.get("kind")) or "paper"
    venue = _clean_text(row.get("venue"))
    s2_venue = _clean_text(row.get("s2_venue"))
    arxiv_id = _clean_text(row.get("arxiv_id"))
    if kind != "paper":
        label = {"post": "Blog post", "video": "Video", "repository": "Code repository", "website": "Website"}
        how = label.get(kind, kind.capitalize())
        if kind == "repository" and "github.com" in _clean_text(row.get("url")).casefold():
            how = "GitHub repository"
        if venue and venue.casefold() != how.casefold():
            how = f"{how}, {venue}"
        return "misc", "howpublished", how

    resolved: tuple[str, str, str] | None = None
    if venue and _is_arxiv_venue(venue):
        return "misc", "howpublished", "arXiv preprint"
    known, workshop = lookup(venue) if venue else (None, False)
    if (known is None or known.generic) and s2_venue and not _is_arxiv_venue(s2_venue) and not workshop:
        s2_known, s2_workshop = lookup(s2_venue)
        if s2_known is not None and not s2_known.generic:
            known, workshop = s2_known, s2_workshop
        elif not venue:
            venue = s2_venue
    if known is not None and known.type == "preprint":
        return "misc", "howpublished", known.title
    if known is not None:
        field = "booktitle" if known.entry_type == "inproceedings" else "journal"
        resolved = (known.entry_type, field, known.workshop_title if workshop else known.title)
    elif venue:
        types = {_clean_text(t) for t in _as_list(row.get("publication_types"))}
        if workshop or "Conference" in types:
            resolved = ("inproceedings", "booktitle", venue)
        elif "JournalArticle" in types or _JOURNAL_WORDS.search(venue):
            resolved = ("article", "journal", venue)
        elif _CONFERENCE_WORDS.search(venue):
            resolved = ("inproceedings", "booktitle", venue)
        else:
            return "misc", "howpublished", venue
    elif arxiv_id or (s2_venue and _is_arxiv_venue(s2_venue)):
        return "misc", "howpublished", "arXiv preprint"
    else:
        return "misc", None, None

    entry_type, field, name = resolved
    complete = (
        _as_year(row.get("year")) is not None
        and bool(format_authors(row.get("authors")))
        and bool(_clean_text(row.get("title")))
    )
    if not complete:
        return "misc", "howpublished", name
    return entry_type, field, name


def _as_year(value: Any) -> int | None:
    if is_missing(value):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 0 < year < 10000 else None


def _row_year(row: dict[str, Any]) -> int | None:
    """The row's ``year``, else the year of its ``publication_date`` (``YYYY-MM-DD``)."""
    year = _as_year(row.get("year"))
    if year is None:
        date = _clean_text(row.get("publication_date"))
        year = _as_year(date[:4]) if re.match(r"^\d{4}(-|$)", date) else None
    return year


def _same_text(a: str, b: str) -> bool:
    """Whether two texts read the same once case, accents and punctuation are ignored."""
    def norm(text: str) -> str:
        return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKD", text).casefold())
    return norm(a) == norm(b)


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _site(url: str) -> str | None:
    """Where a URL points, as short as it stays distinct: ``youtube:<video id>``, ``github.com/<owner>/<repo>``
    (case kept), else the host without ``www.``; None without a URL."""
    identity = url_identity(url) if url else None
    if not identity:
        return None
    if identity.startswith(("youtube:", "youtube-list:")):
        return identity
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if _host(url) in _REPOSITORY_HOSTS and len(parts) >= 2:
        return f"{_host(url)}/{parts[0]}/{parts[1].removesuffix('.git')}"
    return _host(url) or None


def _arxiv_stand_in(row: dict[str, Any]) -> str | None:
    arxiv_id = _clean_text(row.get("arxiv_id"))
    return f"arXiv:{arxiv_id}" if _ARXIV_ID.match(arxiv_id) else None


def _doi_stand_in(row: dict[str, Any]) -> str | None:
    doi = _clean_text(row.get("doi"))
    return f"doi:{doi}" if _DOI.match(doi) else None


def identifier_title(row: dict[str, Any]) -> str:
    """What titles a work of which nothing but identifiers is known: ``arXiv:2308.12964``, ``doi:10....``, its
    identifier ``work_id`` (``openreview:...``), its URL, else ``Untitled``."""
    work_id = _clean_text(row.get("work_id"))
    identifier = work_id if work_id.split(":")[0] in _IDENTIFIER_PREFIXES else ""
    return (_arxiv_stand_in(row) or _doi_stand_in(row) or identifier or _clean_text(row.get("url"))
            or "Untitled")


#: ``work_id`` prefixes of works identified by an identifier (the others are ``<kind>:<title slug>``).
_IDENTIFIER_PREFIXES = frozenset({"arxiv", "doi", "openreview", "pmlr", "cvf", "neurips", "ieee"})


def author_stand_in(row: dict[str, Any], title: str) -> str:
    """The ``key`` of a work without authors: what natbib styles print where the authors would stand, and
    use as the citation label.

    The first of these that does not read as ``title``: the arXiv id (``arXiv:2303.01469``), the DOI
    (``doi:10....``), where the URL points (``openreview.net``, ``github.com/labmlai/annotated_deep...``,
    ``youtube:cS6JQpEY9cs``: see :func:`_site`), the name before a colon in the title
    (``Q-diffusion``), else ``Unknown author``. Never the title (plainnat would print it twice) and never the
    citation key.
    """
    head, colon, _ = title.partition(":")
    candidates = [_arxiv_stand_in(row), _doi_stand_in(row), _site(_clean_text(row.get("url"))),
                  head.strip() if colon and len(head.split()) <= 6 else None]
    key = _clean_text(row.get("citation_key"))
    for candidate in candidates:
        if candidate and not _same_text(candidate, title) and candidate.casefold() != key.casefold():
            return candidate
    return "Unknown author"


def paper_entry(row: dict[str, Any], title_stand_in: str | None = None) -> BibEntry:
    """The :class:`BibEntry` of one ``papers`` row (a mapping of column name to value).

    ``title_stand_in`` titles the entry when the row has no title (see :func:`title_stand_ins`); without one,
    such an entry is titled by :func:`identifier_title`.
    """
    key = _clean_text(row.get("citation_key"))
    if not _KEY.match(key):
        raise ValueError(f"citation_key {key!r} is not a valid BibTeX key (letters, digits, _:-./+ only)")
    entry_type, venue_field, venue_name = classify(row)
    fields: dict[str, str] = {}

    authors = format_authors(row.get("authors"))
    # the first title that leaves something once escaped (a title of emoji leaves nothing)
    candidates = (row.get("title"), title_stand_in, identifier_title(row), "Untitled")
    title_text, title = next((_clean_text(t), format_title(t)) for t in candidates if format_title(t))
    if authors:
        fields["author"] = authors
    else:
        fields["key"] = escape_label_text(author_stand_in(row, title_text))
        fields["sortkey"] = escape_text(title_text)
    fields["title"] = title
    if venue_field and venue_name:
        fields[venue_field] = escape_text(venue_name)
    year = _row_year(row)
    if year is not None:
        fields["year"] = str(year)

    doi = _clean_text(row.get("doi"))
    doi_ok = bool(_DOI.match(doi))
    if doi_ok:
        fields["doi"] = doi
    arxiv_id = _clean_text(row.get("arxiv_id"))
    if _ARXIV_ID.match(arxiv_id) and _clean_text(row.get("kind") or "paper") == "paper":
        fields["eprint"] = arxiv_id
        fields["archivePrefix"] = "arXiv"
        primary = _clean_text(row.get("arxiv_primary_class"))
        if _ARXIV_CLASS.match(primary):
            fields["primaryClass"] = primary
    url = escape_url(row.get("url"))
    if not url and "eprint" in fields and entry_type == "misc":
        url = f"https://arxiv.org/abs/{arxiv_id}"
    if not url and doi and not doi_ok:
        url = escape_url("https://doi.org/" + doi)
    if url:
        fields["url"] = url
    ordered = tuple((name, fields[name]) for name in FIELD_ORDER if name in fields)
    return BibEntry(entry_type, key, ordered)


# ----------------------------------------------------------------------------------------------------
# Titles of untitled works
# ----------------------------------------------------------------------------------------------------

#: Hosts whose second path component names a repository (``github.com/<owner>/<name>``).
_REPOSITORY_HOSTS = frozenset({"github.com", "gitlab.com", "huggingface.co", "bitbucket.org"})

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
    if _host(url) not in _REPOSITORY_HOSTS:
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
    links = [lk for lk in _as_list(mention.get("links")) if isinstance(lk, dict)]
    for link in links:
        text = _clean_text(link.get("label"))
        if text and len(text) <= 200 and not _is_label(text):
            return text, _clean_text(link.get("url")) or None, "link text"
    note = _clean_text(mention.get("note"))
    urls = [_clean_text(lk.get("url")) for lk in links] + [_clean_text(u) for u in code_urls]
    for url in urls:
        name = _repository_name(url)
        found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", note, re.IGNORECASE) if name else None
        if found:
            return found.group(), url, "named in the note and by its code repository"
    return None


def title_stand_ins(papers: pd.DataFrame, occurrences: pd.DataFrame) -> dict[str, TitleStandIn]:
    """What titles each work of ``papers`` that has no title, by ``work_id``.

    The name its mentions give it (:func:`_name_in_list`, mentions in list order), else its identifier
    (:func:`identifier_title`: ``arXiv:2308.12964``). Works with a title are not in the result.
    """
    by_work: dict[str, list[dict[str, Any]]] = {}
    if len(occurrences):
        ordered = occurrences.sort_values(["source", "line"], kind="stable")
        for mention in ordered.to_dict(orient="records"):
            by_work.setdefault(_clean_text(mention.get("work_id")), []).append(mention)
    result: dict[str, TitleStandIn] = {}
    for row in papers.to_dict(orient="records"):
        work_id = _clean_text(row.get("work_id"))
        if format_title(row.get("title")):
            continue
        mentions = by_work.get(work_id, [])
        code_urls = [str(u) for u in _as_list(row.get("code_urls")) if not is_missing(u)]
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
                                           _clean_text(row.get("url")) or None, "identifier")
    return result


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


def bibtex_entries(papers: pd.DataFrame, titles: Mapping[str, str] | None = None) -> list[BibEntry]:
    """The entries of :func:`to_bibtex`, sorted by key. Raises ``ValueError`` on invalid or duplicate keys."""
    titles = titles or {}
    entries = [paper_entry(row, titles.get(_clean_text(row.get("work_id"))))
               for row in papers.to_dict(orient="records")]
    entries.sort(key=lambda e: e.key)
    seen: set[str] = set()
    for entry in entries:
        if entry.key.casefold() in seen:
            raise ValueError(f"duplicate citation_key {entry.key!r} (BibTeX keys are case-insensitive)")
        seen.add(entry.key.casefold())
    return entries


def format_entry(entry: BibEntry) -> str:
    """The text of one entry, ending with a newline."""
    lines = [f"@{entry.entry_type}{{{entry.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in entry.fields]
    if entry.fields:
        lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_bibtex(papers: pd.DataFrame, titles: Mapping[str, str] | None = None) -> str:
    """BibTeX text of the ``papers`` table: one entry per row keyed by ``citation_key``, sorted by key.

    ``titles`` maps the ``work_id`` of works without a title to what titles them instead (the ``title`` of
    :func:`title_stand_ins`). Pure and deterministic: the same rows give byte-identical, ASCII-only text.
    Columns beyond the ones used are ignored; ``arxiv_primary_class`` is used when present. See the module
    docstring for the rules.
    """
    return "\n".join(format_entry(e) for e in bibtex_entries(papers, titles))
