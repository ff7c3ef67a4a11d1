import datetime as dt

import pytest

from services.common.errors import DomainError
from services.operations.domain import (
    Target, add_targets, assign_officer, launch_operation, move_officer, remove_officer)

from .conftest import ALL_OK, END, NOW, OK, START, planned, staffed

NO = {"qualified": False, "reasons": ["CERTIFICATE_EXPIRED", "OFF_POST_TRAINING"]}


def test_assign_creates_team_and_raises_event(valid_events):
    op, events = assign_officer(planned(), "North", "c1", "CULTURE", "TOURISM", OK)
    assert [t.name for t in op.teams] == ["North"]
    assert valid_events(events) == [("operations.officer_assigned.v1", {
        "operation_id": "op1", "team": "North", "officer_id": "c1", "agency": "CULTURE",
        "domain": "TOURISM"})]


def _code(call):
    with pytest.raises(DomainError) as err:
        call()
    return err.value


def test_assign_refusals():
    op = staffed()
    err = _code(lambda: assign_officer(op, "A", "c9", "CULTURE", "TOURISM", NO))
    assert err.code == "OFFICER_NOT_QUALIFIED"
    assert err.details["reasons"] == NO["reasons"] and "CERTIFICATE_EXPIRED" in err.message
    culture_only = planned(agencies=("CULTURE",))
    assert _code(lambda: assign_officer(culture_only, "A", "t9", "TRANSPORT", "ROAD_TRANSPORT",
                                        OK)).code == "AGENCY_NOT_PARTICIPATING"
    err = _code(lambda: assign_officer(op, "B", "c1", "CULTURE", "CULTURE_MARKET", OK))
    assert err.code == "OFFICER_ALREADY_ASSIGNED" and err.details == {"team": "A"}
    assert _code(lambda: assign_officer(op, "A", "c9", "CULTURE", "OPERA", OK)).code == "INVALID_INPUT"
    assert _code(lambda: assign_officer(op, " ", "c9", "CULTURE", "TOURISM", OK)).code == "INVALID_INPUT"


@pytest.mark.parametrize("shift_days, busy", [(0, True), (6, True), (7, False), (-7, False)])
def test_officer_busy_only_in_overlapping_launched_operations(shift_days, busy):
    other, _ = launch_operation(staffed(), ALL_OK, NOW)
    shift = dt.timedelta(days=shift_days)
    mine = planned("op2", start=START + shift, end=END + shift)
    call = lambda others: assign_officer(mine, "X", "c1", "CULTURE", "CULTURE_MARKET", OK, others)
    if busy:
        assert _code(lambda: call([other])).code == "OFFICER_BUSY"
        call([staffed()])  # a DRAFT elsewhere does not hold the officer
    else:
        call([other])


def test_remove_and_move(valid_events):
    op = staffed()
    op, events = move_officer(op, "c2", "C", NOW)
    assert [len(t.members) for t in op.teams] == [1, 2, 1]
    assert [t for t, _ in valid_events(events)] == ["operations.member_removed.v1",
                                                    "operations.officer_assigned.v1"]
    assert events[0][1]["reason"] == "MOVED"
    op, events = remove_officer(op, "c1", NOW)
    assert valid_events(events)[0][1]["reason"] == "REMOVED" and op.member("c1") is None
    assert _code(lambda: remove_officer(op, "c1", NOW)).code == "NOT_FOUND"
    assert _code(lambda: move_officer(op, "t1", "B", NOW)).code == "INVALID_INPUT"


def test_removal_while_launched_flags_the_team(valid_events):
    op, _ = launch_operation(staffed(), ALL_OK, NOW)
    op, events = remove_officer(op, "t2", END)
    assert op.team("B").understaffed == ["ROAD_TRANSPORT"]
    assert [p["kind"] for t, p in valid_events(events) if t == "operations.alert_raised.v1"] == [
        "TEAM_UNDERSTAFFED"]
    op, events = assign_officer(op, "B", "t3", "TRANSPORT", "ROAD_TRANSPORT", OK, now=END)
    assert op.team("B").understaffed == [] and valid_events(events)
    with pytest.raises(ValueError):
        assign_officer(op, "B", "t4", "TRANSPORT", "ROAD_TRANSPORT", OK)


def test_a_team_left_empty_goes_unless_it_has_tasks():
    op = staffed()
    for officer in ("c1", "c2"):
        op, _ = remove_officer(op, officer, NOW)
    assert [t.name for t in op.teams] == ["B"]
    op, _ = add_targets(staffed(), [Target.of("CULTURE", "cafe", "INTERNET_CAFE")], team="A")
    for officer in ("c1", "c2"):
        op, _ = remove_officer(op, officer, NOW)
    assert [t.name for t in op.teams] == ["A", "B"]  # its task still needs a team
    assert _code(lambda: launch_operation(op, ALL_OK, NOW)).code == "TEAM_UNDERSTAFFED"
