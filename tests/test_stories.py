"""First story grouping: the seeds land together, ECB+ events are mostly separated, ids are stable."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path

from storyfold.pipeline import ingest_paths, recluster
from storyfold.store import Store, open_store
from storyfold.views import story_view

from conftest import DEMO, SEED_A, SEED_B, SEEDS


def _stories(store: Store) -> dict[str, str]:
    return {a: s.id for s in store.stories() for a in s.article_ids}


def test_seeds_land_in_one_story(store: Store) -> None:
    ingest_paths([str(DEMO), str(SEEDS)], store)
    pred = _stories(store)
    assert pred[SEED_A.name] == pred[SEED_B.name]
    view = story_view(store, pred[SEED_A.name])
    assert len(view.story.article_ids) == 2
    assert len(view.shared) >= 10


def test_demo_events_grouped_with_pairwise_f1_above_floor(store: Store) -> None:
    ingest_paths([str(DEMO)], store)
    gold = {r["id"]: r["story"] for r in map(json.loads, DEMO.read_text().splitlines())}
    pred = _stories(store)
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    # measured 0.855 (P 0.844, R 0.867) when this floor was set
    assert f1 >= 0.80, (precision, recall, f1)
    # two events of one kind per topic: the grouping must not lump whole topics together
    assert len(set(pred.values())) >= 12


def test_same_input_same_stories_same_ids(tmp_path: Path) -> None:
    results = []
    for name in ("one.db", "two.db"):
        s = open_store(tmp_path / name)
        ingest_paths([str(DEMO), str(SEEDS)], s)
        results.append(sorted((st.id, st.article_ids) for st in s.stories()))
        s.close()
    assert results[0] == results[1]


def test_batch_mode_is_insensitive_to_input_order(tmp_path: Path) -> None:
    lines = DEMO.read_text().splitlines()
    reversed_file = tmp_path / "reversed.jsonl"
    reversed_file.write_text("\n".join(reversed(lines)) + "\n")
    partitions = []
    for name, source in (("forward.db", DEMO), ("backward.db", reversed_file)):
        s = open_store(tmp_path / name)
        ingest_paths([str(source)], s)
        recluster(s)
        partitions.append({frozenset(st.article_ids) for st in s.stories()})
        s.close()
    assert partitions[0] == partitions[1]
    gold = {r["id"]: r["story"] for r in map(json.loads, lines)}
    # each batch story is dominated by one real event (measured: B-cubed F1 0.874 on this excerpt)
    pure = sum(max(Counter(gold[a] for a in p).values()) for p in partitions[0])
    assert pure / len(gold) >= 0.85


def test_reports_on_one_subject_do_not_snowball_into_one_story(tmp_path: Path, shared_data: Path) -> None:
    """NewsWCL50 (../shared/data/newswcl50): ten political events, five outlets each, without dates, several on
    one subject (North Korea, the Russia inquiry, Iran). Scored against the story's summed profile alone, a
    story that took in a second event attracted the rest of its subject (B-cubed F1 0.496, 4 stories for 10
    events); with the average-link gate it measured 0.750 (6 stories) when this floor was set."""
    from storyfold.evaluate.clustering import score_clusters

    path = shared_data / "newswcl50" / "docs.jsonl"
    gold = {r["id"]: str(r["story"]) for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    store = open_store(tmp_path / "wcl.db")
    try:
        ingest_paths([str(path)], store)
        pred = _stories(store)
    finally:
        store.close()
    scores = score_clusters(gold, pred)
    assert scores.bcubed_f1 >= 0.70, scores
    assert scores.predicted_clusters >= 6
