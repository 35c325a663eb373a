"""The integrity stage: every table agrees with papers, or the build stops naming the table and the id."""

from __future__ import annotations

import pandas as pd
import pytest

from diffdata.integrity import IntegrityError, check_integrity


def tables() -> dict[str, pd.DataFrame]:
    """Two works, three mentions, one issue and one citation that all agree."""
    return {
        "papers": pd.DataFrame({"work_id": ["arxiv:1", "doi:2"], "citation_key": ["ho2020", "song2021"],
                                "occurrence_count": [2, 1]}),
        "occurrences": pd.DataFrame({"occurrence_id": ["a.md:1", "a.md:2", "b.md:1"],
                                     "work_id": ["arxiv:1", "doi:2", "arxiv:1"]}),
        "matches": pd.DataFrame({"occurrence_id": ["a.md:1", "a.md:2", "b.md:1"],
                                 "work_id": ["arxiv:1", "doi:2", "arxiv:1"]}),
        "issues": pd.DataFrame({"kind": ["conflict", "suspicious_link"], "work_id": ["doi:2", None]}),
        "citations": pd.DataFrame({"citing_work_id": ["doi:2"], "cited_work_id": ["arxiv:1"]}),
    }


def test_agreeing_tables_pass() -> None:
    check_integrity(**tables())


@pytest.mark.parametrize(("table", "column", "row"), [
    ("occurrences", "work_id", 1),
    ("matches", "work_id", 2),
    ("issues", "work_id", 0),
    ("citations", "citing_work_id", 0),
    ("citations", "cited_work_id", 0),
])
def test_a_work_id_missing_from_papers_is_named_with_its_table(table: str, column: str, row: int) -> None:
    t = tables()
    t[table] = t[table].copy()
    t[table].loc[row, column] = "doi:merged-away"
    with pytest.raises(IntegrityError, match=rf"^{table}\.{column} names 'doi:merged-away', not in papers"):
        check_integrity(**t)


def test_duplicate_ids_and_keys_are_refused() -> None:
    t = tables()
    t["papers"] = t["papers"].assign(citation_key=["ho2020", "HO2020"])
    with pytest.raises(IntegrityError, match=r"papers\.citation_key is not unique: 'ho2020'"):
        check_integrity(**t)
    t = tables()
    t["papers"] = t["papers"].assign(work_id=["arxiv:1", "arxiv:1"])
    with pytest.raises(IntegrityError, match=r"papers\.work_id is not unique: 'arxiv:1'"):
        check_integrity(**t)


def test_every_occurrence_is_in_exactly_one_work() -> None:
    t = tables()
    t["matches"] = t["matches"].iloc[:2]
    with pytest.raises(IntegrityError, match=r"differ on 'b\.md:1'"):
        check_integrity(**t)
    t = tables()
    t["papers"] = t["papers"].assign(occurrence_count=[1, 1])
    with pytest.raises(IntegrityError, match="occurrence_count of 'arxiv:1' is 1, but occurrences has 2"):
        check_integrity(**t)
