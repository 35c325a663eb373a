"""Shapes of markdown lines: what a line or a paragraph looks like (a title line, a label line, a sub-item that
describes an entry, a line naming a work), and identifiers written as text. Segmentation decides entries from
these; the shapes of a line's links are in ``linkshapes.py``.
"""

from __future__ import annotations

import re

from diffdata.identifiers import is_paper_url
from diffdata.parse.aside import cited_surname, only_venue_or_date, without_locators
from diffdata.parse.labels import SITE_NAMES, is_label
from diffdata.parse.linetext import before_venue, cut_links, text_outside_links
from diffdata.parse.linkshapes import METHOD_MARK_RE, labels_by_company, only_links
from diffdata.parse.model import Line
from diffdata.parse.names import (
    has_organisation_word,
    is_name_list,
    is_one_person,
    looks_like_names,
    reads_as_two_phrases,
)
from diffdata.text import clean_space, strip_emoji

POST_LABEL_RE = re.compile(
    r"^\s*(?P<label>paper|논문|arxiv|code|코드|github|git|project(?:\s*page)?|프로젝트|demo|데모|blog|video|"
    r"website|page|homepage|slides?|poster|dataset|model|hugging\s*face|link|url|"
    r"论文(?:地址|链接)?|代码(?:地址|链接)?|项目(?:主页|地址)?|原文(?:地址|链接)?|論文|コード|プロジェクト|"
    r"链接|連結|リンク|링크|enlaces?|liens?|ссылк[аи])"
    r"\s*[:：]\s*(?P<rest>\S.*)$",
    re.I,
)
# A link text that is a paper's identifier, not its title: "[arXiv:2401.00001](url)".
IDENTIFIER_TEXT_RE = re.compile(r"(?i:arxiv\s*+[:：]?\s*+|doi\s*+[:：]?\s*+)?"
                                r"(?:\d{4}\.\d{4,5}(?:v\d+)?|10\.\d{4,9}/\S+)")
# Identifiers written as text rather than links: "arXiv:2301.00001", "CoRR abs/2301.00001" (dblp), "doi: 10.1000/xyz".
# ... and a new-style arXiv id alone in brackets or opening an item: "[2305.00001] Title", "2305.00001 Title"
TEXT_ARXIV_RE = re.compile(r"(?:\barxiv(?:\.org/(?:abs|pdf)/|\s*+[:：]?\s*+)|\bcorr\s++abs/)(\d{4}\.\d{4,5})(?:v\d+)?\b"
                           r"|(?:[\[(【]\s*+(?:arxiv\s*+[:：]?\s*+)?|^\s*+)(\d\d(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?"
                           r"(?:\s*[\])】]|(?=\s)|$)", re.I)
TEXT_DOI_RE = re.compile(r"\bdoi\s*+[:：]\s*+(10\.\d{4,9}/[^\s\])>,;]+)", re.I)
LEAD_RE = re.compile(r"^\s*(?:\d+[.)]|[-*+•])?\s*")


def text_before(line: Line, col: int) -> str:
    return LEAD_RE.sub("", strip_emoji(line.text[:col]).replace("\\", " ")).strip()


# a publication's number on a CV or a lab's page: "[C14]" (a conference paper), "[J3]", "[P2]", "[12]", "(5)"
CV_NUMBER_RE = re.compile(r"^\s*(?:\[[A-Z]{0,3}\d{1,4}\]|\(\d{1,4}\))\s+")


def is_title_line(line: Line) -> bool:
    """A line that is all bold (markers such as :zap: or a rating aside, a publication's number before it)."""
    if not line.strong.strip() or line.links:
        return False
    rest = CV_NUMBER_RE.sub("", strip_emoji(line.other).replace("\\", " "))  # "[C14] **Title**"
    rest = re.sub(r"[A-Za-z]{1,8}\s*=\s*\S{1,6}", " ", rest)
    return not rest.strip() and not line.em.strip()


