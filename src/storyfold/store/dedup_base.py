"""The part of the store interface the dedup stage uses: its index, duplicate links and reporting lines."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from datetime import date

from storyfold.model import DedupRecord, DuplicateLink, Line, LineMember


class DedupStore(abc.ABC):
    """The dedup index (exact hashes, MinHash LSH bands, sentence hashes), links and lines."""

    @abc.abstractmethod
    def add_dedup_record(self, record: DedupRecord) -> None:
        """Index an article: its text hash, signature, LSH bands and sentence hashes."""

    @abc.abstractmethod
    def dedup_exact(self, text_hash: str) -> list[str]:
        """Indexed articles with this text hash, in ingest order."""

    @abc.abstractmethod
    def dedup_candidates(
        self, bands: Sequence[tuple[int, int]], sentence_hashes: Sequence[int], limit: int
    ) -> list[tuple[str, int, int]]:
        """Indexed articles sharing an LSH bucket or a sentence hash: (id, bands shared, sentences shared),
        most sentences then most bands first, at most ``limit``."""

    @abc.abstractmethod
    def dedup_records(self, article_ids: Sequence[str]) -> dict[str, DedupRecord]:
        """The index entries of these articles (those not expired)."""

    @abc.abstractmethod
    def sentence_line_counts(self, sentence_hashes: Sequence[int]) -> dict[int, int]:
        """For each sentence hash: in how many distinct reporting lines indexed articles carry it."""

    @abc.abstractmethod
    def add_duplicate_links(self, links: Sequence[DuplicateLink]) -> None: ...

    @abc.abstractmethod
    def duplicate_links(self) -> list[DuplicateLink]:
        """All links, in ingest order of the later article."""

    @abc.abstractmethod
    def set_line_member(self, member: LineMember) -> None: ...

    @abc.abstractmethod
    def line_member(self, article_id: str) -> LineMember | None: ...

    @abc.abstractmethod
    def lines(self, min_size: int = 1) -> list[Line]:
        """Reporting lines with at least ``min_size`` articles, largest first; members in publication order."""

    @abc.abstractmethod
    def expire_dedup_index(self, before: date) -> int:
        """Drop index entries of articles dated before ``before`` (links and lines stay); returns how many."""

    @abc.abstractmethod
    def newest_dedup_day(self) -> date | None:
        """The newest date in the dedup index."""
