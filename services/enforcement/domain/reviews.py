"""Legal review at each stage (法制审核: 立案、调查终结、处罚决定、结案).

Which stages a case needs is configuration (`AgencyCatalogue.review_stages`, per case
kind); a major case needs one at DECISION whatever is configured (decisions.py). A
step that leaves a stage is refused until that stage has an approved review. A stage's
review is submitted while the case is in the stage; only the DECISION stage carries a
decision proposal (and moves the case to LEGAL_REVIEW, as before).
"""
from __future__ import annotations

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain.catalogue import (
    CLOSING, DECISION, FILING, INVESTIGATION_END, REVIEW_STAGES)

# Outcomes that end the case before any rights notice (nothing to defend against).
EARLY_OUTCOMES = ("TRANSFER", "NO_PENALTY_NOT_ESTABLISHED")

TITLES = {FILING: "立案", INVESTIGATION_END: "调查终结", DECISION: "处罚决定",
          CLOSING: "结案"}
# the states in which each stage's review is submitted
STAGE_STATES = {FILING: {m.FILED}, INVESTIGATION_END: {m.UNDER_INVESTIGATION},
                DECISION: {m.RIGHTS_NOTIFIED}, CLOSING: {m.DECIDED, m.SERVED, m.PUBLISHED}}
# the step that leaves a stage -> (that stage, the states the step leaves from)
GATES = {"start_investigation": (FILING, {m.FILED}),
         "notify_rights": (INVESTIGATION_END, {m.UNDER_INVESTIGATION}),
         "decide": (DECISION, {m.RIGHTS_NOTIFIED, m.LEGAL_REVIEW, m.UNDER_INVESTIGATION}),
         "close": (CLOSING, {m.DECIDED, m.SERVED, m.PUBLISHED})}
# record actions that name a reviewer or a filer, not the case's officers
NOT_CASE_OFFICERS = ("LEGAL_REVIEW_APPROVED", "LEGAL_REVIEW_REJECTED", "JUSTICE_FILED")


def check_stage(stage) -> str:
    if stage not in REVIEW_STAGES:
        raise DomainError("INVALID_INPUT", f"stage must be one of {REVIEW_STAGES}",
                          ["input", "stage"])
    return stage


def required_stage(case: m.Case, action: str, catalogue, outcome=None) -> str | None:
    """The stage whose approved review `action` needs now (None: no review needed, or
    the step is refused anyway by the state machine, which names the real problem)."""
    stage, states = GATES.get(action, (None, ()))
    if case.state not in states:
        return None
    if action == "decide" and case.state == m.UNDER_INVESTIGATION:
        if outcome not in EARLY_OUTCOMES:
            return None                 # refused as a transition: no rights notice yet
        stage = INVESTIGATION_END       # an early outcome (transfer) ends the investigation
    return stage if stage in catalogue.stages_for(case.kind) else None


def gate(case: m.Case, action: str, catalogue, outcome=None) -> None:
    """LEGAL_REVIEW_REQUIRED, naming the stage, unless its review is approved
    (`outcome`: the decision's, for "decide")."""
    stage = required_stage(case, action, catalogue, outcome)
    if stage is None:
        return
    approved = case.approved(stage)
    if stage == DECISION and case.state != m.LEGAL_REVIEW:
        approved = None                 # the proposal must have been reviewed for this case
    if approved is None:
        raise DomainError("LEGAL_REVIEW_REQUIRED",
                          f"case {case.id}: the {stage} stage ({TITLES[stage]}) needs an "
                          "approved legal review", None, case_id=case.id, stage=stage,
                          state=case.state)


def case_officers(case: m.Case) -> set[str]:
    return {o for e in case.record if e.action not in NOT_CASE_OFFICERS
            for o in e.officer_ids}


def check_independent(case: m.Case, review: m.LegalReview, reviewers) -> None:
    """The reviewer is neither one of the case's officers nor who submitted the review."""
    officers = case_officers(case)
    for who in (r for r in reviewers if r):
        if who in officers or who == review.submitted_by:
            why = "an officer of the case" if who in officers else "who submitted it"
            raise DomainError("REVIEWER_NOT_INDEPENDENT",
                              f"{who} is {why}: the {review.stage} review of case {case.id} "
                              "needs an independent reviewer", ["input", "reviewerId"],
                              case_id=case.id, reviewer_id=who)
