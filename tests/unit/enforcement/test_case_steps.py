"""The table of case steps: every action a filed case takes is listed once, each step
names what it needs, and exactly three are done by one person (no acting team)."""
import pytest

from services.enforcement.case_steps import PROVIDED, STEPS, Step

ACTIONS = ["start_investigation", "notify_rights", "submit_for_legal_review",
           "record_legal_review", "record_compulsory_measure", "decide",
           "record_service_consent", "attempt_service", "record_service_receipt",
           "file_with_justice_bureau", "publish_decision", "close"]


def test_the_table_lists_every_action_and_which_need_a_team():
    assert list(STEPS) == ACTIONS
    assert {name for name, step in STEPS.items() if not step.team} == {
        "record_legal_review", "record_service_receipt", "file_with_justice_bureau"}
    for step in STEPS.values():
        assert {"case", "at", "data"} <= step.needs <= PROVIDED


def test_only_the_waiver_checks_and_the_recorded_author_reach_beyond_the_case():
    assert STEPS["decide"].needs >= {"catalogue", "cases"}
    assert STEPS["submit_for_legal_review"].needs >= {"catalogue", "cases", "actor"}
    assert STEPS["record_legal_review"].needs >= {"actor", "caller"}
    assert "cases" not in STEPS["close"].needs


def test_a_step_asking_for_something_not_provided_is_refused_when_the_table_is_built():
    def step(case, at, data, service):
        return []
    with pytest.raises(TypeError, match="service"):
        Step(step)
