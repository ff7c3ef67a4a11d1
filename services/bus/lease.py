"""Which replica of a service relays its outbox and runs its timers: the holder of a lease
in the context's own database, renewed every second, free for another replica once it
has not been renewed for TTL seconds (its holder died or lost the database).

Every taking of the lease raises its `epoch` (a fencing token), and the holder does its
relay writes in one database session named in the lease. Taking the lease kills the
former holder's session: a transaction it left open (it died mid-write, or is paused past
the TTL) is aborted at once instead of holding its documents until the server reaps it
(60 s), and nothing it does later can commit. Its writes also check the epoch in their own
transaction (`fence`). What a former holder published but did not mark is published again
by the new holder, which the consumers' inboxes make harmless (at-least-once anyway).
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid

from bson import Binary
from eventlet.semaphore import Semaphore
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError, PyMongoError

from services.bus import mongo_settings
from services.common.clock import utcnow

log = logging.getLogger(__name__)
LEASES = "bus_leases"
TTL = 3.0  # seconds without renewal before another replica may take over
RENEW = 1.0  # seconds between renewals (the relay's poll): a takeover within TTL + RENEW


class LeaseLost(Exception):
    """The lease moved to another replica: this one stops relaying at once."""


class Lease:
    def __init__(self, db, name: str = "outbox", ttl: float = TTL):
        self.coll, self.name, self.ttl = db[LEASES], name, dt.timedelta(seconds=ttl)
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.epoch: int | None = None
        self.session = None  # the holder's session for its relay writes
        self.others = False  # another replica stood by within the TTL (holder's view)
        self._valid_until = utcnow()
        self._busy = Semaphore()  # the relay and a timer may both ask at once

    @property
    def held(self) -> bool:
        """This replica holds the lease now (by its own clock, a margin short of expiry)."""
        return self.epoch is not None and utcnow() < self._valid_until

    def renew(self) -> bool:
        """Renew, or take the lease if it is free; True while this replica holds it."""
        with self._busy:
            return self._renew_or_take()

    def _renew_or_take(self) -> bool:
        now = utcnow()
        try:
            doc = self._renew(now) if self.epoch is not None else None
            if doc is None and self.epoch is not None:
                log.info("lease %s: lost to another replica", self.name)
            doc = doc or self._take(now)
        except PyMongoError as exc:  # database away: we may have lost it; stop acting
            log.warning("lease %s: %s", self.name, exc)
            self._drop()
            return False
        if doc is None:
            self._drop()
            return False
        self.epoch, self._valid_until = doc["epoch"], now + self.ttl * 0.8
        standby = doc.get("standby_at")
        self.others = standby is not None and now - standby < self.ttl
        return True

    def _renew(self, now):
        return self.coll.find_one_and_update(
            {"_id": self.name, "holder": self.holder, "epoch": self.epoch},
            {"$set": {"expires_at": now + self.ttl}}, return_document=ReturnDocument.AFTER)

    def _take(self, now):
        self._drop()
        session = mongo_settings.session(self.coll.database.client)
        try:
            before = self.coll.find_one_and_update(
                {"_id": self.name, "$or": [{"expires_at": {"$lt": now}},
                                           {"holder": self.holder}]},
                {"$set": {"holder": self.holder, "expires_at": now + self.ttl,
                          "taken_at": now, "session": session.session_id},
                 "$inc": {"epoch": 1}},
                upsert=True, return_document=ReturnDocument.BEFORE)
        except DuplicateKeyError:  # held by another: the upsert found no free lease
            session.end_session()
            self.coll.update_one({"_id": self.name}, {"$set": {"standby_at": now}})
            return None
        self.session = session
        if before and before.get("session") and before["holder"] != self.holder:
            self._kill(before["session"])
        epoch = (before or {}).get("epoch", 0) + 1
        log.info("lease %s: taken by %s (epoch %d)", self.name, self.holder, epoch)
        return {**(before or {}), "epoch": epoch}

    def _kill(self, session_id) -> None:
        """Abort whatever the former holder's session left open (see the module doc)."""
        lsid = session_id["id"]
        if isinstance(lsid, uuid.UUID):  # read back through the client's UUID codec
            lsid = Binary.from_uuid(lsid)
        try:
            self.coll.database.client.admin.command("killSessions", [{"id": lsid}])
        except PyMongoError as exc:  # it may be gone already; the server reaps it anyway
            log.warning("lease %s: killing the former holder's session: %s", self.name, exc)

    def _drop(self) -> None:
        self.epoch = None
        if self.session is not None:
            try:
                self.session.end_session()
            except PyMongoError:
                pass
            self.session = None

    def fence(self, session) -> None:
        """Inside a transaction: raise LeaseLost unless this replica still holds the
        epoch it acts under. A read, not a write: a takeover never waits on a former
        holder's open transaction (it kills its session instead)."""
        held = self.coll.find_one({"_id": self.name, "holder": self.holder,
                                   "epoch": self.epoch}, {"_id": 1}, session=session)
        if held is None:
            self.epoch = None
            raise LeaseLost(self.name)

    def release(self) -> None:
        """On a clean stop: let another replica take over at once, not after the TTL."""
        if self.epoch is None:
            return
        try:
            self.coll.update_one({"_id": self.name, "holder": self.holder,
                                  "epoch": self.epoch}, {"$set": {"expires_at": utcnow()}})
        except PyMongoError:
            pass
        self._drop()
