"""Security of the server, beyond the token and the headers (tests/test_serve_api.py): hostile search strings
reach SQL only as bound parameters (SQLite and PostgreSQL), no SQL is built from a value, hostile titles, text,
outlets and URLs are rendered as text and never as a link that runs script, and no secret reaches a log."""

from __future__ import annotations

import ast
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from storyfold.web import create_app
from storyfold.web.security import safe_href, token_matches

TOKEN = "sec-token-7f3a9c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SQL_HOSTILE = [
    "'; DROP TABLE stories; --",
    "' OR '1'='1",
    '" OR 1=1 --',
    "x') UNION SELECT id, id, id FROM articles --",
    "%",
    "_",
    "\\",
    "%' OR 1=1 --",
    "1; DELETE FROM articles",
]
ARTICLES = [
    {
        "id": "budget-1",
        "title": "Council approves budget",
        "text": "The city council approved the 2021 budget on Monday. The mayor said she was 100% sure of it.",
        "published": "2021-03-01",
        "source": "daily.example",
        "url": "https://daily.example/budget",
    },
    {
        "id": "quake-1",
        "title": "Earthquake shakes the coast",
        "text": "An earthquake of magnitude 5.1 shook the coast on Tuesday. No one was hurt, officials said.",
        "published": "2021-03-02",
        "source": "news.example",
        "url": "https://news.example/quake",
    },
]
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "//evil.example/x",
    "https:alert(1)",
]
TOWNS = ["Arlen", "Brisk", "Colby", "Dunmore", "Elkton", "Fenwick", "Garland", "Hollis", "Irvine", "Jasper"]
BREAKOUT = '"><img src=x onerror=alert(1)>'


