"""Sentence alignment between articles: what they share, what each adds, which words changed.

Two articles (``compare``): every sentence pair is scored (verbatim after quote, dash and spelling
normalisation; near-verbatim by token edit similarity; light rewrite by content-word overlap) and
matched one-to-one, best first.

A story (``align_story``) must scale to hundreds of articles, so it never scores all sentence
pairs: sentences with the same normalised tokens are one *type* (a dictionary lookup), and types
are compared only when an inverted index over their rarest content words says they can reach the
rewrite threshold (prefix filtering, as in set-similarity joins: two sets with Jaccard >= t must
share a word among the first ``|x| - ceil(t|x|) + 1`` words of each in a global rare-first order).
The scored links are joined best first with union-find, and a group never takes two sentences of
one article, so a chain of loose rewrites cannot swallow an article's neighbouring sentences.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import Indel

from storyfold.model import (
    Article,
    Comparison,
    GroupMember,
    Sentence,
    SentenceGroup,
    SentencePair,
    SourceView,
    WordDiff,
)
from storyfold.textproc import STOPWORDS, normalise, sentences, spelling_key, tokens


@dataclass(frozen=True, slots=True)
class AlignOptions:
    near: float = 0.8  # token edit similarity for a near-verbatim copy
    rewrite: float = 0.5  # content-word Dice for a light rewrite
    min_shared_content: int = 4  # a rewrite must share at least this many content words
    # story alignment: candidate pairs are those that can reach this content-word Jaccard
    # (a rewrite at Dice 0.5 is Jaccard 1/3; near copies that change more content words are rare)
    candidate_jaccard: float = 0.25


@dataclass(frozen=True, slots=True)
class _Prepared:
    sentence: Sentence
    toks: tuple[str, ...]
    content: frozenset[str]


def _prepare(
    sents: Sequence[Sentence], memo: dict[str, tuple[tuple[str, ...], frozenset[str]]] | None = None
) -> list[_Prepared]:
    """Tokens and content words of each sentence; ``memo`` (the caller's) spares re-tokenising the
    sentences copies repeat."""
    if memo is None:  # a one-off comparison (dedup verifies many): the process-wide bounded memo
        return [_Prepared(s, *sentence_tokens(s.text)) for s in sents]
    out = []
    for s in sents:
        done = memo.get(s.text)
        if done is None:
            done = memo[s.text] = sentence_tokens(s.text)
        out.append(_Prepared(s, *done))
    return out


@lru_cache(maxsize=1 << 16)
def sentence_tokens(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A sentence's tokens and content words, memoised (copies and rewrites repeat sentences across
    articles; dedup verification meets each again with every candidate)."""
    toks = tuple(tokens(text))
    return toks, frozenset(t for t in toks if t not in STOPWORDS and len(t) > 1)


_RANK = {"verbatim": 0, "near": 1, "rewrite": 2}


def _score(a: _Prepared, b: _Prepared, opts: AlignOptions) -> tuple[str, float] | None:
    shared = len(a.content & b.content)
    if shared == 0:
        return None
    if a.toks == b.toks:
        return "verbatim", 1.0
    sim = Indel.normalized_similarity(a.toks, b.toks)
    if sim >= opts.near:
        return "near", sim
    dice = 2 * shared / (len(a.content) + len(b.content))
    if dice >= opts.rewrite and shared >= opts.min_shared_content:
        return "rewrite", dice
    return None


def _match(pa: Sequence[_Prepared], pb: Sequence[_Prepared], opts: AlignOptions) -> list[tuple[int, int, str, float]]:
    """One-to-one sentence matches of two articles, closest kind and best score first.

    Verbatim pairs rank first and tie at score one, so matching them best first is matching each sentence of
    ``pa`` in order with the earliest unused identical one of ``pb``: a dictionary look-up. Only the sentences
    left over are scored pairwise (two copies leave few: verification of near-duplicates is most of dedup)."""
    same: dict[tuple[str, ...], list[int]] = {}
    for j in reversed(range(len(pb))):
        same.setdefault(pb[j].toks, []).append(j)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for i, a in enumerate(pa):
        js = same.get(a.toks)
        if js and a.content:  # a sentence without content words matches nothing (see _score)
            j = js.pop()
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, "verbatim", 1.0))
    rest_b = [(j, b) for j, b in enumerate(pb) if j not in used_b]
    scored: list[tuple[int, float, int, int, str]] = []
    for i, a in enumerate(pa):
        if i in used_a:
            continue
        for j, b in rest_b:
            hit = _score(a, b, opts)
            if hit:
                kind, score = hit
                scored.append((_RANK[kind], -score, i, j, kind))
    scored.sort()
    for _, neg, i, j, kind in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, kind, -neg))
    return sorted(out)


