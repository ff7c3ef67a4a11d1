"""The system's event topology, declared once: which service produces each kind of event
and which handler of which service receives which events.

Handlers are registered from here (`@subscribe()` with no event types looks its routing
keys up by service and method: services.bus.subscriber), the README's event catalogue is
rendered from it (infra/event_catalogue.py) and a test checks it against the services'
entrypoints and schemas/events/. To follow an event: find its type below, then the
handler's service and method.
"""
from __future__ import annotations

import re

# Who raises the events of each context (the event type's first part).
PRODUCERS = {
    "accountability": ("accountability",),
    "bus": ("probes used by tests and benchmarks",),
    "certification": ("certification",),
    "demo": ("every service (the replay clock)",),
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
    ("culture", "deliver_publication"): ("enforcement.decision_published.v1",),
    ("transport", "on_task_assigned"): ("operations.inspection_task_assigned.v1",),
    ("transport", "deliver_publication"): ("enforcement.decision_published.v1",),
    ("draws", "on_inspection_recorded"): ("enforcement.inspection_recorded.v1",),
    ("operations", "on_qualification_event"): (
        "certification.qualification_changed.v1", "certification.certificate_suspended.v1",
        "certification.certificate_revoked.v1", "certification.certificate_expired.v1",
        "certification.officer_status_changed.v1"),
    ("operations", "on_inspection_recorded"): ("enforcement.inspection_recorded.v1",),
    # every gateway replica drops its cached answers for an officer whose record changed
    ("gateway", "on_certification_event"): ("certification.#",),
}


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
