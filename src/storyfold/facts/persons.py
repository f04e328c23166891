"""Who and what the counts of a report count: the words for a person and for people, a noun phrase's modifiers,
and what marks a victim as no casualty of this incident (an animal, another incident, a death told beside it).
``quantities`` counts with them and ``untold`` reads the victims a report tells without a count."""

from __future__ import annotations

import re

# who a shooting hit, named as people: "shot his 11-year-old friend", "shoots grandfather", "shot six people"
PERSON = (
    r"(?:man|woman|boy|girl|teen|teenager|toddler|child|baby|infant|person|friend|brother|sister|son|daughter"
    r"|wife|husband|girlfriend|boyfriend|father|mother|dad|mom|grandfather|grandmother|grandson|granddaughter"
    r"|cousin|nephew|niece|uncle|aunt|neighbou?r|relative|classmate|officer|deputy|victim|student|stepson"
    r"|stepdaughter|fianc[eé]e?|partner|roommate|companion|civilian|bystander|juvenile|suspect|gunman|shooter|\d+-year-old)"
)
PEOPLE = (
    r"(?:people|persons|men|women|boys|girls|teens|teenagers|children|kids|sons|daughters|brothers|sisters"
    r"|friends|officers|deputies|victims|students|others|members|relatives|grandchildren|classmates|siblings|adults"
    r"|civilians|bystanders|juveniles|pedestrians|passengers|patrons|customers|employees)"
)
MOD = (  # up to two modifiers ("his 17-month-old son"), not a number, a conjunction or a casualty word
    r"(?:(?!(?:and|or|in|at|on|with|\d+(?!-[a-z]+-old)|wound\w*|injur\w*|kill\w*|shot|shoot\w*|hurt)\b)[\w'-]+\s+)"
    r"{0,2}?"
)
# animals, not people, after a count: "injured one of the family dogs", "killed two deer"
ANIMALS_AFTER = re.compile(
    r"\s*(?:of\s+(?:the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,2}?(?:dogs?|cats?|horses?|pets?|puppy|puppies|cattle"
    r"|cows?|animals?|deer|birds?|livestock)\b",
    re.I,
)
# what says a victim told as "another" or "also" is not one more of this incident's: another incident ("in an
# unrelated incident", "hours later"), the same victim's other wound ("she had been beaten and was also shot")
ELSEWHERE = re.compile(r"\b(?:unrelated|separate|different|earlier|later)\b|\bin another\b|\bblocks? away\b", re.I)
FATAL = re.compile(r"\b(?:fatal(?:ly)?|killed|died|dead|death)\b", re.I)
# a shot from no firearm: "shot with a Taser", "shot with a BB gun"
NOT_GUNFIRE_AFTER = re.compile(
    r"\s+(?:up\b|(?:[\w-]+\s+){0,3}?(?:with|by)\s+(?:a\s+|an\s+)?(?:taser|stun gun|bb|pellet|paintball|bean ?bag"
    r"|rubber|air (?:gun|rifle)|nail gun|less[- ]lethal|non[- ]lethal|pepper[- ]?balls?))",
    re.I,
)


def clause_after(sentence: str, at: int) -> str:
    """The rest of the clause after ``at`` (to a full stop or semicolon: a splitter may join two sentences)."""
    return re.split(r"[.;]", sentence[at:], maxsplit=1)[0]
