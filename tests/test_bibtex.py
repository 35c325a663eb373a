"""Tests of the BibTeX export (diffdata.bibtex)."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import bibtexparser
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffdata.bibtex import (
    ROW_COLUMNS,
    SPECIAL_CHARACTERS,
    bibtex_entries,
    classify,
    escape_text,
    escape_url,
    format_author,
    format_title,
    paper_entry,
    report_title_stand_ins,
    title_stand_ins,
    to_bibtex,
)
from diffdata.bibtex.values import WHITESPACE, clean_text

REPO = Path(__file__).resolve().parents[1]


def paper(key: str, **fields: Any) -> dict[str, Any]:
    """A papers row with every column the exporter reads; unspecified ones missing."""
    row: dict[str, Any] = {
        "work_id": f"title:paper:{key}",
        "citation_key": key,
        "kind": "paper",
        "title": "A Title",
        "authors": ["Jonathan Ho"],
        "year": 2020,
        "venue": None,
        "arxiv_id": None,
        "doi": None,
        "url": None,
        "code_urls": [],
        "publication_types": [],
        "s2_venue": None,
        "open_access_pdf": None,
    }
    row.update(fields)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def only_entry(**fields: Any):
    (entry,) = bibtex_entries(frame(paper("k", **fields)))
    return entry


# ------------------------------------------------------------------------------------------------------------
# Round trip through bibtexparser
# ------------------------------------------------------------------------------------------------------------

SAMPLE = [
    paper("ho2020denoising", title="Denoising Diffusion Probabilistic Models",
          authors=["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"], venue="NeurIPS", arxiv_id="2006.11239",
          url="https://arxiv.org/abs/2006.11239", publication_types=["Conference"]),
    paper("debortoli2021schrodinger", title="Diffusion Schrödinger Bridge with Applications to Score-Based "
          "Generative Modeling", authors=["Valentin De Bortoli", "James Thornton", "Jeremy Heng",
                                          "Arnaud Doucet"], venue="NeurIPS", year=2021),
    paper("song2021sde", title="Score-Based Generative Modeling through Stochastic Differential Equations",
          authors=["Yang Song", "Jascha Sohl-Dickstein", "Diederik P. Kingma", "Abhishek Kumar",
                   "Stefano Ermon", "Ben Poole"], venue="ICLR", year=2021, arxiv_id="2011.13456",
          arxiv_primary_class="cs.LG"),
    paper("meng2022sdedit", title="SDEdit: Guided Image Synthesis and Editing with Stochastic Differential "
          "Equations", authors=["Chenlin Meng", "Yutong He"], venue="ICLR", year=2022),
    paper("hyvarinen2005", title="Estimation of Non-Normalized Statistical Models by Score Matching",
          authors=["Aapo Hyvärinen"], venue="JMLR", year=2005),
    paper("vincent2011", title="A Connection Between Score Matching and Denoising Autoencoders",
          authors=["Pascal Vincent"], venue="Neural Computation", year=2011, doi="10.1162/neco_a_00142"),
    paper("vandenberg2018", title="Sylvester Normalizing Flows for Variational Inference",
          authors=["Rianne van den Berg", "Leonard Hasenclever", "Jakub M. Tomczak", "Max Welling"],
          venue="UAI", year=2018),
    paper("sanroman2023", title="From Discrete Tokens to High-Fidelity Audio Using Multi-Band Diffusion",
          authors=["Robin San Roman", "Yossi Adi", "Antoine Deleforge", "Romain Serizel", "Gabriel Synnaeve",
                   "Alexandre Défossez"], venue=None, year=2023, arxiv_id="2308.02560"),
    paper("workshop2021", title="Variational Diffusion Models for ICML: a Workshop Paper",
          authors=["Diederik P. Kingma", "Tim Salimans"], venue="ICML Workshop", year=2021),
    paper("choi2021ilvr", title="ILVR: Conditioning Method for Denoising Diffusion Probabilistic Models",
          authors=["Jooyoung Choi", "Sungwon Kim", "Yonghyun Jeong", "Youngjune Gwon", "Sungroh Yoon"],
          venue="IEEE/CVF", s2_venue="IEEE International Conference on Computer Vision", year=2021),
    paper("jeong2021diffwave", title="Diff-TTS: A Denoising Diffusion Model for Text-to-Speech",
          authors=["Myeonghun Jeong", "Hyeongju Kim", "Sung Jun Cheon", "Byoung Jin Choi", "Nam Soo Kim"],
          venue="Interspeech", year=2021),
    paper("malicious", title=r"Evil \input{/etc/passwd} \write18{rm -rf /} \url{x} }{ {{ }}} \\ \def\x{}",
          authors=[r"Mallory \relax{}", "Eve } {"], venue="CVPR", year=2022),
    paper("special", title="50% of $x$ & #1 the_best ~cheap^2 <a|b> \"quoted\" @ user",
          authors=["Zoë Ångström-Çelik", "Łukasz Kaiser", "Søren Hauberg"], venue="arXiv", year=2020,
          arxiv_id="2001.00001", url="https://example.org/a%20b/c_d~e?x=1&y=2#frag"),
    paper("accents2020", title="Ünïcödé Ålgørîthms – Nguyễn’s α-β “Schrödinger” … 확산 모델 中文 😀",
          authors=["Nguyễn Văn Đức", "Jürgen Schmidhuber", "Gaël Varoquaux", "François Chollet"],
          venue="Mystery Venue", year=2019),
    paper("ho2022post", kind="post", title="Diffusion Models Explained", authors=["Lilian Weng (@lilianweng)"],
          year=2021, url="https://lilianweng.github.io/posts/2021-07-11-diffusion-models/"),
    paper("video2022", kind="video", title="What are Diffusion Models?", authors=["Ari Seff"], year=2022,
          url="https://www.youtube.com/watch?v=fbLgFrlTnGU&t=1s"),
    paper("repo2022", kind="repository", title="huggingface/diffusers", authors=["Hugging Face"], year=2022,
          url="https://github.com/huggingface/diffusers"),
    paper("site2023", kind="website", title="Awesome Diffusion Models", authors=[], year=2023,
          url="https://diff-usion.github.io/Awesome-Diffusion-Models/"),
    paper("outlier2023", kind="video", title="Diffusion Models | Paper Explanation | Math Explained",
          authors=["Outlier"], year=2023, url="https://www.youtube.com/watch?v=HoKDTa5jHvg"),
    paper("kingjr2020", title="A Paper by a Junior", authors=["Martin Luther King Jr.", "John Smith, Jr."],
          venue="TPAMI", year=2020, publication_types=["JournalArticle"]),
    paper("longurl2020", title="Long URL", authors=["A. Person"], year=2020,
          url="https://example.com/" + "a" * 120 + "/%7Ebob/100%/x#y"),
]


def test_round_trip_sample() -> None:
    text = to_bibtex(frame(*SAMPLE))
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    entries = bibtex_entries(frame(*SAMPLE))
    assert [e.key for e in library.entries] == sorted(row["citation_key"] for row in SAMPLE)
    for written, parsed in zip(entries, library.entries, strict=True):
        assert parsed.key == written.key
        assert parsed.entry_type == written.entry_type
        assert [f.key for f in parsed.fields] == [name for name, _ in written.fields]
        for name, value in written.fields:
            assert parsed.fields_dict[name].value == value, (written.key, name)


def test_output_is_ascii_and_deterministic() -> None:
    text = to_bibtex(frame(*SAMPLE))
    assert text.isascii()
    assert text == to_bibtex(frame(*reversed(SAMPLE)))
    assert text.encode("utf-8") == to_bibtex(frame(*SAMPLE)).encode("utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),$", text, flags=re.MULTILINE)
    assert keys == sorted(keys)
    assert text.endswith("}\n")


def test_layout_written_by_bibtexparser() -> None:
    """Two-space indent, every value braced (the year too), no comma after the last field, one blank line
    between entries, a newline at the end: bibtexparser's writer with this project's format."""
    text = to_bibtex(frame(paper("b2020", title="Bees", year=2020), paper("a2021", title="Ants & bees", year=2021)))
    assert text == (
        "@misc{a2021,\n  author = {Ho, Jonathan},\n  title = {Ants \\& bees},\n  year = {2021}\n}\n"
        "\n"
        "@misc{b2020,\n  author = {Ho, Jonathan},\n  title = {Bees},\n  year = {2020}\n}\n"
    )


def test_invalid_and_duplicate_keys_raise() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        to_bibtex(frame(paper("a"), paper("A")))
    with pytest.raises(ValueError, match="not a valid BibTeX key"):
        to_bibtex(frame(paper("bad key,")))


def test_empty_frame() -> None:
    assert to_bibtex(frame(paper("x")).iloc[0:0]) == ""


class _ReadColumns(dict):
    """A row that records in ``read`` which columns are read from it."""

    def __init__(self, row: dict[str, Any], read: set[str]) -> None:
        super().__init__(row)
        self.read = read

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)


def test_entry_reads_only_the_row_columns_the_writer_passes() -> None:
    """The writer passes each row's :data:`ROW_COLUMNS` only (a column at a time): an entry must need no other."""
    rows = [*SAMPLE, paper("noauth", authors=[], url="https://github.com/o/r", kind="repository"),
            paper("untitled", title=None, authors=[], arxiv_id="2308.12964", doi="10.1/x y"),
            paper("dated", year=None, publication_date="2021-05-01", arxiv_primary_class="cs.LG",
                  arxiv_id="2101.00001", publication_types=["Conference"], venue="Some Venue")]
    read: set[str] = set()
    for row in rows:
        paper_entry(_ReadColumns({**row, "abstract": "x"}, read))
    assert read <= set(ROW_COLUMNS), read - set(ROW_COLUMNS)
    full = frame(*rows).assign(abstract="not read", citation_count=1)
    assert to_bibtex(full) == to_bibtex(full[[c for c in full.columns if c in ROW_COLUMNS]])


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30))
def test_clean_text_ascii_fast_path_is_the_general_rule(text: str) -> None:
    assert clean_text(text) == WHITESPACE.sub(" ", text).strip()


