"""Ingest with and without worker processes (``storyfold ingest --workers N``), in one run.

Each setting runs the real command line (``python -m storyfold ingest``) into a fresh SQLite store, the
settings alternated over ``--rounds`` rounds so that the machine's drift falls on all of them: wall seconds,
articles/s, CPU seconds of the whole process tree (the ingest and its workers), and the peak of the summed
resident memory of that tree (``/proc``, sampled every 0.1 s; Linux only). ``--workers 0`` (everything in
one process, as before workers existed) is the baseline. With ``--old-src DIR`` (a ``src`` folder of another
commit, e.g. from ``git archive``) that code's single process runs too, as a second baseline.

Every setting must give the same store (every table but the time each article was stored and its origin
path): the bench checks it and says so.

Corpora: the full path (facts) on gva-dev (``../shared/data/gva-dev/docs.jsonl``); the fast path
(``--skip-facts``) on gva-dev, on ``scale_bench.py``'s generated stream (``--stream N`` articles: real
articles of gva-dev, gvc and ecbplus, copies with shifted dates and dropped sentences), and on HTML pages
generated from gva-dev's first ``--html N`` articles (``html_pages``: each report in a news site's markup), as
files in a directory and as one web archive: there extraction (trafilatura) is part of the work.

    .venv/bin/python bench/workers_bench.py [--stream 4000] [--html 1000] [--rounds 2] [--only html,warc] \
        [--old-src /tmp/old/src] [--out bench/workers.md]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scale_bench import generated, real_articles

ROOT = Path(__file__).resolve().parent.parent
GVA_DEV = ROOT.parent / "shared" / "data" / "gva-dev" / "docs.jsonl"


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            pass
    return total


def run(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run a command to its end: wall and CPU seconds (its whole tree) and the peak of its tree's RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.1)
    wall = time.perf_counter() - start
    # the child was reaped by poll(); its rusage (and that of the workers it waited for) is in RUSAGE_CHILDREN
    out = proc.stdout.read().decode() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {out}")
    return {"wall": wall, "peak_mb": peak / 1024, "out": out}  # type: ignore[dict-item]


def cpu_children() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def store_digest(db: str) -> str:
    """A digest of every table's rows, but for when each article was stored and the path it came from."""
    h = hashlib.sha256()
    with sqlite3.connect(db) as raw:
        for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            if table.startswith("sqlite_") or table == "schema_migrations":
                continue
            cols = [r[1] for r in raw.execute(f"PRAGMA table_info({table})") if r[1] not in {"ingested_at", "origin"}]
            rows = sorted(repr(r) for r in raw.execute(f"SELECT {', '.join(cols)} FROM {table}"))
            h.update(table.encode() + b"\0" + "\n".join(rows).encode())
    return h.hexdigest()[:16]


