"""Text normalisation, sentence splitting and word tokens shared by the later stages."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from storyfold.model import Article, Sentence

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)


def normalise(text: str) -> str:
    """NFC, straight quotes, plain dashes and single spaces: the form every comparison uses."""
    if not text.isascii():  # ASCII is already NFC and holds none of the characters _QUOTES maps
        text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    # str.split() splits on exactly the characters r"\s" matches (str.isspace), so this is
    # re.sub(r"\s+", " ", text).strip() at a third of the cost (normalise runs some seventy times an article)
    return " ".join(text.split())


# British / American spelling pairs that news copy varies on. Word endings, not a word list keyed
# to any corpus: applied to every token before comparison, so "defence" and "defense" match.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[a-z]{3})ence$"), "ense"),  # defence, offence, licence -> -ense
    (re.compile(r"(?<=[a-z]{2})our$"), "or"),  # colour, labour, honour
    (re.compile(r"(?<=[a-z]{2})ours$"), "ors"),
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # organise, realised
    (re.compile(r"(?<=[a-z]{3})ys(e|ed|es|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=[a-z]{3})tre$"), "ter"),  # centre, theatre
    (re.compile(r"(?<=[a-z]{3})tres$"), "ters"),
    (re.compile(r"(?<=[a-z]{2})ogue$"), "og"),  # catalogue, dialogue
    (re.compile(r"(?<=[a-z]{3})lled$"), "led"),  # travelled, cancelled
    (re.compile(r"(?<=[a-z]{3})lling$"), "ling"),
)
# Words the rules above would wrongly rewrite (they are spelled the same on both sides).
_SPELLING_KEEP = frozenset(
    {
        "hour",
        "four",
        "pour",
        "sour",
        "tour",
        "your",
        "our",
        "flour",
        "hours",
        "tours",
        "yours",
        "fours",
        "since",
        "science",
        "sentence",
        "audience",
        "evidence",
        "experience",
        "presence",
        "silence",
        "violence",
        "conference",
        "difference",
        "influence",
        "reference",
        "sequence",
        "residence",
        "confidence",
        "independence",
        "intelligence",
        "existence",
        "patience",
        "obedience",
        "consequence",
        "occurrence",
        "preference",
        "absence",
        "essence",
        "excellence",
        "insurgence",
        "emergence",
        "convergence",
        "divergence",
        "prudence",
        "province",
        "fence",
        "hence",
        "pence",
        "whence",
        "thence",
        "rise",
        "wise",
        "otherwise",
        "likewise",
        "advise",
        "advised",
        "devise",
        "revise",
        "revised",
        "supervise",
        "televise",
        "televised",
        "surprise",
        "surprised",
        "enterprise",
        "exercise",
        "exercised",
        "franchise",
        "premise",
        "premises",
        "promise",
        "promised",
        "promises",
        "compromise",
        "compromised",
        "comprise",
        "comprised",
        "despise",
        "disguise",
        "expertise",
        "merchandise",
        "improvise",
        "excise",
        "precise",
        "concise",
        "noise",
        "raise",
        "raised",
        "praise",
        "praised",
        "cruise",
        "poise",
        "paradise",
        "demise",
        "treatise",
        "incise",
        "arise",
        "arises",
        "arisen",
        "sunrise",
        "uprise",
        "chastise",
        "circumcise",
        "mise",
        "cerise",
        "valise",
        "appraise",
    }
)


_OUTLET_SUFFIX = re.compile(r"\s+(?:[-|\u2013\u2014]|::)\s+|\s+\|")


def headline_of(title: str | None) -> str:
    """A page title without the outlet's name after it: "Shooting in Gary - WTOC-TV: Savannah, Beaufort, SC" is
    "Shooting in Gary"."""
    return _OUTLET_SUFFIX.split(title or "", maxsplit=1)[0]


@functools.lru_cache(maxsize=1 << 18)
def spelling_key(token: str) -> str:
    """Map a lower-cased token to a spelling-neutral form ("defence" -> "defense"); memoised (a hot path:
    every token of every article passes here)."""
    if len(token) < 5 or token in _SPELLING_KEEP:
        return token
    for pattern, repl in _SPELLING_RULES:
        new = pattern.sub(repl, token)
        if new != token:
            return new
    return token


_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['-][A-Za-z\u00c0-\u024f]+)*|\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=1 << 18)
def _token_key(raw: str) -> str:
    """The key of a token as written: lower-cased, without a possessive "'s", spelling folded; memoised (a
    hand-kept dict in front of it measured no faster: 0.143 s against 0.146 s for 300 gva-dev articles)."""
    tok = raw.lower()
    if tok.endswith("'s"):
        tok = tok[:-2]
    return spelling_key(tok)


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens with spelling variants folded; "1,200" stays one token."""
    return [_token_key(raw) for raw in _TOKEN.findall(normalise(text))]


STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "according",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "one",
        "two",
        "also",
        "us",
        "new",
        "mr",
        "mrs",
        "ms",
        "dr",
        "per",
        "via",
        "yet",
        "however",
        "since",
        "within",
        "without",
        "among",
        "upon",
    ]
)


def content_tokens(text: str) -> list[str]:
    """Tokens without stop words: what a statement is about."""
    return [t for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


# Sentence splitting: a rule-based splitter that knows news abbreviations and initials. A later
# issue may swap in spaCy's parser; this one is fast and has no model to load.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "mt",  # "MT. JULIET, Tenn."
        "ft",  # "Ft. Lauderdale"
        "det",
        "cpl",
        "ofc",
        "supt",
        "ms",
        "dr",
        "prof",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "st",
        "ave",
        "blvd",
        "rd",
        "jr",
        "sr",
        "inc",
        "corp",
        "ltd",
        "co",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "d.c",
        "calif",
        "conn",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "mass",
        "md",
        "mich",
        "minn",
        "miss",
        "mo",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "wash",
        "wis",
        "wyo",
        "ariz",
        "ark",
        "colo",
        "del",
        "mont",
    ]
)
# a month's name or its abbreviation ("Sept.", "Dec"), as news text writes dates
MONTH_RX = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# ... and where a scraper lost the paragraph break, a sentence glued to the next: "in Germantown.It happened
# after 3 a.m." (a word of small letters, a full stop, then a capitalised word; not "U.S.Army", "wsoctv.com",
# "Yahoo!News")
_SENT_END = re.compile(
    r"""[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9])"""
    r"""|(?<=[a-z]{2})\.["'\u201d\u2019)\]]*(?=["\u201c]?[A-Z][a-z])"""
)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences."""
    return list(_split_sentences(paragraph))


@functools.lru_cache(maxsize=1 << 14)
def _split_sentences(paragraph: str) -> tuple[str, ...]:
    """Memoised: copies repeat paragraphs, and dedup, stories and alignment split the same article again."""
    text = " ".join(paragraph.split())  # re.sub(r"\s+", " ", paragraph).strip(), as in normalise
    if not text:
        return ()
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        before = text[start : m.start()].rstrip()
        last_word = before.rsplit(" ", 1)[-1].lower().lstrip("\"'(\u201c")
        if text[m.start()] == "." and (
            last_word in _ABBREVIATIONS
            or (len(last_word) == 1 and last_word.isalpha())  # an initial: "John F. Kennedy"
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last_word)  # "U.S."
        ):
            continue
        if end < len(text) and not text[end].isspace():  # glued to the next sentence
            if len(last_word) <= 3 and before.rsplit(" ", 1)[-1].lstrip("\"'(\u201c")[:1].isupper():
                continue  # an abbreviation: "Rev.Al Sharpton", "Hwy.", "Dep."
            quote = text.find('"', m.start(), end)
            if quote >= 0 and before.count('"') % 2 == 0:
                end = quote  # a straight quote no quotation left open: the next one's ('hospital."We are')
        out.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(out)


def sentences(article: Article) -> list[Sentence]:
    """The body sentences of an article, in order."""
    out: list[Sentence] = []
    for seg in article.body:
        for s in _split_sentences(seg.text):
            out.append(Sentence(text=s, paragraph=seg.position, index=len(out)))
    return out


def shingles(toks: Sequence[str], k: int = 5) -> set[str]:
    """Word k-shingles (as joined strings) of a token sequence."""
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
