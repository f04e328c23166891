"""Which news agency an article credits: datelines "(AFP)", "told Reuters", "The Associated Press
contributed", agency bylines. Photo credits in captions are not wire credits."""

from __future__ import annotations

import re
from collections import Counter

from storyfold.clean import WIRE_NAMES
from storyfold.model import Article, SegmentKind

# Photo services and broadcasters are credited for pictures and interviews, not for syndicated text.
_NOT_TEXT_WIRES = frozenset({"Getty Images", "Getty", "Shutterstock", "EPA", "CNN", "BBC"})
_CANONICAL = {"Associated Press": "AP", "Agence France-Presse": "AFP", "DPA": "dpa"}
_AGENCIES = sorted((w for w in WIRE_NAMES if w not in _NOT_TEXT_WIRES), key=len, reverse=True)
_ALT = "|".join(re.escape(w) for w in _AGENCIES)
_A = rf"(?:the\s+)?(?P<w>{_ALT})"

_CREDITS = (
    re.compile(rf"^[^()\n]{{0,80}}\({_A}(?:/[^)]*)?\)\s*[-\u2013\u2014:]"),  # dateline: "GENEVA (AFP) -"
    re.compile(rf"^\(?{_A}\)?\s*[-\u2013\u2014]\s"),  # "AP - ..." at the start of the body
    re.compile(rf"\b(?:told|reached\s+by|contacted\s+by|according\s+to|quoted\s+by|cited\s+by)\s+{_A}\b"),
    re.compile(rf"\b{_A}\s+(?:reported|reports|said|has\s+learned|contributed|news\s+agency)\b"),
    re.compile(rf"(?:\u00a9|copyright)\s*(?:\d{{4}}\s*)?{_A}\b", re.IGNORECASE),
    re.compile(rf"\b{_A}\s+(?:writers?|reporters?|correspondents?|staff)\b"),
)
_PHOTO = re.compile(r"\b(?:photo|image|picture|file|video)\b", re.IGNORECASE)


def _canonical(name: str) -> str:
    return _CANONICAL.get(name, name)


def _credits_in(text: str) -> list[str]:
    found = []
    for pattern in _CREDITS:
        for m in pattern.finditer(text):
            name = m.group("w")
            if name.upper() == name or name[0].isupper():
                found.append(_canonical(name))
    return found


def wire_credit(article: Article) -> str | None:
    """The agency the article's text credits most (ties: the first credited), or None.

    Body paragraphs and bylines count; captions and photo credits do not.
    """
    counts: Counter[str] = Counter()
    order: list[str] = []
    for seg in article.segments:
        if seg.kind in (SegmentKind.BODY, SegmentKind.BYLINE) or (
            seg.kind is SegmentKind.CREDIT and not _PHOTO.search(seg.text)
        ):
            for name in _credits_in(seg.text):
                counts[name] += 1
                if name not in order:
                    order.append(name)
    if not counts:
        return None
    top = max(counts.values())
    return next(n for n in order if counts[n] == top)
