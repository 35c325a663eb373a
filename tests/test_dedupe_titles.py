"""The indexed exact-title rule (dedupe/titles.py) makes the merges of its definition, the simple loop that
compares each mention with every earlier and later mention of its title: same merges, same edges, same order,
on random groups with random identifiers, addresses, years and surnames (merged beforehand at random, as rule 1
and earlier titles leave them)."""

from __future__ import annotations

import random

import pytest

from diffdata.dedupe.groups import Groups
from diffdata.dedupe.rows import Mention
from diffdata.dedupe.titles import merge_same_titles
from diffdata.identifiers import ID_COLUMNS


def _mention(**fields: object) -> Mention:
    """A mention row with ``fields`` and nothing else (the title rule reads kinds, identifiers, years, surnames
    and addresses only)."""
    return Mention(**{**dict.fromkeys(Mention._fields), "suspicious": False, "surnames": frozenset(),
                      **fields})


def _by_definition(groups: Groups, members: list[int]) -> None:
    for m in members[1:]:
        for anchor in members:
            if anchor == m or groups.find(anchor) == groups.find(m):
                continue
            if groups.compatible(anchor, m):
                groups.union(anchor, m, "title", "title+kind")
                break


def _case(seed: int) -> tuple[list[Mention], list[tuple[int, int]], list[list[int]]]:
    rnd = random.Random(seed)
    kind = rnd.choice(["paper", "repository", "video", "website"])
    n = rnd.randint(2, 40)
    rows = []
    for _ in range(n):
        r = {col: None for col in ID_COLUMNS}
        if kind == "paper":
            r["arxiv_id"] = rnd.choice([None, None, "2101.00001", "2101.00002", "2101.00003"])
            r["doi"] = rnd.choice([None, None, None, "10.1/a", "10.1/b"])
        r.update(kind=kind, suspicious=False, year=rnd.choice([None, None, 2019, 2020, 2021, 2023, 2026]),
                 surnames=frozenset(rnd.sample(["lee", "kim", "ho", "song"], rnd.randint(0, 2))),
                 url_id=rnd.choice([None, "github.com/a/x", "github.com/b/x", "youtube:1", "youtube:2"])
                 if kind != "paper" else None)
        rows.append(_mention(**r))
    unions = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.randint(0, n // 3))]
    keys = [sorted(rnd.sample(range(n), rnd.randint(2, n))) for _ in range(rnd.randint(1, 3))]
    for k in range(len(keys)):  # a mention has one title: the keys do not overlap
        keys[k] = [i for i in keys[k] if all(i not in keys[j] for j in range(k))]
    return rows, unions, [k for k in keys if len(k) > 1]


@pytest.mark.parametrize("block", range(10))
def test_indexed_title_rule_merges_as_the_definition(block: int) -> None:
    for seed in range(block * 300, (block + 1) * 300):
        rows, unions, keys = _case(seed)
        results = []
        for rule in (_by_definition, merge_same_titles):
            groups = Groups(rows)
            for a, b in unions:
                groups.union(a, b, "identifier", "x")
            for members in keys:
                rule(groups, members)
            results.append((groups.edges, [groups.find(i) for i in range(len(rows))]))
        assert results[0] == results[1], seed


def test_no_index_for_a_title_with_one_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """A title of one mention, or of mentions rule 1 already put in one group, needs no index (most titles are
    such): none is built; a title of two groups still is, and merges them."""
    from diffdata.dedupe import titles

    built: list[list[int]] = []
    real = titles._TitleIndex
    monkeypatch.setattr(titles, "_TitleIndex", lambda g, members: built.append(members) or real(g, members))
    rows = [_mention(kind="paper") for _ in range(4)]
    groups = Groups(rows)
    merge_same_titles(groups, [0])
    groups.union(1, 2, "identifier", "arxiv:2101.00001")
    merge_same_titles(groups, [1, 2])
    assert built == [] and groups.count() == 3
    merge_same_titles(groups, [0, 3])
    assert built == [[0, 3]] and groups.find(0) == groups.find(3)
