"""The dedup part of the store in portable SQL (mixed into SQLStore: SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from storyfold.model import DedupRecord, DuplicateLink, Line, LineMember, LinkKind
from storyfold.store.dedup_base import DedupStore


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


class SQLDedupMixin(DedupStore):
    """Needs ``_rows`` and ``_exec`` from SQLStore."""

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None, *expanding: str) -> list[Any]:
        raise NotImplementedError

    def _exec(self, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None) -> None:
        raise NotImplementedError

    def _exec_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def add_dedup_record(self, record: DedupRecord) -> None:
        seq = self._rows("SELECT seq FROM articles WHERE id = :a", {"a": record.article_id})
        self._exec(
            """INSERT INTO dedup_docs (article_id, text_hash, scheme, signature, shingles, tokens, sentence_hashes,
                   day, seq) VALUES (:a, :h, :scheme, :sig, :sh, :tok, :sent, :day, :seq)""",
            {
                "a": record.article_id,
                "h": record.text_hash,
                "scheme": record.scheme,
                "sig": record.signature,
                "sh": record.shingles,
                "tok": record.tokens,
                "sent": json.dumps(list(record.sentence_hashes)),
                "day": record.day.isoformat() if record.day else None,
                "seq": int(seq[0][0]) if seq else 0,
            },
        )
        self._exec_rows(
            "INSERT INTO dedup_bands (band, bucket, article_id) VALUES (:b, :k, :a) ON CONFLICT DO NOTHING",
            [(b, k, record.article_id) for b, k in record.bands],
        )
        self._exec_rows(
            "INSERT INTO dedup_sentences (hash, article_id) VALUES (:h, :a) ON CONFLICT DO NOTHING",
            [(h, record.article_id) for h in sorted(set(record.sentence_hashes))],
        )

    def dedup_exact(self, text_hash: str) -> list[str]:
        rows = self._rows("SELECT article_id FROM dedup_docs WHERE text_hash = :h ORDER BY seq", {"h": text_hash})
        return [str(r[0]) for r in rows]

    def dedup_candidates(
        self, bands: Sequence[tuple[int, int]], sentence_hashes: Sequence[int], limit: int
    ) -> list[tuple[str, int, int]]:
        hits: dict[str, list[int]] = {}
        wanted = set(bands)
        if wanted:
            for r in self._rows(
                "SELECT band, bucket, article_id FROM dedup_bands WHERE bucket IN :ks",
                {"ks": sorted({k for _, k in wanted})},
                "ks",
            ):
                if (int(r[0]), int(r[1])) in wanted:
                    hits.setdefault(str(r[2]), [0, 0])[0] += 1
        if sentence_hashes:
            for r in self._rows(
                "SELECT article_id, COUNT(*) FROM dedup_sentences WHERE hash IN :hs GROUP BY article_id",
                {"hs": sorted(set(sentence_hashes))},
                "hs",
            ):
                hits.setdefault(str(r[0]), [0, 0])[1] = int(r[1])
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
        return [(a, b, s) for a, (b, s) in ranked[:limit]]

    def dedup_records(self, article_ids: Sequence[str]) -> dict[str, DedupRecord]:
        if not article_ids:
            return {}
        out = {}
        for r in self._rows("SELECT * FROM dedup_docs WHERE article_id IN :ids", {"ids": list(article_ids)}, "ids"):
            out[str(r.article_id)] = DedupRecord(
                article_id=r.article_id,
                text_hash=r.text_hash,
                scheme=r.scheme,
                signature=bytes(r.signature),
                shingles=int(r.shingles),
                tokens=int(r.tokens),
                sentence_hashes=tuple(json.loads(r.sentence_hashes)),
                bands=(),
                day=_day(r.day),
            )
        return out

    def sentence_line_counts(self, sentence_hashes: Sequence[int]) -> dict[int, int]:
        if not sentence_hashes:
            return {}
        rows = self._rows(
            """SELECT s.hash, COUNT(DISTINCT m.line_id) FROM dedup_sentences s
               JOIN line_members m ON m.article_id = s.article_id
               WHERE s.hash IN :hs GROUP BY s.hash""",
            {"hs": sorted(set(sentence_hashes))},
            "hs",
        )
        return {int(r[0]): int(r[1]) for r in rows}

    def add_duplicate_links(self, links: Sequence[DuplicateLink]) -> None:
        self._exec(
            """INSERT INTO dup_links (article_id, other_id, kind, jaccard, containment, shared, shared_sentences)
               VALUES (:a, :o, :k, :j, :c, :s, :n)
               ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, jaccard = excluded.jaccard,
                 containment = excluded.containment, shared = excluded.shared,
                 shared_sentences = excluded.shared_sentences""",
            [
                {
                    "a": x.article_id,
                    "o": x.other_id,
                    "k": x.kind.value,
                    "j": x.jaccard,
                    "c": x.containment,
                    "s": x.shared,
                    "n": x.shared_sentences,
                }
                for x in links
            ],
        )

    def duplicate_links(self) -> list[DuplicateLink]:
        rows = self._rows(
            """SELECT l.* FROM dup_links l JOIN articles a ON a.id = l.article_id
               JOIN articles o ON o.id = l.other_id ORDER BY a.seq, o.seq"""
        )
        return [
            DuplicateLink(
                r.article_id,
                r.other_id,
                LinkKind(r.kind),
                float(r.jaccard),
                float(r.containment),
                float(r.shared),
                int(r.shared_sentences),
            )
            for r in rows
        ]

    def set_line_member(self, member: LineMember) -> None:
        self._exec(
            """INSERT INTO line_members (article_id, line_id, duplicate_of, wire) VALUES (:a, :l, :d, :w)
               ON CONFLICT (article_id) DO UPDATE SET line_id = excluded.line_id,
                 duplicate_of = excluded.duplicate_of, wire = excluded.wire""",
            {"a": member.article_id, "l": member.line_id, "d": member.duplicate_of, "w": member.wire},
        )

    def line_member(self, article_id: str) -> LineMember | None:
        rows = self._rows("SELECT * FROM line_members WHERE article_id = :a", {"a": article_id})
        if not rows:
            return None
        r = rows[0]
        return LineMember(r.article_id, r.line_id, r.duplicate_of, r.wire)

    def lines(self, min_size: int = 1) -> list[Line]:
        rows = self._rows(
            """SELECT m.*, a.published, a.seq FROM line_members m JOIN articles a ON a.id = m.article_id
               WHERE m.line_id IN (SELECT line_id FROM line_members GROUP BY line_id HAVING COUNT(*) >= :n)
               ORDER BY m.line_id, a.published IS NULL, a.published, a.seq""",
            {"n": min_size},
        )
        grouped: dict[str, list[Any]] = {}
        for r in rows:
            grouped.setdefault(str(r.line_id), []).append(r)
        out = []
        for line_id, members in grouped.items():
            wires = Counter(m.wire for m in members if m.wire)
            first_wire = next((m.wire for m in members if m.wire), None)
            wire = None
            if wires:
                top = max(wires.values())
                wire = first_wire if wires[first_wire] == top else sorted(w for w, c in wires.items() if c == top)[0]
            out.append(
                Line(
                    id=line_id,
                    origin=str(members[0].article_id),
                    members=tuple(LineMember(m.article_id, m.line_id, m.duplicate_of, m.wire) for m in members),
                    wire=wire,
                )
            )
        first_seq = {line_id: min(int(m.seq) for m in ms) for line_id, ms in grouped.items()}
        out.sort(key=lambda ln: (-len(ln.members), first_seq[ln.id]))
        return out

    def expire_dedup_index(self, before: date) -> int:
        ids = [
            str(r[0])
            for r in self._rows(
                "SELECT article_id FROM dedup_docs WHERE day IS NOT NULL AND day < :d", {"d": before.isoformat()}
            )
        ]
        for start in range(0, len(ids), 500):
            chunk = {"ids": ids[start : start + 500]}
            for table in ("dedup_bands", "dedup_sentences", "dedup_docs"):
                self._rows(f"DELETE FROM {table} WHERE article_id IN :ids RETURNING 1", chunk, "ids")
        return len(ids)

    def newest_dedup_day(self) -> date | None:
        rows = self._rows("SELECT MAX(day) FROM dedup_docs")
        return _day(rows[0][0]) if rows else None
