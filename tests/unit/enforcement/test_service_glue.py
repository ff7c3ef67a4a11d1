"""The service layer's pure parts: one certification call per team, input checks,
paging, masking, ids; and the event handlers' agency filter (nameko worker_factory)."""
import datetime as dt
from unittest.mock import MagicMock

import pytest
from nameko.exceptions import UnknownService
from nameko.testing.services import worker_factory

from services.bus.client import Clients
from services.common.errors import DomainError
from services.contracts.payloads import receive
from services.culture.service import CultureService
from services.common.paging import Page
from services.enforcement import ids, inputs, paging, qualification, views
from tests.support import fake_clients

AT = dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.timezone.utc)


class FakeCertification:
    def __init__(self, unqualified=()):
        self.calls, self.unqualified = [], set(unqualified)

    def check_qualifications(self, checks):
        self.calls.append(checks)
        return {"ok": [{**c, "qualified": c["officer_id"] not in self.unqualified,
                        "reasons": ["NOT_CERTIFIED"] * (c["officer_id"] in self.unqualified),
                        "certificate_no": None} for c in checks]}


class Conflicts:
    def __init__(self, rows=()):
        self.rows = list(rows)

    def find(self, query):
        return [r for r in self.rows if r["entity_id"] == query["entity_id"]
                and r["officer_id"] in query["officer_id"]["$in"]]


def client(fake):
    return fake_clients({"certification": fake}).certification


def test_a_whole_team_is_checked_in_one_certification_call():
    cert = FakeCertification(unqualified={"o3"})
    team = qualification.assemble(client(cert), Conflicts([{"officer_id": "o2", "entity_id": "e",
                                                   "reason": "shareholder"}]),
                                  ["o1", "o2", "o3", "o1"], "CULTURE_MARKET", AT, "e")
    assert len(cert.calls) == 1
    assert cert.calls[0] == [{"officer_id": o, "domain": "CULTURE_MARKET",
                              "at": "2026-09-01T02:00:00.000000+00:00"}
                             for o in ("o1", "o2", "o3")]
    assert team.officer_ids == ("o1", "o2", "o3") and team.conflicts == {"o2": "shareholder"}
    assert not team.qualifications["o3"]["qualified"]


def test_a_lone_officer_costs_no_call_and_an_absent_service_is_retryable():
    cert = FakeCertification()
    qualification.assemble(client(cert), Conflicts(), ["o1"], "TOURISM", AT, "e")
    assert cert.calls == []
    gone = MagicMock()
    gone.check_qualifications.call_async.side_effect = UnknownService("certification")
    with pytest.raises(DomainError) as err:
        qualification.assemble(Clients({"certification": gone}, {}).certification,
                               Conflicts(), ["o1", "o2"], "TOURISM", AT, "e")
    assert err.value.code == "SERVICE_UNAVAILABLE"


@pytest.mark.parametrize("call", [
    lambda: inputs.moment("2026-09-01T10:00:00"),            # no offset
    lambda: inputs.moment("yesterday"),
    lambda: inputs.draft({"outcome": "PENALTY", "fine": True}),
    lambda: inputs.draft({"outcome": "PENALTY", "fine": 1.5}),
    lambda: inputs.records([{"item": "x", "$where": "1"}], "checklist", ("item", "result")),
    lambda: inputs.officer_ids(["o"] * 21),
    lambda: inputs.officer_ids("o1,o2"),
    lambda: inputs.day("2026-13-01", "from"),
    lambda: Page.parse({"offset": -1}),
    lambda: Page.parse({"first": 101}),
    lambda: paging.equal({"state": {"$ne": 1}}, {"state": "state"}),
])
def test_bad_input_is_refused_with_invalid_input(call):
    with pytest.raises(DomainError) as err:
        call()
    assert err.value.code == "INVALID_INPUT"


def test_anchored_prefix_and_open_periods():
    assert paging.prefix("name", "Star (1)") == {"name": {"$regex": r"^Star\ \(1\)"}}
    assert paging.period("filed_at", None, None) == {}


def test_personal_data_shown_only_to_the_holding_agencys_staff():
    raw = {"_id": "e1", "agency": "TRANSPORT", "natural_person": True, "name": "张三",
           "id_number": "320102199003071234", "registration_no": "DRV-0001", "version": 3}
    own = {"roles": ["enforcement_officer"], "agency": "TRANSPORT"}
    for viewer in (None, {"roles": ["planner"], "agency": "TRANSPORT"},
                   {"roles": ["enforcement_officer"], "agency": "CULTURE"}):
        masked = views.entity(raw, viewer)
        assert masked["name"] == "张*" and masked["id_number"] == "320102********1234"
    shown = views.entity(raw, own)
    assert shown["name"] == "张三" and shown["id"] == "e1" and "version" not in shown


def test_ids_carry_their_agency_and_kind():
    case_id = ids.new_id("TRANSPORT", ids.CASE)
    assert ids.agency_of(case_id) == "TRANSPORT" and ids.kind_of(case_id) == ids.CASE
    assert ids.kind_of(ids.new_id("CULTURE", ids.INSPECTION)) == ids.INSPECTION
    assert ids.agency_of("ent_abc") is None and ids.kind_of(None) is None


@pytest.mark.parametrize("handler, event_type, payload", [
    ("on_task_assigned", "operations.inspection_task_assigned.v1", {
        "operation_id": "op1", "task_id": "t1", "agency": "TRANSPORT", "entity_id": "bus-co",
        "domain": "ROAD_TRANSPORT", "team": "A", "officer_ids": ["o1", "o2"]}),
])
def test_handlers_leave_the_other_agencys_events_alone(handler, event_type, payload):
    service = worker_factory(CultureService)
    getattr(service, handler)(receive({
        "event_id": "e", "type": event_type, "occurred_at": "2026-03-01T02:00:00+00:00",
        "producer": "operations", "correlation_id": "c", "causation_id": None, "actor": None,
        "payload": payload}))
    service.store.transaction.assert_not_called()
