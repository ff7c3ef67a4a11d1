"""Deciding a case. A major decision is impossible without an approved legal review."""
from __future__ import annotations

import datetime as dt

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import deadlines, events
from services.enforcement.domain.cases import log
from services.enforcement.domain.catalogue import AgencyCatalogue
from services.enforcement.domain.discretion import is_major, validate_draft, within_approval
from services.enforcement.domain.reviews import EARLY_OUTCOMES
from services.enforcement.domain.team import Team, check



def _require_review(case: m.Case, draft: m.DecisionDraft, major: bool) -> bool:
    """Whether an approved review covers the draft; refuse when one is needed and missing."""
    approved = case.approved_review if case.state == m.LEGAL_REVIEW else None
    if case.state == m.LEGAL_REVIEW and approved is None:
        raise DomainError("LEGAL_REVIEW_REQUIRED", f"case {case.id}: legal review pending",
                          None, case_id=case.id, state=case.state)
    if approved is not None and not within_approval(draft, approved.proposal):
        raise DomainError("LEGAL_REVIEW_REQUIRED",
                          f"case {case.id}: the decision differs from the reviewed proposal",
                          None, case_id=case.id, state=case.state)
    if major and approved is None:
        raise DomainError("LEGAL_REVIEW_REQUIRED",
                          f"case {case.id} is major: an approved legal review is required",
                          None, case_id=case.id, state=case.state)
    return approved is not None


def decide(case: m.Case, team: Team, at: dt.datetime, draft: m.DecisionDraft,
           catalogue: AgencyCatalogue, documents=()):
    """Record the decision (state DECIDED) and return the events."""
    allowed = {m.RIGHTS_NOTIFIED, m.LEGAL_REVIEW}
    if draft.outcome in EARLY_OUTCOMES:
        allowed.add(m.UNDER_INVESTIGATION)
    m.require_state(case, m.DECIDED, allowed_from=allowed)
    validate_draft(case, draft, catalogue, at)
    major = is_major(case, draft, catalogue)
    reviewed = _require_review(case, draft, major)
    officers = check(team)
    publish = draft.outcome in catalogue.publish_outcomes
    case.decision = m.Decision(draft=draft, decided_at=at, major=major,
                               legal_review_approved=reviewed,
                               justice_filing_required=major, publication_required=publish,
                               officer_ids=officers)
    case.publication_due = deadlines.publication_due(at, catalogue) if publish else None
    case.state = m.DECIDED
    log(case, "DECIDED", officers, at, documents, {"decision": case.decision})
    return [events.make(
        events.CASE_DECIDED, **events.case_base(case), outcome=draft.outcome,
        violation_code=draft.violation_code, major=major, legal_review_approved=reviewed,
        justice_filing_required=major, filed_at=case.filed_at, decided_at=at,
        decision_due=case.decision_due, publication_due=case.publication_due,
        officer_ids=officers, fine=draft.fine)]
