"""Announcing changes that happen by time alone (expiry, overdue annual review).

The qualification answer never needs this (it compares dates itself); the sweep only lets
the service emit events so that operations can react. It records a marker entry per
announcement, so running it again reports nothing twice.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import as_utc, local_date

from . import events as ev
from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import CertificateStatus as CS, Kind
from .record import OfficerRecord
from .replay import local_midnight, snapshot

_JUST_BEFORE = dt.timedelta(microseconds=1)


def _announce(record, kind, effective, now, trigger, config, **data):
    after = record.append(kind, effective, now, None, **data)
    changes = ev.qualification_events(record, after, effective, now, trigger, None, config,
                                      before_at=effective - _JUST_BEFORE)
    return after, changes


def sweep(record: OfficerRecord, now: dt.datetime,
          config: CertificationConfig = DEFAULT_CONFIG) -> tuple[OfficerRecord, list]:
    now, raised = as_utc(now), []
    cert = snapshot(record, now).current
    if cert is None:
        return record, raised
    status = cert.status(now)
    if status is CS.EXPIRED and not cert.expiry_noted:
        effective = local_midnight(cert.valid_until + dt.timedelta(days=1))
        payload = ev.base_payload(record, effective, now, None)
        payload.update(certificate_no=cert.number, valid_until=cert.valid_until.isoformat())
        record, changes = _announce(record, Kind.CERTIFICATE_EXPIRED, effective, now,
                                    ev.CERTIFICATE_EXPIRED, config, certificate_no=cert.number)
        raised += [(ev.CERTIFICATE_EXPIRED, payload)] + changes
    due = cert.review_due(config)
    if status in (CS.VALID, CS.SUSPENDED) and local_date(now) > due \
            and due.isoformat() not in cert.overdue_noted:
        effective = local_midnight(due + dt.timedelta(days=1))
        record, changes = _announce(record, Kind.REVIEW_OVERDUE_NOTED, effective, now,
                                    "ANNUAL_REVIEW_OVERDUE", config, certificate_no=cert.number,
                                    due=due.isoformat())
        raised += changes
    return record, raised
