"""How the fast path (read, clean, dedup, stories; no facts) behaves as the store grows.

The stream is GENERATED from real articles: the labelled sets in ../shared/data (gva-dev, gvc, ecbplus;
their gold fields are dropped) or, without them, the bundled demo excerpt. Copy k of a real article gets a
new id, its date shifted by k * 45 days (so it reads as a later event of the same kind, not a copy inside
the time window) and a random tenth of its sentences dropped. Articles are ingested 200 to a transaction,
exactly as `storyfold ingest --skip-facts` does, into a fresh SQLite store.

At each checkpoint (stored articles: 1,000, 3,000, 10,000 by default) the next ``--probe`` articles are timed:
the whole per-article ingest (articles/s) and story assignment alone (p50/p99 ms), next to the baseline
measured on the same probes in the same run: TF-IDF with a nearest-neighbour scan, i.e. the probe's
vector (same terms and IDF as ours) against every stored article's vector (a scipy sparse matrix product),
the cost a store without a candidate index pays. Dedup alone (ms per probe: the pipeline's ``dedup_article``,
signature, candidate look-up, verification and index writes) next to datasketch's MinHashLSH (128 permutations,
threshold 0.5) over the same word 5-shingles: MinHash, query and insert per probe, every stored article indexed
in it (needs the ``bench`` extra; the column is left out without datasketch). At the first checkpoint the
full path is timed too: the same probes through the facts stage (spaCy, ``FactExtractor``) after the fast path.
Also: store size on disk per article and the process's peak resident memory. Writes the table and a plot of
the latencies (``RESULTS.svg``, hand-written SVG: no plotting library needed).

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
from contextlib import ExitStack
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
from storyfold.textproc import shingles, tokens

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SETS = ("gva-dev", "gvc", "ecbplus")
DEMO = ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"
COMMIT_EVERY = 200  # IngestOptions.commit_every


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


def time_facts(articles: list[Any], fast_seconds: float) -> dict[str, float]:
    """The full path on the probes: the facts stage (spaCy model loaded before timing) after the fast path."""
    from storyfold.facts.extract import FactExtractor
    from storyfold.facts.nlp import SentenceNer, load_nlp

    extractor = FactExtractor(SentenceNer(load_nlp()))
    extractor.extract(articles[:2])  # warm the model
    started = time.perf_counter()
    extractor.extract(articles)
    facts_seconds = time.perf_counter() - started
    total = fast_seconds + facts_seconds
    return {
        "articles_per_s": len(articles) / total,
        "fast_per_s": len(articles) / fast_seconds,
        "facts_share": facts_seconds / total,
    }


def timed(fn: Any, sink: list[float]) -> Any:
    """``fn`` wrapped to append the ms of each call to ``sink``."""

    def wrapper(*a: Any, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*a, **kw)
        finally:
            sink.append((time.perf_counter() - started) * 1000)

    return wrapper


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


class ScanBaseline:
    """TF-IDF with a nearest-neighbour scan: every stored article's term vector kept as compact arrays (term
    ids and weights), a probe scored against all of them with one sparse matrix product."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.ids: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []

    def add(self, vector: dict[str, float]) -> None:
        vocab = self.vocab
        self.ids.append(np.fromiter((vocab.setdefault(t, len(vocab)) for t in vector), np.int32, len(vector)))
        self.weights.append(np.fromiter(vector.values(), np.float32, len(vector)))

    def probe(self, probes: list[dict[str, float]]) -> list[float]:
        """Per probe: ms to score it against every stored vector (IDF from the stored set)."""
        n = len(self.ids)
        cols = np.concatenate(self.ids)
        rows = np.repeat(np.arange(n, dtype=np.int32), [len(a) for a in self.ids])
        df = np.bincount(cols, minlength=len(self.vocab))
        idf = np.log((n + 1) / (df + 1)) + 1.0
        m = csr_matrix((np.concatenate(self.weights), (rows, cols)), shape=(n, len(self.vocab)))
        m = m.multiply(idf).tocsr()
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        out = []
        vocab = self.vocab
        for p in probes:
            started = time.perf_counter()
            known = [t for t in p if t in vocab]
            q = np.zeros(len(vocab))
            q[[vocab[t] for t in known]] = [p[t] for t in known]
            q *= idf
            scores = (m @ q) / norms / (np.linalg.norm(q) or 1.0)
            int(np.argmax(scores))
            out.append((time.perf_counter() - started) * 1000)
        return out


