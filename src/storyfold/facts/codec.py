"""Article facts to and from plain JSON-ready dicts (the store and the CLI edge)."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyfold.model import ArticleFacts, Entity, Event, Quantity, Quote, TimeRef


def event_to_dict(e: Event | None) -> dict[str, Any]:
    if e is None:
        return {"date": None, "place": None, "killed": None, "injured": None}
    return {
        "date": e.date.isoformat() if e.date else None,
        "place": e.place,
        "killed": e.killed,
        "injured": e.injured,
    }


def facts_to_dict(f: ArticleFacts) -> dict[str, Any]:
    return {
        "article": f.article_id,
        "event": {**event_to_dict(f.event), "date_from": f.event.date_source},
        "entities": [
            {"name": e.name, "kind": e.kind, "variants": list(e.variants), "mentions": e.mentions} for e in f.entities
        ],
        "quantities": [
            {
                "kind": q.kind,
                "low": q.low,
                "high": q.high,
                "unit": q.unit,
                "qualifier": q.qualifier,
                "text": q.text,
                "sentence": q.sentence,
                "event": q.event,
                "current": q.current,
            }
            for q in f.quantities
        ],
        "quotes": [
            {"speaker": q.speaker, "verb": q.verb, "text": q.text, "direct": q.direct, "sentence": q.sentence}
            for q in f.quotes
        ],
        "times": [
            {"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
            for t in f.times
        ],
    }


def facts_from_dict(d: dict[str, Any]) -> ArticleFacts:
    ev = d.get("event") or {}
    return ArticleFacts(
        article_id=str(d["article"]),
        event=Event(
            date=date.fromisoformat(ev["date"]) if ev.get("date") else None,
            place=ev.get("place"),
            killed=ev.get("killed"),
            injured=ev.get("injured"),
            date_source=ev.get("date_from", ""),
        ),
        entities=tuple(
            Entity(e["name"], e["kind"], tuple(e["variants"]), int(e["mentions"])) for e in d.get("entities", [])
        ),
        quantities=tuple(
            Quantity(
                q["kind"],
                q["low"],
                q["high"],
                q["text"],
                int(q["sentence"]),
                q["unit"],
                q["qualifier"],
                q["event"],
                bool(q["current"]),
            )
            for q in d.get("quantities", [])
        ),
        quotes=tuple(
            Quote(q["speaker"], q["verb"], q["text"], bool(q["direct"]), int(q["sentence"]))
            for q in d.get("quotes", [])
        ),
        times=tuple(
            TimeRef(t["text"], int(t["start"]), int(t["end"]), t["type"], t["value"], t.get("mod"))
            for t in d.get("times", [])
        ),
    )
