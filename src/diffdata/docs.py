"""Documents generated from the tables and their schemas: ``datapackage.json`` (Frictionless Data Package v2),
the dataset card (``processed/README.md``), the build report (``processed/REPORT.md``) and the figure
(``processed/works_per_year.svg``). Pure functions: tables in, text out; nothing here reads or writes files.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from urllib.parse import quote

import pandas as pd
import pyarrow as pa

from diffdata import __version__
from diffdata.cells import plain
from diffdata.schemas import CITATIONS, ISSUES, MATCHES, OCCURRENCES, PAPERS, PARSE_REPORT, descriptions, type_name

LICENSE_NOTE = (
    "The list-derived fields (titles, links, notes, sections) come from the five public reading lists named in "
    "`inputs`; Semantic Scholar fields are used under the Semantic Scholar API License Agreement, and its "
    "data is ODC-BY: cite Ammar et al., \"Construction of the Literature Graph in Semantic Scholar\", "
    "NAACL 2018."
)
CSV_RESOURCES = (
    ("papers", "papers.csv", PAPERS, ["work_id"]),
    ("occurrences", "occurrences.csv", OCCURRENCES, ["occurrence_id"]),
    ("issues", "issues.csv", ISSUES, []),
    ("parse_report", "parse_report.csv", PARSE_REPORT, []),
)
PARQUET_RESOURCES = (
    ("papers_parquet", "papers.parquet", PAPERS),
    ("occurrences_parquet", "occurrences.parquet", OCCURRENCES),
    ("matches_parquet", "matches.parquet", MATCHES),
    ("citations_parquet", "citations.parquet", CITATIONS),
)


def _field_type(t: pa.DataType) -> dict[str, object]:
    if pa.types.is_list(t) or pa.types.is_struct(t):
        return {"type": "array"}
    if pa.types.is_integer(t):
        return {"type": "integer"}
    if pa.types.is_boolean(t):
        return {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    return {"type": "string"}


def table_schema(schema: pa.Schema, primary_key: list[str] | None = None) -> dict[str, object]:
    """A Frictionless Table Schema for one of our schemas (every field with its description)."""
    fields = []
    for f in schema:
        entry: dict[str, object] = {"name": f.name, **_field_type(f.type),
                                    "description": f.metadata[b"description"].decode()}
        if not f.nullable:
            entry["constraints"] = {"required": True}
        fields.append(entry)
    out: dict[str, object] = {"fields": fields, "missingValues": [""]}
    if primary_key:
        out["primaryKey"] = primary_key
    return out


def datapackage(inputs: Mapping[str, str], hashes: Mapping[str, str]) -> dict[str, object]:
    """The Data Package descriptor; ``inputs`` are the lists' SHA-256, ``hashes`` the outputs' SHA-256."""
    resources: list[dict[str, object]] = []
    for name, path, schema, pk in CSV_RESOURCES:
        res: dict[str, object] = {
            "name": name, "path": path, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": schema.metadata[b"description"].decode(),
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "header": True},
            "schema": table_schema(schema, pk),
        }
        if name == "occurrences":
            res["schema"]["foreignKeys"] = [  # type: ignore[index]
                {"fields": ["work_id"], "reference": {"resource": "papers", "fields": ["work_id"]}}]
        if path in hashes:
            res["hash"] = f"sha256:{hashes[path]}"
        resources.append(res)
    for name, path, schema in PARQUET_RESOURCES:
        res = {"name": name, "path": path, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
               "description": schema.metadata[b"description"].decode(), "schema": table_schema(schema)}
        if path in hashes:
            res["hash"] = f"sha256:{hashes[path]}"
        resources.append(res)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "diffdata",
        "title": "diffdata: a bibliographic dataset of diffusion-model research",
        "version": __version__,
        "description": "Papers, posts, videos and repositories mentioned in five curated reading lists on "
                       "diffusion models, merged into works, with Semantic Scholar metadata when fetched.",
        "licenses": [{"name": "ODC-BY-1.0", "path": "https://opendatacommons.org/licenses/by/1-0/",
                      "title": "Open Data Commons Attribution License 1.0"}],
        "sources": [{"title": name, "path": f"raw/lists/{name}", "hash": f"sha256:{digest}"}
                    for name, digest in sorted(inputs.items())],
        "resources": resources,
    }


def data_dictionary(schema: pa.Schema) -> str:
    """A markdown table of a schema's columns."""
    lines = ["| column | type | description |", "|---|---|---|"]
    for name, desc in descriptions(schema).items():
        lines.append(f"| `{name}` | {type_name(schema.field(name).type)} | {_trusted_cell(desc)} |")
    return "\n".join(lines)


