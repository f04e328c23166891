"""``storyfold batch``: an archive in, DIR/articles.jsonl (the rows of ``export articles``) out."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyfold.batch import ENGINES, run_local
from storyfold.cli.app import JsonOption, app, err, fail, out, print_json, settings
from storyfold.errors import StoryfoldError
from storyfold.pipeline import IngestOptions

EXIT_SKIPPED = 3


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursively) or globs to read.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for articles.jsonl and skipped.jsonl.")],
    engine: Annotated[
        str, typer.Option("--engine", help="local: one process; spark: Apache Spark (pip install '.[spark]').")
    ] = "local",
    master: Annotated[
        str | None,
        typer.Option(
            "--master", help="Spark master URL (spark://host:7077, local[4]). Default: $SPARK_MASTER, else local[*]."
        ),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", help="Spark partitions per stage (default: the cluster's cores).")
    ] = None,
    max_file_bytes: Annotated[
        int | None, typer.Option("--max-file-bytes", help="Skip files larger than this (default 64 MiB).")
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=0,
            help="local engine: processes that extract and clean the articles meanwhile (default 0: none); "
            "the same records.",
        ),
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """Batch mode for archives: dedup and story clustering of all inputs at once, written as
    OUTPUT/articles.jsonl in the `export articles` format (facts are not extracted). Both engines give
    the same records. Exits 3 when some inputs were skipped (listed in OUTPUT/skipped.jsonl)."""
    if engine not in ENGINES:
        raise typer.BadParameter(
            f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}", param_hint="--engine"
        )
    if workers and engine != "local":
        raise typer.BadParameter(
            "the spark engine spreads the work itself; leave --workers out", param_hint="--workers"
        )
    try:
        cfg = settings(None, max_file_bytes=max_file_bytes)
        opts = IngestOptions(stories=cfg.stories, max_file_bytes=cfg.max_file_bytes)
        if engine == "spark":
            from storyfold.spark_engine import run_spark

            result = run_spark(paths, output, opts, master=master, partitions=partitions)
        else:
            result = run_local(paths, output, opts, workers)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    except BrokenProcessPool as exc:
        from storyfold.workers import worker_died

        raise fail(worker_died()) from exc
    if as_json:
        print_json(
            {
                "engine": engine,
                "articles": result.articles,
                "stories": result.stories,
                "skipped": [{"origin": s.origin, "reason": s.reason} for s in result.skipped],
                "output": str(result.output),
            }
        )
    else:
        for s in result.skipped:
            err.print(f"skipped {escape(s.origin)}: {escape(s.reason)}")
        out.print(
            f"{result.articles} articles, {result.stories} stories, {len(result.skipped)} skipped "
            f"({engine}); written to {escape(str(result.output))}"
        )
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)
