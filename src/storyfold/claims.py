"""Claims: the facts of a story's articles merged into statements, counted by independent reporting lines,
and compared.

A stage like the others: it reads model objects (``ClaimSource``: an article's reporting line, sentences and
facts) and returns ``StoryClaims``. Three kinds of claim:

- **figures**: counts (killed, injured, arrested, ...) kept as ranges. Mentions with the same kind, unit, event
  and range are one claim. Comparable figures (same kind, unit and event: the 30,000 dead of an earlier war
  are never compared with this war's toll) are labelled pairwise: ``consistent`` (the ranges overlap),
  ``more_specific`` ("more than 1,200" narrows "more than a thousand"), ``superseded`` (an earlier, smaller
  toll replaced by a later, larger one) or ``conflicting`` (disjoint ranges reported at the same time by
  different reporting lines). Only a line's own toll (the largest figure of the kind its articles give) can
  supersede or conflict: a report that says "two were killed" and also "one of them was a student" does not
  disagree with itself.
- **event dates**: the date each article gives its main event, when the text names it.
- **quotes**: what each speaker said, one claim per speaker and statement.

And a **timeline**: the story's dated happenings in order, from the time expressions of its sentences,
resolved against each article's publication date (an undated copy takes its reporting line's date).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz

from storyfold.model import (
    Claim,
    ClaimPair,
    ClaimSource,
    Evidence,
    Happening,
    Quantity,
    StoryClaims,
    TimeRef,
)

TimeFinder = Callable[[str, date | None], Sequence[TimeRef]]

# kinds whose figures only grow as a story goes on (a later, larger toll supersedes an earlier one); others
# ("shot" with the outcome untold, suicides, generic counts, money) are compared only for overlap
CUMULATIVE = frozenset({"killed", "injured", "arrested", "missing", "displaced"})
_APPROX = frozenset({"about", "around", "approximately", "roughly", "some", "an estimated", "nearly", "almost"})
_KIND_ORDER = ("killed", "injured", "shot", "suicide", "missing", "arrested", "displaced", "money", "count")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# a count written as a number ("two", "1,200", "a dozen"), not read from a singular noun ("a baby was wounded")
_EXPLICIT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?"
    r"|millions?|dozens?|both|all)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ClaimOptions:
    approx: float = 0.1  # "about 1,000" covers 900..1,100
    quote_similarity: float = 85.0  # token-set ratio (0-100) for two quotes of one speaker to be one claim
    happening_similarity: float = 60.0  # token-set ratio for two sentences of one day to tell one happening
    max_text: int = 240  # characters of a happening's text


def claim_id(*parts: str) -> str:
    """A claim's id derives from what it states, so the same story gives the same ids."""
    return "c" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def figure_range(q: Quantity, approx: float = 0.1) -> tuple[float, float]:
    """The range a count covers, for comparison: "about N" is N ± ``approx``, "nearly N" just under N,
    "more than N" N and up, "up to N" 0..N."""
    qual = q.qualifier.lower()
    if q.low is not None and q.high is not None:
        if qual in _APPROX:
            return q.low * (1 - approx), q.high * (1 + approx)
        return float(q.low), float(q.high)
    if q.low is not None:
        return float(q.low), math.inf
    if q.high is not None:
        if qual in _APPROX:
            return q.high * (1 - approx), float(q.high)
        return 0.0, float(q.high)
    return 0.0, math.inf


def _words(q: Quantity) -> str:
    unit = "" if q.unit in ("", "people") else f" {q.unit}"
    what = q.kind if q.kind not in ("count", "money") else (q.unit or q.kind)
    if q.low is None and q.high is None:
        return f"{what} (number not given)"
    qual = f"{q.qualifier} " if q.qualifier else "at least " if q.high is None else "at most " if q.low is None else ""
    n = q.low if q.low is not None else q.high
    if q.kind in ("count", "money"):
        return f"{qual}{n:,}{unit}".strip()
    return f"{qual}{n:,}{unit} {what}".strip()


@dataclass(slots=True)
class _Figure:
    kind: str
    unit: str
    event: str
    low: int | None
    high: int | None
    span: tuple[float, float]
    words: str
    evidence: list[Evidence] = field(default_factory=list)
    total_lines: set[str] = field(default_factory=set)  # lines where this is their own toll of the kind

    @property
    def lines(self) -> set[str]:
        return {e.line_id for e in self.evidence}

    @property
    def days(self) -> tuple[date | None, date | None]:
        known = [e.reported for e in self.evidence if e.reported is not None]
        return (min(known), max(known)) if known else (None, None)


