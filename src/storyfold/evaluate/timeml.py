"""TimeML (.tml) files: reading, writing our own TIMEX3 tags, and the TempEval-3 time-expression scores.

The scores follow the TempEval-3 definitions (UzZaman et al. 2013): a system expression matches a gold one
*strictly* when both cover exactly the same extent and *relaxed* when they overlap; precision and recall are
counted over matched expressions; an attribute's accuracy is the share of relaxed matches whose attribute
equals the gold one, and its F1 is that accuracy times the relaxed F1. Only the expressions in ``<TEXT>`` are
scored: the creation time in ``<DCT>`` is given to the system, not found by it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from storyfold.errors import InputError
from storyfold.model import Skipped, TimeRef

STAGE = "eval-timex"


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    """One TimeML document: its plain text (the content of ``<TEXT>`` without tags) and gold expressions."""

    name: str
    path: Path
    raw: str  # the file as read
    dct: date | None
    text: str
    gold: tuple[TimeRef, ...]
    text_start: int  # offsets in ``raw`` of the content of <TEXT> ... </TEXT>
    text_end: int


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """Matches between system and gold expressions, summed over documents."""

    gold: int = 0
    system: int = 0
    strict_gold: int = 0  # gold expressions with a system expression of exactly the same extent
    strict_system: int = 0
    relaxed_gold: int = 0  # gold expressions that some system expression overlaps
    relaxed_system: int = 0
    pairs: int = 0  # relaxed matched pairs whose attributes are compared
    value_ok: int = 0
    type_ok: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))


def _fields(c: SpanCounts) -> tuple[int, ...]:
    return (
        c.gold,
        c.system,
        c.strict_gold,
        c.strict_system,
        c.relaxed_gold,
        c.relaxed_system,
        c.pairs,
        c.value_ok,
        c.type_ok,
    )


def _prf(matched_system: int, system: int, matched_gold: int, gold: int) -> tuple[float, float, float]:
    p = matched_system / system if system else 0.0
    r = matched_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(frozen=True, slots=True)
class TimexScores:
    """TempEval-3 time-expression scores over a set of documents."""

    documents: int
    counts: SpanCounts
    skipped: tuple[Skipped, ...] = ()

    @property
    def strict(self) -> tuple[float, float, float]:
        c = self.counts
        return _prf(c.strict_system, c.system, c.strict_gold, c.gold)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        c = self.counts
        return _prf(c.relaxed_system, c.system, c.relaxed_gold, c.gold)

    @property
    def value_accuracy(self) -> float:
        return self.counts.value_ok / self.counts.pairs if self.counts.pairs else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.counts.type_ok / self.counts.pairs if self.counts.pairs else 0.0

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed[2]

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed[2]

    def to_dict(self) -> dict[str, object]:
        sp, sr, sf = self.strict
        rp, rr, rf = self.relaxed
        return {
            "documents": self.documents,
            "gold": self.counts.gold,
            "system": self.counts.system,
            "strict": {"precision": sp, "recall": sr, "f1": sf},
            "relaxed": {"precision": rp, "recall": rr, "f1": rf},
            "value": {"accuracy": self.value_accuracy, "f1": self.value_f1},
            "type": {"accuracy": self.type_accuracy, "f1": self.type_f1},
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
        }


_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT_RE = re.compile(r"<DCT>.*?value=\"(\d{4})-?(\d{2})-?(\d{2})", re.DOTALL)


def read_timeml(path: Path) -> TimemlDoc:
    """Read one .tml file. Raises InputError (with the file name) when it is not well-formed TimeML."""
    origin = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", origin=origin, stage=STAGE) from exc
    m = _TEXT_RE.search(raw)
    if m is None:
        raise InputError("no <TEXT> element", origin=origin, stage=STAGE)
    try:
        root = ET.fromstring("<TEXT>" + m.group(1) + "</TEXT>")
    except ET.ParseError as exc:
        raise InputError(f"malformed XML in <TEXT>: {exc}", origin=origin, stage=STAGE) from exc
    parts: list[str] = [root.text or ""]
    gold: list[TimeRef] = []
    pos = len(parts[0])
    for el in root:
        inner = "".join(el.itertext())
        if el.tag == "TIMEX3":
            gold.append(
                TimeRef(
                    text=inner,
                    start=pos,
                    end=pos + len(inner),
                    type=el.get("type", ""),
                    value=el.get("value", ""),
                    mod=el.get("mod") or None,
                )
            )
        tail = el.tail or ""
        parts.extend((inner, tail))
        pos += len(inner) + len(tail)
    dct = _read_dct(raw)
    return TimemlDoc(
        name=path.name,
        path=path,
        raw=raw,
        dct=dct,
        text="".join(parts),
        gold=tuple(gold),
        text_start=m.start(1),
        text_end=m.end(1),
    )


def _read_dct(raw: str) -> date | None:
    m = _DCT_RE.search(raw)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def tag_text(text: str, refs: Sequence[TimeRef], first_tid: int = 1) -> str:
    """The text, XML-escaped, with one ``<TIMEX3 tid type value [mod]>`` element around each expression."""
    out: list[str] = []
    pos = 0
    tid = first_tid
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.start < pos:
            continue  # overlapping expressions cannot both be tagged
        out.append(escape(text[pos : ref.start]))
        attrs = f"tid={quoteattr(f't{tid}')} type={quoteattr(ref.type)} value={quoteattr(ref.value)}"
        if ref.mod:
            attrs += f" mod={quoteattr(ref.mod)}"
        out.append(f"<TIMEX3 {attrs}>{escape(text[ref.start : ref.end])}</TIMEX3>")
        pos = ref.end
        tid += 1
    out.append(escape(text[pos:]))
    return "".join(out)


def write_timeml(doc: TimemlDoc, refs: Sequence[TimeRef], out_dir: Path) -> Path:
    """Write the document with our own expressions tagged in its unchanged text (gold inline tags removed).

    What precedes ``<TEXT>`` (DOCID, DCT ...) is kept as it was; the gold links after it are not, since they
    refer to gold ids.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    head = doc.raw[: doc.text_start]
    body = tag_text(doc.text, refs)
    path = out_dir / doc.name
    path.write_text(head + body + "</TEXT>\n\n</TimeML>\n", encoding="utf-8")
    return path