def is_bold_then_links(line: Line) -> bool:
    """``**Title** [[Paper](url)] [[Code](url)]``: a bold title, then links, with at most a short aside between."""
    if not line.links or not line.bold:
        return False
    col, title = line.bold[0]
    if text_before(line, col) or title.strip().endswith(":"):
        return False  # `**Note:** see [here](..)` is a label, not a title
    between = line.text[col + len(title): line.links[0].col]
    if "\u2028" in between:
        return True  # "**Title**<br>*Authors*<br>Venue. [[Paper](..)]": parts of one entry on one line
    aside = clean_space(between.replace("\\", " ")).strip(" -–—:|[]()")
    return len(aside) <= 60 and not aside.endswith((".", "!", "?"))


LABEL_RE = re.compile(r"^\s*([^\W\d][\w .&/+-]{0,23}?)(?:(?<=[^\W_])[(（][^()（）\n]{1,30}[)）])?\s*[:：](?!//)\s*\S")
# "Paper: url", "Paper(CVPR 2022): url" (an aside glued to the label; not "Prompt-to-Prompt (ICLR 2023): text"),
# not "https://"
_TLDR_RE = re.compile(r"\W*tl;\s?dr\W*[:：]", re.I)  # "TL;DR: ...", "**TL;DR:** ...": what the work says
# Labels that say what follows is the entry's title ("- Paper: [Title](url)")
TITLE_LABELS = frozenset({"paper", "title", "paper title", "论文", "論文", "논문", "题目", "标题", "제목", "论文标题",
                          "論文題目", "題目", "標題", "论文题目", "论文名称", "論文タイトル", "タイトル", "논문 제목",
                          "titolo", "título", "titulo", "titre", "titel", "название", "başlık", "tiêu đề"})
# Labels of a line of an entry's authors ("Authors: Ann Lee, Bo Chan", "Авторы: ...", "Tác giả: ...")
AUTHOR_LABELS = frozenset({"authors", "author", "author(s)", "written by", "作者", "著者", "저자", "autores", "autor",
                           "auteurs", "auteur", "autori", "autoren", "авторы", "автор", "tác giả", "yazarlar"})
# Labels of a field in other languages: paper, venue, journal, published in, year, code
_PLACE_FIRST_RE = re.compile(r"(?:University|Institute|Academy|School|College|Laborator\w+|Department|Cent(?:er|re))"
                             r"\s+(?:of|for)\s")
_PAPER_LABELS_ABROAD = frozenset({"bài báo", "artigo", "статья", "artículo", "articulo", "article", "papier"})
# a year's labels ("Year: 2023", "Anno: 2023", "年份：2023") and a venue's, in English and other languages
YEAR_LABELS = frozenset({"year", "yr", "năm", "год", "año", "ano", "année", "anno", "jahr", "jaar", "rok", "yıl",
                         "年份", "年度", "年", "연도", "년도"})
VENUE_LABELS = frozenset({"venue", "conference", "journal", "sede", "conferencia", "conferência", "conférence",
                          "konferenz", "tagung", "conferenza", "rivista", "revue", "hội nghị", "hội nghị/tạp chí",
                          "tạp chí", "конференция", "журнал", "revista", "会议", "會議", "会議", "学会", "期刊", "发表",
                          "発表", "발표", "학회", "publicado en", "publicado em", "publié dans", "veröffentlicht in"})
FIELD_LABELS_ABROAD = _PAPER_LABELS_ABROAD | YEAR_LABELS | VENUE_LABELS | frozenset({
                                 "código", "codigo", "код", "mã nguồn", "コード", "코드", "代码", "代碼", "源码",
                                 "链接", "連結", "リンク", "링크", "enlace", "enlaces", "lien", "liens", "ссылка",
                                 "ссылки", "collegamento", "link"})