def dataset_card(papers: pd.DataFrame, occurrences: pd.DataFrame, citations: pd.DataFrame) -> str:
    """The dataset card (Hugging Face style YAML header, then the description and the data dictionary)."""
    n = len(papers)
    size = "n<1K" if n < 1000 else ("1K<n<10K" if n < 10000 else "10K<n<100K")
    tables = "\n\n".join(f"### `{s.metadata[b'table'].decode()}`\n\n{s.metadata[b'description'].decode()}\n\n"
                         f"{data_dictionary(s)}" for s in (PAPERS, OCCURRENCES, MATCHES, CITATIONS, ISSUES,
                                                           PARSE_REPORT))
    return f"""---
pretty_name: diffdata
license: odc-by
language:
- en
tags:
- bibliography
- diffusion-models
- scholarly-metadata
size_categories:
- {size}
configs:
- config_name: papers
  data_files: papers.parquet
  default: true
- config_name: occurrences
  data_files: occurrences.parquet
- config_name: citations
  data_files: citations.parquet
---

# diffdata

A bibliographic dataset of diffusion-model research: {len(occurrences)} mentions of papers, posts, videos and
repositories in five curated reading lists, merged into {n} works, with {len(citations)} citation edges
between them (from Semantic Scholar, when enrichment has run).

Built by `make all` from `raw/` with the diffdata pipeline {__version__}; every file here is exactly what
that command makes. The report of the build is `REPORT.md`.

## Files

| file | content |
|---|---|
| `papers.parquet`, `papers.csv` | one row per work |
| `occurrences.parquet`, `occurrences.csv` | one row per mention in a list |
| `matches.parquet` | why each mention belongs to its work |
| `citations.parquet` | citation edges between works |
| `issues.csv` | conflicts, suspicious links, failed lookups |
| `parse_report.csv` | links and lines that are not entries, with the reason |
| `papers.bib` | BibTeX, one entry per work, keyed by `citation_key` |
| `datapackage.json` | Frictionless Data Package v2 descriptor of every resource and column |

## Loading

```python
import diffdata
papers = diffdata.load_papers()          # or pd.read_parquet("papers.parquet", dtype_backend="numpy_nullable")
```

In the CSV files list columns are JSON arrays; read them with `dtype=str, keep_default_na=False` so that
identifiers such as arXiv `2010.02500` stay strings. Cells starting with `=`, `+`, `-`, `@`, a tab or a
carriage return are prefixed with `'` in the CSV files only (spreadsheet formula injection).

## Enrichment status

`enrichment_status` is `ok` (a verified Semantic Scholar answer was used), `not_found` (Semantic Scholar has
no such paper, or its best title match failed verification: the reason says which), `error` (the lookup failed
after its retries; the next build asks again) or `not_fetched` (not asked: offline, unreachable, or not a
paper).

## Terms and citation

{LICENSE_NOTE}

## Data dictionary

{tables}
"""


def build_report(*, occurrences: pd.DataFrame, papers: pd.DataFrame, matches: pd.DataFrame,
                 issues: pd.DataFrame, report: pd.DataFrame, citations: pd.DataFrame) -> str:
    """The build report: mentions per list, works, merges, conflicts, suspicious links, coverage, non-entries."""
    per_list = occurrences.groupby("source").size()
    works_per_list = occurrences.groupby("source").work_id.nunique()
    lines = ["# Build report", "", "Regenerated by every `make all`.", "", "## Mentions per list", "",
             "| list | mentions | distinct works |", "|---|---:|---:|"]
    for source in sorted(per_list.index):
        lines.append(f"| {_md(source)} | {per_list[source]} | {works_per_list[source]} |")
    lines.append(f"| **all** | **{len(occurrences)}** | **{occurrences.work_id.nunique()}** |")
    kinds = papers.kind.value_counts()
    multi = papers[papers.occurrence_count > 1]
    lines += ["", "## Works", "", f"{len(papers)} works: " + ", ".join(f"{kinds[k]} {k}" for k in sorted(kinds.index))
              + f". {len(multi)} works are mentioned more than once; {len(occurrences) - len(papers)} mentions "
              "were merged into another mention's work.", "", "Merges by rule:", "",
              "| rule | mentions |", "|---|---:|"]
    for rule, count in sorted(matches.rule.value_counts().items()):
        lines.append(f"| {rule} | {count} |")
    lines += ["", "Most mentioned works:", "", "| work | mentions | lists |", "|---|---:|---|"]
    # the two sort keys are sorted, not every column: then the ten rows are taken
    keys = papers[["occurrence_count", "work_id"]].reset_index(drop=True)
    top = papers.iloc[keys.sort_values(["occurrence_count", "work_id"], ascending=[False, True]).index[:10]]
    for w in top.itertuples():
        name = _md(w.title) or _code(w.work_id, table=True)
        lines.append(f"| {name} ({_code(w.citation_key, table=True)}) | {w.occurrence_count} | "
                     f"{', '.join(_md(s) for s in w.sources)} |")
    for kind, heading in (("conflict", "Conflicts between mentions"), ("suspicious_link", "Suspicious links"),
                          ("lookup", "Failed lookups")):
        rows = issues[issues.kind == kind]
        lines += ["", f"## {heading}", ""]
        lines += [f"- {_code(r.work_id)}: {_md(r.detail)}" for r in rows.itertuples()] or ["None."]
    status = papers.enrichment_status.value_counts()
    lines += ["", "## Enrichment coverage", "", "| status | works |", "|---|---:|"]
    lines += [f"| {s} | {status[s]} |" for s in sorted(status.index)]
    lines += ["", f"{len(citations)} citation edges between works of the dataset.", "",
              "## Lines and links that are not entries", "", "| list | line | severity | reason | link |",
              "|---|---:|---|---|---|"]
    md = _per_string(_md)  # lists, severities and reasons repeat down the report
    for r in report.itertuples():
        lines.append(f"| {md(r.source)} | {_md(r.line)} | {md(r.severity)} | {md(r.reason)} | {_link(r.url)} |")
    return "\n".join(lines) + "\n"


