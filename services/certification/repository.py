"""Reading and writing officer records: loads by id, the optimistic save with its events
(and the officer's row in the roster's read model), and the certificate-number counter,
all inside one unit of work per command."""
from __future__ import annotations

import sys
from collections import OrderedDict
from dataclasses import replace

from pymongo import ReturnDocument
from pymongo.errors import BulkWriteError, DuplicateKeyError
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random

from services.bus.unit_of_work import ConcurrentUpdate
from services.certification import credential_status
from services.certification.documents import (CounterDocument, OfficerDocument,
                                              OfficerListing, record_from_raw)
from services.certification.domain import OfficerRecord
from services.common.clock import utcnow
from services.common.errors import DomainError, NotFound


def officers():
    return OfficerDocument._get_collection()


def listings():
    return OfficerListing._get_collection()


def insert(uow, record: OfficerRecord) -> None:
    """A new officer (version 1) and its roster row, in the same unit of work."""
    uow.insert(OfficerDocument.from_record(record, 1))
    uow.save(OfficerListing.from_record(record))  # replaced whole, or inserted


DUPLICATE_KEY = 11000


def backfill_listings() -> int:
    """Roster rows for officers stored without one (before the read model existed, or
    written by hand); run at service start, after the indexes. Only inserts: a row a
    command writes meanwhile wins over the one built here (a duplicate is skipped), so
    replicas starting together are harmless. Returns the rows added."""
    have = {r["_id"] for r in listings().find({}, {"_id": 1})}
    missing = [i["_id"] for i in officers().find({}, {"_id": 1}) if i["_id"] not in have]
    added = 0
    for start in range(0, len(missing), 500):
        rows = [OfficerListing.from_record(record_from_raw(raw)).to_mongo()
                for raw in officers().find({"_id": {"$in": missing[start:start + 500]}})]
        try:
            added += len(listings().insert_many(rows, ordered=False).inserted_ids) if rows else 0
        except BulkWriteError as exc:
            if any(e["code"] != DUPLICATE_KEY for e in exc.details["writeErrors"]):
                raise
            added += exc.details["nInserted"]
    return added


# id -> (rev, record, version): parsed records, reused while the stored rev is unchanged.
# Replaying a history from BSON costs more than the check itself; a batch of 100 checks
# would otherwise parse every officer's history on every call. Least recently used first
# out, bounded by officers and by the history entries held: a record grows by an entry
# per change (every sanction, even a criticism kept for the record only), so its memory
# follows the histories, not the officer count. A parsed entry holds about 300 bytes
# (measured with tracemalloc; actors, flat data and short texts shared, see _compact), so
# the entry bound is about 12 MB; past it the officers used longest ago are parsed again.
_parsed: OrderedDict[str, tuple[str, OfficerRecord, int]] = OrderedDict()
MAX_PARSED, MAX_PARSED_ENTRIES = 10_000, 40_000
WHOLE_BATCH = 20  # whole officer documents decoded at once
_held = {"entries": 0}  # history entries in _parsed


def _keep(officer_id: str, rev: str, record: OfficerRecord, version: int) -> None:
    before = _parsed.pop(officer_id, None)
    _held["entries"] += len(record.history) - (len(before[1].history) if before else 0)
    _parsed[officer_id] = (rev, record, version)
    while _parsed and (len(_parsed) > MAX_PARSED or _held["entries"] > MAX_PARSED_ENTRIES):
        _, (_, dropped, _) = _parsed.popitem(last=False)
        _held["entries"] -= len(dropped.history)


# One copy of each actor the histories name (a handful of people and system actors, on
# every entry), of each data dict of short flat values they repeat (every criticism's
# {"measure": ...}) and of each short text in the others: a parsed entry held 1,318
# bytes with its own copies, 554 with shared actors and texts (tracemalloc), about 300
# with shared data too and slotted entries. Nothing changes an entry's actor or data.
_shared: dict = {}
MAX_SHARED, SHORT = 10_000, 64


