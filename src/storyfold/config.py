"""One typed settings object: defaults, then a config file, then environment, then flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from storyfold.errors import ConfigError
from storyfold.ingest import DEFAULT_MAX_FILE_BYTES
from storyfold.ingest.options import DEFAULT_FETCH_TIMEOUT, DEFAULT_MAX_RATIO, DEFAULT_MAX_RECORDS
from storyfold.stories import StoryOptions

DEFAULT_DB = "storyfold.db"
CONFIG_ENV = "STORYFOLD_CONFIG"
DB_ENV = "STORYFOLD_DB"
TOKEN_ENV = "STORYFOLD_TOKEN"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    stories: StoryOptions = field(default_factory=StoryOptions)
    max_records: int = DEFAULT_MAX_RECORDS  # entries per feed, records per WARC or CSV file
    max_ratio: int = DEFAULT_MAX_RATIO  # decompression ratio cap for gzip input
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT  # seconds per http(s) URL
    csv_columns: str = ""  # CSV column mapping, e.g. "text=body,published=pubdate"
    commit_every: int = 200  # articles per ingest transaction (see IngestOptions.commit_every)
    workers: int = 0  # processes that clean and extract facts for ingest while its own stores (0: none)
    token: str = ""  # the bearer token of the server's write endpoints; empty: writes refused

    def __repr__(self) -> str:  # never print the token
        shown = {f.name: getattr(self, f.name) for f in fields(self)}
        if shown["token"]:
            shown["token"] = "***"
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _from_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"cannot read the config file ({exc}); fix it or unset ${CONFIG_ENV}", origin=str(path)
        ) from exc
    section = data.get("storyfold", data)
    if not isinstance(section, dict):
        raise ConfigError("the [storyfold] section must be a table", origin=str(path))
    return section


def load_settings(config_file: str | None = None, **flags: Any) -> Settings:
    """Settings from defaults, ``storyfold.toml`` (or ``$STORYFOLD_CONFIG``), ``$STORYFOLD_DB``,
    ``$STORYFOLD_TOKEN`` and flags."""
    settings = Settings()
    path = config_file or os.environ.get(CONFIG_ENV)
    candidate = Path(path) if path else Path("storyfold.toml")
    if path or candidate.exists():
        data = _from_file(candidate)
        known = {f.name for f in fields(Settings)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown settings {unknown}; known: {sorted(known)}", origin=str(candidate))
        stories = data.pop("stories", None)
        try:
            settings = replace(settings, **data)
            if stories is not None:
                settings = replace(settings, stories=replace(StoryOptions(), **stories))
        except TypeError as exc:
            raise ConfigError(str(exc), origin=str(candidate)) from exc
    if os.environ.get(DB_ENV):
        settings = replace(settings, db=os.environ[DB_ENV])
    if os.environ.get(TOKEN_ENV):
        settings = replace(settings, token=os.environ[TOKEN_ENV])
    return settings.with_overrides(**flags)
