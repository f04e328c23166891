"""The store in portable SQL through SQLAlchemy Core, shared by the SQLite and PostgreSQL backends.

SQL only with bound parameters. What differs between the databases (engine set-up, DDL types) lives in
``storyfold.store.dialect``; the statements here run unchanged on both.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.exc import SQLAlchemyError

from storyfold.errors import NotFoundError, StoreError
from storyfold.facts.codec import facts_from_dict, facts_to_dict
from storyfold.model import Article, ArticleFacts, ArticleNames, Assignment, Segment, SegmentKind, Story
from storyfold.store.base import STORY_ORDERS, Store, StoryPage, StoryQuery
from storyfold.store.dialect import driver_sql, expand_in, positional_sql, rows_of, translate_ddl
from storyfold.store.migrations import MIGRATIONS
from storyfold.store.sql_dedup import SQLDedupMixin
from storyfold.store.sql_index import PROFILE_CACHE_STORIES, SQLIndexMixin, _as_date, _iso, _trim
from storyfold.store.sql_outlets import SQLOutletMixin


def _from_iso(value: str | None) -> date | datetime | None:
    if not value:
        return None
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def _like(query: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching the words anywhere, case-insensitively."""
    escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SQLStore(SQLIndexMixin, SQLOutletMixin, SQLDedupMixin, Store):
    """One connection of an engine; the schema from numbered migrations. ``owns_engine``: close() disposes
    of the engine too (a store opened on its own, not one of a server's many)."""

    def __init__(self, engine: Engine, *, location: str, owns_engine: bool = True, migrate: bool = True) -> None:
        self.path = location
        self._engine = engine
        self._dialect = engine.dialect.name
        self._owns_engine = owns_engine
        # Read caches of the story-assignment hot path, exact (never stale): document frequencies are valid
        # while the article count is the one this connection last saw or made itself (another writer
        # clears them); a story profile is valid while the story's size is the one it was read at. A
        # rolled-back transaction clears both.
        self._df_cache: dict[str, int] = {}
        self._df_n: int | None = None
        self._profile_cache: dict[str, tuple[int, dict[str, float]]] = {}
        self._link_cache: dict[str, tuple[int, dict[str, float]]] = {}
        # an article's term weights never change once stored
        self._weights_cache: dict[str, dict[str, float]] = {}
        self._names_cache: dict[str, ArticleNames] = {}  # names, as the weights
        # exact inputs of story norms: per story (size, term ids, weights), and the document frequency of
        # every term id a cached story uses, kept current by add_article_terms
        self._term_ids: dict[str, int] = {}
        self._id_df = np.zeros(1024, dtype=np.float64)
        self._arrays: dict[str, tuple[int, np.ndarray, np.ndarray]] = {}
        self._generation = 0  # how many times the caches were emptied
        try:
            self._conn: Connection = self._engine.connect()
            if migrate:
                self._migrate()
        except SQLAlchemyError as exc:
            if owns_engine:
                engine.dispose()
            raise StoreError(
                f"cannot open the store ({exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}); "
                "check the location given with --db or $STORYFOLD_DB",
                origin=location,
            ) from exc
        self._depth = 0

    # plumbing
    def _migrate(self) -> None:
        c = self._conn
        dialect = self._engine.dialect.name
        with c.begin():
            c.execute(
                text(
                    "CREATE TABLE IF NOT EXISTS schema_migrations"
                    " (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
                )
            )
            done = {row[0] for row in c.execute(text("SELECT version FROM schema_migrations"))}
        for version, name, statements in MIGRATIONS:
            if version in done:
                continue
            with c.begin():
                if dialect == "sqlite":
                    # pysqlite runs DDL outside any transaction unless told: a process killed between two
                    # statements of a migration would leave it half applied ("table already exists" at the next
                    # open). IMMEDIATE also takes the write lock first, so two first opens do not both migrate.
                    c.exec_driver_sql("BEGIN IMMEDIATE")
                    if c.execute(text("SELECT 1 FROM schema_migrations WHERE version = :v"), {"v": version}).first():
                        continue
                for stmt in statements:
                    c.execute(text(translate_ddl(stmt, dialect)))
                c.execute(
                    text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                    {"v": version, "n": name, "t": datetime.now(UTC).isoformat()},
                )

    def schema_version(self) -> int:
        return int(self._conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar_one())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        if self._conn.in_transaction():  # end the implicit read transaction a query opened
            self._conn.commit()
        try:
            with self._conn.begin():
                yield
        except BaseException:
            self._forget()
            raise
        finally:
            self._depth = 0

    def _forget(self) -> None:
        """Drop the read caches (after a rollback, or when another writer changed the store)."""
        self._df_cache.clear()
        self._df_n = None
        self._profile_cache.clear()
        self._link_cache.clear()
        self._weights_cache.clear()
        self._names_cache.clear()
        self._term_ids.clear()
        self._arrays.clear()
        self._generation += 1

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None, *expanding: str) -> list[Any]:
        """A read: rows with attribute access. ``expanding``: parameters that are lists, for ``IN :name``."""
        if self._dialect == "sqlite":
            if expanding:
                sql, params = expand_in(sql, params or {}, expanding)
            cur = self._sqlite_cursor()
            cur.execute(sql, params or {})
            return rows_of(cur)
        if not expanding:  # straight to the driver, as _exec
            result = self._conn.exec_driver_sql(driver_sql(sql, self._dialect), dict(params or {}))
            return result.fetchall()  # type: ignore[return-value]
        stmt = text(sql).bindparams(*(bindparam(name, expanding=True) for name in expanding))
        return self._conn.execute(stmt, dict(params or {})).fetchall()  # type: ignore[return-value]

    def _exec(self, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None) -> None:
        """A write: with one parameter mapping, or one per row (executemany)."""
        if self._dialect == "sqlite":
            cur = self._sqlite_cursor()
            if isinstance(params, Sequence):
                if params:
                    cur.executemany(sql, params)
                return
            cur.execute(sql, params or {})
            return
        statement = driver_sql(sql, self._dialect)
        if isinstance(params, Sequence):
            if params:
                self._conn.exec_driver_sql(statement, [dict(p) for p in params])
            return
        self._conn.exec_driver_sql(statement, dict(params or {}))

    def _exec_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """A write of many rows, each a tuple of the parameters in the order ``sql`` names them (each once)."""
        if not rows:
            return
        statement = positional_sql(sql, self._dialect)
        if self._dialect == "sqlite":
            self._sqlite_cursor().executemany(statement, rows)
            return
        self._conn.exec_driver_sql(statement, list(rows))

    def _sqlite_cursor(self) -> Any:
        """A cursor of this store's sqlite3 connection, inside whatever transaction the connection is in: the
        per-statement set-up of SQLAlchemy (result metadata, parameter processing, compiling ``IN`` lists) was a
        fifth of an article's ingest time at 12,000 stored (bench/RESULTS.md). sqlite3 takes ``:name`` itself."""
        return self._conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def close(self) -> None:
        if self._conn.in_transaction():
            self._conn.rollback()
        self._conn.close()
        if self._owns_engine:
            self._engine.dispose()

    # articles
    def find_by_key(self, key: str) -> str | None:
        rows = self._rows("SELECT id FROM articles WHERE key = :k", {"k": key})
        return str(rows[0][0]) if rows else None

    def add_article(self, article: Article) -> str:
        article_id = article.id
        if self._rows("SELECT 1 FROM articles WHERE id = :id", {"id": article_id}):
            article_id = f"{article.id}#{article.content_hash[:8]}"
            n = 2
            while self._rows("SELECT 1 FROM articles WHERE id = :id", {"id": article_id}):
                article_id = f"{article.id}#{article.content_hash[:8]}-{n}"
                n += 1
        seq = int(self._rows("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles")[0][0])
        if self._df_n is not None:
            if self._df_n == seq - 1:
                self._df_n = seq  # our own insert: the cached frequencies stay exact
            else:
                self._forget()
        self._exec(
            """INSERT INTO articles (id, key, origin, title, url, source, author, published, content_hash,
                   raw_hash, meta, seq, ingested_at, language, dateline, wire, non_article, outlet)
               VALUES (:id, :key, :origin, :title, :url, :source, :author, :published, :content_hash,
                   :raw_hash, :meta, :seq, :ingested_at, :language, :dateline, :wire, :non_article, :outlet)""",
            {
                "id": article_id,
                "key": article.key,
                "origin": article.origin,
                "title": article.title,
                "url": article.url,
                "source": article.source,
                "author": article.author,
                "published": _iso(article.published),
                "content_hash": article.content_hash,
                "raw_hash": article.raw_hash,
                "meta": json.dumps(dict(article.meta), sort_keys=True, default=str),
                "seq": seq,
                "ingested_at": datetime.now(UTC).isoformat(),
                "language": article.language,
                "dateline": article.dateline,
                "wire": article.wire,
                "non_article": article.non_article,
                "outlet": article.outlet,
            },
        )
        self._exec_rows(
            "INSERT INTO segments (article_id, position, kind, text, reason) VALUES (:a, :p, :k, :t, :r)",
            [(article_id, s.position, s.kind.value, s.text, s.reason) for s in article.segments],
        )
        if article.outlet and not self._rows(
            "SELECT 1 FROM articles WHERE content_hash = :h AND outlet = :o AND id <> :a LIMIT 1",
            {"h": article.content_hash, "o": article.outlet, "a": article_id},
        ):  # a body new to the outlet: counted once (outlet_line_counts reads the counter)
            self._exec(
                """INSERT INTO outlet_counts (outlet, articles) VALUES (:o, 1)
                   ON CONFLICT (outlet) DO UPDATE SET articles = outlet_counts.articles + 1""",
                {"o": article.outlet},
            )
        return article_id

    def _article_from_row(self, row: Any) -> Article:
        segs = tuple(
            Segment(SegmentKind(r.kind), r.text, r.position, r.reason)
            for r in self._rows(
                "SELECT position, kind, text, reason FROM segments WHERE article_id = :a ORDER BY position",
                {"a": row.id},
            )
        )
        return Article(
            id=row.id,
            key=row.key,
            origin=row.origin,
            segments=segs,
            title=row.title,
            url=row.url,
            source=row.source,
            author=row.author,
            published=_from_iso(row.published),
            content_hash=row.content_hash,
            raw_hash=row.raw_hash,
            meta=tuple(sorted(json.loads(row.meta).items())),
            language=row.language,
            dateline=row.dateline,
            wire=row.wire,
            non_article=row.non_article,
            outlet=row.outlet,
        )

    def get_article(self, article_id: str) -> Article:
        rows = self._rows("SELECT * FROM articles WHERE id = :id", {"id": article_id})
        if not rows:
            raise NotFoundError(
                "no such article in the store; `storyfold stories` lists what is there", origin=article_id
            )
        return self._article_from_row(rows[0])

    def iter_articles(self) -> Iterator[Article]:
        for row in self._rows("SELECT * FROM articles ORDER BY seq"):
            yield self._article_from_row(row)

    def count_articles(self) -> int:
        return int(self._conn.execute(text("SELECT COUNT(*) FROM articles")).scalar_one())

    # stories
    def clear_stories(self) -> None:
        self._profile_cache.clear()
        self._link_cache.clear()
        self._arrays.clear()
        self._exec("DELETE FROM story_members")
        self._exec("DELETE FROM story_terms")
        self._exec("DELETE FROM story_unit_terms")
        self._exec("DELETE FROM stories")

    def create_story(self, story_id: str, title: str) -> None:
        seq = int(self._rows("SELECT COALESCE(MAX(created_seq), 0) + 1 FROM stories")[0][0])
        self._exec(
            "INSERT INTO stories (id, title, size, created_seq) VALUES (:id, :title, 0, :seq)",
            {"id": story_id, "title": title, "seq": seq},
        )

    def story_link_vectors(self, story_ids: Sequence[str]) -> dict[str, dict[str, float]]:
        if not story_ids:
            return {}
        out: dict[str, dict[str, float]] = {}
        stale: list[str] = []
        for r in self._rows("SELECT id, size FROM stories WHERE id IN :ids", {"ids": list(story_ids)}, "ids"):
            cached = self._link_cache.pop(r.id, None)
            if cached is None or cached[0] != int(r.size):
                cached = (int(r.size), {})
                stale.append(r.id)
            self._link_cache[r.id] = cached
            out[r.id] = cached[1]
        if stale:
            for r in self._rows(
                "SELECT story_id, term, weight FROM story_unit_terms WHERE story_id IN :ids", {"ids": stale}, "ids"
            ):
                out[r.story_id][r.term] = float(r.weight)
        _trim(self._link_cache, PROFILE_CACHE_STORIES)
        return out

    def add_to_story(
        self,
        assignment: Assignment,
        weights: Mapping[str, float],
        published: date | None,
        unit: Mapping[str, float] | None = None,
    ) -> None:
        self._exec(
            "INSERT INTO story_members (article_id, story_id, score, reasons) VALUES (:a, :s, :score, :reasons)",
            {
                "a": assignment.article_id,
                "s": assignment.story_id,
                "score": assignment.score,
                "reasons": json.dumps(list(assignment.reasons)),
            },
        )
        day = _iso(published)
        story_id = assignment.story_id
        self._exec_rows(
            """INSERT INTO story_terms (story_id, term, weight, day) VALUES (:s, :t, :w, :d)
               ON CONFLICT (story_id, term) DO UPDATE SET weight = story_terms.weight + excluded.weight,
                 day = CASE WHEN story_terms.day IS NULL OR excluded.day > story_terms.day THEN excluded.day
                     ELSE story_terms.day END""",
            [(story_id, t, w, day) for t, w in weights.items()],
        )
        cached = self._profile_cache.pop(assignment.story_id, None)
        if cached is not None:  # the same sums the statement above made, so the cached profile stays exact
            size, terms = cached
            for t, w in weights.items():
                terms[t] = terms.get(t, 0.0) + float(w)
            self._profile_cache[assignment.story_id] = (size + 1, terms)
        linked = self._link_cache.pop(assignment.story_id, None)
        if unit:
            self._exec_rows(
                """INSERT INTO story_unit_terms (story_id, term, weight) VALUES (:s, :t, :w)
                   ON CONFLICT (story_id, term) DO UPDATE SET weight = story_unit_terms.weight + excluded.weight""",
                [(story_id, t, w) for t, w in unit.items()],
            )
            if linked is not None:
                size, vector = linked
                for t, w in unit.items():
                    vector[t] = vector.get(t, 0.0) + float(w)
                self._link_cache[assignment.story_id] = (size + 1, vector)
        elif linked is not None:
            self._link_cache[assignment.story_id] = (linked[0] + 1, linked[1])
        self._exec(
            """UPDATE stories SET size = size + 1,
                 first_published = CASE WHEN CAST(:d AS TEXT) IS NULL THEN first_published
                     WHEN first_published IS NULL OR CAST(:d AS TEXT) < first_published THEN CAST(:d AS TEXT)
                     ELSE first_published END,
                 last_published = CASE WHEN CAST(:d AS TEXT) IS NULL THEN last_published
                     WHEN last_published IS NULL OR CAST(:d AS TEXT) > last_published THEN CAST(:d AS TEXT)
                     ELSE last_published END
               WHERE id = :s""",
            {"d": day, "s": assignment.story_id},
        )

    def drop_stories(self, story_ids: Sequence[str]) -> None:
        if not story_ids:
            return
        for story_id in story_ids:
            params = {"s": story_id}
            for table in ("story_members", "story_terms", "story_unit_terms"):
                self._exec(f"DELETE FROM {table} WHERE story_id = :s", params)
            self._exec("DELETE FROM stories WHERE id = :s", params)
            self._profile_cache.pop(story_id, None)
            self._link_cache.pop(story_id, None)
            self._arrays.pop(story_id, None)

    def merge_stories(self, keep: str, absorbed: str) -> None:
        if keep == absorbed:
            return
        params = {"k": keep, "a": absorbed}
        self._exec(
            """INSERT INTO story_terms (story_id, term, weight, day)
                SELECT :k, term, weight, day FROM story_terms WHERE story_id = :a
                ON CONFLICT (story_id, term) DO UPDATE SET weight = story_terms.weight + excluded.weight,
                  day = CASE WHEN story_terms.day IS NULL OR excluded.day > story_terms.day THEN excluded.day
                      ELSE story_terms.day END""",
            params,
        )
        self._exec(
            """INSERT INTO story_unit_terms (story_id, term, weight)
                SELECT :k, term, weight FROM story_unit_terms WHERE story_id = :a
                ON CONFLICT (story_id, term) DO UPDATE SET weight = story_unit_terms.weight + excluded.weight""",
            params,
        )
        for table in ("story_terms", "story_unit_terms"):
            self._exec(f"DELETE FROM {table} WHERE story_id = :a", params)
        self._exec("UPDATE story_members SET story_id = :k WHERE story_id = :a", params)
        self._exec(
            """UPDATE stories SET
                 size = size + (SELECT size FROM stories WHERE id = :a),
                 first_published = CASE
                     WHEN (SELECT first_published FROM stories WHERE id = :a) IS NULL THEN first_published
                     WHEN first_published IS NULL THEN (SELECT first_published FROM stories WHERE id = :a)
                     WHEN (SELECT first_published FROM stories WHERE id = :a) < first_published
                         THEN (SELECT first_published FROM stories WHERE id = :a)
                     ELSE first_published END,
                 last_published = CASE
                     WHEN (SELECT last_published FROM stories WHERE id = :a) IS NULL THEN last_published
                     WHEN last_published IS NULL THEN (SELECT last_published FROM stories WHERE id = :a)
                     WHEN (SELECT last_published FROM stories WHERE id = :a) > last_published
                         THEN (SELECT last_published FROM stories WHERE id = :a)
                     ELSE last_published END
               WHERE id = :k""",
            params,
        )
        self._exec("DELETE FROM stories WHERE id = :a", params)
        for story_id in (keep, absorbed):
            self._profile_cache.pop(story_id, None)
            self._link_cache.pop(story_id, None)

    def _story(self, row: Any) -> Story:
        members = self._rows(
            """SELECT a.id, a.source FROM story_members m JOIN articles a ON a.id = m.article_id
               WHERE m.story_id = :s ORDER BY a.published IS NULL, a.published, a.seq""",
            {"s": row.id},
        )
        sources = tuple(sorted({m.source for m in members if m.source}))
        return Story(
            id=row.id,
            title=row.title,
            article_ids=tuple(m.id for m in members),
            first_published=_as_date(row.first_published),
            last_published=_as_date(row.last_published),
            sources=sources,
        )

    def stories(self) -> list[Story]:
        rows = self._rows(
            """SELECT * FROM stories WHERE size > 0
               ORDER BY size DESC, last_published IS NULL, last_published DESC, created_seq"""
        )
        return [self._story(r) for r in rows]

    def search_stories(self, query: StoryQuery) -> StoryPage:
        # fixed SQL fragments chosen by which filters are set; every value is a bound parameter
        where = ["s.size > 0"]
        params: dict[str, Any] = {}
        if query.text and query.text.strip():
            params["q"] = _like(query.text.strip())
            where.append(
                r"""(LOWER(s.title) LIKE :q ESCAPE '\' OR EXISTS (
                     SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id
                     WHERE m.story_id = s.id AND (LOWER(COALESCE(a.title, '')) LIKE :q ESCAPE '\'
                       OR EXISTS (SELECT 1 FROM segments g WHERE g.article_id = a.id AND g.kind = 'body'
                                  AND LOWER(g.text) LIKE :q ESCAPE '\'))))"""
            )
        if query.since is not None:
            params["since"] = query.since.isoformat()
            where.append("s.last_published >= :since")
        if query.until is not None:
            params["until"] = query.until.isoformat()
            where.append("s.first_published <= :until")
        if query.outlet:
            params["outlet"] = query.outlet.lower()
            where.append(
                """EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id
                   WHERE m.story_id = s.id AND (LOWER(a.source) = :outlet OR LOWER(a.outlet) = :outlet))"""
            )
        if query.order not in STORY_ORDERS:
            raise ValueError(f"unknown order {query.order!r}; one of {STORY_ORDERS}")
        order = (
            "s.last_published IS NULL, s.last_published DESC, s.size DESC, s.created_seq"
            if query.order == "newest"
            else "s.size DESC, s.last_published IS NULL, s.last_published DESC, s.created_seq"
        )
        cond = " AND ".join(where)
        total = int(self._conn.execute(text(f"SELECT COUNT(*) FROM stories s WHERE {cond}"), params).scalar_one())
        rows = self._rows(
            f"SELECT s.* FROM stories s WHERE {cond} ORDER BY {order} LIMIT :limit OFFSET :offset",
            {**params, "limit": max(query.limit, 0), "offset": max(query.offset, 0)},
        )
        return StoryPage(tuple(self._story(r) for r in rows), total, query)

    def get_story(self, story_id: str) -> Story:
        rows = self._rows("SELECT * FROM stories WHERE id = :id", {"id": story_id})
        if not rows:
            raise NotFoundError("no such story in the store; `storyfold stories` lists them", origin=story_id)
        return self._story(rows[0])

    def assignment(self, article_id: str) -> Assignment | None:
        rows = self._rows("SELECT * FROM story_members WHERE article_id = :a", {"a": article_id})
        if not rows:
            return None
        r = rows[0]
        return Assignment(
            article_id=r.article_id,
            story_id=r.story_id,
            score=float(r.score),
            new_story=False,
            reasons=tuple(json.loads(r.reasons)),
        )

    # facts (migration 4)
    def put_facts(self, facts: ArticleFacts) -> None:
        e = facts.event
        self._exec(
            """INSERT INTO article_facts (article_id, event_date, event_place, killed, injured, data)
               VALUES (:a, :d, :p, :k, :i, :data)
               ON CONFLICT (article_id) DO UPDATE SET event_date = excluded.event_date,
                 event_place = excluded.event_place, killed = excluded.killed, injured = excluded.injured,
                 data = excluded.data""",
            {
                "a": facts.article_id,
                "d": _iso(e.date),
                "p": e.place,
                "k": e.killed,
                "i": e.injured,
                "data": json.dumps(facts_to_dict(facts), ensure_ascii=False),
            },
        )

    def get_facts(self, article_id: str) -> ArticleFacts | None:
        rows = self._rows("SELECT data FROM article_facts WHERE article_id = :a", {"a": article_id})
        return facts_from_dict(json.loads(rows[0].data)) if rows else None