# ------------------------------------------------------------------------------------------------------------
# Entry types and venue fields
# ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"venue": "NeurIPS"}, ("inproceedings", "booktitle",
                                           "Advances in Neural Information Processing Systems"), id="neurips"),
        pytest.param({"venue": "NeurIPS 2020"}, ("inproceedings", "booktitle",
                                                "Advances in Neural Information Processing Systems"),
                     id="venue-with-year"),
        pytest.param({"venue": "ICML (Oral)"}, ("inproceedings", "booktitle",
                                               "International Conference on Machine Learning"),
                     id="venue-with-qualifier"),
        pytest.param({"venue": "ICLR"}, ("inproceedings", "booktitle",
                                        "International Conference on Learning Representations"), id="iclr"),
        pytest.param({"venue": "CVPR"}, ("inproceedings", "booktitle", "Proceedings of the IEEE/CVF Conference "
                                        "on Computer Vision and Pattern Recognition"), id="cvpr"),
        pytest.param({"venue": "Interspeech"}, ("inproceedings", "booktitle", "Interspeech"), id="interspeech"),
        pytest.param({"venue": "ICML Workshop"}, ("inproceedings", "booktitle",
                                                 "International Conference on Machine Learning (ICML) Workshops"),
                     id="workshop"),
        pytest.param({"venue": "NeurIPS Workshop"}, ("inproceedings", "booktitle", "Conference on Neural "
                                                    "Information Processing Systems (NeurIPS) Workshops"),
                     id="neurips-workshop"),
        pytest.param({"venue": "Neural Computation"}, ("article", "journal", "Neural Computation"), id="journal"),
        pytest.param({"venue": "TPAMI"}, ("article", "journal",
                                         "IEEE Transactions on Pattern Analysis and Machine Intelligence"),
                     id="tpami"),
        pytest.param({"venue": "IEEE/CVF", "s2_venue": "Computer Vision and Pattern Recognition"},
                     ("inproceedings", "booktitle", "Proceedings of the IEEE/CVF Conference on Computer Vision "
                      "and Pattern Recognition"), id="generic-venue-refined-by-s2"),
        pytest.param({"venue": "IEEE/CVF"}, ("inproceedings", "booktitle", "IEEE/CVF Conference Proceedings"),
                     id="generic-venue"),
        pytest.param({"venue": "PMLR"}, ("inproceedings", "booktitle", "Proceedings of Machine Learning Research"),
                     id="pmlr"),
        pytest.param({"venue": None, "s2_venue": "Neural Information Processing Systems"},
                     ("inproceedings", "booktitle", "Advances in Neural Information Processing Systems"),
                     id="s2-venue-only"),
        pytest.param({"venue": "Some Journal of Things"}, ("article", "journal", "Some Journal of Things"),
                     id="unknown-journal-by-word"),
        pytest.param({"venue": "Obscure Venue", "publication_types": ["JournalArticle"]},
                     ("article", "journal", "Obscure Venue"), id="unknown-journal-by-s2-type"),
        pytest.param({"venue": "Obscure Venue", "publication_types": ["Conference", "JournalArticle"]},
                     ("inproceedings", "booktitle", "Obscure Venue"), id="unknown-conference-by-s2-type"),
        pytest.param({"venue": "Obscure Venue"}, ("misc", "howpublished", "Obscure Venue"), id="unknown-venue"),
        pytest.param({"venue": "arXiv", "arxiv_id": "2006.11239", "publication_types": ["JournalArticle"]},
                     ("misc", "howpublished", "arXiv preprint"), id="arxiv-wins-over-s2-type"),
        pytest.param({"venue": None, "arxiv_id": "2006.11239"}, ("misc", "howpublished", "arXiv preprint"),
                     id="no-venue-with-arxiv"),
        pytest.param({"venue": None}, ("misc", None, None), id="no-venue-at-all"),
        pytest.param({"venue": "ICLR", "year": None}, ("misc", "howpublished",
                                                      "International Conference on Learning Representations"),
                     id="conference-without-year-is-misc"),
        pytest.param({"venue": "ICLR", "authors": []}, ("misc", "howpublished",
                                                       "International Conference on Learning Representations"),
                     id="conference-without-authors-is-misc"),
        pytest.param({"kind": "post"}, ("misc", "howpublished", "Blog post"), id="post"),
        pytest.param({"kind": "video"}, ("misc", "howpublished", "Video"), id="video"),
        pytest.param({"kind": "repository", "url": "https://github.com/a/b"},
                     ("misc", "howpublished", "GitHub repository"), id="github-repository"),
        pytest.param({"kind": "repository", "url": "https://gitlab.com/a/b"},
                     ("misc", "howpublished", "Code repository"), id="repository"),
        pytest.param({"kind": "website"}, ("misc", "howpublished", "Website"), id="website"),
        pytest.param({"kind": "post", "venue": "Distill"}, ("misc", "howpublished", "Blog post, Distill"),
                     id="post-with-venue"),
    ],
)
def test_classify(fields: dict[str, Any], expected: tuple[str, str | None, str | None]) -> None:
    assert classify(paper("k", **fields)) == expected


