"""The five seed lists: unchanged raw inputs, mentions found per list, and every URL accounted for."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from diffdata.parse import parse_lists
from diffdata.pipeline import Paths, load_documents

SEEDS = {"awesome-diffusion-models.md", "knowledge-base.md", "paper-collection.md", "reading-list.md",
         "score-based-generative-models.md"}
URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")


@pytest.fixture(scope="module")
def parsed(root: Path):
    docs, problems, _ = load_documents(Paths(root))
    assert problems.empty
    return docs, parse_lists(docs)


def test_raw_lists_match_the_checksum_manifest(root: Path) -> None:
    manifest = {}
    for line in (root / "raw" / "lists.sha256").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        manifest[name] = digest
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "raw" / "lists").iterdir()}
    assert on_disk == manifest, "a raw list changed: if on purpose, update raw/lists.sha256"


def test_raw_lists_are_the_shared_seeds_byte_for_byte(root: Path) -> None:
    seeds = root.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for path in seeds.glob("*.md"):
        if path.name == "README.md":
            continue
        assert (root / "raw" / "lists" / path.name).read_bytes() == path.read_bytes(), path.name


def test_mentions_per_list(parsed) -> None:
    _, result = parsed
    counts = {k: v for k, v in result.occurrences.groupby("source").size().items() if k in SEEDS}
    assert counts == {
        "awesome-diffusion-models.md": 50,
        "knowledge-base.md": 53,
        "paper-collection.md": 10,
        "reading-list.md": 24,
        "score-based-generative-models.md": 13,
    }
    assert result.occurrences["occurrence_id"].is_unique  # (other lists added with add-list may be present)


def test_every_url_is_in_an_entry_or_in_the_report(parsed) -> None:
    docs, result = parsed
    occ, report = result.occurrences, result.report
    for doc in docs.itertuples():
        linked = {x["url"] for links in occ.loc[occ.source == doc.source, "links"] for x in links}
        reported = set(report.loc[report.source == doc.source, "url"].dropna())
        for n, line in enumerate(doc.text.splitlines(), start=1):
            for url in URL_RE.findall(line):
                url = url.rstrip(".,;:")
                assert url in linked | reported, \
                    f"{doc.source}:{n}: {url} is neither an entry's link nor in the parse report"


def test_seed_layouts(parsed) -> None:
    _, result = parsed
    occ = result.occurrences.set_index("occurrence_id")
    ilvr = result.occurrences[result.occurrences.arxiv_id == "2108.02938"]
    assert len(ilvr) == 4 and sorted(s[-1] for s in ilvr.section) == [
        "Image Generation", "Image Inpainting", "Image-to-Image Translation", "Super Resolution"]
    assert pd.isna(occ.loc["awesome-diffusion-models.md:25", "title"])  # the list gives none: reported
    assert ((result.report.source == "awesome-diffusion-models.md") & (result.report.line == 25)
            & result.report.reason.str.startswith("entry has no title")).any()
    assert occ.loc["awesome-diffusion-models.md:25", "note"].startswith("많은 분들이 기다리시던")  # the post heading
    assert occ.loc["knowledge-base.md:8", "kind"] == "website"
    assert occ.loc["paper-collection.md:38", "read"]
    assert occ.loc["score-based-generative-models.md:7", "kind"] == "video"
    assert list(occ.loc["reading-list.md:21", "section"]) == ["Reading list", "DDPM"]
    assert occ.loc["knowledge-base.md:34", "rating"] == "WR=3"
    kinds = result.occurrences.kind.value_counts().to_dict()
    assert set(kinds) == {"paper", "post", "video", "repository", "website"}
    assert isinstance(result.occurrences, pd.DataFrame)
