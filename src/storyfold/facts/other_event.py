"""The event a number belongs to when it is not the article's own: "a 1990s war that left 30,000 people dead"
(a named event of another year, or marked as another: "an earlier attack that"), a tally over several incidents
("12 wounded in Chicago shootings throughout the day"), a sentence that opens on another incident ("In a separate
incident, ..."), a past year or "so far this year". ``quantities.find_quantities`` keeps its name on the count."""

from __future__ import annotations

import re

# the event a number belongs to, when the sentence names another one: "a 1990s war that left ..."
_OTHER_EVENT = re.compile(
    r"\b(?P<ev>(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?(?:war|conflict|attack|bombing|shooting|massacre|earthquake|quake"
    r"|fire|crash|storm|hurricane|flood|riot|clash(?:es)?|violence|uprising|genocide|famine|epidemic|outbreak"
    r"|explosion|battle|incident|tsunami|pandemic))\s+(?:that|which|in which)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?P<y>(?:1[6-9]|20)\d0s|(?:1[89]|20)\d\d)\b(?!\s+block\b)")  # not "the 1800 block of"
# what marks a named event as another one than the article's: "a similar shooting that", "an earlier attack that"
_OTHER_MARK = re.compile(
    r"\b(?:previous|earlier|prior|another|separate|unrelated|similar|former|past|last year's|other)\b", re.I
)
_PAST = re.compile(r"\b(?:last|previous|past)\s+(?:year|decade|month)\b|\bso far this year\b|\bthis year\b", re.I)


# a tally over several incidents: "at least eight people were killed and 12 wounded in Chicago shootings
# throughout the day", "More than 3,290 people have been injured in those shootings"
_TALLY = re.compile(r"\b(?:in|from)\s+(?:[\w'-]+\s+){0,3}?(?P<ev>shootings|attacks|incidents|homicides)\b", re.I)


# a sentence that opens on another incident: "In a separate incident, ...", "Elsewhere, ...", "In another shooting"
_ELSEWHERE_OPENING = re.compile(
    r"^\W*(?:in\s+(?:another|(?:a|an)\s+(?:separate|unrelated|different))\s+(?:incident|shooting|case|attack)"
    r"|elsewhere|separately)\b",
    re.I,
)


def other_event(sentence: str, at: int, year: int | None, headline: bool = False) -> str:
    """The name of the event a number at ``at`` belongs to when it is not the article's own, else ""."""
    tally = None if headline else _TALLY.search(sentence, at, at + 80)
    if tally:
        return tally.group(0)
    opening = _ELSEWHERE_OPENING.match(sentence)
    if opening and not headline and opening.end() <= at:
        return opening.group(0).strip(" ,")  # "In a separate incident early Sunday, two men were wounded"
    for m in _OTHER_EVENT.finditer(sentence):
        if m.end() <= at and at - m.end() < 60:
            ev = m.group("ev")  # "a shooting that left a man dead" is the article's own unless marked as other
            years = [y.group("y") for y in _YEAR.finditer(ev)]
            if (years and (year is None or any(y != str(year) for y in years))) or _OTHER_MARK.search(ev):
                return ev
    for y in _YEAR.finditer(sentence):
        value = y.group("y")
        if year is not None and (value.endswith("0s") or int(value) < year):
            return value
    past = _PAST.search(sentence)
    return past.group(0) if past else ""
