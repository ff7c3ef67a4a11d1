"""Draws through the real broker and database, with the real certification, culture,
transport and operations services: commit -> reveal (inputs frozen from the other
services) -> verifiable published document -> inspection results -> publication; the
refusals, the overdue sweep and a joint operation's mixed draw; published results reach
the national culture-market supervision platform (a loopback receiver) once."""
import json
from dataclasses import replace

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services import registry
from services.draws import demo
from services.draws.documents import AssignmentDoc
from services.draws.domain.verify import verify_document
from tests.integration.cert_support import certify, day, moment, ok, refused, valid_id
from tests.platform_receiver import PlatformReceiver
from tests.support import wait_until

pytestmark = pytest.mark.integration
PLANNER = {"sub": "planner-1", "roles": ["planner"], "agency": "CULTURE"}
RATES = {"LOW": "0.3", "MEDIUM": "0.6", "HIGH": "1"}


def officers(rpc, agency, domain, n, prefix):
    return [certify(rpc.certification, f"{agency} officer {i}", agency,
                    valid_id(f"{prefix}{i:03d}"), [domain])["id"] for i in range(n)]


def culture_directory(rpc, n=24):
    """n culture-market venues (one FLAGGED) and two scenic spots (TOURISM: other domain)."""
    rows = [{"registration_no": f"CM{i:04d}", "name": f"Venue {i}", "licence": f"L{i}",
             "category": "INTERNET_CAFE" if i % 2 else "ENTERTAINMENT_VENUE",
             "risk_level": "FLAGGED" if i == 0 else ("LOW", "MEDIUM", "HIGH")[i % 3]}
            for i in range(n)]
    rows += [{"registration_no": f"SS{i}", "name": f"Spot {i}", "category": "SCENIC_SPOT"}
             for i in range(2)]
    return ok(rpc.culture.import_entities(rows))["entity_ids"]


def seed(rpc, n_officers=8):
    """(culture officer ids, culture-market entity ids, the flagged entity's id)."""
    ids = culture_directory(rpc)
    return officers(rpc, "CULTURE", "CULTURE_MARKET", n_officers, "11010519800101"), ids[:-2], ids[0]


def batch(rpc, key, **over):
    data = {"key": key, "title": f"batch {key}", "agency": "CULTURE",
            "domains": ["CULTURE_MARKET"], "inspection_date": day(0),
            "rules": {"tier_rates": RATES}, **over}
    return ok(rpc.draws.create_draw(data, PLANNER))


def revealed(rpc, key, **over):
    draw = batch(rpc, key, **over)
    ok(rpc.draws.commit_draw(draw["id"], PLANNER))
    return ok(rpc.draws.reveal_draw(draw["id"], PLANNER))


def outbox(event_type):
    return [d["envelope"]["payload"] for d in AssignmentDoc._get_db()["outbox"].find(
        {"type": event_type}).sort("_id", 1)]


@pytest.fixture
def platform():
    receiver = PlatformReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def rpc(container_factory, service_config, platform):
    cfg = replace(service_config["JOINTOPS"], platforms={
        "CULTURE_MARKET_SUPERVISION": {"url": platform.url, "token": "tok-culture"}})
    config = dict(service_config, JOINTOPS=cfg)
    for name in ("certification", "culture", "transport", "operations", "draws", "delivery"):
        container_factory(registry.load(registry.SERVICES[name]), config).start()
    with ClusterRpcProxy(config) as proxy:
        yield proxy


def test_commit_reveal_publishes_a_verifiable_draw_and_its_inspection_results(rpc, platform):
    staff, entities, flagged = seed(rpc)
    ok(rpc.culture.declare_conflict({"officer_id": staff[0], "entity_id": flagged,
                                     "reason": "brother-in-law runs it"}))
    draw = batch(rpc, "k1")
    assert batch(rpc, "k1")["id"] == draw["id"]  # the key makes creation idempotent
    committed = ok(rpc.draws.commit_draw(draw["id"], PLANNER))
    assert committed["seed"] is None and len(committed["seed_commitment"]) == 64
    assert outbox("draws.draw_committed.v1")[0]["seed_commitment"] == committed["seed_commitment"]
    assert ok(rpc.draws.published_draw(draw["id"])) is None  # nothing public before the reveal

    done = ok(rpc.draws.reveal_draw(draw["id"], PLANNER))
    assert done["status"] == "REVEALED" and done["seed"]
    page = ok(rpc.draws.published_draw(draw["id"]))
    document = json.loads(page["document"])
    assert verify_document(document) == [] and document["seed"] == done["seed"]
    assert ok(rpc.draws.verify_draw(draw["id"])) == {"draw_id": draw["id"], "verified": True,
                                                     "differences": []}
    assert set(document["roster"]["inspector_id"]) == set(staff)
    assert set(document["directory"]["entity_id"]) == set(entities)  # scenic spots left out
    assert document["roster"]["recusals"] == [[staff[0], flagged, "conflict"]]
    rows = {a["entity_id"]: a["inspectors"] for a in document["result"]["assignments"]}
    assert staff[0] not in rows[flagged] and len(set(rows[flagged])) == 2  # flagged: 100%
    assert all(len(set(i)) == 2 for i in rows.values())
    assert outbox("draws.draw_revealed.v1")[0]["result_hash"] == page["result_hash"]
    first = ok(rpc.draws.list_assignments(draw["id"], {"first": 5}))
    assert first["total"] == done["entity_count"] == len(rows) and len(first["items"]) == 5
    assert refused(rpc.draws.reveal_draw(draw["id"], PLANNER)) == "INVALID_TRANSITION"

    ok(rpc.culture.record_inspection({"entity_id": flagged, "officer_ids": rows[flagged]}))
    wait_until(lambda: AssignmentDoc.objects(id=f"{draw['id']}:{flagged}").first().inspection_id)
    published = ok(rpc.draws.publish_results(draw["id"], PLANNER))
    assert published["status"] == "RESULTS_PUBLISHED" and not published["results_overdue"]
    results = json.loads(ok(rpc.draws.published_draw(draw["id"]))["results"])
    assert [c["entity_id"] for c in results["checks"]] == [flagged]
    assert len(results["not_inspected"]) == len(rows) - 1
    assert outbox("draws.results_published.v1")[0]["checks_published"] == 1
    # the published results go to the national culture-market supervision platform, once
    sent = wait_until(lambda: platform.records(), timeout=20)
    assert [(r["draw_id"], r["checks_published"]) for r in sent] == [(draw["id"], 1)]
    assert sent[0]["entity_count"] == done["entity_count"]
    assert platform.requests[0][0]["authorization"] == "Bearer tok-culture"


