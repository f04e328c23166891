"""The one place that knows the order of the stages: read → clean → store → stories; align on demand."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from storyfold.boilerplate import LearnOptions, candidate_lines, is_learned, relabel
from storyfold.clean import segment
from storyfold.dedup import DedupOptions, DedupResult, dedup_article, features
from storyfold.errors import InputError
from storyfold.facts.extract import FactExtractor, FactsOptions
from storyfold.ingest import ReadOptions, read_inputs
from storyfold.ingest.meta import date_from_url, detect_language, find_dateline, find_wire, host, registered_domain
from storyfold.model import (
    Article,
    ArticleFacts,
    ArticleNames,
    Assignment,
    DedupRecord,
    IngestReport,
    RawArticle,
    Segment,
    SegmentKind,
    Skipped,
    sha256_text,
)
from storyfold.pagekind import headline_only, non_article_reason
from storyfold.store.base import Store
from storyfold.stories import (
    StoryOptions,
    article_terms,
    assign,
    batch_clusters,
    batch_unit_vectors,
    names_of,
    settle_groups,
    story_id_for,
    unit_vector,
    uses_names,
)
from storyfold.textproc import normalise

if TYPE_CHECKING:
    from storyfold.workers import Workers

Progress = Callable[[str], None]


def build_article(raw: RawArticle) -> Article:
    """Clean a reader's raw article and give it its identity."""
    segments = segment(raw.paragraphs, title=raw.title, subtitles=raw.subtitles)
    body = "\n".join(normalise(s.text) for s in segments if s.kind is SegmentKind.BODY)
    content_hash = sha256_text(body)
    if raw.input_id:
        key, public_id = f"id:{raw.input_id}", raw.input_id
    elif raw.url:
        key, public_id = f"url:{raw.url}", raw.url
    else:
        name = raw.file_name or raw.origin
        key, public_id = f"file:{name}:{content_hash}", name
    body_texts = [s.text for s in segments if s.kind is SegmentKind.BODY]
    dateline = find_dateline(body_texts[0]) if body_texts else None
    wire = (dateline.wire if dateline else None) or find_wire(
        [s.text for s in segments if s.kind is not SegmentKind.TITLE]
    )
    return Article(
        id=public_id,
        key=key,
        origin=raw.origin,
        segments=segments,
        title=raw.title,
        url=raw.url,
        source=raw.source or registered_domain(raw.url),
        author=raw.author,
        published=raw.published or date_from_url(raw.url),
        content_hash=content_hash,
        raw_hash=raw.raw_hash,
        meta=raw.meta,
        language=detect_language("\n".join(body_texts)),
        dateline=dateline.text if dateline else None,
        wire=wire,
        non_article=non_article_reason(segments),
        outlet=host(raw.url) or host(raw.source),
    )


@dataclass(frozen=True, slots=True)
class Added:
    """What storing one article did."""

    article_id: str
    assignment: Assignment | None  # None when already present or not an article
    present: bool = False
    non_article: str | None = None
    article: Article | None = None  # the article as stored (its final id and learned labels); None if present


def _learn_boilerplate(store: Store, article: Article, learn: LearnOptions) -> tuple[Article, list[tuple[str, int]]]:
    """Label the body lines that recur across the outlet's stored articles as boilerplate."""
    if not article.outlet:
        return article, []
    lines = candidate_lines(article.segments, learn)
    articles, counts = store.outlet_line_counts(article.outlet, [k for k, _ in lines])
    segments: tuple[Segment, ...] = relabel(article.segments, counts, articles, article.outlet, learn)
    if segments != article.segments:
        article = replace(article, segments=segments, non_article=non_article_reason(segments))
    return article, lines


@dataclass(frozen=True, slots=True)
class Ahead:
    """What ``store_article`` reads of an article alone (its term weights, names and dedup features),
    computed ahead of it, e.g. by an ingest worker. Used only while the article stays as it was when these
    were computed: a body line learned as the outlet's boilerplate at store time changes them."""

    weights: dict[str, float]
    names: ArticleNames | None  # None: the options read no names
    dedup: DedupRecord