# Labels of a sub-item that describes the entry above it (``- Paper: [Title](url)``, ``- Publisher: ICLR``).
METADATA_LABELS = frozenset({
    "paper", "papers", "arxiv", "code", "github", "git", "project", "project page", "demo", "blog", "video",
    "website", "page", "homepage", "slides", "slide", "poster", "dataset", "model", "models", "hugging face",
    "huggingface", "publisher", "venue", "conference", "journal", "published", "publication",
    "pub", "note", "notes", "abstract", "tl;dr", "tldr", "keywords", "tags", "tag", "affiliation", "institution",
    "date", "year", "summary", "status", "accepted", "citation", "cite", "bibtex", "pdf", "link", "links",
    "title", "description", "highlights", "method", "task", "topic", "results", "benchmark", "organization",
    "论文", "論文", "代码", "项目", "題目", "题目", "논문", "코드", "프로젝트", "论文地址", "论文链接", "论文下载链接",
    "代码地址", "代码链接", "github地址", "项目主页", "项目地址", "主页", "解读", "链接", "下载", "论文下载",
    "url", "doi", "item type", "proceedings title", "publication title", "date published", "date added", "pages",
    "volume", "issue", "発表", "リンク", "발표", "링크", "会议", "发表", "年份", "source", "rating",
}) | AUTHOR_LABELS | FIELD_LABELS_ABROAD


_TASK_BOX_RE = re.compile(r"^\s*\[[ xX]?\]\s*$")  # a task list's box: "- [ ] [Title](url)"


def labels_its_title(line: Line, col: int) -> bool:
    """``Paper: [Title](url)``, ``Paper | [Title](url)``, ``【论文】[Title](url)``: a label saying that the link at
    ``col`` is the entry's title (``Paper [Title](url)`` is no such label)."""
    before = text_before(line, col).strip(" *_")
    marked = before[-1:] in (":", "：", "-", "–", "—", "|") or (before[:1] in "([【" and before[-1:] in ")]】")
    return marked and before.strip(" *_:：-–—|()[]【】").lower() in TITLE_LABELS


def titled_by_label(line: Line) -> bool:
    """``Paper: Scalable Diffusion Models with Transformers``, ``Title: ...``: a title after a title's label, no
    link on the line (its links and fields stand on the lines or items after it)."""
    label = LABEL_RE.match(line.text)
    return (not line.links and label is not None and label.group(1).strip(" *_").lower() in TITLE_LABELS
            and len(line.text[label.end() - 1:].split()) >= 2)


def is_metadata(line: Line) -> bool:
    """A sub-item's first line that describes the entry above rather than naming another work: a line of
    links or badges, ``Label: value`` (``Publisher: ICLR 2024``, ``Code: [official](url)``; not ``Artigo: [Title
    B](url)``, a titled link under a paper's label in another language), names, an institution after an emoji
    (``🏛️ Stanford University``), or only a venue or a date."""
    lead = next((lk for lk in line.links if not lk.image), None)
    if lead is not None and not _TASK_BOX_RE.sub("", text_before(line, lead.col)) and not is_label(lead.text):
        return False  # "- [Its code](url)", "- [ ] [Its code](url)": a work of its own
    text = line.text.strip()
    bare = strip_emoji(text).strip() if text[:1] and not text[:1].isascii() else text  # "👥 Ann Lee", "🏛️ ICLR 2024"
    if _TLDR_RE.match(text) and lead is None:
        return True  # "- TL;DR: ... (compared with LDM, CVPR 2022)": the entry's note
    label = LABEL_RE.match(text)
    named = label.group(1).strip().lower() if label else ""
    if label and (named not in METADATA_LABELS or (named in _PAPER_LABELS_ABROAD and not all(
            is_label(lk.text) for lk in line.links if not lk.image))) and any(
            is_paper_url(lk.url) for lk in line.links if not lk.image):
        return False  # "- AGAN: Title A (NIPS 2017) : [arxiv](url)", "- Artigo: [Title B](url)": a work of its own
    after_emoji = bare[:1] != text[:1]
    institution = after_emoji and 0 < len(bare.split()) <= 6 and (has_organisation_word(bare.split()[-1]) or bool(
        _PLACE_FIRST_RE.match(bare)))  # "🏛️ Stanford University", "🏛️ Institute for AI" (not "⭐ Group Equivariant Nets")
    return (only_links(line) or bool(label) or (not line.links and not line.strong.strip() and (looks_like_names(bare)
                                                                                               or institution))
            or (not line.links and _venue_and_date(bare)) or _names_then_venue(line)
            or (all(lk.image or is_label(lk.text) for lk in line.links)  # "[Paper](url) (ICCV 2023)"
                and only_venue_or_date(text_outside_links(line).strip(" ()[]|,;·-–—\u2028"))))


