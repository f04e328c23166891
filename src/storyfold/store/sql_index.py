"""The term index of story assignment in portable SQL (mixed into SQLStore: SQLite and PostgreSQL): term
weights and document frequencies, candidate stories, story profiles and the read caches of the hot path."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection

from storyfold.model import ArticleNames
from storyfold.store.base import Store


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


_CHUNK = 500  # terms per IN (...) look-up
_DF_SQL = "SELECT term, df FROM term_df WHERE term IN :terms"

# Bounds of the read caches: a long ingest touches every story once, but only the stories of the last few
# weeks (the time window) are candidates again; without a bound the caches grow with the store.
PROFILE_CACHE_STORIES = 4096
DF_CACHE_TERMS = 400_000
WEIGHTS_CACHE_ARTICLES = 4096  # settling reads at most 400 articles a join, 2,048 in a young store


def _trim(cache: dict[Any, Any], limit: int) -> None:
    """Drop the oldest entries (insertion order; a hit re-inserts) down to nine tenths of ``limit``."""
    if len(cache) > limit:
        for key in list(itertools.islice(cache, len(cache) - limit * 9 // 10)):
            del cache[key]


class SQLIndexMixin(Store):
    """Needs the connection, ``_rows``, ``_exec``, ``_forget`` and the caches SQLStore makes."""

    _conn: Connection
    _df_cache: dict[str, int]
    _df_n: int | None
    _profile_cache: dict[str, tuple[int, dict[str, float]]]
    _weights_cache: dict[str, dict[str, float]]
    _names_cache: dict[str, ArticleNames]
    _term_ids: dict[str, int]
    _id_df: np.ndarray
    _arrays: dict[str, tuple[int, np.ndarray, np.ndarray]]
    _generation: int

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None, *expanding: str) -> list[Any]:
        raise NotImplementedError

    def _exec(self, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None) -> None:
        raise NotImplementedError

    def _exec_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _forget(self) -> None:
        raise NotImplementedError

    def add_article_terms(self, article_id: str, weights: Mapping[str, float]) -> None:
        self._exec_rows(
            "INSERT INTO article_terms (article_id, term, weight) VALUES (:a, :t, :w)",
            [(article_id, t, w) for t, w in weights.items()],
        )
        self._exec_rows(
            "INSERT INTO term_df (term, df) VALUES (:t, 1) ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
            [(t,) for t in weights],
        )
        cache = self._df_cache
        ids = self._term_ids
        for t in weights:
            if t in cache:
                cache[t] += 1
            k = ids.get(t)
            if k is not None:
                self._id_df[k] += 1

    def document_frequencies(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        # articles ingested so far (an index look-up, not a count over a table); on the store's own cursor, as
        # the other reads of the hot path (two or three calls an article, each SQLAlchemy's set-up)
        n = int(self._rows("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0])
        if self._df_n != n:
            self._forget()
            self._df_n = n
        cache = self._df_cache
        missing = [t for t in dict.fromkeys(terms) if t not in cache]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            found = {r.term: int(r.df) for r in self._rows(_DF_SQL, {"terms": chunk}, "terms")}
            for t in chunk:
                cache[t] = found.get(t, 0)
        out = {t: cache[t] for t in terms if cache[t]}
        _trim(cache, DF_CACHE_TERMS)
        return n, out

    def candidate_stories(
        self, terms: Sequence[str], limit: int, since: date | None = None, per_term: int | None = None
    ) -> list[str]:
        if not terms:
            return []
        params: dict[str, Any] = {"terms": list(terms), "limit": limit}
        cond = "story_terms WHERE term IN :terms"
        if since is not None:  # two range reads of the (term, day, story_id) index: the window's, the undated
            params["since"] = _iso(since)
            dated = "SELECT story_id, day FROM story_terms WHERE term IN :terms AND day >= :since"
            if per_term is not None:  # each term's newest postings only: one bounded backward read of the index
                params["per_term"] = per_term
                parts = []
                for k, term in enumerate(terms):
                    params[f"t{k}"] = term
                    parts.append(
                        f"SELECT story_id, day FROM (SELECT story_id, day FROM story_terms WHERE term = :t{k}"
                        " AND day >= :since"
                        f" ORDER BY day DESC, story_id LIMIT :per_term) AS p{k}"
                    )
                dated = " UNION ALL ".join(parts)
            cond = (
                f"({dated} UNION ALL SELECT story_id, day FROM story_terms WHERE term IN :terms AND day IS NULL)"
                " AS postings"
            )
        # ties on the terms shared go to the story with the newest posting: the one an arriving report most
        # likely continues, and the one whose profile a long ingest has most likely cached
        rows = self._rows(
            f"""SELECT story_id, COUNT(*) AS shared, MAX(day) AS newest FROM {cond}
               GROUP BY story_id ORDER BY shared DESC, newest DESC NULLS LAST, story_id LIMIT :limit""",
            params,
            "terms",
        )
        return [str(r.story_id) for r in rows]

    def story_profiles(
        self, story_ids: Sequence[str]
    ) -> dict[str, tuple[dict[str, float], int, date | None, date | None]]:
        if not story_ids:
            return {}
        out: dict[str, tuple[dict[str, float], int, date | None, date | None]] = {}
        stale: list[str] = []
        for r in self._rows(
            "SELECT id, size, first_published, last_published FROM stories WHERE id IN :ids",
            {"ids": list(story_ids)},
            "ids",
        ):
            size = int(r.size)
            cached = self._profile_cache.pop(r.id, None)
            if cached is None or cached[0] != size:
                cached = (size, {})
                stale.append(r.id)
            self._profile_cache[r.id] = cached  # the most recently used last
            out[r.id] = (cached[1], size, _as_date(r.first_published), _as_date(r.last_published))
        if stale:
            for r in self._rows(
                "SELECT story_id, term, weight FROM story_terms WHERE story_id IN :ids", {"ids": stale}, "ids"
            ):
                out[r.story_id][0][r.term] = float(r.weight)
        _trim(self._profile_cache, PROFILE_CACHE_STORIES)
        return out

    def story_term_arrays(self, story_ids: Sequence[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        while True:  # again if another writer's commit emptied the caches half-way
            generation = self._generation
            profiles = self.story_profiles(story_ids)
            ids = self._term_ids
            if len(ids) > DF_CACHE_TERMS:  # a vocabulary this large: start over rather than grow without end
                ids.clear()
                self._arrays.clear()
            build = []
            for sid, (_, size, _, _) in profiles.items():
                hit = self._arrays.pop(sid, None)
                if hit is None or hit[0] != size:
                    build.append(sid)
                else:
                    self._arrays[sid] = hit  # the most recently used last
            new_terms = sorted({t for sid in build for t in profiles[sid][0] if t not in ids})
            _, df = self.document_frequencies(new_terms) if new_terms else (0, {})
            if generation == self._generation:
                break
        start = len(ids)
        if start + len(new_terms) > len(self._id_df):
            grown = np.zeros(max(2 * len(self._id_df), start + len(new_terms)), dtype=np.float64)
            grown[: len(self._id_df)] = self._id_df
            self._id_df = grown
        for k, t in enumerate(new_terms, start):
            ids[t] = k
            self._id_df[k] = df.get(t, 1)
        for sid in build:
            terms, size = profiles[sid][0], profiles[sid][1]
            self._arrays[sid] = (
                size,
                np.fromiter((ids[t] for t in terms), np.int64, len(terms)),
                np.fromiter(terms.values(), np.float64, len(terms)),
            )
        out = {sid: (self._arrays[sid][2], self._id_df[self._arrays[sid][1]]) for sid in profiles}
        _trim(self._arrays, PROFILE_CACHE_STORIES)
        return out

    def add_article_names(self, article_id: str, names: ArticleNames) -> None:
        self._exec_rows(
            "INSERT INTO article_names (article_id, name, mentions, lede) VALUES (:a, :n, :m, :l)",
            [(article_id, k, v, int(k in names.lede)) for k, v in names.mentions.items()],
        )
        self._names_cache[article_id] = names
        # bounded here too: settling (article_names) trims it, but a stream whose articles seldom join a story
        # settles seldom, and one entry an article would grow the cache with the store
        _trim(self._names_cache, WEIGHTS_CACHE_ARTICLES)

    def article_names(self, article_ids: Sequence[str]) -> dict[str, ArticleNames]:
        cache = self._names_cache
        missing = [a for a in dict.fromkeys(article_ids) if a not in cache]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            found: dict[str, tuple[dict[str, int], set[str]]] = {a: ({}, set()) for a in chunk}
            for r in self._rows(
                "SELECT article_id, name, mentions, lede FROM article_names WHERE article_id IN :ids"
                " ORDER BY article_id, name",
                {"ids": chunk},
                "ids",
            ):
                mentions, lede = found[r.article_id]
                mentions[r.name] = int(r.mentions)
                if r.lede:
                    lede.add(r.name)
            for a, (mentions, lede) in found.items():
                cache[a] = ArticleNames(mentions, frozenset(lede))
        out = {a: cache[a] for a in article_ids if a in cache and cache[a].mentions}
        _trim(cache, WEIGHTS_CACHE_ARTICLES)
        return out

    def indexed_articles(self) -> list[tuple[str, str, date | None, dict[str, float]]]:
        out: dict[str, tuple[str, str, date | None, dict[str, float]]] = {}
        for r in self._rows(
            """SELECT a.id, a.key, a.published, t.term, t.weight FROM articles a
               JOIN article_terms t ON t.article_id = a.id ORDER BY a.seq, t.term"""
        ):
            if r.id not in out:
                out[r.id] = (r.id, r.key, _as_date(r.published), {})
            out[r.id][3][r.term] = float(r.weight)
        return list(out.values())

    def story_articles(
        self, story_ids: Sequence[str] | None
    ) -> list[tuple[str, str, str, date | None, dict[str, float]]]:
        if story_ids is not None and not story_ids:
            return []
        sql = """SELECT m.story_id, a.id, a.key, a.published FROM story_members m
               JOIN articles a ON a.id = m.article_id"""
        if story_ids is None:
            rows = self._rows(sql + " ORDER BY a.seq")
        else:
            rows = self._rows(sql + " WHERE m.story_id IN :ids ORDER BY a.seq", {"ids": list(story_ids)}, "ids")
        cache = self._weights_cache
        missing = [r.id for r in rows if r.id not in cache]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            for r in self._rows(
                "SELECT article_id, term, weight FROM article_terms WHERE article_id IN :ids ORDER BY article_id, term",
                {"ids": chunk},
                "ids",
            ):
                cache.setdefault(r.article_id, {})[r.term] = float(r.weight)
        out = [(r.story_id, r.id, r.key, _as_date(r.published), cache.get(r.id, {})) for r in rows]
        _trim(cache, WEIGHTS_CACHE_ARTICLES)
        return out
