"""Aligning the sentences of a story: the seeds sentence by sentence, and what each source adds,
omits and rewords."""

from __future__ import annotations

from datetime import date

from storyfold.align import align_story, source_views
from storyfold.model import Article, RawArticle
from storyfold.pipeline import build_article


def _article(ident: str, day: int, *paragraphs: str) -> Article:
    return build_article(
        RawArticle(f"{ident}.txt", paragraphs, title=f"Report {ident}", input_id=ident, published=date(2020, 10, day))
    )


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
