"""The fast path at 100k and 1M stored articles, the store grown by ROW COPIES of real ingested articles.

Ingesting 1M articles one by one takes many hours on the 2-core machine (bench/RESULTS-100k.md: 21 articles/s
at 100k), so here only a seed is ingested through the real fast path (``store_article``, 200 articles to a
transaction, as ``storyfold ingest --skip-facts``): the first ``--seed-rounds`` x R articles of
bench/scale_bench.py's generated stream (R real articles; copy k of each with its date shifted by k * 45 days and a
random tenth of its sentences dropped). The store is then grown by copying the seed's STORE ROWS (not by
ingesting): copy c of the whole seed gets ids, keys, story ids and line ids prefixed ``~cNNNN/``, every date
(published, story first/last day, story term posting day, dedup day) shifted by c x seed-rounds x 45 days (so copy c
reads as the rounds c*m .. c*m+m-1 of the stream: later events of the same kinds, outside each other's time
window), ``seq`` continued, and the same term weights, story profiles, MinHash signatures, LSH bands and sentence
hashes (a copy is the same text), for every table the fast path writes: articles, segments, stories,
story_members, article_terms, term_df (document frequencies raised by the copies), story_terms, story_unit_terms,
outlet_lines, outlet_line_counts (pending carriers; outlet counters count distinct bodies, so a copy adds none),
dedup_docs, dedup_bands, dedup_sentences, dup_links, line_members, article_names. The copying runs in a child
process (one SQL ``INSERT ... SELECT`` a table, secondary indexes dropped and rebuilt, the journal off while it
runs), so the benchmark process's peak RSS is storyfold's own.

At each checkpoint (whole copies of the seed: the first copy count whose stored articles reach the size asked)
the store is reopened (empty read caches, as after a restart), ``--warm`` articles (default: one round, the
stream's round G x m, the store's latest days) are ingested through the fast path to fill the read caches as a
long ingest leaves them (the first ``--probe`` assignments of them are reported as "cold"), then ``--probe``
articles (the next round's first) are ingested through the real fast path and timed, as bench/scale_bench.py
does: the stream's own articles, i.e. real articles with dropped sentences, not row copies. Timed: whole ingest
per article, story assignment (``assign``) and dedup
(``dedup_article``) p50/p99, RSS (peak over the process's life, and the most seen while probing), store bytes per
article. The baselines run in a child process on the same probes over the same stored set: the TF-IDF nearest
neighbour scan (every stored article's vector: the seed's vectors repeated once a copy, in one sparse matrix)
and datasketch's MinHashLSH (the seed's MinHashes inserted once a copy, under distinct keys; MinHash, query and
insert per probe). ``--scan-sample`` caps the rows of the scan (its times are then scaled up linearly to the
stored count; ``scan_rows`` says how many rows were scanned).

Usage::

    .venv/bin/python bench/scale_copies.py --sizes 100000,1000000 [--seed-rounds 4] [--probe 200] [--warm 100]
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import numpy as np
from scale_bench import COMMIT_EVERY, ROOT, generated, pct, real_articles, timed
from scipy.sparse import csr_matrix

import storyfold.pipeline as pipeline
from storyfold.ingest import read_inputs
from storyfold.model import RawArticle
from storyfold.pipeline import build_article, store_article
from storyfold.store import open_store
from storyfold.stories import StoryOptions
from storyfold.textproc import shingles, tokens

DAYS_PER_ROUND = 45  # scale_bench.generated: copy k of a real article is shifted by k * 45 days


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shift(col: str) -> str:
    """SQL: an ISO date or date-time column shifted by the copy's days (NULL stays NULL)."""
    return f"CASE WHEN {col} IS NULL THEN NULL ELSE date(substr({col}, 1, 10), g.shift) || substr({col}, 11) END"


