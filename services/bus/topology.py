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


# ---- public webhook types: a stable, documented mapping from the internal catalogue.
# An agency system subscribes to the public names; the internal type may gain versions
# behind them. Each carries a thin payload (ids, status, moment): the receiver reads the
# rest over GraphQL with its own credentials. `fields` maps public field -> internal one.
PUBLIC_EVENTS = {
    "officer.qualification_changed": {
        "source": "certification.qualification_changed.v1",
        "fields": {"officer_id": "officer_id", "agency": "agency",
                   "domains": "qualified_after", "at": "effective_at"}},
    "certificate.revoked": {
        "source": "certification.certificate_revoked.v1",
        "fields": {"officer_id": "officer_id", "agency": "agency",
                   "certificate_no": "certificate_no", "at": "effective_at"},
        "status": "REVOKED"},
    "certificate.suspended": {
        "source": "certification.certificate_suspended.v1",
        "fields": {"officer_id": "officer_id", "agency": "agency",
                   "certificate_no": "certificate_no", "at": "effective_at"},
        "status": "SUSPENDED"},
    "certificate.reinstated": {
        "source": "certification.certificate_reinstated.v1",
        "fields": {"officer_id": "officer_id", "agency": "agency",
                   "certificate_no": "certificate_no", "at": "effective_at"},
        "status": "VALID"},
    "decision.published": {
        "source": "enforcement.decision_published.v1",
        "fields": {"case_id": "case_id", "agency": "agency", "at": "published_at"},
        "status": "PUBLISHED"},
    "draw.revealed": {
        "source": "draws.draw_revealed.v1",
        "fields": {"draw_id": "draw_id", "result_hash": "result_hash"},
        "status": "REVEALED"},
    "draw.results_published": {
        "source": "draws.results_published.v1",
        "fields": {"draw_id": "draw_id", "at": "published_on"},
        "status": "RESULTS_PUBLISHED"},
}
PUBLIC_BY_SOURCE = {spec["source"]: name for name, spec in PUBLIC_EVENTS.items()}


def public_event(envelope: dict) -> tuple[str, dict] | None:
    """(public type, thin data) of an internal event, or None when it has no public name."""
    name = PUBLIC_BY_SOURCE.get(envelope.get("type"))
    if name is None:
        return None
    spec, payload = PUBLIC_EVENTS[name], envelope["payload"]
    data = {out: payload.get(src) for out, src in spec["fields"].items()}
    if "status" in spec:
        data["status"] = spec["status"]
    data.setdefault("at", envelope["occurred_at"])
    return name, data
