"""The dedupe stage: every rule and every trap of the merge issue, on hand-made mentions."""

from __future__ import annotations

import pandas as pd
import pytest

from diffdata.dedupe import merge_mentions
from diffdata.schemas import OCCURRENCES


def mention(oid: str, title: str | None, kind: str = "paper", **fields) -> dict:
    row = {name: None for name in OCCURRENCES.names}
    source, line = oid.rsplit(":", 1)
    row.update(occurrence_id=oid, source=source, line=int(line), end_line=int(line), section=["S"], layout="bullet",
               title=title, authors=[], kind=kind, links=[], read=False, work_id="")
    row.update(fields)
    if row.get("url") and not row["links"]:
        row["links"] = [{"label": "title", "url": row["url"]}]
    return row


def merge(*rows: dict):
    return merge_mentions(pd.DataFrame(list(rows), columns=OCCURRENCES.names))


def work_of(result, oid: str) -> str:
    occ = result.occurrences.set_index("occurrence_id")
    return occ.loc[oid, "work_id"]


def test_same_arxiv_id_in_abs_pdf_and_version_forms_is_one_work() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239",
                url="https://arxiv.org/abs/2006.11239"),
        mention("b.md:5", "denoising diffusion probabilistic models", arxiv_id="2006.11239",
                url="https://arxiv.org/pdf/2006.11239v2"),
    )
    assert len(r.papers) == 1
    paper = r.papers.iloc[0]
    assert paper.work_id == "arxiv:2006.11239" and paper.occurrence_count == 2
    assert paper.title == "Denoising Diffusion Probabilistic Models"  # the most capitalised form
    assert paper.url == "https://arxiv.org/abs/2006.11239"
    assert paper.year == 2020  # from the arXiv id, no list gives a year
    ev = r.matches.set_index("occurrence_id")
    assert ev.loc["b.md:5", "rule"] == "identifier" and ev.loc["b.md:5", "evidence"] == "arxiv:2006.11239"
    assert ev.loc["a.md:1", "rule"] == "seed"


def test_proceedings_link_joins_arxiv_by_title_and_kind() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239", year=2020),
        mention("t.md:22", "Denoising diffusion probabilistic models", neurips_id="2020/4c5b", year=2020,
                venue="NeurIPS"),
    )
    assert len(r.papers) == 1 and work_of(r, "t.md:22") == "arxiv:2006.11239"
    assert r.matches.set_index("occurrence_id").loc["t.md:22", "evidence"] == "title+kind"
    assert r.papers.iloc[0].venue == "NeurIPS"


def test_doi_case_insensitive() -> None:
    r = merge(mention("a.md:1", "X one", doi="10.1162/neco_a_00142"),
              mention("b.md:1", "X one", doi="10.1162/neco_a_00142"))
    assert r.papers.work_id.tolist() == ["doi:10.1162/neco_a_00142"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (dict(title="What are Diffusion Models?", kind="post"), dict(title="What are Diffusion Models?", kind="video")),
        (dict(title="Generative Modeling by Estimating Gradients of the Data Distribution", kind="post", year=2021),
         dict(title="Generative Modeling by Estimating Gradients of the Data Distribution", kind="paper", year=2019,
              arxiv_id="1907.05600")),
        (dict(title="Elucidating the Design Space of Diffusion-Based Generative Models", kind="paper",
              arxiv_id="2206.00364"),
         dict(title="Elucidating the design space of diffusion-based generative models video", kind="video")),
        (dict(title="Consistency Models", arxiv_id="2303.01469"),
         dict(title="Improved Techniques for Training Consistency Models", arxiv_id="2310.14189")),
        (dict(title="Consistency Models"), dict(title="Improved Techniques for Training Consistency Models")),
        (dict(title="VDM", authors=["Diederik P. Kingma"]), dict(title="VDM", authors=["Jonathan Ho"])),
        (dict(title="Variational Diffusion Models"), dict(title="Video Diffusion Models")),
        (dict(title="Diffusion Models", year=2015), dict(title="Diffusion Models", year=2021)),
        (dict(title="A survey of diffusion", arxiv_id="2209.00796"), dict(title="A survey of diffusion",
                                                                          arxiv_id="2209.02646")),
    ],
    ids=["blog-vs-video-same-title", "post-with-paper-title", "talk-video-vs-paper", "contained-title-with-ids",
         "contained-title", "same-acronym-different-authors", "vdm-acronyms-spelled-out", "years-far-apart",
         "two-arxiv-ids-same-title"],
)
def test_traps_are_not_merged(a: dict, b: dict) -> None:
    r = merge(mention("a.md:1", a.pop("title"), **a), mention("b.md:1", b.pop("title"), **b))
    assert len(r.papers) == 2


