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
from storyfold.facts.codec import event_to_dict


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
                for article in store.iter_articles():
                    asg = store.assignment(article.id)
                    row = {**serialize.article_summary(article), "story": asg.story_id if asg else None}
                    row.update(
                        language=article.language,
                        dateline=article.dateline,
                        wire=article.wire,
                        non_article=article.non_article,
                    )
                    member = store.line_member(article.id)
                    row["duplicate_of"] = member.duplicate_of if member else None
                    row["line"] = member.line_id if member else None
                    found = store.get_facts(article.id)
                    row["event"] = event_to_dict(found.event if found else None)
                    if text:
                        row["text"] = article.text
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            finally:
                if output:
                    fh.close()
    except StoryfoldError as exc:
        raise fail(exc) from exc
