"""Boilerplate learned per outlet: a short line that recurs across many different articles of one
outlet is page debris ("For more neighborhood news, listen to ...", "Copyright 2017 ... All rights
reserved."), whatever its wording.

The counts live in the store (which lines each stored article of an outlet carries), so learning
goes on across runs; the functions here are pure, and the same input in the same order gives the
same labels.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyfold.model import Segment, SegmentKind

MAX_LINE_WORDS = 40  # longer blocks are never learned as boilerplate
MIN_ARTICLES = 3  # a line must recur in at least this many earlier (distinct) articles of the outlet
MIN_SHARE = 0.2  # ... and in at least this share of them
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class LearnOptions:
    max_line_words: int = MAX_LINE_WORDS
    min_articles: int = MIN_ARTICLES
    min_share: float = MIN_SHARE


def line_key(text: str) -> str:
    """A line folded for recurrence counting: case, digits (years, counts) and punctuation ignored."""
    folded = _NON_WORD.sub(" ", _DIGITS.sub("0", text.lower())).strip()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:20]


def candidate_lines(segments: Sequence[Segment], opts: LearnOptions) -> list[tuple[str, int]]:
    """(line key, position) of every short block, body or debris, once per key."""
    seen: set[str] = set()
    out: list[tuple[str, int]] = []
    for seg in segments:
        if seg.kind in (SegmentKind.TITLE, SegmentKind.SUBTITLE):
            continue
        if len(seg.text.split()) > opts.max_line_words:
            continue
        key = line_key(seg.text)
        if key not in seen:
            seen.add(key)
            out.append((key, seg.position))
    return out


def is_learned(count: int, articles: int, opts: LearnOptions) -> bool:
    """Whether a line seen in ``count`` of an outlet's ``articles`` earlier articles is boilerplate."""
    return count >= opts.min_articles and count >= opts.min_share * articles


def relabel(
    segments: tuple[Segment, ...],
    counts: Mapping[str, int],
    articles: int,
    outlet: str,
    opts: LearnOptions,
) -> tuple[Segment, ...]:
    """Body blocks whose line recurs enough across the outlet's earlier articles become boilerplate."""
    out: list[Segment] = []
    for seg in segments:
        if seg.kind is SegmentKind.BODY and len(seg.text.split()) <= opts.max_line_words:
            count = counts.get(line_key(seg.text), 0)
            if is_learned(count, articles, opts):
                seg = replace(seg, kind=SegmentKind.BOILERPLATE, reason=f"recurs in {count} other articles of {outlet}")
        out.append(seg)
    return tuple(out)
