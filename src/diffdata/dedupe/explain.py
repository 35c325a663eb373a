"""The matches table: for each mention, the rule and evidence that put it in its work."""

from __future__ import annotations

from collections import defaultdict, deque

import pandas as pd

from diffdata.dedupe.groups import Groups
from diffdata.dedupe.rows import IDS, Mention
from diffdata.identifiers import ID_COLUMNS, ID_PREFIX
from diffdata.schemas import MATCHES


def explain(rows: list[Mention], groups: Groups, components: dict[int, list[int]],
            work_of: dict[int, str]) -> pd.DataFrame:
    """A walk over the merge edges from each work's first mention (its seed), in (list, line) order: one row
    per mention, in the rows' order (every mention is reached once, from its work's seed; occurrence ids are
    unique, as parse makes them)."""
    if not rows:
        return pd.DataFrame(columns=MATCHES.names)  # the columns' types as for a table of mentions
    adjacency: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for a, b, rule, evidence in groups.edges:
        adjacency[a].append((b, rule, evidence))
        adjacency[b].append((a, rule, evidence))
    n = len(rows)
    rules: list[str | None] = [None] * n  # by column, each mention at its row: no dict per mention
    evidences: list[str | None] = [None] * n
    matched: list[str | None] = [None] * n
    for members in components.values():
        seed = min(members)  # the first mention in (list, line) order
        r = rows[seed]
        if r.suspicious:
            rules[seed], evidences[seed] = "kept_apart", "links " + ", ".join(
                f"{ID_PREFIX[c]}:{v}" for c, v in zip(ID_COLUMNS, r[IDS], strict=True) if v) + f" but is a {r.kind}"
        else:
            rules[seed], evidences[seed] = "seed", "first mention of the work"
        seen, queue = {seed}, deque([seed])
        while queue:
            cur = queue.popleft()
            for nxt, rule, evidence in sorted(adjacency[cur]):
                if nxt in seen:
                    continue
                seen.add(nxt)
                queue.append(nxt)
                rules[nxt], evidences[nxt], matched[nxt] = rule, evidence, rows[cur].occurrence_id
    return pd.DataFrame({"occurrence_id": [r.occurrence_id for r in rows], "work_id": [work_of[i] for i in range(n)],
                         "rule": rules, "evidence": evidences, "matched_occurrence_id": matched},
                        columns=MATCHES.names)
