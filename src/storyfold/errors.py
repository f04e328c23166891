"""One exception tree. Every error names what it is about and says what the user can do."""

from __future__ import annotations


class StoryfoldError(Exception):
    """Root of every error storyfold raises on purpose."""

    def __init__(self, message: str, *, origin: str | None = None, stage: str | None = None) -> None:
        self.origin = origin
        self.stage = stage
        self.reason = message
        prefix = f"{origin}: " if origin else ""
        super().__init__(prefix + message)


class InputError(StoryfoldError):
    """An input (file, record, URL) that cannot be read. The batch skips it and goes on."""

    def __init__(self, message: str, *, origin: str | None = None, stage: str = "ingest") -> None:
        super().__init__(message, origin=origin, stage=stage)


class StoreError(StoryfoldError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StoryfoldError):
    """A story or article that the store does not hold."""


class ConfigError(StoryfoldError):
    """A setting that is missing or invalid."""
