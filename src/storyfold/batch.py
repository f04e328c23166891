"""``storyfold batch``: a whole archive in, one record per article out (the rows of ``export articles``).

Two engines give the same records. ``local`` ingests into a throw-away store (facts skipped) and rebuilds
the stories in batch mode (``recluster``). ``spark`` (:mod:`storyfold.spark_engine`) splits the same work
into parts that run apart and replays, per part, exactly what ingest does:

- boilerplate learning only ever compares articles of one outlet: :func:`replay_outlet` replays it per
  outlet, in input order, with the outlet's counts in memory instead of the store;
- dedup only ever compares an article with earlier ones that share an LSH bucket, a sentence hash or the
  text hash, so the components of that sharing graph are independent: :func:`replay_dedup` runs the
  project's own ``dedup_article`` on each, in input order, against :class:`MemoryDedupStore`;
- batch clustering: see :mod:`storyfold.spark_engine`.

Nothing here imports pyspark.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from storyfold import serialize
from storyfold.boilerplate import LearnOptions, candidate_lines, is_learned, relabel
from storyfold.dedup import DedupOptions, dedup_article
from storyfold.model import Article, DedupRecord, DuplicateLink, Line, LineMember, Segment, SegmentKind, Skipped
from storyfold.pagekind import non_article_reason
from storyfold.pipeline import IngestOptions, ingest_paths, recluster
from storyfold.store.dedup_base import DedupStore
from storyfold.views import ExportView, export_views

ENGINES = ("local", "spark")
ARTICLES_FILE = "articles.jsonl"
SKIPPED_FILE = "skipped.jsonl"


@dataclass(frozen=True, slots=True)
class BatchResult:
    articles: int
    stories: int
    skipped: tuple[Skipped, ...]
    output: Path


def write_output(rows: Iterable[dict[str, Any]], skipped: Sequence[Skipped], output: Path) -> int:
    """DIR/articles.jsonl (one ``export articles`` record per line) and DIR/skipped.jsonl; returns the rows."""
    output.mkdir(parents=True, exist_ok=True)
    n = 0
    with (output / ARTICLES_FILE).open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    with (output / SKIPPED_FILE).open("w", encoding="utf-8") as fh:
        for s in skipped:
            fh.write(json.dumps({"origin": s.origin, "reason": s.reason, "stage": s.stage}, ensure_ascii=False) + "\n")
    return n


def run_local(paths: Sequence[str], output: Path, opts: IngestOptions | None = None, workers: int = 0) -> BatchResult:
    """The single-machine engine: ingest into a throw-away SQLite store (no facts), recluster, write. ``workers``:
    processes that extract and clean the articles meanwhile (``ingest --workers``; the same records)."""
    from storyfold.store import open_store
    from storyfold.workers import Workers

    opts = opts or IngestOptions()
    with tempfile.TemporaryDirectory(prefix="storyfold-batch-") as tmp:
        store = open_store(str(Path(tmp) / "batch.db"))
        try:
            with Workers(workers) if workers > 0 else nullcontext() as pool:
                report = ingest_paths(paths, store, opts, workers=pool)
            stories = recluster(store, opts.stories)
            n = write_output((serialize.article_export(v) for v in export_views(store)), report.skipped, Path(output))
        finally:
            store.close()
    return BatchResult(n, stories, report.skipped, Path(output))


def read_records(output: Path) -> list[dict[str, Any]]:
    with (Path(output) / ARTICLES_FILE).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def story_agreement(a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]]) -> float:
    """Pairwise F1 between the story assignments of two runs over the articles both put in a story
    (one run's stories taken as the reference; the measure is symmetric)."""
    from storyfold.evaluate.clustering import score_clusters

    sa = {str(r["id"]): str(r["story"]) for r in a if r.get("story")}
    sb = {str(r["id"]): str(r["story"]) for r in b if r.get("story")}
    return score_clusters(sa, sb).pairwise_f1


# --- replays of the ingest stages, for engines that run them in independent parts ---------------------------


@dataclass(frozen=True, slots=True)
class Learned:
    """An article as ``store_article`` keeps it after learning its outlet's boilerplate (``article``: as
    dedup and the term index see it), and the later relabelling of its stored lines: (seq of the article
    whose ingest relabelled it, segment position, reason), the first one per position."""

    seq: int
    article: Article
    relabels: tuple[tuple[int, int, str], ...] = ()


def replay_outlet(items: Iterable[tuple[int, Article]], learn: LearnOptions | None = None) -> Iterator[Learned]:
    """``store_article``'s boilerplate learning for the articles of one outlet, in ingest order (``seq``),
    with the store's counts (distinct content hashes per outlet and per line key) kept in memory."""
    learn = learn or LearnOptions()
    ordered = sorted(items, key=lambda x: x[0])
    hashes: set[str] = set()  # content hashes of the outlet's stored articles
    line_hashes: dict[str, set[str]] = {}  # line key -> content hashes of the articles carrying it
    members: dict[str, list[tuple[int, int]]] = {}  # line key -> (index into ``ordered``, position)
    done: dict[str, int] = {}  # line key -> how many of its members were relabelled already
    relabels: list[dict[int, tuple[int, str]]] = [{} for _ in ordered]
    learned: list[Article] = []
    for index, (seq, article) in enumerate(ordered):
        if not article.outlet:
            learned.append(article)
            continue
        outlet = article.outlet
        lines = candidate_lines(article.segments, learn)
        if hashes:
            counts = {k: len(line_hashes[k]) for k, _ in lines if k in line_hashes}
            segments: tuple[Segment, ...] = relabel(article.segments, counts, len(hashes), outlet, learn)
            if segments != article.segments:
                article = replace(article, segments=segments, non_article=non_article_reason(segments))
        learned.append(article)
        hashes.add(article.content_hash)  # add_article
        after = {k: len(line_hashes[k]) for k, _ in lines if k in line_hashes}  # counted before add_outlet_lines
        for key, position in lines:
            line_hashes.setdefault(key, set()).add(article.content_hash)
            members.setdefault(key, []).append((index, position))
        for key, count in after.items():
            if is_learned(count, len(hashes), learn):
                reason = f"recurs in {count} articles of {outlet}"
                for k, pos in members[key][done.get(key, 0) :]:
                    relabels[k].setdefault(pos, (seq, reason))
                done[key] = len(members[key])
    for (seq, _), article, rel in zip(ordered, learned, relabels, strict=True):
        yield Learned(seq, article, tuple(sorted((s, p, r) for p, (s, r) in rel.items())))


def as_stored(learned: Learned, at_seq: int) -> Article:
    """The article as the store returns it while the article ``at_seq`` is ingested (relabels up to then)."""
    due = {p: r for s, p, r in learned.relabels if s <= at_seq}
    if not due:
        return learned.article
    segments = tuple(
        replace(seg, kind=SegmentKind.BOILERPLATE, reason=due[seg.position])
        if seg.kind is SegmentKind.BODY and seg.position in due
        else seg
        for seg in learned.article.segments
    )
    return replace(learned.article, segments=segments)


class MemoryDedupStore(DedupStore):
    """The dedup index in memory, with the SQL store's semantics (orders, ties, distinct counts)."""

    def __init__(self) -> None:
        self._seq: dict[str, int] = {}
        self._docs: dict[str, DedupRecord] = {}
        self._exact: dict[str, list[str]] = {}
        self._bands: dict[tuple[int, int], list[str]] = {}
        self._sentences: dict[int, set[str]] = {}
        self._links: dict[tuple[str, str], DuplicateLink] = {}
        self._members: dict[str, LineMember] = {}

    def add_dedup_record(self, record: DedupRecord) -> None:
        self._seq.setdefault(record.article_id, len(self._seq))
        self._docs[record.article_id] = record
        self._exact.setdefault(record.text_hash, []).append(record.article_id)
        for band in record.bands:
            self._bands.setdefault(band, []).append(record.article_id)
        for h in set(record.sentence_hashes):
            self._sentences.setdefault(h, set()).add(record.article_id)

    def dedup_exact(self, text_hash: str) -> list[str]:
        return [a for a in self._exact.get(text_hash, []) if a in self._docs]

    def dedup_candidates(
        self, bands: Sequence[tuple[int, int]], sentence_hashes: Sequence[int], limit: int
    ) -> list[tuple[str, int, int]]:
        hits: dict[str, list[int]] = {}
        for band in set(bands):
            for a in self._bands.get(band, ()):
                hits.setdefault(a, [0, 0])[0] += 1
        for h in set(sentence_hashes):
            for a in self._sentences.get(h, ()):
                hits.setdefault(a, [0, 0])[1] += 1
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
        return [(a, b, s) for a, (b, s) in ranked[:limit]]

    def dedup_records(self, article_ids: Sequence[str]) -> dict[str, DedupRecord]:
        return {a: replace(self._docs[a], bands=()) for a in article_ids if a in self._docs}

    def sentence_line_counts(self, sentence_hashes: Sequence[int]) -> dict[int, int]:
        out = {}
        for h in set(sentence_hashes):
            lines = {self._members[a].line_id for a in self._sentences.get(h, ()) if a in self._members}
            if lines:
                out[h] = len(lines)
        return out

    def add_duplicate_links(self, links: Sequence[DuplicateLink]) -> None:
        for link in links:
            self._links[(link.article_id, link.other_id)] = link

    def duplicate_links(self) -> list[DuplicateLink]:
        return sorted(
            self._links.values(), key=lambda x: (self._seq.get(x.article_id, 0), self._seq.get(x.other_id, 0))
        )

    def set_line_member(self, member: LineMember) -> None:
        self._members[member.article_id] = member

    def line_member(self, article_id: str) -> LineMember | None:
        return self._members.get(article_id)

    def lines(self, min_size: int = 1) -> list[Line]:
        grouped: dict[str, list[LineMember]] = {}
        for m in sorted(self._members.values(), key=lambda m: self._seq.get(m.article_id, 0)):
            grouped.setdefault(m.line_id, []).append(m)
        return [
            Line(line_id, ms[0].article_id, tuple(ms))
            for line_id, ms in sorted(grouped.items(), key=lambda kv: -len(kv[1]))
            if len(ms) >= min_size
        ]

    def expire_dedup_index(self, before: date) -> int:
        old = [a for a, r in self._docs.items() if r.day is not None and r.day < before]
        for a in old:
            del self._docs[a]
        return len(old)

    def newest_dedup_day(self) -> date | None:
        days = [r.day for r in self._docs.values() if r.day is not None]
        return max(days) if days else None


def replay_dedup(items: Iterable[Learned], opts: DedupOptions | None = None) -> Iterator[tuple[int, LineMember]]:
    """``dedup_article`` over one independent part of the articles, in ingest order; the candidates are
    read as the store would return them at that moment (with the boilerplate relabelled by then)."""
    opts = opts or DedupOptions()
    ordered = sorted(items, key=lambda x: x.seq)
    store = MemoryDedupStore()
    by_id = {x.article.id: x for x in ordered}
    for item in ordered:

        def get_article(article_id: str, at: int = item.seq) -> Article:
            return as_stored(by_id[article_id], at)

        result = dedup_article(store, item.article, opts, get_article)
        yield item.seq, result.member


def export_row(article: Article, story_id: str | None, member: LineMember | None) -> dict[str, Any]:
    """The ``export articles`` record of an article (facts are not extracted in batch mode)."""
    from storyfold.model import Assignment

    assignment = Assignment(article.id, story_id, 1.0, False) if story_id else None
    return serialize.article_export(ExportView(article, assignment, member, None))
