"""Culture and transport services on the real broker and database, with the real
certification service: directory import, inspections (qualification, recusal, joint
operation tasks), the overdue sweep, and the case record against tampering."""
import pytest

from services.bus.envelope import make
from services.bus.relay import publish_envelopes
from tests.integration.test_enforcement_support import (  # noqa: F401  (fixtures)
    CULTURE, OFFICER, ago, cafe_row, coach_row, config, driver_row, outbox, receiver, rpc)
from tests.integration.test_operations_support import code, ok
from tests.support import wait_until

pytestmark = pytest.mark.integration


def test_directory_import_merges_by_registration_number_and_reports_bad_rows(rpc):
    rows = [cafe_row(), cafe_row(name="Star Net Cafe (new sign)", line=7),
            {**cafe_row("BAD-1"), "category": "CASINO"}, {**cafe_row("BAD-2"), "licence": ""}]
    first = ok(rpc.culture.import_entities(rows, OFFICER))
    assert (first["created"], first["merged"], first["unchanged"]) == (1, 0, 0)
    assert [(e["line"], e["code"], e["field"]) for e in first["errors"]] == [
        (4, "UNKNOWN_CATEGORY", "category"), (5, "INVALID_INPUT", "licence")]
    again = ok(rpc.culture.import_entities(rows[:2], OFFICER))
    assert (again["created"], again["merged"], again["unchanged"]) == (0, 0, 1)
    risky = ok(rpc.culture.import_entities([cafe_row(risk_level="HIGH")], OFFICER))
    assert risky["merged"] == 1
    listed = ok(rpc.culture.list_entities({"category": "INTERNET_CAFE"}, {"first": 10}))
    assert listed["total"] == 1 and listed["items"][0]["name"] == "Star Net Cafe"
    assert listed["items"][0]["risk_level"] == "HIGH"
    assert [p["merged"] for p in outbox(CULTURE, "enforcement.entity_registered.v1")] == [
        False, True]
    ok(rpc.transport.import_entities([driver_row(), coach_row()], OFFICER))
    snapshot = ok(rpc.transport.directory_snapshot(["ROAD_TRANSPORT"]))
    assert sorted(snapshot["category"]) == ["COACH_OPERATOR", "DRIVER"]
    driver = ok(rpc.transport.list_entities({"category": "DRIVER"}))["items"][0]
    assert driver["name"] == "张*" and "*" in driver["id_number"]      # masked by default
    viewer = {"roles": ["enforcement_officer"], "agency": "TRANSPORT"}
    assert ok(rpc.transport.get_entities([driver["id"]], viewer))[0]["name"] == "张三"


def test_inspection_needs_two_qualified_officers_without_conflicts(rpc):
    entity_id = ok(rpc.culture.import_entities([cafe_row()]))["entity_ids"][0]
    base = {"entity_id": entity_id, "checklist": [{"item": "ID check", "result": "FAIL"}],
            "findings": [{"description": "no ID check", "violation_code": "NETCAFE_NO_ID_CHECK"}],
            "evidence": ["photo-1.jpg"]}
    assert code(rpc.culture.record_inspection({**base, "officer_ids": ["cu-1"]})) == \
        "TOO_FEW_OFFICERS"
    refusal = rpc.culture.record_inspection({**base, "officer_ids": ["cu-1", "nobody"]})
    assert refusal["error"]["code"] == "OFFICER_NOT_QUALIFIED"
    assert "UNKNOWN_OFFICER" in refusal["error"]["message"]
    ok(rpc.culture.declare_conflict({"officer_id": "cu-2", "entity_id": entity_id,
                                     "reason": "brother-in-law owns it"}, OFFICER))
    assert code(rpc.culture.record_inspection({**base, "officer_ids": ["cu-1", "cu-2"]})) == \
        "CONFLICT_OF_INTEREST"
    assert CULTURE.Inspection._get_collection().count_documents({}) == 0
    done = ok(rpc.culture.record_inspection({**base, "officer_ids": ["cu-1", "cu-3"],
                                             "performed_at": ago(0.1)}, OFFICER))
    assert done["kind"] == "AD_HOC" and done["officer_ids"] == ["cu-1", "cu-3"]
    (event,) = outbox(CULTURE, "enforcement.inspection_recorded.v1")
    assert event["violation_found"] and event["operation_id"] is None
    entity = ok(rpc.culture.get_entities([entity_id]))[0]
    assert entity["inspections"] == 1 and entity["last_inspected_at"]
    assert {(r["officer_id"], r["reason"]) for r in ok(rpc.culture.recusals())} == {
        ("cu-2", "conflict"), ("cu-1", "last_inspected"), ("cu-3", "last_inspected")}


