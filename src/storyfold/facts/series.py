"""A victim told by its place in a series, which counts those before it: "Three men shot, a fourth wounded by
shrapnel" (four hurt), "Three people are dead and a fourth wounded", "a second man was injured"; read as people shot
(the dead among them: the event takes them off). ``quantities.find_quantities`` reads them in the title and lede."""

from __future__ import annotations

import re

from storyfold.facts.persons import ELSEWHERE, FATAL, MOD, NOT_GUNFIRE_AFTER, PERSON, clause_after
from storyfold.facts.untold import Reading

# the victim's place, then how it was hurt: "shot" only as "was shot" (not "fired a second shot", "a second deputy
# shot him"); "a" or "an" only (not a tally, "the third teen shot in the city")
_NTH_HURT = re.compile(
    rf"\b(?:an?)\s+(?P<nth>second|third|fourth|fifth|sixth)\s+(?:{MOD}{PERSON}\s+)?"
    r"(?:(?:(?:who\s+)?(?:was|is)\s+)?(?:also\s+)?(?:wounded|injured|hurt)\b"
    r"|(?:who\s+)?(?:was|is)\s+(?:also\s+)?shot\b(?!\s+at\b))",
    re.I,
)
# what makes the series no count of this shooting's victims: a tally over time or place ("the fifth person shot in
# Durham since Friday", "this week"), people before it who were not hurt ("Three men were arrested and a fourth
# was shot"), one not hit ("shot in the vest", "was not struck"), or hurt otherwise ("hurt in the struggle")
_NTH_TALLY = re.compile(
    r"\b(?:this|last|past)\s+(?:week|weekend|month|year)\b|\bsince\b|\bso far\b|\bin\s+(?:the\s+)?(?:past\s+)?"
    r"(?:\w+\s+)?(?:days|hours|weeks|months)\b|\bin\s+(?:the\s+)?(?:city|area|county|neighbou?rhood)\b",
    re.I,
)
_NTH_NOT_HURT_BEFORE = re.compile(r"\b(?:arrest\w*|fled|flee\w*|detained|custody|charged|escaped|surrender\w*)\b", re.I)
_NTH_NOT_HIT = re.compile(
    r"\bnot\s+(?:struck|hit|injured|hurt|wounded)\b|\bvest\b|\bmissed\b|\b(?:crash|collision|struggle|scuffle"
    r"|fight|fell|fall|chase|stabbed|beaten)\b|\bwhile\s+(?:running|fleeing|trying)\b",
    re.I,
)
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def nth_hurt(sentence: str) -> list[Reading]:
    """The people shot that a victim's place in a series counts, where the series is this shooting's victims."""
    out: list[Reading] = []
    for m in _NTH_HURT.finditer(sentence):
        after = clause_after(sentence, m.end())
        if not (
            FATAL.search(after)
            or ELSEWHERE.search(sentence)
            or NOT_GUNFIRE_AFTER.match(sentence, m.end())
            or _NTH_TALLY.search(sentence, m.end())
            or _NTH_NOT_HURT_BEFORE.search(sentence, 0, m.start())
            or _NTH_NOT_HIT.search(after)
        ):
            n = _NTH[m.group("nth").lower()]
            out.append(("shot", n, n, m.span(), "people", ""))
    return out
