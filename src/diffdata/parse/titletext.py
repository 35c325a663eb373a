"""A title's text: how a title is cleaned (markdown, emoji, handles, list markers and trailing dots removed)
and when a link's text is a title at all (not a label, a URL, an identifier, names or a repository's name)."""

from __future__ import annotations

import re
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.inline import BARE_URL_RE
from diffdata.parse.labels import is_label
from diffdata.parse.model import Link
from diffdata.parse.names import is_name_list, reads_as_two_phrases, without_handles
from diffdata.parse.repos import REPO_NAME_RE
from diffdata.parse.shapes import IDENTIFIER_TEXT_RE
from diffdata.text import clean_space, strip_emoji
from diffdata.venues import lookup

_END_MARKS_RE = re.compile(r"^\*+|(?<!\*)\*++$|`+|~~")  # a run of "*" tried from its start only
_LIST_MARK_RE = re.compile(r"^(?:\d{1,3}[.)]\s+|[\-*+•·]\s+)")
_TRAILING_DOTS_RE = re.compile(r"\.+$")
_BACKSLASH_RE = re.compile(r"\\(?![A-Za-z{])")  # not a LaTeX command's
_CLOSING_QUOTES = {"“": "”»\"", "«": "”»“\"", "„": "”»“\""}  # what may close each opening quote
_CJK_QUOTES = {"《": "》", "「": "」", "『": "』", "〈": "〉"}  # title marks of Chinese and Japanese text
# a method's acronym after its title: "(DDPM)", "(ViT)", "(SD-XL)"; "(Oral)", "(Extended Version)" are not
_ACRONYM_ASIDE_RE = re.compile(r"(?<=\S)\s+\(((?=[^()\s]*[A-Z][^()\s]*[A-Z0-9])[A-Z][\w\-+.]{1,15})\)$")
# a nickname of two or three capitalised words or numbers: "(Stable Diffusion)", "(DALL-E 2)", "(Imagen Video)"
_NICKNAME_ASIDE_RE = re.compile(r"(?<=\S)\s+\(([A-Z][\w\-+.]{0,15}(?: (?:[A-Z][\w\-+.]{0,15}|v?\d[\w.]{0,7})){1,2})\)$")
# ... but not the words of a paper's form or status: "(Extended Abstract)", "(Short Paper)", "(Part II)"
_FORM_WORDS = frozenset({
    "abstract", "abstracts", "version", "paper", "papers", "report", "edition", "extended", "short", "long", "full",
    "preprint", "draft", "supplementary", "supplement", "appendix", "part", "oral", "spotlight", "poster", "talk",
    "keynote", "tutorial", "workshop", "track", "award", "best", "invited", "student", "position", "technical",
    "tech", "revised", "updated", "camera", "ready", "accepted", "submitted", "review", "under", "survey",
    "chapter", "volume", "vol", "no", "issue", "presentation", "reproducibility", "demo", "note", "notes",
    "lecture", "lectures", "episode", "session", "week", "day", "lesson", "code", "implementation", "official",
    "unofficial", "port", "reimplementation", "reproduction", "slides", "video", "blog", "notebook", "colab",
})
_COURSE_RE = re.compile(r"\b[A-Z]{2,5}-?\d{2,4}[A-Z]?\b|\b\d+\.[A-Z]")  # "(Stanford CS236)", "(MIT 6.S184)"
_WORD_RE = re.compile(r"[^\W_]+")
_ABBREV_END_RE = re.compile(r"\b(?:et al|etc|vs|Inc|Ltd)\.$")


_MATH_RE = re.compile(r"(?<!\$)\$(\\[A-Za-z]{2,20}(?:\{[^{}$\\]{1,40}\})?)\$(?!\$)")  # one command: "$\\alpha$",
# "$\\textbf{X}$"; not "$$..$$", not "$\\frac{1}{2}$"
_LATEX = LatexNodes2Text(math_mode="text")


def _math_as_text(text: str) -> str:
    """``PixArt-$\\alpha$`` -> ``PixArt-α``, ``$\\infty$-Diff`` -> ``∞-Diff``: a formula of one LaTeX command (and
    its one argument) as what it prints (pylatexenc); any other formula (``$\\frac{1}{2}$``, ``$\\mathcal{O}(1)$``),
    or a command pylatexenc does not know, stays as written."""
    def read(m: re.Match[str]) -> str:
        try:
            out = _LATEX.latex_to_text(m[0]).strip()
        except Exception:  # LaTeX pylatexenc cannot read ("$\\begin$"): kept as written
            return m[0]
        return out if out and "\\" not in out and max(map(ord, out)) < 0x10000 else m[0]
    return _MATH_RE.sub(read, text[:300]) + text[300:]  # a title is short: a long text costs no more


