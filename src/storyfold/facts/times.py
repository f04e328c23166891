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
from datetime import date, datetime, timedelta

from storyfold.facts import timex_patterns as P
from storyfold.facts.timex_calendar import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_ORDER,
    SEASONS,
    WEEKDAYS,
    current_season,
    day_value,
    duration_value,
    month_value,
    month_year,
    nth_weekday,
    parse_number,
    quarter_of,
    season_year,
    shift,
    shift_quarter,
    timeref_dates,
    unit_key,
    week_value,
    weekday_date,
)
from storyfold.model import TimeRef

__all__ = ["find_times", "timeref_dates"]

_Result = tuple[str, str, str | None]  # type, value, mod
_EDGE_MODS = {
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
_MODS = {
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
    r"|due\s+to|is\s+to|are\s+to|next|upcoming|intends?\s+to|set\s+to|as\s+soon\s+as|begins?|starts?"
    r"|opens?|meets?|tomorrow|will\s+be)\b",
    re.IGNORECASE,
)
_PAST = re.compile(r"\b(?:said|was|were|had|did|ago|last|earlier|told|announced|\w{3,}ed)\b", re.IGNORECASE)
_SENT_END = re.compile(r"[.!?]\s|\n")


def _norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def _edge(s: str | None) -> str | None:
    return _EDGE_MODS.get(_norm(s).replace("-", "")) if s else None


class _Resolver:
    """Normalises the matches of one text. Holds what earlier expressions of that text established."""

    def __init__(self, text: str, anchor: date | None) -> None:
        self.text = text
        self.anchor = anchor
        self.last_quarter: tuple[int, int] | None = None
        self.last_date: str | None = None  # the last explicit date value, for "that year", "later that day"

    # --- context -------------------------------------------------------------------------------
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
                    dist = len(chunk) - m.end() if is_before else m.start()
                    if best is None or dist < best[0]:
                        best = (dist, sign)
        return best[1] if best is not None else default

    def month_direction(self, m: re.Match[str]) -> int:
        """Months and days without a year: forward only after a clear future cue, else the nearest."""
        before, after = self.sentence(m.start(), m.end())
        near = before[-60:] + " " + after[:30]
        return 1 if _FUTURE.search(near) else 0

    # --- handlers --------------------------------------------------------------------------------
    def date_md(self, m: re.Match[str]) -> _Result | None:
        month = MONTHS[m["month"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", m["day"]))
        if day > 31:
            return None
        mod = _edge(m.groupdict().get("edge"))
        if m["year"]:
            year: int | None = int(m["year"])
        elif self.anchor is not None:
            rel = _norm(m.groupdict().get("rel"))
            direction = -1 if rel in ("last", "past") else 1 if rel in ("next", "coming") else self.month_direction(m)
            year = month_year(self.anchor, month, day, direction)
        else:
            year = None
        try:
            value = date(year, month, day).isoformat() if year else f"XXXX-{month:02d}-{day:02d}"
        except ValueError:
            return None
        return "DATE", value, mod

    def date_my(self, m: re.Match[str]) -> _Result | None:
        word = m["month"]
        month = MONTHS[word.lower().rstrip(".")]
        edge, rel, year_s = m["edge"], _norm(m["rel"]), m["year"]
        abbreviated = word.lower() in ("jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec")
        if abbreviated and not year_s:
            return None  # "Jan Kavan"; "Jan." with its dot is kept
        if m["yrel"] and self.anchor is not None:
            y = self.anchor.year + {"last": -1, "next": 1}.get(_norm(m["yrel"]), 0)
            return "DATE", month_value(y, month), _edge(edge)
        if word in ("May", "March") and not (edge or rel or year_s):
            prev = self.text[max(0, m.start() - 12) : m.start()].lower().split()
            if not prev or prev[-1] not in {
                "in",
                "since",
                "until",
                "by",
                "through",
                "during",
                "before",
                "after",
                "of",
                "from",
                "to",
                "mid",
                "late",
                "early",
                "and",
                "or",
                "last",
                "next",
                "this",
            }:
                return None
        if year_s:
            return "DATE", month_value(int(year_s), month), _edge(edge)
        if self.anchor is None:
            return "DATE", f"XXXX-{month:02d}", _edge(edge)
        if rel in ("last", "past"):
            y = self.anchor.year if month < self.anchor.month else self.anchor.year - 1
        elif rel in ("next", "coming"):
            y = self.anchor.year if month > self.anchor.month else self.anchor.year + 1
        elif rel == "this":
            y = self.anchor.year
        else:
            y = month_year(self.anchor, month, None, self.month_direction(m))
        return "DATE", month_value(y, month), _edge(edge)

    def date_num(self, m: re.Match[str]) -> _Result | None:
        if m["y1"]:
            y, mo, d = int(m["y1"]), int(m["m1"]), int(m["d1"])
        else:
            y, mo, d = int(m["y2"]), int(m["m2"]), int(m["d2"])
            if y < 100:
                y += 1900 if y >= 30 else 2000
        try:
            return "DATE", date(y, mo, d).isoformat(), None
        except ValueError:
            return None

    def year(self, m: re.Match[str]) -> _Result | None:
        y = int(m["year"])
        if not m["fiscal"] and not m["edge"]:
            # a bare four-digit number is a year only in a plausible range and not as a count
            after = self.text[m.end() : m.end() + 12].lower()
            if re.match(r"\s+(?:people|men|women|troops|soldiers|shares|votes|of|to\s+\d)", after):
                return None
            if not 1800 <= y <= 2100:
                return None
        return "DATE", str(y), _edge(m["edge"])

    def decade(self, m: re.Match[str]) -> _Result:
        digits = m["full"] if m["full"] else ("19" + m["short"])
        return "DATE", digits[:3], _edge(m["edge"])

    def decade_word(self, m: re.Match[str]) -> _Result:
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        return "DATE", f"19{tens.index(m['word'].lower()) + 2}", _edge(m["edge"])

    def century(self, m: re.Match[str]) -> _Result:
        return "DATE", f"{int(m['n']) - 1:02d}", _edge(m["edge"])

    def century_word(self, m: re.Match[str]) -> _Result:
        n = {"eighteenth": 17, "nineteenth": 18, "twentieth": 19, "twenty-first": 20}[m["word"].lower()]
        return "DATE", str(n), None

    def quarter(self, m: re.Match[str]) -> _Result | None:
        det, mods = _norm(m["det"]), _norm(m["mods"])
        if det == "a" and not m["ord"]:
            return None  # "a quarter" is a duration or a fraction
        year: int | None = None
        if m["year1"] or m["year2"]:
            year = int(m["year1"] or m["year2"])
        rel_year = _norm(m["ythis"] or m["yrel"])
        a = self.anchor
        if a is not None and year is None:
            year = a.year + {"last": -1, "next": 1}.get(rel_year, 0)
        if m["ord"]:
            q = ORDINALS[m["ord"].lower()]
            if "year-earlier" in mods or "year-ago" in mods:
                year = year - 1 if year is not None else None
        elif a is not None:
            # "the quarter", "the latest quarter": the last one reported, else the one before the anchor's
            if det == "this" or "current" in mods:
                year, q = a.year, quarter_of(a)
            elif det == "next":
                year, q = shift_quarter(a.year, quarter_of(a), 1)
            elif det == "last" or "previous" in mods or "prior" in mods:
                year, q = shift_quarter(a.year, quarter_of(a), -1)
            else:
                year, q = self.last_quarter or shift_quarter(a.year, quarter_of(a), -1)
            if "year-earlier" in mods or "year-ago" in mods:
                year -= 1
        else:
            return "DATE", "XXXX-QX", None
        if year is None:
            return "DATE", f"XXXX-Q{q}", None
        if not ("year-earlier" in mods or "year-ago" in mods):
            self.last_quarter = (year, q)
        return "DATE", f"{year}-Q{q}", None

    def half(self, m: re.Match[str]) -> _Result:
        h = 1 if m["ord"].lower() == "first" else 2
        if m["year"]:
            return "DATE", f"{m['year']}-H{h}", None
        if self.anchor is None:
            return "DATE", f"XXXX-H{h}", None
        y = self.anchor.year + {"last": -1, "next": 1}.get(_norm(m["yrel"]), 0)
        return "DATE", f"{y}-H{h}", None

    def relday(self, m: re.Match[str]) -> _Result:
        word = m["word"].lower()
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
        part = PARTS_OF_DAY.get(_norm(m["part"])) or ("NI" if word == "tonight" else None)
        a = self.anchor
        base = day_value(a + timedelta(days=offset)) if a is not None else "XXXX-XX-XX"
        return ("TIME", f"{base}T{part}", _edge(m["edge"])) if part else ("DATE", base, _edge(m["edge"]))

    def this_part(self, m: re.Match[str]) -> _Result:
        rel = m["rel"].lower()
        part = PARTS_OF_DAY[m["part"].lower()]
        offset = {"this": 0, "last": -1, "tomorrow": 1}[rel]
        if rel == "last" and part != "NI":
            return "DATE", "XXXX-XX-XX", None
        a = self.anchor
        base = day_value(a + timedelta(days=offset)) if a is not None else "XXXX-XX-XX"
        return "TIME", f"{base}T{part}", _edge(m["edge"])

    def weekday(self, m: re.Match[str]) -> _Result:
        wd = WEEKDAYS[m["wd"].lower()]
        rel = _norm(m["rel"])
        part = PARTS_OF_DAY.get(_norm(m["part"]))
        a = self.anchor
        if a is None:
            base = f"XXXX-WXX-{wd + 1}"
        else:
            if rel in ("last", "past"):
                d = weekday_date(a - timedelta(days=1), wd, -1)
            elif rel in ("next", "coming"):
                d = weekday_date(a + timedelta(days=1), wd, 1)
            elif rel == "this":
                d = weekday_date(a, wd, 0)
            else:
                d = weekday_date(a, wd, self.direction(m.start(), m.end(), default=-1))
            base = day_value(d)
        if part:
            return "TIME", f"{base}T{part}", _edge(m["edge"])
        return "DATE", base, _edge(m["edge"])

    def relunit(self, m: re.Match[str]) -> _Result | None:
        rel, unit, edge = _norm(m["rel"]), m["unit"].lower(), _edge(m["edge"])
        a = self.anchor
        if rel in ("past", "coming", "following") and unit in ("week", "month", "year", "decade", "century"):
            return "DURATION", duration_value(1, unit), None
        if rel in ("same", "that"):
            return None
        step = {"last": -1, "previous": -1, "next": 1, "this": 0, "current": 0}.get(rel, 0)
        if unit in SEASONS:
            code = SEASONS[unit]
            if a is None:
                return "DATE", f"XXXX-{code}", edge
            return "DATE", f"{season_year(a, code, rel)}-{code}", edge
        if a is None:
            return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"), edge
        if unit == "weekend":
            d = a + timedelta(weeks=step)
            if step == 0 and a.weekday() < 4 and self.direction(m.start(), m.end()) < 0:
                d = a - timedelta(weeks=1)
            return "DATE", week_value(d) + "-WE", edge
        return "DATE", shift(a, step, unit), edge

    def the_unit(self, m: re.Match[str]) -> _Result:
        unit = m["unit"].lower()
        a = self.anchor
        value = shift(a, 0, unit) if a is not None else {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
        return "DATE", value, _edge(m["edge"])

    def season(self, m: re.Match[str]) -> _Result:
        season = (m["season"] or m["season2"]).lower()
        year = m["year"] or m["year2"]
        return "DATE", f"{year}-{SEASONS[season]}", _edge(m["edge"] or m["edge2"])

    def weekend(self, m: re.Match[str]) -> _Result:
        rel = m.group(0).split()[0].lower()
        a = self.anchor
        if a is None:
            return "DATE", "XXXX-WXX-WE", None
        if rel in ("last", "past"):
            d = a - timedelta(weeks=1)
        elif rel == "next":
            d = a + timedelta(weeks=1)
        elif a.weekday() < 4 and self.direction(m.start(), m.end()) < 0:
            d = a - timedelta(weeks=1)
        else:
            d = a
        return "DATE", week_value(d) + "-WE", None

    def ago(self, m: re.Match[str]) -> _Result | None:
        unit = unit_key(m["unit"])
        n = parse_number(m["num"])
        direction = m["dir"].lower()
        sign = 1 if direction in ("later", "after", "from now", "hence") else -1
        mod = _MODS.get(_norm(m["mod"])) if m["mod"] else None
        if mod in ("MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
            mod = "APPROX"
        a = self.anchor
        if n is None and direction not in ("before", "after"):
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
        if direction in ("before", "after") or n is None:
            return "DURATION", duration_value(n, unit), mod
        if a is None:
            return "DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), mod
        if unit == "year" and n == 1 and self.last_quarter is not None and sign < 0:
            y, q = self.last_quarter
            return "DATE", f"{y - 1}-Q{q}", mod
        if unit in ("hour", "minute", "second"):
            return "DATE", day_value(a), mod
        return "DATE", shift(a, sign * n, unit), mod

    def year_ago_adj(self, m: re.Match[str]) -> _Result | None:
        a = self.anchor
        if a is None:
            return "DATE", "XXXX", None
        if self.last_quarter is not None:
            y, q = self.last_quarter
            return "DATE", f"{y - 1}-Q{q}", None
        return "DATE", str(a.year - 1), None

    def duration(self, m: re.Match[str]) -> _Result | None:
        unit = unit_key(m["unit"])
        raw_num = _norm(m["num"])
        if raw_num in ("a", "an", "some") and m["unit"].lower().endswith("s"):
            return None
        if unit == "second" and raw_num in ("a", "one"):
            return None  # "a second round"
        if unit == "quarter" and re.search(r"-quarters?$", m.group(0).lower()):
            return None  # "three-quarters of"
        if raw_num.replace(",", "").replace(".", "").isdigit() and "." in raw_num:
            return None
        n = parse_number(raw_num)
        if raw_num == "half a":
            if unit == "year":
                return "DURATION", "P6M", None
            if unit == "hour":
                return "DURATION", "PT30M", None
            if unit == "day":
                return "DURATION", "PT12H", None
            return None
        if unit == "quarter" and n is not None and raw_num in ("a", "an", "one"):
            prev = self.text[max(0, m.start() - 12) : m.start()].lower()
            if not re.search(r"(?:for|in|over|than)\s*$", prev):
                return None  # "a quarter of the votes"
        if n is not None and n > 1000:
            return None
        mod = _MODS.get(_norm(m["mod"])) if m["mod"] else None
        if m["mod"] and _norm(m["mod"]) in ("only", "just"):
            return None
        return "DURATION", duration_value(n, unit), mod

    def plural_units(self, m: re.Match[str]) -> _Result | None:
        unit = unit_key(m["unit"])
        lead = _norm(m["mod"])
        if lead.startswith("recent"):
            return "DATE", "PAST_REF", None
        if lead.startswith("the coming") or lead.startswith("the next"):
            return "DURATION", duration_value(None, unit), None
        return "DURATION", duration_value(None, unit), None

    def time_of_day(self, m: re.Match[str]) -> _Result | None:
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if not ampm and not m["min"]:
            return None
        if not ampm and not (m["tz"] or m["day"]):
            return None  # "3:30" alone is as likely a score or a ratio
        h = int(m["h"])
        minute = int(m["min"] or 0)
        if ampm.startswith("p") and h < 12:
            h += 12
        if ampm.startswith("a") and h == 12:
            h = 0
        if h > 23:
            return None
        a = self.anchor
        day = _norm(m["day"])
        if a is None:
            base = "XXXX-XX-XX"
        elif day in WEEKDAYS:
            base = day_value(weekday_date(a, WEEKDAYS[day], self.direction(m.start(), m.end())))
        else:
            base = day_value(a + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0)))
        mod = "APPROX" if m["mod"] and _norm(m["mod"]) in ("about", "around", "approximately") else None
        return "TIME", f"{base}T{h:02d}:{minute:02d}", mod

    def noon(self, m: re.Match[str]) -> _Result:
        word = m["word"].lower()
        a = self.anchor
        off = {"yesterday": -1, "tomorrow": 1}.get(_norm(m["day"]), 0)
        base = day_value(a + timedelta(days=off)) if a is not None else "XXXX-XX-XX"
        return "TIME", f"{base}T{'24:00' if word == 'midnight' else '12:00'}", None

    def refs(self, m: re.Match[str]) -> _Result | None:
        w = _norm(m["word"])
        if w in ("now", "currently", "nowadays", "at present", "the present", "these days", "current", "at the moment"):
            if w == "now" and re.match(r"\s+that\b", self.text[m.end() : m.end() + 8]):
                return None
            if w == "current" and re.match(
                r"\s+(?:account|accounts|events|affairs|flows?|assets|liabilities)\b", self.text[m.end() : m.end() + 14]
            ):
                return None
            return "DATE", "PRESENT_REF", None
        if w.startswith("present"):
            return "DATE", "PRESENT_REF", None
        if w in ("the future", "future", "soon", "the years ahead") or w.startswith("the coming"):
            return "DATE", "FUTURE_REF", None
        return "DATE", "PAST_REF", None

    def sets(self, m: re.Match[str]) -> _Result | None:
        adv = _norm(m["adv"])
        if adv:
            return (
                "SET",
                {
                    "daily": "P1D",
                    "nightly": "P1D",
                    "weekly": "P1W",
                    "biweekly": "P2W",
                    "monthly": "P1M",
                    "quarterly": "P1Q",
                    "annually": "P1Y",
                    "yearly": "P1Y",
                    "semiannually": "P6M",
                    "hourly": "PT1H",
                }[adv],
                None,
            )
        unit = m["unit"].lower()
        if unit.rstrip("s") in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[unit.rstrip('s')] + 1}", None
        if unit.rstrip(".").lower() in MONTHS:
            return "SET", f"XXXX-{MONTHS[unit.rstrip('.').lower()]:02d}", None
        if unit in SEASONS:
            return "SET", f"XXXX-{SEASONS[unit]}", None
        n = parse_number(m["num"]) if m["num"] else 1
        return "SET", duration_value(n, unit_key(unit)), None

    def a_year(self, m: re.Match[str]) -> _Result:
        return "SET", duration_value(1, m["unit"].lower()), None

    def holiday(self, m: re.Match[str]) -> _Result | None:
        name = _norm(m["name"])
        a = self.anchor
        year = int(m["year"]) if m["year"] else None

        def on(y: int) -> date | None:
            if name.startswith("christmas eve"):
                return date(y, 12, 24)
            if name.startswith("christmas"):
                return date(y, 12, 25)
            if name.startswith("new year's eve"):
                return date(y, 12, 31)
            if name.startswith("new year's"):
                return date(y, 1, 1)
            if name.startswith("thanksgiving"):
                return nth_weekday(y, 11, 3, 4)
            if name.startswith("independence"):
                return date(y, 7, 4)
            if name.startswith("labor"):
                return nth_weekday(y, 9, 0, 1)
            if name.startswith("memorial"):
                return nth_weekday(y, 6, 0, 1) - timedelta(days=7)
            if name.startswith("election"):
                return nth_weekday(y, 11, 0, 1) + timedelta(days=1)
            if name.startswith("halloween"):
                return date(y, 10, 31)
            if name.startswith("valentine"):
                return date(y, 2, 14)
            return None

        if year is None:
            if a is None:
                return None
            d0 = on(a.year)
            if d0 is None:
                return None
            direction = self.direction(m.start(), m.end())
            year = a.year
            if direction < 0 and d0 > a:
                year -= 1
            elif direction > 0 and d0 < a:
                year += 1
        d = on(year)
        return ("DATE", d.isoformat(), None) if d else None

    def year_words(self, m: re.Match[str]) -> _Result | None:
        words = _norm(m["year"]).replace("-", " ").split()
        if words[:2] == ["the", "year"]:
            words = words[3:] if words[2:3] == ["two"] else words[2:]
            words = ["two", *words]
        if words[0] in ("nineteen", "eighteen"):
            century = 19 if words[0] == "nineteen" else 18
            rest = [w for w in words[1:] if w not in ("hundred", "and", "oh")]
            n = parse_number(" ".join(rest)) if rest else 0
            if n is None or n > 99:
                return None
            y = century * 100 + n
        else:
            rest = [w for w in words[2:] if w != "and"]
            n = parse_number(" ".join(rest)) if rest else 0
            if n is None:
                return None
            y = 2000 + n
        if m["month"]:
            return "DATE", month_value(y, MONTHS[m["month"].lower().rstrip(".")]), None
        if m["season"]:
            return "DATE", f"{y}-{SEASONS[m['season'].lower()]}", None
        return "DATE", str(y), None

    def the_year(self, m: re.Match[str]) -> _Result | None:
        a = self.anchor
        which = _norm(m["which"])
        if m["end"]:
            return "DATE", (f"{a.year}-12-31" if a else "XXXX-12-31"), None
        if m["unit"].lower() == "week":
            if which in ("past", "previous", "prior", "same", "whole", "entire", "full", "latest"):
                return None
            return "DATE", (week_value(a) if a else "XXXX-WXX"), None
        if m["ended"] or which in ("past", "whole", "entire") or (m["lead"] and not m["fiscal"] and which != "full"):
            return "DURATION", "P1Y", None
        if which == "same":
            return None
        if a is None:
            return "DATE", "XXXX", None
        year = a.year - 1 if which in ("latest", "previous", "prior") else a.year
        return "DATE", str(year), None

    def period(self, m: re.Match[str]) -> _Result | None:
        mods = _norm(m["mods"])
        years = re.findall(r"\d{4}", mods)
        if self.last_quarter is None:
            return ("DATE", years[0], None) if years else None
        y, q = self.last_quarter
        if years:
            return "DATE", f"{years[0]}-Q{q}", None
        if "year-earlier" in mods or "year-ago" in mods or "corresponding" in mods or "comparable" in mods:
            y -= 1
        return "DATE", f"{y}-Q{q}", None

    def bare_season(self, m: re.Match[str]) -> _Result:
        code = SEASONS[m["season"].lower()]
        a = self.anchor
        if a is None:
            return "DATE", f"XXXX-{code}", _edge(m["edge"])
        rel = "last" if self.direction(m.start(), m.end(), default=-1) < 0 else "next"
        year = a.year if SEASON_ORDER[code] <= SEASON_ORDER[current_season(a)] or rel == "next" else a.year - 1
        return "DATE", f"{year}-{code}", _edge(m["edge"])

    def vague(self, m: re.Match[str]) -> _Result:
        w = _norm(m["word"])
        if "years" in w and ("over" in self.text[max(0, m.start() - 5) : m.start()] or w.startswith("past")):
            return "DATE", "PAST_REF", None
        return "DATE", "FUTURE_REF", None

    def that_unit(self, m: re.Match[str]) -> _Result | None:
        unit = m["unit"].lower()
        last = self.last_date
        if last is None:
            return None
        edge = _edge(m["edge"])
        if unit == "year":
            return ("DATE", last[:4], edge) if last[:4].isdigit() else None
        if unit == "month":
            return ("DATE", last[:7], edge) if len(last) >= 7 and last[5:7].isdigit() else None
        if unit == "week":
            return None
        if len(last) < 10 or not last[8:10].isdigit():
            return None
        day = last[:10]
        if unit in ("morning", "night"):
            return "TIME", f"{day}T{PARTS_OF_DAY[unit]}", edge
        return "DATE", day, edge


_Handler = Callable[[_Resolver, re.Match[str]], "_Result | None"]
_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (P.DATE_MDY, _Resolver.date_md),
    (P.DATE_DMY, _Resolver.date_md),
    (P.DATE_MY, _Resolver.date_my),
    (P.DATE_NUM, _Resolver.date_num),
    (P.YEAR_RE, _Resolver.year),
    (P.DECADE, _Resolver.decade),
    (P.DECADE_WORD, _Resolver.decade_word),
    (P.CENTURY, _Resolver.century),
    (P.CENTURY_WORD, _Resolver.century_word),
    (P.QUARTER, _Resolver.quarter),
    (P.HALF, _Resolver.half),
    (P.RELDAY, _Resolver.relday),
    (P.THIS_PART, _Resolver.this_part),
    (P.WEEKDAY_RE, _Resolver.weekday),
    (P.RELUNIT, _Resolver.relunit),
    (P.THE_UNIT, _Resolver.the_unit),
    (P.SEASON_RE, _Resolver.season),
    (P.WEEKEND, _Resolver.weekend),
    (P.AGO, _Resolver.ago),
    (P.YEAR_AGO_ADJ, _Resolver.year_ago_adj),
    (P.DURATION, _Resolver.duration),
    (P.PLURAL_UNITS, _Resolver.plural_units),
    (P.TIME_OF_DAY, _Resolver.time_of_day),
    (P.NOON, _Resolver.noon),
    (P.REFS, _Resolver.refs),
    (P.SETS, _Resolver.sets),
    (P.HOLIDAY, _Resolver.holiday),
    (P.YEAR_WORDS, _Resolver.year_words),
    (P.THE_YEAR, _Resolver.the_year),
    (P.PERIOD, _Resolver.period),
    (P.BARE_SEASON, _Resolver.bare_season),
    (P.VAGUE, _Resolver.vague),
    (P.THAT_UNIT, _Resolver.that_unit),
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
    resolver = _Resolver(text, day)
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