DETAIL_SPLIT_RE = re.compile(r"\s[·•|]\s")  # "Ann Lee · ICML 2023 | 2023-05": fields side by side
# a short label ending in a colon: "A blog post:", "Paper:", "**Also see:**" (markers cut), at most four words
LEAD_LABEL_RE = re.compile(r"\s*+[^\W\d][\w'’-]*+(?:\s++[\w'’-]++){0,3}\s*+[:：]\s*+")


def _venue_and_date(text: str) -> bool:
    """Only a venue or a date, or both apart (``arXiv · Oct 2023``, ``ICLR 2023 (Spotlight) | Sep 2022``)."""
    return only_venue_or_date(text) or (("·" in text or "•" in text or "|" in text) and all(
        only_venue_or_date(p.strip()) for p in DETAIL_SPLIT_RE.split(text) if p.strip()))


def names_venue_and_paper(line: Line) -> bool:
    """``Lee et al. · ICML 2023 · [arXiv:2301.00003](..)``: names, a venue or a date, and label links, a paper's
    among them: the details of an item that names a work without linking it (``- Title`` over this sub-item)."""
    return _names_then_venue(line, paper=True)


def _names_then_venue(line: Line, paper: bool = False) -> bool:
    """``Ann Lee, Bo Chan. NeurIPS 2024.`` (label links after it too): the entry's names, then its venue or date;
    with ``paper``, a paper's label link may be among them."""
    if any(not (lk.image or is_label(lk.text) or IDENTIFIER_TEXT_RE.fullmatch(lk.text.strip()))
           or (not paper and not lk.image and is_paper_url(lk.url)) for lk in line.links) or line.strong.strip():
        return False  # a sub-item with a paper link of its own is a work of its own
    text = clean_space(text_outside_links(line)).strip(" .,;[]()·|–—-")
    if (m := _NAMES_END_RE.search(text)) is not None and _names_and_venue(text[:m.start()], text[m.end():], paper):
        return True
    names = before_venue(text).rstrip(" ,;")  # "Ann Lee, Bo Chan, EMNLP 2024": the names, a comma, the venue
    return bool(names) and names != text and text[len(names):].lstrip()[:1] in ",;" and _names_and_venue(
        names, without_locators(text[len(names):]), paper)  # "Ann Lee; Proceedings of ... (ICCV), 2023, pp. 1-9"


def _names_and_venue(names: str, rest: str, paper: bool) -> bool:
    rest = rest.strip(" .,;[]()·|–—-")
    return bool(rest) and (is_name_list(names) or is_one_person(names) or (paper and cited_surname(names))) and (
        not reads_as_two_phrases(names)) and _venue_and_date(rest)  # "Nora Blum — ICML 2023": one author; "Silva ·
    # arXiv 2020 · [arXiv:ID](..)" under its title: a paper's one surname


# where names end before their venue: "Ann Lee, Bo Chan. NeurIPS 2024", "Ann Lee — ICLR 2023", "Lee et al. · ICML"
_NAMES_END_RE = re.compile(r"(?<!\b[A-Z])\.\s+|\s+[—–·•|]\s+|\s-\s")


def describes_entry(lines: list[Line]) -> bool:
    """A sub-item that describes the entry above (:func:`is_metadata`), unless it names a work of its own
    and links a paper (``- FooNet: A Model (Smith, 2019).`` with ``[[paper](url)]`` on its next line)."""
    label = LABEL_RE.match(lines[0].text.strip())
    if label and label.group(1).strip().lower() not in METADATA_LABELS and any(
            is_paper_url(lk.url) for ln in lines for lk in ln.links if not lk.image):
        return False
    return is_metadata(lines[0])


