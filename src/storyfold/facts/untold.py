"""Victims a report tells without a count: people by their wounds ("a juvenile was found with a gunshot wound",
"three more people are at a hospital with gunshot wounds", "shot him in his hand"), a death by the deed or the body
("arrested in the murder of Brennon Davis", "a body has been found") or by the charge or the inquiry ("charged with
first-degree murder", "a homicide investigation"). ``quantities.find_quantities`` reads them where nothing else in
the sentence counts the same casualties."""

from __future__ import annotations

import re

from storyfold.facts.numbers import NUM as _NUM
from storyfold.facts.numbers import QUAL as _QUAL
from storyfold.facts.numbers import WORD as _WORD
from storyfold.facts.numbers import number_range
from storyfold.facts.persons import ANIMALS_AFTER, FATAL, MOD, PEOPLE, PERSON, clause_after

# (kind, low, high, span, unit, qualifier) of one count read
Reading = tuple[str, int | None, int | None, tuple[int, int], str, str]

# people told by their gunshot wounds: "A juvenile was found with a gunshot wound", "Man Shows up to Taco Bell With
# Gunshot Wound", "three more people are at a hospital with gunshot wounds" (one shot, or the count: the outcome is
# told elsewhere, if at all)
_WITH_WOUND = r"\s+(?:with|suffering(?:\s+from)?|suffered|suffers|sustained|sustaining)\s+(?:an?\s+|one\s+)?"
_WOUND = r"(?:[\w-]+\s+){0,3}?(?:(?:gunshot|gun\s+shot|bullet|graze)\s+wounds?|bullet\s+graze)\b"
# one who lived, told with the wound: a graze, "has been released from the hospital", "non-life-threatening"
_LIVED = re.compile(
    r"\bgraze\b|\b(?:released|recovering|expected to (?:survive|recover)|stable condition|non[- ]?life[- ]threatening"
    r"|not life[- ]threatening|minor)\b",
    re.I,
)
_GAP_TO_WOUND = r"(?:,\s*\d{1,3},)?(?:\s+(?!and\b|or\b|but\b|who\b|while\b|after\b)[\w'-]+){0,8}?"
_ONE_WOUNDED = re.compile(
    rf"(?:^|\b(?:a|an|one|the)\s+)(?:[\w'-]+\s+){{0,3}}?{PERSON}\b{_GAP_TO_WOUND}{_WITH_WOUND}{_WOUND}",
    re.I,
)
# ... with an apposition between dashes: "found four adult victims — two men and two women — suffering from
# apparent gunshot wounds"
_DASHED = r"(?:\s+[\u2014\u2013-]\s+[^\u2014\u2013.;]{1,60}?\s+[\u2014\u2013-])?"
_MANY_WOUNDED = re.compile(
    rf"{_QUAL}{_NUM}\s+(?:more\s+|other\s+)?{MOD}{PEOPLE}\b{_DASHED}{_GAP_TO_WOUND}{_WITH_WOUND}{_WOUND}",
    re.I,
)
# one person hit, told by where: "approached him and shot him in his hand", "a stray bullet struck the back of his
# head", "a bullet grazed her head"
_BODY = (
    r"(?:head|neck|chest|back|shoulder|arm|leg|hand|foot|hip|thigh|stomach|abdomen|face|knee|ankle|buttocks?|side"
    r"|torso|wrist|finger|toe|jaw|cheek|eye|elbow|calf|groin|skull|forehead|heel|shin|forearm|spine|lung|liver)s?"
)
_ONE_HIT = re.compile(
    r"\bshot\s+(?:him|her)\s+(?:(?:once|twice|(?:multiple|several|\w+)\s+times)\s+)?in\s+(?:the|his|her)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_BODY}\b"
    r"|\b(?:bullets?|rounds?|gunfire|gunshots?)\b[^.;]{0,60}?\b(?:struck|hit|hitting|striking|grazed|grazing|pierced"
    r"|entered)\s+(?:(?:him|her)\s+in\s+(?:the|his|her)|(?:the\s+(?:[\w-]+\s+){0,2}?of\s+)?(?:his|her))\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_BODY}\b",  # a person's: not "struck the side of the house"
    re.I,
)
_NO_FIREARM = re.compile(r"\b(?:bb|pellets?|paintball|taser|stun gun|airsoft|nail gun|air (?:gun|rifle))\b", re.I)
# one death told by the deed or the body: "charged in the murder of Brennon Davis", "the killing of a 9-year-old
# boy" (a person: not "the attempted murder of", nor "the killing of the bill"); "a body has been found", "the body
# of a 15-year-old was found"
_MURDER_OF = re.compile(
    r"(?<!attempted )\b(?-i:murder|killing|slaying) of (?:(?:a|an|his|her|their|the)\s+(?:[\w'-]+\s+){0,2}?"
    rf"{PERSON}s?\b(?!['\u2019])|(?-i:[A-Z][a-z])|\d+-year-old)"  # not a title, "The Murder of Roger Ackroyd"
    r"|(?<!\bno )\bbody (?:of (?:a|an|the|his|her|(?-i:[A-Z]))[^.;]{0,60}?)?(?:was|has been|had been) found\b",
    re.I,
)
# a death told by the charge or the inquiry: "charged with first-degree murder", "a homicide investigation", "ruled
# a homicide" (not "attempted murder", "conspiracy to commit murder", a "murder-suicide"). How many died is for a count
# elsewhere to say (``event._bare``): "four counts of murder" may all be of one death
_DEGREE = r"(?:(?:first|second|third)[- ]degree\s+|capital\s+|felony\s+|negligent\s+|reckless\s+|involuntary\s+)*"
CHARGED_DEATH = re.compile(
    r"\b(?:(?:charged with|charges? of|guilty of|convicted of|accused of"
    r"|arrested for|arrested on suspicion of|faces?|facing|ruled(?:\s+as)?)\s+(?:an?\s+)?"
    rf"(?:(?:{_WORD}|\d+)\s+counts?\s+of\s+)?{_DEGREE}(?:murder|homicide|manslaughter)"
    r"|(?:murder|homicide|manslaughter)\s+(?:charges?|warrant|investigation|case|victim|trial))\b(?!-)",
    re.I,
)


