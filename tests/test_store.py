"""The store, on both backends (SQLite and PostgreSQL): migrations, idempotent transactional ingest,
stable ids, story search, readers during an ingest."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from storyfold.errors import NotFoundError, StoreError
from storyfold.pipeline import IngestOptions, ingest_paths
from storyfold.store import Store, StoryQuery, open_store
from storyfold.store.migrations import LATEST, MIGRATIONS

from conftest import DEMO, SEED_A, SEED_B, SEEDS


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    """Every test of this module runs on a SQLite file and on a PostgreSQL database."""
    s = open_store(store_location)
    yield s
    s.close()


def test_sqlite_schema_from_numbered_migrations_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert applied == sorted(v for v, _, _ in MIGRATIONS) and applied[-1] == LATEST
    con.close()
    open_store(path).close()  # opening again applies nothing twice


def test_a_migration_that_fails_midway_leaves_nothing_behind(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process killed (or failing) between two statements of a migration must not leave it half applied:
    the next open would fail with "table already exists" and the store could not be opened again."""
    import storyfold.store.sql as sql

    half = (LATEST + 1, "generated: fails at its second statement", ("CREATE TABLE half (x INTEGER)",) * 2)
    monkeypatch.setattr(sql, "MIGRATIONS", (*MIGRATIONS, half))
    with pytest.raises(StoreError):
        open_store(store_location)
    monkeypatch.setattr(sql, "MIGRATIONS", MIGRATIONS)
    s = open_store(store_location)  # opens: the earlier migrations stand, nothing of the failed one
    assert s.schema_version() == LATEST  # type: ignore[attr-defined]
    assert "half" not in inspect(s._engine).get_table_names()  # type: ignore[attr-defined]
    s.close()


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
    from storyfold.views import read_article

    article = read_article(SEED_A)
    try:
        with store.transaction():
            store.add_article(article)
            raise RuntimeError("crash mid-article")
    except RuntimeError:
        pass
    assert store.count_articles() == 0


def test_reopening_applies_no_migration_twice(store_location: str) -> None:
    for _ in range(2):
        s = open_store(store_location)
        assert s.schema_version() == LATEST  # type: ignore[attr-defined]
        s.close()


def _demo_part(tmp_path: Path, n: int) -> str:
    """The first ``n`` records of the demo corpus (to keep the slower tests short)."""
    part = tmp_path / f"demo-{n}.jsonl"
    part.write_text("".join(DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[:n]), encoding="utf-8")
    return str(part)


def test_search_stories_by_text_date_outlet_with_pages(store: Store, tmp_path: Path) -> None:
    ingest_paths([str(SEEDS), _demo_part(tmp_path, 60)], store)
    everything = store.search_stories(StoryQuery(limit=1000))
    assert everything.total == len(store.stories()) == len(everything.stories)
    by_size = store.search_stories(StoryQuery(order="largest", limit=1000)).stories
    assert [len(s.article_ids) for s in by_size] == sorted((len(s.article_ids) for s in by_size), reverse=True)
    newest = [s.last_published for s in everything.stories if s.last_published]
    assert newest == sorted(newest, reverse=True)

    seeds = store.search_stories(StoryQuery(text="PASHINYAN"))  # case-insensitive, article text too
    assert seeds.total == 1 and set(seeds.stories[0].article_ids) == {SEED_A.name, SEED_B.name}
    assert store.search_stories(StoryQuery(text="100%_")).total == 0  # LIKE wildcards are literal
    assert store.search_stories(StoryQuery(text="'; DROP TABLE stories; --")).total == 0
    assert store.search_stories(StoryQuery(text="Pashinyan", since=date(2020, 11, 1))).total == 0
    assert store.search_stories(StoryQuery(text="Pashinyan", until=date(2020, 10, 31))).total == 1
    la = store.search_stories(StoryQuery(outlet="articles.latimes.com", limit=1000))
    assert la.total >= 1
    assert all(any(store.get_article(a).source == "articles.latimes.com" for a in s.article_ids) for s in la.stories)

    first = store.search_stories(StoryQuery(limit=5))
    second = store.search_stories(StoryQuery(limit=5, offset=5))
    assert everything.total > 5 and first.total == everything.total
    assert len(first.stories) == 5 and len(second.stories) == min(5, everything.total - 5)
    assert not {s.id for s in first.stories} & {s.id for s in second.stories}
    assert [s.id for s in first.stories + second.stories] == [s.id for s in everything.stories[:10]]


def test_dedup_lines_and_links_round_trip(store: Store) -> None:
    ingest_paths([str(SEED_A), str(SEED_B)], store)
    lines = store.lines(min_size=2)
    assert len(lines) == 1 and set(lines[0].article_ids) == {SEED_A.name, SEED_B.name}
    assert store.duplicate_links()
    assert store.newest_dedup_day() is not None


