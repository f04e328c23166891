"""Hostile input for the HTTP API, fuzzed: arbitrary JSON bodies and uploaded files for ``POST /api/articles``
and arbitrary strings (and bytes) for the search parameters. Every answer is a 2xx, or a 4xx with a JSON
``detail``: never a 500, never a hang (each example is held to a deadline). Afterwards the store is whole:
the search still answers and it holds exactly the articles the answers said were ingested."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_from_bytes

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyfold.web import create_app
from storyfold.web.security import DEFAULT_MAX_BODY

TOKEN = "fuzz-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FUZZ = settings(
    max_examples=120,
    deadline=5000,  # ms per example: a hang or a quadratic path fails the test
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
    derandomize=True,  # the same examples every run: a bounded, repeatable budget
    database=None,
)

# any text, unpaired surrogates included (json.dumps writes them as \\udXXX escapes)
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT
JSON = st.recursive(
    SCALARS, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(ANY_TEXT, kids, max_size=4), max_leaves=12
)
BIG_TEXT = st.integers(0, 100_000).map(lambda n: "Reporters said the council met again. " * (n // 38 + 1))
DATES = st.sampled_from(["2021-03-01", "2021-03-01T10:00:00Z", "Mon, 01 Mar 2021 10:00:00 +0000", "yesterday",
                         "0000-00-00", "9999-12-31T99:99", "3 days ago", "", " "])  # fmt: skip
FIELD = {
    "id": JSON,
    "title": ANY_TEXT | JSON,
    "text": ANY_TEXT | BIG_TEXT | JSON,
    "published": DATES | JSON,
    "url": st.sampled_from(["javascript:alert(1)", "https://example.com/a", "data:text/html,x", ""]) | JSON,
    "source": ANY_TEXT | JSON,
    "author": JSON,
}
ARTICLE = st.fixed_dictionaries({}, optional=FIELD).flatmap(
    lambda d: st.dictionaries(ANY_TEXT, JSON, max_size=3).map(lambda extra: {**extra, **d})
)
BODY = ARTICLE | st.lists(ARTICLE, max_size=5) | JSON
NAMES = st.tuples(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(["", ".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".xml", ".rss", ".warc", ".gz", ".zip"]),
).map("".join)
CONTENT = (
    st.binary(max_size=2000)
    | ANY_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass"))
    | st.lists(BODY, max_size=3).map(lambda rows: "\n".join(json.dumps(r) for r in rows).encode())
    | BODY.map(lambda b: json.dumps(b).encode())
    | st.just(b"<html><head><title>T</title></head><body><p>The council met on Monday.</p></body></html>")
    | st.just(b"\x1f\x8b\x08\x00" + b"\x00" * 20)
)
PARAMS = ("q", "since", "until", "outlet", "order", "limit", "offset")
PARAM_VALUE = (
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300).map(quote)
    | st.binary(max_size=300).map(quote_from_bytes)
    | st.sampled_from(["-1", "0", "201", "1e3", "99999999999999999999999", "newest", "largest", "2021-02-30", "%"])
)


def detail_of(r: httpx.Response) -> Any:
    assert r.headers["content-type"].startswith("application/json"), (r.status_code, r.text[:200])
    return r.json()["detail"]


def check(r: httpx.Response) -> None:
    """A 2xx, or a 4xx with a JSON detail; never a 5xx."""
    assert r.status_code < 500, (r.status_code, r.text[:300])
    if r.status_code >= 400:
        assert detail_of(r), r.text[:300]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(tmp_path_factory.mktemp("fuzz") / "fuzz.db", TOKEN, facts=None)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def stored_articles(client: TestClient) -> int:
    r = client.get("/api/export/articles")
    assert r.status_code == 200
    return len(r.text.splitlines())


def test_ingest_takes_any_json_or_upload_without_a_500(client: TestClient) -> None:
    before = stored_articles(client)
    ingested = 0

    @FUZZ
    @given(body=BODY, raw=st.none() | st.binary(max_size=500))
    def post_json(body: Any, raw: bytes | None) -> None:
        nonlocal ingested
        content = raw if raw is not None else json.dumps(body).encode()
        r = client.post("/api/articles", content=content, headers={**AUTH, "Content-Type": "application/json"})
        check(r)
        if r.status_code == 200:
            ingested += r.json()["ingested"]

    @FUZZ
    @given(files=st.lists(st.tuples(NAMES, CONTENT), min_size=1, max_size=4), field=st.sampled_from(["files", "x"]))
    def post_files(files: list[tuple[str, bytes]], field: str) -> None:
        nonlocal ingested
        r = client.post("/api/articles", files=[(field, (n, b)) for n, b in files], headers=AUTH)
        check(r)
        if r.status_code == 200:
            report = r.json()
            ingested += report["ingested"]
            assert "storyfold-upload-" not in r.text  # no server path in the answer
            assert len(report["skipped"]) <= len(files) * 1000

    post_json()
    post_files()
    assert client.get("/api/stories").status_code == 200
    assert stored_articles(client) == before + ingested


def test_search_parameters_take_any_string_without_a_500(client: TestClient) -> None:
    @FUZZ
    @given(params=st.dictionaries(st.sampled_from(PARAMS), PARAM_VALUE, min_size=1, max_size=4))
    def search(params: dict[str, str]) -> None:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        check(client.get(f"/api/stories?{query}"))
        page = client.get(f"/?{query}")
        assert page.status_code < 500 and page.headers["content-type"].startswith("text/html")

    @FUZZ
    @given(ident=st.text(max_size=200))
    def lookup(ident: str) -> None:
        for path in ("/api/stories/", "/api/articles/", "/stories/", "/articles/"):
            r = client.get(path + quote(ident, safe=""))
            assert r.status_code < 500, (path, ident, r.status_code)
            if path.startswith("/api/") and r.status_code >= 400:
                assert detail_of(r)

    search()
    lookup()
    assert client.get("/api/stories", params={"limit": 1}).status_code == 200


@pytest.mark.parametrize("opener", [b"[", b'{"a":'])
def test_deeply_nested_json_is_a_clean_422(client: TestClient, opener: bytes) -> None:
    closer = b"]" if opener == b"[" else b"}"
    body = opener * 100_000 + b"1" + closer * 100_000
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and "nested" in detail_of(r)
    nested_record = {"text": "The council met.", "meta": json.loads("[" * 40 + "]" * 40)}
    r = client.post("/api/articles", json=nested_record, headers=AUTH)
    assert r.status_code == 200 and "nested deeper" in r.json()["skipped"][0]["reason"]


def test_bodies_over_the_limit_are_413_declared_streamed_or_uploaded(client: TestClient) -> None:
    over = b"[" + b" " * DEFAULT_MAX_BODY + b"]"
    json_headers = {**AUTH, "Content-Type": "application/json"}
    for r in (
        client.post("/api/articles", content=over, headers=json_headers),
        client.post("/api/articles", content=iter([over[:1000], over[1000:]]), headers=json_headers),
        client.post("/api/articles", files=[("files", ("big.txt", over))], headers=AUTH),
    ):
        assert r.status_code == 413 and "larger than" in detail_of(r)
    assert client.get("/api/stories").status_code == 200


def test_a_huge_string_within_the_limit_is_ingested_in_time(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "big.db", TOKEN, facts=None)) as c:
        text = "The council met on Monday and approved the budget.\n" * 20_000  # 1 MB, one line a paragraph
        started = time.monotonic()
        r = c.post("/api/articles", json={"id": "big", "text": text, "title": "x" * 1_000_000}, headers=AUTH)
        assert r.status_code == 200 and r.json()["ingested"] == 1, r.text[:300]
        assert time.monotonic() - started < 15  # about 4 s on 2 shared cores (9 MB: about 35 s, linear)
