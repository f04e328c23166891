"""Ingest with worker processes (``storyfold ingest --workers N``): cleaning and the facts stage run in other
processes, the store and the stories stay in this one. A user must get the same store as without workers,
row for row (facts included), the same report of skipped inputs, and a re-run that adds nothing.

Corpus: the two seeds, the first 40 articles of the bundled demo excerpt, the ingest fixtures (HTML pages,
feeds whose entries join their pages, CSV), a web archive of two of those pages, and two bad inputs (a file
that is not text, an empty JSON Lines record)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyfold.cli import app
from storyfold.dedup import DedupOptions
from storyfold.ingest import HtmlPage, ReadOptions, extracted, read_inputs
from storyfold.model import Article, RawArticle, Skipped
from storyfold.pipeline import IngestOptions, build_article, compute_ahead, ingest_paths, store_article
from storyfold.store import open_store
from storyfold.stories import StoryOptions
from storyfold.workers import Workers

from conftest import DEMO, ROOT, SEEDS, warc_bytes

INGEST = ROOT / "tests" / "fixtures" / "ingest"


def _corpus(tmp_path: Path) -> list[str]:
    part = tmp_path / "demo-40.jsonl"
    lines = DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[:40]
    part.write_text("".join(lines[:20]) + '{"id": "empty-record"}\n' + "".join(lines[20:]), encoding="utf-8")
    bad = tmp_path / "photo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    quake = (INGEST / "quake.html").read_bytes()
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_bytes([("https://news.example.net/a", quake, "2011-10-24T00:00:00Z")] * 2, gz=True))
    return [str(SEEDS), str(part), str(INGEST), str(warc), str(bad)]


def _rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, but for the time each article was stored."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(db) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table.startswith("sqlite_") or table == "schema_migrations":
                continue
            cols = [r[1] for r in raw.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
            rows = raw.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def _ingest(db: str, paths: list[str], facts: Any = None, workers: Workers | None = None) -> Any:
    store = open_store(db)
    try:
        return ingest_paths(paths, store, IngestOptions(commit_every=16), facts=facts, workers=workers)
    finally:
        store.close()


def test_workers_store_what_one_process_stores(tmp_path: Path, fact_extractor: Any) -> None:
    paths = _corpus(tmp_path)
    alone = str(tmp_path / "alone.db")
    expected = _ingest(alone, paths, facts=fact_extractor)
    pooled = str(tmp_path / "pooled.db")
    with Workers(2, facts=True, chunk=3) as pool:
        report = _ingest(pooled, paths, workers=pool)
        again = _ingest(pooled, paths, workers=pool)

    assert len(expected.ingested) == 50 and report.ingested == expected.ingested
    assert report.assignments == expected.assignments
    assert report.non_articles == expected.non_articles
    # the bad inputs are reported, each with its reason, the same way
    assert sorted(report.skipped, key=repr) == sorted(expected.skipped, key=repr)
    assert {s.origin.rsplit("/", 1)[-1] for s in report.skipped} == {"photo.html", "demo-40.jsonl:21", "export.csv:5"}
    rows = _rows(pooled)
    assert rows == _rows(alone)
    # HTML pages, from files and from the archive, were extracted in the workers and joined to their feed entry
    store = open_store(pooled)
    try:
        pages = {a.url: a for a in store.iter_articles() if dict(a.meta).get("format") == "html"}
    finally:
        store.close()
    assert "https://news.example.net/a" in pages
    quake = pages["https://www.dailyledger.example.com/world/2011/10/23/van-earthquake"]
    assert dict(quake.meta)["feed_entry"].endswith("feed.rss#1") and "earthquake" in quake.text.lower()
    assert len(rows["article_facts"]) == 49  # every article's facts (not the captcha page's), from the workers
    # a re-run adds nothing and changes nothing
    assert again.ingested == () and len(again.already_present) == 51  # the archive's second copy of its page
    assert _rows(pooled) == rows


def test_workers_without_facts_clean_in_input_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    alone = str(tmp_path / "alone.db")
    expected = _ingest(alone, paths)
    pooled = str(tmp_path / "pooled.db")
    with Workers(1, chunk=5, ahead=2) as pool:
        report = _ingest(pooled, paths, workers=pool)
    assert report.ingested == expected.ingested and report.assignments == expected.assignments
    rows = _rows(pooled)
    assert rows == _rows(alone) and rows["article_facts"] == []


def test_a_pool_needs_a_process() -> None:
    with pytest.raises(ValueError):
        Workers(0)


def test_what_was_computed_ahead_gives_way_to_learned_boilerplate(tmp_path: Path) -> None:
    """A worker computes an article's term weights before the store has learned its outlet's boilerplate; a
    line learned at store time must not count among the article's terms (generated articles of one outlet)."""
    promo = "Download the Pelican Gazette app for breaking alerts"
    bodies = [
        "The county council voted on Tuesday to close the old library on Main Street after a long debate.",
        "Firefighters put out a blaze at a lumber yard near the river late on Wednesday night.",
        "A new bakery opened on Thursday in the former post office, drawing a line around the block.",
        "The school board approved a budget on Friday that adds two teachers and a bus route.",
    ]
    opts, dedup = StoryOptions(), DedupOptions()
    store = open_store(str(tmp_path / "learn.db"))
    try:
        for k, body in enumerate(bodies):
            raw = RawArticle(
                origin=f"gen-{k}",
                paragraphs=(body, promo),
                title=f"Local news {k}",
                url=f"https://pelican-gazette.example/news/{k}",
            )
            article = build_article(raw)
            ahead = compute_ahead(article, opts, dedup)
            assert "pelican" in ahead.weights  # before learning, the promo line is body
            added = store_article(store, article, opts, dedup=dedup, ahead=ahead)
            stored = store.story_articles([added.assignment.story_id])  # type: ignore[union-attr]
            weights = next(w for _, aid, _, _, w in stored if aid == added.article_id)
        # the fourth article's promo line was learned (three earlier articles of the outlet carry it)
        assert added.article is not None and promo not in added.article.text
        assert "pelican" not in weights and "bakery" not in weights and "budget" in weights
    finally:
        store.close()


