"""Automatic accountability rules: one enforcement event -> finding drafts.

Each rule returns a list of FindingDraft, empty when it does not fire. Case-level rules
name EVERY officer on the case, one draft each: the law makes the officers who handle a
case jointly responsible for it (at least two act together), and the finding is the
start of a review, not a verdict; legal staff can close it for whoever bears no blame.
Dedupe keys are (rule, triggering event id, officer), so a redelivered event opens
nothing new (see `open_automatic_findings`).
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping

from services.accountability.domain.findings import FindingDraft, dedupe_key
from services.common.clock import local_date, parse_instant
from services.contracts.payloads import (
    CaseDecided, CaseStepRecorded, DecisionPublished, Event, InspectionRecorded,
    InspectionTaskAssigned)

DECISION_PUBLISHED_LATE = "DECISION_PUBLISHED_LATE"
MAJOR_DECISION_WITHOUT_LEGAL_REVIEW = "MAJOR_DECISION_WITHOUT_LEGAL_REVIEW"
UNQUALIFIED_OR_UNDERSTAFFED_ACTION = "UNQUALIFIED_OR_UNDERSTAFFED_ACTION"
DECISION_DEADLINE_MISSED = "DECISION_DEADLINE_MISSED"
MIN_OFFICERS = 2  # Administrative Penalty Law art. 42


def is_after(moment: str, due: str) -> bool:
    """Whether `moment` is past `due`; a plain-date due means "by the end of that day"
    in China (legal deadlines are civil dates), a date-time due is exact."""
    if len(due) == 10:
        return local_date(parse_instant(moment)) > dt.date.fromisoformat(due)
    return parse_instant(moment) > parse_instant(due)


def _drafts(rule: str, event_id: str, officers: Iterable[str], describe, **ref):
    return [FindingDraft(officer_id=o, description=describe(o), rule=rule,
                         trigger_event_ids=(event_id,), dedupe_key=dedupe_key(rule, event_id, o),
                         **ref)
            for o in dict.fromkeys(officers)]  # keeps order, drops repeats


def published_late(payload: DecisionPublished) -> bool:
    """Whether a decision_published payload is late (the service looks up the case's
    officers only then). The producer's `late` flag is trusted, our comparison is a backstop."""
    return payload.late or is_after(payload.published_at, payload.publication_due)


def decision_published_late(event_id: str, payload: DecisionPublished,
                            case_officer_ids: Iterable[str]) -> list[FindingDraft]:
    """(a) enforcement.decision_published.v1 past its due date. The event names no
    officers, so the service passes the case's officers (from its case_decided event)."""
    if not published_late(payload):
        return []
    case = payload.case_id
    return _drafts(DECISION_PUBLISHED_LATE, event_id, case_officer_ids, lambda _o: (
        f"Decision of case {case} (decided {payload.decided_at}) was published on "
        f"{payload.published_at}, after the deadline {payload.publication_due}."),
        case_id=case)


def major_decision_without_review(event_id: str, payload: CaseDecided) -> list[FindingDraft]:
    """(b) enforcement.case_decided.v1 for a major case without an approved legal review."""
    if not payload.major or payload.legal_review_approved:
        return []
    case = payload.case_id
    return _drafts(MAJOR_DECISION_WITHOUT_LEGAL_REVIEW, event_id, payload.officer_ids,
                   lambda _o: f"Major case {case} was decided on {payload.decided_at} "
                              "without an approved legal review.", case_id=case)


def decision_deadline_missed(event_id: str, payload: CaseDecided) -> list[FindingDraft]:
    """(d) enforcement.case_decided.v1 decided after its decision_due (90 days by default)."""
    if not is_after(payload.decided_at, payload.decision_due):
        return []
    case = payload.case_id
    return _drafts(DECISION_DEADLINE_MISSED, event_id, payload.officer_ids,
                   lambda _o: f"Case {case} filed {payload.filed_at} was decided on "
                              f"{payload.decided_at}, after the limit {payload.decision_due}.",
                   case_id=case)


# The actions rule (c) watches (their event types: what accountability.on_action_event
# is bound to).
Action = InspectionRecorded | CaseStepRecorded | InspectionTaskAssigned
ACTION_EVENTS = ("enforcement.inspection_recorded.v1", "enforcement.case_step_recorded.v1",
                 "operations.inspection_task_assigned.v1")


def action_moment(event: Event) -> str:
    """The moment rule (c) asks certification about. A task assignment names no moment:
    it happens when the event occurs (the envelope's occurred_at)."""
    action = event.payload
    if isinstance(action, InspectionRecorded):
        return action.performed_at
    if isinstance(action, CaseStepRecorded):
        return action.at
    return event.occurred_at


def _action(payload: Action, at: str | None) -> tuple[str, str, dict, str]:
    """(what, verb, finding reference, moment) for the three kinds of action."""
    if isinstance(payload, InspectionRecorded):
        return (f"Inspection {payload.inspection_id}", "carried out by",
                {"inspection_id": payload.inspection_id}, payload.performed_at)
    if isinstance(payload, InspectionTaskAssigned):
        return (f"Inspection task {payload.task_id} of joint operation "
                f"{payload.operation_id}", "assigned to", {}, at)
    return (f"Step {payload.step} of case {payload.case_id}", "carried out by",
            {"case_id": payload.case_id}, payload.at)


def unqualified_or_understaffed_action(event_id: str, payload: Action,
                                       qualifications: Mapping[str, Mapping],
                                       at: str | None = None) -> list[FindingDraft]:
    """(c) an inspection (enforcement.inspection_recorded.v1), a case step
    (enforcement.case_step_recorded.v1) or a joint-operation inspection task
    (operations.inspection_task_assigned.v1, moment `at`) with fewer than two qualified
    officers, or with an officer not qualified at that moment. `qualifications` maps
    officer_id -> {qualified, reasons} as of the action's moment, answered by certification.

    Named: every unqualified officer; and, when fewer than two were qualified, every
    officer present (each took part in an action the law forbids one officer alone)."""
    officers = list(dict.fromkeys(payload.officer_ids))
    missing = [o for o in officers if o not in qualifications]
    if missing:  # a gap in the service's look-up is a bug, never a silent "qualified"
        raise ValueError(f"no qualification answer for {', '.join(missing)}")
    unqualified = [o for o in officers if not qualifications[o].get("qualified")]
    understaffed = len(officers) - len(unqualified) < MIN_OFFICERS
    named = officers if understaffed else unqualified
    what, verb, ref, at = _action(payload, at)

    def describe(officer: str) -> str:
        parts = [f"{what} ({payload.domain}, {at})"]
        if officer in unqualified:
            reasons = ", ".join(qualifications[officer].get("reasons") or []) or "not qualified"
            parts.append(f"was {verb} officer {officer} while not qualified ({reasons})")
        if understaffed:
            parts.append(f"had {len(officers) - len(unqualified)} qualified officer(s), "
                         f"fewer than {MIN_OFFICERS}")
        return "; ".join(parts) + "."
    return _drafts(UNQUALIFIED_OR_UNDERSTAFFED_ACTION, event_id, named, describe, **ref)
