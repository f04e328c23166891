"""Which names are towns of the United States, in which state and county, and where: the postal place names of
the ``zipcodes`` package (every US ZIP code with its city, the other names the post accepts, its county, state
and coordinates; bundled in the package, nothing downloaded).

``choose_place`` uses it to tell a town from a street, a person or a stray capitalised word ("in Chest"), a
town of the article's state from one elsewhere, and the town inside a county the article also names
("Traer" in "Tama County"); ``facts.within`` to tell a part of a city from a town beside it (by distance) and
to give a town its county."""

from __future__ import annotations

import functools

import numpy as np


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[tuple[str, str]]], dict[str, tuple[tuple[float, float], ...]]]:
    """One pass over the post's table: lower-cased town name → {(state, county)} (the state by its postal code,
    "IA", the county lower-cased), and name → the (latitude, longitude) of each of its ZIP codes."""
    import zipcodes  # imported here: loading its table takes a few hundred milliseconds

    places: dict[str, set[tuple[str, str]]] = {}
    points: dict[str, set[tuple[float, float]]] = {}
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        state = str(row.get("state") or "")
        county = str(row.get("county") or "").lower()
        try:
            point: tuple[float, float] | None = (float(row.get("lat") or ""), float(row.get("long") or ""))
        except ValueError:
            point = None
        for name in [row.get("city"), *(row.get("acceptable_cities") or [])]:
            if name:
                key = str(name).lower()
                places.setdefault(key, set()).add((state, county))
                if point is not None:
                    points.setdefault(key, set()).add(point)
    return (
        {name: frozenset(found) for name, found in places.items()},
        {name: tuple(found) for name, found in points.items()},
    )


def _towns() -> dict[str, frozenset[tuple[str, str]]]:
    return _table()[0]


def _points() -> dict[str, tuple[tuple[float, float], ...]]:
    return _table()[1]


_SHORT = {"st": "saint", "mt": "mount", "ft": "fort"}


def _key(name: str) -> str:
    """The name as the post spells it, lower-cased: the saint, mount or fort also abbreviated ("St. Augustine" is
    "saint augustine")."""
    key = " ".join(name.replace(".", " ").lower().split())
    first, _, rest = key.partition(" ")
    return f"{_SHORT[first]} {rest}" if first in _SHORT and rest else key


def _places(name: str) -> frozenset[tuple[str, str]]:
    """The (state, county) pairs of the towns so named."""
    return _towns().get(_key(name), frozenset())


def km_apart(town: str, other: str) -> float | None:
    """The least distance in kilometres between a town of one name and a town of the other (any states); None
    where either name is no town. "Southaven" and "Memphis": a few kilometres, across a state line."""
    return _km_apart(_key(town), _key(other))


@functools.lru_cache(maxsize=65536)
def _km_apart(town: str, other: str) -> float | None:
    a, b = _points().get(town), _points().get(other)
    if not a or not b:
        return None
    p, q = np.radians(np.array(a)), np.radians(np.array(b))  # haversine over every pair of post offices
    dlat = q[None, :, 0] - p[:, None, 0]
    dlon = q[None, :, 1] - p[:, None, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(p[:, None, 0]) * np.cos(q[None, :, 0]) * np.sin(dlon / 2) ** 2
    return float(12742.0 * np.arcsin(np.sqrt(np.clip(h.min(), 0.0, 1.0))))


def town_states(name: str) -> set[str]:
    """The states (postal codes) with a town of this name ("Katy" → {"TX"}); empty when no US town is so called."""
    return {state for state, _ in _places(name)}


def town_in_county(town: str, county: str) -> bool:
    """Whether a town of this name lies in a county of that name ("Traer", "Tama County")."""
    county = county.strip().lower()
    return any(c == county for _, c in _places(town))


def shares_county(town: str, other: str) -> bool:
    """Whether a town of one name and a town of the other lie in one county of one state ("Penn Hills" and
    "Pittsburgh": two towns of Allegheny County, Pennsylvania)."""
    return bool(_places(town) & _places(other))


def only_county(town: str, states: set[str]) -> str | None:
    """The one county (lower-cased) the town of this name lies in, within the given states (postal codes); None
    where it lies in none or in several ("Houston": Harris and Fort Bend counties; an independent city such as
    Baltimore, whose post covers the city and Baltimore County)."""
    counties = {county for state, county in _places(town) if state in states and county}
    return next(iter(counties)) if len(counties) == 1 else None
