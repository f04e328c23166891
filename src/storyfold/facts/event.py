"""The article's main event: when, where, and how many were killed and injured, chosen among all the
mentions of the article.

- casualties: the first current count in the body (the lede states the event); the headline when the
  body gives none; a count missing beside a given one is 0 ("a man was killed" → injured 0).
- date: the first time expression that resolves to one day within a month before publication, in the
  sentence that gives the casualties, the headline or the first sentences; else the publication date
  (``facts.event_day``).
- place: the dateline, "City, State" pairs, then the place names the model found, by frequency and
  earliness; states, countries and counties are not cities (``facts.places``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from storyfold.facts.event_day import DATELINE_DAY as _DATELINE_DAY
from storyfold.facts.event_day import DIED_WORD as _DIED_WORD
from storyfold.facts.event_day import TimeFinder, choose_date
from storyfold.facts.event_day import day_of as _day
from storyfold.facts.lines import LEDE_SENTENCES, Lines
from storyfold.facts.places import choose_place
from storyfold.facts.untold import told_without_count
from storyfold.model import Event, Quantity, TimeRef
from storyfold.textproc import MONTH_RX as _MONTH_RX

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_SIMPLE = re.compile(
    r"\b(?:(?P<last>last|this|early|late|on)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?P<yesterday>yesterday)\b|\b(?P<lastnight>last night|overnight)\b"
    r"|\b(?P<today>today|tonight|this morning|this afternoon|this evening|earlier today)\b"
    rf"|\b(?P<month>{_MONTH_RX})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_POSTED = re.compile(
    r"\b(?:published|posted)\b:?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.I
)  # a stamp, not "posted bail March 3, 2016"


def simple_times(text: str, anchor: date | datetime | None) -> list[TimeRef]:
    """A small resolver for the day expressions news ledes use ("Saturday night", "yesterday", "Oct. 30").
    Used when the full time-expression resolver (``storyfold.facts.times``) is not installed."""
    day = anchor.date() if isinstance(anchor, datetime) else anchor
    out: list[TimeRef] = []
    for m in _SIMPLE.finditer(text):
        value: date | None = None
        if m.group("month"):
            month = next(i for i, n in enumerate(_MONTHS, 1) if n.startswith(m.group("month").lower().rstrip(".")[:3]))
            year = int(m.group("year")) if m.group("year") else (day.year if day else None)
            if year is None:
                continue
            try:
                value = date(year, month, int(m.group("day")))
            except ValueError:
                continue
            if day and not m.group("year") and value > day + timedelta(days=1):
                value = value.replace(year=year - 1)
        elif day is None:
            continue
        elif m.group("wd"):
            back = (day.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
            if back == 0 and (m.group("last") or "").lower() == "last":
                back = 7
            value = day - timedelta(days=back)
        elif m.group("yesterday") or m.group("lastnight"):
            value = day - timedelta(days=1)
        elif m.group("today"):
            value = day
        if value is not None:
            out.append(TimeRef(m.group(0), m.start(), m.end(), "DATE", value.isoformat()))
    return out


def default_time_finder() -> TimeFinder:
    """The time-expression resolver of ``storyfold.facts.times``, memoised: a story's timeline resolves every
    sentence of every article on each view, and copies (and repeated views) repeat the same sentences."""
    return _cached_times


def _cached_times(text: str, anchor: date | datetime | None) -> tuple[TimeRef, ...]:
    return _times_memo(text, anchor)


@functools.lru_cache(maxsize=16384)
def _times_memo(text: str, anchor: date | datetime | None) -> tuple[TimeRef, ...]:
    from storyfold.facts.times import find_times

    return tuple(find_times(text, anchor))


def _value(q: Quantity) -> int | None:
    if q.low is not None and q.high is not None and q.low == q.high:
        return q.low
    return q.low if q.low is not None else q.high


_BARE_FATAL = re.compile(r"(?:fatal|deadly)\b.*\bshooting$", re.I)  # a quantity read from "a fatal shooting"


def _bare(q: Quantity) -> bool:
    """A death told without how many: "a fatal shooting", "charged with murder" (a count elsewhere says)."""
    return bool(_BARE_FATAL.match(q.text)) or told_without_count(q.text)


_TOTAL = re.compile(r"\b(?:others|all|total)\b", re.I)  # a count of everyone hurt, not "two other officers"
_FAR = 6  # sentences: a death counted from here on, and not before, may be another incident's


def choose_casualties(
    quantities: Sequence[Quantity], death_told: bool = True, lived: int | None = None
) -> tuple[int | None, int | None, int | None]:
    """(killed, injured, the sentence the first of them came from). ``death_told``: whether the title or the
    first ``_FAR`` sentences tell of a death; where they do not and tell of people shot or hurt, a death
    counted only further down is another incident's (the city's toll of the week, an earlier shooting). So it is
    where the title tells of one hurt and the text, before that death, that the victim lives (``lived``: the first
    sentence saying so): not where the victim's own death is told late ("The teen died Sunday", in an update)."""
    casualty = ("killed", "injured", "shot")
    if not any(q.kind in casualty and q.current and not told_without_count(q.text) for q in quantities):
        # only counts of an earlier day ("was shot and killed on Dec. 22, 2015" in a report of the trial):
        # that is the event the article is about
        quantities = [replace(q, current=True) if q.kind in casualty else q for q in quantities]
    found: dict[str, Quantity] = {}
    for kind in ("killed", "injured", "shot"):
        cands = [q for q in quantities if q.kind == kind and q.current and _value(q) is not None]
        body = [q for q in cands if q.sentence >= 0]
        title = [q for q in cands if q.sentence < 0 and (_value(q) or 0) > 0]
        if kind == "killed" and body and _bare(body[0]):
            # "Sunday's deadly west Houston shooting" tells of a death, not how many: a count further down does
            more = [q for q in body if not _bare(q) and (_value(q) or 0) > 1]
            body = more or body
        pick = title[0] if title and kind == "injured" else body[0] if body else cands[0] if cands else None
        if (
            kind == "injured"
            and title
            and _value(title[0]) == 1
            and body
            and body[0].sentence < LEDE_SENTENCES
            and (_value(body[0]) or 0) > 1
        ):
            pick = body[0]  # "Girl, 3, injured in shooting": the lede's "A 3-year-old girl and a man were injured"
        if (
            kind == "injured"
            and pick is not None
            and pick.sentence < 0
            and pick.high is None
            and (exact := next((q for q in body if q.low == q.high), None)) is not None
            and exact.sentence < LEDE_SENTENCES
            and (exact.low or 0) >= (pick.low or 0)
        ):
            pick = exact  # "Several injured in Westport shooting": the lede's "Four people were injured"
        if kind == "injured" and pick is not None and pick.sentence >= 0 and _value(pick) == 1:
            # "a man was critically injured. ... Two people were killed and six others were injured": the count
            # (a total: "others", "in total", "both", not "three officers were injured in a struggle" with the suspect)
            near = [
                q
                for q in body
                if pick.sentence < q.sentence <= pick.sentence + 2 and q.low == q.high and _TOTAL.search(q.text)
            ]
            most = max(near, key=lambda q: _value(q) or 0) if near else None
            pick = most if most is not None and (_value(most) or 0) > 1 else pick
        if kind == "killed" and title and body and (_value(title[0]) or 0) > (_value(body[0]) or 0):
            pick = title[0]  # "Husband kills wife and stepdaughter" over a later "died"
        if kind == "killed" and title and body and body[0].sentence >= _FAR and not _bare(title[0]):
            pick = title[0]  # "13-year-old Ocoee boy dies" over a "double homicide" told far below
        if pick is not None:
            found[kind] = pick
    hurt_early = any(
        q.kind in ("shot", "injured") and q.current and q.sentence < LEDE_SENTENCES and (q.low or 0) >= 2
        for q in quantities
    )
    one_lived = lived is not None and any(q.kind == "injured" and q.current and q.sentence < 0 for q in quantities)
    late_death = (
        not death_told
        and "killed" in found
        and found["killed"].sentence >= _FAR
        and (hurt_early or (one_lived and lived is not None and lived < found["killed"].sentence))
    )
    if late_death:
        del found["killed"]  # "Five shot in West Baltimore" ... at the end "a man was shot dead" in another shooting
    if (
        "injured" in found
        and found["injured"].sentence >= _FAR
        and "killed" in found
        and found["killed"].sentence < _FAR
        and _value(found["injured"]) == 1
        and not any(q.kind in ("shot", "injured") and q.current and q.sentence < _FAR for q in quantities)
    ):
        del found["injured"]  # one death told early, a wounding only far below: "... is hurt" in another story
    suicide = next((q for q in quantities if q.kind == "suicide" and q.current), None)
    if not found:
        # "Man kills himself after standoff": the one who took their life, nobody else counted
        return (1, 0, suicide.sentence) if suicide is not None else (None, None, None)
    shots = [q for q in quantities if q.kind == "shot" and q.current and q.sentence < LEDE_SENTENCES]
    shot = max(shots, key=lambda q: _value(q) or 0) if shots else found.get("shot")  # "4 shot" over "was shot"
    found.pop("shot", None)
    killed = _value(found["killed"]) if "killed" in found else 0
    injured = _value(found["injured"]) if "injured" in found else 0
    if (
        shot is not None
        and shot.high is None
        and "injured" in found
        and found["injured"].high is not None
        and (_value(found["injured"]) or 0) + (killed or 0) >= (shot.low or 0)
    ):
        # "killed 1 woman and injured 11" stands against "more than a dozen victims were shot" (a bound the counts
        # reach: the qualified figure is the low end), not "two were critically injured" against "at least five"
        shot = None
    if shot is not None:  # "four people were shot, one fatally": the others are wounded
        from_shot = max(0, (_value(shot) or 0) - (killed or 0))
        injured = max(injured or 0, from_shot) if "injured" in found else from_shot
        found["shot"] = shot
    order = {id(q): k for k, q in enumerate(quantities)}
    # the death as the title tells it, where it says the victim died: "2-year-old dies after being shot"
    died = next((q for q in quantities if q.kind == "killed" and q.sentence < 0 and _DIED_WORD.search(q.text)), None)
    if (
        killed == 1
        and injured == 1
        and "injured" in found
        and any(
            _became_the_dead(dead, found["injured"], order[id(found["injured"])] < order[id(dead)])
            for dead in (found["killed"], died)
            if dead is not None
        )
    ):
        injured = 0  # "The 2-year-old who was shot ... has died" / "was critically injured": one victim
    if suicide is not None and killed is not None:
        if suicide.unit == "accident" and "killed" in found:
            pass  # "accidentally shoots, kills self" and "a shooting that killed a 14-year-old": one death
        elif "killed" in found and (
            found["killed"].unit == "victims"
            or (suicide.unit == "last" and found["killed"].sentence == suicide.sentence)
        ):
            killed += 1  # "killed his wife and two daughters before turning the gun on himself"
        elif (
            "killed" in found
            and found["killed"].sentence != suicide.sentence
            and killed == 1
            and not _DEATH_TOLD.search(found["killed"].text)  # "found the girl dead": the one who took her life
        ):
            killed += 1  # "shot and killed his wife ... then turned the gun on himself"
        elif "murder-suicide" in suicide.text.lower():
            killed = max(killed, 2)
        elif "killed" not in found:
            killed = 1  # "Man kills self after shooting, wounding girlfriend and her son"
    unknown = {q.kind for q in quantities if q.current and q.low is None and q.high is None}
    if "killed" not in found and "killed" in unknown and not late_death:  # "the dead", count not given
        killed = None
    if "injured" not in found and "shot" not in found and "injured" in unknown:  # "wounded among civilians"
        injured = None
    return killed, injured, min(q.sentence for q in found.values())


