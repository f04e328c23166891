"""``storyfold batch --engine spark``: the batch engine on Apache Spark (the optional ``spark`` extra).

The same records as the local engine (ingest into a store, ``recluster``, ``export articles``), computed in
parts that run on the executors:

1. **read and clean**: the input files are spread over the executors, which read them with the project's
   readers and clean them with ``build_article`` (feeds are read on the driver first, as ``read_inputs``
   does, so that pages in the batch take their entries' metadata). The driver then numbers the articles in
   input order (the store's ``seq``), keeps the first of each identity key and makes ids unique as the
   store does; only (order, key, id, content hash) travel to it.
2. **boilerplate** is learned per outlet (``groupByKey`` on the outlet; :func:`storyfold.batch.replay_outlet`).
3. **dedup**: the articles sharing an LSH bucket, a sentence hash or a text hash are the only ones dedup ever
   compares; the driver joins those groups into components (union-find over the edges Spark found) and each
   component is replayed on an executor with the project's ``dedup_article`` (:func:`storyfold.batch.replay_dedup`).
4. **stories**: document frequencies are a Spark aggregation (IDF over the whole set). Average-link never
   merges two clusters unless some pair across them has a similarity of at least the threshold (the average
   is at most the maximum), so the stories are unions of the components of the graph of pairs at or above
   the threshold, and clustering each component alone, with the whole set's IDF, gives the clusters of one
   run over all articles. The pairs are found without scoring all of them: each unit vector indexes only its
   prefix of rarest terms whose remaining suffix has a norm below the threshold (prefix filtering: two
   vectors with cosine at or above the threshold share a prefix term), candidate pairs come from that
   inverted index within the time reach (``time_reach``; pairs further apart fade more, so they need a higher
   similarity and shorter prefixes find them: ``_bands``), pairs sharing enough rare names for the follow-up
   and near rules join them, Spark scores them, the driver joins the edges into components
   (union-find: one pass over the edges, fine for archives; a cluster run could use GraphFrames instead), and
   each component is clustered on an executor by ``batch_clusters`` itself.
5. The records are written on the driver in input order (``toLocalIterator``: one partition at a time).
"""

from __future__ import annotations

