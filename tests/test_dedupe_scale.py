"""The dedupe stage at scale (fuzzy.py, assemble.py): blocking compares few pairs, work per mention does not
grow with the input, and docs/merge-rules.md states the constants that govern it."""

from __future__ import annotations

import pytest

try:
    from dedupe_rows import mention, merge
except ImportError:  # tests/ imported as a package
    from tests.dedupe_rows import mention, merge


def test_blocking_scales_without_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """3000 distinct titles sharing common words, and one typo pair: the typo is found, and the titles compared
    are a small fraction of all pairs (an all-pairs version compares n² cells)."""
    from diffdata.dedupe import fuzzy

    compared = []
    cdist = fuzzy.process.cdist

    def counting(queries, choices, **kw):
        compared.append(len(queries) * len(choices))
        return cdist(queries, choices, **kw)

    monkeypatch.setattr(fuzzy.process, "cdist", counting)
    n = 3000
    rows = [mention(f"x.md:{i}", f"Diffusion models study number {i} of topic {i * 7}") for i in range(1, n + 1)]
    rows += [mention("y.md:1", "Denoising Diffusion Probabilistic Models"),
             mention("y.md:2", "Denoising Difusion Probabilistic Models")]
    r = merge(*rows)
    assert len(r.papers) == n + 1  # the typo pair is one work
    assert 0 < sum(compared) < n * n / 10  # about 5.5% here


def test_fuzzy_blocking_compares_few_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffdata.dedupe import fuzzy

    cells = []
    real = fuzzy.process.cdist
    monkeypatch.setattr(fuzzy.process, "cdist", lambda a, b, **kw: cells.append(len(a) * len(b)) or real(a, b, **kw))
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
    rows = [mention(f"x.md:{i}", f"{words[i % 10]} {words[i // 10 % 10]} {words[i // 100 % 10]} study {i}")
            for i in range(1, 2001)]
    merge(*rows)
    assert 0 < sum(cells) < 2000 * 2000 / 10  # blocks and windows: a small fraction of all pairs is scored


def test_work_per_mention_does_not_grow_with_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows' fields read while merging n and 2n mentions (each a webpage linking its own paper's arXiv
    id, so every second mention gets an issue to attach to a work): twice the input, about twice the reads.
    An issue looking its mention up by scanning every row made this grow as n²."""
    from diffdata.dedupe import merge as dedupe_merge
    from diffdata.dedupe.rows import Mention

    reads = [0]

    class Row(Mention):  # a mention row that counts the reads of its fields
        __slots__ = ()

        def __getattribute__(self, name: str):
            reads[0] += 1
            return super().__getattribute__(name)

        def __getitem__(self, at):
            reads[0] += 1
            return super().__getitem__(at)

    real = dedupe_merge.mention_rows
    monkeypatch.setattr(dedupe_merge, "mention_rows", lambda occ, memo: [Row(*r) for r in real(occ, memo)])

    def work(n: int) -> int:
        reads[0] = 0
        rows = []
        for i in range(n):
            arxiv = f"2101.{i:05d}"
            rows += [mention(f"p.md:{i + 1}", f"Paper number {i} on topic {i * 7}", arxiv_id=arxiv),
                     mention(f"w.md:{i + 1}", f"Homepage {i}", kind="website", arxiv_id=arxiv,
                             url=f"https://arxiv.org/abs/{arxiv}")]
        r = merge(*rows)
        assert (r.issues.kind == "suspicious_link").sum() == n
        return reads[0]

    small, large = work(300), work(600)
    assert large < 2.3 * small


def test_the_merge_rules_page_states_the_constants() -> None:
    """docs/merge-rules.md, which the module docstring points to, gives each constant its value in the code."""
    import re
    from pathlib import Path

    import diffdata.dedupe

    page = (Path(__file__).resolve().parents[1] / "docs" / "merge-rules.md").read_text()
    stated = dict(re.findall(r"`([A-Z_]+)` = ([0-9.]+)", page))
    assert set(stated) == {"FUZZY_THRESHOLD", "MAX_BLOCK", "WINDOW", "CONFLICT_TITLE_THRESHOLD"}
    for name, value in stated.items():
        assert float(value) == getattr(diffdata.dedupe, name), name
    assert "docs/merge-rules.md" in (diffdata.dedupe.__doc__ or "")