_WORD = re.compile(r"\S+")


def _key(word: str) -> str:
    return spelling_key(re.sub(r"[^\w%$.,-]|(?<=\w)[.,]$", "", word.lower()).strip(".,"))


def word_diffs(a: str, b: str, keys: dict[str, str] | None = None) -> tuple[WordDiff, ...]:
    """Word-level changes from sentence ``a`` to sentence ``b`` (punctuation, quotes and spelling
    variants are not changes). ``keys`` memoises each word's comparison key across calls (a story's
    members repeat the same words hundreds of times); it belongs to the caller."""
    keys = {} if keys is None else keys
    wa, wb = _WORD.findall(normalise(a)), _WORD.findall(normalise(b))
    ka = [keys[w] if w in keys else keys.setdefault(w, _key(w)) for w in wa]
    kb = [keys[w] if w in keys else keys.setdefault(w, _key(w)) for w in wb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        out.append(WordDiff(op, " ".join(wa[i1:i2]), " ".join(wb[j1:j2])))
    return tuple(out)


def matches(
    sa: Sequence[Sentence], sb: Sequence[Sentence], opts: AlignOptions | None = None
) -> list[tuple[int, int, str, float]]:
    """The sentence pairs ``compare`` reports, as (position in ``sa``, position in ``sb``, kind, score) in its
    order, without the word diffs it adds (dedup verification reads only the pairs and their kinds)."""
    return _match(_prepare(sa), _prepare(sb), opts or AlignOptions())


def compare(a: Article, b: Article, opts: AlignOptions | None = None) -> Comparison:
    """What two articles share (sentence by sentence) and what each adds."""
    sa, sb = sentences(a), sentences(b)
    pairs = matches(sa, sb, opts)
    shared = tuple(
        SentencePair(
            sa[i], sb[j], kind, round(score, 3), word_diffs(sa[i].text, sb[j].text) if kind != "verbatim" else ()
        )
        for i, j, kind, score in pairs
    )
    matched_a = {i for i, _, _, _ in pairs}
    matched_b = {j for _, j, _, _ in pairs}
    return Comparison(
        a=a,
        b=b,
        shared=shared,
        only_a=tuple(s for k, s in enumerate(sa) if k not in matched_a),
        only_b=tuple(s for k, s in enumerate(sb) if k not in matched_b),
    )


def story_order(articles: Sequence[Article]) -> list[int]:
    """Positions of the articles, earliest publication date first (undated last), then by id."""
    return sorted(
        range(len(articles)),
        key=lambda k: (articles[k].published_date is None, articles[k].published_date or date.max, articles[k].id),
    )


class _Groups:
    """Union-find over sentences that keeps, per group, its articles and its loosest link."""

    def __init__(self, owners: Sequence[int]) -> None:
        self.parent = list(range(len(owners)))
        self.articles: list[set[int]] = [{o} for o in owners]
        self.kind = ["verbatim"] * len(owners)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, x: int, y: int, kind: str, *, same_article_ok: bool = False) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        if not same_article_ok and not self.articles[rx].isdisjoint(self.articles[ry]):
            return False
        if len(self.articles[rx]) < len(self.articles[ry]):
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.articles[rx] |= self.articles[ry]
        self.articles[ry] = set()
        self.kind[rx] = max(self.kind[rx], self.kind[ry], kind, key=_RANK.__getitem__)
        return True


