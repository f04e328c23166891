"""``storyfold ingest``: read inputs, clean, store, assign stories."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyfold import serialize
from storyfold.cli.app import DbOption, JsonOption, app, err, fail, out, print_json, settings, store_for
from storyfold.cli.facts_cmds import make_extractor
from storyfold.errors import StoryfoldError
from storyfold.pipeline import IngestOptions, ingest_paths

EXIT_SKIPPED = 3


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursively), globs or JSONL files.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    max_file_bytes: Annotated[
        int | None, typer.Option("--max-file-bytes", help="Skip files larger than this (default 64 MiB).")
    ] = None,
    skip_facts: Annotated[
        bool, typer.Option("--skip-facts", help="Do not extract facts (entities, counts, quotes, main event).")
    ] = False,
) -> None:
    """Ingest articles into the store. Re-running on the same input adds nothing twice.

    Exits 0 when every input was read, 3 when some were skipped (each is listed with its reason).
    """
    try:
        cfg = settings(db, max_file_bytes=max_file_bytes)
        opts = IngestOptions(stories=cfg.stories, max_file_bytes=cfg.max_file_bytes)
        facts = None if skip_facts else make_extractor()
        with store_for(cfg) as store:
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

                    report = ingest_paths(paths, store, opts, tick, facts)
            else:
                report = ingest_paths(paths, store, opts, facts=facts)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(serialize.ingest_report(report))
    else:
        for s in report.skipped:
            err.print(f"skipped {escape(s.origin)}: {escape(s.reason)}")
        new = sum(1 for a in report.assignments if a.new_story)
        out.print(
            f"ingested {len(report.ingested)}, already present {len(report.already_present)}, "
            f"skipped {len(report.skipped)}; {new} new stories; store: {escape(cfg.db)}"
        )
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)
