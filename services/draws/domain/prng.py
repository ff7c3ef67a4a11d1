"""Deterministic, verifiable randomness for draws.

Key: SHA-256 over (tag, seed, directory hash, roster hash, rules hash), each part
length-prefixed; one sub-key per purpose (SHA-256(key, purpose)[:16]) keys a Philox4x64-10
counter-mode generator. We use only its raw 64-bit output (`random_raw`), which the
Philox specification fixes (Salmon et al., SC'11; numpy checks it against Random123
vectors), and derive uniforms and permutations ourselves with stable sorts: numpy's
Generator methods may change their algorithms between releases, which would make old
draws unverifiable.
"""
from __future__ import annotations

import hashlib

import numpy as np

from services.draws.domain.canonical import digest

TAG = b"jointops.draw.v1"


def draw_key(seed: str, directory_hash: str, roster_hash: str, rules_hash: str) -> bytes:
    return bytes.fromhex(digest(TAG, seed.encode("utf-8"), bytes.fromhex(directory_hash),
                                bytes.fromhex(roster_hash), bytes.fromhex(rules_hash)))


class Stream:
    """An independent random stream for one purpose of one draw."""

    def __init__(self, key: bytes, purpose: str):
        sub = hashlib.sha256(key + b"/" + purpose.encode()).digest()
        self._bits = np.random.Philox(key=np.frombuffer(sub[:16], dtype="<u8").astype(np.uint64))

    def raw(self, n: int) -> np.ndarray:
        return np.asarray(self._bits.random_raw(int(n)), dtype=np.uint64).reshape(-1)

    def uniform53(self, n: int) -> np.ndarray:
        """Integers uniform in [0, 2**53): exact comparisons against fractions."""
        return self.raw(n) >> np.uint64(11)

    def below(self, bound) -> np.ndarray:
        """One integer in [0, bound) per bound; modulo bias < bound / 2**64, negligible."""
        bound = np.asarray(bound, dtype=np.uint64).reshape(-1)
        return (self.raw(bound.size) % np.maximum(bound, np.uint64(1))).astype(np.int64)

    def permutation(self, n: int) -> np.ndarray:
        # Stable sort: even a (2**-64-unlikely) key tie has one defined outcome.
        return np.argsort(self.raw(n), kind="stable")