import itertools
import math
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyfold.batch import BatchResult, Learned, export_row, replay_dedup, replay_outlet, write_output
from storyfold.dedup import features
from storyfold.errors import ConfigError, InputError
from storyfold.ingest import _is_feed_file, _join, _read_source, expand_paths, extracted, url_key
from storyfold.ingest.formats import read_file
from storyfold.model import Article, ArticleNames, LineMember, RawArticle, Skipped
from storyfold.pagekind import headline_only
from storyfold.pipeline import IngestOptions, build_article
from storyfold.stories import (
    StoryOptions,
    _idf,
    _years,
    article_terms,
    batch_clusters,
    names_of,
    rare_names,
    story_id_for,
    time_factor,
    time_reach,
    uses_names,
    uses_rare_names,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

MASTER_ENV = "SPARK_MASTER"
Order = tuple[int, int, int]


def spark_session(master: str | None = None, partitions: int | None = None) -> SparkSession:
    """A SparkSession: ``master`` (else $SPARK_MASTER, else what spark-submit set, else local[*])."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("the spark engine needs pyspark: pip install 'storyfold[spark]'") from exc
    master = master or os.environ.get(MASTER_ENV)
    builder = SparkSession.builder.appName("storyfold-batch").config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # under spark-submit, which set the master
    if (master is None and not submitted) or (master or "").startswith("local"):
        # local mode: the executors' Python is this one (on a cluster, PYSPARK_PYTHON names the nodes' own)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    return builder.getOrCreate()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.parent.setdefault(ra, ra)
        self.parent.setdefault(rb, rb)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the root is the smallest seq

    def components(self) -> dict[int, int]:
        return {x: self.find(x) for x in list(self.parent)}


def _components(edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    uf = _UnionFind()
    for a, b in edges:
        uf.union(a, b)
    return uf.components()


# --- executor-side functions (module level: they pickle by reference) -------------------------------------


def _read(task: tuple[int, str, str], opts: IngestOptions, entries: dict[str, RawArticle]) -> Iterator[Any]:
    """(order, raw article or skip, feed key joined or None) for every record of one input file (read by its
    absolute path, named as it was given: executors do not share the driver's working directory)."""
    index, given, path = task
    try:
        for j, item in enumerate(extracted(read_file(Path(path), opts.read_options(), origin=given))):
            joined = None
            if isinstance(item, RawArticle) and item.url:
                key = url_key(item.url)
                entry = entries.get(key)
                if entry is not None:
                    joined = key
                    item = _join(item, entry)
            yield (1, index, j), item, joined
    except Exception as exc:  # a reader bug must not stop the batch: it is reported like a bad file
        yield (1, index, 1 << 30), Skipped(given, f"cannot read: {exc}"), None


def _build(order: Order, item: RawArticle | Skipped) -> tuple[Order, Article | Skipped]:
    if isinstance(item, Skipped):
        return order, item
    try:
        return order, build_article(item)
    except InputError as exc:
        return order, Skipped(item.origin, exc.reason, exc.stage or "ingest")


def _skip(x: tuple[Order, Article | Skipped]) -> list[tuple[Order, Skipped]]:
    return [(x[0], x[1])] if isinstance(x[1], Skipped) else []


def _head(x: tuple[Order, Article | Skipped]) -> list[tuple[Order, str, str, str]]:
    a = x[1]
    return [(x[0], a.key, a.id, a.content_hash)] if isinstance(a, Article) else []


def _index_keys(rec_bands: Sequence[tuple[int, int]], sents: Sequence[int], text_hash: str) -> list[Any]:
    return [("b", b, k) for b, k in rec_bands] + [("s", h) for h in set(sents)] + [("h", text_hash)]


def _star(seqs: Iterable[int]) -> list[tuple[int, int]]:
    ordered = sorted(set(seqs))
    return [(ordered[0], s) for s in ordered[1:]]


def _prefix(unit: dict[str, float], df: dict[str, int], bound: float) -> list[str]:
    """The rarest terms of a unit vector up to where the rest has a norm below ``bound``."""
    order = sorted(unit, key=lambda t: (df[t], t))
    rest = sum(v * v for v in unit.values())
    out = []
    for t in order:
        if rest < bound * bound:
            break
        out.append(t)
        rest -= unit[t] * unit[t]
    return out


def _bands(opts: StoryOptions, bound: float) -> list[tuple[float, int]]:
    """Prefix bounds, each with the time window it serves. A pair further apart fades more, so it needs a higher
    similarity before the fade, which a shorter prefix finds: band k (``bound * 2**k``) pairs the articles whose
    time factor can exceed ``2**-(k + 1)`` (a pair fading by more is in a later band), and no band goes past the
    reach where even a perfect match fades under ``bound``. Without late decay: one band, the window."""
    reach = time_reach(opts, bound)
    if not opts.late_decay or bound <= 0:
        return [(bound, reach)]
    out: list[tuple[float, int]] = []
    b, k = bound, 0
    while b <= 1.0 + 1e-9:  # a unit vectors' cosine is at most one
        out.append((b, min(reach, time_reach(opts, 2.0 ** -(k + 1)))))
        b, k = b * 2, k + 1
    return out


def _window_pairs(
    members: Iterable[tuple[int, int | None]], window: int, undated: bool = True
) -> Iterator[tuple[int, int]]:
    """Pairs of articles sharing one term that the window does not keep apart (an undated article: with
    everyone, unless ``undated`` is false: then without it)."""
    dated = sorted((d, s) for s, d in members if d is not None)
    none = sorted(s for s, d in members if d is None) if undated else []
    j = 0
    for i in range(len(dated)):
        while dated[i][0] - dated[j][0] > window:
            j += 1
        for k in range(j, i):
            a, b = dated[k][1], dated[i][1]
            yield (a, b) if a < b else (b, a)
    everyone = none + [s for _, s in dated]
    for u in none:  # the window keeps nothing apart from an undated article (duplicates: distinct())
        for s in everyone:
            if s != u:
                yield (u, s) if u < s else (s, u)


# unit vector, years named, day (ordinal), rare names (``StoryOptions.rare_idf``), the near rule's names
# (``StoryOptions.near_idf``)
_Unit = tuple[dict[str, float], frozenset[str], int | None, frozenset[str], frozenset[str]]


def _pair_similarity(a: _Unit, b: _Unit, opts: StoryOptions) -> float:
    ua, ya, da, ra, na = a
    ub, yb, db, rb, nb = b
    if len(ub) < len(ua):
        ua, ub = ub, ua
    sim = sum(v * ub.get(t, 0.0) for t, v in ua.items())
    if da is not None and db is not None:  # as in stories._cuts
        apart, shared = abs(da - db), len(ra & rb)
        if apart > opts.window_days and opts.follow_names is not None and shared >= opts.follow_names:
            sim *= math.sqrt(opts.window_days / min(apart, max(opts.follow_days, 1)))
        else:
            sim *= time_factor(apart, opts)
        if opts.near_names is not None and apart <= opts.near_days and len(na & nb) >= opts.near_names:
            sim *= opts.near_boost
    if opts.year_penalty != 1.0 and ya and yb and not ya & yb:
        sim *= opts.year_penalty
    return sim


def _name_prefix(names: frozenset[str], df: dict[str, int], shared: int) -> list[str]:
    """A name set's rarest names, all but its ``shared - 1`` most common (by document frequency, then
    spelling): two sets that share at least ``shared`` names share one of these (prefix filtering)."""
    ordered = sorted(names, key=lambda t: (df.get(t, 0), t))
    return ordered[: max(0, len(ordered) - shared + 1)]


def _rule_keys(seq: int, unit: _Unit, df: dict[str, int], opts: StoryOptions) -> list[tuple[tuple[str, str], Any]]:
    """Index keys for the pairs a rare-name rule can lift (``_pair_similarity``; both rules need two dated
    articles): a follow-up pair shares ``follow_names`` rare names, so one of each side's prefix names
    (``_name_prefix``); a near pair shares ``near_names`` names rarer than ``near_idf``, so one of each
    side's prefix names too, within ``near_days`` of each other (``_window_pairs`` of each key's members)."""
    day = unit[2]
    if day is None:
        return []
    keys: list[tuple[tuple[str, str], Any]] = []
    if opts.follow_names is not None:
        keys += [(("follow", t), (seq, day)) for t in _name_prefix(unit[3], df, opts.follow_names)]
    if opts.near_names is not None:
        keys += [(("near", t), (seq, day)) for t in _name_prefix(unit[4], df, opts.near_names)]
    return keys


def _rule_pairs(kind: str, members: Iterable[tuple[int, int | None]], opts: StoryOptions) -> Iterator[tuple[int, int]]:
    """The candidate pairs of one rare-name key (``_rule_keys``): every pair for a follow-up name, the pairs
    at most ``near_days`` apart for a near one."""
    if kind == "near":
        return _window_pairs(members, opts.near_days, undated=False)
    seqs = sorted(s for s, _ in members)
    return iter(itertools.combinations(seqs, 2))


def _cluster_part(
    rows: Iterable[tuple[int, str, date | None, dict[str, float], ArticleNames]],
    opts: StoryOptions,
    n: int,
    df: dict[str, int],
) -> Iterator[tuple[int, str]]:
    ordered = sorted(rows, key=lambda r: r[0])
    articles = [(str(seq), key, day, weights) for seq, key, day, weights, _ in ordered]
    names = [r[4] for r in ordered] if uses_names(opts) else None
    for members in batch_clusters(articles, opts, frequencies=(n, df), names=names):
        story = story_id_for(ordered[members[0]][1])
        for k in members:
            yield ordered[k][0], story


# --- the driver -------------------------------------------------------------------------------------------


def run_spark(
    paths: Sequence[str],
    output: Path,
    opts: IngestOptions | None = None,
    *,
    spark: SparkSession | None = None,
    master: str | None = None,
    partitions: int | None = None,
) -> BatchResult:
    """Run the batch on Spark and write DIR/articles.jsonl and DIR/skipped.jsonl."""
    opts = opts or IngestOptions()
    session = spark or spark_session(master, partitions)
    sc = session.sparkContext
    parts = partitions or max(2, sc.defaultParallelism)
    story_opts, dedup_opts, learn = opts.stories, opts.dedup, opts.learn

    # 1. inputs: expanded on the driver as read_inputs does; feeds read here, every other file on an executor
    sources = list(expand_paths(paths))
    for s in sources:
        if isinstance(s, str):
            raise ConfigError(f"the spark engine reads files and directories, not {s!r}; use the local engine")
    files = [s for s in sources if isinstance(s, Path)]
    feeds = [s for s in files if _is_feed_file(s)]
    early: list[tuple[Order, RawArticle | Skipped]] = []
    entries: dict[str, RawArticle] = {}
    held: list[RawArticle] = []
    for fi, src in enumerate(feeds):
        for j, item in enumerate(extracted(_read_source(src, opts.read_options()))):
            if isinstance(item, RawArticle) and item.url:
                entries.setdefault(url_key(item.url), item)
                held.append(item)
            else:
                early.append(((0, fi, j), item))
    feed_set = set(feeds)
    tasks: list[tuple[int, str, str]] = []
    for index, s in enumerate(sources):
        if isinstance(s, Skipped):
            early.append(((1, index, 0), s))
        elif isinstance(s, Path) and s not in feed_set:
            tasks.append((index, str(s), str(s.absolute())))
    entries_b = sc.broadcast(entries)
    read = sc.parallelize(tasks, max(1, min(len(tasks), parts))).flatMap(lambda t: _read(t, opts, entries_b.value))
    read.cache()
    joined = set(read.map(lambda x: x[2]).filter(lambda k: k is not None).distinct().collect())
    leftover: list[tuple[Order, RawArticle | Skipped]] = [
        ((2, i, 0), e) for i, e in enumerate(held) if e.url and url_key(e.url) not in joined
    ]
    raw = read.map(lambda x: (x[0], x[1])).union(sc.parallelize(early + leftover, 1))
    built = raw.repartition(parts).map(lambda x: _build(*x))
    built.cache()
    skipped = [s for _, s in sorted(built.flatMap(_skip).collect())]

    # the store's numbering: input order, first of each key, ids made unique as add_article does
    heads = sorted(built.flatMap(_head).collect())
    keys: set[str] = set()
    ids: set[str] = set()
    numbering: list[tuple[Order, tuple[int, str]]] = []
    for order, key, article_id, content_hash in heads:
        if key in keys:
            continue  # already present: ingest stores it once
        keys.add(key)
        final = article_id
        if final in ids:
            final = f"{article_id}#{content_hash[:8]}"
            n = 2
            while final in ids:
                final = f"{article_id}#{content_hash[:8]}-{n}"
                n += 1
        ids.add(final)
        numbering.append((order, (len(numbering) + 1, final)))

    def renumber(x: tuple[Order, tuple[Article | Skipped, tuple[int, str]]]) -> tuple[int, Article]:
        article, (seq, final) = x[1]
        assert isinstance(article, Article)
        if final != article.id:
            article = replace(article, id=final)
        return seq, article

    stored = built.filter(lambda x: isinstance(x[1], Article)).join(sc.parallelize(numbering, parts)).map(renumber)

    # 2. boilerplate learned per outlet (articles without one stand alone)
    learned = (
        stored.keyBy(lambda x: x[1].outlet or f"\0{x[0]}")
        .groupByKey(parts)
        .flatMap(lambda kv: replay_outlet(kv[1], learn))
    )
    learned.cache()
    learned.count()
    built.unpersist()
    read.unpersist()
    articles = learned.filter(lambda x: x.article.non_article is None)

    # 3. dedup, per component of the articles that share an index key
    def keys_of(x: Learned) -> list[tuple[Any, int]]:
        rec = features(x.article, dedup_opts)
        return [(k, x.seq) for k in _index_keys(rec.bands, rec.sentence_hashes, rec.text_hash)]

    dedup_edges = articles.flatMap(keys_of).groupByKey(parts).flatMap(lambda kv: _star(kv[1])).distinct().collect()
    dedup_comp = sc.broadcast(_components(dedup_edges))
    members = (
        articles.keyBy(lambda x: dedup_comp.value.get(x.seq, x.seq))
        .groupByKey(parts)
        .flatMap(lambda kv: replay_dedup(kv[1], dedup_opts))
    )

    # 4. stories: global IDF, prefix-filtered candidate pairs, components of the pairs at the threshold; a
    # headline-only page (a paywall's, an empty page's) takes part on its headline, as in ``store_article``
    terms = (
        learned.filter(lambda x: x.article.non_article is None or headline_only(x.article))
        .map(
            lambda x: (
                x.seq,
                x.article.key,
                x.article.published_date,
                article_terms(x.article, story_opts),
                names_of(x.article, story_opts) if uses_names(story_opts) else ArticleNames(),
            )
        )
        .filter(lambda r: bool(r[3]))
    )  # no terms: not in the term index, so in no story (as recluster)
    terms.cache()
    total = terms.count()
    df = dict(terms.flatMap(lambda r: [(t, 1) for t in r[3]]).reduceByKey(lambda a, b: a + b, parts).collect())
    df_b = sc.broadcast(df)

    def unit(r: tuple[int, str, date | None, dict[str, float], ArticleNames]) -> tuple[int, _Unit]:
        d = df_b.value
        vec = {t: w * _idf(total, d[t]) for t, w in r[3].items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        rare = near = frozenset[str]()
        if uses_rare_names(story_opts):
            rare = rare_names(r[4], story_opts, total, d)
            near = rare_names(r[4], story_opts, total, d, story_opts.near_idf)
        day = r[2].toordinal() if r[2] else None
        return r[0], ({t: v / norm for t, v in vec.items()}, _years(r[3]), day, rare, near)

    units = terms.map(unit)
    units.cache()
    # an edge is a pair at or above the threshold, with a margin for rounding (more edges never change
    # the result, only make components larger); a year bonus (penalty over 1) lowers the bound it needs
    edge_at = story_opts.threshold - 1e-9
    bound = (edge_at / max(1.0, story_opts.year_penalty)) * (1 - 1e-9)
    days = dict(terms.map(lambda r: (r[0], r[2].toordinal() if r[2] else None)).collect())
    days_b = sc.broadcast(days)
    bands = _bands(story_opts, bound)  # undated articles are paired in the first band only (no fade)
    candidates = (
        units.flatMap(
            lambda x: [((t, k), x[0]) for k, (b, _) in enumerate(bands) for t in _prefix(x[1][0], df_b.value, b)]
        )
        .groupByKey(parts)
        .flatMap(lambda kv: _window_pairs([(s, days_b.value[s]) for s in kv[1]], bands[kv[0][1]][1], kv[0][1] == 0))
    )
    if uses_rare_names(story_opts):
        # follow-ups and near reports: the pairs that may share enough rare names for a rule to lift them,
        # from an index of each article's rarest names (prefix filtering) and, for the near rule, a day window:
        # a superset of the pairs a rule lifts (scoring drops the rest); a follow-up pair is found on the two
        # sides' rarest names only, a near pair only within its days, instead of every pair of articles that
        # share any rare name (quadratic in a common name's document frequency)
        candidates = candidates.union(
            units.flatMap(lambda x: _rule_keys(x[0], x[1], df_b.value, story_opts))
            .groupByKey(parts)
            .flatMap(lambda kv: _rule_pairs(kv[0][0], kv[1], story_opts))
        )
    candidates = candidates.distinct(parts)
    scored = (
        candidates.join(units)
        .map(lambda x: (x[1][0], (x[0], x[1][1])))
        .join(units)
        .map(lambda x: (x[1][0][0], x[0], _pair_similarity(x[1][0][1], x[1][1], story_opts)))
    )
    story_edges = scored.filter(lambda x: x[2] >= edge_at).map(lambda x: (x[0], x[1])).collect()
    story_comp = sc.broadcast(_components(story_edges))
    stories = (
        terms.keyBy(lambda r: story_comp.value.get(r[0], r[0]))
        .groupByKey(parts)
        .flatMap(lambda kv: _cluster_part(kv[1], story_opts, total, df_b.value))
    )

    # 5. the records, in input order
    def row(x: tuple[int, tuple[tuple[Learned, LineMember | None], str | None]]) -> tuple[int, dict[str, Any]]:
        (item, member), story = x[1]
        return x[0], export_row(item.article, story, member)

    rows = (
        learned.keyBy(lambda x: x.seq)
        .leftOuterJoin(members)
        .leftOuterJoin(stories)
        .map(row)
        .sortByKey(numPartitions=parts)
        .map(lambda x: x[1])
    )
    story_ids: set[str] = set()

    def counted(it: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for r in it:
            if r["story"]:
                story_ids.add(r["story"])
            yield r

    n = write_output(counted(rows.toLocalIterator()), skipped, Path(output))
    for rdd in (learned, terms, units):
        rdd.unpersist()
    return BatchResult(n, len(story_ids), tuple(skipped), Path(output))
