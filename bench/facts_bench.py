"""Throughput of the facts stage, in articles per second, against baselines in the same run.

    .venv/bin/python bench/facts_bench.py [FILE.jsonl] [--limit N] [--output bench/facts_results.md]

Compares, on the same articles (default: the first 300 of ../shared/data/gvc/docs.jsonl, a corpus with
many copies of the same wire stories):
  full-pipeline  every component of the model (tagger, parser, lemmatiser ...), nlp.pipe over articles
  ner-only       only the entity recogniser, batched with nlp.pipe, each sentence once per article
  storyfold      ner-only plus the per-run sentence memo: sentences shared by copies are run once
and, to show what the memo does on syndicated feeds, the same articles twice (as a second outlet would
carry them).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyfold.facts.extract import FactExtractor  # noqa: E402
from storyfold.facts.nlp import MODEL_NAMES, SentenceNer, load_nlp  # noqa: E402
from storyfold.ingest import read_inputs  # noqa: E402
from storyfold.model import Article, RawArticle  # noqa: E402
from storyfold.pipeline import build_article  # noqa: E402
from storyfold.textproc import sentences  # noqa: E402


def _articles(path: Path, limit: int) -> list[Article]:
    out = []
    for item in read_inputs([str(path)]):
        if isinstance(item, RawArticle):
            art = build_article(item)
            if art.body:
                out.append(art)
        if len(out) >= limit:
            break
    return out


def _time(fn: Callable[[], object]) -> float:
    """CPU seconds of this process (the machine is shared: wall time depends on the neighbours)."""
    t = time.process_time()
    fn()
    return time.process_time() - t


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(ROOT.parent / "shared" / "data" / "gvc" / "docs.jsonl"))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--output", default=str(ROOT / "bench" / "facts_results.md"))
    args = ap.parse_args(argv)
    arts = _articles(Path(args.file), args.limit)
    n = len(arts)
    import spacy

    full = spacy.load(MODEL_NAMES[0])
    ner_only = load_nlp()
    full_s = _time(lambda: list(full.pipe([a.text for a in arts])))
    ner_s = _time(lambda: list(ner_only.pipe([s.text for a in arts for s in sentences(a)], batch_size=256)))
    ex = FactExtractor(SentenceNer(ner_only))
    ours_s = _time(lambda: ex.extract(arts))
    ran, asked = ex.ner.processed, ex.ner.requested
    ex2 = FactExtractor(SentenceNer(ner_only))
    twice_s = _time(lambda: ex2.extract(arts + arts))
    rows = [
        ("full-pipeline (all components, nlp.pipe over articles; model only)", n, full_s),
        ("ner-only (nlp.pipe over sentences; model only)", n, ner_s),
        ("storyfold facts stage (ner-only + sentence memo + patterns + event)", n, ours_s),
        ("storyfold facts stage, every article twice (syndicated copies)", 2 * n, twice_s),
    ]
    lines = [
        "# Facts stage throughput",
        "",
        f"{n} articles from `{Path(args.file).name}`; Python {platform.python_version()}, {platform.machine()}, "
        "one process; CPU seconds of the process (the machine's 2 cores are shared with other jobs).",
        "",
        "| run | articles | CPU seconds | articles/s | vs full pipeline |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    base = n / full_s
    for name, count, secs in rows:
        rate = count / secs
        lines.append(f"| {name} | {count} | {secs:.1f} | {rate:.1f} | {rate / base:.2f}x |")
    lines += ["", f"Sentence memo: the model ran on {ran} of {asked} sentences ({asked - ran} shared by copies)."]
    text = "\n".join(lines) + "\n"
    Path(args.output).write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
