from __future__ import annotations

from storyfold.textproc import normalise, spelling_key, split_sentences, tokens


def test_sentence_split_keeps_abbreviations_initials_and_quotes() -> None:
    text = (
        'Mr. Smith met U.S. officials in Washington, D.C. on Monday. "One step closer to a wider war?," '
        "tweeted Carey Cavanaugh. John F. Kennedy was mentioned. It ended."
    )
    assert split_sentences(text) == [
        "Mr. Smith met U.S. officials in Washington, D.C. on Monday.",
        '"One step closer to a wider war?," tweeted Carey Cavanaugh.',
        "John F. Kennedy was mentioned.",
        "It ended.",
    ]


def test_spelling_variants_fold_but_ordinary_words_stay() -> None:
    assert spelling_key("defence") == spelling_key("defense")
    assert spelling_key("colour") == "color"
    assert spelling_key("organised") == "organized"
    for word in ("violence", "hours", "promise", "raised", "since"):
        assert spelling_key(word) == word


def test_tokens_normalise_quotes_and_keep_numbers() -> None:
    assert tokens("Moscow’s help for 1,200 people") == ["moscow", "help", "for", "1,200", "people"]
    assert normalise("“urgent” — now") == '"urgent" - now'


def test_a_towns_mount_or_fort_and_an_officers_rank_end_no_sentence() -> None:
    # a gva-dev dateline had been split after "MT." (the dateline then read "JULIET, Tenn.")
    text = "MT. JULIET, Tenn. (WKRN) – Three juveniles have been charged. Det. Ray Lee of Ft. Myers said so."
    assert split_sentences(text) == [
        "MT. JULIET, Tenn. (WKRN) – Three juveniles have been charged.",
        "Det. Ray Lee of Ft. Myers said so.",
    ]


def test_sentences_a_scraper_glued_together_are_split_but_not_a_domain_or_initials() -> None:
    # gva-dev (Germantown, 2016): the page lost its paragraph breaks
    text = (
        "Action News has learned a 17-year-old has surrendered to police after another teen was critically injured"
        " while playing with guns in Germantown.It happened after 3 a.m. Wednesday at home on Bloyd Street."
        "She was rushed to an area hospital in critical but stable condition."
    )
    assert split_sentences(text) == [
        "Action News has learned a 17-year-old has surrendered to police after another teen was critically injured"
        " while playing with guns in Germantown.",
        "It happened after 3 a.m. Wednesday at home on Bloyd Street.",
        "She was rushed to an area hospital in critical but stable condition.",
    ]
    assert len(split_sentences("Watch it on wsoctv.com and read the U.S.Army statement from Mr.Smith today.")) == 1
    # (written after a review) a glued abbreviation, a brand with "!", and a straight quote that opens the next one
    assert len(split_sentences("Rev.Al Sharpton spoke on Yahoo!News about the Hwy.Patrol.")) == 1
    assert split_sentences('The boy died at the hospital."We are heartbroken," his mother said.') == [
        "The boy died at the hospital.",
        '"We are heartbroken," his mother said.',
    ]
    assert split_sentences('He said "it was bad."The police left.') == ['He said "it was bad."', "The police left."]
