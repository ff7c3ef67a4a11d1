"""Reading and writing officer records: loads by id, the optimistic save with its events
(and the officer's row in the roster's read model), and the certificate-number counter,
all inside one unit of work per command."""
from __future__ import annotations

from pymongo import ReturnDocument
from pymongo.errors import BulkWriteError, DuplicateKeyError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random

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


def save(uow, record: OfficerRecord, version: int, expect_version: int | None = None) -> None:
    """The one way an officer is written: the record (inserted at version 1, else replaced
    if still at `expect_version`) and its roster row, in the same unit of work."""
    doc = OfficerDocument.from_record(record, version)
    if expect_version is None:
        uow.insert(doc)
    else:
        uow.save(doc, expect_version=expect_version)
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
# would otherwise parse every officer's history on every call. Bounded by officers and by
# history entries held: a record grows by an entry per change (every sanction, even a
# criticism kept for the record only), so its memory follows the histories, not the count
# (what bench_soak.py's certification growth was: the held histories growing under load).
_parsed: dict[str, tuple[str, OfficerRecord, int]] = {}
MAX_PARSED, MAX_PARSED_ENTRIES = 50_000, 1_000_000
_held = {"entries": 0}  # history entries in _parsed (approximate between resets)


def load_many(ids) -> dict:
    """id -> (record, version) for the ids that exist. One small query (rev only) when
    every record is already parsed; the full documents only of those that changed or are
    new here."""
    wanted = sorted({str(i) for i in ids})
    found, stale = {}, []
    for head in officers().find({"_id": {"$in": wanted}}, {"rev": 1}):
        kept = _parsed.get(head["_id"])
        if kept and head.get("rev") and kept[0] == head["rev"]:
            found[head["_id"]] = kept[1:]
        else:
            stale.append(head["_id"])
    if stale:
        if len(_parsed) > MAX_PARSED or _held["entries"] > MAX_PARSED_ENTRIES:
            _parsed.clear()
            _held["entries"] = 0
        for raw in officers().find({"_id": {"$in": stale}}):
            found[raw["_id"]] = (record_from_raw(raw), raw["version"])
            if raw.get("rev"):
                before = _parsed.get(raw["_id"])
                _held["entries"] += len(found[raw["_id"]][0].history) - (
                    len(before[1].history) if before else 0)
                _parsed[raw["_id"]] = (raw["rev"], *found[raw["_id"]])
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


# Two admins acting on one officer at once: the loser re-reads and re-applies its command.
retry_on_conflict = retry(retry=retry_if_exception_type(ConcurrentUpdate),
                          stop=stop_after_attempt(5), wait=wait_random(0, 0.05), reraise=True)


def create(store, build) -> OfficerRecord:
    """Insert the officer `build(uow) -> (record, events)` makes; the unique index, not a
    prior read, decides duplicates (so two racing registrations cannot both win)."""
    @retry_on_conflict  # only the certificate counter can conflict here
    def attempt():
        with store.transaction() as uow:
            record, events = build(uow)
            record = record.attributed(0, uow.actor)
            save(uow, record, 1)
            uow.emit_all(events)
        return record
    try:
        return attempt()
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
    @retry_on_conflict
    def attempt():
        record, version = load(officer_id, field)
        with store.transaction() as uow:
            after, events = action(record, uow)
            if after is not record:
                after = after.attributed(len(record.history), uow.actor)
                save(uow, after, version + 1, expect_version=version)
            events = list(events) + credential_status.sync(uow, after, utcnow(), config)
            uow.emit_all(events)
        return after
    return attempt()
