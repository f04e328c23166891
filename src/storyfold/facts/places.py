"""Telling cities from states, countries, streets and people, weighing datelines ("GARY, Ind. —": the patterns are
``facts.states``), and choosing the city where an article's event happened (``choose_place``)."""

from __future__ import annotations

import re
from collections import Counter

from storyfold.facts.gazetteer import km_apart, town_in_county, town_states
from storyfold.facts.lines import LEDE_SENTENCES, Lines
from storyfold.facts.persons import PEOPLE, PERSON
from storyfold.facts.place_names import glued_town
from storyfold.facts.states import (
    CITY_STATE,
    DATELINE,
    DATELINE_AGENCY,
    DATELINE_ALONE,
    DATELINE_INSIDE,
    DATELINE_PARENS,
    POSTAL_BY_STATE,
    STATE_WORD,
    state_name,
)
from storyfold.facts.within import NEIGHBOUR_KM, county_of, dateline_outer, only_county_named, outer_city
from storyfold.textproc import headline_of

NOT_CITIES = {
    "us", "u.s.", "usa", "u.s.a.", "united states", "america", "united states of america", "uk", "u.k.", "britain",
    "great britain", "england", "canada", "mexico", "china", "russia", "india", "iraq", "iran", "syria",
    "afghanistan", "israel", "france", "germany", "japan", "europe", "africa", "asia", "earth", "the united states",
    "nation", "state", "city", "county", "the", "university", "town", "village", "downtown", "uptown", "midtown",
    "metro", "metropolitan", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "mexican", "american", "african", "hispanic", "latino", "asian", "white", "black", "caucasian", "canadian",
    # words that open a sentence before "officers", "police": "When officers arrived"
    "when", "after", "while", "then", "but", "and", "if", "where", "before", "since", "because", "meanwhile", "as",
    "once", "though", "although", "during", "both", "other", "two", "three", "four", "several", "numerous", "city of",
    "even", "also", "still", "now", "here", "there",
    # words that open a sentence before "officers": "Police officers in Kokomo", "Responding officers"
    "police", "sheriff", "responding", "additional",
    # days before a state: "in Southeast on Monday, D.C. police said"
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # months the model tags as places ("charged with killing of two men in May")
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
    # countries a report names for where someone came from or went
    "kenya", "somalia", "nigeria", "ethiopia", "ghana", "vietnam", "korea", "south korea", "north korea", "philippines",
    "cuba", "jamaica", "haiti", "honduras", "guatemala", "el salvador", "colombia", "venezuela", "brazil", "italy",
    "spain", "ireland", "poland", "ukraine", "pakistan", "saudi arabia", "egypt", "turkey", "australia",
}  # fmt: skip


def is_city_candidate(name: str) -> bool:
    low = name.strip().lower()
    return (
        bool(low)
        and low not in NOT_CITIES
        and state_name(name) is None
        and not low.endswith((" state", " states", " department", " side"))  # "the South Side"
        and not STREET.search(name)
        and not INSTITUTION.search(name)
        and not _NO_PLACE_WORD.search(name)
        and len(low) > 2
        and low != name.strip()  # a place's name has a capital: "turkey hunting" names none
        and not low[:1].isdigit()  # "15th Street and Meinecke Avenue"
        and not _GLUED_STOP.search(name)  # two sentences a scrape glued: "Thestreet.Police" (not "St.Louis")
    )


_GLUED_STOP = re.compile(r"[a-z]{2}\.[A-Z]|[A-Z]{3,}\.[A-Z]{2}")


