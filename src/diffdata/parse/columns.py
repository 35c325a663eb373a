"""What a table column holds, from its header; a two-column table that is one work's fields, read as one row."""

from __future__ import annotations

import re
from functools import lru_cache

from diffdata.parse.model import Block, Line
from diffdata.parse.shapes import cut_links
from diffdata.text import clean_space, strip_emoji


class _Both:
    """Two patterns that must both be found (in any order): one linear search each, where ``a.*b|b.*a`` would
    scan the rest of the text from every match of ``a``."""

    def __init__(self, a: re.Pattern[str], b: re.Pattern[str]) -> None:
        self.a, self.b = a, b

    def search(self, text: str) -> bool:
        return bool(self.a.search(text) and self.b.search(text))


# What a table header means: the first matching pattern wins (a header is lower-cased first).
_HEADER_MEANINGS = (
    ("authors", re.compile(r"\bauthors?\b|^\W*by\W*$", re.I)),
    # who presents a paper at a reading group's meeting: no author of it, and the row's date is the meeting's
    ("presenters", re.compile(r"\b(?:presenters?|presented\s+by|discussants?|discussion\s+leads?)\b", re.I)),
    ("speakers", re.compile(r"\b(?:speakers?|lecturers?)\b", re.I)),  # a talk's authors, not a paper's presenter
    # when the list's keeper added, read or edited the entry (a Notion or ReadCube export's columns): never the
    # work's date ("| Created |", "| Date added |", "| Last edited time |", "| Read on |", "| Accessed |")
    ("list_date", re.compile(r"^\W*(?:date\s+)?(?:added|created|(?:last\s+)?(?:edited|modified)|accessed|read"
                             r"(?:\s+on)?)(?:\s+(?:on|at|time|date))?\W*$", re.I)),
    ("venue_date", _Both(re.compile(r"pub|venue|conf|journal|konf|revu|revis|veröff"),
                         re.compile(r"date|year|time|\b(?:année|año|ano|anno|jahr|fecha|datum)\b"))),
    ("year", re.compile(r"^\W*years?\W*$", re.I)),
    ("date", re.compile(r"\b(date|year|time|published date|pub\.?\s*date|release)\b", re.I)),
    ("venue", re.compile(r"\b(venue|conference|conf\.?|journal|pub\.?|publication|published|publisher|"
                         r"accepted|where|event)\b", re.I)),
    # a number about the work, never its year ("| Citations |" of 2021 is a count; "| Citation |" cites it)
    ("count", re.compile(r"^\W*(?:(?:google\s+scholar|semantic\s+scholar|gs|number\s+of|no\.?\s+of|#\s*of|#)\s*)?"
                         r"(?:citations?\s*count|citations|cit\.?|cited\s*by|cites|downloads|likes|upvotes|votes"
                         r"|h-?index)\s*(?:\([^()]*\))?\W*$", re.I)),
    # a course's or a reading group's readings of a session, beside its topic: each paper in it is a work
    # ("Readings", "Optional reading", "Further reading"; not "Optional", "Required GPU", "Suggested Papers")
    ("readings", re.compile(r"^\W*(?:(?:required|optional|suggested|recommended|further|additional|supplementary|"
                            r"background)\s+)?(?:readings?|pre-?reads?|reading\s+list)\W*$", re.I)),
    ("note", re.compile(r"\b(notes?|comments?|summary|description|tl;?dr|remarks?|highlights?|task|keywords?|"
                        r"abstract|contribution)\b", re.I)),
    ("links", re.compile(r"\b(code|github|project|website|web\s?site|page|links?|arxiv|pdf|demo|url|"
                         r"repo(?:s|sitory|sitories)?|"
                         r"star|stars|resources?)\b", re.I)),
    ("title", re.compile(r"\b(title|paper|papers|work|article|publication|talks?|lectures?)\b", re.I)),
    ("name", re.compile(r"\b(name|method|methods|model|models)\b", re.I)),
)


# The same meanings in Chinese, Japanese and Korean headers ("论文", "会议/年份", "タイトル", "会議・年", "저자").
_CJK_MEANINGS = (
    ("authors", re.compile(r"作者|著者|저자")),
    ("venue_date", _Both(re.compile(r"会议|會議|会議|期刊|发表|發表|出处|学会|학회"),
                         re.compile(r"年|日期|时间|時間|日付|연도"))),
    ("date", re.compile(r"^(年份|年|日期|时间|時間|日付|발표일|연도|날짜)$")),
    ("venue", re.compile(r"会议|會議|会議|期刊|发表|發表|出处|学会|학회|저널")),
    ("note", re.compile(r"贡献|貢献|要約|摘要|简介|簡介|说明|説明|备注|備考|要点|笔记|메모|요약|내용|설명")),
    ("links", re.compile(r"代码|代碼|コード|链接|鏈接|リンク|코드|링크")),
    ("title", re.compile(r"论文|論文|标题|標題|题目|題目|タイトル|제목|논문")),
    ("name", re.compile(r"方法|模型|名称|名稱|手法|モデル|모델|방법")),
)


