"""The outbox relay: publishes committed events with publisher confirms and
persistent delivery, then marks them sent.

A crash between publish and mark means the event is published again on restart:
delivery is at-least-once and consumers are idempotent (inbox).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import time

import eventlet
from eventlet.event import Event
from amqp import Message
from bson import ObjectId
from kombu import Connection
from kombu.pools import connections

from services.bus import mongo_settings
from services.bus.lease import RENEW, Lease, LeaseLost
from services.bus.topology import EVENTS_EXCHANGE
from services.bus.unit_of_work import OUTBOX
from services.common.clock import utcnow
from services.common.config import amqp_nodes

log = logging.getLogger(__name__)
BATCH = 500
# Under load (events committed while the last batch was going out), wait this long before
# the next batch: what commits meanwhile goes out with it (one read, one confirm wait, one
# mark) instead of one by one. An event after a quiet moment goes at once.
LINGER = 0.025
PURGE_EVERY = 3600.0  # seconds between purges of published events past their retention
CONFIRM_TIMEOUT = 30  # a loaded broker can take seconds; the relay retries anyway
# The lease holder polls this often while other replicas are about (what they commit
# wakes only their own relay), once a second when it runs alone.
REPLICA_POLL = 0.1


def publish_envelopes(amqp_uri: str, envelopes) -> None:
    """Publish persistently and return once the broker confirmed every one; raises if
    any is refused or the confirms do not come. Confirms are awaited once per batch
    (not per message): the same guarantee, far fewer round trips."""
    envelopes = list(envelopes)
    if not envelopes:
        return
    with connections[Connection(amqp_uri)].acquire(block=True, timeout=10) as conn:
        # A pooled connection the broker dropped (restart, close_all_connections) comes
        # back closed: connect it again, or the relay would fail on it forever.
        conn.ensure_connection(max_retries=len(amqp_nodes(amqp_uri)))
        channel = conn.channel()
        try:
            _publish_confirmed(conn, channel, envelopes)
        finally:
            channel.close()


class Confirms:
    """The delivery tags (1..count on a fresh confirm channel) the broker has yet to confirm.
    RabbitMQ confirms out of order when messages go to different queues, and mixes single
    acks with `multiple` ones covering every earlier tag: so a set, not a counter."""

    def __init__(self, count: int):
        self.pending, self.nacked = set(range(1, count + 1)), False

    def ack(self, delivery_tag, multiple):
        if multiple:
            self.pending = {tag for tag in self.pending if tag > delivery_tag}
        else:
            self.pending.discard(delivery_tag)

    def nack(self, delivery_tag, multiple):
        self.nacked = True

    @property
    def waiting(self) -> bool:
        return bool(self.pending) and not self.nacked


def _publish_confirmed(conn, channel, envelopes) -> None:
    confirms = Confirms(len(envelopes))
    channel.events["basic_ack"].add(confirms.ack)
    channel.events["basic_nack"].add(confirms.nack)
    channel.confirm_select()
    EVENTS_EXCHANGE(channel).declare()
    for env in envelopes:
        message = Message(json.dumps(env), content_type="application/json",
                          content_encoding="utf-8", delivery_mode=2,
                          message_id=env["event_id"], correlation_id=env["correlation_id"])
        channel.basic_publish(message, exchange=EVENTS_EXCHANGE.name, routing_key=env["type"])
    while confirms.waiting:
        conn.drain_events(timeout=CONFIRM_TIMEOUT)
    if confirms.nacked:
        raise ConnectionError("the broker refused (nacked) a published event")


class Relay:
    """One per process; of a service's replicas only the lease holder relays (its outbox
    in order, one publisher), the others wait to take over."""

    def __init__(self, db, amqp_uri: str, poll_seconds: float = RENEW,
                 retention_hours: int | None = None, lease: Lease | None = None):
        self.db, self.amqp_uri, self.poll = db, amqp_uri, poll_seconds
        self.retention_hours = retention_hours
        self.lease = lease or Lease(db)
        self._renewed = 0.0
        self._next_purge = 0.0
        self._wake = Event()
        self._running = False
        self.published = 0
        # Built here, before anything can write (the Store makes its relay in setup()):
        # SecantusDB leaves out of an index what a transaction open during the build
        # wrote, and the relay, which reads the outbox through it, never sent that event.
        db[OUTBOX].create_index([("sent", 1), ("_id", 1)])

    def wake(self) -> None:
        if not self._wake.ready():
            self._wake.send()

    def holding(self) -> bool:
        """Renew the lease when a renewal is due; True while this replica holds it."""
        if time.monotonic() - self._renewed < RENEW:  # a try a second, held or not
            return self.lease.held
        self._renewed = time.monotonic()
        return self.lease.renew()

    def drain_once(self) -> int:
        if not self.holding():
            return 0
        docs = list(self.db[OUTBOX].find({"sent": False}).sort("_id", 1).limit(BATCH))
        if not docs:
            return 0
        publish_envelopes(self.amqp_uri, [d["envelope"] for d in docs])
        self._mark_sent([d["_id"] for d in docs])
        self.published += len(docs)
        return len(docs)

    def _mark_sent(self, ids) -> None:
        """Mark exactly the published documents sent. By their _id range when that range
        holds nothing else unsent (checked in the same transaction): a range is an index
        walk, while SecantusDB matches a long `$in` against every outbox document, sent
        ones included, so its cost grew with the outbox. A document committed late into
        the range (its _id is taken before its commit) makes the range unsafe: then by id."""
        outbox, mark = self.db[OUTBOX], {"$set": {"sent": True, "sent_at": utcnow()}}
        span = {"sent": False, "_id": {"$gte": ids[0], "$lte": ids[-1]}}

        def by_range(session):
            self.lease.fence(session)  # a former holder marks nothing sent
            found = {d["_id"] for d in outbox.find(span, {"_id": 1}, session=session)}
            if found != set(ids):
                return False
            outbox.update_many(span, mark, session=session)
            return True
        def by_ids(session):
            self.lease.fence(session)
            outbox.update_many({"_id": {"$in": ids}}, mark, session=session)
        session = self.lease.session  # the lease's: a successor can abort what it left
        if session is None:
            raise LeaseLost(self.lease.name)
        if not mongo_settings.in_transaction(session, by_range):
            mongo_settings.in_transaction(session, by_ids)

    def purge_sent(self, now: dt.datetime | None = None) -> int:
        """Delete published events older than the retention (an outbox is a queue, not an
        archive: without this it grows with every event ever raised). An _id holds the
        moment it was made, so the (sent, _id) index finds them without a scan."""
        cutoff = (now or utcnow()) - dt.timedelta(hours=self.retention_hours)
        result = self.db[OUTBOX].delete_many({"sent": True,
                                              "_id": {"$lt": ObjectId.from_datetime(cutoff)}})
        return result.deleted_count

    def _purge_when_due(self) -> None:
        if self.retention_hours and time.monotonic() >= self._next_purge:
            self._next_purge = time.monotonic() + PURGE_EVERY
            purged = self.purge_sent()
            if purged:
                log.info("outbox relay: purged %d published events older than %d h", purged,
                         self.retention_hours)

    def run(self) -> None:
        self._running, backoff, busy = True, 0.1, False
        while self._running:
            try:
                if busy:
                    eventlet.sleep(LINGER)
                while self.drain_once() == BATCH:
                    pass
                busy = self._wake.ready()  # woken while draining: more are coming
                if not busy and self.lease.held:
                    self._purge_when_due()
                backoff = 0.1
            except LeaseLost:  # another replica relays now; what we sent goes again
                log.warning("outbox relay: lease lost mid-batch; standing by")
                backoff = 0.1
            except Exception as exc:  # broker or database away: keep the events, retry
                log.warning("outbox relay: %s; retrying in %.1fs", exc, backoff)
                eventlet.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            poll = REPLICA_POLL if self.lease.held and self.lease.others else self.poll
            with eventlet.Timeout(poll, False):
                self._wake.wait()
            self._wake = Event()

    def stop(self) -> None:
        self._running = False
        self.wake()
        self.lease.release()
