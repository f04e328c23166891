"""What contains the place an article's event happened in, where the text ties them: the city a part of a city
lies in ("Madisonville, Cincinnati") and the county a town lies in ("Knightstown, Henry County"), checked against
the gazetteer (states, counties and distances of the post's towns). ``choose_place`` adds them to its place."""

from __future__ import annotations

import re
from collections import Counter

from storyfold.facts.gazetteer import km_apart, only_county, shares_county, town_states

# a name the text gives as a part of a city: "the Madisonville neighborhood", "the Bridgeport section"
_PART_WORDS = r"(?:neighbou?rhood|section|community area)"


def outer_city(city: str, score: Counter[str], strong: set[str], named: set[str], texts: list[str]) -> str | None:
    """The city the chosen place is a part of, where a sentence ties them: "Cincinnati police officers investigate
    the scene ... in Madisonville", "in the West Side Austin neighborhood, according to Chicago Police", or
    "Cincinnati's Madisonville" (the city's police anywhere in the text, for a name that is no town near the city
    or that the text calls a neighbourhood). The outer city is a town of the states the article names (of any
    state where it names none). Unless the text calls it a neighbourhood, the place is no town of the outer city's
    state (Little Rock stays itself beside "Benton police" on another shooting) and no town within 40 km of it
    (Southaven by Memphis, across a state line); it is never a town of the outer city's county (Penn Hills beside
    Pittsburgh), a county, a township, a name given with its own state ("Madisonville, Ky.") or a town with its
    own police."""
    text = "\n".join(texts)
    if city in strong or re.search(r"\b(?:County|Parish|Township|Borough)$", city) or _police_of(city, text):
        return None  # a city with its own police: "San Francisco police" (and "the Bayview Police Station")
    part = _called_part(city, text)
    own = town_states(city)
    at = re.compile(rf"\b{re.escape(city)}\b")
    beside = [t for t in texts if at.search(t)]
    for c in sorted(score, key=lambda c: (-score[c], len(c))):
        states = town_states(c) & named if named else town_states(c)
        if (
            score[c] <= 0
            or c == city
            or c in city
            or city in c
            or c.lower().endswith((" county", " parish"))
            or not states
            or (own & states and not part)
            or shares_county(city, c)
            or _called_part(c, text)
        ):
            continue
        near = km_apart(city, c)
        if near is not None and near < NEIGHBOUR_KM and not part:
            continue  # a town beside the city, across a state line: "Southaven" by Memphis, "Vancouver" by Portland
        # the city's police at the place, in one sentence; or anywhere, for a name that is no town near the city
        # (none at all, "Harbor Gateway"; only far away, Madisonville, Kentucky, for Cincinnati's) or that the text
        # calls a neighbourhood ("the Austin neighborhood")
        police = any(_police_of(c, t) for t in beside) or (
            (part or near is None or near >= NEIGHBOUR_KM) and _police_of(c, text)
        )
        owner = re.search(rf"\b{re.escape(c)}['\u2019]s[ ]+(?:[A-Z][\w.-]*[ ]+){{0,3}}{re.escape(city)}\b", text)
        if police or owner:
            return c
    return None


def dateline_outer(city: str, dateline: str, states: set[str], text: str) -> str | None:
    """The dateline's city for a chosen place that can only be a part of it: "NEW ORLEANS -- Six people were shot
    Sunday night in Central City" → New Orleans; "CHICAGO — A shooting in Austin". The place is no town of the
    dateline city's ``states`` (Dayton under a "COLUMBUS, Ohio" dateline is a town of its own) and no town within
    40 km of it, across a state line too; no county, township or borough, and no place with its own police. A town
    of another state is a part only where every town of its name lies 300 km or more away (Westport, Missouri, for
    Kansas City's; not Kenosha, Wisconsin, under a "CHICAGO —" dateline)."""
    if (
        city == dateline
        or city in dateline
        or dateline in city
        or re.search(r"\b(?:County|Parish|Township|Borough)$", city)
        or not states
        or town_states(city) & states
        or _police_of(city, text)
    ):
        return None
    near = km_apart(city, dateline)
    if town_states(city):
        return dateline if near is not None and near >= _FAR_KM else None
    return dateline if near is None or near >= NEIGHBOUR_KM else None


