"""Names of people as lists write them: whether a text reads as an author list, how to split one, and citations
written out (APA style, a citation aside after a title)."""

from __future__ import annotations

import re
from functools import lru_cache

from diffdata.text import build_memo, clean_space
from diffdata.venues import find_venues, lookup

# a capital letter, Latin or not ("Élodie", "Łukasz", "Ørsted"): [A-Z] and every upper-case letter below U+0530
UP = "[A-Z" + "".join(re.escape(c) for c in map(chr, range(0xC0, 0x530)) if c.isupper()) + "]"
HANDLE_RE = re.compile(r"(?<!\s)\s*\(\s*@[\w.\-]+\s*\)|(?<!\w)@[\w.\-]+")  # (?<!\s): linear on runs of spaces


@build_memo
def in_english(text: str) -> str:
    """Names joined the way other languages write them, joined the English way: ``Ho, Jain y Abbeel`` (``y``,
    ``e``, ``et``, ``und``, ``ve``, ``và``, ``и``, ``och`` between names of a list with a comma) and ``et al.``
    written ``y otros``, ``u. a.``, ``и др.``, ``ほか``, ``等人``, ``等``, ``and colleagues``, ``et. al.``, ``& al.``,
    ``etc.`` and the like; ``、`` is a comma, and so is ``+2 authors``."""
    if "、" in text or "，" in text:  # "Yang Song、Prafulla Dhariwal", "Ann Lee，Bo Chan": commas
        text = text.replace("、", ", ").replace("，", ", ")
    if any(cue in text for cue in _OTHERS_CUES):
        text = _OTHERS_RE.sub(" et al.", text)
    if "+" in text:  # "Ann Lee, +2 authors Bo Chan": the names a page left out (Semantic Scholar)
        text = _LEFT_OUT_RE.sub(", ", text)
    return _JOINER_RE.sub(" and ", text) if "," in text and any(w in text for w in _JOINER_WORDS) else text


def pair_in_english(text: str) -> str:
    """Two full names joined by another language's "and" without a comma (``Thiago Lima e Ana Costa``), joined
    the English way: only where the text is known to be names (a title may read so: ``Ann Lee e Bo Chan``)."""
    return _JOINER_RE.sub(" and ", text) if any(w in text for w in _JOINER_WORDS) and _TWO_NAMES_RE.fullmatch(
        text) else text


_LEFT_OUT_RE = re.compile(r"(?<![\s,])\s*+,?\s*+\+\s?\d{1,4}\s++(?:more\s++)?authors?\b,?\s*+", re.I)
# "et al." as other languages (and typos) write it
_OTHERS_RE = re.compile(r"(?<![\s,])\s*+,?\s*+(?:\bet\.\s*al\b\.?|\by\s+otros\b|\be\s+outros\b|\bu\.\s*a\b\.?|"
                        r"\bve\s+ark\b\.?|\bи\s+др\b\.?|ほか|等人|(?<!等)等(?![人等])|외$|"
                        r"\band\s+(?:colleagues|co-?workers|collaborators)\b|\bvà\s+cộng\s+sự\b|\bet\s+coll\b\.?|"
                        r"\be\s+altri\b|&\s*al\b\.?|\betc\b\.?)")
# what _OTHERS_RE needs, as substrings (cheaper than a pattern's scan of every text)
_OTHERS_CUES = ("et.", "ほか", "等", "외", "otros", "outros", "u.", "ark", "др", "cộng", "coll", "altri", "&", "etc",
                "workers")
