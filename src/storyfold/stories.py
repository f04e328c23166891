"""Online story assignment: each new article joins the best-matching story or starts one.

Candidates come from the store's term index (stories sharing the article's most salient terms),
never from a scan of all stories; the score is the TF-IDF cosine between the article and the
story's summed profile, with proper names weighted up and a publication-time window.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from storyfold.model import Article, ArticleNames, Assignment
from storyfold.pagekind import story_body
from storyfold.store.base import Store
from storyfold.textproc import STOPWORDS, headline_of, normalise, spelling_key

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['-][A-Za-z\u00c0-\u024f]+)*|\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class StoryOptions:
    threshold: float = 0.2  # minimum cosine to join a story
    window_days: int = 14  # beyond this many days apart a score fades (late_decay) or is dropped
    # Beyond the window a similarity is scaled by sqrt(window_days / days apart) instead of dropped: follow-ups
    # (charges, trials) come weeks or months after an incident (a quarter of the same-incident pairs of
    # gva-dev are over 14 days apart). Online, where a join cannot be undone and a story's summed profile
    # flatters its score, the factor counts twice (window / days apart), on the score and on the average-link
    # gate. False: the window is a hard cut.
    late_decay: bool = True
    # The article's most salient terms (by TF-IDF) that look up candidate stories; the candidates are then scored on
    # every term. Reading each look-up term's postings in the time window is the part of assignment that grows
    # with the store; fewer terms read fewer postings. Timed inside the ingest at 1,008,435 stored
    # (bench/scale_copies.py, bench/RESULTS-1M.md), with ties on the count of shared look-up terms broken by the
    # story's newest posting: 10 terms p50 6.8 / 6.7 ms, p99 39.5 / 34.3 ms, against 25 terms the same day
    # p50 21.1 / 21.2 ms, p99 108.9 / 117.0 ms. (Before that tie-break, ties went to the lowest story id, mostly
    # stories whose profiles were not cached: 10 terms then halved the median but doubled p99, 164 against 88 ms.)
    # Development sets (eval stories online): identical at 10 and 25 on ecbplus, gvc and newswcl50; gva-dev
    # B-cubed / pairwise 0.9372 / 0.8312 against 0.9376 / 0.8328. Since the postings index holds the story id
    # (migration 10), 10 terms measure p50 4.9-5.0 ms, p99 14.0-15.9 ms at 1M.
    query_terms: int = 10
    candidates: int = 30  # stories scored per article
    # Each query term reads at most this many of its newest postings in the time window (None, the default: all).
    # A common word ("police", "shooting") has thousands of postings in the window of a large store, and reading
    # them is the part of assignment that grows as the window fills; but the cap favours newer stories in the
    # candidate ranking. On a 353,683-article store grown by row copies (bench/assign_cap.py, 200 probes, two
    # passes): uncapped p50 7.0-7.3 ms, p99 32-37 ms, the probe joins its own previous round's story 155 of 200
    # times; capped at 200: p50 5.9-6.2 ms, p99 17-21 ms, 144 of 200; at 800: no faster, 152. So it is off: a
    # knob for a store whose window is far denser than these. Development sets: identical at 100, 200 or off.
    term_postings: int | None = None
    name_weight: float = 2.0  # capitalised words inside a sentence: names and places
    title_weight: float = 2.0
    year_penalty: float = 1.0  # score factor when article and story name years and share none (1.0: off)
    # How an article scores against a story. "centroid": the cosine with the story's summed term profile;
    # a story that already mixes events of one subject attracts every further report on it. "average": the
    # mean cosine with the story's members (from the sum of their unit vectors, IDF as of each member's
    # arrival), which mixing cannot inflate. "gate" (default): the centroid scores, and a story whose
    # average link stays under ``link_threshold`` is not joined.
    linkage: str = "gate"
    link_threshold: float = 0.15
    # An article that scores at least this with a second story (besides the one it joins) bridges the two:
    # the other story is merged into the joined one. None (default): stories never merge. At 0.3: ECB+ B-cubed
    # F1 0.838 -> 0.847 online, gvc and newswcl50 unchanged, but the 162-article demo excerpt 0.85+ -> 0.793,
    # so it stays off until a better bridge test is found.
    merge_threshold: float | None = None
    # Settling. Online, an article joins whichever story is there when it arrives, on its own link to that
    # story: the first report of a second event of one subject (a second North Korea story) joins the first
    # event's story, and every later report of the second event follows it in (newswcl50 online: 6 stories
    # for 10 events, B-cubed 0.750; batch, where two whole groups must link on average, 0.984). After each
    # join, the joined story and the other candidate stories whose average link with the article reaches
    # ``settle_link`` are clustered again, together, as batch mode clusters the whole store (average link at
    # ``threshold``, the store's IDF now): members that do not belong split off into a story of their own
    # and stories that belong together merge. At most ``settle_articles`` articles are clustered again per
    # join (a larger neighbourhood is left as it is). None: off.
    settle_link: float | None = 0.1
    settle_articles: int = 400
    # A young store's IDF misleads: on a stream that brings one subject at a time, the subject's own words
    # are in every stored article and weigh nothing, and reports of one event look unrelated (batch mode on
    # the first 32 ECB+ articles: B-cubed 0.557; the same articles grouped with the IDF of all 772: 0.970).
    # So while the store holds at most ``settle_young`` articles, it settles all its stories at once each
    # time it has grown by a quarter (at 16, 20, 25, 31, ... articles): the groups made with the IDF of a
    # smaller store are made again. 0: never.
    settle_young: int = 2048
    # Hysteresis of settling: groups that link on average at ``threshold`` always join, groups that link
    # under ``threshold - settle_margin`` always part, and in between they stay as they are now. Without it
    # a young store's drifting IDF flips borderline groups apart at one settling and never back (demo
    # excerpt online B-cubed 0.845 at 0.0, 0.864 at 0.02, 0.888 at 0.03; newswcl50 0.984, 1.000, 0.947).
    settle_margin: float = 0.02
    # Name conflicts. Two reports of one kind of event share most words and differ in who: "Klitschko stopped
    # Rahman" and "Klitschko stopped Thompson", "Deep Throat Mark Felt dies" and "Watergate figure Fred LaRue
    # dies". An article's leading names are the names of its title and first ``conflict_lede`` paragraphs
    # that it repeats at least ``conflict_count`` times in all; when each of two articles leads with names
    # the other never mentions, their similarity (in batch mode and settling) is scaled down, to
    # ``name_conflict`` when half or more of either side's leading names are missing from the other
    # (linearly in between). Pairs under ``conflict_from`` are left as they are. None: off. Batch mode,
    # B-cubed F1: ecbplus 0.871 -> 0.903, gvc 0.960 -> 0.959, gva-dev 0.907 -> 0.907 (pairwise 0.719 ->
    # 0.710), newswcl50 0.984 -> 0.984.
    name_conflict: float | None = 0.3
    conflict_count: int = 3
    conflict_lede: int = 2
    conflict_from: float = 0.1
    # Only names rarer than this IDF count (in at most 8 % of the articles): "County", "Street", "Britain" in a
    # set about Britain do not tell events apart. A young store (under some 30 articles) has no such names.
    conflict_idf: float = 3.5
    # Rare names: the names an article gives that are rarer than IDF ``rare_idf`` (in under about 0.7 % of the
    # articles): a victim's, a suspect's, a street's, a small town's. Three rules read them, in batch mode and
    # settling (batch mode, B-cubed F1 with each rule added in turn, on ecbplus / gvc / gva-dev; newswcl50 did
    # not move):
    rare_idf: float = 5.0
    # Follow-ups. Reports of one incident weeks or months apart (a charge, a plea, a sentencing) share the
    # incident's rare names: two articles that share at least ``follow_names`` of them fade beyond the window
    # as if at most ``follow_days`` apart. None: off. 0.905 / 0.958 / 0.913 -> 0.906 / 0.964 / 0.916.
    follow_names: int | None = 3
    follow_days: int = 30
    # Two reports that share at least ``conflict_spared`` rare names are one incident told from two sides (one
    # leads with the victim, the other with the shooter): their leading names are no conflict. None: off.
    # -> 0.906 / 0.966 / 0.917.
    conflict_spared: int | None = 3
    # Two reports at most ``near_days`` apart that share at least ``near_names`` rare names are likely one
    # incident even in other words (the victim's name in one, the shooter's story in the other): their
    # similarity is multiplied by ``near_boost``. None: off. -> 0.908 / 0.974 / 0.924. Within 1 day: gvc 0.971;
    # within 7 days: gva-dev 0.922; a boost of 1.2: 0.972 / 0.923, 1.5: 0.975 / 0.923 (ecbplus 0.907).
    near_names: int | None = 1
    near_days: int = 3
    near_boost: float = 1.3
    # The near rule reads names a little less rare than the other two (IDF ``near_idf``, in under about 1.1 %
    # of the articles): within three days even a less rare name is seldom a coincidence. Batch mode, B-cubed
    # / pairwise on gva-dev: IDF 5.0 0.9296 / 0.806, 4.5 0.9305 / 0.813, 4.0 0.930 / 0.812 (gvc 0.973 ->
    # 0.974 at 4.0; ecbplus and newswcl50 unchanged).
    near_idf: float = 4.5


def story_id_for(article_key: str) -> str:
    """A story's id derives from its founding article, so the same input gives the same ids."""
    return "s" + hashlib.sha1(article_key.encode("utf-8")).hexdigest()[:10]


