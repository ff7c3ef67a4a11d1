"""The service's pure helpers: directory targets, which task an inspection did, and the
window an officer must be qualified over."""
import datetime as dt

import pytest

from services.common.errors import DomainError
from services.contracts.payloads import InspectionRecorded
from services.operations.commands import directory_targets, plan
from services.operations.domain import Target, add_targets
from services.operations.reactions import _task_for
from services.operations.repository import remaining_window

from .conftest import END, START, staffed
from tests.support import fake_clients

from .gateway_fakes import Fake


def directories(log):
    entries = {"cafe": {"id": "cafe", "agency": "CULTURE", "category": "INTERNET_CAFE",
                        "domain": "CULTURE_MARKET"},
               "coach": {"id": "coach", "agency": "TRANSPORT", "category": "COACH_OPERATOR",
                         "domain": "ROAD_TRANSPORT"}}
    lookup = lambda ids, viewer: [entries.get(i) for i in ids]  # noqa: E731
    clients = fake_clients({"culture": Fake(log, get_entities=lookup),
                            "transport": Fake(log, get_entities=lookup)})
    return {"CULTURE": clients.culture, "TRANSPORT": clients.transport}


def test_targets_come_from_the_directories_one_lookup_per_agency():
    log = []
    refs = [{"agency": "TRANSPORT", "entity_id": "coach"}, {"agency": "CULTURE", "entity_id": "cafe"},
            {"agency": "CULTURE", "entity_id": "cafe", "domain": "TOURISM"}]
    targets = directory_targets(directories(log), refs)
    assert [(t.entity_id, t.category, t.domain) for t in targets] == [
        ("coach", "COACH_OPERATOR", "ROAD_TRANSPORT"), ("cafe", "INTERNET_CAFE", "CULTURE_MARKET"),
        ("cafe", "INTERNET_CAFE", "TOURISM")]
    assert [(m, a[0]) for m, a, _ in log] == [("get_entities", ["coach"]),
                                             ("get_entities", ["cafe", "cafe"])]


@pytest.mark.parametrize("refs, code, field", [
    ([{"agency": "CULTURE", "entity_id": "cafe"}, {"agency": "CULTURE", "entity_id": "nope"}],
     "NOT_FOUND", ["input", "targets", "1", "entityId"]),
    ([{"agency": "POLICE", "entity_id": "x"}], "INVALID_INPUT", ["input", "targets"]),
])
def test_unknown_entities_and_agencies_are_refused(refs, code, field):
    with pytest.raises(DomainError) as err:
        directory_targets(directories([]), refs)
    assert (err.value.code, err.value.field) == (code, field)


def test_an_inspection_names_its_task_or_is_matched_by_entity():
    op = staffed()
    op, _ = add_targets(op, [Target.of("TRANSPORT", "coach", "TOURIST_COACH")])
    payload = {"inspection_id": "i1", "agency": "TRANSPORT", "domain": "ROAD_TRANSPORT",
               "entity_id": "coach", "officer_ids": ["o1", "o2"],
               "performed_at": START.isoformat(), "operation_id": "op1", "task_id": None,
               "findings_count": 0, "violation_found": False}
    assert _task_for(op, InspectionRecorded(**payload)) == op.tasks[0].task_id
    assert _task_for(op, InspectionRecorded(**{**payload, "task_id": "named"})) == "named"
    assert _task_for(op, InspectionRecorded(**{**payload, "agency": "CULTURE"})) is None


def test_remaining_window():
    op = staffed()
    before, during = START - dt.timedelta(days=1), START + dt.timedelta(days=2)
    assert remaining_window(op, before) == {"start": START.isoformat(), "end": END.isoformat()}
    assert remaining_window(op, during)["start"] == during.isoformat()
    assert remaining_window(op, END)["start"] == START.isoformat()


@pytest.mark.parametrize("data, field", [
    ("not an object", ["input"]),
    ({"name": "x", "agencies": 5, "starts_at": START.isoformat(), "ends_at": END.isoformat()},
     ["input", "agencies"]),
    ({"name": "x", "agencies": ["CULTURE"], "starts_at": "soon", "ends_at": END.isoformat()},
     ["input", "startsAt"]),
])
def test_garbage_plan_input_is_refused_before_anything_is_stored(data, field):
    with pytest.raises(DomainError) as err:
        plan(store=None, data=data, actor=None)
    assert err.value.code == "INVALID_INPUT" and err.value.field == field


@pytest.mark.parametrize("refs", ["x", [{"agency": ["CULTURE"], "entity_id": "cafe"}], [None]])
def test_garbage_target_refs_are_invalid_input(refs):
    with pytest.raises(DomainError) as err:
        directory_targets(directories([]), refs)
    assert err.value.code == "INVALID_INPUT"
