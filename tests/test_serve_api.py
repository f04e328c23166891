"""The HTTP API and pages through FastAPI's test client: the write token, the body limit, validation, 404s,
ingest by JSON and by upload then search, story, claims, article and export; security headers; escaping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyfold.web import create_app

from conftest import SEED_A, SEED_B

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>window.__pwned=1</script> Council budget",
    "text": "The council met on Monday. <script>window.__pwned=1</script> It approved the new budget.",
    "published": "2021-03-01",
    "url": "javascript:alert(1)",
    "source": "evil.example",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, fact_extractor: Any) -> Iterator[TestClient]:
    """A server over a fresh SQLite store holding the two seeds (uploaded) and the hostile article (JSON)."""
    db = tmp_path_factory.mktemp("serve") / "api.db"
    app = create_app(db, token=TOKEN, facts=lambda: fact_extractor)
    with TestClient(app) as c:
        files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in (SEED_A, SEED_B)]
        r = c.post("/api/articles", files=files, headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json()["ingested"] == 2 and r.json()["new_stories"] == 1
        r = c.post("/api/articles", json=HOSTILE, headers=AUTH)
        assert r.status_code == 200 and r.json()["ingested"] == 1, r.text
        yield c


def test_writes_need_the_right_token(client: TestClient, tmp_path: Path) -> None:
    r = client.post("/api/articles", json=HOSTILE)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/articles", json=HOSTILE, headers={"Authorization": "Bearer nope"}).status_code == 403
    assert client.post("/api/articles", json=HOSTILE, headers={"Authorization": TOKEN}).status_code == 401
    r = client.post("/api/articles", content=b"x", headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415
    for app in (create_app(tmp_path / "a.db", facts=None), create_app(tmp_path / "b.db", TOKEN, read_only=True)):
        with TestClient(app) as c:
            r = c.post("/api/articles", json=HOSTILE, headers=AUTH)
            assert r.status_code == 403 and "detail" in r.json()


def test_request_body_over_the_limit_is_413(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "s.db", TOKEN, facts=None, max_body=1000)) as c:
        big = {**HOSTILE, "text": "word " * 500}
        r = c.post("/api/articles", json=big, headers=AUTH)
        assert r.status_code == 413 and r.headers["content-security-policy"]
        streamed = c.post(
            "/api/articles",
            content=iter([b"[", b" " * 2000, b"]"]),
            headers={**AUTH, "Content-Type": "application/json"},
        )
        assert streamed.status_code == 413
        assert c.get("/api/stories").json()["total"] == 0


def test_ingested_articles_can_be_searched_and_read(client: TestClient) -> None:
    page = client.get("/api/stories", params={"order": "largest"}).json()
    assert page["total"] == 2 and page["stories"][0]["size"] == 2
    seeds = page["stories"][0]
    found = client.get("/api/stories", params={"q": "Pashinyan", "limit": 1}).json()
    assert found["total"] == 1 and found["stories"][0]["id"] == seeds["id"]
    assert client.get("/api/stories", params={"since": "2030-01-01"}).json()["total"] == 0

    story = client.get(f"/api/stories/{seeds['id']}").json()
    assert {a["id"] for a in story["articles"]} == {SEED_A.name, SEED_B.name}
    assert story["shared"] and all(len(g["articles"]) >= 2 for g in story["shared"])
    assert story["adds"][SEED_A.name]
    claims = story["claims"]
    assert claims["story"] == seeds["id"] and claims["claims"]
    assert all(c["articles"] >= 1 and c["independent_lines"] >= 1 for c in claims["claims"])

    article = client.get(f"/api/articles/{SEED_B.name}").json()
    assert article["story"] == seeds["id"] and article["facts"]["entities"]
    hostile = client.get("/api/articles/hostile-1").json()
    assert hostile["title"] == HOSTILE["title"]


def test_export_as_json_lines_or_a_list(client: TestClient) -> None:
    lines = client.get("/api/export/articles").text.splitlines()
    rows = [json.loads(x) for x in lines]
    assert {r["id"] for r in rows} == {SEED_A.name, SEED_B.name, "hostile-1"}
    assert {"story", "duplicate_of", "line", "event"} <= set(rows[0])
    listed = client.get("/api/export/articles", params={"format": "json", "text": "true"}).json()
    assert [r["id"] for r in listed] == [r["id"] for r in rows] and "budget" in listed[-1]["text"]


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 201}, {"since": "yesterday"}, {"until": "2021-13-01"}, {"order": "oldest"},
     {"offset": -1}, {"since": "2021-02-01", "until": "2021-01-01"}],
)  # fmt: skip
def test_bad_search_parameters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 422 and r.json()["detail"]


def test_unknown_ids_are_404_with_a_detail(client: TestClient) -> None:
    for path, unknown in (("/api/stories/s0000000000", "s0000000000"), ("/api/articles/no/such", "no/such")):
        r = client.get(path)
        assert r.status_code == 404 and unknown in r.json()["detail"], path
    page = client.get("/stories/s0000000000")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/openapi.json", "/static/app.js", "/api/stories/nope", "/articles/hostile-1"):
        r = client.get(path)
        assert "script-src 'self'" in r.headers["content-security-policy"], path
        assert r.headers["x-content-type-options"] == "nosniff", path


def test_hostile_text_is_escaped_and_no_javascript_link(client: TestClient) -> None:
    for path in ("/", "/articles/hostile-1", f"/stories/{client.get('/api/articles/hostile-1').json()['story']}"):
        html = client.get(path).text
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html, path
        assert "<script>window" not in html and 'href="javascript:' not in html, path


def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/stories", "/api/stories/{story_id}", "/api/export/articles"} <= set(paths)
    assert "multipart/form-data" in paths["/api/articles"]["post"]["requestBody"]["content"]


def test_the_same_api_over_postgresql() -> None:
    from conftest import fresh_postgres

    with TestClient(create_app(fresh_postgres(), TOKEN, facts=None)) as c:
        seeds = [
            {"id": p.name, "text": p.read_text(encoding="utf-8"), "published": "2020-10-31"} for p in (SEED_A, SEED_B)
        ]
        r = c.post("/api/articles", json=[*seeds, HOSTILE], headers=AUTH)
        assert r.status_code == 200 and r.json()["ingested"] == 3, r.text
        page = c.get("/api/stories", params={"q": "pashinyan"}).json()
        assert page["total"] == 1 and page["stories"][0]["size"] == 2
        story = c.get(f"/api/stories/{page['stories'][0]['id']}").json()
        assert story["shared"] and story["claims"]["story"] == page["stories"][0]["id"]
        assert "&lt;script&gt;" in c.get("/articles/hostile-1").text


def test_an_unexpected_error_is_a_500_with_the_headers(tmp_path: Path) -> None:
    app = create_app(tmp_path / "s.db", facts=None)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("unexpected")

    r = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert r.status_code == 500 and r.json() == {"detail": "internal server error"}
    assert r.headers["x-content-type-options"] == "nosniff"


def test_storyfold_serve_takes_the_token_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from storyfold.cli import app as cli

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("STORYFOLD_TOKEN", TOKEN)
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--port", "8123", "--skip-facts"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8123
    with TestClient(served["app"]) as c:
        assert c.post("/api/articles", json=HOSTILE, headers=AUTH).json()["ingested"] == 1
        assert c.post("/api/articles", json=HOSTILE, headers={"Authorization": "Bearer x"}).status_code == 403


def test_the_story_list_pages_and_orders(client: TestClient) -> None:
    first = client.get("/", params={"limit": 1, "order": "largest"}).text
    assert "Armenia PM seeks talks" in first and "Council budget" not in first
    assert 'rel="next" href="?order=largest&amp;limit=1&amp;offset=1"' in first and 'rel="prev"' not in first
    second = client.get("/", params={"limit": 1, "order": "largest", "offset": 1}).text
    assert "Council budget" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert client.get("/", params={"limit": 0}).status_code == 422
