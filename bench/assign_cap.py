"""Story assignment with and without the per-term postings cap (``StoryOptions.term_postings``), read-only, on
a large store (e.g. one grown by bench/scale_copies.py and kept with ``--keep``): the probes are articles of the
generated stream's round ``--round`` (from ``--offset``; choose a round at the store's newest days, after what the
store already holds), and each is assigned under both settings, the order alternated from probe to probe, for
``--passes`` passes (``assign`` reads the store and writes nothing). Prints p50/p99/max of each, how often each
joins the story of the probe's own previous round (the same real article 45 days earlier, as the stream chains
them) and how often the two choose the same story.

    .venv/bin/python bench/assign_cap.py STORE.db --round R [--offset 200] [--probe 200] [--passes 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import tempfile
import time
from pathlib import Path

from scale_bench import pct, real_articles
from scale_copies import stream_slice

from storyfold.ingest import read_inputs
from storyfold.model import RawArticle
from storyfold.pipeline import build_article
from storyfold.store import open_store
from storyfold.stories import StoryOptions, article_terms, assign


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--round", type=int, required=True)
    ap.add_argument("--offset", type=int, default=200)
    ap.add_argument("--probe", type=int, default=200)
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument(
        "--variant", default=None, help='StoryOptions fields as JSON to compare with the defaults: {"query_idf": 2.5}'
    )
    args = ap.parse_args()
    rows = real_articles()
    capped = StoryOptions()
    settings = {"uncapped": dataclasses.replace(capped, term_postings=None), f"cap {capped.term_postings}": capped}
    if args.variant:
        settings[args.variant] = dataclasses.replace(capped, **json.loads(args.variant))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.jsonl"
        stream_slice(rows, args.round * len(rows) + args.offset, args.probe, path)
        articles = [build_article(x) for x in read_inputs([str(path)]) if isinstance(x, RawArticle)]
    store = open_store(args.db)
    ms: dict[str, list[float]] = {k: [] for k in settings}
    same = 0
    # the story of each probe's previous round (the same real article 45 days earlier, stored): where a probe
    # is expected to go
    before = {}
    for article in articles:
        src, _, k = article.id.rpartition("~")
        previous = store.assignment(f"{src}~{int(k) - 1}") if k.isdigit() else None
        before[article.id] = previous.story_id if previous is not None else None
    joined = {k: 0 for k in settings}
    for p in range(args.passes):
        for i, article in enumerate(articles):
            weights = article_terms(article, capped)
            chosen = {}
            names = list(settings)[(i + p) % len(settings) :] + list(settings)[: (i + p) % len(settings)]
            for name in names:
                started = time.perf_counter()
                decision = assign(article, weights, store, settings[name])
                ms[name].append((time.perf_counter() - started) * 1000)
                chosen[name] = (decision.story_id, decision.new_story)
                joined[name] += p == 0 and decision.story_id == before[article.id]
            same += len(set(chosen.values())) == 1
    store.close()
    print(f"{len(articles)} probes x {args.passes} passes, store {args.db}")
    for name, values in ms.items():
        print(
            f"  {name:>10}: assign p50 {statistics.median(values):.1f} ms, p99 {pct(values, 0.99):.1f} ms,"
            f" max {max(values):.1f} ms; joins its previous round's story: {joined[name]} of {len(articles)}"
        )
    print(f"  same story chosen: {same} of {len(articles) * args.passes}")


if __name__ == "__main__":
    main()