STREET = re.compile(
    r"\b(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Parkway|Pkwy|Boulevard|Blvd|Lane|Ln|Highway|Hwy|Bridge|River|Park"
    r"|Court|Ct|Way|Circle|Trail|Creek|Lake|Mall|Interstate|Route|Co)\.?$"
)
# a town's name, with its saint, mount or fort abbreviated ("in St. Augustine", "Mt. Juliet police")
_TOWN = r"(?:(?:St|Mt|Ft)\.\s)?[A-Z][a-z]+(?:\s(?!Metro(?:politan)?\b)[A-Z][a-z]+)?"
# a place named as where someone lives or what an institution serves: "a Glen Flora man", "Medina High School"
PLACE_BEFORE_NOUN = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+-year-old\s+)?(?P<city>{_TOWN})\s+"
    r"(?:man|woman|teen|teenager|boy|girl|home|resident|family|couple|student|native|apartment|neighborhood|house"
    r"|motel|hotel|male|female)\b"
    rf"|\b(?P<city2>{_TOWN})\s+(?:[Pp]olice|officers|authorities|High School|Middle School"
    r"|Metro Police|Fire Department|city council)\b"
)
# a headline's town before who or what, where a headline drops the article: "Helena man, 18, charged",
# "Poplar Bluff teen recovering", "Downtown Austin shooting", "in overnight Savannah shooting", "at Pomona restaurant";
# read only where nothing else names a place ("Detroit man shot dead in Southfield" is in Southfield); a word the
# text also writes in lower case is no town's name there ("Young man shot ... the young man")
HEADLINE_TOWN = re.compile(
    rf"(?:^|\b(?:[Dd]owntown|[Oo]vernight|[Aa]t)\s+)(?P<city>{_TOWN})\s+"
    r"(?i:man|woman|teen|teenager|boy|girl|student|resident|family|couple|mother|father|mom|dad|shooting"
    r"|restaurant)\b"
)
# STREET's endings that no town has: a name the model tags as a place that ends so is a street ("of Reed Avenue"),
# while "Federal Way" or "Squaw Lake" may be towns
_STREET_END = re.compile(r"\b(?:Street|St|Avenue|Ave|Road|Rd|Drive|Boulevard|Blvd|Lane|Ln)\.?$")
_SCHOOL_OF_LONGER_NAME = re.compile(rf"[A-Z][a-z]+\s+{_TOWN}\s+(?:High|Middle)\s+School$")
IN_PLACE = re.compile(rf"\b(?:in|near|outside|of)\s+(?P<city>{_TOWN})\b")
INSTITUTION = re.compile(
    r"\b(?:Road|Highway|Jail|Hospital|University|College|School|Center|Church|Mall|Airport|Station|Interstate"
    r"|Apartments|Office|Department|Court|Inn|Motel|Hotel|Bar|Lounge|Club|Restaurant|Salon|Store|Shop|Market|Prison)\b"
)


# a name the model tags as a place that is a range, an office or the incident itself: "Skip J. Shooting Range",
# "Gallatin County Sheriff", "in LES Shooting"
_NO_PLACE_WORD = re.compile(r"\s(?:Range|Sheriff|Sheriff['\u2019]s|Shootings?)$")
# where such a name opens with a town's or a county's name, that is the place: "the Rupert Gun Range", "Gallatin
# County Sheriff"
_OFFICE_TAIL = re.compile(r"\s+(?:(?:Gun|Shooting|Rifle)\s+Range|Sheriff(?:['\u2019]s)?)$")


DATELINE_WEIGHT = 6  # a dateline names a station's home town as often as the scene


_STREET_AFTER = re.compile(
    r"\s+(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.?|Lane|Ln\.|Way|Place|Pl\.|Court|Ct\.|Parkway"
    r"|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle|Trail)\b"
)
_BLOCK_BEFORE = re.compile(r"\bblock\s+of\s+(?:the\s+)?$", re.I)
# a name joined to a street or a numbered street is a street too: "at 22nd and Grand", "Memorial Drive and
# Broadway", "Broadway and Main Street"
_STREET_WORD = (
    r"(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.?|Lane|Ln\.|Parkway|Pkwy\.?|Highway|Hwy\.?"
    r"|Streets|Avenues|Roads)"
)
_CROSS_BEFORE = re.compile(rf"(?:\b\d+(?:st|nd|rd|th)|\b{_STREET_WORD})(?:\s+(?:and|&)|,)\s+$")
_CROSS_AFTER = re.compile(rf"\s+(?:and|&)\s+(?:\d+(?:st|nd|rd|th)\b|(?:[A-Z][a-z]+\s+){{1,2}}{_STREET_WORD}(?!\w))")
# a business named after its owner: "Wanda's Lounge"
_BUSINESS = r"Lounge|Bar|Grill|Tavern|Pub|Cafe|Restaurant|Liquors?|Market|Store|Motel|Inn|Apartments|Nightclub"
_BUSINESS_NAME = re.compile(rf"\b(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['\u2019]s\s+(?:{_BUSINESS})\b")
# a part of a city named by its direction names the city: "in north Raleigh", "in southwest Atlanta"
# a name owning an institution is the institution's: "Comer's Children's Hospital"
_INSTITUTION_AFTER = re.compile(
    r"['\u2019]s\s+(?:[A-Z][\w'\u2019]*\s+){0,2}(?:Hospital|Medical Center|University|College|School|Church"
    rf"|{_BUSINESS})\b"
)
_CITY_QUARTER = re.compile(
    r"\bin\s+(?:the\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|central"
    rf"|downtown)\s+(?P<city>{_TOWN})\b"
)


