"""Counts a sentence reports, with what they count, their qualifier kept as a range, and the event they
belong to ("more than 1,200 people ... have been reported dead" is dead >= 1200 for the current
fighting; "a 1990s war that left 30,000 people dead" is dead = 30000 for that war). Victims given as a list are
read by ``facts.listed``, the event a count belongs to by ``facts.other_event``, victims told without a count by
``facts.untold``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyfold.facts.lines import LEDE_SENTENCES
from storyfold.facts.listed import (
    AND_OTHERS,
    HEADLINE_LIST_HURT,
    HEADLINE_MORE_HURT,
    LISTED,
    LISTED_HURT,
    NAMES_HURT,
    VERB_NAMES_HURT,
    listed_count,
    named_count,
)
from storyfold.facts.numbers import DIGITS as _DIGITS
from storyfold.facts.numbers import NUM as _NUM
from storyfold.facts.numbers import QUAL as _QUAL
from storyfold.facts.numbers import WORD as _WORD
from storyfold.facts.numbers import number_range as _range
from storyfold.facts.numbers import parse_number
from storyfold.facts.other_event import other_event
from storyfold.facts.persons import ANIMALS_AFTER as _ANIMALS_AFTER
from storyfold.facts.persons import ELSEWHERE as _ELSEWHERE
from storyfold.facts.persons import FATAL as _FATAL
from storyfold.facts.persons import MOD as _MOD
from storyfold.facts.persons import NOT_GUNFIRE_AFTER
from storyfold.facts.persons import PEOPLE as _PEOPLE
from storyfold.facts.persons import PERSON as _PERSON
from storyfold.facts.persons import clause_after as _clause_after
from storyfold.facts.series import nth_hurt
from storyfold.facts.untold import charged_death, one_death, wounded
from storyfold.model import Quantity

_KINDS: tuple[tuple[str, str], ...] = (
    ("killed", r"fatally (?:shot|wounded|injured|stabbed)|shot (?:and killed|dead|to death)|killed|dead|died|dies"
     r"|die|slain|murdered|deaths?|fatalities|lost their lives|perished|bodies"),
    ("injured", r"injured|wounded|hurt|injuries|hospitali[sz]ed|treated for|recovering"
     r"|(?:taken|rushed|transported|sent) to (?:the |a |an |area |local |nearby )?hospitals?"),
    ("shot", r"shot(?! and killed| dead| to death)"),
    ("arrested", r"arrested|detained|taken into custody|in custody"),
    ("missing", r"missing|unaccounted for"),
    ("displaced", r"displaced|evacuated|made homeless|fled their homes"),
)  # fmt: skip
_KIND_RE = "|".join(f"(?P<{k}>{rx})" for k, rx in _KINDS)
_GAP = (  # "two 4-year-old girls were injured", "Fifteen people, including children, were shot"
    r"(?:\s+(?!and\b|but\b|while\b|who\b|after\b|in\b|at\b|on\b)(?:[a-z][\w'-]*|\d+-[a-z]+-old)"
    r"|,\s+including\s+[\w' -]{1,30},){0,5}?"
)
_AUX = (
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|be|reportedly|reported|confirmed|believed|feared|later"
    r"|also|all|now|left|so far|critically|seriously|severely|subsequently|then|each))*"
)
# "1,200 people from both sides have been reported dead", "five wounded", "left 30,000 people dead"
_NUM_THEN_KIND = re.compile(rf"{_QUAL}{_NUM}(?!\s+(?:the|an?)\s){_GAP}{_AUX}\s+(?:{_KIND_RE})\b", re.I)
# "Five of the six injured were ...", "two of the three people shot": the whole counts, the part is a subset
_PARTITIVE = re.compile(
    rf"\b(?:{_WORD}|\d+|all|most|some|many|several)\s+of\s+(?:(?:the|those|these)\s+)?{_NUM}"
    r"\s+(?:(?:people|persons|victims|others|men|women|children|teens)\s+)?(?:who\s+(?:were|was)\s+)?"
    rf"(?:{_KIND_RE})\b",
    re.I,
)
# "killing two people", "wounded three others"
_VERB_THEN_NUM = re.compile(
    r"\b(?:(?P<killed>kill(?:ed|ing|s))|(?P<injured>wound(?:ed|ing|s)|injur(?:ed|ing|es))"
    r"|(?P<arrested>arrest(?:ed|ing|s))|(?P<displaced>displac(?:ed|ing|es)))\s+"
    rf"{_QUAL}{_NUM}(?:\s+(?:other\s+)?(?:people|persons|others|civilians|men|women|children|teens|officers|soldiers"
    r"|students|victims|residents|bystanders))?\b",
    re.I,
)
# "a man was shot and killed", "Smith, 23, was pronounced dead", "is dead"
_SINGULAR = re.compile(
    r"(?:\b(?:another|a second|a third|a fourth|a fifth|the other|one other)(?:\s+[\w'-]+){0,3}?\s+)?"  # a victim more
    r"\b(?:was|is|has been|had been|remains|remained)\s+"
    r"(?:(?:fatally|critically|seriously|severely|later|also|reportedly|allegedly"
    r"|then|found|pronounced|apparently|accidentally|clinically)\s+){0,2}"
    r"(?:(?P<killed>shot (?:and killed|dead|to death)|killed|slain|murdered|dead|stabbed to death)"
    r"|(?P<injured>shot|wounded|injured|hurt|grazed|struck|hospitali[sz]ed)"
    r"|(?P<arrested>arrested|detained|taken into custody)"
    r"|(?P<missing>missing))\b",
    re.I,
)
_MORE = re.compile(r"^(?:another|a second|a third|a fourth|a fifth|one other)\b|\balso\b", re.I)
# (what says a victim told as "another" or "also" is not one more of this incident's: ``persons.ELSEWHERE``)
_SAME_VICTIM_BEFORE = re.compile(
    r"\b(?:he|she|and|who|they)\s*$|\b(?:shot|stabbed|beaten|struck|wounded|hit|slashed|cut|tied)\b|\bthe victim\b",
    re.I,
)
# one who was shot and lived, told after the shot in the same clause: "was shot in the left leg and was treated
# and released", "non-life-threatening" (not "is survived by", nor a new subject's: ", and an officer who fell ...")
_SURVIVED = re.compile(
    r"(?:(?!,\s+and\s|;|\bwho\b|\bwhile\b|\b(?:and|but)\s+(?:his|her|their|a|an|the|(?-i:[A-Z]))|\bbefore\b|\blast\b"
    r"|\bpreviously\b)[^.])*?(?:\bnon[- ]?life[- ]threatening\b|\bnot life[- ]threatening\b"
    r"|\bsurvived\b(?!\s+by\b)|\bexpected to (?:survive|recover)\b|\btreated and released\b|\bstable condition\b"
    r"|\bminor injur)",
    re.I,
)
# people who bear wounds they live with, counted: "Three others sustained non-fatal bullet wounds", "three victims
# with non-life-threatening injuries" (people, not "two gunshot wounds"; not "found three people with gunshot
# wounds": the dead bear them too)
_WOUNDS_OF = re.compile(
    rf"{_QUAL}{_NUM}\s+{_MOD}{_PEOPLE},?\s+(?:(?:who|that)\s+(?:were|are|was|had)\s+)?(?:all\s+|also\s+)?"
    r"(?:sustained|suffered|suffering|received|sustaining|with)\s+(?:from\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<lived>non-?fatal|non-? ?life-? ?threatening|minor|survivable)\s+"
    r"(?:(?:gunshot|bullet)\s+)?(?:wounds|injuries)\b",
    re.I,
)
_DIES_LATER = re.compile(r"[^;:!?]{0,80}?\b(?:has\s+|have\s+)?(?:died|dies)\b", re.I)
_AFTER_CLAUSE = re.compile(r"\s(?:after|when|as)\s")  # "Two arrested after child shot"
_LEAD_LABEL = re.compile(r"^(?:[A-Z][\w.'\u2019-]*\s){0,2}[A-Z][\w.'\u2019-]*:\s+")  # "Police: ", "UPDATE: "
_GUNSHOT = re.compile(r"\b(?:gunshot|gunfire|bullets?|shot|shooting|wounds?)\b", re.I)
# a headline or sentence opening with a singular victim: "Man killed in shooting", "Teen shot dead", "17-year-old
# shot, killed inside house"
_HEADLINE = re.compile(
    r"^(?:(?:a|an|one)\s+)?(?:(?:\d+-(?:year|month|week|day)-old\s+)?(?:(?:St\.\s+)?[a-z]+\s+){0,2}?(?:man|woman|boy|girl|teen|teenager|youth"
    r"|person|child|toddler|student|officer|driver|victim|mother|father|son|daughter|juvenile|baby|infant"
    r"|bystander|resident|deputy|trooper|detective|sergeant|firefighter|guard|clerk|cashier)|\d+-(?:year|month|week|day)-old)"
    r"(?:,\s*\d{1,2},)?\s+(?:is\s+)?(?:(?:accidentally|reportedly|critically|seriously|allegedly)\s+)?"  # "Boy, 3,"
    r"(?:(?P<killed>killed|slain|dead|dies|shot dead|fatally shot|shot,? (?:and )?killed|suffers fatal gunshot wounds?"
    r"|found (?:shot )?dead|found shot to death"
    r"|(?:shot|wounded|injured|hurt)\b[^.;:!?]{0,80}?\b(?:has |have )?(?:died|dies))"  # "Boy shot Sunday dies"
    r"|(?P<injured>wounded|injured|hurt|shot|hospitali[sz]ed|grazed|hit by (?:a )?(?:stray )?bullet"
    r"|survives? (?:being shot|(?:a |the )?shooting)"
    r"|suffers (?:a )?(?:[\w-]+ )?gunshot wounds?))\b(?!\s+(?:his|her|their|its|a|an|the|him|them|himself|herself"
    r"|\d|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|and (?:killed|wounded|injured)|at)\b)",
    re.I,
)
_SUICIDE = re.compile(
    r"\bkilled (?:himself|herself)\b|\b(?:took|takes|taking) (?:his|her) own life\b"  # not "tried to take""
    r"|\bturn(?:ed|ing|s)? the gun on (?:himself|herself)\b"
    r"|\bmurder-suicide\b|\bkill(?:s|ing)? (?:himself|herself|self)\b|\bcommit(?:s|t?ed|t?ing) suicide\b",
    re.I,
)
# the killer last in the list of the dead: "fatally shot twin daughters, himself", "Kills Wife Then Himself"
_SELF_LAST = re.compile(
    r"\b(?:kill(?:s|ed)?|fatally shoots|fatally shot|shot and killed|shoots and kills)\s+[^.;:!?]{3,60}?"
    r"(?:,\s*(?:and\s+|then\s+)?|\s+(?:and\s+)?then\s+)(?P<self>himself|herself|self)\b",
    re.I,
)
# several people a killer killed, told after a determiner: "shot and killed his ex-girlfriend's two teenage
# daughters", "killed his 12- and 10-year-old sons", "fatally shot twin daughters"
_KILLED_THEIR = re.compile(
    r"\b(?:(?:shot and )?kill(?:ed|ing|s)|shooting and killing|murder(?:ed|ing|s)|fatally (?:shot|shooting|shoots))\s+"
    r"(?:(?:his|her|their)\s+(?:[\w-]+['\u2019]s\s+)?)?"
    rf"(?:(?P<num>{_WORD}|\d+)\s+{_MOD}{_PEOPLE}|(?P<two>twin|both)\s+(?:[\w-]+\s+)?{_PEOPLE}"
    rf"|(?P<ages>\d+-\s+and\s+\d+-year-old)\s+{_PEOPLE})\b",
    re.I,
)
_ACCIDENT = re.compile(r"(?<!not )(?<!non-)\baccidental(?:ly)?\b", re.I)  # not "rule out an accident"
_SELF = re.compile(r"\bshot (?:himself|herself)\b", re.I)
# nobody, or somebody unknown: "no one else was hurt", "neither the driver nor the other passenger was injured",
# "police did not say if anyone was hurt"
_NOBODY = re.compile(
    r"\b(?:(?:no one|nobody|no-one|none|no other [a-z]+|anyone|anybody)(?: else)?\s*"
    r"|neither(?: of (?:the|them|those)(?: [a-z]+)?)?\s*|neither\b[^.;:]{0,60}?\b(?:or|nor)\s+(?:[\w'-]+\s+){0,4})$",
    re.I,
)
_NOBODY_DIED = re.compile(r"\b(?:no one|nobody|no-one|none(?: of (?:the|them|those)(?: [a-z]+)?)?)(?: else)?\s+$", re.I)
_DIED = re.compile(r"\b(?<!they )(?<!both )(?<!all )(?:later\s+)?(?:died|passed away)\b", re.I)
_COULD_HAVE = re.compile(
    r"\b(?:(?:could|would|might|may|should)(?:['’]ve|\s+have)\s+(?:[a-z]+\s+)?|(?:almost|nearly)\s+)$", re.I
)
# counts the text names but does not give: "wounded among civilians", "the dead"
_UNKNOWN = re.compile(
    r"\b(?P<w>(?P<injured>wounded|injured)|(?P<killed>dead|casualties))\s+(?:among|were|are|was)\b"
    r"|\bthere (?:were|are|was) (?P<w2>(?P<injured2>wounded|injuries|injured)|(?P<killed2>casualties|deaths|dead))\b",
    re.I,
)
_NONE = re.compile(
    r"\bno (?:(?P<one>one|people|persons|bystanders)|(?P<injured>injuries)|(?P<killed>deaths|fatalities))\b"
    r"(?:\s+(?:were|was|have been|has been|are|is))?(?:\s+(?:reported|immediately reported))?"
    r"(?:\s+(?P<verb>(?P<vinj>hurt|injured|wounded)|(?P<vkill>killed)))?",
    re.I,
)
_TOLL = re.compile(rf"\bdeath toll\b[^.;\d]{{0,40}}?\b(?:to|at|of|is|was|stands at|reached|hit)\s+{_QUAL}{_NUM}", re.I)
_NUM_FATALLY = re.compile(rf"{_QUAL}{_NUM}\s+(?:of them\s+)?fatally\b", re.I)
# singular events without a number: "shooting and killing his best friend", "the death of a 3-year-old boy"
_SINGLE_KILL = re.compile(
    r"\b(?P<victim>(?:(?:shot and )?kill(?:ed|ing)|shooting and killing|murder(?:ed|ing)"
    r"|fatally shoot(?:ing|s)|fatally shot)"
    r"\s+(?:a|an|his|her|their|one|the|\d+-year-old)\s+"
    r"|shot (?:his|her|their|a|an|the) (?:[\w-]+ ){0,3}?to death\b)"
    r"|\b(?:kills|killed)\s+\d+-year-old\b"
    r"|\b(?:left|found) (?:a|an|one|the) (?:[\w-]+ ){0,3}?dead\b"
    r"|\bshot (?:himself|herself) to death\b|\bkilling (?:him|her)\b|\bshooting death\b(?!s)"
    r"|\b(?:a|the) fatal shooting\b|\bfatal shooting of\b"
    r"|\b(?:shot and killed|fatally shot|shot to death|shot dead|brain dead)\b"
    r"|\bdeath of (?:a|an|his|her|the|[A-Z]|\d+-year-old)",
    re.I,
)
# a headline's or lede's "fatal ... shooting" is the article's own ("Metro investigates fatal W. 33rd Street
# shooting"); further down it is as often another one ("since the fatal police shooting of ...")
_ORDINAL_BEFORE = "".join(
    f"(?<!{w} )"
    for w in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "latest")
)  # "the fourth fatal shooting in that neighborhood this month" counts other shootings
_FATAL_SHOOTING = re.compile(
    _ORDINAL_BEFORE + r"\b(?:fatal|deadly)\s+(?:(?!and\b|or\b)[\w.'-]+\s+){0,4}?shooting\b(?!s)", re.I
)
_SINGLE_HURT = re.compile(
    r"\b(?:is|was|remains|remained|listed|left)\s+in\s+(?:\w+\s+){0,2}?(?:critical|serious|stable|grave|fair|good)\s+"
    r"condition|\b(?:wounding|injuring|wounded|injured|wounds|injures)\s+(?:(?:a|an|his|her|one)\s+|another\b|the\s+other\b)"
    r"|\b(?:is|was)\s+(?:now\s+)?recovering\b"
    # "her mother remains in the hospital following an accidental shooting"
    r"|\b(?P<still>(?:remains|remained|is still|was still)\s+(?:hospitali[sz]ed|in\s+(?:the|a)\s+hospital))\b"
    r"|\band\s+an?\s+(?:critically\s+|seriously\s+|badly\s+)?(?:wounded|injured)\s+"
    # "left one child dead, and another critically injured", "left a 7-year-old girl dead and her friend injured"
    r"|(?<=\bdead),?\s+and\s+(?:another|(?:a|an|his|her|their|the|one)(?:\s+[\w'-]+){1,3}?)\s+"
    r"(?:critically\s+|seriously\s+|badly\s+)?(?:wounded|injured|hurt)\b"
    # "a drive-by shooting that left a 12-year-old girl injured", "The deputy shot and injured ... was released"
    r"|\bleft\s+(?:a|an|one)(?:\s+[\w'-]+){1,3}?\s+(?:critically\s+|seriously\s+|badly\s+)?(?:wounded|injured|hurt)\b"
    r"|\b(?:the|a|an)\s+[\w'-]+\s+shot\s+and\s+(?:injured|wounded)\b",
    re.I,
)
# a victim still in hospital from another shooting: "the second shooting on the block this month"
_STILL_OTHER = re.compile(
    r"\b(?:second|third|another|earlier|previous|prior|separate|unrelated)\b|\blast\s+(?:week|month|year)\b"
    r"|\b(?:on|since)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.I,
)
_SENT_TO_HOSPITAL = re.compile(
    rf"\b(?:sen(?:t|ds?|ding)|put)\s+{_QUAL}{_NUM}(?:\s+(?:other\s+)?(?:people|persons|others|men|women|children|teens"
    r"|victims))?\s+(?:in)?to\s+(?:the\s+|a\s+|area\s+|local\s+)?hospitals?\b",  # "put three women into the hospital"
    re.I,
)
# "a double shooting", "a triple homicide", "a triple murder-suicide" (three killed, then the killer)
_MULTIPLE = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[- ](?:(?P<shot>shootings?)|(?P<killed>homicides?|murders?|killings?"
    r"|slayings?)(?P<suicide>-suicide)?)\b",
    re.I,
)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# who was "also shot" must be a person: "Her mother was also shot", "Another was shot" (not "The dog was also shot")
_PERSON_BEFORE = re.compile(
    r"^(?:another|a second|a third|a fourth|a fifth|one other)\s+(?:was|is|has|had)\b"
    rf"|\b(?:{_PERSON}|suspect|gunman|driver|passenger|resident)s?\b"
    r"|(?-i:\b[A-Z][a-z]+\s+(?:was|is)\s+also\b)",  # a name
    re.I,
)


# "charged with the killing of two men", "the slayings of 4 children", "in the deaths of three people"
_BY_GUNFIRE = re.compile(
    r"\s+(?:\w+\s+)?(?:in|by|during|from|after)\s+(?:an?\s+|the\s+)?(?:[\w'.-]+\s+){0,4}?(?:shooting|gunfire|shootout"
    r"|bullets?|gunshots?|drive-by|gun)",
    re.I,
)


def _lived(sentence: str, m: re.Match[str]) -> bool:
    """Whether the one a singular "was shot" tells of is a victim more who lived: "another" or "also" (a person,
    not about another incident, nor the same victim's other wound), or a survival told after it in the same
    clause; never a shot from no firearm ("shot with a Taser") or a house "shot up"."""
    if NOT_GUNFIRE_AFTER.match(sentence, m.end()):
        return False
    if _SURVIVED.match(sentence, m.end()):
        return True
    before = sentence[: m.start()]
    subject = before[-40:] + m.group(0)
    return (
        bool(_MORE.search(m.group(0)))
        and not _ELSEWHERE.search(sentence)
        and not _SAME_VICTIM_BEFORE.search(before)
        and bool(_PERSON_BEFORE.search(subject))
    )


_DEATHS_OF = re.compile(
    rf"\b(?:killings?|deaths|slayings?|murders?|shooting deaths)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    rf"{_QUAL}{_NUM}\s+{_MOD}{_PEOPLE}\b",
    re.I,
)
_SHOT_WHOM = re.compile(
    rf"\b(?:shoots|shot|shooting(?!\s+(?:suspects?|gunman|gunmen|shooters?)\b))\s+(?:(?P<self>(?:him|her|your|it)?self)\b|(?:(?:his|her|their|its|a|an|the)\s+)?"
    rf"(?:own\s+)?(?:(?P<num>{_WORD}|\d+)\s+{_MOD}(?P<many>{_PEOPLE})|{_MOD}{_PERSON})\b)",
    re.I,
)
# one victim named as a person: "Accidental gun discharge kills police officer's son", "killed his own father"
_KILLS_WHOM = re.compile(
    rf"\bkill(?:s|ed|ing)\s+(?P<whom>(?:(?:his|her|their|a|an|the)\s+)?(?:own\s+)?{_MOD}{_PERSON})\b(?!-)", re.I
)
# one more victim after the first: "kills husband, infant son" (not an apposition: "kills his son, a 3-year-old")
_AND_WHOM = re.compile(
    rf"(?:,\s*(?:and\s+)?(?!(?:a|an|the)\s)|\s+and\s+)(?:(?:his|her|their|a|an|the)\s+)?{_MOD}"
    rf"(?:{_PERSON}|{_PEOPLE})\b(?!-)"
    # where the list ends, not the subject of a new clause ("Man kills girlfriend, son wounded", "customers flee")
    r"(?=\s*(?:$|[,.;:)]|[-–—|]|\band\b|\b(?:in|at|on|near|after|before|during|with|outside|inside|then|while"
    r"|as|over|amid|following|since|because)\b))",
    re.I,
)
# "the shooting of four members of a family", "the fatal shootings of two teens"
_SHOOTING_OF = re.compile(
    rf"\b(?:(?P<fatal>(?:fatal|deadly)\s+)shootings?|shooting)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?{_QUAL}{_NUM}\s+{_MOD}"
    rf"(?:{_PEOPLE})\b",
    re.I,
)
_DIED_BEFORE = re.compile(r"\b(?:killed|kills|dead|dies|died|slain|fatally|murdered)\b", re.I)
_SHOOTING_AFTER = re.compile(r"\b(?:shooting|shootout|gunfire|shot)\b", re.I)


_MONEY = re.compile(
    rf"(?:{_QUAL})(?:(?P<cur>[$€£])\s?(?P<num>{_DIGITS})(?:\s+(?P<mult>million|billion|thousand))?"
    rf"|(?P<num2>{_DIGITS})(?:\s+(?P<mult2>million|billion|thousand))?\s+(?P<cur2>dollars|euros|pounds))",
    re.I,
)
_COUNT = re.compile(rf"{_QUAL}{_NUM}\s+(?:[a-z]+\s+)?(?P<unit>[a-z]{{3,}}s)\b", re.I)
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR", "pounds": "GBP"}
_NOT_UNITS = {"years", "times", "minutes", "hours", "days", "weeks", "months", "seconds", "decades", "miles", "percent"}


def _kind(m: re.Match[str]) -> str | None:
    for k, _ in _KINDS:
        if m.groupdict().get(k):
            return k
    return None


# "Calvin Williams, 24 was shot": an age in apposition (a name, a comma, a number), or a number above one with a
# singular verb, is not a count of people
_APPOSITION = re.compile(r"\b[A-Z][\w'.-]*,\s*$")
_SINGULAR_VERB = re.compile(r"\s+(?:was|is|has)\b", re.I)
_AFTER_AGE = re.compile(r"\s*(?:,|\b(?:was|were|is|has|had|died|remains)\b)")


def _age_not_count(sentence: str, m: re.Match[str], low: int | None) -> bool:
    if low is None or low <= 1 or m.group("qual"):
        return False
    num_start, num_end = m.span("num")
    if _SINGULAR_VERB.match(sentence, num_end):
        return True
    return (
        m.group("num").isdigit()
        and low < 120
        and bool(_APPOSITION.search(sentence, 0, num_start))
        and bool(_AFTER_AGE.match(sentence, num_end))  # "Chicago, 12 people were wounded" stays a count
    )


# the subject of "killed" is the event, not a killer: "a deadly shooting in Rosamond that killed a 14-year-old",
# "shooting kills 2" (who died may include the one who fired)
_EVENT_KILLS = re.compile(
    r"\b(?:shooting|gunfire|blast|explosion|crash|fire|incident|accident|discharge)"
    r"(?:\s+(?:[\w'-]+\s+){0,4}?(?:that|which))?\s+$",
    re.I,
)
_SPACED_AGE = re.compile(r"\b\d{1,3}[ -](?:year|month|week|day)s?[ -]old\b", re.I)  # "a 12 year old"


def find_quantities(sentence: str, index: int, year: int | None = None) -> list[Quantity]:
    """Every count in one sentence: casualties, arrests, missing, displaced, money and other counts."""
    given = sentence  # the quantities' text is the sentence's own; the patterns read ages hyphenated
    sentence = _SPACED_AGE.sub(lambda m: m.group(0).replace(" ", "-"), sentence)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(kind: str, low: int | None, high: int | None, span: tuple[int, int], unit: str, qual: str) -> None:
        if not free(*span):
            return
        taken.append(span)
        ev = other_event(sentence, span[0], year, index < 0) if kind not in ("money", "count") else ""
        text = given[span[0] : span[1]]
        out.append(Quantity(kind, low, high, text, index, unit, qual, ev, current=not ev))

    for m in _NONE.finditer(sentence):
        inj = m.group("injured") or m.group("vinj")
        kind = "injured" if inj else "killed" if m.group("killed") or m.group("vkill") else None
        if kind and (m.group("one") is None or m.group("verb")):
            add(kind, 0, 0, m.span(), "people", "no")
    for m in _NUM_FATALLY.finditer(sentence):
        low, high, qual = _range(m.group("num"), m.group("qual"))
        add("killed", low, high, m.span(), "people", qual)
    for m in _DEATHS_OF.finditer(sentence):
        low, high, qual = _range(m.group("num"), m.group("qual"))
        add("killed", low, high, m.span(), "people", qual)
    for m in _TOLL.finditer(sentence):
        low, high, qual = _range(m.group("num"), m.group("qual"))
        add("killed", low, high, m.span(), "people", qual)
    for m in LISTED.finditer(sentence):
        n = listed_count(m.group("list") or m.group("list2") or "")
        if n is not None and n > 1:
            add("killed", n, n, m.span(), "victims" if m.group("list") else "people", "")  # the killer's
    for m in LISTED_HURT.finditer(sentence):
        n = listed_count(m.group("list") or m.group("list2") or "")
        if n is not None and n > 1:
            add("shot" if m.group("shot") or m.group("shotv") else "injured", n, n, m.span(), "people", "")
    for m in HEADLINE_LIST_HURT.finditer(sentence) if index < 0 else ():
        n = listed_count(m.group("list"))
        if n is not None and n > 1:
            add("shot" if m.group("shot") else "injured", n, n, m.span(), "people", "")
    for m in AND_OTHERS.finditer(sentence):
        n = parse_number(m.group("num"))[0]
        if n is not None:
            add("shot" if m.group("shot") else "injured", n + 1, n + 1, m.span(), "people", "")
    for m in NAMES_HURT.finditer(sentence):
        n = named_count(m.group("names"))
        if n is None or _FATAL.search(sentence, m.end()) or re.search(r"\bmurder", sentence, re.I):
            continue  # "Smith and Jones were shot multiple times and were pronounced dead"
        if _ELSEWHERE.search(sentence) or NOT_GUNFIRE_AFTER.match(sentence, m.end()):
            continue  # "in a separate shooting", "were shot with a Taser"
        if m.group("shot") == "struck" and not _GUNSHOT.search(_clause_after(sentence, m.end())):
            continue  # "were struck by a car", not "were also struck by bullets"
        kind = "shot" if m.group("shot") and not m.group("also") else "injured"  # "also": besides the dead
        add(kind, n, n, m.span("names")[:1] + m.span()[1:], "people", "")
    for m in VERB_NAMES_HURT.finditer(sentence):
        n = named_count(m.group("names"))
        if n is not None and n > 1 and not _ELSEWHERE.search(sentence):
            add("injured", n, n, m.span(), "people", "")
    for m in _WOUNDS_OF.finditer(sentence):
        if _FATAL.search(_clause_after(sentence, m.end())):
            continue  # "Two men with gunshot wounds were found dead"
        low, high, qual = _range(m.group("num"), m.group("qual"))
        if low is not None or high is not None:
            add("injured", low, high, m.span(), "people", qual)
    for reading in nth_hurt(sentence) if index < LEDE_SENTENCES else ():
        add(*reading)
    for m in _SHOOTING_OF.finditer(sentence) if index < LEDE_SENTENCES else ():  # further down: often another
        if re.search(
            r"\b(?:after|since|before|following|over|amid|like)\s+(?:\S+\s+){0,3}$", sentence[: m.start()], re.I
        ):
            continue  # "a week after the shooting of five officers in Dallas": another one
        if not m.group("fatal") and re.search(r"\bmurder|\bdeath|\bdead\b", sentence, re.I):
            continue  # "two counts of murder in the shooting of two men": the outcome is told, not as a count
        low, high, qual = _range(m.group("num"), m.group("qual"))
        if low is not None or high is not None:
            add("killed" if m.group("fatal") else "shot", low, high, m.span(), "people", qual)
    for m in HEADLINE_MORE_HURT.finditer(sentence) if index < 0 else ():
        n = 1 if m.group("who").lower() == "another" else listed_count(m.group("who"))
        by_gunfire = m.group(0).lower().endswith(("wounded", "shot")) or _SHOOTING_AFTER.search(sentence, m.end())
        if n and by_gunfire and _DIED_BEFORE.search(sentence, 0, m.start()):  # the first victim died: these lived
            add("injured", n, n, m.span(), "people", "")
        break
    for m in _PARTITIVE.finditer(sentence):
        kind = _kind(m)
        if _ANIMALS_AFTER.match(sentence, m.end()):
            continue  # "injured one of the family dogs"
        low, high, qual = _range(m.group("num"), None)
        if kind and low is not None:
            add(kind, low, high, m.span(), "people", qual)
    for rx in (_NUM_THEN_KIND, _VERB_THEN_NUM):
        for m in rx.finditer(sentence):
            kind = _kind(m)
            low, high, qual = _range(m.group("num"), m.group("qual"))
            if rx is _NUM_THEN_KIND and _age_not_count(sentence, m, low):
                continue
            if rx is _VERB_THEN_NUM and _ANIMALS_AFTER.match(sentence, m.end()):
                continue  # "injuring one of the family dogs", "killed two deer"
            if kind and (low is not None or high is not None):
                by_killer = (
                    rx is _VERB_THEN_NUM and kind == "killed" and not _EVENT_KILLS.search(sentence, 0, m.start())
                )
                unit = "victims" if by_killer else "people"  # "killing two": a killer's, not "shooting kills 2"
                add(kind, low, high, m.span(), unit, qual)
    for m in _KILLED_THEIR.finditer(sentence):
        n = 2 if m.group("two") or m.group("ages") else parse_number(m.group("num"))[0]
        if n is not None and n > 1 and not _ANIMALS_AFTER.match(sentence, m.end()):
            add("killed", n, n, m.span(), "victims", "")  # the killer's
    for m in _SENT_TO_HOSPITAL.finditer(sentence):  # "a shooting that sent 4 people to the hospital"
        low, high, qual = _range(m.group("num"), m.group("qual"))
        if low is not None or high is not None:
            add("injured", low, high, m.span(), "people", qual)
    for m in _MULTIPLE.finditer(sentence):
        n = _TIMES[m.group("n").lower()] + (1 if m.group("suicide") else 0)
        add("shot" if m.group("shot") else "killed", n, n, m.span(), "people", "")
    for m in _SINGULAR.finditer(sentence):
        if _NOBODY.search(sentence, 0, m.start()):
            continue
        kind = _kind(m)
        if "fatal" in m.group(0).lower():
            kind = "killed"
        elif kind == "injured" and m.group("injured").lower() in ("shot", "struck"):
            if _FATAL.search(_clause_after(sentence, m.end())):
                kind = "killed"
            elif (
                m.group("injured").lower() == "shot" and not sentence.startswith(" at", m.end()) and _lived(sentence, m)
            ):
                kind = "injured"  # "Another man was shot", "Her mother was also shot, but survived": one more, alive
            else:
                kind = "shot"
        elif kind == "injured" and m.group("injured").lower().startswith("hospitali"):
            # "was hospitalized after a single gunshot wound", "was hospitalized with non-life threatening
            # injuries": not "for a psychiatric evaluation" nor "after the shooting", nor one who died
            after = _clause_after(sentence, m.end())
            if not (_GUNSHOT.search(after) or _SURVIVED.match(sentence, m.end())) or _FATAL.search(after):
                continue
        if kind and not any(q.kind == kind for q in out):
            add(kind, 1, 1, m.span(), "people", "")
    # after a headline's attribution or label: "Police: Youth wounded in accidental shooting in Gary"
    lead = _LEAD_LABEL.match(sentence) if index < 0 else None
    skip = lead.end() if lead else 0
    m2 = _HEADLINE.search(sentence[skip:])
    if m2 is None and index < 0 and (step := _AFTER_CLAUSE.search(sentence)) is not None:
        skip = step.end()
        m2 = _HEADLINE.search(sentence[skip:])
    if m2 is not None:
        kind = _kind(m2)
        if skip and kind != "killed" and _DIES_LATER.match(sentence, m2.end() + skip):
            kind = None  # "Update: Man Wounded in Nov. 2 LR Shooting Dies": the victim died (told in the body)
        elif kind == "injured" and m2.group("injured").lower() == "shot":
            kind = "shot"
        elif (
            kind == "injured"
            and m2.group("injured").lower() in ("hurt", "injured")
            and not _BY_GUNFIRE.match(sentence, m2.end() + skip)
        ):
            kind = None  # "Detective hurt in crash", "Deputy injured while arresting suspect": not by gunfire
        if kind and not any(q.kind == kind for q in out):
            add(kind, 1, 1, (m2.start() + skip, m2.end() + skip), "people", "")
    if not any(q.kind == "killed" for q in out):
        for m in _SINGLE_KILL.finditer(sentence):
            by_killer = m.group("victim") is not None and not _EVENT_KILLS.search(sentence, 0, m.start())
            add("killed", 1, 1, m.span(), "victims" if by_killer else "people", "")
            break
    if not any(q.kind == "killed" for q in out) and (found := one_death(sentence) or charged_death(sentence)):
        add(*found)
    if not any(q.kind == "killed" for q in out):
        for m in _KILLS_WHOM.finditer(sentence):
            if re.match(r"['\u2019]s\b", sentence[m.end() :]) and _ANIMALS_AFTER.match(sentence, m.end() + 2):
                continue  # "the killing of his neighbor's dog"
            end = m.end()
            while (more := _AND_WHOM.match(sentence, end)) is not None:
                end = more.end()
            n = listed_count(sentence[m.start("whom") : end])  # None: "killed wife, children, self"
            if n:
                add("killed", n, n, (m.start(), end), "victims", "")
            break
    if index <= 0 and not any(q.kind == "killed" for q in out):
        for m in _FATAL_SHOOTING.finditer(sentence):
            add("killed", 1, 1, m.span(), "people", "")
            break
    if (
        index < LEDE_SENTENCES
        and not _ELSEWHERE.search(sentence)
        and not any(q.kind in ("injured", "shot") for q in out)
    ):  # the wounded told without a count, where nothing else counts them; further down: often another incident's
        for reading in wounded(sentence):
            add(*reading)
    if not any(q.kind in ("injured", "shot") for q in out):
        for m in _SINGLE_HURT.finditer(sentence):
            if m.group("still") and (
                _STILL_OTHER.search(sentence, max(0, m.start() - 80), m.start())
                or re.search(r"\b(?:died|dead|death|life support)\b", _clause_after(sentence, m.end()), re.I)
            ):
                continue  # "a man shot there on July 3 remains hospitalized", "remained in the hospital until he died"
            if not _ANIMALS_AFTER.match(sentence, m.end()):
                add("injured", 1, 1, m.span(), "people", "")
                break
    for m in _SELF_LAST.finditer(sentence):
        add("suicide", 1, 1, m.span("self"), "last", "")  # one more than the victims before it
    for m in _SUICIDE.finditer(sentence):
        # "accidentally shoots, kills self": the victim's own death, told twice, not one more
        accident = "suicide" not in m.group(0).lower() and _ACCIDENT.search(sentence, max(0, m.start() - 40), m.start())
        add("suicide", 1, 1, m.span(), "accident" if accident else "people", "")
        break
    if not any(q.kind == "shot" for q in out):
        for m in _SHOT_WHOM.finditer(sentence):  # "shot his brother": one shot, the outcome told elsewhere
            low = parse_number(m.group("num"))[0] if m.group("num") else 1
            if m.group("self") or m.group("num") is None or low is not None:
                add("shot", low, low, m.span(), "people", "")
            break
    if not any(q.kind in ("injured", "shot") for q in out):
        for m in _SELF.finditer(sentence):  # "shot himself": the outcome is told elsewhere, if at all
            add("shot", 1, 1, m.span(), "people", "")
            break
    if not any(q.kind == "killed" for q in out):
        for m in _DIED.finditer(sentence):
            if _COULD_HAVE.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "I could've died easily": nobody did
            nobody = _NOBODY_DIED.search(sentence, max(0, m.start() - 40), m.start())
            n = 0 if nobody else 1  # "a blessing that no one died", "none of the victims died"
            add("killed", n, n, (nobody.start(), m.end()) if nobody else m.span(), "people", "")
            break
    for m in _UNKNOWN.finditer(sentence):
        kind = "injured" if m.group("injured") or m.group("injured2") else "killed"
        add(kind, None, None, m.span(), "people", "")
    for m in _MONEY.finditer(sentence):
        num = m.group("num") or m.group("num2")
        mult = m.group("mult") or m.group("mult2")
        low, high, qual = _range(f"{num} {mult}" if mult else num, m.group("qual"))
        cur = _CURRENCY[(m.group("cur") or m.group("cur2")).lower()]
        add("money", low, high, m.span(), cur, qual)
    for m in _COUNT.finditer(sentence):
        unit = m.group("unit").lower()
        low, high, qual = _range(m.group("num"), m.group("qual"))
        if unit not in _NOT_UNITS and (low is not None or high is not None):
            add("count", low, high, m.span(), unit, qual)
    out.sort(key=lambda q: given.find(q.text))
    return out


def quantities(sentences: Sequence[str], year: int | None = None, first_index: int = 0) -> list[Quantity]:
    """The quantities of a sequence of sentences (indexes counted from ``first_index``)."""
    return [q for i, s in enumerate(sentences, first_index) for q in find_quantities(s, i, year)]
