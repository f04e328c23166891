"""``storyfold facts STORY``: a story's claims with their counts, labels and evidence, and its timeline."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyfold import serialize
from storyfold.cli.app import DbOption, JsonOption, app, fail, out, print_json, settings, store_for
from storyfold.errors import StoryfoldError
from storyfold.model import StoryClaims
from storyfold.views import story_claims


def print_claims(sc: StoryClaims, evidence: bool = False, limit: int | None = None) -> None:
    """The claims table, the conflicts and the timeline of a story, for a terminal."""
    by_id = {c.id: c for c in sc.claims}
    table = Table("claim", "statement", "articles", "lines", "labels", title="Claims", title_justify="left")
    shown = sc.claims if limit is None else sc.claims[:limit]
    for c in shown:
        labels = ", ".join(c.labels)
        if "conflicting" in c.labels:
            labels = f"[bold red]{labels}[/bold red]"
        table.add_row(c.id, escape(c.statement[:140]), str(c.articles), str(c.independent_lines), labels)
        if evidence:
            for e in c.evidence:
                table.add_row("", f"[dim]{escape(e.article_id)}: {escape(e.text[:160])}[/dim]", "", "", "")
    out.print(table)
    if limit is not None and len(sc.claims) > limit:
        out.print(f"  ... {len(sc.claims) - limit} more claims (storyfold facts {sc.story_id})")
    for p in sc.pairs:
        if p.label != "consistent":
            a, b = by_id[p.a].statement, by_id[p.b].statement
            style = "bold red" if p.label == "conflicting" else "bold"
            out.print(f"  [{style}]{p.label}[/{style}]: {escape(a)} / {escape(b)}: {escape(p.why)}")
    if sc.timeline:
        out.print("\n[bold]Timeline[/bold]")
        for h in sc.timeline:
            lines = "line" if h.independent_lines == 1 else "lines"
            out.print(f"  {h.day}  [{h.articles} articles, {h.independent_lines} {lines}] {escape(h.text)}")


@app.command("facts")
def facts(
    story: Annotated[str, typer.Argument(help="A story id, as `storyfold stories` lists them.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    evidence: Annotated[bool, typer.Option("--evidence", help="List the sentences behind each claim.")] = False,
) -> None:
    """A story's claims (figures, event dates, quotes) with their article and independent-line counts,
    how comparable figures relate (consistent, more specific, superseded, conflicting), and its timeline."""
    try:
        with store_for(settings(db)) as store:
            sc = story_claims(store, story)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(serialize.story_claims(sc))
        return
    print_claims(sc, evidence=evidence)
