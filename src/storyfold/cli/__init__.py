"""The ``storyfold`` command: thin over the library, one module per command group."""

from __future__ import annotations

from storyfold.cli import (  # noqa: F401  (registers the commands)
    batch,
    claims,
    compare,
    dupes,
    eval_pairs,
    eval_timex,
    evaluate,
    export,
    facts_cmds,
    ingest,
    serve,
    stories,
)
from storyfold.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
