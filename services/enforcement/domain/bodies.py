"""Enforcement bodies and the register of their powers (权力下放).

A body is the agency itself or a township (乡镇) / sub-district (街道办事处) body under it.
The agency holds every power of its catalogue by law; a township body holds only what
was delegated to it, per violation code, from its first to its last day in force, with
the delegation's record (from which body, by which document). A case is filed by one
body, and only for a violation it holds on the filing day (Asia/Shanghai).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.clock import local_date
from services.contracts.vocabulary import BODY_KINDS
from services.common.errors import DomainError, InvalidInput
from services.enforcement.domain import events
from services.enforcement.domain.serial import Plain

AGENCY, TOWNSHIP, SUB_DISTRICT = BODY_KINDS


@dataclass
class Body(Plain):
    id: str
    agency: str
    name: str
    kind: str
    parent_id: str | None = None
    area: str = ""                      # the district it serves (e.g. 浉河区)
    registered_at: dt.datetime | None = None


@dataclass
class Power(Plain):
    """A delegated power: `body_id` may act on `violation_code` from `effective_from`
    through `effective_until` (its last day; None: until ended)."""
    id: str
    body_id: str
    agency: str
    violation_code: str
    effective_from: dt.date
    delegated_from: str
    document_no: str
    granted_at: dt.datetime
    effective_until: dt.date | None = None
    ended_reason: str = ""

    def in_force(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_until is None
                                               or day <= self.effective_until)


def agency_body(catalogue) -> Body:
    """The agency as a body: its id is the agency code, its powers are its catalogue."""
    return Body(id=catalogue.agency, agency=catalogue.agency, name=catalogue.name or
                catalogue.agency, kind=AGENCY)


def new_body(body_id: str, catalogue, name: str, kind: str, area: str, now: dt.datetime):
    """(Body, events): a township or sub-district body under the agency."""
    if kind not in (TOWNSHIP, SUB_DISTRICT):
        raise InvalidInput(f"kind must be {TOWNSHIP} or {SUB_DISTRICT} (the agency is a body "
                           "already)", ["input", "kind"])
    if not name or not name.strip():
        raise InvalidInput("a body has a name", ["input", "name"])
    body = Body(id=body_id, agency=catalogue.agency, name=name.strip(), kind=kind,
                parent_id=catalogue.agency, area=area or "", registered_at=now)
    return body, [events.make(events.BODY_REGISTERED, body_id=body.id, agency=body.agency,
                              kind=kind, parent_id=body.parent_id, registered_at=now)]


def delegate(power_id: str, body: Body, catalogue, violation_code: str, first: dt.date,
             last: dt.date | None, document_no: str, existing, now: dt.datetime):
    """(Power, events): the agency delegates one power to a township body. Only the
    agency delegates (a township does not delegate further); periods do not overlap."""
    if body.kind == AGENCY:
        raise InvalidInput("the agency holds its powers by law; delegate to a township or "
                           "sub-district body", ["input", "bodyId"])
    catalogue.violation(violation_code)
    if not document_no:
        raise InvalidInput("the delegation's document number is required",
                           ["input", "documentNo"])
    if last is not None and last < first:
        raise InvalidInput("the last day is before the first", ["input", "effectiveUntil"])
    power = Power(id=power_id, body_id=body.id, agency=body.agency,
                  violation_code=violation_code, effective_from=first, effective_until=last,
                  delegated_from=catalogue.agency, document_no=document_no, granted_at=now)
    clash = next((p for p in existing if p.violation_code == violation_code
                  and _overlap(p, first, last)), None)
    if clash is not None:
        raise DomainError("POWER_OVERLAPS", f"{body.id} already holds {violation_code} "
                          f"from {clash.effective_from.isoformat()} ({clash.id})",
                          ["input", "effectiveFrom"], power_id=clash.id)
    return power, [_event(events.POWER_DELEGATED, power, now)]


def end_power(power: Power, last: dt.date, reason: str, now: dt.datetime):
    """Events for ending a delegation on `last` (its last day); it may only shorten."""
    if last < power.effective_from or (power.effective_until and last > power.effective_until):
        raise InvalidInput(f"the last day must fall within {power.effective_from.isoformat()}"
                           f"..{power.effective_until or ''}", ["input", "lastDay"])
    power.effective_until, power.ended_reason = last, reason or ""
    return [_event(events.POWER_ENDED, power, now)]


def assign_officer(officer_id: str, body: Body, previous_body_id: str, now: dt.datetime):
    """Events for moving an officer to `body` (the agency body: back to the default)."""
    if not officer_id:
        raise InvalidInput("an officer is required", ["input", "officerId"])
    return [events.make(events.OFFICER_BODY_ASSIGNED, officer_id=officer_id,
                        agency=body.agency, body_id=body.id,
                        previous_body_id=previous_body_id, at=now)]


def _overlap(power: Power, first: dt.date, last: dt.date | None) -> bool:
    ends_before = power.effective_until is not None and power.effective_until < first
    starts_after = last is not None and power.effective_from > last
    return not (ends_before or starts_after)


def _event(event_type: str, power: Power, now: dt.datetime):
    return events.make(event_type, power_id=power.id, body_id=power.body_id,
                       agency=power.agency, violation_code=power.violation_code,
                       effective_from=power.effective_from,
                       effective_until=power.effective_until,
                       delegated_from=power.delegated_from, document_no=power.document_no,
                       at=now)


def delegated_power_count(powers, day: dt.date) -> int:
    """权力下放 as the annual report counts it ("将5项…处罚权下放到中心城区各乡镇、办事处行使":
    five powers, each exercised by every central township): the distinct violation codes
    that some township or sub-district body holds by delegation on `day` (its first and
    last day included). A power delegated to five townships counts once."""
    return len({p.violation_code for p in powers if p.in_force(day)})


def check_power(body: Body, powers, violation_code: str | None, at: dt.datetime) -> None:
    """POWER_NOT_HELD unless `body` may file a case for `violation_code` at `at`."""
    if body.kind == AGENCY:
        return
    day = local_date(at)
    if violation_code and any(p.body_id == body.id and p.violation_code == violation_code
                              and p.in_force(day) for p in powers):
        return
    what = violation_code or "a case without a violation code"
    raise DomainError("POWER_NOT_HELD", f"{body.name} ({body.id}) does not hold the power "
                      f"for {what} on {day.isoformat()}", ["input", "violationCode"],
                      body_id=body.id, violation_code=violation_code)


def filing_body(claimed: str | None, bodies: dict, membership: dict, officer_ids,
                agency: str) -> Body:
    """The body a team acts for. Named by the token: every officer must belong to it.
    Otherwise the officers' own body when they share one, else the agency (a mixed team
    acts with the agency's powers). `membership`: officer -> body id (default: agency)."""
    homes = {o: membership.get(o, agency) for o in officer_ids}
    if claimed is not None:
        if claimed not in bodies:
            raise DomainError("UNKNOWN_BODY", f"{claimed} is not a body of {agency}", ["body"])
        strangers = sorted(o for o, b in homes.items() if b != claimed)
        if strangers:
            raise DomainError("OFFICER_NOT_IN_BODY", f"{', '.join(strangers)} do not belong "
                              f"to {claimed}", ["input", "officerIds"], officers=strangers)
        return bodies[claimed]
    shared = set(homes.values())
    only = next(iter(shared)) if len(shared) == 1 else agency
    return bodies.get(only, bodies[agency])