def opens_with_names(line: Line, venue_after: bool = False) -> bool:
    """A line whose first clause is a list of names (``Lee, Chan · 2021 · ...``, ``A. Lee and B. Chan. ...``); with
    ``venue_after``, also names and then their venue after a comma (``Ho & Salimans, NeurIPS 2021 — ...``), which
    may as well be a title and names (``Qux Sampling, Cy Dee, NeurIPS 2022``)."""
    text = strip_emoji(text_outside_links(line)).strip()  # "👤 Ann Lee, Bo Chan | 🏛️ ICML 2024"
    first = re.split(r"(?<!\s)\s+[·•|–—-](?:\s+|$)|(?<!\b[A-Z])\.\s+(?=[A-Z])|(?<!\s)\s*[(\[]", text)[0]
    if is_name_list(first):
        return True
    if not venue_after:
        return False
    names = before_venue(first).rstrip(" ,;")  # "Ho & Salimans, NeurIPS 2021 — [arXiv](..)": names, then the venue
    return bool(names) and len(names) < len(first.rstrip(" ,;")) and first[len(names):].lstrip()[:1] in ",;" and (
        is_name_list(names))


def opens_with_bold_title(line: Line) -> bool:
    """A line that opens with a bold title of two words or more (``**Reti-Diff: Illumination ...**<br>*A, B*``),
    not a bold label (``**Note:**``)."""
    if not line.bold:
        return False
    col, text = line.bold[0]
    return not text_before(line, col) and len(text.split()) >= 2 and not text.strip().endswith((":", "："))


def cites_in_passing(line: Line, j: int) -> bool:
    """Link ``j`` of an entry's first line names another work in its description: a titled link with a
    sentence before it (``- [Main](url) - A method that builds on [LDM](url) for video``)."""
    lk, prev = line.links[j], line.links[j - 1]
    if lk.image or is_label(lk.text) or only_venue_or_date(lk.text):
        return False
    between = line.text[prev.col + len(prev.url if prev.bare else prev.text): lk.col]
    return len(re.findall(r"[^\W\d_]{2,}", between)) >= 3


def is_list_label(lines: list[Line]) -> bool:
    """A list item that only names a group of the items under it: ``* 2019:``, ``- CVPR 2023``,
    ``- Image editing:`` (one short line, no link, a colon or nothing but a venue or a year)."""
    if len(lines) != 1 or lines[0].links:
        return False
    text = clean_space(lines[0].text)
    if re.fullmatch(r"[^()]+\([^()]*(?:19|20)\d\d[^()]*\)", text):
        return False  # "- **Tree2seq (GraphWorkshop 2017)**": a name with its aside, a work's title
    return 0 < len(text.split()) <= 6 and (text.endswith((":", "：")) or only_venue_or_date(text))


def is_label_line(line: Line) -> bool:
    """``paper : URL``, ``code: URL``: a line of a free-text post (a homepage or page label alone names a
    person or site, not a work)."""
    m = POST_LABEL_RE.match(line.text.strip())
    return bool(m and line.links and m.group("label").lower() not in ("homepage", "page", "website"))


def is_link_then_details(lines: list[Line]) -> bool:
    """``[Title](url)`` / ``*Ann Lee, Bo Chan*`` / ``**[CVPR 2019]**``: a paragraph opening with a titled link,
    then only lines of names, a venue or a date, each all italic or bold or read as such."""
    lead = next((lk for lk in lines[0].links if not lk.image), None)
    if len(lines) < 2 or lead is None or text_before(lines[0], lead.col) or is_label(lead.text):
        return False
    return all(not any(not lk.image for lk in ln.links) and (
        is_metadata(ln) or not clean_space(ln.other.replace("\\", " ")).strip(" ()[]`|.,;")) for ln in lines[1:])


