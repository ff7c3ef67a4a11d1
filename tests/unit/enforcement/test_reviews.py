"""Legal review at each configured stage: the gate names the missing stage, a stage
configured off needs none (a major decision always does), the reviewer is independent."""
from dataclasses import replace

import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import cases, decisions, reviews
from services.enforcement.domain.record import attribute, verify_chain

from .builders import CULTURE, MAJOR, advance_to, at, new_case, penalty, team


def reviewed(case, stage, proposal=None, when=2, submitter="officer-9"):
    cases.submit_for_legal_review(case, team(), at(when), proposal, CULTURE, stage=stage,
                                  submitted_by=submitter)
    cases.record_legal_review(case, "APPROVED", "lawyer", at(when))


def refused_stage(case, action, catalogue=CULTURE, outcome=None):
    with pytest.raises(DomainError) as err:
        reviews.gate(case, action, catalogue, outcome)
    assert err.value.code == "LEGAL_REVIEW_REQUIRED"
    return err.value.details["stage"]


def test_each_step_leaving_a_stage_needs_that_stage_approved():
    case = new_case()
    assert refused_stage(case, "start_investigation") == "FILING"
    reviewed(case, "FILING")
    reviews.gate(case, "start_investigation", CULTURE)
    cases.start_investigation(case, team(), at(3))
    assert refused_stage(case, "notify_rights") == "INVESTIGATION_END"
    assert refused_stage(case, "decide", outcome="TRANSFER") == "INVESTIGATION_END"
    reviews.gate(case, "decide", CULTURE, "PENALTY")   # a penalty now: the state refuses it
    reviewed(case, "INVESTIGATION_END", when=4)
    cases.notify_rights(case, team(), at(5))
    assert refused_stage(case, "decide") == "DECISION"
    reviewed(case, "DECISION", penalty(), when=6)
    reviews.gate(case, "decide", CULTURE)
    decisions.decide(case, team(), at(7), penalty(), CULTURE)
    advance_to(case, m.PUBLISHED)
    assert refused_stage(case, "close") == "CLOSING"
    reviewed(case, "CLOSING", when=20)
    reviews.gate(case, "close", CULTURE)
    assert [r.stage for r in case.legal_reviews] == list(reviews.REVIEW_STAGES)
    assert verify_chain(case.record).intact


def test_a_stage_configured_off_needs_no_review_but_a_major_decision_still_does():
    light = replace(CULTURE, review_stages={"PENALTY": ("CLOSING",)})
    case = new_case()
    for action in ("start_investigation", "notify_rights", "decide"):
        reviews.gate(case, action, light)
        advance_to(case, {"start_investigation": m.UNDER_INVESTIGATION,
                          "notify_rights": m.RIGHTS_NOTIFIED}.get(action, m.RIGHTS_NOTIFIED))
    with pytest.raises(DomainError) as err:
        decisions.decide(case, team(), at(9), penalty(**MAJOR), light)
    assert err.value.code == "LEGAL_REVIEW_REQUIRED" and "major" in err.value.message
    summary = new_case(case_id="c2")
    summary.kind = "SUMMARY"                              # 简易程序: no stages by default
    reviews.gate(summary, "start_investigation", CULTURE)


def test_a_non_decision_stage_carries_no_proposal_and_keeps_the_state():
    case = new_case()
    cases.submit_for_legal_review(case, team(), at(1), None, CULTURE, stage="FILING")
    assert case.state == m.FILED and case.legal_reviews[0].proposal is None
    with pytest.raises(DomainError) as err:
        cases.submit_for_legal_review(case, team(), at(1), None, CULTURE, stage="FILING")
    assert err.value.code == "REVIEW_PENDING"
    raised = cases.record_legal_review(case, "REJECTED", "lawyer", at(2), "证据不足")
    assert case.state == m.FILED and raised[0][1]["stage"] == "FILING"
    assert refused_stage(case, "start_investigation") == "FILING"
    for stage, proposal in (("CLOSING", None), ("DECISION", None), ("NOPE", None)):
        with pytest.raises(DomainError) as err:
            cases.submit_for_legal_review(case, team(), at(3), proposal, CULTURE, stage=stage)
        assert err.value.code in ("INVALID_TRANSITION", "INVALID_INPUT")


@pytest.mark.parametrize("reviewer, recorded_by, why", [
    ("o1", None, "an officer of the case"),              # acted in the case's team
    ("lawyer", "o2", "an officer of the case"),          # recorded by an officer
    ("officer-9", None, "who submitted it")])
def test_the_reviewer_is_independent_of_the_case(reviewer, recorded_by, why):
    case = new_case()
    start = len(case.record)
    cases.submit_for_legal_review(case, team(), at(1), None, CULTURE, stage="FILING",
                                  submitted_by="officer-9")
    attribute(case.record, start, {"subject": "officer-9", "roles": [], "agency": None})
    before = case.to_dict()
    with pytest.raises(DomainError) as err:
        cases.record_legal_review(case, "APPROVED", reviewer, at(2), recorded_by=recorded_by)
    assert err.value.code == "REVIEWER_NOT_INDEPENDENT" and why in err.value.message
    assert case.to_dict() == before
    cases.record_legal_review(case, "APPROVED", "lawyer", at(2), recorded_by="lawyer")
    # the reviewer of one stage is not thereby an officer of the case
    assert "lawyer" not in reviews.case_officers(case)
