"""Bad input gets one clear line naming it and the reason; the batch goes on; nothing stored is
touched; the exit status says something was skipped. Plus property tests: any bytes into any
reader give articles or recorded reasons, never an exception."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from storyfold.cli import app
from storyfold.ingest import ReadOptions, read_inputs
from storyfold.ingest.formats import read_bytes
from storyfold.model import RawArticle, Skipped
from storyfold.pipeline import build_article, ingest_paths
from storyfold.store import open_store

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><description>&lol3;</description>
</item></channel></rss>"""


def _bad_inputs(d: Path) -> dict[str, str]:
    """name -> a word the reason must contain."""
    (d / "binary.html").write_bytes(bytes(range(256)) * 8)
    (d / "empty.html").write_bytes(b"")
    full = gzip.compress((FIX / "quake.html").read_bytes())
    (d / "cut.html.gz").write_bytes(full[: len(full) // 2])
    (d / "bomb.gz").write_bytes(gzip.compress(b"\n" * 20_000_000))
    (d / "lolz.xml").write_bytes(BOMB)
    (d / "broken.rss").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</tit')
    (d / "junk.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    (d / "huge.txt").write_bytes(b"")
    with (d / "huge.txt").open("r+b") as fh:  # a sparse 100 MB file: the size check refuses it unread
        fh.truncate(100 * 1024 * 1024)
    (d / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200 + b"\x00\x00" * 10)
    return {
        "binary.html": "binary",
        "empty.html": "empty",
        "cut.html.gz": "truncated gzip",
        "bomb.gz": "bomb",
        "lolz.xml": "entity",
        "broken.rss": "feed",
        "junk.warc": "WARC",
        "huge.txt": "over the limit",
        "undecodable.txt": "binary",
    }


def test_each_bad_input_gives_one_line_with_its_reason(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    assert not [i for i in items if isinstance(i, RawArticle)]
    by_name: dict[str, list[str]] = {}
    for item in items:
        assert isinstance(item, Skipped)
        by_name.setdefault(Path(item.origin.split("#")[0]).name, []).append(item.reason)
    assert set(by_name) == set(expected)
    for name, word in expected.items():
        assert len(by_name[name]) == 1, (name, by_name[name])
        assert word.lower() in by_name[name][0].lower(), (name, by_name[name])


def test_ragged_and_headerless_csv(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text('title,text\nA,"Body one is here."\nB\nC,"Body three",more\n')
    items = list(read_inputs([str(f)]))
    assert [i.title for i in items if isinstance(i, RawArticle)] == ["A"]
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert sum("ragged row" in r for r in reasons) >= 2
    (tmp_path / "none.csv").write_text("a,b\n1,2\n")
    (skip,) = list(read_inputs([str(tmp_path / "none.csv")]))
    assert isinstance(skip, Skipped) and "no text column" in skip.reason


def test_batch_goes_on_store_untouched_and_exit_status_three(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    inputs = tmp_path / "in"
    inputs.mkdir()
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", "--db", db, str(FIX / "quake.html")])
    assert first.exit_code == 0, first.output
    store = open_store(db)
    before = [(a.id, a.content_hash, a.segments) for a in store.iter_articles()]
    store.close()
    expected = _bad_inputs(inputs)
    (inputs / "feed.atom").write_bytes((FIX / "feed.atom").read_bytes())
    result = runner.invoke(app, ["ingest", "--db", db, "--json", str(inputs)])
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert report["ingested"] == 1  # the good feed entry among the bad files
    assert {Path(s["input"].split("#")[0]).name for s in report["skipped"]} == set(expected)
    store = open_store(db)
    after = {a.id: (a.id, a.content_hash, a.segments) for a in store.iter_articles()}
    store.close()
    assert all(after[b[0]] == b for b in before)


def test_limits_are_configurable(tmp_path: Path) -> None:
    opts = ReadOptions(max_records=1)
    items = list(read_inputs([str(FIX / "feed.rss")], options=opts))
    assert len([i for i in items if isinstance(i, RawArticle)]) == 1
    assert any(isinstance(i, Skipped) and "more than 1 entries" in i.reason for i in items)
    runner = CliRunner()
    result = runner.invoke(
        app, ["ingest", "--db", str(tmp_path / "s.db"), "--max-file-bytes", "100", str(FIX / "quake.html")]
    )
    assert result.exit_code == 3 and "over the limit of 100" in result.output
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--csv-columns", "nonsense", "x.csv"])
    assert result.exit_code != 0 and "FIELD=COLUMN" in result.output


def test_a_page_that_is_not_an_article_is_stored_with_its_reason_and_kept_out_of_stories(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    report = ingest_paths([str(FIX / "captcha.html"), str(FIX / "quake.html")], store)
    assert not report.skipped and len(report.ingested) == 2
    ((bad_id, reason),) = report.non_articles
    assert "captcha" in reason
    assert store.get_article(bad_id).non_article == reason
    assert store.assignment(bad_id) is None
    assert [a for s in store.stories() for a in s.article_ids] == [QUAKE_ID := report.ingested[1]]
    assert store.get_article(QUAKE_ID).wire == "AFP"
    store.close()


# --- property tests: any bytes in, an article or a recorded reason out -------------------------------

NAMES = ("page.html", "feed.xml", "a.warc", "a.warc.gz", "x.csv", "x.jsonl", "x.txt", "x.gz", "noext")
PREFIXES = (b"", b"<html><body><p>", b"<rss version='2.0'><channel><item>", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00")
PROPS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(st.sampled_from(NAMES), st.sampled_from(PREFIXES), st.binary(max_size=600))
def test_any_bytes_in_any_reader(name: str, prefix: bytes, data: bytes) -> None:
    items = list(read_bytes(prefix + data, origin="x", name=name, options=ReadOptions(max_records=50)))
    for item in items:
        assert isinstance(item, RawArticle | Skipped)
        if isinstance(item, Skipped):
            assert item.reason
        else:
            build_article(item)


@PROPS
@given(st.text(max_size=400), st.sampled_from(NAMES))
def test_any_text_in_any_reader(text: str, name: str) -> None:
    for item in read_bytes(text.encode("utf-8", "surrogatepass"), origin="x", name=name, options=ReadOptions()):
        assert isinstance(item, RawArticle | Skipped)


@PROPS
@given(st.binary(min_size=1, max_size=300), st.integers(min_value=1, max_value=200))
def test_truncated_or_corrupted_gzip_of_a_real_page(noise: bytes, cut: int) -> None:
    page = gzip.compress((FIX / "quake.html").read_bytes())
    broken = page[: max(10, len(page) - cut)] + noise[: cut % 7]
    items = list(read_bytes(broken, origin="p.html.gz", name="p.html.gz", options=ReadOptions()))
    assert items and all(isinstance(i, RawArticle | Skipped) for i in items)


def test_gzip_bomb_is_refused_without_expanding_it() -> None:
    bomb = zlib.compress(b"\0" * 20_000_000)
    data = gzip.compress(b"\0" * 20_000_000)
    assert len(data) < 100_000 and len(bomb) < 100_000
    (skip,) = list(read_bytes(data, origin="b.gz", name="b.gz", options=ReadOptions()))
    assert isinstance(skip, Skipped) and "bomb" in skip.reason
    (skip,) = list(
        read_bytes(io.BytesIO(data).read(), origin="b.gz", name="b.gz", options=ReadOptions(max_ratio=10_000))
    )
    assert isinstance(skip, Skipped)
