"""The JSON API: ingest (token required), story search, one story with its alignment and claims, one
article with its facts, and the article export. Bodies come from ``serialize``, as the CLI's ``--json``."""

import json
import re
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from starlette.datastructures import UploadFile

from storyfold import serialize
from storyfold.ingest.jsonl import MAX_NESTING, nesting_depth, record_to_raw
from storyfold.model import RawArticle, Skipped
from storyfold.store import Store, StoryQuery
from storyfold.views import article_view, export_views, story_claims, story_view
from storyfold.web.context import WebContext
from storyfold.web.security import token_matches

MAX_UPLOAD_FILES = 100
ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "text": {"type": "string"},
        "published": {"type": "string", "description": "ISO date or date-time"},
        "url": {"type": "string"},
        "source": {"type": "string"},
        "author": {"type": "string"},
    },
}
INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"oneOf": [ARTICLE_SCHEMA, {"type": "array", "items": ARTICLE_SCHEMA}]},
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                }
            },
        },
    }
}


def story_query(
    q: Annotated[str | None, Query(max_length=200, description="Words in the titles or text.")] = None,
    since: Annotated[date | None, Query(description="Stories with an article on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Stories with an article on or before (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="A source or host.")] = None,
    order: Annotated[Literal["newest", "largest"], Query(description="newest or largest first.")] = "newest",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> StoryQuery:
    """The story search parameters, validated (422 on a bad date, order or limit)."""
    if since and until and since > until:
        raise HTTPException(422, detail="since is after until")
    return StoryQuery(
        text=(q or "").strip() or None,
        since=since,
        until=until,
        outlet=(outlet or "").strip() or None,
        order=order,
        limit=limit,
        offset=offset,
    )


def page_body(store: Store, query: StoryQuery) -> dict[str, Any]:
    page = store.search_stories(query)
    return {
        "total": page.total,
        "limit": query.limit,
        "offset": query.offset,
        "stories": [serialize.story_summary(s) for s in page.stories],
    }


def api_router(ctx: WebContext) -> APIRouter:
    router = APIRouter(prefix="/api")

    def store_dep() -> Iterator[Store]:
        with ctx.store() as store:
            yield store

    StoreDep = Annotated[Store, Depends(store_dep)]

    def writer(request: Request) -> None:
        """Write endpoints: refused on a read-only server or without a configured token; else the bearer
        token must match (401 without one, 403 with a wrong one)."""
        if ctx.read_only:
            raise HTTPException(403, detail="this server is read-only")
        if not ctx.token:
            raise HTTPException(403, detail="writes are disabled: no token configured (set STORYFOLD_TOKEN)")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise HTTPException(401, detail="send Authorization: Bearer TOKEN", headers={"WWW-Authenticate": "Bearer"})
        if not token_matches(given.strip(), ctx.token):
            raise HTTPException(403, detail="wrong token")

    @router.post("/articles", dependencies=[Depends(writer)], openapi_extra=INGEST_BODY, tags=["write"])
    async def ingest(request: Request) -> dict[str, Any]:
        """Ingest articles: a JSON article object or a list of them (fields as in JSON Lines input), or
        uploaded files (multipart, field ``files``) in any format ``storyfold ingest`` reads."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            items = _json_items(await request.body())
            report = await run_in_threadpool(ctx.ingest, items)
        elif kind == "multipart/form-data":
            async with request.form(max_files=MAX_UPLOAD_FILES, max_fields=MAX_UPLOAD_FILES) as form:
                uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
                if not uploads:
                    raise HTTPException(422, detail="no files uploaded")
                with tempfile.TemporaryDirectory(prefix="storyfold-upload-") as tmp:
                    paths = []
                    for k, upload in enumerate(uploads):
                        folder = Path(tmp) / str(k)  # one folder each: the file name is kept (ids derive from it)
                        folder.mkdir()
                        path = folder / _safe_name(upload.filename)
                        path.write_bytes(await upload.read())
                        paths.append(str(path))
                    report = await run_in_threadpool(ctx.ingest_files, paths, tmp)
        else:
            raise HTTPException(415, detail="send application/json or multipart/form-data")
        return serialize.ingest_report(report)

    @router.get("/stories", tags=["read"])
    def stories(store: StoreDep, query: Annotated[StoryQuery, Depends(story_query)]) -> dict[str, Any]:
        """One page of stories matching the search, with the total."""
        return page_body(store, query)

    @router.get("/stories/{story_id}", tags=["read"])
    def story(store: StoreDep, story_id: str) -> dict[str, Any]:
        """A story: its articles, the statements they share, what each adds, omits and rewords, and its
        claims (figures, dates, quotes with article and independent-line counts, conflicts, timeline)."""
        view = story_view(store, story_id)
        return {**serialize.story_view(view), "claims": serialize.story_claims(story_claims(store, story_id))}

    @router.get("/articles/{article_id:path}", tags=["read"])
    def article(store: StoreDep, article_id: str) -> dict[str, Any]:
        """An article: its segments (body and debris), story and facts."""
        return serialize.article_view(article_view(store, article_id))

    @router.get("/export/articles", tags=["read"], response_model=None)
    def export(
        fmt: Annotated[
            Literal["jsonl", "json"], Query(alias="format", description="JSON lines or one JSON list.")
        ] = "jsonl",
        text: Annotated[bool, Query(description="Include the cleaned body text.")] = False,
    ) -> StreamingResponse:
        """Every article as ``storyfold export articles`` writes it."""

        def rows() -> Iterator[str]:
            with ctx.store() as store:
                first = True
                if fmt == "json":
                    yield "["
                for view in export_views(store):
                    row = json.dumps(serialize.article_export(view, text=text), ensure_ascii=False)
                    if fmt == "json":
                        yield row if first else "," + row
                    else:
                        yield row + "\n"
                    first = False
                if fmt == "json":
                    yield "]"

        media = "application/json" if fmt == "json" else "application/x-ndjson"
        return StreamingResponse(rows(), media_type=media)

    return router


def _json_items(body: bytes) -> list[RawArticle | Skipped]:
    try:
        data = json.loads(body)
    except RecursionError as exc:
        raise HTTPException(422, detail="body is not JSON: nested too deeply") from exc
    except ValueError as exc:  # not UTF-8, not JSON, or an integer over 4300 digits
        raise HTTPException(422, detail=f"body is not JSON: {str(exc)[:200]}") from exc
    records = data if isinstance(data, list) else [data]
    items: list[RawArticle | Skipped] = []
    for k, obj in enumerate(records):
        origin = f"request:{k}"
        if not isinstance(obj, dict):
            items.append(Skipped(origin, f"expected a JSON object, got {type(obj).__name__}"))
        elif nesting_depth(obj, MAX_NESTING) > MAX_NESTING:
            items.append(Skipped(origin, f"JSON nested deeper than {MAX_NESTING} levels"))
        else:
            items.append(record_to_raw(obj, origin=origin))
    return items


def _safe_name(name: str | None) -> str:
    """An uploaded file's name reduced to its last component in safe characters (its extension tells the format)."""
    base = (name or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")[-100:] or "upload"
