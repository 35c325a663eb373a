"""The matches table: for each mention, the rule and evidence that put it in its work."""

from __future__ import annotations

from collections import defaultdict, deque

import pandas as pd

from diffdata.dedupe.groups import Groups
from diffdata.identifiers import ID_COLUMNS, ID_PREFIX
from diffdata.schemas import MATCHES


def explain(rows: list[dict], groups: Groups, components: dict[int, list[int]],
            work_of: dict[int, str]) -> pd.DataFrame:
    """A walk over the merge edges from each work's first mention (its seed), in (list, line) order."""
    adjacency: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for a, b, rule, evidence in groups.edges:
        adjacency[a].append((b, rule, evidence))
        adjacency[b].append((a, rule, evidence))
    out = []
    for members in components.values():
        seed = min(members)  # the first mention in (list, line) order
        r = rows[seed]
        if r["_suspicious"]:
            rule, evidence = "kept_apart", "links " + ", ".join(
                f"{ID_PREFIX[c]}:{r[c]}" for c in ID_COLUMNS if r[c]) + f" but is a {r['kind']}"
        else:
            rule, evidence = "seed", "first mention of the work"
        out.append({"occurrence_id": r["occurrence_id"], "work_id": work_of[seed], "rule": rule,
                    "evidence": evidence, "matched_occurrence_id": None})
        seen, queue = {seed}, deque([seed])
        while queue:
            cur = queue.popleft()
            for nxt, rule, evidence in sorted(adjacency[cur]):
                if nxt in seen:
                    continue
                seen.add(nxt)
                queue.append(nxt)
                out.append({"occurrence_id": rows[nxt]["occurrence_id"], "work_id": work_of[nxt], "rule": rule,
                            "evidence": evidence, "matched_occurrence_id": rows[cur]["occurrence_id"]})
    order = {r["occurrence_id"]: i for i, r in enumerate(rows)}
    out.sort(key=lambda m: order[m["occurrence_id"]])
    return pd.DataFrame(out, columns=MATCHES.names)
