"""Building envelopes. Publishing an invalid event is a bug: it fails loudly."""
from __future__ import annotations

import uuid

from services.bus import schemas
from services.common.actor import Actor
from services.common.clock import utcnow


def make(event_type: str, payload: dict, *, producer: str, correlation_id: str | None = None,
         causation_id: str | None = None, actor=None, occurred_at=None) -> dict:
    """`actor`: the person or system the event is done for (an Actor, or its dict);
    without one the producer itself is named (`system:<producer>`), never nobody."""
    actor = Actor.from_value(actor) or Actor.system(producer)
    event_id = str(uuid.uuid4())
    envelope = {
        "event_id": event_id,
        "type": event_type,
        "occurred_at": (occurred_at or utcnow()).isoformat(),
        "producer": producer,
        # A write with no request behind it (a timer, a CLI) starts its own chain.
        "correlation_id": correlation_id or event_id,
        "causation_id": causation_id,
        "actor": actor.to_dict(),
        "payload": payload,
    }
    schemas.validate(envelope)  # raises InvalidEvent: never store what nobody can consume
    return envelope
