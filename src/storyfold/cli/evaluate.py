"""``storyfold eval stories``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyfold.cli.app import JsonOption, eval_app, fail, out, print_json, settings
from storyfold.errors import StoryfoldError
from storyfold.evaluate.clustering import ClusterScores
from storyfold.evaluate.stories import evaluate_stories
from storyfold.pipeline import IngestOptions

_ROWS = (
    ("pairwise precision", "pairwise_precision"),
    ("pairwise recall", "pairwise_recall"),
    ("pairwise F1", "pairwise_f1"),
    ("B-cubed precision", "bcubed_precision"),
    ("B-cubed recall", "bcubed_recall"),
    ("B-cubed F1", "bcubed_f1"),
    ("adjusted Rand index", "ari"),
)


@eval_app.command("stories")
def eval_stories(
    labelled: Annotated[Path, typer.Argument(help="A labelled JSONL set (id, text, ..., gold `story`).")],
    as_json: JsonOption = False,
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Also score the TF-IDF average-link baseline.")
    ] = True,
    batch: Annotated[
        bool, typer.Option("--batch/--online", help="Score batch mode (ingest, then re-cluster the whole store).")
    ] = False,
) -> None:
    """Ingest a labelled set into a throw-away store and score its stories against the gold labels."""
    try:
        cfg = settings(None)
        result = evaluate_stories(labelled, IngestOptions(stories=cfg.stories), baseline=baseline, batch=batch)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(
            {
                "dataset": result.dataset,
                "mode": result.mode,
                "articles_per_second": round(result.articles_per_second, 1),
                "seconds": round(result.seconds, 2),
                "skipped": result.skipped,
                "scores": asdict(result.scores),
                "baseline": {"name": result.baseline_name, "scores": asdict(result.baseline)}
                if result.baseline
                else None,
            }
        )
        return
    table = Table("score", "storyfold", *(["baseline"] if result.baseline else []), title=result.dataset)
    for label, attr in _ROWS:
        cells = [f"{getattr(result.scores, attr):.4f}"]
        if result.baseline:
            cells.append(f"{getattr(result.baseline, attr):.4f}")
        table.add_row(label, *cells)
    s: ClusterScores = result.scores
    table.add_row("clusters (gold / predicted)", f"{s.gold_clusters} / {s.predicted_clusters}")
    out.print(table)
    out.print(
        f"mode: {result.mode}; {s.items} articles in {result.seconds:.1f} s "
        f"({result.articles_per_second:.1f} articles/s); skipped {result.skipped}"
    )
    if result.baseline:
        out.print(f"baseline: {result.baseline_name}")
