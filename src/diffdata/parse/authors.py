"""The authors of an entry: where a list writes them, around its title and its other fields."""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.aside import (
    DATE_LINE_RE,
    cited_surname,
    names_a_venue,
    only_venue_or_date,
)
from diffdata.parse.linetext import after_title, before_venue
from diffdata.parse.linkshapes import link_end, only_links
from diffdata.parse.model import Line, Segment
from diffdata.parse.names import (
    JOURNAL_NAME_WORDS,
    UP,
    has_organisation_word,
    is_name_list,
    is_one_person,
    leading_names,
    looks_like_names,
    names_in_two_scripts,
    people_named,
    split_authors,
)
from diffdata.parse.record import Fields
from diffdata.parse.shapes import AUTHOR_LABELS, DETAIL_SPLIT_RE, LABEL_RE, text_outside_links
from diffdata.parse.titles import CLAUSE_SPLIT_RE, clean_title
from diffdata.text import YEAR_RE, clean_space
from diffdata.venues import find_venues

# words of a journal's name: an italic run holding one is no list of names ("*Chemical Reviews*")
JOURNAL_WORD_RE = re.compile(rf"\b(?:{'|'.join(JOURNAL_NAME_WORDS)}|Cell|JAMA|NEJM|npj|Medicine|Health|Engineering|"
                             r"Reports|Communications|Informatics|Research|Biology|Physics|Chemistry)\b")
_BY_RE = re.compile(rf"(?:^|[\s,(.:;|–—-])by\s+(?P<names>{UP}[^()\[\]|]{{2,300}})", re.S)  # "by Łukasz Ferro" too


def _by_after_link(line: Line, f: Fields) -> None:
    """Names after ``by`` right after a link in running text: its authors."""
    m = _BY_AFTER_RE.match(line.text, link_end(line.links[0]))
    if m:
        names = _BY_END_RE.split(m.group("names"), maxsplit=1)[0]
        if looks_like_names(names) and not has_organisation_word(names):
            f.give("authors", split_authors(names), "'by' names after the link")


_BY_END_RE = re.compile(r"(?<!\s)\s*+[(\[|]|(?<!\s)\s++-\s+|(?<!\b[A-Z])\.(?:\s|$)|(?<!\s)\s++(?:in|at|on)\s+[A-Z]")
_BY_AFTER_RE = re.compile(r"[\s,]*by\s+(?P<names>[A-Z][^()\[\]|]{2,300})")
# where the names on the line under a title end (each run of spaces tried from its start only: linear)
_NAMES_LINE_END_RE = re.compile(r"(?<!\s)\s*[(\[]|(?<!\b[A-Z])\.\s+(?=[A-Z\d]|arXiv)|(?<!\s)\s+[·•|—–-](?:\s+|$)")
# where a line of names ends: a stop, a bracket, a year (a run of spaces tried from its start, never given back)
_NAMES_STOP_RE = re.compile(r"[.(]|[,;]\s*+(?:19|20)\d\d|(?<![\s,;])\s*+(?:19|20)\d\d")
# what marks a line of names ("🔥 Must Read" is no names)
_PEOPLE_EMOJI_RE = re.compile(r"^\s*(?:👥|👤|🧑|👨|👩|✍|🖊|✒)\S*\s*")
_LEADING_ASIDE_RE = re.compile(r"^\s*[(\[（][^()\[\]（）]{1,40}[)\]）]\s*[,;:，；：]\s*")  # "（译名），Lei Ma 等"
_LEAD_EMOJI_RE = re.compile(r"^\s*(?:[👉➡→✍✏🖊👥👤🧑👨👩🎓]\ufe0f?\s*)+")  # "[T](..) 👉 Ann Lee" (not "⭐ Must Read")
_LEAD_BRACKETS_RE = re.compile(r"\s*[\[(（【]([^\[\]()（）【】]{1,40})[\])）】]\s*")
_EMOJI_CUT_RE = re.compile(r"[\u2190-\u2bff\U0001F000-\U0001FAFF]|:[a-z_]{2,30}:")
_LABELS = "|".join(map(re.escape, sorted(AUTHOR_LABELS, key=len, reverse=True)))  # "Authors", "Авторы"...
_AUTHOR_LABEL_RE = re.compile(rf"^\s*(?:{_LABELS})\s*[:：]\s*(?P<names>.+)$", re.I)
# what ends the names after "Authors:" (not the full stop of an initial or a title: "Ricky T. Q. Chen", "И. Иванов",
# "Ann Lee Jr. and Bo Chan")
_NAMES_END_RE = re.compile(r"(?<!\s)\s+(?:[-–—|·•]|/(?=\s+[^\W\d][\w .]{0,20}[:：]))\s+"  # "/ Year:"
                           r"|(?<!\s)\s*\[|(?<!\b[^\W\d_])(?<!\b(?:Jr|Sr|St|Md|Mc|Dr|Mr))\.\s")
