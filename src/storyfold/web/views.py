"""What the HTML pages show, computed from the pipeline's views: each source's sentences in its own order,
marked as shared or added, its changed words, and which claims conflict. Plain data; templates escape it."""

from __future__ import annotations

from dataclasses import dataclass

from storyfold.model import Article, SentenceGroup, StoryClaims, WordDiff
from storyfold.views import StoryView
from storyfold.web.security import safe_href


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a sentence: ``kind`` "" (as the earliest source words it), "ins" (its own words) or "del"
    (the earliest source's words it replaced)."""

    text: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class SourceSentence:
    index: int
    pieces: tuple[Piece, ...]
    added: bool  # no other article carries it
    shared_with: int  # how many articles carry it (1 when added)
    left_out: tuple[str, ...] = ()  # words of the earliest wording this one drops


@dataclass(frozen=True, slots=True)
class SourceColumn:
    article: Article
    href: str | None
    sentences: tuple[SourceSentence, ...]
    omits: tuple[SentenceGroup, ...]

    @property
    def added(self) -> int:
        return sum(1 for s in self.sentences if s.added)

    @property
    def changed(self) -> int:
        return sum(1 for s in self.sentences if any(p.kind for p in s.pieces) or s.left_out)


def marked(text: str, diffs: tuple[WordDiff, ...]) -> tuple[tuple[Piece, ...], tuple[str, ...]]:
    """The sentence cut into pieces with its changed words marked (found in order in its text), and the
    deleted words that have no place in it."""
    pieces: list[Piece] = []
    left_out: list[str] = []
    pos = 0
    for d in diffs:
        at = text.find(d.b, pos) if d.b else -1
        if at < 0:
            if d.a:
                left_out.append(d.a)
            continue
        if at > pos:
            pieces.append(Piece(text[pos:at]))
        if d.a:
            pieces += [Piece(d.a, "del"), Piece(" ")]
        pieces.append(Piece(d.b, "ins"))
        pos = at + len(d.b)
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return tuple(pieces), tuple(left_out)


def source_columns(view: StoryView) -> tuple[SourceColumn, ...]:
    """One column per aligned article, its sentences in its own order."""
    rows: dict[str, list[SourceSentence]] = {sv.article_id: [] for sv in view.sources}
    for group in view.groups:
        carried = len(group.article_ids)
        for m in group.members:
            if m.article_id not in rows:
                continue
            pieces, left_out = marked(m.sentence.text, m.diffs)
            rows[m.article_id].append(SourceSentence(m.sentence.index, pieces, carried == 1, carried, left_out))
    omits = {sv.article_id: sv.omits for sv in view.sources}
    return tuple(
        SourceColumn(a, safe_href(a.url), tuple(sorted(rows[a.id], key=lambda s: s.index)), omits[a.id])
        for a in view.articles
        if a.id in rows
    )


def conflicting_claims(sc: StoryClaims) -> frozenset[str]:
    return frozenset(x for p in sc.conflicts for x in (p.a, p.b))
