"""Accountability through the real gateway over HTTP, with the real certification
service: a sanction bites on officerQualification and lifting it restores it; who may
see and do what; paged, batched lists; the record; the figures; refusals as UserErrors."""
import datetime as dt

import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.common.clock import LOCAL_TZ
from tests.integration.test_accountability import certify_trio
from tests.support import wait_until

pytestmark = pytest.mark.e2e
LEGAL = dict(roles=("accountability_officer",))
ADMIN_CU = dict(roles=("certification_admin",), agency="CULTURE")
ERRORS = "errors { code message field }"
FINDING = "id officerId description recordedAt source"


@pytest.fixture
def officers(start_services, service_config):
    start_services("certification", "accountability")
    with ServiceRpcProxy("certification", service_config) as cert:
        return certify_trio(cert)


@pytest.fixture
def mutate(gql):
    def call(name, input_type, data, selection, who=LEGAL):
        body = gql(f"mutation($input: {input_type}!) {{ {name}(input: $input) "
                   f"{{ {selection} {ERRORS} }} }}", {"input": data}, **who)
        assert "errors" not in body, body
        return body["data"][name]
    return call


def finding(mutate, officer_id, text="late publication", **extra):
    out = mutate("recordFinding", "FindingInput", {"officerId": officer_id, "description": text,
                                                   **extra}, f"finding {{ {FINDING} }}")
    assert out["errors"] == [], out
    return out["finding"]


def qualification(gql, officer_id, domain="CULTURE_MARKET"):
    body = gql("query($id: ID!, $d: EnforcementDomain!) { officerQualification(officerId: $id, "
               "domain: $d) { qualified reasons } }", {"id": officer_id, "d": domain},
               roles=("cross_agency",))
    return body["data"]["officerQualification"]


def test_sanction_bites_and_training_completion_restores(officers, mutate, gql):
    li = officers[0]
    found = finding(mutate, li)
    assert found["source"] == "AUDIT" and found["officerId"] == li
    out = mutate("imposeSanction", "SanctionInput",
                 {"findingId": found["id"], "measure": "OFF_POST_TRAINING"},
                 "sanction { id findingId officerId measure effectiveAt }")
    assert out["errors"] == [] and out["sanction"]["measure"] == "OFF_POST_TRAINING"
    wait_until(lambda: qualification(gql, li) == {"qualified": False,
                                                  "reasons": ["OFF_POST_TRAINING"]})
    done = mutate("completeTraining", "OfficerStepInput", {"officerId": li},
                  "sanctions { id liftedAt }", who=ADMIN_CU)
    assert done["errors"] == [] and done["sanctions"][0]["liftedAt"]
    wait_until(lambda: qualification(gql, li)["qualified"])


