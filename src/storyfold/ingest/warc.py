"""Web archives (WARC and WARC.gz, as Common Crawl News publishes them) through warcio. Each HTML
``response`` record becomes an article with the record's URL, and its date where the page gives none.
The archive is streamed: its size is not limited, each record's is."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from storyfold.ingest.dates import parse_date
from storyfold.ingest.decode import charset_from_content_type
from storyfold.ingest.html import HtmlPage, html_page
from storyfold.ingest.options import ReadOptions
from storyfold.model import RawArticle, Skipped

WARC_MAGIC = b"WARC/"
HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_RATIO_BASE = 1024 * 1024  # the ratio cap applies once this many compressed bytes are read


class _Checked:
    """A read-only file wrapper between the archive and warcio: it counts the compressed bytes
    read and, for gzip, decompresses them once more on the side (output discarded) to know the true
    expansion and whether the last gzip member ended cleanly (warcio itself stops quietly at a
    truncated member). Past the ratio cap it reports end-of-file, so the reader stops."""

    def __init__(self, fh: IO[bytes], *, gz: bool, max_ratio: int) -> None:
        self._fh = fh
        self._gz = gz
        self._max_ratio = max_ratio
        self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._fresh = True
        self.count = 0
        self.expanded = 0
        self.bomb = False
        self.corrupt: str | None = None

    def _feed(self, data: bytes) -> None:
        buf = data
        while buf and self.corrupt is None:
            if self._d.eof:
                buf = self._d.unused_data + buf if self._d.unused_data else buf
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._fresh = True
            self._fresh = False
            try:
                out = self._d.decompress(buf, 1 << 20)
            except zlib.error as exc:
                self.corrupt = str(exc)
                return
            self.expanded += len(out)
            buf = self._d.unconsumed_tail
            if self._d.eof and self._d.unused_data:
                buf = self._d.unused_data + buf
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._fresh = True

    def read(self, size: int = -1) -> bytes:
        if self.bomb:
            return b""
        data = self._fh.read(size)
        self.count += len(data)
        if self._gz:
            self._feed(data)
            if self.expanded > self._max_ratio * max(self.count, MIN_RATIO_BASE):
                self.bomb = True
                return b""
        return data

    def readline(self, size: int = -1) -> bytes:
        return self.read(size if size and size > 0 else 8192)

    @property
    def truncated(self) -> bool:
        return self._gz and not self._fresh and not self._d.eof


def read_warc(fh: IO[bytes], *, origin: str, options: ReadOptions) -> Iterator[RawArticle | Skipped | HtmlPage]:
    """Every HTML response record of a WARC stream; an archive broken midway yields what came
    before the break and one skip saying where it broke."""
    from warcio.archiveiterator import ArchiveIterator

    head = fh.read(2)
    fh.seek(0)
    checked = _Checked(fh, gz=head == b"\x1f\x8b", max_ratio=options.max_ratio)
    records = 0
    articles = 0
    try:
        for record in ArchiveIterator(checked):
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
            if checked.bomb:
                break
            if len(body) > options.max_file_bytes:
                yield Skipped(where, f"record larger than {options.max_file_bytes} bytes (raise --max-file-bytes)")
                continue
            fallback = parse_date(record.rec_headers.get_header("WARC-Date"))
            articles += 1
            page = HtmlPage(body, where, uri or None, None, fallback, charset_from_content_type(ctype))
            yield html_page(page, options.defer_html)
    except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, zlib, EOF): all mean a broken archive
        yield Skipped(
            origin,
            f"malformed or truncated WARC after {articles} pages ({exc.__class__.__name__}: {str(exc)[:80]})",
        )
        return
    if checked.bomb:
        yield Skipped(origin, f"decompresses to over {options.max_ratio}x its size; refused as a bomb")
    elif checked.corrupt is not None:
        yield Skipped(origin, f"corrupt gzip data after {articles} pages ({checked.corrupt})")
    elif checked.truncated:
        yield Skipped(origin, f"truncated WARC.gz: the archive ends inside a record, after {articles} pages")
    elif records == 0:
        yield Skipped(origin, "WARC archive holds no response records")
