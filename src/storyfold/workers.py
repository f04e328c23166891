"""Worker processes for the stages of an ingest that need no store: extracting HTML pages (trafilatura),
cleaning each raw article (``build_article``: segmentation, page debris, language, dateline) and the facts
stage (the language model).

The store stays in the calling process, which stores the articles and assigns their stories one at a time,
in input order, exactly as without workers: the workers only run ahead of it. Pages and articles go out in
chunks (``chunk`` items, about ``chunk_bytes``), at most ``ahead`` chunks at a time, and come back in input
order; facts go out a batch at a time and are stored when they come back. The same input gives the same
store, rows and stories, with or without workers (``tests/test_workers.py``).

Processes are started with ``spawn`` (a fresh interpreter: nothing of the caller's open store or threads is
inherited; a script that makes a pool needs the ``if __name__ == "__main__":`` guard). Each loads the
language model once when facts are wanted and keeps it in its one module-level variable (set by the pool's
initializer, never in the calling process), and exits when the process that started it is gone.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from storyfold.dedup import DedupOptions
from storyfold.errors import StoryfoldError
from storyfold.ingest.html import HtmlPage
from storyfold.model import Article, ArticleFacts, RawArticle, Skipped
from storyfold.stories import StoryOptions

if TYPE_CHECKING:
    from storyfold.pipeline import Ahead

_T = TypeVar("_T")
_R = TypeVar("_R")
_extractor: Any = None  # this worker's FactExtractor (loaded by _start when facts are wanted)


def _start(facts: bool) -> None:
    global _extractor
    # Ctrl-C is the ingest's to handle (it rolls back the open batch and shuts the pool down), not each worker's
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a worker outlives no ingest: when the ingest process is gone (SIGTERM, SIGKILL, out of memory) it exits
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    if facts:
        from storyfold.facts.extract import FactExtractor
        from storyfold.facts.nlp import SentenceNer, load_nlp

        _extractor = FactExtractor(SentenceNer(load_nlp()))


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _size(item: object) -> int:
    """About how many bytes an item takes to send to a worker."""
    if isinstance(item, HtmlPage):
        return len(item.data)
    if isinstance(item, RawArticle):
        return sum(len(p) for p in item.paragraphs)
    return 0


def _chunks(items: Iterator[_T], count: int, max_bytes: int) -> Iterator[list[_T]]:
    """The items in chunks of at most ``count`` items and about ``max_bytes`` (one item may pass it)."""
    chunk: list[_T] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += _size(item)
        if len(chunk) >= count or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def prepare(
    items: Sequence[RawArticle | Skipped], stories: StoryOptions | None = None, dedup: DedupOptions | None = None
) -> list[tuple[Article, Ahead | None] | Skipped]:
    """Each raw article cleaned (``pipeline.cleaned``) and, given the ingest's options, what storing it reads of
    it alone (``pipeline.compute_ahead``)."""
    from storyfold.pipeline import cleaned

    return list(cleaned(items, stories, dedup))


def extract_pages(items: Sequence[RawArticle | Skipped | HtmlPage]) -> list[RawArticle | Skipped]:
    """Each HTML page extracted (``HtmlPage.extract``); other items pass through."""
    return [item.extract() if isinstance(item, HtmlPage) else item for item in items]


def _facts(articles: Sequence[Article]) -> list[ArticleFacts | Skipped]:
    if _extractor is None:  # pragma: no cover - the pool was made without facts
        raise RuntimeError("this worker pool was started without the facts stage")
    return list(_extractor.extract(articles))


def worker_died() -> StoryfoldError:
    """The error to report when a worker process died under a command (its pool is then broken)."""
    return StoryfoldError(
        "a worker process died (killed, or out of memory); what was committed is kept: run the same command "
        "again to complete it, with fewer --workers or none",
        stage="workers",
    )


class Workers:
    """A pool of ``processes`` worker processes. Use as a context manager; ``facts`` loads the language model
    in each worker (needed by ``facts``). Items go out in chunks of at most ``chunk`` items and about
    ``chunk_bytes`` of text or markup, at most ``ahead`` chunks (default 4 per process) ahead of what was
    taken: what is read ahead stays bounded whatever the input."""

    def __init__(
        self,
        processes: int,
        facts: bool = False,
        chunk: int = 16,
        ahead: int | None = None,
        chunk_bytes: int = 8 * 1024 * 1024,
    ) -> None:
        if processes < 1:
            raise ValueError("workers: at least one process")
        self.processes = processes
        self.with_facts = facts
        self.chunk = max(1, chunk)
        self.chunk_bytes = max(1, chunk_bytes)
        self.ahead = ahead if ahead is not None else 4 * processes
        self._pool = ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context("spawn"), initializer=_start, initargs=(facts,)
        )

    def articles(
        self,
        items: Iterable[RawArticle | Skipped],
        stories: StoryOptions | None = None,
        dedup: DedupOptions | None = None,
    ) -> Iterator[tuple[Article, Ahead | None] | Skipped]:
        """Each item cleaned, in input order (``prepare``)."""
        return self._ordered(items, lambda chunk: self._pool.submit(prepare, chunk, stories, dedup))

    def extract(self, items: Iterable[RawArticle | Skipped | HtmlPage]) -> Iterator[RawArticle | Skipped]:
        """Each item with its HTML pages extracted in the workers (``ReadOptions.defer_html``), in input order; a
        chunk without a page is not sent anywhere."""

        def send(chunk: list[RawArticle | Skipped | HtmlPage]) -> Future[list[RawArticle | Skipped]] | list[Any]:
            if any(isinstance(item, HtmlPage) for item in chunk):
                return self._pool.submit(extract_pages, chunk)
            return chunk

        return self._ordered(items, send)

    def _ordered(self, items: Iterable[_T], send: Callable[[list[_T]], Future[list[_R]] | list[_R]]) -> Iterator[_R]:
        """What ``send`` makes of each chunk of the items (a task, or the result itself), in input order, with at
        most ``ahead`` chunks read ahead of what was taken."""
        chunks = _chunks(iter(items), self.chunk, self.chunk_bytes)
        window: deque[Future[list[_R]] | list[_R]] = deque()

        def fill() -> None:
            while len(window) < self.ahead and (chunk := next(chunks, None)) is not None:
                window.append(send(chunk))

        fill()
        while window:
            first = window.popleft()
            done = first.result() if isinstance(first, Future) else first
            fill()
            yield from done

    def facts(self, articles: Sequence[Article]) -> Future[list[ArticleFacts | Skipped]]:
        """The facts of these articles (one worker, one batch), in order, when done."""
        return self._pool.submit(_facts, list(articles))

    def extract_facts(self, articles: Sequence[Article], batch: int = 64) -> list[ArticleFacts | Skipped]:
        """The facts of these articles, in order, ``batch`` articles a task over all the workers (what
        ``FactExtractor.extract`` gives, e.g. for ``eval facts``)."""
        tasks = [self.facts(articles[i : i + batch]) for i in range(0, len(articles), max(1, batch))]
        return [r for task in tasks for r in task.result()]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
