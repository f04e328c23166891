from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyfold.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SEED_A = SEEDS / "000_f3079d3cd45f4e8b.txt"  # the longer report: quotes, mediators' statement, debris
SEED_B = SEEDS / "001_9b97860197688dbc.txt"  # the shorter one: a date header and two photo captions
DEMO = ROOT / "data" / "demo" / "ecbplus-excerpt.jsonl"
# The labelled development sets live beside the checkout (../shared/data, as in CI); they are never
# copied into the project. Tests that need them skip with a reason where they are absent.
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"labelled data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def fact_extractor() -> Any:
    """One facts extractor (the spaCy model loaded once) for the whole test session."""
    from storyfold.facts.extract import FactExtractor
    from storyfold.facts.nlp import SentenceNer, load_nlp

    return FactExtractor(SentenceNer(load_nlp()))
