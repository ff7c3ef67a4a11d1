"""Event payloads the domain raises; the service stores them with the write (outbox).

Payloads follow schemas/events/<type>.json. The ID number never appears unmasked.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import parse_instant
from .config import CertificationConfig
from .qualification import qualified_domains
from .record import OfficerRecord, iso

PREFIX = "certification."
OFFICER_REGISTERED = PREFIX + "officer_registered.v1"
EXAM_RECORDED = PREFIX + "exam_recorded.v1"
CERTIFICATE_ISSUED = PREFIX + "certificate_issued.v1"
CERTIFICATE_RENEWED = PREFIX + "certificate_renewed.v1"
CERTIFICATE_SUSPENDED = PREFIX + "certificate_suspended.v1"
CERTIFICATE_REINSTATED = PREFIX + "certificate_reinstated.v1"
CERTIFICATE_REVOKED = PREFIX + "certificate_revoked.v1"
CERTIFICATE_EXPIRED = PREFIX + "certificate_expired.v1"
ANNUAL_REVIEW_RECORDED = PREFIX + "annual_review_recorded.v1"
OFFICER_STATUS_CHANGED = PREFIX + "officer_status_changed.v1"
QUALIFICATION_CHANGED = PREFIX + "qualification_changed.v1"
EVENT_TYPES = (OFFICER_REGISTERED, EXAM_RECORDED, CERTIFICATE_ISSUED, CERTIFICATE_RENEWED,
               CERTIFICATE_SUSPENDED, CERTIFICATE_REINSTATED, CERTIFICATE_REVOKED,
               CERTIFICATE_EXPIRED, ANNUAL_REVIEW_RECORDED, OFFICER_STATUS_CHANGED,
               QUALIFICATION_CHANGED)

Event = tuple[str, dict]


def base_payload(record: OfficerRecord, effective_at: dt.datetime, recorded_at: dt.datetime,
                 cause: str | None) -> dict:
    """Fields every certification payload carries."""
    return {"officer_id": record.id, "agency": record.agency.value,
            "effective_at": iso(effective_at), "recorded_at": iso(recorded_at), "cause": cause}


def qualification_events(before: OfficerRecord, after: OfficerRecord, effective_at: dt.datetime,
                         recorded_at: dt.datetime, trigger: str, cause: str | None,
                         config: CertificationConfig, before_at: dt.datetime | None = None
                         ) -> list[Event]:
    """A qualification_changed event when the set of qualified domains at `effective_at`
    differs between the records before and after the change (none otherwise).

    `before_at` compares against another moment: used for changes that happen by time
    alone (expiry, overdue review), where the records do not differ.
    """
    old = [d.value for d in qualified_domains(before, before_at or effective_at, config)]
    new = [d.value for d in qualified_domains(after, effective_at, config)]
    if old == new:
        return []
    payload = base_payload(after, effective_at, recorded_at, cause)
    payload.update(qualified_before=old, qualified_after=new, trigger=trigger)
    return [(QUALIFICATION_CHANGED, payload)]


def with_changes(before: OfficerRecord, after: OfficerRecord, event: Event,
                 config: CertificationConfig) -> tuple[OfficerRecord, list[Event]]:
    """The command's result: new record, its own event, then any qualification change."""
    _, payload = event
    effective = parse_instant(payload["effective_at"])
    recorded = parse_instant(payload["recorded_at"])
    return after, [event] + qualification_events(before, after, effective, recorded, event[0],
                                                 payload["cause"], config)