# The same in French, Spanish, Portuguese, Italian, German and Russian headers ("Titre", "Autores", "Año",
# "Konferenz", "Ссылка"); "data" (a date in Portuguese and Italian) is left out: in English it names a dataset.
_EUROPEAN_MEANINGS = (
    ("authors", re.compile(r"\b(?:auteurs?|autor(?:es|en)?|autori|autore|автор[ыа]?)\b")),
    ("year", re.compile(r"^\W*(?:année|año|ano|anno|jahr|год)\W*$")),
    ("date", re.compile(r"\b(?:fecha|datum|дата)\b")),
    ("venue", re.compile(r"\b(?:conférence|conferencia|conferência|conferenza|konferenz|revue|revista|rivista|"
                         r"zeitschrift|publicación|publicação|pubblicazione|veröffentlichung|конференция|журнал)\b")),
    ("note", re.compile(r"\b(?:résumé|resumen|resumo|riassunto|zusammenfassung|описание|аннотация)\b")),
    ("links", re.compile(r"\b(?:liens?|enlaces?|ligação|collegamento|ссылк[аи]|код)\b")),
    ("title", re.compile(r"\b(?:titre|título|titulo|titolo|titel|artículo|artigo|articolo|artikel|название|статья)\b")),
    ("name", re.compile(r"\b(?:méthode|método|metodo|methode|modèle|modelo|modello|modell|метод|модель)\b")),
)


@lru_cache(maxsize=1024)
def header_meaning(header: str) -> str:
    """What a table column holds, from its header: ``title``, ``name`` (a method's or model's short name: the
    title only when the row has no title), ``authors``, ``speakers``, ``presenters``, ``venue``, ``year``,
    ``date``, ``venue_date`` (a combined column such as "Pub. & Date"), ``count`` (citations, downloads: never read),
    ``list_date`` (when the list's keeper added, read or edited the entry: never read),
    ``readings`` (a schedule's papers to read), ``note``, ``links`` or ``other``."""
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
    for meaning, pattern in _HEADER_MEANINGS + _EUROPEAN_MEANINGS:
        if pattern.search(h):
            return meaning
    return "other"


def key_value_rows(all_blocks: list[Block], i: int) -> list[int]:
    """The rows of the table opening at block ``i`` when it is one work written down the page: two columns,
    the first naming its fields (``| **Title** | ... |``, ``| **Authors** | ... |``, ``| **arXiv** | [id](url) |``)
    with a title among them and nothing but fields. Empty otherwise."""
    first = all_blocks[i]
    if first.type != "row" or len(first.header) != 2 or len(first.cells) != 2:
        return []
    prev = all_blocks[i - 1] if i else None
    if prev is not None and prev.type == "row" and prev.header == first.header and prev.end + 1 == first.start:
        return []  # not the table's first row
    rows, end = [], first.start - 1
    for j in range(i, len(all_blocks)):
        b = all_blocks[j]
        if b.type != "row" or b.header != first.header or b.start != end + 1 or len(b.cells) != 2:
            break
        rows.append(j)
        end = b.end
    labels = [_field_name(all_blocks[j]) for j in rows]
    meanings = ["links" if _only_links(all_blocks[j].cells[1]) else header_meaning(label)  # "| **Paper** | [link] |"
                for j, label in zip(rows, labels, strict=True)]
    fields = {"authors", "venue", "year", "date", "venue_date", "links"}
    field_like = all(len(label.split()) <= 3 and not any(ln.links for ln in all_blocks[j].cells[0])
                     for j, label in zip(rows, labels, strict=True))
    titled = meanings.count("title") == 1 or (not meanings.count("title") and _titles_a_table(prev))
    if (not field_like or not titled or len(fields.intersection(meanings)) < 2
            or 3 * meanings.count("other") > len(rows)):
        return []
    return rows


def _field_name(row: Block) -> str:
    """The field a key-value row names in its first cell: ``| **Authors** | ... |`` -> ``Authors``."""
    return clean_space(" ".join(ln.text for ln in row.cells[0])).strip(" *_:")


def _only_links(cell: list[Line]) -> bool:
    return any(ln.links for ln in cell) and not any(
        re.sub(r"[\s\[\]()|,;·/]+", "", cut_links(ln, ln.links)) for ln in cell)


def _titles_a_table(block: Block | None) -> bool:
    """A heading of three words or more right above a table of one work's fields: the work's title."""
    if block is None or block.type != "heading" or any(ln.links for ln in block.lines):
        return False
    return len(" ".join(ln.text for ln in block.lines).split()) >= 3


def key_value_record(all_blocks: list[Block], rows: list[int]) -> Block:
    """The rows of a key-value table (:func:`key_value_rows`) as one row whose header is their field names (and
    the heading right above it as its title, when no row names one: ``### Title`` / ``| Authors | ... |``)."""
    blocks = [all_blocks[j] for j in rows]
    header = [_field_name(b) for b in blocks]
    cells = [b.cells[1] for b in blocks]
    above = all_blocks[rows[0] - 1] if rows[0] else None
    if "title" not in map(header_meaning, header) and above is not None and _titles_a_table(above):
        header, cells = ["Title", *header], [above.lines, *cells]
    return Block("row", blocks[0].start, blocks[-1].end, [ln for c in cells for ln in c], cells=cells, header=header)
