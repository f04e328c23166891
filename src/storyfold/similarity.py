"""How alike two articles are: one score in 0..1 and the parts it is made of.

The score is an explainable formula with fixed weights (nothing is fitted at run time):

- ``lexical``: the square root of the TF-IDF cosine of the two texts' content words (stop words out,
  spelling variants folded). The IDF comes from the set the pair belongs to when there is one; without
  it every word weighs the same. The root spreads the low cosines that separate "same topic" from
  "unrelated" and squeezes the high ones where every reading agrees.
- ``aligned``: the share of the two articles' sentences the sentence alignment (``align.compare``)
  matched one to one: verbatim, near-verbatim or rewritten. A copy or a light rewrite is the same report
  whatever its words weigh, so the text part is the larger of the two.
- ``entities``: the Dice overlap of the people, organisations and places the facts stage found, after
  merging name variants across the two articles ("Putin" is "Vladimir Putin").
- ``time``: how close the two events' dates are (the facts stage's event date, which falls back to the
  publication date): 1 on the same day, falling linearly to 0 at ``time_window_days``.
- ``numbers``: the Dice overlap of the numbers the two texts give.

The text part is then lowered by each fact part that is known, in proportion to its disagreement:
``score = text * (1 - w_e (1 - entities)) * (1 - w_t (1 - time)) * (1 - w_n (1 - numbers))``. An
unknown part (an article naming nobody, an undated pair) lowers nothing. Two same-kind reports of two
events (two earthquakes) share many words but not their places, people and dates, and this is where the
fact parts pull them apart. With a sentence-embedding cosine (``embedding``), the score is the weighted
mean of it and the formula above.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from storyfold.align import AlignOptions, compare
from storyfold.facts.entities import story_entities
from storyfold.model import Article, ArticleFacts, PairScore
from storyfold.textproc import content_tokens, tokens

_ENTITY_KINDS = frozenset({"person", "org", "place"})


@dataclass(frozen=True, slots=True)
class PairOptions:
    """The fixed weights of the pair score (see the module docstring for the formula)."""

    entity_weight: float = 0.2  # how far disjoint names lower the score
    time_weight: float = 0.2  # how far events a window or more apart lower it
    number_weight: float = 0.1  # how far disjoint numbers lower it
    time_window_days: float = 30.0  # events this many days apart or more count as unrelated in time
    embedding_weight: float = 0.5  # share of the embedding cosine in the score, when one is given
    align: AlignOptions = field(default_factory=AlignOptions)


@dataclass(frozen=True, slots=True)
class Idf:
    """Inverse document frequencies of content words over a set of texts (smoothed, as scikit-learn's
    ``TfidfVectorizer`` computes them: ``ln((1 + n) / (1 + df)) + 1``)."""

    documents: int = 0
    df: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def fit(cls, texts: Iterable[str]) -> Idf:
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            df.update(set(content_tokens(text)))
        return cls(n, dict(df))

    def weight(self, word: str) -> float:
        if not self.documents:
            return 1.0
        return math.log((1 + self.documents) / (1 + self.df.get(word, 0))) + 1.0


def article_text(article: Article) -> str:
    """The words a pair score reads: the title and the body."""
    return "\n".join(t for t in (article.title, article.text) if t)


def lexical_cosine(text_a: str, text_b: str, idf: Idf | None = None) -> float:
    """The TF-IDF cosine of the content words of two texts (raw counts times IDF, no root taken)."""
    idf = idf or Idf()
    va = {w: c * idf.weight(w) for w, c in Counter(content_tokens(text_a)).items()}
    vb = {w: c * idf.weight(w) for w, c in Counter(content_tokens(text_b)).items()}
    norm = math.sqrt(sum(v * v for v in va.values()) * sum(v * v for v in vb.values()))
    if not norm:
        return 0.0
    return min(1.0, sum(v * vb.get(w, 0.0) for w, v in va.items()) / norm)


def aligned_share(a: Article, b: Article, opts: AlignOptions | None = None) -> float:
    """The share of the two articles' sentences matched across them."""
    c = compare(a, b, opts)
    total = 2 * len(c.shared) + len(c.only_a) + len(c.only_b)
    return 2 * len(c.shared) / total if total else 0.0


def entity_overlap(facts_a: ArticleFacts, facts_b: ArticleFacts) -> float | None:
    """Dice overlap of the named people, organisations and places, variants merged across the two;
    None when either names nobody."""
    ents_a = [e for e in facts_a.entities if e.kind in _ENTITY_KINDS]
    ents_b = [e for e in facts_b.entities if e.kind in _ENTITY_KINDS]
    if not ents_a or not ents_b:
        return None
    merged = story_entities([("a", ents_a), ("b", ents_b)])
    in_a = sum(1 for e in merged if "a" in e.article_ids)
    in_b = sum(1 for e in merged if "b" in e.article_ids)
    shared = sum(1 for e in merged if {"a", "b"} <= set(e.article_ids))
    return 2 * shared / (in_a + in_b) if in_a + in_b else None


def time_closeness(day_a: date | None, day_b: date | None, window_days: float) -> float | None:
    """1 on the same day, falling linearly to 0 at ``window_days`` apart; None when a date is unknown."""
    if day_a is None or day_b is None:
        return None
    return max(0.0, 1.0 - abs((day_a - day_b).days) / window_days)


def number_overlap(text_a: str, text_b: str) -> float | None:
    """Dice overlap of the numbers two texts give; None when either gives none."""
    na = {t for t in tokens(text_a) if t[0].isdigit()}
    nb = {t for t in tokens(text_b) if t[0].isdigit()}
    if not na or not nb:
        return None
    return 2 * len(na & nb) / (len(na) + len(nb))


def _lower(weight: float, agreement: float | None) -> float:
    return 1.0 if agreement is None else 1.0 - weight * (1.0 - agreement)


def pair_score(
    a: Article,
    b: Article,
    facts_a: ArticleFacts | None = None,
    facts_b: ArticleFacts | None = None,
    *,
    idf: Idf | None = None,
    embedding: float | None = None,
    opts: PairOptions | None = None,
) -> PairScore:
    """How alike two articles are. ``facts_*`` (from the facts stage) give the names and event dates;
    without them only the publication dates count for time. ``idf`` is fitted on the set the pair
    comes from (``Idf.fit``); ``embedding`` is a sentence-embedding cosine computed by the caller."""
    opts = opts or PairOptions()
    text_a, text_b = article_text(a), article_text(b)
    lexical = math.sqrt(lexical_cosine(text_a, text_b, idf))
    aligned = aligned_share(a, b, opts.align)
    entities = entity_overlap(facts_a, facts_b) if facts_a and facts_b else None
    day_a = facts_a.event.date if facts_a else a.published_date
    day_b = facts_b.event.date if facts_b else b.published_date
    time = time_closeness(day_a, day_b, opts.time_window_days)
    numbers = number_overlap(text_a, text_b)
    score = (
        max(lexical, aligned)
        * _lower(opts.entity_weight, entities)
        * _lower(opts.time_weight, time)
        * _lower(opts.number_weight, numbers)
    )
    if embedding is not None:
        score = (1 - opts.embedding_weight) * score + opts.embedding_weight * max(0.0, embedding)
    return PairScore(
        score=round(score, 4),
        lexical=round(lexical, 4),
        aligned=round(aligned, 4),
        entities=None if entities is None else round(entities, 4),
        time=None if time is None else round(time, 4),
        numbers=None if numbers is None else round(numbers, 4),
        embedding=None if embedding is None else round(embedding, 4),
    )
