"""May this officer act in this domain at this moment (or over this whole window)?

Which certificate counts at `at`: the most recently issued one whose issue was effective
at or before `at`. A newer certificate therefore supersedes an older one from its issue
on, even if the newer one is not valid yet (its reason is then CERTIFICATE_NOT_YET_VALID).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.clock import as_utc, local_date
from services.common.errors import InvalidInput

from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import (DOMAIN_AGENCY, REASON_ORDER, CertificateStatus as CS, EnforcementDomain, Kind,
                    Reason, parse_enum)
from .record import OfficerRecord, iso
from .replay import Snapshot, local_midnight, snapshot

_STATUS_REASON = {CS.SUSPENDED: Reason.CERTIFICATE_SUSPENDED,
                  CS.REVOKED: Reason.CERTIFICATE_REVOKED}


@dataclass(frozen=True)
class Qualification:
    officer_id: str
    domain: EnforcementDomain
    at: dt.datetime               # for a window check: its start
    qualified: bool
    reasons: tuple[Reason, ...]   # empty when qualified, contract order otherwise
    certificate_no: str | None
    until: dt.datetime | None = None  # set by the window check only

    def to_dict(self) -> dict:
        return {"officer_id": self.officer_id, "domain": self.domain.value, "at": iso(self.at),
                "until": iso(self.until), "qualified": self.qualified,
                "reasons": [r.value for r in self.reasons], "certificate_no": self.certificate_no}


def reasons_at(snap: Snapshot, domain: EnforcementDomain, at: dt.datetime,
               config: CertificationConfig) -> set[Reason]:
    found, cert, day = set(), snap.current, local_date(at)
    if snap.in_training:
        found.add(Reason.OFF_POST_TRAINING)
    if snap.removed:
        found.add(Reason.REMOVED_FROM_POST)
    if cert is None:
        return found | {Reason.NOT_CERTIFIED}
    if day < cert.valid_from:
        found.add(Reason.CERTIFICATE_NOT_YET_VALID)
    if day > cert.valid_until:
        found.add(Reason.CERTIFICATE_EXPIRED)
    if cert.lifecycle in _STATUS_REASON:
        found.add(_STATUS_REASON[cert.lifecycle])
    if domain not in cert.domains:
        found.add(Reason.DOMAIN_NOT_COVERED)
    # A review is moot for a certificate that no longer runs.
    if cert.status(at) in (CS.VALID, CS.SUSPENDED) and day > cert.review_due(config):
        found.add(Reason.ANNUAL_REVIEW_OVERDUE)
    return found


def _answer(officer_id, domain, at, reasons, cert_no, until=None) -> Qualification:
    ordered = tuple(sorted(reasons, key=REASON_ORDER.__getitem__))
    return Qualification(officer_id, domain, at, not ordered, ordered, cert_no, until)


def qualification(record: OfficerRecord | None, domain, at: dt.datetime, *,
                  officer_id: str | None = None, config: CertificationConfig = DEFAULT_CONFIG,
                  known_at: dt.datetime | None = None) -> Qualification:
    """The answer as of `at`; `known_at` restricts to entries recorded by then."""
    domain, at = parse_enum(EnforcementDomain, domain, "domain"), as_utc(at)
    if record is None:
        return _answer(officer_id, domain, at, {Reason.UNKNOWN_OFFICER}, None)
    snap = snapshot(record, at, known_at)
    cert_no = snap.current.number if snap.current else None
    return _answer(record.id, domain, at, reasons_at(snap, domain, at, config), cert_no)


def _change_points(record: OfficerRecord, config: CertificationConfig):
    """Moments at which an answer can change: entries, and day starts that dates imply."""
    interval = dt.timedelta(days=config.review_interval_days + 1)
    for e in record.history:
        yield e.effective_at
        for key in ("valid_from", "valid_until"):
            if key in e.data:
                day = dt.date.fromisoformat(e.data[key])
                yield local_midnight(day if key == "valid_from" else day + dt.timedelta(days=1))
        if e.kind in (Kind.CERTIFICATE_ISSUED, Kind.ANNUAL_REVIEW_RECORDED):
            yield local_midnight(local_date(e.effective_at) + interval)


def stable_until(record: OfficerRecord | None, at: dt.datetime,
                 config: CertificationConfig = DEFAULT_CONFIG) -> dt.datetime | None:
    """The first moment after `at` at which an answer from this record can change by
    itself (a window opens or closes, a review falls due, a dated entry takes effect);
    None when nothing in the record is due. Callers may cache a now-answer until then,
    provided they also drop it when a new entry is recorded."""
    if record is None:
        return None
    at = as_utc(at)
    return min((m for m in _change_points(record, config) if m > at), default=None)


def qualification_over_window(record: OfficerRecord | None, domain, start: dt.datetime,
                              end: dt.datetime, *, officer_id: str | None = None,
                              config: CertificationConfig = DEFAULT_CONFIG) -> Qualification:
    """Qualified at every moment of [start, end]; reasons are those applying at any moment."""
    start, end = as_utc(start), as_utc(end)
    domain = parse_enum(EnforcementDomain, domain, "domain")
    if end < start:
        raise InvalidInput("the window ends before it starts", ["input", "endsAt"])
    if record is None:
        return _answer(officer_id, domain, start, {Reason.UNKNOWN_OFFICER}, None, end)
    moments = {start} | {m for m in _change_points(record, config) if start < m <= end}
    reasons: set[Reason] = set()
    for moment in moments:
        reasons |= reasons_at(snapshot(record, moment), domain, moment, config)
    first = snapshot(record, start).current
    return _answer(record.id, domain, start, reasons, first.number if first else None, end)


def qualified_domains(record: OfficerRecord, at: dt.datetime,
                      config: CertificationConfig = DEFAULT_CONFIG) -> list[EnforcementDomain]:
    snap, at = snapshot(record, at), as_utc(at)
    return [d for d in EnforcementDomain
            if DOMAIN_AGENCY[d] is record.agency and not reasons_at(snap, d, at, config)]


def expires_within(record: OfficerRecord, at: dt.datetime, days: int) -> bool:
    """Does the certificate counting at `at` run out within `days` days of local_date(at)?
    Already expired or revoked certificates do not "expire within"."""
    cert, day = snapshot(record, at).current, local_date(at)
    if cert is None or cert.status(at) in (CS.REVOKED, CS.EXPIRED):
        return False
    return cert.valid_until <= day + dt.timedelta(days=days)
