"""Rare names. Follow-ups: a report of a charge three months after the shooting shares the incident's rare names (the
father's, the mother's, the street's) and joins the incident's story in batch mode, where without them
(``StoryOptions.follow_names=None``) the three months apart keep it out. Fixture: two gvc reports of one
incident (gold story 223936), 92 days apart, ingested after the demo excerpt so that the IDF is that of a
real, mixed store. Near reports: two stations' reports of one Shreveport shooting on the same day, told in
different words, join through a rare name they share, where without the rule (``near_names=None``) their
words alone keep them apart. Spared conflicts: one report leads with the victim, the other with the
shooter; the rare names they share lift the name conflict. Fixtures: tests/fixtures/README.md."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from storyfold.model import Article, ArticleNames, Segment, SegmentKind
from storyfold.pipeline import IngestOptions, ingest_paths, recluster
from storyfold.store import Store
from storyfold.stories import StoryOptions, article_terms, batch_clusters, names_of
from storyfold.textproc import headline_of

from conftest import DEMO

FIXTURE = Path(__file__).parent / "fixtures" / "gvc-follow-up.jsonl"
SHOOTING, CHARGE = "548f729263219a7b1d2423bdc586969b", "30883b6ba9273903b93665469350f5f4"
NEAR = Path(__file__).parent / "fixtures" / "gvc-near.jsonl"
KSLA, OTHER = "6ee08764a91faef9a8a0a75e356b04a3", "cbd025064f7e8e4f763c1fcd8ddd6ef8"
SPARED = Path(__file__).parent / "fixtures" / "gvc-spared.jsonl"
VICTIM, SHOOTER = "59271f8d363fc82500c718e02b7b9abc", "c22d0dfcbf660d12fa8dc457a082887d"


def test_names_are_every_name_the_article_gives_and_those_of_its_lede() -> None:
    body = (
        "Pedro Rosales was charged on Monday, police said.",
        "The police in East New York said Rosales had the gun.",
        "His wife Jessica Aguilar was not charged.",
    )
    article = Article(
        id="a",
        key="a",
        origin="test",
        segments=tuple(Segment(SegmentKind.BODY, s, i) for i, s in enumerate(body)),
        title="Father charged in shooting",
    )
    names = names_of(article, replace(StoryOptions(), conflict_lede=1))
    # "Pedro" opens a sentence, "Monday" is a day, "New" a stop word; "police" is also written in lower case
    assert names.mentions == {"rosales": 2, "east": 1, "york": 1, "jessica": 1, "aguilar": 1}
    assert names.lede == frozenset({"rosales"})


def _together_with_and_without(store: Store, fixture: Path, a: str, b: str, without: StoryOptions) -> tuple[bool, bool]:
    """Whether articles ``a`` and ``b`` of ``fixture`` (ingested after the demo excerpt) share a story in batch
    mode with the default options, and with the options ``without`` (one rule turned off)."""
    opts = IngestOptions()
    ingest_paths([str(DEMO), str(fixture)], store, opts)
    together = []
    for stories in (opts.stories, without):
        recluster(store, stories)
        one, two = store.assignment(a), store.assignment(b)
        assert one is not None and two is not None
        together.append(one.story_id == two.story_id)
    return together[0], together[1]


def test_a_follow_up_months_later_joins_the_incident_by_its_rare_names(store: Store) -> None:
    without = replace(StoryOptions(), follow_names=None)
    assert _together_with_and_without(store, FIXTURE, SHOOTING, CHARGE, without) == (True, False)


def test_two_reports_of_one_day_that_share_a_rare_name_join_though_their_words_differ(store: Store) -> None:
    without = replace(StoryOptions(), near_names=None)
    assert _together_with_and_without(store, NEAR, KSLA, OTHER, without) == (True, False)


def test_the_outlets_name_after_a_title_is_no_word_or_name_of_the_report() -> None:
    # two reports of one station share its name after every title: it must not draw them into one story
    assert headline_of("Boy, 3, shot in Gary - WTOC-TV: Savannah, Beaufort, SC") == "Boy, 3, shot in Gary"
    assert headline_of("7-year-old shot; homeowner charged :: WRAL.com") == "7-year-old shot; homeowner charged"
    assert headline_of("Police: Teen shot | Local News") == "Police: Teen shot"
    assert headline_of("Man, 20, shot on Fort Worth-area street") == "Man, 20, shot on Fort Worth-area street"
    article = Article(
        id="a",
        key="a",
        origin="test",
        segments=(Segment(SegmentKind.BODY, "Police in Gary said the boy, 3, was shot at home by Travion Hill.", 0),),
        title="Boy, 3, shot in Gary - WTOC-TV: Savannah, Beaufort, SC",
    )
    assert {"gary", "travion", "hill"} <= set(names_of(article).mentions)
    assert not {"savannah", "beaufort", "wtoc-tv"} & (set(names_of(article).mentions) | set(article_terms(article)))


def test_reports_that_lead_with_victim_and_shooter_are_no_name_conflict_when_they_share_rare_names(
    store: Store,
) -> None:
    # one report leads with the boy who was killed, the other with the friend who shot him
    without = replace(StoryOptions(), conflict_spared=None)
    assert _together_with_and_without(store, SPARED, VICTIM, SHOOTER, without) == (True, False)


def test_the_near_rule_reads_names_a_little_less_rare_than_the_other_rules() -> None:
    # generated weights, not real articles: two reports a day apart, one of the shooting and one of the arrest,
    # in a store of 1,000 articles where the name they share is in 24 (IDF 4.7: rare enough for the near rule at
    # ``near_idf`` 4.5, not for the follow-up rules at ``rare_idf`` 5); their words alone link at 0.18 < 0.2
    shooting = dict.fromkeys(["ortega", "shooting", "wounded", "apartment", "neighbours", "gunfire", "victim"], 1.0)
    shooting |= dict.fromkeys(["hospital", "bullet", "witness", "parking", "night"], 1.0)
    arrest = dict.fromkeys(["ortega", "shooting", "arrested", "charged", "pistol", "court", "judge", "bail"], 1.0)
    arrest |= dict.fromkeys(["detectives", "warrant", "custody", "jail"], 1.0)
    df = {"ortega": 24, "shooting": 300, "wounded": 150, "apartment": 60, "neighbours": 80, "gunfire": 70}
    df |= {"victim": 90, "hospital": 90, "bullet": 60, "witness": 70, "parking": 50, "night": 200, "arrested": 150}
    df |= {"charged": 120, "pistol": 40, "court": 200, "judge": 80, "bail": 40, "detectives": 70, "warrant": 50}
    df |= {"custody": 60, "jail": 60}
    articles = [("a", "a", date(2016, 5, 3), shooting), ("b", "b", date(2016, 5, 4), arrest)]
    names = [ArticleNames({"ortega": 1}, frozenset({"ortega"}))] * 2
    assert batch_clusters(articles, StoryOptions(), (1000, df), names) == [[0, 1]]
    assert batch_clusters(articles, replace(StoryOptions(), near_idf=5.0), (1000, df), names) == [[0], [1]]