def test_fuzzy_title_with_typo_merges_and_explains() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Implicit Models", arxiv_id="2010.02502", year=2021),
        mention("b.md:1", "Denoising Difusion Implict Models", year=2021),
    )
    assert len(r.papers) == 1
    ev = r.matches.set_index("occurrence_id").loc["b.md:1"]
    assert ev.rule == "fuzzy_title" and ev.evidence.startswith("fuzzy 0.9") and ev.evidence.endswith("same year")


def test_fuzzy_guarded_by_authors() -> None:
    r = merge(
        mention("a.md:1", "Denoising Diffusion Implicit Models", authors=["Jiaming Song"]),
        mention("b.md:1", "Denoising Difusion Implict Models", authors=["Someone Else"]),
    )
    assert len(r.papers) == 2


def test_conflicts_inside_an_identifier_group_are_listed_not_split() -> None:
    r = merge(
        mention("a.md:240", "DiffWave with Continuous-time Variational Diffusion Models", arxiv_id="2009.09761",
                authors=["Zhifeng Kong", "Wei Ping"], venue="ICLR", year=2021),
        mention("a.md:245", "DiffWave: A Versatile Diffusion Model for Audio Synthesis", arxiv_id="2009.09761",
                authors=["Jascha Sohl-Dickstein", "Eric A. Weiss"], venue="ICML (Oral)", year=2021),
    )
    assert len(r.papers) == 1
    conflicts = r.papers.iloc[0].conflicts
    assert any(c.startswith("title: ") and "Continuous-time" in c for c in conflicts)
    assert any(c.startswith("authors: ") for c in conflicts)
    assert "venue: 'ICLR' vs 'ICML'" in conflicts
    assert set(r.issues.kind) == {"conflict"} and len(r.issues) == len(conflicts)


def test_webpage_linking_a_papers_arxiv_page_is_kept_apart_and_reported() -> None:
    r = merge(
        mention("kb.md:5", "Understanding Diffusion Models: A Unified Perspective", arxiv_id="2208.11970"),
        mention("kb.md:8", "Yang Song webpage", kind="website", arxiv_id="2208.11970",
                url="https://arxiv.org/abs/2208.11970"),
    )
    assert len(r.papers) == 2
    website = r.papers.set_index("work_id").loc["website:yang-song-webpage"]
    assert pd.isna(website.arxiv_id)
    issue = r.issues[r.issues.kind == "suspicious_link"].iloc[0]
    assert issue.occurrence_id == "kb.md:8" and "Understanding Diffusion Models" in issue.detail
    assert r.matches.set_index("occurrence_id").loc["kb.md:8", "rule"] == "kept_apart"


def test_canonical_fields() -> None:
    r = merge(
        mention("a.md:1", "ILVR: Conditioning Method", arxiv_id="2108.02938", venue="arXiv", year=2021,
                authors=["Jooyoung Choi"], links=[{"label": "Github", "url": "https://github.com/j/ilvr"}]),
        mention("b.md:1", "ILVR: Conditioning Method", arxiv_id="2108.02938", venue="ICCV (Oral)", year=2021,
                authors=["Jooyoung Choi", "Sungwon Kim"], section=["Papers", "Super Resolution"],
                links=[{"label": "Project", "url": "https://ilvr.github.io/"}]),
    )
    p = r.papers.iloc[0]
    assert p.authors == ["Jooyoung Choi", "Sungwon Kim"]  # the longest list
    assert p.venue == "ICCV (Oral)"  # a venue other than arXiv
    assert p.code_urls == ["https://github.com/j/ilvr"] and p.project_urls == ["https://ilvr.github.io/"]
    assert p.sources == ["a.md", "b.md"] and p.sections == ["Papers > Super Resolution", "S"]


