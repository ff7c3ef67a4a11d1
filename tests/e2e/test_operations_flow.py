"""A joint culture + transport operation through the real gateway over HTTP, with the
real certification, operations, culture and transport services: plan, refusals, launch,
a revocation pulling an officer off the team live, inspections under the operation,
completion and the joint report (GraphQL and the HTML download)."""

import httpx
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from tests.integration.test_operations_support import certify, directory, moment
from tests.support import wait_until

pytestmark = pytest.mark.e2e
CULTURE_PLANNER = dict(roles=("planner",), agency="CULTURE")
ERRORS = "errors { code message field }"
FIELDS = """id status teams { name understaffed members { domain
  officer { id name agency } qualification { qualified reasons } } }
  alerts { edges { node { kind team officerId reasons } } }"""
OPERATION = f"operation {{ {FIELDS} }}"


@pytest.fixture
def rpc(start_services, service_config):
    start_services("certification", "operations", "culture", "transport")
    with ServiceRpcProxy("certification", service_config) as cert, \
            ServiceRpcProxy("culture", service_config) as culture, \
            ServiceRpcProxy("transport", service_config) as transport:
        yield {"certification": cert, "CULTURE": culture, "TRANSPORT": transport}


def mutate(gql, name, args, selection=OPERATION, **who):
    body = gql(f"mutation {{ {name}({args}) {{ {selection} {ERRORS} }} }}", **(who or
                                                                               CULTURE_PLANNER))
    assert "errors" not in body, body
    return body["data"][name]


def assign(gql, op_id, team, officer, domain):
    return mutate(gql, "assignOfficer", f'input: {{operationId: "{op_id}", teamName: "{team}", '
                  f'officerId: "{officer}", domain: {domain}}}')


def members(payload, team):
    return [m["officer"]["id"] for t in payload["operation"]["teams"] if t["name"] == team
            for m in t["members"]]


def inspect(gql, op_id, task, officers, violation) -> str:
    """An inspection under the operation, recorded by the agency's own officers."""
    findings = '[{description: "licence not displayed"}]' if violation else "[]"
    body = gql(f'mutation {{ recordInspection(input: {{agency: {task["agency"]}, entityId: '
               f'"{task["entityId"]}", officerIds: {officers}, operationId: "{op_id}", '
               f'taskId: "{task["id"]}", findings: {findings}}}) {{ inspection {{ id }} '
               f'{ERRORS} }} }}'.replace("'", '"'), roles=("enforcement_officer",),
               agency=task["agency"])
    assert body["data"]["recordInspection"]["errors"] == [], body
    return body["data"]["recordInspection"]["inspection"]["id"]


