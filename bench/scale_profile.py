"""Where story assignment spends its time (and the process its memory) in a large store, e.g. one grown by
bench/scale_copies.py (kept with its ``--keep``): round ``--round`` of scale_bench's generated stream is ingested
through the fast path (untimed: it fills the read caches as a long ingest does), then the first ``--probe``
articles of the next round are ingested, each ``store_article`` under cProfile. Prints the whole ingest's and
the assignment's p50/p99, the top functions by cumulative time, the SQL statements of ``assign`` by time, and the
process's RSS with the sizes of the store's read caches. Writes to the store (the articles it ingests).

Usage::

    .venv/bin/python bench/scale_profile.py STORE.db --round 349 --offset 200 --warm 200 [--probe 200]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import scale_copies
from scale_bench import pct, real_articles
from scale_copies import ingest, rss_mb, stream_slice

import storyfold.pipeline as pipeline
from storyfold.store import open_store
from storyfold.stories import StoryOptions


def deep_size(o: Any, seen: set[int] | None = None) -> int:
    """Bytes of an object and what it holds (dicts, sequences, numpy arrays), each object once."""
    seen = set() if seen is None else seen
    if id(o) in seen:
        return 0
    seen.add(id(o))
    n = sys.getsizeof(o)
    if isinstance(o, dict):
        n += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in o.items())
    elif isinstance(o, list | tuple | set | frozenset):
        n += sum(deep_size(v, seen) for v in o)
    elif hasattr(o, "nbytes"):
        n += int(o.nbytes)
    elif hasattr(o, "__slots__"):
        n += sum(deep_size(getattr(o, f, None), seen) for f in o.__slots__)
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--round", type=int, required=True, help="the stream round ingested to warm the caches")
    ap.add_argument("--probe", type=int, default=200)
    ap.add_argument("--warm", type=int, default=0, help="articles of the warm round (0: all)")
    ap.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip this many articles of each round (those a benchmark already stored): the warm-up is articles "
        "offset .. offset+warm of --round, the probes offset .. offset+probe of the next round",
    )
    args = ap.parse_args()
    rows = real_articles()
    r = len(rows)
    opts = StoryOptions()
    sql_ms: dict[str, list[float]] = defaultdict(list)
    store = open_store(args.db)
    raw_rows = store._rows  # type: ignore[attr-defined]

    def timed_rows(sql: str, params: Any = None, *expanding: str) -> Any:
        started = time.perf_counter()
        try:
            return raw_rows(sql, params, *expanding)
        finally:
            sql_ms[" ".join(sql.split())[:110]].append((time.perf_counter() - started) * 1000)

    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.jsonl"
        probe = Path(tmp) / "probe.jsonl"
        stream_slice(rows, args.round * r + args.offset, args.warm or r - args.offset, warm)
        stream_slice(rows, (args.round + 1) * r + args.offset, args.probe, probe)
        t0 = time.perf_counter()
        n = ingest(store, warm, opts)
        print(f"warm: {n} articles in {time.perf_counter() - t0:.0f} s; RSS {rss_mb():.0f} MB", flush=True)
        assign_ms: list[float] = []
        whole_ms: list[float] = []
        prof = cProfile.Profile()
        real_assign = pipeline.assign
        real_store_article = scale_copies.store_article

        def timed_assign(*a: Any, **kw: Any) -> Any:
            store._rows = timed_rows  # type: ignore[method-assign]
            started = time.perf_counter()
            try:
                return real_assign(*a, **kw)
            finally:
                assign_ms.append((time.perf_counter() - started) * 1000)
                store._rows = raw_rows  # type: ignore[method-assign]

        def profiled(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return prof.runcall(real_store_article, *a, **kw)
            finally:
                whole_ms.append((time.perf_counter() - started) * 1000)

        pipeline.assign = timed_assign  # type: ignore[assignment]
        scale_copies.store_article = profiled  # type: ignore[assignment]
        ingest(store, probe, opts)
        pipeline.assign = real_assign  # type: ignore[assignment]
        scale_copies.store_article = real_store_article  # type: ignore[assignment]
    print(
        f"store_article (under cProfile) over {len(whole_ms)} probes: p50 {statistics.median(whole_ms):.1f} ms, "
        f"p99 {pct(whole_ms, 0.99):.1f} ms"
    )
    print(
        f"assign (inside the profiled ingest) over {len(assign_ms)}: p50 {statistics.median(assign_ms):.1f} ms, "
        f"p99 {pct(assign_ms, 0.99):.1f} ms, max {max(assign_ms):.1f} ms"
    )
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(45)
    print(out.getvalue())
    print("SQL inside assign (timed around each statement), by total ms:")
    for sql, ms in sorted(sql_ms.items(), key=lambda kv: -sum(kv[1]))[:8]:
        print(f"  {sum(ms):8.0f} ms  {len(ms):5d} calls  p50 {statistics.median(ms):6.2f}  max {max(ms):7.1f}  {sql}")
    caches = {
        k: (len(getattr(store, k)), round(deep_size(getattr(store, k)) / 2**20, 1))
        for k in (
            "_df_cache",
            "_profile_cache",
            "_link_cache",
            "_weights_cache",
            "_names_cache",
            "_term_ids",
            "_arrays",
        )
    }
    stored = store.count_articles()
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"stored": stored, "rss_mb": round(rss_mb()), "peak_rss_mb": round(peak), "caches": caches}))


if __name__ == "__main__":
    main()
