"""The web UI: the story list with search and pages, one story (sources side by side, shared core, what
each adds, changed words, claims, timeline), one article with its facts. Jinja2 with autoescape on."""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from storyfold.store import Store, StoryQuery
from storyfold.views import article_view, story_claims, story_view
from storyfold.web.api import story_query
from storyfold.web.context import WebContext
from storyfold.web.security import safe_href
from storyfold.web.views import conflicting_claims, source_columns

TEMPLATES = Path(__file__).resolve().parent / "templates"


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped unless a template says otherwise (none does)
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["safe_href"] = safe_href
    return Jinja2Templates(env=env)


def page_links(query: StoryQuery, total: int) -> dict[str, str | None]:
    """The query strings of the previous and next pages (None at either end)."""
    params: dict[str, Any] = {
        k: v
        for k, v in {
            "q": query.text,
            "since": query.since,
            "until": query.until,
            "outlet": query.outlet,
            "order": query.order,
            "limit": query.limit,
        }.items()
        if v
    }
    prev_offset = max(query.offset - query.limit, 0)
    next_offset = query.offset + query.limit
    return {
        "prev": "?" + urlencode({**params, "offset": prev_offset}) if query.offset > 0 else None,
        "next": "?" + urlencode({**params, "offset": next_offset}) if next_offset < total else None,
    }


def pages_router(ctx: WebContext, templates: Jinja2Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    def store_dep() -> Iterator[Store]:
        with ctx.store() as store:
            yield store

    StoreDep = Annotated[Store, Depends(store_dep)]

    @router.get("/")
    def story_list(request: Request, store: StoreDep, query: Annotated[StoryQuery, Depends(story_query)]) -> Response:
        page = store.search_stories(query)
        return templates.TemplateResponse(
            request,
            "stories.html",
            {"page": page, "query": query, "links": page_links(query, page.total)},
        )

    @router.get("/stories/{story_id}")
    def story(request: Request, store: StoreDep, story_id: str) -> Response:
        view = story_view(store, story_id)
        claims = story_claims(store, story_id)
        return templates.TemplateResponse(
            request,
            "story.html",
            {
                "view": view,
                "columns": source_columns(view),
                "claims": claims,
                "conflicting": conflicting_claims(claims),
            },
        )

    @router.get("/articles/{article_id:path}")
    def article(request: Request, store: StoreDep, article_id: str) -> Response:
        return templates.TemplateResponse(request, "article.html", {"view": article_view(store, article_id)})

    return router
