"""Handlers for calendar expressions: dates, months, years, decades, quarters, weekdays, relative days."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyfold.facts.timex_calendar import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_ORDER,
    SEASONS,
    WEEKDAYS,
    add_months,
    current_season,
    day_number,
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
    week_value,
    weekday_date,
)
from storyfold.facts.timex_resolve import Resolver, Result, edge_mod, norm


def date_md(r: Resolver, m: re.Match[str]) -> Result | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = day_number(m["day"]) or 0
    if not 1 <= day <= 31:
        return None
    mod = edge_mod(m.groupdict().get("edge"))
    if m["year"]:
        year: int | None = int(m["year"])
    elif r.anchor is not None:
        rel = norm(m.groupdict().get("rel"))
        direction = -1 if rel in ("last", "past") else 1 if rel in ("next", "coming") else r.month_direction(m)
        year = month_year(r.anchor, month, day, direction)
    else:
        year = None
    try:
        value = date(year, month, day).isoformat() if year else f"XXXX-{month:02d}-{day:02d}"
    except ValueError:
        return None
    return "DATE", value, mod


def date_my(r: Resolver, m: re.Match[str]) -> Result | None:
    word = m["month"]
    month = MONTHS[word.lower().rstrip(".")]
    edge, rel, year_s = m["edge"], norm(m["rel"]), m["year"]
    abbreviated = word.lower() in ("jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec")
    if abbreviated and not year_s:
        return None  # "Jan Kavan"; "Jan." with its dot is kept
    if m["yrel"] and r.anchor is not None:
        y = r.anchor.year + {"last": -1, "next": 1}.get(norm(m["yrel"]), 0)
        return "DATE", month_value(y, month), edge_mod(edge)
    if word in ("May", "March") and not (edge or rel or year_s):
        prev = r.text[max(0, m.start() - 12) : m.start()].lower().split()
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
        return "DATE", month_value(int(year_s), month), edge_mod(edge)
    if r.anchor is None:
        return "DATE", f"XXXX-{month:02d}", edge_mod(edge)
    if rel in ("last", "past"):
        y = r.anchor.year if month < r.anchor.month else r.anchor.year - 1
    elif rel in ("next", "coming"):
        y = r.anchor.year if month > r.anchor.month else r.anchor.year + 1
    elif rel == "this":
        y = r.anchor.year
    else:
        y = month_year(r.anchor, month, None, r.month_direction(m))
    return "DATE", month_value(y, month), edge_mod(edge)


def date_num(r: Resolver, m: re.Match[str]) -> Result | None:
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


def year(r: Resolver, m: re.Match[str]) -> Result | None:
    y = int(m["year"])
    if not m["fiscal"] and not m["edge"]:
        # a bare four-digit number is a year only in a plausible range and not as a count
        after = r.text[m.end() : m.end() + 12].lower()
        if re.match(r"\s+(?:people|men|women|troops|soldiers|shares|votes|of|to\s+\d)", after):
            return None
        if not 1800 <= y <= 2100:
            return None
    return "DATE", str(y), edge_mod(m["edge"])


def decade(r: Resolver, m: re.Match[str]) -> Result:
    digits = m["full"] if m["full"] else ("19" + m["short"])
    return "DATE", digits[:3], edge_mod(m["edge"])


def decade_word(r: Resolver, m: re.Match[str]) -> Result:
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return "DATE", f"19{tens.index(m['word'].lower()) + 2}", edge_mod(m["edge"])


def century(r: Resolver, m: re.Match[str]) -> Result | None:
    n = int(m["n"])
    if n < 1:
        return None
    return "DATE", f"{n - 1:02d}", edge_mod(m["edge"])


def century_word(r: Resolver, m: re.Match[str]) -> Result:
    n = {"eighteenth": 17, "nineteenth": 18, "twentieth": 19, "twenty-first": 20}[m["word"].lower()]
    return "DATE", str(n), None


def quarter(r: Resolver, m: re.Match[str]) -> Result | None:
    det, mods = norm(m["det"]), norm(m["mods"])
    if det == "a" and not m["ord"]:
        return None  # "a quarter" is a duration or a fraction
    year: int | None = None
    if m["year1"] or m["year2"]:
        year = int(m["year1"] or m["year2"])
    rel_year = norm(m["ythis"] or m["yrel"])
    a = r.anchor
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
            last_year, q = r.last_quarter or shift_quarter(a.year, quarter_of(a), -1)
            if not (m["year1"] or m["year2"] or rel_year):
                year = last_year
        if year is not None and ("year-earlier" in mods or "year-ago" in mods):
            year -= 1
    else:
        return "DATE", "XXXX-QX", None
    if year is None:
        return "DATE", f"XXXX-Q{q}", None
    reported = a is None or (year, q) < (a.year, quarter_of(a))  # results are reported for past quarters
    if reported and not ("year-earlier" in mods or "year-ago" in mods):
        r.last_quarter = (year, q)
    return "DATE", f"{year}-Q{q}", None


def half(r: Resolver, m: re.Match[str]) -> Result:
    h = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        return "DATE", f"{m['year']}-H{h}", None
    if r.anchor is None:
        return "DATE", f"XXXX-H{h}", None
    y = r.anchor.year + {"last": -1, "next": 1}.get(norm(m["yrel"]), 0)
    return "DATE", f"{y}-H{h}", None


def relday(r: Resolver, m: re.Match[str]) -> Result:
    word = m["word"].lower()
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    part = PARTS_OF_DAY.get(norm(m["part"])) or ("NI" if word == "tonight" else None)
    a = r.anchor
    base = day_value(a + timedelta(days=offset)) if a is not None else "XXXX-XX-XX"
    return ("TIME", f"{base}T{part}", edge_mod(m["edge"])) if part else ("DATE", base, edge_mod(m["edge"]))


def this_part(r: Resolver, m: re.Match[str]) -> Result:
    rel = m["rel"].lower()
    part = PARTS_OF_DAY[m["part"].lower()]
    offset = {"this": 0, "last": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "NI":
        return "DATE", "XXXX-XX-XX", None
    a = r.anchor
    base = day_value(a + timedelta(days=offset)) if a is not None else "XXXX-XX-XX"
    return "TIME", f"{base}T{part}", edge_mod(m["edge"])


def weekday(r: Resolver, m: re.Match[str]) -> Result:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = norm(m["rel"])
    part = PARTS_OF_DAY.get(norm(m["part"]))
    a = r.anchor
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
            d = weekday_date(a, wd, r.direction(m.start(), m.end(), default=-1))
        base = day_value(d)
    if part:
        return "TIME", f"{base}T{part}", edge_mod(m["edge"])
    return "DATE", base, edge_mod(m["edge"])


def relunit(r: Resolver, m: re.Match[str]) -> Result | None:
    rel, unit, edge = norm(m["rel"]), m["unit"].lower(), edge_mod(m["edge"])
    a = r.anchor
    last = r.last_date
    if rel in ("following", "previous") and unit in ("year", "month") and last and last[:4].isdigit():
        # narrative: "the following year" counts from the last date the text named
        step = 1 if rel == "following" else -1
        if unit == "year":
            return "DATE", str(int(last[:4]) + step), edge
        if len(last) >= 7 and last[5:7].isdigit():
            return "DATE", add_months(date(int(last[:4]), int(last[5:7]), 1), step).strftime("%Y-%m"), edge
    if rel == "past" and unit == "year" and a is not None:
        return "DATE", str(a.year - 1), edge  # "in the past year": TimeBank reads it as the previous year
    if rel in ("past", "coming", "following") and unit in ("week", "month", "year", "decade", "century"):
        return "DURATION", duration_value(1, unit), None
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
        if step == 0 and a.weekday() < 4 and r.direction(m.start(), m.end()) < 0:
            d = a - timedelta(weeks=1)
        return "DATE", week_value(d) + "-WE", edge
    return "DATE", shift(a, step, unit), edge


def the_unit(r: Resolver, m: re.Match[str]) -> Result:
    unit = m["unit"].lower()
    a = r.anchor
    value = shift(a, 0, unit) if a is not None else {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    return "DATE", value, edge_mod(m["edge"])


def season(r: Resolver, m: re.Match[str]) -> Result:
    season = (m["season"] or m["season2"]).lower()
    year = m["year"] or m["year2"]
    return "DATE", f"{year}-{SEASONS[season]}", edge_mod(m["edge"] or m["edge2"])


def weekend(r: Resolver, m: re.Match[str]) -> Result:
    rel = m.group(0).split()[0].lower()
    a = r.anchor
    if a is None:
        return "DATE", "XXXX-WXX-WE", None
    if rel in ("last", "past"):
        d = a - timedelta(weeks=1)
    elif rel == "next":
        d = a + timedelta(weeks=1)
    elif a.weekday() < 4 and r.direction(m.start(), m.end()) < 0:
        d = a - timedelta(weeks=1)
    else:
        d = a
    return "DATE", week_value(d) + "-WE", None


def holiday(r: Resolver, m: re.Match[str]) -> Result | None:
    name = norm(m["name"])
    a = r.anchor
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
        direction = r.direction(m.start(), m.end())
        year = a.year
        if direction < 0 and d0 > a:
            year -= 1
        elif direction > 0 and d0 < a:
            year += 1
    d = on(year)
    if d is not None and m["shift"]:
        d += timedelta(days=-1 if "before" in m["shift"].lower() else 1)
    return ("DATE", d.isoformat(), None) if d else None


def year_words(r: Resolver, m: re.Match[str]) -> Result | None:
    words = norm(m["year"]).replace("-", " ").split()
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


def the_year(r: Resolver, m: re.Match[str]) -> Result | None:
    a = r.anchor
    which = norm(m["which"])
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


def period(r: Resolver, m: re.Match[str]) -> Result | None:
    mods = norm(m["mods"])
    years = re.findall(r"\d{4}", mods)
    a = r.anchor
    if r.last_quarter is not None:
        y, q = r.last_quarter
    elif a is not None and not years:
        y, q = shift_quarter(a.year, quarter_of(a), -1)
    else:
        return ("DATE", years[0], None) if years else None
    if years:
        return "DATE", f"{years[0]}-Q{q}", None
    if "year-earlier" in mods or "year-ago" in mods or "corresponding" in mods or "comparable" in mods:
        y -= 1
    return "DATE", f"{y}-Q{q}", None


def bare_season(r: Resolver, m: re.Match[str]) -> Result:
    code = SEASONS[m["season"].lower()]
    a = r.anchor
    if a is None:
        return "DATE", f"XXXX-{code}", edge_mod(m["edge"])
    rel = "last" if r.direction(m.start(), m.end(), default=-1) < 0 else "next"
    year = a.year if SEASON_ORDER[code] <= SEASON_ORDER[current_season(a)] or rel == "next" else a.year - 1
    return "DATE", f"{year}-{code}", edge_mod(m["edge"])


def that_unit(r: Resolver, m: re.Match[str]) -> Result | None:
    unit = m["unit"].lower()
    last = r.last_date
    if last is None:
        return None
    edge = edge_mod(m["edge"])
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
