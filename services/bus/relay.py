"""The outbox relay: publishes committed events with publisher confirms and
persistent delivery, then marks them sent.

A crash between publish and mark means the event is published again on restart:
delivery is at-least-once and consumers are idempotent (inbox).
"""
from __future__ import annotations

import logging

import eventlet
from eventlet.event import Event
from nameko.amqp.publish import get_producer

from services.bus.topology import EVENTS_EXCHANGE
from services.bus.unit_of_work import OUTBOX
from services.common.clock import utcnow

log = logging.getLogger(__name__)
BATCH = 500


def publish_envelopes(amqp_uri: str, envelopes) -> None:
    """Publish and wait for the broker's confirm of each; raises if any is refused."""
    with get_producer(amqp_uri, confirms=True) as producer:
        for env in envelopes:
            producer.publish(
                env, exchange=EVENTS_EXCHANGE, routing_key=env["type"], serializer="json",
                delivery_mode=2, message_id=env["event_id"],
                correlation_id=env["correlation_id"], declare=[EVENTS_EXCHANGE], retry=False,
            )


class Relay:
    def __init__(self, db, amqp_uri: str, poll_seconds: float = 1.0):
        self.db, self.amqp_uri, self.poll = db, amqp_uri, poll_seconds
        self._wake = Event()
        self._running = False
        self.published = 0

    def wake(self) -> None:
        if not self._wake.ready():
            self._wake.send()

    def drain_once(self) -> int:
        docs = list(self.db[OUTBOX].find({"sent": False}).sort("_id", 1).limit(BATCH))
        if not docs:
            return 0
        publish_envelopes(self.amqp_uri, [d["envelope"] for d in docs])
        self.db[OUTBOX].update_many({"_id": {"$in": [d["_id"] for d in docs]}},
                                    {"$set": {"sent": True, "sent_at": utcnow()}})
        self.published += len(docs)
        return len(docs)

    def run(self) -> None:
        self._running, backoff = True, 0.1
        self.db[OUTBOX].create_index([("sent", 1), ("_id", 1)])
        while self._running:
            try:
                while self.drain_once() == BATCH:
                    pass
                backoff = 0.1
            except Exception as exc:  # broker or database away: keep the events, retry
                log.warning("outbox relay: %s; retrying in %.1fs", exc, backoff)
                eventlet.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            with eventlet.Timeout(self.poll, False):
                self._wake.wait()
            self._wake = Event()

    def stop(self) -> None:
        self._running = False
        self.wake()
