"""Near-duplicates and syndication: which reports are copies of one another.

Each new article is compared with earlier ones through the store's index, never a scan:

- **exact** duplicates: the same normalised word sequence (a hash);
- **near**-duplicates: MinHash signatures of word shingles, candidates from LSH bands, the estimated
  Jaccard, confirmed by the sentences the two share;
- **containment**: one article mostly inside the other (a cropped version, or a copy with a paragraph
  added), measured on sentences;
- **shared passages**: a large share of sentences in common (aligned with ``align.compare``: verbatim or
  near-verbatim), which catches rewrites around one wire core.

Sentences that turn up in three or more unrelated reporting lines (page templates, "anyone with
information is asked to call ...") do not count as shared. A new article joins the reporting line of its
strongest link, or founds one; the line is named by its founding article, so the same input in the same
order gives the same lines and ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlparse

from storyfold.align import matches, sentence_tokens
from storyfold.dedup.minhash import (
    MinHasher,
    band_keys,
    check_bands,
    estimate_jaccard,
    make_hasher,
    signature_bytes,
    signature_from_bytes,
)
from storyfold.dedup.wire import wire_credit
from storyfold.errors import ConfigError
from storyfold.model import Article, DedupRecord, DuplicateLink, LineMember, LinkKind, Sentence
from storyfold.store.dedup_base import DedupStore
from storyfold.textproc import content_tokens, sentences, shingles, tokens

__all__ = ["DedupOptions", "DedupResult", "dedup_article", "expire_index", "features", "line_id_for"]


@dataclass(frozen=True, slots=True)
class DedupOptions:
    minhash: str = "rensa"  # implementation, chosen by bench/minhash_bench.py (see bench/minhash.md)
    num_perm: int = 128
    bands: int = 32  # 32 bands of 4 rows: pairs from Jaccard ~0.4 up become candidates
    shingle: int = 5  # words per shingle
    near: float = 0.5  # estimated Jaccard for a near-duplicate
    contained: float = 0.9  # share of the shorter article's sentences inside the other for containment
    shared: float = 0.5  # share of the shorter article's sentences in common for a shared-passage link
    min_shared_sentences: int = 3  # fewer shared sentences than this is never a link (except exact copies)
    min_sentence_words: int = 6  # shorter sentences are not indexed ("Police said.")
    min_tokens: int = 40  # an article with fewer informative words only links as an exact copy
    common_lines: int = 3  # a sentence seen in this many reporting lines is template or stock text
    candidates: int = 20  # candidates verified per article

    def hasher(self) -> MinHasher:
        check_bands(self.num_perm, self.bands)
        return make_hasher(self.minhash, self.num_perm)


@dataclass(frozen=True, slots=True)
class DedupResult:
    member: LineMember
    links: tuple[DuplicateLink, ...]
    new_line: bool

    @property
    def best(self) -> DuplicateLink | None:
        return self.links[0] if self.links else None


def _hash63(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little") >> 1


def line_id_for(article_key: str) -> str:
    """A line's id derives from its founding article's identity key."""
    return "l" + hashlib.sha1(article_key.encode("utf-8")).hexdigest()[:10]


def _day(article: Article) -> date:
    return article.published_date or datetime.now().date()


def features(article: Article, opts: DedupOptions, hasher: MinHasher | None = None) -> DedupRecord:
    """What the index keeps of an article (text hash, signature, bands, sentence hashes)."""
    hasher = hasher or opts.hasher()
    toks = tokens(article.text)
    sh = shingles(toks, opts.shingle)
    sig = hasher.signature(sh)
    sent_hashes = [h for h in (_sent_hash(s.text, opts) for s in sentences(article)) if h >= 0]
    return DedupRecord(
        article_id=article.id,
        text_hash=hashlib.sha256(" ".join(toks).encode("utf-8")).hexdigest(),
        scheme=hasher.scheme,
        signature=signature_bytes(sig),
        shingles=len(sh),
        tokens=len(toks),
        sentence_hashes=tuple(sent_hashes),
        bands=tuple(band_keys(sig, opts.bands)) if sh else (),
        day=_day(article),
    )


_RANK = {LinkKind.EXACT: 0, LinkKind.NEAR: 1, LinkKind.CONTAINED: 2, LinkKind.CONTAINS: 2, LinkKind.SHARED: 3}


def _verify(
    article: Article,
    rec: DedupRecord,
    other: Article,
    orec: DedupRecord,
    common: frozenset[int],
    opts: DedupOptions,
    own: Sequence[Sentence] | None = None,
) -> DuplicateLink | None:
    """The link from ``article`` to the earlier ``other``, or None. ``own``: the article's sentences, when the
    caller has them (the same for each candidate)."""
    sig, osig = signature_from_bytes(rec.signature), signature_from_bytes(orec.signature)
    jac = estimate_jaccard(sig, osig) if rec.scheme == orec.scheme else 0.0
    inter = jac * (rec.shingles + orec.shingles) / (1.0 + jac) if jac else 0.0
    containment = min(1.0, inter / max(1, min(rec.shingles, orec.shingles)))
    if rec.text_hash == orec.text_hash:
        if not _about_headlines(set(content_tokens(article.text)), article, other):
            return None
        return DuplicateLink(article.id, other.id, LinkKind.EXACT, 1.0, 1.0, 1.0, len(set(rec.sentence_hashes)))
    if rec.tokens < opts.min_tokens or orec.tokens < opts.min_tokens:
        return None
    # Sentences: matched one to one (verbatim or near-verbatim, as align.compare matches them), stock sentences
    # left out on both sides.
    sa = sentences(article) if own is None else own
    sb = sentences(other)
    informative_a = [h for h in (_sent_hash(s.text, opts) for s in sa) if h >= 0 and h not in common]
    informative_b = [h for h in (_sent_hash(s.text, opts) for s in sb) if h >= 0 and h not in common]
    pairs = [
        (sa[i].text, sb[j].text)
        for i, j, kind, _ in matches(sa, sb)
        if kind in ("verbatim", "near")
        and _sent_hash(sa[i].text, opts) not in common
        and _sent_hash(sb[j].text, opts) not in common
        and _sentence_key(sa[i].text)[1] >= opts.min_sentence_words
    ]
    n = len(pairs)
    share_a = n / max(1, len(informative_a))  # of the new article's sentences, how many the earlier one has
    share_b = n / max(1, len(informative_b))
    # Fewer shared sentences than min_shared_sentences only count when a short article lies wholly inside.
    if n < opts.min_shared_sentences and not (n >= 2 and max(share_a, share_b) >= 1.0):
        return None
    words: set[str] = set()
    for text_a, text_b in pairs:
        words |= sentence_tokens(text_a)[1] | sentence_tokens(text_b)[1]
    if not _about_headlines(words, article, other):
        return None
    shared = max(share_a, share_b)
    if min(share_a, share_b) >= opts.contained:
        kind = LinkKind.NEAR  # the same sentences both ways (reordered, retouched)
    elif share_a >= opts.contained:
        kind = LinkKind.CONTAINED
    elif share_b >= opts.contained:
        kind = LinkKind.CONTAINS
    elif jac >= opts.near and min(share_a, share_b) >= opts.shared:
        kind = LinkKind.NEAR
    elif shared >= opts.shared:
        kind = LinkKind.SHARED
    else:
        return None
    return DuplicateLink(article.id, other.id, kind, round(jac, 4), round(containment, 4), round(shared, 4), n)


def _headline_words(article: Article) -> frozenset[str]:
    """Content words of the headline, without the site's own name ("Police on Twitter" on twitter.com);
    empty when there is no headline of two such words to check against."""
    if not article.title:
        return frozenset()
    hosts = [article.source or "", urlparse(article.url).hostname or "" if article.url else ""]
    site = set(tokens(" ".join(re.sub(r"[./:_-]", " ", h) for h in hosts)))
    words = frozenset(content_tokens(article.title)) - site
    return words if len(words) >= 2 else frozenset()


def _about_headlines(text_words: set[str], *articles: Article) -> bool:
    """Whether the text mentions a headline word of each article. A page whose body never mentions its own
    headline (a sign-in form, a notification widget), or two pages whose only shared sentences mention neither
    headline (one outlet's template around different news), are not copies."""
    for art in articles:
        words = _headline_words(art)
        if words and not words & text_words:
            return False
    return True


@lru_cache(maxsize=1 << 16)
def _sentence_key(text: str) -> tuple[int, int]:
    """A sentence's hash and number of tokens; memoised, as verification meets the same sentences again
    (each candidate of each copy: 40 % of a copy-heavy stream's ingest time before)."""
    st = sentence_tokens(text)[0]  # tokens(text), memoised there too: alignment meets the same sentences
    return _hash63(" ".join(st)), len(st)


def _sent_hash(text: str, opts: DedupOptions) -> int:
    h, n = _sentence_key(text)
    return h if n >= opts.min_sentence_words else -1


def dedup_article(
    store: DedupStore,
    article: Article,
    opts: DedupOptions,
    get_article: Callable[[str], Article],
    rec: DedupRecord | None = None,
) -> DedupResult:
    """Find the earlier articles this one copies or shares passages with, put it in a reporting line,
    and index it. Call inside the transaction that stores the article. ``rec``: the article's ``features``,
    when computed ahead (by an ingest worker) for this article and ``opts``."""
    rec = replace(rec, article_id=article.id, day=_day(article)) if rec is not None else features(article, opts)
    seen: list[str] = [a for a in store.dedup_exact(rec.text_hash) if a != article.id]
    for cand, bands, sents in store.dedup_candidates(rec.bands, rec.sentence_hashes, opts.candidates):
        if cand != article.id and cand not in seen and (bands or sents >= 2):
            seen.append(cand)
    counts = store.sentence_line_counts(rec.sentence_hashes)
    common = frozenset(h for h, n in counts.items() if n >= opts.common_lines)
    records = store.dedup_records(seen)
    links: list[DuplicateLink] = []
    own = sentences(article) if records else []
    for cand in seen:
        orec = records.get(cand)
        if orec is None:
            continue
        link = _verify(article, rec, get_article(cand), orec, common, opts, own)
        if link is not None:
            links.append(link)
    links.sort(key=lambda x: (_RANK[x.kind], -x.shared_sentences, -x.jaccard, seen.index(x.other_id)))
    wire = wire_credit(article)
    if links:
        best = links[0]
        parent = store.line_member(best.other_id)
        line_id = parent.line_id if parent else line_id_for(best.other_id)
        # exact matches come first in ingest order, so an exact copy points at the earliest of them
        member = LineMember(article.id, line_id, best.other_id if best.is_copy else None, wire)
        new_line = False
    else:
        member = LineMember(article.id, line_id_for(article.key), None, wire)
        new_line = True
    store.add_duplicate_links(links)
    store.set_line_member(member)
    store.add_dedup_record(rec)
    return DedupResult(member, tuple(links), new_line)


def expire_index(store: DedupStore, *, keep_days: int | None = None, before: date | None = None) -> int:
    """Drop index entries older than ``before`` (or than ``keep_days`` before the newest indexed date):
    later articles are no longer compared with them; links and lines already found stay."""
    if before is None:
        if keep_days is None:
            raise ConfigError("expiry needs a number of days to keep or a date to expire before")
        newest = store.newest_dedup_day()
        if newest is None:
            return 0
        before = date.fromordinal(newest.toordinal() - keep_days)
    return store.expire_dedup_index(before)
