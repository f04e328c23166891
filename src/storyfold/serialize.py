"""Model objects to plain JSON-ready dicts: the one edge where dicts appear (CLI ``--json``,
exports, later the HTTP API)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from storyfold.evaluate.pairs import PairEval
from storyfold.facts.codec import event_to_dict, facts_to_dict
from storyfold.model import (
    Article,
    Assignment,
    Claim,
    Comparison,
    Evidence,
    Happening,
    IngestReport,
    PairScore,
    Sentence,
    SentenceGroup,
    SentencePair,
    Story,
    StoryClaims,
    WordDiff,
)
from storyfold.views import ArticleView, DupesView, ExportView, StoryView


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_summary(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "published": iso(a.published),
        "url": a.url,
    }


def article_full(a: Article) -> dict[str, Any]:
    return {
        **article_summary(a),
        "author": a.author,
        "origin": a.origin,
        "content_hash": a.content_hash,
        "meta": a.meta_dict(),
        "language": a.language,
        "dateline": a.dateline,
        "wire": a.wire,
        "non_article": a.non_article,
        "outlet": a.outlet,
        "segments": [{"kind": s.kind.value, "text": s.text, "reason": s.reason} for s in a.segments],
    }


def article_view(v: ArticleView) -> dict[str, Any]:
    """One article in full with its ``story`` id and its ``facts`` (null when ingested without them)."""
    return {
        **article_full(v.article),
        "story": v.assignment.story_id if v.assignment else None,
        "facts": facts_to_dict(v.facts) if v.facts else None,
    }


def debris(a: Article) -> list[dict[str, str]]:
    return [{"kind": s.kind.value, "text": s.text, "reason": s.reason} for s in a.debris]


def _sentence(s: Sentence) -> dict[str, Any]:
    return {"index": s.index, "text": s.text}


def _changes(diffs: tuple[WordDiff, ...]) -> list[dict[str, str]]:
    return [{"op": d.op, "a": d.a, "b": d.b} for d in diffs]


def _pair(p: SentencePair) -> dict[str, Any]:
    return {
        "kind": p.kind,
        "score": p.score,
        "a": _sentence(p.a),
        "b": _sentence(p.b),
        "changes": _changes(p.diffs),
    }


def article_export(v: ExportView, *, text: bool = False) -> dict[str, Any]:
    """One row of ``export articles``: the summary, its story, language, dateline, wire, non-article reason,
    the article it copies (``duplicate_of``), its reporting ``line`` and main ``event`` (and ``text``)."""
    a = v.article
    row = {
        **article_summary(a),
        "story": v.assignment.story_id if v.assignment else None,
        "language": a.language,
        "dateline": a.dateline,
        "wire": a.wire,
        "non_article": a.non_article,
        "duplicate_of": v.member.duplicate_of if v.member else None,
        "line": v.member.line_id if v.member else None,
        "event": event_to_dict(v.facts.event if v.facts else None),
    }
    if text:
        row["text"] = a.text
    return row


def comparison(c: Comparison) -> dict[str, Any]:
    """``shared`` holds the sentence pairs both carry; ``a`` and ``b`` say what each article adds
    (``adds``), what it omits of the other's (``omits``) and the page debris kept aside (``debris``)."""
    return {
        "shared": [_pair(p) for p in c.shared],
        "a": {
            **article_summary(c.a),
            "adds": [_sentence(s) for s in c.only_a],
            "omits": [_sentence(s) for s in c.only_b],
            "debris": debris(c.a),
        },
        "b": {
            **article_summary(c.b),
            "adds": [_sentence(s) for s in c.only_b],
            "omits": [_sentence(s) for s in c.only_a],
            "debris": debris(c.b),
        },
    }


def story_summary(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "size": len(s.article_ids),
        "first_published": iso(s.first_published),
        "last_published": iso(s.last_published),
        "sources": list(s.sources),
        "articles": list(s.article_ids),
    }


def assignment(a: Assignment | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"story": a.story_id, "score": a.score, "reasons": list(a.reasons)}


def _group(g: SentenceGroup) -> dict[str, Any]:
    return {
        "kind": g.kind,
        "source": g.source,
        "text": g.text,
        "articles": list(g.article_ids),
        "sentences": [
            {"article": m.article_id, **_sentence(m.sentence), "changes": _changes(m.diffs)} for m in g.members
        ],
    }