def test_joint_operation_from_plan_to_report(rpc, gql, gateway_url, token):
    cert = rpc["certification"]
    for seq, (oid, agency) in enumerate([("c1", "CULTURE"), ("c2", "CULTURE"), ("t1", "TRANSPORT"),
                                         ("t2", "TRANSPORT"), ("t3", "TRANSPORT")]):
        certify(cert, oid, agency, seq)
    certify(cert, "t-exp", "TRANSPORT", 9, valid_days=3)
    cafe = directory(rpc["CULTURE"], "INTERNET_CAFE", 1, "C")[0]
    coach = directory(rpc["TRANSPORT"], "COACH_OPERATOR", 1, "T")[0]

    planned = mutate(gql, "planJointOperation", f'input: {{name: "National Day safe tourism", '
                     f'agencies: [CULTURE, TRANSPORT], startsAt: "{moment(0.001)}", '
                     f'endsAt: "{moment(7)}", legalBasis: "Action plan 2026-7", '
                     f'areas: ["Old town"], objectives: ["coaches", "venues"]}}')
    op_id = planned["operation"]["id"]
    assert planned["errors"] == [] and planned["operation"]["status"] == "DRAFT"
    refused = assign(gql, op_id, "Coaches", "t-exp", "ROAD_TRANSPORT")
    assert [e["code"] for e in refused["errors"]] == ["OFFICER_NOT_QUALIFIED"]
    assert "CERTIFICATE_EXPIRED" in refused["errors"][0]["message"]
    for officer, team, domain in (("c1", "Venues", "CULTURE_MARKET"),
                                  ("c2", "Venues", "CULTURE_MARKET"),
                                  ("t1", "Coaches", "ROAD_TRANSPORT")):
        assert assign(gql, op_id, team, officer, domain)["errors"] == []
    targets = mutate(gql, "addOperationTargets", f'input: {{operationId: "{op_id}", targets: ['
                     f'{{agency: CULTURE, entityId: "{cafe}"}}, {{agency: TRANSPORT, '
                     f'entityId: "{coach}"}}]}}', "operation { id }")
    assert targets["errors"] == []
    launch = f'id: "{op_id}"'
    understaffed = mutate(gql, "launchJointOperation", launch)["errors"]
    assert [e["code"] for e in understaffed] == ["TEAM_UNDERSTAFFED"]
    assert "Coaches" in understaffed[0]["message"]
    assign(gql, op_id, "Coaches", "t2", "ROAD_TRANSPORT")
    launched = mutate(gql, "launchJointOperation", launch)
    assert launched["errors"] == [] and launched["operation"]["status"] == "LAUNCHED"
    listed = gql('{ jointOperations(status: LAUNCHED, agency: TRANSPORT, officerId: "t1") '
                 '{ totalCount edges { node { id } } } }')["data"]["jointOperations"]
    assert listed == {"totalCount": 1, "edges": [{"node": {"id": op_id}}]}

    revoked = gql('mutation { revokeCertificate(input: {officerId: "t1", reason: "forged '
                  'records"}) { errors { code } } }', roles=("certification_admin",),
                  agency="TRANSPORT")
    assert revoked["data"]["revokeCertificate"]["errors"] == []
    # A bounded wait for the behaviour; how fast it happens is bench/bench_operation_pull.py's.
    query = f'{{ jointOperation(id: "{op_id}") {{ {FIELDS} }} }}'
    live = wait_until(lambda: (lambda op: "t1" not in members({"operation": op}, "Coaches")
                               and op)(gql(query)["data"]["jointOperation"]), timeout=10)
    coaches = next(t for t in live["teams"] if t["name"] == "Coaches")
    assert coaches["understaffed"] == ["ROAD_TRANSPORT"]
    assert [e["node"]["kind"] for e in live["alerts"]["edges"]] == [
        "TEAM_UNDERSTAFFED", "MEMBER_DISQUALIFIED"]
    assert live["alerts"]["edges"][1]["node"]["reasons"] == ["CERTIFICATE_REVOKED"]
    reinforced = assign(gql, op_id, "Coaches", "t3", "ROAD_TRANSPORT")
    assert [t["understaffed"] for t in reinforced["operation"]["teams"]] == [[], []]

    tasks = gql(f'{{ jointOperation(id: "{op_id}") {{ tasks {{ edges {{ node {{ id entityId '
                f'agency officerIds }} }} }} }} }}')["data"]["jointOperation"]["tasks"]["edges"]
    task = {t["node"]["agency"]: t["node"] for t in tasks}
    assert task["TRANSPORT"]["officerIds"] == ["t2", "t3"]
    found = inspect(gql, op_id, task["CULTURE"], ["c1", "c2"], True)
    filed = gql(f'mutation {{ fileCase(input: {{agency: CULTURE, entityId: "{cafe}", officerIds: '
                f'["c1", "c2"], inspectionId: "{found}"}}) {{ {ERRORS} }} }}',
                roles=("enforcement_officer",), agency="CULTURE")
    assert filed["data"]["fileCase"]["errors"] == [], filed
    inspect(gql, op_id, task["TRANSPORT"], ["t2", "t3"], False)
    progress = f'{{ jointOperation(id: "{op_id}") {{ progress {{ total {{ planned done withFindings }} }} }} }}'
    wait_until(lambda: gql(progress)["data"]["jointOperation"]["progress"]["total"] == {
        "planned": 2, "done": 2, "withFindings": 1})
    assert mutate(gql, "completeJointOperation", launch)["operation"]["status"] == "COMPLETED"

    report = gql(f'{{ jointOperation(id: "{op_id}") {{ report {{ totals {{ inspections '
                 f'violationsFound officersInvolved }} byAgency {{ edges {{ node {{ agency '
                 f'entitiesInspected violationsFound casesOpened officersInvolved casesByOutcome {{ edges {{ '
                 f'node {{ outcome count }} }} }} }} }} }} }} }} }}',
                 roles=("cross_agency",))
    assert "errors" not in report, report
    figures = report["data"]["jointOperation"]["report"]
    assert figures["totals"] == {"inspections": 2, "violationsFound": 1, "officersInvolved": 4}
    assert [e["node"] for e in figures["byAgency"]["edges"]] == [
        {"agency": "CULTURE", "entitiesInspected": 1, "violationsFound": 1, "casesOpened": 1,
         "officersInvolved": 2, "casesByOutcome": {"edges": [
             {"node": {"outcome": "UNDECIDED", "count": 1}}]}},
        {"agency": "TRANSPORT", "entitiesInspected": 1, "violationsFound": 0, "casesOpened": 0,
         "officersInvolved": 2, "casesByOutcome": {"edges": []}}]
    url = gateway_url.replace("/graphql", f"/operations/{op_id}/report.html")
    download = httpx.get(url, headers={"Authorization": "Bearer " + token("cross_agency")})
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    assert "<svg" in download.text and "National Day safe tourism" in download.text
    assert "联合执法行动报告" in download.text and "年" in download.text
    assert httpx.get(url).status_code == 401
    from services.common.pdf import pdf_text  # the same page as PDF, in Chinese

    pdf = httpx.get(url.replace(".html", ".pdf"), timeout=60,
                    headers={"Authorization": "Bearer " + token("cross_agency")})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "联合执法行动报告" in text and "National Day safe tourism" in text
    assert httpx.get(url.replace(".html", ".doc"), headers={
        "Authorization": "Bearer " + token("cross_agency")}).status_code == 404
