"""Readers: paths, directories, globs, URLs and ``-`` (standard input) in; raw articles (or
recorded reasons) out.

A reader is chosen by the content's first bytes where they are unmistakable (gzip, WARC, a feed, an
HTML page) and otherwise by the file's extension. Every failure becomes a
:class:`~storyfold.model.Skipped` naming the input and the reason; nothing here raises for bad input.
Feed entries whose page is also in the batch are joined to that page (the page's text, the feed's
metadata where the page lacks it).
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from storyfold.ingest.formats import gunzip_bytes, read_bytes, read_file, sniff
from storyfold.ingest.html import HtmlPage
from storyfold.ingest.options import DEFAULT_MAX_FILE_BYTES, ReadOptions
from storyfold.model import RawArticle, Skipped

__all__ = [
    "DEFAULT_MAX_FILE_BYTES",
    "HtmlPage",
    "ReadOptions",
    "expand_paths",
    "extracted",
    "gunzip_bytes",
    "read_inputs",
    "read_path",
]

STDIN = "-"
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
TEXT_EXTENSIONS = (".txt", ".text", "")
FEED_EXTENSIONS = (".rss", ".atom", ".xml")
# Files found while walking a directory are read only when their extension is one of these; others
# are reported as skipped (named files are always read, by sniffing their content).
DIRECTORY_EXTENSIONS = frozenset(
    JSONL_EXTENSIONS
    + TEXT_EXTENSIONS
    + FEED_EXTENSIONS
    + (".html", ".htm", ".xhtml", ".shtml", ".warc", ".arc", ".gz", ".csv", ".tsv")
)


def _extension(path: Path) -> str:
    return path.suffix.lower()


def expand_paths(paths: Sequence[str]) -> Iterator[Path | str | Skipped]:
    """Files named, found under directories (recursively, sorted) or matched by globs; URLs and
    ``-`` pass through as strings."""
    for spec in paths:
        if spec == STDIN or spec.lower().startswith(("http://", "https://")):
            yield spec
            continue
        p = Path(spec)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    found = Path(root) / name
                    if _extension(found) in DIRECTORY_EXTENSIONS:
                        yield found
                    else:
                        yield Skipped(str(found), f"unsupported file type {_extension(found)!r} in a directory")
        elif p.is_file():
            yield p
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield Skipped(spec, "the pattern matches no file")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)
        else:
            yield Skipped(spec, "no such file or directory")


def read_path(
    path: Path, *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES, options: ReadOptions | None = None
) -> Iterator[RawArticle | Skipped]:
    """Read one file with the reader its content or name calls for."""
    opts = options or ReadOptions(max_file_bytes=max_file_bytes)
    yield from extracted(read_file(path, opts))


def extracted(items: Iterable[RawArticle | Skipped | HtmlPage]) -> Iterator[RawArticle | Skipped]:
    """Each item with its HTML pages extracted here (``ReadOptions.defer_html``), in order."""
    for item in items:
        yield item.extract() if isinstance(item, HtmlPage) else item


def _read_stdin(options: ReadOptions) -> Iterator[RawArticle | Skipped | HtmlPage]:
    try:
        data = sys.stdin.buffer.read(options.max_file_bytes + 1)
    except (OSError, ValueError, AttributeError) as exc:
        yield Skipped("<stdin>", f"cannot read standard input: {exc}")
        return
    if len(data) > options.max_file_bytes:
        yield Skipped("<stdin>", f"standard input is over the limit of {options.max_file_bytes} bytes")
        return
    yield from read_bytes(data, origin="<stdin>", name="", options=options)


def _read_url(url: str, options: ReadOptions) -> Iterator[RawArticle | Skipped | HtmlPage]:
    from storyfold.ingest.decode import charset_from_content_type
    from storyfold.ingest.fetch import fetch

    got = fetch(url, options)
    if isinstance(got, Skipped):
        yield got
        return
    from storyfold.ingest.dates import parse_date

    fallback = parse_date(got.last_modified) if got.last_modified else None
    yield from read_bytes(
        got.data,
        origin=url,
        name=Path(got.url.split("?", 1)[0]).name,
        options=options,
        url=got.url,
        http_charset=charset_from_content_type(got.content_type),
        content_type=got.content_type,
        fallback_date=fallback,
    )


def _read_source(src: Path | str, options: ReadOptions) -> Iterator[RawArticle | Skipped | HtmlPage]:
    if isinstance(src, Path):
        yield from read_file(src, options)
    elif src == STDIN:
        yield from _read_stdin(options)
    else:
        yield from _read_url(src, options)


def _is_feed_file(src: Path | str) -> bool:
    if not isinstance(src, Path):
        return False
    try:
        with src.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return sniff(head, src.name) == "feed"


def url_key(url: str) -> str:
    """A URL folded for matching a feed entry to its page: no scheme, ``www.``, fragment, tracking
    parameters or trailing slash."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    netloc = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(("utm_", "fbclid"))])
    return f"{netloc}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def _join(page: RawArticle, entry: RawArticle) -> RawArticle:
    meta = dict(page.meta)
    meta["feed_entry"] = entry.origin
    for k, v in entry.meta:
        if k != "format":
            meta.setdefault(k, v)
    return replace(
        page,
        paragraphs=page.paragraphs or entry.paragraphs,
        title=page.title or entry.title,
        author=page.author or entry.author,
        published=page.published or entry.published,
        source=page.source or entry.source,
        meta=tuple(sorted(meta.items())),
    )


Extract = Callable[[Iterable[RawArticle | Skipped | HtmlPage]], Iterator[RawArticle | Skipped]]


def read_inputs(
    paths: Sequence[str],
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    options: ReadOptions | None = None,
    extract: Extract | None = None,
) -> Iterator[RawArticle | Skipped]:
    """Every raw article (or skip reason) from the given paths, in a stable order: feeds are read
    first and their entries held back; a page in the batch with an entry's URL takes the entry's
    metadata, and the entries left over come last.

    ``extract``: how the HTML pages read under ``options.defer_html`` are extracted, in order (e.g. by ingest
    workers, ``Workers.extract``); by default here (``extracted``)."""
    opts = options or ReadOptions(max_file_bytes=max_file_bytes)
    extract = extract or extracted
    sources = list(expand_paths(paths))
    feeds = [s for s in sources if not isinstance(s, Skipped) and _is_feed_file(s)]
    entries: dict[str, RawArticle] = {}
    held: list[RawArticle] = []
    for src in feeds:
        for item in extracted(_read_source(src, opts)):
            if isinstance(item, RawArticle) and item.url:
                entries.setdefault(url_key(item.url), item)
                held.append(item)
            else:
                yield item
    joined: set[str] = set()
    feed_set = set(feeds)

    def pages() -> Iterator[RawArticle | Skipped | HtmlPage]:
        for found in sources:
            if isinstance(found, Skipped):
                yield found
            elif found not in feed_set:
                yield from _read_source(found, opts)

    for item in extract(pages()):
        if isinstance(item, RawArticle) and item.url:
            key = url_key(item.url)
            entry = entries.get(key)
            if entry is not None:
                joined.add(key)
                item = _join(item, entry)
        yield item
    for entry in held:
        if entry.url and url_key(entry.url) not in joined:
            yield entry
