import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import cases, decisions
from services.enforcement.domain.discretion import is_major

from .builders import (CULTURE, MAJOR, TRANSPORT, advance_to, at, driver, new_case, penalty,
                       team)


def _ready(**kwargs):
    case = new_case(**kwargs)
    advance_to(case, m.RIGHTS_NOTIFIED)
    return case


def _refused(case, draft, catalogue=CULTURE):
    before = case.to_dict()
    with pytest.raises(DomainError) as err:
        decisions.decide(case, team(), at(5), draft, catalogue)
    assert case.to_dict() == before
    return err.value


@pytest.mark.parametrize("circumstance, fine", [
    ("MITIGATED", 0), ("LIGHTER", 2_000), ("LIGHTER", 5_000), ("STANDARD", 10_000),
    ("HEAVIER", 15_000)])
def test_fines_inside_the_discretion_range(circumstance, fine):
    case = _ready(complex=False)
    decisions.decide(case, team(), at(5), penalty(fine, circumstance), CULTURE)
    assert case.decision.draft.fine == fine


@pytest.mark.parametrize("circumstance, fine", [
    ("LIGHTER", 1_999), ("LIGHTER", 5_001), ("HEAVIER", 15_001), ("STANDARD", 2_000)])
def test_fine_out_of_range(circumstance, fine):
    error = _refused(_ready(), penalty(fine, circumstance))
    assert error.code == "FINE_OUT_OF_RANGE"
    assert (error.details["min"], error.details["max"]) == CULTURE.violations[
        "NETCAFE_ADMITS_MINORS"].ranges[circumstance]


@pytest.mark.parametrize("draft, code", [
    (m.DecisionDraft("FINE_EVERYONE"), "INVALID_INPUT"),
    (penalty(circumstance="SEVERE"), "INVALID_INPUT"),
    (penalty(fine=None), "INVALID_INPUT"),
    (penalty(measures=("FLOGGING",)), "INVALID_INPUT"),
    (penalty(code="NOPE"), "UNKNOWN_VIOLATION"),
    (m.DecisionDraft("MEDIATION", fine=100), "INVALID_INPUT"),
    (m.DecisionDraft("TRANSFER"), "INVALID_INPUT"),
    (m.DecisionDraft("NO_PENALTY_FIRST_VIOLATION", "NETCAFE_NO_ID_CHECK", first_violation=True,
                     minor_harm=True), "FIRST_VIOLATION_CONDITIONS_NOT_MET"),
    (m.DecisionDraft("NO_PENALTY_FIRST_VIOLATION", "NETCAFE_ADMITS_MINORS",
                     first_violation=True, minor_harm=True, corrected_in_time=True),
     "NOT_ON_NO_PENALTY_LIST"),
])
def test_decision_refusals(draft, code):
    assert _refused(_ready(), draft).code == code


@pytest.mark.parametrize("outcome", ["NO_PENALTY_NOT_ESTABLISHED", "ADMINISTRATIVE_GUIDANCE",
                                     "MEDIATION"])
def test_non_penalty_outcomes(outcome):
    case = _ready()
    decisions.decide(case, team(), at(5), m.DecisionDraft(outcome), CULTURE)
    assert not case.decision.publication_required and case.publication_due is None


def test_first_violation_waiver():
    case = _ready()
    draft = m.DecisionDraft("NO_PENALTY_FIRST_VIOLATION", "NETCAFE_NO_ID_CHECK",
                            first_violation=True, minor_harm=True, corrected_in_time=True)
    raised = decisions.decide(case, team(), at(5), draft, CULTURE)
    assert raised[0][1]["outcome"] == "NO_PENALTY_FIRST_VIOLATION"


@pytest.mark.parametrize("draft, natural_person, complex, major", [
    (penalty(), False, False, False),
    (penalty(), False, True, True),                         # flagged complex
    (penalty(measures=("CLOSURE_ORDER",)), False, False, True),
    (penalty(measures=("LICENCE_REVOCATION",)), False, False, True),
    (penalty(50_000, "STANDARD", "UNLICENSED_TRAVEL_AGENCY"), False, False, False),
    (penalty(50_001, "STANDARD", "UNLICENSED_TRAVEL_AGENCY"), False, False, True),
    (penalty(10_000, "LIGHTER", "UNLICENSED_TRAVEL_AGENCY"), True, False, False),
    (penalty(10_001, "LIGHTER", "UNLICENSED_TRAVEL_AGENCY"), True, False, True),
])
def test_major_rule(draft, natural_person, complex, major):
    case = new_case(complex=complex)
    case.party.natural_person = natural_person
    assert is_major(case, draft, CULTURE) is major


def test_major_decision_without_review_is_impossible():
    error = _refused(_ready(), penalty(**MAJOR))
    assert error.code == "LEGAL_REVIEW_REQUIRED"
    assert _refused(_ready(complex=True), penalty()).code == "LEGAL_REVIEW_REQUIRED"


def test_pending_review_blocks_any_decision():
    case = _ready()
    cases.submit_for_legal_review(case, team(), at(3), penalty(), CULTURE)
    assert _refused(case, penalty()).code == "LEGAL_REVIEW_REQUIRED"


def test_decision_may_not_exceed_the_reviewed_proposal():
    case = _ready()
    cases.submit_for_legal_review(case, team(), at(3), penalty(**MAJOR), CULTURE)
    cases.record_legal_review(case, "APPROVED", "lawyer", at(4))
    harsher = penalty(15_000, "HEAVIER", measures=("LICENCE_REVOCATION",))
    assert _refused(case, harsher).code == "LEGAL_REVIEW_REQUIRED"
    assert _refused(case, penalty(**{**MAJOR, "measures": ("CLOSURE_ORDER",)})).code == \
        "LEGAL_REVIEW_REQUIRED"
    milder = penalty(11_000, "HEAVIER", measures=("LICENCE_REVOCATION",))
    decisions.decide(case, team(), at(5), milder, CULTURE)
    assert case.decision.major and case.decision.justice_filing_required


def test_transport_driver_penalty_uses_person_threshold():
    case = new_case(entity=driver(), catalogue=TRANSPORT)
    advance_to(case, m.RIGHTS_NOTIFIED, catalogue=TRANSPORT)
    unlicensed = penalty(12_000, "LIGHTER", "COACH_WITHOUT_LICENCE")
    assert _refused(case, unlicensed, TRANSPORT).code == "LEGAL_REVIEW_REQUIRED"
    draft = penalty(800, "LIGHTER", "DRIVER_WITHOUT_QUALIFICATION")
    decisions.decide(case, team(), at(5), draft, TRANSPORT)
    assert not case.decision.major and case.domain == "ROAD_TRANSPORT"
