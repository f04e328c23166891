"""Typed model objects passed between stages.

Every stage reads and returns these frozen, slotted dataclasses; dicts appear only at the
JSON / SQL / HTTP edge (see ``to_dict`` helpers in the store and CLI).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class SegmentKind(StrEnum):
    """What a block of an article's text is. Only ``BODY`` feeds the later stages."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    RELATED = "related"  # "Also read: ...", "Read more", related-links blocks
    NEWSLETTER = "newsletter"  # sign-up and subscription lines
    STAMP = "stamp"  # "Last Update: ...", "Published ...", "Updated ..."
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"  # cookie, paywall, share and other page chrome


DEBRIS_KINDS = frozenset(
    {
        SegmentKind.CAPTION,
        SegmentKind.CREDIT,
        SegmentKind.RELATED,
        SegmentKind.NEWSLETTER,
        SegmentKind.STAMP,
        SegmentKind.BYLINE,
        SegmentKind.BOILERPLATE,
    }
)


@dataclass(frozen=True, slots=True)
class Segment:
    """One block (paragraph or line) of an article, labelled by what it is."""

    kind: SegmentKind
    text: str
    position: int  # order in the original input, 0-based
    reason: str = ""  # why the cleaner labelled it so (empty for plain body)

    @property
    def is_debris(self) -> bool:
        return self.kind in DEBRIS_KINDS


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What a reader produces: the text and metadata exactly as the input gave them.

    ``paragraphs`` are the body blocks in input order, before cleaning. ``meta`` keeps every
    extra input field (never the gold fields of labelled sets).
    """

    origin: str  # where it came from: a path, ``path:line`` for JSONL, a URL
    paragraphs: tuple[str, ...]
    title: str | None = None
    subtitles: tuple[str, ...] = ()
    input_id: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: date | datetime | None = None
    file_name: str | None = None
    raw_hash: str | None = None  # sha256 of the original bytes, when there were bytes
    meta: tuple[tuple[str, Any], ...] = ()

    def meta_dict(self) -> dict[str, Any]:
        return dict(self.meta)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: labelled segments plus metadata and a stable identity."""

    id: str  # public id: the input id, else the file name, else derived from the URL
    key: str  # identity for idempotent ingest: ``id:…``, ``url:…`` or ``file:name:hash``
    origin: str
    segments: tuple[Segment, ...]
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: date | datetime | None = None
    content_hash: str = ""  # sha256 of the normalised body text
    raw_hash: str | None = None
    meta: tuple[tuple[str, Any], ...] = ()
    language: str | None = None  # ISO 639-1 code of the body text ("en"), None when too short to tell
    dateline: str | None = None  # as written at the head of the report: "YEREVAN (AFP) -"
    wire: str | None = None  # news agency credited: "AFP", "AP", "Reuters", ...
    non_article: str | None = None  # why the page is not an article (sign-in, captcha, empty ...); out of stories
    # unless its headline still reports (``pagekind.headline_only``)
    outlet: str | None = None  # the host its boilerplate is learned under ("dnainfo.com")

    @property
    def is_article(self) -> bool:
        return self.non_article is None

    @property
    def body(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind is SegmentKind.BODY)

    @property
    def debris(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.is_debris)

    @property
    def text(self) -> str:
        """The body text, paragraphs separated by blank lines."""
        return "\n\n".join(s.text for s in self.body)

    @property
    def published_date(self) -> date | None:
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published

    def meta_dict(self) -> dict[str, Any]:
        return dict(self.meta)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's body, with its place in the article."""

    text: str
    paragraph: int  # position of the body segment it comes from
    index: int  # 0-based order among the article's body sentences


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, with the reason. Never silently dropped."""

    origin: str
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """The names an article gives (capitalised words inside a sentence, never written in lower case in the
    article), with how often it gives each, and which of them its title and first paragraphs give."""

    mentions: dict[str, int] = field(default_factory=dict)  # term key -> how many times
    lede: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles reporting one real-world event."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    first_published: date | None = None
    last_published: date | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assignment:
    """Why an article joined (or founded) a story."""

    article_id: str
    story_id: str
    score: float
    new_story: bool
    reasons: tuple[str, ...] = ()
    merges: tuple[str, ...] = ()  # other stories this article bridges: they are folded into ``story_id``
    # other stories close enough to be grouped again with ``story_id`` after the article joins (settling)
    near: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One word-level difference inside an aligned sentence pair."""

    op: str  # "replace", "delete" (only in a), "insert" (only in b)
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Two sentences, one from each article, that carry the same statement."""

    a: Sentence
    b: Sentence
    kind: str  # "verbatim", "near" (same words, small edits) or "rewrite"
    score: float
    diffs: tuple[WordDiff, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """What two articles share and what each adds."""

    a: Article
    b: Article
    shared: tuple[SentencePair, ...]
    only_a: tuple[Sentence, ...]
    only_b: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The summary of one ingest run."""

    ingested: tuple[str, ...] = ()
    already_present: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    assignments: tuple[Assignment, ...] = field(default_factory=tuple)
    non_articles: tuple[tuple[str, str], ...] = ()  # (stored id, reason): stored, kept out of stories

    @property
    def ok(self) -> bool:
        return not self.skipped


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class GroupMember:
    article_id: str
    sentence: Sentence
    # word changes from the group's first member (the earliest source's sentence) to this one
    diffs: tuple[WordDiff, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """Sentences of several articles of one story that carry the same statement."""

    members: tuple[GroupMember, ...]  # earliest source first (publication date, then id)
    kind: str  # the loosest link inside the group: "verbatim", "near", "rewrite" or "unique"

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.members))

    @property
    def source(self) -> str:
        """The earliest article that carries the statement."""
        return self.members[0].article_id

    @property
    def text(self) -> str:
        """The statement as its earliest source words it."""
        return self.members[0].sentence.text