_EARLIER_BEFORE = re.compile(r"\b(?:since|previous|earlier|another)\s+(?:[\w-]+\s+){0,2}$")
_YEAR_AFTER = re.compile(r"\s+(?:in\s+(?:19|20)\d\d|last\s+year)\b")
_STREET_NAMED_TOWN = re.compile(r"\s(?:Park|Creek|Lake|River|Way)$")
# the incident's own place: "the shooting which took place on May 14 in Avon Park", "a shooting in Gary"
_SCENE = re.compile(
    r"\b(?:shootings?|killings?|homicides?|slayings?|stabbings?|murders?|incident)\s+"
    r"(?:(?:that|which)\s+(?:occurred|happened|took\s+place)\s+)?(?:(?:on|early|late|last)\s+[^,.;]{0,30}?\s+)?"
    rf"(?:in|near|outside)\s+(?P<city>{_TOWN})\b"
    # "dies in Gary shooting", "in an overnight Savannah shooting"
    rf"|\b(?i:in|near|outside)\s+(?:(?i:an?)\s+)?(?:(?i:overnight|deadly|fatal|double|triple)\s+)?(?P<city2>{_TOWN})\s+"
    r"(?i:shootings?|homicides?|killings?|slayings?|stabbings?|murders?)\b"
    # "an Indianapolis man was fatally shot Tuesday in Gary"
    r"|\b(?:was|were)\s+(?:(?:fatally|critically|seriously)\s+)?(?:shot|wounded|stabbed)(?:\s+and\s+(?:killed|wounded))?"
    r"\s+(?:(?:on|early|late|last|this|overnight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|afternoon|evening"
    rf"|night)\s+){{0,4}}in\s+(?P<city3>{_TOWN})\b"
)


_CITY_OF_PART = re.compile(
    rf"\b(?P<city>{_TOWN})['\u2019]s\s+(?:(?:[A-Z][\w.-]*\s+){{1,3}}(?:neighbou?rhood|[Ss]ide)"
    r"|(?:(?:far|near|north|south|east|west|northeast|northwest|southeast|southwest)\s+)+side)\b"
)
# "in the South Shore neighborhood" names a part of a city; "in a Kansas City neighborhood" names the city
_NEIGHBORHOOD = re.compile(
    r"\b(?:the|[A-Za-z]+['\u2019]s)\s+(?P<part>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+neighbou?rhood\b"
)
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+)+"
# who is a person by the words around the name: "17-year-old Jatarius Tolbert", "Darin Booker, 13,", "Officer Ray Lee"
_PERSON_CUE = re.compile(
    rf"\b[\w]+-(?:year|month)-old\s+(?P<a>{_NAME})\b(?=\s*[,.;:)]|\s+(?:was|is|had|has|and|who|died|were|remains)\b)"
    rf"|(?P<b>{_NAME}),\s+(?:\d{{1,2}}|age\s+\d{{1,2}}),"
    r"|\b(?:Mr|Mrs|Ms|Dr|Sgt|Lt|Capt|Det|Officer|Deputy|Trooper|Judge)\.?\s+(?P<c>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)"
)


def _person_tokens(lines: Lines) -> set[str]:
    """The words of the names the text gives as people's by their age, title or apposition."""
    out: set[str] = set()
    for i in range(len(lines.sentences)):  # not the headline: its words are all capitalised
        for m in _PERSON_CUE.finditer(lines.text(i)):
            out.update((m.group("a") or m.group("b") or m.group("c")).split())
    return out


def _merge_variants(score: Counter[str], strong: set[str], states: dict[str, str]) -> None:
    """One place under one name: "MADISON" is "Madison", "The Benton" is "Benton", "Friday Denver" is "Denver"
    (``place_names.glued_town``), and a last word alone is the whole name the text also gives ("LOUIS" of "ST.
    LOUIS, Mo.", "Falls" of "Granite Falls")."""
    for name in list(score):
        plain = re.sub(
            r"^(?:the|when|after|as|but|and|if|while|then|where|before|since|because|meanwhile|though|although|other"
            r"|two|three|four|several|numerous|both|once|during)\s+",
            "",
            name,
            flags=re.I,
        )  # "When Anadarko police officers arrived"
        plain = plain.title() if plain.isupper() else plain
        if plain != name and is_city_candidate(plain):
            score[plain] += score.pop(name)
            if name in strong:
                strong.add(plain)
            if name in states:
                states.setdefault(plain, states[name])
    glued: set[str] = set()
    for name in list(score):
        town = glued_town(name, score)
        if town is not None:
            score[town] += score.pop(name)
            glued.add(name)
            if name in strong:
                strong.add(town)
            if name in states:
                states.setdefault(town, states[name])
    for name in list(score):
        if " " in name:
            continue
        # (a glued name still counts as a longer one: "Houston" beside "Share Houston" and "west Houston" is no part
        # of "west Houston")
        longer = [c for c in [*score, *glued] if c != name and c.endswith(" " + name)]
        if len(longer) == 1 and longer[0] in score:
            score[longer[0]] += score.pop(name)


