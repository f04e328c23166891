"""What the CLI and the API show of the store: a story with its sentence alignment (aligned on demand), its
claims and entities, an article with its facts, the reporting lines, the rows of an export; and two article
files compared without a store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyfold.align import AlignOptions, align_story, compare, source_views, story_order
from storyfold.claims import ClaimOptions
from storyfold.claims import story_claims as merge_claims
from storyfold.errors import InputError
from storyfold.facts.entities import story_entities as merge_story
from storyfold.facts.event import default_time_finder
from storyfold.ingest import read_inputs
from storyfold.model import (
    Article,
    ArticleFacts,
    Assignment,
    ClaimSource,
    Comparison,
    DuplicateLink,
    Entity,
    Event,
    Line,
    LineMember,
    RawArticle,
    SentenceGroup,
    Skipped,
    SourceView,
    Story,
    StoryClaims,
)
from storyfold.pipeline import build_article
from storyfold.store.base import Store
from storyfold.textproc import sentences


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
    articles: tuple[Article, ...]  # earliest first (publication date, then id)
    groups: tuple[SentenceGroup, ...]  # in story order
    assignments: tuple[Assignment | None, ...]
    sources: tuple[SourceView, ...] = ()  # one per aligned article, in the order of ``articles``

    @property
    def shared(self) -> tuple[SentenceGroup, ...]:
        return tuple(g for g in self.groups if len(g.article_ids) > 1)


# Alignment never scores all sentence pairs, but its candidates grow with the square of the rewordings of
# one sentence (bench/align.md: 500 articles, 8,000 sentences in about 3 s); this bound only keeps a runaway
# story from holding the terminal for minutes.
MAX_ALIGNED_ARTICLES = 2000


def story_view(store: Store, story_id: str, opts: AlignOptions | None = None) -> StoryView:
    """A story with its articles (earliest first) and their sentence alignment: shared statements,
    and per article what it adds, omits and rewords (the first MAX_ALIGNED_ARTICLES articles only)."""
    story = store.get_story(story_id)
    stored = [store.get_article(a) for a in story.article_ids]
    articles = tuple(stored[k] for k in story_order(stored))
    aligned = tuple(a for a in articles if a.non_article is None)[:MAX_ALIGNED_ARTICLES]  # not headline-only pages
    groups = tuple(align_story(aligned, opts))
    return StoryView(
        story,
        articles,
        groups,
        tuple(store.assignment(a.id) for a in articles),
        source_views([a.id for a in aligned], groups),
    )


@dataclass(frozen=True, slots=True)
class DupesView:
    """Reporting lines with the strongest link of each member that joined one."""

    lines: tuple[Line, ...]
    best_link: dict[str, DuplicateLink]


def dupes_view(store: Store, min_size: int = 2) -> DupesView:
    """Reporting lines of at least ``min_size`` articles and the best link of each linked article."""
    by_article: dict[str, list[DuplicateLink]] = {}
    for link in store.duplicate_links():
        by_article.setdefault(link.article_id, []).append(link)
    best: dict[str, DuplicateLink] = {}
    for article_id, links in by_article.items():
        member = store.line_member(article_id)
        original = member.duplicate_of if member else None
        chosen = [x for x in links if x.other_id == original] or sorted(
            links, key=lambda x: (not x.is_copy, -x.shared_sentences, -x.jaccard)
        )
        best[article_id] = chosen[0]
    return DupesView(tuple(store.lines(min_size)), best)


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    facts: ArticleFacts | None
    assignment: Assignment | None


def article_view(store: Store, article_id: str) -> ArticleView:
    """One article with its segments and the facts extracted at ingest."""
    return ArticleView(store.get_article(article_id), store.get_facts(article_id), store.assignment(article_id))


@dataclass(frozen=True, slots=True)
class ExportView:
    """One stored article with what ``export articles`` writes of it: its story, reporting line and facts."""

    article: Article
    assignment: Assignment | None
    member: LineMember | None
    facts: ArticleFacts | None


def export_views(store: Store) -> Iterator[ExportView]:
    """Every stored article with its story assignment, reporting-line membership and facts."""
    for article in store.iter_articles():
        yield ExportView(
            article, store.assignment(article.id), store.line_member(article.id), store.get_facts(article.id)
        )


def story_entities(store: Store, story_id: str) -> list[Entity]:
    """The people, organisations and places of a story, merged across its articles' facts."""
    story = store.get_story(story_id)
    per_article = []
    for article_id in story.article_ids:
        found = store.get_facts(article_id)
        if found is not None:
            per_article.append((article_id, found.entities))
    return merge_story(per_article)


def story_claims(store: Store, story_id: str, opts: ClaimOptions | None = None) -> StoryClaims:
    """The claims of a story (figures, event dates, quotes) with their article and independent-line counts,
    how comparable figures relate, and the story's timeline."""
    return claims_of(store, store.get_story(story_id).article_ids, story_id, opts)


def claims_of(
    store: Store, article_ids: Sequence[str], story_id: str = "", opts: ClaimOptions | None = None
) -> StoryClaims:
    """The claims of any set of stored articles, as if they were one story."""
    sources = []
    for article_id in article_ids:
        article = store.get_article(article_id)
        member = store.line_member(article_id)
        found = store.get_facts(article_id) or ArticleFacts(article_id, Event())
        sources.append(
            ClaimSource(
                article_id=article_id,
                line_id=member.line_id if member else article_id,
                published=article.published_date,
                title=article.title,
                sentences=() if article.non_article else tuple(s.text for s in sentences(article)),
                facts=found,
                outlet=article.outlet or article.source,
            )
        )
    return merge_claims(story_id, sources, default_time_finder(), opts)