def test_preprint_fields() -> None:
    entry = only_entry(venue="arXiv", arxiv_id="2011.13456", arxiv_primary_class="cs.LG")
    assert entry.entry_type == "misc"
    assert entry.get("eprint") == "2011.13456"
    assert entry.get("archivePrefix") == "arXiv"
    assert entry.get("primaryClass") == "cs.LG"
    assert entry.get("url") == "https://arxiv.org/abs/2011.13456"
    assert entry.get("howpublished") == "arXiv preprint"


def test_primary_class_column_is_optional() -> None:
    row = paper("k", venue="arXiv", arxiv_id="math/0601001")
    assert "arxiv_primary_class" not in row
    entry = bibtex_entries(frame(row))[0]
    assert entry.get("eprint") == "math/0601001"
    assert entry.get("primaryClass") is None


def test_published_paper_keeps_arxiv_and_doi() -> None:
    entry = only_entry(venue="NeurIPS", arxiv_id="2006.11239", doi="10.5555/3495724.3496298",
                       url="https://proceedings.neurips.cc/x")
    assert entry.entry_type == "inproceedings"
    assert [name for name, _ in entry.fields] == [
        "author", "title", "booktitle", "year", "doi", "eprint", "archivePrefix", "url"
    ]
    assert entry.get("url") == "https://proceedings.neurips.cc/x"


def test_unsafe_doi_becomes_url() -> None:
    entry = only_entry(doi="10.1002/(sici)1097-0258{x}<1>", url=None)
    assert entry.get("doi") is None
    assert entry.get("url") == "https://doi.org/10.1002/(sici)1097-0258%7Bx%7D%3C1%3E"


def test_no_authors_gives_key_that_is_not_the_title() -> None:
    """natbib styles print ``key`` where the authors would stand: the title there would print twice."""
    entry = only_entry(authors=[], title="Consistency Models", arxiv_id="2303.01469", venue="arXiv", year=2023)
    assert entry.get("author") is None
    assert entry.get("key") == "arXiv:2303.01469"
    assert entry.get("title") == "Consistency Models"
    assert entry.get("sortkey") == "Consistency Models"  # biblatex (key -> sortkey) still sorts by title
    assert [name for name, _ in entry.fields][:3] == ["key", "sortkey", "title"]


def test_authors_give_no_key() -> None:
    entry = only_entry(authors=["Yang Song"], arxiv_id="2303.01469")
    assert entry.get("key") is None
    assert entry.get("sortkey") is None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"doi": "10.1109/cvpr.2023.1"}, "doi:10.1109/cvpr.2023.1", id="doi"),
        pytest.param({"url": "https://openreview.net/forum?id=9_gsMA8MRKQ"}, "openreview.net", id="site"),
        pytest.param({"url": "https://www.example.org/a"}, "example.org", id="site-without-www"),
        pytest.param({"kind": "repository", "url": "https://github.com/labmlai/nn/tree/master/ddpm"},
                     "github.com/labmlai/nn", id="repository"),
        pytest.param({"kind": "video", "url": "https://www.youtube.com/watch?v=T0Qxzf0eaio&t=709s"},
                     "youtube:T0Qxzf0eaio", id="video"),
        pytest.param({"title": "Q-diffusion: Quantizing diffusion models"}, "Q-diffusion", id="name-before-colon"),
        pytest.param({"title": "A very long first part of a title here: and more"}, "Unknown author",
                     id="long-head-is-no-name"),
        pytest.param({}, "Unknown author", id="nothing-known"),
        pytest.param({"title": "openreview.net", "url": "https://openreview.net/x"}, "Unknown author",
                     id="never-the-title"),
        pytest.param({"title": "arXiv:2303.01469", "arxiv_id": "2303.01469", "url": "https://arxiv.org/abs/x"},
                     "arxiv.org", id="identifier-title-skipped"),
    ],
)
def test_key_stand_in(fields: dict[str, Any], expected: str) -> None:
    entry = only_entry(**{"authors": [], "title": "Some Title", **fields})
    assert entry.get("key") == escape_text(expected).replace("(", "{(}")


