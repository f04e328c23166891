"""What an article's main event is chosen from: its title and body sentences with the names the model found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyfold.facts.nlp import Span

LEDE_SENTENCES = 3  # the sentences that state the event


@dataclass(frozen=True, slots=True)
class Lines:
    """What the event is chosen from: the title (sentence -1) and body sentences with their names."""

    title: str | None
    sentences: Sequence[str]
    spans: Sequence[Sequence[Span]]  # per sentence, the title's first when there is a title

    def text(self, index: int) -> str:
        if index < 0:
            return self.title or ""
        return self.sentences[index] if index < len(self.sentences) else ""