# where a victim was taken, not where it happened: "flown to Fargo", "at a Jackson hospital", "taken to
# Memorial Hermann Hospital in Houston"
_DESTINATION_BEFORE = re.compile(
    r"\b(?:flown|taken|transported|airlifted|rushed|driven|transferred)\s+"
    r"(?:(?!after\b|before\b|when\b|following\b|during\b|while\b|where\b)\w+\s+){0,6}?(?:to|in)\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_HOSPITAL_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}(?:hospital|Hospital|Medical Center|medical center)\b"
)


_AUTOPSY_AFTER = re.compile(r"\s+for\s+(?:an\s+)?autopsy\b")  # "The body will be sent to Dallas for an autopsy"
_WIRE = re.compile(r"\([^()]{0,20}\b(?:AP|Reuters|AFP|UPI|Bloomberg|dpa|Xinhua)\b[^()]{0,20}\)")
_HOME_BEFORE = re.compile(r",\s*\d{1,3},\s+of\s+$")
# where a suspect is held or tried, or a victim treated: "turned himself in to authorities at the Highlands County Jail
# in Sebring", "arraigned in 34th District Court in Romulus", "Harborview Medical Center in Seattle"
_VERB_AT = r"(?:\s+[\w.]+){0,3}?\s+(?:in|outside(?:\s+of)?|near)\s+$"  # "captured hours later in "
_CUSTODY_BEFORE = re.compile(
    r"\b[A-Z0-9][\w.'\u2019]*\s+(?:Jail|Detention\s+(?:Center|Facility)|Correctional\s+(?:Center|Facility)|Courthouse"
    r"|(?:District|Circuit|Superior|Municipal|County)\s+Court|Hospital|Medical\s+Center)\s+in\s+$"
    r"|\b(?:hospitals|the\s+hospital)\s+in\s+$"
    rf"|\b(?:captured|apprehended|extradited|(?:was|were)\s+caught(?!\s+on\b)){_VERB_AT}"
)


# an agency's credit line names where its reporter sat: "(Reporting by Curtis Skinner in San Francisco; Editing by"
_CREDIT_BEFORE = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Aa]dditional reporting)\s+by\s+[^;()\n]{1,80}?\s+in\s+$"
)


# where a suspect was arrested: no cue of the scene, and a bare mention at most ("Williams was arrested in Oklahoma
# City on Friday" in a Blytheville shooting; but "Two men were arrested in Dayton after a shooting" may name no other
# town)
_ARRESTED_BEFORE = re.compile(rf"\b(?:was|were)\s+arrested{_VERB_AT}")