def test_refusals_change_nothing_and_the_overdue_sweep_raises_once(rpc):
    seed(rpc, n_officers=3)
    draw = batch(rpc, "big", rules={"tier_rates": RATES, "min_inspectors": 4})
    assert refused(rpc.draws.reveal_draw(draw["id"], PLANNER)) == "INVALID_TRANSITION"
    transport = {**PLANNER, "agency": "TRANSPORT"}
    assert refused(rpc.draws.commit_draw(draw["id"], transport)) == "FORBIDDEN"
    ok(rpc.draws.commit_draw(draw["id"], PLANNER))
    reply = rpc.draws.reveal_draw(draw["id"], PLANNER)
    assert refused(reply) == "DRAW_INFEASIBLE"
    assert "agency CULTURE: only 3 inspectors, 4 needed" in reply["error"]["message"]
    assert ok(rpc.draws.get_draws([draw["id"]]))[0]["status"] == "COMMITTED"
    assert AssignmentDoc.objects(draw_id=draw["id"]).count() == 0
    assert refused(rpc.draws.create_draw({"title": "x", "agency": "CULTURE", "domains": [
        "CULTURE_MARKET"], "inspection_date": day(0), "rules": {"tier_rates": {"LOW": "1"}}},
        PLANNER)) == "RULES_INCOMPLETE"

    late = revealed(rpc, "late", inspection_date=day(-25), results_due_workdays=1)
    assert late["results_overdue"] and late["results_due"] < day(0)
    assert ok(rpc.draws.sweep_overdue()) == [late["id"]]
    assert ok(rpc.draws.sweep_overdue()) == []
    assert [p["draw_id"] for p in outbox("draws.results_publication_overdue.v1")] == [late["id"]]
    ok(rpc.draws.publish_results(late["id"], PLANNER))  # late, but raised already: not again
    assert len(outbox("draws.results_publication_overdue.v1")) == 1


def test_a_joint_operation_draw_mixes_agencies_with_one_own_inspector_per_entity(rpc):
    culture_staff, entities, _ = seed(rpc, n_officers=4)
    transport_staff = officers(rpc, "TRANSPORT", "ROAD_TRANSPORT", 4, "32010619850303")
    vehicles = ok(rpc.transport.import_entities([
        {"registration_no": f"V{i}", "name": f"Coach {i}", "category": "VEHICLE",
         "plate": f"苏A1234{i}", "seats": "45", "licence": f"T{i}", "risk_level": "HIGH"}
        for i in range(6)]))["entity_ids"]
    op = ok(rpc.operations.plan({"name": "Summer coach action", "agencies": ["CULTURE",
                                 "TRANSPORT"], "starts_at": moment(1), "ends_at": moment(5)},
                                PLANNER))
    draw = ok(rpc.draws.create_draw({"title": "joint", "operation_id": op["operation_id"],
                                     "domains": ["CULTURE_MARKET", "ROAD_TRANSPORT"],
                                     "rules": {"tier_rates": RATES}}, PLANNER))
    assert draw["kind"] == "JOINT_OPERATION" and draw["rules"]["joint"]
    assert (draw["inspection_date"], draw["inspections_end"]) == (day(1), day(5))
    ok(rpc.draws.commit_draw(draw["id"], PLANNER))
    ok(rpc.draws.reveal_draw(draw["id"], PLANNER))
    document = json.loads(ok(rpc.draws.published_draw(draw["id"]))["document"])
    assert verify_document(document) == []
    agency = dict(zip(document["roster"]["inspector_id"], document["roster"]["agency"]))
    own = {e: a for e, a in zip(document["directory"]["entity_id"],
                                document["directory"]["agency"])}
    assert set(own) == set(entities) | set(vehicles)
    for row in document["result"]["assignments"]:
        assert any(agency[i] == own[row["entity_id"]] for i in row["inspectors"])
    assert set(agency) == set(culture_staff) | set(transport_staff)
    assert ok(rpc.draws.draw_targets(draw["id"]))[0]["inspector_ids"]


def test_demo_loads_one_revealed_culture_batch_once(rpc):
    assert demo.load(rpc).startswith("skipped: 0 culture entities")
    seed(rpc)
    first = demo.load(rpc)
    # the seeded officers hold only CULTURE_MARKET, so the scenic spots stay out; with
    # fewer than 60 entities the rate is 1
    assert " REVEALED: 24 entities, 8 inspectors" in first
    assert demo.load(rpc) == first
    assert ok(rpc.draws.list_draws({"kind": "AGENCY_BATCH"}))["total"] == 1
