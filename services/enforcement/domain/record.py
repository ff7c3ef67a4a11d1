"""Full-process record: an append-only, hash-chained log per case or inspection.

Each entry carries the SHA-256 of the previous entry over a canonical JSON form, so an
edited entry fails its own hash and a removed one breaks the next link. Removing the
newest entries is only visible against a head hash kept elsewhere (`expected_head`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.common import hashchain
from services.common.hashchain import GENESIS, ChainCheck
from services.enforcement.domain.serial import Plain, hashed_plain


@dataclass
class RecordEntry(Plain):
    HASHED = True  # kept as its hash covers it, times as text (domain.serial)
    seq: int
    subject: str            # "case:<id>" or "inspection:<id>"
    action: str
    officer_ids: list[str]
    at: dt.datetime
    documents: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""
    actor: dict | None = None  # who did it (services.common.actor); None before actors


def entry_hash(entry: dict) -> str:
    return hashchain.entry_hash(entry)


def append(chain: list, subject: str, action: str, officer_ids, at: dt.datetime,
           documents=(), data=None) -> RecordEntry:
    """Append a new entry to `chain` (a list of RecordEntry) and return it."""
    prev = chain[-1].hash if chain else GENESIS
    entry = RecordEntry(seq=len(chain), subject=subject, action=action,
                        officer_ids=list(officer_ids), at=at, documents=list(documents),
                        data=hashed_plain(data or {}), prev_hash=prev)
    entry.hash = entry_hash(entry.to_dict())
    chain.append(entry)
    return entry


def attribute(chain: list, start: int, actor: dict) -> None:
    """Name `actor` on the entries one command appended (from `start` on) and link them
    again, so who did each step is as tamper-evident as the step itself."""
    prev = chain[start - 1].hash if start else GENESIS
    for entry in chain[start:]:
        entry.actor, entry.prev_hash = actor, prev
        entry.hash = entry_hash(entry.to_dict())
        prev = entry.hash


def verify_chain(entries, expected_head: str | None = None) -> ChainCheck:
    """Walk the chain from the start; report the first entry that does not hold."""
    # stored dicts and RecordEntry objects alike
    return hashchain.verify((hashed_plain(raw) for raw in entries), expected_head)
