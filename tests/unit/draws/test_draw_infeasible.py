"""Infeasible rule sets are refused with DRAW_INFEASIBLE naming the constraint."""
import pytest

from services.common.errors import DomainError
from services.draws.domain import DirectorySnapshot, RosterSnapshot, RuleSet, run_draw


def _directory(n, agency="culture"):
    ids = [f"E{i:03d}" for i in range(n)]
    return DirectorySnapshot.from_columns(ids, [agency] * n, ["cafe"] * n, ["HIGH"] * n,
                                          [False] * n)


def _refusal(directory, roster, rules) -> str:
    with pytest.raises(DomainError) as info:
        run_draw(directory, roster, rules, "seed")
    assert info.value.code == "DRAW_INFEASIBLE"
    return info.value.message


def test_cap_too_low_names_the_arithmetic():
    roster = RosterSnapshot.build([f"I{i:02d}" for i in range(40)], ["culture"] * 40)
    rules = RuleSet.build({"HIGH": "1"}, max_checks_per_inspector=5)
    assert "cap 5 x 40 inspectors < 2 x 120 checks" in _refusal(_directory(120), roster, rules)


def test_joint_cap_counts_all_inspectors():
    roster = RosterSnapshot.build([f"I{i:02d}" for i in range(40)], ["culture", "transport"] * 20)
    rules = RuleSet.build({"HIGH": "1"}, max_checks_per_inspector=5, joint=True)
    assert "cap 5 x 40 inspectors < 2 x 120 checks" in _refusal(_directory(120), roster, rules)


def test_recusal_leaving_one_inspector_names_the_entity():
    roster = RosterSnapshot.build(["I1", "I2", "I3"], ["culture"] * 3,
                                  [("I1", "E002", "conflict"), ("I2", "E002", "last_inspected")])
    message = _refusal(_directory(5), roster, RuleSet.build({"HIGH": "1"}))
    assert "entity E002: only 1 eligible inspector(s)" in message


def test_too_few_inspectors_of_the_agency():
    roster = RosterSnapshot.build(["I1", "I2", "I3"], ["culture", "transport", "transport"])
    message = _refusal(_directory(3), roster, RuleSet.build({"HIGH": "1"}))
    assert "agency culture: only 1 inspectors, 2 needed per entity" in message


def test_agency_without_inspectors():
    roster = RosterSnapshot.build(["I1", "I2"], ["culture"] * 2)
    rules = RuleSet.build({"HIGH": "1"}, joint=True)
    message = _refusal(_directory(4, "transport"), roster, rules)
    assert "agency transport: no inspectors for 4 drawn entities" in message


def test_joint_entity_needs_one_own_agency_inspector_after_recusal():
    roster = RosterSnapshot.build(["I1", "I2", "I3"], ["culture", "transport", "transport"],
                                  [("I1", "E001", "conflict")])
    message = _refusal(_directory(3), roster, RuleSet.build({"HIGH": "1"}, joint=True))
    assert "entity E001: only 0 eligible inspector(s) of agency culture" in message


def test_missing_tier_rate_is_invalid_input():
    roster = RosterSnapshot.build(["I1", "I2"], ["culture"] * 2)
    with pytest.raises(DomainError) as info:
        run_draw(_directory(3), roster, RuleSet.build({"LOW": "0.1"}), "s")
    assert info.value.code == "INVALID_INPUT" and "HIGH" in info.value.message
