"""PostgreSQL backend for a server: the same SQL as SQLite (see SQLStore), through psycopg 3.

Readers run at READ COMMITTED and never wait for a writer; an ingest commits article by article.
"""

from __future__ import annotations

from storyfold.store.dialect import is_postgres, make_engine
from storyfold.store.sql import SQLStore


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database, given as ``postgresql+psycopg://user:password@host/db``."""

    def __init__(self, url: str) -> None:
        if not is_postgres(url):
            raise ValueError(f"not a PostgreSQL URL: {url!r}")
        super().__init__(make_engine(url), location=_redact(url))


def _redact(url: str) -> str:
    """The URL without its password (for messages)."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{scheme}{sep}{creds.split(':', 1)[0]}:***@{host}"
