"""Where each story assignment spends its time in a large store (e.g. one grown by bench/scale_copies.py and kept
with its ``--keep``), call by call: round ``--round`` of scale_bench's generated stream is ingested through the fast
path (untimed: it fills the read caches as a long ingest does), then ``--probe`` articles of the next round, with
every ``assign`` timed and split into the store reads it makes (document frequencies, the candidate look-up, story
profiles, link vectors, term arrays) and the SQL statements under them. Prints p50/p90/p99 and the mean split of
the slowest five calls, the slowest tenth and the middle half: what the tail is made of. Writes to the store (the
articles it ingests); no cProfile, so the times are those of a plain ingest.

Usage::

    .venv/bin/python bench/assign_phases.py STORE.db --round 345 --offset 200 [--warm 0] [--probe 300]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scale_bench import pct, real_articles
from scale_copies import ingest, stream_slice

import storyfold.pipeline as pipeline
from storyfold.store import open_store
from storyfold.stories import StoryOptions

READS = ("document_frequencies", "candidate_stories", "story_profiles", "story_link_vectors", "story_term_arrays")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--round", type=int, required=True, help="the stream round ingested to warm the caches")
    ap.add_argument("--offset", type=int, default=200, help="skip this many articles of each round")
    ap.add_argument("--warm", type=int, default=0, help="articles of the warm round (0: the rest of it)")
    ap.add_argument("--probe", type=int, default=300)
    args = ap.parse_args()
    rows = real_articles()
    r = len(rows)
    opts = StoryOptions()
    store = open_store(args.db)
    calls: list[dict[str, float]] = []
    current: list[dict[str, float]] = []  # the split of the assign running now (empty outside assign)

    def timed(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return real(*a, **kw)
            finally:
                if current:
                    current[0][name] += (time.perf_counter() - started) * 1000

        return wrapper

    for name in READS:
        setattr(store, name, timed(name, getattr(store, name)))
    raw_rows = store._rows  # type: ignore[attr-defined]

    def rows_(sql: str, params: Any = None, *expanding: str) -> Any:
        return timed("  sql: " + " ".join(sql.split())[:60], raw_rows)(sql, params, *expanding)

    store._rows = rows_  # type: ignore[attr-defined]
    real_assign = pipeline.assign

    def timed_assign(*a: Any, **kw: Any) -> Any:
        current.append(defaultdict(float))
        started = time.perf_counter()
        try:
            return real_assign(*a, **kw)
        finally:
            split = current.pop()
            split["total"] = (time.perf_counter() - started) * 1000
            calls.append(split)

    with tempfile.TemporaryDirectory() as tmp:
        warm, probe = Path(tmp) / "warm.jsonl", Path(tmp) / "probe.jsonl"
        stream_slice(rows, args.round * r + args.offset, args.warm or r - args.offset, warm)
        stream_slice(rows, (args.round + 1) * r + args.offset, args.probe, probe)
        started = time.perf_counter()
        n = ingest(store, warm, opts)
        print(f"warm: {n} articles in {time.perf_counter() - started:.0f} s", flush=True)
        pipeline.assign = timed_assign  # type: ignore[assignment]
        try:
            ingest(store, probe, opts)
        finally:
            pipeline.assign = real_assign  # type: ignore[assignment]
    store.close()
    total = [c["total"] for c in calls]
    print(
        f"assign over {len(total)} probes: p50 {statistics.median(total):.1f} ms, p90 {pct(total, 0.9):.1f}, "
        f"p99 {pct(total, 0.99):.1f}, max {max(total):.1f}"
    )
    calls.sort(key=lambda c: -c["total"])
    keys = ["total", *sorted({k for c in calls for k in c} - {"total"}, key=lambda k: (k.startswith(" "), k))]
    groups = {
        "slowest 5": calls[:5],
        "slowest tenth": calls[: max(1, len(calls) // 10)],
        "middle half": calls[len(calls) // 4 : 3 * len(calls) // 4],
    }
    groups = {g: cs for g, cs in groups.items() if cs}
    print(f"{'mean ms':70s}" + "".join(f"{g:>15s}" for g in groups))
    for k in keys:
        print(f"{k:70s}" + "".join(f"{statistics.mean(c.get(k, 0.0) for c in cs):15.2f}" for cs in groups.values()))


if __name__ == "__main__":
    main()
