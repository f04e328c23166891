"""Web archives (WARC and WARC.gz, as Common Crawl News publishes them) through warcio. Each HTML
``response`` record becomes an article with the record's URL, and its date where the page gives none.
The archive is streamed: its size is not limited, each record's is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from storyfold.ingest.dates import parse_date
from storyfold.ingest.html import read_html
from storyfold.ingest.options import ReadOptions
from storyfold.model import RawArticle, Skipped

WARC_MAGIC = b"WARC/"
HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_RATIO_BASE = 1024 * 1024  # the ratio cap applies once this many compressed bytes are read


class _Counting:
    """A read-only file wrapper that counts the (compressed) bytes the archive reader takes."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._fh.readline(size)
        self.count += len(data)
        return data


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_warc(fh: IO[bytes], *, origin: str, options: ReadOptions) -> Iterator[RawArticle | Skipped]:
    """Every HTML response record of a WARC stream; an archive broken midway yields what came
    before the break and one skip saying where it broke."""
    from warcio.archiveiterator import ArchiveIterator

    counting = _Counting(fh)
    expanded = 0
    records = 0
    articles = 0
    try:
        for record in ArchiveIterator(counting):
            if record.rec_type != "response":
                continue
            records += 1
            if records > options.max_records:
                yield Skipped(origin, f"archive has more than {options.max_records} records; the rest were not read")
                return
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{origin}#{uri or records}"
            http = record.http_headers
            ctype = (http.get_header("Content-Type") or "") if http is not None else ""
            status = http.get_statuscode() if http is not None else None
            if not ctype.lower().startswith(HTML_TYPES):
                continue
            if status and not str(status).startswith("2"):
                yield Skipped(where, f"HTTP status {status} in the archive; not a page")
                continue
            body = record.content_stream().read(options.max_file_bytes + 1)
            expanded += len(body)
            if expanded > options.max_ratio * max(counting.count, MIN_RATIO_BASE):
                yield Skipped(origin, f"decompresses to over {options.max_ratio}x its size; refused as a bomb")
                return
            if len(body) > options.max_file_bytes:
                yield Skipped(where, f"record larger than {options.max_file_bytes} bytes (raise --max-file-bytes)")
                continue
            fallback = parse_date(record.rec_headers.get_header("WARC-Date"))
            articles += 1
            yield read_html(body, origin=where, url=uri or None, fallback_date=fallback, http_charset=_charset(ctype))
    except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, zlib, EOF): all mean a broken archive
        yield Skipped(
            origin,
            f"malformed or truncated WARC after {articles} pages ({exc.__class__.__name__}: {str(exc)[:80]})",
        )
        return
    if records == 0:
        yield Skipped(origin, "WARC archive holds no response records")
