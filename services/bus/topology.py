"""Broker topology: one topic exchange for all events, per-handler queues, delay
queues for retries with backoff, and one dead-letter queue.

Retry without a plugin: a failed message is republished to the fanout exchange of a
delay level; its queue has a fixed TTL and dead-letters to the default exchange, which
routes by the original routing key: the handler queue's own name.
"""
from __future__ import annotations

from kombu import Exchange, Queue, binding

EVENTS_EXCHANGE = Exchange("jointops.events", type="topic", durable=True)
DEAD_LETTER_QUEUE_NAME = "jointops.dead_letters"


def _queue_args(queue_type: str) -> dict:
    return {"x-queue-type": "quorum"} if queue_type == "quorum" else {}


def handler_queue(name: str, event_types, queue_type: str = "classic") -> Queue:
    return Queue(
        name, exchange=EVENTS_EXCHANGE, durable=True, queue_arguments=_queue_args(queue_type),
        bindings=[binding(EVENTS_EXCHANGE, routing_key=t) for t in event_types],
    )


def broadcast_queue(name: str, event_types) -> Queue:
    """A per-process queue: gone when its consumer's connection closes."""
    return Queue(name, exchange=EVENTS_EXCHANGE, durable=False, exclusive=True,
                 auto_delete=True,
                 bindings=[binding(EVENTS_EXCHANGE, routing_key=t) for t in event_types])


def delay_exchange(delay_ms: int) -> Exchange:
    return Exchange(f"jointops.retry.{delay_ms}ms", type="fanout", durable=True)


def delay_queue(delay_ms: int) -> Queue:
    # Named by its TTL: changing the delays makes new queues instead of a
    # PRECONDITION_FAILED on redeclaring an old one with other arguments.
    return Queue(
        f"jointops.retry.{delay_ms}ms", exchange=delay_exchange(delay_ms), durable=True,
        queue_arguments={"x-message-ttl": delay_ms, "x-dead-letter-exchange": ""},
    )


def dead_letter_queue(queue_type: str = "classic") -> Queue:
    return Queue(DEAD_LETTER_QUEUE_NAME, durable=True, queue_arguments=_queue_args(queue_type))


def declare(connection, retry_delays_ms, queue_type: str = "classic") -> list[str]:
    """Declare the shared parts (idempotent); handler queues declare themselves."""
    channel = connection.default_channel
    EVENTS_EXCHANGE(channel).declare()
    declared = [EVENTS_EXCHANGE.name]
    for queue in [dead_letter_queue(queue_type), *(delay_queue(d) for d in retry_delays_ms)]:
        queue(channel).declare()
        declared.append(queue.name)
    return declared
