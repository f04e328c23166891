"""Two events of one kind, told in words alike, are kept apart when they name different years."""

from __future__ import annotations

import json
from pathlib import Path

from storyfold.pipeline import IngestOptions, ingest_paths
from storyfold.store import Store
from storyfold.stories import StoryOptions

_QUAKE = {
    "q1": "A strong earthquake struck the north of the province on Monday in {year}, killing at least {dead} "
    "people. Rescue teams searched collapsed homes through the night.",
    "q2": "Villagers buried {dead} dead after the earthquake of {year}. Aftershocks kept families outside "
    "as rescue teams reached the north of the province.",
    "q3": "The {year} earthquake in the province left {dead} people dead, officials said, as rescue teams "
    "dug through collapsed schools and aftershocks rattled the valley.",
}


def _write(tmp_path: Path, rows: list[tuple[str, str, int]]) -> Path:
    path = tmp_path / "quakes.jsonl"
    lines = [
        json.dumps({"id": i, "title": "Earthquake kills villagers", "text": _QUAKE[i].format(year=y, dead=d)})
        for i, y, d in rows
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def _groups(store: Store) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.stories()}


def test_reports_naming_different_years_start_a_new_story(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, [("q1", "2004", 12), ("q2", "2004", 14), ("q3", "2011", 30)])
    ingest_paths([str(path)], store, IngestOptions(stories=StoryOptions(year_penalty=0.3)))
    assert _groups(store) == {frozenset({"q1", "q2"}), frozenset({"q3"})}


def test_without_the_year_check_the_same_words_merge_both_events(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, [("q1", "2004", 12), ("q2", "2004", 14), ("q3", "2011", 30)])
    ingest_paths([str(path)], store, IngestOptions(stories=StoryOptions(year_penalty=1.0)))
    assert _groups(store) == {frozenset({"q1", "q2", "q3"})}
