"""A year replayed at a small scale through every service (demo mode), then read back
through the gateway: annualFigures gives exactly the plan's figures, the draw plans list
their draws, the register its activities, and the cross-department draw used the whole
joint roster."""
import datetime as dt

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services import registry
from services.bus.rpc import unwrap
from services.common import clock
from services.common.config import load
from services.demo import year as replay
from services.demo.year_plan import plan_year
from services.runner import declare_topology, nameko_config
from tests.conftest import TEST_SECRET, _free_port

pytestmark = pytest.mark.e2e
YEAR, SCALE = 2023, 0.05
FIGURES = """query($year: Int!) { annualFigures(year: $year, agency: CULTURE) {
  certifiedOfficers newOfficersPassedExams legallyReviewedCases majorCasesFiledWithJustice
  decisionsPublished decisionsPublishedLate firstViolationWaivers administrativeGuidanceCases
  mediationCases typicalCasesPublished inspectionsRecorded inspectionsReported drawBatches
  draws inspectorsDrawn entitiesDrawn crossDepartmentDraws delegatedPowers findings
  jointOperations sanctions { measure count } activities { kind count } } }"""
LISTS = """{ drawPlans(agency: CULTURE, year: 2023) { totalCount edges { node {
    title draws revealedDraws entitiesDrawn inspectorsDrawn } } }
  ruleOfLawActivities(year: 2023, first: 50) { totalCount edges { node { kind quantity
    recordedBy heldOn } } } }"""


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


@pytest.fixture
def demo_stack(rabbit_config, mongo_uri, db_prefix, clean_db, container_factory):
    """Every service and the gateway, in demo mode (the replay clock may be moved)."""
    cfg = load({"JOINTOPS_AMQP_URI": rabbit_config["AMQP_URI"], "JOINTOPS_MONGO_URI": mongo_uri,
                "JOINTOPS_JWT_SECRET": TEST_SECRET, "JOINTOPS_DB_PREFIX": db_prefix,
                "JOINTOPS_RETRY_DELAYS_MS": "50,100", "JOINTOPS_DEMO_MODE": "true"})
    declare_topology(cfg)
    config = nameko_config(cfg)
    for name in registry.SERVICES:
        container_factory(registry.load(registry.SERVICES[name]), config).start()
    from gateway.service import GatewayService

    port = _free_port()
    container_factory(GatewayService, dict(config, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}")
                      ).start()
    yield config, f"http://127.0.0.1:{port}/graphql"
    clock._set_offset(dt.timedelta(0))  # whatever happened, later tests get real time


@pytest.mark.timeout(400)
def test_a_small_year_gives_exactly_the_planned_figures(demo_stack, token):
    import httpx

    config, url = demo_stack
    plan = plan_year(YEAR, SCALE)
    with ClusterRpcProxy(config, timeout=60) as rpc:
        replay.fit_to(plan, replay.figures(rpc, YEAR, "CULTURE"))
        run = replay.Replay(rpc, plan)
        run.run()
        joint = unwrap(rpc.draws.get_draws([run.ids["joint_draw"]]))[0]
    assert abs(clock.offset().total_seconds()) < 1  # the clocks are set back

    def gql(query, role, year=YEAR):
        variables = {"year": year} if "$year" in query else {}
        reply = httpx.post(url, json={"query": query, "variables": variables},
                           headers={"Authorization": f"Bearer {token(role)}"}, timeout=30)
        assert reply.status_code == 200 and not reply.json().get("errors"), reply.text
        return reply.json()["data"]

    got = gql(FIGURES, "cross_agency")["annualFigures"]
    assert {k: got[camel(k)] for k in plan.figures} == plan.figures
    # 权力下放: the 5 powers each delegated to 5 township bodies count 5, not 25; 法制审核:
    # each penalty case once, however many stages it was reviewed at
    assert got["delegatedPowers"] == 5
    assert got["legallyReviewedCases"] == plan.figures["legally_reviewed_cases"]
    assert {a["kind"]: a["count"] for a in got["activities"] if a["count"]} == {
        kind: n for _, kind, _, n in plan.activities}
    assert all(s["count"] == 0 for s in got["sanctions"])
    # the cross-department draw: every joint officer drawn, every planned entity
    assert joint["kind"] == "JOINT_OPERATION" and joint["agencies"] == ["CULTURE", "TRANSPORT"]
    assert joint["entity_count"] == sum(plan.joint_entities.values())
    assert joint["inspector_count"] == plan.joint_culture + plan.joint_transport

    lists = gql(LISTS, "planner")
    plans = [e["node"] for e in lists["drawPlans"]["edges"]]
    assert sorted(p["title"] for p in plans) == sorted(plan.plans)
    assert sum(p["revealedDraws"] for p in plans) == plan.figures["draws"]
    assert sum(p["entitiesDrawn"] for p in plans) == plan.figures["entities_drawn"]
    assert sum(p["inspectorsDrawn"] for p in plans) == plan.figures["inspectors_drawn"]
    activities = lists["ruleOfLawActivities"]
    assert activities["totalCount"] == len(plan.activities)
    assert {a["node"]["recordedBy"] for a in activities["edges"]} == {"demo-year"}
    # the year after holds none of the year's work; its officers are still certified
    after = gql(FIGURES, "planner", YEAR + 1)["annualFigures"]
    assert (after["draws"], after["inspectionsRecorded"], after["newOfficersPassedExams"]) == (
        0, 0, 0)
    assert after["certifiedOfficers"] == plan.figures["certified_officers"]
