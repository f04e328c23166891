"""RSS 2.0 / Atom / RSS 1.0 feeds through feedparser: one raw article per entry (its content, else
its summary), with its link and dates. Feeds that declare XML entities are refused before parsing:
news feeds do not need them, and an entity-expansion bomb must not reach the parser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from storyfold.ingest.dates import parse_date
from storyfold.ingest.html import fragment_paragraphs
from storyfold.ingest.options import ReadOptions
from storyfold.model import RawArticle, Skipped, sha256_bytes

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(?:rss|feed|RDF)[\s>]")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes open an RSS, Atom or RSS 1.0 (RDF) document."""
    return bool(_FEED_ROOT.search(head[:2048]))


def _entry_date(entry: Any, *keys: str) -> date | datetime | None:
    for key in keys:
        raw = entry.get(key)
        if raw:
            parsed = parse_date(raw)
            if parsed is not None:
                return parsed
        tup = entry.get(f"{key}_parsed")
        if tup:
            try:
                return datetime(*tup[:6]).replace(tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def _entry_text(entry: Any) -> list[str]:
    contents = entry.get("content") or []
    best = max((str(c.get("value") or "") for c in contents), key=len, default="")
    summary = str(entry.get("summary") or "")
    return fragment_paragraphs(best if len(best) >= len(summary) else summary)


def read_feed(data: bytes, *, origin: str, options: ReadOptions) -> Iterator[RawArticle | Skipped]:
    """Every entry of a feed, or one skip naming why the feed cannot be read."""
    head = data[:65536]
    if _ENTITY_DECL.search(head) or _DOCTYPE_SUBSET.search(head):
        yield Skipped(origin, "feed declares XML entities in a DOCTYPE (possible entity-expansion bomb); refused")
        return
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    except Exception as exc:  # feedparser is a third-party parser: any failure is this input's problem
        yield Skipped(origin, f"malformed feed: {exc.__class__.__name__}: {str(exc)[:80]}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        detail = f" ({why.__class__.__name__}: {str(why)[:80]})" if why else ""
        yield Skipped(origin, f"feed has no entries{' or is malformed' + detail if detail else ''}")
        return
    feed_info = parsed.get("feed") or {}
    feed_title = str(feed_info.get("title") or "").strip() or None
    feed_date = _entry_date(feed_info, "updated", "published")
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        if n > options.max_records:
            yield Skipped(origin, f"feed has more than {options.max_records} entries; the rest were not read")
            return
        paragraphs = _entry_text(entry)
        title = " ".join(str(entry.get("title") or "").split()) or None
        link = str(entry.get("link") or "").strip() or None
        if not paragraphs and not title:
            why = parsed.get("bozo_exception") if parsed.get("bozo") else None
            broken = f"malformed feed ({why.__class__.__name__}): " if why else ""
            yield Skipped(where, f"{broken}feed entry has neither text nor title")
            continue
        meta: list[tuple[str, Any]] = [("format", "feed")]
        if feed_title:
            meta.append(("feed_title", feed_title))
        if entry.get("id"):
            meta.append(("feed_entry_id", str(entry.get("id"))))
        author = str(entry.get("author") or "").strip() or None
        yield RawArticle(
            origin=where,
            paragraphs=tuple(paragraphs),
            title=title,
            url=link,
            source=feed_title,
            author=author,
            published=_entry_date(entry, "published", "updated", "created") or feed_date,
            raw_hash=sha256_bytes(data + f"#{n}".encode()),
            meta=tuple(sorted(meta)),
        )