def test_html_pages_wait_for_the_callers_extractor(tmp_path: Path) -> None:
    """Under ``defer_html`` every HTML page, from a file or from a web archive, reaches the extractor the caller
    gives (the workers' in an ingest), and the items come out as extracting them in place gives them."""
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(
        warc_bytes([("https://news.example.net/b", (INGEST / "quake.html").read_bytes(), "2011-10-24")], gz=False)
    )
    paths = [str(INGEST), str(warc)]
    pages: list[str] = []

    def extract(items: Iterable[RawArticle | Skipped | HtmlPage]) -> Iterator[RawArticle | Skipped]:
        for item in items:
            if isinstance(item, HtmlPage):
                pages.append(item.url or item.origin.rsplit("/", 1)[-1])
            yield from extracted([item])

    deferred = list(read_inputs(paths, options=ReadOptions(defer_html=True), extract=extract))
    assert sorted(pages) == ["captcha.html", "https://news.example.net/b", "latin1.html", "quake.html"]
    assert deferred == list(read_inputs(paths))


def test_an_article_given_twice_has_its_facts_taken_up_once(tmp_path: Path, fact_extractor: Any) -> None:
    """The second copy of an input in one run finds the article stored, its facts not yet there (pending, or
    in a worker): it must not queue them again, or the later extraction (of the article as later learned
    boilerplate relabelled it) would overwrite the first, depending on timing."""
    lines = DEMO.read_text(encoding="utf-8").splitlines(keepends=True)[:10]
    twice = tmp_path / "twice.jsonl"
    twice.write_text("".join(lines + lines[:3]), encoding="utf-8")
    taken: list[str] = []

    class Counting:
        options = fact_extractor.options

        def extract(self, articles: Sequence[Article]) -> list[Any]:
            taken.extend(a.id for a in articles)
            return list(fact_extractor.extract(articles))

    report = _ingest(str(tmp_path / "s.db"), [str(twice)], facts=Counting())
    assert len(report.ingested) == 10 and len(report.already_present) == 3
    assert sorted(taken) == sorted(report.ingested)


def test_workers_end_with_the_ingest_that_started_them(tmp_path: Path) -> None:
    """A worker must not outlive its ingest killed with SIGKILL (or out of memory): it would hold its memory
    (with facts, a language model) for good."""
    script = tmp_path / "start.py"
    script.write_text(
        "import multiprocessing, time\n"
        "from storyfold.model import RawArticle\n"
        "from storyfold.workers import Workers\n"
        "if __name__ == '__main__':\n"
        "    pool = Workers(2)\n"
        "    list(pool.articles([RawArticle('x', ('A first paragraph of text.',))]))  # the workers are up\n"
        "    print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n"
        "    time.sleep(60)\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert pids
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    assert not any(_alive(p) for p in pids)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_missing_language_model_is_one_line_with_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyfold.facts.nlp as nlp

    monkeypatch.setattr(nlp, "MODEL_NAMES", ("no_such_model_here",))
    got = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--workers", "1", str(SEEDS)])
    assert got.exit_code == 1
    assert "no English spaCy model found" in got.output and "Traceback" not in got.output


def test_a_worker_that_dies_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed (or out of memory) under an ingest breaks its pool: the user reads what happened and
    what to do, not a traceback. (A real kill -9 of a worker under `ingest --workers 2` of gva-dev ended so,
    and the same command completed the store.)"""
    from concurrent.futures.process import BrokenProcessPool

    import storyfold.cli.ingest as cli_ingest

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise BrokenProcessPool("A child process terminated abruptly")

    monkeypatch.setattr(cli_ingest, "ingest_paths", broken)
    got = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--skip-facts", "--workers", "1", "x"])
    assert got.exit_code == 1 and "Traceback" not in got.output
    assert "a worker process died" in got.output and "run the same command again" in got.output
