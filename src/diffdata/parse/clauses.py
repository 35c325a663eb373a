"""What a clause of an entry's text reads as: a title, a post's title, news, a sentence leading into a link."""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.aside import QUALIFIER_RE, only_venue_or_date
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import before_venue
from diffdata.parse.linkshapes import METHOD_MARK_RE
from diffdata.parse.model import Line, Link
from diffdata.parse.names import has_organisation_word, is_name_list, looks_like_names, reads_as_two_phrases
from diffdata.parse.shapes import ENDS_IN_A_PREPOSITION_RE, POST_LABEL_RE
from diffdata.text import YEAR_RE, clean_space
from diffdata.venues import find_venues

NEWS_RE = re.compile(r"\s*[\[(【]\s*(?:news|update[sd]?|(?P<new>new|hot)|note|announcement|todo)\s*!?\s*[\])】]", re.I)
# what a sentence of news says: "[New] We released the code", "[Hot] Our paper is accepted to ..."
# the words that open a sentence, never a title: "We released ...", "Thanks to ...", "See our paper"
SENTENCE_START_RE = re.compile(r"\s*(?:We|Our|I|My|Check|Please|Welcome|Thanks?|See|Visit|Join|Follow|Read|Here|"
                               r"Note)\b")
_NEWS_WORDS_RE = re.compile(rf"^{SENTENCE_START_RE.pattern}|\b(?:is|are|was|were|has|have|had|"
                            r"release[sd]?|accepted|available|added|updated|published|now|will)\b|[.!]\s*$")
# what a list's maintainers say they did: "Add ICLR 2024 papers", "Updated the survey section"
_MAINTENANCE_RE = re.compile(r"^\s*(?:(?:we|i)\s+(?:have\s+)?)?(?:add(?:ed|s)?|update[ds]?|upload(?:ed|s)?|"
                             r"include[ds]?)\s[^:]*\b(?:papers|entries|links|sections|the\s+list)\b[^:]*$", re.I)
# the same in Chinese, Korean and Japanese: "新增 20 篇论文", "整理 CVPR 2024 论文", "논문 추가", "論文を追加"
_CJK_MAINTENANCE_RE = re.compile(r"新增|增加|添加|整理|更新|收录|补充|추가|업데이트|정리|追加|更新しました|まとめ")
_CLAUSE_END_RE = re.compile(r"[.,;]\s+")
_ET_AL_START_RE = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}\s+et\s+al\b")  # "Ruiz et al."
_HANGUL_CJK_RE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")


def is_title_clause(text: str) -> bool:
    """A clause of an entry's first line that can be its title: not news, a label, a venue or a date, a
    sentence leading into a link, or names."""
    if reads_as_news(text):
        return False  # "[News] The updated version is available on [arXiv](..)": news, not a title
    if is_label(text.strip(" :")) or only_venue_or_date(text) or "://" in text:
        return False
    if ENDS_IN_A_PREPOSITION_RE.search(text):
        return False  # "Our survey is released on [arXiv](..)": a sentence leading into a link, not a title
    if is_name_list(text) and not reads_as_two_phrases(text):  # "Hide and Seek" is a title
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and (len(text.split()) >= 2 or any(c.isupper() for c in text[1:]) or letters >= 5)


def reads_as_maintenance(text: str | None, dated: bool = False) -> bool:
    """What a list's maintainers say they did, not a work: ``Add ICLR 2024 papers``, ``We added 9 papers from
    NeurIPS 2023!`` (not ``Add-It: Object Insertion That Works``: no colon, a verb then a space); in a news
    log's dated line (``dated``) ``新增 20 篇视频生成论文``, ``ICLR 2025 논문 추가``, ``採択論文を追加しました``
    too (a title may hold those words: ``基于增量更新的扩散模型``)."""
    return text is not None and (_MAINTENANCE_RE.match(text) is not None or (
        dated and _HANGUL_CJK_RE.search(text) is not None and _CJK_MAINTENANCE_RE.search(text) is not None))


