"""``storyfold eval stories``: ingest a labelled set into a throw-away store and score the stories.

The gold ``story`` labels are read here, by the evaluator, after ingest; the ingest path never
sees them (the JSONL reader drops them unread).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyfold.errors import InputError
from storyfold.evaluate.clustering import ClusterScores, score_clusters
from storyfold.pipeline import IngestOptions, ingest_paths, recluster
from storyfold.store import open_store

BASELINE_THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 20))


@dataclass(frozen=True, slots=True)
class StoryEval:
    dataset: str
    mode: str
    scores: ClusterScores
    articles_per_second: float
    seconds: float
    skipped: int
    baseline: ClusterScores | None = None
    baseline_name: str = ""


def read_gold(path: Path) -> tuple[dict[str, str], list[dict[str, object]]]:
    """Gold story labels by article id, and the raw records (for the baseline)."""
    gold: dict[str, str] = {}
    records: list[dict[str, object]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the labelled set ({exc})", origin=str(path), stage="eval") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {lineno} is not JSON ({exc})", origin=str(path), stage="eval") from exc
        if isinstance(row, dict) and row.get("id") is not None and row.get("story") is not None:
            gold[str(row["id"])] = str(row["story"])
            records.append(row)
    if not gold:
        raise InputError("no records with both 'id' and a gold 'story' label", origin=str(path), stage="eval")
    return gold, records


def evaluate_stories(
    path: Path, opts: IngestOptions | None = None, *, baseline: bool = True, batch: bool = False
) -> StoryEval:
    """Ingest ``path`` into a fresh store in a temporary directory, then score its stories."""
    opts = opts or IngestOptions()
    gold, records = read_gold(path)
    with tempfile.TemporaryDirectory(prefix="storyfold-eval-") as tmp:
        store = open_store(Path(tmp) / "eval.db")
        try:
            started = time.perf_counter()
            report = ingest_paths([str(path)], store, opts)
            if batch:
                recluster(store, opts.stories)
            seconds = time.perf_counter() - started
            predicted = {a: s.id for s in store.stories() for a in s.article_ids}
        finally:
            store.close()
    # an article kept out of stories (skipped, or flagged) is its own singleton prediction
    for article_id in gold.keys() - predicted.keys():
        predicted[article_id] = f"unassigned:{article_id}"
    scores = score_clusters(gold, predicted)
    base = tfidf_average_link(records, gold) if baseline else None
    return StoryEval(
        dataset=str(path),
        mode=("batch" if batch else "online") + ", core (no embeddings)",
        scores=scores,
        articles_per_second=len(gold) / seconds if seconds else 0.0,
        seconds=seconds,
        skipped=len(report.skipped),
        baseline=base,
        baseline_name="TF-IDF + average-link, threshold tuned on this set" if base else "",
    )


def tfidf_average_link(
    records: Sequence[dict[str, object]],
    gold: dict[str, str],
    thresholds: Sequence[float] = BASELINE_THRESHOLDS,
) -> ClusterScores:
    """The reference baseline: TF-IDF cosine, average-link clustering, the distance threshold
    chosen on the same data for the best B-cubed F1 (so an optimistic baseline)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [str(r["id"]) for r in records]
    texts = [f"{r.get('title') or ''}\n{r.get('text') or ''}" for r in records]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    if len(ids) < 2:
        return score_clusters(gold, {i: "0" for i in ids})
    tree = linkage(pdist(matrix.toarray(), metric="cosine"), method="average")
    best: ClusterScores | None = None
    for t in thresholds:
        labels = fcluster(tree, t=1.0 - t, criterion="distance")
        s = score_clusters(gold, {i: str(lab) for i, lab in zip(ids, labels, strict=True)})
        if best is None or s.bcubed_f1 > best.bcubed_f1:
            best = s
    assert best is not None
    return best
