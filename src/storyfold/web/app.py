"""The server: one FastAPI app with the JSON API under /api, the web UI at / and its assets under /static."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyfold.errors import ConfigError, NotFoundError, StoryfoldError
from storyfold.pipeline import IngestOptions
from storyfold.store import StoreOpener
from storyfold.web.api import api_router
from storyfold.web.context import FactsLoader, WebContext, load_extractor
from storyfold.web.pages import make_templates, pages_router
from storyfold.web.security import DEFAULT_MAX_BODY, GuardMiddleware

STATIC = Path(__file__).resolve().parent / "static"


def create_app(
    store_location: str | Path,
    token: str | None = None,
    read_only: bool = False,
    *,
    facts: FactsLoader | None = load_extractor,
    max_body: int = DEFAULT_MAX_BODY,
    ingest_options: IngestOptions | None = None,
) -> FastAPI:
    """The app over the store at ``store_location`` (a SQLite path or a PostgreSQL URL; migrated now).

    Writes (``POST /api/articles``) need ``Authorization: Bearer <token>``; with no ``token`` or with
    ``read_only`` they are refused. ``facts`` loads the facts extractor on the first ingest (None: ingest
    without facts). Request bodies over ``max_body`` bytes are refused with 413."""
    opener = StoreOpener(store_location)
    ctx = WebContext(
        opener,
        token=token or None,
        read_only=read_only,
        facts=facts,
        ingest_options=ingest_options or IngestOptions(),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        opener.dispose()

    app = FastAPI(
        title="storyfold",
        summary="News reports folded into stories: what they share, what each adds, the claims they make.",
        version="0.1.0",
        docs_url=None,  # the interactive docs load scripts from a CDN, which the CSP forbids; /openapi.json stays
        redoc_url=None,
        lifespan=lifespan,
    )
    templates = make_templates()
    app.include_router(api_router(ctx))
    app.include_router(pages_router(ctx, templates))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(GuardMiddleware, max_body=max_body)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/openapi", "/static/"))

    def error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
        if wants_html(request):
            return templates.TemplateResponse(
                request, "error.html", {"status": status, "detail": detail}, status_code=status, headers=headers
            )
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(ConfigError)
    async def unavailable(request: Request, exc: ConfigError) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(StoryfoldError)
    async def failed(request: Request, exc: StoryfoldError) -> Response:
        return error(request, 500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
            return error(request, 422, problems)
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    return app
