"""Time expressions found in the seed reports (published Saturday 2020-10-31) and resolved against that date."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold.facts.times import find_times, timeref_dates
from storyfold.model import TimeRef

from conftest import SEED_A, SEED_B

PUBLISHED = date(2020, 10, 31)  # a Saturday


def _by_text(text: str, anchor: date | datetime | None = PUBLISHED) -> dict[str, TimeRef]:
    return {r.text: r for r in find_times(text, anchor)}


def test_seed_report_dates_resolve_against_publication_day() -> None:
    text = SEED_A.read_text(encoding="utf-8")
    refs = find_times(text, PUBLISHED)
    for r in refs:
        assert text[r.start : r.end] == r.text
    found = {(r.text, r.type, r.value, r.mod) for r in refs}
    assert ("Saturday", "DATE", "2020-10-31", None) in found
    assert ("Friday", "DATE", "2020-10-30", None) in found
    assert ("September 27", "DATE", "2020-09-27", None) in found
    assert ("1990s", "DATE", "199", None) in found
    assert ("more than a month", "DURATION", "P1M", "MORE_THAN") in found
    assert ("1997", "DATE", "1997", None) in found
    assert ("Saturday morning", "TIME", "2020-10-31TMO", None) in found


def test_second_seed_full_dates() -> None:
    found = {(r.text, r.value) for r in find_times(SEED_B.read_text(encoding="utf-8"), PUBLISHED)}
    assert ("October 25, 2020", "2020-10-25") in found
    assert ("September 27", "2020-09-27") in found


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Officials met last week in Geneva.", "last week", "2020-W43"),
        ("Shelling resumed Tuesday night, the ministry said.", "Tuesday night", "2020-10-27TNI"),
        ("Earlier this year, the two sides traded fire.", "Earlier this year", "2020"),
        ("The talks will resume on Friday.", "Friday", "2020-11-06"),
        ("Fighting began two years ago.", "two years ago", "2018"),
        ("He was elected in March 2018.", "March 2018", "2018-03"),
        ("Profits fell in the third quarter.", "the third quarter", "2020-Q3"),
        ("The truce collapsed yesterday.", "yesterday", "2020-10-30"),
        ("Prices have risen this month.", "this month", "2020-10"),
        ("The paper is published daily.", "daily", "P1D"),
        # a holiday and the days beside it (anchor Saturday 2020-10-31: a past one is last year's)
        ("She was shot the day after Thanksgiving.", "the day after Thanksgiving", "2019-11-29"),
        ("It was the day-before-Christmas rush.", "the day-before-Christmas", "2019-12-24"),
        ("The stores will open the day after Christmas.", "the day after Christmas", "2020-12-26"),
        ("Trick-or-treaters came out on Halloween.", "Halloween", "2020-10-31"),
        # a clock time, its weekday and its date (gva-dev): the date wins, as in "Sunday, July 5" alone
        (
            "Officers were called just after 2:30 a.m. Sunday, Oct. 4 for a report.",
            "just after 2:30 a.m. Sunday, Oct. 4",
            "2020-10-04T02:30",
        ),
        (
            "The shooting occurred around 2:15 a.m. on Tuesday, June 28th.",
            "around 2:15 a.m. on Tuesday, June 28th",
            "2020-06-28T02:15",
        ),
        ("He left at 2:30 a.m. Sunday. October 4 was cold.", "2:30 a.m. Sunday", "2020-10-25T02:30"),
        (
            "He was shot at 2:30 a.m. Sunday, July 5, 2015, outside.",
            "2:30 a.m. Sunday, July 5, 2015",
            "2015-07-05T02:30",
        ),
        # words that only look like the future: "to open fire", "next to", "due to his injuries" (gva-dev)
        ("Men used a shotgun to open fire during a block party Friday night.", "Friday night", "2020-10-30TNI"),
        ("The body was found next to the car Friday night.", "Friday night", "2020-10-30TNI"),
        ("He died due to his injuries Friday.", "Friday", "2020-10-30"),
        ("He is due to appear in court Monday.", "Monday", "2020-11-02"),
    ],
)
def test_relative_expressions(sentence: str, expression: str, value: str) -> None:
    refs = _by_text(sentence)
    assert expression in refs, refs
    assert refs[expression].value == value


def test_datetime_anchor_and_no_anchor() -> None:
    assert _by_text("The vote was on Friday.", datetime(2020, 10, 31, 14, 5))["Friday"].value == "2020-10-30"
    unresolved = _by_text("The vote was on Friday, last week, on September 27.", None)
    assert unresolved["Friday"].value == "XXXX-WXX-5"
    assert unresolved["last week"].value == "XXXX-WXX"
    assert unresolved["September 27"].value == "XXXX-09-27"


def test_words_that_only_look_like_dates_are_left_alone() -> None:
    assert find_times("Protesters may march to the square; 1,200 people died.", PUBLISHED) == []


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2020-10-31", date(2020, 10, 31), date(2020, 10, 31)),
        ("2020-10", date(2020, 10, 1), date(2020, 10, 31)),
        ("2020-W44", date(2020, 10, 26), date(2020, 11, 1)),
        ("2020-Q3", date(2020, 7, 1), date(2020, 9, 30)),
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("199", date(1990, 1, 1), date(1999, 12, 31)),
        ("2020-10-30TNI", date(2020, 10, 30), date(2020, 10, 30)),
    ],
)
def test_timeref_dates(value: str, first: date, last: date) -> None:
    assert timeref_dates(TimeRef("x", 0, 1, "DATE", value)) == (first, last)


def test_timeref_dates_none_for_durations_and_vague_values() -> None:
    assert timeref_dates(TimeRef("x", 0, 1, "DURATION", "P1M")) is None
    assert timeref_dates(TimeRef("x", 0, 1, "DATE", "PRESENT_REF")) is None
    assert timeref_dates(TimeRef("x", 0, 1, "DATE", "XXXX-WXX-5")) is None


def test_expressions_anchored_on_dates_the_text_names() -> None:
    text = "The clinic opened in June 1998. It closed later that year and reopened the following year."
    refs = _by_text(text)
    assert refs["later that year"].value == "1998"
    assert refs["the following year"].value == "1999"
    times = _by_text("The offer expires at 5 p.m. EST Nov. 9, and the vote is at noon Thursday.", date(1989, 11, 2))
    assert times["5 p.m. EST Nov. 9"].value == "1989-11-09T17:00"
    assert times["noon Thursday"].value == "1989-11-02T12:00"


def test_earnings_quarters_follow_the_reported_quarter() -> None:
    text = "Net income rose in the third quarter. It fell from a year earlier, and the year-ago period was weak."
    refs = _by_text(text, date(1989, 10, 26))
    assert refs["the third quarter"].value == "1989-Q3"
    assert refs["a year earlier"].value == "1988-Q3"
    assert refs["the year-ago period"].value == "1988-Q3"


_WORDS = st.sampled_from(
    [
        "the",
        "last",
        "next",
        "this",
        "on",
        "in",
        "Friday",
        "night",
        "1990s",
        "'90s",
        "31st",
        "Feb.",
        "29",
        "2/30/99",
        "nineteen",
        "ninety",
        "quarter",
        "year-earlier",
        "ago",
        "a",
        "year",
        "earlier",
        "more",
        "than",
        "half",
        "a",
        "couple",
        "of",
        "weeks",
        "12:00",
        "p.m.",
        "noon",
        "EST",
        ",",
        ".",
        "that",
        "day",
        "following",
        "summer",
        "of",
        "1999",
        "mid-",
        "century",
        "0th",
        "daily",
        "each",
        "Tuesday's",
        "tomorrow",
        "after",
        "before",
        "yesterday",
        "4",
        "in",
        "morning",
        "or",
        "so",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from([PUBLISHED, None, date(2000, 2, 29)]))
def test_any_text_gives_valid_non_overlapping_spans(words: list[str], anchor: date | None) -> None:
    text = " ".join(words)
    refs = find_times(text, anchor)
    for r in refs:
        assert text[r.start : r.end] == r.text == r.text.strip()
        timeref_dates(r)
    assert all(a.end <= b.start for a, b in itertools.pairwise(refs))
