"""The operations service through the real broker and database, with the real
certification service: assignment and launch rules, tasks announced at launch, and the
live reaction to a revoked certificate and to inspections done under the operation."""
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.bus.envelope import make
from services.bus.relay import publish_envelopes
from services.certification.service import CertificationService
from services.culture.service import CultureService
from services.operations.documents import OperationDocument
from services.operations.service import OperationsService
from services.transport.service import TransportService
from tests.integration.test_operations_support import (
    PLANNER, certify, certify_many, code, directory, moment, ok, plan_input)
from tests.support import wait_until

pytestmark = pytest.mark.integration


@pytest.fixture
def rpc(container_factory, service_config):
    for cls in (CertificationService, OperationsService, CultureService, TransportService):
        container_factory(cls, service_config).start()
    with ServiceRpcProxy("certification", service_config) as cert, \
            ServiceRpcProxy("operations", service_config) as ops:
        yield cert, ops


@pytest.fixture
def enforcement(rpc, service_config):
    with ServiceRpcProxy("culture", service_config) as culture, \
            ServiceRpcProxy("transport", service_config) as transport:
        yield {"CULTURE": culture, "TRANSPORT": transport}


def targets(agency, ids):
    return [{"agency": agency, "entity_id": i} for i in ids]


def assign(ops, op_id, team, officer, domain):
    return ops.assign_officer({"operation_id": op_id, "team_name": team, "officer_id": officer,
                               "domain": domain}, PLANNER)


def outbox(type_):
    db = OperationDocument._get_db()
    return [d["envelope"]["payload"] for d in db["outbox"].find({"type": type_})]


def team(op, name):
    return [m["officer_id"] for t in op["teams"] if t["name"] == name for m in t["members"]]


def test_assignment_launch_tasks_and_live_removal(rpc, enforcement):
    cert, ops = rpc
    cafe = directory(enforcement["CULTURE"], "INTERNET_CAFE", 1, "C")
    coach = directory(enforcement["TRANSPORT"], "COACH_OPERATOR", 1, "T")
    for i, (oid, agency) in enumerate([("c1", "CULTURE"), ("c2", "CULTURE"),
                                       ("t1", "TRANSPORT"), ("t2", "TRANSPORT")]):
        certify(cert, oid, agency, i)
    certify(cert, "t-exp", "TRANSPORT", 9, valid_days=3)  # expires mid-operation
    op = ok(ops.plan(plan_input(), PLANNER))
    refused = assign(ops, op["operation_id"], "B", "t-exp", "ROAD_TRANSPORT")
    assert code(refused) == "OFFICER_NOT_QUALIFIED"
    assert refused["error"]["details"]["reasons"] == ["CERTIFICATE_EXPIRED"]
    assert code(assign(ops, op["operation_id"], "B", "ghost", "ROAD_TRANSPORT")) == \
        "OFFICER_NOT_QUALIFIED"
    for officer, name, domain in (("c1", "A", "CULTURE_MARKET"), ("t1", "B", "ROAD_TRANSPORT")):
        ok(assign(ops, op["operation_id"], name, officer, domain))
    assert code(assign(ops, op["operation_id"], "A", "t1", "ROAD_TRANSPORT")) == \
        "OFFICER_ALREADY_ASSIGNED"
    refused = ops.add_targets({"operation_id": op["operation_id"],
                               "targets": targets("TRANSPORT", ["no-such-entity"])}, PLANNER)
    assert code(refused) == "NOT_FOUND" and refused["error"]["field"][-1] == "entityId"
    ok(ops.add_targets({"operation_id": op["operation_id"], "targets": targets(
        "CULTURE", cafe) + targets("TRANSPORT", coach)}, PLANNER))
    assert code(ops.launch(op["operation_id"], PLANNER)) == "TEAM_UNDERSTAFFED"
    ok(assign(ops, op["operation_id"], "A", "c2", "CULTURE_MARKET"))
    ok(assign(ops, op["operation_id"], "B", "t2", "ROAD_TRANSPORT"))
    live = ok(ops.launch(op["operation_id"], PLANNER))
    assert live["status"] == "LAUNCHED"
    tasks = {t["entity_id"]: t for t in outbox("operations.inspection_task_assigned.v1")}
    assert tasks[coach[0]]["officer_ids"] == ["t1", "t2"] and tasks[cafe[0]]["team"] == "A"
    assert tasks[cafe[0]]["domain"] == "CULTURE_MARKET"

    ok(cert.revoke_certificate({"officer_id": "t1", "reason": "misconduct"}, None))
    now = wait_until(lambda: "t1" not in team(ok(ops.get_operation(op["operation_id"])), "B")
                     and ok(ops.get_operation(op["operation_id"])), timeout=5)
    assert [(a["kind"], a["officer_id"]) for a in now["alerts"]] == [
        ("MEMBER_DISQUALIFIED", "t1"), ("TEAM_UNDERSTAFFED", None)]
    assert now["alerts"][0]["reasons"] == ["CERTIFICATE_REVOKED"]
    assert [t["understaffed"] for t in now["teams"]] == [[], ["ROAD_TRANSPORT"]]


