"""SQLite backend: one file in WAL mode (readers go on while a writer commits)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from storyfold.errors import StoreError
from storyfold.store.dialect import make_engine
from storyfold.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """The default store: a single SQLite file, schema from numbered migrations."""

    def __init__(self, path: str | Path) -> None:
        try:
            engine = make_engine(path)
        except SQLAlchemyError as exc:  # pragma: no cover - create_engine does not connect
            raise StoreError(f"cannot open the store ({exc})", origin=str(path)) from exc
        super().__init__(engine, location=str(path))
