"""`storyfold batch` on both engines over the labelled sets: wall time of each (the whole command, Spark's start
included) and how far their outputs agree (pairwise F1 between their stories, records identical or not).

    .venv/bin/python bench/spark_bench.py [--master local[2]] [SET ...]

Reads ../shared/data/SET/docs.jsonl (default: ecbplus gvc gva-dev); prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyfold.batch import read_records, story_agreement

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
STORYFOLD = str(Path(sys.executable).parent / "storyfold")


def run(engine: str, inputs: list[str], out: Path, master: str) -> float:
    cmd = [STORYFOLD, "batch", "--engine", engine, *inputs, "--output", str(out)]
    if engine == "spark":
        cmd += ["--master", master]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=os.environ)
    if done.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=["ecbplus", "gvc", "gva-dev"])
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--together", action="store_true", help="also one run over all the sets at once")
    args = ap.parse_args()
    spark = f"spark ({args.master}) s"
    head = f"| set | articles | stories | copies | not articles | local s | {spark} | pairwise F1 | same |"
    print(head)
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(name, [str(DATA / name / "docs.jsonl")]) for name in args.sets]
        if args.together:
            runs.append((" + ".join(args.sets), [str(DATA / name / "docs.jsonl") for name in args.sets]))
        for name, inputs in runs:
            times = {e: run(e, inputs, Path(tmp) / f"{name}-{e}", args.master) for e in ("local", "spark")}
            a, b = (read_records(Path(tmp) / f"{name}-{e}") for e in ("local", "spark"))
            stories = len({r["story"] for r in a if r["story"]})
            copies = sum(1 for r in a if r["duplicate_of"])
            non = sum(1 for r in a if r["non_article"])
            f1 = story_agreement(a, b)
            print(
                f"| {name} | {len(a)} | {stories} | {copies} | {non} | {times['local']:.1f} | {times['spark']:.1f} "
                f"| {f1:.4f} | {'yes' if a == b else 'no'} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
