"""Complaints on request: intake (the public, anonymous allowed, or staff), the
acknowledgment, a finding opened from one (source COMPLAINT, linked both ways), the
overdue list. Each write and its events commit together."""
from __future__ import annotations

import dataclasses

from services.accountability import domain, repository as repo
from services.accountability.commands import authored, insert, new_id, text_id
from services.accountability.documents import ComplaintDoc, FindingDoc
from services.accountability.domain import complaints
from services.accountability.domain.grading import grades
from services.common.actor import Actor
from services.common.clock import local_date
from services.common.errors import InvalidInput, NotFound

PUBLIC = Actor("public:complainant")  # who submits a complaint without signing in
STAFF_ROLES = {"accountability_officer", "certification_admin", "enforcement_officer",
               "planner"}


def submit(store, data: dict, actor: dict | None) -> dict:
    """From a signed-in staff member: origin STAFF; without a token: PUBLIC."""
    staff = bool(actor and STAFF_ROLES & set(actor.get("roles") or ()))
    complaint_id, existing = new_id(ComplaintDoc, data)
    if existing:
        return existing.to_dict()
    complaint, events = complaints.receive(complaint_id, data, "STAFF" if staff else "PUBLIC",
                                           repo.stored_now())
    author = store.actor if staff else PUBLIC
    complaint = dataclasses.replace(complaint, received_by=author.to_dict())
    with store.transaction(actor=author) as uow:
        uow.insert(repo.to_doc(ComplaintDoc, complaint))
        uow.emit_all(events)
    return complaint.to_dict()


def _load(complaint_id: str):
    rows = repo.load_versioned(ComplaintDoc, id=complaint_id)
    if not rows:
        raise NotFound("complaint", complaint_id, ["input", "complaintId"])
    return rows[0]


def acknowledge(store, data: dict) -> dict:
    complaint, version = _load(text_id(data, "complaint_id", "complaintId"))
    done, events = complaints.acknowledge(complaint, data.get("acknowledgment"),
                                          repo.stored_now())
    done = authored(store, done, "acknowledged_by")
    with store.transaction() as uow:
        uow.save(repo.to_doc(ComplaintDoc, done, version + 1), expect_version=version)
        uow.emit_all(events)
    return done.to_dict()


def open_finding(store, certification, data: dict) -> dict:
    """A finding (source COMPLAINT) against one officer, linked to the complaint; the
    complaint, the finding and both events commit together."""
    complaint, version = _load(text_id(data, "complaint_id", "complaintId"))
    officer_id = text_id(data, "officer_id", "officerId")
    finding_id, existing = new_id(FindingDoc, data)
    if existing:
        return existing.to_dict()
    if certification.get_officers([officer_id]) in ([], [None]):
        raise NotFound("officer", officer_id, ["input", "officerId"])
    description = data.get("description") or complaint.description
    if not isinstance(description, str):
        raise InvalidInput("must be a string", ["input", "description"])
    finding, raised = domain.record_finding(
        finding_id, officer_id, description, "COMPLAINT", repo.stored_now(),
        case_id=data.get("case_id"), evidence=data.get("evidence") or (),
        graded=grades(data), complaint_id=complaint.complaint_id)
    finding = authored(store, finding, "recorded_by")
    linked, linking = complaints.link_finding(complaint, finding_id, officer_id)
    with store.transaction() as uow:
        uow.insert(repo.to_doc(FindingDoc, finding))
        uow.save(repo.to_doc(ComplaintDoc, linked, version + 1), expect_version=version)
        uow.emit_all(raised + linking)
    return finding.to_dict()


FILTERS = {"status": ("RECEIVED", "ACKNOWLEDGED"), "agency": complaints.AGENCIES,
           "origin": ("PUBLIC", "STAFF")}


def list_page(filters, request) -> dict:
    query = {}
    for name, value in (filters or {}).items():
        if value is None:
            continue
        if name not in FILTERS or value not in FILTERS[name]:
            raise InvalidInput(f"unknown filter {name!r} or value", [name])
        query[name] = value
    return repo.page(ComplaintDoc, "received_at", query, request)


def overdue(now) -> list[dict]:
    """Unacknowledged complaints after their last day (one indexed query)."""
    today = local_date(now).isoformat()
    rows = [repo.from_doc(d) for d in ComplaintDoc.objects(
        __raw__={"status": "RECEIVED", "acknowledge_by": {"$lt": today}})]
    return [c.to_dict() for c in complaints.overdue(rows, now)]
