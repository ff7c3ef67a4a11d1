"""Administrator commands: parse the RPC input, check the caller's agency, run the domain
rule, save the record with its events. Each returns the officer as the caller may see it."""
from __future__ import annotations

import datetime as dt
import re
import uuid

from services.certification import domain as cd
from services.certification import repository
from services.certification.access import admin_of, ensure_manages
from services.common.clock import local_date, parse_day, parse_instant, utcnow
from services.common.errors import InvalidInput


def parse_date(value, field) -> dt.date:
    return parse_day(value, ["input", field])


def _effective(data: dict) -> dt.datetime | None:
    value = data.get("effective_at")
    return None if value is None else parse_instant(value, ["input", "effectiveAt"])


def shown(record, viewer, config) -> dict:
    return cd.officer_view(record, utcnow(), admin_of=admin_of(viewer), config=config)


def certificate_key(agency: cd.Agency, effective: dt.datetime) -> str:
    return f"certificate:{agency.value}:{local_date(effective).year}"


def issue(record, data, uow, now, config):
    """Issue with a number taken from the agency's counter in the same transaction."""
    effective = _effective(data) or now
    sequence = repository.claim_number(uow, certificate_key(record.agency, effective))
    return cd.issue_certificate(record, domains=data.get("domains"),
                                valid_from=parse_date(data.get("valid_from"), "validFrom"),
                                valid_until=parse_date(data.get("valid_until"), "validUntil"),
                                sequence=sequence, now=now, effective_at=effective,
                                config=config)


OFFICER_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _officer_id(value) -> str:
    """A caller-chosen id (import, demo) or a new one."""
    if value is None:
        return str(uuid.uuid4())
    if not isinstance(value, str) or not OFFICER_ID.match(value):
        raise InvalidInput("officerId must be 1..64 letters, digits, _ or -",
                           ["input", "officerId"])
    return value


def _register(data, now):
    return cd.register_officer(officer_id=_officer_id(data.get("officer_id")),
                               name=data.get("name"), agency=data.get("agency"),
                               id_number=data.get("id_number"), now=now)


def _input(data) -> dict:
    if not isinstance(data, dict):
        raise InvalidInput("input must be an object", ["input"])
    return data


def register(store, data: dict, actor, config) -> dict:
    data = _input(data)

    def build(uow):
        record, events = _register(data, utcnow())
        ensure_manages(actor, record.agency)
        return record, events
    return shown(repository.create(store, build), actor, config)


def _exam(record, data, uow, now, config):
    return cd.record_exam(record, exam=data.get("exam"), score=data.get("score"),
                          taken_on=parse_date(data.get("taken_on"), "takenOn"), now=now,
                          config=config)


def _renew(record, data, uow, now, config):
    return cd.renew_certificate(record, now=now, effective_at=_effective(data), config=config,
                                valid_until=parse_date(data.get("valid_until"), "validUntil"))


MAX_REASON = 500


def _reason(value) -> str | None:
    if value is not None and (not isinstance(value, str) or len(value) > MAX_REASON):
        raise InvalidInput(f"reason must be text of at most {MAX_REASON} characters",
                           ["input", "reason"])
    return value


def _move(rule, with_reason=True):
    def run(record, data, uow, now, config):
        extra = {"reason": _reason(data.get("reason"))} if with_reason else {}
        return rule(record, now=now, effective_at=_effective(data), config=config, **extra)
    return run


ACTIONS = {
    "record_exam": _exam,
    "issue_certificate": issue,
    "renew_certificate": _renew,
    "suspend_certificate": _move(cd.suspend_certificate),
    "reinstate_certificate": _move(cd.reinstate_certificate),
    "revoke_certificate": _move(cd.revoke_certificate),
    "record_annual_review": _move(cd.record_annual_review, with_reason=False),
}


def run(store, name: str, data: dict, actor, config) -> dict:
    """Run the named command on the officer `data["officer_id"]`."""
    act, data = ACTIONS[name], _input(data)

    def action(record, uow):
        ensure_manages(actor, record.agency)
        return act(record, data, uow, utcnow(), config)
    return shown(repository.change(store, data.get("officer_id"), action, config=config), actor,
                 config)


def import_officer(store, row: dict, actor, config) -> dict:
    """Register an officer with exam results, a certificate and its last annual review in
    ONE transaction: a row that fails any rule leaves nothing behind."""
    row = _input(row)

    def build(uow):
        now = utcnow()
        record, events = _register(row, now)
        ensure_manages(actor, record.agency)
        steps = [("record_exam", exam) for exam in row.get("exams") or ()]
        if row.get("certificate"):
            steps.append(("issue_certificate", row["certificate"]))
        if row.get("reviewed_at"):
            steps.append(("record_annual_review", {"effective_at": row["reviewed_at"]}))
        for name, data in steps:
            record, raised = ACTIONS[name](record, _input(data), uow, now, config)
            events = events + raised
        return record, events
    return shown(repository.create(store, build), actor, config)
