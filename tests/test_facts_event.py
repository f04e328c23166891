"""The event's day: which day expression of an article tells when the incident happened."""

from __future__ import annotations

from datetime import date

from storyfold.facts.event import Lines, choose_date, default_time_finder


def _day(published: date, *sentences: str) -> date | None:
    lines = Lines(title=None, sentences=list(sentences), spans=[[] for _ in sentences])
    return choose_date(lines, published, default_time_finder(), None)[0]


def test_a_weekday_six_days_back_yields_to_a_nearer_one() -> None:
    # published Tuesday 2017-02-07 and updated the next day: "early Wednesday" is the day after the stamp, not
    # the Wednesday before; the home invasion was "shortly before 2 a.m. Tuesday"
    lede = "A suspect in a home invasion that left his accomplice dead remained at large early Wednesday."
    then = "Two men entered a house shortly before 2 a.m. Tuesday and confronted the homeowner and his son."
    assert _day(date(2017, 2, 7), lede, then) == date(2017, 2, 7)
    # a weekday fewer days back is still the event's
    assert _day(date(2017, 2, 7), "A man was shot and killed early Sunday, police said.") == date(2017, 2, 5)
