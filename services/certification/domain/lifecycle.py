"""Registering officers, recording exams, issuing and renewing certificates.

Every command takes the record and `now` (no clock reads), returns (new record, events)
and raises DomainError on refusal. `effective_at` defaults to `now`.
Renewal keeps the certificate number: the card stays the same, only validUntil moves.
"""
from __future__ import annotations

import datetime as dt
import math

from services.common.clock import as_utc, local_date
from services.common.errors import DomainError, InvalidInput

from . import events as ev
from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import DOMAIN_AGENCY, Agency, CertificateStatus as CS, EnforcementDomain, ExamKind, Kind
from .enums import parse_enum
from .idnumber import mask_id_number, validate_id_number
from .record import OfficerRecord, validate_name
from .replay import CertState, local_midnight, revocation_times, snapshot

_PREFIX = {Agency.CULTURE: "CU", Agency.TRANSPORT: "TR"}


def certificate_number(agency: Agency, year: int, sequence: int) -> str:
    """`CU-2026-000123`: the service supplies a unique, increasing sequence number."""
    return f"{_PREFIX[Agency(agency)]}-{year}-{sequence:06d}"


def certificate_in(record: OfficerRecord, at: dt.datetime, allowed: set[CS]) -> CertState:
    """The certificate counting at `at`, if its status allows the requested transition."""
    cert = snapshot(record, at).current
    if cert is None:
        raise DomainError("NO_CERTIFICATE", "the officer holds no certificate at that moment",
                          ["input", "officerId"], current_state=None)
    state = cert.status(at)
    if state not in allowed:
        raise DomainError("INVALID_TRANSITION", f"certificate {cert.number} is {state.value}",
                          None, current_state=state.value)
    return cert


def register_officer(*, officer_id: str, name, agency, id_number, now: dt.datetime,
                     cause: str | None = None):
    agency = parse_enum(Agency, agency, "agency")
    record = OfficerRecord(str(officer_id), validate_name(name), agency,
                           validate_id_number(id_number, local_date(now)))
    record = record.append(Kind.OFFICER_REGISTERED, now, now, cause)
    payload = ev.base_payload(record, now, now, cause)
    payload.update(name=record.name, id_number_masked=mask_id_number(record.id_number))
    return record, [(ev.OFFICER_REGISTERED, payload)]


def _score(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not 0 <= value <= 100:
        raise InvalidInput("score must be a number from 0 to 100", ["input", "score"])
    return float(value)


def record_exam(record: OfficerRecord, *, exam, score, taken_on: dt.date, now: dt.datetime,
                cause: str | None = None, config: CertificationConfig = DEFAULT_CONFIG):
    kind, score = parse_enum(ExamKind, exam, "exam"), _score(score)
    if not isinstance(taken_on, dt.date) or taken_on > local_date(now):
        raise InvalidInput("takenOn must be a date not in the future", ["input", "takenOn"])
    passed = score >= config.pass_mark
    data = {"exam": kind.value, "score": score, "taken_on": taken_on.isoformat(), "passed": passed}
    after = record.append(Kind.EXAM_RECORDED, now, now, cause, **data)
    payload = ev.base_payload(record, now, now, cause)
    payload.update(data, pass_mark=config.pass_mark)
    return after, [(ev.EXAM_RECORDED, payload)]


def exams_passed(record: OfficerRecord, on: dt.date, config: CertificationConfig) -> set[ExamKind]:
    """Exam kinds passed (against today's pass mark) on or before `on`."""
    return {ExamKind(x["exam"]) for x in snapshot(record).exams
            if x["score"] >= config.pass_mark and dt.date.fromisoformat(x["taken_on"]) <= on}


def _domains(record: OfficerRecord, domains) -> list[EnforcementDomain]:
    parsed = {parse_enum(EnforcementDomain, d, "domains") for d in (domains or ())}
    if not parsed:
        raise InvalidInput("at least one enforcement domain is required", ["input", "domains"])
    foreign = sorted(d.value for d in parsed if DOMAIN_AGENCY[d] is not record.agency)
    if foreign:
        raise DomainError("DOMAIN_NOT_IN_AGENCY", f"{', '.join(foreign)} not in "
                          f"{record.agency.value}", ["input", "domains"], domains=foreign)
    return [d for d in EnforcementDomain if d in parsed]


def issue_certificate(record: OfficerRecord, *, domains, valid_from: dt.date, valid_until: dt.date,
                      sequence: int, now: dt.datetime, effective_at: dt.datetime | None = None,
                      cause: str | None = None, config: CertificationConfig = DEFAULT_CONFIG):
    effective = as_utc(effective_at or now)
    chosen = _domains(record, domains)
    if valid_until < valid_from:
        raise InvalidInput("validUntil is before validFrom", ["input", "validUntil"])
    if exams_passed(record, local_date(effective), config) != set(ExamKind):
        raise DomainError("EXAMS_NOT_PASSED", "public-law and professional-law exams must "
                          "both be passed", ["input", "officerId"])
    wait = dt.timedelta(days=config.revocation_wait_days)
    blocking = [r for r in revocation_times(record) if r <= effective < r + wait]
    if blocking:
        raise DomainError("REVOCATION_WAITING_PERIOD", "re-certification is barred until "
                          f"{(max(blocking) + wait).isoformat()}", ["input", "officerId"])
    number = certificate_number(record.agency, local_date(effective).year, sequence)
    if any(e.certificate_no == number for e in record.history):
        raise DomainError("DUPLICATE_CERTIFICATE_NO", f"{number} is already issued", None)
    data = {"domains": [d.value for d in chosen], "valid_from": valid_from.isoformat(),
            "valid_until": valid_until.isoformat()}
    after = record.append(Kind.CERTIFICATE_ISSUED, effective, now, cause, number, **data)
    payload = ev.base_payload(record, effective, now, cause)
    payload.update(data, certificate_no=number)
    # Issued ahead of its validity: the qualification changes when validFrom starts, so
    # that is when the (future-effective) change is announced; nothing else marks it.
    starts = max(effective, local_midnight(valid_from))
    return after, [(ev.CERTIFICATE_ISSUED, payload)] + ev.qualification_events(
        record, after, starts, now, ev.CERTIFICATE_ISSUED, cause, config)


def renew_certificate(record: OfficerRecord, *, valid_until: dt.date, now: dt.datetime,
                      effective_at: dt.datetime | None = None, cause: str | None = None,
                      config: CertificationConfig = DEFAULT_CONFIG):
    """Only a VALID certificate is renewed; an expired one needs a new certificate."""
    effective = as_utc(effective_at or now)
    cert = certificate_in(record, effective, {CS.VALID})
    if valid_until <= cert.valid_until:
        raise InvalidInput("a renewal must extend validUntil", ["input", "validUntil"])
    after = record.append(Kind.CERTIFICATE_RENEWED, effective, now, cause, cert.number,
                          valid_until=valid_until.isoformat())
    payload = ev.base_payload(record, effective, now, cause)
    payload.update(certificate_no=cert.number, previous_valid_until=cert.valid_until.isoformat(),
                   valid_until=valid_until.isoformat())
    return ev.with_changes(record, after, (ev.CERTIFICATE_RENEWED, payload), config)