def is_titled_links(lines: list[Line]) -> bool:
    """A paragraph whose first line names a work in plain words and whose next lines are only its links or
    badges (``Title of the paper`` / ``[[paper](..)] [[code](..)]``), maybe after a line of names and a venue
    (``Title`` / ``Jane Doe, John Roe. ICLR 2020.`` / ``[[paper](..)]``)."""
    first = lines[0]
    words = len(first.text.split())
    if len(lines) < 2 or first.links or not 2 <= words <= 40 or first.text.rstrip().endswith((":", "：")):
        return False
    if only_links(lines[1]):
        return True
    second = clean_space(lines[1].text)
    return (len(lines) > 2 and only_links(lines[2]) and not lines[1].links and len(second.split()) <= 40
            and (opens_with_names(lines[1]) or (2 <= len(second.split()) <= 3 and looks_like_names(second))))


def names_a_work(line: Line) -> bool:
    """A list item's first line that names something before or around its links (``Title. Authors. [pdf]``,
    ``Author, "Title", CVPR 2022 [paper]``, ``[[CVPR 2021](url)] Title``): text of two words or more outside
    its links, and links that are labels, badges or asides (a venue, a date) rather than other works' titles."""
    company = labels_by_company(line)
    titled = [lk for j, lk in enumerate(line.links) if not lk.image and not is_label(lk.text) and j not in company
              and not (lk.col and strip_emoji(lk.text).strip(" []()").lower() in SITE_NAMES  # "Title [Medium](..)",
                       and not _goes_on(line.text[:lk.col]))  # not "Join us on [Discord](..) and [Slack](..)"
              and not only_venue_or_date(lk.text) and not IDENTIFIER_TEXT_RE.fullmatch(lk.text.strip(" []()"))
              and (is_paper_url(lk.url) or not looks_like_names(lk.text))]  # "[Ann Lee](homepage)": an author
    if len(titled) > 1:
        return False  # "see [DDPM](..) and [DDIM](..)": links to several works, read as prose
    outside = cut_links(line, [lk for lk in line.links if not lk.bare])
    words = re.findall(r"[^\W\d_]{2,}", outside)
    if titled or len(words) >= 2:
        return len(words) >= 2 and (not titled or len(titled[0].text.split()) >= 3)
    named = [w for w in outside.split() if re.search(r"[^\W_]", w)]  # "DreamBooth [[paper](..)]": a method's name
    w = named[0] if len(named) == 1 else ""
    return (0 < len(w) <= 40 and any(lk.url for lk in line.links) and bool(_WORD_RE.fullmatch(w))
            and bool(METHOD_MARK_RE.search(w)) and w.strip(":：").lower() not in _NOT_A_NAME)


# a text that runs on into what follows it ("... for", "Join us on"): a sentence, not a title before its links
ENDS_IN_A_PREPOSITION_RE = re.compile(r"\s(?:on|in|at|to|from|via|by|with|of|the|for)$", re.I)


def _goes_on(text: str) -> bool:
    """A text that runs on into the link after it: ``Join us on``, ``... [Threads](..) and``."""
    bare = " " + text.rstrip(" [(")
    return bool(ENDS_IN_A_PREPOSITION_RE.search(bare) or re.search(r"\s(?:and|or)$", bare, re.I))


# one word naming a method: a capital inside it, two capitals, or a digit (DreamBooth, DDPM, Pix2Pix, SD-XL); not a
# tag, a site, a tool or a firm (OpenAI, PyTorch, GitHub)
_WORD_RE = re.compile(r"[^\W\d_][\w\-.+]*[:：]?")
_NOT_A_NAME = frozenset({"new", "hot", "todo", "tbd", "wip", "note", "update", "updated", "faq", "readme", "pdf",
                         "openai", "huggingface", "pytorch", "github", "gitlab", "youtube", "tensorflow", "deepmind",
                         "colab", "kaggle", "wandb", "jax", "keras", "medium", "reddit", "twitter", "linkedin",
                         "discord", "notion", "zhihu", "bilibili", "arxiv", "paperswithcode", "modelscope", "nvidia"})


