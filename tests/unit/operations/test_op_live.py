import pytest
from hypothesis import given, settings, strategies as st

from services.common.errors import DomainError
from services.operations.domain import (
    JointOperation, Target, add_targets, launch_operation, on_qualification_lost, progress,
    record_inspection)

from .conftest import ALL_OK, END, NOW, staffed

REASONS = ["CERTIFICATE_SUSPENDED"]


def launched():
    op, _ = add_targets(staffed(), [Target.of("CULTURE", "cafe", "INTERNET_CAFE"),
                                    Target.of("TRANSPORT", "coach-1", "TOURIST_COACH"),
                                    Target.of("TRANSPORT", "coach-2", "TOURIST_COACH")])
    return launch_operation(op, ALL_OK, NOW)[0]


def test_qualification_lost_takes_member_off_and_alerts_once(valid_events):
    op, events = on_qualification_lost(launched(), "t1", END, REASONS)
    assert op.member("t1") is None and op.team("B").understaffed == ["ROAD_TRANSPORT"]
    assert [t for t, _ in valid_events(events)] == [
        "operations.member_removed.v1", "operations.alert_raised.v1", "operations.alert_raised.v1"]
    assert [(a.kind, a.officer_id, a.reasons) for a in op.alerts] == [
        ("MEMBER_DISQUALIFIED", "t1", REASONS), ("TEAM_UNDERSTAFFED", None, [])]
    assert all(t.officer_ids == ["t2"] for t in op.tasks if t.team == "B")
    again, more = on_qualification_lost(op, "t1", END, REASONS)
    assert more == [] and again == op
    # The second loss in the same domain: no new TEAM_UNDERSTAFFED alert.
    op, events = on_qualification_lost(op, "t2", END, REASONS)
    assert [p["kind"] for t, p in events if t.endswith("alert_raised.v1")] == ["MEMBER_DISQUALIFIED"]
    assert JointOperation.from_dict(op.to_dict()) == op


def test_qualification_lost_outside_launch_changes_nothing():
    draft = staffed()
    assert on_qualification_lost(draft, "t1", END, REASONS) == (draft, [])


def test_record_inspection_and_progress():
    op = launched()
    tasks = {t.entity_id: t.task_id for t in op.tasks}
    op, _ = record_inspection(op, tasks["coach-1"], "i1", True)
    op, _ = record_inspection(op, tasks["cafe"], "i2", False)
    same, _ = record_inspection(op, tasks["cafe"], "i2", False)
    assert same == op
    figures = progress(op)
    assert figures["total"] == {"planned": 3, "done": 2, "with_findings": 1}
    assert figures["by_team"]["B"] == {"planned": 2, "done": 1, "with_findings": 1}
    assert figures["by_agency"]["CULTURE"] == {"planned": 1, "done": 1, "with_findings": 0}
    for call, code in ((lambda: record_inspection(op, tasks["cafe"], "i9", True), "TASK_ALREADY_DONE"),
                       (lambda: record_inspection(op, "nope", "i9", True), "NOT_FOUND"),
                       (lambda: record_inspection(staffed(), "x", "i9", True), "INVALID_TRANSITION")):
        with pytest.raises(DomainError) as err:
            call()
        assert err.value.code == code


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["c1", "c2", "t1", "t2", "x9"]), max_size=8))
def test_repeated_losses_change_nothing_more(officers):
    once = twice = launched()
    for officer in officers:
        once, _ = on_qualification_lost(once, officer, END, REASONS)
        twice, _ = on_qualification_lost(twice, officer, END, REASONS)
        twice, again = on_qualification_lost(twice, officer, END, REASONS)
        assert again == []
    assert once == twice
    lost = set(officers) - {"x9"}
    assert sum(a.kind == "MEMBER_DISQUALIFIED" for a in once.alerts) == len(lost)
