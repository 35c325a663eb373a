"""The whole pipeline on a small project made in the test, enriched through the fake Semantic Scholar server."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

from diffdata.enrich import apply_merges
from diffdata.integrity import IntegrityError
from diffdata.pipeline import EnrichOptions, build
from diffdata.s2 import S2Settings
from tests.fake_s2 import FakeS2

LIST_A = """\
# List A

## Papers
- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)
- [Denoising Diffusion Implicit Models](https://arxiv.org/pdf/2010.02502v2)
- [Generative Modeling by Estimating Gradients of the Data Distribution]()
- [A paper Semantic Scholar does not know](https://arxiv.org/abs/2101.99999)
"""
LIST_B = """\
| Title | Venue | Year | Notes |
|---|---|---|---|
| [Denoising diffusion probabilistic models](https://proceedings.neurips.cc/paper/2020/hash/4c5bcfec8584af0d967f1ab10179ca4b-Abstract.html) | NeurIPS | 2020 | The one. |
| [Generative Modeling by Estimating Gradients of the Data Distribution](https://arxiv.org/abs/1907.05600) | NeurIPS | 2019 | |
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "a.md").write_text(textwrap.dedent(LIST_A))
    (lists / "b.md").write_text(textwrap.dedent(LIST_B))
    return tmp_path


def options(url: str, key: str | None = "secret-key-123", **kw) -> EnrichOptions:
    return EnrichOptions(S2Settings(api_url=url, api_key=key, offline=False), progress=False, **kw)


def outputs(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "processed").iterdir())}


def test_online_build_enriches_and_a_rebuild_sends_nothing(project: Path) -> None:
    logs: list[str] = []
    with FakeS2.running() as fake:
        first = build(project, log=logs.append, enrich_options=options(fake.url))
        sent = fake.count()
        # one batch call for the identifiers, one title match for the title-only work (merged by title later)
        assert fake.count("batch") == 1
        assert all(r.headers.get("x-api-key") == "secret-key-123" for r in fake.requests)
        before = outputs(project)
        build(project, log=logs.append, enrich_options=options(fake.url))
        assert fake.count() == sent  # the second run is answered from raw/semanticscholar/
    assert outputs(project) == before  # and gives byte-identical files

    papers = first.papers.set_index("work_id")
    ddpm = papers.loc["arxiv:2006.11239"]
    assert ddpm.enrichment_status == "ok" and ddpm.citation_count == 15000
    assert ddpm.sources == ["a.md", "b.md"] and ddpm.occurrence_count == 2
    assert papers.loc["arxiv:2101.99999", "enrichment_status"] == "not_found"
    edges = set(first.citations.itertuples(index=False, name=None))
    assert ("arxiv:2010.02502", "arxiv:2006.11239") in edges and ("arxiv:2006.11239", "arxiv:1907.05600") in edges
    cache = list((project / "raw" / "semanticscholar").glob("*.json"))
    assert cache and all("secret-key-123" not in p.read_text() for p in cache)
    assert all("secret-key-123" not in line for line in logs)
    for name in ("papers.parquet", "occurrences.parquet", "citations.parquet", "papers.csv", "issues.csv"):
        assert b"secret-key-123" not in before[name]


def test_offline_build_sends_nothing_and_marks_not_fetched(project: Path) -> None:
    logs: list[str] = []
    with FakeS2.running() as fake:
        result = build(project, log=logs.append,
                       enrich_options=EnrichOptions(S2Settings(api_url=fake.url, offline=True), progress=False))
        assert fake.count() == 0
    assert set(result.papers.enrichment_status) == {"not_fetched"}
    assert any(line.startswith("Semantic Scholar lookups disabled (offline)") for line in logs)


def test_offline_and_unreachable_builds_give_the_same_dataset(project: Path, tmp_path: Path) -> None:
    from tests.fake_s2 import closed_port

    build(project, log=lambda m: None,
          enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    offline = outputs(project)
    build(project, log=lambda m: None, enrich_options=options(f"http://127.0.0.1:{closed_port()}", key=None))
    assert outputs(project) == offline


def test_cached_answers_are_used_offline(project: Path) -> None:
    with FakeS2.running() as fake:
        build(project, log=lambda m: None, enrich_options=options(fake.url))
    result = build(project, log=lambda m: None,
                   enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    assert result.papers.set_index("work_id").loc["arxiv:2006.11239", "enrichment_status"] == "ok"


def test_matches_explain_every_mention(project: Path) -> None:
    result = build(project, log=lambda m: None,
                   enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    assert result.matches.occurrence_id.tolist() == result.occurrences.occurrence_id.tolist()
    ev = result.matches.set_index("occurrence_id")
    assert ev.loc["a.md:4", ["rule", "evidence"]].tolist() == ["seed", "first mention of the work"]
    assert ev.loc["b.md:3", ["work_id", "rule", "evidence", "matched_occurrence_id"]].tolist() == [
        "arxiv:2006.11239", "title", "title+kind", "a.md:4"]  # the NeurIPS-proceedings row joins by title
    assert ev.loc["a.md:6", ["work_id", "rule"]].tolist() == ["arxiv:1907.05600", "seed"]  # a title, no link
    assert ev.loc["b.md:4", ["work_id", "rule", "matched_occurrence_id"]].tolist() == [
        "arxiv:1907.05600", "title", "a.md:6"]  # the arXiv row joins the title-only one by title


LDM_ARXIV = "2112.10752"
LDM_DOI = "10.1109/CVPR52688.2022.01042"
LIST_LDM = f"""\
| Title | Venue | Year |
|---|---|---|
| [High-Resolution Image Synthesis with Latent Diffusion Models](https://arxiv.org/abs/{LDM_ARXIV}) | arXiv | 2021 |
| [Latent Diffusion, the CVPR version](https://doi.org/{LDM_DOI}) | CVPR | 2022 |
| [Latent Diffusion, the CVPR version](https://doi.org/{LDM_DOI}) | ICCV | 2022 |
"""


def test_works_merged_by_enrichment_leave_no_dangling_work_id(tmp_path: Path) -> None:
    """Two works (an arXiv id, a DOI under another title) that Semantic Scholar says are one paper: after the
    merge every table names only the surviving work, the issues of the merged-away one included."""
    (tmp_path / "raw" / "lists").mkdir(parents=True)
    (tmp_path / "raw" / "lists" / "ldm.md").write_text(LIST_LDM)
    doi_work = f"doi:{LDM_DOI.lower()}"
    with FakeS2.running() as fake:
        result = build(tmp_path, log=lambda m: None, enrich_options=options(fake.url))
    survivor = f"arxiv:{LDM_ARXIV}"
    assert result.papers.work_id.tolist() == [survivor]
    assert set(result.occurrences.work_id) == {survivor} and set(result.matches.work_id) == {survivor}
    # the DOI work had a venue conflict (dedupe) and a title far from Semantic Scholar's (enrich): both stay,
    # now about the survivor
    details = result.issues.set_index("detail").work_id.to_dict()
    assert any(d.startswith("venue:") for d in details) and any(d.startswith("title: lists") for d in details)
    assert set(result.issues.work_id.dropna()) == {survivor}
    written = pd.read_csv(tmp_path / "processed" / "issues.csv", dtype=str, keep_default_na=False)
    assert doi_work not in set(written.work_id) and set(written.work_id) - {""} == {survivor}


def test_the_build_stops_on_a_work_id_missing_from_papers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With merges that forget the issues (the old bug), the integrity stage stops the build before writing."""
    import diffdata.pipeline

    def forgets_issues(occurrences, matches, issues, merges):
        occ, m, _ = apply_merges(occurrences, matches, issues, merges)
        return occ, m, issues

    monkeypatch.setattr(diffdata.pipeline, "apply_merges", forgets_issues)
    (tmp_path / "raw" / "lists").mkdir(parents=True)
    (tmp_path / "raw" / "lists" / "ldm.md").write_text(LIST_LDM)
    with FakeS2.running() as fake, pytest.raises(IntegrityError, match=f"issues.work_id names 'doi:{LDM_DOI.lower()}'"):
        build(tmp_path, log=lambda m: None, enrich_options=options(fake.url))
    assert not (tmp_path / "processed" / "issues.csv").exists()


def test_a_build_writes_the_declared_outputs(project: Path) -> None:
    from diffdata import load
    from diffdata.outputs import OUTPUTS, PACKAGED

    result = build(project, log=lambda m: None, enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    assert [p.name for p in result.files] == list(OUTPUTS)
    assert sorted(p.name for p in (project / "processed").iterdir() if not p.name.startswith(".")) == sorted(OUTPUTS)
    assert set(PACKAGED) <= set(OUTPUTS) and load.PACKAGED is PACKAGED
    with pytest.raises(ValueError, match="not a packaged dataset file"):
        load.data_path("matches.parquet")  # a wheel does not carry it


def test_a_build_that_fails_while_writing_leaves_the_dataset_as_it_was(project: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The outputs are made one at a time and written as they are made, but put in place only once all are:
    a writer failing half way (here the BibTeX one, after the Parquet and CSV files) changes no output, nor the
    key registry, which a new paper would change, and leaves no temporary file; datapackage.json's hashes are
    those of the files written."""
    import hashlib
    import json

    import diffdata.pipeline

    offline = EnrichOptions(S2Settings(offline=True), progress=False)
    build(project, log=lambda m: None, enrich_options=offline)
    before = outputs(project)
    registry = (project / "raw" / "citation_keys.csv").read_bytes()
    (project / "raw" / "lists" / "a.md").write_text(
        textwrap.dedent(LIST_A) + "- [Consistency Models](https://arxiv.org/abs/2303.01469)\n")

    def fails(*_a, **_k):
        raise RuntimeError("the BibTeX writer failed")

    with monkeypatch.context() as m:
        m.setattr(diffdata.pipeline, "to_bibtex", fails)
        with pytest.raises(RuntimeError, match="BibTeX writer"):
            build(project, log=lambda m: None, enrich_options=offline)
    assert outputs(project) == before
    assert (project / "raw" / "citation_keys.csv").read_bytes() == registry
    assert not [p for p in project.rglob(".tmp-*")]
    build(project, log=lambda m: None, enrich_options=offline)
    assert (project / "raw" / "citation_keys.csv").read_bytes() != registry  # the new paper's key
    after = outputs(project)
    assert after["occurrences.csv"] != before["occurrences.csv"]
    package = json.loads(after["datapackage.json"])
    hashes = {r["path"]: r["hash"] for r in package["resources"]}
    assert hashes and all(hashes[n].removeprefix("sha256:") == hashlib.sha256(after[n]).hexdigest() for n in hashes)


def test_a_rebuild_parses_only_the_list_that_changed_and_matches_a_full_build(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import diffdata.parse as parse

    parsed: list[str] = []
    real = parse.parse_document
    monkeypatch.setattr(parse, "parse_document", lambda s, t: parsed.append(s) or real(s, t))
    offline = EnrichOptions(S2Settings(offline=True), progress=False)
    build(project, log=lambda m: None, enrich_options=offline)
    assert sorted(parsed) == ["a.md", "b.md"] and any((project / "build" / "parse-cache").iterdir())
    parsed.clear()
    (project / "raw" / "lists" / "a.md").write_text(textwrap.dedent(LIST_A) + "- [DDIM again](https://arxiv.org/abs/2010.02502)\n")
    build(project, log=lambda m: None, enrich_options=offline)
    assert parsed == ["a.md"]
    fresh = tmp_path / "fresh"
    shutil.copytree(project / "raw", fresh / "raw")
    build(fresh, log=lambda m: None, enrich_options=offline)
    assert outputs(fresh) == outputs(project)  # the cache changes nothing but the time


def test_a_build_runs_without_full_collections_and_restores_the_collector(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stages run with the oldest generation's collections paused; the thresholds come back after the
    build, also when it fails."""
    import gc

    import diffdata.pipeline

    seen: list[tuple[int, int, int]] = []
    real_merge = diffdata.pipeline.merge_mentions

    def merge_and_look(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(diffdata.pipeline, "merge_mentions", merge_and_look)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        build(project, log=lambda m: None, enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
        assert seen == [(700, 10, 2**31 - 1)]
        assert gc.get_threshold() == (700, 10, 10)

        def fails(*args, **kwargs):
            raise RuntimeError("stage failed")

        monkeypatch.setattr(diffdata.pipeline, "merge_mentions", fails)
        with pytest.raises(RuntimeError, match="stage failed"):
            build(project, log=lambda m: None, enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_the_text_memos_keep_every_text_during_a_build_and_are_emptied_after(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The text helpers' memos hold every text a build asks about (none is dropped for another, so a larger
    build pays no more per text) and are emptied when the build ends, also when it fails."""
    import diffdata.pipeline
    from diffdata.keys import _ascii_word
    from diffdata.text import BUILD_MEMOS, clean_space, title_key

    assert {title_key, clean_space, _ascii_word} <= set(BUILD_MEMOS)
    assert all(memo.cache_info().maxsize is None for memo in BUILD_MEMOS)
    during: list[int] = []
    real_keys = diffdata.pipeline.assign_keys

    def keys_and_look(*args, **kwargs):
        during.append(title_key.cache_info().currsize)
        return real_keys(*args, **kwargs)

    monkeypatch.setattr(diffdata.pipeline, "assign_keys", keys_and_look)
    offline = EnrichOptions(S2Settings(offline=True), progress=False)
    build(project, log=lambda m: None, enrich_options=offline)
    assert during and during[0] > 0  # the merge's title keys were there for the keys stage to reuse
    assert all(memo.cache_info().currsize == 0 for memo in BUILD_MEMOS)

    def fails(*args, **kwargs):
        title_key("A Title Asked For")
        raise RuntimeError("stage failed")

    monkeypatch.setattr(diffdata.pipeline, "assign_keys", fails)
    with pytest.raises(RuntimeError):
        build(project, log=lambda m: None, enrich_options=offline)
    assert title_key.cache_info().currsize == 0
