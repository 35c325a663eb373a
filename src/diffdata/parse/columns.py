"""What a table column holds, from its header."""

from __future__ import annotations

import re

from diffdata.text import clean_space, strip_emoji

# What a table header means: the first matching pattern wins.
_HEADER_MEANINGS = (
    ("authors", re.compile(r"\bauthors?\b", re.I)),
    ("venue_date", re.compile(r"(pub|venue|conf|journal).*(date|year|time)|(date|year|time).*(pub|venue|conf)",
                              re.I)),
    ("year", re.compile(r"^\W*years?\W*$", re.I)),
    ("date", re.compile(r"\b(date|year|time|published date|pub\.?\s*date|release)\b", re.I)),
    ("venue", re.compile(r"\b(venue|conference|conf\.?|journal|pub\.?|publication|published|publisher|"
                         r"accepted|where)\b", re.I)),
    ("note", re.compile(r"\b(notes?|comments?|summary|description|tl;?dr|remarks?|highlights?|task|keywords?|"
                        r"abstract|contribution)\b", re.I)),
    ("links", re.compile(r"\b(code|github|project|website|web\s?site|page|links?|arxiv|pdf|demo|url|repo|"
                         r"star|stars|resources?)\b", re.I)),
    ("title", re.compile(r"\b(title|paper|papers|work|article|publication)\b", re.I)),
    ("name", re.compile(r"\b(name|method|methods|model|models)\b", re.I)),
)


# The same meanings in Chinese, Japanese and Korean headers ("论文", "会议/年份", "タイトル", "会議・年", "저자").
_CJK_MEANINGS = (
    ("authors", re.compile(r"作者|著者|저자")),
    ("venue_date", re.compile(r"(会议|會議|会議|期刊|发表|發表|出处|学会|학회).*(年|日期|时间|時間|日付|연도)")),
    ("date", re.compile(r"^(年份|年|日期|时间|時間|日付|발표일|연도|날짜)$")),
    ("venue", re.compile(r"会议|會議|会議|期刊|发表|發表|出处|学会|학회|저널")),
    ("note", re.compile(r"贡献|貢献|要約|摘要|简介|簡介|说明|説明|备注|備考|要点|笔记|메모|요약|내용|설명")),
    ("links", re.compile(r"代码|代碼|コード|链接|鏈接|リンク|코드|링크")),
    ("title", re.compile(r"论文|論文|标题|標題|题目|題目|タイトル|제목|논문")),
    ("name", re.compile(r"方法|模型|名称|名稱|手法|モデル|모델|방법")),
)


def header_meaning(header: str) -> str:
    """What a table column holds, from its header: ``title``, ``name`` (a method's or model's short name: the
    title only when the row has no title), ``authors``, ``venue``, ``year``, ``date``, ``venue_date`` (a
    combined column such as "Pub. & Date"), ``note``, ``links`` or ``other``."""
    h = clean_space(strip_emoji(header)).lower()
    if not h:
        return "other"
    for meaning, pattern in _CJK_MEANINGS:  # headers in Chinese, Japanese, Korean
        if pattern.search(h):
            return meaning
    if re.fullmatch(r"(paper|papers|title|work|article)s?(\s*(title|name))?|(paper\s*)?title", h):
        return "title"
    if re.fullmatch(r"(name|method|model|approach|project|dataset|benchmark|tool|library|framework|system)s?"
                    r"(\s*name)?", h.strip(" *_")):
        return "name"
    for meaning, pattern in _HEADER_MEANINGS:
        if pattern.search(h):
            return meaning
    return "other"