_AFFILIATION_RE = re.compile(r"\s*\([^()\d]{2,40}\)(?=\s*(?:[,;&]|and\s|[—–·|]|$))")  # "(MIT)," not "(2023)"
_VENUE_FIRST_RE = re.compile(r"([^·•|—–]{2,40}?)\s+[·•|—–]\s+(?=\S)")  # "NeurIPS 2023 · ", a clause and a separator
_LABELLED_TAIL_RE = re.compile(r";\s*+[a-z][a-z ]{0,30}:.*$|,\s*+(?i:paper|code|project|website|homepage|page|pdf|"
                               r"video|slides|demo|blog|github|arxiv|links?|data(?:set)?|models?|weights)[:：].*$",
                               re.S)  # "; code: ...", "; earlier version: ...", ", Paper: [..](..), Code: ..." (a daily
# arXiv digest's line; not "Holm, Karin, Chan, Bo: ICML 2024")
_PLACE_RE = re.compile(r"\b(?:University|Univ|Institute|College|School|Department|Dept|Cent(?:er|re)|Academy|"
                       r"Laborator(?:y|ies)|Group|MIT|CMU|Stanford|Berkeley|Oxford|Cambridge|ETH|EPFL|Tsinghua|"
                       r"Peking|Inria|DeepMind)\b")  # where a work was made: no author (a team, "Kimi Team", is one)
_PLACE_TAIL_RE = re.compile(r"\s*+(?:\([^()]*\)|[-–—@]\s.*|@.*)$")  # "Ann Lee (MIT)", "Ann Lee - MIT", "@ CMU"
_PAREN_RE = re.compile(r"\s*[(（][^()（）]{0,80}[)）]")
_FIELD_AT_RE = re.compile(rf"\s[|·•/]\s+(?=(?:{_LABELS})\s*[:：])", re.I)  # "... | Authors: A, B": a field mid-line
_AUTHOR_LABEL_AT_RE = re.compile(rf"(?:^|[\s(\[|,;–—\-)），；｜])(?=(?:{_LABELS})\s*[:：])", re.I)