def compute_ahead(article: Article, opts: StoryOptions, dedup: DedupOptions) -> Ahead:
    """The ``Ahead`` of an article under these options."""
    return Ahead(
        article_terms(article, opts), names_of(article, opts) if uses_names(opts) else None, features(article, dedup)
    )


def store_article(
    store: Store,
    article: Article,
    opts: StoryOptions,
    learn: LearnOptions | None = None,
    dedup: DedupOptions | None = None,
    ahead: Ahead | None = None,
) -> Added:
    """Store one article in one transaction: learn the outlet's boilerplate, find what it copies
    (dedup), then assign a story unless the page is not an article (those are stored with the reason
    and kept out of stories, but for a headline-only page, which joins a story on its headline). A copy of an
    earlier article joins that article's story directly. ``ahead``: what ``compute_ahead`` gives for this
    article and these options, when computed before."""
    learn = learn or LearnOptions()
    with store.transaction():
        existing = store.find_by_key(article.key)
        if existing is not None:
            return Added(existing, None, present=True)
        given = article
        article, lines = _learn_boilerplate(store, article, learn)
        if article is not given:
            ahead = None  # the learned boilerplate left the body: weights, names and features change
        stored_id = store.add_article(article)
        if stored_id != article.id:
            article = _with_id(article, stored_id)
        if article.outlet:
            articles, counts = store.outlet_line_counts(article.outlet, [k for k, _ in lines])
            store.add_outlet_lines(article.outlet, stored_id, lines)
            for key, count in counts.items():
                if is_learned(count, articles, learn):
                    reason = f"recurs in {count} articles of {article.outlet}"
                    store.relabel_outlet_line(article.outlet, key, SegmentKind.BOILERPLATE, reason)
        if article.non_article is not None and not headline_only(article):
            return Added(stored_id, None, non_article=article.non_article, article=article)
        # a headline-only page joins a story on its headline; its notice or debris is no one's copy
        copy = (
            None
            if article.non_article
            else dedup_article(
                store, article, dedup or DedupOptions(), store.get_article, ahead.dedup if ahead else None
            )
        )
        weights = ahead.weights if ahead else article_terms(article, opts)
        copied = _copy_assignment(store, article, copy) if copy is not None else None
        decision = copied or assign(article, weights, store, opts)
        if decision.new_story:
            store.create_story(decision.story_id, _story_title(article))
        unit = unit_vector(weights, store)
        store.add_article_terms(article.id, weights)
        names = (ahead.names if ahead else None) or (names_of(article, opts) if uses_names(opts) else None)
        if names is not None and names.mentions:
            store.add_article_names(article.id, names)
        store.add_to_story(decision, weights, article.published_date, unit)
        for other in decision.merges:
            store.merge_stories(decision.story_id, other)
        settled: dict[str, Assignment] = {}
        count = store.document_frequencies([])[0]  # articles stored so far, this one included
        if count in young_checkpoints(opts.settle_young):
            settled = settle(store, None, opts)
        elif opts.settle_link is not None and copied is None and (decision.near or not decision.new_story):
            # a copy joins its original's story and is left there: its terms are its original's (settling after
            # each copy was a quarter of the ingest time of a copy-heavy stream)
            settled = settle(store, (decision.story_id, *decision.near), opts)
        return Added(stored_id, settled.get(article.id, decision), non_article=article.non_article, article=article)


def young_checkpoints(limit: int) -> frozenset[int]:
    """The store sizes at which a young store settles all its stories (``StoryOptions.settle_young``): 16
    articles, then each time a quarter more, up to ``limit``."""
    out, k = [], 16
    while k <= limit:
        out.append(k)
        k = k * 5 // 4
    return frozenset(out)