def reads_as_news(text: str) -> bool:
    """A news line: a news tag (``[News]``, ``[Update]``), or a tag of what is new (``[NEW]``, ``[Hot]``) before
    a sentence (``[New] We released the code``); ``[NEW] Foo Fields for Scenes`` tags a work as new."""
    m = NEWS_RE.match(text)
    return bool(m and (not m.group("new") or _NEWS_WORDS_RE.search(text[m.end():])))


# what news of a work says of it: "SiT is accepted by ECCV 2024!", "We release the code"
_ANNOUNCEMENT_RE = re.compile(r"(?i)\b(?:is|are|was|were|has\s+been|have\s+been|gets?|got)\s+(?:now\s+)?"
                              r"(?:accepted|selected|released|published|out)\b|\b(?:we|our)\s+(?:have\s+)?"
                              r"(?:release[sd]?|present(?:ed)?|open[- ]sourced?)\b")


def reads_as_announcement(text: str) -> bool:
    """A sentence of news about a work (``[2024.07.01] 🎉 SiT is accepted by **ECCV 2024**!``), not a title."""
    return _ANNOUNCEMENT_RE.search(text) is not None


def is_post_title(text: str) -> bool:
    """The line before a post's ``label : URL`` lines that can be its title: a few words of Latin script."""
    text = clean_space(text)
    if not text or "://" in text or _HANGUL_CJK_RE.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) / len(letters) < 0.9:
        return False
    return 2 <= len(text.split()) <= 40 and not POST_LABEL_RE.match(text)


def split_trailing_parenthetical(text: str) -> tuple[str, str | None]:
    """``'Title (Lee, 2021)'`` -> ``('Title', 'Lee, 2021')``: a trailing aside holding a digit, apart."""
    m = re.match(r"^(.*\S)\s*\(([^()]*\d[^()]*)\)\s*$", text)
    if m:
        return m.group(1), m.group(2)
    return text, None


def named_continuation(line: Line, end: int) -> str:
    """``**MaskINT**: Video Editing via ...``: a bold name, then a colon and the rest of the title, up to the
    authors (an italic run or a clause of names), a venue, a date, a link, an aside or a line break. Empty when
    the bold run is the whole title."""
    rest = line.text[end:]
    if not re.match(r"\s*(?:[:：]\s+(?:[^\W_a-z]|[\"“'‘(\[])|：(?:[A-Z0-9\"“'‘(\[]))", rest):  # "**标题**：Title"
        return ""  # "**Foo Models**: a method that ...": a description, not the rest of the title
    rest = _up_to_a_break(line, end, rest)
    cut = _title_end(rest)
    return (rest if cut is None else rest[:cut]).rstrip(" ,;")


def bold_part_continuation(line: Line, name: str, end: int) -> str:
    """``**Flow Matching** for Generative Modeling (ICLR 2023)``: the words that go on after a bold run of two
    plain words or more, from a title's small word on, with no separator between, up to the title's end; empty
    when the run is a method's name (``**DDPM** ...``) or what follows is no title's words: names (``by``,
    ``et al.``; never after ``with``: ``with Yang Song``), an organisation, a label, an award, a number, a venue
    (``**Title** in ICML``)."""
    words = name.split()
    if (len(words) < 2 or any(METHOD_MARK_RE.search(w) for w in words) or QUALIFIER_RE.search(name)
            or not _GOES_ON_RE.match(line.text, end)):
        return ""
    rest = _up_to_a_break(line, end, line.text[end:])
    cut = _title_end(rest)
    more = clean_space(before_venue(rest if cut is None else rest[:cut])).rstrip(" ,;.")
    if (not more or len(more.split()) > 12 or not title_cased(f"{name} {more}") or _NOT_TITLE_WORDS_RE.search(more)
            or looks_like_names(more) or has_organisation_word(more) or QUALIFIER_RE.search(more)
            or is_label(more) or ENDS_IN_A_PREPOSITION_RE.search(f" {more}")):
        return ""
    return more


