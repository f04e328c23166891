"""Storage behind one interface. ``open_store`` picks the backend from the location."""

from __future__ import annotations

from pathlib import Path

from storyfold.store.base import Store
from storyfold.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at a path; ``:memory:`` for a throw-away one."""
    return SQLiteStore(location)