def _flat(data: dict) -> bool:
    return all(isinstance(v, (str, int, float, bool, type(None))) and
               (not isinstance(v, str) or len(v) <= SHORT) for v in data.values())


def _compact(entries: list) -> list:
    if len(_shared) > MAX_SHARED:
        _shared.clear()
    out = []
    for entry in entries:
        entry, actor, data = dict(entry), entry.get("actor"), entry.get("data")
        if isinstance(actor, dict):
            key = tuple((k, tuple(v) if isinstance(v, list) else v)
                        for k, v in sorted(actor.items()))
            entry["actor"] = _shared.setdefault(key, actor)
        if isinstance(data, dict):
            data = {sys.intern(k): sys.intern(v) if isinstance(v, str)
                    and len(v) <= SHORT else v for k, v in data.items()}
            # the kinds (data, then actor) keep the two sorts of key apart
            entry["data"] = _shared.setdefault(("data",) + tuple(sorted(data.items())), data) \
                if _flat(data) else data
        out.append(entry)
    return out


def _parse(raw: dict, before, start: int = 0) -> OfficerRecord | None:
    """The record of `raw`, whose history is the stored one from entry `start` on. A
    history only grows (a change appends entries), so the entries parsed before are
    reused when the stored history still has the last of them where it was: only the
    new ones are parsed (and, with `start`, read). None: `raw` began at the last entry
    parsed before and that entry is not there any more (read the whole document)."""
    held, stored = (before[1].history if before else ()), raw.get("history") or []
    if held and len(held) - 1 == start and stored:
        if record_from_raw({**raw, "history": stored[:1]}).history == held[-1:]:
            tail = record_from_raw({**raw, "history": _compact(stored[1:])})
            return replace(tail, history=held + tail.history)
    if start:
        return None
    return record_from_raw({**raw, "history": _compact(stored)})


def _changed(stale: list):
    """(raw, start) for the officers whose stored record changed. One parsed before is
    read from its last parsed entry on (a change appends), one query each: reading and
    decoding whole histories again was most of what a change allocated, and a sweep or
    a big batch reading many at once put a step on the service's memory that grew with
    the histories (bench_soak.py). The others are read whole, a few documents at a time."""
    since = {i: len(_parsed[i][1].history) - 1 for i in stale
             if i in _parsed and _parsed[i][1].history}
    for officer_id, start in since.items():
        raw = officers().find_one({"_id": officer_id},
                                  {"history": {"$slice": [start, 2**31 - 1]}})
        if raw is not None:
            yield raw, start
    whole = [i for i in stale if i not in since]
    if whole:
        yield from ((raw, 0) for raw in
                    officers().find({"_id": {"$in": whole}}).batch_size(WHOLE_BATCH))


def load_many(ids) -> dict:
    """id -> (record, version) for the ids that exist. One small query (rev only) when
    every record is already parsed; of those that changed, the new entries only, and
    the full documents of those new here."""
    wanted = sorted({str(i) for i in ids})
    found, stale = {}, []
    for head in officers().find({"_id": {"$in": wanted}}, {"rev": 1}):
        kept = _parsed.get(head["_id"])
        if kept and head.get("rev") and kept[0] == head["rev"]:
            found[head["_id"]] = kept[1:]
            _parsed.move_to_end(head["_id"])
        else:
            stale.append(head["_id"])
    for raw, start in _changed(stale):
        record = _parse(raw, _parsed.get(raw["_id"]), start)
        if record is None:  # not what was parsed before: read whole
            raw = officers().find_one({"_id": raw["_id"]})
            if raw is None:
                continue
            record = _parse(raw, None)
        found[raw["_id"]] = (record, raw["version"])
        if raw.get("rev"):
            _keep(raw["_id"], raw["rev"], record, raw["version"])
    return found