def read_authors(seg: Segment, f: Fields, used: dict[int, str], title_end: int) -> None:
    """The entry's authors, from what says so: an ``Authors:`` label, italic or bold names, ``by`` names, names
    after the title (or after its venue), names linked on the line under it, or that line's names."""
    if seg.layout == "prose" and not f.authors and seg.lines and seg.lines[0].links:  # running text: "by" names
        _by_after_link(seg.lines[0], f)  # right after the link ("[Title](url) by Ann Lee and Bo Chan.")
    if f.authors or seg.layout in ("prose", "table"):  # a table row's authors are in its cells (see _title)
        return
    lines = seg.lines
    for i, ln in enumerate(lines):  # "- **Authors**: A. Moss, B. Kaur", "[Title](..) - Authors: ...": names
        if i == title_end:  # said to be the authors, on a line of their own or after the title
            text = _AUTHOR_LABEL_AT_RE.split(clean_space(after_title(ln, f.title)), maxsplit=1)[-1]
        elif i or title_end < 0:  # a line under the title, or any line of an entry titled from elsewhere
            text = clean_space(text_outside_links(ln))
            if ":" in text and (at := _FIELD_AT_RE.search(text)) and _AUTHOR_LABEL_RE.match(text[at.end():]):
                text = DETAIL_SPLIT_RE.split(text[at.end():], maxsplit=1)[0]  # "Source: arXiv | Authors: A, B | ..."
        else:
            continue
        m = _AUTHOR_LABEL_RE.match(text)
        names = _PAREN_RE.sub("", m.group("names")) if m else ""  # "Ann Lee (MIT)", "(equal contribution)"
        wrapped = (names.rstrip().endswith((",", " and", "&")) and i + 1 < len(lines) and not lines[i + 1].links
                   and lines[i + 1].number == ln.number + 1 and not LABEL_RE.match(lines[i + 1].text)
                   and looks_like_names(going := (names.rstrip(" ,&") + ", " + lines[i + 1].text).strip(" ."),
                                        labelled=True))
        if wrapped:
            names = going  # "Authors: Ann Lee, Bo Chan," / "  Cy Dee": a wrapped line (not "  Venue: ...")
        names = (names if i != title_end else _NAMES_END_RE.split(names, maxsplit=1)[0]).strip(" .")  # after the
        # title, its names end where other fields begin
        if names and looks_like_names(names, labelled=True) and f.give("authors", split_authors(names, pairs=True),
                                                                      "an authors line"):
            if i != title_end:
                used[ln.number] = ""
            if wrapped:
                used[lines[i + 1].number] = ""
            return
    for i, ln in enumerate(lines[: max(title_end, 0) + 3]):
        # italic runs; bold ones after the title only when they list names ("– **A. Bee et al.**", never
        # "(**Cancer Cell**)")
        bold = [(c, t) for c, t in ln.bold if c > 0 and i == title_end and is_name_list(leading_names(t) or "")]
        for _, text in ln.italic + bold:
            if (f.title and clean_title(text) == f.title) or JOURNAL_WORD_RE.search(text):
                continue  # the title, or a journal ("*Chemical Reviews*, 2023")
            lead = leading_names(text)  # "*Ann Lee et al. Arxiv*": the names, then the venue
            names = lead or (i > title_end >= 0 and not ln.other.strip() and not ln.links
                             and len(text) < 400 and not DATE_LINE_RE.match(text)
                             and not YEAR_RE.search(text) and not find_venues(text)  # "*NeurIPS, 2019*"
                             and not names_a_venue(text))
            people = split_authors(lead or text) if names else []
            if people and all(map(_PLACE_RE.search, people)):  # "*Alibaba Group*", "*Stanford University*": where
                # it was made, no authors (a team, "*Kimi Team*", is); "*Ann Lee (MIT)*": a person and her place
                bare = [_PLACE_TAIL_RE.sub("", n) for n in people]
                if not all(bare) or any(map(_PLACE_RE.search, bare)):
                    continue
                people = bare
            if people and f.give("authors", people, "italic text"):
                if not clean_space(ln.other.replace("\\", " ")) and not ln.links:
                    used[ln.number] = ""
                return
    for i, ln in enumerate(lines[: max(title_end, 0) + 2]):
        m = _BY_RE.search(text_outside_links(ln) if i != title_end else after_title(ln, f.title))
        if m:
            names = re.split(r"\s*[(\[|]|\s+-\s+|(?<!\b[A-Z])\.\s|\s+(?:in|at|on)\s+[A-Z]", m.group("names"))[0]
            names = before_venue(names).rstrip(" ,;") or names  # "by Esser et al., ICML 2024"
            if looks_like_names(names) and f.give("authors", split_authors(names), "'by' names"):
                return
    # the clause after the title (or before a quoted one), or the line after it, when it reads as names
    if title_end >= 0 and f.title:
        rest = after_title(lines[title_end], f.title)
        for _col, code in reversed(lines[title_end].code):  # "`Python` `Gradio`" at the end: tags, not names
            if rest.rstrip().endswith(code):
                rest = rest.rstrip()[: -len(code)]
        nxt = lines[title_end + 1] if title_end + 1 < len(lines) else None
        going_on = _NAMES_STOP_RE.split(nxt.text)[0].strip(" ,;") if nxt is not None and not nxt.links else ""
        if (rest.rstrip().endswith((",", " and", "&")) and going_on and is_name_list("Ann Lee, " + going_on)
                and not has_organisation_word(going_on)):  # the names go on there
            rest += " " + nxt.text  # "- [Title](..) - Ann Lee, Bo Chan," / "  Cy Dee. ICLR 2024."
        if (named := f.title.partition(": ")[2]) and rest.lstrip(" :：").startswith(named):
            rest = rest.lstrip(" :：")[len(named):]  # "**FooNet**: 3D Bar Fields": the title goes on past the bold
        whole = text_outside_links(lines[title_end])
        quoted = whole.find(f.title)
        if quoted > 0 and whole[quoted - 1] in "\"“'‘":
            rest = whole[: quoted - 1] + " | " + rest
        named_quote = {t.strip(" :*_") for _, t in lines[title_end].bold[:1] + lines[title_end].italic[:1]} if (
            "title: quoted title after a name" in f.evidence) else set()  # '**Name**: "Title"': the name no author
        clauses = CLAUSE_SPLIT_RE.split(rest)
        for k, clause in enumerate(clauses):
            if (("(" in clause or "（" in clause) and (dual := names_in_two_scripts(clause))
                    and f.give("authors", dual, "names in two scripts after the title")):
                return  # "Title. 马磊 (Lei Ma), 吴静 (Jing Wu). ICML 2023."
            if "," in clause or " and " in clause or "et al" in clause:  # "👉 Ann Lee, Bo Chan" (not "🔥 Must Read")
                clause = _LEAD_EMOJI_RE.sub("", clause)
            clause = _LEADING_ASIDE_RE.sub("", _PEOPLE_EMOJI_RE.sub("", clause))
            if (lead := _LEAD_BRACKETS_RE.match(clause)) and only_venue_or_date(lead[1]):
                clause = clause[lead.end():]  # "[Title](..) [ICLR 2022] Cy Dorn, Di Eng": the venue, then the names
            # "**Title** (2015), Q. Lee et al.":
            # names after the year; "| 👥 Ann Lee, Bo Chan |": after their emoji
            raw = _EMOJI_CUT_RE.split(re.split(r"[(\[（【]", clause)[0])[0]  # "Lee et al. ⭐ 1.2k"
            clause = before_venue(raw)
            if not clause.strip(" .,;:-–—") and (ends := [v.end for v in find_venues(raw)]
                                                 + [m.end() for m in YEAR_RE.finditer(raw)]):
                clause = raw[max(ends):]  # "CVPR 2023, Fan Bao et al.": the names after the venue
            # '"Title", Ann Lee, Bo Chan': the names; "Ann Lee, Bo Chan; code: [GitHub](..)": the names before the label
            c = _LABELLED_TAIL_RE.sub("", clean_space(clause)).strip(" .,;:-–—\"“”«»„")
            if (c and not looks_like_names(c) and (cut := names_before(c)) and is_name_list(c[:cut - 1])
                    and (JOURNAL_WORD_RE.search(c[cut:]) or find_venues(c[cut:]))):  # two names or more
                c = c[:cut - 1]  # "Ilan Price, Nature Machine Intelligence": the names before the journal
            if (c and looks_like_names(c) and len(c.split()) >= 2 and c != f.title and not has_organisation_word(c)
                    and c not in named_quote):
                f.give("authors", split_authors(c), "names after the title")
                return
            if (cited_surname(c) and k + 1 < len(clauses) and c not in named_quote
                    and only_venue_or_date(clauses[k + 1].strip(" .,;"))):  # "Title. Novak. CVPR 2022.": one author
                f.give("authors", [c], "a surname after the title, before its venue")
                return
        linked = [lk for lk in lines[title_end + 1].links if not lk.image] if title_end + 1 < len(lines) else []
        if (linked and only_links(lines[title_end + 1]) and not any(is_paper_url(lk.url) for lk in linked)
                and all(len(lk.text.split()) >= 2 and is_one_person(lk.text) for lk in linked)):  # no 'Blog Post'
            f.give("authors", [clean_space(lk.text) for lk in linked], "names linked on the line after the title")
            return  # "[Ann Lee](homepage), [Bo Chan](homepage)": the authors, each linking a homepage
        after = title_end + 1 + (title_end + 2 < len(lines) and only_links(lines[title_end + 1]))  # past links
        if after < len(lines):
            ln = lines[after]
            text = clean_space(_PEOPLE_EMOJI_RE.sub("", text_outside_links(ln)).replace("\\", " "))  # "👥 Ann Lee"
            if "(" in text and _full_names(_NAMES_LINE_END_RE.split(bare := _AFFILIATION_RE.sub("", text))[0]):
                text = bare  # "Ann Lee (MIT), Bo Chan (NYU) — ICCV 2023": names and their affiliations
            if (m := _VENUE_FIRST_RE.match(text)) and only_venue_or_date(m.group(1)):
                text = text[m.end():]  # "*NeurIPS 2023* · Ann Lee, Bo Chan": the venue, then the names
            cut = _NAMES_LINE_END_RE.split(text, maxsplit=1)[0].strip(" .,;")  # "Ann Lee, Bo Chan — *CVPR 2023*"
            if not is_name_list(cut) and (names := before_venue(cut).rstrip(" ,;")) and cut[len(names):][:1] in ",;" \
                    and only_venue_or_date(cut[len(names):].strip(" ,;")):
                cut = names  # "Ho & Salimans, *NeurIPS 2021* — [arXiv](..)": the names, then their venue
            alone = ((cut == text.strip(" .,;") or only_venue_or_date(text[len(cut):].strip(" .,;")))
                     and not ln.links and 2 <= sum(not w.islower() for w in cut.split()) <= 3)  # "Jun Hao Liew",
            # "Dora Lind. CVPR 2024.", "Rohan de la Cruz" (with links: "Strong Baseline. CVPR 2023. [paper](..)")
            single = cited_surname(cut) and only_venue_or_date(re.sub(r"[\s·•|–—-]+", " ", text[len(cut):]).strip(
                " .,;"))  # "Silva · arXiv 2020 · [arXiv:ID](..)": one author, then the venue
            if (cut and (is_name_list(cut) or (alone and is_one_person(cut)) or single) and f.give(
                    "authors", split_authors(cut), "line after the title")) and cut == text.strip(" .,;"):
                used[ln.number] = ""
            elif not f.authors and (cited := _names_after_a_sentence(text)):
                f.give("authors", split_authors(cited), "names and venue after a sentence on the line after the title")


