"""Aligning the sentences of a story: the seeds sentence by sentence, and what each source adds,
omits and rewords."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storyfold.align import align_story, compare, source_views
from storyfold.model import Article, RawArticle
from storyfold.pipeline import build_article
from storyfold.views import read_article

from conftest import SEED_A, SEED_B

EXPECTED = Path(__file__).parent / "fixtures" / "seeds_alignment.json"


def _article(ident: str, day: int, *paragraphs: str) -> Article:
    return build_article(
        RawArticle(f"{ident}.txt", paragraphs, title=f"Report {ident}", input_id=ident, published=date(2020, 10, day))
    )


def test_seed_alignment_matches_the_hand_written_fixture_sentence_by_sentence() -> None:
    expected = json.loads(EXPECTED.read_text())["sentences"]
    c = compare(read_article(SEED_A), read_article(SEED_B))
    by_a = {p.a.index: p for p in c.shared}
    got = []
    for row in expected:
        p = by_a.get(row["a"])
        got.append(
            {
                "a": row["a"],
                "a_text": row["a_text"],
                "b": p.b.index if p else None,
                "kind": p.kind if p else None,
                "b_text": p.b.text if p else None,
            }
        )
    assert got == expected
    assert len(expected) == len(c.shared) + len(c.only_a)


def test_story_alignment_of_the_seeds_gives_the_same_groups() -> None:
    a, b = read_article(SEED_A), read_article(SEED_B)
    rows = json.loads(EXPECTED.read_text())["sentences"]
    expected = {(r["a"], r["b"], r["kind"]) for r in rows if r["b"] is not None}
    groups = align_story([a, b])
    shared = {
        (next(m.sentence.index for m in g.members if m.article_id == a.id),
         next(m.sentence.index for m in g.members if m.article_id == b.id),
         g.kind)
        for g in groups
        if len(g.article_ids) == 2
    }  # fmt: skip
    assert shared == expected
    # seed B is dated (31 October 2020), seed A is not: B is the earliest source of every shared statement
    assert all(g.source == b.id for g in groups if len(g.members) == 2)
    assert sum(len(g.members) for g in groups) == 23 + 11


def test_changed_number_and_name_stand_out_and_the_earliest_source_leads() -> None:
    wire = "More than 1,200 people from both sides have been reported dead since the fighting began."
    first = _article("first", 28, wire, "The ministry in Yerevan said talks would resume in Geneva.")
    later = _article(
        "later",
        30,
        "More than 1,300 people from both sides have been reported dead since the fighting began.",
        "The ministry in Baku said talks would resume in Geneva.",
        "Reporters saw burnt cars in the town of Barda.",
    )
    copy = _article("copy", 29, wire)
    groups = align_story([later, copy, first])  # any input order: the earliest article leads
    toll = next(g for g in groups if "reported dead" in g.text)
    assert toll.source == "first" and toll.text == wire
    assert [m.article_id for m in toll.members] == ["first", "copy", "later"]
    assert toll.kind == "near"
    assert [(d.op, d.a, d.b) for d in toll.members[2].diffs] == [("replace", "1,200", "1,300")]
    assert toll.members[1].diffs == ()
    talks = next(g for g in groups if "talks would resume" in g.text)
    assert [(d.a, d.b) for d in talks.members[1].diffs] == [("Yerevan", "Baku")]

    views = {v.article_id: v for v in source_views(["first", "copy", "later"], groups)}
    assert [s.text for s in views["later"].adds] == ["Reporters saw burnt cars in the town of Barda."]
    assert views["later"].omits == ()
    # the talks sentence is carried by both other articles; the Barda sentence by only one of two
    assert [g.text for g in views["copy"].omits] == ["The ministry in Yerevan said talks would resume in Geneva."]
    assert next(m.sentence.text for _, m in views["later"].changed).startswith("More than 1,300")
    assert views["first"].changed == ()


def test_a_group_never_takes_two_sentences_of_one_article() -> None:
    # two close sentences inside one article stay apart; each pairs with its own copy elsewhere
    one = _article(
        "one",
        1,
        "The army said two soldiers were killed in the attack on the border post on Monday.",
        "The army said three soldiers were wounded in the attack on the border post on Monday.",
    )
    two = _article("two", 2, "The army said two soldiers were killed in the attack on the border post on Monday.")
    groups = align_story([one, two])
    assert [len(g.members) for g in groups] == [2, 1]
    assert all(len(g.article_ids) == len(g.members) for g in groups)


def test_rewrite_with_reordered_clauses_is_grouped() -> None:
    a = _article("a", 1, "On Saturday the foreign ministry said Pashinyan had asked Putin for urgent security talks.")
    b = _article("b", 2, "Pashinyan asked Putin for urgent security talks, the foreign ministry said on Saturday.")
    c = _article("c", 3, "Fighting continued overnight in Stepanakert.")
    groups = align_story([a, b, c])
    assert [(g.kind, g.article_ids) for g in groups] == [("rewrite", ("a", "b")), ("unique", ("c",))]