def load(officer_id, field=("input", "officerId")):
    found = load_many([officer_id]).get(str(officer_id))
    if found is None:
        raise NotFound("officer", officer_id, list(field))
    return found


def claim_number(uow, key: str) -> int:
    """The next sequence for `key`, incremented inside the unit of work: the number is
    taken only if the whole command commits, and a racing command retries (no gaps)."""
    current = CounterDocument._get_collection().find_one({"_id": key}) or {"seq": 0}
    expected = current["seq"] + 1

    def increment(session):
        after = CounterDocument._get_collection().find_one_and_update(
            {"_id": key}, {"$inc": {"seq": 1}}, upsert=True,
            return_document=ReturnDocument.AFTER, session=session)
        if after["seq"] != expected:
            raise ConcurrentUpdate(f"counter {key}")
    uow.run(increment)
    return expected


def write(uow, before: OfficerRecord, after: OfficerRecord, version: int) -> None:
    """Store `after`, changed from `before` (stored at `version`), as version + 1, failing
    with ConcurrentUpdate if someone else wrote first. A change appends entries: only
    those are pushed and the other fields set, so what a change writes (and allocates to
    write it) does not grow with the history. Anything else is saved whole. The
    officer's roster row (OfficerListing) is rewritten in the same unit of work."""
    uow.save(OfficerListing.from_record(after))
    start = len(before.history)
    if ((after.id, after.name, after.agency, after.id_number)
            != (before.id, before.name, before.agency, before.id_number)
            or after.history[:start] != before.history):
        uow.save(OfficerDocument.from_record(after, version + 1), expect_version=version)
        return
    doc = OfficerDocument.from_record(after, version + 1, start)
    doc.validate()  # the new entries and every other field, as a whole save would
    son = doc.to_mongo()
    entries = son.pop("history", [])
    update = {"$set": {k: v for k, v in son.items() if k != "_id"}}
    if entries:
        update["$push"] = {"history": {"$each": entries}}
    uow.update(OfficerDocument, son["_id"], update, expect_version=version)


# Two admins acting on one officer at once: the loser re-reads and re-applies its command.
# One Retrying for every call (its state is per green thread): decorating a function per
# call made two Retrying objects, each with a thread-local, for every change, kept in
# reference cycles until the cycle collector ran (bench_soak.py).
on_conflict = Retrying(retry=retry_if_exception_type(ConcurrentUpdate),
                       stop=stop_after_attempt(5), wait=wait_random(0, 0.05), reraise=True)


def create(store, build) -> OfficerRecord:
    """Insert the officer `build(uow) -> (record, events)` makes; the unique index, not a
    prior read, decides duplicates (so two racing registrations cannot both win)."""
    def attempt():  # retried: only the certificate counter can conflict here
        with store.transaction() as uow:
            record, events = build(uow)
            record = record.attributed(0, uow.actor)
            insert(uow, record)
            uow.emit_all(events)
        return record
    try:
        return on_conflict(attempt)
    except DuplicateKeyError as exc:
        if "id_number" in str(exc):
            raise DomainError("DUPLICATE_ID_NUMBER", "an officer with this ID number is "
                              "already registered", ["input", "idNumber"]) from None
        raise DomainError("DUPLICATE_OFFICER", "an officer with this id already exists",
                          ["input", "officerId"]) from None


def change(store, officer_id, action, field=("input", "officerId"), *,
           config) -> OfficerRecord:
    """Load, apply `action(record, uow) -> (after, events)`, save after and its events in
    the same transaction (inbox included in event handlers); retried on a conflict. The
    officer's credentials' status follows in the same transaction (credential_status)."""
    def attempt():
        record, version = load(officer_id, field)
        with store.transaction() as uow:
            after, events = action(record, uow)
            if after is not record:
                after = after.attributed(len(record.history), uow.actor)
                write(uow, record, after, version)
            events = list(events) + credential_status.sync(uow, after, utcnow(), config)
            uow.emit_all(events)
        return after
    return on_conflict(attempt)