_ANY_DEATH = re.compile(
    r"\b(?:kill(?:s|ed|ing|er)?|dead|deadly|di(?:ed|es)|death|fatal(?:ly)?|homicide|slain|slaying|murder(?:ed|s)?"
    r"|manslaughter|bodies|(?:took|lost|take|lose|taking|losing)\s+(?:his|her|their)\s+(?:own\s+)?lives?)\b",
    re.I,
)
# a person shot or stabbed: not "fired" (from a job) nor a "shot" of sport
_HURT = re.compile(
    r"\b(?:shooting|shootings|gunshot|gunfire|wounded|stabbed|stabbing|(?:was|were|been|being|got|is|are)\s+(?:\w+\s+)?shot)\b",
    re.I,
)
_ATTEMPTED = re.compile(r"\battempted\s+(?:first-degree\s+|second-degree\s+)?murders?\b", re.I)


def _nobody_died(lines: Lines) -> bool:
    """Whether the article tells of a shooting or a wounding and never of a death ("attempted murder" is none):
    then nobody was killed, though it gives no count."""
    texts = [lines.text(i) for i in range(-1 if lines.title else 0, len(lines.sentences))]
    return any(_HURT.search(t) for t in texts) and not any(_ANY_DEATH.search(_ATTEMPTED.sub("", t)) for t in texts)


