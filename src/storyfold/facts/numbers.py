"""Number phrases in news text: "1,200", "thirty-five", "a dozen", "dozens", with the qualifier that makes a
range of them ("more than", "nearly", "up to"). The patterns are the vocabulary of ``facts.quantities``."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "both": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_MULT = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# vague plurals: (low, high)
_VAGUE = {
    "dozens": (24, None),
    "hundreds": (200, None),
    "thousands": (2000, None),
    "scores": (40, None),
    "several": (3, None),
    "a few": (2, None),
    "a number": (2, None),
}
WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|both|single"
    r"|(?:a|one|two|three|four|five|several)\s+(?:hundred|thousand|dozen)"
)
# a number after a month is a day: "Nov. 2 LR Shooting", "March 3 shooting"
_MONTH_BEFORE = "".join(
    rf"(?<!{re.escape(m)} )"
    for m in (
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Aug.",
        "Sep.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "January",
        "February",
        "September",
        "October",
        "November",
        "December",
    )
)
# 911 is the emergency number ("a call to 911 reporting she had shot ..."), 2012 a year ("In 2012 he shot and
# killed ...") and I-85, AK-47 or FOX16 a name, not counts, unless people follow the number; "the victim, 16, was shot"
# is an age (and in ``NUM``, "$10 armed robbery shot" money)
DIGITS = (
    r"\d{1,3}(?:,\d{3})+|(?<![\w.])(?<![A-Za-z]-)(?!(?<=, )\d{1,3},)"
    r"(?!(?:911|(?:19|20)\d\d)\b(?!\s+(?:people|persons|victims)\b))\d+(?:\.\d+)?"
)
NUM = (
    # "Father of 5 killed": the victim's children, not a toll
    rf"(?<![Nn]o )(?<![$£€])(?<!father of )(?<!mother of )(?<!parent of ){_MONTH_BEFORE}"
    rf"(?P<num>(?:{DIGITS}|\b(?:{WORD})\b)(?:\s+(?:hundred|thousand|million|billion)\b)?"
    r"|\b(?:dozens|hundreds|thousands|scores|several|a few)\b)"
    r"(?![\w-]*\s*(?:-|\s)year|\s*(?:%|percent|a\.m|p\.m|[ap]m\b|:\d))"
    # a number before "that" names something ("told Channel 5 that her son was shot"); a count is of people
    r"(?!\s+that\b)"
    # a measure is no count of people: "20 minutes later ... had been shot", "10 rounds"
    r"(?![\w-]*\s+(?:minutes?|hours?|seconds?|days?|weeks?|months?|miles?|feet|yards|rounds|shots|bullets|blocks?)\b)"
)
QUAL = (
    r"(?:\b(?P<qual>more than|over|at least|upwards of|in excess of|nearly|almost|about|around|approximately"
    r"|roughly|some|up to|as many as|fewer than|less than|at most|no more than|an estimated|a total of)\s+)?"
)
_LOWER = {"more than", "over", "at least", "upwards of", "in excess of"}
_UPPER = {"nearly", "almost", "up to", "as many as", "fewer than", "less than", "at most", "no more than"}


def parse_number(text: str) -> tuple[int | None, int | None]:
    """The range a number phrase means: "1,200" → (1200, 1200), "dozens" → (24, None)."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _VAGUE:
        return _VAGUE[t]
    words = t.replace("-", " ").split(" ")
    mult = 1
    while words and words[-1] in _MULT:
        mult *= _MULT[words.pop()]
    if not words:
        return mult, mult
    head = words[0].replace(",", "")
    try:
        value = float(head) if len(words) == 1 else None
    except ValueError:
        value = None
    if value is None:
        total = 0
        for w in words:
            if w not in _UNITS:
                return None, None
            scale = _UNITS[w] >= 100 or w == "dozen"  # "a dozen" is 12, "two dozen" 24, "a hundred" 100
            total = total * _UNITS[w] if scale and total else total + _UNITS[w]
        value = float(total)
    n = round(value * mult)
    return n, n


def number_range(num: str, qual: str | None) -> tuple[int | None, int | None, str]:
    """(low, high, qualifier) of a number with its qualifier: "more than" 1200 → (1200, None, "more than")."""
    low, high = parse_number(num)
    q = (qual or "").lower()
    if low is None:
        return None, None, q
    if q in _LOWER:
        return low, None, q
    if q in _UPPER:
        return None, high, q
    return low, high, q
