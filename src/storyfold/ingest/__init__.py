"""Readers: paths, directories and globs in; raw articles (or recorded reasons) out.

A reader is chosen by the file's extension and, when that says nothing, by sniffing its first
bytes. Every failure becomes a :class:`~storyfold.model.Skipped` naming the input and the reason;
nothing here raises for bad input.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from storyfold.ingest.jsonl import read_jsonl_lines
from storyfold.ingest.text import read_text
from storyfold.model import RawArticle, Skipped

__all__ = ["DEFAULT_MAX_FILE_BYTES", "expand_paths", "read_inputs", "read_path"]

DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
TEXT_EXTENSIONS = (".txt", ".text", "")
# Files found while walking a directory are read only when their extension is one of these; others
# are reported as skipped (named files are always read, by sniffing their content).
DIRECTORY_EXTENSIONS = frozenset(JSONL_EXTENSIONS + TEXT_EXTENSIONS)


def _extension(path: Path) -> str:
    return path.suffix.lower()


def expand_paths(paths: Sequence[str]) -> Iterator[Path | Skipped]:
    """Files named, found under directories (recursively, sorted) or matched by globs."""
    for spec in paths:
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


def _sniff_jsonl(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_path(path: Path, *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Iterator[RawArticle | Skipped]:
    """Read one file with the reader its name or content calls for."""
    origin = str(path)
    name = path.name.lower()
    try:
        size = path.stat().st_size
        if name.endswith(JSONL_EXTENSIONS):
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, origin=origin)
            return
        if size > max_file_bytes:
            yield Skipped(origin, f"file is {size} bytes, over the limit of {max_file_bytes} (raise --max-file-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}")
        return
    if _sniff_jsonl(data[:64]) and not name.endswith(".txt"):
        yield from read_jsonl_lines(data.splitlines(), origin=origin)
        return
    yield from read_text(data, origin=origin, file_name=path.name)


def read_inputs(
    paths: Sequence[str], *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Iterator[RawArticle | Skipped]:
    """Every raw article (or skip reason) from the given paths, in a stable order."""
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item, max_file_bytes=max_file_bytes)