_DEATH_TOLD = re.compile(r"\b(?:di(?:ed|es)|dead|death)\b", re.I)
_SINGLE_WORD = re.compile(r"^(?:(?:was|is|has been|had been|remains|a|an)\b|$)", re.I)
_ANOTHER = re.compile(r"\b(?:another|other|others|second|also|one|both)\b|\d", re.I)


def _became_the_dead(killed: Quantity, injured: Quantity, injured_first: bool = False) -> bool:
    """A victim who died of the wounds a sentence before or after tells: the dead one "died" (a change of
    state, not "killed" or "dead") and the wounded one is told in another sentence without a number or
    "another" ("A 17-year-old boy died Saturday night ..." / "... when he was wounded"), or in the same
    sentence before the death (``injured_first``: "A toddler who was critically injured ... has died")."""
    return (
        bool(_DIED_WORD.search(killed.text))
        and killed.low == 1
        and injured.low == 1
        # or in one sentence, the wounded told first: "A toddler who was critically injured ... has died"
        and (injured.sentence != killed.sentence or (injured_first and killed.text.lower() == "died"))
        and not _ANOTHER.search(injured.text)
    )


# a victim said to live: "was expected to recover", "in critical but stable condition"
_LIVES = re.compile(
    r"\bexpected to (?:survive|recover|be (?:ok|okay|fine|all right))\b|\bnon[- ]?life[- ]threatening\b"
    r"|\bnot life[- ]threatening\b|\bstable condition\b|\btreated and released\b|\bwill survive\b",
    re.I,
)
_NAMED_DAY = re.compile(rf"\b(?:{_MONTH_RX}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)


def main_event(
    lines: Lines,
    quantities: Sequence[Quantity],
    published: date | None,
    finder: TimeFinder,
    anchor: str = "published",
) -> tuple[Event, list[TimeRef]]:
    """``anchor``: what ``published`` is: the input's publication date ("published"), or the page's own date stamp
    (``ingest.meta.date_from_stamp``): a posting stamp ("stamp": the input gives no date, or a later one), which
    dates a report that tells no day of its own (the event's date source then says "stamp"), or, the input giving
    no date, an update stamp ("update"), which only anchors the days the text tells (an update may come months
    after the report)."""
    told = any(_ANY_DEATH.search(lines.text(i)) for i in range(-1, min(_FAR, len(lines.sentences))))
    lived = next((i for i in range(len(lines.sentences)) if _LIVES.search(lines.text(i))), None)
    killed, injured, focus = choose_casualties(quantities, bool(told), lived)
    if killed is None and injured is None and _nobody_died(lines):
        killed = 0  # "charged with shooting a juvenile in the neck", "attempted murders of five teenagers"
    day, source, times = choose_date(lines, _own_day(lines, published, finder) or published, finder, focus)
    if anchor == "stamp" and source == "published":
        source = "stamp"
    elif anchor == "update" and day == published and not _NAMED_DAY.search(source):
        day, source = None, ""  # the update's own day from a clock time or "today": no more than the update tells
    return Event(day, choose_place(lines, focus), killed, injured, source), times


def _own_day(lines: Lines, published: date | None, finder: TimeFinder) -> date | None:
    """The report's own day where its first lines give one, with its year, before the publication date the
    input gives (a later update or crawl): "SAVANNAH, GA (August 2, 2015): ... early this morning", "Posted:
    Saturday, March 2, 2013 ... Updated: Saturday, March 16, 2013". None where they give none."""
    if published is None:
        return None
    for index in range(-1, min(2, len(lines.sentences))):
        text = lines.text(index)
        if not text:
            continue
        for ref in finder(text, published):
            day = _day(ref)
            if (
                day is not None
                and re.search(r"\b(?:19|20)\d\d\b", ref.text)
                and timedelta(days=1) < published - day <= timedelta(days=3 * 366)
                and (_DATELINE_DAY.match(text[: ref.start]) or _POSTED.search(text, 0, ref.start))
            ):
                return day
    return None
