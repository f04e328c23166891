"""Where the SQLite and PostgreSQL backends differ, in one place: making the engine and the DDL types.

The migrations are written in SQLite's dialect; for PostgreSQL their types are translated (64-bit
integers, double-precision floats, byte strings) and SQLite-only table options dropped. The statements
of the store itself are portable (``INSERT ... ON CONFLICT``, expanding ``IN`` parameters, ``CAST`` on
parameters whose type the server cannot infer) and run unchanged on both.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

POSTGRES_PREFIXES = ("postgresql://", "postgresql+psycopg://", "postgres://")

_PG_DDL = (
    (re.compile(r"\)\s*WITHOUT ROWID", re.IGNORECASE), ")"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
)


def is_postgres(location: str | Path) -> bool:
    return str(location).startswith(POSTGRES_PREFIXES)


def postgres_url(location: str) -> str:
    """Any PostgreSQL URL spelled for the psycopg (3) driver."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if location.startswith(prefix):
            return "postgresql+psycopg://" + location[len(prefix) :]
    raise ValueError(f"not a PostgreSQL URL: {location!r}")


def translate_ddl(statement: str, dialect: str) -> str:
    """A migration statement (SQLite dialect) for the named SQLAlchemy dialect."""
    if dialect != "postgresql":
        return statement
    for pattern, replacement in _PG_DDL:
        statement = pattern.sub(replacement, statement)
    return statement


_NAMED_PARAM = re.compile(r"(?<![:\w]):(\w+)")


@lru_cache(maxsize=512)
def driver_sql(statement: str, dialect: str) -> str:
    """A statement with ``:name`` parameters in the driver's own style, for ``exec_driver_sql`` (writes of
    the ingest hot path skip SQLAlchemy's per-row parameter processing: a third of the time of an article's
    writes, bench/RESULTS.md). sqlite3 takes ``:name`` itself; psycopg takes ``%(name)s``."""
    if dialect == "postgresql":
        return _NAMED_PARAM.sub(r"%(\1)s", statement.replace("%", "%%"))
    return statement


@lru_cache(maxsize=512)
def positional_sql(statement: str, dialect: str) -> str:
    """A statement with ``:name`` parameters, each used once, rewritten with positional ones (``?`` for sqlite3,
    ``%s`` for psycopg), for rows given as tuples in the order the names appear: the many-row writes of the
    ingest hot path (term postings, profiles, bands) then neither build nor look up a mapping per row."""
    names = _NAMED_PARAM.findall(statement)
    if len(set(names)) != len(names):
        raise ValueError(f"a positional statement uses each parameter once: {statement}")
    if dialect == "postgresql":
        return _NAMED_PARAM.sub("%s", statement.replace("%", "%%"))
    return _NAMED_PARAM.sub("?", statement)


def make_engine(location: str | Path) -> Engine:
    """The engine for a store location: a PostgreSQL URL, else a SQLite file path (or ``:memory:``)."""
    where = str(location)
    if is_postgres(where):
        return create_engine(postgres_url(where), pool_pre_ping=True)
    url = "sqlite+pysqlite:///:memory:" if where == ":memory:" else f"sqlite+pysqlite:///{where}"
    # a connection may be handed between a server's worker threads (one at a time, never shared)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # A page cache of up to 128 MiB (the default is 2 MiB): the term and posting indexes are read and written at
    # random for every article; on bench/scale_bench.py's stream, 6,000 articles took 17 % less CPU time.
    cur.execute("PRAGMA cache_size=-131072")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def expand_in(statement: str, params: Mapping[str, Any], names: Sequence[str]) -> tuple[str, dict[str, Any]]:
    """``IN :name`` with a list for ``name`` written out as ``IN (:name_0, :name_1, ...)`` (what SQLAlchemy's
    expanding parameters do, without compiling the statement each time). An empty list matches nothing."""
    out = dict(params)
    for name in names:
        values = list(out.pop(name))
        keys = [f"{name}__{i}" for i in range(len(values))]
        out.update(zip(keys, values, strict=True))
        spelled = "(" + ", ".join(":" + k for k in keys) + ")" if keys else "(NULL)"
        statement = re.sub(rf":{name}\b", spelled, statement)
    return statement, out


class _RowFactory:
    """Named-tuple classes per column list: rows of a raw cursor read like SQLAlchemy's (``row.name``, ``row[0]``)."""

    def __init__(self) -> None:
        self._classes: dict[tuple[str, ...], Any] = {}

    def __call__(self, cursor: Any) -> list[Any]:
        names = tuple(d[0] for d in cursor.description or ())
        cls: Any = self._classes.get(names)
        if cls is None:
            cls = self._classes[names] = namedtuple("Row", names, rename=True)
        return list(map(cls._make, cursor.fetchall()))


rows_of = _RowFactory()
