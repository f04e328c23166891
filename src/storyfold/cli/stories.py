"""``storyfold stories`` and ``storyfold show``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyfold import pipeline, serialize, views
from storyfold.cli.app import DbOption, JsonOption, app, fail, out, print_json, settings, store_for
from storyfold.cli.claims import print_claims
from storyfold.cli.compare import changes
from storyfold.errors import StoryfoldError
from storyfold.views import story_view


@app.command("stories")
def list_stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(help="Show at most this many stories (0: all).")] = 0,
) -> None:
    """List stories, largest first, then newest."""
    try:
        with store_for(settings(db)) as store:
            found = store.stories()
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if limit:
        found = found[:limit]
    if as_json:
        print_json([serialize.story_summary(s) for s in found])
        return
    table = Table("story", "articles", "dates", "title", title=f"{len(found)} stories")
    for s in found:
        dates = "" if s.first_published is None else f"{s.first_published} … {s.last_published}"
        table.add_row(s.id, str(len(s.article_ids)), dates, escape(s.title))
    out.print(table)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="A story id, as `storyfold stories` lists them.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one story: its articles, the sentences they share, what each adds, and a summary of its claims."""
    try:
        with store_for(settings(db)) as store:
            view = story_view(store, story)
            claims = views.story_claims(store, story)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json({**serialize.story_view(view), "claims": serialize.story_claims(claims)})
        return
    s = view.story
    out.print(f"[bold]{escape(s.title)}[/bold]  ({s.id}, {len(s.article_ids)} articles)")
    for a, asg in zip(view.articles, view.assignments, strict=True):
        how = f" score {asg.score:.2f}" if asg else ""
        out.print(
            f"  • {escape(a.id)}  {a.published_date or ''}  {escape(a.source or '')}  {escape(a.title or '')}{how}"
        )
    n = len(view.sources)
    out.print(f"\n[bold]Shared by two or more articles[/bold] ({len(view.shared)} statements, in story order)")
    for g in view.shared:
        label = escape(f"[{len(g.article_ids)}/{n}, {g.kind}]")
        out.print(f"  {label} {escape(g.text)}  [dim]first: {escape(g.source)}[/dim]")
    for sv in view.sources:
        out.print(f"\n[bold]Only in {escape(sv.article_id)}[/bold] ({len(sv.adds)} sentences)")
        for sent in sv.adds:
            out.print(f"  + {escape(sent.text)}")
        if sv.omits:
            out.print(f"  [bold]omits[/bold] ({len(sv.omits)} statements more than half of the others carry)")
            for g in sv.omits:
                out.print(f"  [red]- {escape(g.text)}[/red]")
        if sv.changed:
            out.print(f"  [bold]changed words[/bold] ({len(sv.changed)} sentences)")
            for _, m in sv.changed:
                out.print(f"  ~ {escape(m.sentence.text)}\n      changes: {changes(m.diffs)}")
    if claims.claims:
        out.print()
        print_claims(claims, limit=8)


@app.command()
def recluster(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Batch mode: rebuild every story from all stored articles at once (input order does not matter)."""
    try:
        with store_for(settings(db)) as store:
            count = pipeline.recluster(store, settings(db).stories)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json({"stories": count})
    else:
        out.print(f"{count} stories")
