"""``storyfold ingest``: read inputs, clean, store, assign stories."""

from __future__ import annotations

import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyfold import serialize
from storyfold.cli.app import DbOption, JsonOption, app, err, fail, out, print_json, settings, store_for
from storyfold.cli.facts_cmds import make_extractor
from storyfold.errors import StoryfoldError
from storyfold.facts.nlp import check_model
from storyfold.ingest.options import ReadOptions, parse_column_map
from storyfold.pipeline import IngestOptions, ingest_paths
from storyfold.workers import Workers, worker_died

EXIT_SKIPPED = 3


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (HTML, RSS/Atom, WARC[.gz], CSV, JSONL, text, .gz), directories (recursively), globs, "
            "http(s) URLs, or - for standard input."
        ),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
    max_file_bytes: Annotated[
        int | None, typer.Option("--max-file-bytes", help="Skip files larger than this (default 64 MiB).")
    ] = None,
    max_records: Annotated[
        int | None,
        typer.Option("--max-records", help="Read at most this many entries per feed / records per WARC or CSV."),
    ] = None,
    max_ratio: Annotated[
        int | None, typer.Option("--max-ratio", help="Refuse gzip input that expands more than this (default 100x).")
    ] = None,
    fetch_timeout: Annotated[
        float | None, typer.Option("--fetch-timeout", help="Seconds to wait for an http(s) URL (default 20).")
    ] = None,
    csv_columns: Annotated[
        str | None,
        typer.Option("--csv-columns", help="CSV column mapping FIELD=COLUMN,..., e.g. text=body,published=pubdate."),
    ] = None,
    commit_every: Annotated[
        int | None,
        typer.Option(
            "--commit-every",
            min=1,
            help="Articles per transaction (default 200): fewer lose less to a crash, more ingest faster.",
        ),
    ] = None,
    skip_facts: Annotated[
        bool, typer.Option("--skip-facts", help="Do not extract facts (entities, counts, quotes, main event).")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            help="Worker processes that clean articles and extract facts while this one stores them (default 0: "
            "all in this process). The same input gives the same store either way.",
        ),
    ] = None,
) -> None:
    """Ingest articles into the store. Re-running on the same input adds nothing twice.

    Exits 0 when every input was read, 3 when some were skipped (each is listed with its reason).
    """
    try:
        cfg = settings(
            db,
            max_file_bytes=max_file_bytes,
            max_records=max_records,
            max_ratio=max_ratio,
            fetch_timeout=fetch_timeout,
            csv_columns=csv_columns,
            commit_every=commit_every,
            workers=workers,
        )
        try:
            columns = parse_column_map(cfg.csv_columns)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--csv-columns") from exc
        read = ReadOptions(
            max_file_bytes=cfg.max_file_bytes,
            max_records=cfg.max_records,
            max_ratio=cfg.max_ratio,
            fetch_timeout=cfg.fetch_timeout,
            csv_columns=columns,
        )
        opts = IngestOptions(
            stories=cfg.stories, max_file_bytes=cfg.max_file_bytes, read=read, commit_every=max(1, cfg.commit_every)
        )
        if cfg.workers > 0 and not skip_facts:
            check_model()  # the workers load it: say here, in one line, when it is missing
        pool = Workers(cfg.workers, facts=not skip_facts) if cfg.workers > 0 else None
        facts = None if skip_facts or pool is not None else make_extractor()
        with store_for(cfg) as store, pool or nullcontext():
            if sys.stderr.isatty() and not as_json:
                with Progress(
                    SpinnerColumn(),
                    TextColumn("ingesting"),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    TextColumn("{task.description}"),
                    console=err,
                    transient=True,
                ) as bar:
                    task = bar.add_task("", total=None)

                    def tick(origin: str) -> None:
                        bar.update(task, advance=1, description=escape(origin[-60:]))

                    report = ingest_paths(paths, store, opts, tick, facts, pool)
            else:
                report = ingest_paths(paths, store, opts, facts=facts, workers=pool)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    except BrokenProcessPool as exc:
        raise fail(worker_died()) from exc
    if as_json:
        print_json(serialize.ingest_report(report))
    else:
        for s in report.skipped:
            err.print(f"skipped {escape(s.origin)}: {escape(s.reason)}")
        for article_id, why in report.non_articles:
            err.print(f"not an article {escape(article_id)}: {escape(why)} (stored, kept out of stories)")
        new = sum(1 for a in report.assignments if a.new_story)
        out.print(
            f"ingested {len(report.ingested)}, already present {len(report.already_present)}, "
            f"skipped {len(report.skipped)}; {new} new stories; "
            f"{len(report.non_articles)} not articles; store: {escape(cfg.db)}"
        )
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)
