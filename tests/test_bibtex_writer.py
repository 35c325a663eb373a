"""The BibTeX writer's plumbing: the braced library bibtexparser writes, the paused collector, lazy stand-ins."""

from __future__ import annotations

import gc

import bibtexparser
import pandas as pd
import pytest

from diffdata.bibtex import (
    BibEntry,
    author_stand_in,
    bibtex_library,
    format_title,
    paper_entry,
    title_stand_ins,
    to_bibtex,
)
from diffdata.collector import collector_paused


def test_library_holds_braced_values_and_parses_back() -> None:
    entry = BibEntry("misc", "k", (("title", "{DDPM} and {GAN}s"), ("year", "2020")))
    library = bibtex_library([entry])
    assert [(f.key, f.value) for f in library.entries[0].fields] == [("title", "{{DDPM} and {GAN}s}"),
                                                                     ("year", "{2020}")]
    row = {"citation_key": "k", "authors": ["Ann Lee"], "title": "DDPM and GANs", "year": 2020}
    text = to_bibtex(pd.DataFrame([row]))
    assert text == "@misc{k,\n  author = {Lee, Ann},\n  title = {{DDPM} and {GAN}s},\n  year = {2020}\n}\n"
    parsed = bibtexparser.parse_string(text)
    assert parsed.failed_blocks == [] and parsed.entries[0].fields_dict["title"].value == "{DDPM} and {GAN}s"


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()


def test_stand_in_is_found_before_an_unreadable_url_is_read() -> None:
    # the arXiv id comes first: the URL (which urlsplit refuses) is never split
    row = {"citation_key": "k", "arxiv_id": "2301.12345", "url": "//[x", "title": "T"}
    assert author_stand_in(row, "T") == "arXiv:2301.12345"
    assert paper_entry(row).get("key") == "arXiv:2301.12345"


def test_first_word_of_a_title_is_not_braced_as_a_name() -> None:
    assert format_title("Gaussian noise Gaussian") == "Gaussian noise {Gaussian}"
    assert format_title("DDPM") == "{DDPM}"
    assert format_title("🙂 x 🙂 y") == "x y"


def test_untitled_works_are_the_titles_that_escape_to_nothing() -> None:
    # an ASCII letter or digit decides at once; the other titles are formatted to see what is left
    titles = ["🙂", "🙂 \u200b", "", None, float("nan"), "日本", "e\u0301", "A", "🙂 2", "  x  ", "\u200d🙂"]
    papers = pd.DataFrame([{"work_id": f"w{i}", "citation_key": f"k{i}", "title": t, "arxiv_id": "2308.12964"}
                           for i, t in enumerate(titles)])
    occurrences = pd.DataFrame(columns=["work_id", "source", "line", "links", "note"])
    found = title_stand_ins(papers, occurrences)
    assert sorted(found) == sorted(f"w{i}" for i, t in enumerate(titles) if not format_title(t))
    assert sorted(found) == ["w0", "w1", "w10", "w2", "w3", "w4"]
    assert {s.title for s in found.values()} == {"arXiv:2308.12964"}
