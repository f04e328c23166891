"""An article whose input gives no publication date: the page's own date stamp anchors its days.

The texts are excerpts of gva-dev and ECB+ reports (``../shared/data``); the input's date is left out here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from storyfold.ingest.meta import date_from_stamp
from storyfold.model import ArticleFacts, RawArticle
from storyfold.pipeline import build_article


def test_the_pages_own_stamp_is_read_from_its_first_lines() -> None:
    posted = (
        "1 dead, 3 injured in Shreveport shooting Posted: Saturday, March 2, 2013 7:39 AM EST Updated: Saturday,"
        " March 16, 2013 7:39 AM EST"
    )
    assert date_from_stamp(None, [posted]) == date(2013, 3, 2)  # posted, not updated
    # a posting stamp below an update stamp still wins
    lines = ["Updated: Thursday, October 27, 2016 @ 10:12 AM", "Published: Wednesday, October 26, 2016 @ 9:25 PM"]
    assert date_from_stamp(None, lines) == date(2016, 10, 26)
    assert date_from_stamp(None, ["By Katherine Jarvis. CREATED Jun 12, 2015"]) == date(2015, 6, 12)
    assert date_from_stamp("September 18th, 2013, 05: 31 GMT", ["Microsoft has just released"]) == date(2013, 9, 18)
    dateline = "SAVANNAH, GA (August 2, 2015): An argument and shoving match between two men in Ellis Square ended"
    assert date_from_stamp(None, [dateline]) == date(2015, 8, 2)


def test_a_day_the_report_tells_is_no_stamp() -> None:
    told = (
        "Alford was wanted on an outstanding warrant for principal to second degree murder following the March 2,"
        " 2013 shooting death of 18 year old Chauncey Broadway Jr."
    )
    assert date_from_stamp("Suspect wanted in connection with Burlingame slaying", [told]) is None
    # a day far down the page is no stamp of it
    lines = ["Police in Billerica are investigating a shooting.", "", "", "", "Posted: Friday, June 26, 2015"]
    assert date_from_stamp(None, lines) is None


def _facts(fact_extractor: Any, title: str, text: str) -> ArticleFacts:
    article = build_article(RawArticle(origin="t", paragraphs=tuple(text.split("\n\n")), title=title))
    assert article.published is None  # the input gives no date, and the stamp does not make one up
    (facts,) = fact_extractor.extract([article])
    assert isinstance(facts, ArticleFacts)
    return facts


def test_an_undated_reports_days_resolve_against_its_stamp(fact_extractor: Any) -> None:
    text = (
        "Published on Jun 24, 2013\n\nA teenager is dead and three other men are injured after a shooting in"
        " Chattanooga Sunday.\n\nThe men were shot at a laundromat on Dodds Avenue."
    )
    event = _facts(fact_extractor, "Teen dies in Chattanooga laundromat shooting", text).event
    assert (event.date, event.date_source) == (date(2013, 6, 23), "Sunday")


def test_an_undated_report_that_tells_no_day_is_dated_by_its_stamp(fact_extractor: Any) -> None:
    text = (
        "Police: Juvenile shot in Billerica has life threatening injuries Posted: Friday, June 26, 2015 1:11 PM EDT"
        " Updated: Friday, August 7, 2015 1:11 PM EDT\n\nPolice in Billerica are investigating a shooting in the 300"
        " block of Andover Road.\n\nPolice said a juvenile has been taken to the hospital with a gunshot wound."
    )
    title = "Police: Juvenile shot in Billerica has life threatening injuries - 7News Boston WHDH-TV"
    event = _facts(fact_extractor, title, text).event
    assert (event.date, event.date_source) == (date(2015, 6, 26), "stamp")