def _anchors(sources: Sequence[ClaimSource]) -> dict[str, date | None]:
    """Each article's reporting day: its publication date, else the earliest date of its line."""
    by_line: dict[str, date] = {}
    for s in sources:
        if s.published is not None and (s.line_id not in by_line or s.published < by_line[s.line_id]):
            by_line[s.line_id] = s.published
    return {s.article_id: s.published or by_line.get(s.line_id) for s in sources}


def _event_key(q: Quantity) -> str:
    if q.current and not q.event:
        return ""
    return q.event.lower().strip() or "another event"


def _chosen(s: ClaimSource, q: Quantity) -> bool:
    """Whether the facts stage chose this count as the article's main-event toll."""
    e = s.facts.event
    pick = e.killed if q.kind == "killed" else e.injured if q.kind == "injured" else None
    return pick is not None and q.current and q.low == pick


def _figures(sources: Sequence[ClaimSource], anchors: dict[str, date | None], opts: ClaimOptions) -> list[_Figure]:
    found: dict[tuple[str, str, str, int | None, int | None], _Figure] = {}
    for s in sources:
        toll: dict[tuple[str, str, str], tuple[tuple[bool, float], _Figure]] = {}
        seen: set[tuple[object, ...]] = set()
        for q in s.facts.quantities:
            key = (q.kind, q.unit, _event_key(q), q.low, q.high)
            fig = found.get(key)
            if fig is None:
                span = figure_range(q, opts.approx)
                fig = found[key] = _Figure(q.kind, q.unit, key[2], q.low, q.high, span, _words(q))
            if (key, q.sentence) not in seen:
                seen.add((key, q.sentence))
                fig.evidence.append(
                    Evidence(s.article_id, s.line_id, q.sentence, s.sentence(q.sentence), anchors[s.article_id])
                )
            if (q.low is None and q.high is None) or not _EXPLICIT.search(q.text):
                continue  # only a count written as a number can be a line's toll
            group = key[:3]
            rank = (_chosen(s, q), fig.span[0])
            if group not in toll or rank > toll[group][0]:
                toll[group] = (rank, fig)
        for _, fig in toll.values():
            fig.total_lines.add(s.line_id)
    return list(found.values())


def _compare(x: _Figure, y: _Figure, ids: dict[int, str]) -> ClaimPair | None:
    """The label of two comparable figures, or None when they are not comparable."""
    if (x.low is None and x.high is None) or (y.low is None and y.high is None):
        return None
    (xl, xh), (yl, yh) = x.span, y.span
    if max(xl, yl) <= min(xh, yh):
        if (yl <= xl and xh <= yh) and (xl, xh) != (yl, yh):
            return ClaimPair(ids[id(x)], ids[id(y)], "more_specific", f"{x.words} narrows {y.words}")
        if (xl <= yl and yh <= xh) and (xl, xh) != (yl, yh):
            return ClaimPair(ids[id(y)], ids[id(x)], "more_specific", f"{y.words} narrows {x.words}")
        return ClaimPair(ids[id(x)], ids[id(y)], "consistent", f"{x.words} and {y.words} overlap")
    if x.kind not in CUMULATIVE or not x.total_lines or not y.total_lines:
        # other counts (students, bullets, dollars) differ for many reasons; a partial count ("one of
        # the victims") beside a toll is no disagreement
        return None
    low, high = (x, y) if xh < yl else (y, x)
    (low_first, low_last), (high_first, high_last) = low.days, high.days
    if low_first is None or low_last is None or high_first is None or high_last is None:
        return None  # without the days they were reported, an update and a disagreement look alike
    if high_first > low_last:
        why = f"{high.words} (from {high_first}) replaced {low.words} (until {low_last})"
        return ClaimPair(ids[id(low)], ids[id(high)], "superseded", why)
    # witnesses: lines that give one figure as their toll and do not state the other, on the same days
    if x.total_lines - y.lines and y.total_lines - x.lines and max(low_first, high_first) <= min(low_last, high_last):
        lines = len((x.total_lines - y.lines) | (y.total_lines - x.lines))
        when = f"on {low_last}" if low_first == low_last == high_first == high_last else "at the same time"
        why = f"{x.words} and {y.words} reported {when} by {lines} different reporting lines"
        return ClaimPair(ids[id(x)], ids[id(y)], "conflicting", why)
    return None


