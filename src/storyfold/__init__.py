"""storyfold: turn a pile of news reports into stories.

The public API: read and clean articles, keep them in a store, group them into stories, and
compare what sources share and add.
"""

from __future__ import annotations

from storyfold.errors import ConfigError, InputError, NotFoundError, StoreError, StoryfoldError
from storyfold.model import Article, Assignment, Comparison, IngestReport, Segment, SegmentKind, Sentence, Story
from storyfold.pipeline import build_article, ingest_paths
from storyfold.store import Store, open_store
from storyfold.views import compare_files, read_article, story_view

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Assignment",
    "Comparison",
    "ConfigError",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "Segment",
    "SegmentKind",
    "Sentence",
    "Store",
    "StoreError",
    "Story",
    "StoryfoldError",
    "build_article",
    "compare_files",
    "ingest_paths",
    "open_store",
    "read_article",
    "story_view",
]
