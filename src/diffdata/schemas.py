"""Every table's schema, declared once.

Each table is a pyarrow schema whose fields carry a ``description`` in their metadata. The Parquet and CSV
writers, the data dictionary in the dataset card, ``datapackage.json`` and the ``load_*`` docstrings all read
these declarations, so a column is described in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from diffdata.cells import is_missing as is_missing  # re-exported for older imports; declared in diffdata.cells
from diffdata.cells import plain
from diffdata.cells import records as records

LINK = pa.struct([pa.field("label", pa.string()), pa.field("url", pa.string())])
STRINGS = pa.list_(pa.string())


@dataclass(frozen=True)
class Column:
    """One column: its name, Arrow type, whether it may be null, and what it means."""

    name: str
    type: pa.DataType
    description: str
    nullable: bool = True


def _schema(name: str, description: str, columns: Iterable[Column]) -> pa.Schema:
    fields = [
        pa.field(c.name, c.type, nullable=c.nullable, metadata={"description": c.description})
        for c in columns
    ]
    return pa.schema(fields, metadata={"table": name, "description": description})


OCCURRENCES = _schema(
    "occurrences",
    "One row per mention of a work in a reading list, with where it was found.",
    [
        Column("occurrence_id", pa.string(), "Stable id of the mention: '<source>:<line>'.", False),
        Column("source", pa.string(), "File name of the list in raw/lists/.", False),
        Column("line", pa.int64(), "1-based line where the entry starts.", False),
        Column("end_line", pa.int64(), "1-based last line of the entry.", False),
        Column("section", STRINGS, "Heading path above the entry, outermost first.", False),
        Column("layout", pa.string(), "Layout the entry was found in: block, post, table, bullet, item, prose.", False),
        Column("title", pa.string(), "Title as written, markdown removed; null when the list gives none."),
        Column("authors", STRINGS, "Authors as written, in order; empty when not given.", False),
        Column("venue", pa.string(), "Venue as written (e.g. 'ICLR', 'NeurIPS', 'CVPR Workshop'), without the "
               "year and without a qualifier."),
        Column("qualifier", pa.string(), "What the list says of the paper at its venue: 'Oral', 'Spotlight', "
               "'Highlight', an acceptance number."),
        Column("year", pa.int64(), "Year the list gives: an aside, venue line or column or date, else a year "
               "heading, else a year in the entry's text."),
        Column("date", pa.string(), "Date line as written (e.g. '19 Jun 2020', 'Jul 2021')."),
        Column("kind", pa.string(), "paper, post, video, repository or website.", False),
        Column("links", pa.list_(LINK), "Every link of the entry as {label, url}, in order.", False),
        Column("url", pa.string(), "The primary link: the paper page when there is one."),
        Column("arxiv_id", pa.string(), "arXiv id without version (e.g. '2006.11239', 'math/0601001'); the "
               "first of the entry's links."),
        Column("arxiv_ids", STRINGS, "Every arXiv id of the entry's links (two when title link and badge "
               "disagree: the parse report says so).", False),
        Column("doi", pa.string(), "DOI, lower-cased, without resolver prefix."),
        Column("openreview_id", pa.string(), "OpenReview forum id."),
        Column("pmlr_id", pa.string(), "PMLR proceedings id, 'v202/wang23ah'."),
        Column("cvf_id", pa.string(), "CVF open-access paper id, '<conference>/<file stem>'."),
        Column("neurips_id", pa.string(), "NeurIPS proceedings id, '<year>/<hash>'."),
        Column("ieee_id", pa.string(), "IEEE Xplore document number."),
        Column("note", pa.string(), "Note, summary or description written with the entry."),
        Column("rating", pa.string(), "Rating given by the list, e.g. 'WR=3'."),
        Column("read", pa.bool_(), "True when the list marks the entry as read (:zap:).", False),
        Column("evidence", STRINGS, "How each field was read: 'title: link text', \"year: aside '(Dec., "
               "2024)'\".", False),
        Column("work_id", pa.string(), "Id of the work this mention belongs to (see papers.work_id).", False),
    ],
)

PARSE_REPORT = _schema(
    "parse_report",
    "Every link, line or file the parser did not turn into an entry, with the reason.",
    [
        Column("source", pa.string(), "File name of the list in raw/lists/.", False),
        Column("line", pa.int64(), "1-based line (0 for a whole-file problem)."),
        Column("severity", pa.string(), "info (expected, e.g. a badge), warning or error.", False),
        Column("reason", pa.string(), "Why this is not an entry, in a short fixed phrase.", False),
        Column("url", pa.string(), "The link concerned, when there is one."),
        Column("text", pa.string(), "The text concerned, shortened."),
    ],
)


PAPERS = _schema(
    "papers",
    "One row per distinct work: the mentions merged, canonical fields chosen, Semantic Scholar metadata added.",
    [
        Column("work_id", pa.string(),
               "Stable id: 'arxiv:<id>', 'doi:<doi>', another identifier, else '<kind>:<title-slug>'.", False),
        Column("citation_key", pa.string(),
               "BibTeX key, ASCII, unique, never changed once given (raw/citation_keys.csv).", False),
        Column("kind", pa.string(), "paper, post, video, repository or website.", False),
        Column("title", pa.string(), "Canonical title (Semantic Scholar when verified, else the lists)."),
        Column("authors", STRINGS, "Canonical authors, in order.", False),
        Column("year", pa.int64(), "Canonical year: Semantic Scholar if verified, else lists, else arXiv id."),
        Column("venue", pa.string(), "Canonical venue: Semantic Scholar if verified, else the lists."),
        Column("qualifier", pa.string(), "What the lists say of the paper at the venue they give it: 'Oral', "
               "'Spotlight', 'Highlight', an acceptance number."),
        Column("arxiv_id", pa.string(), "arXiv id without version."),
        Column("doi", pa.string(), "DOI, lower-cased."),
        Column("openreview_id", pa.string(), "OpenReview forum id."),
        Column("url", pa.string(), "Canonical link: the abstract page of the paper, else the most cited link."),
        Column("code_urls", STRINGS, "Code repositories linked with the work.", False),
        Column("project_urls", STRINGS, "Project pages, demos and websites linked with the work.", False),
        Column("sources", STRINGS, "List files that mention the work, sorted.", False),
        Column("sections", STRINGS, "Distinct section paths (joined with ' > ') the work is listed under.", False),
        Column("occurrence_count", pa.int64(), "Number of mentions merged into this work.", False),
        Column("conflicts", STRINGS, "Disagreements between the mentions, one string each.", False),
        Column("s2_paper_id", pa.string(), "Semantic Scholar paperId."),
        Column("corpus_id", pa.int64(), "Semantic Scholar CorpusId."),
        Column("citation_count", pa.int64(), "Citations counted by Semantic Scholar."),
        Column("influential_citation_count", pa.int64(), "Influential citations counted by Semantic Scholar."),
        Column("reference_count", pa.int64(), "References counted by Semantic Scholar."),
        Column("publication_date", pa.string(), "Publication date from Semantic Scholar, YYYY-MM-DD."),
        Column("publication_types", STRINGS, "Publication types from Semantic Scholar.", False),
        Column("fields_of_study", STRINGS, "Fields of study from Semantic Scholar.", False),
        Column("s2_venue", pa.string(), "Venue as Semantic Scholar names it."),
        Column("open_access_pdf", pa.string(), "URL of an open-access PDF, from Semantic Scholar."),
        Column("abstract", pa.string(), "Abstract from Semantic Scholar."),
        Column("tldr", pa.string(), "One-sentence summary (TLDR) from Semantic Scholar."),
        Column("enrichment_status", pa.string(), "ok, not_found, error or not_fetched (see README).", False),
        Column("enrichment_reason", pa.string(), "Why the status is not ok."),
        Column("enriched_at", pa.string(), "When the Semantic Scholar answer used was fetched (UTC, ISO 8601)."),
    ],
)

MATCHES = _schema(
    "matches",
    "Why each mention belongs to its work: the rule and the evidence.",
    [
        Column("occurrence_id", pa.string(), "The mention (occurrences.occurrence_id).", False),
        Column("work_id", pa.string(), "The work it was assigned to.", False),
        Column("rule", pa.string(),
               "Rule that joined it: seed, identifier, title, fuzzy_title, s2_paper_id, or kept_apart.", False),
        Column("evidence", pa.string(), "The evidence, e.g. 'arxiv:2006.11239' or 'fuzzy 0.94 + same year'.", False),
        Column("matched_occurrence_id", pa.string(), "The mention it was matched against, when any."),
    ],
)

CITATIONS = _schema(
    "citations",
    "Citation edges between works of the dataset, from Semantic Scholar references.",
    [
        Column("citing_work_id", pa.string(), "The work that cites (papers.work_id).", False),
        Column("cited_work_id", pa.string(), "The work cited (papers.work_id).", False),
    ],
)

ISSUES = _schema(
    "issues",
    "Conflicts between mentions, suspicious links and failed lookups found while merging and enriching.",
    [
        Column("kind", pa.string(), "conflict, suspicious_link or lookup.", False),
        Column("work_id", pa.string(), "The work concerned."),
        Column("occurrence_id", pa.string(), "The mention concerned, when one."),
        Column("detail", pa.string(), "What was found.", False),
    ],
)

FINDINGS = _schema(
    "findings",
    "What `diffdata check` tells a list's maintainer: one row per finding, built from the tables above.",
    [
        Column("source", pa.string(), "The list file, as named on the command line (or in raw/lists/).", False),
        Column("line", pa.int64(), "1-based line of the entry or link concerned (1 for a whole-file finding).",
               False),
        Column("column", pa.int64(), "1-based column where the link or title concerned starts on that line, "
               "else its first character that is not blank.", False),
        Column("severity", pa.string(), "error, warning or info; errors (and warnings with --strict) fail the "
               "check.", False),
        Column("code", pa.string(), "Stable code of the rule, e.g. 'DD101' (see diffdata.check.RULES).", False),
        Column("rule", pa.string(), "Short name of the rule, e.g. 'duplicate-in-section'.", False),
        Column("message", pa.string(), "What was found and what to do, on one line.", False),
        Column("origin", pa.string(), "Table the finding comes from: parse_report, issues or occurrences.",
               False),
        Column("detail", pa.string(), "That table's own words: the report's reason, the issue's detail, or the "
               "evidence.", False),
        Column("work_id", pa.string(), "The work concerned (papers.work_id), when one."),
        Column("occurrence_id", pa.string(), "The mention concerned (occurrences.occurrence_id), when one."),
        Column("url", pa.string(), "The link concerned, when one."),
    ],
)


#: Types whose values :func:`~diffdata.cells.plain` returns unchanged (a float may be NaN: not among them).
_PLAIN_TYPES = frozenset({str, list, dict, int, bool, type(None)})


def to_arrow(df: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """Convert a DataFrame to an Arrow table of exactly ``schema`` (columns in order, types cast)."""
    missing = [n for n in schema.names if n not in df.columns]
    if missing:
        raise ValueError(f"table {schema.metadata[b'table'].decode()} lacks columns {missing}")
    arrays = []
    for field in schema:
        series = df[field.name]
        if series.dtype == object:  # Python values, numpy arrays and scalars among them: one at a time
            values = series.tolist()
            if not _PLAIN_TYPES.issuperset(map(type, values)):  # else plain would return every cell as it is
                values = [v if type(v) in _PLAIN_TYPES else plain(v) for v in values]
            arrays.append(pa.array(values, type=field.type, from_pandas=True))
        else:  # a typed column (numbers, booleans, strings): converted whole, its missing markers as nulls
            arrays.append(pa.array(series, type=field.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def descriptions(schema: pa.Schema) -> Mapping[str, str]:
    """Column name -> description."""
    return {f.name: f.metadata[b"description"].decode() for f in schema}


def type_name(t: pa.DataType) -> str:
    """A short readable name of an Arrow type for data dictionaries."""
    if pa.types.is_list(t):
        return f"list<{type_name(t.value_type)}>"
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(f"{f.name}: {type_name(f.type)}" for f in t) + ">"
    return {"int64": "int64", "string": "string", "bool": "bool", "double": "float64"}.get(str(t), str(t))