def _destination_at(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is where someone was taken (a hospital's town), held (a jail's town) or where an
    agency's reporter wrote from, not the scene."""
    return (
        bool(_DESTINATION_BEFORE.search(text, max(0, start - 80), start))
        or bool(_HOSPITAL_AFTER.match(text, end))
        or bool(_CREDIT_BEFORE.search(text, max(0, start - 120), start))
        or bool(_CUSTODY_BEFORE.search(text, max(0, start - 40), start))
        or bool(_AUTOPSY_AFTER.match(text, end))
    )


# two streets named together, "the corner of Ridge and Stanton streets": the second (``_NAME_AND`` before it,
# ``_CROSS_PLURAL`` after it) and the first (``_PAIR_AFTER`` after it)
_CROSS_PLURAL = re.compile(r"\s+(?:streets|avenues|roads)\b")
_NAME_AND = re.compile(r"\b[A-Z][a-z]+\s+(?:and|&)\s+$")
_PAIR_AFTER = re.compile(r"\s+(?:and|&)\s+[A-Z][a-z]+\s+(?:streets|avenues|roads)\b")
# a place of business or a school named without its owner's "'s": "at Underground nightclub", "the Hillview Village
# apartment complex", "near Barack Obama School", "in front of Big Ben Liquors" (a town's name before these is the
# town's: "a Memphis nightclub"; so is a name after "a": "an Istanbul nightclub", "a Queens bar")
_BUSINESS_AFTER = re.compile(
    r"\s+(?:nightclub|night club|lounge|bar|apartment complex|apartments"
    r"|School|Elementary|Academy|Liquors?|Lounge|Bar|Grill|Tavern|Pub|Cafe|Restaurant|Motel|Hotel|Casino|Nightclub)\b"
)
_BUSINESS_NAMED = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")


def _street_at(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is a street's or a business's: "South Bishop Street", "the 1900 block of Dover",
    "Ridge and Stanton streets", "Underground nightclub"."""
    return (
        bool(_STREET_AFTER.match(text, end))
        or bool(_CROSS_PLURAL.match(text, end) and _NAME_AND.search(text, max(0, start - 40), start))
        or bool(_PAIR_AFTER.match(text, end))
        or bool(
            _BUSINESS_AFTER.match(text, end)
            and _BUSINESS_NAMED.fullmatch(text[start:end].strip())
            and not town_states(text[start:end].strip())
            and not _ARTICLE_BEFORE.search(text, max(0, start - 4), start)  # "an Istanbul nightclub"
        )
        or bool(_BLOCK_BEFORE.search(text, 0, start))
        or bool(_CROSS_BEFORE.search(text, 0, start))
        or bool(_CROSS_AFTER.match(text, end))
        or bool(_INSTITUTION_AFTER.match(text, end))
    )


def _named_states(lines: Lines, states: dict[str, str]) -> set[str]:
    """The US states (postal codes) the article names: beside a town ("Gary, Ind.") or in full ("Indiana")."""
    out = set()
    for given in states.values():
        full = state_name(given)
        if full and full in POSTAL_BY_STATE:
            out.add(POSTAL_BY_STATE[full])
    offset = 0 if lines.title is None else 1
    # a person's surname that is a state's name stays the person's: "Barry Washington, 56" ... "Washington's death"
    surnames = {sp.text.split()[-1] for spans in lines.spans for sp in spans if sp.label == "person" and " " in sp.text}
    for index in range(-1, len(lines.sentences)):
        text = headline_of(lines.title) if index < 0 else lines.text(index)  # not the outlet after the headline
        spans = lines.spans[index + offset] if 0 <= index + offset < len(lines.spans) else ()
        people = [(sp.start, sp.end) for sp in spans if sp.label == "person"]
        for sm in STATE_WORD.finditer(text):
            if (
                _STATE_NOT_STATE.match(text, sm.end())
                or sm.group(0) in surnames
                or any(a <= sm.start() < b for a, b in people)
            ):
                continue  # "Washington County", "Indiana University"
            out.add(POSTAL_BY_STATE[sm.group(0).lower()])
    return out


# a state's name inside another name: a county or street named after it, an institution or a newspaper
_STATE_NOT_STATE = re.compile(
    r"\s+(?:County|Parish|Township|Street|St\.|Avenue|Ave\.|Road|Boulevard|Heights|Park|University|College"
    r"|Post|Times|Hospital|[Nn]eighbou?rhood)\b"
)


def _weigh_towns(score: Counter[str], states: dict[str, str], named: set[str]) -> None:
    """Halve the score of a name that is no town of the states the article names: a neighbourhood, a street, a
    person or a stray capitalised word ("in Chest"), or a town of another state (Spokane in a Montana story)."""
    for name in list(score):
        if name.lower().endswith((" county", " parish")):
            continue
        within = _postal(states.get(name)) or named
        if not (town_states(name) & within):
            score[name] //= 2


def choose_place(lines: Lines, focus: int | None = None) -> str | None:
    """The city (with its state when the text gives it) where the event happened; ``focus``: the sentence
    that tells the casualties."""
    score: Counter[str] = Counter()
    states: dict[str, str] = {}
    strong: set[str] = set()  # named in a dateline or beside a state
    # (the sentence splitter may end a sentence at the state's abbreviation: "EUTAW, Ala." "(AP) Authorities")
    heads = [*lines.sentences[:2], " ".join(lines.sentences[:2])]
    late_dateline = False
    dateline: str | None = None  # the city of a dateline at the top ("NEW ORLEANS --")
    m = next((d for d in (DATELINE.match(t) for t in heads) if d is not None), None)
    if m is None:
        m = next((d for d in (DATELINE_INSIDE.search(t) for t in lines.sentences[:2]) if d is not None), None)
    if m is None:  # "KOTV (CBS/AP)" is a station: without a state, the name must be a town's
        m = next((d for d in (DATELINE_AGENCY.match(t) for t in heads) if d is not None), None)
        m = m if m is not None and (m.group("state") or town_states(m.group("city").strip().title())) else None
    if m is None:
        m = next((d for d in (DATELINE_PARENS.match(t) for t in lines.sentences[:2]) if d is not None), None)
        call_sign = m is not None and re.fullmatch(r"[KW][A-Z]{2,3}", m.group("city").strip())
        m = m if m is not None and not call_sign and town_states(m.group("city").strip().title()) else None
    if m is None:  # a town's name alone on the line above the text: "CAMPBELL"
        m = next((d for d in (DATELINE_ALONE.match(t) for t in lines.sentences[:2]) if d is not None), None)
        m = m if m is not None and town_states(m.group("city")) else None
    if m is None:  # a town's dateline in capitals after up to four lines of page debris ("Having trouble viewing the
        # video?" ... "SALT LAKE CITY —"; not a heading: "UPDATE —", "VIDEO —")
        later = (DATELINE.match(t) for t in lines.sentences[2:5])
        m = next(
            (
                d
                for d in later
                if d is not None and d.group("city").strip().isupper() and town_states(d.group("city").strip().title())
            ),
            None,
        )
        late_dateline = m is not None
    if (
        m
        and (is_city_candidate(m.group("city")) or m.group("city").strip().lower() in _STATE_CITIES)
        and (m.group("city").isupper() or m.group("state"))
    ):
        city = m.group("city").strip().title()
        score[city] += DATELINE_WEIGHT  # a station's home town as often as the scene
        dateline = city
        if not late_dateline:
            strong.add(city)
        if m.group("state"):
            states[city] = m.group("state")
    headline = headline_of(lines.title)
    texts = [(i, headline if i < 0 else lines.text(i)) for i in range(-1, len(lines.sentences))]
    for i, text in texts:
        for cm in CITY_STATE.finditer(text):
            city = cm.group("city")
            if is_city_candidate(city):
                score[city] += 3 if i < LEDE_SENTENCES else 1
                states.setdefault(city, cm.group("state"))
                strong.add(city)
    offset = 0 if lines.title is None else 1
    people = {
        tok
        for spans in lines.spans
        for sp in spans
        if sp.label == "person"
        for tok in (sp.text.strip(), sp.text.strip().split(" ")[-1])
    }
    named_places = {sp.text.strip() for spans in lines.spans for sp in spans if sp.label == "place"}
    named_states = _named_states(lines, states)
    # a town of the article's state the model took for a person's name: "of Traer" in an Iowa story
    # (with no state named, a US town of any state: "a drive-by shooting in Galt", Galt tagged as a person)
    local_towns = {
        name for name in people if town_states(name) & named_states or (not named_states and town_states(name))
    }
    for i, text in texts:
        for pm in PLACE_BEFORE_NOUN.finditer(text):
            city = pm.group("city") or pm.group("city2")
            if text[: pm.start()].endswith("-"):
                continue  # a part of a joined name: "Savannah-Chatham police", "Winston-Salem police"
            if pm.group("city2") and _SCHOOL_OF_LONGER_NAME.search(text, 0, pm.end()):
                continue  # "National Collegiate Preparatory Public Charter High School"
            if is_city_candidate(city):
                score[city] += 3 if i < LEDE_SENTENCES else 2
                if (
                    pm.group("city2")
                    and re.match(r"\s+(?:[Pp]olice|officers)", text[pm.end("city2") :])
                    and not text[: pm.start("city2")].endswith("-")  # "Miami-Dade police", "Savannah-Chatham"
                    and not re.search(r"\b(?:County|Parish|Southern|Northern|Eastern|Western|State)$", city)
                ):
                    score[city] += 2  # the city's own police answered the call
        for im in IN_PLACE.finditer(text):
            city = im.group("city")
            if (
                _street_at(text, im.start("city"), im.end("city"))
                or _destination_at(text, im.start("city"), im.end("city"))
                or _ARRESTED_BEFORE.search(text, max(0, im.start("city") - 40), im.start("city"))
            ):
                continue
            if (city in named_places and not _STREET_END.search(city)) or (
                i < LEDE_SENTENCES and is_city_candidate(city) and (city not in people or city in local_towns)
            ):
                score[city] += 1 + (2 if i == focus else 0)  # "a shooting in Gary"
        for sm in _SCENE.finditer(text):  # under a dateline, its city holds the parts of it the text names
            group = sm.lastgroup or "city"
            city = sm.group(group)
            known = town_states(city)
            near = km_apart(city, dateline) if dateline is not None and city != dateline else None
            if dateline is not None and (near is None or near >= NEIGHBOUR_KM):
                continue  # under a dateline, only a town beside its city: a name far off may be the city's part
            if not (
                known
                and (
                    is_city_candidate(city)
                    or (_STREET_NAMED_TOWN.search(city) and (known & named_states or not named_states))
                )
            ):
                continue  # a town's name, though it ends as a street's may: "the shooting ... in Avon Park"
            if _EARLIER_BEFORE.search(text, max(0, sm.start() - 30), sm.start()) or _YEAR_AFTER.match(text, sm.end()):
                continue  # "since the shooting in Newtown in 2012": another incident
            if not _street_at(text, sm.start(group), sm.end(group)):
                score[city] += 3 if i < LEDE_SENTENCES else 2  # "the shooting which took place on May 14 in Avon Park"
        for qm in _CITY_QUARTER.finditer(text):
            if is_city_candidate(qm.group("city")) and not _street_at(text, qm.start("city"), qm.end("city")):
                score[qm.group("city")] += 3 if i < LEDE_SENTENCES else 2
    for i, spans in enumerate(lines.spans):
        index = i - offset
        text = lines.text(index)
        for sp in spans:
            if index < 0 and sp.end > len(headline):
                continue  # the outlet's name after the headline
            name = sp.text.strip()
            joined = re.match(r"-[A-Z][a-z]+\b", text[sp.end :]) if sp.label == "place" else None
            if joined and (town_states(name + joined.group()) or town_states(f"{name} {joined.group()[1:]}")):
                name += joined.group()  # the model's "Winston" of "Winston-Salem police said"
            if sp.label == "place" and (tail := _OFFICE_TAIL.search(bare := re.sub(r"^the\s+", "", name, flags=re.I))):
                opening = bare[: tail.start()]  # "the Rupert Gun Range" → Rupert
                name = opening if town_states(opening) or opening.endswith(" County") else name
            if sp.label == "org":
                om = re.match(
                    r"^(?:the\s+)?(.+?)\s+(?:Metropolitan\s+)?(?:Police|Fire|Sheriff|High School|Middle School|Metro)",
                    name,
                )
                if om and is_city_candidate(om.group(1)):
                    score[om.group(1)] += 1
                continue
            if sp.label != "place" or not is_city_candidate(name) or name in people:
                continue
            name = re.sub(r"^the\s+", "", name, flags=re.I)
            if (
                not is_city_candidate(name)
                or _street_at(text, sp.start, sp.end)
                or _destination_at(text, sp.start, sp.end)
            ):
                continue
            gain = 1.0 + (1.5 if index < LEDE_SENTENCES else 0.0)
            if re.search(r"\b(?:in|near|outside)\s+(?:the\s+)?$", text[: sp.start]):
                gain += 1
            elif _HOME_BEFORE.search(text, max(0, sp.start - 12), sp.start):
                gain = 1.0  # where someone lives, not the scene: "Jackson, 17, of Sebring"
            if _ARRESTED_BEFORE.search(text, max(0, sp.start - 40), sp.start):
                gain = 0.5  # where a suspect was arrested: "was arrested in Oklahoma City on Friday"
            score[name] += round(gain * 2)
    if not score:  # only the headline names the town, before who or what: "Helena man, 18, charged"
        words = f"{headline}\n" + "\n".join(lines.sentences)
        for hm in HEADLINE_TOWN.finditer(headline):
            city = hm.group("city")
            lower = re.search(rf"\b{re.escape(city.lower())}\b", words)  # "a young man": no town's name
            if is_city_candidate(city) and town_states(city) and city not in people and not lower:
                score[city] += 3
    if not score:
        return None
    for i, text in texts:
        for pm in _CITY_OF_PART.finditer(text):  # "Chicago's South Side", "Philadelphia's Kensington neighborhood"
            if is_city_candidate(pm.group("city")):
                score[pm.group("city")] += 3 if i < LEDE_SENTENCES else 2
        for nm in _NEIGHBORHOOD.finditer(text):
            if nm.group("part") in score:
                score[nm.group("part")] //= 3  # a part of a city is named with the city's name somewhere
    _merge_variants(score, strong, states)
    body = "\n".join(lines.sentences)
    if dateline is not None and dateline in score and _bureau(dateline, headline, body, score):
        score[dateline] = 1  # "MADISON, Wis. -" over "Mom involved in Montfort shooting has died"
    told = {name for name in score if name in body or name.upper() in body or name.split()[-1] in body}
    if told:  # a name only the headline gives, in title case ("Girl, 9, in Chest"), when the body names places;
        # not a town of the state the text names ("... loaded gun in Lemoore" over "visiting from Southern California")
        kept = {n for n in score if town_states(n) & named_states and re.search(rf"\b{re.escape(n)}\b", headline)}
        for name in set(score) - told - kept:  # (as the headline writes it: not "NYC")
            del score[name]
    words = f"{headline}\n{body}"
    common = {
        name
        for name in score
        if name not in strong and not town_states(name) and re.search(rf"\b{re.escape(name.lower())}\b", words)
    }  # "Chest", "Apparent Murder", "Shooting": words the text also writes in lower case ("in the chest", "an
    # apparent murder-suicide"), as one phrase ("West Bank" stays beside "west of the city, near a bank")
    for name in common:
        del score[name]
    if common and not score:  # "The Navarro County Sheriff's Department says ... an apparent murder-suicide"
        return only_county_named(words)
    named_people = _person_tokens(lines)
    for name in list(score):
        toks = name.replace("'s", "").split()
        if name not in strong and any(t in named_people for t in toks):
            del score[name]  # "Darin Booker, 13, died": a person named like a place
    businesses = {bm.group("name") for bm in _BUSINESS_NAME.finditer(f"{headline}\n{body}")}
    for name in list(score):
        if name in businesses and name not in strong:
            del score[name]  # "in front of Wanda's Lounge" ... "outside Wanda's": the bar, not a town
    if not score:
        return None
    if named_states:  # a US story: its places are towns of the states it names
        _weigh_towns(score, states, named_states)
    for name in list(score):
        if name.lower().endswith(" county"):
            score[name] //= 2  # a county is named when no town is
    city = max(score, key=lambda c: (score[c], -len(c)))
    county = city if city.lower().endswith((" county", " parish")) else None
    if county is None and re.search(rf"\b{re.escape(city)} (?:County|Parish)\b", body):
        county = f"{city} County"  # "Santa Cruz" of "Santa Cruz County Sheriff's deputies": its towns first
    if county is not None:  # the town the text names inside that county
        # a town's proper name ("a north county neighborhood" names none)
        towns = [
            t
            for t in score
            if score[t] > 0
            and t != city
            and t[:1].isupper()
            and not t.lower().endswith((" county", " parish"))  # "North County" of St. Louis County: a region
            and town_in_county(t, county)
        ]
        if towns:
            city = max(towns, key=lambda c: (score[c], -len(c)))
    if (
        _DC.search(city)
        or (city.lower() in (*_COMPASS, "district") and _DC.search(f"{headline}\n{body}"))  # "in the District"
        or (city == "Washington" and not states.get(city) and city in strong)
    ):  # "WASHINGTON (AP) —" is the capital's dateline
        return "Washington, D.C."  # "Southeast D.C.", "Northwest DC", "a D.C. nightclub": the city is Washington
    outer = outer_city(city, score, strong, named_states, [headline, *lines.sentences])
    wire = _WIRE.search(" ".join(lines.sentences[:2])[:200])  # a bureau's dateline: "MOSCOW (Reuters) -"
    if outer is None and dateline is not None and not wire:  # "NEW ORLEANS -- Six people were shot ... in Central City"
        where = _postal(states.get(dateline)) or town_states(dateline)
        own = _postal(states.get(city))  # "South Memphis, Tenn." under "WASHINGTON —"
        if not own or own & where:
            outer = dateline_outer(city, dateline, where & named_states or where, f"{headline}\n{body}")
    state = states.get(city) or (states.get(outer) if outer else None)
    city = re.sub(r"^Mt\.?(?= )", "Mount", re.sub(r"^Ft\.?(?= )", "Fort", city))  # as the towns spell them
    city = re.sub(r"(?<=[a-z]) Co\.$", " County", city)  # "WILLIAMSON CO., Ill. --" is Williamson County
    if outer:
        city = f"{city}, {outer}"
    elif not city.endswith((" County", " Parish")):  # "Knightstown, Henry County": the town in the county named
        where = _postal(state) or named_states
        within = county_of(city, where or _one(town_states(city)), f"{headline}\n{body}")
        if within is None and (not town_states(city) or city.endswith(" Township")):
            within = only_county_named(f"{headline}\n{body}")  # "Tangelo Park" beside "Orange County Sheriff's Office"
        city = f"{city}, {within}" if within else city
    if state:
        full = state_name(state)
        if (full or "").lower() == "district of columbia":  # "Anacostia, D.C.": a part of Washington
            return "Washington, D.C." if city.lower() in ("washington", *_COMPASS) else f"{city}, Washington, D.C."
        return f"{city}, {full.title() if full else state}"
    return city


# a headline's town before a person names where someone lives, not the scene: "Evanston teen killed in shooting"
_HOMETOWN_OF = rf"(?:{PERSON}|{PEOPLE}|residents?|natives?|family|families|couple)\b"


def _bureau(dateline: str, headline: str, body: str, score: Counter[str]) -> bool:
    """Whether a dateline names the newsroom rather than the scene: the text names its city nowhere else, and the
    headline names a town the text also weighs ("MADISON, Wis. -" over "Mom involved in Montfort shooting has
    died"; not "Knox County" under "KNOXVILLE", a business, "Cabela's parking lot", nor a home town, "Evanston teen
    killed in shooting" under "CHICAGO —")."""
    if len(re.findall(rf"\b{re.escape(dateline)}\b", f"{headline}\n{body}", re.I)) > 1:
        return False
    return any(
        c != dateline
        and score[c] > 0
        and town_states(c)
        and is_city_candidate(c)  # not a state's name: "in Tennessee hunting trip"
        and re.search(rf"\b{re.escape(c)}\b(?!['\u2019]s)(?!\s+{_HOMETOWN_OF})", headline, re.I)
        for c in score
    )


def _postal(state: str | None) -> set[str]:
    """The postal code of a state as the text writes it ("Tenn.", "Ohio" → {"TN"}, {"OH"}); empty where none."""
    given = state_name(state) if state else None
    return {POSTAL_BY_STATE[given]} if given in POSTAL_BY_STATE else set()


def _one(states: set[str]) -> set[str]:
    return states if len(states) == 1 else set()


_DC = re.compile(r"(?<![\w.])(?:D\.\s?C\.|DC)(?![\w])|\bDistrict of Columbia\b")
_STATE_CITIES = {"washington", "new york"}  # datelines that name a city called as its state: "WASHINGTON (AP) —"
_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