# a translation after a title in Latin script: "（...）", "【...】", "(...)" of five CJK characters or more, no
# digit, and no Latin word but the title's own ("QuietMole: Fast（QuietMole：快速）"); not a part's or an
# edition's mark ("（上）", "（第2集）", "（2023年版）"), nor a name after "of", "in", "by", "for", "to"; not 「」 or
# 『』, which name a work in Japanese ("Painting Like 「葛飾北斎の浮世絵」", "「鬼滅の刃」")
_TRANSLATION_ENDS = frozenset("）)】")
_TRANSLATION_RE = re.compile(r"(?<![a-z] of )(?<![a-z] in )(?<![a-z] by )(?<![a-z] for )(?<![a-z] to )"
                             r"[（(【]([^（）()【】\d]{5,80})[）)】]$")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=1 << 16)
def clean_title(text: str | None) -> str:
    """A title without markdown, emoji, handles, list markers and trailing punctuation (``?`` and ``!`` stay)."""
    if not text:
        return ""
    t = strip_emoji(text)
    if "\\" in t:  # a line break or a stray escape; in a formula, LaTeX's "$\\alpha$" is read: "α"
        t = _math_as_text(_BACKSLASH_RE.sub(" ", t)) if "$" in t else t.replace("\\", " ")
    t = without_handles(t).strip()
    if "*" in t or "`" in t or "~" in t:
        t = _END_MARKS_RE.sub("", t)  # markers left at the ends; a "*" inside is the title's
    t = clean_space(t)
    t = _LIST_MARK_RE.sub("", t)
    if t.startswith("==") and t.endswith("==") and "==" not in t[2:-2]:
        t = t[2:-2]  # "==Title==": a highlight (Obsidian, Typora, pymdown's "mark")
    t = t.strip(" -–—:|,;")
    if t.endswith((".", ".\n")) and not _ABBREV_END_RE.search(t):  # what the two regexes can match
        t = _TRAILING_DOTS_RE.sub("", t)
    if len(t) >= 2 and t[0] in "\"“'‘„«" and t[-1] in "\"”'’“»":
        t = t[1:-1]
    elif len(t) >= 2 and t[-1] == _CJK_QUOTES.get(t[0]) and t[-1] not in t[1:-1]:  # "《Title》", "「Title」"
        t = t[1:-1].strip()
    elif t and t[0] in "“«„" and not any(q in t for q in _CLOSING_QUOTES[t[0]]):  # '“Title.” arXiv.' cut before
        t = t[1:].lstrip()  # its closing quote: the opening one is no part of the title
    t = _strip_empty_brackets(clean_space(t))  # left by label links: "Title [] (, )"
    if t.endswith(")") and (m := _ACRONYM_ASIDE_RE.search(t)) and not only_venue_or_date(m[1]) and not (
            m[1].endswith("s") and m[1][-2:-1].isupper()):  # "Gaussian Error Linear Units (GELUs)": the title's own
        t = t[: m.start()]  # "Denoising Diffusion Probabilistic Models (DDPM)": the list's name for it, no title's
    elif t.endswith(")") and (m := _NICKNAME_ASIDE_RE.search(t)) and _is_nickname(m[1], t[: m.start()]):
        t = t[: m.start()]  # "... Latent Diffusion Models (Stable Diffusion)": the same
    elif t[-1:] in _TRANSLATION_ENDS and (m := _TRANSLATION_RE.search(t)) and _is_translation(m[1], t[: m.start()]):
        t = t[: m.start()].rstrip()  # "Title（中文译名）": the list's translation, no part of it
    t = t.strip(" -–—:：|,;·•@，；｜").rstrip("[(（【 ")  # "Title @" where "@ICLR2024" was read as its venue
    return _unbalanced_ends(t) if t[:1] == "[" or t[-1:] in ")]" else t


def _is_translation(inner: str, title: str) -> bool:
    """``inner`` (in brackets after ``title``) translates a title in Latin script: five CJK characters or more,
    or two and the title's name (``QuietMole：快速学习``); any Latin word in it is one of the title's."""
    if CJK_RE.search(title):
        return False
    own, named = set(_LATIN_WORD_RE.findall(title)), _LATIN_WORD_RE.findall(inner)
    return (len(own) >= 2 and all(w in own for w in named)
            and len(CJK_RE.findall(inner)) >= (2 if named else 5))


def _unbalanced_ends(t: str) -> str:
    """``t`` without the brackets a malformed link left at its ends: ``[Title]`` (``[Title] (url)``), ``[Title``
    (``[Title(url)``), ``Title]]`` or ``Title])``; a bracket the title opens or closes itself stays (``[Re] Title``,
    ``Title (DDPM)``)."""
    extra = {")": t.count(")") - t.count("("), "]": t.count("]") - t.count("[")}  # counted once, cut once: linear
    end = len(t)
    while end and t[end - 1] in extra and extra[t[end - 1]] > 0 and (
            t[end - 1] == "]" or t[end - 2: end - 1] in ("]", ")")):  # "Title]", "[Title]]", "[Title])"; not ":)"
        extra[t[end - 1]] -= 1
        end -= 1
        while end and t[end - 1] == " ":
            end -= 1
    t = t[:end]
    if t[:1] == "[" and t[-1:] == "]" and "[" not in t[1:] and "]" not in t[:-1]:
        return t[1:-1].strip()  # "[Title]" wholly
    if t[:1] == "[" and "]" not in t:
        t = t[1:].lstrip()
    return t