def test_readers_keep_working_while_an_ingest_runs(store_location: str, tmp_path: Path) -> None:
    """A second connection lists stories and reads articles while another ingests the demo corpus."""
    part = _demo_part(tmp_path, 40)
    writer = open_store(store_location)
    ingest_paths([str(SEEDS)], writer)
    errors: list[BaseException] = []
    done = threading.Event()

    def ingest() -> None:
        try:
            ingest_paths([part], writer)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=ingest)
    thread.start()
    reads = 0
    reader = open_store(store_location)
    try:
        while not done.is_set() or reads < 3:
            stories = reader.search_stories(StoryQuery(limit=20)).stories
            assert stories, "a reader saw no stories during the ingest"
            assert reader.get_article(SEED_A.name).title
            reads += 1
            time.sleep(0.02)
    finally:
        thread.join()
        reader.close()
        writer.close()
    assert not errors and reads >= 3
    final = open_store(store_location)
    assert final.count_articles() == 42
    final.close()


def test_merging_folds_one_story_into_another(store: Store) -> None:
    """Members, size, dates and the term profile of both stories end in the kept one; the other is gone."""
    from storyfold.pipeline import IngestOptions
    from storyfold.stories import StoryOptions

    apart = IngestOptions(stories=StoryOptions(threshold=1.01, merge_threshold=None))  # one story each
    ingest_paths([str(SEED_A), str(SEED_B)], store, apart)
    first, second = sorted(store.stories(), key=lambda s: s.id)
    profiles = store.story_profiles([first.id, second.id])
    store.merge_stories(first.id, second.id)
    (merged,) = store.stories()
    assert merged.id == first.id
    assert set(merged.article_ids) == set(first.article_ids) | set(second.article_ids)
    terms, size, _, _ = store.story_profiles([merged.id])[merged.id]
    assert size == 2
    for t in set(profiles[first.id][0]) | set(profiles[second.id][0]):
        assert terms[t] == pytest.approx(profiles[first.id][0].get(t, 0.0) + profiles[second.id][0].get(t, 0.0))
    assert sum(store.story_link_vectors([merged.id])[merged.id].values()) > 0
    for article_id in second.article_ids:
        asg = store.assignment(article_id)
        assert asg is not None and asg.story_id == first.id
    with pytest.raises(NotFoundError):
        store.get_story(second.id)


def test_candidate_look_up_reads_only_the_time_window(store: Store) -> None:
    """Story postings carry the latest day an article brought the term: a look-up for a later article
    (``since`` after the dated seed's 2020-10-31) no longer finds that seed's story, only the undated one's
    (the first seed has no date, so no window applies to it); a look-up from their week finds both."""
    from storyfold.pipeline import IngestOptions
    from storyfold.stories import StoryOptions

    ingest_paths([str(SEED_A), str(SEED_B)], store, IngestOptions(stories=StoryOptions(threshold=1.01)))
    stories = store.stories()
    assert len(stories) == 2
    terms = ["armenia", "azerbaijan", "karabakh", "yerevan"]
    assert set(store.candidate_stories(terms, 10)) == {s.id for s in stories}
    assert set(store.candidate_stories(terms, 10, since=date(2020, 10, 24))) == {s.id for s in stories}
    undated = store.assignment(SEED_A.name)
    assert undated is not None and store.get_article(SEED_A.name).published is None
    assert store.candidate_stories(terms, 10, since=date(2020, 12, 1)) == [undated.story_id]


def test_candidate_look_up_reads_each_terms_newest_postings_only(store: Store, tmp_path: Path) -> None:
    """With ``per_term``, a query term reads only its newest postings in the window: five one-article stories
    a day apart (threshold over 1: each article its own story; texts written for this test) share "harbor";
    capped at two postings, the look-up finds the two newest stories, uncapped all five; a term with fewer
    postings than the cap is read whole."""
    import json

    from storyfold.pipeline import IngestOptions
    from storyfold.stories import StoryOptions

    path = tmp_path / "harbor.jsonl"
    rows = [
        {
            "id": f"h{k}",
            "title": f"Harbor report {k}",
            "text": f"The harbor authority in town {k} counted {k + 3} ships on the day of report number {k}.",
            "published": f"2021-03-0{k + 1}",
        }
        for k in range(5)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_paths([str(path)], store, IngestOptions(stories=StoryOptions(threshold=1.01)))
    story_of = {f"h{k}": store.assignment(f"h{k}") for k in range(5)}
    assert all(a is not None for a in story_of.values()) and len({a.story_id for a in story_of.values() if a}) == 5
    since = date(2021, 2, 1)
    everyone = {a.story_id for a in story_of.values() if a}
    assert set(store.candidate_stories(["harbor"], 10, since)) == everyone
    newest = {a.story_id for k, a in story_of.items() if a and k in ("h3", "h4")}
    assert set(store.candidate_stories(["harbor"], 10, since, per_term=2)) == newest
    assert set(store.candidate_stories(["harbor"], 10, since, per_term=50)) == everyone
    # a tie on the terms shared goes to the newest stories, with or without a window
    by_day = [story_of[f"h{k}"].story_id for k in (4, 3, 2, 1, 0) if story_of[f"h{k}"]]
    assert store.candidate_stories(["harbor", "authority"], 2, since) == by_day[:2]
    assert store.candidate_stories(["harbor"], 3) == by_day[:3]


def test_candidate_look_up_reads_the_postings_index_alone(tmp_path: Path) -> None:
    """SQLite: each form of the candidate look-up (undated, in a window, each term's newest postings) reads the
    postings from an index that holds the story id, never a table row per posting: at a million stored
    articles a common term has thousands of postings in the window, and fetching each one's row was most of
    the slowest look-ups (bench/RESULTS-1M.md)."""
    from storyfold.store.dialect import expand_in

    path = tmp_path / "s.db"
    store = open_store(path)
    ingest_paths([str(SEED_A), str(SEED_B)], store, IngestOptions())
    seen: list[tuple[str, dict[str, object]]] = []
    real_rows = store._rows  # type: ignore[attr-defined]

    def recording(sql: str, params: dict[str, object] | None = None, *expanding: str) -> object:
        if "GROUP BY story_id" in sql:
            seen.append(expand_in(sql, params or {}, expanding))
        return real_rows(sql, params, *expanding)

    store._rows = recording  # type: ignore[attr-defined]
    terms = ["armenia", "azerbaijan", "karabakh"]
    assert store.candidate_stories(terms, 10)
    assert store.candidate_stories(terms, 10, since=date(2020, 10, 1))
    assert store.candidate_stories(terms, 10, since=date(2020, 10, 1), per_term=5)
    store.close()
    assert len(seen) == 3
    con = sqlite3.connect(path)
    for sql, params in seen:
        plan = [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, params)]
        reads = [step for step in plan if "story_terms" in step]
        assert reads and all("COVERING INDEX" in step for step in reads), plan
    con.close()