_FAR_KM = 300.0  # a town of another state this far off, named under a city's dateline, is more likely the city's part


_COUNTY = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[ ](?P<kind>County|Parish|Co\.)(?![a-z])")


def _county_name(m: re.Match[str], name: str) -> str:
    """The county's name as the text gives it, "Co." written out: "Henry Co." → "Henry County"."""
    return f"{name} {'County' if m.group('kind') == 'Co.' else m.group('kind')}"


# a word that opens a sentence before a county's name ("When Orange County deputies arrived")
_OPENING_WORD = re.compile(r"^(?:The|An?|When|Later|Then|After|Before|In|At|On|Also|But|And|If|While|As) ")
# the county's own authorities, who answer where it happened; not "a Delaware County resident", "jail in Orange County"
_AUTHORITY_AFTER = re.compile(
    r"(?:['\u2019]s)?[ ]+(?:[Ss]heriff|[Dd]eputies|[Dd]eputy|Medical Examiner|Coroner|[Aa]uthorities|[Oo]fficials"
    r"|[Pp]olice|[Pp]rosecutor|District Attorney|dispatch|Dispatch)"
)


def only_county_named(text: str) -> str | None:
    """The one county whose authorities the text names ("the Orange County Sheriff's Office", "Pike County
    deputies"); None where it names none or several.
    A longer name's end is none ("Miami-Dade County", "East Baton Rouge Parish", "St. John the Baptist Parish")."""
    named = {
        ("St. " if text[max(0, m.start() - 4) : m.start()] == "St. " else "")  # "St. John Parish"
        + _county_name(m, _OPENING_WORD.sub("", m.group("name")))
        for m in _COUNTY.finditer(text)
        if not re.search(r"(?:-|\b[A-Z][a-z]*[ ](?:the[ ])?)$", text[max(0, m.start() - 20) : m.start()])
        and _AUTHORITY_AFTER.match(text, m.end())
    }
    named.discard("County")  # "The County Sheriff"
    return next(iter(named)) if len(named) == 1 else None


def county_of(town: str, states: set[str], text: str) -> str | None:
    """The county the text names ("Henry County", "Henry Co.") that is the town's only county in the article's
    states (the town's state where it gives one; the states it names; the one state with a town of that name, or
    with a town of that name in a county the text names)."""
    named = {_county_name(m, m.group("name")) for m in _COUNTY.finditer(text)}
    if not states:  # a town of several states ("Mooresville": North Carolina, Indiana): the one whose county is named
        lowered = {c.lower() for c in named}
        found = {state for state in town_states(town) if only_county(town, {state}) in lowered}
        states = found if len(found) == 1 else states
    county = only_county(town, states)
    if county is None:
        return None
    return next((c for c in named if c.lower() == county), None)


NEIGHBOUR_KM = 40.0  # a town of the same name this near the city is a town beside it, not a part of it


def _police_of(name: str, text: str) -> bool:
    """The text names the town's own police at work: "Cincinnati police said", "Chicago Police Department" (not a
    station of a city's police named after its district, "the Bayview Police Station", nor a person's job, "a former
    Chicago police officer", nor the police who made an arrest elsewhere, "arrested by Portland police")."""
    pattern = (
        rf"(?<!former )(?<!retired )(?<!off-duty )\b{re.escape(name)}(?:['\u2019]s)?[ ]+"
        r"(?:[Pp]olice|officers)\b(?![ ]+(?:[Ss]tation|[Dd]istrict|officer\b))"
    )
    return any(not _ARREST_BEFORE.search(text, max(0, m.start() - 40), m.start()) for m in re.finditer(pattern, text))


_ARREST_BEFORE = re.compile(r"\b(?:arrested|apprehended|caught|captured|custody|detained|extradited)\b[^.;]*$")


def _called_part(name: str, text: str) -> bool:
    """The text calls the name a part of a city: "the Gresham neighborhood", "Chicago's Austin neighborhood"."""
    return bool(
        re.search(
            rf"\b(?:the|[A-Z][a-z]+['\u2019]s)[ ]+(?:[A-Z][\w.-]*[ ]+){{0,3}}?{re.escape(name)}[ ]+{_PART_WORDS}\b",
            text,
        )
    )
