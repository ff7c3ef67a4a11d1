"""Who did what, through the real gateway, broker and databases: the actor of each role's
mutation is on the stored record, on the event's envelope and in the audit trail; the
effect of a sanction in certification keeps the legal officer as its actor; only legal
staff read the trail; a tampered or deleted entry fails the trail's check."""
import httpx
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.accountability.documents import FindingDoc
from services.audit.documents import AuditEntryDoc
from services.certification.documents import OfficerDocument
from services.operations.documents import OperationDocument
from tests.integration.cert_support import ID_CU, moment, valid_id
from tests.integration.test_enforcement_support import certify
from tests.support import wait_until

pytestmark = pytest.mark.e2e
ADMIN = dict(sub="admin-wang", roles=("certification_admin",), agency="CULTURE")
LEGAL = dict(sub="legal-zhao", roles=("accountability_officer",))
PLANNER = dict(sub="planner-li", roles=("planner",))
OFFICER = dict(sub="officer-chen", roles=("enforcement_officer",), agency="CULTURE")
ACTOR = "actor { subject roles agency }"
TRAIL = ("query($s: ID, $a: String) { auditTrail(subjectId: $s, actorSubject: $a, first: 100)"
         " { totalCount edges { node { eventType subjectIds correlationId eventId at "
         + ACTOR + " } } } }")


@pytest.fixture
def as_(gateway_url, token):
    def post(who, query, variables=None):
        headers = {"Authorization": "Bearer " + token(*who["roles"], agency=who.get("agency"),
                                                      sub=who["sub"])}
        body = httpx.post(gateway_url, json={"query": query, "variables": variables or {}},
                          headers=headers, timeout=30).json()
        assert "Traceback" not in str(body)
        return body
    return post


@pytest.fixture
def stack(start_services, service_config):
    start_services("certification", "accountability", "operations", "culture", "audit")
    with ClusterRpcProxy(service_config) as rpc:
        for seq, oid in enumerate(("c1", "c2")):
            certify(rpc.certification, oid, "CULTURE", seq)
    return service_config


def mutate(as_, who, name, input_type, data, selection):
    body = as_(who, f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {selection} "
                    "errors { code message } } }", {"i": data})
    assert "errors" not in body, body
    assert body["data"][name]["errors"] == [], body
    return body["data"][name]


def trail(as_, subject_id=None, actor=None):
    body = as_(LEGAL, TRAIL, {"s": subject_id, "a": actor})
    assert "errors" not in body, body
    return [e["node"] for e in body["data"]["auditTrail"]["edges"]]


def as_actor(who):
    return {"subject": who["sub"], "roles": list(who["roles"]), "agency": who.get("agency")}


def envelopes(doc_cls, **match):
    query = {f"envelope.payload.{k}": v for k, v in match.items()}
    return [d["envelope"] for d in doc_cls._get_db()["outbox"].find(query)]


def audited(as_, subject_id, event_type, who):
    return wait_until(lambda: [e for e in trail(as_, subject_id) if e["eventType"] == event_type
                               and e["actor"] == as_actor(who)], timeout=15)


