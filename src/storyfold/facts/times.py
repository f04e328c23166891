"""Time expressions: find them in a text and resolve them against the publication date (TimeML TIMEX3 values).

Rule-based, in the manner of HeidelTime: a set of patterns (``timex_patterns``) proposes expressions, the
longest non-overlapping ones win, and each is normalised to a TIMEX3 type and value. Relative expressions
("on Friday", "last week", "September 27") are resolved against the anchor (the publication date) using the
tense of their sentence: in an article of Saturday 2020-10-31, "on Friday" said in the past is 2020-10-30,
"on Friday" in a sentence with "will" is 2020-11-06. Without an anchor relative expressions keep their
unknown parts as X ("XXXX-WXX-5"), as TimeML does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from storyfold.facts import timex_dates as D
from storyfold.facts import timex_patterns as P
from storyfold.facts import timex_spans as S
from storyfold.facts.timex_calendar import timeref_dates
from storyfold.facts.timex_resolve import Resolver, Result
from storyfold.model import TimeRef

__all__ = ["find_times", "timeref_dates"]


_Handler = Callable[[Resolver, re.Match[str]], "Result | None"]
_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (P.DATE_MDY, D.date_md),
    (P.DATE_DMY, D.date_md),
    (P.DATE_MY, D.date_my),
    (P.DATE_NUM, D.date_num),
    (P.YEAR_RE, D.year),
    (P.DECADE, D.decade),
    (P.DECADE_WORD, D.decade_word),
    (P.CENTURY, D.century),
    (P.CENTURY_WORD, D.century_word),
    (P.QUARTER, D.quarter),
    (P.HALF, D.half),
    (P.RELDAY, D.relday),
    (P.THIS_PART, D.this_part),
    (P.WEEKDAY_RE, D.weekday),
    (P.RELUNIT, D.relunit),
    (P.THE_UNIT, D.the_unit),
    (P.SEASON_RE, D.season),
    (P.WEEKEND, D.weekend),
    (P.AGO, S.ago),
    (P.YEAR_AGO_ADJ, S.year_ago_adj),
    (P.DURATION, S.duration),
    (P.PLURAL_UNITS, S.plural_units),
    (P.TIME_OF_DAY, S.time_of_day),
    (P.NOON, S.noon),
    (P.REFS, S.refs),
    (P.SETS, S.sets),
    (P.HOLIDAY, D.holiday),
    (P.YEAR_WORDS, D.year_words),
    (P.THE_YEAR, D.the_year),
    (P.PERIOD, D.period),
    (P.BARE_SEASON, D.bare_season),
    (P.VAGUE, S.vague),
    (P.THAT_UNIT, D.that_unit),
    (P.CLOCK_WORDS, S.clock_words),
    (P.DAY_AROUND, S.day_around),
)


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every pattern match as (start, end, rule index, match), longest first at each start."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for i, (pattern, _) in enumerate(_RULES):
        for m in pattern.finditer(text):
            span = m.span("span") if "span" in pattern.groupindex and m["span"] else m.span()
            start, end = span
            # never start or end on spaces or punctuation that TimeML leaves outside
            while end > start and text[end - 1] in " \t\n,;:":
                end -= 1
            if end > start:
                found.append((start, end, i, m))
    return found


def find_times(text: str, anchor: date | datetime | None) -> list[TimeRef]:
    """All time expressions in ``text``, in order, with their TIMEX3 type and value resolved against ``anchor``.

    ``anchor`` is the publication date; None leaves relative expressions unresolved ("XXXX-WXX-5").
    Offsets index into ``text``.
    """
    day = anchor.date() if isinstance(anchor, datetime) else anchor
    resolver = Resolver(text, day)
    cands = _candidates(text)
    # Longest expressions win; ties go to the earlier rule.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    for c in cands:
        if any(c[0] < t[1] and t[0] < c[1] for t in taken):
            continue
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    refs: list[TimeRef] = []
    for start, end, i, m in taken:
        result = _RULES[i][1](resolver, m)
        if result is None:
            continue
        type_, value, mod = result
        if type_ == "DATE" and value[:4].isdigit() and len(value) >= 4 and _RULES[i][0] is not P.THAT_UNIT:
            resolver.last_date = value
        refs.append(TimeRef(text=text[start:end], start=start, end=end, type=type_, value=value, mod=mod))
    return refs
