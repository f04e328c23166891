"""The resolver's state and context for time expressions: the anchor, the text, tense cues.

``times`` runs the patterns; the handlers in ``timex_dates`` and ``timex_spans`` turn a match into a TIMEX3
type, value and mod, reading the context from a :class:`Resolver`.
"""

from __future__ import annotations

import re
from datetime import date

Result = tuple[str, str, str | None]  # type, value, mod
EDGE_MODS = {
    "early": "START",
    "earlier": "START",
    "the beginning of": "START",
    "the start of": "START",
    "late": "END",
    "later": "END",
    "the end of": "END",
    "the close of": "END",
    "mid": "MID",
    "the middle of": "MID",
    "post": "AFTER",
    "pre": "BEFORE",
}
MODS = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "almost": "LESS_THAN",
    "nearly": "EQUAL_OR_LESS",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS",
}
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|scheduled|plans?\s+to|planned|planning|expected\s+to|expects?\s+to"
    # (not "died due to his injuries", "found next to the car", "to open fire")
    r"|(?:is|are|was|were|be)\s+due\s+to|is\s+to|are\s+to|next(?!\s+to\b)|upcoming|intends?\s+to|set\s+to"
    r"|as\s+soon\s+as|begins?|starts?|opens?(?!\s+fire)|meets?|tomorrow|will\s+be)\b",
    re.IGNORECASE,
)
_PAST = re.compile(r"\b(?:said|was|were|had|did|ago|last|earlier|told|announced|\w{3,}ed)\b", re.IGNORECASE)
_PAST_NEAR = re.compile(
    r"\b(?:was|were|had|did|since|(?:died|killed|won|lost|began|ended|occurred|happened)\s+(?:on|in))\b", re.I
)
_SENT_END = re.compile(r"[.!?]\s|\n")


def norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def edge_mod(s: str | None) -> str | None:
    return EDGE_MODS.get(norm(s).replace("-", "")) if s else None


class Resolver:
    """Normalises the matches of one text. Holds what earlier expressions of that text established."""

    def __init__(self, text: str, anchor: date | None) -> None:
        self.text = text
        self.anchor = anchor
        self.last_quarter: tuple[int, int] | None = None
        self.last_date: str | None = None  # the last explicit date value, for "that year", "later that day"

    def sentence(self, start: int, end: int) -> tuple[str, str]:
        """The text of the sentence before and after the expression."""
        left = self.text[max(0, start - 300) : start]
        cut = [m.end() for m in _SENT_END.finditer(left)]
        before = left[cut[-1] :] if cut else left
        right = self.text[end : end + 300]
        m = _SENT_END.search(right)
        after = right[: m.start()] if m else right
        return before, after

    def direction(self, start: int, end: int, default: int = 0) -> int:
        """+1 when the words nearest the expression speak of the future, -1 of the past, else ``default``."""
        before, after = self.sentence(start, end)
        before, after = before[-90:], after[:50]
        best: tuple[int, int] | None = None  # (distance, direction)
        for chunk, is_before in ((before, True), (after, False)):
            for pattern, sign in ((_FUTURE, 1), (_PAST, -1)):
                for m in pattern.finditer(chunk):
                    dist = len(chunk) - m.end() if is_before else 3 * m.start()  # the governing verb mostly comes first
                    if best is None or dist < best[0]:
                        best = (dist, sign)
        return best[1] if best is not None else default

    def month_direction(self, m: re.Match[str]) -> int:
        """Months and days without a year: forward only after a clear future cue, else the nearest."""
        before, after = self.sentence(m.start(), m.end())
        near = before[-60:] + " " + after[:30]
        if _FUTURE.search(near):
            return 1
        return -1 if _PAST_NEAR.search(before[-30:]) else 0