def _is_nickname(words: str, title: str) -> bool:
    """Whether a short parenthesis of capitalised words after ``title`` names the work: a word of it is an
    acronym or a number (``DALL-E 2``) or a word of the title (``Stable Diffusion`` after "Latent Diffusion
    Models"), and it is not the work's form (``Extended Version``), its venue or date (``CVPR 2022``), its course
    (``Stanford CS236``) or its language (``In Chinese``)."""
    lows = [w.lower().rstrip(".") for w in words.split()]
    title_words = set(_WORD_RE.findall(title.lower()))
    if not any(sum(map(str.isupper, w)) > 1 or any(map(str.isdigit, w)) or (len(low) > 3 and low in title_words)
               for w, low in zip(words.split(), lows, strict=True)):
        return False
    return not (any(w in _FORM_WORDS for w in lows) or _COURSE_RE.search(words)
                or lows[0] in ("in", "on", "for", "with", "by", "the", "a")
                or only_venue_or_date(words) or only_venue_or_date(words.split()[0]))


def _strip_empty_brackets(t: str) -> str:
    """``t`` without the empty brackets at its end (``[]``, ``(, )``, ``[ | ]``), read from the end in one pass:
    what ``(?:\\s*[\\[(][\\s,;|/]*[\\])])+\\s*$`` removes, without retrying that regex at every bracket."""
    end = i = len(t)
    while True:
        while i and t[i - 1].isspace():
            i -= 1
        if not i or t[i - 1] not in "])":
            break
        j = i - 1
        while j and (t[j - 1] in ",;|/" or t[j - 1].isspace()):
            j -= 1
        if not j or t[j - 1] not in "[(":
            break
        end = i = j - 1
    return t if end == len(t) else t[:end].rstrip()


@lru_cache(maxsize=1 << 16)
def link_title(text: str | None) -> str | None:
    """A link text as a title, or None when it only names the kind of link ('paper', '[code]', 'arXiv') or
    is a URL."""
    title = clean_title(text)
    if (not title or is_label(text or "") or BARE_URL_RE.fullmatch(title) or only_venue_or_date(title)
            or IDENTIFIER_TEXT_RE.fullmatch(title.strip("[]()")) or COUNT_TEXT_RE.fullmatch(title)):
        return None  # "[arXiv:2401.00001](url)", "[[2310.15110]](url)": the paper's id; "[⭐ 3k](github)": a count
    if is_name_list(title) or REPO_NAME_RE.fullmatch(title) or cited_in_link(title):
        return None  # "[A. Smith et al.](url)": the authors; "[owner/repo](github...)": a repository's name;
    return title  # "[Song et al. (2021b)](url)": a citation of the work, not its title


def phrase_title(text: str | None) -> str | None:
    """:func:`link_title`, or a link's text of two phrases shaped like two names (``Attend and Excite``,
    ``Score Matching, Revisited``: :func:`~diffdata.parse.names.reads_as_two_phrases`) where a title stands."""
    title = link_title(text)
    if title is None and (clean := clean_title(text)) and reads_as_two_phrases(clean) and not is_label(text or ""):
        return clean
    return title


COUNT_TEXT_RE = re.compile(r"[\[(]?\d[\d,.]*\s*[kK]?\+?[\])]?")  # "3k", "1.2k", "[540]": a count of stars
_CITATION_TEXT_RE = re.compile(r"(?P<names>[A-Z][\w'’\-]+(?: et al\.?| (?:and|&) [A-Z][\w'’\-]+)),? "
                               r"[(\[]?(?:(?P<venue>[A-Za-z][A-Za-z]{1,11})\s)?(?P<year>(?:19|20)\d\d)[a-z]?[)\]]?")
# ... with the venue before the year: "[Okoro et al., ICLR 2023](url)", "[Vance and Iqbal, NeurIPS 2022](url)"
_A_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def cited_in_link(text: str) -> tuple[str, int, str | None] | None:
    """The names, year and venue (when written) of a link whose text is a citation (``[Song et al.
    (2021b)](url)``, ``[Okoro et al., ICLR 2023](url)``), else None."""
    if not _A_YEAR_RE.search(text):
        return None  # most link texts: no year, no citation (and no clean_title)
    m = _CITATION_TEXT_RE.fullmatch(clean_title(text))
    if m is None or (m["venue"] and ("et al" not in m["names"] or (m["venue"].lower() != "arxiv" and lookup(
            m["venue"])[0] is None))):
        return None  # "[Fast and Robust Sampling 2024](..)", "[Images and Words, ECCV 2022](..)": titles
    return m["names"], int(m["year"]), m["venue"]
_BADGE_SRC_RE = re.compile(r"shields\.io|badge|badgen|/svg|\.svg(?:$|\?)", re.I)


def alt_title(link: Link) -> str | None:
    """The title an image's alt text gives the link wrapping it (``[![Title of the Work](teaser.jpg)](arxiv)``, a
    gallery of teasers): words enough for a title (four or more), and no badge's (``![arXiv](...shields.io...)``)."""
    if not link.image or len(link.alt.split()) < 4 or _BADGE_SRC_RE.search(link.image_src or ""):
        return None
    return link_title(link.alt)
