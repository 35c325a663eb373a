"""The exact-title rule's work grows linearly with the input (issue 13: every stage linear): the union-find
operations (``Groups.find``, ``Groups.compatible``) made by the whole stage are counted, never timed, at n and 2n
mentions of shapes that cost n² when each mention is compared with every other mention of its title."""

from __future__ import annotations

import pytest

try:
    from dedupe_rows import mention, merge
except ImportError:  # tests/ imported as a package
    from tests.dedupe_rows import mention, merge


def _repositories(n: int) -> list[dict]:
    """One title, n repositories at n addresses: n works (a repository is its address)."""
    return [mention(f"r.md:{i + 1}", "Awesome Diffusion", kind="repository",
                    url=f"https://github.com/owner{i}/awesome-diffusion") for i in range(n)]


def _videos(n: int) -> list[dict]:
    return [mention(f"v.md:{i + 1}", "Diffusion Models Explained", kind="video",
                    url=f"https://www.youtube.com/watch?v=vid{i:08d}") for i in range(n)]


def _one_work(n: int) -> list[dict]:
    """n mentions of one paper (same title, same arXiv id): one work."""
    return [mention(f"p.md:{i + 1}", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239",
                    url="https://arxiv.org/abs/2006.11239") for i in range(n)]


def _arxiv_ids(n: int) -> list[dict]:
    """One title, n arXiv ids: n works (two arXiv ids are two works)."""
    return [mention(f"a.md:{i + 1}", "Diffusion Models: A Survey", arxiv_id=f"2101.{i:05d}") for i in range(n)]


def _authors(n: int) -> list[dict]:
    """One title, n papers by n different authors and no identifier: n works."""
    def name(i: int) -> str:  # surnames are letters: Baa, Bab, ...
        return "B" + "".join(chr(97 + i // 26 ** k % 26) for k in (2, 1, 0))

    return [mention(f"s.md:{i + 1}", "Diffusion Models", authors=[f"Ann {name(i)}"]) for i in range(n)]


def _one_page(n: int) -> list[dict]:
    """One title, n web pages at n addresses and no other fact: one work (a page is not its address)."""
    return [mention(f"w.md:{i + 1}", "Diffusion Notes", kind="website", url=f"https://example{i}.org/notes")
            for i in range(n)]


SHAPES = {"repositories": (_repositories, 1.0), "videos": (_videos, 1.0), "one work": (_one_work, None),
          "arxiv ids": (_arxiv_ids, 1.0), "authors": (_authors, 1.0), "one page": (_one_page, None)}


def _count(monkeypatch: pytest.MonkeyPatch, rows: list[dict]):
    from diffdata.dedupe.groups import Groups

    calls = [0]
    find, compatible = Groups.find, Groups.compatible

    def counting_find(self, i):
        calls[0] += 1
        return find(self, i)

    def counting_compatible(self, a, b):
        calls[0] += 1
        return compatible(self, a, b)

    monkeypatch.setattr(Groups, "find", counting_find)
    monkeypatch.setattr(Groups, "compatible", counting_compatible)
    result = merge(*rows)
    monkeypatch.undo()
    return calls[0], result


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_exact_title_rule_work_is_linear(monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    make, works_per_mention = SHAPES[shape]
    small, r_small = _count(monkeypatch, make(400))
    large, r_large = _count(monkeypatch, make(800))
    if works_per_mention is None:
        assert (len(r_small.papers), len(r_large.papers)) == (1, 1)
    else:
        assert (len(r_small.papers), len(r_large.papers)) == (400, 800)
    assert large < 2.3 * small, (shape, small, large)