def wounded(sentence: str) -> list[Reading]:
    """The people a sentence tells as shot by their wounds: the counted ones with gunshot wounds, else one person
    with a wound, else one hit somewhere ("shot him in his hand"); none where the clause tells a death ("found dead
    with gunshot wounds": the dead, counted as such) or the gun fires no bullets."""
    out: list[Reading] = []
    low = sentence.lower()
    if "wound" in low or "graze" in low:  # the readings below are slow; most sentences tell no wound
        for m in _MANY_WOUNDED.finditer(sentence):
            least, most, qual = number_range(m.group("num"), m.group("qual"))
            if FATAL.search(m.group(0) + clause_after(sentence, m.end())):
                continue
            more = re.match(r"\s+(?:more|other)\s", sentence[m.end("num") :], re.I)
            if least is not None or most is not None:  # "three more people ... with gunshot wounds": besides the dead
                out.append(("injured" if more else "shot", least, most, m.span(), "people", qual))
        for m in _ONE_WOUNDED.finditer(sentence) if not out else ():
            told = m.group(0) + clause_after(sentence, m.end())
            if not FATAL.search(told):  # one shot, or one who lived: "suffered a bullet graze to the nose"
                out.append(("injured" if _LIVED.search(told) else "shot", 1, 1, m.span(), "people", ""))
            break
    for m in _ONE_HIT.finditer(sentence) if not out else ():
        if not FATAL.search(m.group(0) + clause_after(sentence, m.end())) and not _NO_FIREARM.search(sentence):
            out.append(("shot", 1, 1, m.span(), "people", ""))
        break
    return out


def one_death(sentence: str) -> Reading | None:
    """One death told by the deed or the body (not an animal's body, nor one found alive)."""
    for m in _MURDER_OF.finditer(sentence):
        body = m.group(0).lower().startswith("body")
        if body and (ANIMALS_AFTER.match(sentence, m.start() + 4) or "alive" in sentence[m.end() :].lower()):
            continue  # "the body of a deer was found", "a body had been found ... but ... was found alive"
        return ("killed", 1, 1, m.span(), "people", "")
    return None


def charged_death(sentence: str) -> Reading | None:
    """A death told by the charge or the inquiry, as one (``CHARGED_DEATH``): not a plot, another case's warrant
    ("wanted on a murder warrant") nor a charge that may come ("can face manslaughter charges")."""
    for m in CHARGED_DEATH.finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()]
        if (
            re.search(r"\b(?:attempted|conspiracy|solicitation|wanted)\b", before + m.group(0), re.I)
            or re.search(r"\b(?:can|could|(?-i:may)|might|would|will)\s+(?:\w+\s+)?$", before, re.I)
            or re.match(r"\s+(?:could|(?-i:may)|might|would|will)\b(?!\s*\d)", sentence[m.end() :], re.I)
        ):
            continue
        return ("killed", 1, 1, m.span(), "people", "")  # "four counts of murder" may be counts of one death
    return None


def told_without_count(text: str) -> bool:
    """Whether a quantity's text is a death told without how many (``one_death``, ``charged_death``): a count
    elsewhere says how many."""
    return bool(CHARGED_DEATH.fullmatch(text) or _MURDER_OF.fullmatch(text))
