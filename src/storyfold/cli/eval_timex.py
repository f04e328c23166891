"""``storyfold eval timex``: find and resolve time expressions in TimeML files and score them (TempEval-3)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyfold.cli.app import JsonOption, err, eval_app, out, print_json
from storyfold.evaluate.timeml import evaluate_timex
from storyfold.facts.times import find_times


@eval_app.command("timex")
def timex(
    paths: Annotated[list[Path], typer.Argument(help="TimeML .tml files or directories (searched recursively).")],
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Write each file with our own TIMEX3 tags in its unchanged text to this dir."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Tag time expressions in TimeML files (the gold tags are never read as input) and score them.

    Prints span precision/recall/F1 (strict: same extent; relaxed: overlap), and the accuracy and F1
    (accuracy x relaxed F1) of the value and type attributes, as the TempEval-3 scorer defines them.
    A file that cannot be read is reported with its reason and skipped (exit status 3).
    """
    scores = evaluate_timex(paths, find_times, output=output)
    if as_json:
        print_json(scores.to_dict())
    else:
        c = scores.counts
        sp, sr, sf = scores.strict
        rp, rr, rf = scores.relaxed
        out.print(f"documents {scores.documents}  gold {c.gold}  system {c.system}")
        out.print(f"strict   span  P {sp:.4f}  R {sr:.4f}  F1 {sf:.4f}")
        out.print(f"relaxed  span  P {rp:.4f}  R {rr:.4f}  F1 {rf:.4f}")
        out.print(f"value    accuracy {scores.value_accuracy:.4f}  F1 {scores.value_f1:.4f}")
        out.print(f"type     accuracy {scores.type_accuracy:.4f}  F1 {scores.type_f1:.4f}")
    for s in scores.skipped:
        err.print(f"skipped {escape(s.origin)}: {escape(s.reason)}")
    if scores.skipped:
        raise typer.Exit(3)
