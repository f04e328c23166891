"""How many rare-name candidate pairs the Spark engine emits: every pair of articles sharing any rare name
(the engine before session 11) against each dated article's prefix of rarest names and the near rule's day
window (``spark_engine._rule_keys`` / ``_rule_pairs``), over the labelled sets ingested into a throw-away
store (the same names and document frequencies the engine uses).

    .venv/bin/python bench/rare_pairs.py [SET ...]   (default: gvc ecbplus gva-dev, then all of them at once)
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from storyfold.pipeline import IngestOptions, _names_of, ingest_paths
from storyfold.spark_engine import _rule_keys, _rule_pairs
from storyfold.store import open_store
from storyfold.stories import StoryOptions, rare_names

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def count(paths: list[Path]) -> tuple[int, int, int, int]:
    """(articles, pair records sharing any rare name, pair records of the index, distinct index pairs)."""
    opts = StoryOptions()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        ingest_paths([str(p) for p in paths], store, IngestOptions())
        arts = store.indexed_articles()
        names = _names_of(store, arts, opts)
        store.close()
    total = len(arts)
    df = Counter(t for a in arts for t in a[3])
    units = []
    for a, nm in zip(arts, names, strict=True):
        rare = rare_names(nm, opts, total, df)
        near = rare_names(nm, opts, total, df, opts.near_idf)
        units.append(({}, frozenset[str](), a[2].toordinal() if a[2] else None, rare, near))
    by_name: dict[str, int] = Counter(k for u in units for k in u[3] | u[4])
    old = sum(n * (n - 1) // 2 for n in by_name.values())
    index: dict[tuple[str, str], list[tuple[int, int | None]]] = defaultdict(list)
    for s, u in enumerate(units):
        for key, member in _rule_keys(s, u, df, opts):
            index[key].append(member)
    pairs = [p for (kind, _), members in index.items() for p in _rule_pairs(kind, members, opts)]
    return total, old, len(pairs), len(set(pairs))


def main() -> None:
    sets = sys.argv[1:] or ["gvc", "ecbplus", "gva-dev"]
    print("| input | articles | pairs sharing a rare name | index pair records | distinct |")
    print("| --- | ---: | ---: | ---: | ---: |")
    runs = [[s] for s in sets] + ([sets] if len(sets) > 1 else [])
    for run in runs:
        n, old, new, distinct = count([DATA / s / "docs.jsonl" for s in run])
        print(f"| {' + '.join(run)} | {n:,} | {old:,} | {new:,} | {distinct:,} |")


if __name__ == "__main__":
    main()