def _per_string(fn: Callable[[object], str]) -> Callable[[object], str]:
    """``fn``, working out its result once per distinct string it is given."""
    seen: dict[str, str] = {}

    def call(value: object) -> str:
        if type(value) is not str:
            return fn(value)
        found = seen.get(value)
        if found is None:
            found = seen[value] = fn(value)
        return found

    return call


# Markdown punctuation that could start markup inside a line: emphasis, code, links and images, tables,
# strike-through, and the backslash itself. ``<``, ``>`` and ``&`` are HTML-escaped instead.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~!])")
_URL_SAFE = "/:?#@!$&'()*+,;=%~-._"


def _one_line(value: object) -> str:
    """One line of printable text: every line break or other control character becomes a space."""
    text = str(value)
    if not text.isprintable():  # most cells are printable: no character to replace
        text = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(text.split())


def _trusted_cell(text: str) -> str:
    """Our own markdown (a schema description) in a table cell: kept as markup, on one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def _md(text: object) -> str:
    """Text from the input as inert markdown in a table cell or a list item: one line, HTML-escaped (no tag,
    no entity), markdown punctuation backslash-escaped (no link, image, emphasis, code or cell break)."""
    if plain(text) is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(_one_line(text), quote=False))


def _code(text: object, *, table: bool = False) -> str:
    """Text from the input as an inline code span: one line, no backtick can close it, and in a ``table``
    cell no ``|`` splits the cell."""
    if plain(text) is None:
        return ""
    value = _one_line(text).replace("|", "\\|") if table else _one_line(text)
    fence = "`" * (max((len(m) for m in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _link(url: object) -> str:
    """An http(s) URL from the input as an autolink, percent-encoded so that no character of it can end the
    link or write HTML; any other address as code."""
    if plain(url) is None:
        return ""
    text = _one_line(url)
    if re.match(r"https?://", text, re.IGNORECASE):
        return f"<{quote(text, safe=_URL_SAFE)}>"
    return _code(text, table=True)


_KIND_COLOURS = {"paper": "#4c72b0", "post": "#dd8452", "video": "#c44e52", "repository": "#55a868",
                 "website": "#8172b3"}


def works_per_year_svg(papers: pd.DataFrame) -> str:
    """A stacked bar chart of works per year by kind, as a deterministic SVG document."""
    data = papers.loc[papers.year.notna(), ["year", "kind"]]  # the two columns read, not a copy of all
    years = list(range(int(data.year.min()), int(data.year.max()) + 1)) if len(data) else []
    kinds = [k for k in _KIND_COLOURS if k in set(data.kind)]
    counts = {(int(y), k): int(c) for (y, k), c in data.groupby(["year", "kind"]).size().items()}
    top = max([sum(counts.get((y, k), 0) for k in kinds) for y in years] or [1])
    width, height, left, bottom, top_pad = 760, 360, 48, 40, 50
    plot_h = height - bottom - top_pad
    bar_w = (width - left - 20) / max(len(years), 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           f'<title>Works per year by kind ({len(data)} of {len(papers)} works have a year)</title>',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="20" font-size="14" font-weight="bold">Works per year, by kind '
           f'({len(data)} of {len(papers)} works have a year)</text>']
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**4, 10**5, 10**6)
                if top / s <= 6)
    top = -(-top // step) * step  # round the axis up to a whole tick
    for tick in range(0, top + 1, step):
        y = height - bottom - plot_h * tick / top
        out.append(f'<line x1="{left}" x2="{width - 20}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, year in enumerate(years):
        x = left + i * bar_w
        base = height - bottom
        for kind in kinds:
            c = counts.get((year, kind), 0)
            if not c:
                continue
            h = plot_h * c / top
            base -= h
            out.append(f'<rect x="{x + 2:.1f}" y="{base:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" '
                       f'fill="{_KIND_COLOURS[kind]}"><title>{year} {kind}: {c}</title></rect>')
        if len(years) <= 20 or year % 2 == 0:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">'
                       f'{year}</text>')
    for j, kind in enumerate(kinds):
        x = left + 10 + j * 110
        out.append(f'<rect x="{x}" y="30" width="10" height="10" fill="{_KIND_COLOURS[kind]}"/>')
        out.append(f'<text x="{x + 14}" y="39">{html.escape(kind)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
