"""``storyfold compare``: two article files, no store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyfold import serialize
from storyfold.cli.app import JsonOption, app, fail, out, print_json
from storyfold.errors import StoryfoldError
from storyfold.model import SentencePair, WordDiff
from storyfold.views import compare_files


def changes(diffs: tuple[WordDiff, ...]) -> str:
    """Word changes as rich markup: removed words red, added words green."""
    return "; ".join(
        f"[red]-{escape(d.a)}[/red]"
        if d.op == "delete"
        else f"[green]+{escape(d.b)}[/green]"
        if d.op == "insert"
        else f"[red]{escape(d.a)}[/red] → [green]{escape(d.b)}[/green]"
        for d in diffs
    )


def _marked(p: SentencePair) -> str:
    if not p.diffs:
        return escape(p.a.text)
    return f"{escape(p.a.text)}\n      changes: {changes(p.diffs)}"


@app.command()
def compare(
    file_a: Annotated[str, typer.Argument(help="First article file.")],
    file_b: Annotated[str, typer.Argument(help="Second article file.")],
    as_json: JsonOption = False,
) -> None:
    """Compare two articles: the sentences both carry, what each adds, and the page debris each has."""
    try:
        c = compare_files(file_a, file_b)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if as_json:
        print_json(serialize.comparison(c))
        return
    out.print(f"[bold]Shared[/bold] ({len(c.shared)} sentences)")
    for p in c.shared:
        out.print(f"  = {escape(f'[{p.kind}]')} {_marked(p)}")
    for label, art, only, missing in (("A", c.a, c.only_a, c.only_b), ("B", c.b, c.only_b, c.only_a)):
        out.print(f"\n[bold]Only in {label}: {escape(art.id)}[/bold] ({len(only)} sentences)")
        for s in only:
            out.print(f"  + {escape(s.text)}")
        if missing:
            out.print(f"  [dim]omits the other's {len(missing)} sentences (listed under the other)[/dim]")
        for seg in art.debris:
            out.print(f"  [dim]~ {seg.kind.value}: {escape(seg.text)}[/dim]")