def test_work_ids_stable_and_independent_of_order_and_of_other_lists() -> None:
    rows = [
        mention("a.md:1", "Easy Consistency Tuning", kind="post"),
        mention("b.md:1", "Q-diffusion: Quantizing diffusion models", year=2023),
        mention("c.md:1", "Denoising Diffusion Probabilistic Models", arxiv_id="2006.11239"),
    ]
    r1 = merge(*rows)
    r2 = merge(*reversed(rows))
    r3 = merge(rows[0])
    assert r1.papers.work_id.tolist() == r2.papers.work_id.tolist() == [
        "arxiv:2006.11239", "paper:q-diffusion-quantizing-diffusion-models", "post:easy-consistency-tuning"]
    assert r3.papers.work_id.tolist() == ["post:easy-consistency-tuning"]


def test_input_not_mutated() -> None:
    df = pd.DataFrame([mention("a.md:1", "T one")], columns=OCCURRENCES.names)
    before = df.copy()
    merge_mentions(df)
    pd.testing.assert_frame_equal(df, before)


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


@pytest.mark.parametrize(
    ("fields", "year"),
    [
        (dict(cvf_id="WACV2024/Shi_Conditional_Velocity_Score_Estimation_for_Image_Restoration_WACV_2024"), 2024),
        (dict(neurips_id="2020/4c5bcfec8584af0d967f1ab10179ca4b"), 2020),
        (dict(kind="post", url="https://mlg.eng.cam.ac.uk/blog/2024/01/20/flow-matching.html"), 2024),
        (dict(arxiv_id="1503.03585"), 2015),
        (dict(kind="video", url="https://www.youtube.com/watch?v=HoKDTa5jHvg"), None),
    ],
    ids=["cvf", "neurips", "dated-url", "arxiv", "nothing"],
)
def test_year_from_identifiers_when_no_list_gives_one(fields: dict, year: int | None) -> None:
    r = merge(mention("a.md:1", "Some title here", **fields))
    got = r.papers.iloc[0].year
    assert (None if pd.isna(got) else got) == year


def test_repositories_and_videos_are_their_address() -> None:
    r = merge(
        mention("a.md:1", "code", kind="repository", url="https://github.com/hojonathanho/diffusion"),
        mention("a.md:2", "code", kind="repository", url="https://github.com/yang-song/score_sde"),
        mention("a.md:3", "Talk", kind="video", url="https://www.youtube.com/watch?v=fbLgFrlTnGU&list=LL&index=2"),
        mention("b.md:3", "What are Diffusion Models?", kind="video", url="https://youtu.be/fbLgFrlTnGU"),
        mention("c.md:1", "Diffusion repo", kind="repository",
                url="https://github.com/HojonathanHo/diffusion/tree/master/diffusion_tf"),
    )
    works = r.papers.set_index("work_id")
    assert len(works) == 3  # two different repositories titled 'code' stay apart; one video, one repository
    ev = r.matches.set_index("occurrence_id")
    assert ev.loc["b.md:3", "evidence"] == "video-url:youtube:fbLgFrlTnGU"
    assert ev.loc["c.md:1", "evidence"] == "repository-url:github.com/hojonathanho/diffusion"


def test_preprint_year_that_contradicts_the_arxiv_id_is_a_conflict() -> None:
    r = merge(mention("p.md:68", "How to Train Your Energy-Based Models", arxiv_id="2101.03288", venue="arXiv",
                      year=2022),
              mention("k.md:17", "How to Train Your Energy-Based Models", arxiv_id="2101.03288"))
    p = r.papers.iloc[0]
    assert p.year == 2021
    assert p.conflicts == ["year: p.md:68 gives 2022 for an arXiv preprint whose id 2101.03288 is from 2021"]