@dataclass(frozen=True, slots=True)
class SourceView:
    """One article of a story against the rest: what it adds, what it omits, which words it changed."""

    article_id: str
    adds: tuple[Sentence, ...]  # its sentences no other article carries
    omits: tuple[SentenceGroup, ...]  # statements more than half of the others carry and it lacks
    changed: tuple[tuple[SentenceGroup, GroupMember], ...]  # its wording of shared statements, where it differs


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression found in a text and resolved against the article's publication date.

    ``value`` is the TimeML (TIMEX3) normalised value: "2020-10-31", "2020-W44", "2020-10", "199",
    "P1M" (a duration), "PRESENT_REF", "2020-10-30TNI" ... ``start``/``end`` are character offsets in
    the text it was found in.
    """

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str
    mod: str | None = None  # TimeML mod: MORE_THAN, LESS_THAN, APPROX, START, END, ...


class LinkKind(StrEnum):
    """How a later article relates to an earlier one (dedup)."""

    EXACT = "exact"  # the same text after normalisation
    NEAR = "near"  # a near-duplicate: high estimated Jaccard of word shingles, most sentences shared
    CONTAINED = "contained"  # the later article is mostly inside the earlier one (a cropped/short version)
    CONTAINS = "contains"  # the earlier article is mostly inside the later one (a copy with added paragraphs)
    SHARED = "shared"  # a rewrite: a large share of sentences in common, each side adds its own


COPY_KINDS = frozenset({LinkKind.EXACT, LinkKind.NEAR, LinkKind.CONTAINED, LinkKind.CONTAINS})


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """A later article (``article_id``) found to derive from an earlier one (``other_id``)."""

    article_id: str
    other_id: str
    kind: LinkKind
    jaccard: float  # MinHash estimate of the word-shingle Jaccard similarity
    containment: float  # the larger of the two shares of one article's shingles found in the other
    shared: float  # share of the shorter article's sentences that the other carries too
    shared_sentences: int = 0

    @property
    def is_copy(self) -> bool:
        return self.kind in COPY_KINDS


@dataclass(frozen=True, slots=True)
class DedupRecord:
    """What the dedup index keeps of one article: its text hash, MinHash signature, LSH bands and
    sentence hashes."""

    article_id: str
    text_hash: str
    scheme: str  # MinHash implementation and parameters; signatures compare only within one scheme
    signature: bytes
    shingles: int  # number of distinct word shingles
    tokens: int
    sentence_hashes: tuple[int, ...]
    bands: tuple[tuple[int, int], ...]
    day: date | None  # publication date (else ingest date): what expiry goes by


@dataclass(frozen=True, slots=True)
class LineMember:
    """An article's place in a reporting line."""

    article_id: str
    line_id: str
    duplicate_of: str | None = None  # the earlier article it copies (exact, near or containment link)
    wire: str | None = None  # the agency the article credits, if any


@dataclass(frozen=True, slots=True)
class Line:
    """A reporting line: articles derived from one original (a wire story, its copies and light
    rewrites). ``origin`` is the earliest article."""

    id: str
    origin: str
    members: tuple[LineMember, ...]
    wire: str | None = None

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(m.article_id for m in self.members)


