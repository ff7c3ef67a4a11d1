"""Automatic findings from enforcement and joint-operation events.

The rules are the domain's; this module finds what they need (the case's officers, the
officers' qualification at the moment of the action) and stores what they open. Each
handler runs inside the inbox transaction, so a redelivered event changes nothing; the
dedupe keys and the unique index on them guard against everything else.
"""
from __future__ import annotations

from services.accountability import domain, repository as repo
from services.accountability.documents import CaseOfficers, FindingDoc
from services.contracts.payloads import CaseDecided, Event


class CaseNotProjected(Exception):
    """A late publication arrived before its case_decided event: retried, so it waits
    for the projection instead of opening a finding against nobody."""


def _open(store, drafts, extra_writes=()) -> list[dict]:
    known = FindingDoc.objects(dedupe_key__in=[d.dedupe_key for d in drafts]).scalar(
        "dedupe_key") if drafts else []
    findings, events = domain.open_automatic_findings(drafts, list(known), repo.stored_now())
    if not findings and not extra_writes:
        return []
    with store.transaction() as uow:
        for write in extra_writes:
            uow.run(write)
        for finding in findings:
            uow.insert(repo.to_doc(FindingDoc, finding))
        for event_type, payload in events:  # each announced by the rule that opened it
            uow.emit(event_type, payload, actor=domain.rule_actor(payload["rule"]))
    return [f.to_dict() for f in findings]


def on_case_event(store, event: Event) -> list[dict]:
    event_id, payload = event.event_id, event.payload
    case_id = payload.case_id
    if isinstance(payload, CaseDecided):
        drafts = (domain.major_decision_without_review(event_id, payload)
                  + domain.decision_deadline_missed(event_id, payload))
        projection = CaseOfficers._get_collection()

        def remember(session):
            projection.update_one({"_id": case_id}, {"$set": {
                "officer_ids": list(payload.officer_ids), "decided_event_id": event_id}},
                upsert=True, session=session)
        return _open(store, drafts, [remember])
    if not domain.published_late(payload):
        return []
    case = CaseOfficers.objects(id=case_id).first()
    if case is None:
        raise CaseNotProjected(f"no case_decided seen yet for case {case_id}")
    return _open(store, domain.decision_published_late(event_id, payload, case.officer_ids))


def on_action_event(store, certification, event: Event) -> list[dict]:
    payload = event.payload
    officers = list(dict.fromkeys(payload.officer_ids))
    if not officers:
        return []
    at = domain.action_moment(event)
    # One call for every officer of the action, as of the moment it happened.
    answers = certification.check_qualifications([{"officer_id": o, "domain": payload.domain,
                                                   "at": at} for o in officers])
    qualifications = {a["officer_id"]: a for a in answers}
    return _open(store, domain.unqualified_or_understaffed_action(
        event.event_id, payload, qualifications, at))