# Per table: the seed snapshot (sorted by the destination's primary key: the copies are then appended to each
# B-tree in order) and the INSERT of the copies. ``g``: the copies (prefix p, days shift, seq offset off).
# ``outer_seed``: the seed rows in the outer loop (a primary key that does not start with the article id).
_COPIES: tuple[tuple[str, str, str, bool], ...] = (
    (
        "articles",
        "SELECT * FROM articles ORDER BY id",
        f"""INSERT INTO articles (id, key, origin, title, url, source, author, published, content_hash, raw_hash,
              meta, seq, ingested_at, language, dateline, wire, non_article, outlet)
            SELECT g.p || s.id, g.p || s.key, s.origin, s.title, s.url, s.source, s.author, {_shift("s.published")},
              s.content_hash, s.raw_hash, s.meta, s.seq + g.off, s.ingested_at, s.language, s.dateline, s.wire,
              s.non_article, s.outlet""",
        False,
    ),
    (
        "segments",
        "SELECT * FROM segments ORDER BY article_id, position",
        """INSERT INTO segments (article_id, position, kind, text, reason)
            SELECT g.p || s.article_id, s.position, s.kind, s.text, s.reason""",
        False,
    ),
    (
        "stories",
        "SELECT * FROM stories ORDER BY id",
        f"""INSERT INTO stories (id, title, size, first_published, last_published, created_seq)
            SELECT g.p || s.id, s.title, s.size, {_shift("s.first_published")}, {_shift("s.last_published")},
              s.created_seq + g.off""",
        False,
    ),
    (
        "story_members",
        "SELECT * FROM story_members ORDER BY article_id",
        """INSERT INTO story_members (article_id, story_id, score, reasons)
            SELECT g.p || s.article_id, g.p || s.story_id, s.score, s.reasons""",
        False,
    ),
    (
        "article_terms",
        "SELECT * FROM article_terms ORDER BY article_id, term",
        "INSERT INTO article_terms (article_id, term, weight) SELECT g.p || s.article_id, s.term, s.weight",
        False,
    ),
    (
        "story_terms",
        "SELECT * FROM story_terms ORDER BY story_id, term",
        f"""INSERT INTO story_terms (story_id, term, weight, day)
            SELECT g.p || s.story_id, s.term, s.weight, {_shift("s.day")}""",
        False,
    ),
    (
        "story_unit_terms",
        "SELECT * FROM story_unit_terms ORDER BY story_id, term",
        "INSERT INTO story_unit_terms (story_id, term, weight) SELECT g.p || s.story_id, s.term, s.weight",
        False,
    ),
    (
        "outlet_lines",
        "SELECT * FROM outlet_lines ORDER BY outlet, line_key, article_id",
        """INSERT INTO outlet_lines (outlet, line_key, article_id, position)
            SELECT s.outlet, s.line_key, g.p || s.article_id, s.position""",
        True,
    ),
    (
        "dedup_docs",
        "SELECT * FROM dedup_docs ORDER BY article_id",
        f"""INSERT INTO dedup_docs (article_id, text_hash, scheme, signature, shingles, tokens, sentence_hashes, day,
              seq)
            SELECT g.p || s.article_id, s.text_hash, s.scheme, s.signature, s.shingles, s.tokens, s.sentence_hashes,
              {_shift("s.day")}, s.seq + g.off""",
        False,
    ),
    (
        "dedup_bands",
        "SELECT * FROM dedup_bands ORDER BY bucket, band, article_id",
        "INSERT INTO dedup_bands (band, bucket, article_id) SELECT s.band, s.bucket, g.p || s.article_id",
        True,
    ),
    (
        "dedup_sentences",
        "SELECT * FROM dedup_sentences ORDER BY hash, article_id",
        "INSERT INTO dedup_sentences (hash, article_id) SELECT s.hash, g.p || s.article_id",
        True,
    ),
    (
        "dup_links",
        "SELECT * FROM dup_links ORDER BY article_id, other_id",
        """INSERT INTO dup_links (article_id, other_id, kind, jaccard, containment, shared, shared_sentences)
            SELECT g.p || s.article_id, g.p || s.other_id, s.kind, s.jaccard, s.containment, s.shared,
              s.shared_sentences""",
        False,
    ),
    (
        "line_members",
        "SELECT * FROM line_members ORDER BY article_id",
        """INSERT INTO line_members (article_id, line_id, duplicate_of, wire)
            SELECT g.p || s.article_id, g.p || s.line_id, g.p || s.duplicate_of, s.wire""",
        False,
    ),
    (
        "article_names",
        "SELECT * FROM article_names ORDER BY article_id, name",
        """INSERT INTO article_names (article_id, name, mentions, lede)
            SELECT g.p || s.article_id, s.name, s.mentions, s.lede""",
        False,
    ),
)


