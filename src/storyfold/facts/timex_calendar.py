"""Calendar arithmetic and word lists for time expressions: TimeML values from dates, weeks, quarters.

Pure functions only; the patterns and the resolver live in ``times``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from storyfold.model import TimeRef

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
}
_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "half a": 0,  # handled by the caller as a half unit
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
}
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "some", "many", "a number of", "numerous", "the last few"})
NUMBER_WORDS = sorted([k for k in _SMALL if k != "half a"] + list(VAGUE_NUMBERS) + ["half a"], key=len, reverse=True)
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
ORDINAL_WORDS += ["eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"]
ORDINAL_WORDS += ["eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third"]

# Unit words and their TimeML duration letters; the second item says whether the unit is a time ("PT") one.
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "centurie": ("CE", False),
}


def parse_number(words: str) -> int | None:
    """An amount written in digits or words ("three", "twenty-four", "a couple of"); None when vague."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w or w in VAGUE_NUMBERS:
        return None
    digits = w.replace(",", "")
    if digits.isdigit():
        return int(digits)
    if w in _SMALL:
        return _SMALL[w]
    total = 0
    for part in w.split():
        if part not in _SMALL:
            return None
        n = _SMALL[part]
        total = total * n if n == 100 and total else total + n
    return total or None


def unit_key(word: str) -> str:
    """The singular key of a unit word ("days" -> "day", "centuries" -> "centurie")."""
    w = word.lower()
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return w


def duration_value(n: int | None, unit: str) -> str:
    """TimeML duration value: (3, "year") -> "P3Y", (None, "hour") -> "PTXH", decades as years."""
    letter, is_time = UNITS[unit]
    if letter == "DE":
        letter, n = "Y", (n * 10 if n is not None else None)
        if n is None:
            return "PXDE"
    if letter == "CE":
        letter, n = "Y", (n * 100 if n is not None else None)
        if n is None:
            return "PXCE"
    if letter == "WE":
        letter, n = "D", (n * 2 if n is not None else None)
    amount = "X" if n is None else str(n)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def add_months(d: date, months: int) -> date:
    m0 = d.year * 12 + (d.month - 1) + months
    y, m = divmod(m0, 12)
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return date(y, m + 1, day)


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + by
    return k // 4, k % 4 + 1


def shift(anchor: date, n: int, unit: str) -> str:
    """The value ``n`` units after (negative: before) the anchor, at the unit's granularity."""
    if unit in ("day", "night"):
        return day_value(anchor + timedelta(days=n))
    if unit in ("week", "weekend"):
        return week_value(anchor + timedelta(weeks=n))
    if unit == "month":
        return add_months(anchor, n).strftime("%Y-%m")
    if unit == "quarter":
        y, q = shift_quarter(anchor.year, quarter_of(anchor), n)
        return f"{y}-Q{q}"
    if unit == "year":
        return str(anchor.year + n)
    if unit == "decade":
        return str((anchor.year + 10 * n) // 10)
    if unit in ("century", "centurie"):
        return str((anchor.year + 100 * n) // 100)
    # hours, minutes, seconds: the day is the best we can say
    return day_value(anchor)


def weekday_date(anchor: date, weekday: int, direction: int) -> date:
    """The weekday nearest the anchor in a direction: -1 on or before, +1 on or after, 0 nearest of both."""
    back = (anchor.weekday() - weekday) % 7
    fwd = (weekday - anchor.weekday()) % 7
    if direction < 0:
        return anchor - timedelta(days=back)
    if direction > 0:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


def month_year(anchor: date, month: int, day: int | None, direction: int) -> int:
    """The year of a month (and day) given without one: the nearest occurrence in the tense's direction."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if direction < 0:
        return anchor.year if there <= here else anchor.year - 1
    if direction > 0:
        return anchor.year if there >= here else anchor.year + 1

    # no tense: the nearest occurrence, counting the future as farther (news mostly reports the past)
    def distance(year: int) -> float:
        try:
            there_day = date(year, month, day or 15)
        except ValueError:
            return float("inf")
        days = (there_day - anchor).days
        return days * FUTURE_WEIGHT if days > 0 else -days

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


FUTURE_WEIGHT = 2.0


def season_year(anchor: date, season: str, rel: str) -> int:
    """The year of "last/this/next summer" for an anchor."""
    now = SEASON_ORDER[current_season(anchor)]
    there = SEASON_ORDER[season]
    if rel == "last":
        return anchor.year if there < now else anchor.year - 1
    if rel == "next":
        return anchor.year if there > now else anchor.year + 1
    return anchor.year


def current_season(d: date) -> str:
    m = d.month
    if m in (12, 1, 2):
        return "WI"
    if m in (3, 4, 5):
        return "SP"
    if m in (6, 7, 8):
        return "SU"
    return "FA"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEARISH = re.compile(r"^(\d{2,4})$")


def timeref_dates(ref: TimeRef) -> tuple[date, date] | None:
    """The inclusive range of days a DATE (or TIME) value covers; None for durations, sets and vague values.

    "2020-10-31" -> (Oct 31, Oct 31); "2020-10" -> (Oct 1, Oct 31); "2020-W44" -> that ISO week, Monday to
    Sunday; "2020-Q4" -> Oct 1 .. Dec 31; "199" -> 1990-01-01 .. 1999-12-31; "19" -> the 1900s.
    """
    if ref.type not in ("DATE", "TIME"):
        return None
    v = ref.value
    try:
        if m := _FULL_DAY.match(v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(v):
            first = date(int(m[1]), int(m[2]), 1)
            return first, add_months(first, 1) - timedelta(days=1)
        if m := _WEEK.match(v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(v):
            first = date(int(m[1]), 3 * (int(m[2]) - 1) + 1, 1)
            return first, add_months(first, 3) - timedelta(days=1)
        if m := _HALF.match(v):
            first = date(int(m[1]), 6 * (int(m[2]) - 1) + 1, 1)
            return first, add_months(first, 6) - timedelta(days=1)
        if m := _SEASON.match(v):
            y = int(m[1])
            start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
            first = date(y, start_month, 1)
            return first, add_months(first, 3) - timedelta(days=1)
        if m := _YEARISH.match(v):
            digits = m[1]
            span = 10 ** (4 - len(digits))
            first_year = int(digits) * span
            if first_year < 1:
                return None
            return date(first_year, 1, 1), date(first_year + span - 1, 12, 31)
    except ValueError:
        return None
    return None