def test_key_is_never_the_citation_key() -> None:
    entry = bibtex_entries(frame(paper("q-diffusion", authors=[], title="Q-diffusion: Quantizing")))[0]
    assert entry.get("key") == "Unknown author"


def test_untitled_work_is_titled_by_its_identifier_never_its_key() -> None:
    row = paper("anon2023230812964", work_id="arxiv:2308.12964", authors=[], title=None,
                arxiv_id="2308.12964", year=2023)
    (entry,) = bibtex_entries(frame(row))
    assert entry.get("title") == "{arXiv:2308.12964}"  # braced: sentence case would lower its X
    assert entry.get("key") not in {"arXiv:2308.12964", "anon2023230812964"}
    assert "anon2023230812964" not in "".join(value for _, value in entry.fields)
    (named,) = bibtex_entries(frame(row), {"arxiv:2308.12964": "DenseDiffusion"})
    assert named.get("title") == "{DenseDiffusion}"
    assert named.get("key") == "arXiv:2308.12964"
    assert named.get("sortkey") == "DenseDiffusion"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"work_id": "openreview:Ec2rYpP42y"}, "openreview:Ec2rYpP42y", id="identifier-work-id"),
        pytest.param({"doi": "10.1109/x.1"}, "doi:10.1109/x.1", id="doi"),
        pytest.param({"work_id": "paper:some-slug", "url": "https://a.org/p"}, "https://a.org/p", id="url"),
        pytest.param({}, "Untitled", id="nothing"),
        pytest.param({"title": "\U0001f600"}, "Untitled", id="title-of-emoji"),
    ],
)
def test_identifier_title(fields: dict[str, Any], expected: str) -> None:
    entry = only_entry(**{"authors": [], "title": None, **fields})
    assert entry.get("title") == format_title(expected)


def mention(work_id: str, line: int, *, links: list[dict[str, str]], note: str | None = None,
            source: str = "list.md") -> dict[str, Any]:
    return {"work_id": work_id, "source": source, "line": line, "links": links, "note": note}


DENSE_NOTE = ("저희 #NAVER #AI_Lab 의 새로운 controllable Text-to-Image 모델 DenseDiffusion 논문과 소스코드가 "
              "공개되었습니다. CycleGAN으로 유명한 Jun-Yan Zhu 교수")
DENSE_LINKS = [{"label": "논문", "url": "https://arxiv.org/abs/2308.12964"},
               {"label": "github", "url": "https://github.com/naver-ai/DenseDiffusion"}]


def test_title_stand_in_is_the_name_in_the_note_confirmed_by_the_repository() -> None:
    papers = frame(paper("anon", work_id="arxiv:2308.12964", title=None, authors=[], arxiv_id="2308.12964"),
                   paper("titled", work_id="arxiv:1", title="Has A Title"))
    occurrences = pd.DataFrame([mention("arxiv:2308.12964", 25, links=DENSE_LINKS, note=DENSE_NOTE),
                                mention("arxiv:1", 3, links=[], note="DenseDiffusion")])
    stand_ins = title_stand_ins(papers, occurrences)
    assert list(stand_ins) == ["arxiv:2308.12964"]  # titled works need none
    found = stand_ins["arxiv:2308.12964"]
    assert (found.title, found.source, found.line) == ("DenseDiffusion", "list.md", 25)
    assert found.url == "https://github.com/naver-ai/DenseDiffusion"


@pytest.mark.parametrize(
    ("links", "note", "expected"),
    [
        pytest.param([{"label": "Dense Diffusion", "url": "https://arxiv.org/abs/2308.12964"}], None,
                     "Dense Diffusion", id="link-text"),
        pytest.param([{"label": "[paper]", "url": "https://arxiv.org/abs/2308.12964"},
                      {"label": "https://arxiv.org/abs/2308.12964", "url": "https://arxiv.org/abs/2308.12964"},
                      {"label": "2308.12964", "url": "https://arxiv.org/abs/2308.12964"}],
                     None, "arXiv:2308.12964", id="labels-url-and-id-are-no-names"),
        pytest.param([{"label": "ICCV 2023", "url": "https://arxiv.org/abs/2308.12964"},
                      {"label": "link", "url": "https://arxiv.org/abs/2308.12964"}],
                     None, "arXiv:2308.12964", id="venue-is-no-name"),
        pytest.param(DENSE_LINKS[:1], DENSE_NOTE, "arXiv:2308.12964", id="note-without-repository-names-nothing"),
        pytest.param(DENSE_LINKS, "a note that names no repository", "arXiv:2308.12964",
                     id="repository-not-in-note"),
        pytest.param([{"label": "code", "url": "https://github.com/x/Dense"}], "DenseDiffusion is new",
                     "arXiv:2308.12964", id="whole-word-only"),
    ],
)
def test_title_stand_in_rules(links: list[dict[str, str]], note: str | None, expected: str) -> None:
    papers = frame(paper("anon", work_id="arxiv:2308.12964", title=None, authors=[], arxiv_id="2308.12964"))
    occurrences = pd.DataFrame([mention("arxiv:2308.12964", 7, links=links, note=note)])
    assert title_stand_ins(papers, occurrences)["arxiv:2308.12964"].title == expected


def test_stand_ins_are_reported() -> None:
    papers = frame(paper("a", work_id="arxiv:2308.12964", title=None, authors=[], arxiv_id="2308.12964"),
                   paper("b", work_id="arxiv:2401.00001", title=None, authors=[], arxiv_id="2401.00001"))
    occurrences = pd.DataFrame([mention("arxiv:2308.12964", 25, links=DENSE_LINKS, note=DENSE_NOTE),
                                mention("arxiv:2401.00001", 9, links=[], source="b.md")])
    report = pd.DataFrame([{"source": "list.md", "line": 3, "severity": "info", "reason": "badge image",
                            "url": None, "text": None}])
    out = report_title_stand_ins(report, title_stand_ins(papers, occurrences))
    assert list(out.columns) == list(report.columns)
    rows = out.to_dict(orient="records")
    assert [(r["source"], r["line"], r["severity"]) for r in rows] == [
        ("b.md", 9, "warning"), ("list.md", 3, "info"), ("list.md", 25, "info")]
    assert rows[0]["text"] == "arXiv:2401.00001"
    assert "identifier" in rows[0]["reason"]
    assert rows[2]["text"].startswith("DenseDiffusion (")
    assert report_title_stand_ins(report, {}) is report