# one space, then a title's small word and a capital: "**Flow Matching** for Generative Modeling"
_GOES_ON_RE = re.compile(r" (?=(?:for|of|via|in|on|and|to|through|without|using)\s+[A-Z])")  # not a tagline:
# "**Consistency Models** Image Generation", "**Title** Distills Diffusion Into One Step" (a capital after a
# whole bold title is as often a description, a tag or a name as the rest of the title)
_NOT_TITLE_WORDS_RE = re.compile(r"(?i)\b(?:by|et al|from|release|available|page|stars?|award|tutorial)\b"
                                 r"|\b\d+(?:\.\d+)?k\b|[^\x00-\u024f]")  # "Stars 5k", "Yang Song 외"


_DASHED_NAME_RE = re.compile(r"\s*[-–—]\s+(?=[^\W_a-z]|[\"“'‘])")


def title_after_name(line: Line, name: str, end: int) -> str:
    """``**DDIM** — Denoising Diffusion Implicit Models. Song, Meng, Ermon. ICLR 2021.``: the title a dash
    puts after a bold method name of a word or two, when authors, a venue or a date follow it; empty otherwise
    (``**DDIM** — A faster sampler`` describes the method)."""
    m = _DASHED_NAME_RE.match(line.text, end)
    if not m or len(name.split()) > 2 or not re.search(r"[A-Z]", name) or re.search(r"[.:：,;]", name):
        return ""
    rest = _up_to_a_break(line, m.end(), line.text[m.end():])
    cut = _title_end(rest)
    if cut is None and _details_at(line, m.end() + len(rest)):
        cut = len(rest)  # "**DDPM** - Denoising Diffusion Probabilistic Models (NeurIPS 2020)", "... — Ho et al."
    title = rest[:cut].rstrip(" ,;.") if cut else ""
    return title if (len(title.split()) >= 3 and is_title_clause(title) and title_cased(title)
                     and not _DESCRIBES_RE.match(title) and not is_name_list(title)  # "— [Vance and Iqbal, ..](..)"
                     and not (len(title.split()) <= 4 and has_organisation_word(title))) else ""  # "Meta AI Research"


# a description's first word: "Adds spatial conditioning to ...", "Uses a ...", not a title's
_DESCRIBES_RE = re.compile(r"(?:Adds|Uses|Makes|Turns|Brings|Generates|Enables|Allows|Provides|Introduces|Proposes|"
                           r"Learns|Extends|Improves|Combines|Trains|Applies|Lets|Gives|Builds|Shows|Achieves|Speeds|"
                           r"Accelerates|Distills|Replaces|Offers|Supports|Takes|Runs|Works)\b")


