"""One atomic MongoDB transaction holding a domain write, the events it raises
(outbox) and, when handling an event, the inbox record that makes it idempotent.

mongoengine 0.29 has no transaction support, so documents are validated by
mongoengine and written through pymongo with the session.
"""
from __future__ import annotations

import logging

import pymongo
from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from services.bus import envelope
from services.bus import mongo_settings
from services.common.clock import utcnow
from services.common.errors import DomainError

log = logging.getLogger(__name__)
OUTBOX = "outbox"
INBOX = "inbox"
COMMIT_SECONDS = 8.0


class DuplicateEvent(Exception):
    """This consumer already handled the event: the second delivery has no effect."""


class ConcurrentUpdate(DomainError):
    def __init__(self, what, code="CONCURRENT_UPDATE"):
        super().__init__(code, f"{what} was changed by someone else; retry")


class Insert:
    """An insert kept as data (not a closure), so a group commit can send the inserts of
    several units of work into one collection as one command."""

    def __init__(self, collection, son):
        self.collection, self.son = collection, son

    def __call__(self, session):
        self.collection.insert_one(self.son, session=session)


class UnitOfWork:
    def __init__(self, client, db, producer: str, context: dict, on_commit=None,
                 committer=None):
        self.client, self.db, self.producer = client, db, producer
        self.context = context  # correlation_id, causation_id, actor (dict), inbox_key
        self.on_commit = on_commit
        self.committer = committer  # a GroupCommit, or None to commit alone
        self.ops, self.events = [], []

    # ---- writes, applied in order at commit
    def _stamp(self, doc) -> None:
        # A document that keeps `changed_by` records who wrote it last (the whole story
        # of who did what is in the audit trail).
        if "changed_by" in doc._fields:
            doc.changed_by = self.actor

    def insert(self, doc):
        self._stamp(doc)
        doc.validate()
        self.ops.append(Insert(type(doc)._get_collection(), doc.to_mongo()))

    def save(self, doc, expect_version: int | None = None):
        """Replace the whole document; with expect_version, only if nobody changed it."""
        self._stamp(doc)
        doc.validate()
        son = doc.to_mongo()
        query = {"_id": son["_id"]}
        if expect_version is not None:
            query["version"] = expect_version

        def op(s):
            coll = type(doc)._get_collection()
            res = coll.replace_one(query, son, upsert=expect_version is None, session=s)
            if expect_version is not None and res.matched_count == 0:
                raise ConcurrentUpdate(f"{type(doc).__name__} {son['_id']}")
        self.ops.append(op)

    def update(self, doc_class, doc_id, update: dict, expect_version: int):
        """Change part of a stored document (`update` in MongoDB's operators, e.g. $push
        entries onto a long list instead of replacing it), only if it is still at
        expect_version. The caller validates what it writes; save validates all."""
        if "changed_by" in doc_class._fields:
            update = {**update, "$set": {**update.get("$set", {}), "changed_by": self.actor}}
        query = {"_id": doc_id, "version": expect_version}

        def op(s):
            res = doc_class._get_collection().update_one(query, update, session=s)
            if res.matched_count == 0:
                raise ConcurrentUpdate(f"{doc_class.__name__} {doc_id}")
        self.ops.append(op)

    def run(self, fn):
        """A raw write `fn(session)` for what insert/save do not cover."""
        self.ops.append(fn)

    @property
    def actor(self) -> dict:
        """Who this unit of work is done by (stored on records, sent with events)."""
        return self.context["actor"]

    def emit(self, event_type: str, payload: dict, actor=None) -> dict:
        """`actor` only for an event another actor causes (an automatic rule's finding)."""
        env = envelope.make(event_type, payload, producer=self.producer,
                            correlation_id=self.context.get("correlation_id"),
                            causation_id=self.context.get("causation_id"),
                            actor=actor or self.context.get("actor"))
        self.events.append(env)
        return env

    def emit_all(self, events) -> None:
        for event_type, payload in events:
            self.emit(event_type, payload)

    # ---- commit
    def inbox_doc(self) -> dict | None:
        key = self.context.get("inbox_key")
        return {"_id": key, "at": utcnow()} if key else None

    def outbox_docs(self) -> list[dict]:
        return [{"_id": ObjectId(), "event_id": e["event_id"], "type": e["type"],
                 "envelope": e, "sent": False, "created_at": utcnow()} for e in self.events]

    def _apply(self, session):
        # The inbox record goes first so a duplicate delivery aborts before any work.
        inbox = self.inbox_doc()
        if inbox:
            try:
                self.db[INBOX].insert_one(inbox, session=session)
            except DuplicateKeyError:
                raise DuplicateEvent(inbox["_id"]) from None
        for op in self.ops:
            op(session)
        if self.events:
            self.db[OUTBOX].insert_many(self.outbox_docs(), session=session)

    def time_limit(self) -> float | None:
        # A request is bounded: pymongo would retry a transaction for 120 s while the
        # database is away, and commit long after the caller was told SERVICE_UNAVAILABLE
        # (a retry then doubles it). An event handler is not: nobody waits, the inbox makes
        # a late commit safe, and a lock a killed process left takes a minute to clear.
        return None if self.context.get("inbox_key") else COMMIT_SECONDS

    def commit(self):
        if self.committer is not None:
            self.committer.commit(self)
        else:
            self.commit_alone()

    def commit_alone(self):
        with pymongo.timeout(self.time_limit()), mongo_settings.session(self.client) as session:
            mongo_settings.in_transaction(session, self._apply)
        self.committed()

    def committed(self):
        if self.events and self.on_commit:
            self.on_commit()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        return False