@pytest.fixture(params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    if request.param == "postgres":
        from conftest import fresh_postgres

        db: str | Path = fresh_postgres()
    else:
        db = tmp_path / "sec.db"
    with TestClient(create_app(db, TOKEN, facts=None)) as c:
        r = c.post("/api/articles", json=ARTICLES, headers=AUTH)
        assert r.status_code == 200 and r.json()["ingested"] == 2, r.text
        yield c


def stories_matching(client: TestClient, **params: str) -> set[str]:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 200, r.text
    return {s["title"] for s in r.json()["stories"]}


def test_hostile_search_strings_match_literally_and_change_nothing(client: TestClient) -> None:
    assert stories_matching(client, q="budget") == {"Council approves budget"}
    # a percent sign is a literal character, not a wildcard: only the article that says "100%" matches
    assert stories_matching(client, q="%") == {"Council approves budget"}
    assert stories_matching(client, q="100%") == {"Council approves budget"}
    for q in SQL_HOSTILE:
        if q == "%":
            continue
        assert stories_matching(client, q=q) == set(), q
        assert stories_matching(client, outlet=q) == set(), q
        assert client.get("/", params={"q": q}).status_code == 200
    # every table is still there and holds what it held
    assert stories_matching(client) == {"Council approves budget", "Earthquake shakes the coast"}
    exported = client.get("/api/export/articles").text.splitlines()
    assert len(exported) == 2
    assert client.get("/api/articles/quake-1").json()["source"] == "news.example"


def test_sql_is_never_built_from_values() -> None:
    """Every f-string that becomes SQL in the store interpolates only fixed fragments chosen in code (the
    WHERE conditions, the ORDER BY, a table name from a fixed list), never a value: values are bound."""
    allowed = {"cond", "order", "table"}
    store_dir = Path(__file__).resolve().parents[1] / "src" / "storyfold" / "store"
    sql_calls = {"text", "_rows", "_exec", "execute", "exec_driver_sql"}
    seen = 0
    for path in sorted(store_dir.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name not in sql_calls or not isinstance(first, ast.JoinedStr):
                continue
            seen += 1
            for part in first.values:
                if isinstance(part, ast.FormattedValue):
                    assert isinstance(part.value, ast.Name) and part.value.id in allowed, (
                        f"{path.name}:{node.lineno}: SQL interpolates {ast.unparse(part.value)}; bind it instead"
                    )
    assert seen >= 3  # the check looked at the store's dynamic SQL (search, count, chunked deletes)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_links_are_links(url: str) -> None:
    assert safe_href(url) is None
    assert safe_href("https://ok.example/a?b=<c>") == "https://ok.example/a?b=<c>"  # escaped when rendered


def test_hostile_titles_outlets_and_urls_render_as_text(tmp_path: Path) -> None:
    hostile = [
        {
            "id": f"h{i}",
            "title": f"{BREAKOUT} Flood in the valley {i}",
            "text": f"Water rose in the valley on Monday {BREAKOUT}. Residents of {town} left their homes as the rain "
            f"went on for a third day, and officials opened {i + 2} shelters in the school halls.",
            "published": "2021-04-05",
            "source": f"evil{BREAKOUT}.example",
            "url": url,
        }
        for i, (url, town) in enumerate(
            zip([*HOSTILE_URLS, "https://ok.example/a?b=<script>alert(1)</script>"], TOWNS, strict=True)
        )
    ]
    with TestClient(create_app(tmp_path / "h.db", TOKEN, facts=None)) as c:
        assert c.post("/api/articles", json=hostile, headers=AUTH).json()["ingested"] == len(hostile)
        pages = ["/", "/?q=" + BREAKOUT]
        for h in hostile:
            story = c.get(f"/api/articles/{h['id']}").json()["story"]
            assert story, h["id"]
            pages += [f"/articles/{h['id']}", f"/stories/{story}"]
        for path in pages:
            html = c.get(path).text.lower()
            assert "<img src=x" not in html and "<script>alert" not in html, path
            for scheme in ("javascript:", "vbscript:", "data:", "//evil", "https:alert"):
                assert f'href="{scheme}' not in html and f"href='{scheme}" not in html, (path, scheme)
        article = c.get("/articles/h0").text
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in article or "&quot;&gt;&lt;img" in article
        last = c.get(f"/articles/h{len(HOSTILE_URLS)}").text
        assert 'href="https://ok.example/a?b=&lt;script&gt;alert(1)&lt;/script&gt;"' in last


def test_token_comparison_takes_any_text() -> None:
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(TOKEN + "x", TOKEN)
    assert not token_matches("jeton-é-🔑", TOKEN)  # non-ASCII is compared, not an error
    assert token_matches("jeton-é-🔑", "jeton-é-🔑")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_secret_in_the_server_log(tmp_path: Path) -> None:
    """A real ``storyfold serve`` (uvicorn, access log on): requests with the right token, a wrong one and a
    database URL with a password never put either into what the server prints."""
    port = free_port()
    wrong = "wrong-token-55d1e0"
    env = {**os.environ, "STORYFOLD_TOKEN": TOKEN}
    cmd = [sys.executable, "-m", "storyfold", "serve", "--db", str(tmp_path / "log.db"), "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--skip-facts"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/api/stories", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.post(base + "/api/articles", json=ARTICLES[0], headers=AUTH).status_code == 200
        bad = {"Authorization": f"Bearer {wrong}"}
        assert httpx.post(base + "/api/articles", json=ARTICLES[1], headers=bad).status_code == 403
        assert httpx.post(base + "/api/articles", content=b"[", headers={**AUTH, "Content-Type": "application/json"})
        assert httpx.get(base + "/api/stories", params={"q": "budget"}).json()["total"] == 1
    finally:
        proc.terminate()
        log = proc.communicate(timeout=20)[0].decode("utf-8", "replace")
    assert "POST /api/articles" in log  # the access log was on
    assert TOKEN not in log and wrong not in log and "Bearer" not in log
    # a PostgreSQL URL's password is not echoed when the store cannot be opened
    url = "postgresql+psycopg://storyfold:hunter2-pw@127.0.0.1:1/none"
    result = subprocess.run(
        [sys.executable, "-m", "storyfold", "stories", "--db", url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "hunter2-pw" not in result.stdout + result.stderr
    assert "cannot open the store" in result.stdout + result.stderr
