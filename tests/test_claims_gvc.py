"""Claims on real multi-outlet stories of the Gun Violence Corpus (../shared/data/gvc), where outlets word and
count the casualties differently. Each expectation was pinned by reading the articles of the gold story:

- 548991: one outlet reads "A man and two children are dead", the other names three victims: 3 killed, from
  two independent lines, and no conflict.
- 168844: "Three children and two adults were found dead" is five killed, not two; nothing superseded.
- 659289: "Five of the six injured ..." counts six injured; six is the toll of both reports, nothing superseded.
- 561245: a man shot his partner and their baby, then himself; the two reports word it differently but
  do not disagree.
- 492366: a nightclub shooting, one killed and five injured, stated by several independent outlets.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from storyfold.model import Claim, StoryClaims
from storyfold.pipeline import ingest_paths
from storyfold.store import open_store
from storyfold.views import claims_of

STORIES = ("548991", "168844", "659289", "561245", "492366")


@pytest.fixture(scope="module")
def gvc_claims(tmp_path_factory: pytest.TempPathFactory, fact_extractor: Any) -> dict[str, StoryClaims]:
    from conftest import SHARED_DATA

    source = SHARED_DATA / "gvc" / "docs.jsonl"
    if not source.is_file():
        pytest.skip(f"labelled data not found at {source}")
    groups: dict[str, list[str]] = defaultdict(list)
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if str(row["story"]) in STORIES:
            groups[str(row["story"])].append(row["id"])
            lines.append(line)
    tmp: Path = tmp_path_factory.mktemp("gvc")
    part = tmp / "gvc-part.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = open_store(tmp / "gvc.db")
    try:
        ingest_paths([str(part)], store, facts=fact_extractor)
        return {story: claims_of(store, ids, story) for story, ids in groups.items()}
    finally:
        store.close()


def _figures(sc: StoryClaims, subject: str) -> list[Claim]:
    return [c for c in sc.claims if c.kind == "figure" and c.subject == subject and not c.event]


def _labels(sc: StoryClaims) -> set[str]:
    return {p.label for p in sc.pairs}


def test_victims_named_one_by_one_agree_with_a_count(gvc_claims: dict[str, StoryClaims]) -> None:
    sc = gvc_claims["548991"]
    three = [c for c in _figures(sc, "killed") if c.low == c.high == 3]
    assert three and three[0].independent_lines == 2
    assert not sc.conflicts and "superseded" not in _labels(sc)


def test_listed_dead_are_added_up(gvc_claims: dict[str, StoryClaims]) -> None:
    sc = gvc_claims["168844"]
    assert any(c.low == c.high == 5 for c in _figures(sc, "killed"))
    assert not sc.conflicts and "superseded" not in _labels(sc)


def test_a_partitive_counts_the_whole(gvc_claims: dict[str, StoryClaims]) -> None:
    sc = gvc_claims["659289"]
    assert any(c.low == c.high == 6 for c in _figures(sc, "injured"))
    assert not any(c.low == c.high == 5 for c in _figures(sc, "injured"))
    assert not sc.conflicts and "superseded" not in _labels(sc)


def test_differently_worded_reports_do_not_conflict(gvc_claims: dict[str, StoryClaims]) -> None:
    assert not gvc_claims["561245"].conflicts


def test_toll_confirmed_by_independent_outlets(gvc_claims: dict[str, StoryClaims]) -> None:
    sc = gvc_claims["492366"]
    five = [c for c in _figures(sc, "injured") if c.low == c.high == 5]
    one = [c for c in _figures(sc, "killed") if c.low == c.high == 1]
    assert five and five[0].independent_lines >= 2
    assert one and one[0].independent_lines >= 2
    assert not sc.conflicts
