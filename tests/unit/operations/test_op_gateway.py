"""The operations GraphQL module: bounded service calls, per-role access, refusals as
payload errors, paging."""
import pytest

from services.common.errors import DomainError
from services.common.paging import Page, of_list

from .gateway_fakes import codes, operation, run

MEMBERS = """query($id: ID!) { jointOperation(id: $id) { id teams { name members {
  domain officer { id name } qualification { qualified reasons at } } } } }"""


def test_ten_teams_of_ten_cost_three_calls_in_all():
    result, calls, log = run(MEMBERS, variables={"id": "JO-1"},
                             operations={"get_operation": operation(teams=10, members=10)})
    assert result.errors is None
    teams = result.data["jointOperation"]["teams"]
    assert len(teams) == 10 and all(len(t["members"]) == 10 for t in teams)
    assert calls == ["get_operation", "get_officers", "check_qualifications"]
    assert len(log[1][1][0]) == 100 and len(log[2][1][0]) == 100


def test_a_page_of_operations_still_costs_one_call_per_kind():
    page = of_list([operation(f"JO-{i}", 3, 4) for i in range(7)], Page(first=5))
    query = """{ jointOperations(first: 5) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { teams { members { officer { name } qualification { qualified } } } } } } }"""
    result, calls, log = run(query, operations={"list_operations": page})
    assert result.errors is None and calls == ["list_operations", "get_officers", "check_qualifications"]
    assert result.data["jointOperations"]["pageInfo"]["hasNextPage"] is True
    assert len(log[1][1][0]) == 60


def test_cross_agency_reads_published_results_only():
    query = "query($id: ID!) { jointOperation(id: $id) { name status } }"
    result, _, _ = run(query, roles=("cross_agency",), variables={"id": "JO-1"},
                       operations={"get_operation": operation(status="LAUNCHED")})
    assert codes(result) == ["FORBIDDEN"]
    done = operation(status="COMPLETED")
    result, _, _ = run(MEMBERS, roles=("cross_agency",), variables={"id": "JO-1"},
                       operations={"get_operation": done})
    assert "FORBIDDEN" in codes(result)  # officer details are not theirs to read
    result, calls, _ = run("""query($id: ID!) { jointOperation(id: $id) { teams { members {
        qualification { qualified } } } } }""", roles=("cross_agency",),
                           variables={"id": "JO-1"}, operations={"get_operation": done})
    assert result.errors is None and calls == ["get_operation", "check_qualifications"]
    _, _, log = run("{ jointOperations { totalCount } }", roles=("cross_agency",),
                    operations={"list_operations": of_list([], Page())})
    assert log[0][1][0]["status"] == "COMPLETED"


@pytest.mark.parametrize("roles", [("enforcement_officer",), ("cross_agency",)])
def test_only_planners_plan(roles):
    result, calls, _ = run('mutation { launchJointOperation(id: "JO-1") { errors { code } } }',
                           roles=roles, operations={})
    assert codes(result) == ["FORBIDDEN"] and calls == []


def test_refusals_are_payload_errors_and_other_agencies_are_forbidden():
    mutation = """mutation($i: AssignOfficerInput!) { assignOfficer(input: $i) {
      operation { id } errors { code message field } } }"""
    variables = {"i": {"operationId": "JO-1", "teamName": "A", "officerId": "x",
                       "domain": "TOURISM"}}
    refusal = DomainError("OFFICER_NOT_QUALIFIED", "x is not qualified: CERTIFICATE_EXPIRED",
                          ["input", "officerId"], reasons=["CERTIFICATE_EXPIRED"])
    result, _, log = run(mutation, variables=variables, agency="CULTURE",
                         operations={"assign_officer": refusal})
    assert result.data["assignOfficer"] == {"operation": None, "errors": [{
        "code": "OFFICER_NOT_QUALIFIED", "message": refusal.message,
        "field": ["input", "officerId"]}]}
    assert log[0][1][0]["domain"] == "TOURISM" and log[0][2]["actor"]["agency"] == "CULTURE"
    result, _, _ = run(mutation, variables=variables, operations={
        "assign_officer": DomainError("FORBIDDEN", "not your agency's operation")})
    assert codes(result) == ["FORBIDDEN"] and result.data is None


def test_plan_input_reaches_the_service_as_json():
    mutation = """mutation { planJointOperation(input: {name: "Summer coaches",
      agencies: [TRANSPORT, CULTURE], startsAt: "2026-07-01T00:00:00+08:00",
      endsAt: "2026-08-31T00:00:00+08:00", areas: ["Old town"]}) {
      operation { id startsAt leadAgency } errors { code } } }"""
    result, _, log = run(mutation, operations={"plan": operation()})
    assert result.errors is None and result.data["planJointOperation"]["errors"] == []
    assert log[0][1][0] == {"name": "Summer coaches", "agencies": ["TRANSPORT", "CULTURE"],
                            "starts_at": "2026-06-30T16:00:00+00:00",
                            "ends_at": "2026-08-30T16:00:00+00:00", "areas": ["Old town"]}


def test_paging_through_tasks_and_bad_arguments():
    op = operation()
    op["tasks"] = [{"task_id": f"T{i}", "team": "T0", "agency": "CULTURE", "entity_id": f"e{i}",
                    "domain": "CULTURE_MARKET", "category": "INTERNET_CAFE", "officer_ids": [],
                    "inspection_id": "i" if i == 1 else None, "violation_found": None}
                   for i in range(5)]
    query = """query($after: String, $first: Int) { jointOperation(id: "JO-1") {
      tasks(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id done } } } } }"""
    first, _, _ = run(query, variables={"first": 2}, operations={"get_operation": op})
    tasks = first.data["jointOperation"]["tasks"]
    assert [e["node"] for e in tasks["edges"]] == [{"id": "T0", "done": False},
                                                   {"id": "T1", "done": True}]
    rest, _, _ = run(query, variables={"first": 10, "after": tasks["pageInfo"]["endCursor"]},
                     operations={"get_operation": op})
    tail = rest.data["jointOperation"]["tasks"]
    assert [e["node"]["id"] for e in tail["edges"]] == ["T2", "T3", "T4"]
    assert tail["pageInfo"]["hasNextPage"] is False and tail["totalCount"] == 5
    for variables in ({"first": 101}, {"first": -1}, {"after": "garbage"}):
        bad, _, _ = run(query, variables=variables, operations={"get_operation": op})
        assert codes(bad) == ["INVALID_INPUT"]  # the one paging contract's refusal
