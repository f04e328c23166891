"""The ``storyfold`` command: thin over the library, one module per command group."""

from __future__ import annotations

from storyfold.cli import compare, eval_timex, export, facts_cmds, ingest, stories  # noqa: F401  (registers the commands)
from storyfold.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