class DatasketchBaseline:
    """datasketch MinHashLSH over the same word 5-shingles as the pipeline: every stored article inserted."""

    def __init__(self) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self.lsh = MinHashLSH(threshold=0.5, num_perm=128)

    def add(self, key: str, text: str) -> float:
        """Insert one article after querying for its near-duplicates; ms taken."""
        started = time.perf_counter()
        mh = self._minhash(num_perm=128)
        mh.update_batch([s.encode("utf-8") for s in shingles(tokens(text), 5)])
        self.lsh.query(mh)
        if key not in self.lsh:
            self.lsh.insert(key, mh)
        return (time.perf_counter() - started) * 1000


def svg_plot(results: list[dict[str, Any]], path: Path) -> None:
    """Latency (ms, p50 and p99) against stored articles, both axes logarithmic."""
    series = [
        ("assign p50", "assign_p50", "#1f77b4", ""),
        ("assign p99", "assign_p99", "#1f77b4", "6 4"),
        ("scan baseline p50", "scan_p50", "#d62728", ""),
        ("scan baseline p99", "scan_p99", "#d62728", "6 4"),
        ("dedup p50", "dedup_p50", "#2ca02c", ""),
        ("datasketch p50", "ds_p50", "#9467bd", ""),
    ]
    series = [x for x in series if all(r.get(x[1]) is not None for r in results)]
    xs = [math.log10(r["stored"]) for r in results]
    ys = [math.log10(max(r[k], 0.01)) for _, k, _, _ in series for r in results]
    x0, x1 = min(xs) - 0.1, max(xs) + 0.1
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    w, h, left, top = 640, 360, 60, 20

    def px(x: float, y: float) -> tuple[float, float]:
        return left + (x - x0) / (x1 - x0) * (w - left - 180), top + (y1 - y) / ((y1 - y0) or 1) * (h - top - 40)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">']
    out.append(f'<rect width="{w}" height="{h}" fill="white"/>')
    for e in range(y0, y1 + 1):
        _, y = px(x0, e)
        out.append(f'<line x1="{left}" x2="{w - 180}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10.0**e:g} ms</text>')
    for r, x in zip(results, xs, strict=True):
        cx, _ = px(x, y0)
        out.append(f'<text x="{cx:.1f}" y="{h - 22}" text-anchor="middle">{r["stored"]:,}</text>')
    out.append(f'<text x="{(left + w - 180) / 2:.0f}" y="{h - 6}" text-anchor="middle">stored articles</text>')
    for i, (label, key, colour, dash) in enumerate(series):
        pts = " ".join(
            f"{a:.1f},{b:.1f}"
            for a, b in (px(x, math.log10(max(r[key], 0.01))) for r, x in zip(results, xs, strict=True))
        )
        style = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{style}/>')
        ly = top + 16 * i + 8
        out.append(
            f'<line x1="{w - 170}" x2="{w - 145}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"{style}/>'
        )
        out.append(f'<text x="{w - 140}" y="{ly + 4}">{label}</text>')
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def report(
    results: list[dict[str, Any]],
    args: argparse.Namespace,
    rows: list[dict[str, Any]],
    stored: int,
    elapsed: float,
    stories: int | None,
    full_path: dict[str, float],
    first_size: int,
) -> None:
    """Write the table and the plot; after each checkpoint too (``stories`` None: the run is still going), so a
    run stopped before its last checkpoint keeps what it measured."""
    lines = [
        "# Scale: the fast path as the store grows",
        "",
        f"Generated stream from {len(rows):,} real articles (see `bench/scale_bench.py`: copies with shifted dates",
        "and dropped sentences). One SQLite store, a commit every 200 articles (as `storyfold ingest`), no facts",
        "stage. Command:",
        f"`.venv/bin/python bench/scale_bench.py --sizes {args.sizes} --probe {args.probe}`.",
        f"{stored:,} articles in {elapsed:.0f} s overall ({stored / elapsed:.1f}/s), {stories:,} stories."
        if stories is not None
        else f"PARTIAL: written at {stored:,} stored articles ({elapsed:.0f} s in), the run had not finished.",
        "",
        "| stored | ingest articles/s | CPU ms/article | assign p50 ms | assign p99 ms | scan baseline p50 ms "
        "| scan p99 ms "
        "| dedup p50 ms | dedup p99 ms | datasketch p50 ms | datasketch p99 ms | store bytes/article | peak RSS MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def ms(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1f}"

    for r in results:
        lines.append(
            f"| {r['stored']:,} | {r['articles_per_s']:.1f} | {r['cpu_ms']:.1f} | {r['assign_p50']:.1f} "
            f"| {r['assign_p99']:.1f} "
            f"| {ms(r['scan_p50'])} | {ms(r['scan_p99'])} | {r['dedup_p50']:.1f} | {r['dedup_p99']:.1f} "
            f"| {ms(r['ds_p50'])} | {ms(r['ds_p99'])} | {r['db_bytes_per_article']:,.0f} | {r['peak_rss_mb']:.0f} |"
        )
    if full_path:
        lines += [
            "",
            f"Full path at {first_size:,} stored (the same {args.probe} probes, the facts stage after the fast path): "
            f"{full_path['articles_per_s']:.1f} articles/s against {full_path['fast_per_s']:.1f} for the fast path "
            f"alone; the facts stage takes {full_path['facts_share']:.0%} of the time.",
        ]
    lines += ["", f"![latency against stored articles]({Path(args.out).with_suffix('.svg').name})"]
    svg_plot(results, Path(args.out).with_suffix(".svg"))
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,3000,10000", help="checkpoints: stored articles")
    ap.add_argument("--probe", type=int, default=200, help="articles timed at each checkpoint")
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    ap.add_argument(
        "--no-baselines",
        action="store_true",
        help="leave out the scan and datasketch baselines: they keep every stored article in memory, so only "
        "without them is the peak RSS storyfold's own",
    )
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows = real_articles()
    total = sizes[-1] + args.probe
    opts = StoryOptions()
    assign_ms: list[float] = []
    dedup_ms: list[float] = []
    pipeline.assign = timed(pipeline.assign, assign_ms)  # type: ignore[assignment]
    pipeline.dedup_article = timed(pipeline.dedup_article, dedup_ms)  # type: ignore[assignment]
    try:
        baseline: DatasketchBaseline | None = None if args.no_baselines else DatasketchBaseline()
    except ImportError:
        baseline = None
    ds_ms: list[float] = []
    probe_articles: list[Any] = []
    full_path: dict[str, float] = {}
    first_probe: tuple[list[Any], float] | None = None
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        stream = Path(tmp) / "stream.jsonl"
        with stream.open("w", encoding="utf-8") as fh:
            for r in generated(rows, total):
                fh.write(json.dumps(r) + "\n")
        db = Path(tmp) / "scale.db"
        store = open_store(db)
        scan = None if args.no_baselines else ScanBaseline()
        batch = ExitStack()  # commits every COMMIT_EVERY articles, as `storyfold ingest` does
        in_batch = 0
        stored = 0
        probing: list[float] = []
        probing_cpu: list[float] = []
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
                dedup_start = len(dedup_ms)
                ds_start = len(ds_ms)
            t0 = time.perf_counter()
            c0 = time.process_time()
            if not in_batch:
                batch.enter_context(store.transaction())
            added = store_article(store, article, opts)
            in_batch += 1
            if in_batch == COMMIT_EVERY:
                batch.close()
                in_batch = 0
            took = time.perf_counter() - t0
            took_cpu = time.process_time() - c0
            weights = pipeline.article_terms(added.article or article, opts)
            if baseline is not None:
                ds_ms.append(baseline.add(article.id, article.text))
            if in_probe:
                probing.append(took)
                probing_cpu.append(took_cpu)
                probe_vectors.append(weights)
                probe_articles.append(added.article or article)
                if len(probing) == args.probe:
                    base = scan.probe(probe_vectors) if scan is not None else None
                    ours = assign_ms[window_start:]
                    if first_probe is None:  # timed through the facts stage after the loop: the language
                        first_probe = (probe_articles, sum(probing))  # model's objects slow the GC of the rest
                    probe_articles = []
                    results.append(
                        {
                            "stored": next_size,
                            "articles_per_s": len(probing) / sum(probing),
                            "cpu_ms": 1000 * sum(probing_cpu) / len(probing_cpu),
                            "assign_p50": statistics.median(ours),
                            "assign_p99": pct(ours, 0.99),
                            "scan_p50": statistics.median(base) if base else None,
                            "scan_p99": pct(base, 0.99) if base else None,
                            "dedup_p50": statistics.median(dedup_ms[dedup_start:]),
                            "dedup_p99": pct(dedup_ms[dedup_start:], 0.99),
                            "ds_p50": statistics.median(ds_ms[ds_start:]) if baseline else None,
                            "ds_p99": pct(ds_ms[ds_start:], 0.99) if baseline else None,
                            "db_bytes_per_article": db.stat().st_size / max(1, stored),
                            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                        }
                    )
                    print(results[-1], flush=True)
                    report(results, args, rows, stored, time.perf_counter() - started_all, None, {}, sizes[0])
                    probing, probing_cpu, probe_vectors = [], [], []
                    next_size = next(checkpoint, None)
            if scan is not None:
                scan.add(weights)
            stored += 1
            if next_size is None:
                break
        batch.close()
        elapsed = time.perf_counter() - started_all
        if first_probe is not None:
            full_path = time_facts(*first_probe)
        stories = len(store.stories())
        store.close()
    report(results, args, rows, stored, elapsed, stories, full_path, sizes[0])


if __name__ == "__main__":
    main()