def test_each_role_s_mutation_names_its_actor_on_the_record_the_event_and_the_trail(
        stack, as_):
    # certification_admin: the officer's history entry, the envelope, the trail
    officer = mutate(as_, ADMIN, "registerOfficer", "RegisterOfficerInput",
                     {"name": "王芳", "agency": "CULTURE", "idNumber": ID_CU},
                     "officer { id }")["officer"]
    history = as_(ADMIN, "query($id: ID!) { officerHistory(officerId: $id) { entries { kind "
                         + ACTOR + " } } }", {"id": officer["id"]})
    assert history["data"]["officerHistory"]["entries"][0]["actor"] == as_actor(ADMIN)
    stored = OfficerDocument.objects(id=officer["id"]).first()
    assert stored.to_mongo()["history"][0]["actor"]["subject"] == "admin-wang"
    [registered] = envelopes(OfficerDocument, officer_id=officer["id"])
    assert registered["actor"] == as_actor(ADMIN)
    audited(as_, officer["id"], "certification.officer_registered.v1", ADMIN)

    # planner: the operation's last writer, the envelope, the trail
    planned = mutate(as_, PLANNER, "planJointOperation", "PlanJointOperationInput", {
        "name": "国庆文旅市场联合检查", "agencies": ["CULTURE", "TRANSPORT"],
        "startsAt": moment(1), "endsAt": moment(5), "legalBasis": "信文旅〔2026〕7号"},
        "operation { id }")["operation"]
    op = OperationDocument.objects(id=planned["id"]).first()
    assert op.changed_by == as_actor(PLANNER)
    assert envelopes(OperationDocument, operation_id=planned["id"])[0]["actor"] == \
        as_actor(PLANNER)
    audited(as_, planned["id"], "operations.operation_planned.v1", PLANNER)

    # enforcement_officer: the inspection names its recorder (and its record's first step)
    entity = mutate(as_, OFFICER, "registerEnforcementEntity", "EntityInput", {
        "agency": "CULTURE", "registrationNo": "91411500MA1CAFE01X", "category":
        "INTERNET_CAFE", "name": "星际网吧", "licence": "NC-001"}, "entity { id }")["entity"]
    inspection = mutate(as_, OFFICER, "recordInspection", "RecordInspectionInput", {
        "agency": "CULTURE", "entityId": entity["id"], "officerIds": ["c1", "c2"]},
        "inspection { id recordedBy recordedByActor { subject roles agency } record { "
        + ACTOR + " } }")["inspection"]
    assert inspection["recordedByActor"] == as_actor(OFFICER)
    assert inspection["record"][0]["actor"] == as_actor(OFFICER)
    audited(as_, inspection["id"], "enforcement.inspection_recorded.v1", OFFICER)

    # accountability_officer: finding and sanction; certification's reaction keeps the actor
    finding = mutate(as_, LEGAL, "recordFinding", "FindingInput",
                     {"officerId": "c1", "description": "未出示执法证件"},
                     "finding { id recordedBy { subject roles agency } }")["finding"]
    assert finding["recordedBy"] == as_actor(LEGAL)
    assert FindingDoc.objects(id=finding["id"]).first().recorded_by == as_actor(LEGAL)
    sanction = mutate(as_, LEGAL, "imposeSanction", "SanctionInput",
                      {"findingId": finding["id"], "measure": "OFF_POST_TRAINING"},
                      "sanction { id imposedBy { subject } liftedBy { subject } }")["sanction"]
    assert sanction["imposedBy"]["subject"] == "legal-zhao" and sanction["liftedBy"] is None
    [imposed] = envelopes(FindingDoc, sanction_id=sanction["id"])
    assert imposed["actor"] == as_actor(LEGAL)
    # handled from the sanction's event: certification's change is the legal officer's
    reaction = audited(as_, "c1", "certification.qualification_changed.v1", LEGAL)
    assert reaction[0]["correlationId"] == imposed["correlation_id"]
    lifted = mutate(as_, dict(ADMIN, sub="admin-liu"), "completeTraining",
                    "OfficerStepInput", {"officerId": "c1"},
                    "sanctions { liftedBy { subject roles } }")["sanctions"]
    assert lifted == [{"liftedBy": {"subject": "admin-liu", "roles": ["certification_admin"]}}]

    # the trail by actor, newest first, and whole
    mine = trail(as_, actor="legal-zhao")
    assert {e["eventType"] for e in mine} >= {"accountability.finding_recorded.v1",
                                             "accountability.sanction_imposed.v1"}
    assert mine[0]["at"] >= mine[-1]["at"]
    check = as_(LEGAL, "{ auditTrailCheck { id intact entries reason } }")
    assert check["data"]["auditTrailCheck"]["intact"] is True, check


def test_cross_agency_and_planners_may_not_read_the_trail_and_cross_agency_cannot_act(
        stack, as_):
    cross = dict(sub="police-sys", roles=("cross_agency",))
    for who in (PLANNER, cross, OFFICER, ADMIN):
        body = as_(who, "{ auditTrail { totalCount } auditTrailCheck { intact } }")
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == \
            "FORBIDDEN", body
    refused = as_(cross, "mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) "
                         "{ officer { id } } }",
                  {"i": {"name": "x", "agency": "CULTURE", "idNumber": ID_CU}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert trail(as_, actor="police-sys") == []


def test_a_tampered_or_deleted_entry_fails_the_trail_check(stack, as_):
    for n, name in enumerate(("甲", "乙", "丙")):
        mutate(as_, ADMIN, "registerOfficer", "RegisterOfficerInput",
               {"name": name, "agency": "CULTURE",
                "idNumber": valid_id(f"41150219800101{n:03d}")}, "officer { id }")
    entries = wait_until(lambda: (lambda n: n if len(n) >= 3 else None)(
        list(AuditEntryDoc.objects(actor__subject="admin-wang").order_by("seq"))))

    def check():
        return as_(LEGAL, "{ auditTrailCheck { id intact index reason entries } }")[
            "data"]["auditTrailCheck"]
    assert check()["intact"] is True
    coll = AuditEntryDoc._get_collection()
    victim = entries[1]
    coll.update_one({"_id": victim.id}, {"$set": {"actor.subject": "someone-else"}})
    broken = check()
    assert broken == {"id": "audit", "intact": False, "index": victim.seq,
                      "reason": "HASH_MISMATCH", "entries": broken["entries"]}
    coll.update_one({"_id": victim.id}, {"$set": {"actor.subject": "admin-wang"}})
    assert check()["intact"] is True
    coll.delete_one({"_id": victim.id})
    assert check()["reason"] in ("BROKEN_LINK", "BAD_SEQUENCE")


def test_records_kept_before_actors_answer_system_unrecorded(stack, as_):
    finding = mutate(as_, LEGAL, "recordFinding", "FindingInput",
                     {"officerId": "c2", "description": "旧记录"}, "finding { id }")["finding"]
    FindingDoc._get_collection().update_one({"_id": finding["id"]},
                                            {"$unset": {"recorded_by": ""}})
    body = as_(LEGAL, "query($id: ID!) { officerAccountabilityRecord(officerId: $id) { "
                      "findings { edges { node { recordedBy { subject roles agency } } } } } }",
               {"id": "c2"})
    assert "errors" not in body, body
    [old] = body["data"]["officerAccountabilityRecord"]["findings"]["edges"]
    assert old["node"]["recordedBy"] == {"subject": "system:unrecorded", "roles": [],
                                         "agency": None}
