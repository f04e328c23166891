"""What the server's routes share: the store opener, the write policy and the facts extractor (loaded once,
on the first ingest that needs it). Nothing here is module-level: each app gets its own."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from storyfold.ingest import read_inputs
from storyfold.model import IngestReport, RawArticle, Skipped
from storyfold.pipeline import IngestOptions, ingest_items
from storyfold.store import Store, StoreOpener

if TYPE_CHECKING:
    from storyfold.facts.extract import FactExtractor

FactsLoader = Callable[[], "FactExtractor"]


def load_extractor() -> FactExtractor:
    """The spaCy-backed facts extractor (some seconds to load; raises ConfigError when the model is missing)."""
    from storyfold.facts.extract import FactExtractor
    from storyfold.facts.nlp import SentenceNer, load_nlp

    return FactExtractor(SentenceNer(load_nlp()))


@dataclass
class WebContext:
    """``token``: the bearer token of the write endpoints (None: writes refused); ``facts``: how to load the
    facts extractor (None: ingest without facts)."""

    opener: StoreOpener
    token: str | None = None
    read_only: bool = False
    facts: FactsLoader | None = None
    ingest_options: IngestOptions = field(default_factory=IngestOptions)
    _write_lock: threading.Lock = field(default_factory=threading.Lock)
    _extractor: FactExtractor | None = None

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = self.opener.open()
        try:
            yield store
        finally:
            store.close()

    def _facts(self) -> FactExtractor | None:
        if self.facts is not None and self._extractor is None:
            self._extractor = self.facts()
        return self._extractor

    def ingest(self, items: Iterable[RawArticle | Skipped]) -> IngestReport:
        """Ingest decoded articles; this process writes one request at a time (stories are assigned in
        arrival order)."""
        with self._write_lock, self.store() as store:
            return ingest_items(items, store, self.ingest_options, facts=self._facts())

    def ingest_files(self, paths: Sequence[str], root: str) -> IngestReport:
        """Ingest files in any format the readers take, saved under ``root/<k>/<name>``: origins (and the ids
        that derive from them) are told from ``<name>`` on, so no server path is stored or answered."""
        pattern = re.compile(re.escape(root.rstrip("/\\")) + r"[/\\]\d+[/\\]")

        def relative(item: RawArticle | Skipped) -> RawArticle | Skipped:
            item = replace(item, origin=pattern.sub("", item.origin))
            return replace(item, reason=pattern.sub("", item.reason)) if isinstance(item, Skipped) else item

        items = (relative(i) for i in read_inputs(paths, options=self.ingest_options.read_options()))
        return self.ingest(items)
