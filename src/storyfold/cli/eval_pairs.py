"""``storyfold eval pairs``: score article pairs and correlate with gold similarity ratings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from storyfold.cli.app import JsonOption, eval_app, fail, out, print_json
from storyfold.errors import StoryfoldError
from storyfold.evaluate.pairs import evaluate_pairs
from storyfold.serialize import pair_eval_dict


def _r(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.4f}"


@eval_app.command("pairs")
def eval_pairs(
    labelled: Annotated[
        Path, typer.Argument(help="Pairs in JSONL: pair_id, text1, text2 (title1/2, date1/2 optional), gold `overall`.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", help='Write one {"pair_id", "score"} line per pair to this file.')
    ] = None,
    embeddings: Annotated[
        bool | None,
        typer.Option(
            "--embeddings/--no-embeddings",
            help="Blend in MiniLM sentence embeddings (the optional `embeddings` extra). Default: when installed.",
            show_default=False,
        ),
    ] = None,
    use_facts: Annotated[
        bool,
        typer.Option("--facts/--no-facts", help="Extract names and event dates with the language model (slower)."),
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Score every pair (0 unrelated .. 1 the same report) and print Pearson's r with the gold `overall`
    rating (1 very similar .. 4 very different, so a good score correlates negatively), beside the TF-IDF
    cosine baseline and, with embeddings, the MiniLM cosine alone, all measured in this run."""
    from storyfold import embeddings as emb

    try:
        facts = None
        if use_facts:
            from storyfold.facts.extract import FactExtractor
            from storyfold.facts.nlp import SentenceNer, load_nlp

            facts = FactExtractor(SentenceNer(load_nlp()))
        use_embeddings = emb.available() if embeddings is None else embeddings
        encoder = emb.load_encoder() if use_embeddings else None
        result = evaluate_pairs(labelled, facts, encoder)
    except StoryfoldError as exc:
        raise fail(exc) from exc
    if output is not None:
        with output.open("w", encoding="utf-8") as fh:
            for pair_id, score in result.scores:
                fh.write(json.dumps({"pair_id": pair_id, "score": score.score}) + "\n")
    if as_json:
        print_json(pair_eval_dict(result))
        return
    out.print(f"{result.dataset}: {len(result.scores)} pairs, {result.labelled} with a gold `overall` rating")
    out.print(f"Pearson r with `overall` (negative is right: 1 = very similar); scored in {result.seconds:.1f} s")
    out.print(f"  storyfold              {_r(result.pearson)}")
    out.print(f"  baseline TF-IDF cosine {_r(result.tfidf)}")
    if encoder is not None:
        out.print(f"  baseline MiniLM cosine {_r(result.minilm)}")
    else:
        out.print("  baseline MiniLM cosine not run (the `embeddings` extra is not installed or --no-embeddings)")
    out.print("parts of the score alone (on the pairs where each is known):")
    for c in result.components:
        if c.pairs:
            out.print(f"  {c.name:<10} {_r(c.pearson)}  ({c.pairs} pairs)")
    if output is not None:
        out.print(f"wrote {len(result.scores)} scores to {output}")
