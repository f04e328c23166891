"""Per-outlet line counts of boilerplate learning in portable SQL (mixed into SQLStore): counters (migration
7), kept by ``add_article`` and ``add_outlet_lines``, so that learning costs the same for an outlet's 100,000th
article as for its tenth."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, text

from storyfold.model import SegmentKind
from storyfold.store.base import Store


class SQLOutletMixin(Store):
    """Needs the connection, ``_rows`` and ``_exec`` from SQLStore."""

    _conn: Connection

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None, *expanding: str) -> list[Any]:
        raise NotImplementedError

    def _exec(self, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None) -> None:
        raise NotImplementedError

    def _exec_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def outlet_line_counts(self, outlet: str, keys: Sequence[str]) -> tuple[int, dict[str, int]]:
        found = self._rows("SELECT articles FROM outlet_counts WHERE outlet = :o", {"o": outlet})
        n = int(found[0][0]) if found else 0
        if not keys or not n:
            return n, {}
        rows = self._rows(
            "SELECT line_key, articles FROM outlet_line_counts WHERE outlet = :o AND line_key IN :keys",
            {"o": outlet, "keys": list(keys)},
            "keys",
        )
        return n, {str(r.line_key): int(r.articles) for r in rows}

    def add_outlet_lines(self, outlet: str, article_id: str, lines: Sequence[tuple[str, int]]) -> None:
        if not lines:
            return
        self._exec_rows(
            """INSERT INTO outlet_lines (outlet, line_key, article_id, position) VALUES (:o, :k, :a, :p)
               ON CONFLICT DO NOTHING""",
            [(outlet, k, article_id, p) for k, p in lines],
        )
        # A line counts once per distinct body: not again for a copy of a body of the outlet that carries it.
        counted = {
            str(r[0])
            for r in self._rows(
                """SELECT DISTINCT l.line_key FROM articles me
                   JOIN articles a ON a.content_hash = me.content_hash AND a.outlet = :o AND a.id <> me.id
                   JOIN outlet_lines l ON l.article_id = a.id AND l.outlet = :o
                   WHERE me.id = :a""",
                {"o": outlet, "a": article_id},
            )
        }
        body_sql = "SELECT position FROM segments WHERE article_id = :a AND kind = 'body'"
        body = {int(r[0]) for r in self._rows(body_sql, {"a": article_id})}
        self._exec_rows(
            """INSERT INTO outlet_line_counts (outlet, line_key, articles, pending) VALUES (:o, :k, :n, :p)
               ON CONFLICT (outlet, line_key) DO UPDATE SET articles = outlet_line_counts.articles + excluded.articles,
                 pending = outlet_line_counts.pending + excluded.pending""",
            [(outlet, k, int(k not in counted), int(p in body)) for k, p in lines],
        )

    def relabel_outlet_line(self, outlet: str, key: str, kind: SegmentKind, reason: str) -> int:
        # ``pending``: carriers of the line stored as body since it was last relabelled; none, nothing to do
        # (the update would read every carrier of a learned line again, for each new article of the outlet)
        found = self._rows(
            "SELECT pending FROM outlet_line_counts WHERE outlet = :o AND line_key = :k", {"o": outlet, "k": key}
        )
        if not found or not int(found[0][0]):
            return 0
        result = self._conn.execute(
            text(
                """UPDATE segments SET kind = :kind, reason = :reason
                   WHERE kind = 'body' AND (article_id, position) IN
                     (SELECT article_id, position FROM outlet_lines WHERE outlet = :o AND line_key = :k)"""
            ),
            {"kind": kind.value, "reason": reason, "o": outlet, "k": key},
        )
        self._exec(
            "UPDATE outlet_line_counts SET pending = 0 WHERE outlet = :o AND line_key = :k", {"o": outlet, "k": key}
        )
        return int(getattr(result, "rowcount", 0) or 0)
