"""Handlers for durations, sets, times of day, vague references ("now", "recently") and "ago" dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyfold.facts.timex_calendar import (
    MONTHS,
    SEASONS,
    WEEKDAYS,
    day_number,
    day_value,
    duration_value,
    month_year,
    parse_number,
    shift,
    unit_key,
    weekday_date,
)
from storyfold.facts.timex_resolve import MODS, Resolver, Result, norm


def ago(r: Resolver, m: re.Match[str]) -> Result | None:
    unit = unit_key(m["unit"])
    n = parse_number(m["num"])
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    mod = MODS.get(norm(m["mod"])) if m["mod"] else None
    if mod in ("MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        mod = "APPROX"
    a = r.anchor
    if n is None and direction not in ("before", "after"):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if direction in ("earlier", "later") and unit in ("second", "minute", "hour", "day", "night", "week"):
        return "DURATION", duration_value(n, unit), mod  # counted from an event, not from the anchor
    if direction in ("before", "after") or n is None:
        return "DURATION", duration_value(n, unit), mod
    if a is None:
        return "DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), mod
    if unit == "year" and n == 1 and r.last_quarter is not None and sign < 0:
        y, q = r.last_quarter
        return "DATE", f"{y - 1}-Q{q}", mod
    if unit in ("hour", "minute", "second"):
        return "DATE", day_value(a), mod
    return "DATE", shift(a, sign * n, unit), mod


def year_ago_adj(r: Resolver, m: re.Match[str]) -> Result | None:
    a = r.anchor
    if a is None:
        return "DATE", "XXXX", None
    if r.last_quarter is not None:
        y, q = r.last_quarter
        return "DATE", f"{y - 1}-Q{q}", None
    return "DATE", str(a.year - 1), None


_RATE = re.compile(
    r"(?:\d[\d,.]*%?|million|billion|thousand|hundred|percent|cents?|dollars?)(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE
)


def duration(r: Resolver, m: re.Match[str]) -> Result | None:
    unit = unit_key(m["unit"])
    raw_num = norm(m["num"])
    if raw_num in ("a", "an", "some") and m["unit"].lower().endswith("s"):
        return None
    if raw_num in ("a", "an") and not m["mod"] and _RATE.search(r.text[max(0, m.start() - 40) : m.start()]):
        return None  # a rate ("$500 million a year", "four flights a week"), not a stretch of time
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
        prev = r.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"(?:for|in|over|than)\s*$", prev):
            return None  # "a quarter of the votes"
    if n is not None and n > 1000:
        return None
    mod = MODS.get(norm(m["mod"])) if m["mod"] else None
    if (m["half"] or m["half2"]) and n is not None:
        halves = {"year": f"P{n}Y6M", "day": f"P{n}DT12H", "hour": f"PT{n}H30M", "minute": f"PT{n}M30S"}
        if unit in halves:
            return "DURATION", halves[unit], mod
    return "DURATION", duration_value(n, unit), mod


def plural_units(r: Resolver, m: re.Match[str]) -> Result | None:
    unit = unit_key(m["unit"])
    lead = norm(m["mod"])
    if lead.startswith("recent"):
        return "DATE", "PAST_REF", None
    if lead.startswith("the coming") or lead.startswith("the next"):
        return "DURATION", duration_value(None, unit), None
    return "DURATION", duration_value(None, unit), None


def time_of_day(r: Resolver, m: re.Match[str]) -> Result | None:
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if not ampm and not m["min"]:
        return None
    if not ampm and not (m["tz"] or m["day"] or m["mon"]):
        return None  # "3:30" alone is as likely a score or a ratio
    h = int(m["h"])
    minute = int(m["min"] or 0)
    if ampm.startswith("p") and h < 12:
        h += 12
    if ampm.startswith("a") and h == 12:
        h = 0
    if h > 23:
        return None
    base = _day_of_time(r, m)
    mod = "APPROX" if m["mod"] and norm(m["mod"]) in ("about", "around", "approximately") else None
    return "TIME", f"{base}T{h:02d}:{minute:02d}", mod


def noon(r: Resolver, m: re.Match[str]) -> Result | None:
    word = m["word"].lower()
    if word == "noon" and m["word"] == "Noon" and not (m["day"] or m["mon"]):
        return None  # "High Noon", a title
    return "TIME", f"{_day_of_time(r, m)}T{'24:00' if word == 'midnight' else '12:00'}", None


def _day_of_time(r: Resolver, m: re.Match[str]) -> str:
    """The day a clock time falls on: the day named after it, else the last day the text named, else the anchor."""
    a = r.anchor
    groups = m.groupdict()
    day = norm(groups.get("day"))
    if a is None:
        return "XXXX-XX-XX"
    if groups.get("mon"):
        month = MONTHS[m["mon"].lower().rstrip(".")]
        mday = day_number(m["mday"]) or 1
        year = int(m["year"]) if groups.get("year") else month_year(a, month, mday, r.month_direction(m))
        try:
            return date(year, month, mday).isoformat()
        except ValueError:
            return day_value(a)
    if day in WEEKDAYS:
        return day_value(weekday_date(a, WEEKDAYS[day], r.direction(m.start(), m.end(), default=-1)))
    if day:
        return day_value(a + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0)))
    last = r.last_date
    if last is not None and len(last) >= 10 and last[8:10].isdigit():
        return last[:10]
    return day_value(a)


def refs(r: Resolver, m: re.Match[str]) -> Result | None:
    w = norm(m["word"])
    if w in ("now", "currently", "nowadays", "at present", "the present", "these days", "current", "at the moment"):
        if w == "current" and re.match(
            r"\s+(?:account|accounts|events|affairs|flows?|assets|liabilities)\b", r.text[m.end() : m.end() + 14]
        ):
            return None
        return "DATE", "PRESENT_REF", None
    if w.startswith("present"):
        return "DATE", "PRESENT_REF", None
    if w == "the future" and re.match(r"\s+of\b", r.text[m.end() : m.end() + 4]):
        return None  # "the future of our peoples": what becomes of them, not a time
    if w in ("the future", "future", "soon", "the years ahead") or w.startswith("the coming"):
        return "DATE", "FUTURE_REF", None
    return "DATE", "PAST_REF", None


def sets(r: Resolver, m: re.Match[str]) -> Result | None:
    adv = norm(m["adv"])
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


def vague(r: Resolver, m: re.Match[str]) -> Result:
    w = norm(m["word"])
    if "years" in w and ("over" in r.text[max(0, m.start() - 5) : m.start()] or w.startswith("past")):
        return "DATE", "PAST_REF", None
    return "DATE", "FUTURE_REF", None


def clock_words(r: Resolver, m: re.Match[str]) -> Result | None:
    h = parse_number(m["h"])
    if h is None or not 1 <= h <= 12:
        return None
    part = norm(m["part"])
    if ("afternoon" in part or "evening" in part or "night" in part) and h < 12:
        h += 12
    if "morning" in part and h == 12:
        h = 0
    return "TIME", f"{_day_of_time(r, m)}T{h:02d}:00", None


def day_around(r: Resolver, m: re.Match[str]) -> Result:
    a = r.anchor
    if a is None:
        return "DATE", "XXXX-XX-XX", None
    return "DATE", day_value(a + timedelta(days=-2 if "before" in m["dir"].lower() else 2)), None
