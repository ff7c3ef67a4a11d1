"""Full-process record: an append-only, hash-chained log per case or inspection.

Each entry carries the SHA-256 of the previous entry over a canonical JSON form, so an
edited entry fails its own hash and a removed one breaks the next link. Removing the
newest entries is only visible against a head hash kept elsewhere (`expected_head`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from services.enforcement.domain.serial import Plain, to_plain

GENESIS = "0" * 64


@dataclass
class RecordEntry(Plain):
    seq: int
    subject: str            # "case:<id>" or "inspection:<id>"
    action: str
    officer_ids: list[str]
    at: dt.datetime
    documents: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""


def canonical(entry: dict) -> bytes:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def append(chain: list, subject: str, action: str, officer_ids, at: dt.datetime,
           documents=(), data=None) -> RecordEntry:
    """Append a new entry to `chain` (a list of RecordEntry) and return it."""
    prev = chain[-1].hash if chain else GENESIS
    entry = RecordEntry(seq=len(chain), subject=subject, action=action,
                        officer_ids=list(officer_ids), at=at, documents=list(documents),
                        data=to_plain(data or {}), prev_hash=prev)
    entry.hash = entry_hash(entry.to_dict())
    chain.append(entry)
    return entry


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    index: int | None = None    # first entry found wrong
    reason: str | None = None   # HASH_MISMATCH | BROKEN_LINK | BAD_SEQUENCE | HEAD_MISMATCH


def verify_chain(entries, expected_head: str | None = None) -> ChainCheck:
    """Walk the chain from the start; report the first entry that does not hold."""
    prev = GENESIS
    for index, raw in enumerate(entries):
        entry = to_plain(raw)  # stored dicts and RecordEntry objects alike
        if entry.get("prev_hash") != prev:
            return ChainCheck(False, index, "BROKEN_LINK")
        if entry.get("seq") != index:
            return ChainCheck(False, index, "BAD_SEQUENCE")
        if entry_hash(entry) != entry.get("hash"):
            return ChainCheck(False, index, "HASH_MISMATCH")
        prev = entry["hash"]
    if expected_head is not None and prev != expected_head:
        return ChainCheck(False, len(entries), "HEAD_MISMATCH")
    return ChainCheck(True)
