"""Readers for every format news arrives in: HTML pages, RSS/Atom feeds (joined to their pages),
WARC archives, CSV exports, gzip, standard input and http(s) URLs (served from 127.0.0.1)."""

from __future__ import annotations

import gzip
import io
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyfold.ingest import ReadOptions, read_inputs
from storyfold.model import RawArticle, Skipped
from storyfold.pipeline import build_article

from conftest import warc_bytes

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
QUAKE_URL = "https://www.dailyledger.example.com/world/2011/10/23/van-earthquake"


def _articles(items: list[RawArticle | Skipped]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def test_html_page_main_text_and_metadata_without_page_chrome() -> None:
    (raw,) = list(read_inputs([str(FIX / "quake.html")]))
    assert isinstance(raw, RawArticle)
    assert raw.title == "Strong earthquake shakes Van province, dozens killed"
    assert raw.url == QUAKE_URL and raw.source == "The Daily Ledger" and raw.author == "Maria Keller"
    assert raw.published == datetime(2011, 10, 23, 14, 5, tzinfo=timezone(timedelta(hours=3)))
    text = "\n".join(raw.paragraphs)
    assert "toppling buildings in the city of Van" in text and "Red Crescent" in text
    for chrome in ("Sport", "Privacy policy", "Accept all cookies", "How earthquakes are measured"):
        assert chrome not in text
    article = build_article(raw)
    assert article.dateline == "VAN, Turkey (AFP) -" and article.wire == "AFP"
    assert article.language == "en" and article.non_article is None
    assert article.outlet == "dailyledger.example.com"
    assert all("newsletter" not in s.text for s in article.body)  # the sign-up call is kept aside as debris
    assert raw.raw_hash is not None and len(raw.raw_hash) == 64


def test_declared_charset_is_honoured() -> None:
    (raw,) = list(read_inputs([str(FIX / "latin1.html")]))
    assert isinstance(raw, RawArticle)
    assert "Montréal" in " ".join(raw.paragraphs) and "café" in " ".join(raw.paragraphs)


def test_utf16_page_with_bom_and_content_sniffed_despite_extension(tmp_path: Path) -> None:
    page = (FIX / "quake.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    f = tmp_path / "page.txt"  # the name says text, the bytes say HTML
    f.write_bytes(b"\xff\xfe" + page.encode("utf-16-le"))
    (raw,) = list(read_inputs([str(f)]))
    assert isinstance(raw, RawArticle) and raw.title == "Strong earthquake shakes Van province, dozens killed"


def test_feed_entry_is_joined_to_its_page_and_other_entries_stand_alone(tmp_path: Path) -> None:
    items = list(read_inputs([str(FIX / "feed.rss"), str(FIX / "quake.html")]))
    arts = _articles(items)
    assert len(arts) == 2 and not [i for i in items if isinstance(i, Skipped)]
    page = next(a for a in arts if a.url == QUAKE_URL)
    assert dict(page.meta)["feed_entry"].endswith("feed.rss#1")
    assert "toppling buildings" in " ".join(page.paragraphs)  # the page's full text, not the feed's summary
    floods = next(a for a in arts if a is not page)
    assert floods.title == "Floods cut off villages in northern Thailand"
    assert floods.published == datetime(2011, 10, 24, 6, 30, tzinfo=timezone(timedelta(hours=7)))
    assert floods.paragraphs[1].startswith("Soldiers used boats")
    assert build_article(floods).wire == "Reuters"


def test_feed_fills_a_date_the_page_lacks(tmp_path: Path) -> None:
    page = (FIX / "quake.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="article:published_time" content="2011-10-23T14:05:00+03:00">', "")
    page = page.replace("/world/2011/10/23/van-earthquake", "/world/van-earthquake")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    feed = (
        (FIX / "feed.rss")
        .read_text(encoding="utf-8")
        .replace("/world/2011/10/23/van-earthquake", "/world/van-earthquake")
    )
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    arts = _articles(list(read_inputs([str(tmp_path)])))
    page_art = next(a for a in arts if a.url and a.url.endswith("/world/van-earthquake"))
    assert page_art.published == datetime(2011, 10, 23, 11, 5, tzinfo=UTC)


def test_atom_feed() -> None:
    (raw,) = list(read_inputs([str(FIX / "feed.atom")]))
    assert isinstance(raw, RawArticle)
    assert raw.url == "https://harbourtimes.example.org/news/ferry-resumes" and raw.author == "Tom Reid"
    assert raw.published == datetime(2016, 3, 5, 8, 15, tzinfo=timezone(timedelta(hours=1)))
    assert raw.paragraphs[0].startswith("Ferry services between the islands resumed")


def _undated_page() -> bytes:
    page = (FIX / "quake.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="article:published_time" content="2011-10-23T14:05:00+03:00">', "")
    return page.replace("/world/2011/10/23/van-earthquake", "/world/quake").encode("utf-8")


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_articles_with_record_url_and_date(tmp_path: Path, gz: bool) -> None:
    data = warc_bytes(
        [
            ("https://news.example.net/a", (FIX / "quake.html").read_bytes(), "2011-10-24T00:00:00Z"),
            ("https://news.example.net/b", _undated_page(), "2011-10-25T08:00:00Z"),
        ],
        gz=gz,
    )
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    f.write_bytes(data)
    items = list(read_inputs([str(f)]))
    arts = _articles(items)
    assert [a.url for a in arts] == ["https://news.example.net/a", "https://news.example.net/b"]
    assert arts[0].published == datetime(2011, 10, 23, 14, 5, tzinfo=timezone(timedelta(hours=3)))  # the page's own
    assert arts[1].published == datetime(2011, 10, 25, 8, 0, tzinfo=UTC)  # the record's date
    assert not [i for i in items if isinstance(i, Skipped)]


def test_truncated_warc_gz_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    pages = [(f"https://news.example.net/{n}", (FIX / "quake.html").read_bytes(), "2011-10-24T00:00:00Z") for n in "ab"]
    data = warc_bytes(pages, gz=True)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: len(data) - 300])
    items = list(read_inputs([str(f)]))
    assert len(_articles(items)) >= 1
    (skip,) = [i for i in items if isinstance(i, Skipped)]
    assert skip.origin == str(f) and "truncated" in skip.reason


def test_csv_with_column_mapping_and_ragged_row(tmp_path: Path) -> None:
    opts = ReadOptions(csv_columns=(("id", "doc"), ("text", "body"), ("title", "headline"), ("source", "outlet")))
    items = list(read_inputs([str(FIX / "export.csv")], options=opts))
    arts = _articles(items)
    assert [a.input_id for a in arts] == ["c1", "c2"]
    assert arts[0].published == date(2019, 6, 14) and arts[0].source == "towncrier.example"
    assert arts[0].paragraphs[1].startswith("Drivers had faced long detours")
    assert "GOLD" not in repr(arts)  # the gold column of a labelled export is never read
    (skip,) = [i for i in items if isinstance(i, Skipped)]
    assert skip.origin == f"{FIX / 'export.csv'}:5" and "ragged row" in skip.reason


def test_gzip_file_and_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "quake.html.gz"
    f.write_bytes(gzip.compress((FIX / "quake.html").read_bytes()))
    (raw,) = list(read_inputs([str(f)]))
    assert isinstance(raw, RawArticle) and raw.url == QUAKE_URL

    class _Stdin:
        buffer = io.BytesIO((FIX / "feed.atom").read_bytes())

    monkeypatch.setattr(sys, "stdin", _Stdin())
    (entry,) = list(read_inputs(["-"]))
    assert isinstance(entry, RawArticle) and entry.title == "Ferry service resumes after storm"


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []  # noqa: RUF012  (the test server records what it was sent)

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/quake":
            body = (FIX / "quake.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/big":
            body = b"<html><body>" + b"<p>word</p>" * 20_000 + b"</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/quake")
            body = b""
        else:
            body = b"not here"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_fetched_with_an_honest_agent_and_limits(server: str) -> None:
    opts = ReadOptions(max_file_bytes=100_000, fetch_timeout=5)
    items = list(read_inputs([f"{server}/moved", f"{server}/missing", f"{server}/big"], options=opts))
    (page,) = _articles(items)
    assert page.url == f"{server}/quake" and page.title == "Strong earthquake shakes Van province, dozens killed"
    reasons = {i.origin: i.reason for i in items if isinstance(i, Skipped)}
    assert "HTTP 404" in reasons[f"{server}/missing"]
    assert "limit" in reasons[f"{server}/big"]
    assert all(a.startswith("storyfold/") for a in _Handler.agents)


def test_unreachable_url_is_a_skip_not_a_crash() -> None:
    (skip,) = list(read_inputs(["http://127.0.0.1:9/nothing"], options=ReadOptions(fetch_timeout=2)))
    assert isinstance(skip, Skipped) and "cannot fetch" in skip.reason
