"""JSON Lines: one article object a line (``id``, ``title``, ``text``, ``published``, ``url``,
``source``; every other field is kept as metadata). The gold fields of labelled sets are dropped
unread, so no stage can peek at the answers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from storyfold.ingest.dates import parse_date
from storyfold.model import RawArticle, Skipped, sha256_bytes

GOLD_FIELDS = frozenset({"story", "topic", "facts", "split"})
KNOWN_FIELDS = frozenset({"id", "title", "text", "published", "url", "source", "author"})
MAX_RECORD_BYTES = 8 * 1024 * 1024
MAX_NESTING = 32
_SURROGATE = re.compile("[\ud800-\udfff]")  # what a JSON escape like "\\ud800" decodes to when unpaired


def nesting_depth(obj: Any, limit: int) -> int:
    stack: list[tuple[Any, int]] = [(obj, 1)]
    deepest = 0
    while stack:
        cur, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(cur, dict):
            stack.extend((v, d + 1) for v in cur.values())
        elif isinstance(cur, list):
            stack.extend((v, d + 1) for v in cur)
    return deepest


def _has_surrogates(obj: Any) -> bool:
    """Whether any string (key or value) in the decoded JSON holds an unpaired surrogate (not UTF-8 encodable)."""
    stack = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, str):
            if _SURROGATE.search(cur):
                return True
        elif isinstance(cur, dict):
            stack.extend(cur.keys())
            stack.extend(cur.values())
        elif isinstance(cur, list):
            stack.extend(cur)
    return False


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def record_to_raw(obj: dict[str, Any], *, origin: str, raw_hash: str | None = None) -> RawArticle | Skipped:
    """One decoded JSON object to a raw article (or the reason it is not one)."""
    if _has_surrogates(obj):
        return Skipped(origin, "record holds an unpaired surrogate escape (e.g. \\ud800): not valid Unicode")
    text = obj.get("text")
    empty_page = isinstance(text, str) and not text.strip() and bool(obj.get("title") or obj.get("url"))
    if not isinstance(text, str) or not (text.strip() or empty_page):
        return Skipped(origin, "record has no 'text' field with article text")
    # a record with a title or URL and empty text is a scraped empty page: it is kept (and flagged)
    published = obj.get("published")
    meta = tuple(sorted((k, v) for k, v in obj.items() if k not in KNOWN_FIELDS and k not in GOLD_FIELDS))
    paragraphs = tuple(p.strip() for p in text.splitlines() if p.strip())
    return RawArticle(
        origin=origin,
        paragraphs=paragraphs,
        title=_str_or_none(obj.get("title")),
        input_id=_str_or_none(obj.get("id")),
        url=_str_or_none(obj.get("url")),
        source=_str_or_none(obj.get("source")),
        author=_str_or_none(obj.get("author")),
        published=parse_date(published) if published is not None else None,
        raw_hash=raw_hash,
        meta=meta,
    )


def read_jsonl_lines(lines: Iterable[bytes], *, origin: str) -> Iterator[RawArticle | Skipped]:
    """Read JSON Lines from an iterable of byte lines; a bad line is skipped with its line number."""
    for lineno, line in enumerate(lines, start=1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        if len(line) > MAX_RECORD_BYTES:
            yield Skipped(where, f"record larger than {MAX_RECORD_BYTES} bytes")
            continue
        try:
            obj = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Skipped(where, "line is not UTF-8 text")
            continue
        except (ValueError, RecursionError) as exc:  # ValueError: bad JSON, or an integer over 4300 digits
            yield Skipped(where, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})")
            continue
        if not isinstance(obj, dict):
            yield Skipped(where, f"expected a JSON object, got {type(obj).__name__}")
            continue
        if nesting_depth(obj, MAX_NESTING) > MAX_NESTING:
            yield Skipped(where, f"JSON nested deeper than {MAX_NESTING} levels")
            continue
        yield record_to_raw(obj, origin=where, raw_hash=sha256_bytes(line.strip()))
