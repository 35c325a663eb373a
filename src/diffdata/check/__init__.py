"""What the pipeline knows about a list, as findings for its maintainer (``diffdata check``).

:func:`check` is a pure function from the pipeline's own tables (the parse report, the occurrences with their
``work_id``, the matches and the issues; optionally the papers, the enrichment merges and the list texts) to
one table of findings (schema :data:`diffdata.schemas.FINDINGS`): one row per thing to look at, with a file,
line and column, a severity, a stable code (:data:`RULES`) and a message that says what to do. Nothing is
parsed again: the list texts only give each finding its column.

Every issue row and every warning or error of the parse report becomes exactly one finding (``origin`` says
which table it came from, ``detail`` repeats the row's own words). Modules: ``rules.py``, ``runner.py``, one
per source of findings (``report.py``, ``issues.py``, ``duplicates.py``, ``links.py``, ``missing.py``) and
``finding.py`` (a row and its place in the text).
"""

from diffdata.check.rules import RULES, SEVERITIES, Rule
from diffdata.check.runner import check, counts

__all__ = ["RULES", "SEVERITIES", "Rule", "check", "counts"]
