"""Culture and transport cases from filing to closing through the real gateway over HTTP,
with the real certification, culture and transport services: a major culture case with
legal review, electronic service and justice filing; a transport driver's penalty whose
publication is masked for cross-agency readers; a first-violation waiver; the figures."""
import datetime as dt

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.integration.test_enforcement_support import certify, driver_row

pytestmark = pytest.mark.e2e
ERRORS = "errors { code message field }"
CASE = """case { id state major overdue decisionDue publicationDue
  entity { name } officers { id }
  decision { major legalReviewApproved justiceFilingRequired draft { outcome fine } }
  legalReviews { outcome reviewerId } serviceAttempts { method receivedAt }
  publication { late } justiceFiling { reference }
  timeline { seq action officerIds } recordCheck { intact reason } }"""
CU_OFFICER = dict(roles=("enforcement_officer",), agency="CULTURE")
TR_OFFICER = dict(roles=("enforcement_officer",), agency="TRANSPORT")
LEGAL = dict(roles=("accountability_officer",), sub="lawyer-1")


@pytest.fixture
def officers(start_services, service_config):
    start_services("certification", "culture", "transport")
    with ClusterRpcProxy(service_config) as rpc:
        for seq, (oid, agency) in enumerate([("c1", "CULTURE"), ("c2", "CULTURE"),
                                             ("t1", "TRANSPORT"), ("t2", "TRANSPORT")]):
            certify(rpc.certification, oid, agency, seq)
        yield rpc


def call(gql, name, input, who, selection=CASE, expect_error=None):
    args = ", ".join(f"{k}: {v}" for k, v in input.items())
    body = gql(f"mutation {{ {name}(input: {{ {args} }}) {{ {selection} {ERRORS} }} }}", **who)
    assert "errors" not in body, body
    payload = body["data"][name]
    codes = [e["code"] for e in payload["errors"]]
    assert codes == ([expect_error] if expect_error else []), payload
    return payload


def step(gql, name, case_id, team, who, expect_error=None, **extra):
    return call(gql, name, {"caseId": f'"{case_id}"', "officerIds": team, **extra}, who,
                expect_error=expect_error)


def review(gql, case_id, team, who, stage, **extra):
    """The stage's review, submitted by the case's officers, approved by legal affairs."""
    step(gql, "submitForLegalReview", case_id, team, who, stage=stage, **extra)
    return call(gql, "recordLegalReview", {"caseId": f'"{case_id}"', "outcome": "APPROVED",
                                           "opinion": '"facts and basis sound"'}, LEGAL)


def register(gql, agency, who, **fields):
    args = {"agency": agency, **{k: f'"{v}"' if isinstance(v, str) else v
                                 for k, v in fields.items()}}
    args["category"] = fields["category"]
    return call(gql, "registerEnforcementEntity", args, who, "entity { id name }")["entity"]


