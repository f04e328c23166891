from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyfold.facts.lines import Lines
from storyfold.facts.nlp import Span
from storyfold.facts.places import choose_place
from storyfold.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SEED_A = SEEDS / "000_f3079d3cd45f4e8b.txt"  # the longer report: quotes, mediators' statement, debris
SEED_B = SEEDS / "001_9b97860197688dbc.txt"  # the shorter one: a date header and two photo captions
DEMO = ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"
# The labelled development sets live beside the checkout (../shared/data, as in CI); they are never
# copied into the project. Tests that need them skip with a reason where they are absent.
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"labelled data not found at {SHARED_DATA}")
    return SHARED_DATA


# The PostgreSQL server the store tests also run against (.ci/services starts one and creates this role
# and database). Locally the PostgreSQL variants skip when no server answers; in CI (CI=true) they fail.
PG_URL = os.environ.get("STORYFOLD_TEST_PG", "postgresql+psycopg://storyfold:storyfold@localhost:5432/storyfold_test")


# Each test process works in a schema of its own, so that two runs against one server (a developer's and a
# helper's) never drop each other's tables.
PG_SCHEMA = f"storyfold_test_{os.getpid()}"


def fresh_postgres() -> str:
    """The test database emptied (this process's schema dropped and made again); skips when unreachable.
    Returns the URL, its search path set to that schema."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from storyfold.store.dialect import postgres_url

    engine = create_engine(postgres_url(PG_URL), connect_args={"connect_timeout": 3})
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    except OperationalError as exc:
        if os.environ.get("CI") == "true":
            raise AssertionError(f"CI: PostgreSQL at {PG_URL} is unreachable (.ci/services starts it): {exc}") from exc
        pytest.skip(f"no PostgreSQL server at {PG_URL} ({exc.__class__.__name__})")
    finally:
        engine.dispose()
    _used_schema.append(PG_SCHEMA)
    return f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{PG_SCHEMA}"


_used_schema: list[str] = []


@pytest.fixture(scope="session", autouse=True)
def _drop_postgres_schema() -> Iterator[None]:
    """This process's schema is dropped when the session ends (when a test made it)."""
    yield
    if not _used_schema:
        return
    from sqlalchemy import create_engine, text

    from storyfold.store.dialect import postgres_url

    engine = create_engine(postgres_url(PG_URL), connect_args={"connect_timeout": 3})
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store location of each backend: a SQLite file, then an emptied PostgreSQL database."""
    if request.param == "postgres":
        return fresh_postgres()
    return str(tmp_path / "test.db")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def fact_extractor() -> Any:
    """One facts extractor (the spaCy model loaded once) for the whole test session."""
    from storyfold.facts.extract import FactExtractor
    from storyfold.facts.nlp import SentenceNer, load_nlp

    return FactExtractor(SentenceNer(load_nlp()))


def warc_bytes(pages: list[tuple[str, bytes, str]], *, gz: bool) -> bytes:
    """A web archive of HTML responses (url, body, WARC-Date), and a robots.txt record that is no page."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body, when in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": when}
        )
        writer.write_record(rec)
    robots = writer.create_warc_record(
        "https://x.example/robots.txt",
        "response",
        payload=io.BytesIO(b"User-agent: *"),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1"),
    )
    writer.write_record(robots)
    return buf.getvalue()


def chosen_place(
    title: str | None, *sentences: str, places: tuple[str, ...] = (), people: tuple[str, ...] = ()
) -> str | None:
    """The place ``choose_place`` chooses for a title and sentences; ``places``, ``people``: names the model tags
    as places or people, wherever they occur."""
    texts = ([title] if title else []) + list(sentences)
    tagged = [(p, "place") for p in places] + [(p, "person") for p in people]
    spans = [[Span(p, label, t.index(p), t.index(p) + len(p)) for p, label in tagged if p in t] for t in texts]
    return choose_place(Lines(title, list(sentences), spans))
