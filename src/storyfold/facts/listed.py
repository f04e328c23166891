"""Victims a sentence lists instead of counting: "killed his wife and two daughters", "a woman and her son were found
dead", "7-year-old girl and her mother were shot", "he and three others were shot", "Raymone West, Brian Dearmond and
Marquise McPherson were also struck by bullets", "injuring Leanne Smith and Dustin Grey", a headline's "2 Girls, 2
Men Shot At Birthday Party"; and how many people such a list names (``listed_count``, ``named_count``).
``quantities.find_quantities`` reads them."""

from __future__ import annotations

import re

from storyfold.facts.numbers import NUM as _NUM
from storyfold.facts.numbers import WORD as _WORD
from storyfold.facts.numbers import parse_number
from storyfold.facts.persons import MOD as _MOD
from storyfold.facts.persons import PEOPLE as _PEOPLE
from storyfold.facts.persons import PERSON as _PERSON

# victims listed: "killed his wife and two daughters", "a woman and her son were found dead"
# a listed noun's modifiers are no determiner: one way to read "a man, a woman, ..." (with a determiner among them,
# a list of 16 took seconds to fail)
_NP_MOD = _MOD.replace("(?!(?:and|", "(?!(?:a|an|the|and|", 1)
_NP = rf"(?:(?:his|her|their|a|an|the)\s+)?(?:(?:{_WORD}|\d+)\s+)?{_NP_MOD}(?:couple|parents|{_PERSON}|{_PEOPLE})"
_LIST = rf"{_NP}(?:,\s+{_NP})*,?\s+and\s+{_NP}"
LISTED = re.compile(
    r"\b(?:(?:shot and )?kill(?:ed|ing|s)|murder(?:ed|ing|s)|fatally shot|shot (?:to death|dead)|left)"
    rf"\s+(?P<list>{_LIST})\b"
    rf"|(?:^|[.;,:)]\s+|[-–—]{{1,2}}\s+|\b(?:after|when|as|say|says|said|that)\s+)(?P<list2>{_LIST}"
    rf"|(?<![\w,] ){_NP}(?:,\s+{_NP})+)"  # at a sentence's start, commas alone: "Wallkill man, two children dead"
    r"\s+(?:(?:were|have been|had been|are|all)\s+)*"
    r"(?:(?:found|reported|later)\s+)?(?:dead|killed|slain|shot (?:and killed|dead|to death)|fatally shot)\b",
    re.I,
)
# victims listed as shot or wounded: "7-year-old girl and her mother were shot", "wounding his wife and son"
LISTED_HURT = re.compile(
    r"\b(?:(?P<shotv>shot)|wound(?:ed|ing|s)|injur(?:ed|ing|es))"
    rf"\s+(?P<list>{_LIST})\b"
    rf"|(?:^|[.;,:)]\s+|[-–—]{{1,2}}\s+|\b(?:after|when|as|say|says|said|that)\s+)(?P<list2>{_LIST})"
    r"\s+(?:(?:were|have been|had been|are|both|all)\s+)+(?:(?:also|critically|seriously|badly)\s+)?"
    r"(?:(?P<shot>shot)(?!\s+(?:and killed|dead|to death))|wounded|injured|hurt)\b",
    re.I,
)
# a headline's victims, listed, shot or hurt without "were": "2 Girls, 2 Men Shot At Birthday Party In Compton",
# "3-year-old and four adults shot in Evanston"
HEADLINE_LIST_HURT = re.compile(
    rf"^(?P<list>{_LIST}|{_NP}(?:,\s+{_NP})+)\s+(?:(?:were|are)\s+)?"
    r"(?:(?P<shot>shot)(?!\s+(?:and killed|dead|to death))|wounded|injured|hurt)\b",
    re.I,
)
# "he and three others were shot": the others and one more
AND_OTHERS = re.compile(
    rf"\b(?:he|she|{_PERSON}|[A-Z][a-z]+)\s+and\s+{_NUM}\s+others\s+(?:were|have been|had been|are)\s+"
    r"(?:(?:also|all|critically|seriously)\s+)?"
    r"(?:(?P<shot>shot)(?!\s+(?:and killed|dead|to death))|wounded|injured|hurt)\b"
)
# people listed by name (or a name beside a noun), shot or hurt: "Raymone West, Brian Dearmond and Marquise McPherson
# were also struck by bullets", "Gonzalez and her 67-year-old grandfather were wounded" (a name: one to three
# capitalised words; not "were taken to the hospital": the dead are too)
_NOT_NAME = (
    r"(?!(?:Late|Early|Last|On|In|At|About|Around|After|Before|Police|Officers|Officials|Authorities|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b)"
)
_WORD_OF_NAME = r"[A-Z][A-Za-z-]*+(?:'[A-Z][A-Za-z-]++)?+"  # "McPherson", "O'Neal", not "Smith's"
_NAME = rf"{_NOT_NAME}{_WORD_OF_NAME}(?:\s+{_NOT_NAME}{_WORD_OF_NAME}){{0,2}}+(?!['\u2019])"
_ITEM = rf"(?:{_NAME}|(?i:{_NP}))"
NAMES_HURT = re.compile(
    rf"(?:^|[.;:]\s+|,\s+(?:and\s+)?(?:police said|officials said)?\s*)"
    rf"(?P<names>{_ITEM}(?:,\s+{_ITEM})*,?\s+and\s+{_ITEM})\s+(?:were|have been|had been)\s+"
    r"(?P<also>also\s+)?(?:(?:critically|seriously|badly|both|all)\s+)?"
    r"(?:(?P<shot>shot|struck)"
    r"(?!\s+(?:and killed|dead|to death|at|by (?:a|an|the) (?:[\w-]+ )?(?:car|vehicle|truck|van|SUV))\b)"
    r"|(?P<wounded>wounded))\b"  # not "hurt" or "injured": in a crash, a struggle, by glass
)
# people named after the wounding verb: "killing Sarah Davidson at the scene and injuring Leanne Smith and Dustin
# Grey" (names only: "wounding his wife and son" is ``LISTED_HURT``'s)
VERB_NAMES_HURT = re.compile(
    rf"\b(?:wound(?:ed|ing)|injur(?:ed|ing))\s+(?P<names>{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME})\b"
    r"(?!\s+(?!(?:in|at|on|as|and|but|before|after|during|with|while|when|outside|inside|near|who|were|was)\b)[a-z])"
)  # names, not the adjectives of a noun after them: "wounding Afghan and American soldiers"
# a second victim in a headline, after the first: "Teenager fatally shot, another wounded in Paterson", "2 boys
# killed, woman injured in West Side shooting"
HEADLINE_MORE_HURT = re.compile(
    rf",\s+(?P<who>another|{_NP}(?:,?\s+and\s+{_NP})?)\s+(?:is\s+|are\s+|was\s+|were\s+)?"
    r"(?:(?:critically|seriously|badly|also)\s+)?(?:wounded|injured|hurt|hospitali[sz]ed"
    r"|shot(?!\s+(?:and killed|dead|to death)))\b",
    re.I,
)
_ONE_NP = re.compile(rf"(?:(?P<num>{_WORD}|\d+)\s+{_MOD})?(?P<noun>couple|parents|{_PERSON}|{_PEOPLE})\b", re.I)


def listed_count(text: str) -> int | None:
    """How many people a list names ("his wife and two daughters" → 3); None when a plural gives no count."""
    total = 0
    for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", text):
        m = _ONE_NP.search(part)
        if m is None:
            return None
        noun = m.group("noun").lower()
        if m.group("num"):
            n, _ = parse_number(m.group("num"))
            if n is None:
                return None
            total += n
        elif noun in ("couple", "parents"):
            total += 2
        elif re.fullmatch(_PEOPLE, noun, re.I):
            return None
        else:
            total += 1
    return total


def named_count(text: str) -> int | None:
    """How many people a list of names and nouns names ("Gonzalez and her grandfather" → 2); None when a plural
    gives no count."""
    total = 0
    for part in re.split(r",\s+(?:and\s+)?|,?\s+and\s+", text):
        m = _ONE_NP.fullmatch(part)
        if m is None:
            total += 1  # a name
        elif m.group("num"):
            total += parse_number(m.group("num"))[0] or 0
        elif re.fullmatch(_PEOPLE, m.group("noun"), re.I):
            return None
        else:
            total += 1
    return total