def test_major_culture_case_with_legal_review_from_filing_to_closing(officers, gql):
    team = '["c1", "c2"]'
    cafe = register(gql, "CULTURE", CU_OFFICER, registrationNo="91320100MA1CAFE01X",
                    category="INTERNET_CAFE", name="Star Net Cafe", licence="NC-001")
    inspection = call(gql, "recordInspection", {
        "agency": "CULTURE", "entityId": f'"{cafe["id"]}"', "officerIds": team,
        "findings": '[{description: "two minors at terminals", '
                    'violationCode: "NETCAFE_ADMITS_MINORS"}]'}, CU_OFFICER, "inspection { id }")
    case = call(gql, "fileCase", {"agency": "CULTURE", "entityId": f'"{cafe["id"]}"',
                                  "officerIds": team, "violationCode": '"NETCAFE_ADMITS_MINORS"',
                                  "inspectionId": f'"{inspection["inspection"]["id"]}"'},
                CU_OFFICER)["case"]
    cid = case["id"]
    review(gql, cid, team, CU_OFFICER, "FILING")
    assert call(gql, "startInvestigation", {"caseId": f'"{cid}"', "officerIds": '["c1"]'},
                CU_OFFICER, expect_error="TOO_FEW_OFFICERS")["case"] is None
    step(gql, "startInvestigation", cid, team, CU_OFFICER)
    review(gql, cid, team, CU_OFFICER, "INVESTIGATION_END")
    step(gql, "notifyRights", cid, team, CU_OFFICER)
    harsh = ('{outcome: PENALTY, violationCode: "NETCAFE_ADMITS_MINORS", circumstance: '
             'HEAVIER, fine: 12000, measures: [LICENCE_REVOCATION]}')
    step(gql, "decideCase", cid, team, CU_OFFICER, "LEGAL_REVIEW_REQUIRED", decision=harsh)
    reviewed = review(gql, cid, team, CU_OFFICER, "DECISION", proposal=harsh)
    assert reviewed["case"]["legalReviews"][2]["outcome"] == "APPROVED"
    decided = step(gql, "decideCase", cid, team, CU_OFFICER, decision=harsh)["case"]
    assert decided["state"] == "DECIDED" and decided["major"]
    assert decided["decision"]["legalReviewApproved"] and decided["publicationDue"]
    step(gql, "attemptService", cid, team, CU_OFFICER, "CONSENT_REQUIRED", method="EMAIL")
    step(gql, "recordServiceConsent", cid, team, CU_OFFICER, method="EMAIL",
         address='"boss@starnet.cn"')
    step(gql, "attemptService", cid, team, CU_OFFICER, method="EMAIL")
    served = call(gql, "recordServiceReceipt", {"caseId": f'"{cid}"', "attemptIndex": 0},
                  CU_OFFICER)["case"]
    assert served["state"] == "SERVED" and served["serviceAttempts"][0]["receivedAt"]
    step(gql, "publishDecision", cid, team, CU_OFFICER, channel='"city portal"')
    review(gql, cid, team, CU_OFFICER, "CLOSING")
    step(gql, "closeCase", cid, team, CU_OFFICER, "JUSTICE_FILING_REQUIRED")
    call(gql, "fileWithJusticeBureau", {"caseId": f'"{cid}"', "reference": '"SFJ-2026-17"'},
         LEGAL)
    closed = step(gql, "closeCase", cid, team, CU_OFFICER)["case"]
    assert closed["state"] == "CLOSED" and closed["recordCheck"] == {"intact": True,
                                                                     "reason": None}
    reviewed_pair = ["LEGAL_REVIEW_SUBMITTED", "LEGAL_REVIEW_APPROVED"]
    assert [e["action"] for e in closed["timeline"]] == [
        "FILED", *reviewed_pair, "INVESTIGATION_STARTED", *reviewed_pair, "RIGHTS_NOTIFIED",
        *reviewed_pair, "DECIDED", "SERVICE_CONSENT_RECORDED", "SERVICE_ATTEMPTED",
        "SERVICE_RECEIVED", "PUBLISHED", *reviewed_pair, "JUSTICE_FILED", "CLOSED"]
    assert closed["entity"]["name"] == "Star Net Cafe"
    assert {o["id"] for o in closed["officers"]} >= {"c1", "c2"}
    foreign = gql(f'mutation {{ closeCase(input: {{caseId: "{cid}", officerIds: ["t1", "t2"]}})'
                  f' {{ {ERRORS} }} }}', **TR_OFFICER)
    assert foreign["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    today = dt.date.today()
    figures = gql(f'{{ enforcementStatistics(agency: CULTURE, periodFrom: "{today.year}-01-01",'
                  f' periodTo: "{today.year}-12-31") {{ inspections casesFiled decided '
                  f'legallyReviewed majorFiledWithJustice publishedInTime publishedLate '
                  f'byOutcome {{ outcome count }} }} }}')["data"]["enforcementStatistics"]
    assert figures == {"inspections": 1, "casesFiled": 1, "decided": 1, "legallyReviewed": 1,
                       "majorFiledWithJustice": 1, "publishedInTime": 1, "publishedLate": 0,
                       "byOutcome": [{"outcome": "PENALTY", "count": 1}]}


def test_transport_cases_waiver_and_masked_publication_with_batched_lists(officers, gql):
    team = '["t1", "t2"]'
    row = driver_row()
    driver = register(gql, "TRANSPORT", TR_OFFICER, registrationNo=row["registration_no"],
                      category="DRIVER", name=row["name"], idNumber=row["id_number"])
    coach = register(gql, "TRANSPORT", TR_OFFICER, registrationNo="91320100COACH0001",
                     category="COACH_OPERATOR", name="Jinling Tourist Coach Co.",
                     licence="RT-001")
    assert driver["name"] == "张三"                      # the holding agency's officer
    cases = {}
    for key, entity, code in (("driver", driver, "DRIVER_WITHOUT_QUALIFICATION"),
                              ("coach", coach, "ROUTE_DEVIATION")):
        cases[key] = call(gql, "fileCase", {
            "agency": "TRANSPORT", "entityId": f'"{entity["id"]}"', "officerIds": team,
            "violationCode": f'"{code}"'}, TR_OFFICER)["case"]["id"]
        for stage, name in (("FILING", "startInvestigation"),
                            ("INVESTIGATION_END", "notifyRights")):
            review(gql, cases[key], team, TR_OFFICER, stage)
            step(gql, name, cases[key], team, TR_OFFICER)
    fine = '{outcome: PENALTY, violationCode: "DRIVER_WITHOUT_QUALIFICATION", ' \
           'circumstance: LIGHTER, fine: 500}'
    waiver = '{outcome: NO_PENALTY_FIRST_VIOLATION, violationCode: "ROUTE_DEVIATION", ' \
             'firstViolation: true, minorHarm: true, correctedInTime: false}'
    step(gql, "submitForLegalReview", cases["coach"], team, TR_OFFICER,
         "FIRST_VIOLATION_CONDITIONS_NOT_MET", proposal=waiver)
    waiver = waiver.replace("correctedInTime: false", "correctedInTime: true")
    for key, decision in (("driver", fine), ("coach", waiver)):
        review(gql, cases[key], team, TR_OFFICER, "DECISION", proposal=decision)
        step(gql, "decideCase", cases[key], team, TR_OFFICER, decision=decision)
        step(gql, "attemptService", cases[key], team, TR_OFFICER, method="IN_PERSON")
        call(gql, "recordServiceReceipt", {"caseId": f'"{cases[key]}"', "attemptIndex": 0},
             TR_OFFICER)
    step(gql, "publishDecision", cases["coach"], team, TR_OFFICER, "INVALID_TRANSITION")
    step(gql, "publishDecision", cases["driver"], team, TR_OFFICER)
    for key in cases:
        review(gql, cases[key], team, TR_OFFICER, "CLOSING")
        assert step(gql, "closeCase", cases[key], team, TR_OFFICER)["case"]["state"] == "CLOSED"

    published = gql(f'{{ publishedDecision(caseId: "{cases["driver"]}") {{ partyName '
                    f'partyIdNumber outcome fine late }} }}', roles=("cross_agency",))
    shown = published["data"]["publishedDecision"]
    assert shown["partyName"] == "张*" and shown["partyIdNumber"].count("*") == 8
    assert (shown["outcome"], shown["fine"], shown["late"]) == ("PENALTY", 500, False)
    refused = gql(f'{{ enforcementCase(id: "{cases["driver"]}") {{ id }} }}',
                  roles=("cross_agency",))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    listing = gql('{ enforcementCases(agency: TRANSPORT, first: 1) { totalCount '
                  'pageInfo { hasNextPage endCursor } edges { node { id state party { name } '
                  'entity { name } officers { id } } } } }')
    page = listing["data"]["enforcementCases"]
    assert page["totalCount"] == 2 and page["pageInfo"]["hasNextPage"]
    after = page["pageInfo"]["endCursor"]
    rest = gql(f'{{ enforcementCases(agency: TRANSPORT, first: 5, after: "{after}") {{ edges '
               f'{{ node {{ id party {{ name }} entity {{ name }} officers {{ id }} }} }} }} }}')
    rows = [e["node"] for e in page["edges"] + rest["data"]["enforcementCases"]["edges"]]
    assert {r["id"] for r in rows} == set(cases.values())
    assert "张三" not in str(rows)                       # a planner sees the driver masked
    assert rest["extensions"]["serviceCalls"] == 3      # the page, its entities, its officers
    year = dt.date.today().year
    figures = gql(f'{{ enforcementStatistics(agency: TRANSPORT, periodFrom: "{year}-01-01", '
                  f'periodTo: "{year}-12-31") {{ firstViolationWaivers publishedInTime }} }}')
    assert figures["data"]["enforcementStatistics"] == {"firstViolationWaivers": 1,
                                                         "publishedInTime": 1}
