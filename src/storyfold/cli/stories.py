"""``storyfold stories`` and ``storyfold show``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyfold import pipeline, serialize
from storyfold.cli.app import DbOption, JsonOption, app, fail, out, print_json, settings, store_for
from storyfold.errors import StoryfoldError
from storyfold.pipeline import story_view


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
    """Show one story: its articles, the sentences they share, and what each adds."""
    try:
        with store_for(settings(db)) as store:
            view = story_view(store, story)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(serialize.story_view(view))
        return
    s = view.story
    out.print(f"[bold]{escape(s.title)}[/bold]  ({s.id}, {len(s.article_ids)} articles)")
    for a, asg in zip(view.articles, view.assignments, strict=True):
        how = f" score {asg.score:.2f}" if asg else ""
        out.print(
            f"  • {escape(a.id)}  {a.published_date or ''}  {escape(a.source or '')}  {escape(a.title or '')}{how}"
        )
    out.print(f"\n[bold]Shared by two or more articles[/bold] ({len(view.shared)} statements)")
    for g in view.shared:
        first = g.members[0]
        out.print(f"  [{len(g.article_ids)} articles, {g.kind}] {escape(first.sentence.text)}")
    for a in view.articles:
        own = [m.sentence.text for g in view.groups if g.article_ids == (a.id,) for m in g.members]
        out.print(f"\n[bold]Only in {escape(a.id)}[/bold] ({len(own)} sentences)")
        for text in own:
            out.print(f"  + {escape(text)}")


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
