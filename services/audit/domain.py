"""The audit trail's pure model: what an entry holds and how the chain is judged.

An entry is the envelope boiled down to what an auditor asks ("who did what to whom,
when, on whose request"): the moment, the actor, the event type, every id the payload
names, the correlation and event ids. Entries are linked into one hash chain
(services.common.hashchain); the moment enters the hash as text to the millisecond,
which is what a BSON date keeps.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import as_stored, parse_instant
from services.common import hashchain
from services.common.actor import UNRECORDED, Actor

CHAIN = "audit"
# Payload keys (at any depth) whose values are ids of the domain's subjects.
SUBJECT_KEYS = frozenset({
    "officer_id", "officer_ids", "case_id", "inspection_id", "operation_id", "finding_id",
    "finding_ids", "sanction_id", "draw_id", "entity_id", "entity_ids", "item_id",
    "task_id", "reviewer_id", "alert_id", "plan_id", "activity_id"})


def subject_ids(payload) -> list[str]:
    """Every subject id the payload names, once each, in the order first met."""
    found: dict[str, None] = {}

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif key in SUBJECT_KEYS and isinstance(value, str) and value:
            found.setdefault(value, None)
    walk(payload)
    return list(found)


def moment(value) -> dt.datetime:
    """An envelope's occurred_at as the stored instant: aware UTC, milliseconds."""
    return as_stored(parse_instant(value))


def moment_text(value: dt.datetime) -> str:
    return moment(value).isoformat(timespec="milliseconds")


def body(envelope: dict) -> dict:
    """What the trail keeps of an event (JSON types; `at` an aware datetime)."""
    actor = Actor.from_value(envelope.get("actor")) or UNRECORDED
    return {"_id": envelope["event_id"], "at": moment(envelope["occurred_at"]),
            "actor": actor.to_dict(), "event_type": envelope["type"],
            "subject_ids": subject_ids(envelope.get("payload") or {}),
            "correlation_id": envelope["correlation_id"],
            "causation_id": envelope.get("causation_id"), "producer": envelope["producer"]}


def hashed_form(entry: dict) -> dict:
    """The entry as the chain hashes it: the moment as text, the rest as stored."""
    return {**{k: v for k, v in entry.items() if k not in ("_id", "at")},
            "event_id": entry["_id"], "at": moment_text(entry["at"])}


def linked(entry_body: dict, seq: int, prev_hash: str) -> dict:
    """The body as entry `seq` of the chain after `prev_hash`: with seq, prev_hash, hash."""
    hashed = hashchain.link(hashed_form(entry_body), seq, prev_hash)
    return {**entry_body, "seq": seq, "prev_hash": prev_hash, "hash": hashed["hash"]}


def verify(entries, head: dict | None) -> hashchain.ChainCheck:
    """Stored entries in seq order against the stored head (`{seq, hash}` or None)."""
    return hashchain.verify((hashed_form(e) for e in entries),
                            head["hash"] if head else None)
