import datetime as dt

import pytest

from services.common.errors import DomainError
from services.operations.domain import (
    JointOperation, Target, add_targets, assign_officer, cancel_operation, complete_operation,
    launch_operation, plan_operation)

from .conftest import ALL_OK, END, NOW, OK, START, planned, staffed


def test_plan_raises_planned_event_and_round_trips(valid_events):
    op, events = plan_operation("op1", "Summer coaches", "Plan 7", "TRANSPORT",
                                ["TRANSPORT", "CULTURE"], START, END, NOW)
    assert op.status == "DRAFT" and valid_events(events)[0][0] == "operations.operation_planned.v1"
    assert JointOperation.from_dict(op.to_dict()) == op


@pytest.mark.parametrize("kwargs, field", [
    ({"starts_at": END, "ends_at": START}, "endsAt"),
    ({"starts_at": START, "ends_at": START}, "endsAt"),
    ({"agencies": []}, "agencies"),
    ({"agencies": ["POLICE"]}, "agencies"),
    ({"lead_agency": "TRANSPORT", "agencies": ["CULTURE"]}, "leadAgency"),
    ({"name": " "}, "name"),
])
def test_plan_refusals(kwargs, field):
    args = {"operation_id": "op1", "name": "x", "legal_basis": "p", "lead_agency": "CULTURE",
            "agencies": ["CULTURE"], "starts_at": START, "ends_at": END, "now": NOW, **kwargs}
    with pytest.raises(DomainError) as err:
        plan_operation(**args)
    assert err.value.code == "INVALID_INPUT" and err.value.field[-1] == field


def test_launch_raises_launched_and_one_event_per_task(valid_events):
    op, _ = add_targets(staffed(), [Target.of("CULTURE", "cafe-1", "INTERNET_CAFE"),
                                    Target.of("TRANSPORT", "coach-9", "TOURIST_COACH")])
    op, events = launch_operation(op, ALL_OK, NOW)
    assert op.status == "LAUNCHED"
    types = [t for t, _ in valid_events(events)]
    assert types == ["operations.operation_launched.v1"] + ["operations.inspection_task_assigned.v1"] * 2
    task = {p["entity_id"]: p for _, p in events[1:]}
    assert task["coach-9"]["team"] == "B" and task["coach-9"]["officer_ids"] == ["t1", "t2"]


def test_launch_refused_without_teams_or_two_qualified_per_domain():
    with pytest.raises(DomainError) as err:
        launch_operation(planned(), {}, NOW)
    assert err.value.code == "TEAM_UNDERSTAFFED"
    with pytest.raises(DomainError) as err:
        launch_operation(staffed(), {**ALL_OK, "t2": {"qualified": False, "reasons": ["X"]}}, NOW)
    assert err.value.code == "TEAM_UNDERSTAFFED"
    assert err.value.details == {"team": "B", "domain": "ROAD_TRANSPORT"}
    # A task in a domain nobody on the team covers is understaffed too.
    op, _ = add_targets(staffed(), [Target.of("CULTURE", "spot", "SCENIC_SPOT")], team="B")
    with pytest.raises(DomainError) as err:
        launch_operation(op, ALL_OK, NOW)
    assert err.value.details == {"team": "B", "domain": "TOURISM"}


def test_launch_refused_when_member_busy_elsewhere():
    other, _ = launch_operation(staffed(), ALL_OK, NOW)
    mine = planned("op2", start=START + dt.timedelta(days=3), end=END + dt.timedelta(days=3))
    for officer in ("t1", "t3"):  # t1 assigned while op1 was still a draft elsewhere
        mine, _ = assign_officer(mine, "B", officer, "TRANSPORT", "ROAD_TRANSPORT", OK)
    with pytest.raises(DomainError) as err:
        launch_operation(mine, ALL_OK, NOW, other_operations=[other])
    assert err.value.code == "OFFICER_BUSY"


def test_transitions(valid_events):
    draft = staffed()
    with pytest.raises(DomainError) as err:
        complete_operation(draft, NOW)
    assert err.value.code == "INVALID_TRANSITION" and "DRAFT" in err.value.message
    live, _ = launch_operation(draft, ALL_OK, NOW)
    with pytest.raises(DomainError) as err:
        launch_operation(live, ALL_OK, NOW)
    assert err.value.code == "INVALID_TRANSITION" and "LAUNCHED" in err.value.message
    done, events = complete_operation(live, END)
    assert done.status == "COMPLETED" and valid_events(events)[0][1]["tasks_planned"] == 0
    for closed in (done, cancel_operation(draft, NOW)[0]):
        with pytest.raises(DomainError) as err:
            cancel_operation(closed, NOW)
        assert err.value.code == "INVALID_TRANSITION" and closed.status in err.value.message
        with pytest.raises(DomainError):
            assign_officer(closed, "A", "c3", "CULTURE", "CULTURE_MARKET", OK)
    cancelled, events = cancel_operation(live, NOW, "typhoon")
    assert cancelled.status == "CANCELLED"
    assert valid_events(events)[0][1]["previous_status"] == "LAUNCHED"
    assert live.status == "LAUNCHED"  # inputs are never changed