_JOINER_WORDS = (" y ", " e ", " et ", " und ", " ve ", " và ", " и ", " och ")  # what _JOINER_RE needs
_JOINER_RE = re.compile(r"(?<!\s)\s++(?:y|e|et|und|ve|và|и|och)\s++(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")  # linear: see tests
# two full names and a joiner, no comma: "Thiago Lima e Ana Costa", "Jonas Braun und Lena Koch" (not "Ana e Silva")
_FULL_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]{0,30}(?:\s[\w'’.-]{1,30}){1,3}"
_TWO_NAMES_RE = re.compile(rf"\s*{_FULL_NAME}\s(?:y|e|et|und|ve|và|и|och)\s{_FULL_NAME}[\s.]*")


def without_handles(text: str) -> str:
    """``text`` with its handles (``@lee``, ``(@lee)``) made spaces; a text without ``@`` has none."""
    return HANDLE_RE.sub(" ", text) if "@" in text else text


_PARTICLE = (r"(?:van|von|der|den|de|des|la|le|los|las|du|da|di|del|della|dos|das|bin|al|el|ten|ter|zu|v\.|d\.|"
             rf"[dD]['’]{UP}[\w'’\-]*)")  # "d'Alembert"
_NOT_A_NAME_START_RE = re.compile(r"(?:In|At|On|To|From|See|With|For|Via|Using|The)\s")
_NEVER_IN_NAMES = frozenset({"code", "coming", "soon", "paper", "released", "release", "available", "project",
                             "github", "arxiv", "oral", "spotlight", "accepted", "submitted", "preprint", "official",
                             "implementation", "demo", "dataset", "survey", "update", "updated", "todo", "tbd",
                             "workshop", "conference", "journal", "proceedings", "transactions", "university",
                             "progress", "future", "directions", "challenges", "opportunities", "applications",
                             "methods", "models", "perspectives", "advances", "trends", "learning", "networks",
                             "analysis", "generation", "overview", "tutorial", "benchmark", "benchmarks",
                             "latent", "optimization", "diffusion", "model", "network", "image", "images", "video",
                             "videos", "text", "language", "neural", "deep", "generative", "adversarial", "inversion",
                             "editing", "synthesis", "translation", "detection", "segmentation", "classification",
                             "recognition", "reinforcement", "graph", "graphs", "attention", "transformer",
                             "transformers", "vision", "speech", "audio", "domain", "multi", "training", "inference",
                             "sampling", "guidance", "control", "robust", "efficient", "fast", "large", "small",
                             "unsupervised", "supervised", "self-supervised", "semi-supervised", "zero-shot",
                             "few-shot", "data", "datasets", "evaluation", "metrics", "related", "papers",
                             "resources", "tools", "other", "others", "misc", "miscellaneous", "nature",
                             "medicine", "science", "lancet", "health", "digital", "intelligence", "communications",
                             "reports", "machine", "engineering", "biomedical", "medical", "clinical", "jama", "nejm",
                             "npj", "ieee", "acm", "springer", "elsevier", "arxiv.org", "must", "highly", "recommended",
                             "report", "technical", "tech", "classic", "seminal", "essential", "awesome"})
# ("Must Read", "Tech Report", "Highly Recommended": a tag under a title; "Read" is a surname too)
# an organisation written where a venue or an author stands: "Stability AI", "Google Research", "Meta"
_COMPANY = (r"Google|Meta|Microsoft|Amazon|Apple|Nvidia|NVIDIA|OpenAI|DeepMind|Adobe|Alibaba|Tencent|Baidu|"
            r"ByteDance|Huawei|Samsung|Intel|IBM|Facebook|Stability|Anthropic|HuggingFace|Snap|Sony|Netflix|Uber")
# words that name an organisation or a label, never a person: "Google Research", "Stability AI", "Open Source"
_ORGANISATION_RE = re.compile(
    r"\b(?:Research|Labs?|Laborator(?:y|ies)|AI|University|Univ|Institute|Inc|Ltd|LLC|Corp(?:oration)?|Company|"
    r"Team|Group|Foundation|Academy|College|School|Center|Centre|Department|Dept|Studio|Studios|Open|Source|"
    rf"{_COMPANY}|Hugging\s*Face|Inria|INRIA|MIT|CMU|Stanford|Berkeley|Oxford|Cambridge|ETH|EPFL|Tsinghua|Peking)\b")
_COMPANY_RE = re.compile(rf"(?:{_COMPANY})(?:\s+(?:AI|Research|Labs?|Brain|Inc\.?))?|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?"
                         r"\s+(?:AI|Labs?|Inc\.?|Ltd\.?|LLC|Team)")
_SURNAME_RE = re.compile(rf"{UP}[a-zà-ÿčšžłńść'’\-]+")
_NAME_CHARS = r"[\w'’\-.\u2010\u2011]*"  # "Ahn‐Sørensen": a hyphen as Unicode writes it too
_NAME_RE = re.compile(rf"^(?:{UP}{_NAME_CHARS}|{_PARTICLE})(?:\s+(?:{UP}{_NAME_CHARS}|{_PARTICLE})){{0,4}}$")


_CJK_NAME_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,4}(?:\s[\u3040-\u30ff\u4e00-\u9fff]{1,4})?")
_ONE_ET_AL_RE = re.compile(rf"\s*{UP}[\w'’\-]+\s+et\s+al\.?\s*")
_ET_AL_CUT_RE = re.compile(r"(?<!\s)\s++et\s+al\.?")  # a run of spaces tried from its start only
# words of a journal's name, never a person's: "Ilan Price, Nature, 2024", "Physical Review Letters"
JOURNAL_NAME_WORDS = ("Nature", "Science", "Lancet", "Journal", "Letters", "Reviews?", "Transactions", "Proceedings",
                      "Intelligence", "Bioinformatics", "Radiology", "Neuroscience")
_JOURNAL_NAME_RE = re.compile(rf"\b(?:{'|'.join(JOURNAL_NAME_WORDS)})\b")
_NOT_NAME_CHARS_RE = re.compile(r"<[^<>]*+>|\d|[*†‡§¶#∗✉¹²³⁴⁵⁶⁷⁸⁹⁰]")
_SERIAL_COMMA_RE = re.compile(r",\s*(?:and|&)\s+")
_NAME_SEP_RE = re.compile(r",\s*|\s+and\s+|\s*&\s*|;\s*|\s+[·•]\s+")  # "Ann Lee · Bo Chan" too
_WORD_SEP_RE = re.compile(r"[\s,;]+")


@lru_cache(maxsize=1 << 16)
def looks_like_names(text: str, labelled: bool = False) -> bool:
    """``'Jonathan Ho, Ajay Jain, Pieter Abbeel'``, ``'A. Smith and B. Jones'``, ``'Lilian Weng'``,
    ``'Ma et al.'``; names in Chinese, Japanese or Korean script among others (``'Ann Lee, 张伟'``), or alone when
    a label says they are names (``labelled``: ``作者：张伟, 李娜``)."""
    text = in_english(text) if not labelled else pair_in_english(in_english(text))
    if _ONE_ET_AL_RE.fullmatch(text):
        return True
    text = _ET_AL_CUT_RE.sub(", et al.", without_handles(text.replace("…", "...")))  # "A, B, …": others
    text = clean_space(_NOT_NAME_CHARS_RE.sub("", text)).strip(" .,;")
    serial = _SERIAL_COMMA_RE.search(text) is not None or " and " in text
    text = _SERIAL_COMMA_RE.sub(", ", text)  # "Lee, A., and Chan, B.": the serial comma
    if not text or len(text) > 2000 or _JOURNAL_NAME_RE.search(text):
        return False
    names = [n for n in _NAME_SEP_RE.split(text) if n.strip()]
    names = [n for n in names if n.strip().lower().strip(".") not in ("et al", "others")]
    words = set(_WORD_SEP_RE.split(text.lower()))  # "Bar Models, Ed Fox": "models" is a word, not "models,"
    if any(_NOT_A_NAME_START_RE.match(n.strip()) for n in names) or _NEVER_IN_NAMES & words:
        return False  # "In ITA", "See Also", "Code Coming Soon": a phrase, not a name
    if names and all(len(n.strip(" .")) == 1 for n in names):
        return False  # "D&B", "A and B": letters, not names
    if (_last_first_pairs(names) or (_first_inverted(names) and serial)
            or (len(names) > 2 and _surname_initials_pairs([*names[:-1], names[-1].strip() + "."]))  # its last
            ) and not find_venues(text):  # "." was stripped: "Gupta, R., de los Santos, A. M., & Herrera, S."
        return True
    if not names or len(names) > 200:
        return False
    if len(names) >= 3 and all(_SURNAME_RE.fullmatch(n.strip()) for n in names) and not find_venues(text):
        return True  # "Stamatopoulos, Egger, Sun, Woerner": surnames alone
    cjk = sum(bool(_CJK_NAME_RE.fullmatch(n.strip())) for n in names)  # "张伟", "山田 太郎", "김민준"
    if cjk and not (labelled or any(len(n.split()) >= 2 for n in names) or (cjk >= 2 and any(
            CITED_SURNAME_RE.fullmatch(n.strip()) for n in names))):  # "张伟, 李娜, Chen" too
        cjk = 0  # CJK words alone may be a topic's ("图像生成, 视频生成", "加速, Distillation"): names beside a
        # Latin name of two words or more, or labelled
    good = sum(bool(_NAME_RE.match(n.strip())) and len(n.split()) >= 1 for n in names) + cjk
    multi = sum(len(n.split()) >= 2 for n in names) + cjk
    if len(names) == 1:
        return cjk == 1 or (good == 1 and 2 <= len(names[0].split()) <= 4 and not lookup(names[0])[0])
    return good == len(names) and multi >= len(names) / 2 and not find_venues(text)


_MARKS_RE = re.compile(r"<[^<>]*+>|[*†‡§¶∗✉]|\^\d+|(?<=[a-z])\d+\b|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_MARK_START_RE = re.compile(r"[<*†‡§¶∗✉^\d¹²³⁴⁵⁶⁷⁸⁹⁰]")  # what each match of _MARKS_RE starts with
_YEAR_END_RE = re.compile(r",?\s*\(?(?:19|20)\d\d\)?\.?$")
_AND_SEP_RE = re.compile(r"\s+and\s+|\s*&\s*|;\s*")
_INITIAL_END_RE = re.compile(r"\b[A-ZА-ЯЁ]\.$")


_DUAL_NAME_RE = re.compile(r"(?P<a>[^()（）,，、]{1,40}?)\s*[(（](?P<b>[^()（）,，、]{1,40})[)）]")


def names_in_two_scripts(text: str) -> list[str]:
    """Each name written in two scripts, one in brackets after the other (``马磊 (Lei Ma), 吴静 (Jing Wu)``,
    ``Lei Ma（马磊）, Jing Wu（吴静）``): the names as written first; empty when a part is no such pair."""
    if "(" not in text and "（" not in text:
        return []
    out = []
    for part in re.split(r"[,，、;；]", text.strip(" .,;")):  # no "\\s*" before: linear on runs of spaces
        m = _DUAL_NAME_RE.fullmatch(part.strip())
        if m is None:
            return []
        a, b = m["a"].strip(" *†"), m["b"].strip(" *†")
        if not ((_CJK_NAME_RE.fullmatch(a) and is_one_person(b)) or (_CJK_NAME_RE.fullmatch(b) and is_one_person(a))):
            return []
        out.append(a)
    return out if len(out) > 1 else []  # one only may be a word and its translation: "中文解读 (Chinese Notes)"


def split_authors(text: str, pairs: bool = False) -> list[str]:
    """Names from a written list: separators ``,`` ``;`` ``and`` ``&``; footnote marks, handles and a final
    ``.`` dropped; ``et al.`` kept out. ``pairs``: the text is known to list people (an authors label), so two
    full names joined by another language's "and" without a comma are two (``Thiago Lima e Ana Costa``; in a
    column, ``Maria Teixeira e Sousa Lima`` is one Portuguese name)."""
    text = in_english(text.replace("\\", " ").replace("…", "..."))
    text = _ET_AL_CUT_RE.sub(", et al.", without_handles(pair_in_english(text) if pairs else text))
    text = clean_space(_MARKS_RE.sub("", text) if _MARK_START_RE.search(text) else text)
    if any(map(str.isdecimal, text[-4:])):  # the year's last digit, then ")", "." or nothing
        text = _YEAR_END_RE.sub("", text)  # "..., Bo Chan, 2012.": the year is no name
    serial = _SERIAL_COMMA_RE.search(text) is not None or " and " in text
    text = _SERIAL_COMMA_RE.sub(", ", text)  # "Lee, A., and Chan, B.": the serial comma
    parts = _NAME_SEP_RE.split(text)
    by_and = _AND_SEP_RE.split(text)
    if len(by_and) > 1 and all(_LAST_COMMA_FIRST_RE.fullmatch(p.strip(" .")) for p in by_and):
        parts = by_and  # "Choi, Jongwook and Lee, Bo": each name written "Last, First"
    elif _surname_initials_pairs(named := [p for p in parts if p.strip() and p.strip() != "et al."]):
        parts = [f"{named[i]}, {named[i + 1]}" for i in range(0, len(named), 2)]  # "Moreau, K., Lind, P. and
        # Okafor, T.": Harvard style; "Lee, A. et al.": one name of it, the others kept out
    elif _first_inverted(named) and serial:  # "Ho, Jonathan, Ajay Jain, and Pieter Abbeel": MLA and Chicago
        # (their "and" before the last name; "Chen, Li, Wang Yu" is three names)
        parts = [f"{named[0]}, {named[1]}", *named[2:]]
    elif ";" not in text and " and " not in text and "&" not in text and _last_first_pairs(parts):
        parts = [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]  # "Ho, Jonathan, Jain, Ajay"
    out = []
    for p in parts:
        p = clean_space(p).strip(" .") if not _INITIAL_END_RE.search(p.strip()) else clean_space(p)
        if p and p.lower().strip(".") not in _NO_PERSON and not p.isdigit():  # "..., 2012.", "..., Medium"
            out.append(p)
    return out


# what a list writes among names that names no person: "et al.", and the platform a post or video is on
_NO_PERSON = frozenset({"et al", "others", "etc", "medium", "substack", "youtube", "bilibili", "github", "twitter",
                        "zhihu", "reddit", "linkedin", "towards data science", "hacker news", "blog", "arxiv"})
_LAST_COMMA_FIRST_RE = re.compile(UP + r"[\w'’\-]+,\s*" + UP + r"[\w'’\-.]*(?:\s+" + UP + r"[\w'’\-.]*){0,2}")


# a surname's particles: "De Bortoli", "van den Berg", "Van Gool", "di Marco"
_PARTICLES = r"(?:(?:[Dd][aeiu]s?|[Dd]el(?:la)?|[Vv][ao]n|[Dd]e[nr]|[Tt]e[nr]|[Ll][ae]|[Zz]u)\s)*"
_PARTICLE_START_RE = re.compile(rf"{_PARTICLES}(?<=\s)")  # a surname opening with a particle
_INITIALS_ONLY_RE = re.compile(r"[A-Z](?:[.\s-]*[A-Z])*")
_INITIALED_RE = re.compile(rf"{_PARTICLES}{UP}[\w'’\-]*(?:\.?\s?-?[A-Z]\.?)*")  # "A.-B.", "J.-P.": hyphened initials
_VANCOUVER_RE = re.compile(rf"{_PARTICLES}[A-Z][\w'’\-]+\s[A-Z]{{1,3}}")


def _last_first_pairs(parts: list[str]) -> bool:
    """``Dhariwal, Prafulla, Nichol, Alex``: names written "Last, First", every part one capitalised word (or
    initials), an even number of them."""
    words = [p.strip(" .") for p in parts if p.strip(" .")]
    return (len(words) >= 2 and len(words) == len(parts) and len(words) % 2 == 0
            and all(_INITIALED_RE.fullmatch(w) for w in words)
            and all(_INITIALS_ONLY_RE.fullmatch(words[i + 1]) for i in range(0, len(words), 2)
                    if _PARTICLE_START_RE.match(words[i]))  # "De Bortoli, V.", never "Di Wu, Le Song"
            and not all(_VANCOUVER_RE.fullmatch(w) for w in words))  # "Lee A, Chan B": Vancouver


def _first_inverted(parts: list[str]) -> bool:
    """``Ho, Jonathan, Ajay Jain, Pieter Abbeel`` (MLA, Chicago): the first name written "Last, First", every
    other one "First Last"."""
    words = [p.strip(" .") for p in parts if p.strip(" .")]
    return (len(words) >= 3 and all(_ONE_WORD_NAME_RE.fullmatch(w) for w in words[:2])
            and all(len(w.split()) >= 2 and _NAME_RE.match(w) for w in words[2:]))


_ONE_WORD_NAME_RE = re.compile(UP + r"[\w'’\-]+")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.\s?-?)+")


def _surname_initials_pairs(parts: list[str]) -> bool:
    """``Moreau, K., Lind, P.``: each name a surname and then its initials only (``F.T.``, ``J.-P.``)."""
    return (len(parts) >= 2 and len(parts) % 2 == 0
            and all(_INITIALS_RE.fullmatch(parts[i].strip()) and _CITED_SURNAME_RE.fullmatch(parts[i - 1].strip())
                    for i in range(1, len(parts), 2)))


# a surname as a citation inverts it, with its particles: "Moreau", "Van Gool", "de los Santos", "van der Berg"
_CITED_SURNAME_RE = re.compile(r"(?:(?:[Vv][ao]n|[Dd]e[nrs]?|[Dd]el(?:la)?|[Dd][aiu]|[Dd][oa]s|[Ll][aeo]s?|[Tt]e[nr]|"
                               r"[Zz]u)\s){0,3}[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?")

_ET_AL_RE = re.compile(r"^(.+?\bet\s+al\.?)(?=[\s,;]|$)")


_LIST_MARK_RE = re.compile(r",|&|\band\b|\bet al\b")
# One surname as a citation writes it: "Malon", "Smith et al."
CITED_SURNAME_RE = re.compile(rf"{UP}[a-z][\w'’\-]*(?:\s+et\s+al\.?)?")


@lru_cache(maxsize=1 << 16)
def people_named(text: str, each_full: bool = False) -> bool:
    """Names of people, not of things, when nothing else says so: three names or more (``Lee, Chan, Okafor``),
    two joined by ``&`` or ``and``, or names of two words or more (one of them, or with ``each_full`` each);
    not two single words apart (``Meta, Weizmann``; with ``each_full`` not ``DALL E, Imagen``)."""
    names = [n for n in re.split(r",|\band\b|&", text) if n.strip()]
    full = all if each_full else any
    return (full(len(n.split()) >= 2 for n in names) or len(names) >= 3
            or (len(names) == 2 and bool(re.search(r"&|\band\b", text))))


def is_name_list(text: str) -> bool:
    """Names written as a list (``A. Lee and B. Chan``, ``Kudo & Lee``, ``Smith et al.``): a comma, ``and``,
    ``&`` or ``et al.``, and names only. A single capitalised phrase (``Latent Optimization``) is no list."""
    text = in_english(text)
    return bool(_LIST_MARK_RE.search(text)) and looks_like_names(text)


_TWO_PHRASES_RE = re.compile(r"(?P<a>[^,;&]+?)(?:\s+and\s+|,\s+)(?P<b>[^,;&]+)")
_STRONG_NAMES_RE = re.compile(r"\b[A-Z]\.|\bet\s+al\b|\b(?:van|von|de|der|den|da|di|del|du|le|la)\s|\band\b")


def reads_as_two_phrases(text: str) -> bool:
    """Two capitalised phrases that could be two names but read as a title's: no initial, ``et al.``, particle,
    ``&`` or third part, and either one word on each side of ``and`` (``Attend and Excite``, ``Hide and Seek``)
    or a phrase, a comma and one word (``Score Matching, Revisited``). ``Ann Lee and Bo Chan``, ``Lee, Ann`` and
    ``Ann Lee, Bo Chan`` read as names. A link's text or a title clause of that shape is a title."""
    m = _TWO_PHRASES_RE.fullmatch(text.strip(" ."))
    if m is None or _STRONG_NAMES_RE.search(m.group("a") + " " + m.group("b")):
        return False
    a, b = m.group("a").split(), m.group("b").split()
    if "," in text:
        return len(a) >= 2 and len(b) == 1
    return len(a) == 1 and len(b) == 1


@lru_cache(maxsize=1 << 16)
def leading_names(text: str) -> str | None:
    """The author list a text is or opens with: ``'Ann Lee et al. Arxiv'`` -> ``'Ann Lee et al.'``."""
    if looks_like_names(text):
        return text
    m = _ET_AL_RE.match(text.strip())
    return m.group(1) if m and looks_like_names(m.group(1)) else None


# A citation aside after a title: "Title (Smith et al., 2019)."
CITED_AS_RE = re.compile(r"(?<!\s)\s*\(([^()]{2,120}?),?\s*(?:(?:19|20)\d\d[a-z]?|['’]\d\d)\)\s*\.?\s*$")


def cites(inner: str) -> bool:
    """``Smith et al.``, ``Malon``, ``Wadden et al., EMNLP``: names (and a venue) before a citation's year."""
    first = inner.split(",")[0].strip()
    return bool(leading_names(first) or CITED_SURNAME_RE.fullmatch(first))


def names_after_title(head: str, names: str, alone: bool, venue_follows: bool = False) -> bool:
    """``Title Made Easy, Cy Dee et al.``, ``Corge Nets for Video, Ann Lee, Bo Chan``: the names after a
    comma (full names, or ``et al.``; one full name when a venue follows: ``Title, Ann Lee, ICCV 2023``) follow
    a title that reads as no names. When the clause is all the line says and reads as names throughout
    (``Imagen Editor, Su Wang, Chitwan Saharia``, ``Magic Mix, Jun Hao Liew``), a first part of two to four
    words without initials is the title, the rest its authors. An organisation is no author (``Leek
    Diffusion XL, Stability AI, 2023``)."""
    if has_organisation_word(names):
        return False
    if alone and 2 <= len(head.split()) <= 4 and not re.search(r"\b[A-Z]\.", head) and looks_like_names(head):
        # a list read as names throughout: the title comes first, before two names, one of three words or one
        # and a venue ("Magic Mix, Jun Hao Liew", "Magic Mix, Jun Liew, arXiv 2022"; not "Look Closer, Think
        # Deeper", two phrases alike)
        return looks_like_names(names) and (len(split_authors(names)) >= 2 or len(names.split()) >= 3
                                            or venue_follows)
    if venue_follows and "," not in names and 2 <= len(names.split()) <= 3 and looks_like_names(names):
        return not looks_like_names(head)  # "Grault Models for Video, Ann Lee, ICCV 2023"
    if not is_name_list(names) or ("et al" not in names and not all(len(x.split()) >= 2 for x in split_authors(names))):
        return False  # "Fast, Accurate, and Robust Foo": words, not names
    return not looks_like_names(head)


# words of a link's or a line's label, never of a person's name: "Blog Post", "Colab Notebook", "Semantic Scholar",
# "Supplementary Material" ("Post" and "Page" are surnames too: a label only beside another of these words)
_LABEL_WORDS = frozenset({"blog", "notebook", "notebooks", "colab", "jupyter", "thread", "twitter", "tweet", "code",
                          "demo", "video", "videos", "slides", "project", "website", "web", "homepage", "supplementary",
                          "supplement", "material", "materials", "scholar", "semantic", "paper", "pdf", "dataset",
                          "model", "models", "weights", "checkpoint", "checkpoints", "huggingface", "github", "arxiv",
                          "poster", "talk", "youtube", "openreview", "appendix", "bibtex", "repo", "repository",
                          "keynote", "speaker", "track", "version", "camera", "ready", "findings", "oral", "spotlight"})


def has_label_word(text: str) -> bool:
    """``Blog Post``, ``Colab Notebook``, ``Supplementary Material``: a label, not a person's name."""
    return not _LABEL_WORDS.isdisjoint(re.split(r"[\s\-_/]+", text.lower().strip(" .,;:")))


def names_a_method(text: str) -> bool:
    """Two capitalised words that name a method, not a person: ``Flow Matching``, ``Stable Cascade``."""
    return not _METHOD_WORDS.isdisjoint(text.lower().split())


_METHOD_WORDS = frozenset({
    "flow", "flows", "matching", "diffusion", "score", "distillation", "cascade", "stable", "latent", "consistency",
    "guidance", "sampling", "sampler", "video", "image", "audio", "text", "editing", "synthesis", "generation",
    "adapter", "inversion", "fusion", "booth", "transformer", "transformers", "rectified", "masked", "control",
    "prompt", "neural", "field", "fields", "splatting", "gaussian", "mesh", "depth", "motion", "style", "resolution",
    "denoising", "model", "models", "network", "networks", "learning", "training", "tuning", "attention"})


def is_one_person(text: str) -> bool:
    """A line of one name that is a person's (``Jun Hao Liew``), not an organisation's or a label's
    (``Google Research``, ``Stability AI``, ``Open Source``, ``Supplementary Material``)."""
    return looks_like_names(text) and not has_organisation_word(text) and not has_label_word(text)


def has_organisation_word(text: str) -> bool:
    """A word that names an organisation or a label, never a person (``Research``, ``AI``, ``Google``)."""
    return _ORGANISATION_RE.search(text) is not None


def is_organisation(text: str) -> bool:
    """``Stability AI``, ``Google Research``, ``Meta``, ``Acme Labs``: an organisation, neither a venue nor an
    author."""
    return _COMPANY_RE.fullmatch(clean_space(text).strip(" .,;")) is not None