def test_year_from_publication_date() -> None:
    assert only_entry(year=None, publication_date="2021-06-03").get("year") == "2021"
    assert only_entry(year=None, publication_date="June 2021").get("year") is None
    assert only_entry(year=2020, publication_date="2021-06-03").get("year") == "2020"


def test_missing_year_is_omitted() -> None:
    entry = only_entry(kind="website", year=None)
    assert entry.get("year") is None
    assert only_entry(year=pd.NA).get("year") is None
    assert only_entry(year=float("nan")).get("year") is None


# ------------------------------------------------------------------------------------------------------------
# Authors
# ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Jooyoung Choi", "Choi, Jooyoung", id="simple"),
        pytest.param("Diederik P. Kingma", "Kingma, Diederik P.", id="middle-initial"),
        pytest.param("Valentin De Bortoli", "De Bortoli, Valentin", id="capitalised-particle"),
        pytest.param("Rianne van den Berg", "van den Berg, Rianne", id="lowercase-particles"),
        pytest.param("Luc Van Gool", "Van Gool, Luc", id="van-capitalised"),
        pytest.param("Robin San Roman", "San Roman, Robin", id="double-surname-san"),
        pytest.param("Jean-Baptiste Le Roux", "Le Roux, Jean-Baptiste", id="le-particle"),
        pytest.param("Quoc V. Le", "Le, Quoc V.", id="le-as-family-name"),
        pytest.param("Duc Van Nguyen", "Nguyen, Duc Van", id="vietnamese-middle-name"),
        pytest.param("Juan de la Fuente", "de la Fuente, Juan", id="de-la"),
        pytest.param("Martin Luther King Jr.", "King, Jr., Martin Luther", id="suffix"),
        pytest.param("John Smith, Jr.", "Smith, Jr., John", id="suffix-after-comma"),
        pytest.param("Kingma, Diederik P.", "Kingma, Diederik P.", id="already-inverted"),
        pytest.param("Outlier", "{Outlier}", id="single-name"),
        pytest.param("Lilian Weng (@lilianweng)", "Weng, Lilian", id="handle-dropped"),
        pytest.param("@ak92501", "{ak92501}", id="bare-handle"),
        pytest.param("Stability AI", "{Stability AI}", id="organisation-word"),
        pytest.param("Hugging Face", "{Hugging Face}", id="known-organisation"),
        pytest.param("Google Research", "{Google Research}", id="organisation"),
        pytest.param("Tom and Jerry", "{Tom and Jerry}", id="and-inside-name"),
        pytest.param("Schrödinger, Erwin", 'Schr{\\"o}dinger, Erwin', id="accent"),
        pytest.param("Aapo Hyvärinen", 'Hyv{\\"a}rinen, Aapo', id="accent-umlaut"),
        pytest.param("François Chollet", "Chollet, Fran{\\c{c}}ois", id="cedilla"),
        pytest.param("Søren Hauberg", "Hauberg, S{\\o}ren", id="slashed-o"),
        pytest.param("Łukasz Kaiser", "Kaiser, {\\L}ukasz", id="l-stroke"),
        pytest.param("et al.", "others", id="et-al"),
        pytest.param("Eve } {", "{Eve}", id="tex-specials-dropped"),
        pytest.param("Jo\\relax{} Smith", "relax Smith, Jo", id="backslash-dropped"),
        pytest.param("`", None, id="nothing-left"),
        pytest.param("-John Smith-", "Smith, John", id="hyphens-at-edges"),
        pytest.param("John Smith, -", "Smith, John", id="empty-part-after-comma"),
        pytest.param("Αλέξανδρος Παπαδάκης", "Papadakis, Alexandros", id="greek-transliterated"),
        pytest.param("A, B, C", "{A B C}", id="too-many-commas"),
        pytest.param("  ", None, id="blank"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_format_author(name: str | None, expected: str | None) -> None:
    assert format_author(name) == expected


def test_author_field_joins_with_and() -> None:
    entry = only_entry(authors=["Rianne van den Berg", "Outlier", "Jonathan Ho"])
    assert entry.get("author") == "van den Berg, Rianne and {Outlier} and Ho, Jonathan"


def test_authors_as_numpy_array() -> None:
    import numpy as np

    entry = only_entry(authors=np.array(["Jonathan Ho", "Ajay Jain"], dtype=object))
    assert entry.get("author") == "Ho, Jonathan and Jain, Ajay"


# ------------------------------------------------------------------------------------------------------------
# Escaping, accents, acronyms
# ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("%", r"\%", id="percent"),
        pytest.param("&", r"\&", id="ampersand"),
        pytest.param("#", r"\#", id="hash"),
        pytest.param("_", r"\_", id="underscore"),
        pytest.param("$", r"\$", id="dollar"),
        pytest.param("{", r"\textbraceleft{}", id="open-brace"),
        pytest.param("}", r"\textbraceright{}", id="close-brace"),
        pytest.param("~", r"\textasciitilde{}", id="tilde"),
        pytest.param("^", r"\textasciicircum{}", id="caret"),
        pytest.param("\\", r"\textbackslash{}", id="backslash"),
        pytest.param("<>|", "{$<$}{$>$}{$|$}", id="less-greater-bar"),
        pytest.param('say "hi" now', "say ``hi'' now", id="double-quotes"),
        pytest.param("a\n\tb  c", "a b c", id="whitespace"),
        pytest.param("a\x00\x07b", "ab", id="control-chars"),
    ],
)
def test_escape_special_characters(text: str, expected: str) -> None:
    assert escape_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Schrödinger", 'Schr{\\"o}dinger', id="umlaut"),
        pytest.param("é", "{\\'e}", id="acute"),
        pytest.param("è", "{\\`e}", id="grave"),
        pytest.param("ç", "{\\c{c}}", id="cedilla"),
        pytest.param("ø", "{\\o}", id="slashed-o"),
        pytest.param("ß", "{\\ss}", id="eszett"),
        pytest.param("å", "{\\aa}", id="ring"),
        pytest.param("í", "{\\'i}", id="i-acute-not-dotless"),
        pytest.param("š", "{\\v{s}}", id="caron"),
        pytest.param("ő", "{\\H{o}}", id="double-acute"),
        pytest.param("ñ", "{\\~n}", id="tilde"),
        pytest.param("ș", "{\\c{s}}", id="comma-below-as-cedilla"),
        pytest.param("ệ", "{\\^e}", id="vietnamese-one-accent-kept"),
        pytest.param("ą", "a", id="ogonek-needs-t1"),
        pytest.param("ð", "d", id="eth-needs-t1"),
        pytest.param("đ", "d", id="d-stroke"),
        pytest.param("ǎ", "a", id="outside-latin-extended-a"),
        pytest.param("–—", "-----", id="dashes"),
        pytest.param("“x”", "``x''", id="curly-quotes"),
        pytest.param("α", "{$\\alpha$}", id="greek"),
        pytest.param("φ", "{$\\phi$}", id="phi-not-varphi"),
        pytest.param("∆x∊", "{$\\Delta$}x{$\\in$}", id="increment-and-small-element-from-pylatexenc"),
        pytest.param("ű", "{\\H{u}}", id="double-acute-not-pylatexenc-acute"),
        pytest.param("Ħ", "H", id="stroke-not-pylatexenc-macron"),
        pytest.param("ℝ", "{$\\mathbf{R}$}", id="no-amssymb"),
        pytest.param("Жé", "?{\\'e}", id="cyrillic-needs-t2a"),
        pytest.param("ﬁ", "fi", id="ligature-nfkd"),
        pytest.param("확산", "hwaksan", id="hangul-romanised"),
        pytest.param("中", "?", id="cjk-fallback"),
        pytest.param("😀x", "x", id="emoji-dropped"),
    ],
)
def test_non_ascii(text: str, expected: str) -> None:
    assert escape_text(text) == expected