def article_terms(article: Article, opts: StoryOptions | None = None) -> dict[str, float]:
    """Sublinear term weights of an article (before IDF): content words, names weighted up."""
    opts = opts or StoryOptions()
    counts: dict[str, float] = {}
    parts = [(headline_of(article.title), opts.title_weight)] + [(s.text, 1.0) for s in story_body(article)]
    for text, weight in parts:
        prev_end = True
        for m in _WORD.finditer(normalise(text)):
            word = m.group(0)
            low = word.lower()
            if low.endswith("'s"):
                low = low[:-2]
            key = spelling_key(low)
            sentence_start = prev_end
            prev_end = text[m.end() : m.end() + 1] in {".", "!", "?"}
            if key in STOPWORDS or len(key) < 2:
                continue
            w = weight
            if word[0].isupper() and not sentence_start:
                w *= opts.name_weight
            counts[key] = counts.get(key, 0.0) + w
    return {t: 1.0 + math.log(c) if c >= 1 else c for t, c in counts.items()}


_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'\-]+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\-]+")
_CALENDAR_WORDS = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    )
)  # fmt: skip


def leading_names(article: Article, opts: StoryOptions | None = None) -> dict[str, int]:
    """The names an article leads with (``StoryOptions.name_conflict``): capitalised words inside a sentence
    of the title or the first paragraphs, never written in lower case in the article (not "Street", not
    "Police" where the text also says "police"), with how often the whole article names them; only those
    named at least ``conflict_count`` times. Keys are term keys, as in ``article_terms``."""
    opts = opts or StoryOptions()
    return leading(names_of(article, opts), opts)


