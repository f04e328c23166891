"""Direct and reported speech with its speaker and verb.

Direct: ``"...," the foreign ministry in Yerevan said in a statement`` / ``"...," tweeted Carey Cavanaugh``.
Reported: ``Hakob Badalyan told AFP that ...`` / ``Hikmet Hajiyev, an aide ..., told AFP Baku would not
comment`` / ``..., according to the statement``. The speaker is the person named in the words before the
verb when there is one, else those words ("the foreign ministry in Yerevan").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyfold.facts.nlp import Span
from storyfold.model import Quote

_VERBS = (
    r"said|says|say|told|tells|tweeted|wrote|writes|stated|added|adds|explained|announced|declared|confirmed"
    r"|denied|claimed|warned|insisted|argued|noted|replied|recalled|testified|posted|acknowledged"
    r"|reported|urged|stressed|complained|admitted|revealed"
)
_OPEN = '"“”„«'
_CLOSE = '"”“»'
_QUOTED = re.compile(r"[\"“„«](?P<q>[^\"“”„«»]{3,}?)[\"”“»]")
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|later|earlier|then|again|once|repeatedly|would|will))+$", re.I
)
_INTRO = re.compile(
    r"^(?:(?:but|and|yet|however|meanwhile|still|also|instead)\b,?\s*)*"
    r"(?:(?:on|in|at|late|early|earlier|later|last|this|after|before|during)\b[^,]{0,40},\s*)?",
    re.I,
)
_VERB_AFTER = re.compile(
    rf"^\s*,?\s*(?P<v>{_VERBS})\s+(?P<who>[^,.;:!?\"“”]{{2,80}}?)(?=\s*(?:[,.;:!?]|$|\s+(?:in|on|at|who|after|during)\b))",
    re.I,
)
_WHO_VERB = re.compile(rf"^\s*,?\s*(?P<who>[^,.;:!?\"“”]{{2,80}}?)\s+(?P<v>{_VERBS})\b", re.I)
_REPORTED = re.compile(rf"\b(?P<v>{_VERBS})\b(?P<rest>.*)$", re.I)
_ACCORDING = re.compile(r"\baccording to (?P<who>(?:the\s+)?[^,.;:\"“”]{2,60}?)(?=\s*(?:[,.;:]|$))", re.I)
_PREPOSITIONS = {"in", "of", "to", "from", "for", "with", "by", "at", "on", "about", "against"}
_PASSIVE = re.compile(r"\b(?:be|been|being|was|were|is|are|not)\s+$", re.I)
_NOT_SPEAKERS = {"it", "this", "that", "which", "what", "who", "there", "reports", "officials have"}


def _speaker(words: str, spans: Sequence[Span], offset: int) -> str:
    """The speaker in ``words`` (found at ``offset`` in the sentence): a person named there, else the phrase."""
    end = offset + len(words)
    for s in spans:
        if s.label == "person" and s.start >= offset and s.end <= end:
            before = words[: s.start - offset].rstrip().rsplit(" ", 1)[-1].lower()
            if before not in _PREPOSITIONS:
                return s.text
    words = _AUX.sub("", words.strip())
    words = _INTRO.sub("", words).strip(" ,")
    if words[:1].isupper():  # "Pashinyan in his letter to Putin": the name before the first preposition
        words = re.split(r"\s+(?:in|of|to|from|for|with|by|at|on)\s+", words, maxsplit=1)[0]
    if "," in words:  # an appositive: "Hikmet Hajiyev, an aide to the Azerbaijani president,"
        head = words.split(",")[0].strip()
        if head and head[0].isupper():
            words = head
    return words


def _ok(speaker: str) -> bool:
    s = speaker.strip().lower()
    return (
        bool(s)
        and s not in _NOT_SPEAKERS
        and len(s.split()) <= 10
        and s[0].isalpha()
        and not any(ch in s for ch in _OPEN + _CLOSE + "()")
    )


def _quote_marks(sentence: str) -> list[int]:
    return [i for i, ch in enumerate(sentence) if ch in _OPEN + _CLOSE]


def _attributed(text: str, after: str, at: int, index: int, spans: Sequence[Span]) -> Quote | None:
    """``"text," X said`` / ``"text," said X``: the quote when the words after it attribute it."""
    va = _VERB_AFTER.match(after)
    wv = _WHO_VERB.match(after)
    if va and _ok(va.group("who")):
        return Quote(_speaker(va.group("who"), spans, at + va.start("who")), va.group("v").lower(), text, True, index)
    if wv and _ok(wv.group("who")):
        return Quote(_speaker(wv.group("who"), spans, at + wv.start("who")), wv.group("v").lower(), text, True, index)
    return None


def find_quotes(sentence: str, index: int, spans: Sequence[Span] = ()) -> list[Quote]:
    """The quotes of one sentence (``spans``: the names the model found in it, for the speaker)."""
    out: list[Quote] = []
    marks = _quote_marks(sentence)
    if len(marks) % 2 == 1:
        # the end of a quote opened in an earlier sentence: ``He was armed with a weapon," King said.``
        if marks[0] > 0 and len(marks) == 1:
            text = sentence[: marks[0]].strip().rstrip(",")
            q = _attributed(text, sentence[marks[0] + 1 :], marks[0] + 1, index, spans)
            return [q] if q and text else []
        return []  # a quote that goes on into the next sentence: its attribution is there
    for m in _QUOTED.finditer(sentence):
        text = m.group("q").strip().rstrip(",")
        after = sentence[m.end() :]
        q = _attributed(text, after, m.end(), index, spans)
        if q is not None:
            out.append(q)
        else:
            before = sentence[: m.start()]
            bm = re.search(rf"(?P<who>[^.;:!?\"“”]{{2,80}}?)\s+(?P<v>{_VERBS})\b[^\"“”]{{0,40}}$", before, re.I)
            if bm and _ok(bm.group("who")):
                who = _speaker(bm.group("who"), spans, bm.start("who"))
                out.append(Quote(who, bm.group("v").lower(), text, True, index))
    if out:
        return out
    # reported speech: "X told AFP that ...", "X said ..."; the first verb of the sentence
    rm = _REPORTED.search(sentence)
    if rm and rm.start() > 0:
        words = sentence[: rm.start()].rstrip()
        rest = rm.group("rest").strip().rstrip(".").strip()
        if words and "," in words and len(rest.split()) <= 2:
            # the attribution closes the sentence: "Everyone was on the floor, Lay said."
            claim, who_words = words.rsplit(",", 1)
            at = len(claim) + 1
            who = _speaker(who_words, spans, at + len(who_words) - len(who_words.lstrip()))
            if _ok(who) and claim.strip() and len(who_words.split()) <= 8:
                out.append(Quote(who, rm.group("v").lower(), claim.strip(), False, index))
            return out
        if words and words[-1] not in _CLOSE and not _PASSIVE.search(sentence[: rm.start()]):
            who = _speaker(words, spans, 0)
            if _ok(who) and rest and len(words.split()) <= 14:
                out.append(Quote(who, rm.group("v").lower(), rest, False, index))
                return out
    am = _ACCORDING.search(sentence)
    if am and am.start() > 0:
        claim = sentence[: am.start()].rstrip(" ,")
        who = _speaker(am.group("who"), spans, am.start("who"))
        if _ok(who) and claim:
            out.append(Quote(who, "according to", claim, False, index))
    return out


def quotes(sentences: Sequence[str], spans: Sequence[Sequence[Span]], first_index: int = 0) -> list[Quote]:
    return [
        q for i, (s, sp) in enumerate(zip(sentences, spans, strict=True), first_index) for q in find_quotes(s, i, sp)
    ]
