"""The one place that knows the order of the stages: read → clean → store → stories; align on demand."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyfold.align import AlignOptions, align_story, compare
from storyfold.clean import segment
from storyfold.errors import InputError
from storyfold.facts.entities import story_entities as merge_story
from storyfold.facts.extract import FactExtractor
from storyfold.ingest import read_inputs
from storyfold.model import (
    Article,
    ArticleFacts,
    Assignment,
    Comparison,
    Entity,
    IngestReport,
    RawArticle,
    SegmentKind,
    SentenceGroup,
    Skipped,
    Story,
    sha256_text,
)
from storyfold.store.base import Store
from storyfold.stories import StoryOptions, article_terms, assign
from storyfold.textproc import normalise

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
    return Article(
        id=public_id,
        key=key,
        origin=raw.origin,
        segments=segments,
        title=raw.title,
        url=raw.url,
        source=raw.source,
        author=raw.author,
        published=raw.published,
        content_hash=content_hash,
        raw_hash=raw.raw_hash,
        meta=raw.meta,
    )


def add_article(store: Store, article: Article, opts: StoryOptions) -> tuple[str, Assignment | None]:
    """Store one article and assign it to a story, in one transaction. Returns the stored id and
    the assignment, or (existing id, None) when the article was already there."""
    with store.transaction():
        existing = store.find_by_key(article.key)
        if existing is not None:
            return existing, None
        stored_id = store.add_article(article)
        if stored_id != article.id:
            article = _with_id(article, stored_id)
        weights = article_terms(article, opts)
        decision = assign(article, weights, store, opts)
        if decision.new_story:
            store.create_story(decision.story_id, _story_title(article))
        store.add_article_terms(article.id, weights)
        store.add_to_story(decision, weights, article.published_date)
        return stored_id, decision


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
    max_file_bytes: int = 64 * 1024 * 1024


def add_facts(store: Store, articles: Sequence[Article], facts: FactExtractor) -> list[Skipped]:
    """Extract and store the facts of stored articles (one batch through the model); returns the failures."""
    failed: list[Skipped] = []
    results = facts.extract(articles)
    with store.transaction():
        for r in results:
            if isinstance(r, ArticleFacts):
                store.put_facts(r)
            else:
                failed.append(r)
    return failed


def ingest_items(
    items: Iterable[RawArticle | Skipped],
    store: Store,
    opts: IngestOptions,
    progress: Progress | None = None,
    facts: FactExtractor | None = None,
) -> IngestReport:
    """Ingest raw articles one transaction each; a bad item is recorded and the batch goes on.
    With ``facts``, the facts of the new articles are extracted in batches and stored."""
    ingested: list[str] = []
    present: list[str] = []
    skipped: list[Skipped] = []
    assignments: list[Assignment] = []
    pending: list[Article] = []
    batch = facts.options.batch_articles if facts else 0
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            if progress:
                progress(item.origin)
            continue
        try:
            article = build_article(item)
            if not article.body:
                raise InputError("no body text left after cleaning (only debris)", origin=item.origin, stage="clean")
            stored_id, decision = add_article(store, article, opts.stories)
        except InputError as exc:
            skipped.append(Skipped(item.origin, exc.reason, exc.stage or "ingest"))
        else:
            if decision is None:
                present.append(stored_id)
            else:
                ingested.append(stored_id)
                assignments.append(decision)
                if facts is not None:
                    pending.append(article if stored_id == article.id else _with_id(article, stored_id))
                    if len(pending) >= batch:
                        skipped.extend(add_facts(store, pending, facts))
                        pending = []
        if progress:
            progress(item.origin)
    if facts is not None and pending:
        skipped.extend(add_facts(store, pending, facts))
    return IngestReport(tuple(ingested), tuple(present), tuple(skipped), tuple(assignments))


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    opts: IngestOptions | None = None,
    progress: Progress | None = None,
    facts: FactExtractor | None = None,
) -> IngestReport:
    """Read every input under the paths and ingest it (and extract facts when given an extractor)."""
    opts = opts or IngestOptions()
    return ingest_items(read_inputs(paths, max_file_bytes=opts.max_file_bytes), store, opts, progress, facts)


def read_article(path: str | Path) -> Article:
    """Read and clean exactly one article from a file (for ``compare``)."""
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, RawArticle)]
    if not articles:
        reason = items[0].reason if items and isinstance(items[0], Skipped) else "no article in it"
        raise InputError(reason, origin=str(path))
    if len(articles) > 1:
        raise InputError(f"holds {len(articles)} articles; compare takes files of one article each", origin=str(path))
    return build_article(articles[0])


def compare_files(path_a: str | Path, path_b: str | Path, opts: AlignOptions | None = None) -> Comparison:
    """Compare two article files without a store."""
    return compare(read_article(path_a), read_article(path_b), opts)


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story
    articles: tuple[Article, ...]
    groups: tuple[SentenceGroup, ...]
    assignments: tuple[Assignment | None, ...]

    @property
    def shared(self) -> tuple[SentenceGroup, ...]:
        return tuple(g for g in self.groups if len(g.article_ids) > 1)


MAX_ALIGNED_ARTICLES = 60


def story_view(store: Store, story_id: str, opts: AlignOptions | None = None) -> StoryView:
    """A story with its articles and their sentence alignment (the first articles of a very large
    story only; see MAX_ALIGNED_ARTICLES)."""
    story = store.get_story(story_id)
    articles = tuple(store.get_article(a) for a in story.article_ids)
    groups = tuple(align_story(articles[:MAX_ALIGNED_ARTICLES], opts))
    return StoryView(story, articles, groups, tuple(store.assignment(a.id) for a in articles))


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    facts: ArticleFacts | None
    assignment: Assignment | None


def article_view(store: Store, article_id: str) -> ArticleView:
    """One article with its segments and the facts extracted at ingest."""
    return ArticleView(store.get_article(article_id), store.get_facts(article_id), store.assignment(article_id))


def story_entities(store: Store, story_id: str) -> list[Entity]:
    """The people, organisations and places of a story, merged across its articles' facts."""
    story = store.get_story(story_id)
    per_article = []
    for article_id in story.article_ids:
        found = store.get_facts(article_id)
        if found is not None:
            per_article.append((article_id, found.entities))
    return merge_story(per_article)