def test_an_accountability_sanction_takes_the_officer_off_through_certification(
        rpc, container_factory, service_config):
    """accountability.sanction_imposed -> certification -> qualification_changed -> here."""
    from services.accountability.service import AccountabilityService

    container_factory(AccountabilityService, service_config).start()
    cert, ops = rpc
    for i, oid in enumerate(("t1", "t2", "t3")):
        certify(cert, oid, "TRANSPORT", i)
    op_id = ok(ops.plan(plan_input(), PLANNER))["operation_id"]
    for oid in ("t1", "t2", "t3"):
        ok(assign(ops, op_id, "B", oid, "ROAD_TRANSPORT"))
    ok(ops.launch(op_id, PLANNER))
    legal = {"sub": "legal-1", "roles": ["accountability_officer"], "agency": None}
    with ServiceRpcProxy("accountability", service_config) as acc:
        finding = ok(acc.record_finding({"officer_id": "t2", "description": "forged record",
                                         "source": "CASE_REVIEW"}, legal))
        ok(acc.impose_sanction({"finding_id": finding["finding_id"],
                                "measure": "QUALIFICATION_REVOKED"}, legal))
    op = wait_until(lambda: (lambda o: "t2" not in team(o, "B") and o)(
        ok(ops.get_operation(op_id))), timeout=5)
    assert team(op, "B") == ["t1", "t3"] and op["teams"][0]["understaffed"] == []
    assert [a["kind"] for a in op["alerts"]] == ["MEMBER_DISQUALIFIED"]


def test_inspections_under_the_operation_mark_tasks_once(rpc, enforcement, service_config):
    cert, ops = rpc
    coaches = directory(enforcement["TRANSPORT"], "COACH_OPERATOR", 3, "T")
    for i, oid in enumerate(("t1", "t2")):
        certify(cert, oid, "TRANSPORT", i)
    op_id = ok(ops.plan(plan_input(), PLANNER))["operation_id"]
    for oid in ("t1", "t2"):
        ok(assign(ops, op_id, "B", oid, "ROAD_TRANSPORT"))
    ok(ops.add_targets({"operation_id": op_id, "targets": targets("TRANSPORT", coaches)},
                       PLANNER))
    ok(ops.launch(op_id, PLANNER))

    def inspection(iid, entity, task_id, violation):
        return make("enforcement.inspection_recorded.v1", {
            "inspection_id": iid, "agency": "TRANSPORT", "domain": "ROAD_TRANSPORT",
            "entity_id": entity, "officer_ids": ["t1", "t2"], "performed_at": moment(0),
            "operation_id": op_id, "task_id": task_id, "findings_count": int(violation),
            "violation_found": violation}, producer="transport")
    by_entity = {t["entity_id"]: t["task_id"] for t in ok(ops.get_operation(op_id))["tasks"]}
    first = inspection("i-1", coaches[0], by_entity[coaches[0]], True)
    # the same event twice, one naming no task (matched by entity), one for no operation task
    publish_envelopes(service_config["AMQP_URI"], [
        first, first, inspection("i-2", coaches[1], None, False),
        inspection("i-3", "elsewhere", None, False)])
    progress = wait_until(lambda: (lambda p: p["total"]["done"] == 2 and p)(
        ok(ops.progress(op_id))))
    assert progress["total"] == {"planned": 3, "done": 2, "with_findings": 1}
    assert progress["by_agency"]["TRANSPORT"]["with_findings"] == 1