def _full_names(text: str) -> bool:
    """A list of people's names (:func:`~diffdata.parse.names.people_named`)."""
    return is_name_list(text) and people_named(text)


def _names_after_a_sentence(text: str) -> str | None:
    """``The model that made it work. Ho, Jain, Abbeel, NeurIPS 2020.``: the names of a citation that follows a
    sentence describing the work, when a venue or a date ends it; None otherwise."""
    for m in list(re.finditer(r"(?<=[a-z)])\.\s+(?=[A-Z])", text[:400]))[:3]:
        sentence = re.split(r"(?<!\b[A-Z])\.(?:\s|$)", text[m.end():], maxsplit=1)[0]
        cut = names_before(sentence)
        if cut and is_name_list(sentence[:cut - 1]) and only_venue_or_date(sentence[cut:].strip(" .,;")):
            return sentence[:cut - 1]
    return None


def names_before(clause: str) -> int:
    """Where the text after the names opening ``clause`` starts (0: no names there): at the last comma before
    which the clause reads as names ("Ilan Price, Bo Li, Medical Image Analysis 2023")."""
    at = [m.start() for m in re.finditer(",", clause[:300])]
    return next((i + 1 for i in reversed(at) if is_name_list(clause[:i]) or is_one_person(clause[:i])), 0)
