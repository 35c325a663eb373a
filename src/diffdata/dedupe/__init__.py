"""Stage 2, dedupe: mentions in, works out (:func:`merge_mentions`); pure and independent of row order.

The rules (identifier, title, fuzzy title, their guards) and the choice of each work's canonical fields are in
``docs/merge-rules.md``. Modules: ``rows.py`` (what the rules read of a mention), ``groups.py`` (union-find and
guards), ``titles.py`` (the title rule, indexed), ``fuzzy.py`` (blocking and fuzzy titles), ``merge.py`` (the
rules in order), ``canonical.py`` (a work's fields), ``issues.py`` (conflicts, suspicious links), ``workid.py``,
``explain.py`` (matches) and ``assemble.py`` (the tables).
"""

from diffdata.dedupe.fuzzy import FUZZY_THRESHOLD, MAX_BLOCK, WINDOW
from diffdata.dedupe.issues import CONFLICT_TITLE_THRESHOLD
from diffdata.dedupe.merge import DedupeResult, merge_mentions

__all__ = ["CONFLICT_TITLE_THRESHOLD", "FUZZY_THRESHOLD", "MAX_BLOCK", "WINDOW", "DedupeResult", "merge_mentions"]