def title_cased(text: str) -> bool:
    """Most words of four letters or more capitalised, as titles are and descriptions are not; symbols (``x_0``,
    ``q_t-Sampling``) do not count."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3 and not _SYMBOL_RE.match(w)]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_SYMBOL_RE = re.compile(r"[^\W\d_]{1,2}_")  # "x_0", "q_t": a symbol, not a word


def _details_at(line: Line, col: int) -> bool:
    """Whether the line's text from ``col`` goes on with a link, or with a clause (in parentheses, brackets or
    after a dash) of names, a venue or a date."""
    if any(lk.col == col or (lk.col > col and not line.text[col:lk.col].strip(" -–—|:")) for lk in line.links):
        return True
    m = re.match(r"\s*(?:[(\[]([^()\[\]]{1,120})[)\]]|[-–—|]\s+([^-–—|(\[]{1,120}))", line.text[col:])
    clause = (m.group(1) or m.group(2) or "").strip(" .,;") if m else ""
    return bool(clause) and (only_venue_or_date(clause) or is_name_list(clause) or bool(_ET_AL_START_RE.match(clause)))


def _up_to_a_break(line: Line, end: int, rest: str) -> str:
    """``rest`` (the line's text from column ``end``) up to an italic run, a link, an aside, a dash or a
    line break: where a title written in plain text has ended at the latest."""
    stops = [len(rest)] + [c - end for c, _ in line.italic if c > end] + [lk.col - end for lk in line.links
                                                                          if lk.col > end]
    return _BREAK_RE.split(rest[: min(stops)], maxsplit=1)[0]


# a run of spaces is tried from its start only ("(?<!\s)"): one scan per run, not one per space
_BREAK_RE = re.compile(r"(?<!\s)\s*+[\u2028(\[]|(?<!\s)\s++[-–—|]\s+")


def _title_end(rest: str) -> int | None:
    """Where a title in ``rest`` ends because its authors, a venue or a date begin (``Fine Tuning X, Ruiz et
    al., CVPR 2023``), or None when nothing says so."""
    for k, m in enumerate(_CLAUSE_END_RE.finditer(rest)):  # the title ends where its authors, venue or date begin
        if k == 8 or m.start() > 300:
            break  # a title's clauses are few and short: a long line costs no more than its first ones
        tail = rest[m.end():m.end() + 200]
        sentence = re.split(r"\.\s", tail, maxsplit=1)[0].rstrip(" .,;").split(", ")
        while len(sentence) > 1 and only_venue_or_date(sentence[-1]):
            sentence.pop()  # "Ann Lee, Bo Chan, ICCV 2023": the names before the venue
        if only_venue_or_date(", ".join(sentence)) or is_name_list(", ".join(sentence)) or _ET_AL_START_RE.match(tail):
            return m.start()
    return None


def link_continuation(line: Line, link: Link) -> str:
    """``[DreamBooth](arxiv URL): Fine Tuning ...``: the rest of the title after a paper's linked name, as
    :func:`named_continuation` reads it after a bold one; empty for a link to anything but a paper (a
    repository's or a page's name is followed by what it is, not by the rest of a title)."""
    at = line.text.find(link.text, link.col) if link.text and is_paper_url(link.url) else -1
    rest = named_continuation(line, at + len(link.text)) if at >= 0 else ""
    first = re.split(r"\.\s", line.text[at + len(link.text):][:300].lstrip(" :："), maxsplit=1)[0].rstrip(" .")
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", rest) if len(w) > 3]
    if (not words or len(rest) > 300 or 2 * sum(w[0].isupper() for w in words) < len(words) or "et al" in rest
            or is_name_list(first) or reads_as_news(rest) or YEAR_RE.search(rest) or find_venues(rest)
            or has_organisation_word(rest) or 2 * sum(is_label(w) for w in re.split(r",\s*|\s+", rest)) >= len(
                rest.split())):
        # "[LoRA](..): Low-rank adaptation, used widely ...", "[DDPM](..): Ho, Jain, Abbeel. NeurIPS 2020",
        # "[Foo](..): Official PyTorch Implementation", "..: Accepted at ICLR 2023", "..: Google Research"
        return ""
    return rest


# what a sentence of prose says: "We released the code [here](url).", "Our paper is accepted at CVPR 2023 [paper](url)"
_SENTENCE_RE = re.compile(r"(?:^\s*|[.!?]\s+)(?:We|Our|I|My|This|These|Check|See|Please|Welcome|Thanks?|Here|You|It|If|"
                          r"Feel|Accepted|Released|Available|Updated|Added|News)\b|\b(?:please|cite|find|useful|you|our|we)\b")


# a verb that makes a sentence when lowercase words come before it in its clause ("The code is available"), not
# in a title's casing ("Language Models are Few-Shot Learners", "Attention is All You Need")
_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|released?|accepted|available|added|updated|will)\b")


_TITLE_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
                          "to", "via", "vs", "with"})


def is_sentence(said: str) -> bool:
    """``said`` reads as prose: a pronoun or an announcement opens a sentence, or a verb follows lowercase words."""
    if _SENTENCE_RE.search(said):
        return True
    start = 0  # where the sentence of the verb begins: after the last ".", "!" or "?" before it
    for m in _VERB_RE.finditer(said):
        start = max(start, *(said.rfind(c, start, m.start()) + 1 for c in ".!?"))
        clause = said[start: m.start()].split()
        if not clause or any(w[0].islower() and w not in _TITLE_SMALL for w in clause):
            return True
        start = m.end()  # a verb after title-cased words is the title's; the words after it are read anew
    return False
