"""Clustering scores: pairwise and B-cubed precision/recall/F1, adjusted Rand index.

All computed from the contingency table of gold and predicted labels, so a set of 100k articles
costs no pairwise loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClusterScores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    ari: float
    items: int
    gold_clusters: int
    predicted_clusters: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_clusters(gold: Mapping[str, str], predicted: Mapping[str, str]) -> ClusterScores:
    """Score a predicted clustering against gold labels over the items both name."""
    items = sorted(gold.keys() & predicted.keys())
    n = len(items)
    cells: Counter[tuple[str, str]] = Counter((gold[i], predicted[i]) for i in items)
    gold_sizes: Counter[str] = Counter(gold[i] for i in items)
    pred_sizes: Counter[str] = Counter(predicted[i] for i in items)

    same_both = sum(_pairs(c) for c in cells.values())
    same_gold = sum(_pairs(c) for c in gold_sizes.values())
    same_pred = sum(_pairs(c) for c in pred_sizes.values())
    pp = same_both / same_pred if same_pred else 1.0
    pr = same_both / same_gold if same_gold else 1.0

    # B-cubed: per item, the share of its predicted cluster that shares its gold label, and vice versa
    bp = sum(c * c / pred_sizes[p] for (_, p), c in cells.items()) / n if n else 0.0
    br = sum(c * c / gold_sizes[g] for (g, _), c in cells.items()) / n if n else 0.0

    total = _pairs(n)
    expected = same_gold * same_pred / total if total else 0.0
    maximum = (same_gold + same_pred) / 2
    ari = (same_both - expected) / (maximum - expected) if maximum != expected else 1.0

    return ClusterScores(
        pairwise_precision=pp,
        pairwise_recall=pr,
        pairwise_f1=_f1(pp, pr),
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=_f1(bp, br),
        ari=ari,
        items=n,
        gold_clusters=len(gold_sizes),
        predicted_clusters=len(pred_sizes),
    )