def uses_names(opts: StoryOptions) -> bool:
    """Whether stories read the articles' names (name conflicts or a rare-name rule are on)."""
    return opts.name_conflict is not None or uses_rare_names(opts)


def uses_rare_names(opts: StoryOptions) -> bool:
    """Whether stories read the articles' rare names (follow-ups, spared conflicts or near reports are on)."""
    return opts.follow_names is not None or opts.near_names is not None or opts.conflict_spared is not None


def leading(names: ArticleNames, opts: StoryOptions) -> dict[str, int]:
    """The leading names (``leading_names``) among an article's names."""
    return {k: names.mentions[k] for k in sorted(names.lede) if names.mentions.get(k, 0) >= opts.conflict_count}


def names_of(article: Article, opts: StoryOptions | None = None) -> ArticleNames:
    """Every name an article gives (capitalised words inside a sentence, never written in lower case in the
    article) with how often, and those of its title and first ``conflict_lede`` paragraphs."""
    opts = opts or StoryOptions()
    body = story_body(article)
    parts = [normalise(headline_of(article.title))] if article.title else []
    parts += [normalise(s.text) for s in body]
    lower = {spelling_key(m.group(0)) for s in body for m in _LOWER_WORD.finditer(normalise(s.text))}
    lede = len(parts) - len(body) + opts.conflict_lede
    counts: dict[str, int] = {}
    in_lede: set[str] = set()
    for k, text in enumerate(parts):
        for m in _CAPITALISED.finditer(text):
            if m.start() == 0 or text[max(0, m.start() - 2) : m.start()].strip() in {".", "!", "?", '"', ":"}:
                continue
            word = m.group(0).lower().rstrip("'")
            if word.endswith("'s"):
                word = word[:-2]
            key = spelling_key(word)
            if key in STOPWORDS or len(key) < 3 or key in _CALENDAR_WORDS or key in lower:
                continue
            counts[key] = counts.get(key, 0) + 1
            if k < lede:
                in_lede.add(key)
    return ArticleNames(dict(sorted(counts.items())), frozenset(in_lede))


