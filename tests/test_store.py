"""The SQLite store: migrations, WAL, idempotent transactional ingest, stable ids."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyfold.errors import NotFoundError
from storyfold.pipeline import ingest_paths
from storyfold.store import Store, open_store
from storyfold.store.migrations import LATEST, MIGRATIONS

from conftest import DEMO, SEED_A, SEED_B, SEEDS


def test_schema_from_numbered_migrations_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert applied == sorted(v for v, _, _ in MIGRATIONS) and applied[-1] == LATEST
    con.close()
    open_store(path).close()  # opening again applies nothing twice


def test_ingest_twice_keeps_one_copy(store: Store) -> None:
    first = ingest_paths([str(SEEDS), str(DEMO)], store)
    assert len(first.ingested) == 164 and not first.skipped
    again = ingest_paths([str(SEEDS), str(DEMO)], store)
    assert again.ingested == () and len(again.already_present) == 164
    assert store.count_articles() == 164
    assert sum(len(s.article_ids) for s in store.stories()) == 164


def test_same_name_different_content_gets_its_own_id(store: Store, tmp_path: Path) -> None:
    d1, d2 = tmp_path / "one", tmp_path / "two"
    d1.mkdir()
    d2.mkdir()
    (d1 / "report.txt").write_text("Police said a fire destroyed the warehouse on Monday.")
    (d2 / "report.txt").write_text("The council approved the new budget on Tuesday evening.")
    r = ingest_paths([str(d1), str(d2)], store)
    assert len(r.ingested) == 2
    assert r.ingested[0] == "report.txt" and r.ingested[1].startswith("report.txt#")


def test_stored_article_round_trips(store: Store) -> None:
    ingest_paths([str(SEED_A), str(SEED_B)], store)
    a = store.get_article(SEED_A.name)
    assert a.title == "Armenia PM seeks talks with Putin amid conflict"
    assert [s.kind.value for s in a.debris].count("newsletter") == 3
    try:
        store.get_article("nope")
    except NotFoundError as exc:
        assert "nope" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected NotFoundError")


def test_failed_transaction_leaves_nothing_behind(store: Store) -> None:
    from storyfold.pipeline import read_article

    article = read_article(SEED_A)
    try:
        with store.transaction():
            store.add_article(article)
            raise RuntimeError("crash mid-article")
    except RuntimeError:
        pass
    assert store.count_articles() == 0
