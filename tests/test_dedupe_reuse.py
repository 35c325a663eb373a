"""The dedupe stage's shortcuts give what the plain computation gives: small fuzzy blocks scored pair by pair
find the pairs rapidfuzz's cdist finds, and a work's links that are its mentions' primary links are not
classified again."""

from __future__ import annotations

import pytest

try:
    from dedupe_rows import mention, merge
except ImportError:  # tests/ imported as a package
    from tests.dedupe_rows import mention, merge


def _rows():
    import pandas as pd

    from diffdata.dedupe.rows import SurnameMemo, mention_rows
    from diffdata.schemas import OCCURRENCES

    titles = ["Denoising Diffusion Probabilistic Models", "Denoising Difusion Probabilistic Models",
              "Denoising Diffusion Probabilistic Model", "Denoising Diffusion Implicit Models",
              "Score-Based Generative Modeling", "Score Based Generative Modelling", "Stable Diffusion 2",
              "Stable Diffusion 3", "Consistency Models", "Improved Consistency Models", "Latent Diffusion Models",
              "Latent Difusion Models", "Elucidating the Design Space", "Elucidating the Desing Space"]
    rows = [mention(f"x.md:{i + 1}", t) for i, t in enumerate(titles)]
    rows += [mention(f"y.md:{i + 1}", f"Paper {i} on diffusion topic {i * 7}") for i in range(40)]
    occ = pd.DataFrame(rows, columns=OCCURRENCES.names)
    return mention_rows(occ, SurnameMemo())


def test_small_blocks_find_the_pairs_cdist_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffdata.dedupe import fuzzy

    rows = _rows()
    found = fuzzy.fuzzy_candidates(rows)
    monkeypatch.setattr(fuzzy, "_SMALL", 0)  # every block through cdist
    assert fuzzy.fuzzy_candidates(rows) == found
    assert len(found) >= 4  # the typo pairs are there, so the comparison compares something


def test_primary_links_are_not_classified_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two mentions of one paper, each linking its own page: no link is asked whether it is a paper or code;
    a third link (a project page, a repository) is, and lands where it belongs."""
    from diffdata.dedupe import canonical

    asked: list[str] = []
    real_paper, real_repo = canonical.is_paper_url, canonical.is_repository
    monkeypatch.setattr(canonical, "is_paper_url", lambda u: asked.append(u) or real_paper(u))
    monkeypatch.setattr(canonical, "is_repository", lambda u: asked.append(u) or real_repo(u))
    a = mention("a.md:1", "Denoising Diffusion Probabilistic Models", url="https://arxiv.org/abs/2006.11239",
                arxiv_id="2006.11239")
    b = mention("b.md:1", "Denoising Diffusion Probabilistic Models", url="https://arxiv.org/pdf/2006.11239",
                arxiv_id="2006.11239")
    r = merge(a, b)
    assert len(r.papers) == 1 and asked == []
    c = mention("c.md:1", "Denoising Diffusion Probabilistic Models", url="https://arxiv.org/abs/2006.11239v2",
                arxiv_id="2006.11239",
                links=[{"label": "paper", "url": "https://arxiv.org/abs/2006.11239v2"},
                       {"label": "project", "url": "https://hojonathanho.github.io/diffusion"},
                       {"label": "code", "url": "https://github.com/hojonathanho/diffusion"}])
    r = merge(a, b, c)
    assert len(r.papers) == 1
    assert r.papers.loc[0, "code_urls"] == ["https://github.com/hojonathanho/diffusion"]
    assert r.papers.loc[0, "project_urls"] == ["https://hojonathanho.github.io/diffusion"]
    assert "https://arxiv.org/abs/2006.11239v2" not in asked


def test_no_collection_while_merging_and_the_collector_restored() -> None:
    """The cyclic collector is paused during the merge (no collection runs, however many objects it makes) and
    left as it was found: on after a merge when it was on, off when it was off, on after a merge that fails."""
    import gc
    import os
    import sys

    import pandas as pd

    from diffdata.dedupe import merge_mentions
    from diffdata.schemas import OCCURRENCES

    collections: list[int] = []

    def count(phase: str, _info: dict) -> None:
        """A collection started inside the merge's work (any dedupe function but the entry and its pause)."""
        frame = sys._getframe(1)
        while frame is not None and phase == "start":
            code = frame.f_code
            if os.path.join("diffdata", "dedupe", "") in code.co_filename and code.co_name != "merge_mentions":
                collections.append(1)
                return
            frame = frame.f_back

    occ = pd.DataFrame([mention(f"x.md:{i + 1}", f"Paper {i} on diffusion topic {i * 7}") for i in range(300)],
                       columns=OCCURRENCES.names)
    was = gc.isenabled()
    gc.callbacks.append(count)
    try:
        gc.enable()
        gc.set_threshold(1)  # a collection at (almost) every allocation when the collector is on
        try:
            r = merge_mentions(occ)
        finally:
            gc.set_threshold(700, 10, 10)
        assert len(r.papers) == 300 and collections == [] and gc.isenabled()
        gc.disable()
        merge_mentions(occ)
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(KeyError):
            merge_mentions(pd.DataFrame({"title": ["no other column"]}))
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)
        if not was:
            gc.disable()


def test_windows_of_a_large_block_score_each_title_with_its_sorted_neighbours(monkeypatch: pytest.MonkeyPatch
                                                                              ) -> None:
    """A block larger than MAX_BLOCK is cut into steps of WINDOW titles in sorted order, and each title is
    compared with the rest of its step and the whole next step: the pairs found are exactly those of that
    definition, scored one by one (typo pairs 1 to 7 titles apart in sorted order, windows of 3)."""
    from collections import Counter

    import pandas as pd

    from diffdata.dedupe import fuzzy
    from diffdata.dedupe.rows import SurnameMemo, mention_rows
    from diffdata.schemas import OCCURRENCES

    monkeypatch.setattr(fuzzy, "MAX_BLOCK", 6)
    monkeypatch.setattr(fuzzy, "WINDOW", 3)
    monkeypatch.setattr(fuzzy, "_SMALL", 2)
    # every title starts "shared prefix k": one head block holds them all; the tails differ by one letter
    titles = [f"shared prefix k{i:02d} generative modelling of scenes {w}" for i in range(40)
              for w in ("alpha", "alphb")[: 1 + (i % 3 == 0)]]
    rows = mention_rows(pd.DataFrame([mention(f"x.md:{n + 1}", t) for n, t in enumerate(titles)],
                                     columns=OCCURRENCES.names), SurnameMemo())
    found = {(a, b) for _s, a, b in fuzzy.fuzzy_candidates(rows)}

    def blocks() -> list[list[int]]:
        df = Counter(p for r in rows for p in fuzzy._prefixes(r.key))
        keys: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            for k in fuzzy._blocking_keys(r.key, df):
                keys.setdefault(k, []).append(i)
        return list(keys.values())

    expected = set()
    for members in blocks():
        if len(members) > fuzzy.MAX_BLOCK:
            members = sorted(members, key=lambda i: rows[i].key)
            reach = [(x // 3) * 3 + 6 for x in range(len(members))]  # the end of the next step
            pairs = [(members[x], members[y]) for x in range(len(members)) for y in range(x + 1, reach[x])
                     if y < len(members)]
        else:
            pairs = [(a, b) for n, a in enumerate(members) for b in members[n + 1:]]
        for a, b in pairs:
            if fuzzy._title_similarity(rows[a].key, rows[b].key) is not None:
                expected.add((min(a, b), max(a, b)))
    assert found == expected and len(found) >= 10
