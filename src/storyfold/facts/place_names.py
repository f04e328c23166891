"""Candidate place names with words glued to a town's name ("Friday Denver police", "in Chattanooga Sunday",
"Deaths In Bedford"): ``glued_town`` gives the town, and ``places.choose_place`` counts the name as the town's."""

from __future__ import annotations

import re
from collections import Counter

from storyfold.facts.gazetteer import town_states

# words that make a part of a town with the town's name ("West Englewood", "Downtown Memphis", "Little Village")
_PART_WORD = re.compile(
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Northern|Southern|Eastern|Western|Central"
    r"|Downtown|Uptown|Midtown|Greater|Suburban|Rural"
    r"|Metro|Inner|Old|Lower|Upper|Little|Lake|Mount|Mt\.?|Fort|Ft\.?|Port|Saint|St\.?|New|Isle|Point)",
    re.I,
)
_DAY_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)"
)
_HEADLINE_AT = re.compile(r"\s(?:In|At|Near)\s")  # title case: "3 Suspicious Deaths In Bedford"


def glued_town(name: str, score: Counter[str]) -> str | None:
    """The town another candidate names, where the model or a pattern glued words to its name: a page's label or a
    person's name before it ("Share Monroe Police", "View Full Caption Chicago Police", "Charles Lawson Chicago
    Police", "Friday Denver police"), a day or a headline's verb after it ("in Chattanooga Sunday", "in Vista
    Identified"), a headline's noun and preposition before it ("Deaths In Bedford"), the name twice ("Hampton
    Hampton police"). Not a part of the town ("West Englewood", "Downtown Memphis", "Lake Anna") nor a name that is
    itself a town's."""
    words = name.split()
    if len(words) < 2 or town_states(name) or re.search(r"\b(?:County|Parish|Township|Borough)$", name):
        return None
    at = _HEADLINE_AT.search(name)
    if at is not None and name[at.end() :] in score and town_states(name[at.end() :]):
        return name[at.end() :]
    for k in (1, 2):  # words glued before it
        rest = " ".join(words[k:])
        if (
            len(words) > k
            and rest in score
            and town_states(rest)
            and not any(_PART_WORD.fullmatch(w) for w in words[:k])
        ):
            return rest
    head, tail = " ".join(words[:-1]), words[-1]  # a word glued after it
    if head in score and town_states(head) and (_DAY_WORD.fullmatch(tail) or tail.endswith("ed")):
        return head
    return None
