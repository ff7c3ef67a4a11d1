"""Every transition of the one case state machine, legal and illegal."""
import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import cases, decisions, delivery, publication
from services.enforcement.domain.record import verify_chain

from .builders import CULTURE, MAJOR, advance_to, at, new_case, penalty, team


def test_happy_path_without_review_reaches_closed():
    case = new_case()
    advance_to(case, m.CLOSED)
    actions = [e.action for e in case.record]
    assert actions == ["FILED", "INVESTIGATION_STARTED", "RIGHTS_NOTIFIED", "DECIDED",
                       "SERVICE_ATTEMPTED", "SERVICE_RECEIVED", "PUBLISHED", "CLOSED"]
    assert verify_chain(case.record).intact
    assert m.Case.from_dict(case.to_dict()) == case


def test_major_path_with_approved_review():
    case = new_case()
    raised = advance_to(case, m.CLOSED, draft=penalty(**MAJOR), review="APPROVED")
    decided = next(p for t, p in raised if t == "enforcement.case_decided.v1")
    assert decided["major"] and decided["legal_review_approved"]
    assert decided["justice_filing_required"]


def test_rejected_review_returns_to_investigation():
    case = new_case()
    advance_to(case, m.RIGHTS_NOTIFIED)
    cases.submit_for_legal_review(case, team(), at(3), penalty(**MAJOR), CULTURE)
    raised = cases.record_legal_review(case, "REJECTED", "lawyer", at(4), "evidence thin")
    assert case.state == m.UNDER_INVESTIGATION and raised[0][1]["outcome"] == "REJECTED"


# action name -> callable(case) attempting it
ACTIONS = {
    "investigate": lambda c: cases.start_investigation(c, team(), at(9)),
    "notify": lambda c: cases.notify_rights(c, team(), at(9)),
    "submit": lambda c: cases.submit_for_legal_review(c, team(), at(9), penalty(), CULTURE),
    "review": lambda c: cases.record_legal_review(c, "APPROVED", "lawyer", at(9)),
    "decide": lambda c: decisions.decide(c, team(), at(9), penalty(), CULTURE),
    "serve": lambda c: delivery.attempt_service(c, team(), at(9), "DECISION", "POST"),
    "publish": lambda c: publication.publish_decision(c, team(), at(9)),
    "close": lambda c: cases.close_case(c, team(), at(9)),
}
LEGAL = {  # from state -> actions that must succeed
    m.FILED: {"investigate"},
    m.UNDER_INVESTIGATION: {"notify"},
    m.RIGHTS_NOTIFIED: {"submit", "decide"},
    m.LEGAL_REVIEW: {"review"},
    m.DECIDED: {"serve"},
    m.SERVED: {"publish"},
    m.PUBLISHED: {"close"},
    m.CLOSED: set(),
}


def _case_in(state):
    case = new_case()
    advance_to(case, state, review="APPROVED" if state == m.LEGAL_REVIEW else None)
    if state == m.LEGAL_REVIEW:
        case.legal_reviews[-1].outcome = None     # pending again: only "review" is legal
    return case


@pytest.mark.parametrize("state", m.STATES)
@pytest.mark.parametrize("action", ACTIONS)
def test_transition_matrix(state, action):
    case = _case_in(state)
    if action in LEGAL[state]:
        assert ACTIONS[action](case)
        return
    before = case.to_dict()
    with pytest.raises(DomainError) as err:
        ACTIONS[action](case)
    assert err.value.code in ("INVALID_TRANSITION", "LEGAL_REVIEW_REQUIRED")
    if err.value.code == "INVALID_TRANSITION":
        assert state in err.value.message and err.value.details["state"] == state
    assert case.to_dict() == before                # a refusal changes nothing


def test_decided_transfer_closes_without_service():
    case = new_case()
    advance_to(case, m.UNDER_INVESTIGATION)
    transfer = m.DecisionDraft("TRANSFER", transfer_to="public security bureau")
    decisions.decide(case, team(), at(2), transfer, CULTURE)
    raised = cases.close_case(case, team(), at(3))
    assert raised[0][1]["outcome"] == "TRANSFER" and case.state == m.CLOSED


def test_unpublished_outcome_closes_after_service_and_cannot_be_published():
    case = new_case()
    advance_to(case, m.SERVED, draft=m.DecisionDraft("ADMINISTRATIVE_GUIDANCE"))
    with pytest.raises(DomainError) as err:
        publication.publish_decision(case, team(), at(9))
    assert err.value.code == "INVALID_TRANSITION"
    cases.close_case(case, team(), at(9))
    assert case.state == m.CLOSED


def test_served_penalty_cannot_close_before_publication():
    case = new_case()
    advance_to(case, m.SERVED)
    with pytest.raises(DomainError) as err:
        cases.close_case(case, team(), at(9))
    assert "published" in err.value.message


def test_penalty_cannot_be_decided_during_investigation():
    case = new_case()
    advance_to(case, m.UNDER_INVESTIGATION)
    with pytest.raises(DomainError) as err:
        decisions.decide(case, team(), at(2), penalty(), CULTURE)
    assert err.value.code == "INVALID_TRANSITION"


@pytest.mark.parametrize("bad_team, code", [
    (team("a"), "TOO_FEW_OFFICERS"),
    (team("a", "b", unqualified={"a": ["CERTIFICATE_REVOKED"]}), "OFFICER_NOT_QUALIFIED"),
    (team("a", "b", conflicts={"b": "shareholder"}), "CONFLICT_OF_INTEREST"),
])
def test_every_case_action_needs_a_qualified_team(bad_team, code):
    case = new_case()
    with pytest.raises(DomainError) as err:
        cases.start_investigation(case, bad_team, at(1))
    assert err.value.code == code and case.state == m.FILED


def test_review_input_checked():
    case = new_case()
    advance_to(case, m.RIGHTS_NOTIFIED)
    cases.submit_for_legal_review(case, team(), at(3), penalty(), CULTURE)
    for outcome, reviewer in (("MAYBE", "lawyer"), ("APPROVED", "")):
        with pytest.raises(DomainError) as err:
            cases.record_legal_review(case, outcome, reviewer, at(4))
        assert err.value.code == "INVALID_INPUT"


def test_filing_checks_the_violation_belongs_to_the_entity_domain():
    from .builders import cafe, party_of
    for code, expected in (("PIRATED_PUBLICATIONS", "DOMAIN_MISMATCH"),
                           ("NOPE", "UNKNOWN_VIOLATION")):
        with pytest.raises(DomainError) as err:
            cases.file_case("c", cafe(), party_of(cafe()), team(), at(), CULTURE, code)
        assert err.value.code == expected