def test_operation_task_becomes_a_planned_inspection_linked_to_the_operation(rpc, config):
    culture_id, other_id = ok(rpc.culture.import_entities(
        [cafe_row(), cafe_row("91320100MA1OTHER0X")]))["entity_ids"]
    coach_id = ok(rpc.transport.import_entities([coach_row()]))["entity_ids"][0]
    tasks = [make("operations.inspection_task_assigned.v1", {
        "operation_id": "op-1", "task_id": f"t-{agency}", "agency": agency, "entity_id": eid,
        "domain": domain, "team": "A", "officer_ids": officers}, producer="operations")
        for agency, eid, domain, officers in (
            ("CULTURE", culture_id, "CULTURE_MARKET", ["cu-1", "cu-3"]),
            ("TRANSPORT", coach_id, "ROAD_TRANSPORT", ["tr-1", "tr-2"]))]
    publish_envelopes(config["AMQP_URI"], tasks + tasks[:1])       # one redelivered
    wait_until(lambda: ok(rpc.transport.list_tasks({"operation_id": "op-1"}))["total"])
    culture_tasks = wait_until(lambda: ok(rpc.culture.list_tasks({"status": "OPEN"}))["items"])
    assert [t["id"] for t in culture_tasks] == ["t-CULTURE"]          # its own agency only
    assert code(rpc.culture.record_inspection({"entity_id": other_id, "task_id": "t-CULTURE",
                                               "officer_ids": ["cu-1", "cu-3"]})) == \
        "TASK_MISMATCH"
    done = ok(rpc.culture.record_inspection({"entity_id": culture_id, "task_id": "t-CULTURE",
                                             "officer_ids": ["cu-1", "cu-3"]}, OFFICER))
    assert (done["kind"], done["operation_id"], done["task_id"]) == ("PLANNED", "op-1",
                                                                      "t-CULTURE")
    (event,) = outbox(CULTURE, "enforcement.inspection_recorded.v1")
    assert (event["operation_id"], event["task_id"]) == ("op-1", "t-CULTURE")
    assert code(rpc.culture.record_inspection({"entity_id": culture_id, "task_id": "t-CULTURE",
                                               "officer_ids": ["cu-1", "cu-3"]})) == \
        "TASK_ALREADY_DONE"
    summary = ok(rpc.culture.operation_summary("op-1"))
    assert [i["task_id"] for i in summary["inspections"]] == ["t-CULTURE"]
    assert code(rpc.culture.file_case({"entity_id": other_id, "inspection_id": done["id"],
                                       "officer_ids": ["cu-1", "cu-3"]})) == \
        "INSPECTION_MISMATCH"
    case = ok(rpc.culture.file_case({"entity_id": culture_id, "inspection_id": done["id"],
                                     "officer_ids": ["cu-1", "cu-3"]}, OFFICER))
    assert case["operation_id"] == "op-1"          # the inspection's operation, by default
    assert ok(rpc.culture.operation_summary("op-1"))["cases"][0]["officer_ids"] == [
        "cu-1", "cu-3"]


def test_overdue_decision_is_announced_once_by_the_sweep(rpc):
    entity_id = ok(rpc.culture.import_entities([cafe_row()]))["entity_ids"][0]
    late = ok(rpc.culture.file_case({"entity_id": entity_id, "officer_ids": ["cu-1", "cu-3"],
                                     "filed_at": ago(100)}, OFFICER))
    ok(rpc.culture.file_case({"entity_id": entity_id, "officer_ids": ["cu-1", "cu-3"]}))
    wait_until(lambda: outbox(CULTURE, "enforcement.deadline_overdue.v1"))
    assert ok(rpc.culture.sweep()) == 0                   # announced already: nothing new
    assert outbox(CULTURE, "enforcement.deadline_overdue.v1") == [
        {"case_id": late["id"], "agency": "CULTURE", "kind": "DECISION",
         "due": late["decision_due"]}]
    assert [(i["case_id"], i["kind"]) for i in ok(rpc.culture.overdue())] == [
        (late["id"], "DECISION")]
    assert ok(rpc.culture.get_case(late["id"]))["overdue"] == ["DECISION"]
