"""Pairwise precision and recall of a grouping of mentions against the true grouping (pure Python, no pandas).

A pair is two mentions in the same group. Precision = pairs the produced grouping makes that the truth also
makes / pairs the produced grouping makes; recall = the same / pairs the truth makes. Counting is done per
cell of the (truth, produced) contingency table, never over all pairs, so it is linear in the mentions.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PairScore:
    """Pair counts and the derived precision, recall and F1 (1.0 when there is nothing to get right)."""

    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    mentions: int

    @property
    def precision(self) -> float:
        """Share of produced pairs that are true pairs."""
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        """Share of true pairs that were produced."""
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def pairwise(truth: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PairScore:
    """Score ``predicted`` (mention -> group) against ``truth`` (mention -> true work), on their common mentions.

    A mention missing from ``predicted`` counts as a group of its own (it is paired with nothing).
    """
    keys = list(truth)
    pred = [predicted.get(k, ("__alone__", k)) for k in keys]
    true_pairs = _pairs(Counter(truth[k] for k in keys).values())
    predicted_pairs = _pairs(Counter(pred).values())
    correct = _pairs(Counter(zip((truth[k] for k in keys), pred, strict=True)).values())
    return PairScore(true_pairs, predicted_pairs, correct, len(keys))


def read_truth(path: Path) -> dict[tuple[str, int], str]:
    """``truth.csv`` of :mod:`synthetic` as ``{(source, line): work}``."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {(row["source"], int(row["line"])): row["work"] for row in csv.DictReader(fh)}