def snapshot_seed(db: Path, seed_file: Path) -> dict[str, int]:
    """The seed's rows, each table sorted by its primary key, into a separate SQLite file (the seed stays the
    same while the store grows and takes probes); also the seed's document frequencies and pending line counts."""
    con = sqlite3.connect(db)
    con.execute("ATTACH DATABASE ? AS seed", (str(seed_file),))
    counts = {}
    for table, select, _, _ in _COPIES:
        con.execute(f"CREATE TABLE seed.{table} AS {select}")
        counts[table] = con.execute(f"SELECT COUNT(*) FROM seed.{table}").fetchone()[0]
    con.execute("CREATE TABLE seed.df (term TEXT PRIMARY KEY, df INTEGER NOT NULL)")
    con.execute("INSERT INTO seed.df SELECT term, COUNT(*) FROM article_terms GROUP BY term")
    con.execute("CREATE TABLE seed.pending (outlet TEXT, line_key TEXT, n INTEGER, PRIMARY KEY (outlet, line_key))")
    con.execute(
        """INSERT INTO seed.pending SELECT l.outlet, l.line_key, COUNT(*) FROM outlet_lines l
           JOIN segments s ON s.article_id = l.article_id AND s.position = l.position AND s.kind = 'body'
           GROUP BY l.outlet, l.line_key"""
    )
    con.commit()
    con.close()
    return counts


def grow(db: str, seed_file: str, copies: list[int], seed_articles: int, seed_rounds: int, seq_base: int) -> None:
    """Append copies ``copies`` of the seed to the store (child process: its memory is not the benchmark's)."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("PRAGMA cache_size=-1048576")  # 1 GiB
    con.execute("ATTACH DATABASE ? AS seed", (seed_file,))
    con.execute("BEGIN")
    con.execute("CREATE TEMP TABLE g (c INTEGER PRIMARY KEY, p TEXT, shift TEXT, off INTEGER)")
    con.executemany(
        "INSERT INTO temp.g VALUES (?, ?, ?, ?)",
        [
            (c, f"~c{c:04d}/", f"+{c * seed_rounds * DAYS_PER_ROUND} days", seq_base + i * seed_articles)
            for i, c in enumerate(copies)
        ],
    )
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name LIKE 'ix_%'"
    ).fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    for table, _, insert, outer_seed in _COPIES:
        started = time.perf_counter()
        join = f"seed.{table} s CROSS JOIN temp.g g" if outer_seed else f"temp.g g CROSS JOIN seed.{table} s"
        con.execute(f"{insert} FROM {join}")
        print(f"  copied {table} in {time.perf_counter() - started:.0f} s", flush=True)
    k = len(copies)
    started = time.perf_counter()
    con.execute(f"UPDATE term_df SET df = term_df.df + {k} * d.df FROM seed.df d WHERE d.term = term_df.term")
    con.execute(
        f"""UPDATE outlet_line_counts SET pending = outlet_line_counts.pending + {k} * p.n FROM seed.pending p
            WHERE p.outlet = outlet_line_counts.outlet AND p.line_key = outlet_line_counts.line_key"""
    )
    print(f"  counters in {time.perf_counter() - started:.0f} s", flush=True)
    for name, sql in indexes:
        started = time.perf_counter()
        con.execute(sql)
        print(f"  rebuilt {name} in {time.perf_counter() - started:.0f} s", flush=True)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


def check_store(db: Path) -> dict[str, int]:
    """Consistency of a grown store (small runs: full scans): each count here should be 0."""
    con = sqlite3.connect(db)
    q = {
        "term_df_wrong": """SELECT COUNT(*) FROM term_df d LEFT JOIN (SELECT term, COUNT(*) AS c FROM article_terms
              GROUP BY term) a USING (term) WHERE d.df <> COALESCE(a.c, 0)""",
        "story_size_wrong": """SELECT COUNT(*) FROM stories s
              WHERE s.size <> (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id)""",
        "seq_wrong": "SELECT COUNT(*) - COUNT(DISTINCT seq) + (MAX(seq) - COUNT(*)) FROM articles",
        "dedup_seq_wrong": """SELECT COUNT(*) FROM dedup_docs d JOIN articles a ON a.id = d.article_id
              WHERE d.seq <> a.seq OR d.day <> substr(a.published, 1, 10)""",
        "foreign_key_errors": "SELECT COUNT(*) FROM pragma_foreign_key_check",
        "story_day_wrong": """SELECT COUNT(*) FROM story_terms t JOIN stories s ON s.id = t.story_id
              WHERE t.day > s.last_published""",
    }
    out = {k: int(con.execute(v).fetchone()[0] or 0) for k, v in q.items()}
    out["integrity"] = int(con.execute("PRAGMA quick_check").fetchone()[0] != "ok")
    con.close()
    return out


def stream_slice(rows: list[dict[str, Any]], start: int, count: int, path: Path) -> None:
    """Articles start .. start+count-1 of scale_bench's generated stream, as JSON lines."""
    with path.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(generated(rows, start + count)):
            if i >= start:
                fh.write(json.dumps(r) + "\n")


