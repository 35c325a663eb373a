"""The checker (diffdata.check): findings built from the pipeline's tables, on the seeds and on small lists."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pandas as pd
import pytest

from diffdata.check import RULES, check, counts
from diffdata.pipeline import EnrichOptions, Paths, analyse, load_documents
from diffdata.s2 import S2Cache, S2Settings
from diffdata.schemas import FINDINGS, PARSE_REPORT, descriptions, to_arrow

OFFLINE = EnrichOptions(S2Settings(offline=True), progress=False)


def findings_for(lists: dict[str, str], cache: Path) -> pd.DataFrame:
    """Run the stages on in-memory lists (cache only) and check them."""
    docs = pd.DataFrame([{"source": k, "text": v} for k, v in lists.items()], columns=["source", "text"])
    a = analyse(docs, pd.DataFrame(columns=PARSE_REPORT.names), S2Cache(cache), OFFLINE, log=lambda m: None)
    return check(a.report, a.occurrences, a.matches, a.issues, papers=a.enriched.papers,
                 merges=a.enriched.merges, documents=docs)


def where(findings: pd.DataFrame, code: str) -> list[tuple[str, int, int]]:
    rows = findings[findings.code == code]
    return list(zip(rows.source, rows.line, rows.column, strict=True))


@pytest.fixture(scope="module")
def seeds(root: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings on raw/lists/ (the five seeds) with the committed Semantic Scholar cache, and the texts."""
    paths = Paths(root)
    docs, problems, _ = load_documents(paths)
    a = analyse(docs, problems, S2Cache(paths.s2_cache), OFFLINE, log=lambda m: None)
    return check(a.report, a.occurrences, a.matches, a.issues, papers=a.enriched.papers,
                 merges=a.enriched.merges, documents=docs), docs


# -- the seeds ----------------------------------------------------------------------------------------------