def test_every_latin_letter_reads_back_as_itself_or_ascii() -> None:
    """pylatexenc's table and ours give each letter of Latin-1 and Latin Extended-A its own accent (read back
    by pylatexenc's reader), or an ASCII transliteration: never another letter (pylatexenc 2.11 alone writes
    ű as an acute u)."""
    from pylatexenc.latex2text import LatexNodes2Text

    reader = LatexNodes2Text()
    for code in range(0xC0, 0x180):
        ch = chr(code)
        if not ch.isalpha():
            continue
        written = escape_text(ch)
        read = unicodedata.normalize("NFC", reader.latex_to_text(written))
        assert read == ch or "\\" not in written, (ch, written, read)  # a letter, or a plain transliteration


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Denoising Diffusion Probabilistic Models", "Denoising Diffusion Probabilistic Models",
                     id="no-protection-needed"),
        pytest.param("Improved DDPM", "Improved {DDPM}", id="acronym"),
        pytest.param("DDPM Improved", "{DDPM} Improved", id="first-word-acronym"),
        pytest.param("Training GANs", "Training {GAN}s", id="plural-acronym"),
        pytest.param("ImageNet Classification", "{ImageNet} Classification", id="camel-case"),
        pytest.param("SDEdit: Guided Image Synthesis", "{SDEdit}: Guided Image Synthesis", id="sdedit"),
        pytest.param("Gaussian Processes and Langevin Dynamics", "Gaussian Processes and {Langevin} Dynamics",
                     id="proper-noun-not-first"),
        pytest.param("On Non-Gaussian Noise", "On Non-{Gaussian} Noise", id="hyphen-proper-noun"),
        pytest.param("The Schrödinger Bridge", 'The {Schr{\\"o}dinger} Bridge', id="accented-proper-noun"),
        pytest.param("On Tweedie's Formula", "On {Tweedie's} Formula", id="possessive"),
        pytest.param("A U-Net for 3D Shapes", "A {U-Net} for {3D} Shapes", id="u-net-3d"),
        pytest.param("DALL-E 2", "{DALL-E} 2", id="hyphen-acronym"),
        pytest.param("Score-Based Models", "Score-Based Models", id="title-case-hyphen"),
        pytest.param("Stable Diffusion V2", "Stable Diffusion {V2}", id="capital-digit"),
        pytest.param("(DDPM) models", "({DDPM}) models", id="punctuation-outside-brace"),
        pytest.param("a_{GAN}", "{a\\_\\textbraceleft{}GAN}\\textbraceright{}", id="escaped-inside-brace"),
    ],
)
def test_format_title(title: str, expected: str) -> None:
    assert format_title(title) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://a.org/x%20y#frag", "https://a.org/x%20y#frag", id="percent-and-hash-kept"),
        pytest.param("https://a.org/~bob/a_b?x=1&y=2", "https://a.org/~bob/a_b?x=1&y=2", id="tilde-underscore"),
        pytest.param("https://a.org/100%", "https://a.org/100%25", id="lone-percent"),
        pytest.param("https://a.org/a b", "https://a.org/a%20b", id="space"),
        pytest.param("https://a.org/}\\input{x}", "https://a.org/%7D%5Cinput%7Bx%7D", id="braces-backslash"),
        pytest.param("https://a.org/ü", "https://a.org/%C3%BC", id="non-ascii"),
        pytest.param(None, "", id="missing"),
        pytest.param(" https://a.org/a\x00b\u200bc\n ", "https://a.org/abc", id="unprintable-dropped"),
    ],
)
def test_escape_url(url: str | None, expected: str) -> None:
    assert escape_url(url) == expected


# ------------------------------------------------------------------------------------------------------------
# Malicious input
# ------------------------------------------------------------------------------------------------------------

#: Every control sequence the exporter itself writes. Anything else in the output came from the data.
ALLOWED_COMMANDS = {
    "textbackslash", "textbraceleft", "textbraceright", "textasciitilde", "textasciicircum",
    "%", "&", "#", "_", "$", '"', "'", "`", "^", "~", "=", ".", "u", "r", "H", "v", "c",
}
for _replacement in SPECIAL_CHARACTERS.values():
    ALLOWED_COMMANDS.update(re.findall(r"\\([A-Za-z]+)", _replacement))
CONTROL_SEQUENCE = re.compile(r"\\([A-Za-z]+|.)")