def story_view(v: StoryView) -> dict[str, Any]:
    """``shared``: the statements two or more articles carry, in story order, each with its earliest
    source and every article's wording (``changes`` from the earliest); ``adds``, ``omits`` and
    ``changed``: per article id, what only it carries, which widely carried statements it lacks (by
    their earliest wording) and where its wording of a shared statement differs."""
    by_id = {s.article_id: s for s in v.sources}
    return {
        **story_summary(v.story),
        "articles": [
            {**article_summary(a), "assignment": assignment(asg), "debris": debris(a)}
            for a, asg in zip(v.articles, v.assignments, strict=True)
        ],
        "shared": [_group(g) for g in v.shared],
        "adds": {a: [_sentence(s) for s in sv.adds] for a, sv in by_id.items()},
        "omits": {a: [{"source": g.source, "text": g.text} for g in sv.omits] for a, sv in by_id.items()},
        "changed": {
            a: [{"source": g.source, "text": m.sentence.text, "changes": _changes(m.diffs)} for g, m in sv.changed]
            for a, sv in by_id.items()
        },
    }


def ingest_report(r: IngestReport) -> dict[str, Any]:
    return {
        "ingested": len(r.ingested),
        "already_present": len(r.already_present),
        "skipped": [{"input": s.origin, "reason": s.reason, "stage": s.stage} for s in r.skipped],
        "new_stories": sum(1 for a in r.assignments if a.new_story),
        "non_articles": [{"id": i, "reason": why} for i, why in r.non_articles],
    }


def dupes(v: DupesView) -> dict[str, Any]:
    """Reporting lines (``lines``) and duplicate groups (``duplicate_groups``: an original and the articles
    that copy it exactly, nearly or in part)."""
    groups: dict[str, list[str]] = {}
    for line in v.lines:
        for m in line.members:
            if m.duplicate_of:
                groups.setdefault(m.duplicate_of, []).append(m.article_id)
    return {
        "lines": [
            {
                "id": line.id,
                "origin": line.origin,
                "wire": line.wire,
                "size": len(line.members),
                "articles": [
                    {
                        "id": m.article_id,
                        "duplicate_of": m.duplicate_of,
                        "wire": m.wire,
                        "link": _link(v, m.article_id),
                    }
                    for m in line.members
                ],
            }
            for line in v.lines
        ],
        "duplicate_groups": [{"original": k, "copies": c} for k, c in groups.items()],
    }


def _link(v: DupesView, article_id: str) -> dict[str, Any] | None:
    link = v.best_link.get(article_id)
    if link is None:
        return None
    return {
        "kind": link.kind.value,
        "with": link.other_id,
        "jaccard": link.jaccard,
        "containment": link.containment,
        "shared": link.shared,
        "shared_sentences": link.shared_sentences,
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "article": e.article_id,
        "line": e.line_id,
        "sentence": e.sentence,
        "text": e.text,
        "reported": iso(e.reported),
    }


def claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "subject": c.subject,
        "statement": c.statement,
        "low": c.low,
        "high": c.high,
        "unit": c.unit or None,
        "event": c.event or None,
        "articles": c.articles,
        "independent_lines": c.independent_lines,
        "labels": list(c.labels),
        "first_reported": iso(c.first_reported),
        "last_reported": iso(c.last_reported),
        "evidence": [_evidence(e) for e in c.evidence],
    }


def happening(h: Happening) -> dict[str, Any]:
    return {
        "date": h.day.isoformat(),
        "text": h.text,
        "articles": h.articles,
        "independent_lines": h.independent_lines,
        "evidence": [_evidence(e) for e in h.evidence],
    }


def story_claims(sc: StoryClaims) -> dict[str, Any]:
    return {
        "story": sc.story_id,
        "claims": [claim(c) for c in sc.claims],
        "pairs": [{"a": p.a, "b": p.b, "label": p.label, "why": p.why} for p in sc.pairs],
        "conflicts": [{"a": p.a, "b": p.b, "why": p.why} for p in sc.conflicts],
        "timeline": [happening(h) for h in sc.timeline],
    }


def pair_score_dict(s: PairScore) -> dict[str, Any]:
    return {
        "score": s.score,
        "lexical": s.lexical,
        "aligned": s.aligned,
        "entities": s.entities,
        "time": s.time,
        "numbers": s.numbers,
        "embedding": s.embedding,
    }


def pair_eval_dict(result: PairEval) -> dict[str, Any]:
    """``storyfold eval pairs --json``: the correlations, the parts alone, and every pair's score and parts."""
    return {
        "dataset": result.dataset,
        "pairs": len(result.scores),
        "labelled": result.labelled,
        "seconds": round(result.seconds, 2),
        "pearson": result.pearson,
        "baselines": {"tfidf_cosine": result.tfidf, "minilm_cosine": result.minilm},
        "components": {c.name: {"pearson": c.pearson, "pairs": c.pairs} for c in result.components},
        "scores": [{"pair_id": pair_id, **pair_score_dict(s)} for pair_id, s in result.scores],
    }
