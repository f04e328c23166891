"""Facts of the two seed reports: counts with their ranges and events, quotes with speakers and verbs,
names merged across variants and typos, and the main event."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storyfold.facts.entities import story_entities
from storyfold.model import ArticleFacts, Quantity
from storyfold.views import read_article

from conftest import SEED_A, SEED_B


@pytest.fixture(scope="module")
def seed_facts(fact_extractor: Any) -> tuple[ArticleFacts, ArticleFacts]:
    a, b = fact_extractor.extract([read_article(SEED_A), read_article(SEED_B)])
    assert isinstance(a, ArticleFacts) and isinstance(b, ArticleFacts)
    return a, b


def _dead(f: ArticleFacts) -> list[Quantity]:
    return [q for q in f.quantities if q.kind == "killed"]


def test_current_toll_is_a_lower_bound_and_the_1990s_war_toll_belongs_to_that_war(
    seed_facts: tuple[ArticleFacts, ArticleFacts],
) -> None:
    for f in seed_facts:
        dead = _dead(f)
        current = [q for q in dead if q.current and q.low == 1200]
        assert current and current[0].high is None and current[0].qualifier == "more than"
        war = [q for q in dead if q.low == 30000]
        assert war and war[0].high == 30000 and not war[0].current and "1990s war" in war[0].event
    a = seed_facts[0]
    thousand = [q for q in _dead(a) if q.low == 1000]
    assert thousand and thousand[0].high is None and thousand[0].current  # "more than a thousand dead"


def test_wounded_among_civilians_has_an_unknown_count(seed_facts: tuple[ArticleFacts, ArticleFacts]) -> None:
    a = seed_facts[0]
    wounded = [q for q in a.quantities if q.kind == "injured"]
    assert wounded and wounded[0].low is None and wounded[0].high is None
    assert a.event.injured is None  # the main event does not invent a count the text does not give


def test_quotes_have_speakers_and_verbs(seed_facts: tuple[ArticleFacts, ArticleFacts]) -> None:
    a = seed_facts[0]
    got = {(q.speaker, q.verb) for q in a.quotes}
    assert ("the foreign ministry in Yerevan", "said") in got
    assert ("Carey Cavanaugh", "tweeted") in got
    assert ("Hakob Badalyan", "told") in got
    assert ("Hikmet Hajiyev", "told") in got
    hajiyev = next(q for q in a.quotes if q.speaker == "Hikmet Hajiyev")
    assert "Baku would not comment" in hajiyev.text and not hajiyev.direct
    cav = next(q for q in a.quotes if q.speaker == "Carey Cavanaugh")
    assert cav.direct and cav.text.startswith("One step closer to a wider war")


def test_name_variants_and_typos_merge(seed_facts: tuple[ArticleFacts, ArticleFacts]) -> None:
    a, b = seed_facts
    pashinyan = [e for e in a.entities if "Pasninyan" in e.variants]
    assert pashinyan and pashinyan[0].name == "Nikol Pashinyan" and pashinyan[0].kind == "person"
    assert "Pashinyan" in pashinyan[0].variants
    putin = next(e for e in a.entities if e.name == "Vladimir Putin")
    assert "Putin" in putin.variants
    merged = story_entities([(a.article_id, a.entities), (b.article_id, b.entities)])
    people = [e for e in merged if e.name == "Nikol Pashinyan"]
    assert len(people) == 1 and set(people[0].article_ids) == {a.article_id, b.article_id}
    assert not [e for e in merged if e.name in ("Pashinyan", "Pasninyan", "Putin")]


def test_main_event_of_the_dated_report(seed_facts: tuple[ArticleFacts, ArticleFacts]) -> None:
    a, b = seed_facts
    assert b.event.killed == 1200 and b.event.date == date(2020, 10, 31)
    assert a.event.date is None  # no date header, nothing to resolve "Saturday" against
    assert a.event.killed is not None and a.event.killed >= 1000
