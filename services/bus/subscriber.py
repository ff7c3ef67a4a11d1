"""`@subscribe(event_type, ...)`: a nameko entrypoint for bus events.

Each handler has its own durable queue (`<service>.<method>`) bound to the event
types it wants, and receives a `services.contracts.payloads.Event`: the envelope with
its payload as the event type's class (the topology's VERBATIM handlers get the envelope
dict). An invalid event, or a payload that does not fit its class, goes straight to the
dead-letter queue with the reason; a handler failure is retried through the delay
queues with backoff, then dead-lettered with its error. Duplicates are stopped by the
inbox (see Store).
"""
from __future__ import annotations

import logging
import uuid
from functools import partial

from nameko.exceptions import ContainerBeingKilled
from nameko.messaging import Consumer

from services.bus import schemas, topology as broker
from services.contracts import payloads, topology
from services.bus.deadletters import HEADER_ATTEMPTS, dead_letter, retry_later
from services.bus.unit_of_work import DuplicateEvent
from services.common.actor import UNRECORDED, Actor

log = logging.getLogger(__name__)


class EventSubscriber(Consumer):
    """`broadcast=True`: every replica gets every event on a queue of its own that lives
    as long as the process (for per-replica caches); such handlers must not fail, and
    are neither retried nor dead-lettered."""

    def __init__(self, *event_types: str, broadcast: bool = False, **kwargs):
        # No event types: the declared topology (services/contracts/topology.py) says which,
        # by service and method. Explicit types are for test probes and benchmarks.
        self.event_types, self.broadcast = event_types, broadcast
        super().__init__(queue=None, **kwargs)

    def setup(self):
        if not self.event_types:
            self.event_types = topology.routing_keys(self.container.service_name,
                                                     self.method_name)
        cfg = self.container.config["JOINTOPS"]
        self.amqp_uri = cfg.amqp_uri
        self.retry_delays = cfg.retry_delays_ms
        self.queue_name = f"{self.container.service_name}.{self.method_name}"
        self.verbatim = (self.container.service_name, self.method_name) in topology.VERBATIM
        if self.broadcast:
            self.queue_name += f".{uuid.uuid4().hex[:12]}"
            self.queue = broker.broadcast_queue(self.queue_name, self.event_types)
        else:
            self.queue = broker.handler_queue(self.queue_name, self.event_types,
                                                cfg.queue_type)
        super().setup()

    def handle_message(self, body, message):
        try:
            schemas.validate(body)
        except schemas.InvalidEvent as exc:
            self._give_up(message, body, f"invalid event: {exc}")
            return
        try:
            event = body if self.verbatim else payloads.receive(body)
        except payloads.PayloadMismatch as exc:  # no retry can make it fit
            self._give_up(message, body, f"invalid event: {exc}")
            return
        # The envelope, not transport headers, carries the context across the bus.
        context_data = {"correlation_id": body["correlation_id"], "event_id": body["event_id"]}
        # Work done for this event is done for the actor who caused it; an event stored
        # before actors were kept reads as system:unrecorded.
        context_data["actor"] = (Actor.from_value(body.get("actor")) or UNRECORDED).to_dict()
        try:
            self.container.spawn_worker(self, (event,), {}, context_data=context_data,
                                        handle_result=partial(self.handle_result, message))
        except ContainerBeingKilled:
            self.queue_consumer.requeue_message(message)

    def handle_result(self, message, worker_ctx, result=None, exc_info=None):
        if exc_info is not None and isinstance(exc_info[1], DuplicateEvent):
            exc_info = None  # already handled once: the redelivery is a no-op
        self._settle(message, exc_info)
        return result, exc_info

    def _settle(self, message, exc_info):
        if exc_info is not None and self.broadcast:
            log.error("%s failed: %s (not retried: broadcast)", self.queue_name, exc_info[1])
            exc_info = None
        if exc_info is None:
            self.queue_consumer.ack_message(message)
            return
        attempts = int((message.headers or {}).get(HEADER_ATTEMPTS, 0))
        reason = f"{exc_info[0].__name__}: {exc_info[1]}"
        if attempts < len(self.retry_delays):
            log.warning("%s failed (attempt %d): %s; retrying", self.queue_name, attempts + 1,
                        reason)
            retry_later(self.amqp_uri, message, self.queue_name,
                        self.retry_delays[attempts], attempts + 1)
            self.queue_consumer.ack_message(message)
        else:
            self._give_up(message, message.payload, reason, attempts)

    def _give_up(self, message, body, reason, attempts=0):
        log.error("%s: dead-lettering message: %s", self.queue_name, reason)
        dead_letter(self.amqp_uri, message, body, self.queue_name, reason, attempts)
        self.queue_consumer.ack_message(message)


subscribe = EventSubscriber.decorator
