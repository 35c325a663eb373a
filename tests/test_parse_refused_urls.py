"""Links whose address Python's URL parser refuses (an unclosed bracket in the host, characters that change
meaning under NFKC) are read like any other link, percent-encoded, and a list holding them builds: before, one
such link stopped the whole build with "Invalid IPv6 URL" and no file or line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from diffdata.parse import parse_document
from diffdata.parse.model import usable_url

REFUSED = ["http://[x", "https://[bad/post", "http://[zz]/", "http://ｅｘａｍｐｌｅ．ｃｏｍ／ａ"]


@pytest.mark.parametrize("url", REFUSED)
def test_a_refused_address_is_kept_percent_encoded(url: str) -> None:
    with pytest.raises(ValueError):
        urlsplit(url)
    mended = usable_url(url)
    assert urlsplit(mended).scheme == url.split(":")[0] and mended != url
    assert usable_url(mended) == mended


@pytest.mark.parametrize("url", ["https://arxiv.org/abs/2301.00001", "http://[::1]/a", "https://zh.wikipedia.org/wiki/扩散",
                                 "github.com/a/[b]", "https://example.com/a?q=[1]"])
def test_an_accepted_address_is_kept_as_written(url: str) -> None:
    assert usable_url(url) == url


def test_entries_with_refused_links_are_read() -> None:
    text = ("# Papers\n\n"
            "- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) [site](http://[x)\n"
            "- [A talk about diffusion](http://[x)\n"
            "- <a href=\"http://[y\">Score matching notes</a>\n"
            "\n| Title | Link |\n|---|---|\n| Latent Diffusion Models | [pdf](https://[z/pdf) |\n")
    rows, _report = parse_document("x.md", text)
    by_title = {r["title"]: r for r in rows}
    assert set(by_title) == {"Denoising Diffusion Probabilistic Models", "A talk about diffusion",
                             "Score matching notes", "Latent Diffusion Models"}
    assert by_title["Denoising Diffusion Probabilistic Models"]["arxiv_id"] == "2006.11239"
    assert [x["url"] for x in by_title["A talk about diffusion"]["links"]] == ["http://%5Bx"]


def test_a_list_with_refused_links_builds(tmp_path: Path) -> None:
    from diffdata import pipeline
    from diffdata.s2 import S2Settings

    (tmp_path / "raw" / "lists").mkdir(parents=True)
    (tmp_path / "processed").mkdir()
    (tmp_path / "raw" / "lists" / "a.md").write_text(
        "# Posts\n\n- [A talk about diffusion](http://[x)\n- http://[y\n- [No authors here](https://[z/a)\n",
        encoding="utf-8")
    pipeline.build(tmp_path, log=lambda _m: None,
                   enrich_options=pipeline.EnrichOptions(S2Settings(offline=True), progress=False))
    bib = (tmp_path / "processed" / "papers.bib").read_text(encoding="utf-8")
    assert bib.count("@") == 2 and "A talk about diffusion" in bib


def test_a_doi_split_by_a_tab_or_a_line_break_in_the_address_is_read_as_urlsplit_reads_it() -> None:
    """urlsplit drops tabs and line breaks (a ``<...>`` link target may hold them); the shortcut that skips the
    DOI search when no '10.' is written must not miss what urlsplit then reads."""
    from diffdata.identifiers import identifiers_from_url

    for url in ("https://x.org/doi/1\t0.1000/abc", "https://x.org/doi/10\n.1000/abc", "https://x.org/doi/10.1000/abc"):
        assert identifiers_from_url(url).doi == "10.1000/abc"