def assert_harmless(text: str) -> None:
    """No control sequence but ours, braces balanced, ASCII only."""
    assert text.isascii()
    assert set(CONTROL_SEQUENCE.findall(text)) <= ALLOWED_COMMANDS
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0


@pytest.mark.parametrize(
    "title",
    [
        pytest.param(r"\input{/etc/passwd}", id="input"),
        pytest.param(r"\immediate\write18{rm -rf /}", id="write18"),
        pytest.param(r"\url{http://evil} \href{x}{y}", id="url"),
        pytest.param("}} unbalanced {", id="unbalanced"),
        pytest.param("}\n@misc{injected, title={x}}\n", id="entry-injection"),
        pytest.param(r"\\ \\\\ \ {\"o}", id="backslashes"),
        pytest.param("%\n\\end{document}", id="percent-newline"),
    ],
)
def test_malicious_title_is_harmless(title: str) -> None:
    text = to_bibtex(frame(paper("evil", title=title, authors=[title, "x " + title])))
    assert_harmless(text)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == ["evil"]
    assert "input" not in CONTROL_SEQUENCE.findall(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(), authors=st.lists(st.text(), max_size=4), venue=st.none() | st.text(),
       url=st.none() | st.text())
def test_any_text_parses_back(title: str, authors: list[str], venue: str | None, url: str | None) -> None:
    df = frame(paper("prop", title=title, authors=authors, venue=venue, url=url),
               paper("prop2", kind="post", title=title, authors=authors[::-1], venue=venue, url=url))
    text = to_bibtex(df)
    assert_harmless(text)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == ["prop", "prop2"]
    for written, parsed in zip(bibtex_entries(df), library.entries, strict=True):
        for name, value in written.fields:
            assert parsed.fields_dict[name].value == value


# ------------------------------------------------------------------------------------------------------------
# Real toolchain
# ------------------------------------------------------------------------------------------------------------

TOOLS = ("pdflatex", "bibtex", "biber")
TIMEOUT = 180

NATBIB_DOC = r"""\documentclass{article}
\usepackage{natbib}
\usepackage{hyperref}
\tracinglostchars=1
\begin{document}
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""

BIBLATEX_DOC = r"""\documentclass{article}
\usepackage[backend=biber]{biblatex}
\usepackage{hyperref}
\addbibresource{refs.bib}
\tracinglostchars=1
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def require_tex() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    reason = f"LaTeX toolchain not installed: {', '.join(missing)} missing"
    if os.environ.get("DIFFDATA_REQUIRE_TEX") == "1":
        pytest.fail(reason + " (DIFFDATA_REQUIRE_TEX=1)")
    pytest.skip(reason)


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=TIMEOUT,
                          check=False)


TEX_ERROR = re.compile(r"^! [A-Z]|^!  ==>|Error|Missing character")


def latex_problems(log: str) -> list[str]:
    """TeX errors ("! ..."), package errors and glyphs missing from the fonts.

    A bare "!" at a line start is not enough: box dumps of overfull lines may start with a title's "!".
    """
    return [line for line in log.splitlines() if TEX_ERROR.search(line)]


#: The classic styles whose output the real dataset is checked against (natbib's and LaTeX's own).
BIBTEX_STYLES = ("plainnat", "unsrtnat", "abbrvnat", "plain", "alpha")


