"""The store interface. SQLite is the default backend; others implement the same methods."""

from __future__ import annotations

import abc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyfold.model import Article, ArticleFacts, ArticleNames, Assignment, SegmentKind, Story
from storyfold.store.dedup_base import DedupStore

STORY_ORDERS = ("newest", "largest")


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """Which stories to list: ``text`` in a story's title or its articles' titles and body text
    (case-insensitive), stories whose dates overlap ``since``..``until``, with an article from ``outlet``
    (a source or host), one page of ``limit`` from ``offset``; ``order``: "newest" (latest publication,
    then size) or "largest" (size, then latest)."""

    text: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    order: str = "newest"
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StoryPage:
    """One page of stories and how many match in all."""

    stories: tuple[Story, ...]
    total: int
    query: StoryQuery


class Store(DedupStore, abc.ABC):
    """Articles, their stories and the story term index, behind one transactional interface (the dedup
    index, duplicate links and reporting lines: see DedupStore)."""

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A unit of work: everything inside commits together or not at all."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def story_term_arrays(self, story_ids: Sequence[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Per story: its profile's term weights and the current document frequency of each term, as two
        aligned arrays (the story's TF-IDF length in a few vector operations). Backends may cache; this
        default reads the profiles and frequencies afresh."""
        profiles = self.story_profiles(story_ids)
        _, df = self.document_frequencies(sorted({t for terms, *_ in profiles.values() for t in terms}))
        return {
            sid: (
                np.fromiter(terms.values(), np.float64, len(terms)),
                np.fromiter((df.get(t, 1) for t in terms), np.float64, len(terms)),
            )
            for sid, (terms, *_) in profiles.items()
        }

    # articles
    @abc.abstractmethod
    def find_by_key(self, key: str) -> str | None:
        """The id of the stored article with this identity key, if any."""

    @abc.abstractmethod
    def add_article(self, article: Article) -> str:
        """Store a new article and return its id (made unique if the input id is taken)."""

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article:
        """One article; raises NotFoundError."""

    @abc.abstractmethod
    def iter_articles(self) -> Iterator[Article]:
        """All articles in ingest order."""

    @abc.abstractmethod
    def count_articles(self) -> int: ...

    # the term index used to find candidate stories
    @abc.abstractmethod
    def add_article_terms(self, article_id: str, weights: Mapping[str, float]) -> None:
        """Record an article's term weights and update document frequencies."""

    @abc.abstractmethod
    def add_article_names(self, article_id: str, names: ArticleNames) -> None:
        """Record an article's names, how often it gives each and which its lede gives (``stories.names_of``)."""

    @abc.abstractmethod
    def article_names(self, article_ids: Sequence[str]) -> dict[str, ArticleNames]:
        """The names of these articles (an article without any is left out)."""

    @abc.abstractmethod
    def document_frequencies(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """(number of indexed articles, df of each term)."""

    @abc.abstractmethod
    def candidate_stories(
        self, terms: Sequence[str], limit: int, since: date | None = None, per_term: int | None = None
    ) -> list[str]:
        """Stories whose index shares the most of these terms, best first (on a tie, the story with the newest
        posting first); with ``since``, only terms that
        an article published on or after that day (or an undated one) brought to the story count, and with
        ``per_term`` as well, only each term's ``per_term`` newest dated postings in that window."""

    @abc.abstractmethod
    def story_profiles(
        self, story_ids: Sequence[str]
    ) -> dict[str, tuple[dict[str, float], int, date | None, date | None]]:
        """Per story: (summed term weights, size, first and last publication date)."""

    @abc.abstractmethod
    def indexed_articles(self) -> list[tuple[str, str, date | None, dict[str, float]]]:
        """Every article in the story index, in ingest order: (id, key, publication day, term weights)."""

    @abc.abstractmethod
    def story_articles(
        self, story_ids: Sequence[str] | None
    ) -> list[tuple[str, str, str, date | None, dict[str, float]]]:
        """The members of these stories (None: of every story), in ingest order: (story id, article id, key,
        publication day, term weights)."""

    # stories
    @abc.abstractmethod
    def clear_stories(self) -> None:
        """Forget every story and membership (the term index stays), before a batch re-clustering."""

    @abc.abstractmethod
    def create_story(self, story_id: str, title: str) -> None: ...

    @abc.abstractmethod
    def add_to_story(
        self,
        assignment: Assignment,
        weights: Mapping[str, float],
        published: date | None,
        unit: Mapping[str, float] | None = None,
    ) -> None:
        """Make an article a member of a story and fold its terms into the story's profile; ``unit``, the
        article's unit TF-IDF vector, is added to the story's link vector (average-link assignment)."""

    @abc.abstractmethod
    def merge_stories(self, keep: str, absorbed: str) -> None:
        """Fold story ``absorbed`` into ``keep``: its members, term profile, link vector and dates; the
        absorbed story is gone afterwards."""

    @abc.abstractmethod
    def drop_stories(self, story_ids: Sequence[str]) -> None:
        """Forget these stories: their memberships, term profiles and link vectors (the articles and the term
        index stay), before their members are grouped again."""

    @abc.abstractmethod
    def story_link_vectors(self, story_ids: Sequence[str]) -> dict[str, dict[str, float]]:
        """Per story, the sum of its members' unit vectors (empty for stories stored before link vectors)."""

    @abc.abstractmethod
    def stories(self) -> list[Story]:
        """All stories, largest first, then newest."""

    @abc.abstractmethod
    def search_stories(self, query: StoryQuery) -> StoryPage:
        """Stories matching the query, one page of them, and the number that match."""

    @abc.abstractmethod
    def get_story(self, story_id: str) -> Story:
        """One story; raises NotFoundError."""

    @abc.abstractmethod
    def assignment(self, article_id: str) -> Assignment | None:
        """The story an article belongs to, with the score and reasons recorded when it joined."""

    # per-outlet line counts, for boilerplate learned across articles (see storyfold.boilerplate)
    @abc.abstractmethod
    def outlet_line_counts(self, outlet: str, keys: Sequence[str]) -> tuple[int, dict[str, int]]:
        """(distinct article bodies stored for the outlet, distinct bodies that carry each line key)."""

    @abc.abstractmethod
    def add_outlet_lines(self, outlet: str, article_id: str, lines: Sequence[tuple[str, int]]) -> None:
        """Record the (line key, segment position) pairs a stored article of the outlet carries."""

    @abc.abstractmethod
    def relabel_outlet_line(self, outlet: str, key: str, kind: SegmentKind, reason: str) -> int:
        """Relabel the body segments of the outlet's stored articles that carry this line; how many."""

    # facts (migration 4)
    @abc.abstractmethod
    def put_facts(self, facts: ArticleFacts) -> None:
        """Store (or replace) the extracted facts of an article."""

    @abc.abstractmethod
    def get_facts(self, article_id: str) -> ArticleFacts | None:
        """The facts of an article, or None when they were not extracted (ingested with --skip-facts)."""
