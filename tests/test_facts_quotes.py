"""Quotes without the model: attribution before, after and around the quoted words."""

from __future__ import annotations

from storyfold.facts.quotes import find_quotes


def _q(sentence: str) -> list[tuple[str, str, bool, str]]:
    return [(q.speaker, q.verb, q.direct, q.text) for q in find_quotes(sentence, 0)]


def test_direct_quotes_with_the_speaker_after_or_before_the_verb() -> None:
    assert _q('"I don\'t think he hit anyone," Lay said.') == [("Lay", "said", True, "I don't think he hit anyone")]
    assert _q('"Pow, pow," said Lay, 69, who manages the club.') == [("Lay", "said", True, "Pow, pow")]


def test_the_end_of_a_quote_opened_in_the_previous_sentence() -> None:
    assert _q('He was armed with a weapon," King said.') == [("King", "said", True, "He was armed with a weapon")]
    assert _q('"When he came in he told everybody to get on the floor.') == []


def test_reported_speech_and_sentence_final_attribution() -> None:
    assert _q("Everyone was on the floor, Lay said.") == [("Lay", "said", False, "Everyone was on the floor")]
    got = _q("Police said the gunman was in custody.")
    assert got == [("Police", "said", False, "the gunman was in custody")]
    assert _q("More than 1,200 people have been reported dead.") == []
