"""Story alignment at scale: ``align_story`` on stories of 50 to 500 articles, against naive all-pairs
sentence comparison measured in the same run.

    .venv/bin/python bench/align_bench.py [--sizes 50,100,250,500] [--output bench/align.md]

The story is generated from real text: each article is one of the two seed reports (one event, two
outlets; ``tests/fixtures/seeds``) as another outlet would run it: sentences dropped, some reworded (words
dropped, swapped with a neighbour or replaced by a word of another sentence), paragraphs moved, and one to
four sentences of its own taken from the demo corpus (ECB+ articles, ``data/demo``). Same seed, same story.

Baselines, on the same articles:
  all-pairs compare   ``align.compare`` on every pair of articles (what a story view without the index
                      would do): n(n-1)/2 comparisons of every sentence pair, in Python
  all-pairs rapidfuzz every sentence against every other with rapidfuzz's C++ ``cdist`` (token Indel
                      similarity, one core): the raw cost of scoring all pairs, before any grouping
Each baseline runs on the sizes that finish in reasonable time; larger sizes are extrapolated from the
largest measured one by the square of the size (both are quadratic), and marked as such.
Times are CPU seconds of this process (the machine is shared); memory is the tracemalloc peak of a
separate run (tracing slows the code, so it is never timed) and the process's maximum resident size.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rapidfuzz.distance import Indel  # noqa: E402
from rapidfuzz.process import cdist  # noqa: E402

from storyfold.align import align_story, compare  # noqa: E402
from storyfold.ingest import read_inputs  # noqa: E402
from storyfold.model import Article, RawArticle  # noqa: E402
from storyfold.pipeline import build_article  # noqa: E402
from storyfold.textproc import sentences, split_sentences, tokens  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DEMO = ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"


def _read(path: Path) -> list[Article]:
    return [build_article(i) for i in read_inputs([str(path)]) if isinstance(i, RawArticle)]


def _reword(sentence: str, rng: random.Random, vocabulary: Sequence[str]) -> str:
    words = sentence.split()
    if len(words) < 6:
        return sentence
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(1, len(words) - 1)
        roll = rng.random()
        if roll < 0.4:
            del words[k]
        elif roll < 0.7:
            words[k], words[k + 1] = words[k + 1], words[k]
        else:
            words[k] = rng.choice(vocabulary)
    return " ".join(words)


def generate_story(n: int, seed: int = 6) -> list[Article]:
    """``n`` articles reporting the seeds' event, rewritten from the seeds with sentences of the demo corpus."""
    rng = random.Random(seed)
    bases = [[[s for s in split_sentences(seg.text)] for seg in a.body] for a in _read(SEEDS)]
    extra = [s for a in _read(DEMO) for seg in a.body for s in split_sentences(seg.text) if len(s.split()) >= 6]
    vocabulary = sorted({w for s in extra for w in s.split() if w.isalpha()})
    out = []
    for k in range(n):
        paragraphs = []
        for para in rng.choice(bases):
            kept = []
            for s in para:
                roll = rng.random()
                if roll < 0.15:
                    continue  # dropped
                kept.append(_reword(s, rng, vocabulary) if roll < 0.45 else s)
            if kept:
                paragraphs.append(" ".join(kept))
        if len(paragraphs) > 2 and rng.random() < 0.3:
            i, j = rng.sample(range(1, len(paragraphs)), 2)
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
        for _ in range(rng.randint(1, 4)):
            paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(extra))
        out.append(
            build_article(
                RawArticle(
                    origin="generated",
                    paragraphs=tuple(paragraphs),
                    title=f"Report {k}",
                    input_id=f"gen-{k:04d}",
                    published=date(2020, 10, 28) + timedelta(days=k % 7),
                )
            )
        )
    return out


def _cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def _peak_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _all_pairs_compare(arts: Sequence[Article]) -> None:
    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            compare(arts[i], arts[j])


def _all_pairs_rapidfuzz(arts: Sequence[Article]) -> None:
    sents = [tokens(s.text) for a in arts for s in sentences(a)]
    cdist(sents, sents, scorer=Indel.normalized_similarity, workers=1, score_cutoff=0.5)


@dataclass
class Row:
    n: int
    sentences: int
    groups: int
    shared: int
    seconds: float
    peak_mib: float
    compare: tuple[float, bool]  # seconds, measured (False: extrapolated)
    fuzz: tuple[float, bool]


