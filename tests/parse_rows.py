"""The parse stage on a snippet written in a test: its rows and report, or chosen fields of its rows."""

from __future__ import annotations

import textwrap

from diffdata.parse import parse_document


def parse(md: str) -> tuple[list[dict], list[dict]]:
    """Rows and report of the snippet ``md`` (dedented) read as one list."""
    return parse_document("t.md", textwrap.dedent(md))


def fields(md: str, *names: str) -> list[tuple]:
    """The fields ``names`` of each row of the snippet ``md``."""
    rows, _ = parse(md)
    return [tuple(r[n] for n in names) for r in rows]
