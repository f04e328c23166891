"""Claims: figures merged across a story's articles, counted by independent reporting lines, compared
pairwise; and the story's timeline."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from typer.testing import CliRunner

from storyfold.claims import story_claims
from storyfold.cli import app
from storyfold.model import ArticleFacts, ClaimSource, Event, Quantity, StoryClaims
from storyfold.pipeline import ingest_paths
from storyfold.store import open_store
from storyfold.views import story_claims as stored_claims

from conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, fact_extractor: Any) -> Any:
    path = tmp_path_factory.mktemp("claims") / "seeds.db"
    store = open_store(path)
    try:
        report = ingest_paths([str(SEEDS)], store, facts=fact_extractor)
        assert len(report.ingested) == 2 and not report.skipped
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def seed_claims(seeds_db: Any) -> StoryClaims:
    store = open_store(seeds_db)
    try:
        (story,) = store.stories()
        return stored_claims(store, story.id)
    finally:
        store.close()


def test_seeds_toll_is_one_reporting_line_behind_two_articles(seed_claims: StoryClaims) -> None:
    toll = [c for c in seed_claims.claims if c.subject == "killed" and c.low == 1200 and not c.event]
    assert len(toll) == 1
    claim = toll[0]
    assert claim.high is None  # "more than 1,200": a lower bound
    assert claim.articles == 2 and claim.independent_lines == 1  # the two seeds share one wire core
    assert {e.article_id[:3] for e in claim.evidence} == {"000", "001"}
    assert all("1,200" in e.text for e in claim.evidence)


def test_seeds_have_no_false_conflict_and_the_thousand_is_less_specific(seed_claims: StoryClaims) -> None:
    assert seed_claims.conflicts == ()
    by_id = {c.id: c for c in seed_claims.claims}
    specific = [(by_id[p.a], by_id[p.b]) for p in seed_claims.pairs if p.label == "more_specific"]
    assert [(a.low, b.low) for a, b in specific if a.subject == "killed"] == [(1200, 1000)]
    # the 30,000 dead of the 1990s war are never compared with this war's toll
    war = [c for c in seed_claims.claims if c.low == 30000]
    assert war and "1990s war" in war[0].event and war[0].labels == ()
    assert all(war[0].id not in (p.a, p.b) for p in seed_claims.pairs)


def test_seeds_quotes_merge_speakers_named_two_ways(seed_claims: StoryClaims) -> None:
    quotes = {c.subject: c for c in seed_claims.claims if c.kind == "quote"}
    assert quotes["Carey Cavanaugh"].articles == 1  # only the first seed carries the tweet
    ministry = [c for c in seed_claims.claims if c.kind == "quote" and "urgent consultations" in c.statement]
    # "the foreign ministry in Yerevan said" (seed A) and "the ministry said" (seed B): one claim
    assert len(ministry) == 1 and ministry[0].articles == 2 and ministry[0].independent_lines == 1
    assert ministry[0].subject == "foreign ministry in Yerevan"


def test_seeds_timeline_in_order(seed_claims: StoryClaims) -> None:
    days = [(h.day, h.text) for h in seed_claims.timeline]
    assert [d for d, _ in days] == sorted(d for d, _ in days)

    def first(day: date, *words: str) -> bool:
        return any(d == day and all(w in t for w in words) for d, t in days)

    assert first(date(2020, 9, 27), "broke out")  # fighting broke out on September 27
    assert first(date(2020, 10, 30), "Geneva")  # the Geneva talks failed on Friday
    assert first(date(2020, 10, 31), "Putin")  # the letter, on Saturday
    # the undated seed resolves "on Saturday" by its reporting line's date: both seeds tell the letter
    letter = [h for h in seed_claims.timeline if h.day == date(2020, 10, 31) and "Putin" in h.text]
    assert letter[0].articles == 2 and letter[0].independent_lines == 1


def test_facts_command_json_carries_counts_and_labels(seeds_db: Any) -> None:
    store = open_store(seeds_db)
    try:
        (story,) = store.stories()
    finally:
        store.close()
    result = CliRunner().invoke(app, ["facts", story.id, "--db", str(seeds_db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["conflicts"] == []
    for claim in data["claims"]:
        assert {"articles", "independent_lines", "labels", "evidence"} <= claim.keys()
    toll = [c for c in data["claims"] if c["statement"] == "more than 1,200 killed"]
    assert toll and toll[0]["independent_lines"] == 1 and toll[0]["labels"] == ["more_specific"]
    assert [h["date"] for h in data["timeline"]][:1] == ["2020-09-27"]
    text = CliRunner().invoke(app, ["facts", story.id, "--db", str(seeds_db)])
    assert text.exit_code == 0 and "more than 1,200 killed" in text.output and "Timeline" in text.output


# --- generated sources (made up here, not real reports): one behaviour each --------------------------


def _source(aid: str, line: str, day: date | None, *figures: tuple[str, int | None, int | None, str]) -> ClaimSource:
    qs = tuple(
        Quantity(kind, low, high, f"{qual} {low or high} {kind}".strip(), i, qualifier=qual)
        for i, (kind, low, high, qual) in enumerate(figures)
    )
    sents = tuple(q.text for q in qs)
    return ClaimSource(aid, line, day, None, sents, ArticleFacts(aid, Event(), quantities=qs))


D1, D2 = date(2024, 3, 1), date(2024, 3, 3)


def _labels(sc: StoryClaims) -> set[tuple[int | None, int | None, str]]:
    by_id = {c.id: c for c in sc.claims}
    return {(by_id[p.a].low or by_id[p.a].high, by_id[p.b].low or by_id[p.b].high, p.label) for p in sc.pairs}


def test_about_a_thousand_and_more_than_1200_the_same_day_from_two_lines_conflict() -> None:
    sc = story_claims(
        "s",
        [
            _source("a1", "wire1", D1, ("killed", 1000, 1000, "about")),
            _source("a2", "wire2", D1, ("killed", 1200, None, "more than")),
        ],
    )
    assert _labels(sc) == {(1000, 1200, "conflicting")}
    assert all("conflicting" in c.labels for c in sc.claims)


def test_a_later_larger_toll_supersedes_and_copies_count_once() -> None:
    sc = story_claims(
        "s",
        [
            _source("a1", "wire1", D1, ("killed", 3, 3, "")),
            _source("a2", "wire1", D1, ("killed", 3, 3, "")),  # a copy of a1: same line
            _source("a3", "wire1", D1, ("killed", 3, 3, "")),
            _source("b1", "local", D1, ("killed", 3, 3, "")),
            _source("c1", "wire2", D2, ("killed", 5, 5, "")),
        ],
    )
    three = next(c for c in sc.claims if c.low == 3)
    assert three.articles == 4 and three.independent_lines == 2
    assert _labels(sc) == {(3, 5, "superseded")}
    assert three.labels == ("superseded",)


def test_a_partial_count_beside_the_toll_is_no_conflict() -> None:
    # "two people were killed ... one of them, a student, was killed on his way home"
    sc = story_claims(
        "s",
        [
            _source("a1", "l1", D1, ("killed", 2, 2, ""), ("killed", 1, 1, "")),
            _source("b1", "l2", D1, ("killed", 2, 2, "")),
        ],
    )
    assert sc.conflicts == ()


def test_different_kinds_and_events_are_not_compared() -> None:
    sc = story_claims(
        "s",
        [
            _source("a1", "l1", D1, ("killed", 2, 2, ""), ("injured", 7, 7, "")),
            _source("b1", "l2", D1, ("injured", 7, 7, ""), ("arrested", 1, 1, "")),
        ],
    )
    assert sc.pairs == ()
    injured = next(c for c in sc.claims if c.subject == "injured")
    assert injured.independent_lines == 2


def test_an_event_date_from_a_stamp_or_the_publication_date_is_no_claim() -> None:
    """The text tells the day ("Sunday") in one report; the other's date stands in for an untold day (the
    page's stamp of an undated input, or the publication date): only the told day is a claim of the story."""
    told = ClaimSource(
        "a1", "l1", D1, None, ("Two were shot Sunday.",), ArticleFacts("a1", Event(D1, date_source="Sunday"))
    )
    stamped = ClaimSource(
        "b1", "l2", None, None, ("Two were shot.",), ArticleFacts("b1", Event(D2, date_source="stamp"))
    )
    dated = ClaimSource(
        "c1", "l3", D2, None, ("Two were shot.",), ArticleFacts("c1", Event(D2, date_source="published"))
    )
    days = [c for c in story_claims("s", [told, stamped, dated]).claims if c.kind == "event_date"]
    assert [(c.statement, c.articles) for c in days] == [("the event happened on 2024-03-01", 1)]
