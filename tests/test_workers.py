"""Ingest with worker processes (``storyfold ingest --workers N``): cleaning and the facts stage run in other
processes, the store and the stories stay in this one. A user must get the same store as without workers,
row for row (facts included), the same report of skipped inputs, and a re-run that adds nothing.

Corpus: the two seeds, the first 40 articles of the bundled demo excerpt, and two bad inputs (a file that is
not text, an empty JSON Lines record)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storyfold.pipeline import IngestOptions, ingest_paths
from storyfold.store import open_store
from storyfold.workers import Workers

from conftest import DEMO, SEEDS


def _corpus(tmp_path: Path) -> list[str]:
    part = tmp_path / "demo-40.jsonl"
    lines = DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[:40]
    part.write_text("".join(lines[:20]) + '{"id": "empty-record"}\n' + "".join(lines[20:]), encoding="utf-8")
    bad = tmp_path / "photo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return [str(SEEDS), str(part), str(bad)]


def _rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, but for the time each article was stored."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(db) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table.startswith("sqlite_") or table == "schema_migrations":
                continue
            cols = [r[1] for r in raw.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
            rows = raw.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def _ingest(db: str, paths: list[str], facts: Any = None, workers: Workers | None = None) -> Any:
    store = open_store(db)
    try:
        return ingest_paths(paths, store, IngestOptions(commit_every=16), facts=facts, workers=workers)
    finally:
        store.close()


def test_workers_store_what_one_process_stores(tmp_path: Path, fact_extractor: Any) -> None:
    paths = _corpus(tmp_path)
    alone = str(tmp_path / "alone.db")
    expected = _ingest(alone, paths, facts=fact_extractor)
    pooled = str(tmp_path / "pooled.db")
    with Workers(2, facts=True, chunk=3) as pool:
        report = _ingest(pooled, paths, workers=pool)
        again = _ingest(pooled, paths, workers=pool)

    assert len(expected.ingested) == 42 and report.ingested == expected.ingested
    assert report.assignments == expected.assignments
    assert report.non_articles == expected.non_articles
    # the bad inputs are reported, each with its reason, the same way
    assert sorted(report.skipped, key=repr) == sorted(expected.skipped, key=repr)
    assert {s.origin.rsplit("/", 1)[-1] for s in report.skipped} == {"photo.html", "demo-40.jsonl:21"}
    rows = _rows(pooled)
    assert rows == _rows(alone)
    assert len(rows["article_facts"]) == 42  # every article's facts, extracted in the workers
    # a re-run adds nothing and changes nothing
    assert again.ingested == () and len(again.already_present) == 42
    assert _rows(pooled) == rows


def test_workers_without_facts_clean_in_input_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    alone = str(tmp_path / "alone.db")
    expected = _ingest(alone, paths)
    pooled = str(tmp_path / "pooled.db")
    with Workers(1, chunk=5, ahead=2) as pool:
        report = _ingest(pooled, paths, workers=pool)
    assert report.ingested == expected.ingested and report.assignments == expected.assignments
    rows = _rows(pooled)
    assert rows == _rows(alone) and rows["article_facts"] == []


def test_a_pool_needs_a_process() -> None:
    with pytest.raises(ValueError):
        Workers(0)
