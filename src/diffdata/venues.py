"""One venue table for the parser, the merge rules and the BibTeX writer.

Each :class:`Venue` has an abbreviation, its full name (the ``booktitle`` or ``journal`` BibTeX writes), a
type (``conference``, ``journal``, ``workshop`` or ``preprint``) and aliases. :func:`lookup` finds the venue
a written name means (``'NeurIPS 2020'``, ``'ICML (Oral)'``, ``'CVPR Workshops'``); :func:`find_venues` finds
venues named inside free text, with a year glued to them (``'ICLR2024'``, ``"CVPR'24"``, ``'NeurIPS-2023'``,
``'ECCV22'``).

>>> lookup("Proceedings of the International Conference on Machine Learning")[0].abbr
'ICML'
>>> [(m.name, m.year) for m in find_venues("Accepted at CVPR'24 (Highlight), see also ICLR2023")]
[('CVPR', 2024), ('ICLR', 2023)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Venue:
    """A venue of :data:`VENUES`: the entry type it gives and the name written into the entry.

    ``event`` is the name of the meeting itself, used for its workshops (``booktitle`` for NeurIPS papers is
    "Advances in Neural Information Processing Systems", the event "Conference on Neural Information
    Processing Systems"). ``generic`` venues (a publisher or series, e.g. "PMLR") are used only when
    ``s2_venue`` names nothing more precise.
    """

    abbr: str
    entry_type: str  # "inproceedings", "article" or "misc" (a preprint server)
    title: str
    event: str | None = None
    aliases: tuple[str, ...] = ()
    generic: bool = False

    @property
    def type(self) -> str:
        """``conference``, ``journal`` or ``preprint`` (a workshop is a conference's venue named with
        "Workshop": see :func:`lookup`)."""
        return {"inproceedings": "conference", "article": "journal"}.get(self.entry_type, "preprint")

    @property
    def workshop_title(self) -> str:
        """``booktitle`` for a workshop of this venue."""
        return f"{self.event or self.title} ({self.abbr}) Workshops"


def _c(abbr: str, title: str, event: str | None = None, *aliases: str, generic: bool = False) -> Venue:
    return Venue(abbr, "inproceedings", title, event, aliases, generic)


def _j(abbr: str, title: str, *aliases: str) -> Venue:
    return Venue(abbr, "article", title, None, aliases)


#: Known venues: abbreviation -> expanded booktitle (conferences) or journal name. Matched case-insensitively
#: on the abbreviation, the aliases (including Semantic Scholar's venue names) and the title itself.
VENUES: tuple[Venue, ...] = (
    # Machine learning
    _c("NeurIPS", "Advances in Neural Information Processing Systems",
       "Conference on Neural Information Processing Systems",
       "NIPS", "Neural Information Processing Systems", "NeurIPS Proceedings",
       "Adv. Neural Inf. Process. Syst."),  # ISO 4 / NLM abbreviations match with or without their dots
    _c("ICML", "International Conference on Machine Learning", None,
       "Proceedings of the International Conference on Machine Learning"),
    _c("ICLR", "International Conference on Learning Representations"),
    _c("AISTATS", "International Conference on Artificial Intelligence and Statistics"),
    _c("UAI", "Conference on Uncertainty in Artificial Intelligence"),
    _c("COLT", "Conference on Learning Theory", None, "Annual Conference Computational Learning Theory"),
    _c("AAAI", "Proceedings of the AAAI Conference on Artificial Intelligence",
       "AAAI Conference on Artificial Intelligence", "AAAI Conference on Artificial Intelligence"),
    _c("IJCAI", "Proceedings of the International Joint Conference on Artificial Intelligence",
       "International Joint Conference on Artificial Intelligence",
       "International Joint Conference on Artificial Intelligence"),
    _c("KDD", "Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
       "ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
       "SIGKDD", "Knowledge Discovery and Data Mining"),
    _c("CoRL", "Conference on Robot Learning"),
    _c("L4DC", "Learning for Dynamics and Control Conference", None,
       "Conference on Learning for Dynamics & Control"),
    _c("MIDL", "Medical Imaging with Deep Learning", None,
       "International Conference on Medical Imaging with Deep Learning"),
    _c("PMLR", "Proceedings of Machine Learning Research", None,
       "Proceedings of Machine Learning Research", generic=True),
    # Vision and graphics
    _c("CVPR", "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
       "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
       "Computer Vision and Pattern Recognition",
       "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
       "IEEE Conference on Computer Vision and Pattern Recognition"),
    _c("ICCV", "Proceedings of the IEEE/CVF International Conference on Computer Vision",
       "IEEE/CVF International Conference on Computer Vision",
       "IEEE International Conference on Computer Vision", "International Conference on Computer Vision",
       "IEEE/CVF International Conference on Computer Vision"),
    _c("ECCV", "European Conference on Computer Vision"),
    _c("WACV", "Proceedings of the IEEE/CVF Winter Conference on Applications of Computer Vision",
       "IEEE/CVF Winter Conference on Applications of Computer Vision",
       "IEEE Workshop/Winter Conference on Applications of Computer Vision",
       "Winter Conference on Applications of Computer Vision"),
    _c("BMVC", "British Machine Vision Conference"),
    _c("3DV", "International Conference on 3D Vision"),
    _c("ICIP", "IEEE International Conference on Image Processing", None,
       "International Conference on Image Processing"),
    _c("MICCAI", "International Conference on Medical Image Computing and Computer-Assisted Intervention",
       None,
       "Medical Image Computing and Computer-Assisted Intervention"),
    _c("SIGGRAPH", "ACM SIGGRAPH Conference Proceedings", "ACM SIGGRAPH Conference",
       "International Conference on Computer Graphics and Interactive Techniques"),
    _c("SIGGRAPH Asia", "ACM SIGGRAPH Asia Conference Proceedings", "ACM SIGGRAPH Asia Conference"),
    _c("ACM MM", "Proceedings of the ACM International Conference on Multimedia",
       "ACM International Conference on Multimedia", "ACMMM", "ACM Multimedia"),
    _c("IEEE/CVF", "IEEE/CVF Conference Proceedings", None, "CVF", generic=True),
    # Speech, audio, language
    _c("Interspeech", "Interspeech", "Interspeech", "INTERSPEECH"),
    _c("ICASSP", "IEEE International Conference on Acoustics, Speech and Signal Processing", None,
       "IEEE International Conference on Acoustics, Speech, and Signal Processing"),
    _c("ISMIR", "International Society for Music Information Retrieval Conference"),
    _c("ACL", "Proceedings of the Annual Meeting of the Association for Computational Linguistics",
       "Annual Meeting of the Association for Computational Linguistics",
       "Annual Meeting of the Association for Computational Linguistics"),
    _c("EMNLP", "Proceedings of the Conference on Empirical Methods in Natural Language Processing",
       "Conference on Empirical Methods in Natural Language Processing",
       "Conference on Empirical Methods in Natural Language Processing"),
    _c("NAACL", "Proceedings of the Conference of the North American Chapter of the Association for "
       "Computational Linguistics", "Conference of the North American Chapter of the Association for "
       "Computational Linguistics",
       "North American Chapter of the Association for Computational Linguistics"),
    # Robotics
    _c("ICRA", "IEEE International Conference on Robotics and Automation", None,
       "International Conference on Robotics and Automation"),
    _c("RSS", "Robotics: Science and Systems", None, "Robotics: Science and Systems"),
    # Security, systems, data mining, retrieval, language
    _c("USENIX Security", "Proceedings of the USENIX Security Symposium", "USENIX Security Symposium"),
    _c("IEEE S&P", "IEEE Symposium on Security and Privacy", None, "S&P", "IEEE SP", "Oakland"),
    _c("CCS", "Proceedings of the ACM SIGSAC Conference on Computer and Communications Security",
       "ACM SIGSAC Conference on Computer and Communications Security", "ACM CCS"),
    _c("NDSS", "Network and Distributed System Security Symposium"),
    _c("MLSys", "Proceedings of Machine Learning and Systems", "Conference on Machine Learning and Systems"),
    _c("CIKM", "Proceedings of the ACM International Conference on Information and Knowledge Management",
       "ACM International Conference on Information and Knowledge Management"),
    _c("WSDM", "Proceedings of the ACM International Conference on Web Search and Data Mining",
       "ACM International Conference on Web Search and Data Mining"),
    _c("RecSys", "Proceedings of the ACM Conference on Recommender Systems", "ACM Conference on Recommender Systems"),
    _c("EACL", "Proceedings of the Conference of the European Chapter of the Association for Computational "
       "Linguistics", "Conference of the European Chapter of the Association for Computational Linguistics"),
    _c("COLING", "Proceedings of the International Conference on Computational Linguistics",
       "International Conference on Computational Linguistics"),
    _c("LREC", "Proceedings of the Language Resources and Evaluation Conference",
       "Language Resources and Evaluation Conference", "LREC-COLING"),
    # Journals
    _j("TACL", "Transactions of the Association for Computational Linguistics"),
    _j("Nature Communications", "Nature Communications", "Nat. Commun."),
    _j("Neural Computation", "Neural Computation"),
    _j("TPAMI", "IEEE Transactions on Pattern Analysis and Machine Intelligence",
       "PAMI", "IEEE TPAMI", "T-PAMI", "IEEE Trans. Pattern Anal. Mach. Intell."),
    _j("JMLR", "Journal of Machine Learning Research", "J. Mach. Learn. Res."),
    _j("TMLR", "Transactions on Machine Learning Research", "Trans. Mach. Learn. Res."),
    _j("IJCV", "International Journal of Computer Vision", "Int. J. Comput. Vis."),
    _j("TOG", "ACM Transactions on Graphics", "ACM TOG", "ACM Trans. Graph."),
    _j("TIP", "IEEE Transactions on Image Processing", "IEEE TIP", "IEEE Trans. Image Process."),
    _j("TASLP", "IEEE/ACM Transactions on Audio, Speech, and Language Processing", "IEEE/ACM TASLP"),
    _j("TMI", "IEEE Transactions on Medical Imaging", "IEEE TMI", "IEEE Trans. Med. Imaging"),
    _j("Nature", "Nature"),
    _j("Science", "Science"),
    _j("Nature Machine Intelligence", "Nature Machine Intelligence", "Nat. Mach. Intell."),
    _j("PNAS", "Proceedings of the National Academy of Sciences",
       "Proceedings of the National Academy of Sciences of the United States of America"),
    _j("Annals of Statistics", "The Annals of Statistics", "Ann. Statist."),
    _j("JASA", "Journal of the American Statistical Association"),
    _j("Bernoulli", "Bernoulli"),
    _j("Biometrika", "Biometrika"),
    _j("Distill", "Distill"),
    _j("Neural Networks", "Neural Networks"),
    _j("Medical Image Analysis", "Medical Image Analysis", "MedIA", "Med. Image Anal."),
    _j("Entropy", "Entropy"),
    _j("Physical Review Letters", "Physical Review Letters", "PRL", "Phys. Rev. Lett."),
    _j("Stochastic Processes and their Applications", "Stochastic Processes and their Applications"),
    _j("Annals of Applied Probability", "The Annals of Applied Probability"),
    _j("Foundations and Trends in Machine Learning", "Foundations and Trends in Machine Learning"),
    _j("SIAM Journal on Imaging Sciences", "SIAM Journal on Imaging Sciences", "SIIMS"),
    _j("TVCG", "IEEE Transactions on Visualization and Computer Graphics", "IEEE TVCG"),
    _j("TCSVT", "IEEE Transactions on Circuits and Systems for Video Technology", "IEEE TCSVT"),
    _j("TMM", "IEEE Transactions on Multimedia", "IEEE TMM"),
    _j("TKDE", "IEEE Transactions on Knowledge and Data Engineering", "IEEE TKDE"),
    _j("TNNLS", "IEEE Transactions on Neural Networks and Learning Systems", "IEEE TNNLS"),
    _j("TIFS", "IEEE Transactions on Information Forensics and Security", "IEEE TIFS"),
    _c("ICME", "IEEE International Conference on Multimedia and Expo", None,
       "International Conference on Multimedia and Expo"),
    _c("ACCV", "Asian Conference on Computer Vision"),
    _c("IROS", "IEEE/RSJ International Conference on Intelligent Robots and Systems"),
    _c("WWW", "Proceedings of the ACM Web Conference", "ACM Web Conference", "TheWebConf"),
    _c("SIGIR", "Proceedings of the International ACM SIGIR Conference on Research and Development in "
       "Information Retrieval"),
    # Preprint servers: no booktitle or journal (the BibTeX writer cites the preprint)
    Venue("arXiv", "misc", "arXiv preprint", None, ("arXiv preprint", "arXiv.org", "CoRR", "arXiv e-prints",
                                                   "preprint", "ArXiv")),
    Venue("bioRxiv", "misc", "bioRxiv preprint", None, ()),
)

_INDEX: dict[str, Venue] = {}
for _v in VENUES:
    for _name in (_v.abbr, _v.title, *(_v.aliases)):
        _INDEX.setdefault(_name.casefold(), _v)
        _INDEX.setdefault(_name.casefold().replace(".", ""), _v)  # "IEEE Trans Pattern Anal Mach Intell" (NLM)

_SPACE = re.compile(r"\s+")
_WORKSHOP = re.compile(r"\s*\bworkshops?\b\s*", re.IGNORECASE)
# a run of separators is tried from its start only ("(?<!...)", possessive): one scan per run, not one per character
_YEAR_IN_NAME = re.compile(r"(?<![\s'’\-_])[\s'’\-_]*+\b(?:19|20)\d{2}\b|(?<=[A-Za-z])(?:19|20)\d{2}\b|['’]\d{2}\b")
_LONGEST_NAME = 300  # characters: no venue's name is longer (the longest in the table is under 150)


@lru_cache(maxsize=1 << 14)
def lookup(name: str) -> tuple[Venue | None, bool]:
    """The venue a written name means, and whether the name is a workshop of it.

    A year, a trailing parenthesised qualifier and "Proceedings of the" are ignored:
    ``lookup('ICML 2021 (Oral)')`` and ``lookup('CVPR Workshops')`` find ICML and CVPR (the latter a workshop).
    """
    if len(name) > _LONGEST_NAME:
        return None, False  # a clause longer than any venue's name (and no pattern's run over it)
    cleaned = _YEAR_IN_NAME.sub(" ", name)  # "NeurIPS 2020", "ICLR2024", "CVPR'24" -> the name alone
    cleaned = re.sub(r"\s*\([^()]*\)\s*$", " ", cleaned)  # "ICML (Oral)" -> "ICML"
    cleaned = _SPACE.sub(" ", cleaned).strip(" ,.-")
    workshop = bool(_WORKSHOP.search(cleaned))
    base = _SPACE.sub(" ", _WORKSHOP.sub(" ", cleaned)).strip(" ,.-")
    bare = _PROCEEDINGS_RE.sub("", base)  # "In Proc. 38th International Conference on ..." -> "International ..."
    for candidate in (cleaned, base, bare, _ORGANISERS_RE.sub("", bare)):
        venue = _INDEX.get(candidate.casefold())
        if venue is None and ("." in candidate or candidate[-1:].isdigit()):  # "J. Mach. Learn. Res.", "... 34"
            venue = _INDEX.get(_VOLUME_END.sub("", candidate.casefold().replace(".", "")))
        if venue is not None:
            return venue, workshop and venue.entry_type == "inproceedings"
    return None, workshop


_ORDINAL = (r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty)-?)?(?:first|second|third|fourth|fifth|"
            r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
            r"seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth))")
# what stands before a proceedings' name: "In Proc. the 41st Annual", "Proceedings of the Eleventh", "The 38th"
_PROCEEDINGS_RE = re.compile(rf"^(?:in:? )?(?:(?:proc\.?|proceedings) (?:of )?)?(?:the )?(?:{_ORDINAL} )?(?:annual )?",
                             re.IGNORECASE)


def is_preamble(text: str) -> bool:
    """Words that stand before a proceedings' name and say nothing more: ``In Proc. the 38th``, ``The Eleventh``."""
    return bool(text.strip()) and not _PROCEEDINGS_RE.sub("", " ".join(text.split()) + " ").strip()


_ORGANISERS_RE = re.compile(r"^(?:(?:ieee|cvf|acm|aaai|siam)[/ ])+", re.IGNORECASE)  # "IEEE/CVF Conference on ..."
_VOLUME_END = re.compile(r"\s+\d{1,3}$")  # "Advances in Neural Information Processing Systems 34": a volume


@dataclass(frozen=True)
class VenueMention:
    """A venue named in text: the name as written (without its year), the year glued to it, where it is."""

    name: str
    year: int | None
    start: int
    end: int
    workshop: bool = False


def alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, written as a trie so that each position of a search tries one
    branch per distinct next character instead of one per word; a longer word is tried before its prefix,
    as in an alternation sorted longest first (the same matches).

    >>> alternation(["CVPR", "CVPRW", "ICML"])
    '(?:CVPR(?:W)?|ICML)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word
    return _branch(trie)


def _branch(node: dict) -> str:
    parts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


def _text_pattern() -> re.Pattern[str]:
    """Names found inside free text: abbreviations with two capitals or more (``CVPR``, ``NeurIPS``, ``3DV``;
    matched case-sensitively, so "nature" or "science" in a sentence is no venue, unless a year is glued to
    them: ``Neurips 2023``, ``cvpr2024``) and long full names (any case). The names are ASCII (a test says
    so), so the case-insensitive tries are built on lower-case names."""
    abbrs: set[str] = set()
    for v in VENUES:
        if v.generic:
            continue
        for name in (v.abbr, *v.aliases):
            if sum(c.isupper() for c in name) >= 2 and len(name) <= 16 and not name.startswith("IEEE/CVF"):
                abbrs.add(name)
    abbrs.update(("Interspeech", "arXiv", "ArXiv", "Arxiv", "Preprint"))
    full = alternation(sorted({v.title.lower() for v in VENUES if len(v.title.split()) >= 4}))
    names = alternation(sorted(abbrs))
    year = (r"(?:[\s\-_'’]*(?P<y4>(?:19|20)\d{2})(?!\d)(?:[./](?:0?[1-9]|1[0-2])(?!\d))?"
            r"|\s*['’]\s?(?P<y2>\d{2})(?!\d)|\s+(?P<y2b>\d{2})['’]|(?P<y2c>\d{2})(?![\d.,])"
            r"| (?P<y2d>[0-2]\d)(?=\s*(?:[\])}|]|,(?!\s*(?:19|20)\d\d)|$))|-(?P<y2e>[0-2]\d)(?=\s*(?:[\])}|,;:]|$)))?")
    # "CVPR 2023", "arXiv 2023.05", "CVPR'23", "ECCV '24", "Preprint' 23", "CVPR 24'", "ECCV22", "[ICLR 22]" (after a
    # space: 2000-2029 only, before a bracket, a bar, a comma or the end: not "NeurIPS 35, 2022", "ICML 10 pages"),
    # "AAAI-24" (after a hyphen: 2000-2029, before a bracket, a bar, punctuation or the end: not "S&P-20 index")
    any_case = alternation(sorted({a.lower() for a in abbrs if len(re.escape(a)) >= 3}))
    return re.compile(
        rf"(?<![A-Za-z0-9])(?:(?P<abbr>{names})|(?i:(?P<full>{full}))"
        rf"|(?i:(?P<cased>{any_case}))(?=[\s\-_'’]*(?:(?:19|20)\d{{2}}|['’]\d{{2}}|\d{{2}}['’])(?!\d)))"
        rf"(?P<ws>[\s\-]+(?i:workshops?))?{year}"
        rf"(?:(?P<wsname>(?:[\s\-]+[A-Za-z0-9]{{2,12}}){{0,2}}?)(?P<ws2>[\s\-]+(?i:workshops?)))?(?![A-Za-z])"
    )


_TEXT_RE = _text_pattern()
# "neurips" -> "NeurIPS": a name found in another case is written as the table writes it
_CANONICAL = {name.casefold(): name for v in VENUES for name in (v.abbr, *v.aliases)}


@lru_cache(maxsize=1 << 16)
def find_venues(text: str) -> tuple[VenueMention, ...]:
    """Every venue of the table named in ``text``, in order, with the year glued to it when there is one."""
    out = []
    for m in _TEXT_RE.finditer(text):
        name = m.group("abbr") or m.group("full") or _CANONICAL.get(m.group("cased").casefold(), m.group("cased"))
        two = m.group("y2") or m.group("y2b") or m.group("y2c") or m.group("y2d") or m.group("y2e")
        year = int(m.group("y4")) if m.group("y4") else (2000 + int(two) if two else None)
        workshop = bool(m.group("ws") or m.group("ws2"))
        if workshop:  # "CVPR 2023 AI4CC Workshop" -> "CVPR AI4CC Workshop"
            name = " ".join([name, *(m.group("wsname") or "").split(), "Workshop"])
        out.append(VenueMention(name, year, m.start(), m.end(), workshop))
    return tuple(out)


def conference_name(venue: object) -> str | None:
    """The abbreviation of a conference venue (``'ICLR (Oral)'`` -> ``'ICLR'``), None for anything else."""
    if not isinstance(venue, str) or not venue.strip():
        return None
    known, workshop = lookup(venue)
    if known is None or known.type != "conference" or known.generic:
        return None
    return known.abbr + (" Workshop" if workshop else "")
