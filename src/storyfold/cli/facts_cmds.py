"""``storyfold article`` (one article's segments and facts) and ``storyfold eval facts``."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from storyfold import serialize
from storyfold.cli.app import DbOption, JsonOption, app, eval_app, fail, out, print_json, settings, store_for
from storyfold.errors import StoryfoldError
from storyfold.pipeline import build_article
from storyfold.views import article_view


def make_extractor() -> Any:
    """Load the language model once and wrap it for a run (raises ConfigError when it is missing)."""
    from storyfold.facts.extract import FactExtractor
    from storyfold.facts.nlp import SentenceNer, load_nlp

    return FactExtractor(SentenceNer(load_nlp()))


@app.command("article")
def article(
    article_id: Annotated[str, typer.Argument(help="An article id, as `storyfold export articles` lists them.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article: its segments (body and debris) and the facts extracted at ingest."""
    try:
        with store_for(settings(db)) as store:
            view = article_view(store, article_id)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    a, f = view.article, view.facts
    if as_json:
        print_json(serialize.article_view(view))
        return
    out.print(f"[bold]{escape(a.title or a.id)}[/bold]  ({escape(a.id)}, {a.published_date or 'no date'})")
    for s in a.segments:
        mark = "" if s.kind.value == "body" else f"[dim]~ {s.kind.value}:[/dim] "
        out.print(f"  {mark}{escape(s.text)}")
    if f is None:
        out.print("\n[dim]no facts (ingested with --skip-facts)[/dim]")
        return
    e = f.event
    out.print(
        f"\n[bold]Event[/bold]: date {e.date or '?'} ({escape(e.date_source)}), place {escape(e.place or '?')}, "
        f"killed {'?' if e.killed is None else e.killed}, injured {'?' if e.injured is None else e.injured}"
    )
    if f.entities:
        out.print(
            "[bold]Entities[/bold]: " + "; ".join(escape(f"{x.name} ({x.kind}, {x.mentions})") for x in f.entities)
        )
    if f.quantities:
        table = Table("kind", "range", "qualifier", "event", "text", title="Quantities")
        for q in f.quantities:
            rng = f"{'?' if q.low is None else q.low}..{'?' if q.high is None else q.high} {q.unit}"
            table.add_row(q.kind, rng, q.qualifier, escape(q.event or "this"), escape(q.text))
        out.print(table)
    for quote in f.quotes:
        out.print(f"  [bold]{escape(quote.speaker)}[/bold] {quote.verb}: {escape(quote.text[:160])}")


@eval_app.command("facts")
def eval_facts(
    path: Annotated[str, typer.Argument(help="A labelled JSONL file with gold `facts` (gvc, gva-dev).")],
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    errors: Annotated[
        str | None,
        typer.Option(
            "--errors", metavar="FILE", help="Write the misses to FILE, one JSON object a line (got, gold, lede)."
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=0, help="Processes that extract the facts (default 0: this one); the same scores."
        ),
    ] = 0,
) -> None:
    """Score the main event of each article (date, city, killed, injured) against gold facts, with baselines."""
    from storyfold.evaluate.facts import evaluate_facts, write_errors
    from storyfold.facts.nlp import check_model
    from storyfold.workers import Workers, worker_died

    try:
        if workers > 0:
            check_model()
            with Workers(workers, facts=True) as pool:
                report = evaluate_facts(path, pool.extract_facts, build_article, limit=limit)
        else:
            report = evaluate_facts(path, make_extractor(), build_article, limit=limit)
        if errors:
            write_errors(report, errors)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    except BrokenProcessPool as exc:
        raise fail(worker_died()) from exc
    if as_json:
        print_json(report.to_dict())
        return
    table = Table("field", "accuracy", "correct", "articles", "baseline", "baseline accuracy", title=escape(path))
    for fs in report.fields:
        table.add_row(
            fs.name,
            f"{fs.accuracy:.3f}",
            str(fs.correct),
            str(fs.total),
            escape(fs.baseline),
            f"{fs.baseline_accuracy:.3f}",
        )
    out.print(table)
    out.print(f"{report.articles} articles read, {report.with_gold} with gold facts, {len(report.skipped)} skipped")
