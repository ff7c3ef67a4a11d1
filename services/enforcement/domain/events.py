"""The `enforcement.*` events and their payloads (schemas in schemas/events/).

Domain functions return `(event_type, payload)` pairs so the service stores them in the
outbox with the same write. Payloads carry ids and codes only, never names or ID numbers.
"""
from __future__ import annotations

import datetime as dt

from services.enforcement.domain.serial import wire_plain

ENTITY_REGISTERED = "enforcement.entity_registered.v1"
INSPECTION_RECORDED = "enforcement.inspection_recorded.v1"
CASE_FILED = "enforcement.case_filed.v1"
CASE_STEP_RECORDED = "enforcement.case_step_recorded.v1"
# v2 names the stage (立案 / 调查终结 / 处罚决定 / 结案); v1 stays for the stored trail
LEGAL_REVIEW_RECORDED = "enforcement.legal_review_recorded.v2"
CASE_DECIDED = "enforcement.case_decided.v1"
DOCUMENT_SERVED = "enforcement.document_served.v1"
DECISION_PUBLISHED = "enforcement.decision_published.v1"
CASE_CLOSED = "enforcement.case_closed.v1"
DEADLINE_OVERDUE = "enforcement.deadline_overdue.v1"
BODY_REGISTERED = "enforcement.body_registered.v1"
POWER_DELEGATED = "enforcement.power_delegated.v1"
POWER_ENDED = "enforcement.power_ended.v1"
OFFICER_BODY_ASSIGNED = "enforcement.officer_body_assigned.v1"
COMPULSORY_MEASURE_RECORDED = "enforcement.compulsory_measure_recorded.v1"

ALL = (ENTITY_REGISTERED, INSPECTION_RECORDED, CASE_FILED, CASE_STEP_RECORDED,
       LEGAL_REVIEW_RECORDED, CASE_DECIDED, DOCUMENT_SERVED, DECISION_PUBLISHED,
       CASE_CLOSED, DEADLINE_OVERDUE, BODY_REGISTERED, POWER_DELEGATED, POWER_ENDED,
       OFFICER_BODY_ASSIGNED, COMPULSORY_MEASURE_RECORDED)


def make(event_type: str, **payload) -> tuple[str, dict]:
    return event_type, {k: wire_plain(v) for k, v in payload.items()}


def entity_registered(entity, now: dt.datetime, merged: bool):
    return make(ENTITY_REGISTERED, entity_id=entity.id, agency=entity.agency,
                domain=entity.domain, category=entity.category,
                risk_level=entity.risk_level, registered_at=now, merged=merged)


def case_base(case) -> dict:
    return {"case_id": case.id, "agency": case.agency, "domain": case.domain}


def case_step(case, step: str, officer_ids, at: dt.datetime):
    return make(CASE_STEP_RECORDED, **case_base(case), step=step,
                officer_ids=list(officer_ids), at=at)