def test_roles_cross_agency_sees_qualification_never_findings(officers, mutate, gql):
    li, _, zhao = officers
    found = finding(mutate, li)
    reads = {"accountabilityFindings": "{ accountabilityFindings { edges { node { id } } } }",
             "officerAccountabilityRecord": '{ officerAccountabilityRecord(officerId: "%s") '
                                            '{ officerId } }' % li,
             "accountabilityCounts": '{ accountabilityCounts(start: "2026-01-01", '
                                     'end: "2026-12-31") { start } }',
             "ledgerItems": "{ ledgerItems { edges { node { id } } } }"}
    for who in (("cross_agency",), ("planner",), ("enforcement_officer",)):
        for name, query in reads.items():
            body = gql(query, roles=who)
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", (who, name)
            assert found["id"] not in str(body)
    assert qualification(gql, li)["qualified"] is True  # cross_agency: only this
    for who in (("cross_agency",), ("certification_admin",)):
        body = gql('mutation { recordFinding(input: {officerId: "%s", description: "x"}) '
                   '{ finding { id } } }' % li, roles=who)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    mine = gql(reads["officerAccountabilityRecord"], **ADMIN_CU)
    assert mine["data"]["officerAccountabilityRecord"]["officerId"] == li
    other = gql('{ officerAccountabilityRecord(officerId: "%s") { officerId } }' % zhao,
                **ADMIN_CU)  # a TRANSPORT officer, asked by a CULTURE administrator
    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_lists_are_paged_and_batched_record_and_figures(officers, mutate, gql):
    li, wang, _ = officers
    made = [finding(mutate, o, f"finding {i}") for i, o in enumerate([li, wang, li])]
    query = ("query($after: String) { accountabilityFindings(first: 2, after: $after) { "
             "edges { node { id officer { name } } } pageInfo { hasNextPage endCursor } } }")
    first = gql(query, **LEGAL)
    page = first["data"]["accountabilityFindings"]
    assert [e["node"]["id"] for e in page["edges"]] == [made[2]["id"], made[1]["id"]]
    assert [e["node"]["officer"]["name"] for e in page["edges"]] == ["Li Wei", "Wang Fang"]
    assert first["extensions"]["serviceCalls"] == 2  # the page + one officer look-up for all
    rest = gql(query, {"after": page["pageInfo"]["endCursor"]}, **LEGAL)
    tail = rest["data"]["accountabilityFindings"]
    assert [e["node"]["id"] for e in tail["edges"]] == [made[0]["id"]]
    assert tail["pageInfo"]["hasNextPage"] is False and page["pageInfo"]["hasNextPage"]

    spot = mutate("fixOnTheSpot", "FixOnTheSpotInput", {
        "owner": li, "description": "badge shown", "evidence": ["photo-7"],
        "findingIds": [made[0]["id"]]}, "ledgerItem { id status onTheSpot deadline }")
    assert spot["ledgerItem"]["status"] == "RECTIFIED" and spot["ledgerItem"]["onTheSpot"]
    same = mutate("verifyLedgerItem", "VerifyLedgerItemInput",
                  {"itemId": spot["ledgerItem"]["id"]}, "ledgerItem { id }")
    assert [e["code"] for e in same["errors"]] == ["SAME_PERSON"] and same["ledgerItem"] is None
    mutate("openLedgerItem", "OpenLedgerItemInput",
           {"owner": li, "description": "retrain", "deadlineWorkdays": 5}, "ledgerItem { id }")
    record = gql('{ officerAccountabilityRecord(officerId: "%s") { officer { name } '
                 'activeMeasures findings(first: 1) { edges { node { id } } pageInfo '
                 '{ hasNextPage } } ledgerItems { edges { node { status deadline } } } } }' % li,
                 **ADMIN_CU)["data"]["officerAccountabilityRecord"]
    assert record["officer"]["name"] == "Li Wei" and record["activeMeasures"] == []
    assert record["findings"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["status"] for e in record["ledgerItems"]["edges"]] == ["RECTIFIED", "OPEN"]
    year = dt.datetime.now(LOCAL_TZ).year
    counts = gql('{ accountabilityCounts(start: "%d-01-01", end: "%d-12-31") { end '
                 'findingsBySource { audit automatic } ledgerItemsByStatus { open rectified } } }'
                 % (year, year), **LEGAL)["data"]["accountabilityCounts"]
    assert counts == {"end": f"{year}-12-31", "findingsBySource": {"audit": 3, "automatic": 0},
                      "ledgerItemsByStatus": {"open": 1, "rectified": 1}}


def test_refusals_are_user_errors_and_change_nothing(officers, mutate, gql):
    li = officers[0]
    bad = mutate("recordFinding", "FindingInput", {"officerId": li, "description": " "},
                 "finding { id }")
    assert [(e["code"], e["field"]) for e in bad["errors"]] == [
        ("INVALID_INPUT", ["input", "description"])]
    assert mutate("recordFinding", "FindingInput", {"officerId": "nobody", "description": "x"},
                  "finding { id }")["errors"][0]["code"] == "NOT_FOUND"
    found = finding(mutate, li)
    sanction = {"findingId": found["id"], "measure": "CRITICISM_EDUCATION"}
    assert mutate("imposeSanction", "SanctionInput", sanction, "sanction { id }")["errors"] == []
    again = mutate("imposeSanction", "SanctionInput", sanction, "sanction { id }")
    assert [e["code"] for e in again["errors"]] == ["SANCTION_ALREADY_IMPOSED"]
    missing = mutate("imposeSanction", "SanctionInput",
                     {"findingId": "nope", "measure": "REMOVAL_FROM_POST"}, "sanction { id }")
    assert [(e["code"], e["field"]) for e in missing["errors"]] == [
        ("NOT_FOUND", ["input", "findingId"])]
    lift = mutate("reinstateToPost", "OfficerStepInput", {"officerId": li}, "sanctions { id }")
    assert [e["code"] for e in lift["errors"]] == ["INVALID_TRANSITION"]
    cursor = gql('{ accountabilityFindings(after: "bogus") { edges { cursor } } }', **LEGAL)
    assert cursor["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    record = gql('{ officerAccountabilityRecord(officerId: "%s") { sanctions { edges '
                 '{ node { measure } } } } }' % li, **LEGAL)["data"]["officerAccountabilityRecord"]
    assert [e["node"]["measure"] for e in record["sanctions"]["edges"]] == ["CRITICISM_EDUCATION"]
