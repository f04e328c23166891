"""Follow-ups weeks after an incident (charges, pleas) join its story when they name its particulars; beyond the
time window a similarity fades with the distance instead of being cut off.

The texts are written for the test after the pattern of the gun-violence sets (../shared/data/gva-dev): a
quarter of the same-incident pairs there are published over 14 days apart, like the charges filed 25 days
after the shooting below.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from storyfold.pipeline import IngestOptions, ingest_paths, recluster
from storyfold.store import Store
from storyfold.stories import StoryOptions, batch_clusters, time_factor, time_reach

_ROWS = [
    (
        "shot",
        "2016-07-31",
        "Woman killed, four wounded in Sixth Street shooting",
        "A woman was fatally shot and four people were wounded early Sunday on Sixth Street, police said. "
        "Teqnika Moultrie, 30, a bus driver visiting from San Carlos, was killed. Police are searching for "
        "Endicott McCray, 24, on a murder warrant.",
    ),
    (
        "arrest",
        "2016-08-02",
        "Suspect in Sixth Street shooting arrested near Atlanta",
        "Marshals arrested Endicott McCray, 24, near Atlanta on Tuesday in the killing of Teqnika Moultrie on "
        "Sixth Street. Four other people were wounded in the shooting.",
    ),
    (
        "charged",
        "2016-08-25",
        "More charges filed against Sixth Street shooter",
        "Endicott McCray, accused of killing Teqnika Moultrie and wounding four others on Sixth Street this "
        "summer, now faces four new charges of aggravated assault, prosecutors said.",
    ),
    (
        "other",
        "2016-08-25",
        "Man wounded in shooting at apartment complex",
        "A man was wounded by gunfire at an apartment complex on Riverside Drive late Saturday, police said. "
        "Officers found Marcus Hill, 41, with a gunshot wound to the leg. No arrest has been made.",
    ),
    (
        "council",
        "2016-08-01",
        "Council approves budget for new library",
        "The city council approved the budget for a new library branch on Monday. Construction is to begin "
        "next spring, the mayor said.",
    ),
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "incidents.jsonl"
    lines = [json.dumps({"id": i, "published": d, "title": t, "text": x}) for i, d, t, x in _ROWS]
    path.write_text("\n".join(lines) + "\n")
    return path


def _groups(store: Store) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.stories()}


WANTED = {frozenset({"shot", "arrest", "charged"}), frozenset({"other"}), frozenset({"council"})}


@pytest.mark.parametrize("batch", [False, True], ids=["online", "batch"])
def test_a_follow_up_weeks_later_joins_the_incident(store: Store, tmp_path: Path, batch: bool) -> None:
    opts = StoryOptions()
    ingest_paths([str(_write(tmp_path))], store, IngestOptions(stories=opts))
    if batch:
        recluster(store, opts)
    assert _groups(store) == WANTED


@pytest.mark.parametrize("batch", [False, True], ids=["online", "batch"])
def test_with_a_hard_window_the_follow_up_starts_a_story(store: Store, tmp_path: Path, batch: bool) -> None:
    opts = StoryOptions(late_decay=False)
    ingest_paths([str(_write(tmp_path))], store, IngestOptions(stories=opts))
    if batch:
        recluster(store, opts)
    groups = _groups(store)
    assert frozenset({"charged"}) in groups
    assert frozenset({"shot", "arrest"}) in groups


def test_time_factor_fades_beyond_the_window_and_reach_bounds_it() -> None:
    opts = StoryOptions(window_days=14)
    assert time_factor(None, opts) == 1.0
    assert time_factor(14, opts) == 1.0
    assert time_factor(56, opts) == pytest.approx(0.5)
    assert time_factor(56, replace(opts, late_decay=False)) == 0.0
    reach = time_reach(opts, 0.2)
    assert all(d <= reach for d in range(2000) if time_factor(d, opts) >= 0.2)
    assert time_factor(reach + 1, opts) < 0.2
    assert time_reach(replace(opts, late_decay=False), 0.2) == 14


def test_batch_clusters_fade_identical_texts_far_apart() -> None:
    weights = {"teqnika": 2.0, "moultrie": 2.0, "mccray": 2.0, "shooting": 1.0}
    other = {"library": 1.0, "budget": 1.0}
    articles = [
        ("a", "a", date(2016, 1, 1), weights),
        ("b", "b", date(2016, 3, 1), weights),  # 60 days: factor 0.48, similarity 0.48
        ("c", "c", date(2017, 6, 1), weights),  # 517 days from b: factor 0.16 < 0.2
        ("d", "d", date(2016, 1, 1), other),
    ]
    assert batch_clusters(articles, StoryOptions()) == [[0, 1], [2], [3]]
    assert batch_clusters(articles, StoryOptions(late_decay=False)) == [[0], [1], [2], [3]]
