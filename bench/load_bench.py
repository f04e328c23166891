"""The HTTP server under load from a loopback client: requests/s and latency (p50, p99) for the story list,
a story page (HTML and JSON) and ingest, beside a static file served by the same process (the baseline: what
the server and this client can do at all on this machine), and an ingest that runs while readers hammer the
story page, checked afterwards to have stored every article.

The server is a real ``storyfold serve`` (uvicorn, one worker, access log off) over a SQLite store holding the
bundled demo corpus (``data/demo``: real ECB+ articles and the two seeds) with facts; the ingest endpoint
serves with ``--skip-facts`` and takes real articles from ``data/demo`` under new ids (so they are stored
again, not answered as already present). The client is httpx's async client in this same machine: it shares
the two cores with the server, so the figures are a floor.

    .venv/bin/python bench/load_bench.py [--seconds 15] [--concurrency 8] [--output bench/load.md]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
TOKEN = "load-bench-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def row(self) -> str:
        lat = np.array(self.latencies) * 1000 if self.latencies else np.array([float("nan")])
        errors = sum(self.errors.values())
        detail = f" ({', '.join(f'{k}: {v}' for k, v in self.errors.items())})" if errors else ""
        return (
            f"| {self.name} | {len(self.latencies)} | {len(self.latencies) / self.seconds:.0f} | "
            f"{np.percentile(lat, 50):.1f} | {np.percentile(lat, 99):.1f} | {errors}{detail} |"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "STORYFOLD_TOKEN": TOKEN}
    cmd = [sys.executable, "-m", "storyfold", "serve", "--db", str(db), "--port", str(port), "--skip-facts"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start: " + (proc.stderr.read() if proc.stderr else b"").decode())


async def hammer(
    client: httpx.AsyncClient, name: str, make: object, seconds: float, concurrency: int, ok: int = 200
) -> Result:
    """``concurrency`` workers each send requests back to back for ``seconds``; ``make(i)`` builds request i."""
    result = Result(name)
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    async def worker() -> None:
        while time.perf_counter() < deadline:
            request = make(next(counter))  # type: ignore[operator]
            started = time.perf_counter()
            try:
                response = await client.send(request)
                await response.aread()
                if response.status_code != ok:
                    key = f"HTTP {response.status_code}"
                    result.errors[key] = result.errors.get(key, 0) + 1
                    continue
            except httpx.HTTPError as exc:
                key = exc.__class__.__name__
                result.errors[key] = result.errors.get(key, 0) + 1
                continue
            result.latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - started
    return result


def demo_articles() -> list[dict[str, object]]:
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]


async def run(base: str, seconds: float, concurrency: int) -> tuple[list[Result], dict[str, int]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        stories = (await client.get("/api/stories", params={"order": "largest", "limit": 20})).json()["stories"]
        largest = stories[0]["id"]
        ids = [s["id"] for s in stories]
        articles = demo_articles()
        results = [
            await hammer(client, "static file (baseline)", lambda i: client.build_request("GET", "/static/style.css"),
                         seconds, concurrency),
            await hammer(client, "story list `GET /api/stories?q=…`",
                         lambda i: client.build_request("GET", "/api/stories",
                                                        params={"q": ["police", "earthquake", "said", ""][i % 4]}),
                         seconds, concurrency),
            await hammer(client, "story list page `GET /`", lambda i: client.build_request("GET", "/"),
                         seconds, concurrency),
            await hammer(client, f"story page `GET /stories/ID` (largest, {stories[0]['size']} articles)",
                         lambda i: client.build_request("GET", f"/stories/{largest}"), seconds, concurrency),
            await hammer(client, "story JSON `GET /api/stories/ID` (top 20 in turn)",
                         lambda i: client.build_request("GET", f"/api/stories/{ids[i % len(ids)]}"),
                         seconds, concurrency),
        ]  # fmt: skip

        def ingest_request(prefix: str) -> object:
            def make(i: int) -> httpx.Request:
                a = articles[i % len(articles)]
                return client.build_request(
                    "POST", "/api/articles", json={**a, "id": f"{prefix}-{i}-{a['id']}"}, headers=AUTH
                )

            return make

        before = (await client.get("/api/stories", params={"limit": 1})).json()
        results.append(await hammer(client, "ingest `POST /api/articles` (one article)", ingest_request("solo"),
                                    seconds, max(1, concurrency // 4)))  # fmt: skip
        # an ingest (two writers) while readers load the story page and the list
        mixed = await asyncio.gather(
            hammer(client, "… ingest under read load", ingest_request("mixed"), seconds, 2),
            hammer(client, "… story page under ingest",
                   lambda i: client.build_request("GET", f"/stories/{largest}"), seconds, concurrency // 2),
            hammer(client, "… story list under ingest",
                   lambda i: client.build_request("GET", "/api/stories", params={"q": "said"}),
                   seconds, concurrency // 2),
        )  # fmt: skip
        results.extend(mixed)
        export = (await client.get("/api/export/articles")).text.splitlines()
        stored_ids = {json.loads(line)["id"] for line in export}
        sent = len(results[5].latencies) + len(mixed[0].latencies)
        found = sum(1 for i in stored_ids if i.startswith(("solo-", "mixed-")))
        counts = {"acknowledged": sent, "stored": found, "stories_before": before["total"]}
    return results, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "load.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        subprocess.run(
            [sys.executable, "-m", "storyfold", "ingest", "--db", str(db), str(DEMO), str(SEEDS)],
            check=True,
            capture_output=True,
        )
        port = free_port()
        server = start_server(db, port)
        try:
            results, counts = asyncio.run(run(f"http://127.0.0.1:{port}", args.seconds, args.concurrency))
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = [
        "# HTTP load (bench/load_bench.py)",
        "",
        f"One run on {platform.machine()} with {os.cpu_count()} cores, Python {platform.python_version()}: a real "
        "`storyfold serve` (uvicorn, one process) over a SQLite store of the bundled demo corpus "
        "(`data/demo`, 164 real articles, with facts), and httpx's async client on the same machine (it shares the "
        f"cores with the server, so these figures are a floor). {args.concurrency} concurrent connections, "
        f"{args.seconds:.0f} s per row; the ingest rows use fewer writers (one article a request, real demo "
        "articles under new ids, the server started with `--skip-facts`). The static file is the baseline: what "
        "this server and client do at all here.",
        "",
        "| endpoint | requests | requests/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
        *(r.row() for r in results),
        "",
        f"Ingest under load: {counts['acknowledged']} articles acknowledged (200), {counts['stored']} stored "
        f"({'every one' if counts['stored'] == counts['acknowledged'] else 'MISSING SOME'}).",
        "",
    ]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    errors = sum(sum(r.errors.values()) for r in results)
    if errors or counts["stored"] != counts["acknowledged"]:
        raise SystemExit(f"{errors} errors; {counts}")


if __name__ == "__main__":
    main()
