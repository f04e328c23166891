"""``storyfold eval pairs``: score article pairs and correlate with gold similarity ratings.

The file holds one pair a line: ``pair_id``, ``text1``, ``text2`` and, where known, ``title1``/``title2``,
``date1``/``date2`` (or ``published1``/``published2``), ``url1``/``url2``; the gold ``overall`` rating
(SemEval-2022 Task 8: 1 very similar .. 4 very different) is read by the evaluator only. Pearson's r with
it is negative for a similarity score; its magnitude is what the task ranks.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyfold.embeddings import cosines
from storyfold.errors import InputError
from storyfold.facts.extract import FactExtractor
from storyfold.ingest.dates import parse_date
from storyfold.model import Article, ArticleFacts, PairScore, RawArticle
from storyfold.pipeline import build_article
from storyfold.similarity import Idf, PairOptions, article_text, pair_score

GOLD_FIELD = "overall"
COMPONENTS = ("lexical", "aligned", "entities", "time", "numbers", "embedding")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    pair_id: str
    a: Article
    b: Article
    gold: float | None  # the gold ``overall`` rating, None where the line has none


@dataclass(frozen=True, slots=True)
class Correlation:
    name: str
    pearson: float | None  # None where fewer than 3 pairs have the part, or it does not vary
    pairs: int  # how many pairs it was measured on


@dataclass(frozen=True, slots=True)
class PairEval:
    dataset: str
    scores: tuple[tuple[str, PairScore], ...]  # (pair id, score) in file order
    pearson: float | None  # ours, with the gold rating
    tfidf: float | None  # baseline: scikit-learn TfidfVectorizer (defaults, fitted on the set), cosine
    minilm: float | None  # baseline: MiniLM cosine alone, when the embeddings extra ran
    components: tuple[Correlation, ...]  # each part of our score alone, on the pairs where it is known
    labelled: int
    seconds: float


def _field(row: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _article(row: dict[str, Any], side: str, pair_id: str, origin: str) -> Article:
    text = _field(row, f"text{side}")
    if text is None:
        raise InputError(f"pair {pair_id} has no 'text{side}'", origin=origin, stage="eval")
    published = _field(row, f"date{side}", f"published{side}")
    return build_article(
        RawArticle(
            origin=origin,
            paragraphs=tuple(p.strip() for p in text.splitlines() if p.strip()),
            title=_field(row, f"title{side}"),
            input_id=f"{pair_id}:{side}",
            url=_field(row, f"url{side}"),
            published=parse_date(published) if published else None,
        )
    )


def read_pairs(path: Path) -> list[LabelledPair]:
    """The pairs of a JSONL file, in order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the pair file ({exc})", origin=str(path), stage="eval") from exc
    out = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON ({exc})", origin=where, stage="eval") from exc
        if not isinstance(row, dict):
            raise InputError("not a JSON object", origin=where, stage="eval")
        pair_id = str(row.get("pair_id") or row.get("id") or lineno)
        gold = row.get(GOLD_FIELD)
        out.append(
            LabelledPair(
                pair_id,
                _article(row, "1", pair_id, where),
                _article(row, "2", pair_id, where),
                float(gold) if isinstance(gold, int | float) else None,
            )
        )
    if not out:
        raise InputError("no pairs in the file", origin=str(path), stage="eval")
    return out


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None for fewer than 3 values or a constant series."""
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if not sxx or not syy:
        return None
    return float(sxy / (sxx * syy) ** 0.5)


def tfidf_cosines(pairs: Sequence[LabelledPair]) -> list[float]:
    """The baseline: scikit-learn's TfidfVectorizer with its defaults, fitted on every text of the set."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    left = [article_text(p.a) for p in pairs]
    right = [article_text(p.b) for p in pairs]
    vec = TfidfVectorizer().fit(left + right)
    products = vec.transform(left).multiply(vec.transform(right)).sum(axis=1)
    return [float(x) for x in products.A1]


def score_pairs(
    pairs: Sequence[LabelledPair],
    facts: FactExtractor | None = None,
    embeddings: Sequence[float] | None = None,
    opts: PairOptions | None = None,
) -> list[PairScore]:
    """Our score of each pair: the IDF fitted on all texts of the set, the facts extracted in batches."""
    idf = Idf.fit(article_text(a) for p in pairs for a in (p.a, p.b))
    found: dict[str, ArticleFacts] = {}
    if facts is not None:
        articles = [a for p in pairs for a in (p.a, p.b)]
        for article, result in zip(articles, facts.extract(articles), strict=True):
            if isinstance(result, ArticleFacts):
                found[article.id] = result
    return [
        pair_score(
            p.a,
            p.b,
            found.get(p.a.id),
            found.get(p.b.id),
            idf=idf,
            embedding=embeddings[k] if embeddings is not None else None,
            opts=opts,
        )
        for k, p in enumerate(pairs)
    ]


def evaluate_pairs(
    path: Path,
    facts: FactExtractor | None = None,
    encoder: Any | None = None,
    opts: PairOptions | None = None,
) -> PairEval:
    """Score every pair of the file and correlate ours and the baselines with the gold ``overall``."""
    pairs = read_pairs(path)
    started = time.perf_counter()
    embedded = (
        cosines(encoder, [article_text(p.a) for p in pairs], [article_text(p.b) for p in pairs])
        if encoder is not None
        else None
    )
    scores = score_pairs(pairs, facts, embedded, opts)
    seconds = time.perf_counter() - started
    gold_at = [k for k, p in enumerate(pairs) if p.gold is not None]
    gold = [pairs[k].gold or 0.0 for k in gold_at]
    tfidf = tfidf_cosines(pairs)
    components = []
    for name in COMPONENTS:
        known = [(getattr(scores[k], name), pairs[k].gold or 0.0) for k in gold_at]
        kept = [(x, y) for x, y in known if x is not None]
        components.append(Correlation(name, pearson([x for x, _ in kept], [y for _, y in kept]), len(kept)))
    return PairEval(
        dataset=path.name,
        scores=tuple((p.pair_id, s) for p, s in zip(pairs, scores, strict=True)),
        pearson=pearson([scores[k].score for k in gold_at], gold),
        tfidf=pearson([tfidf[k] for k in gold_at], gold),
        minilm=pearson([embedded[k] for k in gold_at], gold) if embedded is not None else None,
        components=tuple(components),
        labelled=len(gold_at),
        seconds=seconds,
    )
