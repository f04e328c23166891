"""The typer application and what every command shares: the store option, JSON output, errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from storyfold.config import DB_ENV, DEFAULT_DB, Settings, load_settings
from storyfold.errors import StoryfoldError
from storyfold.store import Store, open_store

app = typer.Typer(
    name="storyfold",
    help="Turn a pile of news reports into stories: copies, events, what each source adds.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Write what the store holds in machine-readable form.", no_args_is_help=True)
app.add_typer(export_app, name="export")
eval_app = typer.Typer(
    help="Measure quality on labelled data (stories, pairs, time expressions, facts).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

out = Console(highlight=False, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=f"The store: a SQLite file or a postgresql+psycopg:// URL. Default: ${DB_ENV}, else ./{DEFAULT_DB}.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def settings(db: str | None, **flags: Any) -> Settings:
    return load_settings(db=db, **flags)


@contextmanager
def store_for(cfg: Settings) -> Iterator[Store]:
    store = open_store(cfg.db)
    try:
        yield store
    finally:
        store.close()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(exc: StoryfoldError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    return typer.Exit(1)
