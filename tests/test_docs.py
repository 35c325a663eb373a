"""Generated documents: the Data Package validates, the card documents every column, the figure is valid SVG."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffdata.docs import dataset_card, works_per_year_svg
from diffdata.schemas import CITATIONS, ISSUES, MATCHES, OCCURRENCES, PAPERS, PARSE_REPORT


@pytest.fixture(scope="module")
def processed(root: Path) -> Path:
    return root / "processed"


def test_datapackage_describes_every_resource_and_column(processed: Path) -> None:
    pkg = json.loads((processed / "datapackage.json").read_text())
    assert pkg["$schema"].endswith("/2.0/datapackage.json")
    by_path = {r["path"]: r for r in pkg["resources"]}
    for path, schema in (("papers.csv", PAPERS), ("occurrences.csv", OCCURRENCES), ("issues.csv", ISSUES),
                         ("parse_report.csv", PARSE_REPORT), ("matches.parquet", MATCHES),
                         ("citations.parquet", CITATIONS), ("papers.parquet", PAPERS)):
        fields = by_path[path]["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.names
        assert all(f["description"] for f in fields)
    assert {s["title"] for s in pkg["sources"]} == {p.name for p in (processed.parent / "raw" / "lists").iterdir()}


def test_csv_resources_validate_with_frictionless(processed: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    pkg = frictionless.Package(str(processed / "datapackage.json"))
    for resource in pkg.resources:
        if resource.format != "csv":
            continue
        report = frictionless.validate(resource)
        errors = [e.message for task in report.tasks for e in task.errors][:5]
        assert report.valid, f"{resource.path}: {errors}"


def test_dataset_card_has_yaml_header_dictionary_and_terms(processed: Path) -> None:
    card = (processed / "README.md").read_text()
    assert card.startswith("---\npretty_name: diffdata\nlicense: odc-by\n")
    for schema in (PAPERS, OCCURRENCES, CITATIONS):
        for name in schema.names:
            assert f"| `{name}` |" in card
    assert "Ammar et al." in card and "API License Agreement" in card


def test_card_counts_follow_the_tables() -> None:
    papers = pd.DataFrame({"work_id": ["a", "b"]})
    card = dataset_card(papers, pd.DataFrame({"x": [1, 2, 3]}), pd.DataFrame({"c": [1]}))
    assert "3 mentions" in card and "merged into 2 works" in card and "with 1 citation edges" in card


def test_figure_is_valid_svg_with_one_bar_segment_per_year_and_kind() -> None:
    papers = pd.DataFrame({"year": [2020, 2020, 2021, None], "kind": ["paper", "post", "paper", "video"]})
    svg = works_per_year_svg(papers)
    root = ET.fromstring(svg)
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "2020 paper: 1" in titles and "2020 post: 1" in titles and "2021 paper: 1" in titles
    assert titles[0].startswith("Works per year by kind (3 of 4 works have a year)")
    assert svg == works_per_year_svg(papers)


def test_report_lists_mentions_conflicts_and_non_entries(processed: Path) -> None:
    report = (processed / "REPORT.md").read_text()
    assert "| awesome-diffusion-models.md | 50 | 42 |" in report
    assert "venue: 'ICLR' vs 'ICML'" in report and "Yang Song webpage" in report
    assert "table-of-contents anchor link" in report


EVIL = '<img src=x onerror=alert(1)>'


def _hostile_report() -> str:
    from diffdata.docs import build_report

    forged = "a.md\n| forged.md | 999 | 999 |\n"
    sources = [f"{EVIL}.md", forged, "ok.md"]
    occurrences = pd.DataFrame({"source": sources, "work_id": ["doi:10.1/<b>x`y|z</b>", "w2", "w3"]})
    papers = pd.DataFrame({
        "work_id": ["doi:10.1/<b>x`y|z</b>", "w2", "w3"],
        "title": [f"Title {EVIL} [click](javascript:alert(1)) **bold** | cell", None, "![i](http://x.example/i.png)"],
        "citation_key": ["k`1", "k2", "k3"], "occurrence_count": [2, 1, 1], "sources": [sources[:2], [forged], ["ok.md"]],
        "kind": ["paper", "paper", "post"], "enrichment_status": ["not_fetched"] * 3})
    matches = pd.DataFrame({"rule": ["arxiv"]})
    issues = pd.DataFrame({"kind": ["conflict", "suspicious_link"], "work_id": ["w2", "w3`"],
                           "detail": [f"title: lists '{EVIL}' vs '<script>alert(1)</script>'", "line\n## Heading"]})
    report = pd.DataFrame({
        "source": [f"{EVIL}.md", forged], "line": [1, 2], "severity": ["warning", "info"],
        "reason": ["link text <iframe src=//evil.example>", "reason | with pipe\n| x | y |"],
        "url": ['http://x.example/"><img src=x onerror=alert(1)>', "javascript:alert(1)`|"]})
    return build_report(occurrences=occurrences, papers=papers, matches=matches, issues=issues, report=report,
                        citations=pd.DataFrame({"c": []}))


def test_report_renders_no_input_as_markup_and_forges_no_row() -> None:
    from markdown_it import MarkdownIt

    text = _hostile_report()
    rendered = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)
    for live in ("<img", "<script", "<iframe", "<b>", "<a href=\"javascript", "<strong>bold", "<h2>Heading"):
        assert live not in rendered, live
    assert "forged.md" not in [c.strip() for line in text.splitlines() for c in line.split(" | ")[:1]]
    tables = rendered.split("<table>")[1:]
    rows = [t.split("</table>")[0].count("<tr>") - 1 for t in tables]  # minus the header row
    assert rows == [4, 1, 3, 1, 2]  # lists (+ all), rules, top works, statuses, non-entries: nothing forged
    assert "&lt;img src=x onerror=alert(1)&gt;.md" in rendered  # shown as text, not dropped
    assert '<a href="http://x.example/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E">' in rendered
    assert "\n| forged.md |" not in text and "\n## Heading" not in text


def test_report_escaping_keeps_ordinary_text_readable() -> None:
    from diffdata.docs import _code, _link, _md

    assert _md("Score-Based Generative Modeling (SDE), 2021.") == "Score-Based Generative Modeling (SDE), 2021."
    assert _md("a_b *c* [d] | e") == "a\\_b \\*c\\* \\[d\\] \\| e"
    assert _code("arxiv:2006.11239") == "`arxiv:2006.11239`" and _code("a`b") == "``a`b``"
    assert _link("https://arxiv.org/abs/2006.11239") == "<https://arxiv.org/abs/2006.11239>"


def test_the_readme_stage_table_names_what_exists(root) -> None:
    """Every module, folder and function the README's layout section names is in the package."""
    import importlib
    import re

    text = (root / "README.md").read_text()
    section = text[text.index("## Layout"):text.index("## Files in processed/")]
    src = root / "src" / "diffdata"
    named = set(re.findall(r"`([\w/.]+)`", section))
    for name in sorted(named):
        if name.endswith(".py"):
            assert list(src.rglob(name)), name
        elif name.endswith("/"):
            assert (src / name).is_dir(), name
        elif re.fullmatch(r"[a-z_]+\.[a-z_]+", name):  # module.function
            module, function = name.split(".")
            assert hasattr(importlib.import_module(f"diffdata.{module}"), function), name
    order = re.findall(r"^\| ([a-z ]+) \| `", section, flags=re.M)
    assert order == ["parse", "dedupe", "plan lookups", "fetch", "enrich", "apply merges", "keys", "integrity",
                     "render"]


@given(st.text(max_size=40))
def test_one_line_is_printable_text_on_one_line(text: str) -> None:
    from diffdata.docs import _one_line

    expected = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    assert _one_line(text) == expected
    assert _one_line(text).isprintable()
