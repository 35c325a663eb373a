"""The files a build writes in processed/, named once."""

OUTPUTS: tuple[str, ...] = (
    "occurrences.parquet", "papers.parquet", "matches.parquet", "citations.parquet",
    "occurrences.csv", "papers.csv", "issues.csv", "parse_report.csv",
    "papers.bib", "works_per_year.svg", "REPORT.md", "README.md", "datapackage.json",
)
"""Every output, in the order the pipeline renders them (``datapackage.json`` last: it hashes the others)."""

PACKAGED: tuple[str, ...] = ("papers.parquet", "occurrences.parquet", "citations.parquet")
"""The outputs a wheel carries as package data (``diffdata/data/``), read by ``diffdata.load_*``; pyproject.toml
lists them for the wheel and the sdist (tests/test_packaging.py checks the lists against this one)."""
