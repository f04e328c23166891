"""Name conflicts: two reports of one kind of event that lead with different people are kept apart
(StoryOptions.name_conflict). Fixture: three ECB+ reports each of four events, two of one kind per topic
(Klitschko stopping Rahman / stopping Thompson; "Deep Throat" Mark Felt's death / Watergate figure Fred
LaRue's death), ingested after the demo excerpt so that the IDF is that of a real, mixed store."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from storyfold.model import Article, Segment, SegmentKind
from storyfold.pipeline import IngestOptions, ingest_paths, recluster
from storyfold.store import Store
from storyfold.stories import StoryOptions, conflict_factor, leading_names, mention_terms

from conftest import DEMO

SAME_KIND = Path(__file__).parent / "fixtures" / "ecbplus-same-kind.jsonl"
OFF = replace(StoryOptions(), name_conflict=None)


def _gold() -> dict[str, str]:
    rows = [json.loads(line) for line in SAME_KIND.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r["story"] for r in rows}


def _stories_of_fixture(store: Store) -> list[Counter[str]]:
    gold = _gold()
    by_story: dict[str, Counter[str]] = {}
    for story in store.stories():
        for article_id in story.article_ids:
            if article_id in gold:
                by_story.setdefault(story.id, Counter())[gold[article_id]] += 1
    return sorted(by_story.values(), key=lambda c: sorted(c))


def _article(title: str, *sentences: str) -> Article:
    body = tuple(Segment(SegmentKind.BODY, s, i) for i, s in enumerate(sentences))
    return Article(id="a", key="a", origin="test", segments=body, title=title)


def test_leading_names_are_the_repeated_names_of_the_title_and_lede() -> None:
    a = _article(
        "Klitschko stops Rahman in seventh",
        "Wladimir Klitschko defended his crown by stopping Hasim Rahman at SAP Arena on Saturday.",
        "The champion Klitschko, who fought in front of his home crowd, said Rahman was tough.",
        "The Arena was full. Rahman had not lost since 2005; the arena staff said Klitschko was ready.",
    )
    names = leading_names(a)
    # "Arena" is also written "arena", "Saturday" is a day, and a word that opens a sentence ("Rahman had")
    # could be any word
    assert names == {"klitschko": 3, "rahman": 3}
    assert leading_names(a, replace(StoryOptions(), conflict_count=4)) == {}


def test_the_conflict_scales_with_the_share_of_leading_names_the_other_never_mentions() -> None:
    felt = {"felt": 5, "throat": 3}
    larue = {"larue": 6}
    assert conflict_factor(felt, frozenset({"felt", "throat", "fbi"}), larue, frozenset({"larue", "nixon"}), 0.3) == (
        pytest.approx(0.3)
    )
    # the other side names Felt: no conflict, whatever the first misses
    assert conflict_factor(felt, frozenset({"felt"}), larue, frozenset({"larue", "felt", "throat"}), 0.3) == 1.0
    # "Jong-un" mentions "Jong"
    assert conflict_factor({"jong": 4}, frozenset({"jong"}), {"pompeo": 3}, mention_terms({"jong-un": 1.0}), 0.3) == 1.0


def test_batch_mode_keeps_apart_same_kind_events_that_lead_with_different_people(tmp_path: Path, store: Store) -> None:
    opts = IngestOptions()
    ingest_paths([str(DEMO), str(SAME_KIND)], store, opts)
    recluster(store, opts.stories)
    assert _stories_of_fixture(store) == [
        Counter({"28ecb": 3}),
        Counter({"28ecbplus": 3}),
        Counter({"7ecb": 3}),
        Counter({"7ecbplus": 3}),
    ]
    # without name conflicts the two fights, and the two deaths, are one story each
    recluster(store, OFF)
    assert _stories_of_fixture(store) == [Counter({"28ecb": 3, "28ecbplus": 3}), Counter({"7ecb": 3, "7ecbplus": 3})]


def test_online_settling_parts_two_deaths_of_one_scandal(store: Store) -> None:
    ingest_paths([str(DEMO), str(SAME_KIND)], store, IngestOptions())
    stories = _stories_of_fixture(store)
    assert Counter({"28ecb": 3}) in stories and Counter({"28ecbplus": 3}) in stories
