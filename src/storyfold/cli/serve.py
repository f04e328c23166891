"""``storyfold serve``: the JSON API and the web UI over one store, under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from storyfold.cli.app import DbOption, app, err, fail, settings
from storyfold.config import TOKEN_ENV
from storyfold.errors import StoryfoldError


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="The address to listen on (0.0.0.0: every interface).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="The port to listen on.", min=1, max=65535)] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse every write (ingest), even with the token.")
    ] = False,
    skip_facts: Annotated[
        bool, typer.Option("--skip-facts", help="Ingest through the API without facts (no language model loaded).")
    ] = False,
) -> None:
    """Serve the JSON API (/api, /openapi.json) and the web UI (/) over the store.

    Ingest (POST /api/articles) needs Authorization: Bearer TOKEN with the token from $STORYFOLD_TOKEN.

    Without a token (or with --read-only) every write is refused.
    """
    import uvicorn

    from storyfold.web import create_app
    from storyfold.web.context import load_extractor

    try:
        cfg = settings(db)
        app = create_app(
            cfg.db, token=cfg.token or None, read_only=read_only, facts=None if skip_facts else load_extractor
        )
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if read_only:
        err.print("read-only: ingest is refused")
    elif not cfg.token:
        err.print(f"no token: ingest is refused (set ${TOKEN_ENV} to allow it)")
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
