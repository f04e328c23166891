"""Scoring the main event of each article against the gold incident facts of the gun-violence sets.

The extractor reads the articles through the ordinary JSONL reader (which drops the gold fields unread);
only this module reads the gold ``facts``, to score. Per field: accuracy over the articles with gold
facts, beside a trivial baseline (the most frequent count; the publication date as the event date).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyfold.errors import InputError
from storyfold.facts.extract import FactExtractor
from storyfold.ingest import read_inputs
from storyfold.model import Article, ArticleFacts, RawArticle, Skipped

LEDE_CHARS = 400  # of each miss's body, to read it without the article


@dataclass(frozen=True, slots=True)
class FieldScore:
    name: str
    correct: int
    total: int
    baseline_correct: int
    baseline: str  # what the baseline is

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def baseline_accuracy(self) -> float:
        return self.baseline_correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FactsReport:
    path: str
    articles: int
    with_gold: int
    fields: tuple[FieldScore, ...]
    skipped: tuple[Skipped, ...] = ()
    errors: tuple[dict[str, Any], ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "articles": self.articles,
            "with_gold": self.with_gold,
            "fields": {
                f.name: {
                    "accuracy": round(f.accuracy, 4),
                    "correct": f.correct,
                    "total": f.total,
                    "baseline": f.baseline,
                    "baseline_accuracy": round(f.baseline_accuracy, 4),
                }
                for f in self.fields
            },
            "skipped": [{"input": s.origin, "reason": s.reason, "stage": s.stage} for s in self.skipped],
        }


def read_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """id → gold facts, for the records that have them."""
    gold: dict[str, dict[str, Any]] = {}
    try:
        with Path(path).open(encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("facts"), dict) and obj.get("id") is not None:
                    gold[str(obj["id"])] = obj["facts"]
    except OSError as exc:
        raise InputError(f"cannot read the labelled file ({exc})", origin=str(path), stage="eval") from exc
    return gold


def city_names(gold_city: str) -> list[str]:
    """ "Cartersville (Euharlee)" → ["cartersville", "euharlee"]; "Henry (county)", where the archive names a
    county for the city, → ["henry county"] (not "county", which any county would name)."""
    parts = [p.strip().lower() for p in gold_city.replace(")", "").split("(") if p.strip()]
    if len(parts) == 2 and parts[1] in ("county", "parish"):
        return [f"{parts[0]} {parts[1]}"]
    return parts


def _spelled_out(text: str) -> str:
    """Lower case, "St." read as "Saint", "Mt." as "Mount", "Ft." as "Fort"."""
    text = re.sub(r"\bst\.?(?=\s)", "saint", text.lower())
    return re.sub(r"\bft\.?(?=\s)", "fort", re.sub(r"\bmt\.?(?=\s)", "mount", text))


_COUNTY_NAME = re.compile(r"[^,]*\b(?:county|parish)\b")


def city_ok(place: str | None, gold_city: str) -> bool:
    """The gold city (or its alternative in parentheses) is named in the place ("St." read as "Saint", "Mt." as
    "Mount", "Ft." as "Fort"); a county's name names no town ("DeSoto, Dallas County" is not Dallas), but the
    county where the gold is one ("Henry (county)", "Iredell County")."""
    if not place:
        return False
    spelled = _spelled_out(place)
    towns = _COUNTY_NAME.sub("", spelled)
    return any(
        _spelled_out(c) in (spelled if c.endswith((" county", " parish")) else towns) for c in city_names(gold_city)
    )


def names_city(text: str, gold_city: str) -> bool:
    """Whether a text names the gold city, read as ``city_ok`` reads a place ("St. Louis" names Saint Louis)."""
    spelled = _spelled_out(text)
    return any(_spelled_out(c) in spelled for c in city_names(gold_city))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def score(
    articles: Sequence[Article], facts: Sequence[ArticleFacts], gold: dict[str, dict[str, Any]]
) -> list[FieldScore]:
    by_id = {f.article_id: f for f in facts}
    scored = [(a, by_id.get(a.id), gold[a.id]) for a in articles if a.id in gold]
    common = {
        k: Counter(_int(g.get(k)) for _, _, g in scored).most_common(1)[0][0] if scored else None
        for k in ("killed", "injured")
    }
    out: list[FieldScore] = []
    for k in ("killed", "injured"):
        ok = sum(1 for _, f, g in scored if f is not None and f.event.__getattribute__(k) == _int(g.get(k)))
        base = sum(1 for _, _, g in scored if _int(g.get(k)) == common[k])
        out.append(FieldScore(k, ok, len(scored), base, f"most frequent count ({common[k]})"))
    ok = sum(
        1
        for _, f, g in scored
        if f is not None and f.event.date is not None and f.event.date.isoformat() == g.get("date")
    )
    base = sum(
        1 for a, _, g in scored if a.published_date is not None and a.published_date.isoformat() == g.get("date")
    )
    out.append(FieldScore("date", ok, len(scored), base, "publication date"))
    named = [(a, f, g) for a, f, g in scored if g.get("city") and names_city(a.text, g["city"])]
    ok = sum(1 for _, f, g in named if f is not None and city_ok(f.event.place, g["city"]))
    base = sum(1 for _, f, g in named if f is not None and city_ok(_top_place(f), g["city"]))
    out.append(FieldScore("city", ok, len(named), base, "most mentioned place name (where the text names the city)"))
    return out


def _top_place(f: ArticleFacts) -> str | None:
    return next((e.name for e in f.entities if e.kind == "place"), None)


def _errors(
    articles: Sequence[Article], facts: Sequence[ArticleFacts], gold: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    by_id = {f.article_id: f for f in facts}
    rows = []
    for a in articles:
        g, f = gold.get(a.id), by_id.get(a.id)
        if g is None or f is None:
            continue
        e = f.event
        wrong = [
            k
            for k, bad in (
                ("killed", e.killed != _int(g.get("killed"))),
                ("injured", e.injured != _int(g.get("injured"))),
                ("date", (e.date.isoformat() if e.date else None) != g.get("date")),
                ("city", not city_ok(e.place, str(g.get("city") or ""))),
            )
            if bad
        ]
        if wrong:
            rows.append(
                {
                    "id": a.id,
                    "wrong": wrong,
                    "got": {
                        "date": e.date.isoformat() if e.date else None,
                        "place": e.place,
                        "killed": e.killed,
                        "injured": e.injured,
                        "from": e.date_source,
                    },
                    "gold": {k: g.get(k) for k in ("date", "city", "state", "killed", "injured")},
                    "published": a.published_date.isoformat() if a.published_date else None,
                    "title": a.title,
                    "lede": a.text[:LEDE_CHARS],
                }
            )
    return rows


def write_errors(report: FactsReport, path: str | Path) -> int:
    """Write the articles with a wrong field, one JSON object a line; the number written."""
    try:
        with Path(path).open("w", encoding="utf-8") as fh:
            for row in report.errors:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"cannot write the misses ({exc})", origin=str(path), stage="eval") from exc
    return len(report.errors)


def evaluate_facts(
    path: str | Path,
    extractor: FactExtractor | Callable[[Sequence[Article]], Sequence[ArticleFacts | Skipped]],
    build: Callable[[RawArticle], Article],
    limit: int | None = None,
) -> FactsReport:
    """Extract the facts of every article of a labelled JSONL file and score their main events. ``extractor``:
    a ``FactExtractor``, or what extracts the facts of articles in order (``Workers.extract_facts``)."""
    gold = read_gold(path)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_inputs([str(path)]):
        if limit is not None and len(articles) >= limit:
            break
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        try:
            art = build(item)
        except InputError as exc:
            skipped.append(Skipped(item.origin, exc.reason, exc.stage or "eval"))
            continue
        if not art.body:
            skipped.append(Skipped(item.origin, "no body text left after cleaning", "clean"))
            continue
        articles.append(art)
    results = extractor.extract(articles) if isinstance(extractor, FactExtractor) else extractor(articles)
    facts = [r for r in results if isinstance(r, ArticleFacts)]
    skipped.extend(r for r in results if isinstance(r, Skipped))
    return FactsReport(
        path=str(path),
        articles=len(articles),
        with_gold=sum(1 for a in articles if a.id in gold),
        fields=tuple(score(articles, facts, gold)),
        skipped=tuple(skipped),
        errors=tuple(_errors(articles, facts, gold)),
    )
