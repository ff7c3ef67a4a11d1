"""Canonical serialisation helpers: the same content always hashes the same.

Every hash is SHA-256 over length-prefixed parts, so no choice of separator inside a
value can make two different inputs serialise alike.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Sequence

import numpy as np

from services.common.errors import InvalidInput


def digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def join_strings(values: Sequence[str], what: str) -> bytes:
    """Newline-joined UTF-8; one C-speed count rejects values holding a newline."""
    text = "\n".join(values)
    if values and text.count("\n") != len(values) - 1:
        raise InvalidInput(f"{what}: values must not contain a newline")
    return text.encode("utf-8")


def code_bytes(codes: np.ndarray) -> bytes:
    # Fixed width and byte order so the hash does not depend on the platform.
    return np.ascontiguousarray(codes, dtype="<u2").tobytes()


def canonical_json(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def check_sorted_unique(values: Sequence[str], what: str) -> None:
    if any(a >= b for a, b in zip(values, values[1:])):
        raise InvalidInput(f"{what} must be sorted ascending and unique")


def encode_column(values: Iterable[str]) -> tuple[tuple[str, ...], np.ndarray]:
    """Strings -> (sorted vocabulary, uint16 codes): compact and canonical."""
    vocab, codes = np.unique(np.asarray(list(values), dtype=str), return_inverse=True)
    return tuple(str(v) for v in vocab), codes.astype(np.uint16).reshape(-1)


def normalise_codes(vocab: Sequence[str], codes: np.ndarray, what: str):
    """Sort the vocabulary and drop unused entries, so equal content gives equal codes."""
    codes = np.asarray(codes, dtype=np.int64).reshape(-1)
    if codes.size and (codes.min() < 0 or codes.max() >= len(vocab)):
        raise InvalidInput(f"{what}: code out of range")
    used = np.bincount(codes, minlength=len(vocab)) > 0
    keep = sorted((v, i) for i, v in enumerate(vocab) if used[i])
    if len({v for v, _ in keep}) != len(keep):
        raise InvalidInput(f"{what}: vocabulary has duplicates")
    remap = np.zeros(max(len(vocab), 1), dtype=np.uint16)
    for new, (_, old) in enumerate(keep):
        remap[old] = new
    return tuple(v for v, _ in keep), remap[codes] if codes.size else codes.astype(np.uint16)
