"""Reader limits and options: one object passed to every reader, with safe defaults."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_RECORDS = 100_000  # entries per feed, records per WARC/CSV/JSONL file
DEFAULT_MAX_RATIO = 100  # decompressed bytes per compressed byte (gzip bombs)
DEFAULT_FETCH_TIMEOUT = 20.0
USER_AGENT = "storyfold/0.1 (news ingest for story analysis; +https://pypi.org/project/storyfold/)"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How much a reader may take in. A limit crossed is a recorded skip, never a crash or a hang."""

    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES  # per file, per fetched page, per WARC record
    max_records: int = DEFAULT_MAX_RECORDS  # per feed / WARC / CSV file
    max_ratio: int = DEFAULT_MAX_RATIO  # decompression ratio cap for gzip input
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT  # seconds, for http(s) URLs
    user_agent: str = USER_AGENT
    # CSV: article field -> column name, e.g. (("text", "body"), ("published", "pubdate")).
    csv_columns: tuple[tuple[str, str], ...] = ()
    # Yield HTML pages unextracted (``html.HtmlPage``) for the caller to extract, e.g. in worker processes;
    # ``read_inputs`` always gives them extracted.
    defer_html: bool = False


def parse_column_map(spec: str | None) -> tuple[tuple[str, str], ...]:
    """``"text=body,title=headline"`` to pairs; raises ValueError on a malformed spec."""
    if not spec:
        return ()
    pairs: list[tuple[str, str]] = []
    for part in spec.split(","):
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise ValueError(f"bad column mapping {part!r}; write FIELD=COLUMN, e.g. text=body")
        pairs.append((field.strip().lower(), column.strip()))
    return tuple(pairs)
