"""Citation keys: readable, unique, and never renamed."""

from __future__ import annotations

import pandas as pd
import pytest

from diffdata.keys import REGISTRY_COLUMNS, RegistryError, assign_keys, base_key


def papers(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame([{"work_id": r[0], "title": r[1], "authors": r[2], "year": r[3], "kind": r[4],
                          "url": r[5] if len(r) > 5 else None, "citation_key": ""} for r in rows])


EMPTY = pd.DataFrame(columns=REGISTRY_COLUMNS)
DDPM = ("arxiv:2006.11239", "Denoising Diffusion Probabilistic Models", ["Jonathan Ho", "Ajay Jain"], 2020, "paper")


@pytest.mark.parametrize(
    ("authors", "year", "title", "key"),
    [
        (["Jonathan Ho"], 2020, "Denoising Diffusion Probabilistic Models", "ho2020denoising"),
        (["Valentin De Bortoli"], 2021, "Diffusion Schrödinger Bridge", "bortoli2021diffusion"),
        (["Erwin Schrödinger"], 1926, "The Wave", "schrodinger1926wave"),
        ([], 2023, "Q-diffusion: Quantizing diffusion models", "q2023diffusion"),
        (["Lilian Weng"], None, "What are Diffusion Models?", "wengnddiffusion"),
        ([], None, None, "anonnd230812964"),
    ],
    ids=["scholar-style", "particle", "accent-folded", "no-author", "no-year", "nothing"],
)
def test_base_key(authors: list[str], year: int | None, title: str | None, key: str) -> None:
    assert base_key(authors, year, title, "arxiv:2308.12964") == key
    assert key.isascii()


def test_new_keys_and_collisions_get_letters_deterministically() -> None:
    p = papers(DDPM, ("doi:10.1/x", "Denoising stuff", ["J. Ho"], 2020, "paper"))
    r = assign_keys(p, EMPTY)
    assert sorted(r.papers.citation_key) == ["ho2020denoising", "ho2020denoisingb"]
    assert r.added == 2 and list(r.registry.columns) == REGISTRY_COLUMNS
    again = assign_keys(p.iloc[::-1].reset_index(drop=True), EMPTY)
    assert dict(zip(again.papers.work_id, again.papers.citation_key, strict=True)) == \
        dict(zip(r.papers.work_id, r.papers.citation_key, strict=True))


def test_existing_key_never_renamed_when_a_new_work_wants_it() -> None:
    first = assign_keys(papers(("doi:10.1/x", "Denoising stuff", ["J. Ho"], 2020, "paper")), EMPTY)
    assert first.papers.citation_key.tolist() == ["ho2020denoising"]
    second = assign_keys(papers(DDPM, ("doi:10.1/x", "Denoising stuff", ["J. Ho"], 2020, "paper")), first.registry)
    keys = dict(zip(second.papers.work_id, second.papers.citation_key, strict=True))
    assert keys == {"doi:10.1/x": "ho2020denoising", "arxiv:2006.11239": "ho2020denoisingb"}
    assert second.added == 1 and len(second.registry) == 2


def test_key_of_a_removed_work_is_not_reused_and_pinned_keys_are_kept() -> None:
    reg = pd.DataFrame([["ho2020denoising", "doi:10.9/gone", "paper", "something else", ""],
                        ["ddpm", "arxiv:2006.11239", "paper", "denoising diffusion probabilistic models", ""]],
                       columns=REGISTRY_COLUMNS)
    r = assign_keys(papers(DDPM, ("doi:10.1/x", "Denoising stuff", ["J. Ho"], 2020, "paper")), reg)
    keys = dict(zip(r.papers.work_id, r.papers.citation_key, strict=True))
    assert keys == {"arxiv:2006.11239": "ddpm", "doi:10.1/x": "ho2020denoisingb"}
    assert "doi:10.9/gone" in set(r.registry.work_id)


def test_key_follows_a_work_whose_id_changed() -> None:
    reg = pd.DataFrame([["weng2021diffusion", "post:what-are-diffusion-models", "post", "what are diffusion models",
                         ""]], columns=REGISTRY_COLUMNS)
    p = papers(("doi:10.5/blog", "What are Diffusion Models?", ["Lilian Weng"], 2021, "post"))
    r = assign_keys(p, reg)
    assert r.papers.citation_key.tolist() == ["weng2021diffusion"]
    assert r.registry.work_id.tolist() == ["doi:10.5/blog"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["a1", "w1", "paper", "", ""], ["a1", "w2", "paper", "", ""]], ":3: citation key 'a1' already used on line 2"),
        ([["a1", "w1", "paper", "", ""], ["a2", "w1", "paper", "", ""]], ":3: work 'w1' already has a key on line 2"),
        ([["bad key!", "w1", "paper", "", ""]], ":2: invalid citation key"),
        ([["schrödinger", "w1", "paper", "", ""]], ":2: invalid citation key"),
    ],
    ids=["duplicate-key", "duplicate-work", "bad-characters", "non-ascii"],
)
def test_bad_registry_names_the_line(rows: list[list[str]], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        assign_keys(papers(DDPM), pd.DataFrame(rows, columns=REGISTRY_COLUMNS))


def test_a_new_work_with_the_same_title_never_takes_an_existing_key() -> None:
    weng = "https://lilianweng.github.io/lil-log/2021/07/11/diffusion-models.html"
    first = assign_keys(papers(("post:what-are-diffusion-models", "What are Diffusion Models?", ["Lilian Weng"],
                                2021, "post", weng)), EMPTY)
    assert first.papers.citation_key.tolist() == ["weng2021diffusion"]
    # another list adds Jane Doe's post of the same title: both work ids gain a suffix (they clash)
    both = papers(("post:what-are-diffusion-models:13576d5f", "What are Diffusion Models?", ["Jane Doe"], 2023,
                   "post", "https://jane.example/blog/2023/diffusion/"),
                  ("post:what-are-diffusion-models:41221b1e", "What are Diffusion Models?", ["Lilian Weng"], 2021,
                   "post", weng))
    second = assign_keys(both, first.registry)
    keys = dict(zip(second.papers.work_id, second.papers.citation_key, strict=True))
    assert keys == {"post:what-are-diffusion-models:41221b1e": "weng2021diffusion",
                    "post:what-are-diffusion-models:13576d5f": "doe2023diffusion"}
    # two candidates and no URL to tell them apart: nobody takes the old key, it stays reserved
    unknown = both.assign(url=None)
    third = assign_keys(unknown, first.registry)
    assert "weng2021diffusion" not in set(third.papers.citation_key)
    assert "weng2021diffusion" in set(third.registry.citation_key)


def test_duplicate_work_ids_are_refused() -> None:
    with pytest.raises(ValueError, match=r"two works share the work_id 'doi:10\.1/x'"):
        assign_keys(papers(("doi:10.1/x", "A", [], 2020, "paper"), ("doi:10.1/x", "B", [], 2021, "paper")), EMPTY)


def test_the_only_candidate_at_another_address_does_not_take_a_vanished_works_key() -> None:
    reg = pd.DataFrame([["weng2021diffusion", "post:what-are-diffusion-models:aaaa", "post",
                         "what are diffusion models", "https://lilianweng.github.io/posts/diffusion/"]],
                       columns=REGISTRY_COLUMNS)
    jane = papers(("post:what-are-diffusion-models:bbbb", "What are Diffusion Models?", ["Jane Doe"], 2023, "post",
                   "https://jane.example/diffusion/"))
    assert assign_keys(jane, reg).papers.citation_key.tolist() == ["doe2023diffusion"]


def test_many_works_wanting_one_key_get_letters_in_order() -> None:
    many = papers(*[(f"doi:10.1/{i:03d}", "Denoising stuff", ["J. Ho"], 2020, "paper") for i in range(30)])
    keys = assign_keys(many, EMPTY).papers.sort_values("work_id").citation_key.tolist()
    assert keys[:4] == ["ho2020denoising", "ho2020denoisingb", "ho2020denoisingc", "ho2020denoisingd"]
    assert keys[25:27] == ["ho2020denoisingz", "ho2020denoisingz26"] and len(set(keys)) == 30


def test_key_follows_a_work_whose_kind_was_read_anew_at_the_same_address() -> None:
    url = "https://someone.github.io/notes_on_diffusion/"
    old = papers(("website:three-faces", "The three faces", [], None, "website", url))
    first = assign_keys(old, EMPTY)
    moved = assign_keys(papers(("post:three-faces", "The three faces", [], None, "post", url)), first.registry)
    assert moved.papers.citation_key.tolist() == first.papers.citation_key.tolist()
    elsewhere = papers(("post:three-faces", "The three faces", [], None, "post", "https://other.example/x"))
    assert assign_keys(elsewhere, first.registry).papers.citation_key.tolist() != first.papers.citation_key.tolist()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["ho2020denoising", "w1", "paper", "", ""], ["Ho2020denoising", "w2", "paper", "", ""]],
         ":3: citation key 'Ho2020denoising' differs only in case from 'ho2020denoising' on line 2"),
        ([["ho2020denoising\n", "w1", "paper", "", ""]], r":2: invalid citation key 'ho2020denoising\\n'"),
        ([["ho2020 denoising", "w1", "paper", "", ""]], ":2: invalid citation key"),
    ],
    ids=["case-only", "final-newline", "space"],
)
def test_keys_are_compared_case_insensitively_and_matched_whole(rows: list[list[str]], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        assign_keys(papers(DDPM), pd.DataFrame(rows, columns=REGISTRY_COLUMNS))


def test_a_new_key_never_differs_only_in_case_from_a_pinned_one() -> None:
    reg = pd.DataFrame([["Ho2020Denoising", "doi:10.9/pinned", "paper", "x", ""]], columns=REGISTRY_COLUMNS)
    r = assign_keys(papers(DDPM), reg)
    assert r.papers.citation_key.tolist() == ["ho2020denoisingb"]


def test_a_bad_registry_stops_the_build_before_anything_is_written(tmp_path) -> None:
    from diffdata.pipeline import EnrichOptions, build
    from diffdata.s2 import S2Settings

    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "l.md").write_text("- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)\n"
                                "- [Another paper](https://arxiv.org/abs/2101.00001)\n")
    registry = tmp_path / "raw" / "citation_keys.csv"
    text = ("citation_key,work_id,kind,title_key,url\nho2020denoising,arxiv:2006.11239,paper,x,\n"
            "Ho2020denoising,doi:10.1/other,paper,y,\n")
    registry.write_text(text)
    with pytest.raises(RegistryError, match=r"citation_keys\.csv:3: citation key 'Ho2020denoising' differs only in case"):
        build(tmp_path, log=lambda m: None, enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    assert registry.read_text() == text
    written = [p.name for p in tmp_path.rglob("*") if p.is_file() and p.name != ".build.lock"]
    assert sorted(written) == ["citation_keys.csv", "l.md"]


def test_each_new_work_is_normalised_and_keyed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage's work per new work does not grow with the input: one title normalisation and one base key
    each (it was three and two: title_key's memo is smaller than a large build's titles), at two sizes."""
    import diffdata.keys as keys

    calls: dict[str, int] = {"title_key": 0, "_base_key": 0}

    def counting(name, fn):
        def wrapper(*args):
            calls[name] += 1
            return fn(*args)
        return wrapper

    for name in calls:
        monkeypatch.setattr(keys, name, counting(name, getattr(keys, name)))
    for n in (50, 200):
        calls.update(title_key=0, _base_key=0)
        rows = [(f"doi:10.1/{i}", f"Title {i % 7} of works", [f"Author {i % 5}"], 2020, "paper") for i in range(n)]
        result = assign_keys(papers(*rows), EMPTY)
        assert calls == {"title_key": n, "_base_key": n}
        assert result.papers.citation_key.str.lower().is_unique
        assert len(result.registry) == n
        assert set(result.registry.title_key) == {f"title {i} of works" for i in range(7)}


def test_key_reads_only_the_first_two_kept_title_words() -> None:
    long = "Denoising " + " ".join(f"w{i}" for i in range(200))
    assert base_key([], 2020, long, "x:y") == "denoising2020w0"
    assert base_key(["Jonathan Ho"], 2020, "The of Denoising Models", "x:y") == "ho2020denoising"
