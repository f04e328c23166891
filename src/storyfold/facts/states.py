"""The states of the United States by name, abbreviation and postal code (``state_name``), a city beside its state
("Gary, Ind.": ``CITY_STATE``), and the datelines that open a report ("GARY, Ind. —", "EUTAW, Ala. (AP)",
"(CAMPBELLSBURG) -", a town alone on its line, a dateline after a byline). ``places.choose_place`` reads them."""

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
    rf"\b(?P<city>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|St\.)){{0,2}}),\s+(?P<state>{_STATE_ALT})(?![A-Za-z])"
)
# a dateline's state also without the abbreviation's period ("MEMPHIS, Tenn --"), and its dash also right after
# the state ("BAY MINETTE, AL- A hunting trip")
_UNDOTTED = sorted({re.escape(a.rstrip(".")) for a in STATES.values() if a.endswith(".") and "." not in a[:-1]})
_STATE_DATELINE_ALT = "|".join([_STATE_ALT, *_UNDOTTED])
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\- ]{1,30}?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    rf"(?:,\s*(?P<state>{_STATE_DATELINE_ALT})(?![a-z]))?\s*(?:\([A-Za-z0-9.,/ ]{{2,20}}\)\s*)?"
    r"(?:—|–|--| - |(?(state)(?<=[A-Za-z.])-\s|(?!)))"  # "AL- A", never "UPDATE- Police say"
)


# an agency's dateline without a dash: "EUTAW, Ala. (AP) Authorities say", "PHILADELPHIA (WTXF) A man ..."
DATELINE_AGENCY = re.compile(
    rf"^\s*(?P<city>[A-Z][A-Z.'\- ]{{1,30}}?)(?:,\s*(?P<state>{_STATE_ALT}))?\s*\([A-Za-z0-9./ ]{{2,20}}\)\s+(?=[A-Z])"
)
# a town in parentheses before the dash: "(CAMPBELLSBURG) - Washington County police" (the empty state group gives it
# DATELINE's groups; a station's call sign, "(WMC) -", is no town)
DATELINE_PARENS = re.compile(r"^\s*\((?P<city>[A-Z][A-Z.'\- ]{2,30})\)(?P<state>)\s*(?:—|–|-)")
# a town's name alone on its line ("CAMPBELL"); the empty state group gives it DATELINE's groups
DATELINE_ALONE = re.compile(r"^\s*(?P<city>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2})(?P<state>)\s*$")


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


POSTAL_BY_STATE = {name.replace("_", " "): code for code, name in _POSTAL_NAMES.items()}
STATE_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(n.title()) for n in sorted(STATES, key=len, reverse=True)) + r")\b"
)


# a dateline after a byline or stamp on the same line: "Posted 3:57 AM ... YONKERS, N.Y. (PIX11) —"
DATELINE_INSIDE = re.compile(
    rf"(?<![A-Za-z])(?P<city>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){{0,2}})(?:,\s*(?P<state>{_STATE_ALT}))?\s*"
    r"(?:\([A-Za-z0-9.,/ ]{2,20}\)\s*)?(?:—|–|--| - )"
)
