"""Generated documents: the Data Package validates, the card documents every column, the figure is valid SVG."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

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