def test_cached_story_term_arrays_stay_exact_as_articles_arrive(store: Store, tmp_path: Path) -> None:
    """The store's cached weights and document frequencies behind story norms equal a fresh read after more
    articles (new terms, grown stories) arrived through the same connection."""
    from storyfold.stories import StoryOptions

    lines = DEMO.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(lines[:20]), encoding="utf-8")
    second.write_text("".join(lines[20:40]), encoding="utf-8")
    opts = IngestOptions(stories=StoryOptions())
    ingest_paths([str(first)], store, opts)
    ids = [s.id for s in store.stories()]
    store.story_term_arrays(ids)  # cached now
    ingest_paths([str(second)], store, opts)
    ids = [s.id for s in store.stories()]
    cached = store.story_term_arrays(ids)
    fresh = Store.story_term_arrays(store, ids)  # the interface's default: profiles and frequencies read afresh
    assert cached.keys() == fresh.keys() and len(cached) > 5
    for sid in ids:
        assert cached[sid][0].tolist() == fresh[sid][0].tolist()
        assert cached[sid][1].tolist() == fresh[sid][1].tolist()


def test_a_dropped_story_made_again_is_read_afresh(store: Store) -> None:
    """Settling drops stories and makes them again, under the same id and at the same size with other
    members: the story's profile, link vector and term arrays are the new members', never a cached read."""
    from storyfold.model import Assignment
    from storyfold.stories import StoryOptions

    apart = IngestOptions(stories=StoryOptions(threshold=1.01))  # one story each
    ingest_paths([str(SEED_A), str(SEED_B)], store, apart)
    first, second = sorted(store.stories(), key=lambda s: s.id)
    members = {a: (d, w) for _, a, _, d, w in store.story_articles(None)}
    assert set(members) == {SEED_A.name, SEED_B.name}
    assert [m[1] for m in store.story_articles([first.id])] == list(first.article_ids)
    store.story_profiles([first.id, second.id])  # cached now
    store.story_link_vectors([first.id, second.id])
    store.story_term_arrays([first.id, second.id])
    (moved,) = second.article_ids
    with store.transaction():
        store.drop_stories([first.id, second.id])
        assert store.stories() == [] and store.story_articles(None) == []
        store.create_story(first.id, "again")
        day, weights = members[moved]
        store.add_to_story(Assignment(moved, first.id, 1.0, True), weights, day, {"x": 1.0})
    (again,) = store.stories()
    assert again.id == first.id and again.article_ids == (moved,)
    terms, size, _, _ = store.story_profiles([first.id])[first.id]
    assert size == 1 and terms == pytest.approx(weights)
    assert store.story_link_vectors([first.id])[first.id] == {"x": 1.0}
    assert store.story_term_arrays([first.id])[first.id][0].tolist() == list(weights.values())


def test_an_articles_names_and_its_lede_names_survive_reopening(store_location: str) -> None:
    # stories read them back after a restart (follow-ups need every name, name conflicts the lede's)
    s = open_store(store_location)
    ingest_paths([str(SEEDS)], s)
    first = s.indexed_articles()[0][0]
    stored = s.article_names([first])[first]
    assert stored.lede and set(stored.lede) < set(stored.mentions)
    s.close()
    again = open_store(store_location)  # a new store object: no cache, read from the tables
    assert again.article_names([first])[first] == stored
    again.close()