def score_document(gold: Sequence[TimeRef], system: Sequence[TimeRef]) -> SpanCounts:
    """Count strict and relaxed matches and attribute agreement for one document."""

    def overlaps(a: TimeRef, b: TimeRef) -> bool:
        return a.start < b.end and b.start < a.end

    strict_gold = sum(1 for g in gold if any(s.start == g.start and s.end == g.end for s in system))
    strict_system = sum(1 for s in system if any(s.start == g.start and s.end == g.end for g in gold))
    relaxed_gold = sum(1 for g in gold if any(overlaps(g, s) for s in system))
    relaxed_system = sum(1 for s in system if any(overlaps(g, s) for g in gold))
    pairs = value_ok = type_ok = 0
    for g in gold:
        matches = [s for s in system if overlaps(g, s)]
        if not matches:
            continue
        # The exact-extent match first, else the one overlapping most.
        best = max(
            matches, key=lambda s: (s.start == g.start and s.end == g.end, min(s.end, g.end) - max(s.start, g.start))
        )
        pairs += 1
        value_ok += best.value == g.value
        type_ok += best.type == g.type
    return SpanCounts(
        gold=len(gold),
        system=len(system),
        strict_gold=strict_gold,
        strict_system=strict_system,
        relaxed_gold=relaxed_gold,
        relaxed_system=relaxed_system,
        pairs=pairs,
        value_ok=value_ok,
        type_ok=type_ok,
    )


def timeml_files(paths: Iterable[Path]) -> list[Path]:
    """The .tml files named or found (recursively) under the given paths, in a stable order."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(sorted(p.rglob("*.tml")))
        else:
            found.append(p)
    return found


Tagger = Callable[[str, date | None], list[TimeRef]]


def evaluate_timex(paths: Iterable[Path], tagger: Tagger, output: Path | None = None) -> TimexScores:
    """Tag every .tml file under ``paths`` with ``tagger`` (text, DCT) and score it against its gold tags.

    A file that cannot be read is recorded in ``skipped`` with its reason; the others are still scored.
    """
    total = SpanCounts()
    docs = 0
    skipped: list[Skipped] = []
    for path in timeml_files(paths):
        try:
            doc = read_timeml(path)
        except InputError as exc:
            skipped.append(Skipped(origin=str(path), reason=exc.reason, stage=STAGE))
            continue
        refs = tagger(doc.text, doc.dct)
        total = total + score_document(doc.gold, refs)
        docs += 1
        if output is not None:
            write_timeml(doc, refs, output)
    return TimexScores(documents=docs, counts=total, skipped=tuple(skipped))
