"""People, organisations and places: mentions from the language model, merged within an article and across
the articles of a story by name variants ("Putin" is "Vladimir Putin") and typos ("Pasninyan" is Pashinyan).

The model's labels are noisy on single names (it calls Yerevan a person now and then), so a merged entity
takes the majority label of its mentions, and merging looks at the names, not the labels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from storyfold.facts.nlp import Span
from storyfold.model import Entity, Mention

_STRIP = re.compile(r"^(?:the|a|an)\s+|['’]s$", re.I)
_TITLES = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "pm", "sen", "senator", "rep", "gov", "governor",
    "sgt", "officer", "lt", "capt", "chief", "judge", "mayor", "sheriff", "det", "detective", "cpl", "deputy",
}  # fmt: skip
# The kinds whose names may merge with one another (the model confuses them on single names).
_NAMED = {"person", "org", "place", "group"}


def mentions(spans_by_sentence: Sequence[Sequence[Span]], first_index: int = 0) -> list[Mention]:
    """Mentions in sentence order; sentence indexes start at ``first_index`` (-1 for a title)."""
    return [
        Mention(sp.text, sp.label, i, sp.start, sp.end)
        for i, spans in enumerate(spans_by_sentence, first_index)
        for sp in spans
        if _clean(sp.text)
    ]


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" \"'“”‘,.-")
    name = _STRIP.sub("", name)
    return name.strip()


def _key(name: str) -> str:
    return _clean(name).lower()


def _tokens(name: str) -> list[str]:
    toks = [t for t in re.split(r"[\s.]+", _key(name)) if t]
    while len(toks) > 1 and toks[0] in _TITLES:
        toks.pop(0)
    return toks


def _similar(a: str, b: str) -> bool:
    """Two single words that are one spelling slip apart ("pasninyan" ~ "pashinyan")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return Levenshtein.normalized_similarity(a, b) >= 0.85


@dataclass(slots=True)
class _Cluster:
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: dict[str, None] = field(default_factory=dict)

    def full_tokens(self) -> list[list[str]]:
        return [_tokens(n) for n in self.names]

    @property
    def name(self) -> str:
        # the longest form, then the most frequent: "Vladimir Putin" over "Putin"
        return max(self.names, key=lambda n: (len(_tokens(n)), self.names[n], -len(n)))

    @property
    def kind(self) -> str:
        best = self.labels.most_common()
        person = self.labels.get("person", 0)
        # a multi-word name seen as a person somewhere is a person ("Pasninyan" tagged as a nationality)
        if person and any(len(t) > 1 for t in self.full_tokens()) and best[0][0] == "group":
            return "person"
        return best[0][0]


def _matches(name: str, label: str, c: _Cluster) -> bool:
    toks = _tokens(name)
    if not toks:
        return False
    for other in c.names:
        ot = _tokens(other)
        if toks == ot:
            return True
        if len(toks) == len(ot) and len(toks) > 1 and all(_similar(a, b) for a, b in zip(toks, ot, strict=True)):
            return True
        # a surname alone, or with a typo, joins a full person name: "Putin", "Pasninyan"
        if len(toks) == 1 and len(ot) > 1 and c.labels.get("person") and _similar(toks[0], ot[-1]):
            return True
        if len(ot) == 1 and len(toks) > 1 and label == "person" and _similar(ot[0], toks[-1]):
            return True
        same_sort = (label == "person") == bool(c.labels.get("person")) and (label == "group") == bool(
            c.labels.get("group")
        )
        if len(toks) == 1 and len(ot) == 1 and same_sort and _similar(toks[0], ot[0]):
            return True
    return False


def merge(items: Iterable[tuple[str, Mention]]) -> list[Entity]:
    """Merge (article id, mention) pairs into entities, the most mentioned first."""
    clusters: list[_Cluster] = []
    exact: dict[str, _Cluster] = {}
    pending = sorted(items, key=lambda it: -len(_tokens(it[1].text)))  # full names first, then surnames
    for article_id, m in pending:
        if m.label not in _NAMED:
            continue
        key = " ".join(_tokens(m.text))
        c = exact.get(key)
        if c is None:
            c = next((x for x in clusters if _matches(m.text, m.label, x)), None)
        if c is None:
            c = _Cluster()
            clusters.append(c)
        exact[key] = c
        c.names[_clean(m.text)] += 1
        c.labels[m.label] += 1
        c.articles[article_id] = None
    out = []
    for c in clusters:
        name = c.name
        variants = (name, *sorted((n for n in c.names if n != name), key=lambda n: (-c.names[n], n)))
        out.append(Entity(name, c.kind, variants, sum(c.names.values()), tuple(c.articles)))
    out.sort(key=lambda e: (-e.mentions, e.name))
    return out


def article_entities(article_id: str, found: Sequence[Mention]) -> tuple[Entity, ...]:
    """The entities of one article."""
    return tuple(merge((article_id, m) for m in found))


def story_entities(per_article: Iterable[tuple[str, Sequence[Entity]]]) -> list[Entity]:
    """Merge the entities of several articles of a story, as if their mentions were one text."""
    items: list[tuple[str, Mention]] = []
    for article_id, ents in per_article:
        for e in ents:
            share = max(1, e.mentions // max(1, len(e.variants)))
            for v in e.variants:
                for _ in range(share):
                    items.append((article_id, Mention(v, e.kind, 0, 0, len(v))))
    return merge(items)