def test_unresolved_venue_is_left_empty_and_ties_go_to_the_first_mention() -> None:
    r = merge(mention("a.md:240", "DiffWave", arxiv_id="2009.09761", venue="ICLR", year=2021),
              mention("a.md:245", "DiffWave", arxiv_id="2009.09761", venue="ICML (Oral)", year=2021),
              mention("b.md:1", "Other", arxiv_id="2101.00001", venue="arXiv", year=2021),
              mention("b.md:2", "Other", arxiv_id="2101.00001", venue="IEEE/CVF", year=2021),
              mention("b.md:3", "Other", arxiv_id="2101.00001", venue="PMLR", year=2021))
    works = r.papers.set_index("work_id")
    assert pd.isna(works.loc["arxiv:2009.09761", "venue"])  # ICLR vs ICML: better empty than wrong
    assert works.loc["arxiv:2101.00001", "venue"] == "IEEE/CVF"  # a 1-1 tie: the first mention's


def test_mentions_are_ordered_by_list_and_line_number() -> None:
    r = merge(mention("a.md:100", "T one", arxiv_id="2101.00001"), mention("a.md:16", "T one", arxiv_id="2101.00001"))
    assert r.occurrences.occurrence_id.tolist() == ["a.md:16", "a.md:100"]
    assert r.matches.set_index("occurrence_id").loc["a.md:16", "rule"] == "seed"


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


def test_author_list_copied_from_another_work_does_not_win() -> None:
    sohl = ["Jascha Sohl-Dickstein", "Eric A. Weiss", "Niru Maheswaranathan", "Surya Ganguli", "X Y"]
    r = merge(
        mention("a.md:170", "Deep Unsupervised Learning using Nonequilibrium Thermodynamics", arxiv_id="1503.03585",
                authors=sohl),
        mention("a.md:240", "DiffWave", arxiv_id="2009.09761", authors=["Zhifeng Kong", "Wei Ping"]),
        mention("a.md:245", "DiffWave", arxiv_id="2009.09761", authors=sohl),  # longer, but copied
    )
    diffwave = r.papers.set_index("work_id").loc["arxiv:2009.09761"]
    assert diffwave.authors == ["Zhifeng Kong", "Wei Ping"]
    assert diffwave.conflicts[0].endswith(
        "(the authors of 'Deep Unsupervised Learning using Nonequilibrium Thermodynamics')")


def test_clashing_ids_of_works_without_address_stay_unique() -> None:
    r = merge(mention("a.md:1", "Diffusion Models", year=2015), mention("b.md:1", "Diffusion Models", year=2021),
              mention("c.md:1", "Diffusion Models", year=2018))
    ids = r.papers.work_id.tolist()
    assert len(ids) == 3 and len(set(ids)) == 3 and all(i.startswith("paper:diffusion-models:") for i in ids)
    again = merge(mention("c.md:1", "Diffusion Models", year=2018), mention("b.md:1", "Diffusion Models", year=2021),
                  mention("a.md:1", "Diffusion Models", year=2015))
    assert again.papers.work_id.tolist() == ids


def test_pages_differing_in_their_query_are_different_works() -> None:
    r = merge(mention("a.md:1", "Thread one", kind="website", url="https://news.ycombinator.com/item?id=32287337"),
              mention("a.md:2", "Thread two", kind="website", url="https://news.ycombinator.com/item?id=38000000"),
              mention("b.md:1", "Thread one", kind="website",
                      url="https://news.ycombinator.com/item?id=32287337&utm_source=x"))
    assert len(r.papers) == 2


def test_co_authors_of_two_papers_are_not_a_copy() -> None:
    r = merge(mention("a.md:1", "Generative Modeling by Estimating Gradients", arxiv_id="1907.05600",
                      authors=["Yang Song", "Stefano Ermon"]),
              mention("a.md:2", "Improved Techniques for Training Score-Based Generative Models", arxiv_id="2006.09011",
                      authors=["Yang Song", "Stefano Ermon"]),
              mention("b.md:1", "Improved Techniques for Training Score-Based Generative Models", arxiv_id="2006.09011",
                      authors=["Yang Song"]))
    works = r.papers.set_index("work_id")
    assert works.loc["arxiv:2006.09011", "authors"] == ["Yang Song", "Stefano Ermon"]


