"""Random action sequences never break the case invariants."""
from hypothesis import given, settings
from hypothesis import strategies as st

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import cases, decisions, delivery, publication
from services.enforcement.domain.record import verify_chain

from .builders import CULTURE, MAJOR, at, new_case, penalty, team

DRAFTS = {"minor": penalty(), "major": penalty(**MAJOR),
          "big_fine": penalty(60_000, "STANDARD", "UNLICENSED_PERFORMANCE"),
          "guidance": m.DecisionDraft("ADMINISTRATIVE_GUIDANCE"),
          "transfer": m.DecisionDraft("TRANSFER", transfer_to="police")}
TEAMS = {"ok": team(), "alone": team("a"), "bad": team("a", "b", unqualified={"b": ["X"]})}


# "next" takes the happy-path action for the state, so sequences get deep into the case
# while the drawn draft, review answer and team still vary.
NEXT = {m.FILED: "investigate", m.UNDER_INVESTIGATION: "notify", m.LEGAL_REVIEW: "review",
        m.DECIDED: "serve", m.SERVED: "publish", m.PUBLISHED: "close", m.CLOSED: "close"}


def _run(case, action, arg, crew, when):
    if action in ("next", "next_decide"):
        default = "decide" if action == "next_decide" else "submit"
        action = NEXT.get(case.state, default)
        if action == "review" and case.approved_review is not None:
            action = "decide"
    if action == "investigate":
        return cases.start_investigation(case, crew, when)
    if action == "notify":
        return cases.notify_rights(case, crew, when)
    if action == "submit":
        return cases.submit_for_legal_review(case, crew, when, DRAFTS[arg], CULTURE)
    if action == "review":
        return cases.record_legal_review(case, "REJECTED" if arg == "transfer" else "APPROVED",
                                         "lawyer", when)
    if action == "decide":
        return decisions.decide(case, crew, when, DRAFTS[arg], CULTURE)
    if action == "serve":
        raised = delivery.attempt_service(case, crew, when, "DECISION", "POST")
        return raised + delivery.record_receipt(case, len(case.service) - 1, when)
    if action == "publish":
        return publication.publish_decision(case, crew, when)
    return cases.close_case(case, crew, when)


ACTIONS = st.tuples(
    st.sampled_from(["investigate", "notify", "submit", "review", "decide", "serve",
                     "publish", "close"] + ["next"] * 6 + ["next_decide"] * 4),
    st.sampled_from(sorted(DRAFTS)), st.sampled_from(["ok"] * 6 + ["alone", "bad"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(ACTIONS, min_size=5, max_size=30), st.booleans())
def test_random_actions_keep_the_invariants(actions, complex):
    case = new_case(complex=complex)
    for step, (action, arg, crew) in enumerate(actions, start=1):
        before, state = case.to_dict(), case.state
        try:
            _run(case, action, arg, TEAMS[crew], at(step))
        except DomainError:
            assert case.to_dict() == before            # refusals change nothing
            continue
        assert case.state == state or case.state in m.TRANSITIONS[state]
        decision = case.decision
        if decision and decision.major:
            # never decided major without an approved legal review
            assert decision.legal_review_approved and case.approved_review is not None
            assert decision.justice_filing_required
        if complex and decision:
            assert decision.major
    assert verify_chain(case.record).intact
