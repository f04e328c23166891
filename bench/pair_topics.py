"""Quality, not speed: does the pair score tell two events of one kind apart?

    .venv/bin/python bench/pair_topics.py [FILE.jsonl] [--pairs 1500]

ECB+ topics each hold two real events of one kind (two earthquakes, two rehab stays). Among pairs of
articles of one topic (a sample, fixed seed), the ROC AUC of telling same-event pairs from other-event
pairs, for the full score, the text part alone (fact weights 0), and each part alone on the pairs where
it is known. The gold ``story`` and ``topic`` labels are read here only to choose and score the pairs.
Default: the demo corpus (``data/demo/ecbplus-excerpt.jsonl``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sklearn.metrics import roc_auc_score  # noqa: E402

from storyfold.facts.extract import FactExtractor  # noqa: E402
from storyfold.facts.nlp import SentenceNer, load_nlp  # noqa: E402
from storyfold.ingest.jsonl import record_to_raw  # noqa: E402
from storyfold.model import ArticleFacts, RawArticle  # noqa: E402
from storyfold.pipeline import build_article  # noqa: E402
from storyfold.similarity import Idf, PairOptions, article_text, pair_score  # noqa: E402


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"))
    ap.add_argument("--pairs", type=int, default=1500)
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.file).read_text(encoding="utf-8").splitlines() if line.strip()]
    arts, kept = [], []
    for r in rows:
        raw = record_to_raw(r, origin=args.file)
        if isinstance(raw, RawArticle):
            arts.append(build_article(raw))
            kept.append(r)
    rows = kept
    facts = FactExtractor(SentenceNer(load_nlp())).extract(arts)
    idf = Idf.fit(article_text(a) for a in arts)
    rng = random.Random(0)
    pairs = [(i, j) for i, j in itertools.combinations(range(len(rows)), 2) if rows[i]["topic"] == rows[j]["topic"]]
    pairs = rng.sample(pairs, min(args.pairs, len(pairs)))
    gold = [rows[i]["story"] == rows[j]["story"] for i, j in pairs]

    def facts_of(k: int) -> ArticleFacts | None:
        f = facts[k]
        return f if isinstance(f, ArticleFacts) else None

    print(f"{len(pairs)} within-topic pairs, {sum(gold)} of one event")
    for name, opts in (
        ("full score", PairOptions()),
        ("text part alone", PairOptions(entity_weight=0, time_weight=0, number_weight=0)),
    ):
        scores = [pair_score(arts[i], arts[j], facts_of(i), facts_of(j), idf=idf, opts=opts) for i, j in pairs]
        print(f"  {name:<16} ROC AUC {roc_auc_score(gold, [s.score for s in scores]):.3f}")
    # the parts do not depend on the weights
    for part in ("lexical", "aligned", "entities", "time", "numbers"):
        known = [(getattr(s, part), g) for s, g in zip(scores, gold, strict=True) if getattr(s, part) is not None]
        if len({g for _, g in known}) > 1:
            auc = roc_auc_score([g for _, g in known], [x for x, _ in known])
            print(f"  {part:<16} ROC AUC {auc:.3f} ({len(known)} pairs)")


if __name__ == "__main__":
    main()