def test_seeds_report_the_known_defects_and_nothing_else(seeds: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    findings, _ = seeds
    got = sorted(zip(findings.source, findings.line, findings.code, strict=True))
    adm, kb, pc, sb = ("awesome-diffusion-models.md", "knowledge-base.md", "paper-collection.md",
                       "score-based-generative-models.md")
    assert got == sorted([
        (adm, 25, "DD301"),  # the DenseDiffusion post gives no title
        # the same paper under several topics: info, with the other lines
        (adm, 182, "DD102"), (adm, 187, "DD102"), (adm, 192, "DD102"), (adm, 200, "DD102"), (adm, 212, "DD102"),
        (adm, 217, "DD102"), (adm, 225, "DD102"),
        # DiffWave twice under one id in one section, with its three disagreements
        (adm, 245, "DD101"), (adm, 245, "DD103"), (adm, 245, "DD105"), (adm, 240, "DD107"),
        (kb, 8, "DD108"),  # "Yang Song webpage" links a paper
        (kb, 111, "DD203"),  # an IEEE link carrying Google Scholar's casa_token
        (pc, 68, "DD106"),  # 2022 for a preprint of 2021
        (sb, 14, "DD304"), (sb, 15, "DD304"), (sb, 23, "DD304"),  # empty [title]() links
        (sb, 19, "DD303"),  # the only table row with an empty venue cell
    ])
    assert counts(findings) == {"error": 1, "warning": 7, "info": 11}
    error = findings[findings.severity == "error"].iloc[0]
    assert (error.code, error.rule, error.work_id) == ("DD101", "duplicate-in-section", "arxiv:2009.09761")
    assert "line 240" in error.message and "remove one" in error.message


def test_seed_columns_point_at_the_link_or_title(seeds: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    findings, docs = seeds
    text = dict(zip(docs.source, docs.text, strict=True))
    song = findings[findings.code == "DD108"].iloc[0]
    line = text["knowledge-base.md"].split("\n")[song.line - 1]
    assert line[song.column - 1:].startswith("https://arxiv.org/abs/2208.11970")
    for f in findings.itertuples():  # every column is on its line, at a character that is not blank
        line = text[f.source].split("\n")[f.line - 1]
        assert 1 <= f.column <= len(line) and not line[f.column - 1].isspace()


def test_issues_csv_and_the_checker_agree(seeds: tuple[pd.DataFrame, pd.DataFrame], root: Path) -> None:
    """Every row of processed/issues.csv is exactly one finding (with the row's own detail and work), and
    every finding from the issues is a row of it; the same for the parse report's warnings and errors."""
    findings, _ = seeds
    issues = pd.read_csv(root / "processed" / "issues.csv", dtype=str, keep_default_na=False)
    from_issues = findings[findings.origin == "issues"]
    assert sorted(zip(issues.work_id, issues.detail, strict=True)) == sorted(
        zip(from_issues.work_id, from_issues.detail, strict=True))
    report = pd.read_csv(root / "processed" / "parse_report.csv", dtype=str, keep_default_na=False)
    rows = list(zip(report.source, report.line.astype(int), report.reason, report.severity, strict=True))
    flagged = sorted((s, max(n, 1), r) for s, n, r, sev in rows if sev in ("warning", "error"))
    from_report = findings[findings.origin == "parse_report"]
    found = sorted(zip(from_report.source, from_report.line, from_report.detail, strict=True))
    assert set(flagged) <= set(found) and len(found) == len(set(found))  # each flagged row once
    assert set(found) <= {(s, max(n, 1), r) for s, n, r, _ in rows}  # and nothing the report does not say
    assert flagged  # the seeds have at least one (the untitled post)


def test_findings_fit_their_declared_schema(seeds: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    findings, _ = seeds
    table = to_arrow(findings, FINDINGS)
    assert table.num_rows == len(findings) and list(findings.columns) == FINDINGS.names
    assert all(descriptions(FINDINGS).values())
    assert set(findings.severity) <= {"error", "warning", "info"}
    assert all(RULES[c].name == r for c, r in zip(findings.code, findings.rule, strict=True))


def test_codes_are_stable() -> None:
    """A code keeps its meaning forever: renaming or renumbering a rule breaks the maintainers' configs."""
    assert {c: (r.name, r.severity) for c, r in RULES.items()} == {
        "DD101": ("duplicate-in-section", "error"), "DD102": ("duplicate-across-sections", "info"),
        "DD103": ("id-with-two-titles", "warning"), "DD104": ("two-arxiv-ids", "warning"),
        "DD105": ("conflicting-authors", "warning"), "DD106": ("conflicting-year", "warning"),
        "DD107": ("conflicting-venue", "warning"), "DD108": ("suspicious-link", "warning"),
        "DD109": ("conflict", "warning"), "DD201": ("malformed-identifier-link", "warning"),
        "DD202": ("arxiv-pdf-link", "info"), "DD203": ("tracking-parameter", "warning"),
        "DD204": ("hidden-link", "info"), "DD205": ("unbalanced-link", "warning"),
        "DD206": ("unread-link", "info"), "DD301": ("no-title", "warning"), "DD302": ("missing-year", "info"),
        "DD303": ("missing-venue", "info"), "DD304": ("empty-link", "info"),
        "DD401": ("title-differs-from-semantic-scholar", "warning"), "DD402": ("lookup-failed", "info"),
        "DD501": ("unreadable-file", "error"), "DD502": ("no-entries", "warning"),
        "DD599": ("parse-warning", "warning"),
    }


# -- small lists written here -------------------------------------------------------------------------------

DDPM = "https://arxiv.org/abs/2006.11239"
SMALL = f"""\
# A list

## Images

- [Denoising Diffusion Probabilistic Models]({DDPM}) (NeurIPS 2020)
- [Score-Based Generative Modeling through SDEs](https://arxiv.org/abs/2011.13456) (ICLR 2021)
- [Denoising Diffusion Probabilistic Models](https://arxiv.org/pdf/2006.11239.pdf) (NeurIPS 2020)
- [Improved Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2102.09672?utm_source=x&utm_medium=y)
- [A paper with a typo in its link](https://arxiv.org/abs/2307.000400) (ICML 2023)
- [A paper with a bad DOI](https://doi.org/abc/def) (CVPR 2022)
- [A paper with a good DOI](https://doi.org/10.1109/CVPR52688.2022.01042) (CVPR 2022)
- [A talk](https://www.youtube.com/watch?v=abc123&si=XYZ)

## Audio

- [DDPM, as audio people call it]({DDPM}) (NeurIPS 2020)
- [Two ids](https://arxiv.org/abs/2009.09761) [![arXiv](https://img.shields.io/badge/arXiv-2010.02502-b31b1b.svg)](https://arxiv.org/abs/2010.02502) (ICLR 2021)
- [WaveGrad: Estimating Gradients for Waveform Generation](https://arxiv.org/abs/2009.00713) (ICLR 2021)

<!--
- [A hidden paper](https://arxiv.org/abs/2105.05233)
-->
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    return findings_for({"l.md": SMALL}, tmp_path_factory.mktemp("cache"))


def test_a_work_twice_in_one_section_is_an_error_and_across_sections_an_info(small: pd.DataFrame) -> None:
    lines = SMALL.split("\n")
    pdf = "https://arxiv.org/pdf/2006.11239.pdf"
    assert where(small, "DD101") == [("l.md", 7, lines[6].index(pdf) + 1)]  # the second DDPM of "Images"
    assert where(small, "DD102") == [("l.md", 16, lines[15].index(DDPM) + 1)]  # DDPM again under "Audio"
    dup = small[small.code == "DD102"].iloc[0]
    assert "lines 5 ('Images'), 7 ('Images')" in dup.message and dup.severity == "info"


def test_an_id_under_two_titles_points_at_the_entry_whose_title_differs(small: pd.DataFrame) -> None:
    rows = small[small.code == "DD103"]
    assert list(rows.line) == [16] and "DDPM, as audio people call it" in rows.iloc[0].message
    assert "also listed at lines 5, 7" in rows.iloc[0].message


def test_links_malformed_tracked_pdf_hidden_and_two_ids(small: pd.DataFrame) -> None:
    assert [line for _, line, _ in where(small, "DD201")] == [9, 10]  # not the valid DOI of line 11
    assert "read as 2307.00040" in small[small.code == "DD201"].iloc[0].message
    tracked = small[small.code == "DD203"]
    assert list(tracked.line) == [8, 12] and list(tracked.detail) == ["utm_source, utm_medium", "si"]
    assert [line for _, line, _ in where(small, "DD202")] == [7]  # the list links abstract pages
    assert [line for _, line, _ in where(small, "DD204")] == [21]
    assert [line for _, line, _ in where(small, "DD104")] == [17]


def test_a_missing_year_or_venue_is_reported_only_where_the_neighbours_give_one(small: pd.DataFrame,
                                                                             tmp_path: Path) -> None:
    assert [(line, code) for line, code in zip(small.line, small.code, strict=True)
            if code in ("DD302", "DD303")] == [(8, "DD302")]  # no venue is known for it: maybe a preprint
    assert "2021" in small[small.code == "DD302"].iloc[0].message  # the year the arXiv id gives
    venues = ("# L\n\n## A\n\n- [Paper one](https://arxiv.org/abs/2101.01000) (ICLR 2021)\n"
              "- [Paper two](https://arxiv.org/abs/2101.02000) (ICML 2021)\n"
              "- [Paper two and a half](https://arxiv.org/abs/2101.02500) (ICML 2021)\n"
              "- [Paper three](https://arxiv.org/abs/2101.03000) (2021)\n"
              "- [Paper four, a preprint](https://arxiv.org/abs/2101.04000) (2021)\n\n"
              "## B\n\n- [Paper three](https://arxiv.org/abs/2101.03000) (CVPR 2021)\n")
    f = findings_for({"v.md": venues}, tmp_path)
    assert where(f, "DD303") == [("v.md", 8, 4)] and "known: CVPR" in f[f.code == "DD303"].iloc[0].message
    bare = "# L\n\n" + "".join(f"- [Paper number {n}](https://arxiv.org/abs/2101.0{n}000)\n" for n in range(1, 6))
    assert findings_for({"b.md": bare}, tmp_path).empty  # no entry gives a year: nothing to say
    two = "# L\n\n" + "".join(f"- [Paper number {n}](https://arxiv.org/abs/2101.0{n}000){' (2021)' * (n < 3)}\n"
                                for n in range(1, 5))
    assert findings_for({"c.md": two}, tmp_path).empty  # two years of four entries are no convention yet


def test_a_pdf_link_in_a_list_of_pdf_links_is_no_finding(tmp_path: Path) -> None:
    pdfs = "# L\n\n" + "".join(f"- [Paper number {n}](https://arxiv.org/pdf/2101.0{n}000) (ICLR 2021)\n"
                               for n in range(1, 4))
    assert "DD202" not in set(findings_for({"p.md": pdfs}, tmp_path).code)


def test_an_entry_without_title_and_an_empty_list(tmp_path: Path) -> None:
    f = findings_for({"t.md": f"# L\n\n## Papers\n\n- [paper]({DDPM})\n\nJust words.\n", "e.md": "   \n"}, tmp_path)
    assert where(f, "DD301") == [("t.md", 5, len("- [paper](") + 1)]  # at its link
    assert where(f, "DD502") == [("e.md", 1, 1)]


def test_a_title_far_from_semantic_scholars_is_reported_from_the_cache(tmp_path: Path) -> None:
    S2Cache(tmp_path).put("ARXIV:2006.11239", {"paperId": "p1", "title": "Something Else Entirely",
                                               "externalIds": {"ArXiv": "2006.11239"}})
    S2Cache(tmp_path).put("ARXIV:2011.13456", None)  # Semantic Scholar does not know this id
    text = f"# L\n\n- [Denoising Diffusion Probabilistic Models]({DDPM}) (NeurIPS 2020)\n" \
           "- [Score-Based Generative Modeling](https://arxiv.org/abs/2011.13456) (ICLR 2021)\n"
    f = findings_for({"s.md": text}, tmp_path)
    assert where(f, "DD401") == [("s.md", 3, text.split("\n")[2].index(DDPM) + 1)]
    assert "Something Else Entirely" in f[f.code == "DD401"].iloc[0].message
    assert where(f, "DD402") == [("s.md", 4, text.split("\n")[3].index("https://arxiv.org/abs/2011") + 1)]
    assert counts(f) == {"error": 0, "warning": 1, "info": 1}


def test_an_issue_of_a_merged_work_is_placed_at_the_survivor() -> None:
    occ = pd.DataFrame([{"occurrence_id": "m.md:3", "source": "m.md", "line": 3, "section": ["A"],
                         "layout": "bullet", "title": "T", "authors": [], "venue": None, "year": None,
                         "kind": "website", "links": [], "url": None, "work_id": "arxiv:1"}])
    issues = pd.DataFrame([{"kind": "conflict", "work_id": "doi:x", "occurrence_id": None, "detail": "year: 1 vs 2"}])
    merges = pd.DataFrame([{"old_work_id": "doi:x", "new_work_id": "arxiv:1", "evidence": "s2"}])
    f = check(pd.DataFrame(columns=PARSE_REPORT.names), occ, pd.DataFrame(columns=["occurrence_id"]), issues,
              merges=merges)
    assert list(zip(f.source, f.line, f.code, strict=True)) == [("m.md", 3, "DD106")]


@pytest.mark.parametrize("module", ["diffdata.check.rules", "diffdata.cli"])
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_the_readme_documents_every_code_with_its_name_and_severity(root: Path) -> None:
    readme = (root / "README.md").read_text()
    documented = set(re.findall(r"^\| (DD\d{3}) \| ([a-z-]+) \| (\w+) \|", readme, re.M))
    assert documented == {(c, r.name, r.severity) for c, r in RULES.items()}


def test_a_link_finding_stands_on_the_line_of_its_link(tmp_path: Path) -> None:
    text = ("# L\n\n+ [SomeModel: A Title](https://arxiv.org/abs/2504.13074) (Apr., 2025)\n"
            "  [![Website](https://img.shields.io/badge/Website-9cf)](https://example.org/home?utm_campaign=gh)\n")
    f = findings_for({"b.md": text}, tmp_path)
    assert where(f, "DD203") == [("b.md", 4, text.split("\n")[3].index("https://example.org") + 1)]
