"""CSV exports: one article a row. Columns are found by their usual names (``text``/``body``/
``content``, ``title``/``headline``, ``published``/``date``, ``url``/``link``, ``source``/``outlet``,
``id``, ``author``) or named with a column mapping (``text=body,published=pubdate``). A ragged row
is skipped with its line number; other columns are kept as metadata."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from storyfold.ingest.decode import decode_bytes
from storyfold.ingest.jsonl import GOLD_FIELDS, record_to_raw
from storyfold.ingest.options import ReadOptions
from storyfold.model import RawArticle, Skipped, sha256_text

FIELDS = ("id", "title", "text", "published", "url", "source", "author")
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "guid"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "published": ("published", "date", "pubdate", "publish_date", "published_at", "date_publish", "datetime"),
    "url": ("url", "link", "href"),
    "source": ("source", "outlet", "site", "domain", "publisher", "source_domain"),
    "author": ("author", "authors", "byline"),
}
MAX_FIELD_CHARS = 8 * 1024 * 1024


def _mapping(header: list[str], options: ReadOptions) -> dict[str, int] | str:
    lowered = {h.strip().lower(): i for i, h in enumerate(header)}
    out: dict[str, int] = {}
    for field, column in options.csv_columns:
        if field not in FIELDS:
            return f"unknown article field {field!r} in the column mapping; known: {', '.join(FIELDS)}"
        if column.strip().lower() not in lowered:
            return f"no column {column!r} in the header (columns: {', '.join(header)[:200]})"
        out[field] = lowered[column.strip().lower()]
    for field, names in ALIASES.items():
        if field not in out:
            for name in names:
                if name in lowered and lowered[name] not in out.values():
                    out[field] = lowered[name]
                    break
    if "text" not in out:
        return "no text column (name one with --csv-columns text=COLUMN)"
    return out


def read_csv(data: bytes, *, origin: str, options: ReadOptions) -> Iterator[RawArticle | Skipped]:
    decoded = decode_bytes(data, origin=origin)
    if isinstance(decoded, Skipped):
        yield decoded
        return
    sample = decoded[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(decoded, newline=""), dialect)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        yield from _rows(reader, origin=origin, options=options)
    finally:
        csv.field_size_limit(old_limit)


def _rows(reader: Iterator[list[str]], *, origin: str, options: ReadOptions) -> Iterator[RawArticle | Skipped]:
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield Skipped(origin, f"CSV without a readable header row ({exc.__class__.__name__})")
        return
    mapping = _mapping(header, options)
    if isinstance(mapping, str):
        yield Skipped(origin, mapping)
        return
    n = 0
    while True:
        where = f"{origin}:{reader.line_num + 1}" if hasattr(reader, "line_num") else origin
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skipped(where, f"malformed CSV row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        n += 1
        if n > options.max_records:
            yield Skipped(origin, f"CSV has more than {options.max_records} rows; the rest were not read")
            return
        if len(row) != len(header):
            yield Skipped(where, f"ragged row: {len(row)} fields where the header has {len(header)}")
            continue
        used = set(mapping.values())
        record: dict[str, object] = {field: row[i] for field, i in mapping.items()}
        for i, name in enumerate(header):
            key = name.strip() or f"column{i + 1}"
            if i not in used and key.lower() not in GOLD_FIELDS and key not in record:
                record[key] = row[i]
        raw = record_to_raw(record, origin=where, raw_hash=sha256_text("\x1f".join(row)))
        if isinstance(raw, RawArticle):
            raw = _with_format(raw)
        yield raw


def _with_format(raw: RawArticle) -> RawArticle:
    from dataclasses import replace

    return replace(raw, meta=tuple(sorted((*raw.meta, ("format", "csv")))))
