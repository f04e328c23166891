"""MinHash signatures behind one small interface, and the LSH banding the store indexes.

Three interchangeable implementations produce a signature (``num_perm`` unsigned 32-bit minima) from a
set of shingles: ``numpy`` (ours: blake2b shingle hashes, vectorised affine permutations), ``datasketch``
and ``rensa``. Which one the pipeline uses was chosen by measurement (``bench/minhash_bench.py``, results in
``bench/minhash.md``). Signatures of different schemes are not comparable, so each carries its ``scheme``
name and the store refuses to mix them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storyfold.errors import ConfigError

_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64((1 << 32) - 1)

Signature = npt.NDArray[np.uint32]


class MinHasher(Protocol):
    """Turns a shingle set into a MinHash signature of ``num_perm`` uint32 values."""

    @property
    def scheme(self) -> str:
        """Name and parameters; signatures are comparable only within one scheme."""
        ...

    @property
    def num_perm(self) -> int: ...

    def signature(self, shingles: Collection[str]) -> Signature: ...


def _empty(num_perm: int) -> Signature:
    return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class NumpyMinHasher:
    """Our own: 64-bit blake2b shingle hashes, ``num_perm`` affine permutations mod 2**61-1, vectorised."""

    num_perm: int = 128
    seed: int = 1

    @property
    def scheme(self) -> str:
        return f"numpy-affine61/{self.num_perm}/{self.seed}"

    def _perms(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        gen = np.random.RandomState(self.seed)
        a = gen.randint(1, (1 << 31) - 1, size=self.num_perm, dtype=np.uint64)
        b = gen.randint(0, (1 << 31) - 1, size=self.num_perm, dtype=np.uint64)
        return a, b

    def signature(self, shingles: Collection[str]) -> Signature:
        if not shingles:
            return _empty(self.num_perm)
        hv = np.fromiter(
            (
                int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")
                for s in sorted(shingles)
            ),
            dtype=np.uint64,
            count=len(shingles),
        )
        a, b = self._perms()
        phv = ((hv[:, None] * a[None, :] + b[None, :]) % _MERSENNE) & _MAX32
        return np.asarray(phv.min(axis=0), dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class DatasketchMinHasher:
    """datasketch's ``MinHash`` (sha1 shingle hashes, affine permutations), fed with ``update_batch``."""

    num_perm: int = 128
    seed: int = 1

    @property
    def scheme(self) -> str:
        return f"datasketch/{self.num_perm}/{self.seed}"

    def signature(self, shingles: Collection[str]) -> Signature:
        from datasketch import MinHash

        if not shingles:
            return _empty(self.num_perm)
        m = MinHash(num_perm=self.num_perm, seed=self.seed)
        m.update_batch([s.encode("utf-8") for s in sorted(shingles)])
        return np.asarray(m.hashvalues & _MAX32, dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class RensaMinHasher:
    """rensa's ``RMinHash`` (Rust)."""

    num_perm: int = 128
    seed: int = 1

    @property
    def scheme(self) -> str:
        from rensa import RMinHash

        return f"rensa-r{RMinHash.ALGORITHM_VERSION}/{self.num_perm}/{self.seed}"

    def signature(self, shingles: Collection[str]) -> Signature:
        from rensa import RMinHash

        if not shingles:
            return _empty(self.num_perm)
        m = RMinHash(num_perm=self.num_perm, seed=self.seed)
        m.update(sorted(shingles))
        return np.asarray(m.digest(), dtype=np.uint32)


IMPLEMENTATIONS = ("numpy", "datasketch", "rensa")


def make_hasher(name: str, num_perm: int = 128, seed: int = 1) -> MinHasher:
    """The MinHash implementation called ``name`` (one of IMPLEMENTATIONS)."""
    if name == "numpy":
        return NumpyMinHasher(num_perm, seed)
    if name == "datasketch":
        return DatasketchMinHasher(num_perm, seed)
    if name == "rensa":
        return RensaMinHasher(num_perm, seed)
    raise ConfigError(f"unknown MinHash implementation {name!r}; choose one of {', '.join(IMPLEMENTATIONS)}")


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """The share of equal minima: an unbiased estimate of the Jaccard similarity of the two sets."""
    if a.shape != b.shape or not a.size:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def band_keys(sig: Signature, bands: int) -> list[tuple[int, int]]:
    """LSH bands: (band number, signed 63-bit bucket key of the band's rows). Two signatures share a
    bucket in some band with probability 1 - (1 - J**r)**b (r rows per band)."""
    rows = sig.size // bands
    out = []
    for band in range(bands):
        chunk = sig[band * rows : (band + 1) * rows].astype("<u4").tobytes()
        key = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") >> 1
        out.append((band, key))
    return out


def signature_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def lsh_threshold(bands: int, rows: int) -> float:
    """The Jaccard at which a pair becomes a candidate with probability about one half."""
    return float((1.0 / bands) ** (1.0 / rows))


def check_bands(num_perm: int, bands: int) -> None:
    if bands <= 0 or num_perm % bands:
        raise ConfigError(f"LSH bands ({bands}) must divide the number of permutations ({num_perm})")