def test_preprint_year_message_names_the_works_arxiv_id() -> None:
    r = merge(mention("a.md:1", "T one two", arxiv_id="2101.03288"),
              mention("b.md:1", "T one two", venue="arXiv", year=2022))
    assert r.papers.iloc[0].conflicts == [
        "year: b.md:1 gives 2022 for an arXiv preprint whose id 2101.03288 is from 2021"]


def test_papers_sharing_a_repository_or_project_page_stay_apart() -> None:
    repo = {"label": "code", "url": "https://github.com/lab/toolkit"}
    page = {"label": "website", "url": "https://lab.github.io/project/"}
    r = merge(
        mention("a.md:1", "Fast Video Sampling", url="https://arxiv.org/abs/2401.00001", arxiv_id="2401.00001",
                links=[{"label": "title", "url": "https://arxiv.org/abs/2401.00001"}, repo, page]),
        mention("a.md:5", "Long Video Editing", url="https://arxiv.org/abs/2402.00002", arxiv_id="2402.00002",
                links=[{"label": "title", "url": "https://arxiv.org/abs/2402.00002"}, repo, page]),
        mention("a.md:9", "Untitled Toolkit Paper", url="https://lab.github.io/project/", links=[page]),
    )
    assert len(set(r.occurrences.work_id)) == 3
    # the repository itself, listed twice under two addresses of one repository, is one work
    r2 = merge(mention("a.md:1", "toolkit", kind="repository", url="https://github.com/lab/toolkit"),
               mention("b.md:2", "toolkit", kind="repository", url="https://github.com/lab/toolkit/tree/main"))
    assert len(r2.papers) == 1


def test_the_identifier_columns_are_declared_once() -> None:
    """identifiers.ID_PREFIX names the seven identifiers: the Identifiers fields, the occurrence columns and the
    order of work-id strength follow it."""
    from dataclasses import fields

    from diffdata.identifiers import ID_COLUMNS, ID_PREFIX, Identifiers, identifiers_from_url
    from diffdata.schemas import OCCURRENCES

    assert [f.name for f in fields(Identifiers) if f.name != "extra"] == list(ID_COLUMNS) == list(ID_PREFIX)
    assert [n for n in OCCURRENCES.names if n in ID_PREFIX] == list(ID_COLUMNS)
    ids = identifiers_from_url("https://arxiv.org/abs/2006.11239")
    ids.merge(Identifiers(doi="10.1/x", ieee_id="42"))
    assert ids.strong() == ["arxiv:2006.11239", "doi:10.1/x", "ieee:42"]


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


def test_work_per_mention_does_not_grow_with_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows' fields read while merging n and 2n mentions (each a webpage linking its own paper's arXiv
    id, so every second mention gets an issue to attach to a work): twice the input, about twice the reads.
    An issue looking its mention up by scanning every row made this grow as n²."""
    from diffdata.dedupe import rows as dedupe_rows

    reads = [0]

    class Row(dict):
        def __getitem__(self, key):
            reads[0] += 1
            return super().__getitem__(key)

    real = dedupe_rows.records
    monkeypatch.setattr(dedupe_rows, "records", lambda df: [Row(r) for r in real(df)])

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


def test_the_repository_pre_check_agrees_with_url_kind() -> None:
    """dedupe parses a link only when it names a repository host; the hosts are url_kind's own."""
    import inspect

    from diffdata.dedupe.canonical import REPOSITORY_HOSTS, is_repository
    from diffdata.identifiers import url_kind

    assert "(" + ", ".join(f'"{h}"' for h in REPOSITORY_HOSTS) + ")" in inspect.getsource(url_kind)
    urls = [f"https://{h}/owner/repo" for h in REPOSITORY_HOSTS] + [
        "https://WWW.GitHub.com/Owner/Repo", "https://github.com/owner", "https://github.com/o/r/blob/main/notes.md",
        "https://arxiv.org/abs/2006.11239", "https://example.org/github.com-mirror", "https://hojonathanho.github.io/x",
        "https://gitlab.com/group/project/-/tree/main", "", "not a url"]
    for url in urls:
        assert is_repository(url) == (url_kind(url) == "repository"), url