def build(bib: str, tmp_path: Path, backend: str, style: str = "plainnat") -> tuple[str, str]:
    """Compile a document citing every entry of ``bib``; the LaTeX log and the bibliography tool's log.

    ``backend`` "bibtex" uses ``style`` (with natbib for the natbib styles, plain LaTeX citations otherwise).
    """
    (tmp_path / "refs.bib").write_text(bib, encoding="ascii")
    if backend == "bibtex":
        doc = NATBIB_DOC.replace("{plainnat}", "{" + style + "}")
        if not style.endswith("nat"):
            doc = doc.replace("\\usepackage{natbib}\n", "")
    else:
        doc = BIBLATEX_DOC
    (tmp_path / "doc.tex").write_text(doc, encoding="ascii")
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"]
    first = run(latex, tmp_path)
    assert first.returncode == 0, first.stdout[-3000:]
    tool = run([backend, "doc"], tmp_path)
    blg = (tmp_path / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert tool.returncode == 0, tool.stdout[-3000:] + blg[-3000:]
    for _ in range(2):
        final = run(latex, tmp_path)
        assert final.returncode == 0, final.stdout[-3000:]
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    return log, blg


def blg_warnings(blg: str, backend: str) -> list[str]:
    marker = "Warning--" if backend == "bibtex" else "WARN"
    return [line for line in blg.splitlines() if marker in line or "ERROR" in line]


@pytest.mark.tex
@pytest.mark.parametrize("backend", ["bibtex", "biber"])
def test_toolchain_sample(backend: str, tmp_path: Path) -> None:
    require_tex()
    log, blg = build(to_bibtex(frame(*SAMPLE)), tmp_path, backend)
    assert latex_problems(log) == []
    assert blg_warnings(blg, backend) == []
    assert not (tmp_path / "pwned").exists()


TRICKY = (
    "abcXYZ019 .,;:!?'()[]-/*+=@\\{}%&#_$~^<>|\"`"
    "äöüÄÖÜßéèêëçñøØåÅłŁđðþŋąęệằǎșțőűčšžıİ中文확산😀αβΣ–—“”‘’…·×°²\u00a0\u200b\t\n"
)


def adversarial_rows(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """Deterministic rows whose text fields are random strings of awkward characters."""
    rng = random.Random(seed)

    def text(k: int) -> str:
        return "".join(rng.choice(TRICKY) for _ in range(k))

    kinds = ["paper", "paper", "post", "video", "repository", "website"]
    venues = [None, "NeurIPS", "arXiv", "Neural Computation", "ICML Workshop", text(8)]
    return [
        paper(f"adv{i:03d}", kind=rng.choice(kinds), title=text(rng.randint(0, 40)),
              authors=[text(rng.randint(1, 15)) for _ in range(rng.randint(0, 4))],
              venue=rng.choice(venues), year=rng.choice([2019, 2024]),
              arxiv_id=rng.choice([None, "2006.11239"]), url=rng.choice([None, "https://a.org/" + text(10)]))
        for i in range(n)
    ]


@pytest.mark.tex
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("backend", ["bibtex", "biber"])
def test_toolchain_adversarial(backend: str, seed: int, tmp_path: Path) -> None:
    require_tex()
    log, blg = build(to_bibtex(frame(*adversarial_rows(150, seed))), tmp_path, backend)
    assert latex_problems(log) == []
    assert blg_warnings(blg, backend) == []


@pytest.mark.tex
@pytest.mark.parametrize("backend", ["bibtex", "biber"])
def test_toolchain_undated_entry(backend: str, tmp_path: Path) -> None:
    """The one warning the exporter cannot avoid: plainnat demands a year, biber rejects a fake one."""
    require_tex()
    bib = to_bibtex(frame(paper("undated", kind="website", year=None, authors=[], url="https://a.org/")))
    log, blg = build(bib, tmp_path, backend)
    assert latex_problems(log) == []
    expected = ["Warning--empty year in undated"] if backend == "bibtex" else []
    assert blg_warnings(blg, backend) == expected


def bbl_items(bbl: str) -> dict[str, tuple[str, str]]:
    """Citation key -> (label, printed text) of every ``\\bibitem[label]{key} text`` of a ``.bbl``."""
    items: dict[str, tuple[str, str]] = {}
    starts = [m.end() for m in re.finditer(r"\\bibitem", bbl)]
    for i, start in enumerate(starts):
        end = starts[i + 1] - len("\\bibitem") if i + 1 < len(starts) else bbl.find("\\end{thebibliography}")
        chunk, label, depth, pos = bbl[start:end], "", 0, 0
        if chunk.startswith("["):  # the label ends at the first ] outside braces
            for pos, ch in enumerate(chunk):  # noqa: B007 (pos is used after the loop)
                depth += {"{": 1, "}": -1}.get(ch, 0)
                if ch == "]" and depth == 0:
                    break
            label, chunk = chunk[1:pos], chunk[pos + 1:]
        m = re.match(r"\{([^}]*)\}", chunk)
        assert m, chunk[:200]
        items[m.group(1)] = (label, chunk[m.end():])
    return items


def letters(tex: str) -> str:
    """The letters and digits a reader sees, case-folded: URLs, control sequences and punctuation dropped."""
    tex = re.sub(r"\\(?:url|doi|href)\{[^}]*\}", " ", tex)
    tex = re.sub(r"\\(?:[A-Za-z]+|.)", "", tex)
    return re.sub(r"[\W_]+", "", tex).casefold()


def bibliography_defects(bib: str, bbl: str) -> list[str]:
    """Entries whose title is not printed exactly once, and citation keys printed as text (in an entry or in
    the label that ``\\cite`` prints), in a ``.bbl`` made from ``bib``."""
    library = bibtexparser.parse_string(bib)
    items = bbl_items(bbl)
    keys = [e.key for e in library.entries]
    assert sorted(items) == sorted(keys)
    key_as_text = re.compile(r"(?<![\w:./-])(" + "|".join(map(re.escape, keys)) + r")(?![\w-])", re.IGNORECASE)
    defects = []
    for entry in library.entries:
        label, text = items[entry.key]
        title = letters(entry.fields_dict["title"].value) if "title" in entry.fields_dict else ""
        count = letters(text).count(title) if title else 0
        if count != 1:
            defects.append(f"{entry.key}: title printed {count} times: {' '.join(text.split())[:200]}")
        shown = re.sub(r"\\(?:url|doi)\{[^}]*\}", " ", label + " " + text)
        defects += [f"{entry.key}: citation key {m.group()} printed" for m in key_as_text.finditer(shown)]
    return defects


@pytest.mark.tex
def test_defect_check_sees_repeated_title_and_printed_key(tmp_path: Path) -> None:
    """The check of the real dataset below finds both defects of issue 14 in the form the exporter once wrote."""
    require_tex()
    bib = ("@misc{consistency2023models,\n  key = {Consistency Models},\n  title = {Consistency Models},\n"
           "  howpublished = {arXiv preprint},\n  year = {2023}\n}\n\n"
           "@misc{anon2023230812964,\n  key = {anon2023230812964},\n  howpublished = {arXiv preprint},\n"
           "  year = {2023}\n}\n")
    build(bib, tmp_path, "bibtex", "plainnat")
    defects = bibliography_defects(bib, (tmp_path / "doc.bbl").read_text(encoding="utf-8"))
    assert any(d.startswith("consistency2023models: title printed 2 times") for d in defects)
    assert "anon2023230812964: citation key anon2023230812964 printed" in defects


def real_bib() -> str:
    path = REPO / "processed" / "papers.bib"
    if not path.exists():
        pytest.skip(f"{path} not built yet")
    return path.read_text(encoding="utf-8")


@pytest.mark.tex
@pytest.mark.parametrize("style", BIBTEX_STYLES)
def test_toolchain_real_dataset_bibtex(style: str, tmp_path: Path) -> None:
    """The real dataset as a reader of each classic style sees it: every title printed once, no citation key
    printed, and no warning but ``empty year`` for works that have no year."""
    bib = real_bib()
    require_tex()
    assert bib.isascii()
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    undated = {e.key for e in library.entries if "year" not in e.fields_dict}
    log, blg = build(bib, tmp_path, "bibtex", style)
    assert latex_problems(log) == []
    allowed = {f"Warning--empty year in {key}" for key in undated}
    assert [w for w in blg_warnings(blg, "bibtex") if w not in allowed] == []
    assert bibliography_defects(bib, (tmp_path / "doc.bbl").read_text(encoding="utf-8")) == []


@pytest.mark.tex
def test_toolchain_real_dataset_biber(tmp_path: Path) -> None:
    bib = real_bib()
    require_tex()
    log, blg = build(bib, tmp_path, "biber")
    assert latex_problems(log) == []
    assert blg_warnings(blg, "biber") == []
    # biblatex reads key as sortkey: the entries without authors carry sortkey = their title, so that biblatex
    # still sorts them by title, as it does without either field
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(bib)
    sortkeys = {e.key: e.fields_dict["sortkey"].value for e in library.entries if "sortkey" in e.fields_dict}
    assert sortkeys
    for key, value in sortkeys.items():
        assert value == escape_text(value) or "\\" in value  # plain text: the title as escaped
        assert re.search(r"\\entry\{" + re.escape(key) + r"\}", bbl)