def _figure_claims(figures: list[_Figure]) -> tuple[list[Claim], list[ClaimPair]]:
    def order(f: _Figure) -> tuple[object, ...]:
        kind = _KIND_ORDER.index(f.kind) if f.kind in _KIND_ORDER else len(_KIND_ORDER)
        return (f.event != "", kind, f.event, f.unit, -len(f.lines), -len(f.evidence), f.span[0], f.words)

    figures.sort(key=order)
    ids = {id(f): claim_id("figure", f.kind, f.unit, f.event, str(f.low), str(f.high)) for f in figures}
    pairs: list[ClaimPair] = []
    for i, x in enumerate(figures):
        for y in figures[i + 1 :]:
            if (x.kind, x.unit, x.event) == (y.kind, y.unit, y.event):
                pair = _compare(x, y, ids)
                if pair is not None:
                    pairs.append(pair)
    claims = []
    for f in figures:
        first, last = f.days
        claims.append(
            Claim(
                id=ids[id(f)],
                kind="figure",
                subject=f.kind,
                statement=f.words + (f" ({f.event})" if f.event else ""),
                evidence=tuple(f.evidence),
                articles=len({e.article_id for e in f.evidence}),
                independent_lines=len(f.lines),
                low=f.low,
                high=f.high,
                unit=f.unit,
                event=f.event,
                first_reported=first,
                last_reported=last,
            )
        )
    return claims, pairs


def _event_dates(sources: Sequence[ClaimSource], anchors: dict[str, date | None]) -> list[Claim]:
    """One claim per event date the articles give (from their text, not their publication date). Two dates
    are not labelled against each other: a day's difference is often a night-time event, and a follow-up
    (a funeral, a trial) tells another day; the analyst sees each date with its counts."""
    by_day: dict[date, list[Evidence]] = {}
    for s in sources:
        e = s.facts.event
        if e.date is None or e.date_source in ("", "published", "stamp"):
            continue
        index = next((i for i in range(-1, len(s.sentences)) if e.date_source and e.date_source in s.sentence(i)), 0)
        by_day.setdefault(e.date, []).append(
            Evidence(s.article_id, s.line_id, index, s.sentence(index), anchors[s.article_id])
        )
    claims = [
        _claim("event_date", "event", f"the event happened on {day.isoformat()}", ev)
        for day, ev in sorted(by_day.items())
    ]
    return claims


def _claim(kind: str, subject: str, statement: str, evidence: Sequence[Evidence]) -> Claim:
    known = [e.reported for e in evidence if e.reported is not None]
    return Claim(
        id=claim_id(kind, subject, statement),
        kind=kind,
        subject=subject,
        statement=statement,
        evidence=tuple(evidence),
        articles=len({e.article_id for e in evidence}),
        independent_lines=len({e.line_id for e in evidence}),
        first_reported=min(known) if known else None,
        last_reported=max(known) if known else None,
    )


def _speaker_key(speaker: str, names: dict[str, str]) -> str:
    key = re.sub(r"^(?:the|a|an)\s+", "", speaker.strip(), flags=re.I)
    return names.get(key.lower(), key)


_SPEAKER_FILLER = frozenset({"the", "a", "an", "in", "of", "for", "at", "its", "his", "her", "their", "statement"})


