"""The system's event topology, declared once: which service produces each kind of event
and which handler of which service receives which events.

Each handler receives a `payloads.Event` (its payload typed by event type), except the
VERBATIM ones below. Handlers are registered from here (`@subscribe()` with no event types
looks its routing keys up by service and method: services.bus.subscriber), the README's
event catalogue is rendered from it (infra/event_catalogue.py) and a test checks it
against the services' entrypoints and schemas/events/. To follow an event: find its type
below, then the handler's service and method.
"""
from __future__ import annotations

import re

# Who raises the events of each context (the event type's first part).
PRODUCERS = {
    "accountability": ("accountability",),
    "bus": ("probes used by tests and benchmarks",),
    "certification": ("certification",),
    "demo": ("every service (the replay clock)",),
    "delivery": ("delivery",),
    "draws": ("draws",),
    "enforcement": ("culture", "transport"),
    "operations": ("operations",),
}

# (service, handler method) -> the routing keys it is bound to (event types; `#` and `*`
# are the topic exchange's wildcards).
HANDLERS = {
    ("accountability", "on_case_event"): (
        "enforcement.case_decided.v1", "enforcement.decision_published.v1"),
    ("accountability", "on_action_event"): (
        "enforcement.inspection_recorded.v1", "enforcement.case_step_recorded.v1",
        "operations.inspection_task_assigned.v1"),
    ("audit", "record"): ("#",),
    ("certification", "on_sanction_imposed"): ("accountability.sanction_imposed.v1",),
    ("certification", "on_training_completed"): ("accountability.training_completed.v1",),
    ("certification", "on_reinstated_to_post"): ("accountability.reinstated_to_post.v1",),
    ("culture", "on_task_assigned"): ("operations.inspection_task_assigned.v1",),
    ("transport", "on_task_assigned"): ("operations.inspection_task_assigned.v1",),
    ("draws", "on_inspection_recorded"): ("enforcement.inspection_recorded.v1",),
    ("operations", "on_qualification_event"): (
        "certification.qualification_changed.v1", "certification.certificate_suspended.v1",
        "certification.certificate_revoked.v1", "certification.certificate_expired.v1",
        "certification.officer_status_changed.v1"),
    ("operations", "on_inspection_recorded"): ("enforcement.inspection_recorded.v1",),
    # every gateway replica drops its cached answers for an officer whose record changed
    ("gateway", "on_certification_event"): ("certification.#",),
    # ... and its cached machine client when the client is revoked, rotated or changed
    ("gateway", "on_client_changed"): ("delivery.client_changed.v1",),
    # webhooks: the internal events that have a public name (PUBLIC_EVENTS below)
    ("delivery", "on_public_event"): (
        "certification.qualification_changed.v1", "certification.certificate_revoked.v1",
        "certification.certificate_suspended.v1", "certification.certificate_reinstated.v1",
        "enforcement.decision_published.v1", "draws.draw_revealed.v1",
        "draws.results_published.v1"),
    ("delivery", "on_qualification_changed"): ("certification.qualification_changed.v1",),
    # the platforms that receive records by law (services/delivery/platforms.py)
    ("delivery", "on_platform_record"): (
        "enforcement.inspection_recorded.v1", "enforcement.decision_published.v1",
        "draws.results_published.v1"),
    # ... and a delivery missed by its deadline opens the legal-affairs unit's ledger item
    ("accountability", "on_platform_delivery_overdue"): (
        "delivery.platform_delivery_overdue.v1",),
}

# Handlers given the envelope as it came rather than an Event with a typed payload
# (services/contracts/payloads.py): the audit trail keeps every event whole and reads none.
VERBATIM = {("audit", "record")}


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


def public_event(event) -> tuple[str, dict] | None:
    """(public type, thin data) of an internal event (a payloads.Event), or None when it
    has no public name."""
    name = PUBLIC_BY_SOURCE.get(event.type)
    if name is None:
        return None
    spec = PUBLIC_EVENTS[name]
    data = {out: _json(getattr(event.payload, src)) for out, src in spec["fields"].items()}
    if "status" in spec:
        data["status"] = spec["status"]
    data.setdefault("at", event.occurred_at)
    return name, data


def _json(value):
    return list(value) if isinstance(value, tuple) else value


class UnknownHandler(LookupError):
    """A handler that is not declared here: declare it, or it receives nothing."""


def routing_keys(service: str, method: str) -> tuple[str, ...]:
    try:
        return HANDLERS[(service, method)]
    except KeyError:
        raise UnknownHandler(f"{service}.{method} is not in services/contracts/topology.py"
                             ) from None


def _matches(key: str, event_type: str) -> bool:
    pattern = re.escape(key).replace(r"\#", ".*").replace(r"\*", "[^.]+")
    return re.fullmatch(pattern, event_type) is not None


def subscribers(event_type: str) -> list[str]:
    """`service.method` of every handler that receives `event_type`."""
    return sorted(f"{service}.{method}" for (service, method), keys in HANDLERS.items()
                  if any(_matches(k, event_type) for k in keys))


def producers(event_type: str) -> tuple[str, ...]:
    return PRODUCERS.get(event_type.split(".")[0], ())