def settle(store: Store, story_ids: Sequence[str] | None, opts: StoryOptions) -> dict[str, Assignment]:
    """Cluster the members of these stories (None: of all stories) again, together, as batch mode does
    (``StoryOptions.settle_link``). A group whose members are exactly one of the stories leaves it as it is;
    the other stories are replaced by the new groups, each with the id its first member gives it, and
    their members keep their reasons, with the move added. Returns the new assignments of the members of
    the replaced stories."""
    members = store.story_articles(None if story_ids is None else sorted(set(story_ids)))
    if len(members) < 3 or (story_ids is not None and len(members) > opts.settle_articles):
        return {}
    n, df = store.document_frequencies(sorted({t for *_, weights in members for t in weights}))
    rows = [(article_id, key, day, weights) for _, article_id, key, day, weights in members]
    groups = settle_groups(rows, opts, (n, df), [m[0] for m in members], _names_of(store, rows, opts))
    before: dict[str, set[str]] = {}
    for story_id, article_id, *_ in members:
        before.setdefault(story_id, set()).add(article_id)
    kept = {frozenset(ids) for ids in before.values()}
    changed = [g for g in groups if frozenset(rows[k][0] for k in g) not in kept]
    if not changed:
        return {}
    moved = {rows[k][0] for g in changed for k in g}
    dropped = sorted(sid for sid, ids in before.items() if ids & moved)
    new_ids = [story_id_for(rows[g[0]][1]) for g in changed]
    unchanged = set(before) - set(dropped)
    if (
        len(set(new_ids)) < len(new_ids)
        or unchanged & set(new_ids)
        or store.story_profiles([sid for sid in new_ids if sid not in before])
    ):
        return {}  # an id already taken (only after a merge kept a later story's id): leave the stories be
    old = {rows[k][0]: store.assignment(rows[k][0]) for g in changed for k in g}
    was = {article_id: story_id for story_id, article_id, *_ in members}
    store.drop_stories(dropped)
    out: dict[str, Assignment] = {}
    for story_id, group in zip(new_ids, changed, strict=True):
        store.create_story(story_id, _story_title(store.get_article(rows[group[0]][0])))
        for k in group:
            article_id, _, day, weights = rows[k]
            prior = old[article_id]
            why = prior.reasons if prior else ()
            if was[article_id] != story_id:
                why = (
                    *why,
                    f"settled: moved from {was[article_id]} when {len(rows)} articles of {len(before)} stories "
                    "were clustered again",
                )
            asg = Assignment(article_id, story_id, prior.score if prior else 1.0, k == group[0], why)
            store.add_to_story(asg, weights, day, unit_vector(weights, store))
            out[article_id] = asg
    return out


def _names_of(
    store: Store, rows: Sequence[tuple[str, str, date | None, dict[str, float]]], opts: StoryOptions
) -> list[ArticleNames] | None:
    """The names of these articles, in order (None when neither name conflicts nor follow-ups are on)."""
    if not uses_names(opts):
        return None
    found = store.article_names([r[0] for r in rows])
    return [found.get(r[0], ArticleNames()) for r in rows]


def add_article(
    store: Store, article: Article, opts: StoryOptions, dedup: DedupOptions | None = None
) -> tuple[str, Assignment | None]:
    """Store one article and assign it to a story, in one transaction. Returns the stored id and
    the assignment, or (id, None) when the article was already there or is not an article."""
    added = store_article(store, article, opts, dedup=dedup)
    return added.article_id, added.assignment


def _copy_assignment(store: Store, article: Article, copy: DedupResult) -> Assignment | None:
    """A copy (exact, near-duplicate or containment) joins the story of the article it copies."""
    original = copy.member.duplicate_of
    link = copy.best
    if original is None or link is None:
        return None
    joined = store.assignment(original)
    if joined is None:
        return None
    why = f"{link.kind.value} copy of {original} (Jaccard {link.jaccard:.2f}, {link.shared_sentences} shared sentences)"
    return Assignment(article.id, joined.story_id, 1.0, False, (why,))


def _with_id(article: Article, new_id: str) -> Article:
    return replace(article, id=new_id)


def _story_title(article: Article) -> str:
    if article.title:
        return article.title
    body = article.body
    first = body[0].text if body else article.id
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "..."


