"""Append-only hash chains: each entry carries the SHA-256 of the one before it over a
canonical JSON form, so an edited entry fails its own hash and a removed one breaks the
next link. Removing the newest entries is only visible against a head hash kept
elsewhere (`expected_head`). Used by the case record and by the audit trail.

Entries here are plain dicts (JSON types only) with `seq`, `prev_hash` and `hash`.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable

GENESIS = "0" * 64


def canonical(entry: dict) -> bytes:
    # An entry written before actors were kept hashes as it was written (no actor key).
    body = {k: v for k, v in entry.items()
            if k != "hash" and not (k == "actor" and v is None)}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def link(body: dict, seq: int, prev_hash: str) -> dict:
    """`body` as the chain's entry number `seq` after the entry whose hash is `prev_hash`."""
    entry = {**body, "seq": seq, "prev_hash": prev_hash}
    entry["hash"] = entry_hash(entry)
    return entry


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    index: int | None = None    # first entry found wrong
    reason: str | None = None   # HASH_MISMATCH | BROKEN_LINK | BAD_SEQUENCE | HEAD_MISMATCH
    entries: int = 0
    head: str | None = None     # the last entry's hash


def verify(entries: Iterable[dict], expected_head: str | None = None) -> ChainCheck:
    """Walk the chain from the start; report the first entry that does not hold."""
    prev, count = GENESIS, 0
    for index, entry in enumerate(entries):
        count = index + 1
        if entry.get("prev_hash") != prev:
            return ChainCheck(False, index, "BROKEN_LINK", count)
        if entry.get("seq") != index:
            return ChainCheck(False, index, "BAD_SEQUENCE", count)
        if entry_hash(entry) != entry.get("hash"):
            return ChainCheck(False, index, "HASH_MISMATCH", count)
        prev = entry["hash"]
    head = None if prev == GENESIS else prev
    if expected_head is not None and prev != expected_head:
        return ChainCheck(False, count, "HEAD_MISMATCH", count, head)
    return ChainCheck(True, entries=count, head=head)
