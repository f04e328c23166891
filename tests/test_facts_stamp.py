"""An article whose input gives no publication date: the page's own date stamp anchors its days.

The texts are excerpts of gva-dev and ECB+ reports (``../shared/data``); the input's date is left out here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from storyfold.ingest.meta import Stamp, date_from_stamp
from storyfold.model import ArticleFacts, RawArticle
from storyfold.pipeline import build_article


def _day(title: str | None, *blocks: str) -> date | None:
    stamp = date_from_stamp(title, blocks)
    return stamp.day if stamp is not None else None


def test_the_pages_own_stamp_is_read_from_its_first_lines() -> None:
    posted = (
        "1 dead, 3 injured in Shreveport shooting Posted: Saturday, March 2, 2013 7:39 AM EST Updated: Saturday,"
        " March 16, 2013 7:39 AM EST"
    )
    assert date_from_stamp(None, [posted]) == Stamp(date(2013, 3, 2), posted=True)  # posted, not updated
    # a posting stamp below an update stamp still wins
    assert _day(
        None, "Updated: Thursday, October 27, 2016 @ 10:12 AM", "Published: Wednesday, October 26, 2016 @ 9:25 PM"
    ) == date(2016, 10, 26)
    assert _day(None, "By Katherine Jarvis. CREATED Jun 12, 2015") == date(2015, 6, 12)
    assert _day("September 18th, 2013, 05: 31 GMT", "Microsoft has just released") == date(2013, 9, 18)
    assert _day(None, "26 September 2013, 10: 00 (GMT+05: 00)") == date(2013, 9, 26)
    dateline = "SAVANNAH, GA (August 2, 2015): An argument and shoving match between two men in Ellis Square ended"
    assert _day(None, dateline) == date(2015, 8, 2)
    # a dateline is the report's own day, not an update's (gvc: "Update (May 11, 2016) -- The mother ...")
    assert _day(None, "Update (May 11, 2016) -- Charges were filed.", "INDIANAPOLIS (April 20, 2016) -- A boy") == date(
        2016, 4, 20
    )
    # formats of large sites (written for this test)
    assert _day(None, "Published 3:45 PM ET Fri, 13 May 2016") == date(2016, 5, 13)
    assert _day(None, "Posted: Tues., Sept. 17, 2013") == date(2013, 9, 17)
    assert _day(None, "Posted: 2016-05-13 10:00") == date(2016, 5, 13)
    update = date_from_stamp(None, ["Updated: Jun 7, 2016 - 4:11 PM"])
    assert update == Stamp(date(2016, 6, 7), posted=False)


def test_a_day_the_report_tells_is_no_stamp() -> None:
    told = (
        "Alford was wanted on an outstanding warrant for principal to second degree murder following the March 2,"
        " 2013 shooting death of 18 year old Chauncey Broadway Jr."
    )
    assert date_from_stamp("Suspect wanted in connection with Burlingame slaying", [told]) is None
    # a stamp's word in a sentence, a day that opens a line of text, a birth date (written for this test)
    assert _day(None, "A GoFundMe page created June 20, 2016 has raised $5,000 for the family.") is None
    assert _day(None, "A study published Jan. 5, 2015, in JAMA found that most guns were loaded.") is None
    assert _day(None, "June 12, 2016 — Gunman kills 49 at Pulse nightclub") is None
    assert _day(None, "Sat., Oct. 3, 2015 vs. Auburn, 7 p.m.") is None
    assert _day(None, "John Smith", "March 3, 1950", "Smith was shot Sunday.") is None
    # a day far down the page is no stamp of it
    lines = ["Police in Billerica are investigating a shooting.", "A", "B", "C", "Posted: Friday, June 26, 2015"]
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


def test_an_update_stamp_anchors_the_reports_days_but_does_not_date_it(fact_extractor: Any) -> None:
    """gvc: a shooting of 2013-08-02 under "Updated: Monday, July 7, 2014"; an update may come months after the
    report, so a report that tells no day is not dated by it (the first text is the report's own opening)."""
    stamp = (
        "Four shot in Broad Ripple; suspect arrested after claiming self-defense Updated: Monday, July 7, 2014"
        " 6:44 PM EDT"
    )
    title = "Four shot in Broad Ripple; shooter claims self-defense - 13 WTHR Indianapolis"
    untold = (
        f"{stamp}\n\nA man who claimed self-defense in a shooting incident in Broad Ripple overnight is under arrest."
        " Four people were shot in the area of 62nd and College Ave. around 3:00 am."
    )
    event = _facts(fact_extractor, title, untold).event
    assert (event.date, event.date_source) == (None, "")
    # where the text tells a day, the update stamp still anchors it (sentence written for this test)
    told = f"{stamp}\n\nFour people were shot in the area of 62nd and College Ave. early Sunday."
    assert _facts(fact_extractor, title, told).event.date == date(2014, 7, 6)


def test_a_posting_stamp_before_the_inputs_date_is_the_pages_own_day(fact_extractor: Any) -> None:
    """gva-dev: a video caption's stamp "(Published Saturday, May 2, 2015)" on a page the input dates May 3 (a later
    crawl): "around 3:30 p.m." is May 2's, the day of the shooting."""
    text = (
        "A 9-year-old girl was airlifted to the Children's Hospital of Pennsylvania after a 21-year-old man, her"
        " relative, accidentally shot her in the chest with a BB gun. (Published Saturday, May 2, 2015)\n\nA"
        " 21-year-old man accidentally shot a 9-year-old girl, his relative, in the chest with a BB gun, police"
        " said.\n\nThe child was struck along Bellevue Avenue near Neshaminy Street in Hulmeville, Bucks County"
        " around 3:30 p.m., according to Pennsylvania State Police."
    )
    raw = RawArticle(
        origin="t",
        paragraphs=tuple(text.split("\n\n")),
        title="Man, 21, Shoots Bucks County Girl, 9, in Chest with BB Gun",
        published=date(2015, 5, 3),
    )
    (facts,) = fact_extractor.extract([build_article(raw)])
    assert facts.event.date == date(2015, 5, 2)
