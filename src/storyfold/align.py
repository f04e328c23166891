"""Sentence alignment between articles: what they share, what each adds, which words changed.

A first, real version: sentences match by word overlap (after quote, dash and spelling
normalisation), one-to-one and greedily by score; a story's sentences are grouped by joining the
pairwise matches of its articles.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from storyfold.model import (
    Article,
    Comparison,
    GroupMember,
    Sentence,
    SentenceGroup,
    SentencePair,
    WordDiff,
)
from storyfold.textproc import STOPWORDS, normalise, sentences, spelling_key, tokens


@dataclass(frozen=True, slots=True)
class AlignOptions:
    near: float = 0.8  # token edit similarity for a near-verbatim copy
    rewrite: float = 0.5  # content-word Dice for a light rewrite
    min_shared_content: int = 4  # a rewrite must share at least this many content words


@dataclass(frozen=True, slots=True)
class _Prepared:
    sentence: Sentence
    toks: tuple[str, ...]
    content: frozenset[str]


def _prepare(sents: Sequence[Sentence]) -> list[_Prepared]:
    out = []
    for s in sents:
        toks = tuple(tokens(s.text))
        out.append(_Prepared(s, toks, frozenset(t for t in toks if t not in STOPWORDS and len(t) > 1)))
    return out


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
    """One-to-one sentence matches, best scores first."""
    scored: list[tuple[float, int, int, str]] = []
    for i, a in enumerate(pa):
        for j, b in enumerate(pb):
            hit = _score(a, b, opts)
            if hit:
                kind, score = hit
                scored.append((score, i, j, kind))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, i, j, kind in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, kind, score))
    return sorted(out)


_WORD = re.compile(r"\S+")


def _key(word: str) -> str:
    return spelling_key(re.sub(r"[^\w%$.,-]|(?<=\w)[.,]$", "", word.lower()).strip(".,"))


def word_diffs(a: str, b: str) -> tuple[WordDiff, ...]:
    """Word-level changes from sentence ``a`` to sentence ``b`` (punctuation, quotes and spelling
    variants are not changes)."""
    wa, wb = _WORD.findall(normalise(a)), _WORD.findall(normalise(b))
    ka, kb = [_key(w) for w in wa], [_key(w) for w in wb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        out.append(WordDiff(op, " ".join(wa[i1:i2]), " ".join(wb[j1:j2])))
    return tuple(out)


def compare(a: Article, b: Article, opts: AlignOptions | None = None) -> Comparison:
    """What two articles share (sentence by sentence) and what each adds."""
    opts = opts or AlignOptions()
    sa, sb = sentences(a), sentences(b)
    pa, pb = _prepare(sa), _prepare(sb)
    pairs = _match(pa, pb, opts)
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


_RANK = {"verbatim": 0, "near": 1, "rewrite": 2}


def align_story(articles: Sequence[Article], opts: AlignOptions | None = None) -> list[SentenceGroup]:
    """Group the sentences of a story's articles: every sentence lands in exactly one group;
    groups with members from two or more articles are what the sources share. Groups come in the
    order of their first member (articles in the given order, then sentence order)."""
    opts = opts or AlignOptions()
    prepared = [_prepare(sentences(art)) for art in articles]
    nodes = [(ai, si) for ai, p in enumerate(prepared) for si in range(len(p))]
    index = {n: k for k, n in enumerate(nodes)}
    parent = list(range(len(nodes)))
    kind_of: dict[int, str] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ai in range(len(articles)):
        for bi in range(ai + 1, len(articles)):
            for i, j, kind, _ in _match(prepared[ai], prepared[bi], opts):
                ra, rb = find(index[(ai, i)]), find(index[(bi, j)])
                if ra == rb:
                    continue
                if _RANK[kind] > max(_RANK[kind_of.get(ra, "verbatim")], _RANK[kind_of.get(rb, "verbatim")]):
                    worst = kind
                else:
                    worst = max(kind_of.get(ra, "verbatim"), kind_of.get(rb, "verbatim"), key=_RANK.__getitem__)
                parent[rb] = ra
                kind_of[ra] = worst
    groups: dict[int, list[int]] = {}
    for k in range(len(nodes)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for root, members in sorted(groups.items(), key=lambda g: min(g[1])):
        out.append(
            SentenceGroup(
                members=tuple(
                    GroupMember(articles[nodes[k][0]].id, prepared[nodes[k][0]][nodes[k][1]].sentence) for k in members
                ),
                kind=kind_of.get(root, "verbatim") if len(members) > 1 else "unique",
            )
        )
    return out