def html_pages(rows: list[dict[str, Any]], count: int, out: Path, warc: Path) -> None:
    """``count`` HTML pages generated from real articles (their title, date and paragraphs), each in the markup
    a news site wraps a report in: head metadata, inline script and style, a navigation bar, a related-links
    box of other reports' headlines, a cookie notice and a footer (about 40-60 KB a page). Written as files
    under ``out`` and as the responses of one web archive."""
    import html
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out.mkdir(parents=True, exist_ok=True)
    script = "<script>" + "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}" * 150
    style = "<style>" + ".nav a{color:#333;padding:4px 8px;font:14px/1.4 sans-serif}" * 200 + "</style>"
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(60))
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k, row in enumerate(rows[:count]):
            title = html.escape(row.get("title") or "News")
            day = row.get("published") or "2016-01-01"
            related = "".join(
                f'<li><a href="/news/{j}">{html.escape((rows[j].get("title") or "")[:90])}</a></li>'
                for j in range(k + 1, k + 16)
                if j < len(rows)
            )
            body = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
            url = f"https://news{k % 40}.example.com/news/{k}"
            page = (
                f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
                f'<meta property="og:title" content="{title}"><meta property="og:url" content="{url}">'
                f'<meta property="article:published_time" content="{day}">{style}{script}</script></head><body>'
                f'<header><ul class="nav">{nav}</ul></header><main><article><h1>{title}</h1>'
                f'<div class="byline">By Staff</div>{body}</article>'
                f"<aside><h3>Related</h3><ul>{related}</ul></aside></main>"
                '<div class="cookie">We use cookies to improve your experience. Accept</div>'
                f"<footer>Copyright 2016 News Group. All rights reserved.<ul>{nav}</ul></footer></body></html>"
            ).encode()
            (out / f"{k:05d}.html").write_bytes(page)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=http)
            writer.write_record(rec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stream", type=int, default=4000, help="articles of the generated stream (fast path)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--html", type=int, default=1000, help="generated HTML pages (fast path; files and a WARC)")
    ap.add_argument("--only", help="comma-separated corpora to run: full, fast, stream, html, warc (default all)")
    ap.add_argument("--workers", default="0,1,2", help="settings of --workers to compare")
    ap.add_argument("--old-src", help="a src folder of another commit: its single process runs as a baseline")
    ap.add_argument("--out", default=str(ROOT / "bench" / "workers.md"))
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="workers-bench-"))
    stream = tmp / "stream.jsonl"
    with stream.open("w", encoding="utf-8") as fh:
        for row in generated(real_articles(), args.stream):
            fh.write(json.dumps(row) + "\n")
    rows = [json.loads(line) for line in GVA_DEV.read_text(encoding="utf-8").splitlines()]
    html_pages(rows, args.html, tmp / "pages", tmp / "pages.warc.gz")
    every = {
        "full": ("gva-dev, full path", GVA_DEV, False, 1675),
        "fast": ("gva-dev, fast path", GVA_DEV, True, 1675),
        "stream": (f"generated stream ({args.stream:,}), fast path", stream, True, args.stream),
        "html": (f"generated HTML pages ({args.html:,} files), fast path", tmp / "pages", True, args.html),
        "warc": (f"generated HTML pages ({args.html:,}, one WARC), fast path", tmp / "pages.warc.gz", True, args.html),
    }
    corpora = [every[k] for k in (args.only.split(",") if args.only else every)]
    settings: list[tuple[str, str, int]] = [("this commit", str(ROOT / "src"), int(w)) for w in args.workers.split(",")]
    if args.old_src:
        settings.insert(0, ("before (--old-src)", args.old_src, 0))
    results: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    digests: dict[str, set[str]] = {}
    for r in range(args.rounds):
        order = settings if r % 2 == 0 else settings[::-1]
        for name, path, fast, _ in corpora:
            for code, src, workers in order:
                db = tmp / "s.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                cmd = [sys.executable, "-m", "storyfold", "ingest", "--db", str(db), str(path)]
                cmd += ["--skip-facts"] if fast else []
                cmd += ["--workers", str(workers)] if workers else []
                env = {**os.environ, "PYTHONPATH": src}
                c0 = cpu_children()
                got = run(cmd, env)
                got["cpu"] = cpu_children() - c0
                results.setdefault((name, code, workers), []).append(got)
                digests.setdefault(name, set()).add(store_digest(str(db)))
                print(name, code, workers, f"{got['wall']:.1f} s", f"{got['cpu']:.1f} cpu", f"{got['peak_mb']:.0f} MB")
    lines = [
        "# Ingest with worker processes (`storyfold ingest --workers N`)",
        "",
        f"`{' '.join(['.venv/bin/python', 'bench/workers_bench.py', *sys.argv[1:]])}` on this 2-core machine, "
        f"{args.rounds} rounds, the settings alternated (wall: each round's; articles/s, CPU and the ratio from the "
        "medians).",
        "`--workers 0` is one process, as before workers; CPU is the whole process tree's (user + system), "
        "peak MB the peak of the tree's summed resident memory.",
        "",
        "| corpus | code | --workers | wall s | articles/s | CPU s | peak MB (tree) | vs --workers 0 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _, _, count in corpora:
        base = statistics.median(x["wall"] for x in results[(name, "this commit", 0)])
        for code, _, workers in settings:
            runs = results[(name, code, workers)]
            wall = statistics.median(x["wall"] for x in runs)
            walls = " / ".join(f"{x['wall']:.1f}" for x in runs)
            lines.append(
                f"| {name} | {code} | {workers} | {walls} | "
                f"{count / wall:.1f} | {statistics.median(x['cpu'] for x in runs):.1f} | "
                f"{max(x['peak_mb'] for x in runs):.0f} | {base / wall:.2f}x |"
            )
    lines += ["", "Stores identical across settings (every table, but for ingest time and origin path): "]
    lines[-1] += ", ".join(f"{name}: {'yes' if len(d) == 1 else 'NO'}" for name, d in digests.items())
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