def conflict_factor(
    a: Mapping[str, int], a_terms: frozenset[str], b: Mapping[str, int], b_terms: frozenset[str], floor: float
) -> float:
    """How much of two articles' similarity survives their name conflict: the share of each one's leading
    names (by count) that the other never mentions; the smaller share, doubled and capped at one, scales
    the similarity from 1 down to ``floor``. ``*_terms``: every term of the article, hyphenated names also
    by their parts ("Jong-un" mentions "Jong")."""
    if not a or not b:
        return 1.0
    missing_a = sum(v for k, v in a.items() if _absent(k, b_terms)) / sum(a.values())
    if not missing_a:
        return 1.0
    missing_b = sum(v for k, v in b.items() if _absent(k, a_terms)) / sum(b.values())
    return 1.0 - (1.0 - floor) * min(1.0, 2.0 * min(missing_a, missing_b))


def _absent(name: str, terms: frozenset[str]) -> bool:
    return name not in terms and not any(part in terms for part in name.split("-"))


def mention_terms(weights: Mapping[str, float]) -> frozenset[str]:
    """An article's terms with hyphenated ones also by their parts (what ``conflict_factor`` looks names up in)."""
    out = set(weights)
    for t in weights:
        if "-" in t:
            out.update(t.split("-"))
    return frozenset(out)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _years(terms: dict[str, float]) -> frozenset[str]:
    """Years named in a text (four-digit 19xx/20xx terms): two events of one kind differ here."""
    return frozenset(t for t in terms if _YEAR.fullmatch(t))


def _idf(n: int, df: int) -> float:
    return math.log((n + 1) / (df + 1)) + 1.0


def _days_apart(day: date | None, first: date | None, last: date | None) -> int | None:
    if day is None or first is None or last is None:
        return None
    if first <= day <= last:
        return 0
    return min(abs((day - first).days), abs((day - last).days))


def time_factor(apart: int | None, opts: StoryOptions) -> float:
    """How much of a similarity survives between publication days ``apart`` days apart (None: undated)."""
    if apart is None or apart <= opts.window_days:
        return 1.0
    return math.sqrt(opts.window_days / apart) if opts.late_decay else 0.0


def time_reach(opts: StoryOptions, bound: float) -> int:
    """The most days apart at which a similarity of one can still reach ``bound`` after the time factor."""
    if not opts.late_decay:
        return opts.window_days
    if bound <= 0:
        return 1 << 30
    return max(opts.window_days, math.floor(opts.window_days / (bound * bound)) + 1)


