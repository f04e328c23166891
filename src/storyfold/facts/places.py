"""Telling cities from states and countries, and reading datelines ("GARY, Ind. —")."""

from __future__ import annotations

import re

STATES = {
    "alabama": "Ala.", "alaska": "Alaska", "arizona": "Ariz.", "arkansas": "Ark.", "california": "Calif.",
    "colorado": "Colo.", "connecticut": "Conn.", "delaware": "Del.", "florida": "Fla.", "georgia": "Ga.",
    "hawaii": "Hawaii", "idaho": "Idaho", "illinois": "Ill.", "indiana": "Ind.", "iowa": "Iowa", "kansas": "Kan.",
    "kentucky": "Ky.", "louisiana": "La.", "maine": "Maine", "maryland": "Md.", "massachusetts": "Mass.",
    "michigan": "Mich.", "minnesota": "Minn.", "mississippi": "Miss.", "missouri": "Mo.", "montana": "Mont.",
    "nebraska": "Neb.", "nevada": "Nev.", "new hampshire": "N.H.", "new jersey": "N.J.", "new mexico": "N.M.",
    "new york": "N.Y.", "north carolina": "N.C.", "north dakota": "N.D.", "ohio": "Ohio", "oklahoma": "Okla.",
    "oregon": "Ore.", "pennsylvania": "Pa.", "rhode island": "R.I.", "south carolina": "S.C.",
    "south dakota": "S.D.", "tennessee": "Tenn.", "texas": "Texas", "utah": "Utah", "vermont": "Vt.",
    "virginia": "Va.", "washington": "Wash.", "west virginia": "W.Va.", "wisconsin": "Wis.", "wyoming": "Wyo.",
    "district of columbia": "D.C.",
}  # fmt: skip
_POSTAL = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
]
# AP abbreviations and postal codes → the state's name
STATE_BY_ABBREV: dict[str, str] = {}
for _name, _ap in STATES.items():
    STATE_BY_ABBREV[_ap.lower()] = _name
    STATE_BY_ABBREV[_ap.lower().rstrip(".")] = _name
STATE_BY_ABBREV.update({"calif": "california", "penn": "pennsylvania", "mass": "massachusetts", "wash": "washington"})
_POSTAL_NAMES = dict(
    zip(
        _POSTAL,
        [
            "alabama",
            "alaska",
            "arizona",
            "arkansas",
            "california",
            "colorado",
            "connecticut",
            "delaware",
            "florida",
            "georgia",
            "hawaii",
            "idaho",
            "illinois",
            "indiana",
            "iowa",
            "kansas",
            "kentucky",
            "louisiana",
            "maine",
            "maryland",
            "massachusetts",
            "michigan",
            "minnesota",
            "mississippi",
            "missouri",
            "montana",
            "nebraska",
            "nevada",
            "new_hampshire",
            "new_jersey",
            "new_mexico",
            "new_york",
            "north_carolina",
            "north_dakota",
            "ohio",
            "oklahoma",
            "oregon",
            "pennsylvania",
            "rhode_island",
            "south_carolina",
            "south_dakota",
            "tennessee",
            "texas",
            "utah",
            "vermont",
            "virginia",
            "washington",
            "west_virginia",
            "wisconsin",
            "wyoming",
            "district_of_columbia",
        ],
        strict=True,
    )
)
NOT_CITIES = {
    "us", "u.s.", "usa", "u.s.a.", "united states", "america", "united states of america", "uk", "u.k.", "britain",
    "great britain", "england", "canada", "mexico", "china", "russia", "india", "iraq", "iran", "syria",
    "afghanistan", "israel", "france", "germany", "japan", "europe", "africa", "asia", "earth", "the united states",
    "nation", "state", "city", "county", "the", "university", "town", "village", "downtown", "uptown", "midtown",
    "metro", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "mexican", "american", "african", "hispanic", "latino", "asian", "white", "black", "caucasian", "canadian",
    # words that open a sentence before "officers", "police": "When officers arrived"
    "when", "after", "while", "then", "but", "and", "if", "where", "before", "since", "because", "meanwhile", "as",
    "once", "though", "although", "during", "both", "other", "two", "three", "four", "several", "numerous", "city of",
}  # fmt: skip

_STATE_ALT = "|".join(
    sorted(
        [re.escape(n.title()) for n in STATES]
        + [re.escape(a) for a in STATES.values() if a.endswith(".")]
        + [re.escape(c) for c in _POSTAL],
        key=len,
        reverse=True,
    )
)
CITY_STATE = re.compile(
    rf"\b(?P<city>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|St\.)){{0,2}}),\s+(?P<state>{_STATE_ALT})(?![a-z])"
)
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\- ]{1,30}?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    rf"(?:,\s*(?P<state>{_STATE_ALT}))?\s*(?:\([A-Za-z. ]{{2,20}}\)\s*)?(?:—|–|--| - )"
)


def state_name(text: str) -> str | None:
    """The state a name or abbreviation stands for ("Ind." → "indiana"), else None."""
    t = text.strip().lower()
    if t in STATES:
        return t
    if t in STATE_BY_ABBREV:
        return STATE_BY_ABBREV[t]
    up = text.strip().upper()
    if up in _POSTAL_NAMES and text.strip().isupper():
        return _POSTAL_NAMES[up].replace("_", " ")
    return None


def is_city_candidate(name: str) -> bool:
    low = name.strip().lower()
    return (
        bool(low)
        and low not in NOT_CITIES
        and state_name(name) is None
        and not low.endswith((" state", " states", " department", " side"))  # "the South Side"
        and not STREET.search(name)
        and not INSTITUTION.search(name)
        and len(low) > 2
    )


# a dateline after a byline or stamp on the same line: "Posted 3:57 AM ... YONKERS, N.Y. (PIX11) —"
DATELINE_INSIDE = re.compile(
    rf"(?<![A-Za-z])(?P<city>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){{0,2}})(?:,\s*(?P<state>{_STATE_ALT}))?\s*"
    r"(?:\([A-Za-z0-9. ]{2,20}\)\s*)?(?:—|–|--| - )"
)
STREET = re.compile(
    r"\b(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Parkway|Pkwy|Boulevard|Blvd|Lane|Ln|Highway|Hwy|Bridge|River|Park"
    r"|Court|Ct|Way|Circle|Trail|Creek|Lake|Mall|Interstate|Route|Co)\.?$"
)
# a place named as where someone lives or what an institution serves: "a Glen Flora man", "Medina High School"
PLACE_BEFORE_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+-year-old\s+)?(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+"
    r"(?:man|woman|teen|teenager|boy|girl|home|resident|family|couple|student|native|apartment|neighborhood|house"
    r"|motel|hotel|male|female)\b"
    r"|\b(?P<city2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:[Pp]olice|officers|authorities|High School|Middle School"
    r"|Metro Police|Fire Department|city council)\b"
)
IN_PLACE = re.compile(r"\b(?:in|near|outside|of)\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
INSTITUTION = re.compile(
    r"\b(?:Road|Highway|Jail|Hospital|University|College|School|Center|Church|Mall|Airport|Station|Interstate"
    r"|Apartments|Office|Department|Court|Inn|Motel|Hotel|Bar|Lounge|Club|Restaurant|Salon|Store|Shop|Market)\b"
)
