"""Which link texts are labels: words that only name the kind of link (``[paper]``, ``[Code]``, ``[alphaXiv]``,
``[中文解读]``), in any case and with qualifiers (``[Official PyTorch code]``, ``[TPAMI extension]``), never a
work's title. A list item whose links all read so names its work in its text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diffdata.text import strip_emoji
from diffdata.venues import lookup

__all__ = ["GENERIC_LINK_TEXT", "SITE_NAMES", "is_label"]

# Link texts that only name the kind of link: never a title, and a list item whose links all read so names
# its work in its text.
GENERIC_LINK_TEXT = frozenset({
    "paper", "pdf", "arxiv", "code", "github", "git", "project", "project page", "website", "web", "link", "here",
    "this", "video", "demo", "slides", "blog", "post", "homepage", "page", "url", "abs", "abstract", "official",
    "repo", "repository", "implementation", "talk", "poster", "openreview", "dataset", "colab", "notebook",
    "star", "stars", "hugging face", "huggingface", "model", "models", "weights", "checkpoint", "supp",
    "supplementary", "bibtex", "doi", "html", "proceedings", "publication", "official code", "unofficial code",
    "youtube", "twitter", "x", "tweet", "zhihu", "知乎", "论文", "代码", "项目", "arxiv paper", "[paper]",
    "webpage", "web page", "site", "project website", "official implementation", "pytorch", "tensorflow", "jax",
    "hf", "space", "spaces", "data", "benchmark", "leaderboard", "download", "more", "details", "read more",
    "pull request", "pull requests", "create pull requests", "open issues", "open an issue", "issue", "issues",
    "contribute", "contributing", "contribution guide", "license", "review", "summary", "notes", "note", "card",
    "version", "preview", "full text", "fulltext", "presentation", "teaser", "trailer",
    "explanation", "translation", "intro", "introduction", "overview", "slide", "ppt", "report", "解读", "笔记",
    "中文", "视频", "博客", "chinese", "english", "链接", "原文", "主页", "项目主页", "地址", "论文地址", "代码地址",
    "논문", "코드", "링크", "プロジェクト", "論文", "コード", "リンク", "论文链接", "代码链接", "项目链接",
    "journal", "conference", "bib", "cite", "citation",
    # mirrors, explainers, discussions and recordings of a work: "[alphaXiv](..)", "[Podcast](..)", "[audio](..)"
    # (a site's name, "[Medium](..)", "[Semantic Scholar](..)", is in SITE_NAMES below: a label after a title,
    # the site's own name leading an entry of its own)
    "alphaxiv", "ar5iv", "pwc", "discussion", "thread", "explainer", "walkthrough", "docs", "documentation",
    "podcast", "audio", "listen", "episode", "recording", "transcript", "appendix", "中文解读", "解读文章",
    # the same labels in other languages: paper, code, project, video, demo, link, slides, data
    "artículo", "articulo", "artigo", "papier", "artikel", "makale", "статья", "bài báo", "bai bao",
    "publicación", "publicação", "código", "codigo", "kod", "код", "quellcode", "mã nguồn", "ma nguon", "源码",
    "源代码", "proyecto", "projet", "projekt", "projeto", "proje", "проект", "dự án", "vídeo", "vidéo", "видео",
    "démo", "демо", "lien", "enlace", "ссылка", "bağlantı", "liên kết", "diapositivas", "folien", "слайды",
    "datos", "données", "daten", "датасет", "논문 링크", "코드 링크",
})

_FILE_SUFFIX_RE = re.compile(r"\.(?:pdf|pptx?|docx?|zip|html?|mp4)$")


_VERSION = r"v\d{1,2}"  # "[v2]", "[arXiv v1]": a version of the paper
_URL_OR_MARK_RE = re.compile(rf"(?:https?://|www\.)\S+|#?\d{{1,3}}|{_VERSION}")  # a URL, "[1]", "[v2]"
_VERSION_RE = re.compile(_VERSION)
_LABEL_SPLIT_RE = re.compile(r"[\s\-_/|()\[\]]+")


@lru_cache(maxsize=1 << 16)
def is_label(text: str) -> bool:
    """A link text that only names the kind of link (``paper``, ``[Code]``, ``Codes``, ``arXiv``, a citation
    mark ``[1]``) or is nothing but a URL."""
    plain = _FILE_SUFFIX_RE.sub("", strip_emoji(text).strip("[]() *").lower())  # "[Preview.pdf]"
    return (not plain or _generic(plain) or plain in _LABELS_ALONE or bool(_URL_OR_MARK_RE.fullmatch(plain))
            or _qualified_label([w for w in _LABEL_SPLIT_RE.split(plain) if w]))


# labels only when alone: "[article](..)" (French, and English), never "[The Article](..)", a post's title
_LABELS_ALONE = frozenset({"article"})


def _qualified_label(words: list[str]) -> bool:
    """``[Official PyTorch code]``, ``[TPAMI extension]``, ``[arXiv v2]``: a label and words that qualify it (a
    venue's name, a version), or a site's name and what of the work it runs there (``[Replicate Demo]``)."""
    def fits(w: str, venue: bool = True) -> bool:  # a label's word, a qualifier, a version or a venue's name
        return bool(_generic(w) or w in _LABEL_QUALIFIERS or _VERSION_RE.fullmatch(w) or _names_venue(w)
                    or (venue and w == "extension"))

    # what the rule needs of every word, tried word by word first: a title's first word ends it, before a venue
    # is looked up for each of its words
    if all(map(fits, words)):
        venue = any(map(_names_venue, words))  # "[TPAMI extension]", "[CVPR version]": which version the link is
        if ((venue or any(map(_generic, words))) and all(fits(w, venue) for w in words)
                and not all(map(_names_venue, words))):
            return True
    return bool(_SITE_DEMO_RE.fullmatch(" ".join(words)))


def _names_venue(word: str) -> bool:
    venue = lookup(word)[0]
    return venue is not None and venue.abbr.lower() == word  # "tpami", "cvpr"; not a word that a venue's name uses


def _generic(word: str) -> bool:
    return word in GENERIC_LINK_TEXT or (word.endswith("s") and word[:-1] in GENERIC_LINK_TEXT)


# Words that qualify a label without naming a work: "[code-Unofficial]", "[Official PyTorch]".
_LABEL_QUALIFIERS = frozenset({"unofficial", "official", "pytorch", "tensorflow", "tf", "jax", "keras",
                               "mindspore", "paddle", "reimplementation", "re-implementation", "third-party",
                               "community", "our", "the", "full", "old", "new", "extended", "version", "reproduced",
                               "reproduction", "card", "chinese", "english", "online", "live", "supplemental",
                               "appendix", "journal", "conference", "camera-ready", "preprint", "long", "short", "see",
                               "watch", "view", "downloadable", "free"})


SITE_NAMES = frozenset({
    "medium", "substack", "reddit", "hacker news", "bilibili", "spotify", "apple podcasts", "kaggle", "gradio",
    "replicate", "wandb", "semantic scholar", "papers with code", "paperswithcode", "dblp", "google scholar",
    "connected papers", "discord", "slack", "linkedin", "mastodon", "bluesky", "threads", "lesswrong", "notion",
    # publishers and proceedings: "Title — Ann Lee — [CVF](openaccess..)" (not "[ACL Anthology](..) - all papers")
    "cvf", "thecvf", "pmlr", "acl anthology", "ieee xplore", "acm dl", "acm digital library", "springerlink",
    "sciencedirect", "open access", "cvf open access",
})
"""Sites where a work is shown, discussed or explained: the name of one after an entry's title is a label
(``Title [Medium](..)``); leading an entry of its own it is that site (``[Medium](..) - Blogging platform``)."""
# a site's name and what of the work it runs there: "[Replicate Demo]", "[Hugging Face Space]", "[Gradio demo]"
_SITE_DEMO_RE = re.compile(r"(?:hugging ?face|hf|replicate|gradio|kaggle|colab|wandb|modelscope|openxlab) "
                           r"(?:demos?|spaces?|app|notebook|models?|weights)")  # on the label's words, one space apart