@dataclass(frozen=True, slots=True)
class IngestOptions:
    stories: StoryOptions = field(default_factory=StoryOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    max_file_bytes: int = 64 * 1024 * 1024
    read: ReadOptions | None = None  # reader limits; None: defaults with max_file_bytes above
    learn: LearnOptions = field(default_factory=LearnOptions)
    # Articles stored in one transaction: a commit (and SQLite's WAL checkpoint) per article cost 15.4 s of a
    # 134 s profiled gva-dev ingest; 29 batch commits cost 3.3 s (bench/RESULTS.md). A batch commits when it
    # holds ``commit_every`` articles or has been open ``commit_seconds``, and before each facts batch (the
    # language model never runs with the write lock held). A crash loses at most the open batch; a re-run
    # stores exactly those again.
    commit_every: int = 200
    commit_seconds: float = 2.0

    def read_options(self) -> ReadOptions:
        return self.read or ReadOptions(max_file_bytes=self.max_file_bytes)


def add_facts(store: Store, articles: Sequence[Article], facts: FactExtractor) -> list[Skipped]:
    """Extract and store the facts of stored articles (one batch through the model); returns the failures."""
    return put_facts(store, facts.extract(articles))


def put_facts(store: Store, results: Sequence[ArticleFacts | Skipped]) -> list[Skipped]:
    """Store extracted facts, in one transaction; returns the articles whose extraction failed."""
    failed: list[Skipped] = []
    with store.transaction():
        for r in results:
            if isinstance(r, ArticleFacts):
                store.put_facts(r)
            else:
                failed.append(r)
    return failed


class _Batches:
    """Opens a store transaction at the first write of a batch and commits it when the batch is full."""

    def __init__(self, store: Store, every: int, seconds: float) -> None:
        self._store = store
        self._every = max(1, every)
        self._seconds = seconds
        self._open: ExitStack | None = None
        self._count = 0
        self._since = 0.0

    def begin(self) -> None:
        if self._open is None:
            stack = ExitStack()
            stack.enter_context(self._store.transaction())
            self._open, self._count, self._since = stack, 0, time.monotonic()

    def step(self) -> None:
        self._count += 1
        if self._count >= self._every or time.monotonic() - self._since >= self._seconds:
            self.commit()

    def commit(self) -> None:
        if self._open is not None:
            stack, self._open = self._open, None
            stack.close()

    def __enter__(self) -> _Batches:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._open is not None:
            stack, self._open = self._open, None
            stack.__exit__(*exc)  # type: ignore[arg-type]  # rolls back on an exception


def cleaned(
    items: Iterable[RawArticle | Skipped], stories: StoryOptions | None = None, dedup: DedupOptions | None = None
) -> Iterator[tuple[Article, Ahead | None] | Skipped]:
    """Each raw article cleaned (a Skipped passes through; one that fails becomes one) with, given the options,
    its ``compute_ahead`` (a worker's work; None: computed when stored)."""
    for item in items:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            article = build_article(item)
        except InputError as exc:
            yield Skipped(item.origin, exc.reason, exc.stage or "ingest")
            continue
        yield article, compute_ahead(article, stories, dedup) if stories is not None and dedup is not None else None


def ingest_items(
    items: Iterable[RawArticle | Skipped],
    store: Store,
    opts: IngestOptions,
    progress: Progress | None = None,
    facts: FactExtractor | None = None,
    workers: Workers | None = None,
) -> IngestReport:
    """Ingest raw articles, ``opts.commit_every`` to a transaction; a bad item is recorded and the batch
    goes on. With ``facts``, the facts of the new articles are extracted in batches and stored.

    With ``workers`` (``storyfold.workers.Workers``), cleaning and, when the pool was made with facts, the
    facts batches run in its processes (``facts`` is then not needed); articles are stored and assigned here,
    in input order, as without workers, and each facts batch is stored when it comes back."""
    ingested: list[str] = []
    present: list[str] = []
    skipped: list[Skipped] = []
    failed: list[Skipped] = []  # facts failures, reported after the inputs' skips (as batches finish, in order)
    assignments: list[Assignment] = []
    non_articles: list[tuple[str, str]] = []
    pending: list[Article] = []
    queued: set[str] = set()  # articles whose facts this run has taken up (pending, in a worker, stored, failed)
    wants_facts = facts is not None or (workers is not None and workers.with_facts)
    batch = facts.options.batch_articles if facts else FactsOptions().batch_articles
    inflight: deque[Future[list[ArticleFacts | Skipped]]] = deque()

    def take_up(article: Article) -> None:
        queued.add(article.id)
        pending.append(article)

    def extract(articles: list[Article], batches: _Batches, wait: bool) -> None:
        """Facts of these articles: in a worker when there is a pool (stored once back, the oldest first;
        ``wait``: all of them), here otherwise. The language model never runs here, nor is a worker's batch
        waited for, with the write lock held."""
        if workers is not None and workers.with_facts:
            if articles:
                inflight.append(workers.facts(articles))
            while inflight and (wait or inflight[0].done() or len(inflight) > 2 * workers.processes):
                if not inflight[0].done():
                    batches.commit()
                failed.extend(put_facts(store, inflight.popleft().result()))
        elif facts is not None and articles:
            batches.commit()
            failed.extend(add_facts(store, articles, facts))

    ready = workers.articles(items, opts.stories, opts.dedup) if workers is not None else cleaned(items)
    with _Batches(store, opts.commit_every, opts.commit_seconds) as batches:
        for item in ready:
            if isinstance(item, Skipped):
                skipped.append(item)
                origin = item.origin
            else:
                article, ahead = item
                origin = article.origin
                batches.begin()
                added = store_article(store, article, opts.stories, opts.learn, opts.dedup, ahead)
                batches.step()
                if added.present:
                    present.append(added.article_id)
                    if wants_facts and added.article_id not in queued and store.get_facts(added.article_id) is None:
                        # stored by a run that stopped before its facts batch (or ran with --skip-facts)
                        stored = store.get_article(added.article_id)
                        if stored.non_article is None:
                            take_up(stored)
                else:
                    ingested.append(added.article_id)
                    if added.assignment is not None:
                        assignments.append(added.assignment)
                    if added.non_article is not None:
                        non_articles.append((added.article_id, added.non_article))
                    elif wants_facts and added.article is not None:
                        take_up(added.article)
                if wants_facts and len(pending) >= batch:
                    extract(pending, batches, wait=False)
                    pending = []
            if progress:
                progress(origin)
        batches.commit()
        extract(pending, batches, wait=True)
    skipped.extend(failed)
    return IngestReport(tuple(ingested), tuple(present), tuple(skipped), tuple(assignments), tuple(non_articles))


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    opts: IngestOptions | None = None,
    progress: Progress | None = None,
    facts: FactExtractor | None = None,
    workers: Workers | None = None,
) -> IngestReport:
    """Read every input under the paths and ingest it (and extract facts when given an extractor, or a pool
    of workers made with facts)."""
    opts = opts or IngestOptions()
    if workers is None:
        items = read_inputs(paths, options=opts.read_options())
    else:  # HTML pages are extracted in the workers too
        items = read_inputs(paths, options=replace(opts.read_options(), defer_html=True), extract=workers.extract)
    return ingest_items(items, store, opts, progress, facts, workers)


def recluster(store: Store, opts: StoryOptions | None = None) -> int:
    """Batch mode: rebuild every story from all stored articles at once (order-insensitive, the same
    stored articles always give the same stories and ids). Returns the number of stories."""
    opts = opts or StoryOptions()
    with store.transaction():
        articles = store.indexed_articles()
        clusters = batch_clusters(articles, opts, names=_names_of(store, articles, opts))
        store.clear_stories()
        units = batch_unit_vectors(articles)
        for members in clusters:
            founder = articles[members[0]]
            story_id = story_id_for(founder[1])
            store.create_story(story_id, _story_title(store.get_article(founder[0])))
            for k in members:
                article_id, _, day, weights = articles[k]
                reason = "batch: average-link clustering of the whole store"
                asg = Assignment(article_id, story_id, 1.0, k == members[0], (reason,))
                store.add_to_story(asg, weights, day, units[k])
        return len(clusters)
