"""``storyfold export articles``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from storyfold import serialize
from storyfold.cli.app import DbOption, export_app, fail, settings, store_for
from storyfold.errors import StoryfoldError
from storyfold.views import export_views


@export_app.command("articles")
def export_articles(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    text: Annotated[bool, typer.Option("--text/--no-text", help="Include the cleaned body text.")] = False,
) -> None:
    """One JSON object per article: id, story, source, published, title, url, duplicate_of, line, event
    (and text with --text)."""
    if fmt != "jsonl":
        raise typer.BadParameter(f"unknown format {fmt!r}; supported: jsonl", param_hint="--format")
    try:
        with store_for(settings(db)) as store:
            fh: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
            try:
                for view in export_views(store):
                    row = serialize.article_export(view, text=text)
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            finally:
                if output:
                    fh.close()
    except StoryfoldError as exc:
        raise fail(exc) from exc
