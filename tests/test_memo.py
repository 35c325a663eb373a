"""The memo of the later stages: a rebuild reuses per-work results, and its outputs are byte for byte those of a
build without any memo, whatever changed; stale, corrupt or wrongly keyed entries cannot go unnoticed."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest

import diffdata.memo as memo_module
from diffdata import pipeline
from diffdata.memo import content_key, memo_map
from diffdata.parsecache import MEMO_CHUNK, MEMO_MAGIC, FileMemo
from diffdata.s2 import S2Settings

OFFLINE = pipeline.EnrichOptions(S2Settings(offline=True), progress=False)


class DictMemo(dict):
    def get(self, key: str) -> bytes | None:  # type: ignore[override]
        return super().get(key)

    def put(self, key: str, value: bytes) -> None:
        self[key] = value


def test_a_hit_is_the_computed_value_and_skips_the_work() -> None:
    memo, calls = DictMemo(), []

    def fn(item: tuple) -> dict:
        calls.append(item)
        return {"x": item, "f": 0.1, "t": (1, "a"), "n": None}

    items = [(1, "a"), (2, "b")]
    first = memo_map(memo, "t", fn, items)
    assert len(calls) == 2 and len(memo) == 2
    again = memo_map(memo, "t", fn, items)
    assert len(calls) == 2 and again == first and type(again[0]["t"]) is tuple
    again[0]["x"] = "changed"  # a caller may change what it got: the memo is not
    assert memo_map(memo, "t", fn, items) == first
    memo_map(memo, "t", fn, [(1, "c")])
    assert len(calls) == 3  # other content, another key


def test_keys_depend_on_name_content_and_types_not_on_object_sharing() -> None:
    s = "".join(["ab", "c"])
    assert content_key("a", [s, s]) == content_key("a", ["abc", "".join(["a", "bc"])])
    assert content_key("a", (1,)) != content_key("b", (1,))
    assert content_key("a", (1,)) != content_key("a", (1.0,)) != content_key("a", ([1],))
    assert content_key("a", {"k": "v"}) != content_key("a", {"k": "w"})
    assert content_key("a", lambda: 1) is None  # what cannot be pickled is computed, never looked up


def test_a_corrupt_or_unkept_entry_is_computed_again() -> None:
    memo = DictMemo()
    memo_map(memo, "t", lambda i: [i], [1])
    key = next(iter(memo))
    memo[key] = b"\xff not marshal"
    assert memo_map(memo, "t", lambda i: [i * 10], [1]) == [[10]]
    assert marshal.loads(memo[key]) == [10]
    memo_map(memo, "o", lambda i: object(), [1])  # not plain values: not kept
    assert all(marshal.loads(v) == [10] for v in memo.values())


def test_the_file_memo_keeps_what_the_build_used_and_ignores_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "m" / "memo.bin"
    memo = FileMemo(path)
    memo.put("a", b"1")
    memo.put("b", b"2")
    memo.save()
    again = FileMemo(path)
    assert again.get("a") == b"1"
    again.save()
    assert FileMemo(path).old == {"a": b"1"}  # only what the last build used
    data = path.read_bytes()
    for bad in (data[:-1], data[:-1] + bytes([data[-1] ^ 1]), b"x" + data[1:], MEMO_MAGIC, b""):
        path.write_bytes(bad)
        assert FileMemo(path).get("a") is None


def test_the_file_memo_writes_as_it_goes_in_chunks(tmp_path: Path) -> None:
    """Entries reach a temporary file beside the memo a chunk at a time (a build does not hold them all until it
    saves); save() seals it, and every entry of every chunk reads back."""
    path = tmp_path / "memo.bin"
    memo = FileMemo(path)
    n = MEMO_CHUNK * 2 + 7
    for i in range(n):
        memo.put(f"k{i}", str(i).encode())
    temporary = [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]
    assert len(temporary) == 1 and temporary[0].stat().st_size > MEMO_CHUNK * 2 * 4  # two chunks on disk
    assert not path.exists()
    memo.put("k0", b"again")  # the last value put wins, in a chunk already written too
    memo.save()
    assert [p.name for p in tmp_path.iterdir()] == ["memo.bin"]
    back = FileMemo(path).old
    assert len(back) == n and back["k0"] == b"again" and back[f"k{n - 1}"] == str(n - 1).encode()


def test_a_corrupt_entry_is_replaced_by_the_value_computed_again(tmp_path: Path) -> None:
    """memo_map gets the previous build's bytes, cannot decode them, computes the value and puts it: the next
    build gets the computed value, not the corrupt bytes again."""
    path = tmp_path / "memo.bin"
    first = FileMemo(path)
    assert memo_map(first, "t", lambda i: [i * 10], [1]) == [[10]]
    first.save()
    (key,) = FileMemo(path).old
    corrupt = FileMemo(path)
    corrupt.old[key] = b"\xff not marshal"
    corrupt.get(key)
    corrupt.save()  # the corrupt bytes, as a build that used them keeps them
    second = FileMemo(path)
    assert second.old[key] == b"\xff not marshal"
    assert memo_map(second, "t", lambda i: [i * 10], [1]) == [[10]]
    second.save()
    assert marshal.loads(FileMemo(path).old[key]) == [10]


def test_a_build_stopped_half_way_keeps_the_old_memo_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "memo.bin"
    first = FileMemo(path)
    first.put("a", b"1")
    first.save()
    with pytest.raises(RuntimeError), FileMemo(path) as memo:
        for i in range(MEMO_CHUNK + 1):
            memo.put(f"k{i}", b"x")
        raise RuntimeError("a stage failed")
    assert [p.name for p in tmp_path.iterdir()] == ["memo.bin"]
    assert FileMemo(path).old == {"a": b"1"}


def test_a_memo_past_its_size_cap_is_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diffdata.parsecache as parsecache

    monkeypatch.setattr(parsecache, "MAX_MEMO_BYTES", 10_000)
    path = tmp_path / "memo.bin"
    memo = FileMemo(path)
    for i in range(MEMO_CHUNK * 3):
        memo.put(f"k{i}", b"v" * 20)
    memo.save()
    assert list(tmp_path.iterdir()) == []


def _root(tmp_path: Path, name: str, repo: Path) -> Path:
    root = tmp_path / name
    (root / "raw").mkdir(parents=True)
    shutil.copytree(repo / "raw" / "lists", root / "raw" / "lists")
    if (repo / "raw" / "semanticscholar").is_dir():
        shutil.copytree(repo / "raw" / "semanticscholar", root / "raw" / "semanticscholar")
    shutil.copy2(repo / "raw" / "citation_keys.csv", root / "raw" / "citation_keys.csv")
    (root / "processed").mkdir()
    return root


def _change(root: Path) -> None:
    """A changed title (same line) and a new mention of a work other lists give (its work gains a mention)."""
    path = root / "raw" / "lists" / "reading-list.md"
    text = path.read_text(encoding="utf-8")
    old = "[Cold Diffusion: Inverting Arbitrary Image Transforms Without Noise]"
    assert old in text
    text = text.replace(old, "[Cold Diffusion: Inverting Arbitrary Image Transforms With No Noise]")
    path.write_text(text + "\n- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)\n",
                    encoding="utf-8")


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "processed").iterdir()) if p.is_file()}


def _rebuilt_and_fresh(tmp_path: Path, repo: Path) -> tuple[dict[str, bytes], dict[str, bytes], Path]:
    """processed/ of a root built, changed and rebuilt with the memo, and of the changed lists built without."""
    warm = _root(tmp_path, "warm", repo)
    pipeline.build(warm, log=lambda _m: None, enrich_options=OFFLINE)
    assert (warm / "build" / "memo" / "memo.bin").is_file()
    _change(warm)
    pipeline.build(warm, log=lambda _m: None, enrich_options=OFFLINE)
    cold = _root(tmp_path, "cold", repo)
    _change(cold)
    pipeline.build(cold, log=lambda _m: None, enrich_options=OFFLINE, memo=False)
    assert not (cold / "build" / "memo").exists()
    return _outputs(warm), _outputs(cold), warm


def test_a_rebuild_with_the_memo_writes_what_a_build_without_it_writes(tmp_path: Path, root: Path) -> None:
    warm, cold, warm_root = _rebuilt_and_fresh(tmp_path, root)
    assert set(warm) == set(cold) and len(cold) > 10
    for name in cold:
        assert warm[name] == cold[name], name
    assert b"With No Noise" in cold["papers.csv"]
    # and a third build, from the memo of the second, with every entry of the file corrupted
    path = warm_root / "build" / "memo" / "memo.bin"
    entries = FileMemo(path).old
    assert entries
    garbage = FileMemo(path)
    for k in entries:
        garbage.put(k, b"\x00garbage")
    garbage.save()
    assert set(FileMemo(path).old) == set(entries)
    pipeline.build(warm_root, log=lambda _m: None, enrich_options=OFFLINE)
    assert _outputs(warm_root) == cold


def test_a_memo_keyed_on_less_than_the_content_would_be_caught(tmp_path: Path, root: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above fails when a key leaves out what changed (here: work_fields keyed by its mentions'
    ids only, so the changed title's work comes back stale)."""
    real = memo_module.content_key

    def careless(name: str, content: object) -> str | None:
        if name.startswith("dedupe.work_fields:"):  # its mentions' values, the fields named after the colon
            rows, _copied = content  # type: ignore[misc]
            at = name.split(":", 1)[1].split(",").index("occurrence_id")
            content = [r[at] for r in rows]
        return real(name, content)

    monkeypatch.setattr(memo_module, "content_key", careless)
    warm, cold, _ = _rebuilt_and_fresh(tmp_path, root)
    assert warm["papers.csv"] != cold["papers.csv"]
