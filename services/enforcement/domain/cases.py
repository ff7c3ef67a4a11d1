"""Case actions: filing, investigation, rights notice, legal review, closing.

Each action checks everything first and only then changes the case, so a refusal leaves
it untouched. Each returns the events to store with the write, and appends a
full-process record entry.
"""
from __future__ import annotations

import datetime as dt

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import bodies, deadlines, events, record, reviews
from services.enforcement.domain.catalogue import CASE_KINDS, DECISION, AgencyCatalogue
from services.enforcement.domain.discretion import validate_draft
from services.enforcement.domain.team import Team, check

REVIEW_OUTCOMES = ("APPROVED", "REJECTED")


def log(case: m.Case, action: str, officer_ids, at, documents=(), data=None) -> None:
    record.append(case.record, f"case:{case.id}", action, officer_ids, at, documents, data)


def file_case(case_id: str, entity, party: m.Party, team: Team, filed_at: dt.datetime,
              catalogue: AgencyCatalogue, violation_code: str | None = None,
              inspection_id: str | None = None, operation_id: str | None = None,
              complex: bool = False, documents=(), kind: str = "PENALTY",
              body=None, powers=()):
    """(Case, events). Filing needs the same two qualified officers as any action, and a
    filing `body` (bodies.Body) holding the power for the violation that day."""
    if kind not in CASE_KINDS:
        raise DomainError("INVALID_INPUT", f"kind must be one of {CASE_KINDS}",
                          ["input", "kind"])
    if violation_code:
        violation = catalogue.violation(violation_code)
        if violation.domain != entity.domain:
            raise DomainError("DOMAIN_MISMATCH", f"{violation_code} is a {violation.domain} "
                              f"violation, the entity is {entity.domain}", ["violationCode"])
    if body is not None:
        bodies.check_power(body, powers, violation_code, filed_at)
    officers = check(team)
    case = m.Case(id=case_id, agency=entity.agency, domain=entity.domain,
                  entity_id=entity.id, party=party, filed_at=filed_at,
                  decision_due=deadlines.decision_due(filed_at, catalogue),
                  complex=complex, violation_code=violation_code,
                  inspection_id=inspection_id, operation_id=operation_id, kind=kind,
                  body_id=body.id if body is not None else None)
    # the kind only when not the default, the body when one filed: the entry says no more
    extra = {"kind": kind} if kind != "PENALTY" else {}
    extra.update({"body_id": body.id} if body is not None else {})
    log(case, "FILED", officers, filed_at, documents,
        {"violation_code": violation_code, "complex": complex, **extra})
    return case, [events.make(
        events.CASE_FILED, **events.case_base(case), entity_id=case.entity_id,
        violation_code=violation_code, inspection_id=inspection_id,
        operation_id=operation_id, officer_ids=officers, filed_at=filed_at,
        decision_due=case.decision_due, complex=complex)]


def advance(case: m.Case, team: Team, at: dt.datetime, target: str, step: str,
            documents=(), data=None, allowed_from=None):
    m.require_state(case, target, allowed_from)
    officers = check(team)
    case.state = target
    log(case, step, officers, at, documents, data)
    return officers, [events.case_step(case, step, officers, at)]


def note_step(case: m.Case, team: Team, at: dt.datetime, step: str, documents=(),
              data=None):
    """Record a step that does not move the case (consent, service attempt, interview)."""
    if case.state == m.CLOSED:
        m.refuse(case, case.state, f"a closed case takes no {step}")
    officers = check(team)
    log(case, step, officers, at, documents, data)
    return officers, [events.case_step(case, step, officers, at)]


def start_investigation(case: m.Case, team: Team, at: dt.datetime, documents=()):
    # only from FILED: re-investigation after a rejected review is that review's effect
    return advance(case, team, at, m.UNDER_INVESTIGATION, "INVESTIGATION_STARTED",
                   documents, allowed_from={m.FILED})[1]


def notify_rights(case: m.Case, team: Team, at: dt.datetime, documents=()):
    """The notice of intended penalty and of the right to state a defence / a hearing."""
    return advance(case, team, at, m.RIGHTS_NOTIFIED, "RIGHTS_NOTIFIED", documents)[1]


