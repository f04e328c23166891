"""The web UI in a real browser: headless chromium (Playwright) against ``storyfold serve``'s app under
uvicorn, over a store holding the two seeds and a hostile article. The story list, the seeds' story (shared
core, each seed's additions, the claims), and the hostile article rendered as text, its script never run.

Skips where /usr/bin/chromium is missing, except in CI (CI=true), where .ci/services installs it.
STORYFOLD_SCREENSHOT=docs/story-page.png writes the README's screenshot of the story page."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from storyfold.pipeline import IngestOptions, ingest_paths
from storyfold.store import open_store
from storyfold.web import create_app

from conftest import SEED_A, SEED_B

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_TITLE = "<script>window.__pwned=1</script> Council budget"
HOSTILE = {
    "id": "hostile-1",
    "title": HOSTILE_TITLE,
    "text": "The council met on Monday.\n<script>window.__pwned=1</script> It approved the new budget.",
    "published": "2021-03-01",
    "url": "javascript:window.__pwned=1",
    "source": "evil.example",
}


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            raise AssertionError(f"CI: {CHROMIUM} is missing (.ci/services installs chromium)")
        pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium, or run .ci/services)")
    return CHROMIUM


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, fact_extractor: Any) -> Iterator[str]:
    """The app under uvicorn in a background thread on a free localhost port."""
    tmp = tmp_path_factory.mktemp("browser")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    store = open_store(tmp / "ui.db")
    report = ingest_paths([str(SEED_A), str(SEED_B), str(hostile)], store, IngestOptions(), facts=fact_extractor)
    store.close()
    assert len(report.ingested) == 3 and not report.skipped

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(tmp / "ui.db", facts=None), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser_page(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1200, "height": 900})
        browser.close()


def test_story_list_story_page_and_a_hostile_article(base_url: str, browser_page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = browser_page
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)

    page.goto(base_url + "/")
    expect(page.locator("ol.stories li")).to_have_count(2)
    expect(page.get_by_text(HOSTILE_TITLE)).to_be_visible()  # the title as text, not as a script

    page.get_by_role("link", name="Armenia PM").first.click()
    expect(page.locator("h1")).to_contain_text("Armenia")
    shared = page.locator("#shared-core ol.shared li")
    expect(shared.first).to_be_visible()
    assert shared.count() >= 2
    longer = page.locator(f'section.source[data-article="{SEED_A.name}"]')
    expect(longer.locator("p.added mark").first).to_be_visible()  # the sentences only the longer report has
    assert longer.locator("p.added").count() == 12
    expect(longer.locator("p.shared ins").first).to_be_visible()  # its own words in shared statements
    shorter = page.locator(f'section.source[data-article="{SEED_B.name}"]')  # the earliest: every sentence shared
    expect(shorter.locator("p.shared").first).to_be_visible()
    expect(shorter.locator("p.meta")).to_contain_text("0 added")
    expect(page.locator("#claims table.claims tbody tr").first).to_be_visible()
    shot = Path(os.environ.get("STORYFOLD_SCREENSHOT") or tmp_path / "story-page.png")
    page.evaluate("document.getElementById('side-by-side').scrollIntoView()")
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    toggle = page.locator("#layout-toggle")  # shown and wired by /static/app.js, so the page's script ran
    toggle.click()
    expect(page.locator("#columns")).to_have_class("columns stacked")

    page.goto(base_url + "/articles/hostile-1")
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    expect(page.locator("#text")).to_contain_text("<script>window.__pwned=1</script> It approved")
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not blocked, blocked
