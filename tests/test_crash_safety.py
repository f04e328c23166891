"""Crash safety: an ingest killed with SIGKILL at random moments never leaves the store inconsistent, and
running the same ingest again completes it: every input article stored exactly once, with its story, its
reporting line and its facts, exactly as an ingest that was never interrupted stores them.

The killed process is a fork of the test process running the same pipeline call as `storyfold ingest`
(``ingest_paths`` with the facts extractor), so that each of the 50 kills costs a fraction of a second
instead of a fresh interpreter and language model. Corpus: the two seeds and the first 40 articles of the
bundled demo excerpt."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from storyfold.facts.codec import event_to_dict
from storyfold.pipeline import IngestOptions, ingest_paths
from storyfold.store import open_store

from conftest import DEMO, SEEDS

ROUNDS = 10
KILLS_PER_ROUND = 5


def _corpus(tmp_path: Path) -> list[str]:
    part = tmp_path / "demo-40.jsonl"
    part.write_text("".join(DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[:40]), encoding="utf-8")
    return [str(SEEDS), str(part)]


def _ingest(db: str, paths: list[str], extractor: Any) -> None:
    store = open_store(db)
    try:
        # small commit batches, so that the kills land between commits as well as inside batches
        ingest_paths(paths, store, IngestOptions(commit_every=4), facts=extractor)
    finally:
        store.close()


def _snapshot(db: str) -> dict[str, tuple[Any, ...]]:
    """Per stored article: its story, its reporting line and what it copies, and its facts."""
    store = open_store(db)
    try:
        out: dict[str, tuple[Any, ...]] = {}
        for article in store.iter_articles():
            asg = store.assignment(article.id)
            member = store.line_member(article.id)
            found = store.get_facts(article.id)
            out[article.id] = (
                asg.story_id if asg else None,
                member.line_id if member else None,
                member.duplicate_of if member else None,
                event_to_dict(found.event) if found else None,
                len(found.entities) if found else None,
                len(found.quantities) if found else None,
            )
        return out
    finally:
        store.close()


def _check_consistent(db: str) -> tuple[int, int]:
    """The store as a killed ingest left it: the database intact, each stored article in exactly the story that
    lists it, no empty story, each article in a reporting line. Returns the numbers of stored articles and of
    those with their facts."""
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = open_store(db)
    try:
        members: dict[str, set[str]] = {}
        count = with_facts = 0
        for article in store.iter_articles():
            count += 1
            with_facts += store.get_facts(article.id) is not None
            if article.non_article is not None:
                continue
            asg = store.assignment(article.id)
            assert asg is not None, f"{article.id} stored without a story"
            members.setdefault(asg.story_id, set()).add(article.id)
            assert store.line_member(article.id) is not None, f"{article.id} stored without a reporting line"
        stories = store.stories()
        assert all(s.article_ids for s in stories), "a story without articles"
        assert {s.id: set(s.article_ids) for s in stories} == members
        assert count == store.count_articles()
        return count, with_facts
    finally:
        store.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkilled_ingest_never_corrupts_and_a_rerun_completes(tmp_path: Path, fact_extractor: Any) -> None:
    paths = _corpus(tmp_path)
    reference = str(tmp_path / "reference.db")
    started = time.perf_counter()
    _ingest(reference, paths, fact_extractor)
    took = time.perf_counter() - started  # the kills land within this span of an ingest from scratch
    expected = _snapshot(reference)
    assert len(expected) == 42 and all(v[3] is not None for v in expected.values())

    rng = random.Random(20261123)
    ctx = multiprocessing.get_context("fork")
    interrupted = 0  # kills that left the store partly filled (articles, or their facts, missing)
    for round_ in range(ROUNDS):
        db = str(tmp_path / f"crash-{round_}.db")
        for _ in range(KILLS_PER_ROUND):
            child = ctx.Process(target=_ingest, args=(db, paths, fact_extractor))
            child.start()
            time.sleep(rng.uniform(0.02, 0.5 * took))
            if child.is_alive():
                assert child.pid is not None
                os.kill(child.pid, signal.SIGKILL)
            child.join()
            if Path(db).exists():
                stored, with_facts = _check_consistent(db)
                interrupted += 0 < stored + with_facts < 2 * len(expected)
        _ingest(db, paths, fact_extractor)  # the same command again, to the end
        _check_consistent(db)
        assert _snapshot(db) == expected
    assert interrupted >= 5, "the kills did not land during the ingest"
