"""The day of an article's main event (``choose_date``): among the day expressions of the sentences about the
incident, the one that tells when it happened, not when it was told ("police said Sunday"), nor a later step
("charged Tuesday", "a funeral on Saturday"), nor a page's stamp; a report of a later step dates the incident by the
calendar day the text ties to it ("charged Tuesday in the May 31 death"). ``event.main_event`` calls it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from storyfold.facts.lines import LEDE_SENTENCES, Lines
from storyfold.model import TimeRef
from storyfold.textproc import MONTH_RX

TimeFinder = Callable[[str, date | datetime | None], Sequence[TimeRef]]
# a candidate day: (rank key, day, its expression, told in a sentence of a death, names no happening)
_Ranked = tuple[tuple[int, int, int, int, int, int], date, str, bool, bool]


MAX_DAYS_BEFORE = 31


_EVENTFUL = re.compile(
    r"\b(?:shot|shooting|killed|died|dead|death|wounded|injured|occurred|happened|incident|fired|gunfire|stabbed"
    r"|attack|crash|explosion|arrested)\b",
    re.I,
)


# beside a day, a court of law, not a street or housing court named "Court" ("shot ... in Mosby Court")
_COURT = (
    r"(?-i:court)|(?:superior|district|circuit|municipal|magistrate'?s?|supreme|juvenile|family|criminal|federal"
    r"|county|city|justice|sessions|appeals|probate|common pleas|chancery|appellate|traffic|state|high)\s+court"
    r"|court\s+of"
)


_REPORTING = re.compile(
    rf"\b(?:said|says|told|announced|identified|released|charged|arraigned|arrested|{_COURT}|funeral|vigil|planned"
    r"|scheduled|reported|confirmed|updated|statement|press conference|will|would"
    # what is done after the event: "interviewed ... on Wednesday", "an investigation was underway Wednesday",
    # "was being held Thursday on $50,000 bond", "appeared in juvenile court Tuesday", "as of Wednesday"
    r"|interviewed|investigat\w*|underway|continued|held|appeared|booked|searching|remained|remains|as of"
    r"|addressed|filed|media"
    # what is said or done about it later: "confessed early Sunday", "ruled the death a homicide Thursday", "was
    # indicted Tuesday", "gathered Tuesday evening to offer prayers", "a Monday morning email"
    r"|confessed|ruled|indicted|pleaded|gathered|e-?mail|mourned|remembered|rallied"
    # a later step in court: "before a judge on Monday afternoon", "received 3 years' probation Thursday"
    r"|before (?:a|the) judge|probation)\b",
    re.I,
)


_CLOCK = re.compile(
    r"^(?:(?:about|around|approximately|just|shortly|before|after|at|by|until|roughly)\s+)*"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight|hours?)$",
    re.I,
)


# the report's own day beside its dateline: "FRANKLIN (Feb. 4, 2014) –", "JAY COUNTY, Ind. (Nov. 18, 2015)—"
DATELINE_DAY = re.compile(r"^\s*[A-Z][A-Z.'\- ]{1,30}(?:,\s*[A-Z][A-Za-z.]{1,14})?\s*\($")


# a page's stamp before a day, however long: "Updated: Monday, November 3, 2014 4:59 PM EST", "Posted on January 5,
# 2011 at" (only the stamp's own words in between: times, names of days and months, zones; each token atomic)
_STAMP = re.compile(
    r"\b(?i:published|posted|updated|last update)\b"
    r"(?:\s*(?>:|,|\||-|(?:on|at|\d{1,4}(?::\s?\d\d)?|[AaPp]\.?\s?[Mm]|[A-Z]{2,4}|[A-Z][a-z]+)(?!\w)\.?)){0,12}\s*$"
)


# and, as before that pattern, any such word a few characters before the day: a stamp ("Posted 3/4/15") or an
# aside about the people in the report ("who posted bail March 3", "updated his Facebook status June 1")
_STAMP_NEAR = re.compile(r"\b(?:published|posted|updated|last update|(?-i:UPDATE))\b(?:[ap]\.m\.|[^.]){0,25}$", re.I)


def day_of(ref: TimeRef) -> date | None:
    if ref.type not in ("DATE", "TIME") or not re.match(r"^\d{4}-\d{2}-\d{2}", ref.value):
        return None
    try:
        return date.fromisoformat(ref.value[:10])
    except ValueError:
        return None


_SHOT_WORD = re.compile(r"\b(?:shot|shooting|struck|wounded|stabbed|fired)\b", re.I)


DIED_WORD = re.compile(r"\b(?:di(?:ed|es)|succumbed)\b", re.I)


def choose_date(
    lines: Lines, published: date | None, finder: TimeFinder, focus: int | None
) -> tuple[date | None, str, list[TimeRef]]:
    """(event date, the expression it came from or "published", the times of the sentences looked at).

    Among the day expressions of the sentences about the incident (shot, killed, happened ...), the one not
    next to a reporting verb ("police said Sunday") wins, a day before publication over the publication day
    itself (reports often say when police spoke), the casualty sentence, headline and lede first. Without
    such sentences, the first day not next to a reporting verb nor in an "after" clause wins. A winning day only
    told of the report, a clock time alone or a day in an "after" clause yields to another day in the six days
    before it, wherever the text gives it. A day after "for" ("home for Thanksgiving") names nothing that happened.
    A report of a later step dates the incident by a calendar day it ties to it, but a death with a day of the
    incident's in the week before it is not dated by a calendar day more than a month back (another case recalled).
    """
    lede = range(min(LEDE_SENTENCES, len(lines.sentences)))
    order = ([focus] if focus is not None else []) + [-1, *lede, *range(len(lines.sentences))]
    seen: list[TimeRef] = []
    ranked: list[_Ranked] = []
    told: list[tuple[int, date, str]] = []  # calendar days the text ties to the incident: "the Nov. 22 shootout"
    proceeding: set[int] = set()  # ranks of the sentences about a later step: charged, trial, funeral
    for rank, index in enumerate(dict.fromkeys(order)):
        text = lines.text(index)
        if not text:
            continue
        for ref in finder(text, published):
            seen.append(ref)
            day = day_of(ref)
            stamped = _STAMP_NEAR.search(text, 0, ref.start) or _STAMP.search(text, max(0, ref.start - 150), ref.start)
            if day is None or stamped or DATELINE_DAY.match(text[: ref.start]) or _for_day(text, ref):
                continue
            if published is not None and published < day <= published + timedelta(days=7) and _past_weekday(text, ref):
                day -= timedelta(days=7)  # "victims of a Wednesday night shooting ... are expected to survive"
            elif (
                published is not None
                and day > published + timedelta(days=7)
                and _CALENDAR.search(ref.text)
                and not re.search(r"\b(?:19|20)\d\d\b", ref.text)
                and _calendar_day_of_incident(text, ref, noun_before=False)
                and (
                    bool(_INCIDENT_NOUN_AFTER.match(text, ref.end))  # "the May 31 shooting death ... will appear"
                    or not _SCHEDULED.search(text, max(0, ref.start - 40), ref.start)
                )
            ):
                # "charged Tuesday ... in the May 31 death" in a February report: last year's May 31 (an incident
                # told is past; the resolver reads a month and day without a year in the report's own year)
                day = _year_before(day)
            window = MAX_DAYS_BEFORE if not re.search(r"\d", ref.text) else 366  # "March 1" may be months back
            if re.search(r"\b(?:19|20)\d\d\b", ref.text):
                window = 3 * 366  # "the May 7, 2015, shooting" in a report of the trial
            if published is not None and not timedelta(0) <= published - day <= timedelta(days=window):
                continue
            reporting = _reported_on(text, ref)
            eventful = bool(_EVENTFUL.search(text))
            after = not eventful and bool(re.search(r"\bafter\b[^,;]*$", text[: ref.start]))
            late = rank > LEDE_SENTENCES + 1
            clock = bool(_CLOCK.match(ref.text))  # "about 1 p.m." names no day: the resolver assumes publication
            no_day = reporting or clock or after  # the day names no happening (kept before the six-day rule)
            # a weekday six days back is as often the day after a stale publication stamp ("met with reporters
            # Wednesday" in an update of Tuesday's story) as the weekday before
            clock = clock or (published is not None and published - day == timedelta(days=6) and _bare_weekday(ref))
            # within one sentence, the day nearest to what happened: "Bond was set Friday for the neighbour of
            # the boy who died of a gunshot wound last Saturday"
            distance = min((_gap(ref, m) for m in _EVENTFUL.finditer(text)), default=0)
            aside = reporting or after or clock
            key = (
                # the lede's days first, unless only said of the report: "was shot Tuesday" further down beats
                # "interviewed Wednesday" in the lede
                int(late) if aside or not eventful else 0,
                int(late) if eventful and not aside else 2 * int(aside),
                int(not eventful),
                # (not a day the incident's own verb names: "a shooting that occurred Thursday afternoon")
                int(eventful and day == published and not _HAPPENED_ON.search(text, max(0, ref.start - 40), ref.start)),
                rank,
                distance,
            )
            died_here = bool(DIED_WORD.search(text)) and not _SHOT_WORD.search(text)
            ranked.append((key, day, ref.text, died_here, no_day))
            if _calendar_day_of_incident(text, ref):
                told.append((rank, day, ref.text))
        if _PROCEEDING.search(text):
            proceeding.add(rank)
    if ranked:
        key, day, source, died, no_day = min(ranked, key=lambda r: r[0])
        # a day only told of the report ("investigators said Sunday"), a clock time alone or a day after "after"
        # yields to another day the text gives in the six days before it, however far down: "on Saturday afternoon
        # ... found the baby girl" (not to the start of a war weeks back, in a report of a request made public that
        # day). Any such day: requiring a word of the incident in its sentence lost most of what this gains ("the
        # teens showed up at the apartments ... Saturday afternoon", "Brumby arrived shortly before 3 p.m. on Sunday")
        week = _days_of_week_before(ranked, day)
        if no_day and week:
            key, day, source, died, no_day = min(week, key=lambda r: r[0])
        # a report of a later step (an arrest, a charge, a trial, a death in hospital) dates that step by its
        # weekday and the incident by its calendar day: "were charged Tuesday with murder in the May 31 death of
        # ...", "died on Thursday" and "was struck by the pellet on July 12"
        # (a headline of a later step says so for the whole report: "8th suspect arrested in ... shooting")
        later_step = bool(lines.title and _PROCEEDING.search(lines.title))
        step = key[4] in proceeding or later_step
        if told and (step or key[1] or died) and (earlier := [t for t in told if t[1] < day]):
            _, told_day, told_source = min(earlier)
            # a death (or a day from far down) with a day of the incident's in the week before it (a sentence with a
            # word of the incident) and a calendar day more than a month back: the old day is another case the report
            # recalls ("died Saturday of a gunshot wound
            # suffered on Friday" ... "He died at Kosair Children's Hospital on May 2, 2014"), the week's day the
            # shooting
            shot_that_week = [r for r in _days_of_week_before(ranked, day) if not r[0][2]]  # key[2]: not eventful
            if step or not shot_that_week or day - told_day <= timedelta(days=31):
                day, source = told_day, told_source
            else:
                day, source = min(shot_that_week, key=lambda r: r[0])[1:3]
        elif (
            published is not None
            and published - day == timedelta(days=6)
            and _bare_weekday_text(source)
            and all(r[1] in (day, published) for r in ranked)
        ):
            # the only day the text gives (a clock time alone reads as the stamp's day) is a weekday six days back:
            # the day after a stale publication stamp
            # ("1:45 p.m. Thursday" in a report stamped Wednesday and updated Thursday) as often as the weekday
            # before; the stamp is nearer
            return published, "published", seen
        return day, source, seen
    return published, "published" if published else "", seen


# a day set for something to come: "funeral services ... will be held March 15", "a vigil is planned March 12"
_SCHEDULED = re.compile(r"\b(?:will|planned|scheduled|set for|to be held|upcoming)\b", re.I)


_PROCEEDING = re.compile(
    r"\b(?:charged|charges|arraigned|arraignment|sentenced|sentencing|pleaded|plea|trial|indicted|indictment"
    r"|hearing|court|convicted|jury|bond|bail|guilty|lawsuit|funeral|vigil|memorial|arrested|arrest|arrests|probation"
    r"|turned (?:himself|herself|themselves) in|surrendered|extradited)\b",
    re.I,
)


_CALENDAR = re.compile(rf"\b{MONTH_RX}\s+[0-3]?\d\b|\b\d{{1,2}}/\d{{1,2}}\b", re.I)


# the incident's nouns: "the July 4 shooting", "Sunday's homicide"
_INCIDENT_NOUNS = r"shootings?|shootout|killings?|homicides?|slayings?|stabbings?|murders?|deaths?|attacks?|incident"


_INCIDENT_NOUN_AFTER = re.compile(
    rf"(?:,?\s+(?:19|20)\d\d,?)?\s+(?:[\w-]+\s+)?(?:{_INCIDENT_NOUNS}|gunfire|home invasion|robbery)\b", re.I
)


# a sentence about another incident: "the second in less than a month", "unlike sniper attacks on July 7"
_OTHER_EVENT = re.compile(
    r"\b(?:another|second|third|earlier|previous|prior|similar)\s+(?:[\w-]+\s+)?(?:shootings?|incidents?|attacks?"
    r"|killings?|homicides?|deaths?)\b|\bthe\s+(?:second|third)\s+in\b|\bunlike\b|\b(?:days|weeks|months)\s+(?:after|before)\b",
    re.I,
)


_INCIDENT_VERB_BEFORE = re.compile(
    r"\b(?:shot|killed|wounded|injured|died|occurred|happened|fired|struck|slain|murdered|discharged|stabbed"
    r"|gunned down|opened fire|executed|killing)\b[^,;:()]{0,40}$",
    re.I,
)


def _calendar_day_of_incident(text: str, ref: TimeRef, noun_before: bool = True) -> bool:
    """A calendar day ("Nov. 22", "May 7, 2015") that dates the incident: before its noun ("the Nov. 22
    shootout"), after its verb in the same clause ("was shot in the face on Oct. 20") or, with ``noun_before``,
    after "on" in the clause of its noun ("the attempted murders of five teenagers ... on or about June 21")."""
    if not _CALENDAR.search(ref.text) or _OTHER_EVENT.search(text):
        return False
    if re.search(r"\b(?:to|until|till|for|by|through)\s+$", text[: ref.start], re.I):
        return False  # "continued to July 20": a day set for a later step
    return (
        bool(_INCIDENT_NOUN_AFTER.match(text, ref.end))
        or bool(_INCIDENT_VERB_BEFORE.search(text, 0, ref.start))
        or (noun_before and bool(_INCIDENT_NOUN_BEFORE.search(text, 0, ref.start)))
        or bool(_INCIDENT_VERB_AFTER.match(text, ref.end))
    )


# "the attempted murders of five teenagers in South Memphis on or about June 21, 2014"
# (not a later step's day: "the man charged in the shooting is due back in court on March 15", "since Jan. 1")
_INCIDENT_NOUN_BEFORE = re.compile(
    r"\b(?:shootings?|killings?|murders?|homicides?|slayings?|stabbings?)\b"
    r"(?:(?!\b(?:since|court|trial|hearing|due|begins?|pleaded|pleads|charged|arrested|set|sentenced|scheduled"
    r"|until|appear\w*)\b)[^,;:()]){0,60}\bon(?: or about)?\s+$",
    re.I,
)


# "the men on May 7 shot four individuals"
_INCIDENT_VERB_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:shot|killed|wounded|opened fire|fired|stabbed|gunned down|murdered)\b"
)


_WEEKDAY_RX = re.compile(
    r"^(?:(?:early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon"
    r"|evening|night))?$",
    re.I,
)


_EVENT_NOUN_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:[\w-]+\s+)?(?:shootings?|killings?|homicides?|attacks?|incidents?|slayings?|stabbings?"
    r"|murders?|gunfire|robbery|crash)\b",
    re.I,
)


_ANY_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _bare_weekday(ref: TimeRef) -> bool:
    """A day named by its weekday alone ("Wednesday", "1:45 p.m. Thursday"), no date nor "last"."""
    return _bare_weekday_text(ref.text)


def _bare_weekday_text(text: str) -> bool:
    """``_bare_weekday`` of an expression's text."""
    return bool(_ANY_WEEKDAY.search(text)) and not re.search(r"\d{1,2}(?!:|\d|\s*[ap]\.?m)|\blast\b", text, re.I)


def _past_weekday(text: str, ref: TimeRef) -> bool:
    """A weekday naming an event that happened: "a Wednesday night shooting", "Sunday's homicide"."""
    return bool(_WEEKDAY_RX.match(ref.text.strip())) and bool(_EVENT_NOUN_AFTER.match(text, ref.end))


def _reported_on(text: str, ref: TimeRef) -> bool:
    """The day is when something was said or done about the event, not the event's: "police said Sunday",
    "charged Sunday" (a reporting word in the same clause just before the day, or just after it: "Sunday
    said", but not after a passive: "killed ... Tuesday afternoon was identified"), "booked into the county jail
    early Sunday" (an arrest, a charge or a booking earlier in the clause), not "striking their daughter on
    Saturday, police said"."""
    before = text[max(0, ref.start - 25) : ref.start]
    before = _CLAUSE_BREAK.split(before)[-1]
    after = _CLAUSE_BREAK.split(text[ref.end : ref.end + 25])[0]
    # "said the argument Wednesday": the day is the argument's; "said Wednesday", "told reporters Wednesday" the
    # saying's
    before = _SAID_NOT_NEXT.sub("", before)
    if _NOUN_NEXT.match(text, ref.end):
        return False  # "the man charged in the July 4 shooting": the day is the shooting's
    clause = _CLAUSE_BREAK.split(text[max(0, ref.start - 120) : ref.start])[-1]
    if _INCIDENT_JUST_BEFORE.search(text, max(0, ref.start - 60), ref.start) or (
        _PASSIVE_NEXT.match(text, ref.end) and _EVENTFUL.search(clause)
    ):
        # "a girl shot during a road-rage incident Sunday said", "a boy killed during a triple shooting ... Tuesday
        # afternoon was identified": the incident's day, not the saying's (but "A man on Tuesday was charged")
        after = ""
    if _REPORTING.search(before) or _REPORTING.search(after):
        return True
    # further back in the same clause, a step after the event governs the day unless a word of the event comes
    # after it: "was booked into the Ada County Jail early Sunday morning", "arrested Fritch's boyfriend ... outside
    # of the bar early Wednesday morning"
    step = [m.end() for m in _LATER_STEP.finditer(clause, max(0, len(clause) - 90))]
    return bool(step) and not _EVENTFUL.search(clause, step[-1]) and not _INCIDENT_OF_DAY.match(text, ref.end)


# a step after the event whose clause a day can end far from it (see ``_reported_on``)
_LATER_STEP = re.compile(r"\b(?:arrested|booked|charged|arraigned|indicted|jailed)\b", re.I)


# "said the argument Wednesday", "told us that was around 6:30 p.m. on Thursday": the day is what was said
_SAID_NOT_NEXT = re.compile(
    r"\b(?:said|says|told)\b(?=(?:\s+(?:the|a|an|his|her|their)\s+\w+|(?:\s+\w+)?\s+that\b.*)\s*$)", re.I
)


# the incident's noun right after a day ("the July 4 shooting", "Sunday's shooting"), or right before it after
# "during" or "in" ("shot during a road-rage incident Sunday said": the incident's day, not the saying's)
_NOUN_NEXT = re.compile(
    rf"(?:['\u2019]s)?\s+(?:(?:night|morning|afternoon|evening)\s+)?(?:{_INCIDENT_NOUNS})\b"
    # not a noun that qualifies another: "police said Sunday homicide detectives are investigating"
    r"(?!\s+(?:detectives?|investigators?|investigations?|units?|squad|division|team|charges?|cases?|suspects?))",
    re.I,
)


# a passive verb after the day
_PASSIVE_NEXT = re.compile(r"\s+(?:was|were|(?:has|have|had)\s+been)\b", re.I)


_INCIDENT_JUST_BEFORE = re.compile(
    r"\b(?:during|in)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:shootings?|shootout|killings?|homicides?|slayings?"
    r"|stabbings?|murders?|incident|attack|robbery)\s+(?:on\s+)?$",
    re.I,
)


# the incident's own verb right before the day: "a shooting that occurred Thursday afternoon", "was fatally shot on
# Friday", "was shot and killed Friday", "It happened after 3 a.m. Wednesday"
_HAPPENED_ON = re.compile(
    r"\b(?:occurred|happened|took place|(?:was|were) (?:\w+ly )?(?:shot|killed)(?: and killed)?)"
    r"\s+(?:(?:on|at|about|around|after|before|shortly after|just after)\s+)?$",
    re.I,
)


def _for_day(text: str, ref: TimeRef) -> bool:
    """A day after "for" is a purpose or a date set, not when anything happened: "home from out of town for
    Thanksgiving", "a hearing set for Friday" (but "wanted for Sunday's shooting" names the incident)."""
    before = text[max(0, ref.start - 12) : ref.start]
    return bool(re.search(r"\bfor\s+(?:the\s+)?$", before, re.I)) and not _INCIDENT_OF_DAY.match(text, ref.end)


# the incident's noun after a day, its possessive and a word or two between: "the June 28th fatal shooting",
# "Saturday's armed robbery", "Sunday night's double shooting"
_INCIDENT_OF_DAY = re.compile(
    rf"(?:['\u2019]s)?(?:\s+[\w-]+){{0,2}}?\s+(?:{_INCIDENT_NOUNS}|gunfire|home invasion|robbery|crash)\b", re.I
)


# where a clause ends, for the words that govern a day
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\u2014\u2013]")


def _days_of_week_before(ranked: list[_Ranked], day: date) -> list[_Ranked]:
    """The ranked days that name a happening (not ``no_day``) in the six days before ``day``."""
    return [r for r in ranked if not r[4] and timedelta(0) < day - r[1] < timedelta(days=7)]


def _gap(ref: TimeRef, m: re.Match[str]) -> int:
    """Characters between a time expression and a match in the same sentence (0 when they touch)."""
    return max(m.start() - ref.end, ref.start - m.end(), 0)


def _year_before(day: date) -> date:
    """The same month and day a year earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
