"""How the fast path (read, clean, dedup, stories; no facts) behaves as the store grows.

The stream is GENERATED from real articles: the labelled sets in ../shared/data (gva-dev, gvc, ecbplus;
their gold fields are dropped) or, without them, the bundled demo excerpt. Copy k of a real article gets a
new id, its date shifted by k * 45 days (so it reads as a later event of the same kind, not a copy inside
the time window) and a random tenth of its sentences dropped. Articles are ingested one transaction each,
exactly as `storyfold ingest --skip-facts` does, into a fresh SQLite store.

At each checkpoint (stored articles: 1,000, 3,000, 10,000 by default) the next ``--probe`` articles are timed:
the whole per-article ingest (articles/s) and story assignment alone (p50/p99 ms), next to the baseline
measured on the same probes in the same run: TF-IDF with a nearest-neighbour scan, i.e. the probe's
vector (same terms and IDF as ours) against every stored article's vector (a scipy sparse matrix product),
the cost a store without a candidate index pays. Also: store size on disk per article and the process's peak
resident memory.

Usage::

    .venv/bin/python bench/scale_bench.py [--sizes 1000,3000,10000] [--probe 200] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

import storyfold.pipeline as pipeline
from storyfold.ingest import read_inputs
from storyfold.model import RawArticle
from storyfold.pipeline import build_article, store_article
from storyfold.store import open_store
from storyfold.stories import StoryOptions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SETS = ("gva-dev", "gvc", "ecbplus")
DEMO = ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"


def real_articles() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    files = [SHARED / s / "docs.jsonl" for s in SETS if (SHARED / s / "docs.jsonl").is_file()] or [DEMO]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("text"):
                rows.append({k: r.get(k) for k in ("id", "title", "text", "published", "url", "source")})
    return rows


def generated(rows: list[dict[str, Any]], total: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    base = date(2016, 1, 1)
    for i in range(total):
        k, r = divmod(i, len(rows))
        src = rows[r]
        paras = [p for p in str(src["text"]).split("\n") if p.strip()]
        if k and len(paras) > 3:
            paras = [p for p in paras if rng.random() > 0.1] or paras
        try:
            day = date.fromisoformat(str(src["published"])[:10])
        except ValueError:
            day = base
        yield {
            "id": f"{src['id']}~{k}",
            "title": src["title"],
            "text": "\n".join(paras),
            "published": (day + timedelta(days=45 * k)).isoformat(),
            "url": None,
            "source": src["source"],
        }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def scan_baseline(vectors: list[dict[str, float]], probes: list[dict[str, float]]) -> list[float]:
    """Per probe: ms to score it against every stored vector (TF-IDF, IDF from the stored set)."""
    df: dict[str, int] = {}
    for v in vectors:
        for t in v:
            df[t] = df.get(t, 0) + 1
    n = len(vectors)
    vocab = {t: i for i, t in enumerate(df)}
    idf = np.array([math.log((n + 1) / (df[t] + 1)) + 1.0 for t in vocab])
    rows, cols, vals = [], [], []
    for i, v in enumerate(vectors):
        for t, w in v.items():
            rows.append(i)
            cols.append(vocab[t])
            vals.append(w)
    m = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab))).multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    out = []
    for p in probes:
        started = time.perf_counter()
        idx = [vocab[t] for t in p if t in vocab]
        q = np.zeros(len(vocab))
        q[idx] = [p[t] for t in p if t in vocab]
        q *= idf
        scores = (m @ q) / norms / (np.linalg.norm(q) or 1.0)
        int(np.argmax(scores))
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,3000,10000", help="checkpoints: stored articles")
    ap.add_argument("--probe", type=int, default=200, help="articles timed at each checkpoint")
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows = real_articles()
    total = sizes[-1] + args.probe
    opts = StoryOptions()
    assign_ms: list[float] = []
    real_assign = pipeline.assign

    def timed_assign(*a: Any, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            return real_assign(*a, **kw)
        finally:
            assign_ms.append((time.perf_counter() - started) * 1000)

    pipeline.assign = timed_assign  # type: ignore[assignment]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        stream = Path(tmp) / "stream.jsonl"
        with stream.open("w", encoding="utf-8") as fh:
            for r in generated(rows, total):
                fh.write(json.dumps(r) + "\n")
        db = Path(tmp) / "scale.db"
        store = open_store(db)
        vectors: list[dict[str, float]] = []
        stored = 0
        probing: list[float] = []
        probe_vectors: list[dict[str, float]] = []
        checkpoint = iter(sizes)
        next_size = next(checkpoint, None)
        window_start = 0
        started_all = time.perf_counter()
        for item in read_inputs([str(stream)]):
            if not isinstance(item, RawArticle):
                continue
            article = build_article(item)
            in_probe = next_size is not None and stored >= next_size
            if in_probe and not probing:
                window_start = len(assign_ms)
            t0 = time.perf_counter()
            added = store_article(store, article, opts)
            took = time.perf_counter() - t0
            weights = pipeline.article_terms(added.article or article, opts)
            if in_probe:
                probing.append(took)
                probe_vectors.append(weights)
                if len(probing) == args.probe:
                    base = scan_baseline(vectors, probe_vectors)
                    ours = assign_ms[window_start:]
                    results.append(
                        {
                            "stored": next_size,
                            "articles_per_s": len(probing) / sum(probing),
                            "assign_p50": statistics.median(ours),
                            "assign_p99": pct(ours, 0.99),
                            "scan_p50": statistics.median(base),
                            "scan_p99": pct(base, 0.99),
                            "db_bytes_per_article": db.stat().st_size / max(1, stored),
                            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                        }
                    )
                    print(results[-1], flush=True)
                    probing, probe_vectors = [], []
                    next_size = next(checkpoint, None)
            vectors.append(weights)
            stored += 1
            if next_size is None:
                break
        elapsed = time.perf_counter() - started_all
        stories = len(store.stories())
        store.close()
    lines = [
        "# Scale: the fast path as the store grows",
        "",
        f"Generated stream from {len(rows):,} real articles (see `bench/scale_bench.py`: copies with shifted dates",
        "and dropped sentences). One SQLite store, one transaction per article, no facts stage. Command:",
        f"`.venv/bin/python bench/scale_bench.py --sizes {args.sizes} --probe {args.probe}`.",
        f"{stored:,} articles in {elapsed:.0f} s overall ({stored / elapsed:.1f}/s), {stories:,} stories.",
        "",
        "| stored | ingest articles/s | assign p50 ms | assign p99 ms | scan baseline p50 ms | scan p99 ms "
        "| store bytes/article | peak RSS MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['stored']:,} | {r['articles_per_s']:.1f} | {r['assign_p50']:.1f} | {r['assign_p99']:.1f} "
            f"| {r['scan_p50']:.1f} | {r['scan_p99']:.1f} | {r['db_bytes_per_article']:,.0f} | {r['peak_rss_mb']:.0f} |"
        )
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