def _baseline(
    fn: Callable[[Sequence[Article]], None],
    arts: Sequence[Article],
    n: int,
    last: dict[str, tuple[int, float]],
    key: str,
) -> tuple[float, bool]:
    """Measure while the last measured size predicts at most ``budget`` seconds, else extrapolate (n²)."""
    budget = 45.0
    if key not in last or last[key][1] * (n / last[key][0]) ** 2 <= budget:
        secs = _cpu(lambda: fn(arts[:n]))
        last[key] = (n, secs)
        return secs, True
    m, secs = last[key]
    return secs * (n / m) ** 2, False


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,100,250,500")
    ap.add_argument("--output", default=str(ROOT / "bench" / "align.md"))
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    started = time.perf_counter()
    story = generate_story(max(sizes))
    generated = time.perf_counter() - started
    rows = []
    last: dict[str, tuple[int, float]] = {}
    for n in sizes:
        arts = story[:n]
        groups = align_story(arts)  # warm-up run, and the counts
        secs = min(_cpu(lambda a=arts: align_story(a)) for _ in range(2))  # type: ignore[misc]
        peak = _peak_mib(lambda a=arts: align_story(a))  # type: ignore[misc]
        rows.append(
            Row(
                n,
                sum(len(g.members) for g in groups),
                len(groups),
                sum(1 for g in groups if len(g.article_ids) > 1),
                secs,
                peak,
                _baseline(_all_pairs_compare, story, n, last, "compare"),
                _baseline(_all_pairs_rapidfuzz, story, n, last, "fuzz"),
            )
        )
        print(f"{n} articles: {secs:.2f} s", file=sys.stderr)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(args.output).write_text(_report(rows, generated, rss), encoding="utf-8")
    print(Path(args.output).read_text(encoding="utf-8"))


def _cell(value: tuple[float, bool], ours: float) -> str:
    secs, measured = value
    mark = "" if measured else " (extrapolated)"
    ratio = secs / ours
    return f"{secs:.2f}{mark} | {ratio:.0f}x" if ratio >= 10 else f"{secs:.2f}{mark} | {ratio:.2f}x"


def _report(rows: Sequence[Row], generated: float, rss: float) -> str:
    lines = [
        "# Story alignment at scale",
        "",
        "Made by `bench/align_bench.py` (see its docstring); every figure below comes from one run.",
        f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}; CPU seconds of the process.",
        "",
        "The story is generated from real text: the two seed reports rewritten as other outlets would run them",
        "(sentences dropped, reworded, moved) with one to four sentences of ECB+ demo articles each; "
        f"generated in {generated:.1f} s.",
        "",
        "| articles | sentences | groups (shared) | `align_story` s | peak MiB (tracemalloc) "
        "| all-pairs `compare` s | vs ours | all-pairs rapidfuzz `cdist` s | vs ours |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r.n} | {r.sentences} | {r.groups} ({r.shared}) | {r.seconds:.2f} | {r.peak_mib:.1f} "
            f"| {_cell(r.compare, r.seconds)} | {_cell(r.fuzz, r.seconds)} |"
        )
    first, last_row = rows[0], rows[-1]
    growth = (last_row.seconds / first.seconds) / (last_row.sentences / first.sentences)
    lines += [
        "",
        f"From {first.n} to {last_row.n} articles the sentences grow {last_row.sentences / first.sentences:.1f}x and "
        f"`align_story`'s time {last_row.seconds / first.seconds:.1f}x ({growth:.2f}x the linear growth). "
        f"Maximum resident size of the whole run: {rss:.0f} MiB.",
        "",
        "Both baselines are measured while the last measured size predicts about 45 s or less, and beyond that",
        "extrapolated by n² from the largest measured size. All-pairs `compare` makes n(n-1)/2 article comparisons;",
        "rapidfuzz's `cdist` scores every sentence pair in C++ (one similarity each, no grouping, no word changes).",
        "",
        "Why `align_story` grows faster than the sentences: the generator rewords each seed sentence in about 30% of",
        "the articles, so at 500 articles one sentence has over a hundred distinct wordings, and every two of them",
        "are really similar: the index cannot prune such pairs, so the scored candidates grow with the square of",
        "the rewordings of one statement (at 500 articles, about 450,000 of them). Verbatim copies cost nothing",
        "(one dictionary lookup); a real story, where most outlets copy the wire text and few reword it, sits",
        "nearer the linear end. The rest of the time is tokenising the sentences and the word-level changes.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
