"""Appending to the trail and reading it.

One writer per chain at a time: inside the append's transaction the head is read, the
entry inserted under the next seq (unique) and the head moved only from the seq it was
read at. Units of work of one process commit one after another (group commit: in one
transaction they see each other's head), so only replicas can race; the loser's
transaction writes nothing and it appends again on the new head.
"""
from __future__ import annotations

import logging

from pymongo.errors import DuplicateKeyError, OperationFailure

from services.audit import domain
from services.audit.documents import AuditEntryDoc, ChainHead
from services.bus.unit_of_work import ConcurrentUpdate
from services.common.hashchain import GENESIS
from services.common import paging
from services.common.errors import InvalidInput

log = logging.getLogger(__name__)
RACE_RETRIES = 20


def _append_op(entry_body: dict):
    entries, heads = AuditEntryDoc._get_collection(), ChainHead._get_collection()

    def op(session):
        head = heads.find_one({"_id": domain.CHAIN}, session=session)
        seq = head["seq"] + 1 if head else 0
        entry = domain.linked(entry_body, seq, head["hash"] if head else GENESIS)
        entries.insert_one(entry, session=session)
        moved = heads.update_one({"_id": domain.CHAIN, "seq": seq - 1},
                                 {"$set": {"seq": seq, "hash": entry["hash"]}},
                                 upsert=head is None, session=session)
        if head is not None and moved.matched_count == 0:
            raise ConcurrentUpdate("the audit chain head")
    return op


def append(store, envelope: dict) -> None:
    """Append one event (inside the handler's inbox transaction: a redelivery adds
    nothing). A race with another replica is retried here, on the new head."""
    entry_body = domain.body(envelope)
    for attempt in range(RACE_RETRIES):
        try:
            with store.transaction() as uow:
                uow.run(_append_op(entry_body))
            return
        except (ConcurrentUpdate, DuplicateKeyError, OperationFailure) as exc:
            if isinstance(exc, DuplicateKeyError) and AuditEntryDoc.objects(
                    id=entry_body["_id"]).count():
                return  # this event is in the trail already (replayed from elsewhere)
            if isinstance(exc, OperationFailure) and not isinstance(exc, DuplicateKeyError) \
                    and not exc.has_error_label("TransientTransactionError"):
                raise
            log.info("audit append raced another writer (attempt %d): %s", attempt + 1, exc)
    raise ConcurrentUpdate("the audit chain head")


def _query(filters: dict) -> dict:
    query = {}
    if filters.get("subject_id"):
        query["subject_ids"] = str(filters["subject_id"])
    if filters.get("actor_subject"):
        query["actor.subject"] = str(filters["actor_subject"])
    span = {}
    for key, op in (("from", "$gte"), ("to", "$lte")):
        if filters.get(key):
            try:
                span[op] = domain.moment(filters[key])
            except (TypeError, ValueError):
                raise InvalidInput("not an ISO 8601 date-time", [key]) from None
    if span:
        query["at"] = span
    return query


def page(filters: dict | None, request: paging.Page) -> dict:
    """Entries newest first (by chain order), with the total for the filters; a cursor is
    an entry's place in the chain, so it stays valid while entries are appended."""
    if not isinstance(filters, (dict, type(None))):
        raise InvalidInput("filters must be an object", ["filters"])
    return paging.keyed(AuditEntryDoc._get_collection(), _query(filters or {}), [("seq", -1)],
                        request, _plain)


def _plain(row: dict) -> dict:
    return {"event_id": row["_id"], "seq": row["seq"], "at": domain.moment_text(row["at"]),
            "actor": row["actor"], "event_type": row["event_type"],
            "subject_ids": row.get("subject_ids") or [],
            "correlation_id": row["correlation_id"], "causation_id": row.get("causation_id"),
            "producer": row["producer"]}


def check() -> dict:
    """The whole chain against its head: intact, or the first entry that is not."""
    heads, entries = ChainHead._get_collection(), AuditEntryDoc._get_collection()
    head, result = verify_stored(entries, heads)
    return {"id": domain.CHAIN, "intact": result.intact, "index": result.index,
            "reason": result.reason, "entries": result.entries,
            "head": head["hash"] if head else None}


def verify_stored(entries, heads):
    """(head, ChainCheck) of the stored trail. The head first, then the entries up to it:
    an entry appended while the check runs is after the head that was read, not a cut."""
    head = heads.find_one({"_id": domain.CHAIN})
    found = entries.find({"seq": {"$lte": head["seq"] if head else -1}}).sort("seq", 1)
    return head, domain.verify(found, head)