def submit_for_legal_review(case: m.Case, team: Team, at: dt.datetime,
                            proposal: m.DecisionDraft | None, catalogue: AgencyCatalogue,
                            documents=(), stage: str = DECISION,
                            submitted_by: str | None = None):
    """Send the case to legal review at `stage`. At DECISION the proposed decision goes
    with it and the case waits in LEGAL_REVIEW (required when major); the other stages
    carry no proposal and leave the state as it is."""
    reviews.check_stage(stage)
    if stage == DECISION:
        m.require_state(case, m.LEGAL_REVIEW)
        if proposal is None:
            raise DomainError("INVALID_INPUT", "the DECISION stage reviews a proposed "
                              "decision", ["input", "proposal"])
        validate_draft(case, proposal, catalogue, at)
        _, raised = advance(case, team, at, m.LEGAL_REVIEW, "LEGAL_REVIEW_SUBMITTED",
                            documents, {"stage": stage, "proposal": proposal})
    else:
        if case.state not in reviews.STAGE_STATES[stage]:
            m.refuse(case, m.LEGAL_REVIEW, f"a {stage} review is submitted in "
                     f"{sorted(reviews.STAGE_STATES[stage])}")
        pending = next((r for r in case.legal_reviews if r.outcome is None), None)
        if pending is not None:
            raise DomainError("REVIEW_PENDING", f"case {case.id}: the {pending.stage} review "
                              "is still pending", None, case_id=case.id, stage=pending.stage)
        _, raised = note_step(case, team, at, "LEGAL_REVIEW_SUBMITTED", documents,
                              {"stage": stage})
        proposal = None
    case.legal_reviews.append(m.LegalReview(submitted_at=at, proposal=proposal, stage=stage,
                                            submitted_by=submitted_by))
    return raised


def record_legal_review(case: m.Case, outcome: str, reviewer_id: str, at: dt.datetime,
                        opinion: str = "", documents=(), recorded_by: str | None = None):
    """The legal-affairs reviewer's answer (one independent reviewer, not a team).

    At DECISION, APPROVED keeps the case in LEGAL_REVIEW until it is decided and REJECTED
    sends it back to investigation; at the other stages the state does not change (a
    rejected stage is submitted again once put right).
    """
    if outcome not in REVIEW_OUTCOMES:
        raise DomainError("INVALID_INPUT", f"outcome must be one of {REVIEW_OUTCOMES}",
                          ["input", "outcome"])
    if not reviewer_id:
        raise DomainError("INVALID_INPUT", "a reviewer is required", ["input", "reviewerId"])
    pending = case.legal_reviews[-1] if case.legal_reviews else None
    decision_stage = pending is not None and pending.stage == DECISION
    target = m.UNDER_INVESTIGATION if outcome == "REJECTED" else m.DECIDED
    if (pending is None or pending.outcome is not None
            or (decision_stage and case.state != m.LEGAL_REVIEW)):
        m.refuse(case, target if decision_stage or pending is None else case.state,
                 "no legal review pending")
    reviews.check_independent(case, pending, (reviewer_id, recorded_by))
    pending.outcome, pending.reviewer_id = outcome, reviewer_id
    pending.reviewed_at, pending.opinion = at, opinion
    if outcome == "REJECTED" and decision_stage:
        case.state = m.UNDER_INVESTIGATION
    log(case, f"LEGAL_REVIEW_{outcome}", [reviewer_id], at, documents,
        {"opinion": opinion, "stage": pending.stage})
    return [events.make(events.LEGAL_REVIEW_RECORDED, **events.case_base(case),
                        stage=pending.stage, outcome=outcome, reviewer_id=reviewer_id,
                        reviewed_at=at, submitted_at=pending.submitted_at)]


def close_case(case: m.Case, team: Team, at: dt.datetime, documents=()):
    """Close once served (and published when the outcome must be), or after a transfer."""
    decision = case.decision
    if case.state == m.DECIDED and decision and decision.draft.outcome != "TRANSFER":
        m.refuse(case, m.CLOSED, "the decision must be served first")
    if case.state == m.SERVED and decision and decision.publication_required:
        m.refuse(case, m.CLOSED, "the decision must be published first")
    if decision and decision.justice_filing_required and case.justice_filing is None:
        raise DomainError("JUSTICE_FILING_REQUIRED",
                          f"case {case.id}: a major decision is filed with the justice bureau "
                          "before the case closes", None, case_id=case.id, state=case.state)
    officers, _ = advance(case, team, at, m.CLOSED, "CLOSED", documents)
    case.closed_at = at
    return [events.make(events.CASE_CLOSED, **events.case_base(case),
                        outcome=decision.draft.outcome if decision else None,
                        closed_at=at, officer_ids=officers)]
