"""Storage behind one interface. ``open_store`` picks the backend from the location: a
``postgresql+psycopg://`` URL opens PostgreSQL, anything else is a SQLite file."""

from __future__ import annotations

from pathlib import Path

from storyfold.store.base import Store, StoryPage, StoryQuery
from storyfold.store.dialect import is_postgres, make_engine
from storyfold.store.postgres import PostgresStore, _redact
from storyfold.store.sql import SQLStore
from storyfold.store.sqlite import SQLiteStore

__all__ = ["PostgresStore", "SQLiteStore", "Store", "StoreOpener", "StoryPage", "StoryQuery", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at a path or PostgreSQL URL; ``:memory:`` for a
    throw-away SQLite one."""
    if is_postgres(location):
        return PostgresStore(str(location))
    return SQLiteStore(location)


class StoreOpener:
    """Many short-lived stores over one engine (a server opens one per request): the schema is migrated
    once, on the first open; ``dispose()`` closes the engine's pooled connections."""

    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        self._shown = _redact(self.location) if is_postgres(self.location) else self.location
        self._engine = make_engine(self.location)
        SQLStore(self._engine, location=self._shown, owns_engine=False).close()  # migrate now

    def open(self) -> Store:
        return SQLStore(self._engine, location=self._shown, owns_engine=False, migrate=False)

    def dispose(self) -> None:
        self._engine.dispose()
