"""Comparing the two seed reports: the shared wire core and what each outlet adds."""

from __future__ import annotations

from storyfold.align import word_diffs
from storyfold.model import SegmentKind
from storyfold.views import compare_files

from conftest import SEED_A, SEED_B


def _shared_text(c, side: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [getattr(p, side).text for p in c.shared]


def test_seeds_share_the_wire_core() -> None:
    c = compare_files(SEED_A, SEED_B)
    a_shared = " | ".join(_shared_text(c, "a"))
    b_shared = " | ".join(_shared_text(c, "b"))
    # spelled "defence" in one and "defense" in the other
    assert "Russia has a military base in Armenia and has a defence treaty with Yerevan." in a_shared
    assert "Russia has a military base in Armenia and has a defense treaty with Yerevan." in b_shared
    assert "More than 1,200 people from both sides have been reported dead" in a_shared
    assert "a 1990s war that left 30,000 people dead" in a_shared
    assert "The current clashes broke out on September 27" in a_shared
    # the ministry quote differs in a few words: matched as near-verbatim with those words marked
    quote = next(p for p in c.shared if "kind and amount of aid" in p.a.text)
    assert quote.kind == "near"
    assert {d.a for d in quote.diffs} >= {"foreign", "in Yerevan"}
    assert len(c.shared) >= 10


def test_first_seed_adds_quotes_and_mediators_statement() -> None:
    c = compare_files(SEED_A, SEED_B)
    adds = " | ".join(s.text for s in c.only_a)
    for needle in (
        "Carey Cavanaugh",
        "Hakob Badalyan",
        "Hikmet Hajiyev",
        "mediators from France, Russia and the US said in a statement from Geneva",
    ):
        assert needle in adds, needle
    assert not any("Cavanaugh" in p.a.text for p in c.shared)


def test_second_seed_adds_only_photo_captions() -> None:
    c = compare_files(SEED_A, SEED_B)
    assert c.only_b == ()
    captions = [s for s in c.b.debris if s.kind is SegmentKind.CAPTION]
    assert len(captions) == 2


def test_word_diffs_mark_changed_numbers_and_names_not_spelling() -> None:
    assert word_diffs("Russia has a defence pact.", "Russia has a defense pact.") == ()
    diffs = word_diffs("More than 1,200 people died.", "More than 1,300 people died.")
    assert [(d.op, d.a, d.b) for d in diffs] == [("replace", "1,200", "1,300")]
