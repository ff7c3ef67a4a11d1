"""Suspension, reinstatement, revocation, annual review, and sanctions from accountability.

Commands check the transition against the state at `effective_at` (which may be past or
future) and append one entry; replay and the qualification answer do the rest.
Sanctions are facts decided elsewhere: they are never refused for the certificate's state,
only recorded once per sanction id.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import as_utc
from services.common.errors import DomainError

from . import events as ev
from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import CertificateStatus as CS, Kind, SanctionMeasure, parse_enum
from .lifecycle import certificate_in
from .record import OfficerRecord
from .replay import snapshot

_CERT_MOVES = {  # kind -> (allowed states, event type)
    Kind.CERTIFICATE_SUSPENDED: ({CS.VALID}, ev.CERTIFICATE_SUSPENDED),
    Kind.CERTIFICATE_REINSTATED: ({CS.SUSPENDED}, ev.CERTIFICATE_REINSTATED),
    Kind.CERTIFICATE_REVOKED: ({CS.VALID, CS.SUSPENDED}, ev.CERTIFICATE_REVOKED),
    Kind.ANNUAL_REVIEW_RECORDED: ({CS.VALID, CS.SUSPENDED}, ev.ANNUAL_REVIEW_RECORDED),
}
# Officer-status undo commands require the measure to be in force at effective_at.
_UNDO_NEEDS = {Kind.TRAINING_COMPLETED: "in_training", Kind.REINSTATED_TO_POST: "removed"}
_SANCTION_KIND = {SanctionMeasure.OFF_POST_TRAINING: Kind.TRAINING_STARTED,
                  SanctionMeasure.REMOVAL_FROM_POST: Kind.REMOVED_FROM_POST}


def _cert_move(record, kind, *, now, effective_at=None, reason=None, cause=None,
               config=DEFAULT_CONFIG, cert_no=None, check=True, measure=None):
    effective = as_utc(effective_at or now)
    allowed, event_type = _CERT_MOVES[kind]
    if check:
        cert_no = certificate_in(record, effective, allowed).number
    after = record.append(kind, effective, now, cause, cert_no, reason=reason, measure=measure)
    payload = ev.base_payload(record, effective, now, cause)
    payload["certificate_no"] = cert_no
    if kind is Kind.ANNUAL_REVIEW_RECORDED:
        due = snapshot(after, effective).current.review_due(config)
        payload["next_review_due"] = due.isoformat()
    else:
        payload["reason"] = reason
    if kind is Kind.CERTIFICATE_REVOKED:
        payload["recertification_from"] = (effective + dt.timedelta(
            days=config.revocation_wait_days)).isoformat()
    return ev.with_changes(record, after, (event_type, payload), config)


def suspend_certificate(record: OfficerRecord, **kw):
    return _cert_move(record, Kind.CERTIFICATE_SUSPENDED, **kw)


def reinstate_certificate(record: OfficerRecord, **kw):
    return _cert_move(record, Kind.CERTIFICATE_REINSTATED, **kw)


def revoke_certificate(record: OfficerRecord, **kw):
    return _cert_move(record, Kind.CERTIFICATE_REVOKED, **kw)


def record_annual_review(record: OfficerRecord, **kw):
    return _cert_move(record, Kind.ANNUAL_REVIEW_RECORDED, **kw)


def _officer_move(record, kind, *, now, effective_at=None, cause=None, config=DEFAULT_CONFIG,
                  measure=None):
    if cause and any(e.cause == cause and e.kind is kind for e in record.history):
        return record, []  # the same accountability event delivered again
    effective = as_utc(effective_at or now)
    previous = snapshot(record, effective)
    if kind in _UNDO_NEEDS and not getattr(previous, _UNDO_NEEDS[kind]):
        state = previous.officer_status.value
        raise DomainError("INVALID_TRANSITION", f"officer is {state}", None, current_state=state)
    after = record.append(kind, effective, now, cause, measure=measure)
    payload = ev.base_payload(record, effective, now, cause)
    payload.update(change=kind.value, previous_status=previous.officer_status.value,
                   status=snapshot(after, effective).officer_status.value)
    return ev.with_changes(record, after, (ev.OFFICER_STATUS_CHANGED, payload), config)


def complete_training(record: OfficerRecord, **kw):
    return _officer_move(record, Kind.TRAINING_COMPLETED, **kw)


def reinstate_to_post(record: OfficerRecord, **kw):
    return _officer_move(record, Kind.REINSTATED_TO_POST, **kw)


def apply_sanction(record: OfficerRecord, *, measure, sanction_id: str, now: dt.datetime,
                   effective_at: dt.datetime | None = None,
                   config: CertificationConfig = DEFAULT_CONFIG):
    """Apply an accountability sanction; a sanction id already applied changes nothing."""
    measure = parse_enum(SanctionMeasure, measure, "measure")
    if any(e.cause == sanction_id and e.data.get("measure") for e in record.history):
        return record, []
    kw = dict(now=now, effective_at=effective_at, cause=sanction_id, config=config)
    if measure in _SANCTION_KIND:
        return _officer_move(record, _SANCTION_KIND[measure], measure=measure.value, **kw)
    if measure is SanctionMeasure.CRITICISM_EDUCATION:  # kept for the record only
        effective = as_utc(effective_at or now)
        return record.append(Kind.SANCTION_NOTED, effective, now, sanction_id,
                             measure=measure.value), []
    # QUALIFICATION_REVOKED: revoke the certificate counting then (whatever its state);
    # with none left to revoke the entry still starts the re-certification waiting period.
    cert = snapshot(record, as_utc(effective_at or now)).current
    live = cert.number if cert and cert.lifecycle is not CS.REVOKED else None
    return _cert_move(record, Kind.CERTIFICATE_REVOKED, reason=measure.value, cert_no=live,
                      check=False, measure=measure.value, **kw)
