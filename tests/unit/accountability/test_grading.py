"""The grading table at its edges: each threshold reached and just missed, a table
configured otherwise, and the written reason a departure from the proposal needs."""
import pytest

from services.accountability.domain import impose_sanction, record_finding
from services.accountability.domain.grading import (DEFAULT_TABLE, GradingTable,
                                                    check_departure, grades)
from services.common.errors import DomainError

from .conftest import NOW


@pytest.mark.parametrize("fault,harm,gravity,score,measure", [
    ("NEGLIGENCE", "NONE", "MINOR", 0, "CRITICISM_EDUCATION"),        # the lightest
    ("INTENT", "NONE", "MINOR", 1, "CRITICISM_EDUCATION"),            # one below training
    ("NEGLIGENCE", "MINOR", "ORDINARY", 2, "OFF_POST_TRAINING"),      # training's edge
    ("NEGLIGENCE", "SERIOUS", "MINOR", 2, "OFF_POST_TRAINING"),
    ("INTENT", "MINOR", "ORDINARY", 3, "REMOVAL_FROM_POST"),          # removal's edge
    ("NEGLIGENCE", "SERIOUS", "SERIOUS", 4, "REMOVAL_FROM_POST"),     # one below revocation
    ("INTENT", "SERIOUS", "SERIOUS", 5, "QUALIFICATION_REVOKED"),     # the heaviest
])
def test_the_default_table_at_each_threshold(fault, harm, gravity, score, measure):
    assert DEFAULT_TABLE.score(fault, harm, gravity) == score
    assert DEFAULT_TABLE.propose(fault, harm, gravity) == measure


def test_a_configured_table_moves_the_edges():
    strict = GradingTable(thresholds=(("CRITICISM_EDUCATION", 0), ("OFF_POST_TRAINING", 1),
                                      ("QUALIFICATION_REVOKED", 4)))
    assert strict.propose("INTENT", "NONE", "MINOR") == "OFF_POST_TRAINING"
    assert strict.propose("NEGLIGENCE", "SERIOUS", "ORDINARY") == "OFF_POST_TRAINING"
    assert strict.propose("NEGLIGENCE", "SERIOUS", "SERIOUS") == "QUALIFICATION_REVOKED"
    with pytest.raises(ValueError):   # measures out of order, or no measure for score 0
        GradingTable(thresholds=(("OFF_POST_TRAINING", 0), ("CRITICISM_EDUCATION", 2)))
    with pytest.raises(ValueError):
        GradingTable(thresholds=(("CRITICISM_EDUCATION", 1),))


def test_grades_are_all_three_or_none():
    assert grades({}) == {}
    assert grades({"fault_form": "INTENT", "harm": "NONE", "gravity": "MINOR"}) == {
        "fault_form": "INTENT", "harm": "NONE", "gravity": "MINOR"}
    for partial in ({"fault_form": "INTENT"}, {"fault_form": "INTENT", "harm": "NONE",
                                               "gravity": "HUGE"}):
        with pytest.raises(DomainError) as err:
            grades(partial)
        assert err.value.code == "INVALID_INPUT"


def test_another_measure_needs_a_written_reason():
    assert check_departure(None, "REMOVAL_FROM_POST", None) is None       # ungraded
    assert check_departure("OFF_POST_TRAINING", "OFF_POST_TRAINING", "  ") is None
    for blank in (None, "", "   "):
        with pytest.raises(DomainError) as err:
            check_departure("OFF_POST_TRAINING", "REMOVAL_FROM_POST", blank)
        assert err.value.code == "SANCTION_REASON_REQUIRED"
        assert err.value.field == ["input", "reason"]
    assert check_departure("OFF_POST_TRAINING", "CRITICISM_EDUCATION",
                           " 主动认错并已挽回损失 ") == "主动认错并已挽回损失"


def test_a_graded_finding_proposes_and_the_sanction_keeps_the_reason():
    finding, events = record_finding("f1", "o1", "abused discretion", "AUDIT", NOW, graded={
        "fault_form": "INTENT", "harm": "MINOR", "gravity": "ORDINARY"})
    assert finding.proposed_measure == "REMOVAL_FROM_POST"
    assert "proposed_measure" not in events[0][1] and "fault_form" not in events[0][1]
    with pytest.raises(DomainError) as err:
        impose_sanction("s1", "f1", "OFF_POST_TRAINING", {"f1": finding}, NOW)
    assert err.value.code == "SANCTION_REASON_REQUIRED"
    sanction, _ = impose_sanction("s1", "f1", "OFF_POST_TRAINING", {"f1": finding}, NOW,
                                  reason="first offence, harm repaired")
    assert (sanction.proposed_measure, sanction.departure_reason) == (
        "REMOVAL_FROM_POST", "first offence, harm repaired")
    same, _ = impose_sanction("s2", "f1", "REMOVAL_FROM_POST", {"f1": finding}, NOW)
    assert same.departure_reason is None