def ingest(store: Any, path: Path, opts: StoryOptions, on_added: Any = None) -> int:
    """Every article of ``path`` through the fast path, 200 to a transaction (as ``storyfold ingest``)."""
    batch = ExitStack()
    in_batch = n = 0
    for item in read_inputs([str(path)]):
        if not isinstance(item, RawArticle):
            continue
        article = build_article(item)
        t0 = time.perf_counter()
        c0 = time.process_time()
        if not in_batch:
            batch.enter_context(store.transaction())
        added = store_article(store, article, opts)
        in_batch += 1
        if in_batch == COMMIT_EVERY:
            batch.close()
            in_batch = 0
        if on_added is not None:
            on_added(article, added, time.perf_counter() - t0, time.process_time() - c0)
        n += 1
    batch.close()
    return n


def baselines(
    seed_vectors: list[dict[str, float]],
    seed_texts: list[str],
    extra_vectors: list[dict[str, float]],
    extra_texts: list[str],
    copies: int,
    probe_vectors: list[dict[str, float]],
    probe_texts: list[str],
    scan_sample: int,
    out: Any,
) -> None:
    """Child process: the scan and datasketch baselines over the stored set (seed x copies, plus the articles
    ingested as probes earlier), timed on the probes."""
    result: dict[str, Any] = {}
    vocab: dict[str, int] = {}

    def matrix(vectors: list[dict[str, float]]) -> tuple[list[int], list[float], list[int]]:
        indptr = [0]
        idx: list[int] = []
        val: list[float] = []
        for v in vectors:
            idx.extend(vocab.setdefault(t, len(vocab)) for t in v)
            val.extend(v.values())
            indptr.append(len(idx))
        return idx, val, indptr

    stored = len(seed_vectors) * copies + len(extra_vectors)
    rows_wanted = min(stored, scan_sample) if scan_sample else stored
    seed_parts = matrix(seed_vectors)
    extra_parts = matrix(extra_vectors)
    for v in probe_vectors:
        for t in v:
            vocab.setdefault(t, len(vocab))
    width = len(vocab)
    from scipy.sparse import vstack

    seed_m = csr_matrix((seed_parts[1], seed_parts[0], seed_parts[2]), shape=(len(seed_vectors), width))
    extra_m = csr_matrix((extra_parts[1], extra_parts[0], extra_parts[2]), shape=(len(extra_vectors), width))
    full, rest = divmod(rows_wanted, len(seed_vectors))
    blocks = [seed_m] * full + ([seed_m[:rest]] if rest else [])
    if rows_wanted == stored:
        blocks = [seed_m] * copies + [extra_m]
    m = vstack(blocks, format="csr", dtype=np.float64)
    n = m.shape[0]
    df = np.bincount(m.indices, minlength=width)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    m.data *= idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scan = []
    for p in probe_vectors:
        started = time.perf_counter()
        q = np.zeros(width)
        q[[vocab[t] for t in p]] = list(p.values())
        q *= idf
        scores = (m @ q) / norms / (np.linalg.norm(q) or 1.0)
        int(np.argmax(scores))
        scan.append((time.perf_counter() - started) * 1000 * stored / n)
    result["scan_rows"] = n
    result["scan_p50"] = statistics.median(scan)
    result["scan_p99"] = pct(scan, 0.99)
    del m
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        out.put(result)
        return
    lsh = MinHashLSH(threshold=0.5, num_perm=128)

    def minhash(text: str) -> Any:
        mh = MinHash(num_perm=128)
        mh.update_batch([s.encode("utf-8") for s in shingles(tokens(text), 5)])
        return mh

    seed_mh = [minhash(t) for t in seed_texts]
    started = time.perf_counter()
    with lsh.insertion_session() as session:
        for c in range(copies):
            for i, mh in enumerate(seed_mh):
                session.insert(f"{c}/{i}", mh)
        for i, t in enumerate(extra_texts):
            session.insert(f"x/{i}", minhash(t))
    result["ds_build_s"] = time.perf_counter() - started
    ds = []
    for i, text in enumerate(probe_texts):
        started = time.perf_counter()
        mh = minhash(text)
        lsh.query(mh)
        lsh.insert(f"p/{i}", mh)
        ds.append((time.perf_counter() - started) * 1000)
    result["ds_p50"] = statistics.median(ds)
    result["ds_p99"] = pct(ds, 0.99)
    result["baseline_peak_rss_mb"] = peak_mb()
    out.put(result)