def _same_speaker(a: str, b: str) -> bool:
    """One speaker named two ways: "the ministry" and "the foreign ministry in Yerevan"; "Pashinyan" and
    "Nikol Pashinyan" (the shorter name's words all in the longer one)."""
    wa = {w for w in re.findall(r"[\w'-]+", a.lower()) if w not in _SPEAKER_FILLER}
    wb = {w for w in re.findall(r"[\w'-]+", b.lower()) if w not in _SPEAKER_FILLER}
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _quotes(sources: Sequence[ClaimSource], anchors: dict[str, date | None], opts: ClaimOptions) -> list[Claim]:
    # a surname or other variant stands for the fullest name the story's entities give it
    names: dict[str, str] = {}
    for s in sources:
        for ent in s.facts.entities:
            for v in ent.variants:
                names.setdefault(v.lower(), ent.name)
    groups: list[tuple[list[str], str, str, list[Evidence]]] = []  # speaker names, verb, text, evidence
    for s in sources:
        for q in s.facts.quotes:
            speaker = _speaker_key(q.speaker, names)
            ev = Evidence(s.article_id, s.line_id, q.sentence, s.sentence(q.sentence), anchors[s.article_id])
            for g in groups:
                if _same_speaker(g[0][0], speaker) and fuzz.token_set_ratio(g[2], q.text) >= opts.quote_similarity:
                    if all(e.article_id != ev.article_id or e.sentence != ev.sentence for e in g[3]):
                        g[3].append(ev)
                    g[0].append(speaker)
                    break
            else:
                groups.append(([speaker], q.verb, q.text, [ev]))
    # a claim names its speaker by the fullest form seen ("the foreign ministry in Yerevan", not "ministry")
    named = [(max(sp, key=lambda x: (len(x), x)), verb, text, ev) for sp, verb, text, ev in groups]
    claims = [_claim("quote", sp, f"{sp} {verb}: {text}", ev) for sp, verb, text, ev in named]
    claims.sort(key=lambda c: (-c.independent_lines, -c.articles))
    return claims


def _specific_day(ref: TimeRef) -> date | None:
    if ref.type not in ("DATE", "TIME"):
        return None
    m = _DAY.match(ref.value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def timeline(
    sources: Sequence[ClaimSource],
    finder: TimeFinder,
    anchors: dict[str, date | None] | None = None,
    opts: ClaimOptions | None = None,
) -> list[Happening]:
    """The dated happenings of a story in order: each sentence that names a specific day, merged across
    articles when they tell the same thing of the same day."""
    opts = opts or ClaimOptions()
    anchors = anchors if anchors is not None else _anchors(sources)
    found: list[tuple[date, str, list[Evidence]]] = []
    for s in sorted(sources, key=lambda x: (anchors[x.article_id] or date.max, x.article_id)):
        anchor = anchors[s.article_id]
        if anchor is None:
            continue
        for i, text in enumerate(s.sentences):
            days = {d for d in (_specific_day(r) for r in finder(text, anchor)) if d is not None}
            for day in sorted(days):
                ev = Evidence(s.article_id, s.line_id, i, text, anchor)
                for d, first, evidence in found:
                    if d == day and fuzz.token_set_ratio(first, text) >= opts.happening_similarity:
                        if all(e.article_id != s.article_id for e in evidence):
                            evidence.append(ev)
                        break
                else:
                    found.append((day, text, [ev]))
    out = []
    for day, text, evidence in found:
        short = text if len(text) <= opts.max_text else text[: opts.max_text - 3].rsplit(" ", 1)[0] + "..."
        lines = len({e.line_id for e in evidence})
        out.append(Happening(day, short, tuple(evidence), len({e.article_id for e in evidence}), lines))
    out.sort(key=lambda h: (h.day, -h.independent_lines, -h.articles))
    return out


def _labelled(claims: Iterable[Claim], pairs: Sequence[ClaimPair]) -> list[Claim]:
    labels: dict[str, set[str]] = {}
    for p in pairs:
        # the pair's label names ``a``; its counterpart names ``b`` ("more than 1,000" is less specific)
        labels.setdefault(p.a, set()).add(p.label)
        other = {"more_specific": "less_specific", "superseded": "supersedes"}.get(p.label, p.label)
        labels.setdefault(p.b, set()).add(other)
    return [replace(c, labels=tuple(sorted(labels.get(c.id, ())))) for c in claims]


def story_claims(
    story_id: str,
    sources: Sequence[ClaimSource],
    finder: TimeFinder | None = None,
    opts: ClaimOptions | None = None,
) -> StoryClaims:
    """Merge the facts of a story's articles into claims, label comparable ones, and order its happenings.
    ``finder`` resolves time expressions for the timeline (none: no timeline)."""
    opts = opts or ClaimOptions()
    anchors = _anchors(sources)
    figures, figure_pairs = _figure_claims(_figures(sources, anchors, opts))
    dates = _event_dates(sources, anchors)
    quotes = _quotes(sources, anchors, opts)
    claims = _labelled(figures + dates + quotes, figure_pairs)
    happenings = timeline(sources, finder, anchors, opts) if finder else []
    return StoryClaims(story_id, tuple(claims), tuple(figure_pairs), tuple(happenings))