def _candidates(types: Sequence[_Prepared], threshold: float) -> set[tuple[int, int]]:
    """Pairs of sentence types whose content words can reach Jaccard ``threshold``: each type is
    indexed under the prefix of its content words in rare-first order."""
    df = Counter(w for t in types for w in t.content)
    index: dict[str, list[int]] = {}
    out: set[tuple[int, int]] = set()
    for k, t in enumerate(types):
        words = sorted(t.content, key=lambda w: (df[w], w))
        prefix = words[: len(words) - math.ceil(threshold * len(words)) + 1] if words else []
        for w in prefix:
            postings = index.setdefault(w, [])
            out.update((j, k) for j in postings)
            postings.append(k)
    return out


def align_story(articles: Sequence[Article], opts: AlignOptions | None = None) -> list[SentenceGroup]:
    """Group the sentences of a story's articles: every sentence lands in exactly one group, and a
    group holds at most one sentence of each article (unless an article repeats a sentence word for
    word). Members come earliest source first (publication date, then id), each with its word
    changes from the first; groups come in the order a reader meets them going through the articles
    earliest first."""
    opts = opts or AlignOptions()
    order = story_order(articles)
    memo: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
    prepared = [_prepare(sentences(articles[k]), memo) for k in order]
    nodes = [(pos, p) for pos, ps in enumerate(prepared) for p in ps]
    groups = _Groups([pos for pos, _ in nodes])

    # 1. identical token sequences are one type: verbatim copies (after normalisation)
    type_of: dict[tuple[str, ...], int] = {}
    types: list[_Prepared] = []
    first_node: list[int] = []
    for n, (_, p) in enumerate(nodes):
        key = p.toks or (f"\0{n}",)  # a sentence without words is its own type
        t = type_of.setdefault(key, len(types))
        if t == len(types):
            types.append(p)
            first_node.append(n)
        else:
            groups.join(first_node[t], n, "verbatim", same_article_ok=True)

    # 2. near copies and rewrites between types that can reach the thresholds, best first
    edges = []
    for i, j in _candidates(types, opts.candidate_jaccard):
        hit = _score(types[i], types[j], opts)
        if hit:
            kind, score = hit
            edges.append((_RANK[kind], -score, min(first_node[i], first_node[j]), i, j, kind))
    edges.sort()
    for _, _, _, i, j, kind in edges:
        groups.join(first_node[i], first_node[j], kind)

    members: dict[int, list[int]] = {}
    for n in range(len(nodes)):
        members.setdefault(groups.find(n), []).append(n)
    out = []
    keys: dict[str, str] = {}
    for root, ns in sorted(members.items(), key=lambda g: g[1][0]):
        ref = nodes[ns[0]][1]
        group_members = []
        for n in ns:
            pos, p = nodes[n]
            diffs = () if n == ns[0] or p.toks == ref.toks else word_diffs(ref.sentence.text, p.sentence.text, keys)
            group_members.append(GroupMember(articles[order[pos]].id, p.sentence, diffs))
        kind = groups.kind[root] if len({nodes[n][0] for n in ns}) > 1 else "unique"
        out.append(SentenceGroup(members=tuple(group_members), kind=kind))
    return out


def source_views(article_ids: Sequence[str], groups: Sequence[SentenceGroup]) -> tuple[SourceView, ...]:
    """For each article: the sentences only it carries, the statements more than half of the other
    articles carry and it lacks, and its wording of shared statements where it differs from the
    earliest source's."""
    carried: dict[str, list[SentenceGroup]] = {a: [] for a in article_ids}
    for g in groups:
        for a in g.article_ids:
            carried.setdefault(a, []).append(g)
    views = []
    for a in article_ids:
        mine = carried.get(a, [])
        others = len(article_ids) - 1
        need = others // 2 + 1  # more than half of the others
        mine_ids = {id(g) for g in mine}
        views.append(
            SourceView(
                article_id=a,
                adds=tuple(m.sentence for g in mine if g.article_ids == (a,) for m in g.members),
                omits=tuple(g for g in groups if id(g) not in mine_ids and len(g.article_ids) >= need),
                changed=tuple((g, m) for g in mine for m in g.members if m.article_id == a and m.diffs),
            )
        )
    return tuple(views)