class Probe:
    """The callback of a checkpoint's ingest: the first ``warm`` articles untimed, then the timed probes."""

    def __init__(self, warm: int, opts: StoryOptions, assign_ms: list[float], dedup_ms: list[float]) -> None:
        self.warm, self.opts, self.assign_ms, self.dedup_ms = warm, opts, assign_ms, dedup_ms
        self.marks = (len(assign_ms), len(dedup_ms))
        self.start = self.marks
        self.warm_vectors: list[dict[str, float]] = []
        self.warm_texts: list[str] = []
        self.vectors: list[dict[str, float]] = []
        self.texts: list[str] = []
        self.probing: list[tuple[float, float]] = []
        self.rss_seen = 0.0

    def __call__(self, article: Any, added: Any, took: float, cpu: float) -> None:
        vec = pipeline.article_terms(added.article or article, self.opts)
        if len(self.warm_texts) < self.warm:
            self.warm_texts.append(article.text)
            self.warm_vectors.append(vec)
            self.marks = (len(self.assign_ms), len(self.dedup_ms))
            return
        self.probing.append((took, cpu))
        self.vectors.append(vec)
        self.texts.append(article.text)
        self.rss_seen = max(self.rss_seen, rss_mb())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,1000000", help="checkpoints: stored articles (rounded up to copies)")
    ap.add_argument("--seed-rounds", type=int, default=4, help="the seed: this many rounds of the real articles")
    ap.add_argument("--probe", type=int, default=200, help="articles timed at each checkpoint")
    ap.add_argument(
        "--warm",
        type=int,
        default=-1,
        help="articles ingested before the timed probes after the store is reopened (default: one round of the real "
        "articles, so that the probes, a round later, meet the read caches as a long ingest leaves them); the "
        "first --probe of them are reported as the cold-cache figures",
    )
    ap.add_argument("--scan-sample", type=int, default=0, help="at most this many rows in the scan (0: all)")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--check", action="store_true", help="check the grown store's consistency (full scans)")
    ap.add_argument("--dir", default=None, help="where the store goes (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the store (scale.db, under --dir) after the run")
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS-1M.json"))
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows = real_articles()
    seed_n = args.seed_rounds * len(rows)
    if args.warm < 0:
        args.warm = len(rows)
    opts = StoryOptions()
    assign_ms: list[float] = []
    dedup_ms: list[float] = []
    pipeline.assign = timed(pipeline.assign, assign_ms)  # type: ignore[assignment]
    pipeline.dedup_article = timed(pipeline.dedup_article, dedup_ms)  # type: ignore[assignment]
    results: list[dict[str, Any]] = []
    with ExitStack() as stack:
        if args.keep:
            work = Path(tempfile.mkdtemp(dir=args.dir))
            print(f"the store is kept in {work}", flush=True)
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=args.dir)))
        db = work / "scale.db"
        seed_file = work / "seed.db"
        started_all = time.perf_counter()
        stream_slice(rows, 0, seed_n, work / "seed.jsonl")
        store = open_store(db)
        seed_vectors: list[dict[str, float]] = []
        seed_texts: list[str] = []

        def keep_seed(article: Any, added: Any, _took: float, _cpu: float) -> None:
            seed_vectors.append(pipeline.article_terms(added.article or article, opts))
            seed_texts.append(article.text)

        t0 = time.perf_counter()
        c0 = time.process_time()
        ingest(store, work / "seed.jsonl", opts, keep_seed)
        seed_s, seed_cpu = time.perf_counter() - t0, time.process_time() - c0
        store.close()
        print(f"seed: {seed_n:,} articles ingested in {seed_s:.0f} s ({seed_cpu:.0f} s CPU)", flush=True)
        if args.check:
            print("check (seed):", check_store(db), flush=True)
        counts = snapshot_seed(db, seed_file)
        print("seed rows:", counts, flush=True)
        copies_done = 1  # the seed is copy 0
        extra_vectors: list[dict[str, float]] = []
        extra_texts: list[str] = []
        for size in sizes:
            stored_now = seed_n * copies_done + len(extra_vectors)
            want = max(copies_done, math.ceil((size - len(extra_vectors)) / seed_n))
            # copy c is the stream's rounds c*m .. c*m+m-1; the probes of earlier checkpoints took round
            # (copy) numbers of their own, so copies go on after them
            first = copies_done + len(results)
            new = list(range(first, first + want - copies_done))
            t0 = time.perf_counter()
            if new:
                ctx = mp.get_context("spawn")
                proc = ctx.Process(
                    target=grow, args=(str(db), str(seed_file), new, seed_n, args.seed_rounds, stored_now)
                )
                proc.start()
                proc.join()
                if proc.exitcode:
                    sys.exit(f"copying failed ({proc.exitcode})")
            grow_s = time.perf_counter() - t0
            copies_done = want
            probe_round = (first + len(new)) * args.seed_rounds
            stored_before = seed_n * copies_done + len(extra_vectors)
            print(f"grown to {stored_before:,} stored ({len(new)} copies) in {grow_s:.0f} s", flush=True)
            if args.check:
                print("check:", check_store(db), flush=True)
            stream_slice(rows, probe_round * len(rows), args.warm + args.probe, work / "probe.jsonl")
            store = open_store(db)
            n_check = store.count_articles()
            assert n_check == stored_before, (n_check, stored_before)
            probe = Probe(args.warm, opts, assign_ms, dedup_ms)
            ingest(store, work / "probe.jsonl", opts, probe)
            db_bytes = sum(p.stat().st_size for p in work.glob("scale.db*"))
            n_after = store.count_articles()
            store.close()
            ours = assign_ms[probe.marks[0] :]
            dd = dedup_ms[probe.marks[1] :]
            probing = probe.probing
            cold = assign_ms[probe.start[0] : probe.start[0] + min(args.probe, args.warm)]
            r: dict[str, Any] = {
                "stored": stored_before + args.warm,
                "copies_of_seed": copies_done,
                "grow_s": grow_s,
                "articles_per_s": len(probing) / sum(t for t, _ in probing),
                "cpu_ms": 1000 * sum(c for _, c in probing) / len(probing),
                "assign_p50": statistics.median(ours),
                "assign_p99": pct(ours, 0.99),
                "assign_max": max(ours),
                "cold_assign_p50": statistics.median(cold) if cold else None,
                "cold_assign_p99": pct(cold, 0.99) if cold else None,
                "dedup_p50": statistics.median(dd),
                "dedup_p99": pct(dd, 0.99),
                "db_bytes_per_article": db_bytes / n_after,
                "db_gb": db_bytes / 1e9,
                "rss_probing_mb": probe.rss_seen,
                "peak_rss_mb": peak_mb(),
            }
            # the baselines see the same stored set: seed x copies, the earlier probes, the warm-up articles
            stored_vectors = extra_vectors + probe.warm_vectors
            stored_texts = extra_texts + probe.warm_texts
            if not args.no_baselines:
                ctx = mp.get_context("spawn")
                queue = ctx.Queue()
                proc = ctx.Process(
                    target=baselines,
                    args=(
                        seed_vectors,
                        seed_texts,
                        stored_vectors,
                        stored_texts,
                        copies_done,
                        probe.vectors,
                        probe.texts,
                        args.scan_sample,
                        queue,
                    ),
                )
                proc.start()
                r.update(queue.get())
                proc.join()
            extra_vectors = stored_vectors + probe.vectors
            extra_texts = stored_texts + probe.texts
            results.append(r)
            print(json.dumps(r), flush=True)
            Path(args.out).write_text(
                json.dumps(
                    {
                        "seed": seed_n,
                        "seed_s": seed_s,
                        "seed_cpu_s": seed_cpu,
                        "rows": len(rows),
                        "results": results,
                        "elapsed_s": time.perf_counter() - started_all,
                        "args": vars(args),
                    },
                    indent=1,
                )
                + "\n",
                encoding="utf-8",
            )


if __name__ == "__main__":
    main()
