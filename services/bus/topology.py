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


# A message delivered this many times without being settled (its consumer died with it
# each time) is taken out of the way: dead-lettered from handler queues, dropped from RPC
# queues (its caller has long timed out). Handler failures never count: they are acked
# and retried through the delay queues.
DELIVERY_LIMIT = 20
# Quorum queues dead-letter at most once unless told otherwise; at-least-once needs the
# queue to refuse new messages, rather than drop old ones, when it is full.
SAFE_DEAD_LETTERING = {"x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"}


def _queue_args(queue_type: str) -> dict:
    return {"x-queue-type": "quorum"} if queue_type == "quorum" else {}


def handler_queue_arguments(queue_type: str) -> dict:
    if queue_type != "quorum":
        return {}
    return {"x-queue-type": "quorum", "x-delivery-limit": DELIVERY_LIMIT,
            "x-dead-letter-exchange": "", "x-dead-letter-routing-key": DEAD_LETTER_QUEUE_NAME,
            **SAFE_DEAD_LETTERING}


def rpc_queue_arguments(queue_type: str) -> dict:
    """nameko's `rpc-<service>` queue (declared by services.bus.rpc.BusRpcConsumer);
    reply queues stay exclusive classic queues, one per client."""
    if queue_type != "quorum":
        return {}
    return {"x-queue-type": "quorum", "x-delivery-limit": DELIVERY_LIMIT}


def handler_queue(name: str, event_types, queue_type: str = "classic") -> Queue:
    return Queue(
        name, exchange=EVENTS_EXCHANGE, durable=True,
        queue_arguments=handler_queue_arguments(queue_type),
        bindings=[binding(EVENTS_EXCHANGE, routing_key=t) for t in event_types],
    )


def broadcast_queue(name: str, event_types) -> Queue:
    """A per-process queue: gone when its consumer's connection closes."""
    return Queue(name, exchange=EVENTS_EXCHANGE, durable=False, exclusive=True,
                 auto_delete=True,
                 bindings=[binding(EVENTS_EXCHANGE, routing_key=t) for t in event_types])


def delay_exchange(delay_ms: int) -> Exchange:
    return Exchange(f"jointops.retry.{delay_ms}ms", type="fanout", durable=True)


def delay_queue(delay_ms: int, queue_type: str = "classic") -> Queue:
    # Named by its TTL: changing the delays makes new queues instead of a
    # PRECONDITION_FAILED on redeclaring an old one with other arguments. Every retried
    # message leaves it by dead-lettering: on a quorum queue, at least once.
    arguments = {"x-message-ttl": delay_ms, "x-dead-letter-exchange": ""}
    if queue_type == "quorum":
        arguments.update(_queue_args(queue_type), **SAFE_DEAD_LETTERING)
    return Queue(f"jointops.retry.{delay_ms}ms", exchange=delay_exchange(delay_ms),
                 durable=True, queue_arguments=arguments)


def dead_letter_queue(queue_type: str = "classic") -> Queue:
    return Queue(DEAD_LETTER_QUEUE_NAME, durable=True, queue_arguments=_queue_args(queue_type))


def declare(connection, retry_delays_ms, queue_type: str = "classic") -> list[str]:
    """Declare the shared parts (idempotent); handler queues declare themselves."""
    channel = connection.default_channel
    EVENTS_EXCHANGE(channel).declare()
    declared = [EVENTS_EXCHANGE.name]
    for queue in [dead_letter_queue(queue_type),
                  *(delay_queue(d, queue_type) for d in retry_delays_ms)]:
        queue(channel).declare()
        declared.append(queue.name)
    return declared