def unit_vector(weights: Mapping[str, float], store: Store) -> dict[str, float]:
    """An article's TF-IDF vector (IDF from the store now) scaled to length one."""
    n, df = store.document_frequencies(list(weights))
    vec = {t: w * _idf(n, df.get(t, 0)) for t, w in weights.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _story_norms(store: Store, story_ids: Sequence[str], n: int) -> dict[str, float]:
    """The TF-IDF length of each story's profile, exact (IDF of the store now), in vector operations: a story
    of a thousand terms is a thousand IDF values, and thirty candidates per article."""
    import numpy as np

    out: dict[str, float] = {}
    for story_id, (weights, df) in store.story_term_arrays(story_ids).items():
        tfidf = weights * (np.log((n + 1) / (df + 1)) + 1.0)
        out[story_id] = float(np.sqrt(tfidf @ tfidf))
    return out


def assign(article: Article, weights: dict[str, float], store: Store, opts: StoryOptions | None = None) -> Assignment:
    """Choose the story for a new article (reading the store, writing nothing)."""
    opts = opts or StoryOptions()
    n, df = store.document_frequencies(list(weights))
    idf = {t: _idf(n, df.get(t, 0)) for t in weights}
    vec = {t: w * idf[t] for t, w in weights.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    unit = {t: v / norm for t, v in vec.items()}
    query = sorted(vec, key=lambda t: (-vec[t], t))[: opts.query_terms]
    day = article.published_date
    article_years = _years(weights)
    best: tuple[float, str, list[str], int | None] | None = None
    scored: list[tuple[float, str]] = []
    near: list[str] = []
    # postings older than the reach (where even a perfect match fades under the threshold) are never read
    reach = time_reach(opts, math.sqrt(opts.threshold)) if opts.threshold > 0 else None
    since = day - timedelta(days=reach) if day is not None and reach is not None and reach < 1 << 20 else None
    candidates = store.candidate_stories(query, opts.candidates, since, opts.term_postings)
    profiles = store.story_profiles(candidates)
    links = store.story_link_vectors(candidates) if opts.linkage in ("average", "gate") else {}
    in_window = []
    for story_id in sorted(profiles):
        apart = _days_apart(day, *profiles[story_id][2:])
        fade = time_factor(apart, opts) ** 2
        if fade > 0.0:
            in_window.append((story_id, apart, fade))
    norms = _story_norms(store, [sid for sid, _, _ in in_window], n)
    for story_id, apart, fade in in_window:
        terms, size, _, _ = profiles[story_id]
        dot = 0.0
        contrib: list[tuple[float, str]] = []
        for t, v in vec.items():
            w = terms.get(t)
            if w:
                c = v * w * idf[t]
                dot += c
                contrib.append((c, t))
        score = dot / (norm * (norms[story_id] or 1.0))
        link = links.get(story_id)
        if link and size:
            avg = sum([u * link[t] for t, u in unit.items() if t in link]) / size  # the terms it shares, in order
            if opts.settle_link is not None and avg * fade >= opts.settle_link:
                near.append(story_id)
            if opts.linkage == "average":
                score = avg
            elif avg * fade < opts.link_threshold:
                score = 0.0
        score *= fade
        if opts.year_penalty != 1.0 and article_years:
            story_years = _years(terms)
            if story_years and not article_years & story_years:
                score *= opts.year_penalty
        scored.append((score, story_id))
        if best is None or score > best[0]:
            best = (score, story_id, [t for _, t in sorted(contrib, reverse=True)[:8]], apart)
    if best is not None and best[0] >= opts.threshold:
        score, story_id, shared, apart = best
        why = ["shared terms: " + ", ".join(shared)]
        if apart is not None:
            why.append(f"time distance: {apart} days")
        merges: tuple[str, ...] = ()
        if opts.merge_threshold is not None:
            bridged = sorted((s, sid) for s, sid in scored if sid != story_id and s >= opts.merge_threshold)
            merges = tuple(sid for _, sid in reversed(bridged))
            if merges:
                why.append("bridges " + ", ".join(f"{sid} ({s:.3f})" for s, sid in reversed(bridged)) + ": merged")
        others = tuple(sid for sid in near if sid != story_id and sid not in merges)
        return Assignment(article.id, story_id, round(score, 4), False, tuple(why), merges, others)
    reasons = ("no story above the threshold" + (f" (best {best[0]:.3f})" if best else " (no candidate)"),)
    return Assignment(article.id, story_id_for(article.key), 1.0, True, reasons, (), tuple(near))


def settle_groups(
    members: Sequence[tuple[str, str, date | None, dict[str, float]]],
    opts: StoryOptions,
    frequencies: tuple[int, Mapping[str, int]],
    current: Sequence[str] | None = None,
    names: Sequence[ArticleNames] | None = None,
) -> list[list[int]]:
    """Settling: the members of a few neighbouring stories (in ingest order) grouped again by batch mode's
    average-link clustering with the store's IDF now; each group's first member founds it. With the members'
    ``current`` stories and ``settle_margin``: groups that link at ``threshold`` always join and groups
    that link under ``threshold - settle_margin`` always part, and in between two groups stay together
    where their members are together now (hysteresis: a borderline grouping is not flipped back and forth
    as the IDF drifts). ``names``: each member's names (``name_conflict``, ``rare_idf``)."""
    if current is None or not opts.settle_margin:
        return batch_clusters(members, opts, frequencies, names)
    fine, coarse = _cuts(members, opts, frequencies, (opts.threshold, opts.threshold - opts.settle_margin), names)
    parent = list(range(len(fine)))

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    of_fine = {k: g for g, ks in enumerate(fine) for k in ks}
    of_coarse = {k: g for g, ks in enumerate(coarse) for k in ks}
    seen: dict[tuple[int, str], int] = {}
    for k in range(len(members)):
        key = (of_coarse[k], current[k])
        if key in seen:
            a, b = root(seen[key]), root(of_fine[k])
            parent[max(a, b)] = min(a, b)
        else:
            seen[key] = of_fine[k]
    joined: dict[int, list[int]] = {}
    for k in range(len(members)):
        joined.setdefault(root(of_fine[k]), []).append(k)
    return sorted(joined.values(), key=lambda g: g[0])


def batch_unit_vectors(articles: Sequence[tuple[str, str, date | None, dict[str, float]]]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors of a whole set, IDF from the set (batch mode's link vectors)."""
    n = len(articles)
    df: dict[str, int] = {}
    for _, _, _, weights in articles:
        for t in weights:
            df[t] = df.get(t, 0) + 1
    out = []
    for _, _, _, weights in articles:
        vec = {t: w * _idf(n, df[t]) for t, w in weights.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({t: v / norm for t, v in vec.items()})
    return out


def batch_clusters(
    articles: Sequence[tuple[str, str, date | None, dict[str, float]]],
    opts: StoryOptions | None = None,
    frequencies: tuple[int, Mapping[str, int]] | None = None,
    names: Sequence[ArticleNames] | None = None,
) -> list[list[int]]:
    """Batch mode: average-link clustering of all articles at once, with IDF from the whole set.

    Insensitive to input order (the distances do not depend on it; ties break by position), and
    the same input always gives the same clusters. Articles further apart in time than the window
    never share a story. Memory grows with the square of the number of articles: meant for archives
    of up to some tens of thousands of articles per run.

    ``frequencies`` (number of articles, document frequency per term) gives the IDF of a larger set this
    one is part of: the Spark engine clusters each part of the similarity graph apart with the IDF of
    the whole set, and gets the same similarities, bit for bit, as one run over the whole set.

    ``names``: each article's names (``names_of``), to scale down the similarity of reports that lead with
    different people (``StoryOptions.name_conflict``) and to keep follow-ups that share rare names from
    fading or to draw near reports together (``StoryOptions.rare_idf``); None: neither.
    """
    return _cuts(articles, opts or StoryOptions(), frequencies, (), names)[0]


def _scale_conflicts(
    sims: Any,
    articles: Sequence[tuple[str, str, date | None, dict[str, float]]],
    names: Sequence[Mapping[str, int]],
    opts: StoryOptions,
    total: int,
    df: Mapping[str, int],
    spared: Any = None,
) -> None:
    """Scale the similarity of each pair of articles by their name conflict (``conflict_factor``), in place;
    only names rarer than ``conflict_idf`` count (IDF from ``total`` articles and ``df``). ``spared``: a boolean
    matrix of the pairs that are no conflict whatever their leading names (``conflict_spared``)."""
    import numpy as np

    floor = opts.name_conflict if opts.name_conflict is not None else 1.0
    names = [{k: v for k, v in found.items() if k in df and _idf(total, df[k]) >= opts.conflict_idf} for found in names]
    terms = [mention_terms(weights) if names[i] else frozenset() for i, (*_, weights) in enumerate(articles)]
    for i in range(len(articles)):
        if not names[i]:
            continue
        for j in (np.nonzero(sims[i, i + 1 :] >= opts.conflict_from)[0] + i + 1).tolist():
            if names[j] and (spared is None or not spared[i, j]):
                f = conflict_factor(names[i], terms[i], names[j], terms[j], floor)
                if f < 1.0:
                    sims[i, j] *= f
                    sims[j, i] *= f


def rare_names(
    names: ArticleNames, opts: StoryOptions, total: int, df: Mapping[str, int], idf: float | None = None
) -> frozenset[str]:
    """An article's names rarer than ``idf`` (default ``rare_idf``; IDF from ``total`` articles and their
    term frequencies)."""
    floor = opts.rare_idf if idf is None else idf
    return frozenset(k for k in names.mentions if k in df and _idf(total, df[k]) >= floor)


def _shared_rare_names(
    names: Sequence[ArticleNames], opts: StoryOptions, total: int, df: Mapping[str, int], idf: float | None = None
) -> Any:
    """A matrix: how many rare names (``rare_names`` at ``idf``) each pair of articles shares."""
    import numpy as np
    from scipy.sparse import csr_matrix

    rare = [rare_names(x, opts, total, df, idf) for x in names]
    vocab = {k: i for i, k in enumerate(sorted({k for r in rare for k in r}))}
    n = len(names)
    if not vocab:
        return np.zeros((n, n), dtype=int)
    rows = [i for i, r in enumerate(rare) for _ in r]
    cols = [vocab[k] for r in rare for k in r]
    m = csr_matrix((np.ones(len(rows), dtype=int), (rows, cols)), shape=(n, len(vocab)))
    return np.asarray((m @ m.T).todense())


def _cuts(
    articles: Sequence[tuple[str, str, date | None, dict[str, float]]],
    opts: StoryOptions,
    frequencies: tuple[int, Mapping[str, int]] | None,
    thresholds: Sequence[float],
    names: Sequence[ArticleNames] | None = None,
) -> list[list[list[int]]]:
    """Batch mode's average-link tree cut at each threshold (none given: at ``opts.threshold``)."""
    n = len(articles)
    if n <= 1:
        return [[[0]] if n else [] for _ in thresholds or (opts.threshold,)]
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix

    df: Mapping[str, int]
    if frequencies is None:
        counted: dict[str, int] = {}
        for _, _, _, weights in articles:
            for t in weights:
                counted[t] = counted.get(t, 0) + 1
        df, total = counted, n
    else:
        total, df = frequencies
    terms = sorted({t for _, _, _, weights in articles for t in weights})
    vocab = {t: i for i, t in enumerate(terms)}
    idf = np.array([_idf(total, df[t]) for t in terms])
    rows = np.repeat(np.arange(n), [len(weights) for *_, weights in articles])
    cols = np.fromiter((vocab[t] for *_, weights in articles for t in weights), dtype=np.int64, count=len(rows))
    vals = np.fromiter((w for *_, weights in articles for w in weights.values()), dtype=float, count=len(rows))
    matrix = csr_matrix((vals * idf[cols], (rows, cols)), shape=(n, len(vocab)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = csr_matrix(matrix.multiply(1.0 / norms[:, None]))
    sims = np.asarray((unit @ unit.T).todense())
    days = [d.toordinal() if d else None for _, _, d, _ in articles]
    known = np.array([d is not None for d in days])
    shared = _shared_rare_names(names, opts, total, df) if names is not None and uses_rare_names(opts) else None
    if known.any():
        ords = np.array([d if d is not None else 0 for d in days], dtype=float)
        apart = np.abs(ords[:, None] - ords[None, :])
        late = (apart > opts.window_days) & known[:, None] & known[None, :]
        if shared is not None and opts.follow_names is not None:
            follow = late & (shared >= opts.follow_names)
            late &= ~follow
            sims[follow] *= np.sqrt(opts.window_days / np.minimum(apart[follow], max(opts.follow_days, 1)))
        if shared is not None and names is not None and opts.near_names is not None:
            near_shared = shared
            if opts.near_idf != opts.rare_idf:
                near_shared = _shared_rare_names(names, opts, total, df, opts.near_idf)
            near = (apart <= opts.near_days) & (near_shared >= opts.near_names) & known[:, None] & known[None, :]
            sims[near] *= opts.near_boost
        if opts.late_decay:
            sims[late] *= np.sqrt(opts.window_days / apart[late])
        else:
            sims[late] = 0.0
    if opts.year_penalty != 1.0:
        years = [_years(w) for _, _, _, w in articles]
        for i in range(n):
            for j in range(i + 1, n):
                if years[i] and years[j] and not years[i] & years[j]:
                    sims[i, j] *= opts.year_penalty
                    sims[j, i] *= opts.year_penalty
    if names is not None and opts.name_conflict is not None:
        spared = shared >= opts.conflict_spared if shared is not None and opts.conflict_spared else None
        _scale_conflicts(sims, articles, [leading(x, opts) for x in names], opts, total, df, spared)
    dist = np.clip(1.0 - sims, 0.0, 2.0)
    condensed = dist[np.triu_indices(n, k=1)]
    tree = linkage(condensed, method="average")
    out = []
    for threshold in thresholds or (opts.threshold,):
        labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
        groups: dict[int, list[int]] = {}
        for i, label in enumerate(labels):
            groups.setdefault(int(label), []).append(i)
        out.append(sorted(groups.values(), key=lambda g: g[0]))
    return out
