"""Which reader reads what: sniffing, gzip with a decompression-ratio cap, and dispatch of bytes
and files to the readers."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from storyfold.ingest.csvfile import read_csv
from storyfold.ingest.feeds import looks_like_feed, read_feed
from storyfold.ingest.html import HtmlPage, html_page
from storyfold.ingest.jsonl import read_jsonl_lines
from storyfold.ingest.options import ReadOptions
from storyfold.ingest.text import read_text
from storyfold.ingest.warc import WARC_MAGIC, read_warc
from storyfold.model import RawArticle, Skipped

GZIP_MAGIC = b"\x1f\x8b"
_HTML_HEAD = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"
MIN_RATIO_BASE = 64 * 1024  # compressed bytes the ratio cap is measured against, at least


def sniff(head: bytes, name: str) -> str:
    """The format of an input: ``gzip``, ``warc``, ``feed``, ``html``, ``jsonl``, ``csv`` or ``text``."""
    lname = name.lower()
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):  # sniff UTF-16 text by its characters, not its bytes
            head = head[2:].decode(enc, "ignore").encode("utf-8")
            break
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    body = head.lstrip(_BOM + b" \t\r\n")
    if body.startswith(WARC_MAGIC):
        return "warc"
    if lname.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if body.startswith(b"<") or lname.endswith((".xml", ".rss", ".atom")):
        if looks_like_feed(body):
            return "feed"
        if _HTML_HEAD.search(body[:4096]) or lname.endswith((".html", ".htm", ".xhtml", ".shtml")):
            return "html"
    if lname.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return "html"
    if lname.endswith((".csv", ".tsv")):
        return "csv"
    if body.startswith(b"{") and not lname.endswith(".txt"):
        return "jsonl"
    return "text"


def gunzip_bytes(data: bytes, *, origin: str, options: ReadOptions) -> bytes | Skipped:
    """Decompress gzip (all members) within the size and ratio caps; a truncated stream is a skip."""
    limit = min(options.max_file_bytes, options.max_ratio * max(len(data), MIN_RATIO_BASE))
    out = bytearray()
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += d.decompress(rest, limit + 1 - len(out))
            if len(out) > limit:
                if limit == options.max_file_bytes:
                    return Skipped(
                        origin, f"decompresses to over {options.max_file_bytes} bytes (raise --max-file-bytes)"
                    )
                return Skipped(origin, f"decompresses to over {options.max_ratio}x its size; refused as a bomb")
            if not d.eof:
                return Skipped(origin, "truncated gzip: the compressed stream ends early")
            rest = d.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        return Skipped(origin, f"corrupt gzip data ({exc})")
    return bytes(out)


def read_bytes(
    data: bytes,
    *,
    origin: str,
    name: str,
    options: ReadOptions,
    url: str | None = None,
    http_charset: str | None = None,
    content_type: str = "",
    fallback_date: date | datetime | None = None,
    depth: int = 0,
) -> Iterator[RawArticle | Skipped | HtmlPage]:
    """Read an input held in memory (standard input, a fetched page, a decompressed file)."""
    kind = sniff(data[:4096], name)
    if kind == "text" and "html" in content_type.lower():
        kind = "html"
    if kind == "gzip":
        if depth > 0:
            yield Skipped(origin, "gzip inside gzip; refused")
            return
        inner = gunzip_bytes(data, origin=origin, options=options)
        if isinstance(inner, Skipped):
            yield inner
            return
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
        yield from read_bytes(
            inner, origin=origin, name=inner_name, options=options, url=url, fallback_date=fallback_date, depth=1
        )
    elif kind == "warc":
        yield from read_warc(io.BytesIO(data), origin=origin, options=options)
    elif kind == "feed":
        yield from read_feed(data, origin=origin, options=options)
    elif kind == "html":
        page = HtmlPage(data, origin, url, None if url else (name or None), fallback_date, http_charset)
        yield html_page(page, options.defer_html)
    elif kind == "jsonl":
        yield from read_jsonl_lines(data.splitlines(), origin=origin)
    elif kind == "csv":
        yield from read_csv(data, origin=origin, options=options)
    else:
        yield from read_text(data, origin=origin, file_name=name or None)


def _gzip_is_warc(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(len(WARC_MAGIC)) == WARC_MAGIC
    except (OSError, EOFError, zlib.error):
        return False


def read_file(path: Path, options: ReadOptions, origin: str | None = None) -> Iterator[RawArticle | Skipped | HtmlPage]:
    """Read one file: JSONL and WARC are streamed (their records are limited, not the file);
    everything else is read whole within ``max_file_bytes``. ``origin``: how to name it (default: the path)."""
    origin = origin or str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
        kind = sniff(head, path.name)
        if kind == "jsonl" and path.name.lower().endswith((".jsonl", ".ndjson")):
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, origin=origin)
            return
        if kind == "warc" or (kind == "gzip" and _gzip_is_warc(path)):
            with path.open("rb") as fh:
                yield from read_warc(fh, origin=origin, options=options)
            return
        if size > options.max_file_bytes:
            yield Skipped(
                origin, f"file is {size} bytes, over the limit of {options.max_file_bytes} (raise --max-file-bytes)"
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, origin=origin, name=path.name, options=options)