def test_busy_officer_and_concurrent_assignments(rpc):
    cert, ops = rpc
    ids = [f"c{i}" for i in range(6)]
    for i, oid in enumerate(ids):
        certify(cert, oid, "CULTURE", i)
    first = ok(ops.plan(plan_input("Summer coaches", 1, 5), PLANNER))["operation_id"]
    second = ok(ops.plan(plan_input("Overlapping", 4, 9), PLANNER))["operation_id"]
    # Six planners at once on one operation: the losers of each race retry, none is lost.
    pending = [ops.assign_officer.call_async({"operation_id": first, "team_name": "A",
                                              "officer_id": oid, "domain": "CULTURE_MARKET"},
                                             PLANNER) for oid in ids]
    replies = [p.result() for p in pending]
    assert all("ok" in r for r in replies), replies
    assert sorted(team(ok(ops.get_operation(first)), "A")) == ids
    moved = ok(ops.move_member({"operation_id": first, "officer_id": "c5", "team_name": "B"},
                               PLANNER))
    assert team(moved, "B") == ["c5"]
    removed = ok(ops.remove_member({"operation_id": first, "officer_id": "c5"}, PLANNER))
    assert [t["name"] for t in removed["teams"]] == ["A"]  # an empty team with no tasks goes
    ok(ops.launch(first, PLANNER))
    assert code(assign(ops, second, "A", "c0", "CULTURE_MARKET")) == "OFFICER_BUSY"
    assert code(ops.launch(first, PLANNER)) == "INVALID_TRANSITION"
    assert ok(ops.list_operations({"officer_id": "c3"}, {"first": 10}))["total"] == 1
    assert code(ops.remove_member({"operation_id": second, "officer_id": "c0"},
                                  PLANNER)) == "NOT_FOUND"
    culture_only = ok(ops.plan({**plan_input("Venues"), "agencies": ["CULTURE"]}, PLANNER))
    transport_planner = {**PLANNER, "agency": "TRANSPORT"}
    assert code(ops.cancel(culture_only["operation_id"], "no", transport_planner)) == "FORBIDDEN"
    assert code(ops.plan({**plan_input(), "agencies": ["CULTURE"]}, transport_planner)) == \
        "FORBIDDEN"
    for garbage in (("x", {}), ({}, {"offset": "a"}), ({}, {"first": 1000}), ({}, [])):
        assert code(ops.list_operations(*garbage)) == "INVALID_INPUT"


def test_two_overlapping_operations_launched_at_once_never_share_an_officer(rpc):
    """The busy check reads other operations before the write; two launches racing for
    one officer both pass it, so the officer's guard record decides: one launches, the
    other re-reads and is refused with OFFICER_BUSY."""
    cert, ops = rpc
    pairs = []
    for n in range(4):
        shared, partners = f"race{n}", [f"race{n}a", f"race{n}b"]  # a team needs two
        certify_many(cert, [shared, *partners], "CULTURE", 40 + 3 * n)
        pair = [ok(ops.plan(plan_input(f"Race {n}{side}", 1, 5), PLANNER))["operation_id"]
                for side in "ab"]
        for op_id, partner in zip(pair, partners):
            ok(assign(ops, op_id, "A", shared, "CULTURE_MARKET"))
            ok(assign(ops, op_id, "A", partner, "CULTURE_MARKET"))
        pairs.append(pair)
    pending = [ops.launch.call_async(op_id, PLANNER) for pair in pairs for op_id in pair]
    replies = [p.result() for p in pending]
    for n in range(4):
        outcomes = sorted("ok" if "ok" in r else r["error"]["code"]
                          for r in replies[2 * n:2 * n + 2])
        assert outcomes == ["OFFICER_BUSY", "ok"], (n, replies)
