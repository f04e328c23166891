"""The facts stage: entities, quantities, quotes, times and the main event of each article.

One ``FactExtractor`` per run holds the loaded model (injected) and the per-run sentence memo, so that
the sentences syndicated copies share are processed once. Articles are processed in batches through
``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from storyfold.facts.entities import article_entities, mentions
from storyfold.facts.event import default_time_finder, main_event
from storyfold.facts.event_day import TimeFinder
from storyfold.facts.lines import Lines
from storyfold.facts.nlp import SentenceNer, Span
from storyfold.facts.quantities import find_quantities
from storyfold.facts.quotes import find_quotes
from storyfold.ingest.meta import date_from_stamp
from storyfold.model import Article, ArticleFacts, Quantity, Quote, SegmentKind, Skipped
from storyfold.textproc import sentences as body_sentences

LAG = 3 * 366  # days: a page's posting stamp up to this long before the input's date is the page's own day


@dataclass(frozen=True, slots=True)
class FactsOptions:
    batch_articles: int = 64  # articles whose sentences go through the model together


@dataclass(slots=True)
class FactExtractor:
    """Extracts the facts of articles. Make one per run: ``FactExtractor(SentenceNer(load_nlp()))``."""

    ner: SentenceNer
    finder: TimeFinder = field(default_factory=default_time_finder)
    options: FactsOptions = field(default_factory=FactsOptions)

    def extract(self, articles: Sequence[Article]) -> list[ArticleFacts | Skipped]:
        """The facts of each article, in order; an article that fails is a Skipped with its reason."""
        out: list[ArticleFacts | Skipped] = []
        step = max(1, self.options.batch_articles)
        for i in range(0, len(articles), step):
            out.extend(self._batch(articles[i : i + step]))
        return out

    def _batch(self, articles: Sequence[Article]) -> list[ArticleFacts | Skipped]:
        texts: list[list[str]] = []
        for a in articles:
            sents = [s.text for s in body_sentences(a)]
            texts.append(([a.title] if a.title else []) + sents)
        flat = [s for t in texts for s in t]
        spans = self.ner.spans(flat)
        out: list[ArticleFacts | Skipped] = []
        pos = 0
        for a, t in zip(articles, texts, strict=True):
            sp = spans[pos : pos + len(t)]
            pos += len(t)
            try:
                out.append(self._article(a, t, sp))
            except (ValueError, IndexError, KeyError) as exc:
                out.append(Skipped(a.origin, f"facts: {exc.__class__.__name__}: {exc}", "facts"))
        return out

    def _article(self, a: Article, texts: Sequence[str], spans: Sequence[Sequence[Span]]) -> ArticleFacts:
        first = -1 if a.title else 0
        published = a.published_date
        # The page's own stamp, where its first blocks show one: with no publication date in the input, it anchors
        # the relative days ("on Friday") and, unless an update's, stands in for the event's date where the text
        # tells none; a posting stamp days before the input's date (a later crawl or update: "(Published Saturday,
        # May 2, 2015)" on a page given as of May 3) does the same as the page's own day.
        anchor = "published"
        stamp = date_from_stamp(a.title, [s.text for s in a.segments if s.kind is not SegmentKind.TITLE])
        if stamp is not None and published is None:
            published, anchor = stamp.day, "stamp" if stamp.posted else "update"
        elif stamp is not None and published is not None and stamp.posted and 0 < (published - stamp.day).days <= LAG:
            published, anchor = stamp.day, "stamp"
        year = published.year if published else None
        found = mentions(spans, first)
        qs: list[Quantity] = []
        quotes: list[Quote] = []
        for i, (text, sp) in enumerate(zip(texts, spans, strict=True), first):
            qs.extend(find_quantities(text, i, year))
            if i >= 0:
                quotes.extend(find_quotes(text, i, sp))
        body = texts[1:] if a.title else texts
        lines = Lines(a.title, body, spans)
        event, times = main_event(lines, qs, published, self.finder, anchor)
        return ArticleFacts(
            article_id=a.id,
            event=event,
            entities=article_entities(a.id, found),
            quantities=tuple(qs),
            quotes=tuple(quotes),
            times=tuple(times),
        )