# --- facts (issue 7): entities, quantities, quotes and the article's main event ---------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A name the language model found in one sentence of an article (offsets within the sentence).

    ``label`` is the coarse kind: "person", "org", "place" or "group" (nationalities and the like).
    ``sentence`` is the index among the article's sentences; -1 is the title.
    """

    text: str
    label: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person, organisation or place: its mentions merged by name variants and typos."""

    name: str  # the fullest form seen ("Vladimir Putin", not "Putin")
    kind: str  # "person", "org", "place" or "group": the majority label of its mentions
    variants: tuple[str, ...]  # every distinct surface form, the name first
    mentions: int
    article_ids: tuple[str, ...] = ()  # filled when merged across the articles of a story


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count a sentence reports, kept as a range: ``low``..``high`` (None: open on that side; both
    None: a count the text does not give, as in "wounded among civilians").

    ``kind``: killed, injured, shot (outcome not told), suicide, arrested, missing, displaced, money or count.
    ``event`` names the event the number belongs to when it is not the one the article reports
    ("a 1990s war"); ``current`` is False for such numbers.
    """

    kind: str
    low: int | None
    high: int | None
    text: str  # the words it was read from
    sentence: int
    unit: str = "people"
    qualifier: str = ""  # "more than", "at least", "about", "up to" ... as written
    event: str = ""
    current: bool = True

    @property
    def exact(self) -> int | None:
        return self.low if self.low is not None and self.low == self.high else None


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct ("...", X said) or reported (X told AFP that ...) speech, with its speaker and verb."""

    speaker: str
    verb: str
    text: str
    direct: bool
    sentence: int


@dataclass(frozen=True, slots=True)
class Event:
    """The article's main event, chosen among all its mentions. None where the text does not tell."""

    date: date | None = None
    place: str | None = None
    killed: int | None = None
    injured: int | None = None
    # the time expression the date was resolved from, "published", or "stamp" (the page's own date stamp, where the
    # input gives no publication date or a later one)
    date_source: str = ""


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything the facts stage extracted from one article."""

    article_id: str
    event: Event
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()


# --- claims (issue 8): facts merged across a story's articles, counted by independent reporting lines ---


@dataclass(frozen=True, slots=True)
class ClaimSource:
    """What the claims stage reads of one article of a story: its reporting line, its sentences (the
    title is sentence -1, as in the facts) and its facts."""

    article_id: str
    line_id: str  # copies and rewrites of one original share a line; an unlinked article is its own line
    published: date | None
    title: str | None
    sentences: tuple[str, ...]
    facts: ArticleFacts
    outlet: str | None = None

    def sentence(self, index: int) -> str:
        if index < 0:
            return self.title or ""
        return self.sentences[index] if index < len(self.sentences) else ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence of one article that states a claim."""

    article_id: str
    line_id: str
    sentence: int
    text: str
    reported: date | None  # the day the article reported it (its publication date, or its line's)


@dataclass(frozen=True, slots=True)
class ClaimPair:
    """How two comparable claims relate: ``consistent`` (ranges overlap), ``more_specific`` (``a``
    narrows ``b``'s range), ``superseded`` (``a`` is an earlier, smaller toll that ``b`` replaced) or
    ``conflicting`` (disjoint ranges reported at the same time by different reporting lines)."""

    a: str
    b: str
    label: str
    why: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of a story with its evidence and two counts: articles, and independent reporting
    lines (copies of one original count once).

    ``kind``: "figure" (a count kept as a range ``low``..``high``, None open), "event_date" or "quote".
    ``event`` names another event a figure belongs to ("a 1990s war"); "" is the story's own event.
    """

    id: str
    kind: str
    subject: str  # figure: what it counts (killed, injured, ...); quote: the speaker; event_date: "event"
    statement: str  # the claim in words, e.g. "more than 1,200 killed"
    evidence: tuple[Evidence, ...]
    articles: int
    independent_lines: int
    low: int | None = None
    high: int | None = None
    unit: str = ""
    event: str = ""
    first_reported: date | None = None
    last_reported: date | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Happening:
    """A dated happening of a story's timeline, with the sentences that date it."""

    day: date
    text: str  # the earliest sentence that tells it
    evidence: tuple[Evidence, ...]
    articles: int
    independent_lines: int


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """The claims of a story, how comparable ones relate, and its timeline."""

    story_id: str
    claims: tuple[Claim, ...]
    pairs: tuple[ClaimPair, ...]
    timeline: tuple[Happening, ...]

    @property
    def conflicts(self) -> tuple[ClaimPair, ...]:
        return tuple(p for p in self.pairs if p.label == "conflicting")


# --- pair similarity (issue 6): how alike two articles are, and why ---------------------------------


@dataclass(frozen=True, slots=True)
class PairScore:
    """How alike two articles are (``score`` 0 = unrelated .. 1 = the same report), with its parts.

    Each part is in 0..1; None where it could not be told (no names in one article, no dates).
    """

    score: float
    lexical: float  # square root of the TF-IDF cosine of the content words
    aligned: float  # share of the sentences the sentence alignment matched across the two
    entities: float | None  # Dice overlap of the people, organisations and places (name variants merged)
    time: float | None  # closeness of the events' dates (1 same day .. 0 a month or more apart)
    numbers: float | None  # Dice overlap of the numbers both texts give
    embedding: float | None = None  # sentence-embedding cosine, when an encoder was given
