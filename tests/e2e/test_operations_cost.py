"""What a big operation costs to read: 10 teams of 10 officers, each with officer details
and qualification, in a bounded number of service calls (extensions.serviceCalls)."""
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from tests.integration.test_operations_support import PLANNER, certify_many, ok, plan_input

pytestmark = pytest.mark.e2e
TEAMS, PER_TEAM = 10, 10
QUERY = """query($id: ID!) { jointOperation(id: $id) { teams { name members { domain
  officer { id name certificate { number validUntil } } qualification { qualified reasons } } } } }"""


@pytest.fixture
def big_operation(start_services, service_config):
    start_services("certification", "operations")
    with ServiceRpcProxy("certification", service_config) as cert, \
            ServiceRpcProxy("operations", service_config) as ops:
        op_id = ok(ops.plan(plan_input("Summer tourist-coach market"), PLANNER))["operation_id"]
        certify_many(cert, [f"o{n}" for n in range(TEAMS * PER_TEAM)], "CULTURE")
        for n in range(TEAMS * PER_TEAM):
            ok(ops.assign_officer({"operation_id": op_id, "team_name": f"Team {n // PER_TEAM}",
                                   "officer_id": f"o{n}", "domain": "CULTURE_MARKET"}, PLANNER))
    return op_id


def test_ten_teams_of_ten_with_qualifications_cost_three_service_calls(big_operation, gql):
    body = gql(QUERY, {"id": big_operation})
    assert "errors" not in body, body
    teams = body["data"]["jointOperation"]["teams"]
    assert [len(t["members"]) for t in teams] == [PER_TEAM] * TEAMS
    assert all(m["qualification"]["qualified"] and m["officer"]["certificate"]
               for t in teams for m in t["members"])
    # get_operation + one get_officers + one check_qualifications, whatever the team sizes
    assert body["extensions"]["serviceCalls"] == 3
