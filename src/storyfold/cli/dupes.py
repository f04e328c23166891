"""``storyfold dupes`` (duplicate groups and reporting lines) and ``storyfold dupes-expire``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.markup import escape

from storyfold import serialize
from storyfold.cli.app import DbOption, JsonOption, app, fail, out, print_json, settings, store_for
from storyfold.dedup import expire_index
from storyfold.errors import StoryfoldError
from storyfold.views import dupes_view


@app.command()
def dupes(
    db: DbOption = None,
    as_json: JsonOption = False,
    all_lines: Annotated[bool, typer.Option("--all", help="Also list lines of a single article.")] = False,
) -> None:
    """List reporting lines (an original, its copies and rewrites) and the duplicate links inside them."""
    try:
        with store_for(settings(db)) as store:
            view = dupes_view(store, min_size=1 if all_lines else 2)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(serialize.dupes(view))
        return
    out.print(f"[bold]{len(view.lines)} reporting lines[/bold] with {sum(len(x.members) for x in view.lines)} articles")
    for line in view.lines:
        wire = f", wire {line.wire}" if line.wire else ""
        out.print(f"\n[bold]{line.id}[/bold] ({len(line.members)} articles{wire}), origin {escape(line.origin)}")
        for m in line.members:
            link = view.best_link.get(m.article_id)
            how = ""
            if link is not None:
                how = f"  {link.kind.value} of {escape(link.other_id)} (J {link.jaccard:.2f}, shared {link.shared:.2f})"
            out.print(f"  • {escape(m.article_id)}{how}")


@app.command("dupes-expire")
def dupes_expire(
    db: DbOption = None,
    keep_days: Annotated[
        int | None, typer.Option("--keep-days", help="Keep this many days before the newest indexed article.")
    ] = None,
    before: Annotated[
        str | None, typer.Option("--before", help="Drop index entries dated before this day (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Expire the duplicate index: older articles are no longer compared with new ones (links and lines stay)."""
    if (keep_days is None) == (before is None):
        raise typer.BadParameter("give exactly one of --keep-days and --before")
    try:
        day = date.fromisoformat(before) if before else None
    except ValueError as exc:
        raise typer.BadParameter(f"not a date: {before!r} (use YYYY-MM-DD)", param_hint="--before") from exc
    try:
        with store_for(settings(db)) as store, store.transaction():
            n = expire_index(store, keep_days=keep_days, before=day)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    out.print(f"expired {n} articles from the duplicate index")
