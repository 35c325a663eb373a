"""The parse cache: a rebuild parses only the lists that changed, and gives what a full parse gives."""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

import pandas as pd
import pytest

import diffdata.parse as parse
from diffdata.parse import cache_key, parse_lists
from diffdata.parsecache import PARSE_MAGIC, DirectoryCache

A = "- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) (NeurIPS 2020)\n"
B = "| Title | Venue |\n|---|---|\n| [Score SDE](https://arxiv.org/abs/2011.13456) | ICLR 2021 |\n"


def docs(**texts: str) -> pd.DataFrame:
    return pd.DataFrame({"source": list(texts), "text": list(texts.values())})


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = parse.parse_document

    def counting(source: str, text: str):
        seen.append(source)
        return real(source, text)

    monkeypatch.setattr(parse, "parse_document", counting)
    return seen


def test_a_rebuild_parses_only_the_changed_list_and_matches_a_full_parse(tmp_path: Path, calls: list[str]) -> None:
    cache = DirectoryCache(tmp_path / "cache")
    parse_lists(docs(**{"a.md": A, "b.md": B}), cache)
    assert sorted(calls) == ["a.md", "b.md"]
    calls.clear()
    changed = docs(**{"a.md": A + "- [DDIM](https://arxiv.org/abs/2010.02502)\n", "b.md": B})
    cached = parse_lists(changed, cache)
    assert calls == ["a.md"]
    full = parse_lists(changed)
    pd.testing.assert_frame_equal(cached.occurrences, full.occurrences)
    pd.testing.assert_frame_equal(cached.report, full.report)


def _sealed(value: object) -> bytes:
    payload = marshal.dumps(value)
    return PARSE_MAGIC + hashlib.sha256(payload).digest() + payload


@pytest.mark.parametrize("content", [b"{not json", _sealed({"rows": 5, "report": []}), _sealed((5, [])),
                                     _sealed(["a", "b"]), _sealed(([1], [])), b"", _sealed(([], []))[:-1],
                                     PARSE_MAGIC + bytes(32) + marshal.dumps(([], []))],
                         ids=["corrupt", "wrong-shape", "not-lists", "not-a-pair", "not-rows", "empty",
                              "truncated", "bad-checksum"])
def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path, calls: list[str], content: bytes) -> None:
    cache = DirectoryCache(tmp_path)
    (tmp_path / f"{cache_key('a.md', A)}.bin").write_bytes(content)
    result = parse_lists(docs(**{"a.md": A}), cache)
    assert calls == ["a.md"] and result.occurrences.title.tolist() == ["Denoising Diffusion Probabilistic Models"]
    assert cache.get(cache_key("a.md", A)) is not None


def test_the_key_changes_with_the_name_the_text_and_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache_key("a.md", A)
    assert key != cache_key("b.md", A) and key != cache_key("a.md", A + "\n")
    monkeypatch.setattr(parse, "parser_version", lambda: "another parser")
    assert cache_key("a.md", A) != key


def test_an_unwritable_cache_does_not_stop_a_parse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = parse_lists(docs(**{"a.md": A}), DirectoryCache(blocker / "cache"))
    assert len(result.occurrences) == 1
