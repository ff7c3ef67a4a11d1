"""Derive the state at a moment by replaying the history entries effective by then.

Entries set state absolutely (SUSPENDED means suspended, whatever came before), so a
retroactive entry slotted between older ones still replays to a coherent state. A
revocation is final: later entries for that certificate are ignored.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.common.clock import LOCAL_TZ, as_utc, local_date

from .config import CertificationConfig
from .enums import CertificateStatus, EnforcementDomain, Kind, OfficerStatus
from .record import OfficerRecord

_LIFECYCLE = {Kind.CERTIFICATE_SUSPENDED: CertificateStatus.SUSPENDED,
              Kind.CERTIFICATE_REINSTATED: CertificateStatus.VALID}
_FLAGS = {Kind.TRAINING_STARTED: ("in_training", True),
          Kind.TRAINING_COMPLETED: ("in_training", False),
          Kind.REMOVED_FROM_POST: ("removed", True),
          Kind.REINSTATED_TO_POST: ("removed", False)}


@dataclass
class CertState:
    number: str
    domains: tuple[EnforcementDomain, ...]
    valid_from: dt.date
    valid_until: dt.date
    issued_at: dt.datetime
    lifecycle: CertificateStatus = CertificateStatus.VALID  # VALID, SUSPENDED or REVOKED
    revoked_at: dt.datetime | None = None
    reviewed_at: dt.datetime | None = None  # last annual review, None before the first
    expiry_noted: bool = False
    overdue_noted: set = field(default_factory=set)  # review due dates already reported

    def status(self, at: dt.datetime) -> CertificateStatus:
        if self.lifecycle is CertificateStatus.REVOKED:
            return self.lifecycle
        if local_date(at) > self.valid_until:
            return CertificateStatus.EXPIRED
        return self.lifecycle

    def review_due(self, config: CertificationConfig) -> dt.date:
        """Last day on which the annual review is still on time."""
        base = self.reviewed_at or self.issued_at
        return local_date(base) + dt.timedelta(days=config.review_interval_days)


@dataclass
class Snapshot:
    certificates: dict = field(default_factory=dict)  # number -> CertState
    current: CertState | None = None  # most recently issued, issue effective by `at`
    in_training: bool = False
    removed: bool = False
    exams: list = field(default_factory=list)  # EXAM_RECORDED data dicts
    registered_at: dt.datetime | None = None

    @property
    def officer_status(self) -> OfficerStatus:
        if self.removed:  # the stronger measure is what callers must see
            return OfficerStatus.REMOVED_FROM_POST
        return OfficerStatus.OFF_POST_TRAINING if self.in_training else OfficerStatus.ACTIVE


def snapshot(record: OfficerRecord, at: dt.datetime | None = None,
             known_at: dt.datetime | None = None) -> Snapshot:
    """State as of `at` (None: everything recorded, future-effective entries included)."""
    snap = Snapshot()
    for e in record.ordered(until=at, known_at=known_at):
        cert = snap.certificates.get(e.certificate_no)
        if e.kind is Kind.OFFICER_REGISTERED:
            snap.registered_at = e.effective_at
        elif e.kind is Kind.EXAM_RECORDED:
            snap.exams.append(e.data)
        elif e.kind in _FLAGS:
            setattr(snap, *_FLAGS[e.kind])
        elif e.kind is Kind.CERTIFICATE_ISSUED:
            domains = tuple(EnforcementDomain(d) for d in e.data["domains"])
            cert = CertState(e.certificate_no, domains,
                             dt.date.fromisoformat(e.data["valid_from"]),
                             dt.date.fromisoformat(e.data["valid_until"]), e.effective_at)
            snap.certificates[cert.number] = snap.current = cert
        elif cert is None or cert.lifecycle is CertificateStatus.REVOKED:
            continue  # no certificate to act on, or it is final
        elif e.kind is Kind.CERTIFICATE_REVOKED:
            cert.lifecycle, cert.revoked_at = CertificateStatus.REVOKED, e.effective_at
        elif e.kind in _LIFECYCLE:
            cert.lifecycle = _LIFECYCLE[e.kind]
        elif e.kind is Kind.CERTIFICATE_RENEWED:
            cert.valid_until = dt.date.fromisoformat(e.data["valid_until"])
        elif e.kind is Kind.ANNUAL_REVIEW_RECORDED:
            cert.reviewed_at = e.effective_at
        elif e.kind is Kind.CERTIFICATE_EXPIRED:
            cert.expiry_noted = True
        elif e.kind is Kind.REVIEW_OVERDUE_NOTED:
            cert.overdue_noted.add(e.data["due"])
    return snap


def revocation_times(record: OfficerRecord) -> list[dt.datetime]:
    """Every revocation, of a certificate or of the qualification as such (sanction)."""
    return [e.effective_at for e in record.history if e.kind is Kind.CERTIFICATE_REVOKED]


def local_midnight(day: dt.date) -> dt.datetime:
    """The UTC moment a civil day starts in Asia/Shanghai."""
    return as_utc(dt.datetime.combine(day, dt.time(), tzinfo=LOCAL_TZ))
