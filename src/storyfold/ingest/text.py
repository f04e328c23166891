"""Plain-text articles laid out like the seeds.

Layout: optional title line(s), optional ``key value`` header lines (``date 2020-10-31``, ``source``,
``url``, ``title``, ``author``), then body paragraphs separated by blank lines. A header may share its
line with the first body words (``date 2020-10-31 Armenian Prime Minister ...``): the value is the
date, the rest of the line is body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from storyfold.clean import classify_block
from storyfold.ingest.dates import parse_date
from storyfold.ingest.decode import decode_bytes
from storyfold.model import RawArticle, SegmentKind, Skipped, sha256_bytes

HEADER_KEYS = ("date", "source", "url", "title", "author")
_HEADER = re.compile(r"^\s*(date|source|url|title|author)\s*[:=]?\s+(\S.*)$", re.IGNORECASE)
_ISO_PREFIX = re.compile(
    r"^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\s*(.*)$"
)
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)]*$""")
TITLE_MAX_WORDS = 25


def _blocks(text: str) -> list[str]:
    lines = text.splitlines()
    if any(not ln.strip() for ln in lines):
        blocks: list[str] = []
        cur: list[str] = []
        for ln in lines:
            if ln.strip():
                cur.append(ln.strip())
            elif cur:
                blocks.append("\n".join(cur))
                cur = []
        if cur:
            blocks.append("\n".join(cur))
        return blocks
    return [ln.strip() for ln in lines if ln.strip()]


def _looks_like_title(block: str) -> bool:
    words = block.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and "\n" not in block
        and not _SENTENCE_END.search(block)
        and classify_block(block).kind is SegmentKind.BODY
    )


def parse_text(text: str, *, origin: str, file_name: str | None = None, raw_hash: str | None = None) -> RawArticle:
    """Parse a decoded plain-text article."""
    headers: dict[str, str] = {}
    titles: list[str] = []
    body: list[str] = []
    published: date | datetime | None = None
    for block in _blocks(text):
        if body:
            body.append(block)
            continue
        rest_lines: list[str] = []
        for line in block.split("\n"):
            m = _HEADER.match(line) if not rest_lines else None
            if m is None:
                rest_lines.append(line)
                continue
            key, value = m.group(1).lower(), m.group(2).strip()
            if key == "date":
                iso = _ISO_PREFIX.match(value)
                if iso:
                    value, remainder = iso.group(1), iso.group(2)
                    if remainder:
                        rest_lines.append(remainder)
                parsed = parse_date(value)
                if parsed is None:  # not a date after all: it is text
                    rest_lines.append(line.strip())
                    continue
                published = parsed
            elif key == "url":
                value, _, remainder = value.partition(" ")
                if remainder.strip():
                    rest_lines.append(remainder.strip())
            headers.setdefault(key, value)
        if not rest_lines:
            continue
        rest = " ".join(ln.strip() for ln in rest_lines)
        if not body and _looks_like_title(rest):
            titles.append(rest)
        else:
            body.append(rest)
    title = headers.get("title") or (titles[0] if titles else None)
    subtitles = tuple(titles[1:] if not headers.get("title") else titles)
    return RawArticle(
        origin=origin,
        paragraphs=tuple(b.replace("\n", " ") for b in body),
        title=title,
        subtitles=subtitles,
        url=headers.get("url"),
        source=headers.get("source"),
        author=headers.get("author"),
        published=published,
        file_name=file_name,
        raw_hash=raw_hash,
    )


def read_text(data: bytes, *, origin: str, file_name: str | None) -> Iterator[RawArticle | Skipped]:
    """Read one plain-text article from raw bytes."""
    decoded = decode_bytes(data, origin=origin)
    if isinstance(decoded, Skipped):
        yield decoded
        return
    raw = parse_text(decoded, origin=origin, file_name=file_name, raw_hash=sha256_bytes(data))
    if not raw.paragraphs:
        yield Skipped(origin, "no article text found (empty or only a title/header)")
        return
    yield raw
