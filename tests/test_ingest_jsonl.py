"""JSONL input: the documented fields, extra fields kept, gold fields never read, bad lines skipped."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storyfold.ingest import read_inputs
from storyfold.model import RawArticle, Skipped

from conftest import DEMO


def test_fields_metadata_and_gold_fields_dropped(tmp_path: Path) -> None:
    row = {
        "id": "x1",
        "title": "T",
        "text": "First paragraph.\nSecond paragraph.",
        "published": "2013-05-03",
        "url": "http://e.com/a",
        "source": "e.com",
        "story": "GOLD",
        "topic": "GOLD",
        "facts": {"killed": 1},
        "split": "dev",
        "lang": "en",
    }
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(row) + "\n")
    (raw,) = list(read_inputs([str(f)]))
    assert isinstance(raw, RawArticle)
    assert (raw.input_id, raw.title, raw.url, raw.source) == ("x1", "T", "http://e.com/a", "e.com")
    assert raw.published == date(2013, 5, 3)
    assert raw.paragraphs == ("First paragraph.", "Second paragraph.")
    assert raw.meta_dict() == {"lang": "en"}
    assert "GOLD" not in repr(raw)


def test_bad_lines_are_skipped_with_line_numbers_and_the_rest_read(tmp_path: Path) -> None:
    deep: object = "x"
    for _ in range(100):
        deep = [deep]
    lines = [
        json.dumps({"id": "ok1", "text": "Fine text."}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "deep", "text": "t", "extra": deep}),
        json.dumps({"id": "ok2", "text": "More fine text."}),
    ]
    f = tmp_path / "b.jsonl"
    f.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(f)]))
    assert [i.input_id for i in items if isinstance(i, RawArticle)] == ["ok1", "ok2"]
    skipped = {i.origin: i.reason for i in items if isinstance(i, Skipped)}
    assert set(skipped) == {f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5"}
    assert "not valid JSON" in skipped[f"{f}:2"]
    assert "nested deeper" in skipped[f"{f}:5"]


def test_demo_excerpt_reads_completely() -> None:
    items = list(read_inputs([str(DEMO)]))
    assert len(items) == 162 and all(isinstance(i, RawArticle) for i in items)
